package quality

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"github.com/embargo-screening/embargo/internal/entity"
)

// The perturbation kinds, in report order. Each is what a customer record
// or a payment message does to a listed name on its way to the screener.
const (
	KindTypo             = "typo"
	KindOrder            = "order"
	KindDropMiddle       = "drop_middle"
	KindHonorific        = "honorific"
	KindLegalForm        = "legal_form"
	KindTranslit         = "translit"
	KindSpacing          = "spacing"
	KindAllPerturbations = "all perturbations"
)

// listName is one list name a case can be derived from.
type listName struct {
	e *entity.Entity
	n entity.Name
}

// perturber rewrites a name; ok is false when the kind does not apply.
type perturber func(r *rand.Rand, s listName) (query, detail string, ok bool)

var perturbers = []struct {
	kind string
	fn   perturber
}{
	{KindTypo, typo},
	{KindOrder, reorder},
	{KindDropMiddle, dropMiddle},
	{KindHonorific, honorific},
	{KindLegalForm, legalForm},
	{KindTranslit, translit},
	{KindSpacing, spacing},
}

// PerturbationKinds lists the perturbation kinds in report order.
func PerturbationKinds() []string {
	out := make([]string, len(perturbers))
	for i, p := range perturbers {
		out[i] = p.kind
	}
	return out
}

// Perturbations derives up to opt.PerKind cases of each kind from the
// primary names and aliases (Latin script) of the persons and
// organizations in ents. Weak aliases and former names are left out: they
// are not what a customer file carries. Each kind draws its own sample
// from its own random stream (seeded by opt.Seed and the kind), so adding
// a kind does not change the others, and a name (after Fold) is used at
// most once per kind so the frequent names shared by UN and OFAC do not
// count twice.
func Perturbations(ents []entity.Entity, opt Options) []Case {
	opt = opt.withDefaults()
	var pool []listName
	for i := range ents {
		e := &ents[i]
		if e.Schema != entity.Person && e.Schema != entity.Organization {
			continue
		}
		for _, n := range e.Names {
			if (n.Kind != entity.Primary && n.Kind != entity.Alias) || n.Script != "Latn" || tooShort(n.Full) {
				continue
			}
			if e.Schema == entity.Person && wordCount(n.Full) < 2 {
				continue
			}
			pool = append(pool, listName{e, n})
		}
	}
	var out []Case
	for ki, p := range perturbers {
		r := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15*uint64(ki+1)))
		seen := map[string]bool{}
		n := 0
		for _, i := range r.Perm(len(pool)) {
			if n >= opt.PerKind {
				break
			}
			s := pool[i]
			f := Fold(s.n.Full)
			if seen[f] {
				continue
			}
			q, detail, ok := p.fn(r, s)
			if !ok || q == s.n.Full || strings.TrimSpace(q) == "" {
				continue
			}
			seen[f] = true
			n++
			out = append(out, Case{
				Kind: p.kind, Detail: detail, Want: s.e.ID, From: s.n.Full,
				Query: Query{Name: q, Schema: string(s.e.Schema)},
			})
		}
	}
	return out
}

// ---- typo ----

// qwerty maps a letter to its neighbours on a QWERTY keyboard: the keys a
// finger slips to.
var qwerty = map[rune]string{
	'q': "wa", 'w': "qesa", 'e': "wrds", 'r': "etfd", 't': "rygf", 'y': "tuhg", 'u': "yijh", 'i': "uokj", 'o': "iplk", 'p': "ol",
	'a': "qwsz", 's': "awedxz", 'd': "serfcx", 'f': "drtgvc", 'g': "ftyhbv", 'h': "gyujnb", 'j': "huikmn", 'k': "jiolm", 'l': "kop",
	'z': "asx", 'x': "zsdc", 'c': "xdfv", 'v': "cfgb", 'b': "vghn", 'n': "bhjm", 'm': "njk",
}

// typo makes one keying error in every token of four letters or more:
// a real data-entry slip touches each word independently.
func typo(r *rand.Rand, s listName) (string, string, bool) {
	toks := strings.Split(s.n.Full, " ")
	var ops []string
	for i, t := range toks {
		if letters(t) < 4 {
			continue
		}
		nt, op := typoToken(r, []rune(t))
		if op == "" {
			continue
		}
		toks[i] = nt
		ops = append(ops, op)
	}
	if len(ops) == 0 {
		return "", "", false
	}
	return strings.Join(toks, " "), strings.Join(ops, ","), true
}

