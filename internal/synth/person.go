package synth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Roles of the parts of a personal name. Aliases are made by rendering the
// same parts differently: other spellings, parts left out, family first.
const (
	roleGiven  uint8 = iota
	roleMiddle       // father's, grandfather's or middle names
	roleFamily
	roleAl  // family name with the Arabic article al-
	roleAbd // Abd al-X compound
	roleBin // bin/ibn between a name and the father's name
	roleAbu // Abu of a kunya
)

// part is one element of the name being built: a pooled token, a
// generated stem followed by a pooled suffix (pre+t), or generated text
// alone (pre, with alt its original-script form).
type part struct {
	t    *tok
	pre  string
	alt  string
	sp   int // spelling of t used in the primary name
	role uint8
}

func isFamily(role uint8) bool { return role == roleFamily || role == roleAl }

// push adds a part; its primary spelling is biased toward the usual one.
func (g *Generator) push(role uint8, t *tok, pre, alt string) {
	if g.np == len(g.p) {
		return
	}
	sp := 0
	if t != nil && len(t.v) > 1 {
		sp = g.skew(len(t.v))
		for i := 0; i < g.np; i++ { // a repeated name is spelled the same way
			if g.p[i].t == t {
				sp = g.p[i].sp
			}
		}
	}
	g.p[g.np] = part{t: t, pre: pre, alt: alt, sp: sp, role: role}
	g.np++
}

// style says how to render the parts.
type style struct {
	respell  bool  // a random spelling per part instead of the primary one
	famFirst bool  // family name first, as lists sort them
	upperFam bool  // family name in capitals ("IVANOV Sergei")
	skip     uint8 // parts left out, by bit
	al       int   // rendering of the article, index into the cases of emit
	abd      int   // rendering of Abd al-X
	ibn      bool  // ibn instead of bin
}

// render joins the parts as st says.
func (g *Generator) render(st style) string {
	b := g.buf[:0]
	if st.famFirst {
		for i := 0; i < g.np; i++ {
			if st.skip&(1<<i) == 0 && isFamily(g.p[i].role) {
				b = g.emit(b, i, &st)
			}
		}
		for i := 0; i < g.np; i++ {
			if st.skip&(1<<i) == 0 && !isFamily(g.p[i].role) {
				b = g.emit(b, i, &st)
			}
		}
	} else {
		for i := 0; i < g.np; i++ {
			if st.skip&(1<<i) == 0 {
				b = g.emit(b, i, &st)
			}
		}
	}
	g.buf = b
	return string(b)
}

func isSunLetter(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] | 0x20 {
	case 't', 'd', 'r', 'z', 's', 'n', 'l':
		return true
	}
	return false
}

func (g *Generator) emit(b []byte, i int, st *style) []byte {
	p := &g.p[i]
	if len(b) > 0 {
		b = append(b, ' ')
	}
	start := len(b)
	text := ""
	if p.t != nil {
		j := p.sp
		if st.respell && len(p.t.v) > 1 {
			j = g.intn(len(p.t.v))
		}
		text = p.t.v[j]
	}
	switch p.role {
	case roleAl:
		switch st.al {
		case 0:
			b = append(b, "al-"...)
		case 1:
			b = append(b, "Al-"...)
		case 2:
			b = append(b, "Al "...)
		case 3:
			b = append(b, "al "...)
		case 4:
			b = append(b, "el-"...)
		case 5: // written as one word: Alharbi
			b = append(b, "Al"...)
			if p.pre != "" {
				b = lowerFirst(b, p.pre)
				b = append(b, text...)
			} else {
				b = lowerFirst(b, text)
			}
			return b
		}
		b = append(b, p.pre...)
		b = append(b, text...)
	case roleAbd:
		switch st.abd {
		case 1:
			b = append(b, "Abdul "...)
			b = append(b, text...)
		case 2:
			b = append(b, "Abdul"...)
			b = lowerFirst(b, text)
		case 3:
			b = append(b, "Abdel "...)
			b = append(b, text...)
		case 4:
			b = append(b, "Abd-al-"...)
			b = append(b, text...)
		case 5:
			b = append(b, "Abd Al "...)
			b = append(b, text...)
		case 6:
			if isSunLetter(text) { // Abd ar-Rahman
				b = append(b, "Abd a"...)
				b = append(b, text[0]|0x20, '-')
				b = append(b, text...)
				break
			}
			fallthrough
		default:
			b = append(b, "Abd al-"...)
			b = append(b, text...)
		}
	case roleBin:
		if st.ibn {
			b = append(b, "ibn"...)
		} else {
			b = append(b, "bin"...)
		}
	case roleAbu:
		b = append(b, "Abu"...)
	default:
		b = append(b, p.pre...)
		b = append(b, text...)
	}
	if st.upperFam && isFamily(p.role) {
		up := strings.ToUpper(string(b[start:]))
		b = append(b[:start], up...)
	}
	return b
}

