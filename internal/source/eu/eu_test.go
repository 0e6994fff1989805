package eu

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

const fixture = "testdata/eu_fsf.xml"

func readFixture(t testing.TB) []byte {
	t.Helper()
	return sourcetest.ReadFile(t, fixture)
}

func parseBytes(name string, data []byte) ([]*entity.Entity, source.Meta, error) {
	return sourcetest.Parse(Format.Parse, source.Input{Files: []source.File{source.BytesFile(name, data)}})
}

func byID(t *testing.T, es []*entity.Entity) map[string]*entity.Entity {
	t.Helper()
	m := map[string]*entity.Entity{}
	for _, e := range es {
		if _, dup := m[e.SourceID]; dup {
			t.Fatalf("source id %s emitted twice", e.SourceID)
		}
		m[e.SourceID] = e
	}
	return m
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
	if want := []string{"900101", "900202", "900303", "900404"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids in order = %v, want %v", ids, want)
	}
	m := byID(t, es)

	tests := []struct {
		id    string
		field string
		got   func(e *entity.Entity) any
		want  any
	}{
		{"900101", "ID", func(e *entity.Entity) any { return e.ID }, "eu_fsf:900101"},
		{"900101", "Schema", func(e *entity.Entity) any { return e.Schema }, entity.Person},
		{"900101", "Names", func(e *entity.Entity) any { return e.Names }, []entity.Name{
			{Full: "Ivan Petrovich TESTOV", Kind: entity.Primary, Script: "Latn",
				Parts: &entity.NameParts{Title: "Dr", Given: "Ivan", Middle: "Petrovich", Family: "TESTOV"}},
			{Full: "Иван Петрович ТЕСТОВ", Kind: entity.Alias, Script: "Cyrl", Language: "ru"},
			{Full: "Vanya", Kind: entity.WeakAlias, Script: "Latn"},
		}},
		{"900101", "BirthDates", func(e *entity.Entity) any { return e.BirthDates }, []entity.Date{
			{Value: "1965-07-14"}, {Value: "1966", Circa: true}}},
		{"900101", "BirthPlaces", func(e *entity.Entity) any { return e.BirthPlaces }, []string{"Perm, RUSSIAN FEDERATION"}},
		{"900101", "Citizenships", func(e *entity.Entity) any { return e.Citizenships }, []string{"RU"}},
		{"900101", "Gender", func(e *entity.Entity) any { return e.Gender }, "male"},
		{"900101", "Titles", func(e *entity.Entity) any { return e.Titles }, []string{"Dr"}},
		{"900101", "Positions", func(e *entity.Entity) any { return e.Positions }, []string{"Chief executive officer of Example Holding"}},
		{"900101", "Programs", func(e *entity.Entity) any { return e.Programs }, []string{"RUS"}},
		{"900101", "Authority", func(e *entity.Entity) any { return e.Authority }, "European Union"},
		{"900101", "ListedOn", func(e *entity.Entity) any { return e.ListedOn }, "2022-03-09"},
		{"900101", "Addresses", func(e *entity.Entity) any { return e.Addresses }, []entity.Address{{
			Full: "Tverskaya street 1, Moscow, 125009, RUSSIAN FEDERATION", Street: "Tverskaya street 1",
			City: "Moscow", Postal: "125009", Country: "RU"}}},
		{"900101", "Identifiers", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{
			{Type: entity.IDPassport, Number: "720000001", Country: "RU",
				Note: "National passport; issued by Ministry of Internal Affairs; valid from 2015-01-20; valid to 2025-01-20; (passport)"},
			{Type: entity.IDTax, Number: "770000000001", Country: "RU", Note: "Tax identification number"},
		}},
		{"900101", "Remarks", func(e *entity.Entity) any { return e.Remarks }, []string{"Fictional test record."}},
		{"900101", "regulation", func(e *entity.Entity) any { return e.Properties["regulation"] }, []string{
			"2022/396 (OJ L80), amendment, council, programme RUS, published 2022-03-09, in force 2022-03-09"}},
		{"900101", "euReferenceNumber", func(e *entity.Entity) any { return e.Properties["euReferenceNumber"] }, []string{"EU.9901.11"}},

		{"900202", "Schema", func(e *entity.Entity) any { return e.Schema }, entity.Organization},
		{"900202", "ListedOn from earliest regulation", func(e *entity.Entity) any { return e.ListedOn }, "2012-03-24"},
		{"900202", "Programs", func(e *entity.Entity) any { return e.Programs }, []string{"IRN"}},
		{"900202", "Names", func(e *entity.Entity) any { return e.Names }, []entity.Name{
			{Full: "Example Shipping Lines Company", Kind: entity.Primary, Script: "Latn"},
			{Full: "Compagnie maritime d'exemple", Kind: entity.Alias, Script: "Latn", Language: "fr"},
		}},
		{"900202", "Identifiers", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{
			{Type: entity.IDIMO, Number: "9000001", Note: "IMO number; Vessel operated by the company"},
			{Type: entity.IDRegistration, Number: "10100000001", Country: "IR", Note: "Registration Number"},
			{Type: entity.IDBIC, Number: "EXMPIRTH", Country: "IR", Note: "SWIFT BIC"},
		}},
		{"900202", "Address with P.O. Box", func(e *entity.Entity) any { return e.Addresses[0].Street }, "No. 37, Example Avenue, P.O. Box 19395-1311"},
		{"900202", "Countries", func(e *entity.Entity) any { return e.Countries }, []string{"IR"}},
		{"900202", "phone", func(e *entity.Entity) any { return e.Properties["phone"] }, []string{"+98 21 0000 0000"}},
		{"900202", "email", func(e *entity.Entity) any { return e.Properties["email"] }, []string{"info@example-shipping.test"}},
		{"900202", "website", func(e *entity.Entity) any { return e.Properties["website"] }, []string{"www.example-shipping.test"}},
		{"900202", "regulations", func(e *entity.Entity) any { return len(e.Properties["regulation"]) }, 2},

		{"900303", "unscId", func(e *entity.Entity) any { return e.Properties["unscId"] }, []string{"QDi.999"}},
		{"900303", "Arabic alias", func(e *entity.Entity) any { return e.Names[1] }, entity.Name{Full: "أبو مثال", Kind: entity.Alias, Script: "Arab", Language: "ar"}},
		{"900303", "weak alias", func(e *entity.Entity) any { return e.Names[2].Kind }, entity.WeakAlias},
		{"900303", "BirthDates: range and month", func(e *entity.Entity) any { return e.BirthDates }, []entity.Date{
			{Value: "1973", Until: "1975"}, {Value: "1974-03"}}},
		{"900303", "unknown citizenship dropped", func(e *entity.Entity) any { return e.Citizenships }, []string(nil)},
		{"900303", "national id", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{
			{Type: entity.IDNational, Number: "N 0000012", Country: "SY",
				Note: "National identification card; issued 2008-02-01; name on document: Abu Ekzampel; known expired"}}},
		{"900303", "unknown element kept", func(e *entity.Entity) any { return e.Properties["futureField"] }, []string{"code=X1 kept as a property"}},
		{"900303", "ListedOn", func(e *entity.Entity) any { return e.ListedOn }, "2019-05-10"},

		{"900404", "Belarusian alias", func(e *entity.Entity) any { return e.Names[1] }, entity.Name{Full: "ААТ Прыкладны завод", Kind: entity.Alias, Script: "Cyrl", Language: "be"}},
		{"900404", "address remark", func(e *entity.Entity) any { return e.Remarks }, []string{"Registered office"}},
		{"900404", "city-only address", func(e *entity.Entity) any { return e.Addresses }, []entity.Address{{Full: "Minsk, BELARUS", City: "Minsk", Country: "BY"}}},
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

// TestRaw checks that Raw is the record as published, and that the parse
// does not depend on how the reader splits the input.
func TestRaw(t *testing.T) {
	data := readFixture(t)
	want, _, err := parseBytes(fixture, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range want {
		raw := string(e.Raw)
		if !strings.HasPrefix(raw, "<sanctionEntity ") || !strings.HasSuffix(raw, "</sanctionEntity>") {
			t.Errorf("%s: raw is not the element: %.60q...", e.ID, raw)
		}
		if !bytes.Contains(data, []byte(raw)) {
			t.Errorf("%s: raw is not a verbatim slice of the file", e.ID)
		}
		if !strings.Contains(raw, `logicalId="`+e.SourceID+`"`) {
			t.Errorf("%s: raw belongs to another record", e.ID)
		}
	}
	sourcetest.CheckShortReads(t, Format, fixture, data, want)
}

func TestErrors(t *testing.T) {
	data := string(readFixture(t))
	lineOf := func(s, sub string) int {
		i := strings.Index(s, sub)
		if i < 0 {
			t.Fatalf("fixture lacks %q", sub)
		}
		return strings.Count(s[:i], "\n") + 1
	}
	// Cut inside the second record's first nameAlias start tag's element.
	cut := strings.Index(data, `wholeName="Example Shipping Lines Company"`)
	truncated := data[:cut+len(`wholeName="Example Shipping Lines Company" function="" title="" nameLanguage="" strong="true" regulationLanguage="en" logicalId="920004">`)]
	badUTF8 := strings.Replace(data, "Perm", "P\xe9rm", 1)
	mismatched := strings.Replace(data, "</nameAlias>", "</nameAliasX>", 1)

	tests := []struct {
		name, in string
		line     int
		element  string // substring of the element path; "" to skip
		msg      string // substring of the message
	}{
		{"truncated", truncated, lineOf(data, `logicalId="920004"`), "export/sanctionEntity/nameAlias", "not closed"},
		{"truncated between records", data[:strings.Index(data, `<sanctionEntity designationDetails="" unitedNationId="QDi.999"`)], 0, "export", "not closed"},
		{"not UTF-8", badUTF8, lineOf(data, "Perm"), "", "UTF-8"},
		{"mismatched tag", mismatched, lineOf(data, "</nameAlias>"), "sanctionEntity", "nameAliasX"},
		{"wrong root", `<?xml version="1.0"?><Designations><Designation/></Designations>`, 1, "Designations", "expected <export>"},
		{"empty", "", 1, "", "empty"},
		{"no logicalId", `<export xmlns="` + namespace + `">` + "\n" + `<sanctionEntity><subjectType code="person"/></sanctionEntity></export>`, 2, "export/sanctionEntity", "logicalId"},
		{"second root", `<export></export><export></export>`, 1, "export", "second root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseBytes("lists/eu.xml", []byte(tt.in))
			sourcetest.WantErrorAt(t, err, "lists/eu.xml", tt.line, tt.element, tt.msg)
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
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Format.Parse(ctx, source.Input{Files: []source.File{f}}, func(*entity.Entity) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: got %v", err)
	}
}

func TestDatasetOverride(t *testing.T) {
	f := source.BytesFile(fixture, readFixture(t))
	var got []string
	_, err := Format.Parse(context.Background(), source.Input{Dataset: "eu_custom", Files: []source.File{f}}, func(e *entity.Entity) error {
		got = append(got, e.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != "eu_custom:900101" {
		t.Errorf("ID = %s", got[0])
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
		{"prefixed root", `<?xml version="1.0"?><fsd:export xmlns:fsd="http://eu.europa.ec/fpi/fsd/export">`, true},
		{"UK list", `<?xml version="1.0" encoding="utf-8"?><Designations><DateGenerated>01/01/2026</DateGenerated>`, false},
		{"UN list", `<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-01">`, false},
		{"other export", `<?xml version="1.0"?><export xmlns="urn:other">`, false},
		{"csv", "Last Updated,01/01/2026\nName 6,Name 1\n", false},
	}
	for _, tt := range tests {
		if got := Format.Sniff("x.xml", []byte(tt.head)); got != tt.want {
			t.Errorf("%s: Sniff = %v, want %v", tt.name, got, tt.want)
		}
	}
}
