package synth

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/embargo-screening/embargo/internal/entity"
)

func TestDeterministic(t *testing.T) {
	a := Entities(7, 3000)
	b := Entities(7, 3000)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different entities")
	}
	if reflect.DeepEqual(a, Entities(8, 3000)) {
		t.Fatal("different seeds gave the same entities")
	}
	g := New(7)
	for i := range 100 {
		if e := g.Next(); !reflect.DeepEqual(e, a[i]) {
			t.Fatalf("Next #%d differs from Entities", i+1)
		}
	}
}

func TestSchemaMix(t *testing.T) {
	const n = 20000
	counts := map[entity.Schema]int{}
	for _, e := range Entities(1, n) {
		counts[e.Schema]++
	}
	want := map[entity.Schema]float64{
		entity.Person: 0.65, entity.Organization: 0.28, entity.Vessel: 0.05, entity.Airplane: 0.02,
	}
	for s, p := range want {
		got := float64(counts[s]) / n
		tol := 4*math.Sqrt(p*(1-p)/n) + 0.002
		if math.Abs(got-p) > tol {
			t.Errorf("%s: %.4f of entities, want %.2f ± %.4f", s, got, p, tol)
		}
	}
	if len(counts) != len(want) {
		t.Errorf("schemas %v", counts)
	}
}

// scriptAgrees reports whether a declared script fits the detected one:
// Han names are declared Simplified ("Hans") while detection says "Hani".
func scriptAgrees(declared, detected string) bool {
	return declared == detected || (detected == "Hani" && (declared == "Hans" || declared == "Hant"))
}

func imoValid(s string) bool {
	if len(s) != 7 {
		return false
	}
	sum := 0
	for i := range 6 {
		sum += int(s[i]-'0') * (7 - i)
	}
	return int(s[6]-'0') == sum%10
}

func isCountry(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

func TestValid(t *testing.T) {
	ents := Entities(3, 20000)
	kinds := map[entity.NameKind]bool{entity.Primary: true, entity.Alias: true, entity.WeakAlias: true, entity.Former: true}
	schemas := map[entity.Schema]bool{entity.Person: true, entity.Organization: true, entity.Vessel: true, entity.Airplane: true}
	fail := 0
	errorf := func(e *entity.Entity, format string, args ...any) {
		t.Helper()
		if fail++; fail <= 20 {
			t.Errorf("%s: "+format, append([]any{e.ID}, args...)...)
		}
	}
	for i := range ents {
		e := &ents[i]
		if e.SourceID != strconv.Itoa(i+1) || e.ID != "synth:"+e.SourceID || e.Dataset != "synth" {
			errorf(e, "id %q dataset %q source id %q", e.ID, e.Dataset, e.SourceID)
		}
		if !schemas[e.Schema] {
			errorf(e, "schema %q", e.Schema)
		}
		if len(e.Names) == 0 || e.Names[0].Kind != entity.Primary {
			errorf(e, "first name is not primary: %+v", e.Names)
		}
		if len(e.Names) > 5 {
			errorf(e, "%d names", len(e.Names))
		}
		seen := map[string]bool{}
		for _, n := range e.Names {
			if n.Full == "" || n.Full != entity.CleanSpace(n.Full) {
				errorf(e, "name %q not clean", n.Full)
			}
			if seen[n.Full] {
				errorf(e, "name %q twice", n.Full)
			}
			seen[n.Full] = true
			if !kinds[n.Kind] {
				errorf(e, "name %q kind %q", n.Full, n.Kind)
			}
			if n.Script == "" || !scriptAgrees(n.Script, entity.DetectScript(n.Full)) {
				errorf(e, "name %q script %q, detected %q", n.Full, n.Script, entity.DetectScript(n.Full))
			}
			if !strings.ContainsFunc(n.Full, unicode.IsLetter) {
				errorf(e, "name %q has no letters", n.Full)
			}
		}
		for _, d := range e.BirthDates {
			if p, ok := entity.ParseDate(d.Value); !ok || p.Value != d.Value {
				errorf(e, "birth date %q", d.Value)
			}
		}
		for _, c := range append(append([]string{}, e.Nationalities...), e.Countries...) {
			if !isCountry(c) {
				errorf(e, "country %q", c)
			}
		}
		for _, id := range e.Identifiers {
			if id.Type == "" || id.Number == "" || (id.Country != "" && !isCountry(id.Country)) {
				errorf(e, "identifier %+v", id)
			}
			if id.Type == entity.IDIMO && !imoValid(id.Number) {
				errorf(e, "IMO %q check digit", id.Number)
			}
		}
		if len(e.Programs) == 0 {
			errorf(e, "no program")
		}
		switch e.Schema {
		case entity.Person:
			if len(e.Nationalities) == 0 {
				errorf(e, "person without nationality")
			}
			if e.Gender != "" && e.Gender != "male" && e.Gender != "female" {
				errorf(e, "gender %q", e.Gender)
			}
		case entity.Vessel:
			if e.Vessel == nil || e.Vessel.Flag == "" || len(e.Identifiers) == 0 || e.Identifiers[0].Type != entity.IDIMO {
				errorf(e, "vessel without IMO or flag")
			}
		case entity.Airplane:
			if len(e.Identifiers) == 0 || e.Identifiers[0].Type != entity.IDRegistration {
				errorf(e, "airplane without tail number")
			}
		}
	}
}

func TestPersonShares(t *testing.T) {
	const n = 20000
	var persons, dob, yearOnly, passport int
	for _, e := range Entities(4, n) {
		if e.Schema != entity.Person {
			continue
		}
		persons++
		if len(e.BirthDates) > 0 {
			dob++
			if len(e.BirthDates[0].Value) == 4 {
				yearOnly++
			}
		}
		for _, id := range e.Identifiers {
			if id.Type == entity.IDPassport {
				passport++
			}
		}
	}
	check := func(what string, got, lo, hi float64) {
		if got < lo || got > hi {
			t.Errorf("%s: %.3f, want %.2f..%.2f", what, got, lo, hi)
		}
	}
	check("persons with a birth date", float64(dob)/float64(persons), 0.77, 0.83)
	check("year-only dates", float64(yearOnly)/float64(dob), 0.20, 0.30)
	check("persons with a passport", float64(passport)/float64(persons), 0.27, 0.33)
}

func TestScripts(t *testing.T) {
	counts := map[string]int{}
	total := 0
	for _, e := range Entities(5, 20000) {
		for _, n := range e.Names {
			counts[n.Script]++
			total++
		}
	}
	for _, s := range []string{"Latn", "Arab", "Cyrl", "Hans", "Hang", "Grek", "Hebr"} {
		if counts[s] == 0 {
			t.Errorf("no %s names", s)
		}
	}
	if latn := float64(counts["Latn"]) / float64(total); latn < 0.8 || latn > 0.97 {
		t.Errorf("Latin share %.3f of names", latn)
	}
	t.Logf("scripts of %d names: %v", total, counts)
}

// tokens counts the lowercase tokens of all names: runs of letters and
// digits.
func tokens(ents []entity.Entity) map[string]int {
	out := map[string]int{}
	for i := range ents {
		for _, n := range ents[i].Names {
			for _, tk := range strings.FieldsFunc(strings.ToLower(n.Full), func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			}) {
				out[tk]++
			}
		}
	}
	return out
}

