package quality

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Metrics are the recall figures of one kind of case. Recall at the 1%
// alert rate is the one to optimize: it is what a bank gets when it sets
// the threshold so its analysts see 1% of clean customers.
type Metrics struct {
	Kind              string
	N                 int
	RecallAt1         float64 // a correct entity is the top hit
	RecallAt5         float64 // ... among the first 5
	RecallAtAlert1pct float64 // ... among Limit hits, scored >= Threshold1pct
	RecallAtDefault   float64 // ... among Limit hits, scored >= DefaultThreshold

	// The same, accepting a hit on another listing of the same party
	// (Hit.SameAs): what an analyst sees, who is shown the links.
	Party Recall

	// Ambiguous counts the cases whose query is, word for word, a name
	// of another listed party (not the same party's other listing):
	// dropping a middle name of MOHAMED OMAR MOHAMED leaves a name the
	// lists give someone else. No matcher can rank the wanted entity
	// first there but by chance; RecallAt1Clear is recall at rank 1 on
	// the other cases.
	Ambiguous      int
	RecallAt1Clear float64
}

// Recall is recall at rank 1, rank 5 and the 1%-alert threshold.
type Recall struct {
	At1, At5, AtAlert1pct float64
}

// Miss is a failed case kept for debugging: the case, where the correct
// entity came (1-based rank among the hits, 0 when absent) and the top
// hits with their captions.
type Miss struct {
	Case     Case
	Rank     int
	Score    float64 // of the correct hit, when ranked
	Hits     []Hit
	Captions []string
}

// Report is the outcome of Run.
type Report struct {
	// Threshold1pct is the smallest customer score t such that at most
	// 1% of customers score >= t.
	Threshold1pct float64
	// AlertRateDefault is the share of customers scoring >=
	// DefaultThreshold.
	AlertRateDefault float64
	Kinds            []Metrics
	// Misses holds, per kind, a sample of cases not found at the 1%
	// alert rate.
	Misses map[string][]Miss

	// Results has every case with where its correct entity came and the
	// top hit, in the order the cases were built: two runs can be compared
	// case by case.
	Results []Result

	Customers int
	Options   Options
}

// Result is the outcome of one case.
type Result struct {
	Case  Case
	Rank  int     // of the first correct hit, 1-based; 0 when absent
	Score float64 // of the correct hit
	Top   Hit     // the first hit, if any
}

// missSample is how many misses per kind a report keeps.
const missSample = 20

// Run loads the lists and the customers from dataDir, builds the three
// indexes with b (full, held-out aliases removed, Latin names only),
// screens every case and customer, and computes the report.
func Run(dataDir string, b Builder, opt Options) (Report, error) {
	ents, err := LoadLists(dataDir)
	if err != nil {
		return Report{}, err
	}
	customers, err := LoadCustomers(dataDir)
	if err != nil {
		return Report{}, err
	}
	return Measure(ents, customers, b, opt)
}

