package senzing

import (
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/entity"
)

// attrs is one feature group: the attributes of one object in a list, or
// of one usage type ("HOME", "PRIMARY") among the flat top-level ones.
type attrs map[string][]string

func (a attrs) first(key string) string {
	for _, v := range a[key] {
		if v = entity.CleanSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func (a attrs) has(keys ...string) bool {
	for _, k := range keys {
		if a.first(k) != "" {
			return true
		}
	}
	return false
}

// Top-level keys that describe the record rather than the entity.
var recordKeys = map[string]bool{
	"DATA_SOURCE": true, "RECORD_ID": true, "RECORD_TYPE": true, "REC_TYPE": true,
	"ENTITY_TYPE": true, "LAST_CHANGE": true, "URL": true,
}

// usageFamilies are the attribute families the specification lets a
// usage type prefix in flat records: "PRIMARY_NAME_FULL", "HOME_ADDR_LINE1",
// "MOBILE_PHONE_NUMBER". The value is the attribute that carries the type.
var usageFamilies = []struct{ prefix, typeKey string }{
	{"NAME_", "NAME_TYPE"},
	{"ADDR_", "ADDR_TYPE"},
	{"PHONE_", "PHONE_TYPE"},
}

var familyAttrs = map[string]bool{
	"NAME_FULL": true, "NAME_ORG": true, "NAME_FIRST": true, "NAME_MIDDLE": true, "NAME_LAST": true,
	"NAME_PREFIX": true, "NAME_SUFFIX": true, "NAME_TYPE": true,
	"ADDR_FULL": true, "ADDR_LINE1": true, "ADDR_LINE2": true, "ADDR_LINE3": true, "ADDR_LINE4": true,
	"ADDR_LINE5": true, "ADDR_LINE6": true, "ADDR_CITY": true, "ADDR_STATE": true, "ADDR_POSTAL_CODE": true,
	"ADDR_COUNTRY": true, "ADDR_TYPE": true,
	"PHONE_NUMBER": true, "PHONE_TYPE": true,
}

// build maps one record.
func build(obj map[string]any, dataset string) (*entity.Entity, error) {
	id := firstScalar(obj, "RECORD_ID")
	if id == "" {
		return nil, errors.New("record has no RECORD_ID")
	}
	dataSource := firstScalar(obj, "DATA_SOURCE")
	if dataset == "" {
		dataset = strings.ToLower(dataSource)
		if dataset == "" {
			return nil, errors.New("record has no DATA_SOURCE and no dataset was given to name it")
		}
	}

	groups := collect(obj)
	schema, known := recordSchema(firstScalar(obj, "RECORD_TYPE", "REC_TYPE", "ENTITY_TYPE"))
	if !known {
		schema = inferSchema(groups)
	}
	e := entity.New(dataset, id, schema)
	b := &builder{e: e}
	for _, g := range groups {
		b.group(g)
	}
	b.finish()

	e.Add("dataSource", dataSource)
	if rt := firstScalar(obj, "RECORD_TYPE", "REC_TYPE", "ENTITY_TYPE"); rt != "" && !known {
		e.Add("recordType", rt)
	}
	e.Add("modifiedAt", firstScalar(obj, "LAST_CHANGE"))
	e.Add("sourceUrl", firstScalar(obj, "URL"))
	return e, nil
}

// collect gathers the feature groups of a record: the flat top-level
// attributes (split by usage prefix) and every object found in its lists,
// in key order then list order, so that the result does not depend on
// map iteration.
func collect(obj map[string]any) []attrs {
	top := attrs{}
	var nested []attrs
	for _, k := range sortedKeys(obj) {
		if recordKeys[k] {
			continue
		}
		walk(k, obj[k], top, &nested)
	}
	return append(splitUsage(top), nested...)
}

// walk adds v under key k to group g; objects become groups of their own.
func walk(k string, v any, g attrs, out *[]attrs) {
	switch t := v.(type) {
	case map[string]any:
		sub := attrs{}
		var more []attrs
		for _, kk := range sortedKeys(t) {
			walk(kk, t[kk], sub, &more)
		}
		*out = append(*out, splitUsage(sub)...)
		*out = append(*out, more...)
	case []any:
		for _, item := range t {
			walk(k, item, g, out)
		}
	default:
		if s, ok := scalar(v); ok {
			g[k] = append(g[k], s)
		}
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// splitUsage moves prefixed attributes ("AKA_NAME_FULL") into a group per
// usage type, with the type recorded as the family's *_TYPE attribute.
func splitUsage(g attrs) []attrs {
	var usages []string
	byUsage := map[string]attrs{}
	for _, k := range sortedKeys(anyMap(g)) {
		usage, attr, ok := cutUsage(k)
		if !ok {
			continue
		}
		u := byUsage[usage]
		if u == nil {
			u = attrs{}
			byUsage[usage] = u
			usages = append(usages, usage)
		}
		u[attr] = append(u[attr], g[k]...)
		for _, f := range usageFamilies {
			if strings.HasPrefix(attr, f.prefix) && len(u[f.typeKey]) == 0 {
				u[f.typeKey] = []string{usage}
			}
		}
		delete(g, k)
	}
	out := []attrs{g}
	for _, usage := range usages {
		out = append(out, byUsage[usage])
	}
	return out
}

func anyMap(g attrs) map[string]any {
	m := make(map[string]any, len(g))
	for k := range g {
		m[k] = nil
	}
	return m
}

// cutUsage splits "HOME_ADDR_CITY" into "HOME" and "ADDR_CITY".
func cutUsage(key string) (usage, attr string, ok bool) {
	if familyAttrs[key] {
		return "", "", false
	}
	for _, f := range usageFamilies {
		i := strings.Index(key, "_"+f.prefix)
		if i <= 0 {
			continue
		}
		if attr := key[i+1:]; familyAttrs[attr] && !strings.HasSuffix(attr, "_TYPE") {
			return key[:i], attr, true
		}
	}
	return "", "", false
}

// recordSchema maps RECORD_TYPE (REC_TYPE and ENTITY_TYPE in older
// versions of the specification).
func recordSchema(t string) (entity.Schema, bool) {
	switch strings.ToUpper(strings.TrimSpace(t)) {
	case "PERSON", "INDIVIDUAL":
		return entity.Person, true
	case "ORGANIZATION", "ORGANISATION", "COMPANY", "BUSINESS":
		return entity.Organization, true
	case "VESSEL":
		return entity.Vessel, true
	case "AIRCRAFT", "AIRPLANE":
		return entity.Airplane, true
	}
	return "", false
}

// inferSchema decides from the attributes when the record does not say:
// NAME_ORG is an organization's name, name parts, gender and birth date
// belong to people, and a bare NAME_FULL could be either.
func inferSchema(groups []attrs) entity.Schema {
	person := false
	for _, g := range groups {
		if g.has("NAME_ORG") {
			return entity.Organization
		}
		if g.has("NAME_FIRST", "NAME_LAST", "NAME_MIDDLE", "GENDER", "DATE_OF_BIRTH") {
			person = true
		}
	}
	if person {
		return entity.Person
	}
	return entity.LegalEntity
}

type builder struct {
	e       *entity.Entity
	untyped []int // indexes of names given without NAME_TYPE
}

// group maps the features one group holds. A flat record can hold them
// all in one group, so each family is looked at independently.
func (b *builder) group(g attrs) {
	e := b.e

	if g.has("NAME_FULL", "NAME_ORG", "NAME_FIRST", "NAME_MIDDLE", "NAME_LAST") {
		b.names(g)
	}

	for _, v := range g["DATE_OF_BIRTH"] {
		if v = entity.CleanSpace(v); v != "" {
			d, _ := entity.ParseDate(v)
			e.AddBirthDate(d)
		}
	}
	entity.AddTo(&e.BirthPlaces, g["PLACE_OF_BIRTH"]...)
	e.Add("deathDate", g["DATE_OF_DEATH"]...)
	e.Add("incorporationDate", g["REGISTRATION_DATE"]...)

	addCountries(&e.Nationalities, g["NATIONALITY"])
	addCountries(&e.Citizenships, g["CITIZENSHIP"])
	addCountries(&e.Countries, g["REGISTRATION_COUNTRY"])
	addCountries(&e.Countries, g["COUNTRY_OF_ASSOCIATION"])
	addCountries(&e.Countries, g["COUNTRY"])

	if g.has("ADDR_FULL", "ADDR_LINE1", "ADDR_LINE2", "ADDR_LINE3", "ADDR_LINE4", "ADDR_LINE5", "ADDR_LINE6",
		"ADDR_CITY", "ADDR_STATE", "ADDR_POSTAL_CODE", "ADDR_COUNTRY") {
		b.address(g)
	}

	b.identifiers(g)

	for _, v := range g["GENDER"] {
		switch strings.ToUpper(entity.CleanSpace(v)) {
		case "":
		case "M", "MALE":
			e.Gender = "male"
		case "F", "FEMALE":
			e.Gender = "female"
		default:
			e.Add("gender", v)
		}
	}

	e.Add("topics", g["TOPIC"]...)
	e.Add("phone", g["PHONE_NUMBER"]...)
	e.Add("email", g["EMAIL_ADDRESS"]...)
	e.Add("website", g["WEBSITE_ADDRESS"]...)

	if g.has("REL_ANCHOR_KEY") {
		e.Add("relationshipAnchor", entity.Join(":", g.first("REL_ANCHOR_DOMAIN"), g.first("REL_ANCHOR_KEY")))
	}
	if g.has("REL_POINTER_KEY") {
		rel := entity.Join(":", g.first("REL_POINTER_DOMAIN"), g.first("REL_POINTER_KEY"))
		e.Add("relationship", entity.Join(" ", g.first("REL_POINTER_ROLE"), rel))
	}

	// Attributes with no slot in the model are kept under their own
	// name, so that nothing the record says is lost.
	for _, k := range sortedKeys(anyMap(g)) {
		if !handled[k] {
			e.Add(strings.ToLower(k), g[k]...)
		}
	}
}

// nameKind maps NAME_TYPE. Senzing leaves the values to the data owner;
// these are the ones in use.
func nameKind(t string) entity.NameKind {
	switch strings.ToUpper(strings.TrimSpace(t)) {
	case "PRIMARY", "MAIN", "LEGAL", "OFFICIAL":
		return entity.Primary
	case "WEAK", "WEAK_ALIAS", "WEAKALIAS", "LOW", "LOW_QUALITY":
		return entity.WeakAlias
	case "FORMER", "FKA", "F.K.A.", "PREVIOUS", "PREVIOUS_NAME", "MAIDEN", "BIRTH":
		return entity.Former
	}
	return entity.Alias
}

func (b *builder) names(g attrs) {
	typ := g.first("NAME_TYPE")
	kind := nameKind(typ)
	var parts *entity.NameParts
	first, middle, last := g.first("NAME_FIRST"), g.first("NAME_MIDDLE"), g.first("NAME_LAST")
	if first != "" || middle != "" || last != "" {
		parts = &entity.NameParts{Title: g.first("NAME_PREFIX"), Given: first, Middle: middle, Family: last}
	}
	var fulls []string
	for _, k := range []string{"NAME_ORG", "NAME_FULL"} {
		for _, v := range g[k] {
			if v = entity.CleanSpace(v); v != "" {
				fulls = append(fulls, v)
			}
		}
	}
	if len(fulls) == 0 && parts != nil {
		fulls = append(fulls, entity.Join(" ", g.first("NAME_PREFIX"), first, middle, last, g.first("NAME_SUFFIX")))
	}
	for _, full := range fulls {
		n := entity.Name{Full: full, Kind: kind}
		if parts != nil && len(fulls) == 1 {
			n.Parts = parts
		}
		before := len(b.e.Names)
		b.e.AddName(n)
		if typ == "" && len(b.e.Names) > before {
			b.untyped = append(b.untyped, before)
		}
	}
}

// finish makes the first name given without a type the primary one when
// the record names none: the specification does not require NAME_TYPE.
func (b *builder) finish() {
	for _, n := range b.e.Names {
		if n.Kind == entity.Primary {
			return
		}
	}
	if len(b.untyped) > 0 {
		b.e.Names[b.untyped[0]].Kind = entity.Primary
	}
}

func (b *builder) address(g attrs) {
	street := entity.Join(", ", g.first("ADDR_LINE1"), g.first("ADDR_LINE2"), g.first("ADDR_LINE3"),
		g.first("ADDR_LINE4"), g.first("ADDR_LINE5"), g.first("ADDR_LINE6"))
	a := entity.Address{
		Full:   g.first("ADDR_FULL"),
		Street: street,
		City:   g.first("ADDR_CITY"),
		Region: g.first("ADDR_STATE"),
		Postal: g.first("ADDR_POSTAL_CODE"),
	}
	if c := g.first("ADDR_COUNTRY"); c != "" {
		a.Country = country.Normalize(c)
		entity.AddTo(&b.e.Countries, a.Country)
	}
	if a.Full == "" {
		a.Full = entity.Join(", ", street, a.City, a.Region, a.Postal, g.first("ADDR_COUNTRY"))
	}
	if !slices.Contains(b.e.Addresses, a) {
		b.e.Addresses = append(b.e.Addresses, a)
	}
}

// handled lists the attributes group maps to the model; any other is kept
// in Properties.
var handled = func() map[string]bool {
	m := map[string]bool{}
	for k := range familyAttrs {
		m[k] = true
	}
	for _, k := range []string{
		"DATE_OF_BIRTH", "PLACE_OF_BIRTH", "DATE_OF_DEATH", "REGISTRATION_DATE",
		"NATIONALITY", "CITIZENSHIP", "REGISTRATION_COUNTRY", "COUNTRY_OF_ASSOCIATION", "COUNTRY",
		"GENDER", "TOPIC", "EMAIL_ADDRESS", "WEBSITE_ADDRESS",
		"REL_ANCHOR_DOMAIN", "REL_ANCHOR_KEY", "REL_POINTER_DOMAIN", "REL_POINTER_KEY", "REL_POINTER_ROLE",
	} {
		m[k] = true
	}
	for _, a := range idAttrs {
		for _, k := range []string{a.number, a.country, a.kind} {
			if k != "" {
				m[k] = true
			}
		}
	}
	return m
}()

// idAttrs are the specification's identifier attributes: the number, the
// attribute with its country (or state), the one with its type, the
// model's type and a label for the note.
var idAttrs = []struct {
	number, country, kind, typ, label string
}{
	{"PASSPORT_NUMBER", "PASSPORT_COUNTRY", "", entity.IDPassport, ""},
	{"NATIONAL_ID_NUMBER", "NATIONAL_ID_COUNTRY", "NATIONAL_ID_TYPE", entity.IDNational, ""},
	{"SSN_NUMBER", "", "", entity.IDNational, "SSN"},
	{"SSN_LAST4", "", "", entity.IDOther, "SSN last 4 digits"},
	{"TAX_ID_NUMBER", "TAX_ID_COUNTRY", "TAX_ID_TYPE", entity.IDTax, ""},
	{"LEI_NUMBER", "", "", entity.IDLEI, ""},
	{"DUNS_NUMBER", "", "", entity.IDOther, "DUNS"},
	{"NPI_NUMBER", "", "", entity.IDOther, "NPI"},
	{"DRIVERS_LICENSE_NUMBER", "DRIVERS_LICENSE_STATE", "", entity.IDOther, "driver's license"},
	{"ACCOUNT_NUMBER", "", "ACCOUNT_DOMAIN", entity.IDOther, "account"},
	{"OTHER_ID_NUMBER", "OTHER_ID_COUNTRY", "OTHER_ID_TYPE", "", ""},
	{"TRUSTED_ID_NUMBER", "", "TRUSTED_ID_TYPE", entity.IDOther, ""},
}

func (b *builder) identifiers(g attrs) {
	for _, a := range idAttrs {
		if !g.has(a.number) {
			continue
		}
		kind := ""
		if a.kind != "" {
			kind = g.first(a.kind)
		}
		typ := a.typ
		if typ == "" {
			typ = otherIDType(kind)
		}
		var ctry string
		switch {
		case a.country == "DRIVERS_LICENSE_STATE":
			kind = entity.Join(" ", kind, g.first(a.country)) // a state, not a country
		case a.country != "":
			if c := g.first(a.country); c != "" {
				ctry = country.Normalize(c)
			}
		case a.number == "SSN_NUMBER" || a.number == "SSN_LAST4":
			ctry = "US"
		}
		note := entity.Join(" ", a.label, kind)
		for _, n := range g[a.number] {
			b.e.AddIdentifier(entity.Identifier{Type: typ, Number: n, Country: ctry, Note: note})
		}
	}
}

// otherIDType reads OTHER_ID_TYPE labels that name a type the model has.
func otherIDType(label string) string {
	l := strings.ToUpper(label)
	switch {
	case l == "":
		return entity.IDOther
	case strings.Contains(l, "PASSPORT"):
		return entity.IDPassport
	case l == "IMO" || strings.Contains(l, "IMO_NUMBER") || strings.Contains(l, "IMO NUMBER"):
		return entity.IDIMO
	case l == "MMSI" || strings.Contains(l, "MMSI"):
		return entity.IDMMSI
	case l == "BIC" || l == "SWIFT" || strings.Contains(l, "SWIFT") || strings.Contains(l, "BIC_CODE"):
		return entity.IDBIC
	case l == "LEI" || strings.Contains(l, "LEI_"):
		return entity.IDLEI
	case strings.Contains(l, "CRYPTO") || strings.Contains(l, "WALLET"):
		return entity.IDCrypto
	case strings.Contains(l, "TAX") || l == "INN" || l == "VAT" || l == "TIN":
		return entity.IDTax
	case strings.Contains(l, "REGISTRATION") || l == "OGRN" || strings.Contains(l, "COMPANY_NUMBER"):
		return entity.IDRegistration
	case strings.Contains(l, "NATIONAL_ID") || strings.Contains(l, "NATIONAL ID"):
		return entity.IDNational
	}
	return entity.IDOther
}

func addCountries(list *[]string, values []string) {
	for _, v := range values {
		if v = entity.CleanSpace(v); v != "" {
			entity.AddTo(list, country.Normalize(v))
		}
	}
}
