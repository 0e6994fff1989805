// Package gbfcdo parses the UK Sanctions List XML published by the
// Foreign, Commonwealth & Development Office
// (https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml), the
// sole UK sanctions list since 28 January 2026.
//
// The file is a <Designations> root with a <DateGenerated> and one
// <Designation> per person, entity or ship, whose details sit in nested
// wrapper elements (Names/Name, IndividualDetails/Individual/DOBs/DOB,
// ShipDetails/Ship/IMONumbers/IMONumber, ...). FCDO publishes no schema
// and has renamed wrappers before, so the parser keys on the leaf element
// names, wherever they are nested, and groups the leaves that belong
// together (a name's parts, an address's lines, a passport's number and
// note) by the parent holding them. Elements it does not know are kept in
// Properties under their own name; they never fail the parse.
package gbfcdo

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
	datasetName = dataset.UKFCDO
	authority   = "UK FCDO"
)

// Format is the UK Sanctions List XML format.
var Format = source.Format{
	Name:    "gb_fcdo_xml",
	Dataset: datasetName,
	Sniff:   sniff,
	Parse:   parse,
}

var reRoot = regexp.MustCompile(`<Designations[\s/>]`)

// sniff looks for the <Designations> root in a file that starts as XML.
func sniff(_ string, head []byte) bool {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	return bytes.HasPrefix(h, []byte("<")) && reRoot.Match(head)
}

func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
	var meta source.Meta
	f, err := in.Single("the UK Sanctions List XML")
	if err != nil {
		return meta, err
	}
	ds := in.Dataset
	if ds == "" {
		ds = datasetName
	}
	sawRoot := false
	err = xmlrec.Walk(ctx, f, func(s *xmlrec.Stream, t xml.StartElement) error {
		line := s.Line()
		switch {
		case s.Depth() == 0:
			if sawRoot {
				return source.Errorf(f.Path, line, t.Name.Local, "a second root element after </Designations>")
			}
			if t.Name.Local != "Designations" {
				return source.Errorf(f.Path, line, t.Name.Local, "the root element is <%s>, expected <Designations> of the UK Sanctions List", t.Name.Local)
			}
			sawRoot = true
		case t.Name.Local == "DateGenerated":
			var d string
			if err := s.Decode(&d, &t); err != nil {
				return err
			}
			meta.Published = ukDate(d).Value
		case t.Name.Local == "Designation":
			var n xmlrec.Node
			if err := s.Decode(&n, &t); err != nil {
				return err
			}
			e, err := build(&n, ds)
			if err != nil {
				return source.Errorf(f.Path, line, s.Element("Designation"), "%v", err)
			}
			e.Raw = entity.Raw(s.Raw())
			return emit(e)
		}
		return nil
	})
	if err != nil {
		return meta, err
	}
	if !sawRoot {
		return meta, source.Errorf(f.Path, 1, "", "no <Designations> root element: the file is empty or not XML")
	}
	return meta, nil
}

var clean = entity.CleanSpace

// builder fills one entity from a designation's element tree.
type builder struct {
	e      *entity.Entity
	owners []string
}

// build maps one <Designation>.
func build(n *xmlrec.Node, ds string) (*entity.Entity, error) {
	var id, typ string
	for i := range n.Nodes {
		c := &n.Nodes[i]
		switch strings.ToLower(c.XMLName.Local) {
		case "uniqueid":
			id = clean(c.Text)
		case "individualentityship", "entitytype", "designationtype":
			if typ == "" {
				typ = clean(c.Text)
			}
		}
	}
	if id == "" {
		return nil, fmt.Errorf("a designation without <UniqueID>")
	}
	b := &builder{e: entity.New(ds, id, schemaOf(typ, n))}
	b.e.Authority = authority
	for i := range n.Nodes {
		b.visit(&n.Nodes[i])
	}
	if len(b.owners) > 0 {
		b.vessel().Owner = strings.Join(b.owners, "; ")
	}
	b.e.EnsurePrimary()
	return b.e, nil
}