// Measure is Run on lists and customers already loaded. Customers are
// screened on name and schema only, like the cases: a threshold set on
// queries with birth dates and countries would not be the threshold the
// name-only cases are held to.
func Measure(ents []entity.Entity, customers []Query, b Builder, opt Options) (Report, error) {
	opt = opt.withDefaults()
	rep := Report{Options: opt, Customers: len(customers), Misses: map[string][]Miss{}}

	type family struct {
		index []entity.Entity
		cases []Case
	}
	heldIndex, heldCases := HeldOutAliases(ents, opt)
	latinIndex, scriptCases := OriginalScript(ents)
	families := []family{
		{ents, Perturbations(ents, opt)},
		{heldIndex, heldCases},
		{latinIndex, scriptCases},
	}

	var cases []Case
	var results [][]Hit
	var accepts []map[string]bool
	var ambiguous []bool
	captions := map[string]string{}
	for fi, f := range families {
		s, err := b(f.index)
		if err != nil {
			return Report{}, fmt.Errorf("building index %d: %w", fi+1, err)
		}
		if fi == 0 {
			qs := make([]Query, len(customers))
			for i, c := range customers {
				qs[i] = Query{Name: c.Name, Schema: c.Schema}
			}
			scores := make([]float64, len(qs))
			for i, hits := range screen(s, qs, opt.Limit) {
				scores[i] = topScore(hits)
			}
			rep.Threshold1pct = Threshold(scores, 0.01)
			rep.AlertRateDefault = alertRate(scores, opt.DefaultThreshold)
		}
		qs := make([]Query, len(f.cases))
		for i, c := range f.cases {
			qs[i] = c.Query
		}
		hits := screen(s, qs, opt.Limit)
		byFold := map[string][]string{}
		for i := range f.index {
			e := &f.index[i]
			captions[e.ID] = e.Caption()
			for _, n := range e.Names {
				k := Fold(n.Full)
				if l := byFold[k]; len(l) == 0 || l[len(l)-1] != e.ID {
					byFold[k] = append(l, e.ID)
				}
			}
		}
		for i, c := range f.cases {
			acc := map[string]bool{c.Want: true}
			for _, id := range byFold[Fold(c.From)] {
				acc[id] = true
			}
			cases = append(cases, c)
			results = append(results, hits[i])
			accepts = append(accepts, acc)
			ambiguous = append(ambiguous, isAmbiguous(byFold[Fold(c.Query.Name)], acc, hits[i]))
		}
	}

	outcomes := make([]outcome, len(cases))
	party := make([]outcome, len(cases))
	rep.Results = make([]Result, len(cases))
	for i := range cases {
		outcomes[i] = judge(results[i], accepts[i], opt.Limit, false)
		party[i] = judge(results[i], accepts[i], opt.Limit, true)
		rep.Results[i] = Result{Case: cases[i], Rank: outcomes[i].rank, Score: outcomes[i].score}
		if len(results[i]) > 0 {
			rep.Results[i].Top = results[i][0]
		}
	}
	byKind := map[string][]int{}
	for i, c := range cases {
		byKind[c.Kind] = append(byKind[c.Kind], i)
	}
	var all []int
	for _, k := range PerturbationKinds() {
		all = append(all, byKind[k]...)
	}
	add := func(kind string, idx []int) {
		if len(idx) == 0 {
			return
		}
		outs := make([]outcome, len(idx))
		pouts := make([]outcome, len(idx))
		var clear []outcome
		for j, i := range idx {
			outs[j], pouts[j] = outcomes[i], party[i]
			if !ambiguous[i] {
				clear = append(clear, outcomes[i])
			}
		}
		m := metrics(kind, outs, rep.Threshold1pct, opt.DefaultThreshold)
		m.Ambiguous = len(idx) - len(clear)
		m.RecallAt1Clear = metrics(kind, clear, rep.Threshold1pct, opt.DefaultThreshold).RecallAt1
		pm := metrics(kind, pouts, rep.Threshold1pct, opt.DefaultThreshold)
		m.Party = Recall{pm.RecallAt1, pm.RecallAt5, pm.RecallAtAlert1pct}
		rep.Kinds = append(rep.Kinds, m)
		var misses []Miss
		for j, i := range idx {
			if len(misses) >= missSample {
				break
			}
			if outs[j].found(rep.Threshold1pct) {
				continue
			}
			m := Miss{Case: cases[i], Rank: outs[j].rank, Score: outs[j].score}
			top := results[i][:min(5, len(results[i]))]
			m.Hits = slices.Clone(top)
			for _, h := range top {
				m.Captions = append(m.Captions, captions[h.EntityID])
			}
			misses = append(misses, m)
		}
		if kind != KindAllPerturbations && len(misses) > 0 {
			rep.Misses[kind] = misses
		}
	}
	for _, k := range PerturbationKinds() {
		add(k, byKind[k])
	}
	add(KindAllPerturbations, all)
	add(KindHeldOut, byKind[KindHeldOut])
	// Split by whether the alias shares a word with a name left in the
	// index for its entity: one that shares none ("EL LOCO" for Daniel
	// BARRERA BARRERA) can be found by no name matcher but by chance.
	var sharing, apart []int
	for _, i := range byKind[KindHeldOut] {
		if sharesWord(cases[i], heldIndex) {
			sharing = append(sharing, i)
		} else {
			apart = append(apart, i)
		}
	}
	add(KindHeldOut+", sharing a word", sharing)
	add(KindHeldOut+", sharing none", apart)
	var scripts []string
	for k := range byKind {
		if strings.HasPrefix(k, KindOriginalScript) {
			scripts = append(scripts, k)
		}
	}
	sort.Strings(scripts)
	for _, k := range scripts {
		add(k, byKind[k])
	}
	return rep, nil
}

