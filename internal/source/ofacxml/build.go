package ofacxml

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
)

// build turns a decoded party into an entity, joining what the first pass
// indexed. A party without FixedRef, without profile or with a party type
// the file does not define is a broken file, not a record to guess at.
func (p *parser) build(dp distinctParty, line int, path string) (*entity.Entity, error) {
	ref := strings.TrimSpace(dp.FixedRef)
	if ref == "" {
		return nil, source.Errorf(p.file, line, path, "DistinctParty without FixedRef")
	}
	if len(dp.Profiles) == 0 {
		return nil, source.Errorf(p.file, line, path, "DistinctParty without Profile")
	}
	schema, ok := p.schema(dp.Profiles[0].SubTypeID)
	if !ok {
		return nil, source.Errorf(p.file, line, path, "Profile PartySubTypeID %q is not defined in <PartySubTypeValues>", dp.Profiles[0].SubTypeID)
	}
	e := entity.New(p.dataset, ref, schema)
	e.Authority = Authority
	for _, pr := range dp.Profiles {
		p.applyProfile(e, pr)
	}
	entity.AddTo(&e.Remarks, dp.Comment)
	return e, nil
}

// schema reads the party type. OFAC sub-types are Vessel, Aircraft and
// "Unknown", the latter deferring to the party type (Individual, Entity).
func (p *parser) schema(subTypeID string) (entity.Schema, bool) {
	it, ok := p.refs.item("PartySubType", subTypeID)
	if !ok {
		return "", false
	}
	label := it.Text
	if label == "" || strings.EqualFold(label, "Unknown") {
		label = p.refs.text("PartyType", it.attr("PartyTypeID"))
	}
	if s, ok := entity.ParseSchema(label); ok {
		return s, true
	}
	// "Location", "Transport", "Other Entity": defined by the standard,
	// not used by OFAC so far. Keep the party rather than reject the list.
	return entity.LegalEntity, true
}

func (p *parser) applyProfile(e *entity.Entity, pr profile) {
	for _, id := range pr.Identities {
		for _, n := range p.identityNames(id) {
			e.AddName(n)
		}
		for _, doc := range p.docs[id.ID] {
			p.applyDocument(e, doc)
		}
	}
	for _, f := range pr.Features {
		p.applyFeature(e, f)
	}
	for _, se := range p.entries[pr.ID] {
		p.applyEntry(e, se)
	}
	for _, r := range p.rels[pr.ID] {
		name := p.names[r.ToID]
		if name == "" {
			// The counterpart is not in this file (a CONS entry linked
			// to an SDN party): keep its OFAC profile number.
			name = "OFAC profile " + r.ToID
		}
		entity.AddTo(&e.LinkedTo, name)
		typ := p.refs.text("RelationType", r.TypeID)
		if typ == "" {
			typ = "Linked To"
		}
		if isTrue(r.Former) {
			typ = "Former " + typ
		}
		e.Add(typ, name)
		e.Add("relation_comment", r.Comment)
	}
}

// Name parts in the order a full name is written in Latin script.
var partRank = map[string]int{
	"first name": 1, "middle name": 2, "patronymic": 3, "last name": 4,
	"matronymic": 5, "maiden name": 6,
}

