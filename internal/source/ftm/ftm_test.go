package ftm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/sharedtest"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	return sourcetest.ReadFile(t, filepath.Join("testdata", name))
}

func parseBytes(name string, data []byte, dataset string) ([]*entity.Entity, Stats, error) {
	return sourcetest.Parse(ParseStats, source.Input{Dataset: dataset, Files: []source.File{source.BytesFile(name, data)}})
}

func byID(es []*entity.Entity) map[string]*entity.Entity {
	m := map[string]*entity.Entity{}
	for _, e := range es {
		m[e.SourceID] = e
	}
	return m
}

func head(b []byte) []byte {
	if len(b) > source.SniffSize {
		return b[:source.SniffSize]
	}
	return b
}

func TestSniff(t *testing.T) {
	long := `{"id":"x","caption":"X","schema":"Person","properties":{"alias":[` +
		strings.Repeat(`"an alias",`, 1000) + `"last"]}}` + "\n"
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"entities.ftm.json", string(readFixture(t, "entities.ftm.json")), true},
		{"targets.nested.json", string(readFixture(t, "targets.nested.json")), true},
		{"first line longer than the head", long, true},
		{"leading blank lines", "\n\n  " + `{"schema":"Person","properties":{}}`, true},
		{"properties before schema, short", `{"id":"x","properties":{"name":["A"]},"schema":"Person"}`, true},
		{"senzing record", `{"DATA_SOURCE":"OPENSANCTIONS","RECORD_ID":"x","RECORD_TYPE":"PERSON","NAMES":[]}`, false},
		{"no properties", `{"id":"x","schema":"Person"}`, false},
		{"schema not a string", `{"schema":1,"properties":{}}`, false},
		{"json array", `[{"schema":"Person","properties":{}}]`, false},
		{"csv", "source,entity_number,type,programs,name\n", false},
		{"xml", `<?xml version="1.0"?><Sanctions/>`, false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Format.Sniff("f.json", head([]byte(tt.data))); got != tt.want {
				t.Errorf("Sniff = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSniffRealFiles(t *testing.T) {
	for _, rel := range []string{"opensanctions/us_congress_senzing.json", "us-csl/csl-2019-12-03.csv", "un/consolidated-2026-02-27.xml"} {
		b := sourcetest.ReadFile(t, sharedtest.File(t, rel))
		if Format.Sniff(filepath.Base(rel), head(b)) {
			t.Errorf("%s sniffed as FtM", rel)
		}
	}
}

func TestParseFlat(t *testing.T) {
	es, st, err := parseBytes("entities.ftm.json", readFixture(t, "entities.ftm.json"), "")
	if err != nil {
		t.Fatal(err)
	}
	wantSkipped := map[string]int{"Sanction": 2, "Address": 1, "Ownership": 1, "CryptoWallet": 1}
	if st.Entities != 5 || len(es) != 5 || st.Sanctions != 2 || !reflect.DeepEqual(st.Skipped, wantSkipped) {
		t.Fatalf("%d entities, stats %+v", len(es), st)
	}
	m := byID(es)
	p, c, v, a, le := m["NK-karim-haddad"], m["NK-northern-star"], m["NK-ocean-pearl"], m["NK-ep-xyz"], m["Q-legal-x"]
	tests := []struct {
		name      string
		got, want any
	}{
		{"id from first dataset", p.ID, "us_ofac_sdn:NK-karim-haddad"},
		{"schema", p.Schema, entity.Person},
		{"names", p.Names, []entity.Name{
			{Full: "Karim Yusuf HADDAD", Kind: entity.Primary, Script: "Latn", Parts: &entity.NameParts{Given: "Karim Yusuf", Family: "HADDAD"}},
			{Full: "كريم يوسف حداد", Kind: entity.Primary, Script: "Arab"},
			{Full: "Karim AL-HADDAD", Kind: entity.Alias, Script: "Latn"},
			{Full: "Karim Yusuf AL-BAGHDADI", Kind: entity.Former, Script: "Latn"},
			{Full: "Abu Yusuf", Kind: entity.WeakAlias, Script: "Latn"},
		}},
		{"birth dates", p.BirthDates, []entity.Date{{Value: "1971-05-03"}, {Value: "1968"}}},
		{"birth place", p.BirthPlaces, []string{"Baghdad, Iraq"}},
		{"nationality", p.Nationalities, []string{"IQ"}},
		{"citizenship", p.Citizenships, []string{"IQ"}},
		{"countries", p.Countries, []string{"IQ", "AE"}},
		{"gender", p.Gender, "male"},
		{"title", p.Titles, []string{"Dr."}},
		{"position", p.Positions, []string{"Director of Procurement"}},
		{"identifiers", p.Identifiers, []entity.Identifier{
			{Type: entity.IDNational, Number: "19710503-12"},
			{Type: entity.IDPassport, Number: "A1234567"},
			{Type: entity.IDTax, Number: "IQ-998877"},
		}},
		{"address", p.Addresses, []entity.Address{{Full: "Baghdad, Iraq"}}},
		{"notes", p.Remarks, []string{"Linked to NORTHERN STAR GENERAL TRADING L.L.C."}},
		{"programs from the Sanction line before it", p.Programs, []string{"SDGT", "US-SDGT"}},
		{"authority", p.Authority, "Office of Foreign Assets Control"},
		{"listed on", p.ListedOn, "2019-09-10"},
		{"provisions", p.Measures, []string{"Block"}},
		{"sanction reason kept", p.Properties["sanction_reason"], []string{"Executive Order 13224 (Terrorism)"}},
		{"unknown property kept", p.Properties["education"], []string{"University of Baghdad"}},
		{"entity reference kept", p.Properties["addressEntity"], []string{"addr-5f0c2d1e"}},
		{"topics", p.Properties["topics"], []string{"sanction"}},
		{"source url", p.Properties["sourceUrl"], []string{"https://sanctionssearch.ofac.treas.gov/Details.aspx?id=90001"}},
		{"datasets", p.Properties["datasets"], []string{"us_ofac_sdn", "gb_hmt_sanctions"}},
		{"referents", p.Properties["referents"], []string{"ofac-90001", "gb-hmt-13712"}},
		{"crawl times left out", p.Properties["first_seen"] == nil && p.Properties["last_seen"] == nil, true},

		{"company schema", c.Schema, entity.Organization},
		{"company ids", c.Identifiers, []entity.Identifier{
			{Type: entity.IDTax, Number: "7702070139", Note: "innCode"},
			{Type: entity.IDLEI, Number: "529900T8BM49AURSDO55"},
			{Type: entity.IDRegistration, Number: "CN-1029384"},
			{Type: entity.IDBIC, Number: "NSTRAEAD"},
		}},
		{"jurisdiction", c.Countries, []string{"AE"}},
		{"program property", c.Programs, []string{"IRAN-EO13846"}},
		{"incorporation date kept", c.Properties["incorporationDate"], []string{"2009"}},

		{"vessel", v.Vessel, &entity.VesselInfo{CallSign: "3FXY9", Type: "Crude Oil Tanker", GrossTonnage: "156880", Flag: "PA", BuildYear: "1999"}},
		{"vessel ids", v.Identifiers, []entity.Identifier{{Type: entity.IDIMO, Number: "9187629"}, {Type: entity.IDMMSI, Number: "352001234"}}},
		{"vessel programs from the Sanction line after it", v.Programs, []string{"IRAN"}},
		{"vessel listed from start date", v.ListedOn, "2020-01-23"},
		{"past flags kept", v.Properties["pastFlags"], []string{"ir"}},

		{"airplane", a.Schema, entity.Airplane},
		{"airplane registration", a.Identifiers, []entity.Identifier{{Type: entity.IDRegistration, Number: "EP-XYZ"}}},
		{"airplane serial kept", a.Properties["serialNumber"], []string{"21759"}},

		{"no dataset in record", le.ID, DefaultDataset + ":Q-legal-x"},
		{"legal entity", le.Schema, entity.LegalEntity},
		{"FtM country code", le.Countries, []string{"SU"}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", tt.name, tt.got, tt.want)
		}
	}
	line := strings.Split(string(readFixture(t, "entities.ftm.json")), "\n")[1]
	if string(p.Raw) != line {
		t.Errorf("raw is not the line:\n%s", p.Raw)
	}
}

func TestParseNested(t *testing.T) {
	es, st, err := parseBytes("targets.nested.json", readFixture(t, "targets.nested.json"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || st.Sanctions != 0 || len(st.Skipped) != 0 {
		t.Fatalf("%d entities, stats %+v", len(es), st)
	}
	p, c := es[0], es[1]
	tests := []struct {
		name      string
		got, want any
	}{
		{"address entity", p.Addresses, []entity.Address{{Full: "Baghdad, Iraq", City: "Baghdad", Country: "IQ"}}},
		{"identifications and wallet", p.Identifiers, []entity.Identifier{
			{Type: entity.IDCrypto, Number: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", Note: "XBT"},
			{Type: entity.IDPassport, Number: "A1234567", Country: "IQ", Note: "issued 2015-06-01; expires 2025-05-31"},
			{Type: entity.IDNational, Number: "19710503-12", Country: "IQ", Note: "National ID No."},
		}},
		{"nested sanction", p.Programs, []string{"SDGT"}},
		{"nested sanction authority", p.Authority, "Office of Foreign Assets Control"},
		{"nested listing date", p.ListedOn, "2019-09-10"},
		{"nested provisions", p.Measures, []string{"Block"}},
		{"relative", p.Properties["familyPerson"], []string{"Samir HADDAD (brother)"}},
		{"two authorities", c.Properties["sanction_authority"], []string{"Office of Foreign Assets Control", "Office of Financial Sanctions Implementation"}},
		{"programs of both", c.Programs, []string{"IRAN-EO13846", "Iran"}},
		{"earliest date", c.ListedOn, "2020-01-23"},
		{"ownership", c.Properties["ownershipAsset"], []string{"OCEAN PEARL (Owned or Controlled By)"}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", tt.name, tt.got, tt.want)
		}
	}
}

func TestDataset(t *testing.T) {
	es, _, err := parseBytes("e.json", readFixture(t, "entities.ftm.json"), "my_source")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Dataset != "my_source" || !strings.HasPrefix(e.ID, "my_source:") {
			t.Errorf("in.Dataset not honoured: %s", e.ID)
		}
	}
}

// The same entity with its properties in another order parses the same:
// nothing may depend on map order.
func TestDeterministic(t *testing.T) {
	a := `{"id":"x","schema":"Person","properties":{"name":["A B"],"alias":["C"],"passportNumber":["1"],"idNumber":["2"],"country":["de"],"address":["x st"],"website":["w"],"notes":["n"]}}`
	b := `{"properties":{"notes":["n"],"website":["w"],"address":["x st"],"country":["de"],"idNumber":["2"],"passportNumber":["1"],"alias":["C"],"name":["A B"]},"schema":"Person","id":"x"}`
	ea, _, err1 := parseBytes("a", []byte(a), "d")
	eb, _, err2 := parseBytes("b", []byte(b), "d")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	ea[0].Raw, eb[0].Raw = "", ""
	if !reflect.DeepEqual(ea[0], eb[0]) {
		t.Errorf("order matters:\n%+v\n%+v", ea[0], eb[0])
	}
}

func TestNameParts(t *testing.T) {
	tests := []struct {
		line  string
		names []entity.Name
		props entity.Properties
	}{
		{`{"id":"1","schema":"Person","properties":{"firstName":["Ivan"],"fatherName":["Petrovich"],"lastName":["Sidorov"]}}`,
			[]entity.Name{{Full: "Ivan Petrovich Sidorov", Kind: entity.Primary, Script: "Latn", Parts: &entity.NameParts{Given: "Ivan", Family: "Sidorov", Other: []string{"Petrovich"}}}},
			entity.Properties{"datasets": nil}},
		{`{"id":"2","schema":"Person","properties":{"name":["Ivan Sidorov"],"firstName":["Ivan","Iwan"],"lastName":["Sidorov"]}}`,
			[]entity.Name{{Full: "Ivan Sidorov", Kind: entity.Primary, Script: "Latn"}},
			entity.Properties{"firstName": {"Ivan", "Iwan"}, "lastName": {"Sidorov"}}},
	}
	for _, tt := range tests {
		es, _, err := parseBytes("f", []byte(tt.line), "d")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(es[0].Names, tt.names) {
			t.Errorf("names %#v", es[0].Names)
		}
		for k, v := range tt.props {
			if !reflect.DeepEqual(es[0].Properties[k], v) {
				t.Errorf("property %s = %v, want %v", k, es[0].Properties[k], v)
			}
		}
	}
}

func TestLinesAndQuirks(t *testing.T) {
	// A line far beyond the reader's buffer, CRLF ends, blank lines, a BOM.
	var big strings.Builder
	big.WriteString(`{"id":"big","schema":"Person","properties":{"notes":["` + strings.Repeat("long text ", 100000) + `"],"name":["Big"],"alias":[`)
	for i := range 1000 {
		fmt.Fprintf(&big, `"alias number %d",`, i)
	}
	big.WriteString(`"last"]}}`)
	data := "\ufeff\r\n" + `{"id":"a","schema":"Person","properties":{"name":["A"]}}` + "\r\n\r\n" + big.String() + "\r\n"
	es, _, err := parseBytes("f", []byte(data), "d")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || len(es[1].Names) != 1002 || es[0].Raw != `{"id":"a","schema":"Person","properties":{"name":["A"]}}` {
		t.Fatalf("%d entities", len(es))
	}
}

func TestErrors(t *testing.T) {
	ok := `{"id":"a","schema":"Person","properties":{"name":["A"]}}` + "\n"
	tests := []struct {
		name string
		data string
		line int
		msg  string
	}{
		{"invalid JSON", ok + `{"id":"b","schema":"Person","properties":{"name":["B"]}` + "\n", 2, "invalid JSON"},
		{"truncated last line", ok + ok + `{"id":"c","schema":"Per`, 3, "invalid JSON"},
		{"not an object", ok + `["a","b"]` + "\n", 2, "expected a JSON object"},
		{"no id", ok + "\n" + `{"schema":"Person","properties":{}}` + "\n", 3, "without \"id\""},
		{"no schema", `{"id":"x","properties":{}}`, 1, "without \"schema\""},
		{"value not a list", `{"id":"x","schema":"Person","properties":{"name":"A"}}`, 1, "not a FollowTheMoney entity"},
		{"list in a list", `{"id":"x","schema":"Person","properties":{"name":[["A"]]}}`, 1, "array"},
		{"bad UTF-8", ok + `{"id":"x","schema":"Person","properties":{"name":["Jos` + "\xe9" + `"]}}`, 2, "UTF-8"},
		{"bad line in the sanction pass", `{"id":"s","schema":"Sanction","properties":{"entity":["a"]` + "\n" + ok, 1, "invalid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseBytes("data/entities.ftm.json", []byte(tt.data), "")
			se := sourcetest.WantError(t, err)
			if se.File != "data/entities.ftm.json" || se.Line != tt.line || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("got %v; want line %d, message ~%q", se, tt.line, tt.msg)
			}
		})
	}
}

func TestEmitErrorAndCancel(t *testing.T) {
	in := source.Input{Files: []source.File{source.BytesFile("f", readFixture(t, "entities.ftm.json"))}}
	stop := errors.New("stop")
	if _, err := Format.Parse(context.Background(), in, func(*entity.Entity) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("emit error: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Format.Parse(ctx, in, func(*entity.Entity) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancel: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	// One seed per fixture line keeps seeds small: the fuzzer minimises
	// every input with new coverage, in time quadratic in its size.
	for _, name := range []string{"entities.ftm.json", "targets.nested.json"} {
		for line := range bytes.Lines(readFixture(f, name)) {
			f.Add(line)
		}
	}
	f.Add([]byte(`{"id":"s","schema":"Sanction","properties":{"entity":["p"],"program":["X"]}}` + "\n" + `{"id":"p","schema":"Person","properties":{"name":["P"]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		Format.Sniff("f.json", head(data))
		es, _, err := parseBytes("f.json", data, "")
		if err != nil {
			sourcetest.CheckError(t, err)
			return
		}
		for _, e := range es {
			if e.SourceID == "" || e.Dataset == "" {
				t.Fatalf("entity without id or dataset: %+v", e)
			}
		}
	})
}
