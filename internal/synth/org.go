package synth

import (
	"strconv"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
)

var (
	progRuOrg   = words(`RUSSIA-EO14024, UKRAINE-EO13662, UKRAINE-EO13661, BELARUS-EO14038, CYBER2, CAATSA - RUSSIA, NPWMD`)
	progIrOrg   = words(`IRAN, IRGC, NPWMD, IFSR, SDGT, IRAN-EO13846, IRAN-EO13902, IRAN-CON-ARMS-EO`)
	progCnOrg   = words(`NPWMD, IRAN-EO13846, RUSSIA-EO14024, CMIC-EO13959, SDNTK, CYBER2, DPRK3`)
	progArOrg   = words(`SDGT, SYRIA, IRAN-EO13902, HIZBALLAH, YEMEN, IRAQ2, LIBYA3, ISIL`)
	progKpOrg   = words(`DPRK, DPRK2, DPRK3, NPWMD, DPRK4, DPRK-NKSPEA`)
	progWestOrg = words(`RUSSIA-EO14024, SDGT, IRAN-EO13846, CYBER2, TCO, SDNTK, GLOMAG, NPWMD`)
	progLatOrg  = words(`SDNTK, VENEZUELA-EO13850, TCO, ILLICIT-DRUGS-EO14059, CUBA, NICARAGUA, SDNT`)
	progOther   = words(`RUSSIA-EO14024, IRAN-EO13846, SDGT, NPWMD, TCO, CYBER2`)

	ruOrgCountries = words(`RU, RU, RU, RU, RU, RU, RU, RU, RU, RU, RU, RU, RU, RU, RU, RU, BY, KZ, AM, KG, UZ, AE`)
	arOrgCountries = words(`AE, AE, AE, SY, LB, IQ, AE, YE, KW, SA, QA, OM, TR, JO`)

	arOrgDesc = pool(`General Trading=للتجارة العامة, Trading=للتجارة, Exchange=للصرافة, Shipping=للنقل البحري,
Investment=للاستثمار, Contracting=للمقاولات, Petroleum Services=للخدمات النفطية,
Import and Export=للاستيراد والتصدير, Real Estate=للعقارات, Money Transfer=للحوالات المالية,
Oil Trading=لتجارة النفط, Electronics=للإلكترونيات`)
	arOrgForms = words(`LLC, FZE, FZCO, Est., Establishment, Company, Co., Group, L.L.C., Company Limited`)

	// kpForms is "Latin before:Latin after:Hangul before:Hangul after".
	kpForms = fields(`Korea :Trading Corporation:조선:무역회사, Korea :General Corporation:조선:총회사,
:Bank::은행, Korea :Company:조선:회사, :Trading Company::무역회사, Korea :Shipping Company:조선:해운회사,
Korea :Group:조선:그룹, :General Trading Corporation::종합무역회사, Korea :Mining Development Trading Corporation:조선:광업개발무역회사`)

	faOrgPrefix = words(`Sherkat-e, Sherkat, Moassese-ye`)
	cnLegal     = []string{"Co., Ltd.", "Company Limited", "Co. Ltd", "Limited"}
	hkLegal     = []string{"Limited", "Company Limited", "Co., Limited", "International Limited"}
	prefixForms = map[string]bool{"PT": true, "CV": true, "OOO": true, "OAO": true, "UE": true, "TOO": true}
)

// organization generates a company, bank or agency. The jurisdiction
// decides the legal forms and the script of the original name; Russian,
// Chinese, North Korean and Arab companies sometimes carry the original.
func (g *Generator) organization(e *entity.Entity) {
	e.Schema = entity.Organization
	k := g.aliasCount()
	e.Names = make([]entity.Name, 0, k+3)
	var country string
	var progs []string
	switch u := g.intn(100); {
	case u < 22:
		country, progs = g.ruOrg(e, k), progRuOrg
	case u < 37:
		country, progs = g.irOrg(e, k), progIrOrg
	case u < 49:
		country, progs = g.cnOrg(e, k), progCnOrg
	case u < 61:
		country, progs = g.arOrg(e, k), progArOrg
	case u < 65:
		country, progs = g.kpOrg(e, k), progKpOrg
	case u < 80:
		country, progs = g.westOrg(e, k), progWestOrg
	case u < 88:
		country, progs = g.latOrg(e, k), progLatOrg
	default:
		country, progs = g.otherOrg(e, k), progOther
	}
	e.Countries = []string{country}
	if g.chance(0.4) {
		g.registration(e, country)
	}
	g.programs(e, progs)
}