// renderAlt joins the original-script forms of the parts with sep, or
// reports false when a part has none: an original-script alias is only
// made when every token maps.
func (g *Generator) renderAlt(skip uint8, sep string) (string, bool) {
	b := g.buf[:0]
	for i := 0; i < g.np; i++ {
		if skip&(1<<i) != 0 {
			continue
		}
		p := &g.p[i]
		alt := p.alt
		if alt == "" && p.t != nil {
			alt = p.t.alt
		}
		switch p.role {
		case roleBin:
			alt = "بن"
		case roleAbu:
			alt = "أبو"
		}
		if alt == "" {
			return "", false
		}
		if len(b) > 0 {
			b = append(b, sep...)
		}
		switch p.role {
		case roleAbd:
			b = append(b, "عبد ال"...)
		case roleAl:
			b = append(b, "ال"...)
		}
		b = append(b, alt...)
	}
	g.buf = b
	return string(b), len(b) > 0
}

// familyMask returns the bits of the family parts (fam) and of the parts
// between the first and the family name (mid).
func (g *Generator) familyMask() (fam, mid uint8) {
	for i := 0; i < g.np; i++ {
		if isFamily(g.p[i].role) {
			fam |= 1 << i
		} else if i > 0 && g.p[i-1].role != roleAbu { // Abu X stays whole
			mid |= 1 << i
		}
	}
	return fam, mid
}

// latinWays is the number of ways latinAlias knows.
const latinWays = 5

// latinAlias makes the aliases every part-built name can have: two
// respellings, without the middle names, family first, and with accents
// stripped; "" when way i does not apply.
func (g *Generator) latinAlias(i int, primary string) (string, entity.NameKind) {
	switch i {
	case 0, 1:
		return g.render(style{respell: true}), entity.Alias
	case 2:
		if _, mid := g.familyMask(); mid != 0 {
			return g.render(style{skip: mid}), entity.Alias
		}
	case 3:
		if fam, _ := g.familyMask(); fam != 0 && g.np > 1 {
			return g.render(style{famFirst: true, upperFam: g.chance(0.5)}), entity.Alias
		}
	case 4:
		return stripAccents(primary), entity.Alias
	}
	return "", ""
}

// latinAliases adds k aliases made by latinAlias.
func (g *Generator) latinAliases(e *entity.Entity, k int) {
	prim := e.Names[0].Full
	g.aliases(e, k, latinWays, func(i int) (string, entity.NameKind) { return g.latinAlias(i, prim) })
}

// person generates a person of a name culture drawn with the weights of
// real lists.
func (g *Generator) person(e *entity.Entity) {
	e.Schema = entity.Person
	k := g.aliasCount()
	e.Names = make([]entity.Name, 0, k+2)
	g.np = 0
	var c *culture
	var female bool
	switch u := g.intn(100); {
	case u < 30:
		c, female = g.arabic(e, k)
	case u < 41:
		c, female = g.slavic(e, k, false)
	case u < 45:
		c, female = g.slavic(e, k, true)
	case u < 53:
		c, female = g.persian(e, k)
	case u < 61:
		c, female = g.chinese(e, k)
	case u < 65:
		c, female = g.korean(e, k)
	case u < 75:
		c, female = g.spanish(e, k)
	case u < 90:
		c, female = g.western(e, k)
	case u < 96:
		c, female = g.african(e, k)
	default:
		c, female = g.southAsian(e, k)
	}
	g.personFacts(e, c, female)
}

// femaleFrom returns the index of name in p: pools that mix men's and
// women's names list the men first.
func femaleFrom(p []tok, name string) int {
	for i, t := range p {
		if t.v[0] == name {
			return i
		}
	}
	panic("synth: no " + name + " in pool")
}

// givenOf picks a given name of the right gender from a pool whose
// women's names start at f.
func (g *Generator) givenOf(p []tok, f int, female bool) *tok {
	if female {
		return &p[f+g.skew(len(p)-f)]
	}
	return &p[g.skew(f)]
}

// ---- Arabic ----

var cArab = &culture{
	nat:      words(`SY, IQ, YE, SA, LB, LY, EG, JO, PS, SD, TN, DZ, MA, AE, KW, QA, OM, BH, MR`),
	programs: words(`SDGT, SYRIA, ISIL, AQ, YEMEN, LIBYA, IRAQ, HIZBALLAH, SUDAN, SOMALIA, TERRORISM`),
}

// nisba generates a family name of the form al-X-i with its Arabic
// spelling, from consonant and vowel patterns, for the long tail.
func (g *Generator) nisba() (lat, ar string) {
	b := g.buf[:0]
	var a []byte
	c := &arCons[g.skew(len(arCons))]
	b = append(b, c.v[0][0]-'a'+'A')
	b = append(b, c.v[0][1:]...)
	a = append(a, c.alt...)
	syl := 1 + g.intn(2)
	for s := 0; s < syl; s++ {
		switch g.intn(5) {
		case 0, 1:
			b = append(b, 'a')
		case 2:
			b = append(b, 'a')
			a = append(a, "ا"...)
		case 3:
			b = append(b, 'u')
		default:
			b = append(b, 'i')
		}
		c = &arCons[g.skew(len(arCons))]
		b = append(b, c.v[0]...)
		a = append(a, c.alt...)
	}
	switch g.intn(10) {
	case 0, 1:
		b = append(b, "awi"...)
		a = append(a, "اوي"...)
	case 2:
		b = append(b, "ani"...)
		a = append(a, "اني"...)
	default:
		b = append(b, 'i')
		a = append(a, "ي"...)
	}
	g.buf = b
	return string(b), string(a)
}

