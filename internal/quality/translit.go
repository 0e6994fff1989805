package quality

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/embargo-screening/embargo/internal/entity"
)

// A romanization system is modelled as the set of spellings it gives:
// the same Arabic or Russian name comes out "Abd al-Rahman" in academic
// usage, "Abdel Rahmane" in French, "Abdul Rahman" in the English press,
// "Abdolrahman" in Iran and "Abdulrahman" in Turkey. A translit case
// rewrites a list name with every rule of one system that applies to it,
// as a record keyed from a document in that system would spell it.
//
// Rules are split by the language they are plausible for: Arabic/Persian
// conventions apply only to names with an Arabic cue, Russian ones only
// to names with a Russian cue, so that a Spanish or Korean name is never
// bent into a spelling nobody would write.

// rule rewrites one lower-case run of letters.
type rule struct {
	name string
	f    func(w string) string
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// replaceWhere replaces the non-overlapping occurrences of from at which
// ok (given the word and the byte offset) holds; nil ok means everywhere.
func replaceWhere(w, from, to string, ok func(w string, i int) bool) string {
	var b strings.Builder
	for i := 0; i < len(w); {
		if strings.HasPrefix(w[i:], from) && (ok == nil || ok(w, i)) {
			b.WriteString(to)
			i += len(from)
			continue
		}
		b.WriteByte(w[i])
		i++
	}
	return b.String()
}

func sub(name, from, to string, ok func(w string, i int) bool) rule {
	return rule{name, func(w string) string { return replaceWhere(w, from, to, ok) }}
}

// suffix replaces the first matching ending (stem of at least minStem
// bytes, optional condition on the byte before the ending).
func suffix(name string, froms []string, to string, minStem int, before func(c byte) bool) rule {
	return rule{name, func(w string) string {
		for _, f := range froms {
			if stem, ok := strings.CutSuffix(w, f); ok && len(stem) >= minStem && (before == nil || before(stem[len(stem)-1])) {
				return stem + to
			}
		}
		return w
	}}
}

var (
	initial  = func(w string, i int) bool { return i == 0 }
	consonat = func(c byte) bool { return !isVowel(c) && c != 'y' }
	vowel    = func(c byte) bool { return isVowel(c) }

	ruleOuU  = sub("ou>u", "ou", "u", nil)
	ruleOoU  = sub("oo>u", "oo", "u", nil)
	ruleEeI  = sub("ee>i", "ee", "i", nil)
	ruleDjJ  = sub("dj>j", "dj", "j", nil)
	ruleJDj  = sub("j>dj", "j", "dj", func(w string, i int) bool { return i == 0 && len(w) > 1 && isVowel(w[1]) })
	ruleShCh = sub("sh>ch", "sh", "ch", func(w string, i int) bool { return i == 0 || w[i-1] != 's' })
	// French writes ou for u, except next to another vowel ("Suad").
	ruleUOu = sub("u>ou", "u", "ou", func(w string, i int) bool {
		return (i == 0 || (!isVowel(w[i-1]) && w[i-1] != 'q')) && (i+1 == len(w) || !isVowel(w[i+1]))
	})
	ruleDhD  = sub("dh>d", "dh", "d", nil)
	ruleDhZ  = sub("dh>z", "dh", "z", nil)
	ruleZhJ  = sub("zh>j", "zh", "j", nil)
	ruleKhH  = sub("kh>h", "kh", "h", nil)
	ruleQK   = sub("q>k", "q", "k", func(w string, i int) bool { return i+1 == len(w) || w[i+1] != 'u' })
	ruleWV   = sub("w>v", "w", "v", func(w string, i int) bool { return i+1 < len(w) && isVowel(w[i+1]) })
	ruleVW   = sub("v>w", "v", "w", nil)
	ruleTzTs = sub("tz>ts", "tz", "ts", nil)
	ruleTsTz = sub("ts>tz", "ts", "tz", nil)
	// k before t, r, l inside a word, or in -iko-: Viktor > Victor,
	// Nikolai > Nicolai (not Kosachev > Cosachev, Zhukov > Joucov).
	ruleKC = sub("k>c", "k", "c", func(w string, i int) bool {
		return i > 0 && i+1 < len(w) && w[i-1] != 's' && w[i-1] != 'c' &&
			(strings.IndexByte("trl", w[i+1]) >= 0 || (w[i-1] == 'i' && w[i+1] == 'o'))
	})
	ruleIaYa = sub("ia>ya", "ia", "ya", initial)
	ruleIuYu = sub("iu>yu", "iu", "yu", initial)
	ruleYaIa = sub("ya>ia", "ya", "ia", func(w string, i int) bool { return i == 0 || w[i-1] != 'i' })
	ruleYuIu = sub("yu>iu", "yu", "iu", func(w string, i int) bool { return i == 0 || w[i-1] != 'i' })

	ruleOvOff   = suffix("-ov>-off", []string{"ov"}, "off", 3, nil)
	ruleOffOv   = suffix("-off>-ov", []string{"off"}, "ov", 3, nil)
	ruleOvOw    = suffix("-ov>-ow", []string{"ov"}, "ow", 3, nil)
	ruleSkyFr   = suffix("-sky>-ski", []string{"skiy", "skii", "sky"}, "ski", 2, nil)
	ruleSkyEn   = suffix("-sky>-skiy", []string{"skii", "sky"}, "skiy", 2, nil)
	ruleSkyIcao = suffix("-sky>-skii", []string{"skiy", "sky"}, "skii", 2, nil)
	ruleIiIy    = suffix("-ii>-iy", []string{"ii"}, "iy", 3, nil)
	ruleIyIi    = suffix("-iy>-ii", []string{"iy"}, "ii", 3, nil)
	ruleYIFr    = rule{"-y>-i", func(w string) string {
		if stem, ok := strings.CutSuffix(w, "iy"); ok && len(stem) >= 3 {
			return stem + "i"
		}
		if stem, ok := strings.CutSuffix(w, "y"); ok && len(stem) >= 3 && consonat(stem[len(stem)-1]) {
			return stem + "i"
		}
		return w
	}}
	// й after a vowel: Nikolay > Nikolai.
	ruleYIIcao = suffix("-Vy>-Vi", []string{"y"}, "i", 3, vowel)
	// -ev > -yev after a vowel, keeping the ending: Sergeev > Sergeyev,
	// Alieva > Aliyeva.
	ruleEvYev = rule{"-ev>-yev", func(w string) string {
		for _, f := range []string{"eva", "ev"} {
			if stem, ok := strings.CutSuffix(w, f); ok && len(stem) >= 3 && isVowel(stem[len(stem)-1]) {
				return stem + "y" + f
			}
		}
		return w
	}}
	ruleYevEv   = suffix("-yev>-ev", []string{"yev"}, "ev", 3, nil)
	ruleYevaEva = suffix("-yeva>-eva", []string{"yeva"}, "eva", 3, nil)
	// -id > -eed after the consonants of Rashid, Majid, Hamid, Farid,
	// Walid (not David).
	ruleIdEed = suffix("-id>-eed", []string{"id"}, "eed", 2, func(c byte) bool { return strings.IndexByte("hjmrlfwzs", c) >= 0 })
	ruleUdOod = suffix("-ud>-ood", []string{"ud"}, "ood", 2, consonat)
)

// Arabic conventions of the systems, by index into nameGroup.forms.
const (
	arAcademic = iota
	arFrench
	arEnglish
	arPersian
	arTurkish
	arNone = -1
)

// nameGroup is a frequent name with its spelling in each system; also
// lists other spellings it is recognized by.
type nameGroup struct {
	forms [5]string
	also  []string
}

var nameGroups = []nameGroup{
	{[5]string{"Muhammad", "Mohamed", "Mohammed", "Mohammad", "Muhammed"}, []string{"Mohamad", "Muhamad", "Mouhamed", "Mohammod", "Muhammed"}},
	{[5]string{"Ahmad", "Ahmed", "Ahmed", "Ahmad", "Ahmet"}, nil},
	{[5]string{"Mahmud", "Mahmoud", "Mahmoud", "Mahmood", "Mahmut"}, nil},
	{[5]string{"Husayn", "Houssein", "Hussein", "Hossein", "Huseyin"}, []string{"Hussain", "Husain", "Hussien", "Hocine", "Husein"}},
	{[5]string{"Hasan", "Hassan", "Hassan", "Hassan", "Hasan"}, nil},
	{[5]string{"Usama", "Oussama", "Osama", "Osama", "Usame"}, []string{"Ousama"}},
	{[5]string{"Umar", "Omar", "Omar", "Omar", "Omer"}, nil},
	{[5]string{"Yusuf", "Youssef", "Yousef", "Yousuf", "Yusuf"}, []string{"Yousif", "Youssouf", "Yussuf", "Yousouf", "Youcef", "Yousuf"}},
	{[5]string{"Abdallah", "Abdallah", "Abdullah", "Abdollah", "Abdullah"}, []string{"Abdulla", "Abdellah"}},
	{[5]string{"Khalid", "Khaled", "Khalid", "Khaled", "Halid"}, nil},
	{[5]string{"Said", "Said", "Saeed", "Saeed", "Sait"}, []string{"Saiid"}},
	{[5]string{"Mustafa", "Moustapha", "Mustafa", "Mostafa", "Mustafa"}, []string{"Moustafa", "Mostapha", "Mustapha"}},
	{[5]string{"Ibrahim", "Ibrahim", "Ibrahim", "Ebrahim", "Ibrahim"}, nil},
	{[5]string{"Ismail", "Ismail", "Ismail", "Esmail", "Ismail"}, []string{"Ismael", "Esmaeil"}},
	{[5]string{"Jafar", "Djafar", "Jafar", "Jafar", "Cafer"}, []string{"Jaafar", "Djaafar", "Jaffar"}},
	{[5]string{"Abu", "Abou", "Abu", "Abu", "Ebu"}, nil},
	{[5]string{"Shaykh", "Cheikh", "Sheikh", "Sheikh", "Seyh"}, []string{"Sheik", "Shaikh", "Cheick"}},
	{[5]string{"Uthman", "Othmane", "Othman", "Osman", "Osman"}, []string{"Usman", "Outhman"}},
	{[5]string{"Yahya", "Yahia", "Yahya", "Yahya", "Yahya"}, []string{"Yehia", "Yahiya"}},
	{[5]string{"Zakariya", "Zakaria", "Zakariya", "Zakaria", "Zekeriya"}, []string{"Zakariyya", "Zakariah"}},
}

var nameGroupOf = func() map[string]int {
	m := map[string]int{}
	for i, g := range nameGroups {
		for _, f := range append(g.forms[:], g.also...) {
			m[strings.ToLower(f)] = i
		}
	}
	return m
}()

// system is one romanization convention.
type system struct {
	name    string
	arabic  int    // arAcademic..arTurkish, or arNone
	article string // "al-", "el-", "Al " or "" (dropped)
	bin     string
	// rules for names with an Arabic cue, then for names with a Russian
	// cue; a name with both gets both, Arabic first (so that French j>dj
	// never sees the j French zh>j makes).
	arRules, ruRules []rule
}

var systems = []system{
	{name: "academic", arabic: arAcademic, article: "al-", bin: "ibn",
		arRules: []rule{ruleOuU, ruleOoU, ruleEeI, ruleDjJ}},
	{name: "french", arabic: arFrench, article: "el-", bin: "ben",
		arRules: []rule{ruleJDj, ruleShCh, ruleUOu, ruleDhD, ruleEeI},
		ruRules: []rule{ruleZhJ, ruleShCh, ruleUOu, ruleOvOff, ruleSkyFr, ruleYIFr, ruleKC}},
	{name: "english", arabic: arEnglish, article: "Al ", bin: "bin",
		arRules: []rule{ruleDjJ, ruleIdEed},
		ruRules: []rule{ruleIaYa, ruleIuYu, ruleIiIy, ruleSkyEn, ruleEvYev, ruleTzTs, ruleOffOv}},
	{name: "persian", arabic: arPersian, article: "", bin: "bin",
		arRules: []rule{ruleUdOod, ruleIdEed, ruleDhZ, ruleWV}},
	{name: "turkish", arabic: arTurkish, article: "", bin: "bin",
		arRules: []rule{ruleKhH, ruleQK, ruleDhZ, ruleWV, ruleOuU, ruleOoU, ruleEeI}},
	{name: "icao", arabic: arNone,
		ruRules: []rule{ruleYaIa, ruleYuIu, ruleIyIi, ruleSkyIcao, ruleYevEv, ruleYevaEva, ruleYIIcao, ruleTzTs, ruleOffOv}},
	{name: "german", arabic: arNone,
		ruRules: []rule{ruleVW, ruleTsTz, ruleSkyFr, ruleOvOw}},
}

// Cues of a name's language, from the name and from the entity.
var (
	arabCountries = map[string]bool{"AE": true, "AF": true, "BH": true, "DZ": true, "EG": true, "IQ": true, "IR": true,
		"JO": true, "KW": true, "LB": true, "LY": true, "MA": true, "MR": true, "OM": true, "PK": true, "PS": true,
		"QA": true, "SA": true, "SD": true, "SO": true, "SY": true, "TN": true, "YE": true}
	russianCountries = map[string]bool{"RU": true, "UA": true, "BY": true, "KZ": true, "UZ": true, "KG": true,
		"TJ": true, "TM": true, "AZ": true, "AM": true, "GE": true, "MD": true}
	arabicWords = map[string]bool{"al": true, "bin": true, "ibn": true, "bint": true, "abu": true, "abou": true,
		"abd": true, "abdul": true, "abdel": true, "abdal": true}
	russianEndings = []string{"ov", "ova", "ev", "eva", "yev", "yeva", "sky", "skiy", "skii", "skaya", "enko",
		"ovich", "evich", "ovna", "evna", "off"}
	reWordRun = regexp.MustCompile(`\p{L}+`)
)

// russianWord reports a word with a Russian ending or a letter cluster
// English words do not have.
func russianWord(w string) bool {
	for _, end := range russianEndings {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	for _, c := range []string{"kh", "zh", "shch", "iy", "yy", "ya", "yu"} {
		if strings.Contains(w, c) {
			return true
		}
	}
	return false
}

func cues(s listName) (arabic, russian bool) {
	e := s.e
	for _, n := range e.Names {
		if n.Script == "Arab" {
			arabic = true
		}
		if n.Script == "Cyrl" {
			russian = true
		}
	}
	// A person's residence says little of how the name is spelled (a
	// Korean banker in Moscow); an organization's country does.
	lists := [][]string{e.Nationalities, e.Citizenships}
	if e.Schema != entity.Person {
		lists = append(lists, e.Countries)
	}
	for _, list := range lists {
		for _, c := range list {
			arabic = arabic || arabCountries[c]
			russian = russian || russianCountries[c]
		}
	}
	low := strings.ToLower(s.n.Full)
	if strings.Contains(low, "al-") || strings.Contains(low, "el-") {
		arabic = true
	}
	for _, w := range reWordRun.FindAllString(low, -1) {
		if _, ok := nameGroupOf[w]; ok || arabicWords[w] || strings.HasPrefix(w, "abd") ||
			strings.HasSuffix(w, "ullah") || strings.HasSuffix(w, "allah") || strings.HasSuffix(w, "uddin") {
			arabic = true
		}
		for _, end := range russianEndings {
			if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
				russian = true
			}
		}
	}
	return arabic, russian
}

// stopWords are words of organization names that are not transliterated
// ("Company" is no Arabic word to respell).
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the of and for in on at to a an company co ltd limited llc inc corp corporation
		group trading trade international industries industrial industry shipping ship bank services service
		holding holdings investment investments general national islamic front army organization organisation
		foundation center centre export import engineering construction petroleum oil gas commercial network
		brigade brigades battalion movement party society association charity committee council ministry university
		institute research airlines airline air marine maritime energy electronics technology technologies
		development establishment factory complex office agency fund union revolutionary guard guards corps state
		republic united liberation force forces jsc pjsc ojsc cjsc gmbh kg sa de cv s sociedad anonima
		mining metals steel chemical chemicals petrochemical products equipment systems solutions media news
		global world east west north south middle exchange finance financial insurance capital resources
		logistics transport transportation tanker tankers navigation lines line port`) {
		m[w] = true
	}
	return m
}()

// token is a whitespace token split from its trailing punctuation.
type token struct{ core, trail string }

func tokensOf(name string) []token {
	var out []token
	for _, t := range strings.Fields(name) {
		core := strings.TrimRight(t, ",;")
		out = append(out, token{core, t[len(core):]})
	}
	return out
}

func joinTokens(ts []token) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.core+t.trail != "" {
			parts = append(parts, t.core+t.trail)
		}
	}
	return strings.Join(parts, " ")
}

// key is a token for recognizing particles: lower case, no apostrophes.
func key(s string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, s))
}

func plainWord(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

var (
	abdHeads   = map[string]bool{"abdul": true, "abdel": true, "abdal": true, "abdoul": true, "abdol": true, "abdu": true, "abdur": true, "abdus": true}
	reAbdArt   = regexp.MustCompile(`^(?:al|el|ul|ol|ar|as|ur|ad|an|at|az|ash|adh|ath)-(\p{L}.*)$`)
	reAbdHyph  = regexp.MustCompile(`^abd(?:-?(?:al|el|ul|ol|ar|as|ur|ad|an|at|az)|ul|el|al|ol|oul)?-(\p{L}+)$`)
	reAbdMerge = regexp.MustCompile(`^abd(?:ul|el|ol|oul)(\p{L}{4,})$`)
)

// abdCompound finds "Abd al-X" in any of its spellings at toks[i] and
// returns X (as written, or lower case when it had to be cut out of a
// merged token) and how many tokens it spans.
func abdCompound(toks []token, i int) (x string, span int) {
	c := key(toks[i].core)
	next := func(k int) (token, bool) {
		if i+k < len(toks) && toks[i+k-1].trail == "" {
			return toks[i+k], true
		}
		return token{}, false
	}
	switch {
	case abdHeads[c]:
		if t, ok := next(1); ok && plainWord(t.core) {
			return t.core, 2
		}
	case c == "abd":
		t, ok := next(1)
		if !ok {
			return "", 0
		}
		n := key(t.core)
		if m := reAbdArt.FindStringSubmatch(n); m != nil {
			return m[1], 2
		}
		if n == "al" || n == "el" || n == "ul" {
			if t2, ok := next(2); ok && plainWord(t2.core) {
				return t2.core, 3
			}
		}
		if plainWord(t.core) {
			return t.core, 2
		}
	default:
		if m := reAbdHyph.FindStringSubmatch(c); m != nil {
			return m[1], 1
		}
		if m := reAbdMerge.FindStringSubmatch(c); m != nil && !strings.HasPrefix(m[1], "lah") {
			return m[1], 1
		}
	}
	return "", 0
}

// renderAbd writes the compound as the system does.
func renderAbd(arabic int, x, like string, upper bool) []string {
	cs := func(s string) string {
		if upper {
			return strings.ToUpper(s)
		}
		return s
	}
	if !upper && isLower(x) && !isLower(like) {
		x = title(x)
	}
	switch arabic {
	case arAcademic:
		return []string{cs("Abd"), cs("al-") + cs(x)}
	case arFrench:
		return []string{cs("Abdel"), cs(x)}
	case arEnglish:
		return []string{cs("Abdul"), cs(x)}
	case arPersian:
		return []string{cs("Abdol" + strings.ToLower(x))}
	default:
		return []string{cs("Abdul" + strings.ToLower(x))}
	}
}

// applySystem rewrites name in sys and lists what it changed. For
// organizations (org) the Arabic conventions stop at particles and
// given names: their other words are as often English ("Security",
// "Jewelry") as Arabic, and respelling those is no romanization.
func applySystem(sys system, name string, arabic, russian, org bool) (string, []string) {
	upper := isUpper(name)
	toks := tokensOf(name)
	var applied []string
	note := func(what string) {
		if !slices.Contains(applied, what) {
			applied = append(applied, what)
		}
	}
	commaForm := strings.Contains(name, ",")
	doArabic := arabic && sys.arabic != arNone

	if doArabic {
		// Abd al- compounds
		var out []token
		for i := 0; i < len(toks); i++ {
			x, span := abdCompound(toks, i)
			if span == 0 {
				out = append(out, toks[i])
				continue
			}
			parts := renderAbd(sys.arabic, x, toks[i].core, upper)
			for k, p := range parts {
				t := token{core: p}
				if k == len(parts)-1 {
					t.trail = toks[i+span-1].trail
				}
				out = append(out, t)
			}
			orig := joinTokens(toks[i : i+span])
			if joinTokens(out[len(out)-len(parts):]) != orig {
				note("abd")
			}
			i += span - 1
		}
		toks = out

		// the article al-/el-
		out = nil
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			k := key(t.core)
			lc := strings.ToLower(t.core)
			var art, x string
			span := 1
			switch {
			case (strings.HasPrefix(lc, "al-") || strings.HasPrefix(lc, "el-")) && len(lc) > 4:
				art, x = t.core[:2], t.core[3:]
			case (k == "al" || k == "el") && i+1 < len(toks) && t.trail == "" && plainWord(toks[i+1].core):
				art, x, span = t.core, toks[i+1].core, 2
			default:
				out = append(out, t)
				continue
			}
			trail := toks[i+span-1].trail
			var rendered []token
			switch sys.article {
			case "":
				rendered = []token{{x, trail}}
			case "Al ":
				rendered = []token{{caseLike("Al", art), ""}, {x, trail}}
				if upper {
					rendered[0].core = "AL"
				}
			default:
				a := caseLike(sys.article, art)
				if upper {
					a = strings.ToUpper(a)
				}
				rendered = []token{{a + x, trail}}
			}
			if joinTokens(rendered) != joinTokens(toks[i:i+span]) {
				note("article")
			}
			out = append(out, rendered...)
			i += span - 1
		}
		toks = out

		// bin / ibn / ben between names
		for i, t := range toks {
			switch key(t.core) {
			case "bin", "ibn", "ben", "bn", "ebn":
				if i+1 < len(toks) && (i > 0 || commaForm) {
					nb := caseLike(sys.bin, t.core)
					if upper {
						nb = strings.ToUpper(sys.bin)
					}
					if nb != t.core {
						toks[i].core = nb
						note("bin")
					}
				}
			}
		}
	}

	var rules []rule
	if doArabic && !org {
		rules = append(rules, sys.arRules...)
	}
	if russian {
		for _, r := range sys.ruRules {
			if !slices.ContainsFunc(rules, func(q rule) bool { return q.name == r.name }) {
				rules = append(rules, r)
			}
		}
	}
	for i, t := range toks {
		toks[i].core = reWordRun.ReplaceAllStringFunc(t.core, func(run string) string {
			low := strings.ToLower(run)
			if g, ok := nameGroupOf[low]; ok {
				if !doArabic {
					return run
				}
				if f := nameGroups[g].forms[sys.arabic]; !strings.EqualFold(f, run) {
					note(strings.ToLower(f))
					return caseLike(f, run)
				}
				return run
			}
			// Particles (ul, ur, ud) and two-letter syllables of East
			// Asian names are no words to respell.
			if stopWords[low] || !isASCII(low) || len(low) < 3 {
				return run
			}
			// In an organization's name only words that look Russian
			// themselves are respelled: "Minsk Special Purpose Unit"
			// keeps its English.
			if org && !russianWord(low) {
				return run
			}
			w := low
			for _, r := range rules {
				if nw := r.f(w); nw != w {
					note(r.name)
					w = nw
				}
			}
			if w == low {
				return run
			}
			return caseLike(w, run)
		})
	}
	return joinTokens(toks), applied
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// translit respells a name as another romanization system would: the
// systems are tried in a seeded order and the first that changes the
// name (beyond punctuation and case) gives the case.
func translit(r *rand.Rand, s listName) (string, string, bool) {
	arabic, russian := cues(s)
	if !arabic && !russian {
		return "", "", false
	}
	if s.e.Schema != entity.Person && s.e.Schema != entity.Organization {
		return "", "", false
	}
	f := Fold(s.n.Full)
	for _, i := range r.Perm(len(systems)) {
		q, applied := applySystem(systems[i], s.n.Full, arabic, russian, s.e.Schema != entity.Person)
		if len(applied) > 0 && Fold(q) != f {
			return q, systems[i].name + ": " + strings.Join(applied, " "), true
		}
	}
	return "", "", false
}