// schemaOf reads IndividualEntityShip, falling back on which details
// block the designation has.
func schemaOf(typ string, n *xmlrec.Node) entity.Schema {
	if s, ok := entity.ParseSchema(typ); ok {
		return s
	}
	for i := range n.Nodes {
		c := &n.Nodes[i]
		if len(c.Nodes) == 0 {
			continue
		}
		switch strings.ToLower(c.XMLName.Local) {
		case "individualdetails":
			return entity.Person
		case "shipdetails":
			return entity.Vessel
		case "entitydetails":
			return entity.Organization
		}
	}
	return entity.LegalEntity
}

// groups are the elements whose leaves belong together, recognised by a
// leaf they hold rather than by their (changeable) own name.
var groups = []struct {
	kind string
	keys []string
}{
	{"name", []string{"name1", "name2", "name3", "name4", "name5", "name6", "nametype", "aliasstrength"}},
	{"nonlatin", []string{"namenonlatinscript"}},
	{"address", []string{"addressline1", "addressline2", "addressline3", "addressline4", "addressline5", "addressline6", "addresspostalcode", "addresscountry"}},
	{"passport", []string{"passportnumber"}},
	{"nationalid", []string{"nationalidentifiernumber"}},
	{"birth", []string{"townofbirth", "countryofbirth"}},
}

func groupOf(n *xmlrec.Node) string {
	for i := range n.Nodes {
		c := &n.Nodes[i]
		if len(c.Nodes) > 0 {
			continue
		}
		k := strings.ToLower(c.XMLName.Local)
		for _, g := range groups {
			if slices.Contains(g.keys, k) {
				return g.kind
			}
		}
	}
	return ""
}

// visit maps an element: a leaf by its name, a group as a whole, and any
// other element (a wrapper such as Names or IndividualDetails) by its
// children.
func (b *builder) visit(c *xmlrec.Node) {
	if len(c.Nodes) == 0 {
		b.leaf(c.XMLName.Local, c.Text)
		return
	}
	switch groupOf(c) {
	case "name":
		b.name(c)
	case "nonlatin":
		b.nonLatin(c)
	case "address":
		b.address(c)
	case "passport":
		b.documents(c, entity.IDPassport, "passportDetails", "passportnumber", "passportadditionalinformation", "passportdetails")
	case "nationalid":
		b.documents(c, entity.IDNational, "nationalIdentifierDetails", "nationalidentifiernumber", "nationalidentifieradditionalinformation", "nationalidentifierdetails")
	case "birth":
		f := b.take(c, "townofbirth", "countryofbirth")
		entity.AddTo(&b.e.BirthPlaces, entity.Join(", ", strings.Join(f["townofbirth"], ", "), strings.Join(f["countryofbirth"], ", ")))
	default:
		for i := range c.Nodes {
			b.visit(&c.Nodes[i])
		}
	}
}

// take returns the text of a group's leaves named in keys (lower case),
// and visits its other children as if they stood outside the group.
func (b *builder) take(n *xmlrec.Node, keys ...string) map[string][]string {
	out := map[string][]string{}
	for i := range n.Nodes {
		c := &n.Nodes[i]
		k := strings.ToLower(c.XMLName.Local)
		if len(c.Nodes) == 0 && slices.Contains(keys, k) {
			if v := clean(c.Text); v != "" {
				out[k] = append(out[k], v)
			}
			continue
		}
		b.visit(c)
	}
	return out
}

func first(f map[string][]string, k string) string {
	if len(f[k]) == 0 {
		return ""
	}
	return f[k][0]
}