func (g *Generator) arMale() *tok { return &arMale[g.zipf(len(arMale))] }

// arabic builds Arabic names in English transliteration: given name (or
// an Abd al-X compound), father and grandfather, sometimes joined by bin,
// and a family name, mostly an al- nisba. 40% carry the Arabic original.
func (g *Generator) arabic(e *entity.Entity, k int) (*culture, bool) {
	female := g.chance(0.1)
	shape := g.intn(100)
	switch {
	case female:
		g.push(roleGiven, &arFemale[g.skew(len(arFemale))], "", "")
	case shape >= 95: // known by a kunya: Abu Bakr al-Masri
		g.push(roleAbu, nil, "", "")
		if g.chance(0.3) {
			g.push(roleGiven, &arKunya[g.skew(len(arKunya))], "", "")
		} else {
			g.push(roleGiven, g.arMale(), "", "")
		}
	case shape < 15:
		g.push(roleAbd, &arAbd[g.skew(len(arAbd))], "", "")
	default:
		g.push(roleGiven, g.arMale(), "", "")
	}
	noFamily := shape >= 85 && shape < 95
	if shape < 95 || female {
		father := func() {
			if g.chance(0.12) {
				g.push(roleAbd, &arAbd[g.skew(len(arAbd))], "", "")
			} else {
				g.push(roleMiddle, g.arMale(), "", "")
			}
		}
		if !female && shape >= 15 && shape < 35 {
			g.push(roleBin, nil, "", "")
			father()
			if g.chance(0.5) {
				g.push(roleBin, nil, "", "")
				father()
			}
		} else {
			father()
			if noFamily || g.chance(0.45) {
				father()
			}
		}
	}
	if !noFamily {
		switch u := g.intn(100); {
		case u < 36:
			g.push(roleAl, &arNisba[g.zipf(len(arNisba))], "", "")
		case u < 65:
			lat, ar := g.nisba()
			g.push(roleAl, nil, lat, ar)
		default:
			g.push(roleFamily, &arFamily[g.skew(len(arFamily))], "", "")
		}
	}
	al := g.skew(7)
	if al == 6 && g.chance(0.7) {
		al = 0
	}
	prim := style{al: al, abd: g.skew(8), ibn: g.chance(0.2)}
	addName(e, g.render(prim), entity.Primary, "Latn", "")

	if g.chance(0.4) {
		if ar, ok := g.renderAlt(0, " "); ok {
			addName(e, ar, entity.Alias, "Arab", "ar")
		}
	}
	fam, mid := g.familyMask()
	g.aliases(e, k, 6, func(i int) (string, entity.NameKind) {
		switch i {
		case 0, 1:
			return g.render(style{respell: true, al: g.intn(7), abd: g.intn(8), ibn: g.chance(0.5)}), entity.Alias
		case 2:
			if mid != 0 {
				return g.render(style{respell: g.chance(0.5), skip: mid, al: prim.al, abd: prim.abd}), entity.Alias
			}
		case 3: // without the last ancestor (and the bin before it)
			if mid == 0 {
				break
			}
			last := 7
			for mid&(1<<last) == 0 {
				last--
			}
			skip := uint8(1 << last)
			if last > 1 && g.p[last-1].role == roleBin {
				skip |= 1 << (last - 1)
			}
			if skip != mid {
				return g.render(style{skip: skip, al: g.intn(7), abd: prim.abd, ibn: prim.ibn}), entity.Alias
			}
		case 4:
			if fam != 0 {
				return g.render(style{famFirst: true, upperFam: g.chance(0.5), al: prim.al, abd: prim.abd, ibn: prim.ibn}), entity.Alias
			}
		case 5: // a kunya or "Umm X", sometimes with the family name
			kunya := "Abu "
			if female {
				kunya = "Umm "
			}
			t := g.arMale()
			kunya += t.v[g.intn(len(t.v))]
			if fam != 0 && g.chance(0.4) {
				kunya += " " + g.render(style{skip: ^fam, al: prim.al})
			}
			return kunya, entity.WeakAlias
		}
		return "", ""
	})
	return cArab, female
}

// ---- Russian and Ukrainian ----

var (
	cRu = &culture{
		nat:      words(`RU, RU, RU, BY, KZ, MD, AM, AZ, GE, KG, UZ, TJ, CY, LV`),
		programs: words(`RUSSIA-EO14024, UKRAINE-EO13660, UKRAINE-EO13662, CYBER2, BELARUS, CAATSA - RUSSIA, ELECTION-EO13848, MAGNIT`),
	}
	cUa = &culture{
		nat:      words(`UA, UA, RU, UA, MD`),
		programs: words(`UKRAINE-EO13660, RUSSIA-EO14024, UKRAINE-EO13661, UKRAINE-EO13685, CYBER2`),
	}
	uaVowels = words(`а, о, е, и, у, і, я`)
)

