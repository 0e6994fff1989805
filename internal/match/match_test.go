package match

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Invented entities in the shape parsers produce.
func fixture() []*entity.Entity {
	person := func(id string, ns ...entity.Name) *entity.Entity {
		e := entity.New("test", id, entity.Person)
		for _, n := range ns {
			e.AddName(n)
		}
		return e
	}
	org := func(id string, ns ...entity.Name) *entity.Entity {
		e := person(id, ns...)
		e.Schema = entity.Organization
		return e
	}
	p := func(s string) entity.Name { return entity.Name{Full: s, Kind: entity.Primary} }
	a := func(s string) entity.Name { return entity.Name{Full: s, Kind: entity.Alias} }

	ivan := person("1", p("Ivan Petrovich SIDORENKOV"), a("Иван Петрович Сидоренков"))
	ivan.BirthDates = []entity.Date{{Value: "1961-04-12"}}
	ivan.Nationalities = []string{"RU"}
	ivan.Gender = "male"
	ivan.Identifiers = []entity.Identifier{{Type: entity.IDPassport, Number: "73 0123456", Country: "RU"}}
	tariq := person("2", p("Tariq Abd al-Karim AL-MASRI"), a("Abu Khalid al-Masri"), a("طارق عبد الكريم المصري"))
	tariq.BirthDates = []entity.Date{{Value: "1970"}}
	vessel := entity.New("test", "5", entity.Vessel)
	vessel.AddName(p("SEA LOTUS"))
	vessel.Identifiers = []entity.Identifier{{Type: entity.IDIMO, Number: "9123456"}}
	return []*entity.Entity{
		ivan,
		tariq,
		org("3", p("Blue Horizon Trading LLC"), a("Blue Horizon General Trading Co.")),
		org("4", p("OOO Zvezda Neft"), a("ООО Звезда Нефть")),
		vessel,
		person("6", p("Mohammed Ali HASSAN")),
		person("7", p("John SMITH")),
		person("8", p("Mohammed Yusuf KARIMI")),
		person("9", p("Ali Reza TAHERI")),
		org("10", p("Horizon Shipping Company")),
		org("11", p("Nordic Trading Group")),
		person("12", p("Ahmad Shah MASOOD")),
		person("13", p("Kim Chol Ung")),
		person("14", p("KIM Se Gon")),
		org("15", p("Harkat-ul-Jihad al-Islami")),
		org("16", p("International Cobalt Co. Inc.")),
		org("17", p("T.M.G. ENGINEERING LIMITED"), a("SHETAB G")),
		person("18", p("AHMED DEGHDEGH"), a("أحمد دغداغ")),
		org("19", p("ZAKONNIK")),
		person("20", p("al-Hammad")),
		org("21", p("BANK MELLI IRAN"), a("MELLI BANK")),
		org("22", p("BANK SADERAT IRAN")),
	}
}

func newPerson(id, name string) *entity.Entity {
	e := entity.New("test", id, entity.Person)
	e.AddName(entity.Name{Full: name, Kind: entity.Primary})
	return e
}

func newOrg(id, name string) *entity.Entity {
	e := entity.New("test", id, entity.Organization)
	e.AddName(entity.Name{Full: name, Kind: entity.Primary})
	return e
}

func search(t *testing.T, ix *Index, q Query, opt Options) []Match {
	t.Helper()
	ms, err := ix.Search(q, opt)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Name, err)
	}
	return ms
}

func top(t *testing.T, ix *Index, name string) Match {
	t.Helper()
	ms := search(t, ix, Query{Name: name}, Options{Threshold: 0, Limit: 5})
	if len(ms) == 0 {
		t.Fatalf("Search(%q): no candidates", name)
	}
	return ms[0]
}

