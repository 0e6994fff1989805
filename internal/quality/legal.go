package quality

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
)

// legalGroup is one legal form with its equivalent spellings. prefix
// marks forms that also stand before the name (Russian OOO, Persian
// Sherkat).
type legalGroup struct {
	forms  []string
	prefix bool
}

var legalGroups = []legalGroup{
	{forms: []string{"Co., Ltd.", "Co. Ltd", "Company Limited"}},
	{forms: []string{"Pvt Ltd", "Private Limited"}},
	{forms: []string{"Pte Ltd", "Pte. Ltd."}},
	{forms: []string{"Sdn Bhd", "Sdn. Bhd."}},
	{forms: []string{"LLC", "L.L.C.", "Limited Liability Company"}},
	{forms: []string{"LLP", "Limited Liability Partnership"}},
	{forms: []string{"PJSC", "Public Joint Stock Company", "Public Joint-Stock Company", "PAO"}, prefix: true},
	{forms: []string{"OJSC", "Open Joint Stock Company", "Open Joint-Stock Company", "OAO"}, prefix: true},
	{forms: []string{"CJSC", "Closed Joint Stock Company", "Closed Joint-Stock Company", "ZAO"}, prefix: true},
	{forms: []string{"JSC", "Joint Stock Company", "Joint-Stock Company"}, prefix: true},
	{forms: []string{"OOO"}, prefix: true},
	{forms: []string{"PLC", "Public Limited Company"}},
	{forms: []string{"GmbH & Co. KG"}},
	{forms: []string{"GmbH"}},
	{forms: []string{"Ltd", "Ltd.", "Limited"}},
	{forms: []string{"Inc", "Inc.", "Incorporated"}},
	{forms: []string{"Corp", "Corp.", "Corporation"}},
	{forms: []string{"Co.", "Co", "Company"}},
	{forms: []string{"S.A. de C.V.", "SA de CV"}},
	{forms: []string{"S.A.", "SA", "Sociedad Anonima"}},
	{forms: []string{"S.A.C.", "SAC"}},
	{forms: []string{"S.A.L.", "SAL"}},
	{forms: []string{"S.R.L.", "SRL"}},
	{forms: []string{"B.V.", "BV"}},
	{forms: []string{"FZE"}},
	{forms: []string{"FZCO"}},
	{forms: []string{"FZ-LLC"}},
	{forms: []string{"AG"}},
	{forms: []string{"Ltda", "Ltda.", "Limitada"}},
	{forms: []string{"S.R.O.", "SRO"}},
	{forms: []string{"S.A.S.", "SAS"}},
	{forms: []string{"S.A.R.L.", "SARL"}},
	{forms: []string{"S.L.", "SL"}},
	{forms: []string{"S.p.A.", "SpA"}},
	{forms: []string{"E.I.R.L.", "EIRL"}},
	{forms: []string{"S. de R.L. de C.V.", "S de RL de CV"}},
	{forms: []string{"S. de R.L.", "S de RL"}},
	{forms: []string{"S. en C.", "S en C"}},
	{forms: []string{"C.A.", "CA"}},
	{forms: []string{"TOO"}, prefix: true},
	{forms: []string{"AO"}, prefix: true},
	{forms: []string{"Sherkat", "Sherkat-e", "Sherkate"}, prefix: true},
}

// legalAdd are the forms added to a name that has none; prefix ones go
// before it.
var legalAdd = []struct {
	form   string
	prefix bool
}{
	{"GmbH", false}, {"OOO", true}, {"Inc", false}, {"Inc.", false}, {"Sherkat", true}, {"PJSC", false}, {"PJSC", true},
	{"LLC", false}, {"Ltd", false}, {"Limited", false}, {"Co.", false}, {"Company", false}, {"JSC", false},
	{"Corp.", false}, {"S.A.", false}, {"FZE", false},
}

// legalNorm is how forms and name tokens are compared: lower case, no
// dots, commas or brackets.
func legalNorm(tok string) string {
	return strings.ToLower(strings.NewReplacer(".", "", ",", "", "(", "", ")", "").Replace(tok))
}

func legalTokens(s string) []string {
	var out []string
	for _, t := range strings.Fields(s) {
		if n := legalNorm(t); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// legalMatch is a legal form found in a name.
type legalMatch struct {
	group  int
	form   int
	prefix bool
	base   string // the name without the form
}

// findLegal finds the longest legal form at the end (or, for prefix
// forms, the start) of name.
func findLegal(name string) (legalMatch, bool) {
	toks := strings.Fields(name)
	norm := make([]string, len(toks))
	for i, t := range toks {
		norm[i] = legalNorm(t)
	}
	best, found := legalMatch{}, false
	bestLen := 0
	for gi, g := range legalGroups {
		for fi, f := range g.forms {
			ft := legalTokens(f)
			n := len(ft)
			if n <= bestLen || n >= len(toks) {
				continue
			}
			if slices.Equal(norm[len(norm)-n:], ft) {
				base := strings.TrimRight(strings.Join(toks[:len(toks)-n], " "), " ")
				best, found, bestLen = legalMatch{group: gi, form: fi, base: base}, true, n
			} else if g.prefix && slices.Equal(norm[:n], ft) {
				best, found, bestLen = legalMatch{group: gi, form: fi, prefix: true, base: strings.Join(toks[n:], " ")}, true, n
			}
		}
	}
	return best, found
}

// legalForm adds, drops or respells the legal form of an organization:
// registers, invoices and lists each write it their own way, or not at
// all.
func legalForm(r *rand.Rand, s listName) (string, string, bool) {
	if s.e.Schema != entity.Organization {
		return "", "", false
	}
	name := s.n.Full
	upper := isUpper(name)
	form := func(f string) string {
		if upper {
			return strings.ToUpper(f)
		}
		return f
	}
	place := func(base, f string, prefix bool) string {
		if prefix {
			return f + " " + base
		}
		return base + " " + f
	}
	m, ok := findLegal(name)
	if !ok {
		a := legalAdd[r.IntN(len(legalAdd))]
		return place(name, form(a.form), a.prefix), "add " + a.form, true
	}
	g := legalGroups[m.group]
	have := g.forms[m.form]
	var others []string
	for _, f := range g.forms {
		if !slices.Equal(legalTokens(f), legalTokens(have)) {
			others = append(others, f)
		}
	}
	bare := strings.TrimRight(m.base, " ,")
	canDrop := !tooShort(bare) && letters(bare) >= 4
	if len(others) > 0 && (!canDrop || r.IntN(5) < 3) {
		f := others[r.IntN(len(others))]
		return place(m.base, form(f), m.prefix), "swap " + have + " > " + f, true
	}
	if !canDrop {
		return "", "", false
	}
	return bare, "drop " + have, true
}
