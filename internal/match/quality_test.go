package match

import (
	"os"
	"strconv"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/quality"
	"github.com/embargo-screening/embargo/internal/sharedtest"
)

// searcher adapts an Index to the quality harness.
type searcher struct{ ix *Index }

func (s searcher) Search(q quality.Query, limit int) []quality.Hit {
	ms, err := s.ix.Search(toQuery(q), Options{Threshold: 0, Limit: limit})
	if err != nil {
		return nil
	}
	hits := make([]quality.Hit, len(ms))
	for i, m := range ms {
		hits[i] = quality.Hit{EntityID: m.EntityID, Score: m.Score}
	}
	return hits
}

func build(ents []entity.Entity) (quality.Searcher, error) {
	ptrs := make([]*entity.Entity, len(ents))
	for i := range ents {
		ptrs[i] = &ents[i]
	}
	return searcher{Build(ptrs)}, nil
}

// TestQuality runs the quality harness on the real lists and prints the
// figures the README quotes; it fails when one falls below the bar the
// project holds itself to. QUALITY_SEED picks another sample of cases.
//
//	go test ./internal/match -run TestQuality -v
func TestQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("quality harness skipped in -short mode")
	}
	dir := sharedtest.DataDir(t)
	opt := quality.DefaultOptions()
	opt.DefaultThreshold = DefaultThreshold
	if s := os.Getenv("QUALITY_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("QUALITY_SEED=%q: %v", s, err)
		}
		opt.Seed = n
	}
	rep, err := quality.Run(dir, build, opt)
	if err != nil {
		t.Fatal(err)
	}
	rep.Print(testWriter{t})
	if os.Getenv("QUALITY_MISSES") != "" {
		for kind, ms := range rep.Misses {
			for _, m := range ms {
				t.Logf("miss %s: %+v", kind, m)
			}
		}
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
