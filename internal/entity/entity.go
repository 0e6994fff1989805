// Package entity is the domain model every source is parsed into: one shape
// for UN, OFAC, EU, UK, CSL and OpenSanctions records, close to
// FollowTheMoney so that API clients of other tools feel at home.
//
// The model is deliberately plain data with string values: it is stored as
// canonical JSON, compared field by field for list diffs, and indexed by the
// matcher. Normalization for matching belongs to package names, not here.
package entity

import (
	"slices"
	"strings"
)

// Schema is the kind of thing a list entry designates.
type Schema string

const (
	Person       Schema = "Person"
	Organization Schema = "Organization"
	Vessel       Schema = "Vessel"
	Airplane     Schema = "Airplane"
	// LegalEntity is used when a source does not say whether an entry is
	// a person or an organization (some Senzing and FtM records).
	LegalEntity Schema = "LegalEntity"
)

// ParseSchema maps free-form type labels used by publishers ("individual",
// "entity", "vessel", "aircraft", FtM schema names) to a Schema.
func ParseSchema(s string) (Schema, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "person", "individual", "individuals":
		return Person, true
	case "organization", "organisation", "entity", "entities", "company", "publicbody":
		return Organization, true
	case "legalentity", "legal entity":
		return LegalEntity, true
	case "vessel", "ship":
		return Vessel, true
	case "airplane", "aircraft":
		return Airplane, true
	}
	return "", false
}

// NameKind says what standing a name has on the list. Weak aliases are
// names the publisher itself flags as low quality ("weak a.k.a.", UN
// QUALITY Low); screening treats them with less weight.
type NameKind string

const (
	Primary   NameKind = "primary"
	Alias     NameKind = "alias"
	WeakAlias NameKind = "weak_alias"
	Former    NameKind = "former" // f.k.a.
)

// Name is one name of an entity as the publisher gives it.
type Name struct {
	Full string   `json:"full"`
	Kind NameKind `json:"kind"`
	// Script is the ISO 15924 code of the name's dominant script
	// ("Latn", "Arab", "Cyrl", ...), detected from the text when the
	// source does not state it. Language is a BCP 47 tag where known.
	Script   string `json:"script,omitempty"`
	Language string `json:"lang,omitempty"`
	// Parts holds the name parts where the source gives them.
	Parts *NameParts `json:"parts,omitempty"`
}

// NameParts are the components of a personal name where the publisher
// gives them separately. UN gives up to four numbered parts whose meaning
// depends on the culture, so they are kept in order in Other as well.
type NameParts struct {
	Title  string   `json:"title,omitempty"`
	Given  string   `json:"given,omitempty"`
	Middle string   `json:"middle,omitempty"`
	Family string   `json:"family,omitempty"`
	Other  []string `json:"other,omitempty"`
}

// Date is a possibly partial or ranged date. Value is an ISO 8601 prefix:
// "1971", "1971-05" or "1971-05-03". Until is set for ranges ("1960 to
// 1962"), Circa for approximate dates. Text keeps the publisher's wording
// when it could not be parsed into Value.
type Date struct {
	Value string `json:"value,omitempty"`
	Until string `json:"until,omitempty"`
	Circa bool   `json:"circa,omitempty"`
	Text  string `json:"text,omitempty"`
}

