package match

import (
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/entity"
)

// Field outcomes in explanations.
const (
	Agree    = "agree"
	Partial  = "partial"
	Conflict = "conflict"
	Missing  = "missing"
)

// FieldCheck is how one non-name field of the query compared with the
// entity, and what it did to the score.
type FieldCheck struct {
	Field  string  `json:"field"`
	Result string  `json:"result"`
	Query  string  `json:"query,omitempty"`
	List   string  `json:"list,omitempty"`
	Effect float64 `json:"effect"` // score after minus score before
}

// fieldQuery is the query's non-name fields, normalized once per search.
type fieldQuery struct {
	dob       entity.Date
	hasDOB    bool
	countries []string
	// countriesText is countries joined, as explanations show them.
	countriesText string
	ids           []queryID
	gender        string
}

type queryID struct {
	typ, number string // number: letters and digits only, upper case
}

func prepareFields(q *Query) *fieldQuery {
	f := &fieldQuery{}
	if q.BirthDate != "" {
		f.dob, f.hasDOB = entity.ParseDate(q.BirthDate)
		f.hasDOB = f.hasDOB && f.dob.Value != ""
	}
	for _, c := range q.Countries {
		if code := country.Code(c); code != "" {
			f.countries = append(f.countries, code)
		}
	}
	f.countriesText = strings.Join(f.countries, ",")
	for _, id := range q.Identifiers {
		typ, num, ok := strings.Cut(id, ":")
		if !ok {
			typ, num = "", id
		}
		if n := idNumber(num); n != "" {
			f.ids = append(f.ids, queryID{strings.ToLower(strings.TrimSpace(typ)), n})
		}
	}
	switch g := strings.ToLower(strings.TrimSpace(q.Gender)); g {
	case "m", "male", "man":
		f.gender = "male"
	case "f", "female", "woman":
		f.gender = "female"
	}
	return f
}

// idNumber keeps the letters and digits of a document number, upper-cased:
// lists and customers format the same number with spaces and dashes.
func idNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		}
	}
	return b.String()
}

// fieldScore is the final score after the other fields, with the checks.
type fieldScore struct {
	final  float64
	checks []FieldCheck
}

// How much each outcome moves the score. Agreement closes part of the gap
// to 1, and only for names that already resemble each other (the name
// score is at least supportFloor): a date of birth or a passport number
// raises a score, it never turns a clear name mismatch into a match.
const (
	supportFloor  = 0.5
	dobAgree      = 0.4
	dobPartial    = 0.15
	dobConflict   = 0.85 // factor
	countryAgree  = 0.1
	countryDiffer = 0.95 // factor
	genderDiffer  = 0.9  // factor
	idAgree       = 0.6
)

// leastName is the least name score from which a candidate can reach
// threshold once the query's fields have raised it as much as they can
// (each agreement closes part of the gap to 1); 0 for threshold 0.
func (f *fieldQuery) leastName(threshold float64) float64 {
	if threshold <= 0 {
		return 0
	}
	gap := 1.0 // what is left of (1 - score) after every possible raise
	if f.hasDOB {
		gap *= 1 - dobAgree
	}
	if len(f.countries) > 0 {
		gap *= 1 - countryAgree
	}
	if len(f.ids) > 0 {
		gap *= 1 - idAgree
	}
	return max(0, 1-(1-threshold)/gap)
}

// cutoff is the least name-score estimate from which a candidate is
// aligned, with a margin for the estimate's imprecision. Fields raise only
// names scoring supportFloor or more.
func (f *fieldQuery) cutoff(threshold float64) float64 {
	need := f.leastName(threshold)
	if threshold > 0 && (f.hasDOB || len(f.countries) > 0 || len(f.ids) > 0) {
		need = max(need, supportFloor)
	}
	return need * estimateMargin
}

// pruneNeed is the least share of its weight a query must be able to
// align with a name for the name to be worth finding, with a 30% margin
// for matches alignment finds beyond the keys; 0 for threshold 0, which
// asks for the best candidates whatever their score.
func (f *fieldQuery) pruneNeed(threshold float64) float64 {
	return f.leastName(threshold) * 0.7
}

// estimateMargin allows for the candidate estimate overshooting the
// alignment score's denominator (weights of unmatched tokens differ).
const estimateMargin = 0.8

