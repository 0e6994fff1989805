package ofac

import (
	"sort"
	"strings"
	"unicode"

	"github.com/embargo-screening/embargo/internal/entity"
)

// The legacy CSV has no columns for birth dates, documents, nationality
// and the like: OFAC writes them into Remarks as items such as "DOB 23 Nov
// 1962; POB Caracas, Venezuela; Passport 123 (Iran) expires 01 Jan 2020."
// This file takes the items apart. An item it does not recognize is kept
// in Remarks word for word, so that nothing the publisher says is lost.

// remarkStats counts recognition, for tests and the coverage report.
type remarkStats struct {
	Items, Recognized int
	Unrecognized      map[string]int // by leading words
}

func (st *remarkStats) add(item string, ok bool) {
	if st == nil {
		return
	}
	st.Items++
	if ok {
		st.Recognized++
		return
	}
	if st.Unrecognized == nil {
		st.Unrecognized = map[string]int{}
	}
	st.Unrecognized[leadWords(item, 3)]++
}

func leadWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// splitRemarks cuts remarks into items. Items are separated by "; " (a
// few by ";" alone) and the whole ends with ".", which OFAC adds as an
// end marker since 2012. cut reports that the last item lost that
// period, which may have belonged to it ("S.A.").
func splitRemarks(s string) (items []string, cut bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	if strings.HasSuffix(s, ".") {
		s, cut = s[:len(s)-1], true
	}
	for it := range strings.SplitSeq(s, ";") {
		if it = entity.CleanSpace(it); it != "" {
			items = append(items, it)
		}
	}
	return items, cut
}

// restorePeriod puts back the final period where it ended an
// abbreviation: "... S.A" was "... S.A.", "... DE C" was "... DE C.".
// LTD, CO and CORP are left alone: OFAC writes them both ways, and
// matching the Linked To names of the 2019 and 2021 files against the
// listed names showed restoring them does more harm than good.
func restorePeriod(s string) string {
	w := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		w = s[i+1:]
	}
	switch {
	case w == "":
		return s
	case strings.Contains(w, "."),
		len(w) == 1 && unicode.IsLetter(rune(w[0])),
		w == "LTDA" || w == "Jr" || w == "Sr":
		return s + "."
	}
	return s
}

// parseRemarks applies remarks text to e. title is the Title column,
// which OFAC repeats as a remark item.
func parseRemarks(e *entity.Entity, text, title string, st *remarkStats) {
	items, cut := splitRemarks(text)
	for i, it := range items {
		last := cut && i == len(items)-1
		ok := parseItem(e, it, title, last)
		st.add(it, ok)
		if !ok {
			if last {
				it = restorePeriod(it)
			}
			entity.AddTo(&e.Remarks, it)
		}
	}
}

// handler applies the value of an item whose label matched; it reports
// false when the value does not have the expected shape, and the item is
// then kept in Remarks.
type handler func(e *entity.Entity, label, val string, last bool) bool

type rule struct {
	label string
	fn    handler
}

// rules is sorted longest label first, so that "Diplomatic Passport"
// wins over "Passport" and "Nationality of Registration" over
// "nationality".
// byInitial holds the same rules by the lower-cased first byte of their
// label, so that an item is tried against a few rules, not all.
var (
	rules     []rule
	byInitial [256][]rule
)

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func init() {
	add := func(fn handler, labels ...string) {
		for _, l := range labels {
			rules = append(rules, rule{l, fn})
		}
	}
	add(dob, "DOB")
	add(pob, "POB")
	add(nationality, "nationality")
	add(citizen, "citizen")
	add(registeredIn, "Nationality of Registration")
	add(gender, "Gender")
	add(linked, "Linked To:")
	add(quotedName(entity.WeakAlias), "a.k.a.", "n.k.a.", "d.b.a.")
	add(quotedName(entity.Former), "f.k.a.")
	add(measure,
		"Additional Sanctions Information -",
		"Secondary sanctions risk:",
		"Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
		"Executive Order",
		"CAATSA Section",
		"IFCA Determination -",
		"Effective Date",
		"Listing Date",
		"Purchase/Sales For Securities",
	)
	add(crypto, "Digital Currency Address -")
	add(prop("email"), "Email Address", "Email", "E-mail")
	add(prop("website"), "Website", "Website:")
	add(title, "Title")
	add(prop("ethnicity"), "ethnicity")
	add(prop("tribe"), "Tribe:", "Subtribe:")
	add(prop("phone"), "Phone Number", "Telephone", "Telephone:", "Telephone No.", "Telephone Number:", "Phone", "Phone No.")
	add(prop("fax"), "Fax", "Fax:", "Fax No.")
	add(prop("telex"), "TELEX")
	add(prop("sector"), "Organization Type:")
	add(prop("targetType"), "Target Type")
	add(prop("operator"), "Aircraft Operator")
	add(prop("model"), "Aircraft Model")
	add(prop("vesselType"), "Other Vessel Type")
	add(prop("callSign"), "Other Vessel Call Sign")
	add(prop("ticker"), "Equity Ticker")
	add(flags("pastFlags"), "Former Vessel Flag")
	add(flags("flag"), "Other Vessel Flag")
	add(founded, "Organization Established Date")
	add(built, "Aircraft Manufacture Date")
	add(buildYear, "Vessel Year of Build")
	for label := range idLabels {
		add(identifier, label)
	}
	sort.SliceStable(rules, func(i, j int) bool {
		if len(rules[i].label) != len(rules[j].label) {
			return len(rules[i].label) > len(rules[j].label)
		}
		return rules[i].label < rules[j].label
	})
	for _, r := range rules {
		c := lowerByte(r.label[0])
		byInitial[c] = append(byInitial[c], r)
	}
}

