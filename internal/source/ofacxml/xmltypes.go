package ofacxml

import (
	"encoding/xml"
	"strings"
)

// The structs below mirror the parts of the Sanctions Data Standard
// ("advanced") schema the parser reads. Element names are matched without
// namespace, so both the OFAC service namespace and the older UN one work.
// Everything is kept as strings: the file is joined by numeric IDs that are
// only ever compared, never computed with.

// refItem is one value of a reference value set, e.g.
// <AliasType ID="1400">A.K.A.</AliasType> or
// <Country ID="11029" ISO2="AF">Afghanistan</Country>.
type refItem struct {
	XMLName xml.Name
	ID      string     `xml:"ID,attr"`
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
}

func (it refItem) attr(name string) string {
	for _, a := range it.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

type refSet struct {
	XMLName xml.Name
	Items   []refItem `xml:",any"`
}

type refSets struct {
	Sets []refSet `xml:",any"`
}

// refs indexes the reference value sets: item element name ("AliasType",
// "FeatureType", "Country") -> ID -> item.
type refs map[string]map[string]refItem

func (r refs) add(sets refSets) {
	for _, s := range sets.Sets {
		for _, it := range s.Items {
			kind := it.XMLName.Local
			if r[kind] == nil {
				r[kind] = map[string]refItem{}
			}
			it.Text = strings.Join(strings.Fields(it.Text), " ")
			r[kind][it.ID] = it
		}
	}
}

// text returns the label of a reference value, "" when the ID is unknown.
func (r refs) text(kind, id string) string {
	if id == "" {
		return ""
	}
	return r[kind][id].Text
}

func (r refs) item(kind, id string) (refItem, bool) {
	it, ok := r[kind][id]
	return it, ok
}

// ymd is a calendar date split into parts, as in <Date>, <From> and <To>.
type ymd struct {
	Year  string `xml:"Year"`
	Month string `xml:"Month"`
	Day   string `xml:"Day"`
}

type dateBound struct {
	Approximate string `xml:"Approximate,attr"`
	From        ymd    `xml:"From"`
	To          ymd    `xml:"To"`
}

// datePeriod is OFAC's way of writing any date: an exact date has equal
// bounds, a year has Start Jan 1 and End Dec 31, a range spans years.
type datePeriod struct {
	Start *dateBound `xml:"Start"`
	End   *dateBound `xml:"End"`
}

type locationPartValue struct {
	Primary string `xml:"Primary,attr"`
	Comment string `xml:"Comment"`
	Value   string `xml:"Value"`
}

type locationPart struct {
	TypeID string              `xml:"LocPartTypeID,attr"`
	Values []locationPartValue `xml:"LocationPartValue"`
}

type idAttr struct {
	AreaCodeID string `xml:"AreaCodeID,attr"`
	CountryID  string `xml:"CountryID,attr"`
}

type location struct {
	ID        string         `xml:"ID,attr"`
	AreaCodes []idAttr       `xml:"LocationAreaCode"`
	Countries []idAttr       `xml:"LocationCountry"`
	Parts     []locationPart `xml:"LocationPart"`
}

type documentDate struct {
	TypeID string     `xml:"IDRegDocDateTypeID,attr"`
	Period datePeriod `xml:"DatePeriod"`
}

type idRegDoc struct {
	ID         string         `xml:"ID,attr"`
	TypeID     string         `xml:"IDRegDocTypeID,attr"`
	IdentityID string         `xml:"IdentityID,attr"`
	CountryID  string         `xml:"IssuedBy-CountryID,attr"`
	ValidityID string         `xml:"ValidityID,attr"`
	Comment    string         `xml:"Comment"`
	Number     string         `xml:"IDRegistrationNo"`
	Authority  string         `xml:"IssuingAuthority"`
	Dates      []documentDate `xml:"DocumentDate"`
}

type namePartValue struct {
	GroupID  string `xml:"NamePartGroupID,attr"`
	ScriptID string `xml:"ScriptID,attr"`
	Text     string `xml:",chardata"`
}

type documentedNamePart struct {
	Value namePartValue `xml:"NamePartValue"`
}

type documentedName struct {
	ID       string               `xml:"ID,attr"`
	StatusID string               `xml:"DocNameStatusID,attr"`
	Parts    []documentedNamePart `xml:"DocumentedNamePart"`
}

type alias struct {
	TypeID     string           `xml:"AliasTypeID,attr"`
	Primary    string           `xml:"Primary,attr"`
	LowQuality string           `xml:"LowQuality,attr"`
	Names      []documentedName `xml:"DocumentedName"`
}

type namePartGroup struct {
	ID     string `xml:"ID,attr"`
	TypeID string `xml:"NamePartTypeID,attr"`
}

type identity struct {
	ID      string          `xml:"ID,attr"`
	Aliases []alias         `xml:"Alias"`
	Groups  []namePartGroup `xml:"NamePartGroups>MasterNamePartGroup>NamePartGroup"`
}

type versionDetail struct {
	TypeID string `xml:"DetailTypeID,attr"`
	RefID  string `xml:"DetailReferenceID,attr"`
	Text   string `xml:",chardata"`
}

type versionLocation struct {
	LocationID string `xml:"LocationID,attr"`
}

type featureVersion struct {
	ReliabilityID string            `xml:"ReliabilityID,attr"`
	Comment       string            `xml:"Comment"`
	Periods       []datePeriod      `xml:"DatePeriod"`
	Details       []versionDetail   `xml:"VersionDetail"`
	Locations     []versionLocation `xml:"VersionLocation"`
}

type feature struct {
	ID       string           `xml:"ID,attr"`
	TypeID   string           `xml:"FeatureTypeID,attr"`
	Versions []featureVersion `xml:"FeatureVersion"`
}

type profile struct {
	ID         string     `xml:"ID,attr"`
	SubTypeID  string     `xml:"PartySubTypeID,attr"`
	Identities []identity `xml:"Identity"`
	Features   []feature  `xml:"Feature"`
}

type distinctParty struct {
	FixedRef string    `xml:"FixedRef,attr"`
	Comment  string    `xml:"Comment"`
	Profiles []profile `xml:"Profile"`
}

type entryEvent struct {
	TypeID       string `xml:"EntryEventTypeID,attr"`
	LegalBasisID string `xml:"LegalBasisID,attr"`
	Comment      string `xml:"Comment"`
	Date         ymd    `xml:"Date"`
}

type sanctionsMeasure struct {
	TypeID  string `xml:"SanctionsTypeID,attr"`
	Comment string `xml:"Comment"`
}

type sanctionsEntry struct {
	ID        string             `xml:"ID,attr"`
	ProfileID string             `xml:"ProfileID,attr"`
	ListID    string             `xml:"ListID,attr"`
	Events    []entryEvent       `xml:"EntryEvent"`
	Measures  []sanctionsMeasure `xml:"SanctionsMeasure"`
}

type profileRelationship struct {
	FromID  string `xml:"From-ProfileID,attr"`
	ToID    string `xml:"To-ProfileID,attr"`
	TypeID  string `xml:"RelationTypeID,attr"`
	Former  string `xml:"Former,attr"`
	Comment string `xml:"Comment"`
}