// brand generates a Latin brand name from syllables (Novatek, Zarvex).
func (g *Generator) brand() string {
	b := append(g.buf[:0], brandA[g.skew(len(brandA))]...)
	for n := 0; n < 2 && g.chance(0.45); n++ {
		b = append(b, brandM[g.intn(len(brandM))]...)
	}
	b = append(b, brandZ[g.skew(len(brandZ))]...)
	g.buf = b
	return string(b)
}

// join joins non-empty parts with spaces.
func (g *Generator) join(parts ...string) string {
	b := g.buf[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, p...)
	}
	g.buf = b
	return string(b)
}

// orgWays is the number of ways orgAlias knows.
const orgWays = 4

// orgAlias makes the usual company aliases: another legal form, none, an
// acronym and sometimes a former name; "" when way i does not apply.
func (g *Generator) orgAlias(i int, pre, core, desc string, forms []string, form string) (string, entity.NameKind) {
	switch i {
	case 0:
		if len(forms) > 1 {
			f := forms[(indexOf(forms, form)+1+g.intn(len(forms)-1))%len(forms)]
			return g.orgName(pre, core, desc, f), entity.Alias
		}
	case 1:
		return g.join(pre, core, desc), entity.Alias
	case 2:
		if a := g.initials(g.join(pre, core, desc)); len(a) >= 3 && len(a) <= 5 {
			return a, entity.Alias
		}
	case 3:
		if g.chance(0.4) {
			return g.orgName(pre, g.brand(), desc, form), entity.Former
		}
	}
	return "", ""
}

// orgAliases adds k aliases made by orgAlias.
func (g *Generator) orgAliases(e *entity.Entity, k int, pre, core, desc string, forms []string, form string) {
	g.aliases(e, k, orgWays, func(i int) (string, entity.NameKind) {
		return g.orgAlias(i, pre, core, desc, forms, form)
	})
}

func indexOf(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return 0
}

// orgName renders a company name with its legal form in the usual place.
func (g *Generator) orgName(pre, core, desc, form string) string {
	if prefixForms[form] {
		return g.join(form, pre, core, desc)
	}
	return g.join(pre, core, desc, form)
}

// ruOrg makes a Russian-sphere company from Cyrillic stems (ООО
// «Технопромснаб»): its Latin names are transliterations, in the short
// (OOO TEKHNOPROMSNAB), translated (Tekhnopromsnab LLC) or spelled-out
// long form, and the Cyrillic original is the primary name or an alias.
func (g *Generator) ruOrg(e *entity.Entity, k int) string {
	form := ruOrgForms[g.skew(len(ruOrgForms))] // cyr short, lat short, lat abbr, lat long, cyr long
	b := append(g.buf[:0], ruOrgStems[g.skew(len(ruOrgStems))]...)
	n := 1 + g.intn(2)
	for range n {
		b = append(b, strings.ToLower(ruOrgStems[g.intn(len(ruOrgStems))])...)
	}
	if g.chance(0.1) {
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(1+g.intn(30)), 10)
	}
	g.buf = b
	cyr := string(b)
	cyrShort := form[0] + " «" + cyr + "»"
	cyrLong := form[4] + " «" + cyr + "»"
	lat := g.translit(cyr, false, schemeBGN)
	up := strings.ToUpper(lat)
	latShort := form[1] + " " + up
	latTrans := lat + " " + form[2]
	latLong := strings.ToUpper(g.translit(form[4], false, schemeBGN)) + " " + up
	latEn := strings.ToUpper(form[3]) + " " + up

	switch u := g.intn(100); {
	case u < 30:
		if g.chance(0.5) {
			addName(e, cyrShort, entity.Primary, "Cyrl", "ru")
		} else {
			addName(e, cyrLong, entity.Primary, "Cyrl", "ru")
		}
		addName(e, latShort, entity.Alias, "Latn", "")
	default:
		switch g.intn(4) {
		case 0:
			addName(e, latShort, entity.Primary, "Latn", "")
		case 1:
			addName(e, latTrans, entity.Primary, "Latn", "")
		case 2:
			addName(e, latLong, entity.Primary, "Latn", "")
		default:
			addName(e, latEn, entity.Primary, "Latn", "")
		}
		if u < 65 {
			addName(e, cyrShort, entity.Alias, "Cyrl", "ru")
		}
	}
	g.aliases(e, k, 6, func(i int) (string, entity.NameKind) {
		switch i {
		case 0:
			return latTrans, entity.Alias
		case 1:
			return latLong, entity.Alias
		case 2:
			return g.translit(cyr, false, schemeLoose) + " " + form[2], entity.Alias
		case 3:
			return latEn, entity.Alias
		case 4:
			return up, entity.Alias
		}
		if g.chance(0.4) {
			return form[1] + " " + strings.ToUpper(g.brand()), entity.Former
		}
		return "", ""
	})
	return ruOrgCountries[g.intn(len(ruOrgCountries))]
}