// leaf maps one element holding text.
func (b *builder) leaf(name, text string) {
	v := clean(text)
	if v == "" {
		return
	}
	e := b.e
	switch strings.ToLower(name) {
	case "uniqueid":
		// read by build
	case "individualentityship", "entitytype", "designationtype":
		if _, ok := entity.ParseSchema(v); !ok {
			e.Add(name, v) // a type the model has no schema for
		}
	case "lastupdated":
		e.Add("modifiedAt", dateOrText(v))
	case "datedesignated":
		if d := ukDate(v); d.Value != "" {
			if e.ListedOn == "" || d.Value < e.ListedOn {
				e.ListedOn = d.Value
			}
		} else {
			e.Add("dateDesignated", v)
		}
	case "ofsigroupid":
		e.Add("ofsiGroupId", v)
	case "unreferencenumber":
		e.Add("unscId", v)
	case "regimename":
		entity.AddTo(&e.Programs, v)
	case "designationsource":
		e.Add("designationSource", v)
	case "sanctionsimposed":
		entity.AddTo(&e.Measures, strings.Split(v, "|")...)
	case "otherinformation":
		entity.AddTo(&e.Remarks, v)
	case "ukstatementofreasons":
		e.Add("reason", v)
	case "phonenumber":
		e.Add("phone", v)
	case "emailaddress":
		e.Add("email", v)
	case "website":
		e.Add("website", v)
	case "name", "fullname":
		// a whole name outside a group with parts and a type
		e.AddName(entity.Name{Full: v, Kind: entity.Alias})
	case "title":
		entity.AddTo(&e.Titles, v)
	case "dob":
		e.AddBirthDate(ukDate(v))
	case "nationality":
		entity.AddTo(&e.Nationalities, country.Normalize(v))
	case "position":
		entity.AddTo(&e.Positions, v)
	case "gender":
		if g := gender(v); g != "" && e.Gender == "" {
			e.Gender = g
		}
	case "townofbirth", "countryofbirth":
		entity.AddTo(&e.BirthPlaces, v)
	case "addresscountry":
		entity.AddTo(&e.Countries, country.Normalize(v))
	case "passportnumber":
		e.AddIdentifier(entity.Identifier{Type: entity.IDPassport, Number: v})
	case "nationalidentifiernumber":
		e.AddIdentifier(entity.Identifier{Type: entity.IDNational, Number: v})
	case "businessregistrationnumber":
		e.AddIdentifier(entity.Identifier{Type: entity.IDRegistration, Number: v})
	case "typeofentity":
		e.Add("legalForm", v)
	case "subsidiary":
		e.Add("subsidiaries", v)
	case "parentcompany":
		e.Add("parent", v)
	case "imonumber":
		e.AddIdentifier(entity.Identifier{Type: entity.IDIMO, Number: imo(v)})
	case "currentowneroperator":
		b.vessel()
		entity.AddTo(&b.owners, v)
	case "previousowneroperator":
		e.Add("previousOwner", v)
	case "currentbelievedflagofship":
		c := country.Normalize(v)
		if vi := b.vessel(); vi.Flag == "" {
			vi.Flag = c
		}
		entity.AddTo(&e.Countries, c)
	case "previousflag":
		e.Add("pastFlags", v)
	case "typeofship":
		setOnce(&b.vessel().Type, v)
	case "tonnageofship":
		setOnce(&b.vessel().Tonnage, v)
	case "yearbuilt":
		setOnce(&b.vessel().BuildYear, v)
	case "lengthofship":
		e.Add("length", v)
	case "hullidentificationnumber":
		e.AddIdentifier(entity.Identifier{Type: "hull_identification_number", Number: v})
	default:
		e.Add(name, v)
	}
}