func TestTokens(t *testing.T) {
	small := tokens(Entities(6, 10000))
	ents := Entities(6, 100000)
	large := tokens(ents)
	if len(large) < 4*len(small) {
		t.Errorf("distinct tokens: %d at 10k, %d at 100k; want growth of at least 4x", len(small), len(large))
	}
	if len(large) < 40000 {
		t.Errorf("%d distinct tokens at 100k entities, want at least 40,000", len(large))
	}
	// Zipf-like: a few tokens are very frequent, most are rare.
	total, once, top := 0, 0, 0
	for _, c := range large {
		total += c
		if c == 1 {
			once++
		}
		top = max(top, c)
	}
	if share := float64(top) / float64(total); share < 0.01 {
		t.Errorf("most frequent token has %.4f of occurrences, want >= 1%%", share)
	}
	if share := float64(once) / float64(len(large)); share < 0.3 {
		t.Errorf("%.2f of distinct tokens occur once, want a long tail (>= 30%%)", share)
	}
	for _, s := range []string{"mohammed", "al", "ali", "co", "llc"} {
		if large[s] < 1000 {
			t.Errorf("token %q occurs %d times in 100k entities, want a frequent token", s, large[s])
		}
	}
	t.Logf("distinct tokens: %d at 10k, %d at 100k; %d token occurrences at 100k", len(small), len(large), total)
}

func TestArabicScriptAlias(t *testing.T) {
	g := New(1)
	find := func(p []tok, s string) *tok {
		for i := range p {
			if p[i].v[0] == s {
				return &p[i]
			}
		}
		t.Fatalf("no %q in pool", s)
		return nil
	}
	g.push(roleGiven, find(arMale, "Mohammed"), "", "")
	g.push(roleBin, nil, "", "")
	g.push(roleAbd, find(arAbd, "Rahman"), "", "")
	g.push(roleAl, find(arNisba, "Masri"), "", "")
	if got, ok := g.renderAlt(0, " "); !ok || got != "محمد بن عبد الرحمن المصري" {
		t.Errorf("renderAlt = %q, %v", got, ok)
	}
	g.p[0].sp, g.p[2].sp = 0, 0
	if got := g.render(style{al: 0, abd: 1}); got != "Mohammed bin Abdul Rahman al-Masri" {
		t.Errorf("render = %q", got)
	}
	if got := g.render(style{al: 5, abd: 6, ibn: true}); got != "Mohammed ibn Abd ar-Rahman Almasri" {
		t.Errorf("render = %q", got)
	}
	g.np = 0
	g.push(roleGiven, find(arMale, "Ali"), "", "")
	g.push(roleFamily, find(arFamily, "Benali"), "", "")
	if got, ok := g.renderAlt(0, " "); ok {
		t.Errorf("renderAlt with an unmapped token = %q, want none", got)
	}
}