// irOrg makes an Iranian company from Persian words, sometimes a surname,
// with forms such as Company, PJS or the prefix Sherkat-e.
func (g *Generator) irOrg(e *entity.Entity, k int) string {
	var core string
	switch u := g.intn(100); {
	case u < 55:
		core = g.pick(faOrgWords)
		if g.chance(0.5) {
			core += " " + faOrgWords[g.intn(len(faOrgWords))]
		}
	case u < 80:
		g.np = 0
		g.persianFamily()
		core = g.render(style{})
	default:
		core = g.brand()
	}
	desc := ""
	if g.chance(0.5) {
		desc = g.pick(orgDesc)
	}
	form := g.pick(faOrgForms)
	pre := ""
	if g.chance(0.15) {
		pre, form = g.pick(faOrgPrefix), ""
	}
	addName(e, g.orgName(pre, core, desc, form), entity.Primary, "Latn", "")
	g.aliases(e, k, orgWays+1, func(i int) (string, entity.NameKind) {
		if i == orgWays {
			return g.join(faOrgPrefix[0], core, desc), entity.Alias
		}
		return g.orgAlias(i, "", core, desc, faOrgForms, form)
	})
	return "IR"
}

// cnOrg makes a mainland company (Shenzhen Xinhai Trading Co., Ltd.) or a
// Hong Kong one, 30% with the Han original (深圳鑫海贸易有限公司).
func (g *Generator) cnOrg(e *entity.Entity, k int) string {
	place := &cnPlaces[g.skew(len(cnPlaces))]
	b1 := &cnGiven[g.skew(len(cnGiven))]
	b2 := &cnGiven[g.skew(len(cnGiven))]
	desc := &cnDesc[g.skew(len(cnDesc))]
	b := append(g.buf[:0], b1.v[0]...)
	b = lowerFirst(b, b2.v[0])
	g.buf = b
	brand := string(b)
	hk := g.chance(0.2)
	country, pre, legal, forms := "CN", place.v[0], g.pick(cnLegal), cnLegal
	hanPre := place.alt
	if hk {
		country, pre, legal, forms, hanPre = "HK", "", g.pick(hkLegal), hkLegal, ""
		if g.chance(0.5) {
			legal = "(HK) " + legal
		}
	}
	addName(e, g.join(pre, brand, desc.v[0], legal), entity.Primary, "Latn", "")
	if g.chance(0.3) {
		addName(e, hanPre+b1.alt+b2.alt+desc.alt+"有限公司", entity.Alias, "Hans", "zh")
	}
	g.aliases(e, k, 5, func(i int) (string, entity.NameKind) {
		switch i {
		case 0:
			return g.join(brand, desc.v[0], legal), entity.Alias
		case 1: // Wade-Giles or Cantonese spelling
			old := b1.v[len(b1.v)-1] + " " + b2.v[len(b2.v)-1]
			return g.join(pre, old, desc.v[0], forms[g.intn(len(forms))]), entity.Alias
		case 2:
			return strings.ToUpper(g.join(pre, brand, desc.v[0], legal)), entity.Alias
		case 3:
			return g.join(pre, brand, desc.v[0]), entity.Alias
		}
		if g.chance(0.3) {
			return g.join(pre, g.brand(), desc.v[0], legal), entity.Former
		}
		return "", ""
	})
	return country
}