// screen runs the queries on all cores. The hits of each query are cut
// to limit, whatever the Searcher returned.
func screen(s Searcher, qs []Query, limit int) [][]Hit {
	out := make([][]Hit, len(qs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(qs))) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(qs) {
					return
				}
				h := s.Search(qs[i], limit)
				out[i] = h[:min(limit, len(h))]
			}
		})
	}
	wg.Wait()
	return out
}

// topScore is a customer's score: its best hit's, 0 without hits.
func topScore(hits []Hit) float64 {
	best := 0.0
	for _, h := range hits {
		best = max(best, h.Score)
	}
	return best
}

// Threshold returns the smallest of the scores t such that at most rate
// of them are >= t: the threshold that holds the alert rate to rate on
// this population. When even the top score is shared by too many (or
// rate allows none), it returns the next float above the top score, so
// that nothing alerts. Without scores it returns +Inf.
func Threshold(scores []float64, rate float64) float64 {
	if len(scores) == 0 {
		return math.Inf(1)
	}
	s := slices.Clone(scores)
	slices.SortFunc(s, func(a, b float64) int { return -cmpFloat(a, b) })
	k := int(math.Floor(rate*float64(len(s)) + 1e-9)) // alerts allowed
	t := math.Nextafter(s[0], math.Inf(1))
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		if j > k { // count(>= s[i]) = j
			break
		}
		t = s[i]
		i = j
	}
	return t
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func alertRate(scores []float64, t float64) float64 {
	if len(scores) == 0 {
		return 0
	}
	n := 0
	for _, s := range scores {
		if s >= t {
			n++
		}
	}
	return float64(n) / float64(len(scores))
}

// outcome is where the first correct hit of a case came.
// sharesWord reports whether case c's query has a word (as Fold writes
// it) in a name that index gives the entity c wants.
func sharesWord(c Case, index []entity.Entity) bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(Fold(c.Query.Name)) {
		words[w] = true
	}
	for i := range index {
		if index[i].ID != c.Want {
			continue
		}
		for _, n := range index[i].Names {
			for _, w := range strings.Fields(Fold(n.Full)) {
				if words[w] {
					return true
				}
			}
		}
	}
	return false
}

// isAmbiguous reports whether one of carriers, the entities that carry
// the query as a name, is neither an accepted answer nor linked to one by
// the hits' SameAs.
func isAmbiguous(carriers []string, accept map[string]bool, hits []Hit) bool {
	for _, id := range carriers {
		if accept[id] {
			continue
		}
		linked := false
		for _, h := range hits {
			if accept[h.EntityID] && slices.Contains(h.SameAs, id) {
				linked = true
				break
			}
		}
		if !linked {
			return true
		}
	}
	return false
}

type outcome struct {
	rank  int     // 1-based; 0 when no correct hit
	score float64 // best score of a correct hit
}

func (o outcome) found(t float64) bool { return o.rank > 0 && o.score >= t }