func TestTranslit(t *testing.T) {
	g := New(1)
	tests := []struct {
		in     string
		uk     bool
		scheme int
		want   string
	}{
		{"Евгений Фёдоров", false, schemeBGN, "Yevgeniy Fyodorov"},
		{"Евгений Фёдоров", false, schemePassport, "Evgenii Fedorov"},
		{"Евгений Фёдоров", false, schemeLoose, "Evgeny Fedorov"},
		{"Юрий Хрущёв", false, schemeBGN, "Yuriy Khrushchov"},
		{"Наталья Соловьёва", false, schemePassport, "Natalia Soloveva"},
		{"ООО «Ромашка»", false, schemeBGN, `OOO "Romashka"`},
		{"Олександр Гнатюк", true, schemeBGN, "Oleksandr Hnatyuk"},
		{"Юрій Ковальчук", true, schemePassport, "Yurii Kovalchuk"},
	}
	for _, tc := range tests {
		if got := g.translit(tc.in, tc.uk, tc.scheme); got != tc.want {
			t.Errorf("translit(%q, %v, %d) = %q, want %q", tc.in, tc.uk, tc.scheme, got, tc.want)
		}
	}
}

func TestQueries(t *testing.T) {
	ents := Entities(9, 5000)
	const n = 3000
	qs := queries(11, ents, n)
	if len(qs) != n {
		t.Fatalf("%d queries, want %d", len(qs), n)
	}
	if !reflect.DeepEqual(Queries(11, ents, n), Queries(11, ents, n)) {
		t.Fatal("Queries is not deterministic")
	}
	names := map[string]bool{}
	for _, e := range ents {
		for _, nm := range e.Names {
			names[nm.Full] = true
		}
	}
	kinds := map[queryKind]int{}
	for _, q := range qs {
		kinds[q.kind]++
		if strings.TrimSpace(q.text) == "" {
			t.Fatalf("empty query (kind %d)", q.kind)
		}
		switch q.kind {
		case qExact:
			if !names[q.text] {
				t.Errorf("exact query %q is not a listed name", q.text)
			}
		case qAbsent:
			if names[q.text] {
				t.Errorf("absent query %q is a listed name", q.text)
			}
		}
	}
	if share := float64(kinds[qAbsent]) / n; share < 0.26 || share > 0.34 {
		t.Errorf("absent share %.3f, want about 0.30", share)
	}
	for k := qExact; k <= qAbsent; k++ {
		if kinds[k] == 0 {
			t.Errorf("no queries of kind %d", k)
		}
	}
	if got := Queries(1, nil, 5); len(got) != 5 {
		t.Errorf("Queries without entities: %q", got)
	}
}

func TestUnusedSurnames(t *testing.T) {
	ents := []entity.Entity{
		{Names: []entity.Name{{Full: "Tarek bin Fadi al-Suzuki"}, {Full: "NAGY Pablo"}}},
		{Names: []entity.Name{{Full: "MÄKINEN-Virtanen Oy"}}},
	}
	got := unusedSurnames(ents)
	if len(got) != len(qSurnames)-4 {
		t.Errorf("%d unused surnames of %d, want 4 fewer", len(got), len(qSurnames))
	}
	for _, s := range got {
		switch s {
		case "Suzuki", "Nagy", "Mäkinen", "Virtanen":
			t.Errorf("%s is used but reported unused", s)
		}
	}
}

func TestTypo(t *testing.T) {
	g := New(2)
	for _, s := range []string{"Mohammed Ali", "محمد علي", "Ли", "A", "王强"} {
		for range 50 {
			if got := typo(g.r, s); got == s || got == "" {
				t.Errorf("typo(%q) = %q", s, got)
			}
		}
	}
}

// BenchmarkGenerate measures entity generation alone, so that scale
// benchmarks of the matcher can tell it apart from indexing.
//
//	go test -run='^$' -bench=Generate -benchmem ./internal/synth/
func BenchmarkGenerate(b *testing.B) {
	g := New(1)
	for b.Loop() {
		_ = g.Next()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entities/s")
}
