package gbfcdo

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

const fixture = "testdata/UK-Sanctions-List.xml"

func readFixture(t testing.TB) []byte {
	t.Helper()
	return sourcetest.ReadFile(t, fixture)
}

func parseBytes(name string, data []byte) ([]*entity.Entity, source.Meta, error) {
	return sourcetest.Parse(Format.Parse, source.Input{Files: []source.File{source.BytesFile(name, data)}})
}

type check struct {
	id    string
	field string
	got   func(e *entity.Entity) any
	want  any
}

func runChecks(t *testing.T, es []*entity.Entity, tests []check) {
	t.Helper()
	m := map[string]*entity.Entity{}
	for _, e := range es {
		if _, dup := m[e.SourceID]; dup {
			t.Fatalf("source id %s emitted twice", e.SourceID)
		}
		m[e.SourceID] = e
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.field, func(t *testing.T) {
			e, ok := m[tt.id]
			if !ok {
				t.Fatalf("entity %s not emitted", tt.id)
			}
			if got := tt.got(e); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestParseFixture(t *testing.T) {
	es, meta, err := parseBytes(fixture, readFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if meta.Published != "2026-03-02" {
		t.Errorf("Published = %q, want 2026-03-02", meta.Published)
	}
	var ids []string
	for _, e := range es {
		ids = append(ids, e.SourceID)
	}
	if want := []string{"RUS9901", "AFG9902", "DPR9903", "GHR9904"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids in order = %v, want %v", ids, want)
	}
	runChecks(t, es, []check{
		{"RUS9901", "ID", func(e *entity.Entity) any { return e.ID }, "gb_fcdo_sanctions:RUS9901"},
		{"RUS9901", "Schema", func(e *entity.Entity) any { return e.Schema }, entity.Person},
		{"RUS9901", "Names", func(e *entity.Entity) any { return e.Names }, []entity.Name{
			{Full: "Ivan Petrovich TESTOV", Kind: entity.Primary, Script: "Latn", Parts: &entity.NameParts{
				Given: "Ivan", Middle: "Petrovich", Family: "TESTOV", Other: []string{"Ivan", "Petrovich", "TESTOV"}}},
			{Full: "Ivan Petrovitch TESTOFF", Kind: entity.Alias, Script: "Latn", Parts: &entity.NameParts{
				Given: "Ivan", Middle: "Petrovitch", Family: "TESTOFF", Other: []string{"Ivan", "Petrovitch", "TESTOFF"}}},
			{Full: "Vanya", Kind: entity.WeakAlias, Script: "Latn"},
			{Full: "Ioann TESTOV", Kind: entity.Alias, Script: "Latn", Parts: &entity.NameParts{
				Given: "Ioann", Family: "TESTOV", Other: []string{"Ioann", "TESTOV"}}},
			{Full: "Иван Петрович ТЕСТОВ", Kind: entity.Alias, Script: "Cyrl", Language: "ru"},
		}},
		{"RUS9901", "BirthDates dd/mm and 00 parts", func(e *entity.Entity) any { return e.BirthDates }, []entity.Date{
			{Value: "1965-07-14"}, {Value: "1966"}, {Value: "1967-05"}}},
		{"RUS9901", "BirthPlaces", func(e *entity.Entity) any { return e.BirthPlaces }, []string{"Perm, Russia"}},
		{"RUS9901", "Nationalities", func(e *entity.Entity) any { return e.Nationalities }, []string{"RU", "CY"}},
		{"RUS9901", "Identifiers", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{
			{Type: entity.IDPassport, Number: "720000001", Note: "Russian passport, valid until 20/01/2025"},
			{Type: entity.IDPassport, Number: "K00000099"},
			{Type: entity.IDNational, Number: "770000000001", Note: "Russian tax number (INN)"},
		}},
		{"RUS9901", "Gender", func(e *entity.Entity) any { return e.Gender }, "male"},
		{"RUS9901", "Titles", func(e *entity.Entity) any { return e.Titles }, []string{"Dr"}},
		{"RUS9901", "Positions", func(e *entity.Entity) any { return e.Positions }, []string{"Chief executive officer of Example Holding"}},
		{"RUS9901", "Programs", func(e *entity.Entity) any { return e.Programs }, []string{"The Russia (Sanctions) (EU Exit) Regulations 2019"}},
		{"RUS9901", "Measures", func(e *entity.Entity) any { return e.Measures }, []string{"Asset freeze", "Travel Ban", "Trust services sanctions"}},
		{"RUS9901", "Authority", func(e *entity.Entity) any { return e.Authority }, "UK FCDO"},
		{"RUS9901", "ListedOn", func(e *entity.Entity) any { return e.ListedOn }, "2022-03-15"},
		{"RUS9901", "Remarks", func(e *entity.Entity) any { return e.Remarks }, []string{"Fictional test record."}},
		{"RUS9901", "Addresses", func(e *entity.Entity) any { return e.Addresses }, []entity.Address{
			{Full: "Tverskaya street 1, Moscow, 125009, Russia", Postal: "125009", Country: "RU"}}},
		{"RUS9901", "Properties", func(e *entity.Entity) any { return e.Properties }, entity.Properties{
			"designationSource": {"UK"},
			"modifiedAt":        {"2025-04-14"},
			"ofsiGroupId":       {"99001"},
			"reason":            {"Involved in obtaining a benefit from the Government of Russia (fictional)."},
		}},
		{"RUS9901", "no vessel info", func(e *entity.Entity) any { return e.Vessel }, (*entity.VesselInfo)(nil)},

		{"AFG9902", "Schema", func(e *entity.Entity) any { return e.Schema }, entity.Organization},
		{"AFG9902", "Persian name", func(e *entity.Entity) any { return e.Names[2] }, entity.Name{Full: "صرافی مثال", Kind: entity.Alias, Script: "Arab", Language: "fa"}},
		{"AFG9902", "Countries", func(e *entity.Entity) any { return e.Countries }, []string{"AF", "PK"}},
		{"AFG9902", "two addresses", func(e *entity.Entity) any { return len(e.Addresses) }, 2},
		{"AFG9902", "registration", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{{Type: entity.IDRegistration, Number: "BR-0000-99"}}},
		{"AFG9902", "unscId", func(e *entity.Entity) any { return e.Properties["unscId"] }, []string{"TAe.999"}},
		{"AFG9902", "contacts", func(e *entity.Entity) any {
			return [][]string{e.Properties["phone"], e.Properties["email"], e.Properties["website"]}
		}, [][]string{{"+93-000-000000"}, {"exchange@example.test"}, {"www.example-exchange.test"}}},
		{"AFG9902", "entity details", func(e *entity.Entity) any {
			return [][]string{e.Properties["legalForm"], e.Properties["parent"], e.Properties["subsidiaries"]}
		}, [][]string{{"Money service business"}, {"Example Holding"}, {"Example Exchange Kandahar Branch"}}},

		{"DPR9903", "Schema", func(e *entity.Entity) any { return e.Schema }, entity.Vessel},
		{"DPR9903", "Vessel", func(e *entity.Entity) any { return e.Vessel }, &entity.VesselInfo{
			Type: "Oil tanker", Tonnage: "7078", Flag: "KM", Owner: "Example Shipping Co Ltd", BuildYear: "2001"}},
		{"DPR9903", "IMO without prefix", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{
			{Type: entity.IDIMO, Number: "9000001"}, {Type: "hull_identification_number", Number: "HIN-000-1"}}},
		{"DPR9903", "flag country", func(e *entity.Entity) any { return e.Countries }, []string{"KM"}},
		{"DPR9903", "ship properties", func(e *entity.Entity) any {
			return [][]string{e.Properties["pastFlags"], e.Properties["previousOwner"], e.Properties["length"]}
		}, [][]string{{"Panama"}, {"Old Example Lines"}, {"120"}}},
		{"DPR9903", "unmarked alias is strong", func(e *entity.Entity) any { return e.Names[1].Kind }, entity.Alias},

		{"GHR9904", "year-only and unreadable DOB", func(e *entity.Entity) any { return e.BirthDates }, []entity.Date{
			{Value: "1964"}, {Text: "15/08/19yy"}}},
		{"GHR9904", "multi-part name", func(e *entity.Entity) any { return e.Names[0].Full }, "Example bin Sample AL-TESTI"},
		{"GHR9904", "unknown element kept", func(e *entity.Entity) any { return e.Properties["ProscribedOrganisation"] }, []string{"Example Front"}},
		{"GHR9904", "no OFSI group", func(e *entity.Entity) any { return e.Properties["ofsiGroupId"] }, []string(nil)},
	})
}

// TestVariants feeds shapes the list has used or may use: flat passport
// lists, titles outside IndividualDetails, a whole-name leaf, a missing
// IndividualEntityShip and no NameType at all.
func TestVariants(t *testing.T) {
	in := `<?xml version="1.0" encoding="utf-8"?>
<Designations>
  <Designation>
    <UniqueID> CYB0001 </UniqueID>
    <Names><Name><Name>Example Cyber Unit</Name></Name></Names>
    <IndividualEntityShip>Unit</IndividualEntityShip>
    <EntityDetails><Entity><TypeOfEntity>Military unit</TypeOfEntity></Entity></EntityDetails>
  </Designation>
  <Designation>
    <UniqueID>IRQ0002</UniqueID>
    <Title>Sheikh</Title>
    <Names><Name><Name1>Ali</Name1><Name6>EXAMPLE</Name6><NameType>Primary Name</NameType></Name></Names>
    <IndividualEntityShip>Individual</IndividualEntityShip>
    <IndividualDetails><Individual>
      <PassportNumbers><PassportNumber>A1</PassportNumber><PassportNumber>B2</PassportNumber></PassportNumbers>
      <DOB>'00/00/1975</DOB>
    </Individual></IndividualDetails>
  </Designation>
</Designations>`
	es, meta, err := parseBytes("v.xml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if meta.Published != "" {
		t.Errorf("Published = %q without DateGenerated", meta.Published)
	}
	runChecks(t, es, []check{
		{"CYB0001", "schema inferred", func(e *entity.Entity) any { return e.Schema }, entity.Organization},
		{"CYB0001", "whole name, made primary", func(e *entity.Entity) any { return e.Names }, []entity.Name{
			{Full: "Example Cyber Unit", Kind: entity.Primary, Script: "Latn"}}},
		{"CYB0001", "unknown type kept", func(e *entity.Entity) any { return e.Properties["IndividualEntityShip"] }, []string{"Unit"}},
		{"CYB0001", "ID trimmed", func(e *entity.Entity) any { return e.ID }, "gb_fcdo_sanctions:CYB0001"},
		{"IRQ0002", "Titles", func(e *entity.Entity) any { return e.Titles }, []string{"Sheikh"}},
		{"IRQ0002", "passports", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{
			{Type: entity.IDPassport, Number: "A1"}, {Type: entity.IDPassport, Number: "B2"}}},
		{"IRQ0002", "quoted DOB", func(e *entity.Entity) any { return e.BirthDates }, []entity.Date{{Value: "1975"}}},
	})
}

func TestRaw(t *testing.T) {
	data := readFixture(t)
	want, _, err := parseBytes(fixture, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range want {
		raw := string(e.Raw)
		if !strings.HasPrefix(raw, "<Designation>") || !strings.HasSuffix(raw, "</Designation>") {
			t.Errorf("%s: raw is not the element: %.60q...", e.ID, raw)
		}
		if !bytes.Contains(data, []byte(raw)) {
			t.Errorf("%s: raw is not a verbatim slice of the file", e.ID)
		}
		if !strings.Contains(raw, "<UniqueID>"+e.SourceID+"</UniqueID>") {
			t.Errorf("%s: raw belongs to another record", e.ID)
		}
	}
	sourcetest.CheckShortReads(t, Format, fixture, data, want)
}

func TestErrors(t *testing.T) {
	data := string(readFixture(t))
	lineOf := func(sub string) int {
		i := strings.Index(data, sub)
		if i < 0 {
			t.Fatalf("fixture lacks %q", sub)
		}
		return strings.Count(data[:i], "\n") + 1
	}
	truncated := data[:strings.Index(data, "<PassportNumber>720000001")+len("<PassportNumber>720")]

	tests := []struct {
		name, in string
		line     int
		element  string
		msg      string
	}{
		{"truncated", truncated, lineOf("<PassportNumber>720000001"),
			"Designations/Designation/IndividualDetails/Individual/PassportDetails/Passport/PassportNumber", "not closed"},
		{"truncated between records", data[:strings.Index(data, "<UniqueID>DPR9903")-len("<Designation>\n    <LastUpdated>18/12/2023</LastUpdated>\n    <DateDesignated>03/10/2017</DateDesignated>\n    ")], 0, "Designations", "not closed"},
		{"not UTF-8", strings.Replace(data, "Perm", "P\xe9rm", 1), lineOf("Perm"), "", "UTF-8"},
		{"mismatched tag", strings.Replace(data, "</Name6>", "</Name7>", 1), lineOf("</Name6>"), "Designation", "Name7"},
		{"bad entity", strings.Replace(data, "Example Holding", "Example &Holding", 1), lineOf("Example Holding"), "Designation", "entity"},
		{"wrong root", `<?xml version="1.0"?>` + "\n" + `<ArrayOfFinancialSanctionsTarget/>`, 2, "ArrayOfFinancialSanctionsTarget", "expected <Designations>"},
		{"empty", "", 1, "", "empty"},
		{"no UniqueID", "<Designations>\n<Designation><Names/></Designation></Designations>", 2, "Designations/Designation", "UniqueID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseBytes("lists/uk.xml", []byte(tt.in))
			sourcetest.WantErrorAt(t, err, "lists/uk.xml", tt.line, tt.element, tt.msg)
		})
	}
}

func TestEmitErrorPassesThrough(t *testing.T) {
	stop := errors.New("stop")
	f := source.BytesFile(fixture, readFixture(t))
	_, err := Format.Parse(context.Background(), source.Input{Files: []source.File{f}}, func(*entity.Entity) error { return stop })
	if err != stop {
		t.Fatalf("got %v, want the emit error itself", err)
	}
}

func TestSniff(t *testing.T) {
	head := readFixture(t)
	if len(head) > source.SniffSize {
		head = head[:source.SniffSize]
	}
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"fixture", string(head), true},
		{"with BOM", "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<Designations>", true},
		{"EU list", `<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export">`, false},
		{"OFSI XML", `<?xml version="1.0"?><ArrayOfFinancialSanctionsTarget>`, false},
		{"FCDO CSV", "Report Date: 13-Feb-2026\nLast Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6\n", false},
		{"text mentioning it", "notes about <Designations> in XML", false},
	}
	for _, tt := range tests {
		if got := Format.Sniff("x", []byte(tt.head)); got != tt.want {
			t.Errorf("%s: Sniff = %v, want %v", tt.name, got, tt.want)
		}
	}
}