// parseItem applies one item and reports whether it was recognized.
func parseItem(e *entity.Entity, it, title string, last bool) bool {
	body, alt := strings.CutPrefix(it, "alt. ")
	if !alt {
		// Rare spelling; the alternative marker carries no meaning for
		// the model, which lists every value anyway.
		body, _ = strings.CutPrefix(it, "Alt. ")
	}
	if body == "" {
		return false
	}
	if title != "" && (body == title || strings.EqualFold(body, title)) {
		return true // the Title column, already in Titles
	}
	for _, r := range byInitial[lowerByte(body[0])] {
		val, ok := cutLabel(body, r.label)
		if !ok {
			continue
		}
		if r.fn(e, body[:len(r.label)], val, last) {
			return true
		}
	}
	return genericIdentifier(e, body) || contact(e, body) || position(e, body)
}

// cutLabel matches label at the start of s, case-insensitively, as a
// whole word, and returns the rest.
func cutLabel(s, label string) (string, bool) {
	if len(s) < len(label) || !strings.EqualFold(s[:len(label)], label) {
		return "", false
	}
	rest := s[len(label):]
	if rest == "" {
		return "", true
	}
	last := label[len(label)-1]
	if rest[0] != ' ' && (unicode.IsLetter(rune(last)) || unicode.IsDigit(rune(last))) {
		return "", false // "Fax" must not match "Faxes"
	}
	return strings.TrimSpace(rest), true
}

func dob(e *entity.Entity, _, val string, _ bool) bool {
	if val == "" {
		return false
	}
	d, ok := entity.ParseDate(val)
	if !ok {
		d = entity.Date{Text: val}
	}
	e.AddBirthDate(d)
	return true
}

func pob(e *entity.Entity, _, val string, _ bool) bool {
	if val == "" {
		return false
	}
	entity.AddTo(&e.BirthPlaces, val)
	return true
}

// countryValue normalizes a country from a remark; "possibly" is a
// hedge OFAC writes before some nationalities.
func countryValue(val string) string {
	if v, ok := cutLabel(val, "possibly"); ok {
		val = v
	}
	return normCountry(val)
}

func nationality(e *entity.Entity, _, val string, _ bool) bool {
	return addCountry(&e.Nationalities, val)
}

func citizen(e *entity.Entity, _, val string, _ bool) bool {
	return addCountry(&e.Citizenships, val)
}

func registeredIn(e *entity.Entity, _, val string, _ bool) bool {
	return addCountry(&e.Countries, val)
}

// addCountry adds a country; "undetermined" is recognized but adds
// nothing.
func addCountry(list *[]string, val string) bool {
	if val == "" || strings.EqualFold(val, "possibly") {
		return false
	}
	entity.AddTo(list, countryValue(val))
	return true
}

func gender(e *entity.Entity, _, val string, _ bool) bool {
	switch strings.ToLower(val) {
	case "male":
		e.Gender = "male"
	case "female":
		e.Gender = "female"
	default:
		return false
	}
	return true
}

func linked(e *entity.Entity, _, val string, last bool) bool {
	if val == "" {
		return false
	}
	if last {
		val = restorePeriod(val)
	}
	entity.AddTo(&e.LinkedTo, val)
	return true
}

// quotedName reads "a.k.a. 'NAME'". OFAC puts only its weak aliases in
// the remarks (the strong ones are in alt.csv), in single quotes; the
// name may itself contain apostrophes, so the outermost quotes count.
func quotedName(kind entity.NameKind) handler {
	return func(e *entity.Entity, label, val string, _ bool) bool {
		i, j := strings.IndexByte(val, '\''), strings.LastIndexByte(val, '\'')
		if i != 0 || j <= i {
			return false
		}
		name := val[i+1 : j]
		if strings.TrimSpace(name) == "" {
			return false
		}
		e.AddName(personName(e.Schema, name, kind))
		if rest := strings.TrimSpace(val[j+1:]); rest != "" {
			e.Add("nameNotes", name+": "+rest)
		}
		if strings.EqualFold(label, "d.b.a.") {
			e.Add("tradingName", name)
		}
		return true
	}
}

// measure keeps the whole item: the sanction details ("Secondary
// sanctions risk: ...", "Executive Order 13846 information: ...") read
// best as OFAC wrote them.
func measure(e *entity.Entity, label, val string, _ bool) bool {
	if val == "" {
		return false
	}
	entity.AddTo(&e.Measures, label+" "+val)
	return true
}

