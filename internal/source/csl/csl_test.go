package csl

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
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

func head(b []byte) []byte {
	if len(b) > source.SniffSize {
		return b[:source.SniffSize]
	}
	return b
}

func TestSniff(t *testing.T) {
	for _, name := range []string{"csl.csv", "csl_v1.csv", "csl_reordered.csv"} {
		if !Format.Sniff(name, head(readFixture(t, name))) {
			t.Errorf("%s not recognised", name)
		}
	}
	for _, tt := range []struct{ name, head string }{
		{"ofac legacy sdn.csv", `36,"EXAMPLE ISLAND AIRWAYS","-0-","CUBA","-0-","-0-"` + "\n"},
		{"customers", "id,name,schema,birth_date,country\n"},
		{"ftm", `{"id":"x","schema":"Person","properties":{}}` + "\n"},
		{"header without alt_names", "source,entity_number,type,programs,name,addresses,source_list_url\n"},
		{"empty", ""},
	} {
		if Format.Sniff("x.csv", []byte(tt.head)) {
			t.Errorf("%s sniffed as CSL", tt.name)
		}
	}
}

func TestSniffRealFiles(t *testing.T) {
	for rel, want := range map[string]bool{
		"us-csl/csl-2019-12-03.csv":              true,
		"ofac/2021-07-07/sdn.csv":                false,
		"customers-dev-20k.csv":                  false,
		"un/consolidated-2026-02-27.xml":         false,
		"opensanctions/us_congress_senzing.json": false,
	} {
		b := sourcetest.ReadFile(t, sharedtest.File(t, rel))
		if got := Format.Sniff(filepath.Base(rel), head(b)); got != want {
			t.Errorf("%s: Sniff = %v, want %v", rel, got, want)
		}
	}
}