// arOrg makes an Arab company (Al Nour General Trading LLC), sometimes
// with the Arabic original (شركة النور للتجارة العامة).
func (g *Generator) arOrg(e *entity.Entity, k int) string {
	var lat, ar string
	switch u := g.intn(100); {
	case u < 40:
		t := &arWords[g.skew(len(arWords))]
		lat, ar = t.v[0], t.alt
	case u < 60:
		t := &arNisba[g.zipf(len(arNisba))]
		lat, ar = t.v[0], t.alt
	case u < 80:
		lat, ar = g.nisba()
	default:
		t := g.arMale()
		lat, ar = t.v[0], t.alt
	}
	core := "Al " + lat
	switch g.intn(3) {
	case 0:
		core = "Al-" + lat
	case 1:
		if g.chance(0.5) {
			core = lat
		}
	}
	desc := &arOrgDesc[g.skew(len(arOrgDesc))]
	form := g.pick(arOrgForms)
	country := arOrgCountries[g.skew(len(arOrgCountries))]
	if country == "SY" || country == "IQ" || country == "LB" {
		if g.chance(0.5) { // Levantine style: Al-Nour Company for Trading
			addName(e, core+" Company for "+desc.v[0], entity.Primary, "Latn", "")
			if g.chance(0.3) {
				addName(e, "شركة ال"+ar+" "+desc.alt, entity.Alias, "Arab", "ar")
			}
			g.aliases(e, k, 2, func(i int) (string, entity.NameKind) {
				if i == 0 {
					return g.join(core, desc.v[0], "Company"), entity.Alias
				}
				return core + " Co.", entity.Alias
			})
			return country
		}
	}
	addName(e, g.join(core, desc.v[0], form), entity.Primary, "Latn", "")
	if g.chance(0.25) {
		addName(e, "شركة ال"+ar+" "+desc.alt, entity.Alias, "Arab", "ar")
	}
	g.orgAliases(e, k, "", core, desc.v[0], arOrgForms, form)
	return country
}

// kpOrg makes a North Korean company (Korea Ryonbong General Corporation),
// 35% with the Hangul original.
func (g *Generator) kpOrg(e *entity.Entity, k int) string {
	var lat, han string
	if g.chance(0.6) {
		t := &koWords[g.skew(len(koWords))]
		lat, han = t.v[0], t.alt
	} else {
		a := &koGiven[g.skew(len(koGiven))]
		c := &koGiven[g.skew(len(koGiven))]
		b := append(g.buf[:0], a.v[0]...)
		b = lowerFirst(b, c.v[0])
		g.buf = b
		lat, han = string(b), a.alt+c.alt
	}
	f := kpForms[g.skew(len(kpForms))]
	addName(e, strings.TrimSpace(f[0]+lat+" "+f[1]), entity.Primary, "Latn", "")
	if g.chance(0.35) {
		addName(e, f[2]+han+f[3], entity.Alias, "Hang", "ko")
	}
	g.aliases(e, k, 4, func(i int) (string, entity.NameKind) {
		switch i {
		case 0:
			f2 := kpForms[g.intn(len(kpForms))]
			return strings.TrimSpace(f2[0] + lat + " " + f2[1]), entity.Alias
		case 1:
			return strings.ToUpper(lat), entity.Alias
		case 2:
			if a := g.initials(f[0] + lat + " " + f[1]); len(a) >= 3 {
				return a, entity.Alias
			}
		case 3:
			if g.chance(0.4) {
				t := &koWords[g.intn(len(koWords))]
				return strings.TrimSpace(f[0] + t.v[0] + " " + f[1]), entity.Former
			}
		}
		return "", ""
	})
	return "KP"
}

// westCore returns a Western company's distinctive words: a brand, a
// surname or generic words (Golden Star).
func (g *Generator) westCore() string {
	switch u := g.intn(100); {
	case u < 45:
		return g.brand()
	case u < 75:
		wg := &westGroups[g.intn(len(westGroups))]
		g.np = 0
		if g.chance(0.6) {
			g.push(roleFamily, &wg.family[g.zipf(len(wg.family))], "", "")
		} else {
			g.genFamily(roleFamily, westStems, westMid, wg.suffix)
		}
		s := g.render(style{})
		if g.chance(0.15) {
			s += " & Partners"
		}
		return s
	default:
		s := g.pick(orgWords)
		if g.chance(0.4) {
			s += " " + orgWords[g.intn(len(orgWords))]
		}
		return s
	}
}