// judge finds the first accepted hit; with party, a hit is also accepted
// when it is another listing of an accepted entity's party.
func judge(hits []Hit, accept map[string]bool, limit int, party bool) outcome {
	var o outcome
	for i, h := range hits[:min(limit, len(hits))] {
		ok := accept[h.EntityID]
		if party && !ok {
			for _, id := range h.SameAs {
				ok = ok || accept[id]
			}
		}
		if ok {
			if o.rank == 0 {
				o.rank = i + 1
			}
			o.score = max(o.score, h.Score)
		}
	}
	return o
}

func metrics(kind string, outs []outcome, t1pct, tdefault float64) Metrics {
	m := Metrics{Kind: kind, N: len(outs)}
	if len(outs) == 0 {
		return m
	}
	var at1, at5, alert, def int
	for _, o := range outs {
		if o.rank == 1 {
			at1++
		}
		if o.rank >= 1 && o.rank <= 5 {
			at5++
		}
		if o.found(t1pct) {
			alert++
		}
		if o.found(tdefault) {
			def++
		}
	}
	n := float64(len(outs))
	m.RecallAt1, m.RecallAt5 = float64(at1)/n, float64(at5)/n
	m.RecallAtAlert1pct, m.RecallAtDefault = float64(alert)/n, float64(def)/n
	return m
}

// Print writes the report as an aligned table, one line per kind, then
// the customer figures the thresholds come from.
func (r Report) Print(w io.Writer) {
	width := len("kind")
	for _, m := range r.Kinds {
		width = max(width, len(m.Kind))
	}
	pct := func(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }
	fmt.Fprintf(w, "%-*s  %5s  %6s  %6s  %9s  %9s  |  party: %6s  %6s  %9s  |  %4s  %6s\n", width, "kind", "n", "R@1", "R@5", "R@alert1%", "R@default", "R@1", "R@5", "R@alert1%", "amb", "R@1")
	for _, m := range r.Kinds {
		fmt.Fprintf(w, "%-*s  %5d  %6s  %6s  %9s  %9s  |         %6s  %6s  %9s  |  %4d  %6s\n", width, m.Kind, m.N,
			pct(m.RecallAt1), pct(m.RecallAt5), pct(m.RecallAtAlert1pct), pct(m.RecallAtDefault),
			pct(m.Party.At1), pct(m.Party.At5), pct(m.Party.AtAlert1pct), m.Ambiguous, pct(m.RecallAt1Clear))
	}
	fmt.Fprintln(w, "party: a hit on another listing of the same party (UN and OFAC) counts, as linked by package party")
	fmt.Fprintln(w, "amb: cases whose query is word for word a name of another listed party; R@1 on the rest")
	fmt.Fprintf(w, "customers: %d screened (name and schema), %d hits per query, seed %d\n", r.Customers, r.Options.Limit, r.Options.Seed)
	fmt.Fprintf(w, "threshold at a 1%% alert rate: %.4g\n", r.Threshold1pct)
	fmt.Fprintf(w, "alert rate at the default threshold %.4g: %.2f%%\n", r.Options.DefaultThreshold, 100*r.AlertRateDefault)
}

// PrintMisses writes up to n sampled misses per kind: the query, the
// name it came from, and the top hits.
func (r Report) PrintMisses(w io.Writer, n int) {
	kinds := make([]string, 0, len(r.Misses))
	for _, m := range r.Kinds {
		if len(r.Misses[m.Kind]) > 0 {
			kinds = append(kinds, m.Kind)
		}
	}
	for _, k := range kinds {
		fmt.Fprintf(w, "== %s\n", k)
		for _, m := range r.Misses[k][:min(n, len(r.Misses[k]))] {
			fmt.Fprintf(w, "%q (from %q, %s; want %s", m.Case.Query.Name, m.Case.From, m.Case.Detail, m.Case.Want)
			if m.Rank > 0 {
				fmt.Fprintf(w, " at rank %d, %.3f", m.Rank, m.Score)
			}
			fmt.Fprintln(w, ")")
			for i, h := range m.Hits {
				fmt.Fprintf(w, "    %.3f %s %s\n", h.Score, h.EntityID, m.Captions[i])
			}
		}
	}
}