func TestFinds(t *testing.T) {
	ix := Build(fixture())
	for _, tc := range []struct {
		query, want string
		min         float64
	}{
		{"Ivan Petrovich SIDORENKOV", "test:1", 0.95},
		{"sidorenkov ivan", "test:1", 0.8},
		{"Сидоренков Иван Петрович", "test:1", 0.8},
		{"Ivan Sidorenkoff", "test:1", 0.7},
		{"Tarik Abdulkarim al Masry", "test:2", 0.8},
		{"Tariq Abdel Karim El-Masri", "test:2", 0.8},
		{"طارق المصري", "test:2", 0.6},
		{"Blue Horizon Trading", "test:3", 0.85},
		{"Blue Horizon Trading Limited Liability Company", "test:3", 0.8},
		{"Zvezda Neft GmbH", "test:4", 0.85},
		{"Звезда Нефть", "test:4", 0.85},
		{"Sea Lotus", "test:5", 0.95},
		{"SMITH, John", "test:7", 0.95},
		{"Dr. John Smith", "test:7", 0.9},
		{"Ahmed Shah Massoud", "test:12", 0.8},
		{"Kim Chol-Ung", "test:13", 0.9},
		// Tokens written together that the list writes apart, found
		// through their pieces and aligned as one merged pair.
		{"Kim Segon", "test:14", 0.95},
		{"Segon Kim", "test:14", 0.95},
		{"harkatuljihadalislami", "test:15", 0.9},
		{"International CobaltCo Inc", "test:16", 0.9},
		// A typo in the article weighs as the article does.
		{"Tariq Abd aql-Karim AZL-MASRI", "test:2", 0.85},
		// An organization named in translation.
		{"National Bank of Iran", "test:21", 0.85},
		{"Iran Export Bank", "test:22", 0.85},
	} {
		m := top(t, ix, tc.query)
		if m.EntityID != tc.want || m.Score < tc.min {
			t.Errorf("%q: top %s %.3f (%s), want %s >= %.2f; %s", tc.query, m.EntityID, m.Score, m.MatchedName, tc.want, tc.min, m.Explanation)
		}
	}
}

// TestNoFalseFamilies holds scores down for the families of false alerts
// the clean customers showed: a company's word read as one of another
// company's initials, a plain د read as a Latin z, words of two scripts
// or a word and a legal form joined, a word read as the article.
func TestNoFalseFamilies(t *testing.T) {
	ix := Build(fixture())
	for _, tc := range []struct {
		query, not string
	}{
		{"Tamimi Engineering LLC", "test:17"},
		{"ZAKI ZAKI AHMED", "test:18"},
		{"زقية Inc", "test:19"},
		{"حمید علیا", "test:20"},
	} {
		for _, m := range search(t, ix, Query{Name: tc.query}, Options{Threshold: 0, Limit: 5}) {
			if m.EntityID == tc.not && m.Score >= 0.7 {
				t.Errorf("%q: %s (%s) scores %.3f, want < 0.7; %s", tc.query, m.EntityID, m.MatchedName, m.Score, m.Explanation)
			}
		}
	}
	// What the rules must keep: a company's acronym written whole, and a
	// letter alone standing for a word.
	for _, q := range []string{"TMG Engineering Ltd", "Shetab Gaman"} {
		if m := top(t, ix, q); m.EntityID != "test:17" || m.Score < 0.8 {
			t.Errorf("%q: top %s %.3f (%s), want test:17 >= 0.8; %s", q, m.EntityID, m.Score, m.MatchedName, m.Explanation)
		}
	}
}

func TestCalibration(t *testing.T) {
	ix := Build(fixture())
	// An exact primary name with nothing else known.
	for _, e := range ix.Entities() {
		m := top(t, ix, e.Caption())
		if m.EntityID != e.ID || m.Score < 0.95 || !m.Match {
			t.Errorf("%q: top %s %.3f match=%v, want itself >= 0.95", e.Caption(), m.EntityID, m.Score, m.Match)
		}
	}
	// A single common name, even one a listing is known by, makes no
	// alert: "Mohammed" or "Trading" alone says nothing.
	var list []*entity.Entity
	for i, s := range []string{"A A", "NORDIC", "GULF", "DELTA", "ORION", "TAURUS"} {
		list = append(list, newOrg(fmt.Sprint("c", i), s+" TRADING FZCO"))
	}
	for i, s := range []string{"", "ALI", "KHAN", "RAHIMI", "OMAR", "SALEH"} {
		list = append(list, newPerson(fmt.Sprint("p", i), "MOHAMMED "+s))
	}
	common := Build(list)
	for _, q := range []string{"Trading", "Mohammed"} {
		for _, m := range search(t, common, Query{Name: q}, Options{Threshold: 0, Limit: 5}) {
			if m.Score >= DefaultThreshold {
				t.Errorf("%q alone: %s (%s) scores %.3f, want < %.3f; %s", q, m.EntityID, m.MatchedName, m.Score, DefaultThreshold, m.Explanation)
			}
		}
	}
	// Unrelated names sharing one common token stay below 0.5.
	for _, q := range []string{"Mohammed Schneider", "John Karimi Olawale", "Nordic Bakery", "Horizon Dental Care", "Ali Ferreira"} {
		for _, m := range search(t, ix, Query{Name: q}, Options{Threshold: 0, Limit: 5}) {
			if m.Score >= 0.5 {
				t.Errorf("%q: %s (%s) scores %.3f, want < 0.5; %s", q, m.EntityID, m.MatchedName, m.Score, m.Explanation)
			}
		}
	}
}