// descs returns zero to two descriptive words (Shipping, Trading).
func (g *Generator) descs() string {
	switch u := g.intn(100); {
	case u < 25:
		return ""
	case u < 85:
		return g.pick(orgDesc)
	}
	return g.pick(orgDesc) + " " + orgDesc[g.intn(len(orgDesc))]
}

// westOrg makes a company of a Western or offshore jurisdiction.
func (g *Generator) westOrg(e *entity.Entity, k int) string {
	country := westOrgCountries[g.skew(len(westOrgCountries))]
	forms := westForms[country]
	core, desc := g.westCore(), g.descs()
	form := g.pick(forms)
	addName(e, g.orgName("", core, desc, form), entity.Primary, "Latn", "")
	g.orgAliases(e, k, "", core, desc, forms, form)
	return country
}

// latOrg makes a Latin American or Spanish company (Inversiones del
// Pacífico S.A. de C.V.).
func (g *Generator) latOrg(e *entity.Entity, k int) string {
	country := latOrgCountries[g.skew(len(latOrgCountries))]
	forms := latForms[country]
	pre := ""
	if g.chance(0.6) {
		pre = g.pick(latPrefix)
	}
	var core string
	switch u := g.intn(100); {
	case u < 40:
		g.np = 0
		if g.chance(0.6) {
			g.push(roleFamily, &esSurnames[g.zipf(len(esSurnames))], "", "")
		} else {
			g.genFamily(roleFamily, esStems, esMid, esSuffix)
		}
		core = g.render(style{})
		if g.chance(0.1) {
			core += " e Hijos"
		}
	case u < 70:
		core = g.pick(latWords)
	default:
		core = g.brand()
	}
	form := g.pick(forms)
	prim := g.orgName(pre, core, "", form)
	addName(e, prim, entity.Primary, "Latn", "")
	g.aliases(e, k, orgWays+1, func(i int) (string, entity.NameKind) {
		if i == orgWays {
			return stripAccents(prim), entity.Alias
		}
		return g.orgAlias(i, pre, core, "", forms, form)
	})
	return country
}

// otherOrg makes a company of Turkey, South or South-East Asia, the
// Caucasus, Central Asia or the Balkans.
func (g *Generator) otherOrg(e *entity.Entity, k int) string {
	country := otherOrgCountries[g.skew(len(otherOrgCountries))]
	forms := otherOrgForms[country]
	core := g.brand()
	if g.chance(0.3) {
		core = g.pick(orgWords)
	}
	desc := g.descs()
	form := g.pick(forms)
	prim := g.orgName("", core, desc, form)
	addName(e, prim, entity.Primary, "Latn", "")
	g.aliases(e, k, orgWays+1, func(i int) (string, entity.NameKind) {
		if i == orgWays {
			return stripAccents(prim), entity.Alias
		}
		return g.orgAlias(i, "", core, desc, forms, form)
	})
	return country
}

// registration adds a company registration number in the format of the
// country (OGRN and INN in Russia, the 18-character credit code in China).
func (g *Generator) registration(e *entity.Entity, country string) {
	b := g.buf[:0]
	typ := entity.IDRegistration
	switch country {
	case "RU":
		b = append(b, "15"[g.intn(2)])
		b = g.digits(b, 12)
		if g.chance(0.5) {
			inn := string(g.digits(nil, 10))
			e.Identifiers = append(e.Identifiers, entity.Identifier{Type: entity.IDTax, Number: inn, Country: country})
		}
	case "CN":
		b = append(b, "91"...)
		b = g.digits(b, 6)
		for range 9 {
			if g.chance(0.7) {
				b = g.digits(b, 1)
			} else {
				b = g.letters(b, 1)
			}
		}
		b = g.digits(b, 1)
	case "IR":
		b = append(b, "10"...)
		b = g.digits(b, 9)
	case "US":
		typ = entity.IDTax
		b = g.digits(b, 2)
		b = append(b, '-')
		b = g.digits(b, 7)
	case "DE":
		b = append(b, "HRB "...)
		b = g.digits(b, 5+g.intn(2))
	case "GB":
		b = g.digits(b, 8)
	case "AE":
		b = append(b, "CN-"...)
		b = g.digits(b, 7)
	default:
		b = g.digits(b, 6+g.intn(5))
	}
	g.buf = b
	e.Identifiers = append(e.Identifiers, entity.Identifier{Type: typ, Number: string(b), Country: country})
}

