package match

import (
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/quality"
	"github.com/embargo-screening/embargo/internal/sharedtest"
	"github.com/embargo-screening/embargo/internal/synth"
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

// BenchmarkSearchListed screens perturbed list names (the harness's
// cases), which hit more candidates than customers do.
func BenchmarkSearchListed(b *testing.B) {
	ents, _ := realLists(b)
	ix := Build(ents)
	vals := make([]entity.Entity, len(ents))
	for i, e := range ents {
		vals[i] = *e
	}
	var qs []Query
	for _, c := range quality.Perturbations(vals, quality.DefaultOptions()) {
		qs = append(qs, toQuery(c.Query))
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

// BenchmarkScale indexes 1,000,000 synthetic entities (SCALE_N overrides)
// and screens synthetic queries against them, reporting build time, peak
// memory and the median query latency. The entities are generated one at
// a time into a Builder, as an import streams them from a file or the
// store: the index keeps what it needs of each, not the entities.
//
//	go test ./internal/match -run XXX -bench Scale -benchtime 3000x
func BenchmarkScale(b *testing.B) {
	scale.once.Do(func() {
		n := 1_000_000
		if s := os.Getenv("SCALE_N"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		g := synth.New(1)
		bld := NewBuilder()
		var gen time.Duration
		start := time.Now()
		for i := range n {
			t0 := time.Now()
			e := g.Next()
			gen += time.Since(t0)
			bld.Add(&e)
			if i%100 == 0 {
				// A uniform sample to draw the queries from.
				scale.sample = append(scale.sample, e)
			}
		}
		scale.ix = bld.Index()
		scale.build = time.Since(start) - gen
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.Logf("%d entities generated in %s; index %+v built in %s (generation excluded); index heap %.0f MiB (the 1%% sample of entities kept for queries included); peak RSS %s",
			n, gen.Round(time.Millisecond), scale.ix.Stats(), scale.build.Round(time.Millisecond),
			float64(after.HeapInuse-before.HeapInuse)/(1<<20), peakRSS())
	})
	ix, build := scale.ix, scale.build
	qs := synth.Queries(2, scale.sample, 5000)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := ix.Search(Query{Name: qs[i%len(qs)]}, Options{Threshold: DefaultThreshold, Limit: 10}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(build.Seconds(), "build-s")
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e3, "median-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e3, "p99-µs")
}

var scale struct {
	once   sync.Once
	sample []entity.Entity
	ix     *Index
	build  time.Duration
}

// peakRSS reads the process's high-water resident set size (Linux).
func peakRSS() string {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "n/a"
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:"))
		}
	}
	return "n/a"
}