func TestFields(t *testing.T) {
	ix := Build(fixture())
	base := top(t, ix, "Ivan Sidorenkov").Score
	for _, tc := range []struct {
		q      Query
		higher bool
		result string
	}{
		{Query{Name: "Ivan Sidorenkov", BirthDate: "1961-04-12"}, true, Agree},
		{Query{Name: "Ivan Sidorenkov", BirthDate: "1961"}, true, Partial},
		{Query{Name: "Ivan Sidorenkov", BirthDate: "1985-02-01"}, false, Conflict},
		{Query{Name: "Ivan Sidorenkov", Countries: []string{"Russia"}}, true, Agree},
		{Query{Name: "Ivan Sidorenkov", Countries: []string{"FR"}}, false, Conflict},
		{Query{Name: "Ivan Sidorenkov", Identifiers: []string{"passport:730123456"}}, true, Agree},
		{Query{Name: "Ivan Sidorenkov", Gender: "female"}, false, Conflict},
	} {
		ms := search(t, ix, tc.q, Options{Limit: 1, Threshold: 0})
		m := ms[0]
		if m.EntityID != "test:1" || (m.Score > base) != tc.higher {
			t.Errorf("%+v: %s %.3f, base %.3f, want higher=%v", tc.q, m.EntityID, m.Score, base, tc.higher)
		}
		if len(m.Explanation.Fields) != 1 || m.Explanation.Fields[0].Result != tc.result {
			t.Errorf("%+v: fields %+v, want one %s", tc.q, m.Explanation.Fields, tc.result)
		}
	}
	// An identifier never lifts a clear name mismatch.
	ms := search(t, ix, Query{Name: "Peter Jansen", Identifiers: []string{"730123456"}}, Options{Threshold: 0, Limit: 3})
	for _, m := range ms {
		if m.Score >= 0.5 {
			t.Errorf("Peter Jansen with Ivan's passport: %s %.3f, want < 0.5", m.EntityID, m.Score)
		}
	}
}

func TestSchemaAndDatasets(t *testing.T) {
	ix := Build(fixture())
	for _, m := range search(t, ix, Query{Name: "Horizon", Schema: entity.Person}, Options{Threshold: 0, Limit: 10}) {
		if m.Schema != "Person" {
			t.Errorf("Person query returned %s %s", m.Schema, m.EntityID)
		}
	}
	if ms := search(t, ix, Query{Name: "John Smith", Datasets: []string{"other"}}, Options{Threshold: 0}); len(ms) != 0 {
		t.Errorf("dataset filter: got %d matches", len(ms))
	}
}