// capFirst returns s with its first letter in capitals.
func capFirst(b []byte, s string) []byte {
	r, n := utf8.DecodeRuneInString(s)
	b = utf8.AppendRune(b, unicode.ToUpper(r))
	return append(b, s[n:]...)
}

// slavSurname generates a Cyrillic surname from syllables and a suffix
// (-ов, -енко, -ский...), for the long tail of rare surnames.
func (g *Generator) slavSurname(uk bool) string {
	vowels, suffix := ruVowels, ruSuffix
	if uk {
		vowels, suffix = uaVowels, uaSuffix
	}
	b := capFirst(g.buf[:0], ruOnsets[g.skew(len(ruOnsets))])
	b = append(b, vowels[g.skew(len(vowels))]...)
	if g.chance(0.45) {
		b = append(b, ruOnsets[g.skew(len(ruOnsets))]...)
		b = append(b, vowels[g.skew(len(vowels))]...)
	}
	coda := ruCodas[g.skew(len(ruCodas))]
	b = append(b, coda...)
	s := suffix[g.skew(len(suffix))]
	if s == "ов" {
		switch coda {
		case "ж", "ш", "ч", "ц":
			s = "ев"
		}
	}
	b = append(b, s...)
	g.buf = b
	return string(b)
}

// feminine returns the feminine form of a Russian or Ukrainian surname.
func feminine(s string) string {
	switch {
	case strings.HasSuffix(s, "ский"), strings.HasSuffix(s, "цкий"):
		return s[:len(s)-len("ий")] + "ая"
	case strings.HasSuffix(s, "ський"), strings.HasSuffix(s, "цький"):
		return s[:len(s)-len("ий")] + "а"
	case strings.HasSuffix(s, "ов"), strings.HasSuffix(s, "ев"), strings.HasSuffix(s, "ёв"),
		strings.HasSuffix(s, "ин"), strings.HasSuffix(s, "ын"):
		return s + "а"
	}
	return s
}

// slavic builds Russian or Ukrainian names in Cyrillic (given name,
// patronymic, surname) and transliterates them; the other transliteration
// schemes give the aliases, and 30% keep the Cyrillic original.
func (g *Generator) slavic(e *entity.Entity, k int, uk bool) (*culture, bool) {
	female := g.chance(0.15)
	var given, patr, sur string
	c, lang := cRu, "ru"
	if uk {
		c, lang = cUa, "uk"
		if female {
			given = g.pick(uaFemale)
		} else {
			given = uaMale[g.skew(len(uaMale))][0]
		}
		f := uaMale[g.skew(len(uaMale))]
		patr = f[1]
		if female {
			patr = f[2]
		}
		if g.chance(0.5) {
			sur = uaSurnames[g.zipf(len(uaSurnames))]
		} else {
			sur = g.slavSurname(true)
		}
	} else {
		if female {
			given = g.pick(ruFemale)
		} else {
			given = ruMale[g.skew(len(ruMale))][0]
		}
		f := ruMale[g.skew(len(ruMale))]
		if female {
			patr = f[1] + "на"
		} else {
			patr = f[1] + "ич"
		}
		if g.chance(0.5) {
			sur = ruSurnames[g.zipf(len(ruSurnames))]
		} else {
			sur = g.slavSurname(false)
		}
	}
	if female {
		sur = feminine(sur)
	}
	natural := given + " " + patr + " " + sur
	scheme := schemeBGN
	if u := g.intn(10); u >= 9 {
		scheme = schemeLoose
	} else if u >= 7 {
		scheme = schemePassport
	}
	var prim string
	switch u := g.intn(10); {
	case u < 5:
		prim = g.translit(natural, uk, scheme)
	case u < 9:
		if g.chance(0.4) {
			s := strings.ToUpper(g.translit(sur, uk, scheme))
			prim = s + " " + g.translit(given+" "+patr, uk, scheme)
		} else {
			prim = g.translit(sur+" "+given+" "+patr, uk, scheme)
		}
	default:
		prim = g.translit(given+" "+sur, uk, scheme)
	}
	addName(e, prim, entity.Primary, "Latn", "")
	if g.chance(0.3) {
		addName(e, sur+" "+given+" "+patr, entity.Alias, "Cyrl", lang)
	}
	g.aliases(e, k, 4, func(i int) (string, entity.NameKind) {
		switch i {
		case 0, 1: // the other two schemes
			return g.translit(natural, uk, (scheme+1+i)%numSchemes), entity.Alias
		case 2:
			return g.translit(given+" "+sur, uk, g.intn(numSchemes)), entity.Alias
		}
		return g.translit(sur+" "+given+" "+patr, uk, g.intn(numSchemes)), entity.Alias
	})
	return c, female
}

// ---- Persian ----

var cIran = &culture{
	nat:      words(`IR, IR, IR, IR, IQ, AE, AF, LB`),
	programs: words(`IRAN, IRGC, NPWMD, IFSR, IRAN-HR, SDGT, IRAN-EO13846, IRAN-EO13876`),
}

