package match

import (
	"fmt"
	"os"
	"strconv"
	"strings"
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
		for _, l := range m.SameAs {
			hits[i].SameAs = append(hits[i].SameAs, l.ID)
		}
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
	if s := os.Getenv("QUALITY_THRESHOLD"); s != "" {
		// To see what another default would give.
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("QUALITY_THRESHOLD=%q: %v", s, err)
		}
		opt.DefaultThreshold = f
	}
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
	// Floors against regressions, a little under what the engine reaches
	// on seed 1. They are not the acceptance bars; the README and
	// the closing note quote the measured figures against those.
	// The original-script floors are on party recall: with OFAC loaded
	// beside the UN, the top hit for a UN name in Arabic is as often
	// OFAC's listing of the same person, which strict recall counts as a
	// miss (the UN list alone is checked strictly below).
	floors := []struct {
		kind     string
		party    bool
		r1, r5   float64
		atAlert1 float64
	}{
		{"all perturbations", false, 0.985, 0.995, 0.98},
		{"held_out_alias", false, 0.58, 0.70, 0.42},
		{"original_script_Arab", true, 0.88, 0.94, 0.76},
		{"original_script_Cyrl", true, 0.80, 0.90, 0.80},
	}
	for _, f := range floors {
		var m *quality.Metrics
		for i := range rep.Kinds {
			if rep.Kinds[i].Kind == f.kind {
				m = &rep.Kinds[i]
			}
		}
		if m == nil {
			t.Errorf("report has no %q line", f.kind)
			continue
		}
		r1, r5, alert := m.RecallAt1, m.RecallAt5, m.RecallAtAlert1pct
		if f.party {
			r1, r5, alert = m.Party.At1, m.Party.At5, m.Party.AtAlert1pct
		}
		if r1 < f.r1 || r5 < f.r5 || alert < f.atAlert1 {
			t.Errorf("%s (party %v): R@1 %.3f R@5 %.3f R@alert1%% %.3f, floors %.2f %.2f %.2f", f.kind, f.party, r1, r5, alert, f.r1, f.r5, f.atAlert1)
		}
	}
	if rep.AlertRateDefault > 0.01 {
		t.Errorf("alert rate at the default threshold %.2f%%, want at most 1%%", 100*rep.AlertRateDefault)
	}
	// The original-script cases again against the UN list alone (Latin
	// names only): with OFAC loaded too, the top hit is often OFAC's
	// listing of the same person, which the harness cannot recognise as
	// the same party because it lacks the Arabic name.
	ents, _ := realLists(t)
	vals := make([]entity.Entity, len(ents))
	for i, e := range ents {
		vals[i] = *e
	}
	latin, cases := quality.OriginalScript(vals)
	var un []*entity.Entity
	for i := range latin {
		if latin[i].Dataset == "un_sc_sanctions" {
			un = append(un, &latin[i])
		}
	}
	ix := Build(un)
	found := map[string][2]int{}
	for _, c := range cases {
		ms, _ := ix.Search(toQuery(c.Query), Options{Threshold: 0, Limit: 1})
		f := found[c.Kind]
		f[1]++
		if len(ms) > 0 && ms[0].EntityID == c.Want {
			f[0]++
		} else if os.Getenv("QUALITY_MISSES") != "" {
			top := ""
			if len(ms) > 0 {
				top = fmt.Sprintf("%s %.4f %s", ms[0].EntityID, ms[0].Score, ms[0].MatchedName)
			}
			t.Logf("UN alone, miss: %q want %s, top %s", c.Query.Name, c.Want, top)
		}
		found[c.Kind] = f
	}
	for kind, f := range found {
		r1 := float64(f[0]) / float64(f[1])
		t.Logf("%s against the UN list alone: R@1 %.1f%% (%d/%d)", kind, 100*r1, f[0], f[1])
		if kind == "original_script_Arab" && r1 < 0.9 {
			t.Errorf("%s against the UN list alone: R@1 %.3f, want >= 0.90", kind, r1)
		}
	}
	if path := os.Getenv("QUALITY_DUMP"); path != "" {
		// One line per case, to compare two runs with diff.
		var b strings.Builder
		for _, r := range rep.Results {
			fmt.Fprintf(&b, "%s\t%q\t%s\trank=%d\t%.4f\ttop=%s %.4f\n", r.Case.Kind, r.Case.Query.Name, r.Case.Want, r.Rank, r.Score, r.Top.EntityID, r.Top.Score)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