func TestThresholdAndLimit(t *testing.T) {
	ix := Build(fixture())
	all := search(t, ix, Query{Name: "Mohammed Ali"}, Options{Threshold: 0, Limit: 3})
	if len(all) != 3 {
		t.Fatalf("threshold 0 limit 3: got %d", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Score > all[i-1].Score {
			t.Errorf("not sorted: %v", all)
		}
	}
	for _, m := range search(t, ix, Query{Name: "Mohammed Ali"}, Options{Threshold: 0.9}) {
		if m.Score < 0.9 || !m.Match {
			t.Errorf("threshold 0.9 returned %s %.3f", m.EntityID, m.Score)
		}
	}
}

func TestExplanation(t *testing.T) {
	ix := Build(fixture())
	m := top(t, ix, "Sheikh Tarik Abdulkarim al-Masri")
	methods := map[string]bool{}
	for _, tm := range m.Explanation.Tokens {
		methods[tm.Method] = true
		if tm.Weight < 0 || tm.Similarity < 0 || tm.Similarity > 1 {
			t.Errorf("bad token match %+v", tm)
		}
	}
	if !methods["exact"] || !methods["edit_distance"] && !methods["phonetic"] {
		t.Errorf("explanation %s lacks exact and fuzzy methods", m.Explanation)
	}
	if !strings.Contains(m.Explanation.String(), "sheikh") {
		t.Errorf("explanation %s does not mention the honorific", m.Explanation)
	}
}

func TestBadQueries(t *testing.T) {
	ix := Build(fixture())
	for _, name := range []string{"", "   ", "\t\n", strings.Repeat("a", 10000), "abc\xff", "a\x00b", "a\x1bb", "!!!"} {
		_, err := ix.Search(Query{Name: name}, Options{})
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("Search(%.20q): err %v, want a QueryError", name, err)
		}
	}
}