func typoToken(r *rand.Rand, t []rune) (string, string) {
	var pos []int
	for i, c := range t {
		if unicode.IsLetter(c) {
			pos = append(pos, i)
		}
	}
	order := []string{"sub", "del", "ins", "swap"}
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, op := range order {
		switch op {
		case "sub":
			var cand []int
			for _, i := range pos {
				if _, ok := qwerty[unicode.ToLower(t[i])]; ok {
					cand = append(cand, i)
				}
			}
			if len(cand) == 0 {
				continue
			}
			i := cand[r.IntN(len(cand))]
			nb := []rune(qwerty[unicode.ToLower(t[i])])
			c := nb[r.IntN(len(nb))]
			if unicode.IsUpper(t[i]) {
				c = unicode.ToUpper(c)
			}
			out := slices.Clone(t)
			out[i] = c
			return string(out), op
		case "del":
			i := pos[r.IntN(len(pos))]
			return string(slices.Delete(slices.Clone(t), i, i+1)), op
		case "ins":
			i := pos[r.IntN(len(pos))]
			c := t[i] // doubled letter
			if nb, ok := qwerty[unicode.ToLower(t[i])]; ok && r.IntN(3) > 0 {
				c = []rune(nb)[r.IntN(len(nb))]
				if unicode.IsUpper(t[i]) {
					c = unicode.ToUpper(c)
				}
			}
			return string(slices.Insert(slices.Clone(t), i+1, c)), op
		case "swap":
			var cand []int
			for k := 0; k+1 < len(pos); k++ {
				i := pos[k]
				if pos[k+1] == i+1 && unicode.ToLower(t[i]) != unicode.ToLower(t[i+1]) {
					cand = append(cand, i)
				}
			}
			if len(cand) == 0 {
				continue
			}
			i := cand[r.IntN(len(cand))]
			out := slices.Clone(t)
			out[i], out[i+1] = out[i+1], out[i]
			return string(out), op
		}
	}
	return "", ""
}

// ---- person names ----

// personName splits a person's name into given and family parts. OFAC
// writes "FAMILY, Given Middle"; the UN writes the parts in order.
type personName struct {
	family, given []string
	comma         bool
}

func parsePerson(full string) personName {
	if fam, given, ok := strings.Cut(full, ","); ok && !strings.Contains(given, ",") {
		f, g := strings.Fields(fam), strings.Fields(given)
		if len(f) > 0 && len(g) > 0 {
			return personName{family: f, given: g, comma: true}
		}
	}
	return personName{given: strings.Fields(full)}
}

// natural is the reading order: given names, then family names.
func (p personName) natural() []string {
	return append(slices.Clone(p.given), p.family...)
}

// String writes the name back in the form it came in.
func (p personName) String() string {
	if p.comma {
		return strings.Join(p.family, " ") + ", " + strings.Join(p.given, " ")
	}
	return strings.Join(p.given, " ")
}

// ---- order ----

// reorder changes the order of the tokens the way records do: "FAMILY,
// Given" written out as "Given FAMILY", "Given Family" filed as "Family,
// Given", or the tokens in another order (Chinese and Hungarian names,
// forms that ask for the family name first). An organization's name is
// rotated ("S.A. DE C.V. FLORBEL OPERADORA"), which keeps its phrases
// whole as registers that sort on a keyword do.
func reorder(r *rand.Rand, s listName) (string, string, bool) {
	if s.e.Schema == entity.Person {
		p := parsePerson(s.n.Full)
		nat := p.natural()
		if len(nat) < 2 {
			return "", "", false
		}
		if len(nat) == 2 || r.IntN(2) == 0 {
			if p.comma {
				return strings.Join(nat, " "), "first_last", true
			}
			last := len(nat) - 1
			return nat[last] + ", " + strings.Join(nat[:last], " "), "last_first", true
		}
		// a shuffle that is neither the reading order nor the filed one
		avoid := []string{strings.Join(nat, " "), strings.Join(append(slices.Clone(p.family), p.given...), " ")}
		t := slices.Clone(nat)
		for range 10 {
			r.Shuffle(len(t), func(i, j int) { t[i], t[j] = t[j], t[i] })
			if q := strings.Join(t, " "); !slices.Contains(avoid, q) {
				return q, "shuffle", true
			}
		}
		return "", "", false
	}
	toks := strings.Fields(s.n.Full)
	if len(toks) < 2 {
		return "", "", false
	}
	for i, t := range toks {
		toks[i] = strings.TrimRight(t, ",")
	}
	k := 1 + r.IntN(len(toks)-1)
	q := strings.Join(append(slices.Clone(toks[k:]), toks[:k]...), " ")
	if q == strings.Join(toks, " ") {
		return "", "", false
	}
	return q, "rotate", true
}