func (b *builder) vessel() *entity.VesselInfo {
	if b.e.Vessel == nil {
		b.e.Vessel = &entity.VesselInfo{}
	}
	return b.e.Vessel
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// name maps a Names/Name group. Name1 is a given name and Name6 the
// family name (or an entity's whole name); Name2-5 may be middle names
// or patronymics, so all parts are kept in order in Other too.
func (b *builder) name(n *xmlrec.Node) {
	f := b.take(n, "name", "name1", "name2", "name3", "name4", "name5", "name6", "nametype", "aliasstrength")
	parts := []string{first(f, "name1"), first(f, "name2"), first(f, "name3"), first(f, "name4"), first(f, "name5"), first(f, "name6")}
	full := first(f, "name")
	if full == "" {
		full = entity.Join(" ", parts...)
	}
	nm := entity.Name{Full: full, Kind: nameKind(first(f, "nametype"), first(f, "aliasstrength"))}
	if entity.Join("", parts[:5]...) != "" {
		var other []string
		for _, p := range parts {
			if p != "" {
				other = append(other, p)
			}
		}
		nm.Parts = &entity.NameParts{Given: parts[0], Middle: entity.Join(" ", parts[1:5]...), Family: parts[5], Other: other}
	}
	b.e.AddName(nm)
}

// nameKind maps NameType ("Primary Name", "Primary name variation",
// "Alias", spelled inconsistently) and AliasStrength ("Good quality
// a.k.a", "Low quality a.k.a"). A spelling variation of the primary name
// is a strong alias.
func nameKind(typ, strength string) entity.NameKind {
	t := strings.ToLower(clean(typ))
	kind := entity.Alias
	switch {
	case t == "primary name" || t == "primary":
		kind = entity.Primary
	case strings.Contains(t, "former") || t == "fka":
		kind = entity.Former
	}
	if kind == entity.Alias && strings.HasPrefix(strings.ToLower(clean(strength)), "low") {
		kind = entity.WeakAlias
	}
	return kind
}

func (b *builder) nonLatin(n *xmlrec.Node) {
	f := b.take(n, "namenonlatinscript", "nonlatinscripttype", "nonlatinscriptlanguage")
	lang := source.LanguageCode(first(f, "nonlatinscriptlanguage"))
	for _, v := range f["namenonlatinscript"] {
		b.e.AddName(entity.Name{Full: v, Kind: entity.Alias, Language: lang})
	}
}

// address maps an Addresses/Address group. The six lines are free text
// (the city is sometimes in the first line, sometimes the sixth), so they
// are kept together as the full address.
func (b *builder) address(n *xmlrec.Node) {
	f := b.take(n, "addressline1", "addressline2", "addressline3", "addressline4", "addressline5", "addressline6", "addresspostalcode", "addresscountry")
	ctry := first(f, "addresscountry")
	a := entity.Address{
		Postal:  first(f, "addresspostalcode"),
		Country: country.Normalize(ctry),
	}
	a.Full = entity.Join(", ", first(f, "addressline1"), first(f, "addressline2"), first(f, "addressline3"),
		first(f, "addressline4"), first(f, "addressline5"), first(f, "addressline6"), a.Postal, ctry)
	if a.Full != "" && !slices.Contains(b.e.Addresses, a) {
		b.e.Addresses = append(b.e.Addresses, a)
	}
	entity.AddTo(&b.e.Countries, a.Country)
}

// documents maps a passport or national identifier group: its numbers,
// and its additional information as the identifier's note. Notes that
// cannot be paired with one number go to the property prop.
func (b *builder) documents(n *xmlrec.Node, typ, prop, numberKey string, noteKeys ...string) {
	f := b.take(n, append([]string{numberKey}, noteKeys...)...)
	nums := f[numberKey]
	var notes []string
	for _, k := range noteKeys {
		notes = append(notes, f[k]...)
	}
	for i, num := range nums {
		note := ""
		switch {
		case len(nums) == 1:
			note = strings.Join(notes, "; ")
		case len(notes) == len(nums):
			note = notes[i]
		}
		b.e.AddIdentifier(entity.Identifier{Type: typ, Number: num, Note: note})
	}
	if len(nums) != 1 && len(notes) != len(nums) {
		b.e.Add(prop, notes...)
	}
}

func gender(s string) string {
	switch strings.ToLower(clean(s)) {
	case "male", "m":
		return "male"
	case "female", "f":
		return "female"
	}
	return ""
}

var reIMO = regexp.MustCompile(`(?i)^IMO[\s:.-]*`)

// imo strips the "IMO" prefix the list writes on some numbers.
func imo(s string) string {
	return reIMO.ReplaceAllString(clean(s), "")
}

// ukDate reads a UK date (dd/mm/yyyy, unknown parts "00" or "dd"/"mm");
// one it cannot read is kept as text.
func ukDate(s string) entity.Date {
	d, _ := entity.ParseDate(s)
	return d
}

func dateOrText(s string) string {
	if d := ukDate(s); d.Value != "" {
		return d.Value
	}
	return clean(s)
}
