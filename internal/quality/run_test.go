package quality

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
)

// The 1% threshold on 200 customers: two may alert.
func TestThreshold(t *testing.T) {
	scores := make([]float64, 200)
	for i := range scores {
		scores[i] = float64(i) / 200 // 0, 0.005, ..., 0.995
	}
	if got := Threshold(scores, 0.01); got != 0.99 {
		t.Errorf("distinct scores: %v, want 0.99 (0.995 and 0.99 alert)", got)
	}
	if got := alertRate(scores, 0.5); got != 0.5 {
		t.Errorf("alert rate at 0.5: %v", got)
	}

	// three customers tied at the top: no threshold among the scores
	// keeps to two alerts, so nothing may alert
	tied := make([]float64, 200)
	for i := range tied {
		tied[i] = 0.5
	}
	tied[3], tied[70], tied[150] = 1, 1, 1
	if got := Threshold(tied, 0.01); got != math.Nextafter(1, 2) {
		t.Errorf("tied top: %v", got)
	}
	tied[150] = 0.8
	if got := Threshold(tied, 0.01); got != 1 {
		t.Errorf("two at 1, one at 0.8 (three alerts at 0.8): got %v, want 1", got)
	}
	tied[70] = 0.7
	if got := Threshold(tied, 0.01); got != 0.8 {
		t.Errorf("1, 0.8, 0.7: got %v, want 0.8", got)
	}
	if got := Threshold(nil, 0.01); !math.IsInf(got, 1) {
		t.Errorf("no scores: %v", got)
	}
	// shuffled input gives the same answer
	rev := slices.Clone(scores)
	slices.Reverse(rev)
	if got := Threshold(rev, 0.01); got != 0.99 {
		t.Errorf("reversed: %v", got)
	}
}

func TestJudgeAndMetrics(t *testing.T) {
	accept := map[string]bool{"a": true, "a2": true}
	hits := []Hit{{EntityID: "b", Score: 0.95, SameAs: []string{"a"}}, {EntityID: "a", Score: 0.8}, {EntityID: "c", Score: 0.7}, {EntityID: "a2", Score: 0.6}}
	o := judge(hits, accept, 10, false)
	if o.rank != 2 || o.score != 0.8 {
		t.Errorf("judge: %+v", o)
	}
	if o := judge(hits, accept, 1, false); o.rank != 0 {
		t.Errorf("limit 1: %+v", o)
	}
	// b is another listing of a's party: party recall takes it at rank 1.
	if o := judge(hits, accept, 1, true); o.rank != 1 || o.score != 0.95 {
		t.Errorf("party, limit 1: %+v", o)
	}
	outs := []outcome{
		{rank: 1, score: 0.9}, // found everywhere
		{rank: 3, score: 0.9}, // at 5, at both thresholds
		{rank: 1, score: 0.6}, // at 1, not at 0.85, at 0.5
		{rank: 7, score: 0.4}, // only within the limit, below both
		{},                    // not found
	}
	m := metrics("k", outs, 0.85, 0.5)
	want := Metrics{Kind: "k", N: 5, RecallAt1: 0.4, RecallAt5: 0.6, RecallAtAlert1pct: 0.4, RecallAtDefault: 0.6}
	if m != want {
		t.Errorf("metrics\n got %+v\nwant %+v", m, want)
	}
}

// recorder wraps a builder to see what each index holds and what is
// asked of it.
type recorder struct {
	mu      sync.Mutex
	indexes [][]entity.Entity
	queries []Query
	score   map[string]float64 // customer name -> score of a made-up hit
}

func (r *recorder) build(ents []entity.Entity) (Searcher, error) {
	r.mu.Lock()
	r.indexes = append(r.indexes, ents)
	r.mu.Unlock()
	x, _ := exactBuilder(ents)
	return searchFunc(func(q Query, limit int) []Hit {
		r.mu.Lock()
		r.queries = append(r.queries, q)
		r.mu.Unlock()
		if s, ok := r.score[q.Name]; ok {
			return []Hit{{EntityID: "test:o4", Score: s}}
		}
		return x.Search(q, limit)
	}), nil
}

type searchFunc func(Query, int) []Hit

func (f searchFunc) Search(q Query, limit int) []Hit { return f(q, limit) }