// persianFamily pushes a Persian surname: pooled, or generated from a
// given name, a place or syllables plus a suffix (-zadeh, -pour, -i...).
func (g *Generator) persianFamily() {
	if g.chance(0.45) {
		g.push(roleFamily, &faSurnames[g.zipf(len(faSurnames))], "", "")
		return
	}
	var stem string
	suf := &faSuffix[g.skew(len(faSuffix))]
	switch u := g.intn(10); {
	case u < 4:
		stem = faGiven[g.skew(len(faGiven))].v[0]
		if strings.ContainsAny(stem, " -") {
			stem = "Ali"
		}
	case u < 6:
		stem = g.pick(faPlaces)
		suf = &faSuffix[0]
	default:
		stem = g.pick(faStems)
		if g.chance(0.7) {
			stem += faMid[g.intn(len(faMid))]
		}
	}
	g.push(roleFamily, suf, stem, "")
}

func (g *Generator) persian(e *entity.Entity, k int) (*culture, bool) {
	female := g.chance(0.12)
	given := faGiven
	if female {
		given = faFemale
	}
	g.push(roleGiven, &given[g.zipf(len(given))], "", "")
	if g.chance(0.12) {
		g.push(roleMiddle, &faGiven[g.skew(len(faGiven))], "", "")
	}
	g.persianFamily()
	prim := g.render(style{})
	addName(e, prim, entity.Primary, "Latn", "")
	g.aliases(e, k, latinWays+1, func(i int) (string, entity.NameKind) {
		if i < latinWays {
			return g.latinAlias(i, prim)
		}
		if t := &g.p[0]; !female {
			return "Haj " + t.t.v[t.sp], entity.WeakAlias
		}
		return "", ""
	})
	return cIran, female
}

// ---- Chinese ----

var cChina = &culture{
	nat:      words(`CN, CN, CN, HK, TW, SG, MO, CN`),
	programs: words(`NPWMD, SDNTK, CYBER2, CMIC-EO13959, HK-EO13936, IRAN-EO13846, GLOMAG, ILLICIT-DRUGS-EO14059`),
}

// cnName renders a Chinese name; sp 0 is pinyin and sp 1 the older
// (Wade-Giles or Cantonese) spelling where the pool has one; sep joins the
// given-name syllables: 0 "Xiaoming", 1 "Xiao-ming", 2 "Xiao Ming".
func (g *Generator) cnName(sur, g1, g2 *tok, sp, sep int, givenFirst, upper bool) string {
	pickSp := func(t *tok) string {
		if sp > 0 && len(t.v) > 1 {
			return t.v[len(t.v)-1]
		}
		return t.v[0]
	}
	b := g.buf[:0]
	s := pickSp(sur)
	if upper {
		s = strings.ToUpper(s)
	}
	if !givenFirst {
		b = append(b, s...)
		b = append(b, ' ')
	}
	b = append(b, pickSp(g1)...)
	if g2 != nil {
		switch sep {
		case 0:
			b = lowerFirst(b, pickSp(g2))
		case 1:
			b = append(b, '-')
			b = lowerFirst(b, pickSp(g2))
		default:
			b = append(b, ' ')
			b = append(b, pickSp(g2)...)
		}
	}
	if givenFirst {
		b = append(b, ' ')
		b = append(b, s...)
	}
	g.buf = b
	return string(b)
}

// chinese builds pinyin names (Zhang Wei, Wang Xiaoming); 40% carry the
// Han original.
func (g *Generator) chinese(e *entity.Entity, k int) (*culture, bool) {
	female := g.chance(0.2)
	sur := &cnSur[g.zipf(len(cnSur))]
	g1 := &cnGiven[g.skew(len(cnGiven))]
	var g2 *tok
	if g.chance(0.7) {
		g2 = &cnGiven[g.skew(len(cnGiven))]
	}
	sp := 0
	if g.chance(0.1) {
		sp = 1
	}
	addName(e, g.cnName(sur, g1, g2, sp, 0, false, g.chance(0.2)), entity.Primary, "Latn", "")
	if g.chance(0.4) {
		h := sur.alt + g1.alt
		if g2 != nil {
			h += g2.alt
		}
		addName(e, h, entity.Alias, "Hans", "zh")
	}
	g.aliases(e, k, 4, func(i int) (string, entity.NameKind) {
		switch i {
		case 0:
			return g.cnName(sur, g1, g2, 0, 0, true, false), entity.Alias
		case 1:
			return g.cnName(sur, g1, g2, sp, 1, false, false), entity.Alias
		case 2:
			return g.cnName(sur, g1, g2, sp, 2, false, false), entity.Alias
		}
		return g.cnName(sur, g1, g2, 1-sp, 1, false, true), entity.Alias
	})
	return cChina, female
}

// ---- Korean ----

var cKorea = &culture{
	nat:      words(`KP, KP, KP, KP, KP, KR, CN`),
	programs: words(`DPRK, DPRK2, DPRK3, DPRK4, NPWMD, DPRK-NKSPEA, CYBER2`),
}