func TestParseFixture(t *testing.T) {
	es, st, err := parseBytes("testdata/csl.csv", readFixture(t, "csl.csv"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 7 || st.Rows != 7 || st.Derived != 4 || st.Disambiguated != 1 {
		t.Fatalf("%d entities, stats %+v", len(es), st)
	}
	person, vessel, bank, el, dpl, dpl2, dtc := es[0], es[1], es[2], es[3], es[4], es[5], es[6]
	tests := []struct {
		name      string
		got, want any
	}{
		{"id from entity_number", person.ID, "us_trade_csl:90101"},
		{"person schema", person.Schema, entity.Person},
		{"names", person.Names, []entity.Name{
			{Full: "HADDAD, Karim Yusuf", Kind: entity.Primary, Script: "Latn"},
			{Full: "AL-HADDAD, Karim", Kind: entity.Alias, Script: "Latn"},
			{Full: "ABU YUSUF", Kind: entity.Alias, Script: "Latn"},
		}},
		{"programs", person.Programs, []string{"SDGT", "IRAN-EO13846"}},
		{"title", person.Positions, []string{"Director of Procurement"}},
		{"birth dates", person.BirthDates, []entity.Date{{Value: "1971-05-03"}, {Value: "1968", Until: "1969"}}},
		{"birth place", person.BirthPlaces, []string{"Baghdad, Iraq"}},
		{"nationality", person.Nationalities, []string{"IQ"}},
		{"citizenship", person.Citizenships, []string{"IQ"}},
		{"addresses", person.Addresses, []entity.Address{
			{Full: "Baghdad, IQ", Country: "IQ"},
			{Full: "Office 1204, Al Moosa Tower 2, Dubai, 12345, AE", Country: "AE"},
		}},
		{"ids", person.Identifiers, []entity.Identifier{
			{Type: entity.IDPassport, Number: "A1234567", Country: "IQ"},
			{Type: entity.IDCrypto, Number: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", Note: "XBT"},
		}},
		{"gender from ids", person.Gender, "male"},
		{"authority", person.Authority, "US Treasury OFAC"},
		{"list", person.Properties["list"], []string{"Specially Designated Nationals (SDN) - Treasury Department"}},
		{"linked to", person.LinkedTo, []string{"NORTHERN STAR GENERAL TRADING L.L.C."}},

		{"vessel schema", vessel.Schema, entity.Vessel},
		{"vessel info", vessel.Vessel, &entity.VesselInfo{CallSign: "3FXY9", Type: "Crude Oil Tanker", GrossTonnage: "156880", Flag: "PA"}},
		{"vessel IMO", vessel.Identifiers, []entity.Identifier{{Type: entity.IDIMO, Number: "9187629", Note: "Vessel Registration Identification"}}},
		{"former flag", vessel.Properties["Former Vessel Flag"], []string{"Iran"}},
		{"vessel measure", vessel.Measures, []string{"Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210"}},

		{"bank ids", bank.Identifiers, []entity.Identifier{
			{Type: entity.IDTax, Number: "7702070139", Note: "Tax ID No."},
			{Type: entity.IDRegistration, Number: "1027700167110", Note: "Registration ID"},
			{Type: entity.IDBIC, Number: "NBNKRUMM", Note: "SWIFT/BIC"},
		}},
		{"bank directive", bank.Measures, []string{"Executive Order 13662 Directive Determination: Subject to Directive 1"}},
		{"bank website", bank.Properties["website"], []string{"www.northernbank.example"}},
		{"bank email", bank.Properties["email"], []string{"info@northernbank.example"}},
		{"bank linked to", bank.LinkedTo, []string{"OPEN JOINT STOCK COMPANY GAZPROM"}},

		{"untyped row", el.Schema, entity.LegalEntity},
		{"derived id", strings.HasPrefix(el.SourceID, "h") && len(el.SourceID) == 17, true},
		{"EL authority", el.Authority, "US Commerce BIS"},
		{"EL listed on", el.ListedOn, "2018-09-04"},
		{"EL licence measures", el.Measures, []string{
			"License requirement: For all items subject to the EAR. (See §744.11 of the EAR)",
			"License policy: Presumption of denial.",
		}},
		{"EL bare country address", el.Addresses[1], entity.Address{Country: "CN"}},
		{"EL FR notice", el.Properties["federal_register_notice"], []string{"83 FR 44824"}},

		{"DPL name trimmed", dpl.Names[0].Full, "JOHN QUINCY EXAMPLE"},
		{"DPL end date", dpl.Properties["end_date"], []string{"2027-10-16"}},
		{"DPL standard order", dpl.Properties["standard_order"], []string{"Y"}},
		{"duplicate row disambiguated", dpl2.SourceID, dpl.SourceID + "-2"},

		{"State authority", dtc.Authority, "US State Department"},
		{"quoted newline kept", dtc.Properties["federal_register_notice"], []string{"80 FR 12345 (corrected)"}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", tt.name, tt.got, tt.want)
		}
	}
	if !strings.HasPrefix(string(person.Raw), "Specially Designated Nationals (SDN) - Treasury Department,90101,Individual,") {
		t.Errorf("raw %q", person.Raw)
	}
}

func TestNewerLayouts(t *testing.T) {
	es, st, err := parseBytes("csl_v1.csv", readFixture(t, "csl_v1.csv"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || st.Derived != 0 {
		t.Fatalf("%d entities, %+v", len(es), st)
	}
	if es[0].SourceID != "e5a9eff64cec4a74ed5e9e93c2d851dc2d9132d2" {
		t.Errorf("_id not used: %q", es[0].SourceID)
	}
	if got := es[1].Properties["entity_number"]; !reflect.DeepEqual(got, []string{"90101"}) {
		t.Errorf("entity_number kept as %v", got)
	}
	if got := es[1].Properties["export_date"]; !reflect.DeepEqual(got, []string{"2024-05-01"}) {
		t.Errorf("unknown column not kept: %v", es[1].Properties)
	}

	es, _, err = parseBytes("csl_reordered.csv", readFixture(t, "csl_reordered.csv"), "trade_csl_test")
	if err != nil {
		t.Fatal(err)
	}
	e := es[0]
	if e.ID != "trade_csl_test:90103" || e.Schema != entity.Vessel || e.Caption() != "OCEAN PEARL" ||
		!reflect.DeepEqual(e.Programs, []string{"IRAN"}) || e.Identifiers[0].Type != entity.IDIMO {
		t.Errorf("reordered columns misread: %+v", e)
	}
}

// The real extract: every row is an entity and ids are unique although
// 47 rows have neither id nor entity_number.
func TestRealFile(t *testing.T) {
	path := sharedtest.File(t, "us-csl/csl-2019-12-03.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := len(recs) - 1

	ids := map[string]bool{}
	schemas := map[entity.Schema]int{}
	st, err := ParseStats(context.Background(), source.Input{Files: []source.File{source.OSFile(path)}}, func(e *entity.Entity) error {
		if ids[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
		schemas[e.Schema]++
		if len(e.Names) == 0 || e.Authority == "" || e.Raw == "" {
			t.Errorf("%s: incomplete: %+v", e.ID, e)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != want || st.Rows != want || want != 115 {
		t.Errorf("%d entities, %d rows in the file (stats %+v)", len(ids), want, st)
	}
	t.Logf("%d rows, %d derived ids, %d disambiguated; schemas %v", st.Rows, st.Derived, st.Disambiguated, schemas)
}

func TestAddID(t *testing.T) {
	tests := []struct {
		item string
		want entity.Entity
	}{
		{"US, 80-0890696, Tax ID No.", entity.Entity{Identifiers: []entity.Identifier{{Type: entity.IDTax, Number: "80-0890696", Country: "US", Note: "Tax ID No."}}}},
		{"CO, 811038291-3, NIT #", entity.Entity{Identifiers: []entity.Identifier{{Type: entity.IDTax, Number: "811038291-3", Country: "CO", Note: "NIT #"}}}},
		{"01200175 (Bogota), Matricula Mercantil No", entity.Entity{Identifiers: []entity.Identifier{{Type: entity.IDRegistration, Number: "01200175 (Bogota)", Note: "Matricula Mercantil No"}}}},
		{"CH, CHE-427.006.032, Company Number", entity.Entity{Identifiers: []entity.Identifier{{Type: entity.IDRegistration, Number: "CHE-427.006.032", Country: "CH", Note: "Company Number"}}}},
		{"21795618, Passport", entity.Entity{Identifiers: []entity.Identifier{{Type: entity.IDPassport, Number: "21795618"}}}},
		{"Subject to Secondary Sanctions, Additional Sanctions Information -", entity.Entity{Measures: []string{"Additional Sanctions Information: Subject to Secondary Sanctions"}}},
		{"www.aictc.ir, Website", entity.Entity{Properties: entity.Properties{"website": {"www.aictc.ir"}}}},
		{"Panama, Former Vessel Flag", entity.Entity{Properties: entity.Properties{"Former Vessel Flag": {"Panama"}}}},
		{"Vessel Registration Identification", entity.Entity{Properties: entity.Properties{"ids": {"Vessel Registration Identification"}}}},
	}
	for _, tt := range tests {
		var e entity.Entity
		addID(&e, tt.item)
		if !reflect.DeepEqual(e, tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.item, e, tt.want)
		}
	}
}

func TestErrors(t *testing.T) {
	fixture := string(readFixture(t, "csl.csv"))
	header, _, _ := strings.Cut(fixture, "\n")
	tests := []struct {
		name string
		data string
		line int
		msg  string
	}{
		{"short row", header + "\nSDN,1,Entity,X,NAME\n", 2, "5 fields"},
		{"short row after quoted newline", fixture + "SDN,1,Entity\n", 10, "3 fields"},
		{"bare quote", header + "\n" + `SDN,1,Entity,X,NA"ME` + strings.Repeat(",", 23) + "\n", 2, "malformed CSV"},
		{"unterminated quote", header + "\n" + `SDN,1,Entity,X,"NAME`, 2, "malformed CSV"},
		{"no name column", "source,entity_number,type\nSDN,1,Entity\n", 1, `"name"`},
		{"duplicate column", "source,name,name\nSDN,A,B\n", 1, "twice"},
		{"empty file", "", 1, "empty file"},
		{"latin-1", header + "\nSDN,1,Entity,X,Jos\xe9" + strings.Repeat(",", 23) + "\n", 2, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseBytes("lists/csl.csv", []byte(tt.data), "")
			se := sourcetest.WantError(t, err)
			if se.File != "lists/csl.csv" || se.Line != tt.line || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("got %v; want line %d, message ~%q", se, tt.line, tt.msg)
			}
		})
	}
}

func TestQuirks(t *testing.T) {
	fixture := readFixture(t, "csl.csv")
	// A trailing end-of-file byte, CRLF line ends and a byte order mark.
	data := "\ufeff" + strings.ReplaceAll(string(fixture), "\n", "\r\n") + "\x1a"
	es, _, err := parseBytes("csl.csv", []byte(data), "")
	if err != nil {
		t.Fatal(err)
	}
	want, _, _ := parseBytes("csl.csv", fixture, "")
	if len(es) != len(want) {
		t.Fatalf("%d entities, want %d", len(es), len(want))
	}
	for i := range es {
		es[i].Raw, want[i].Raw = "", ""
		if !reflect.DeepEqual(es[i], want[i]) {
			t.Errorf("row %d differs:\n%+v\n%+v", i, es[i], want[i])
		}
	}
}

func TestEmitErrorAndCancel(t *testing.T) {
	in := source.Input{Files: []source.File{source.BytesFile("f.csv", readFixture(t, "csl.csv"))}}
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
	for _, name := range []string{"csl.csv", "csl_v1.csv", "csl_reordered.csv"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("source,name,ids,addresses\nSDN,A,\", X\",\",\"\n"))
	f.Add([]byte("name,source\n\x1a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Format.Sniff("f.csv", head(data))
		es, _, err := parseBytes("f.csv", data, "")
		if err != nil {
			sourcetest.CheckError(t, err)
			return
		}
		seen := map[string]bool{}
		for _, e := range es {
			if seen[e.ID] {
				t.Fatalf("duplicate id %s", e.ID)
			}
			seen[e.ID] = true
		}
	})
}