// crypto reads "Digital Currency Address - XBT 1A2b...": the currency
// code goes to Note.
func crypto(e *entity.Entity, _, val string, _ bool) bool {
	code, addr, ok := strings.Cut(val, " ")
	addr = strings.TrimSpace(addr)
	if !ok || code == "" || addr == "" || strings.ContainsRune(addr, ' ') {
		return false
	}
	e.AddIdentifier(entity.Identifier{Type: entity.IDCrypto, Number: addr, Note: code})
	return true
}

func prop(name string) handler {
	return func(e *entity.Entity, _, val string, _ bool) bool {
		if val == "" {
			return false
		}
		e.Add(name, val)
		return true
	}
}

func flags(name string) handler {
	return func(e *entity.Entity, _, val string, _ bool) bool {
		if val == "" {
			return false
		}
		e.Add(name, normCountry(val))
		return true
	}
}

// dateValue is the ISO form of a date where it parses, else the text.
func dateValue(val string) string {
	d, ok := entity.ParseDate(val)
	if !ok {
		return val
	}
	if d.Circa {
		return "circa " + d.Value
	}
	return d.Value
}

func founded(e *entity.Entity, _, val string, _ bool) bool {
	if val == "" {
		return false
	}
	e.Add("incorporationDate", dateValue(val))
	return true
}

func vessel(e *entity.Entity) *entity.VesselInfo {
	if e.Vessel == nil {
		e.Vessel = &entity.VesselInfo{}
	}
	return e.Vessel
}

func built(e *entity.Entity, _, val string, _ bool) bool {
	if val == "" {
		return false
	}
	d, ok := entity.ParseDate(val)
	if !ok {
		e.Add("buildDate", val)
		return true
	}
	e.Add("buildDate", d.Value)
	if v := vessel(e); v.BuildYear == "" {
		v.BuildYear = d.Value[:4]
	}
	return true
}

func buildYear(e *entity.Entity, _, val string, _ bool) bool {
	if val == "" {
		return false
	}
	if v := vessel(e); v.BuildYear == "" {
		v.BuildYear = val
	} else if v.BuildYear != val {
		e.Add("buildDate", val)
	}
	return true
}

func title(e *entity.Entity, _, val string, _ bool) bool {
	if val == "" {
		return false
	}
	entity.AddTo(&e.Titles, val)
	return true
}

// contact reads the bare web sites and e-mail addresses of older
// entries: "www.example.com", "info@example.org (email)".
func contact(e *entity.Entity, body string) bool {
	val, kind, _ := strings.Cut(body, " (")
	kind = strings.TrimSuffix(kind, ")")
	if strings.ContainsRune(val, ' ') {
		return false
	}
	lower := strings.ToLower(val)
	switch {
	case kind == "" && strings.Count(val, "@") == 1 && strings.Contains(val[strings.IndexByte(val, '@'):], "."),
		kind == "email" && strings.Contains(val, "@"):
		e.Add("email", val)
	case kind == "" && (strings.HasPrefix(lower, "www.") || strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")),
		kind == "website":
		e.Add("website", strings.TrimSuffix(val, "."))
	default:
		return false
	}
	return true
}

// Words that start a position ("Minister of Oil", "former Director
// General of ...", "Venezuela's Ombudsman"), and modifiers that may
// precede them.
var (
	officeWords = setOf("minister", "president", "vice-president", "director", "chairman", "chairperson",
		"chairwoman", "chair", "commander", "sub-commander", "chief", "head", "general", "colonel", "member",
		"secretary", "governor", "ambassador", "advisor", "adviser", "judge", "magistrate", "prosecutor",
		"officer", "manager", "representative", "senator", "rector", "supervisor", "leader", "lieutenant",
		"major", "brigadier", "captain", "admiral", "mayor", "ombudsman", "attorney", "coordinator",
		"inspector", "founder", "co-founder", "owner", "shareholder", "treasurer", "spokesman",
		"spokesperson", "commissioner", "official", "employee", "aide", "consul", "governor-general",
		"lt.", "col.", "deputy", "vice", "executive", "emir", "amir", "imam", "cleric", "financier",
		"facilitator", "operative", "associate")
	officeModifiers = setOf("former", "ex", "first", "second", "third", "senior", "acting", "managing",
		"assistant", "current", "a", "the", "presidential", "regional", "national", "state", "military",
		"air", "force", "army", "armed", "forces", "security", "intelligence", "finance", "financial",
		"general", "syrian", "iranian", "iraqi", "deputy", "vice")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// position reads a person's office or role. OFAC gives no label for
// them, so only items starting, after modifiers such as "former", with
// a word naming an office are taken; relatives ("son of ...") and
// status notes ("ICTY indictee") stay in Remarks.
func position(e *entity.Entity, body string) bool {
	if e.Schema != entity.Person {
		return false
	}
	for w := range strings.FieldsSeq(strings.ToLower(body)) {
		w = strings.TrimRight(w, ",:")
		w = strings.TrimPrefix(w, "ex-")
		switch {
		case officeWords[w]:
			entity.AddTo(&e.Positions, body)
			return true
		case officeModifiers[w], strings.HasSuffix(w, "'s"):
			continue
		}
		return false
	}
	return false
}