// identityNames returns the names of an identity. Each alias may have
// several documented names (Latin and original script); the primary
// alias's Latin name comes first so that it is the entity's caption.
func (p *parser) identityNames(id identity) []entity.Name {
	groups := make(map[string]string, len(id.Groups))
	for _, g := range id.Groups {
		groups[g.ID] = strings.ToLower(p.refs.text("NamePartType", g.TypeID))
	}
	var out []entity.Name
	for _, a := range id.Aliases {
		kind := p.aliasKind(a)
		names := slices.Clone(a.Names)
		sort.SliceStable(names, func(i, j int) bool {
			return p.latinStatus(names[i].StatusID) && !p.latinStatus(names[j].StatusID)
		})
		for _, dn := range names {
			if n, ok := p.documentedName(dn, groups); ok {
				n.Kind = kind
				out = append(out, n)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Kind == entity.Primary && out[j].Kind != entity.Primary
	})
	return out
}

func (p *parser) latinStatus(id string) bool {
	return strings.EqualFold(p.refs.text("DocNameStatus", id), "Primary Latin")
}

// aliasKind: the primary name, then OFAC's "low quality" flag (its weak
// a.k.a.), then f.k.a.; A.K.A. and N.K.A. are plain aliases.
func (p *parser) aliasKind(a alias) entity.NameKind {
	switch {
	case isTrue(a.Primary):
		return entity.Primary
	case isTrue(a.LowQuality):
		return entity.WeakAlias
	case strings.EqualFold(p.refs.text("AliasType", a.TypeID), "F.K.A."):
		return entity.Former
	}
	return entity.Alias
}

type namePart struct{ typ, text string }

func (p *parser) documentedName(dn documentedName, groups map[string]string) (entity.Name, bool) {
	var parts []namePart
	script := ""
	for _, dp := range dn.Parts {
		text := entity.CleanSpace(dp.Value.Text)
		if text == "" {
			continue
		}
		if script == "" {
			if it, ok := p.refs.item("Script", dp.Value.ScriptID); ok {
				script = isoScript(it.attr("ScriptCode"))
			}
		}
		parts = append(parts, namePart{groups[dp.Value.GroupID], text})
	}
	if len(parts) == 0 {
		return entity.Name{}, false
	}
	ordered := parts
	if script == "" || script == "Latn" {
		ordered = slices.Clone(parts)
		sort.SliceStable(ordered, func(i, j int) bool { return rank(ordered[i].typ) < rank(ordered[j].typ) })
	}
	texts := make([]string, len(ordered))
	for i, np := range ordered {
		texts[i] = np.text
	}
	n := entity.Name{Full: strings.Join(texts, " "), Script: script}
	var np entity.NameParts
	personal := false
	for _, part := range parts {
		switch part.typ {
		case "first name":
			np.Given = join(np.Given, part.text)
		case "middle name":
			np.Middle = join(np.Middle, part.text)
		case "last name":
			np.Family = join(np.Family, part.text)
		default:
			if _, ok := partRank[part.typ]; ok || part.typ == "nickname" {
				np.Other = append(np.Other, part.text)
			} else {
				continue
			}
		}
		personal = true
	}
	if personal {
		n.Parts = &np
	}
	return n, true
}

func rank(typ string) int {
	if r, ok := partRank[typ]; ok {
		return r
	}
	return len(partRank) + 1
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// isoScript maps OFAC's script codes to the ones entity.DetectScript
// reports, so that names from all sources compare: Chinese simplified and
// traditional are both Han.
func isoScript(code string) string {
	switch code {
	case "Hans", "Hant":
		return "Hani"
	}
	return code
}

// applyDocument adds an identity document or registration number. The
// document type label goes into Note when the type is mapped to one of the
// model's types, together with dates, validity and issuer.
func (p *parser) applyDocument(e *entity.Entity, doc idRegDoc) {
	label := p.refs.text("IDRegDocType", doc.TypeID)
	typ, num := IDType(label, doc.Number)
	var notes []string
	if !strings.EqualFold(typ, label) {
		notes = append(notes, label)
	}
	for _, dd := range doc.Dates {
		d, ok := dd.Period.date()
		if !ok {
			continue
		}
		what := strings.ToLower(p.refs.text("IDRegDocDateType", dd.TypeID))
		if what == "" {
			what = "date"
		}
		notes = append(notes, what+" "+dateText(d))
	}
	if v := p.refs.text("Validity", doc.ValidityID); v != "" && !strings.EqualFold(v, "Valid") {
		notes = append(notes, v)
	}
	if a := entity.CleanSpace(doc.Authority); a != "" {
		notes = append(notes, "issued by "+a)
	}
	if c := entity.CleanSpace(doc.Comment); c != "" {
		notes = append(notes, c)
	}
	e.AddIdentifier(entity.Identifier{
		Type:    typ,
		Number:  num,
		Country: p.countryCode(doc.CountryID),
		Note:    strings.Join(notes, "; "),
	})
}

// countryCode resolves a CountryValues ID to ISO alpha-2, falling back to
// the name when OFAC gives no ISO code (former states, "Region: Gaza").
func (p *parser) countryCode(id string) string {
	it, ok := p.refs.item("Country", id)
	if !ok {
		return ""
	}
	if c := it.attr("ISO2"); c != "" {
		return c
	}
	switch strings.ToLower(it.Text) {
	case "", "undetermined", "none identified":
		return ""
	}
	return country.Normalize(it.Text)
}

// resolved is a location read for one feature.
type resolved struct {
	addr    entity.Address
	country string // alpha-2 where known
}

// resolveLocation builds an address from a <Location>. OFAC gives the
// parts typed (ADDRESS1..3, CITY, STATE/PROVINCE, REGION, POSTAL CODE);
// non-primary values are the same part in another script and make a
// second address.
func (p *parser) resolveLocation(id string) []resolved {
	loc, ok := p.locations[id]
	if !ok {
		return nil
	}
	var r resolved
	countryName := ""
	for _, c := range loc.Countries {
		if it, ok := p.refs.item("Country", c.CountryID); ok {
			r.country, countryName = p.countryCode(c.CountryID), it.Text
			break
		}
	}
	if r.country == "" {
		for _, a := range loc.AreaCodes {
			if it, ok := p.refs.item("AreaCode", a.AreaCodeID); ok {
				r.country, countryName = entity.CleanSpace(it.Text), it.attr("Description")
				break
			}
		}
	}
	if strings.EqualFold(countryName, "undetermined") {
		countryName = ""
	}
	primary := map[string][]string{}
	alt := map[string][]string{}
	for _, part := range loc.Parts {
		typ := strings.ToUpper(p.refs.text("LocPartType", part.TypeID))
		for _, v := range part.Values {
			val := entity.CleanSpace(v.Value)
			if val == "" {
				continue
			}
			if isTrue(v.Primary) || v.Primary == "" {
				primary[typ] = append(primary[typ], val)
			} else {
				alt[typ] = append(alt[typ], val)
			}
		}
	}
	out := []resolved{addressFrom(primary, r.country, countryName)}
	if len(alt) > 0 {
		for k, v := range primary {
			if _, ok := alt[k]; !ok {
				alt[k] = v
			}
		}
		out = append(out, addressFrom(alt, r.country, countryName))
	}
	return out
}

func addressFrom(parts map[string][]string, code, countryName string) resolved {
	a := entity.Address{
		Street: strings.Join(slices.Concat(parts["ADDRESS1"], parts["ADDRESS2"], parts["ADDRESS3"]), ", "),
		City:   strings.Join(parts["CITY"], ", "),
		Region: strings.Join(slices.Concat(parts["STATE/PROVINCE"], parts["REGION"]), ", "),
		Postal: strings.Join(parts["POSTAL CODE"], ", "),
	}
	var other []string
	for k, v := range parts {
		switch k {
		case "ADDRESS1", "ADDRESS2", "ADDRESS3", "CITY", "STATE/PROVINCE", "REGION", "POSTAL CODE":
		default:
			other = append(other, v...)
		}
	}
	sort.Strings(other) // map order must not leak into the output
	full := slices.Concat(other, []string{a.Street, a.City, a.Region, a.Postal, countryName})
	full = slices.DeleteFunc(full, func(s string) bool { return s == "" })
	a.Full = strings.Join(full, ", ")
	a.Country = code
	if a.Full == countryName {
		// A country-only location (nationality, flag): no address text.
		a.Full = ""
	}
	return resolved{addr: a, country: code}
}

// featureValues are the values of one feature version, whatever their form.
type featureValues struct {
	dates []entity.Date
	locs  []resolved
	texts []string
}

// strings renders every value as text, for properties.
func (v featureValues) strings() []string {
	var out []string
	for _, d := range v.dates {
		out = append(out, dateText(d))
	}
	for _, l := range v.locs {
		if l.addr.Full != "" {
			out = append(out, l.addr.Full)
		} else {
			out = append(out, l.country)
		}
	}
	return append(out, v.texts...)
}

// countries returns the country codes of the values, normalising text.
func (v featureValues) countries() []string {
	var out []string
	for _, l := range v.locs {
		if l.country != "" {
			out = append(out, l.country)
		}
	}
	for _, t := range v.texts {
		out = append(out, country.Normalize(t))
	}
	return out
}

func (p *parser) versionValues(fv featureVersion) featureValues {
	var v featureValues
	for _, dp := range fv.Periods {
		if d, ok := dp.date(); ok {
			v.dates = append(v.dates, d)
		}
	}
	for _, l := range fv.Locations {
		v.locs = append(v.locs, p.resolveLocation(l.LocationID)...)
	}
	for _, d := range fv.Details {
		text := entity.CleanSpace(d.Text)
		if d.RefID != "" {
			text = p.refs.text("DetailReference", d.RefID)
		}
		if text != "" {
			v.texts = append(v.texts, text)
		}
	}
	return v
}

// Features that are identifiers of the entity rather than facts about it.
var featureIDs = map[string]bool{
	"swift/bic":                     true,
	"d-u-n-s number":                true,
	"bik (ru)":                      true,
	"aircraft tail number":          true,
	"previous aircraft tail number": true,
	"aircraft manufacturer's serial number (msn)":                  true,
	"aircraft manufacturer’s serial number (msn)":                  true,
	"aircraft construction number (also called l/n or s/n or f/n)": true,
	"aircraft mode s transponder code":                             true,
}

func (p *parser) applyFeature(e *entity.Entity, f feature) {
	label := p.refs.text("FeatureType", f.TypeID)
	if label == "" {
		label = "FeatureType " + f.TypeID
	}
	key := strings.ToLower(label)
	for _, fv := range f.Versions {
		v := p.versionValues(fv)
		if strings.EqualFold(p.refs.text("Reliability", fv.ReliabilityID), "False") {
			// OFAC records some values it knows to be false; they must
			// not be screened as facts but are kept for the record.
			e.Add(label+" (reliability: False)", v.strings()...)
			continue
		}
		p.applyValues(e, key, label, v)
		e.Add(label+" (comment)", fv.Comment)
	}
}

func (p *parser) applyValues(e *entity.Entity, key, label string, v featureValues) {
	switch {
	case key == "birthdate":
		for _, d := range v.dates {
			e.AddBirthDate(d)
		}
		for _, t := range v.texts {
			d, _ := entity.ParseDate(t)
			e.AddBirthDate(d)
		}
	case key == "place of birth":
		entity.AddTo(&e.BirthPlaces, v.strings()...)
	case key == "nationality country":
		entity.AddTo(&e.Nationalities, v.countries()...)
	case key == "citizenship country":
		entity.AddTo(&e.Citizenships, v.countries()...)
	case key == "registration country" || key == "nationality of registration":
		entity.AddTo(&e.Countries, v.countries()...)
	case key == "location":
		for _, l := range v.locs {
			addAddress(e, l.addr)
		}
		for _, t := range v.texts {
			addAddress(e, entity.Address{Full: t})
		}
	case key == "gender":
		for _, t := range v.texts {
			e.Gender = strings.ToLower(t)
		}
	case key == "title":
		entity.AddTo(&e.Positions, v.strings()...)
	case key == "website":
		e.Add("website", v.strings()...)
	case key == "email address":
		e.Add("email", v.strings()...)
	case key == "phone number":
		e.Add("phone", v.strings()...)
	case strings.HasPrefix(key, "digital currency address"):
		currency := strings.TrimSpace(label[strings.LastIndex(label, "-")+1:])
		for _, t := range v.texts {
			e.AddIdentifier(entity.Identifier{Type: entity.IDCrypto, Number: t, Note: currency})
		}
	case strings.HasPrefix(key, "vessel ") || key == "aircraft manufacture date" || key == "aircraft operator":
		p.applyVessel(e, key, label, v)
	case featureIDs[key]:
		for _, t := range v.texts {
			typ, num := IDType(label, t)
			note := ""
			if !strings.EqualFold(typ, label) {
				note = label
			}
			e.AddIdentifier(entity.Identifier{Type: typ, Number: num, Note: note})
		}
	case isSanctionsInfo(key):
		name := strings.TrimRight(label, " :-")
		for _, s := range v.strings() {
			entity.AddTo(&e.Measures, name+": "+s)
		}
	default:
		e.Add(label, v.strings()...)
	}
}

// applyVessel fills VesselInfo; a second value for a single-valued slot
// (two call signs) goes to the properties under the feature's label.
func (p *parser) applyVessel(e *entity.Entity, key, label string, v featureValues) {
	if e.Vessel == nil {
		e.Vessel = &entity.VesselInfo{}
	}
	vi := e.Vessel
	var slot *string
	vals := v.strings()
	switch key {
	case "vessel call sign":
		slot = &vi.CallSign
	case "vessel type":
		slot = &vi.Type
	case "vessel owner", "aircraft operator":
		slot = &vi.Owner
	case "vessel tonnage":
		slot = &vi.Tonnage
	case "vessel gross registered tonnage":
		slot = &vi.GrossTonnage
	case "vessel flag":
		vals = v.countries()
		entity.AddTo(&e.Countries, vals...)
		slot = &vi.Flag
	case "vessel year of build", "aircraft manufacture date":
		slot = &vi.BuildYear
		for i, s := range vals {
			if len(s) >= 4 && isDigits(s[:4]) {
				vals[i] = s[:4]
			}
		}
	default:
		// "Other Vessel Call Sign", "Former Vessel Flag" and the like.
		e.Add(label, vals...)
	}
	if slot == nil {
		return
	}
	for _, s := range vals {
		switch {
		case *slot == "":
			*slot = s
		case *slot != s:
			e.Add(label, s)
		}
	}
	if *vi == (entity.VesselInfo{}) {
		e.Vessel = nil
	}
}

func addAddress(e *entity.Entity, a entity.Address) {
	if a == (entity.Address{}) || slices.Contains(e.Addresses, a) {
		return
	}
	e.Addresses = append(e.Addresses, a)
}

// isSanctionsInfo tells the features that state sanctions measures
// ("Secondary sanctions risk:", "Executive Order 13662 Directive
// Determination -") from facts about the party.
func isSanctionsInfo(key string) bool {
	for _, w := range []string{
		"sanction", "directive", "determination", "executive order", "caatsa",
		"ifca", "peesa", "transactions prohibited", "effective date",
		"listing date", "purchase/sales",
	} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// applyEntry adds a sanctions entry: programmes (measures of type
// "Program"), other measures, the list and the earliest listing date.
func (p *parser) applyEntry(e *entity.Entity, se sanctionsEntry) {
	e.Add("list", p.refs.text("List", se.ListID))
	for _, ev := range se.Events {
		if d := ev.Date.iso(); d != "" && (e.ListedOn == "" || d < e.ListedOn) {
			e.ListedOn = d
		}
		if lb := p.refs.text("LegalBasis", ev.LegalBasisID); !strings.EqualFold(lb, "Unknown") {
			e.Add("legal_basis", lb)
		}
		e.Add("entry_comment", ev.Comment)
	}
	for _, m := range se.Measures {
		typ := p.refs.text("SanctionsType", m.TypeID)
		comment := entity.CleanSpace(m.Comment)
		switch {
		case strings.EqualFold(typ, "Program"):
			entity.AddTo(&e.Programs, comment)
		case typ == "":
			entity.AddTo(&e.Measures, comment)
		case comment != "":
			entity.AddTo(&e.Measures, typ+": "+comment)
		default:
			entity.AddTo(&e.Measures, typ)
		}
	}
}

// IDType maps an OFAC document or registration label ("Passport", "Tax ID
// No.", "NIT #", "Vessel Registration Identification") to one of the
// entity.ID* types and cleans the number where the label implies a prefix
// (OFAC writes IMO numbers "IMO 1234567"). A label it cannot place is
// returned as the type, so that nothing is lost. The Consolidated
// Screening List reuses OFAC's labels for its SDN rows, hence exported.
func IDType(label, number string) (typ, num string) {
	label = entity.CleanSpace(label)
	num = entity.CleanSpace(number)
	l := strings.ToLower(label)
	words := strings.FieldsFunc(strings.NewReplacer(".", "", "#", " ").Replace(l), func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')' || r == '/' || r == ':'
	})
	has := func(set ...string) bool {
		for _, w := range words {
			if slices.Contains(set, w) {
				return true
			}
		}
		return false
	}
	contains := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(l, s) {
				return true
			}
		}
		return false
	}
	upper := strings.ToUpper(num)
	switch {
	case contains("passport"):
		return entity.IDPassport, num
	case contains("vessel registration", "imo number") || l == "imo" || strings.HasPrefix(upper, "IMO "):
		if strings.HasPrefix(upper, "IMO") {
			return entity.IDIMO, strings.TrimLeft(num[3:], " :#")
		}
		if contains("imo") {
			return entity.IDIMO, num
		}
		return entity.IDRegistration, num
	case has("mmsi"):
		return entity.IDMMSI, num
	case contains("swift", "bic") && !contains("bik"):
		return entity.IDBIC, num
	case contains("legal entity number") || has("lei"):
		return entity.IDLEI, num
	case contains("tax", "fiscal", "v.a.t") || has("vat", "rfc", "ruc", "rif", "nit", "cuit", "cif", "nif", "fein", "inn", "rtn", "nuit", "tin"):
		return entity.IDTax, num
	case contains("regist", "company", "commerc", "business", "incorporat", "matricula", "gazette",
		"chamber", "credit code", "enterprise", "d-u-n-s", "ogrn", "okpo", "trade license", "tail number") || has("cr", "uscc", "duns"):
		return entity.IDRegistration, num
	case contains("national", "identi", "cedula", "cédula", "personal", "citizen", "tazkira", "tazkera", "electoral") ||
		has("id", "dni", "curp", "ssn", "cui", "nie", "cnp", "ife"):
		return entity.IDNational, num
	}
	if label == "" {
		return entity.IDOther, num
	}
	return label, num
}