// ---- drop_middle ----

// dropMiddle leaves out one inner name, as forms with a first and a last
// name field do to a name of three or more parts.
func dropMiddle(r *rand.Rand, s listName) (string, string, bool) {
	if s.e.Schema != entity.Person {
		return "", "", false
	}
	p := parsePerson(s.n.Full)
	nat := p.natural()
	lead := 0 // titles before the first name are not the first name
	for lead < len(nat) && isTitle(nat[lead]) {
		lead++
	}
	if len(nat)-lead < 3 {
		return "", "", false
	}
	k := lead + 1 + r.IntN(len(nat)-lead-2) // an inner token of the reading order
	dropped := nat[k]
	if k < len(p.given) {
		p.given = slices.Delete(slices.Clone(p.given), k, k+1)
	} else {
		j := k - len(p.given)
		p.family = slices.Delete(slices.Clone(p.family), j, j+1)
	}
	return p.String(), strings.TrimRight(dropped, ","), true
}

// ---- honorific ----

var (
	titlesMale = []string{"Mr", "Mr.", "Dr", "Dr.", "Haji", "Hajji", "Al-Haj", "Sheikh", "Shaykh", "General", "Gen.",
		"Colonel", "Col.", "Mullah", "Maulana", "Mawlawi", "Eng.", "Prof.", "Professor", "Sayyid", "Imam", "Qari",
		"Mufti", "Brigadier General", "Major General", "Captain", "Commander", "Admiral", "Judge"}
	titlesFemale = []string{"Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof.", "Eng.", "Hajja", "Madam"}
)

// honorific puts a title before the given name, where customer records
// and news keep it ("FAMILY, Dr Given" when the name is filed family
// first).
func honorific(r *rand.Rand, s listName) (string, string, bool) {
	if s.e.Schema != entity.Person {
		return "", "", false
	}
	list := titlesMale
	if s.e.Gender == "female" {
		list = titlesFemale
	}
	for _, t := range strings.Fields(s.n.Full) {
		if isTitle(t) {
			return "", "", false // titled already
		}
	}
	title := list[r.IntN(len(list))]
	p := parsePerson(s.n.Full)
	p.given = append([]string{title}, p.given...)
	return p.String(), title, true
}

// titleSet holds the titles and honorifics, folded, that a name may
// already carry.
var titleSet = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range append(append(slices.Clone(titlesMale), titlesFemale...), "Haj", "Hajj", "Alhaj", "Mulla",
		"Mawlavi", "Maulawi", "Maulvi", "Shaikh", "Sheik", "Brigadier", "Major", "Lieutenant", "Lt", "Gen", "Col",
		"Sir", "Madame") {
		for _, w := range strings.Fields(Fold(t)) {
			if w != "al" {
				m[w] = true
			}
		}
	}
	return m
}()

func isTitle(tok string) bool {
	f := Fold(tok)
	return f != "" && titleSet[f]
}

// ---- casing ----

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

func isUpper(s string) bool {
	return hasLetter(s) && strings.IndexFunc(s, unicode.IsLower) < 0
}

func isLower(s string) bool {
	return hasLetter(s) && strings.IndexFunc(s, unicode.IsUpper) < 0
}

// title capitalizes the first letter of s and lowers the rest.
func title(s string) string {
	rs := []rune(strings.ToLower(s))
	for i, c := range rs {
		if unicode.IsLetter(c) {
			rs[i] = unicode.ToUpper(c)
			break
		}
	}
	return string(rs)
}

// caseLike writes s in the case pattern of like: upper, lower or title.
func caseLike(s, like string) string {
	switch {
	case isUpper(like) && len([]rune(like)) > 1:
		return strings.ToUpper(s)
	case isLower(like):
		return strings.ToLower(s)
	}
	return title(s)
}
