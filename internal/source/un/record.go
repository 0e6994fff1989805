package un

import (
	"encoding/xml"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/entity"
)

// record is one INDIVIDUAL or ENTITY element. Both share the schema's
// field names; entities use the ENTITY_* sub-elements and only FIRST_NAME.
type record struct {
	DataID       string   `xml:"DATAID"`
	VersionNum   string   `xml:"VERSIONNUM"`
	FirstName    string   `xml:"FIRST_NAME"`
	SecondName   string   `xml:"SECOND_NAME"`
	ThirdName    string   `xml:"THIRD_NAME"`
	FourthName   string   `xml:"FOURTH_NAME"`
	UNListType   []string `xml:"UN_LIST_TYPE"`
	Reference    string   `xml:"REFERENCE_NUMBER"`
	ListedOn     string   `xml:"LISTED_ON"`
	Gender       []string `xml:"GENDER"`
	Comments     []string `xml:"COMMENTS1"`
	OriginalName []string `xml:"NAME_ORIGINAL_SCRIPT"`
	Titles       []string `xml:"TITLE>VALUE"`
	Designations []string `xml:"DESIGNATION>VALUE"`
	Nationality  []string `xml:"NATIONALITY>VALUE"`
	ListType     []string `xml:"LIST_TYPE>VALUE"`
	LastUpdated  []string `xml:"LAST_DAY_UPDATED>VALUE"`
	Aliases      []alias  `xml:"INDIVIDUAL_ALIAS"`
	EntAliases   []alias  `xml:"ENTITY_ALIAS"`
	Addresses    []addr   `xml:"INDIVIDUAL_ADDRESS"`
	EntAddresses []addr   `xml:"ENTITY_ADDRESS"`
	BirthDates   []dob    `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	BirthPlaces  []pob    `xml:"INDIVIDUAL_PLACE_OF_BIRTH"`
	Documents    []doc    `xml:"INDIVIDUAL_DOCUMENT"`
	SortKey      string   `xml:"SORT_KEY"`
	SortKeyMod   string   `xml:"SORT_KEY_LAST_MOD"`
	// Other catches elements this parser does not know (the schema has
	// grown over the years: SUBMITTED_BY, NATIONALITY2...), so that their
	// text lands in Properties instead of being dropped.
	Other []other `xml:",any"`
}

type alias struct {
	Quality        string `xml:"QUALITY"`
	Name           string `xml:"ALIAS_NAME"`
	DateOfBirth    string `xml:"DATE_OF_BIRTH"`
	CityOfBirth    string `xml:"CITY_OF_BIRTH"`
	CountryOfBirth string `xml:"COUNTRY_OF_BIRTH"`
	Note           string `xml:"NOTE"`
}

type addr struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type dob struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
	Note     string `xml:"NOTE"`
}

type pob struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Country string `xml:"COUNTRY"`
	Note    string `xml:"NOTE"`
}

type doc struct {
	Type           string `xml:"TYPE_OF_DOCUMENT"`
	Type2          string `xml:"TYPE_OF_DOCUMENT2"`
	Number         string `xml:"NUMBER"`
	IssuingCountry string `xml:"ISSUING_COUNTRY"`
	CountryOfIssue string `xml:"COUNTRY_OF_ISSUE"`
	DateOfIssue    string `xml:"DATE_OF_ISSUE"`
	CityOfIssue    string `xml:"CITY_OF_ISSUE"`
	Note           string `xml:"NOTE"`
}

type other struct {
	XMLName xml.Name
	Text    string   `xml:",chardata"`
	Values  []string `xml:"VALUE"`
}

var clean = entity.CleanSpace

// toEntity maps a decoded record to the model. person tells INDIVIDUAL
// from ENTITY.
func (r *record) toEntity(dataset string, person bool) *entity.Entity {
	schema := entity.Organization
	if person {
		schema = entity.Person
	}
	e := entity.New(dataset, r.Reference, schema)
	e.Authority = Authority

	r.addPrimaryName(e, person)
	for _, o := range r.OriginalName {
		for _, n := range splitNames(o) {
			e.AddName(entity.Name{Full: n, Kind: entity.Alias})
		}
	}
	for _, a := range append(append([]alias(nil), r.Aliases...), r.EntAliases...) {
		addAlias(e, a)
	}

	for _, d := range r.BirthDates {
		addBirthDate(e, d)
	}
	for _, p := range r.BirthPlaces {
		addBirthPlace(e, p)
	}
	for _, n := range r.Nationality {
		if n = clean(n); n != "" {
			entity.AddTo(&e.Nationalities, country.Normalize(n))
		}
	}
	for _, a := range append(append([]addr(nil), r.Addresses...), r.EntAddresses...) {
		addAddress(e, a)
	}
	for _, d := range r.Documents {
		addDocument(e, d)
	}
	for _, g := range r.Gender {
		switch strings.ToLower(clean(g)) {
		case "":
		case "male", "m":
			e.Gender = "male"
		case "female", "f":
			e.Gender = "female"
		default:
			e.Add("gender", g)
		}
	}
	entity.AddTo(&e.Titles, r.Titles...)
	entity.AddTo(&e.Positions, r.Designations...)
	entity.AddTo(&e.Programs, r.UNListType...)
	entity.AddTo(&e.Remarks, r.Comments...)
	if d := datePart(r.ListedOn); d != "" {
		e.ListedOn = d
	} else if clean(r.ListedOn) != "" {
		e.Add("listedOnText", r.ListedOn)
	}

	e.Add("dataId", r.DataID)
	e.Add("versionNum", r.VersionNum)
	e.Add("listType", r.ListType...)
	e.Add("lastDayUpdated", r.LastUpdated...)
	e.Add("sortKey", r.SortKey)
	e.Add("sortKeyLastMod", r.SortKeyMod)
	for _, o := range r.Other {
		prop := strings.ToLower(o.XMLName.Local)
		e.Add(prop, o.Values...)
		if len(o.Values) == 0 {
			e.Add(prop, o.Text)
		}
	}
	return e
}

// addPrimaryName joins the numbered name parts. UN parts carry no fixed
// meaning (family name first for many Asian names), so all of them are
// kept in order in Other next to a first/last reading.
func (r *record) addPrimaryName(e *entity.Entity, person bool) {
	var parts []string
	for _, p := range []string{r.FirstName, r.SecondName, r.ThirdName, r.FourthName} {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return
	}
	n := entity.Name{Full: strings.Join(parts, " "), Kind: entity.Primary}
	if person {
		np := &entity.NameParts{Given: parts[0], Other: parts}
		if len(parts) > 1 {
			np.Family = parts[len(parts)-1]
			np.Middle = strings.Join(parts[1:len(parts)-1], " ")
		}
		n.Parts = np
	}
	e.AddName(n)
}

// aliasKind reads QUALITY: individuals use Good/Low, entities a.k.a. and
// f.k.a.; an alias without quality is an ordinary alias.
func aliasKind(quality string) entity.NameKind {
	switch strings.ToLower(strings.Trim(clean(quality), " .")) {
	case "low", "weak", "weak a.k.a", "weak aka":
		return entity.WeakAlias
	case "f.k.a", "fka", "formerly known as":
		return entity.Former
	}
	return entity.Alias
}

func addAlias(e *entity.Entity, a alias) {
	value := clean(a.Name)
	if value == "" {
		return
	}
	kind := aliasKind(a.Quality)
	for _, n := range splitNames(value) {
		e.AddName(entity.Name{Full: n, Kind: kind})
	}
	// Facts the list ties to one alias are kept with the alias they belong
	// to; birth details are also the person's, so they are added as such.
	if d := clean(a.DateOfBirth); d != "" {
		e.Add("aliasBirthDate", value+": "+d)
		e.AddBirthDate(parseDate(d))
	}
	if place := entity.Join(", ", a.CityOfBirth, a.CountryOfBirth); place != "" {
		e.Add("aliasBirthPlace", value+": "+place)
		entity.AddTo(&e.BirthPlaces, place)
	}
	if n := clean(a.Note); n != "" {
		e.Add("aliasNote", value+": "+n)
	}
}

// parseDate parses a date, keeping the text when it cannot.
func parseDate(s string) entity.Date {
	d, _ := entity.ParseDate(s)
	return d
}

// addBirthDate reads the schema's TYPE_OF_DATE variants: EXACT (DATE or
// YEAR), APPROXIMATELY (circa), BETWEEN (FROM_YEAR..TO_YEAR). Some
// records give the date only in NOTE ("Nov. 1973", a Hijri date); it is
// then parsed or kept as text.
func addBirthDate(e *entity.Entity, b dob) {
	typ := strings.ToUpper(clean(b.Type))
	note := clean(b.Note)
	var d entity.Date
	switch from, to := clean(b.FromYear), clean(b.ToYear); {
	case from != "" || to != "":
		if from == "" {
			from = to
		}
		d1, ok1 := entity.ParseDate(from)
		d2, ok2 := entity.ParseDate(to)
		switch {
		case ok1 && ok2 && to != from:
			d = entity.Date{Value: d1.Value, Until: d2.Value}
		case ok1:
			d = entity.Date{Value: d1.Value}
		default:
			d = entity.Date{Text: entity.Join(" to ", from, to)}
		}
	case clean(b.Date) != "":
		d = parseDate(b.Date)
	case clean(b.Year) != "":
		d = parseDate(b.Year)
	case note != "":
		d = parseDate(note)
		note = ""
	default:
		return
	}
	if typ == "APPROXIMATELY" || strings.Contains(strings.ToLower(note), "approximately") {
		d.Circa = true
	}
	e.AddBirthDate(d)
	if note != "" {
		e.Add("birthDateNote", dateLabel(d)+": "+note)
	}
}

func dateLabel(d entity.Date) string {
	switch {
	case d.Until != "":
		return d.Value + " to " + d.Until
	case d.Value != "":
		return d.Value
	}
	return d.Text
}

func addBirthPlace(e *entity.Entity, p pob) {
	place := entity.Join(", ", p.Street, p.City, p.State, p.Country)
	entity.AddTo(&e.BirthPlaces, place)
	if c := clean(p.Country); c != "" {
		e.Add("birthCountry", country.Normalize(c))
	}
	if n := clean(p.Note); n != "" {
		e.Add("birthPlaceNote", entity.Join(": ", place, n))
	}
}

func addAddress(e *entity.Entity, a addr) {
	full := entity.Join(", ", a.Street, a.City, a.State, a.Zip, a.Country)
	if full != "" {
		ad := entity.Address{
			Full:   full,
			Street: clean(a.Street),
			City:   clean(a.City),
			Region: clean(a.State),
			Postal: clean(a.Zip),
		}
		if c := clean(a.Country); c != "" {
			ad.Country = country.Normalize(c)
			entity.AddTo(&e.Countries, ad.Country)
		}
		if !slices.Contains(e.Addresses, ad) {
			e.Addresses = append(e.Addresses, ad)
		}
	}
	if n := clean(a.Note); n != "" {
		e.Add("addressNote", entity.Join(": ", full, n))
	}
}

// addDocument maps an INDIVIDUAL_DOCUMENT. The list's own type and the
// free second label, dates and notes go to Note, since screening compares
// numbers and the rest is for the analyst. A document whose number is
// only in its note (several are) is kept as text in Properties.
func addDocument(e *entity.Entity, d doc) {
	label, label2 := clean(d.Type), clean(d.Type2)
	issuing, ofIssue := clean(d.IssuingCountry), clean(d.CountryOfIssue)
	typ := docType(label, label2)

	var notes []string
	if typ == entity.IDOther && label != "" {
		notes = append(notes, label)
	}
	if label2 != "" && !strings.EqualFold(label2, label) {
		notes = append(notes, label2)
	}
	if v := clean(d.DateOfIssue); v != "" {
		notes = append(notes, "issued "+v)
	}
	if v := clean(d.CityOfIssue); v != "" {
		notes = append(notes, "issued in "+v)
	}
	ctry := issuing
	if ctry == "" {
		ctry = ofIssue
	} else if ofIssue != "" && !strings.EqualFold(ofIssue, issuing) {
		notes = append(notes, "country of issue "+ofIssue)
	}
	if v := clean(d.Note); v != "" {
		notes = append(notes, v)
	}
	id := entity.Identifier{Type: typ, Number: clean(d.Number), Note: strings.Join(notes, "; ")}
	if ctry != "" {
		id.Country = country.Normalize(ctry)
	}
	if id.Number != "" {
		addIdentifier(e, id)
		return
	}
	if label == "" && len(notes) == 0 {
		return // the empty <INDIVIDUAL_DOCUMENT/> most records carry
	}
	text := entity.Join("; ", label, id.Note)
	if ctry != "" {
		text += " (" + ctry + ")"
	}
	e.Add("idDocument", text)
}

// addIdentifier adds id, merging it into an identifier with the same type,
// number and country: the list repeats some passports under their French
// and Spanish labels, with more or fewer notes.
func addIdentifier(e *entity.Entity, id entity.Identifier) {
	for i, have := range e.Identifiers {
		if have.Type != id.Type || have.Number != id.Number || have.Country != id.Country {
			continue
		}
		notes := splitNotes(have.Note)
		for _, n := range splitNotes(id.Note) {
			if !slices.Contains(notes, n) {
				notes = append(notes, n)
			}
		}
		e.Identifiers[i].Note = strings.Join(notes, "; ")
		return
	}
	e.AddIdentifier(id)
}

func splitNotes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "; ")
}

// docType maps the schema's TYPE_OF_DOCUMENT (and the more precise
// TYPE_OF_DOCUMENT2 when it names a passport or a tax code) to the
// model's identifier types.
func docType(label, label2 string) string {
	l := strings.ToLower(label + " " + label2)
	switch {
	case strings.Contains(l, "passport") || strings.Contains(l, "passeport") || strings.Contains(l, "pasaporte"):
		return entity.IDPassport
	case strings.Contains(l, "fiscal code") || strings.Contains(l, "tax"):
		return entity.IDTax
	case strings.Contains(l, "birth certificate") || strings.Contains(l, "ration card") || strings.Contains(l, "residential card"):
		return entity.IDOther
	case strings.Contains(l, "national identification") || strings.Contains(l, "identity card") || strings.Contains(l, "national id"):
		return entity.IDNational
	}
	return entity.IDOther
}