// koName renders a Korean name; sp 0 is McCune-Reischauer as North Korean
// entries are written, 1 Revised Romanization; form 0 "Kim Jong Chol",
// 1 "Kim Jong-chol", 2 "Kim Jongchol", 3 "Jong Chol Kim".
func (g *Generator) koName(sur, g1, g2 *tok, sp, form int) string {
	pickSp := func(t *tok) string {
		if sp > 0 && len(t.v) > 1 {
			return t.v[len(t.v)-1]
		}
		return t.v[0]
	}
	b := g.buf[:0]
	if form != 3 {
		b = append(b, pickSp(sur)...)
		b = append(b, ' ')
	}
	b = append(b, pickSp(g1)...)
	if g2 != nil {
		switch form {
		case 1:
			b = append(b, '-')
			b = lowerFirst(b, pickSp(g2))
		case 2:
			b = lowerFirst(b, pickSp(g2))
		default:
			b = append(b, ' ')
			b = append(b, pickSp(g2)...)
		}
	}
	if form == 3 {
		b = append(b, ' ')
		b = append(b, pickSp(sur)...)
	}
	g.buf = b
	return string(b)
}

// korean builds "Kim Jong Chol" style names; half carry the Hangul
// original.
func (g *Generator) korean(e *entity.Entity, k int) (*culture, bool) {
	female := g.chance(0.15)
	sur := &koSur[g.zipf(len(koSur))]
	g1 := &koGiven[g.skew(len(koGiven))]
	var g2 *tok
	if g.chance(0.9) {
		g2 = &koGiven[g.skew(len(koGiven))]
	}
	form := 0
	if u := g.intn(100); u >= 85 {
		form = 2
	} else if u >= 55 {
		form = 1
	}
	addName(e, g.koName(sur, g1, g2, 0, form), entity.Primary, "Latn", "")
	if g.chance(0.5) {
		h := sur.alt + g1.alt
		if g2 != nil {
			h += g2.alt
		}
		addName(e, h, entity.Alias, "Hang", "ko")
	}
	g.aliases(e, k, 4, func(i int) (string, entity.NameKind) {
		switch i {
		case 0, 1: // the other forms
			return g.koName(sur, g1, g2, 0, (form+1+i)%3), entity.Alias
		case 2: // Revised Romanization
			return g.koName(sur, g1, g2, 1, 1), entity.Alias
		}
		return g.koName(sur, g1, g2, g.intn(2), 3), entity.Alias
	})
	return cKorea, female
}

// ---- Spanish and Latin American ----

var cLatam = &culture{
	nat:      words(`MX, CO, VE, PE, EC, ES, NI, CU, AR, GT, HN, PA, BO, SV, DO`),
	programs: words(`SDNTK, VENEZUELA, ILLICIT-DRUGS-EO14059, TCO, NICARAGUA, CUBA, SDNT, GLOMAG, VENEZUELA-EO13850`),
}

var esFemale = femaleFrom(esGiven, "María")

// genFamily pushes a surname generated from a stem, an optional middle
// syllable and a pooled suffix.
func (g *Generator) genFamily(role uint8, stems, mids []string, suffix []tok) {
	stem := stems[g.skew(len(stems))]
	if g.chance(0.55) {
		stem += mids[g.intn(len(mids))]
	}
	g.push(role, &suffix[g.skew(len(suffix))], stem, "")
}

// spanish builds names with one or two given names and two surnames
// (José Luis Ramírez Salazar); accented and plain spellings alternate.
func (g *Generator) spanish(e *entity.Entity, k int) (*culture, bool) {
	female := g.chance(0.12)
	g.push(roleGiven, g.givenOf(esGiven, esFemale, female), "", "")
	if g.chance(0.35) {
		g.push(roleMiddle, g.givenOf(esGiven, esFemale, female), "", "")
	}
	for i := range 2 {
		if i == 1 && g.chance(0.15) {
			break
		}
		if g.chance(0.6) {
			g.push(roleFamily, &esSurnames[g.zipf(len(esSurnames))], "", "")
		} else {
			g.genFamily(roleFamily, esStems, esMid, esSuffix)
		}
	}
	if g.chance(0.5) { // plain ASCII spelling for the whole primary name
		for i := 0; i < g.np; i++ {
			if t := g.p[i].t; t != nil {
				g.p[i].sp = len(t.v) - 1
			}
		}
	}
	prim := g.render(style{})
	addName(e, prim, entity.Primary, "Latn", "")
	g.aliases(e, k, latinWays+2, func(i int) (string, entity.NameKind) {
		switch i {
		case latinWays: // without the mother's surname
			if g.np > 2 && g.p[g.np-1].role == roleFamily && g.p[g.np-2].role == roleFamily {
				return g.render(style{skip: 1 << (g.np - 1)}), entity.Alias
			}
			return "", ""
		case latinWays + 1:
			return "El " + g.pick(esNick), entity.WeakAlias
		}
		return g.latinAlias(i, prim)
	})
	return cLatam, female
}

// ---- Western European, Greek and Hebrew ----