func (f *fieldQuery) score(e *record, name float64) fieldScore {
	fs := fieldScore{final: name}
	raise := func(gap float64) {
		if fs.final >= supportFloor {
			fs.final += (1 - fs.final) * gap
		}
	}
	check := func(field, result, q, l string, apply func()) {
		before := fs.final
		if apply != nil {
			apply()
		}
		fs.checks = append(fs.checks, FieldCheck{Field: field, Result: result, Query: q, List: l, Effect: round(fs.final - before)})
	}

	if f.hasDOB {
		res, l := compareDOB(f.dob, e.dobs)
		q := f.dob.Value
		switch res {
		case Agree:
			check("birth_date", res, q, l, func() { raise(dobAgree) })
		case Partial:
			check("birth_date", res, q, l, func() { raise(dobPartial) })
		case Conflict:
			check("birth_date", res, q, l, func() { fs.final *= dobConflict })
		default:
			check("birth_date", Missing, q, "", nil)
		}
	}
	if len(f.countries) > 0 {
		ec := e.countries
		q := f.countriesText
		switch same := overlap(f.countries, ec); {
		case len(ec) == 0:
			check("country", Missing, q, "", nil)
		case same != "":
			check("country", Agree, q, same, func() { raise(countryAgree) })
		default:
			check("country", Conflict, q, strings.Join(ec, ","), func() { fs.final *= countryDiffer })
		}
	}
	if len(f.ids) > 0 {
		if l, ok := matchID(f.ids, e.ids); ok {
			check("identifier", Agree, l, l, func() { raise(idAgree) })
		} else if len(e.ids) == 0 {
			check("identifier", Missing, f.ids[0].number, "", nil)
		} else {
			// A different number is no evidence against: people hold
			// several passports and companies several registrations.
			check("identifier", Conflict, f.ids[0].number, "", nil)
		}
	}
	if f.gender != "" {
		switch {
		case e.gender == "":
			check("gender", Missing, f.gender, "", nil)
		case strings.EqualFold(e.gender, f.gender):
			check("gender", Agree, f.gender, e.gender, nil)
		default:
			check("gender", Conflict, f.gender, e.gender, func() { fs.final *= genderDiffer })
		}
	}
	return fs
}

// compareDOB compares a query birth date with an entity's birth dates at
// the precision both have: the same day agrees, the same year (or a year
// within a listed range, or a circa date within a year) is partial, and
// anything else conflicts. The best outcome over the entity's dates wins.
func compareDOB(q entity.Date, ds []entity.Date) (string, string) {
	best, bestL := "", ""
	rank := map[string]int{"": 0, Conflict: 1, Partial: 2, Agree: 3}
	for _, d := range ds {
		if d.Value == "" {
			continue
		}
		r := compareDate(q.Value, d)
		if rank[r] > rank[best] {
			best, bestL = r, d.Value
			if d.Until != "" {
				bestL += "/" + d.Until
			}
		}
	}
	return best, bestL
}

func compareDate(q string, d entity.Date) string {
	qy := year(q)
	if d.Until != "" {
		if qy >= year(d.Value) && qy <= year(d.Until) {
			return Partial
		}
		return Conflict
	}
	n := min(len(q), len(d.Value))
	if q[:n] == d.Value[:n] {
		if n >= 10 {
			return Agree
		}
		return Partial
	}
	if qy == year(d.Value) {
		// Same year, different month or day: often day and month
		// swapped, or a list's placeholder 01-01.
		return Partial
	}
	if d.Circa {
		if dy := qy - year(d.Value); dy >= -2 && dy <= 2 {
			return Partial
		}
	}
	return Conflict
}

func year(s string) int {
	if len(s) < 4 {
		return 0
	}
	y := 0
	for _, c := range s[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

func entityCountries(e *entity.Entity) []string {
	var out []string
	add := func(c string) {
		if len(c) == 2 && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	for _, c := range e.Nationalities {
		add(c)
	}
	for _, c := range e.Citizenships {
		add(c)
	}
	for _, c := range e.Countries {
		add(c)
	}
	for _, a := range e.Addresses {
		add(a.Country)
	}
	return out
}

func overlap(a, b []string) string {
	for _, x := range a {
		if slices.Contains(b, x) {
			return x
		}
	}
	return ""
}

// matchID reports an identifier of the entity whose number equals a query
// number and whose type agrees when the query gives one.
func matchID(qs []queryID, ids []entity.Identifier) (string, bool) {
	for _, id := range ids {
		n := idNumber(id.Number)
		if n == "" {
			continue
		}
		for _, q := range qs {
			if q.number == n && (q.typ == "" || strings.EqualFold(q.typ, id.Type)) {
				return id.Type + ":" + id.Number, true
			}
		}
	}
	return "", false
}
