package match

import (
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/quality"
	"github.com/embargo-screening/embargo/internal/sharedtest"
)

var real struct {
	once      sync.Once
	ents      []*entity.Entity
	customers []quality.Query
	err       error
}

// realLists loads UN + OFAC 2021 and the dev customers once per test binary.
func realLists(tb testing.TB) ([]*entity.Entity, []quality.Query) {
	dir := sharedtest.DataDir(tb)
	real.once.Do(func() {
		ents, err := quality.LoadLists(dir)
		if err != nil {
			real.err = err
			return
		}
		for i := range ents {
			real.ents = append(real.ents, &ents[i])
		}
		real.customers, real.err = quality.LoadCustomers(dir)
	})
	if real.err != nil {
		tb.Fatal(real.err)
	}
	return real.ents, real.customers
}

func toQuery(c quality.Query) Query {
	q := Query{Name: c.Name, BirthDate: c.BirthDate}
	if s, ok := entity.ParseSchema(c.Schema); ok {
		q.Schema = s
	}
	if c.Country != "" {
		q.Countries = []string{c.Country}
	}
	return q
}

// BenchmarkSearch screens the dev customers one at a time against OFAC
// 2021 + UN on one goroutine, and reports the median latency.
func BenchmarkSearch(b *testing.B) {
	ents, customers := realLists(b)
	start := time.Now()
	ix := Build(ents)
	b.Logf("index: %+v built in %s", ix.Stats(), time.Since(start).Round(time.Millisecond))
	qs := make([]Query, len(customers))
	for i, c := range customers {
		qs[i] = toQuery(c)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := ix.Search(qs[i%len(qs)], Options{Threshold: DefaultThreshold, Limit: 10}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e3, "median-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e3, "p99-µs")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
}

// BenchmarkBuild indexes OFAC 2021 + UN.
func BenchmarkBuild(b *testing.B) {
	ents, _ := realLists(b)
	for i := 0; i < b.N; i++ {
		ix := Build(ents)
		if i == 0 {
			b.ReportMetric(float64(ix.Stats().Keys), "keys")
		}
	}
	b.ReportMetric(float64(len(ents)*b.N)/b.Elapsed().Seconds(), "entities/s")
}

var _ = fmt.Sprint