var (
	cWestern = &culture{
		programs: words(`CYBER2, RUSSIA-EO14024, GLOMAG, SDGT, IRAN, ILLICIT-DRUGS-EO14059, TCO, BALKANS, NPWMD`),
	}
	cGreek       = &culture{nat: words(`CY, GR, CY`), programs: cWestern.programs}
	cIsrael      = &culture{nat: words(`IL, IL, US, RU`), programs: cWestern.programs}
	westCultures []*culture
	westFemale   = []int{
		femaleFrom(westGroups[0].given, "Mary"), femaleFrom(westGroups[1].given, "Ursula"),
		femaleFrom(westGroups[2].given, "Marie"), femaleFrom(westGroups[3].given, "Maria"),
		femaleFrom(westGroups[4].given, "Anna"), femaleFrom(westGroups[5].given, "Anna"),
	}
	grFemale = femaleFrom(grGiven, "Maria")
	heFemale = femaleFrom(heGiven, "Sarah")
	nickOf   = map[string]string{}
)

func init() {
	for _, wg := range westGroups {
		westCultures = append(westCultures, &culture{nat: wg.countries, programs: cWestern.programs})
	}
	for _, f := range westNick {
		nickOf[f[0]] = f[1]
	}
}

// western builds English, German, French, Italian, Dutch and Nordic names,
// with a small share of Greek and Israeli names carrying their Greek or
// Hebrew original.
func (g *Generator) western(e *entity.Entity, k int) (*culture, bool) {
	female := g.chance(0.15)
	u := g.intn(100)
	if u < 13 {
		gv, f, fam, c, script, lang := grGiven, grFemale, grFamily, cGreek, "Grek", "el"
		if u >= 8 {
			gv, f, fam, c, script, lang = heGiven, heFemale, heFamily, cIsrael, "Hebr", "he"
		}
		g.push(roleGiven, g.givenOf(gv, f, female), "", "")
		g.push(roleFamily, &fam[g.skew(len(fam))], "", "")
		addName(e, g.render(style{}), entity.Primary, "Latn", "")
		if g.chance(0.5) {
			if s, ok := g.renderAlt(0, " "); ok {
				addName(e, s, entity.Alias, script, lang)
			}
		}
		g.latinAliases(e, k)
		return c, female
	}
	// English 35%, German 20%, French 15%, Italian 12%, Dutch 8%, Nordic 10%.
	gi := 0
	switch v := g.intn(100); {
	case v < 35:
	case v < 55:
		gi = 1
	case v < 70:
		gi = 2
	case v < 82:
		gi = 3
	case v < 90:
		gi = 4
	default:
		gi = 5
	}
	wg := &westGroups[gi]
	g.push(roleGiven, g.givenOf(wg.given, westFemale[gi], female), "", "")
	switch v := g.intn(100); {
	case v < 30:
		g.push(roleMiddle, g.givenOf(wg.given, westFemale[gi], female), "", "")
	case v < 42:
		g.push(roleMiddle, nil, string(rune('A'+g.intn(26)))+".", "")
	}
	if g.chance(0.6) {
		g.push(roleFamily, &wg.family[g.zipf(len(wg.family))], "", "")
	} else {
		g.genFamily(roleFamily, westStems, westMid, wg.suffix)
	}
	prim := g.render(style{})
	addName(e, prim, entity.Primary, "Latn", "")
	g.aliases(e, k, latinWays+2, func(i int) (string, entity.NameKind) {
		first := &g.p[0]
		fam, _ := g.familyMask()
		switch i {
		case latinWays: // a nickname: Bob Smith
			if nick, ok := nickOf[first.t.v[first.sp]]; ok {
				return nick + " " + g.render(style{skip: ^fam}), entity.WeakAlias
			}
			return "", ""
		case latinWays + 1: // the initial of the given name: J. Smith
			r, _ := utf8.DecodeRuneInString(first.t.v[first.sp])
			return string(r) + ". " + g.render(style{skip: ^fam}), entity.Alias
		}
		return g.latinAlias(i, prim)
	})
	return westCultures[gi], female
}

// ---- African ----

var (
	cAfFr = &culture{
		nat:      words(`ML, SN, GN, CI, BF, NE, CM, TD, CF, CD, MR, BJ, TG`),
		programs: words(`MALI, CAR, DRC, GLOMAG, SDGT, SAHEL`),
	}
	cAfEn = &culture{
		nat:      words(`NG, GH, LR, SL, GM, NG, CM`),
		programs: words(`SDGT, GLOMAG, LIBERIA, CYBER2, TCO, SDNTK`),
	}
	cAfEast = &culture{
		nat:      words(`CD, RW, BI, UG, KE, TZ, ZW, ZM, MW, SS, CF, ET`),
		programs: words(`DRC, SOUTH SUDAN, ZIMBABWE, BURUNDI, GLOMAG, CAR, ETHIOPIA`),
	}
	afFrFemale   = femaleFrom(afFrGiven, "Fatoumata")
	afEnFemale   = femaleFrom(afEnGiven, "Ngozi")
	afEastFemale = femaleFrom(afEastGiven, "Grace")
	cSomali      = &culture{
		nat:      words(`SO, SO, KE, ET, DJ, SO`),
		programs: words(`SOMALIA, SDGT, AQ, ISIL`),
	}
)