// Identifier is a document or registry number.
type Identifier struct {
	Type    string `json:"type"` // see the Id* constants
	Number  string `json:"number"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2 where known
	Note    string `json:"note,omitempty"`    // issue/expiry dates, issuer, free text
}

// Identifier types. Sources use many labels; parsers map them to these
// where the meaning is clear and keep the publisher's label otherwise.
const (
	IDPassport     = "passport"
	IDNational     = "national_id"
	IDRegistration = "registration"
	IDTax          = "tax"
	IDIMO          = "imo"
	IDMMSI         = "mmsi"
	IDBIC          = "bic"
	IDLEI          = "lei"
	IDCrypto       = "crypto"
	IDOther        = "other"
)

// Address is a postal address; Country is ISO alpha-2 where known.
type Address struct {
	Full    string `json:"full,omitempty"`
	Street  string `json:"street,omitempty"`
	City    string `json:"city,omitempty"`
	Region  string `json:"region,omitempty"`
	Postal  string `json:"postal,omitempty"`
	Country string `json:"country,omitempty"`
}

// Entity is one list entry.
type Entity struct {
	ID       string `json:"id"` // "<dataset>:<source_id>"
	Dataset  string `json:"dataset"`
	SourceID string `json:"source_id"`
	Schema   Schema `json:"schema"`
	Names    []Name `json:"names"`

	BirthDates    []Date       `json:"birth_dates,omitempty"`
	BirthPlaces   []string     `json:"birth_places,omitempty"`
	Nationalities []string     `json:"nationalities,omitempty"` // ISO alpha-2 where known
	Citizenships  []string     `json:"citizenships,omitempty"`
	Countries     []string     `json:"countries,omitempty"` // jurisdiction, residence, flag
	Addresses     []Address    `json:"addresses,omitempty"`
	Identifiers   []Identifier `json:"identifiers,omitempty"`
	Gender        string       `json:"gender,omitempty"` // "male", "female"
	Titles        []string     `json:"titles,omitempty"`
	Positions     []string     `json:"positions,omitempty"`
	Programs      []string     `json:"programs,omitempty"`
	Authority     string       `json:"authority,omitempty"`
	ListedOn      string       `json:"listed_on,omitempty"` // ISO date
	Measures      []string     `json:"measures,omitempty"`
	LinkedTo      []string     `json:"linked_to,omitempty"`
	Remarks       []string     `json:"remarks,omitempty"`
	Vessel        *VesselInfo  `json:"vessel,omitempty"`
	Properties    Properties   `json:"properties,omitempty"` // anything else, FtM property name -> values
	Raw           Raw          `json:"raw,omitempty"`
}

// VesselInfo holds the vessel and aircraft details publishers give.
type VesselInfo struct {
	CallSign     string `json:"call_sign,omitempty"`
	Type         string `json:"type,omitempty"`
	Tonnage      string `json:"tonnage,omitempty"`
	GrossTonnage string `json:"gross_tonnage,omitempty"`
	Flag         string `json:"flag,omitempty"` // ISO alpha-2 where known
	Owner        string `json:"owner,omitempty"`
	BuildYear    string `json:"build_year,omitempty"`
}

// Properties carries source fields with no slot in the model, so that
// nothing the publisher says is lost.
type Properties map[string][]string

// Raw is the publisher's record as it was read: the XML element, the CSV
// rows (with their file names) or the JSON line. It is kept for audit and
// excluded from list diffs' field comparison.
type Raw string

// New returns an entity with ID derived from dataset and source id.
func New(dataset, sourceID string, schema Schema) *Entity {
	sourceID = strings.TrimSpace(sourceID)
	return &Entity{ID: dataset + ":" + sourceID, Dataset: dataset, SourceID: sourceID, Schema: schema}
}

// Caption is the name to display: the first primary name, else the first.
func (e *Entity) Caption() string {
	for _, n := range e.Names {
		if n.Kind == Primary {
			return n.Full
		}
	}
	if len(e.Names) > 0 {
		return e.Names[0].Full
	}
	return e.ID
}

// AddName appends a name unless it is empty or the same text with the
// same kind is already there. It splits nothing; sources that pack
// several names into one field split them first. It fills Script from
// the text when empty.
func (e *Entity) AddName(n Name) {
	n.Full = CleanSpace(n.Full)
	if n.Full == "" {
		return
	}
	if n.Kind == "" {
		n.Kind = Alias
	}
	if n.Script == "" {
		n.Script = DetectScript(n.Full)
	}
	for _, have := range e.Names {
		if have.Full == n.Full && have.Kind == n.Kind {
			return
		}
	}
	e.Names = append(e.Names, n)
}

// AddIdentifier appends an identifier unless it is empty or already there.
func (e *Entity) AddIdentifier(id Identifier) {
	id.Number = CleanSpace(id.Number)
	if id.Number == "" {
		return
	}
	if id.Type == "" {
		id.Type = IDOther
	}
	if !slices.Contains(e.Identifiers, id) {
		e.Identifiers = append(e.Identifiers, id)
	}
}

// AddDate appends a birth date unless it is empty or already there.
func (e *Entity) AddBirthDate(d Date) {
	if d == (Date{}) || slices.Contains(e.BirthDates, d) {
		return
	}
	e.BirthDates = append(e.BirthDates, d)
}

// AddTo appends cleaned, non-empty values to a string list, once each.
func AddTo(list *[]string, values ...string) {
	for _, v := range values {
		v = CleanSpace(v)
		if v != "" && !slices.Contains(*list, v) {
			*list = append(*list, v)
		}
	}
}

// Add appends values to a free property.
func (e *Entity) Add(prop string, values ...string) {
	if e.Properties == nil {
		e.Properties = Properties{}
	}
	vs := e.Properties[prop]
	AddTo(&vs, values...)
	if len(vs) > 0 {
		e.Properties[prop] = vs
	}
}

// CleanSpace trims and folds runs of white space (including newlines and
// no-break spaces) into single spaces.
func CleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Join joins the non-empty cleaned parts with sep: for building a full
// name from name parts, or an address from its lines.
func Join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = CleanSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// EnsurePrimary makes the first alias the primary name when a source gave
// none as primary, so that every entity has a caption of standing.
// Weak aliases are never promoted.
func (e *Entity) EnsurePrimary() {
	for _, n := range e.Names {
		if n.Kind == Primary {
			return
		}
	}
	for i, n := range e.Names {
		if n.Kind == Alias {
			e.Names[i].Kind = Primary
			return
		}
	}
}
