package party_test

import (
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/party"
	"github.com/embargo-screening/embargo/internal/synth"
)

// BenchmarkFind links synthetic entities spread over four datasets, as an
// OpenSanctions-scale index would hold them: it is paid on every index
// build. It is one build of 200,000 entities per iteration.
//
//	go test ./internal/party -run '^$' -bench Find -benchtime 1x
func BenchmarkFind(b *testing.B) {
	const n = 200_000
	vals := synth.Entities(1, n)
	ents := make([]*entity.Entity, n)
	for i := range vals {
		vals[i].Dataset = []string{"a", "b", "c", "d"}[i%4]
		ents[i] = &vals[i]
	}
	b.ResetTimer()
	var links int
	start := time.Now()
	for range b.N {
		links = 0
		for _, ls := range party.Find(ents) {
			links += len(ls)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/time.Since(start).Seconds(), "entities/s")
	b.ReportMetric(float64(links), "links")
}