// Measure end to end on invented lists and 200 customers with known
// scores.
func TestMeasure(t *testing.T) {
	ents := invented()
	rec := &recorder{score: map[string]float64{}}
	var customers []Query
	for i := range 200 {
		name := fmt.Sprintf("Customer %03d", i)
		rec.score[name] = float64(i) / 200
		customers = append(customers, Query{Name: name, Schema: "Person", BirthDate: "1970-01-01", Country: "DE"})
	}
	opt := Options{Seed: 1, PerKind: 100, DefaultThreshold: 0.5, Limit: 10}
	rep, err := Measure(ents, customers, rec.build, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Threshold1pct != 0.99 || rep.AlertRateDefault != 0.5 || rep.Customers != 200 {
		t.Errorf("threshold %v, alert rate %v, customers %d", rep.Threshold1pct, rep.AlertRateDefault, rep.Customers)
	}
	for _, q := range rec.queries {
		if q.BirthDate != "" || q.Country != "" {
			t.Fatalf("query with more than a name: %+v", q)
		}
	}
	// one index per family: full, held-out, Latin only
	if len(rec.indexes) != 3 {
		t.Fatalf("%d indexes built, want 3", len(rec.indexes))
	}
	if len(rec.indexes[0]) != len(ents) {
		t.Errorf("full index: %d entities", len(rec.indexes[0]))
	}
	for _, e := range rec.indexes[2] {
		for _, n := range e.Names {
			if n.Script != "Latn" {
				t.Errorf("Latin index holds %q", n.Full)
			}
		}
	}

	got := map[string]Metrics{}
	for _, m := range rep.Kinds {
		got[m.Kind] = m
	}
	var kinds []string
	for _, m := range rep.Kinds {
		kinds = append(kinds, m.Kind)
	}
	wantKinds := append(PerturbationKinds(), KindAllPerturbations, KindHeldOut,
		KindHeldOut+", sharing a word", KindHeldOut+", sharing none", "original_script_Arab", "original_script_Cyrl")
	if !slices.Equal(kinds, wantKinds) {
		t.Errorf("kinds %q\nwant %q", kinds, wantKinds)
	}
	if s, n := got[KindHeldOut+", sharing a word"].N+got[KindHeldOut+", sharing none"].N, got[KindHeldOut].N; s != n {
		t.Errorf("held-out split into %d cases, want %d", s, n)
	}
	// The exact matcher finds every reordering (Fold sorts the tokens)
	// and none of the names its index does not hold.
	// Its hits score 1 >= 0.99: found at the 1% threshold too.
	if m := got[KindOrder]; m.RecallAt1 != 1 || m.RecallAtAlert1pct != 1 {
		t.Errorf("order: %+v", m)
	}
	for _, k := range []string{KindHeldOut, "original_script_Arab", "original_script_Cyrl"} {
		if m := got[k]; m.N == 0 || m.RecallAt5 != 0 {
			t.Errorf("%s: %+v", k, m)
		}
		if len(rep.Misses[k]) == 0 {
			t.Errorf("%s: no misses kept", k)
		}
	}
	all := 0
	for _, k := range PerturbationKinds() {
		all += got[k].N
	}
	if got[KindAllPerturbations].N != all {
		t.Errorf("all perturbations: %d cases, kinds sum to %d", got[KindAllPerturbations].N, all)
	}

	var b strings.Builder
	rep.Print(&b)
	out := b.String()
	for _, s := range []string{"held_out_alias", "all perturbations", "threshold at a 1% alert rate: 0.99", "default threshold 0.5: 50.00%"} {
		if !strings.Contains(out, s) {
			t.Errorf("Print lacks %q:\n%s", s, out)
		}
	}
	b.Reset()
	rep.PrintMisses(&b, 2)
	if !strings.Contains(b.String(), "== held_out_alias") {
		t.Errorf("PrintMisses:\n%s", b.String())
	}
	t.Log("\n" + out)
}

// A listing of the same name on another entity is a correct answer: UN
// and OFAC list many of the same people.
func TestMeasureAcceptsOtherListing(t *testing.T) {
	ents := []entity.Entity{
		{ID: "un:1", Schema: entity.Person, Names: []entity.Name{{Full: "Omar Farouk Haddad", Kind: entity.Primary, Script: "Latn"}}},
		{ID: "ofac:2", Schema: entity.Person, Names: []entity.Name{{Full: "HADDAD, Omar Farouk", Kind: entity.Primary, Script: "Latn"}}},
	}
	// a searcher that always puts the other listing first
	b := func(idx []entity.Entity) (Searcher, error) {
		return searchFunc(func(q Query, limit int) []Hit {
			return []Hit{{EntityID: "ofac:2", Score: 0.9}, {EntityID: "un:1", Score: 0.8}}
		}), nil
	}
	rep, err := Measure(ents, []Query{{Name: "x"}}, b, Options{Seed: 1, PerKind: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Kinds {
		if strings.HasPrefix(m.Kind, KindOriginalScript) || m.Kind == KindHeldOut {
			continue
		}
		if m.RecallAt1 != 1 {
			t.Errorf("%s: %+v", m.Kind, m)
		}
	}
}

func TestIsAmbiguous(t *testing.T) {
	acc := map[string]bool{"un:1": true}
	for _, tc := range []struct {
		name     string
		carriers []string
		hits     []Hit
		want     bool
	}{
		{"no other carrier", []string{"un:1"}, nil, false},
		{"another party's name", []string{"un:1", "ofac:9"}, nil, true},
		{"the same party's other listing", []string{"ofac:2"}, []Hit{{EntityID: "un:1", SameAs: []string{"ofac:2"}}}, false},
		{"a link from an unaccepted hit does not count", []string{"ofac:2"}, []Hit{{EntityID: "ofac:7", SameAs: []string{"ofac:2"}}}, true},
	} {
		if got := isAmbiguous(tc.carriers, acc, tc.hits); got != tc.want {
			t.Errorf("%s: isAmbiguous = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestSharesWord(t *testing.T) {
	index := []entity.Entity{{ID: "x:1", Names: []entity.Name{{Full: "BARRERA BARRERA, Daniel"}}}}
	for _, tc := range []struct {
		alias string
		want  bool
	}{
		{"EL LOCO BARRERA", true},
		{"EL LOCO", false},
		{"barrera", true},
	} {
		if got := sharesWord(Case{Want: "x:1", Query: Query{Name: tc.alias}}, index); got != tc.want {
			t.Errorf("sharesWord(%q) = %v, want %v", tc.alias, got, tc.want)
		}
	}
}