func isTrue(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "true") }

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// iso renders a <Date>/<From>/<To> as an ISO prefix, "" when it is not a
// valid date.
func (y ymd) iso() string {
	s := strings.TrimSpace(y.Year)
	if s == "" {
		return ""
	}
	if m := strings.TrimSpace(y.Month); m != "" {
		s += "-" + m
		if d := strings.TrimSpace(y.Day); d != "" {
			s += "-" + d
		}
	}
	d, ok := entity.ParseDate(s)
	if !ok || d.Until != "" || d.Circa {
		return ""
	}
	return d.Value
}

// date reads a period. OFAC writes a year as Jan 1 to Dec 31 and a month
// as its first to its last day; those collapse to "1965" and "1965-03", a
// span of years to a range.
func (dp datePeriod) date() (entity.Date, bool) {
	var lo, hi string
	circa := false
	if dp.Start != nil {
		lo = firstOf(dp.Start.From.iso(), dp.Start.To.iso())
		circa = isTrue(dp.Start.Approximate)
	}
	if dp.End != nil {
		hi = firstOf(dp.End.To.iso(), dp.End.From.iso())
		circa = circa || isTrue(dp.End.Approximate)
	}
	lo, hi = firstOf(lo, hi), firstOf(hi, lo)
	if lo == "" {
		return entity.Date{}, false
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	d := entity.Date{Circa: circa}
	d.Value, d.Until = collapse(lo, hi)
	return d, true
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func collapse(lo, hi string) (string, string) {
	if lo == hi {
		return lo, ""
	}
	if len(lo) == 10 && len(hi) == 10 {
		if lo[4:] == "-01-01" && hi[4:] == "-12-31" {
			return ranged(lo[:4], hi[:4])
		}
		if lo[7:] == "-01" && hi[8:] == lastDay(hi[:7]) {
			return ranged(lo[:7], hi[:7])
		}
	}
	return lo, hi
}

func ranged(lo, hi string) (string, string) {
	if lo == hi {
		return lo, ""
	}
	return lo, hi
}

func lastDay(month string) string {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return ""
	}
	return strconv.Itoa(t.AddDate(0, 1, -1).Day())
}

// dateText writes a date for notes and properties.
func dateText(d entity.Date) string {
	s := d.Value
	if d.Until != "" {
		s += " to " + d.Until
	}
	if d.Circa {
		s = "circa " + s
	}
	if s == "" {
		s = d.Text
	}
	return s
}