// afFamily generates an African surname from a prefix and syllables.
func (g *Generator) afFamily(role uint8) {
	b := append(g.buf[:0], g.pick(afPrefix)...)
	b = append(b, afMid[g.skew(len(afMid))]...)
	if g.chance(0.5) {
		b = append(b, afMid[g.intn(len(afMid))]...)
	}
	b = append(b, afEnd[g.skew(len(afEnd))]...)
	g.buf = b
	g.push(role, nil, string(b), "")
}

// african builds West African (francophone and anglophone), East and
// Central African and Somali names.
func (g *Generator) african(e *entity.Entity, k int) (*culture, bool) {
	female := g.chance(0.12)
	var c *culture
	switch u := g.intn(100); {
	case u < 30:
		c = cAfFr
		g.push(roleGiven, g.givenOf(afFrGiven, afFrFemale, female), "", "")
		if g.chance(0.7) {
			g.push(roleFamily, &afFrFamily[g.zipf(len(afFrFamily))], "", "")
		} else {
			g.afFamily(roleFamily)
		}
	case u < 55:
		c = cAfEn
		g.push(roleGiven, g.givenOf(afEnGiven, afEnFemale, female), "", "")
		if g.chance(0.4) {
			g.push(roleMiddle, g.givenOf(afEnGiven, afEnFemale, female), "", "")
		}
		if g.chance(0.55) {
			g.push(roleFamily, &afEnFamily[g.zipf(len(afEnFamily))], "", "")
		} else {
			g.afFamily(roleFamily)
		}
	case u < 85:
		c = cAfEast
		g.push(roleGiven, g.givenOf(afEastGiven, afEastFemale, female), "", "")
		if g.chance(0.2) {
			g.push(roleMiddle, g.givenOf(afEastGiven, afEastFemale, female), "", "")
		}
		if g.chance(0.5) {
			g.push(roleFamily, &afEastFamily[g.zipf(len(afEastFamily))], "", "")
		} else {
			g.afFamily(roleFamily)
		}
	default: // Somali: given name, father, grandfather
		c, female = cSomali, false
		g.push(roleGiven, &soNames[g.zipf(len(soNames))], "", "")
		g.push(roleMiddle, &soNames[g.zipf(len(soNames))], "", "")
		g.push(roleFamily, &soNames[g.zipf(len(soNames))], "", "")
	}
	addName(e, g.render(style{famFirst: c == cAfFr && g.chance(0.4), upperFam: c == cAfFr}), entity.Primary, "Latn", "")
	g.latinAliases(e, k)
	return c, female
}

// ---- South Asian ----

var (
	cPak = &culture{
		nat:      words(`PK, AF, PK, AF, GB`),
		programs: words(`SDGT, TALIBAN, AQ, NPWMD, ILLICIT-DRUGS-EO14059, ISIL-K`),
	}
	cIndia = &culture{
		nat:      words(`IN, IN, AE, GB, NP, LK`),
		programs: words(`NPWMD, ILLICIT-DRUGS-EO14059, SDGT, IRAN-EO13846, TCO`),
	}
	cBangla = &culture{
		nat:      words(`BD, BD, IN, MM`),
		programs: words(`SDGT, AQ, GLOMAG`),
	}
	pkFemale = femaleFrom(pkGiven, "Bibi")
	inFemale = femaleFrom(inGiven, "Priya")
	pkSuffix = pool(`zai, khel|khail, i, zada|zadah, yar, wal`)
)

// southAsian builds Pakistani and Afghan, Indian and Bangladeshi names.
func (g *Generator) southAsian(e *entity.Entity, k int) (*culture, bool) {
	female := g.chance(0.12)
	var c *culture
	switch u := g.intn(100); {
	case u < 50:
		c = cPak
		if female {
			g.push(roleGiven, g.givenOf(pkGiven, pkFemale, true), "", "")
		} else {
			g.push(roleGiven, &pkGiven[g.zipf(pkFemale)], "", "")
			if g.chance(0.3) {
				g.push(roleMiddle, g.givenOf(pkGiven, pkFemale, false), "", "")
			}
		}
		if g.chance(0.7) {
			g.push(roleFamily, &pkFamily[g.zipf(len(pkFamily))], "", "")
		} else {
			stem := pkGiven[g.skew(len(pkGiven))].v[0]
			if strings.Contains(stem, " ") {
				stem = "Ahmad"
			}
			g.push(roleFamily, &pkSuffix[g.skew(len(pkSuffix))], stem, "")
		}
	case u < 80:
		c = cIndia
		g.push(roleGiven, g.givenOf(inGiven, inFemale, female), "", "")
		if g.chance(0.65) {
			g.push(roleFamily, &inFamily[g.zipf(len(inFamily))], "", "")
		} else {
			g.genFamily(roleFamily, inStems, esMid, inSuffix)
		}
	default:
		c, female = cBangla, false
		g.push(roleGiven, &bdNames[g.zipf(len(bdNames))], "", "")
		g.push(roleMiddle, &bdNames[g.skew(len(bdNames))], "", "")
		g.push(roleFamily, &bdNames[g.skew(len(bdNames))], "", "")
	}
	addName(e, g.render(style{}), entity.Primary, "Latn", "")
	g.latinAliases(e, k)
	return c, female
}