// ---- vessels ----

// vesselName returns a vessel name in capitals in one of the naming
// styles common on the lists.
func (g *Generator) vesselName() string {
	b := g.buf[:0]
	num := 0.0
	switch u := g.intn(100); {
	case u < 45: // OCEAN STAR
		b = append(b, g.pick(vesselA)...)
		b = append(b, ' ')
		b = append(b, g.pick(vesselB)...)
		num = 0.25
	case u < 53: // a given name: MARIA
		var t *tok
		switch g.intn(3) {
		case 0:
			t = &arFemale[g.skew(len(arFemale))]
		case 1:
			t = &esGiven[esFemale+g.skew(len(esGiven)-esFemale)]
		default:
			t = &faFemale[g.skew(len(faFemale))]
		}
		b = append(b, strings.ToUpper(stripAccents(t.v[0]))...)
		num = 0.2
	case u < 65: // XIN HAI 8
		b = append(b, strings.ToUpper(cnGiven[g.skew(len(cnGiven))].v[0])...)
		b = append(b, ' ')
		b = append(b, strings.ToUpper(cnGiven[g.skew(len(cnGiven))].v[0])...)
		num = 0.5
	case u < 73: // KUM UN SAN 3
		for i := range 2 + g.intn(2) {
			if i > 0 {
				b = append(b, ' ')
			}
			b = append(b, strings.ToUpper(koGiven[g.skew(len(koGiven))].v[0])...)
		}
		if s := g.intn(4); s < 3 {
			b = append(b, []string{" SAN", " HO", " GANG"}[s]...)
		}
		num = 0.4
	case u < 87: // DARYA NOOR
		b = append(b, g.pick(vesselFa)...)
		if g.chance(0.5) {
			b = append(b, ' ')
			b = append(b, vesselFa[g.intn(len(vesselFa))]...)
		}
		num = 0.25
	default: // KAPITAN IVANOV, VOLGA 5
		if g.chance(0.6) {
			// translit uses g.buf, so it runs before b is written.
			sur := strings.ToUpper(g.translit(ruSurnames[g.zipf(len(ruSurnames))], false, schemeLoose))
			b = g.buf[:0]
			b = append(b, g.pick(vesselRu)...)
			b = append(b, ' ')
			b = append(b, sur...)
		} else {
			b = append(b, g.pick(vesselRuWords)...)
			num = 0.4
		}
	}
	if g.chance(num) {
		b = append(b, ' ')
		if g.chance(0.15) {
			b = append(b, []string{"II", "III", "IV"}[g.intn(3)]...)
		} else {
			b = strconv.AppendInt(b, int64(1+g.skew(60)), 10)
		}
	}
	g.buf = b
	return string(b)
}

// imo returns a 7-digit IMO number with a valid check digit.
func (g *Generator) imo() string {
	var d [7]byte
	switch u := g.intn(100); {
	case u < 80:
		d[0] = 9
	case u < 95:
		d[0] = 8
	default:
		d[0] = 7
	}
	sum := int(d[0]) * 7
	for i := 1; i < 6; i++ {
		d[i] = byte(g.intn(10))
		sum += int(d[i]) * (7 - i)
	}
	d[6] = byte(sum % 10)
	for i := range d {
		d[i] += '0'
	}
	return string(d[:])
}

var mmsiMID = map[string]string{
	"PA": "352", "LR": "636", "MH": "538", "KM": "616", "TG": "671", "CM": "613", "SL": "667",
	"IR": "422", "KP": "445", "RU": "273", "MT": "215", "HK": "477", "SG": "563", "BZ": "312",
	"TZ": "674", "MN": "457", "PW": "511", "GA": "626", "CK": "518", "ST": "668", "VN": "574",
	"CN": "413", "AE": "470", "SY": "468", "VE": "775", "CY": "209", "GR": "237", "MD": "214",
	"BO": "720", "TV": "572",
}