func TestConcurrent(t *testing.T) {
	ix := Build(fixture())
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				m, err := ix.Search(Query{Name: "Tarik al Masry"}, Options{Threshold: 0, Limit: 1})
				if err != nil || len(m) != 1 || m[0].EntityID != "test:2" {
					t.Errorf("concurrent search: %v %v", m, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestEmptyIndex(t *testing.T) {
	ix := Build(nil)
	ms, err := ix.Search(Query{Name: "John Smith"}, Options{})
	if err != nil || len(ms) != 0 {
		t.Errorf("empty index: %v %v", ms, err)
	}
}

// FuzzSearch screens arbitrary names against the fixture: no panic, a
// query error or candidates with scores in [0, 1], best first, each with
// an explanation.
func FuzzSearch(f *testing.F) {
	ix := Build(fixture())
	for _, s := range []string{"Tarik al Masry", "Сидоренков", "طارق", "OOO Zvezda", "a b c d e f g", "\xff", "S.R.L. L.L.C."} {
		f.Add(s, "1961", 0.0)
	}
	f.Fuzz(func(t *testing.T, name, dob string, threshold float64) {
		if threshold < 0 || threshold > 1 || threshold != threshold {
			threshold = 0
		}
		ms, err := ix.Search(Query{Name: name, BirthDate: dob, Countries: []string{dob}, Identifiers: []string{dob}}, Options{Threshold: threshold, Limit: 5})
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("Search(%q): %v is not a QueryError", name, err)
			}
			return
		}
		for i, m := range ms {
			if m.Score < 0 || m.Score > 1 || m.Explanation == nil || i > 0 && m.Score > ms[i-1].Score {
				t.Fatalf("Search(%q): bad result %d: %+v", name, i, m)
			}
			if threshold > 0 && m.Score < threshold {
				t.Fatalf("Search(%q): %.4f below threshold %.4f", name, m.Score, threshold)
			}
		}
	})
}

// TestBuilder checks that an index built from a stream answers as one
// built from the slice, without the entities themselves.
func TestBuilder(t *testing.T) {
	ents := fixture()
	full := Build(ents)
	b := NewBuilder()
	for _, e := range fixture() {
		b.Add(e)
	}
	streamed := b.Index()
	if streamed.Entities() != nil {
		t.Errorf("a streamed index holds entities")
	}
	for _, q := range []Query{
		{Name: "Ivan Sidorenkov", BirthDate: "1961-04-12", Countries: []string{"RU"}},
		{Name: "طارق المصري"},
		{Name: "Blue Horizon Trading", Schema: entity.Organization},
		{Name: "Kim Segon"},
		{Name: "Sea Lotus", Identifiers: []string{"imo:9123456"}},
	} {
		a := search(t, full, q, Options{Limit: 5})
		c := search(t, streamed, q, Options{Limit: 5})
		if len(a) != len(c) {
			t.Fatalf("%q: %d matches from Build, %d from a Builder", q.Name, len(a), len(c))
		}
		for i := range a {
			if a[i].EntityID != c[i].EntityID || a[i].Score != c[i].Score || a[i].MatchedName != c[i].MatchedName || a[i].Name != c[i].Name {
				t.Errorf("%q #%d: Build %s %.4f %q, Builder %s %.4f %q", q.Name, i, a[i].EntityID, a[i].Score, a[i].MatchedName, c[i].EntityID, c[i].Score, c[i].MatchedName)
			}
			if a[i].Entity == nil || c[i].Entity != nil {
				t.Errorf("%q #%d: Entity set from Build %v, from a Builder %v; want only from Build", q.Name, i, a[i].Entity != nil, c[i].Entity != nil)
			}
		}
	}
}

// TestCommonSpellings: a query made only of common names finds the
// listing that spells them with other vowels, among a hundred that spell
// them as the query does (Mohamed, Muhammad).
func TestCommonSpellings(t *testing.T) {
	var ents []*entity.Entity
	add := func(id, name string) {
		e := entity.New("test", id, entity.Person)
		e.AddName(entity.Name{Full: name, Kind: entity.Primary})
		ents = append(ents, e)
	}
	add("target", "'ABDALLAH, Muhammad")
	for i := range 100 {
		// Invented surnames: Zorvanek, Quillesto...
		add(fmt.Sprint("m", i), fmt.Sprintf("Mohamed Abdallah Zor%sek", strings.Repeat("v", i%7+1)+fmt.Sprint(i)))
		add(fmt.Sprint("a", i), fmt.Sprintf("Abdallah Quil%s", fmt.Sprint(i)))
	}
	ix := Build(ents)
	ms := search(t, ix, Query{Name: "Mohamed Abdallah"}, Options{Limit: 3})
	if len(ms) == 0 || ms[0].EntityID != "test:target" || ms[0].Score < 0.8 {
		t.Fatalf("Mohamed Abdallah: top %v, want test:target >= 0.8", ms)
	}
}

// TestInitials: an organization is found by the initials of its name,
// below the default threshold (worth a look, not an alert); a person is
// not, and initials of three letters are not kept (they would be short
// words of other names).
func TestInitials(t *testing.T) {
	ix := Build(fixture())
	m := top(t, ix, "BHGT")
	if m.EntityID != "test:3" || m.Score < 0.75 || m.Match {
		t.Errorf("BHGT: top %s %.3f match=%v (%s), want test:3 (Blue Horizon General Trading Co.) >= 0.75 and no match", m.EntityID, m.Score, m.Match, m.MatchedName)
	}
	if !strings.Contains(m.MatchedName, "initials of Blue Horizon General Trading Co.") {
		t.Errorf("BHGT: matched name %q does not say whose initials", m.MatchedName)
	}
	for _, q := range []string{"MAH", "NTG"} {
		for _, m := range search(t, ix, Query{Name: q}, Options{Limit: 5}) {
			if strings.Contains(m.MatchedName, "initials of") {
				t.Errorf("%s found %s by initials: %s %.3f", q, m.EntityID, m.MatchedName, m.Score)
			}
		}
	}
}

// TestGlued finds names whose words a query writes together, titles and
// articles included, even when the glued form is itself some other
// listing's word.
func TestGlued(t *testing.T) {
	ix := Build([]*entity.Entity{
		newPerson("a", "AL-ADNANI, Abu Mohammed"),
		newPerson("b", "ALADNANI, Mohammad Jasim"),
		newOrg("c", "JAMIAT UL-ANSAR"),
		newOrg("d", "JAMIATUL-YAHYA UT TURAZ"),
		newOrg("e", "SYNERGY GENERAL TRADING FZE"),
		newPerson("f", "MOHAMMAD, Haji Baz"),
		newPerson("g", "GENERAL, John"),
	})
	for _, tc := range []struct{ query, want string }{
		{"ALADNANI, Abu Mohammad", "test:a"},
		{"Jamiatul Ansar", "test:c"},
		{"SynergyGeneral Trading FZE", "test:e"},
		{"MOHAMMAD, HajiBaz", "test:f"},
	} {
		if m := top(t, ix, tc.query); m.EntityID != tc.want || m.Score < 0.85 {
			t.Errorf("%q: top %s %.3f (%s), want %s >= 0.85; %s", tc.query, m.EntityID, m.Score, m.MatchedName, tc.want, m.Explanation)
		}
	}
}
