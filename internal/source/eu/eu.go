// Package eu parses the EU Financial Sanctions Files (FSF) XML, version
// 1.1 (namespace http://eu.europa.ec/fpi/fsd/export): the consolidated
// list of persons, groups and entities subject to EU financial sanctions,
// published by the European Commission.
//
// The file is one <export> root holding <sanctionEntity> records whose
// data sits mostly in attributes. Each record is decoded on its own, so
// memory does not grow with the file.
package eu

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/dataset"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/xmlrec"
)

const (
	datasetName = dataset.EUFSF
	namespace   = "http://eu.europa.ec/fpi/fsd/export"
	authority   = "European Union"
)

// Format is the EU FSF XML v1.1 format.
var Format = source.Format{
	Name:    "eu_fsf_xml",
	Dataset: datasetName,
	Sniff:   sniff,
	Parse:   parse,
}

// reRoot finds the <export> root, with or without a namespace prefix.
var reRoot = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?export[\s/>]`)

// sniff requires both the root element and the FSF namespace: "export" on
// its own is too common a word to claim a file by.
func sniff(_ string, head []byte) bool {
	return bytes.Contains(head, []byte(namespace)) && reRoot.Match(head)
}

func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
	var meta source.Meta
	f, err := in.Single("the EU FSF XML")
	if err != nil {
		return meta, err
	}
	ds := in.Dataset
	if ds == "" {
		ds = datasetName
	}
	sawRoot := false
	err = xmlrec.Walk(ctx, f, func(s *xmlrec.Stream, t xml.StartElement) error {
		if s.Depth() == 0 {
			if sawRoot {
				return source.Errorf(f.Path, s.Line(), t.Name.Local, "a second root element after </export>")
			}
			if t.Name.Local != "export" {
				return source.Errorf(f.Path, s.Line(), t.Name.Local, "the root element is <%s>, expected <export> of the EU FSF XML", t.Name.Local)
			}
			sawRoot = true
			for _, a := range t.Attr {
				if a.Name.Local == "generationDate" {
					if d, ok := entity.ParseDate(a.Value); ok {
						meta.Published = d.Value
					}
				}
			}
			return nil
		}
		if t.Name.Local != "sanctionEntity" {
			return nil
		}
		line := s.Line()
		var se sanctionEntity
		if err := s.Decode(&se, &t); err != nil {
			return err
		}
		e, err := se.entity(ds)
		if err != nil {
			return source.Errorf(f.Path, line, s.Element("sanctionEntity"), "%v", err)
		}
		e.Raw = entity.Raw(s.Raw())
		return emit(e)
	})
	if err != nil {
		return meta, err
	}
	if !sawRoot {
		return meta, source.Errorf(f.Path, 1, "", "no <export> root element: the file is empty or not XML")
	}
	return meta, nil
}

// The record types follow the FSF XML schema 1.1. Every element of the
// schema derives from one carrying a logicalId, remarks and key/value
// additional information; those that come from a regulation also carry
// regulationSummary references, which the parser does not need.

type keyValue struct {
	Key   string `xml:"key,attr"`
	Value string `xml:"value,attr"`
}

type operable struct {
	LogicalID      string     `xml:"logicalId,attr"`
	Remarks        []string   `xml:"remark"`
	AdditionalInfo []keyValue `xml:"additionalInformation"`
}

type sanctionEntity struct {
	operable
	DesignationDate    string           `xml:"designationDate,attr"`
	DesignationDetails string           `xml:"designationDetails,attr"`
	UnitedNationID     string           `xml:"unitedNationId,attr"`
	EUReferenceNumber  string           `xml:"euReferenceNumber,attr"`
	DelistingDate      string           `xml:"delistingDate,attr"`
	OtherAttrs         []xml.Attr       `xml:",any,attr"`
	Regulations        []regulation     `xml:"regulation"`
	SubjectTypes       []subjectType    `xml:"subjectType"`
	NameAliases        []nameAlias      `xml:"nameAlias"`
	Citizenships       []citizenship    `xml:"citizenship"`
	Birthdates         []birthdate      `xml:"birthdate"`
	Addresses          []address        `xml:"address"`
	Identifications    []identification `xml:"identification"`
	Other              []xmlrec.Node    `xml:",any"`
}

type regulation struct {
	operable
	RegulationType     string `xml:"regulationType,attr"`
	OrganisationType   string `xml:"organisationType,attr"`
	PublicationDate    string `xml:"publicationDate,attr"`
	EntryIntoForceDate string `xml:"entryIntoForceDate,attr"`
	NumberTitle        string `xml:"numberTitle,attr"`
	Programme          string `xml:"programme,attr"`
	// The URL is an element in the published files; accept the attribute
	// form regulationSummary uses as well.
	PublicationURL     string `xml:"publicationUrl"`
	PublicationURLAttr string `xml:"publicationUrl,attr"`
}

type subjectType struct {
	Code               string `xml:"code,attr"`
	ClassificationCode string `xml:"classificationCode,attr"`
}

type nameAlias struct {
	operable
	FirstName    string `xml:"firstName,attr"`
	MiddleName   string `xml:"middleName,attr"`
	LastName     string `xml:"lastName,attr"`
	WholeName    string `xml:"wholeName,attr"`
	Function     string `xml:"function,attr"`
	Gender       string `xml:"gender,attr"`
	Title        string `xml:"title,attr"`
	NameLanguage string `xml:"nameLanguage,attr"`
	Strong       string `xml:"strong,attr"`
}

type citizenship struct {
	operable
	Region             string `xml:"region,attr"`
	CountryIso2Code    string `xml:"countryIso2Code,attr"`
	CountryDescription string `xml:"countryDescription,attr"`
}

type birthdate struct {
	operable
	Circa              string `xml:"circa,attr"`
	CalendarType       string `xml:"calendarType,attr"`
	City               string `xml:"city,attr"`
	ZipCode            string `xml:"zipCode,attr"`
	Birthdate          string `xml:"birthdate,attr"`
	DayOfMonth         string `xml:"dayOfMonth,attr"`
	MonthOfYear        string `xml:"monthOfYear,attr"`
	Year               string `xml:"year,attr"`
	YearRangeFrom      string `xml:"yearRangeFrom,attr"`
	YearRangeTo        string `xml:"yearRangeTo,attr"`
	Region             string `xml:"region,attr"`
	Place              string `xml:"place,attr"`
	CountryIso2Code    string `xml:"countryIso2Code,attr"`
	CountryDescription string `xml:"countryDescription,attr"`
}

type address struct {
	operable
	City               string     `xml:"city,attr"`
	Street             string     `xml:"street,attr"`
	PoBox              string     `xml:"poBox,attr"`
	ZipCode            string     `xml:"zipCode,attr"`
	Region             string     `xml:"region,attr"`
	Place              string     `xml:"place,attr"`
	CountryIso2Code    string     `xml:"countryIso2Code,attr"`
	CountryDescription string     `xml:"countryDescription,attr"`
	ContactInfo        []keyValue `xml:"contactInfo"`
}

type identification struct {
	operable
	Diplomatic                    string `xml:"diplomatic,attr"`
	KnownExpired                  string `xml:"knownExpired,attr"`
	KnownFalse                    string `xml:"knownFalse,attr"`
	ReportedLost                  string `xml:"reportedLost,attr"`
	RevokedByIssuer               string `xml:"revokedByIssuer,attr"`
	IssueDate                     string `xml:"issueDate,attr"`
	IssuedBy                      string `xml:"issuedBy,attr"`
	LatinNumber                   string `xml:"latinNumber,attr"`
	NameOnDocument                string `xml:"nameOnDocument,attr"`
	Number                        string `xml:"number,attr"`
	ValidFrom                     string `xml:"validFrom,attr"`
	ValidTo                       string `xml:"validTo,attr"`
	Region                        string `xml:"region,attr"`
	IdentificationTypeCode        string `xml:"identificationTypeCode,attr"`
	IdentificationTypeDescription string `xml:"identificationTypeDescription,attr"`
	CountryIso2Code               string `xml:"countryIso2Code,attr"`
	CountryDescription            string `xml:"countryDescription,attr"`
}

var clean = entity.CleanSpace

// entity maps one record to the model.
func (se *sanctionEntity) entity(ds string) (*entity.Entity, error) {
	id := clean(se.LogicalID)
	if id == "" {
		return nil, fmt.Errorf("sanctionEntity has no logicalId")
	}
	schema, known := se.schema()
	e := entity.New(ds, id, schema)
	e.Authority = authority
	if !known {
		for _, st := range se.SubjectTypes {
			e.Add("subjectType", st.Code, st.ClassificationCode)
		}
	}

	e.Add("euReferenceNumber", se.EUReferenceNumber)
	e.Add("unscId", se.UnitedNationID)
	e.Add("designationDetails", se.DesignationDetails)
	e.Add("delistingDate", isoDate(se.DelistingDate))
	se.operable.apply(e)
	for _, a := range se.OtherAttrs {
		if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
			e.Add(a.Name.Local, a.Value)
		}
	}
	for i := range se.Other {
		e.Add(se.Other[i].XMLName.Local, se.Other[i].Flatten())
	}

	listed := isoDate(se.DesignationDate)
	earliest := ""
	for _, r := range se.Regulations {
		entity.AddTo(&e.Programs, r.Programme)
		if d := isoDate(r.PublicationDate); d != "" && (earliest == "" || d < earliest) {
			earliest = d
		}
		e.Add("regulation", r.describe())
		e.Add("regulationUrl", r.PublicationURL, r.PublicationURLAttr)
		r.operable.apply(e)
	}
	// designationDate is the listing date where the EU gives it; older
	// records only have the regulations, of which the first listed them.
	if listed == "" {
		listed = earliest
	}
	e.ListedOn = listed

	se.names(e)
	for _, c := range se.Citizenships {
		entity.AddTo(&e.Citizenships, countryOf(c.CountryIso2Code, c.CountryDescription))
		c.operable.apply(e)
	}
	for _, b := range se.Birthdates {
		e.AddBirthDate(b.date())
		entity.AddTo(&e.BirthPlaces, b.place())
		b.operable.apply(e)
	}
	for _, a := range se.Addresses {
		a.add(e)
	}
	for _, id := range se.Identifications {
		id.add(e)
	}
	return e, nil
}

// schema reads subjectType. The EU has "person" and "enterprise" and no
// vessel type: vessels are listed as enterprises and stay Organization.
func (se *sanctionEntity) schema() (entity.Schema, bool) {
	for _, st := range se.SubjectTypes {
		switch strings.ToLower(clean(st.Code)) {
		case "person":
			return entity.Person, true
		case "enterprise":
			return entity.Organization, true
		}
		switch strings.ToUpper(clean(st.ClassificationCode)) {
		case "P":
			return entity.Person, true
		case "E":
			return entity.Organization, true
		}
		if s, ok := entity.ParseSchema(st.Code); ok {
			return s, true
		}
	}
	return entity.LegalEntity, false
}

// names maps nameAlias elements. The first alias is the primary name,
// except that one the EU marks weak (strong="false") stays a weak alias:
// a weak name must not become the caption screening reports.
func (se *sanctionEntity) names(e *entity.Entity) {
	primary := false
	for _, na := range se.NameAliases {
		first, middle, last, title := clean(na.FirstName), clean(na.MiddleName), clean(na.LastName), clean(na.Title)
		full := clean(na.WholeName)
		if full == "" {
			full = clean(strings.Join([]string{first, middle, last}, " "))
		}
		n := entity.Name{Full: full, Kind: entity.Alias, Language: strings.ToLower(clean(na.NameLanguage))}
		switch {
		case strings.EqualFold(clean(na.Strong), "false"):
			n.Kind = entity.WeakAlias
		case !primary && full != "":
			n.Kind = entity.Primary
			primary = true
		}
		if first != "" || middle != "" || last != "" {
			n.Parts = &entity.NameParts{Title: title, Given: first, Middle: middle, Family: last}
		}
		e.AddName(n)
		entity.AddTo(&e.Titles, title)
		entity.AddTo(&e.Positions, na.Function)
		if g := gender(na.Gender); g != "" && e.Gender == "" {
			e.Gender = g
		}
		na.operable.apply(e)
	}
}

func gender(s string) string {
	switch strings.ToUpper(clean(s)) {
	case "M", "MALE":
		return "male"
	case "F", "FEMALE":
		return "female"
	}
	return ""
}

// apply keeps remarks and additional information of any element.
func (o *operable) apply(e *entity.Entity) {
	entity.AddTo(&e.Remarks, o.Remarks...)
	for _, kv := range o.AdditionalInfo {
		if v := clean(kv.Value); v != "" {
			e.Add("additionalInformation", entity.Join(": ", kv.Key, v))
		}
	}
}

// describe renders a regulation as one property value, so that its title,
// dates and programme stay together (separate lists would lose the pairing).
func (r *regulation) describe() string {
	return entity.Join(", ",
		clean(r.NumberTitle),
		clean(r.RegulationType),
		clean(r.OrganisationType),
		prefixed("programme ", r.Programme),
		prefixed("published ", isoDate(r.PublicationDate)),
		prefixed("in force ", isoDate(r.EntryIntoForceDate)))
}

// date reads a birthdate: the full date attribute where given, else the
// separate year, month and day, else a year range.
func (b *birthdate) date() entity.Date {
	var d entity.Date
	year, month, day := clean(b.Year), clean(b.MonthOfYear), clean(b.DayOfMonth)
	from, to := clean(b.YearRangeFrom), clean(b.YearRangeTo)
	switch {
	case clean(b.Birthdate) != "":
		d, _ = entity.ParseDate(b.Birthdate)
	case year != "":
		s := year
		if month != "" {
			s += "-" + month
			if day != "" {
				s += "-" + day
			}
		}
		d, _ = entity.ParseDate(s)
	case from != "" && to != "":
		d, _ = entity.ParseDate(from + " to " + to)
	case from != "" || to != "":
		d, _ = entity.ParseDate(from + to)
	}
	if d != (entity.Date{}) && strings.EqualFold(clean(b.Circa), "true") {
		d.Circa = true
	}
	return d
}

func (b *birthdate) place() string {
	return entity.Join(", ", clean(b.City), clean(b.Place), clean(b.Region), countryName(b.CountryIso2Code, b.CountryDescription))
}

// contactKeys maps address contactInfo keys to FtM property names.
var contactKeys = map[string]string{"PHONE": "phone", "FAX": "phone", "EMAIL": "email", "WEB": "website"}

func (a *address) add(e *entity.Entity) {
	c := countryOf(a.CountryIso2Code, a.CountryDescription)
	street := clean(a.Street)
	if po := clean(a.PoBox); po != "" {
		street = entity.Join(", ", street, "P.O. Box "+po)
	}
	addr := entity.Address{
		Street:  street,
		City:    clean(a.City),
		Region:  entity.Join(", ", clean(a.Place), clean(a.Region)),
		Postal:  clean(a.ZipCode),
		Country: c,
	}
	addr.Full = entity.Join(", ", addr.Street, addr.City, addr.Postal, addr.Region, countryName(a.CountryIso2Code, a.CountryDescription))
	if addr.Full != "" && !slices.Contains(e.Addresses, addr) {
		e.Addresses = append(e.Addresses, addr)
	}
	entity.AddTo(&e.Countries, c)
	for _, ci := range a.ContactInfo {
		if prop, ok := contactKeys[strings.ToUpper(clean(ci.Key))]; ok {
			e.Add(prop, ci.Value)
		} else if v := clean(ci.Value); v != "" {
			e.Add("contactInfo", entity.Join(": ", clean(ci.Key), v))
		}
	}
	a.operable.apply(e)
}

// idTypes maps identificationTypeCode to the model's identifier types;
// other codes (tradelic, birthcert, drivinglicence...) keep their label.
var idTypes = map[string]string{
	"passport":   entity.IDPassport,
	"id":         entity.IDNational,
	"ssn":        entity.IDNational,
	"nrn":        entity.IDNational,
	"nationcert": entity.IDNational,
	"regnumber":  entity.IDRegistration,
	"fiscalcode": entity.IDTax,
	"swiftbic":   entity.IDBIC,
	"imo":        entity.IDIMO,
	"lei":        entity.IDLEI,
	"other":      entity.IDOther,
}

func (id *identification) add(e *entity.Entity) {
	code := strings.ToLower(clean(id.IdentificationTypeCode))
	typ, ok := idTypes[code]
	if !ok {
		typ = code
	}
	flag := func(v, label string) string {
		if strings.EqualFold(clean(v), "true") {
			return label
		}
		return ""
	}
	notes := []string{
		clean(id.IdentificationTypeDescription),
		flag(id.Diplomatic, "diplomatic"),
		prefixed("issued by ", id.IssuedBy),
		prefixed("issued ", isoDate(id.IssueDate)),
		prefixed("valid from ", isoDate(id.ValidFrom)),
		prefixed("valid to ", isoDate(id.ValidTo)),
		prefixed("name on document: ", id.NameOnDocument),
		prefixed("latin number: ", id.LatinNumber),
		prefixed("region: ", id.Region),
		flag(id.KnownExpired, "known expired"),
		flag(id.KnownFalse, "known false"),
		flag(id.ReportedLost, "reported lost"),
		flag(id.RevokedByIssuer, "revoked by issuer"),
	}
	notes = append(notes, id.Remarks...)
	e.AddIdentifier(entity.Identifier{
		Type:    typ,
		Number:  id.Number,
		Country: countryOf(id.CountryIso2Code, id.CountryDescription),
		Note:    entity.Join("; ", notes...),
	})
	for _, kv := range id.AdditionalInfo {
		e.Add("additionalInformation", entity.Join(": ", kv.Key, clean(kv.Value)))
	}
}

// countryOf returns the ISO code of a country reference. The EU writes
// "00" and "UNKNOWN" where the country is not known.
func countryOf(iso, desc string) string {
	if iso = clean(iso); iso != "" && iso != "00" {
		return country.Normalize(iso)
	}
	if d := countryName("", desc); d != "" {
		return country.Normalize(d)
	}
	return ""
}

// countryName is the country as text, for places and full addresses.
func countryName(iso, desc string) string {
	if d := clean(desc); d != "" && !strings.EqualFold(d, "unknown") {
		return d
	}
	if iso = clean(iso); iso != "00" {
		return iso
	}
	return ""
}

// isoDate returns the ISO form of a date attribute, or "".
func isoDate(s string) string {
	d, ok := entity.ParseDate(s)
	if !ok {
		return ""
	}
	return d.Value
}

func prefixed(prefix, v string) string {
	if v = clean(v); v == "" {
		return ""
	}
	return prefix + v
}