var progVessel = words(`IRAN, DPRK, SDGT, RUSSIA-EO14024, VENEZUELA-EO13850, SYRIA, IRGC, DPRK3`)

// vessel generates a ship with an IMO number, a flag and often former
// names, as renamed and reflagged ships appear on the lists.
func (g *Generator) vessel(e *entity.Entity) {
	e.Schema = entity.Vessel
	e.Names = make([]entity.Name, 0, 3)
	name := g.vesselName()
	addName(e, name, entity.Primary, "Latn", "")
	switch u := g.intn(100); {
	case u < 30:
		addName(e, g.vesselName(), entity.Former, "Latn", "")
	case u < 45:
		addName(e, g.vesselName(), entity.Former, "Latn", "")
		addName(e, g.vesselName(), entity.Former, "Latn", "")
	}
	if g.chance(0.12) {
		prefix := "MV "
		if g.chance(0.5) {
			prefix = "MT "
		}
		addName(e, prefix+name, entity.Alias, "Latn", "")
	}
	flag := vesselFlags[g.skew(len(vesselFlags))]
	e.Countries = []string{flag}
	e.Identifiers = append(e.Identifiers, entity.Identifier{Type: entity.IDIMO, Number: g.imo()})
	if mid, ok := mmsiMID[flag]; ok && g.chance(0.5) {
		e.Identifiers = append(e.Identifiers, entity.Identifier{Type: entity.IDMMSI, Number: string(g.digits([]byte(mid), 6)), Country: flag})
	}
	cs := g.letters(nil, 1+g.intn(2))
	cs = g.digits(cs, 2+g.intn(3))
	e.Vessel = &entity.VesselInfo{
		CallSign:     string(cs),
		Type:         g.pick(vesselTypes),
		Flag:         flag,
		BuildYear:    strconv.Itoa(1975 + g.intn(45)),
		GrossTonnage: strconv.Itoa(500 + g.skew(160000)),
	}
	g.programs(e, progVessel)
}

// ---- aircraft ----

var progAircraft = words(`IRAN, SDGT, RUSSIA-EO14024, VENEZUELA-EO13850, SYRIA, BELARUS-EO14038, DPRK`)

// tail returns an aircraft registration and its country.
func (g *Generator) tail() (string, string) {
	tp := tailPrefix[g.skew(len(tailPrefix))]
	b := append(g.buf[:0], tp[0]...)
	if tp[2] == "L" {
		b = g.letters(b, 3)
	} else {
		b = g.digits(b, 3+g.intn(3))
		if tp[0] == "N" {
			b = g.letters(b, g.intn(3))
		}
	}
	g.buf = b
	return string(b), tp[1]
}

// airplane generates an aircraft named by its registration and model,
// with the tail number and serial number as identifiers.
func (g *Generator) airplane(e *entity.Entity) {
	e.Schema = entity.Airplane
	e.Names = make([]entity.Name, 0, 3)
	tail, country := g.tail()
	model := g.pick(aircraft)
	msn := string(g.digits(nil, 4+g.intn(2)))
	switch u := g.intn(10); {
	case u < 5:
		addName(e, tail, entity.Primary, "Latn", "")
		addName(e, model+" MSN "+msn, entity.Alias, "Latn", "")
	case u < 8:
		addName(e, model+" "+tail, entity.Primary, "Latn", "")
	default:
		addName(e, model+" MSN "+msn, entity.Primary, "Latn", "")
		addName(e, tail, entity.Alias, "Latn", "")
	}
	if g.chance(0.2) {
		old, _ := g.tail()
		addName(e, old, entity.Former, "Latn", "")
	}
	e.Countries = []string{country}
	e.Identifiers = append(e.Identifiers,
		entity.Identifier{Type: entity.IDRegistration, Number: tail, Country: country, Note: "tail number"},
		entity.Identifier{Type: entity.IDOther, Number: msn, Note: "manufacturer serial number"})
	info := &entity.VesselInfo{Type: model, Flag: country, BuildYear: strconv.Itoa(1975 + g.intn(45))}
	if g.chance(0.6) {
		info.Owner = g.join(g.brand(), g.pick(airlineWords))
	}
	e.Vessel = info
	g.programs(e, progAircraft)
}
