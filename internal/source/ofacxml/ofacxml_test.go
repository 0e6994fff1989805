package ofacxml

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
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

func parseBytes(name string, data []byte, dataset string) ([]*entity.Entity, source.Meta, error) {
	return sourcetest.Parse(Format.Parse, source.Input{Dataset: dataset, Files: []source.File{source.BytesFile(name, data)}})
}

func byID(es []*entity.Entity) map[string]*entity.Entity {
	m := map[string]*entity.Entity{}
	for _, e := range es {
		m[e.SourceID] = e
	}
	return m
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"sdn fixture", string(readFixture(t, "SDN_ADVANCED.XML")), true},
		{"cons fixture, UN namespace", string(readFixture(t, "CONS_ADVANCED.XML")), true},
		{"prefixed root", `<?xml version="1.0"?><s:Sanctions xmlns:s="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">`, true},
		{"no namespace", `<?xml version="1.0"?><Sanctions><DateOfIssue/>`, false},
		{"legacy sdn.xml", `<?xml version="1.0" standalone="yes"?><sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"><publshInformation>`, false},
		{"UN consolidated list", `<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2026-02-27">`, false},
		{"EU file", `<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-01-01">`, false},
		{"csv", "source,entity_number,type\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := []byte(tt.head)
			if len(head) > source.SniffSize {
				head = head[:source.SniffSize]
			}
			if got := Format.Sniff("x.xml", head); got != tt.want {
				t.Fatalf("Sniff = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSniffRealFilesRejected(t *testing.T) {
	for _, rel := range []string{"un/consolidated-2026-02-27.xml", "us-csl/csl-2019-12-03.csv", "ofac/2021-07-07/sdn.csv"} {
		b := sourcetest.ReadFile(t, sharedtest.File(t, rel))
		if len(b) > source.SniffSize {
			b = b[:source.SniffSize]
		}
		if Format.Sniff(filepath.Base(rel), b) {
			t.Errorf("%s: sniffed as OFAC advanced XML", rel)
		}
	}
}

func TestParseSDNFixture(t *testing.T) {
	es, meta, err := parseBytes("testdata/SDN_ADVANCED.XML", readFixture(t, "SDN_ADVANCED.XML"), "")
	if err != nil {
		t.Fatal(err)
	}
	if meta.Published != "2024-03-06" {
		t.Errorf("Published = %q", meta.Published)
	}
	if len(es) != 4 {
		t.Fatalf("got %d entities, want 4", len(es))
	}
	m := byID(es)
	for _, e := range es {
		if e.Dataset != "us_ofac_sdn" || e.ID != "us_ofac_sdn:"+e.SourceID || e.Authority != Authority {
			t.Errorf("%s: dataset %q, authority %q", e.ID, e.Dataset, e.Authority)
		}
	}

	person := m["90001"]
	tests := []struct {
		name      string
		got, want any
	}{
		{"person schema", person.Schema, entity.Person},
		{"person names", person.Names, []entity.Name{
			{Full: "Karim Yusuf HADDAD", Kind: entity.Primary, Script: "Latn", Parts: &entity.NameParts{Given: "Karim Yusuf", Family: "HADDAD"}},
			{Full: "كريم يوسف حداد", Kind: entity.Primary, Script: "Arab"},
			{Full: "Karim AL-HADDAD", Kind: entity.Alias, Script: "Latn", Parts: &entity.NameParts{Given: "Karim", Family: "AL-HADDAD"}},
			{Full: "ABU YUSUF", Kind: entity.WeakAlias, Script: "Latn"},
		}},
		{"caption", person.Caption(), "Karim Yusuf HADDAD"},
		{"birth dates (exact, circa range; the False one left out)", person.BirthDates, []entity.Date{
			{Value: "1971-05-03"}, {Value: "1968", Until: "1969", Circa: true},
		}},
		{"false birth date kept aside", person.Properties["Birthdate (reliability: False)"], []string{"1975"}},
		{"birth place", person.BirthPlaces, []string{"Baghdad, Iraq"}},
		{"nationality", person.Nationalities, []string{"IQ"}},
		{"gender", person.Gender, "male"},
		{"identifiers", person.Identifiers, []entity.Identifier{
			{Type: entity.IDPassport, Number: "A1234567", Country: "IQ", Note: "issue date 2015-06-01; expiration date 2025-05-31"},
			{Type: entity.IDCrypto, Number: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", Note: "XBT"},
		}},
		{"programs", person.Programs, []string{"SDGT"}},
		{"listed on", person.ListedOn, "2019-09-10"},
		{"measures", person.Measures, []string{"Block"}},
		{"legal basis", person.Properties["legal_basis"], []string{"Executive Order 13224 (Terrorism)"}},
		{"linked to", person.LinkedTo, []string{"NORTHERN STAR GENERAL TRADING L.L.C."}},
		{"relation type kept", person.Properties["Associate Of"], []string{"NORTHERN STAR GENERAL TRADING L.L.C."}},

		{"org schema", m["90002"].Schema, entity.Organization},
		{"org names", m["90002"].Names, []entity.Name{
			{Full: "NORTHERN STAR GENERAL TRADING L.L.C.", Kind: entity.Primary, Script: "Latn"},
			{Full: "STAR TRADING FZE", Kind: entity.Former, Script: "Latn"},
			{Full: "北极星贸易有限公司", Kind: entity.Alias, Script: "Hani"},
		}},
		{"org address", m["90002"].Addresses, []entity.Address{{
			Full:    "Office 1204, Al Moosa Tower 2, Sheikh Zayed Road, Dubai, 12345, United Arab Emirates",
			Street:  "Office 1204, Al Moosa Tower 2, Sheikh Zayed Road",
			City:    "Dubai",
			Postal:  "12345",
			Country: "AE",
		}}},
		{"org registration", m["90002"].Identifiers, []entity.Identifier{
			{Type: entity.IDRegistration, Number: "CN-1029384", Country: "AE", Note: "Registration ID; issued by Dubai Department of Economic Development"},
		}},
		{"org programs", m["90002"].Programs, []string{"IRAN-EO13846", "SDGT"}},
		{"org measures", m["90002"].Measures, []string{"Secondary sanctions risk: Section 1(b) of Executive Order 13846", "Block"}},
		{"org website", m["90002"].Properties["website"], []string{"www.northernstar-trading.example"}},
		{"org remark", m["90002"].Remarks, []string{"all offices worldwide"}},

		{"vessel schema", m["90003"].Schema, entity.Vessel},
		{"vessel IMO", m["90003"].Identifiers, []entity.Identifier{{Type: entity.IDIMO, Number: "9187629", Note: "Vessel Registration Identification"}}},
		{"vessel info", m["90003"].Vessel, &entity.VesselInfo{CallSign: "3FXY9", Type: "Crude Oil Tanker", GrossTonnage: "156880", Flag: "PA"}},
		{"vessel flag country", m["90003"].Countries, []string{"PA"}},
		{"vessel owner link", m["90003"].Properties["Owned or Controlled By"], []string{"NORTHERN STAR GENERAL TRADING L.L.C."}},

		{"aircraft schema", m["90004"].Schema, entity.Airplane},
		{"aircraft tail number", m["90004"].Identifiers, []entity.Identifier{{Type: entity.IDRegistration, Number: "EP-XYZ", Note: "Aircraft Tail Number"}}},
		{"aircraft model", m["90004"].Properties["Aircraft Model"], []string{"Boeing 747-200"}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", tt.name, tt.got, tt.want)
		}
	}
}

func TestParseConsFixture(t *testing.T) {
	es, meta, err := parseBytes("data/CONS_ADVANCED.XML", readFixture(t, "CONS_ADVANCED.XML"), "")
	if err != nil {
		t.Fatal(err)
	}
	if meta.Published != "2021-07-07" || len(es) != 1 {
		t.Fatalf("meta %+v, %d entities", meta, len(es))
	}
	e := es[0]
	if e.ID != "us_ofac_cons:17013" {
		t.Errorf("ID = %q, want the consolidated dataset from the file name", e.ID)
	}
	// The document section follows the parties in this file.
	want := []entity.Identifier{{Type: entity.IDTax, Number: "7702070139", Country: "RU", Note: "Tax ID No."}}
	if !reflect.DeepEqual(e.Identifiers, want) {
		t.Errorf("identifiers %#v", e.Identifiers)
	}
	if !reflect.DeepEqual(e.LinkedTo, []string{"OFAC profile 4697"}) {
		t.Errorf("linked to %v", e.LinkedTo)
	}
	if len(e.Names) != 2 || e.Names[1].Script != "Cyrl" {
		t.Errorf("names %#v", e.Names)
	}
	wantM := []string{"Executive Order 13662 Directive Determination: Subject to Directive 1", "13662 Sectoral Directive 1"}
	if !reflect.DeepEqual(e.Measures, wantM) {
		t.Errorf("measures %q", e.Measures)
	}
}

func TestDataset(t *testing.T) {
	for name, want := range map[string]string{
		"SDN_ADVANCED.XML":                "us_ofac_sdn",
		"/tmp/downloads/sdn_advanced.xml": "us_ofac_sdn",
		"CONS_ADVANCED.XML":               "us_ofac_cons",
		"lists/cons_advanced-2024.xml":    "us_ofac_cons",
	} {
		if got := DatasetForName(name); got != want {
			t.Errorf("DatasetForName(%q) = %q, want %q", name, got, want)
		}
	}
	es, _, err := parseBytes("CONS_ADVANCED.XML", readFixture(t, "CONS_ADVANCED.XML"), "my_list")
	if err != nil {
		t.Fatal(err)
	}
	if es[0].ID != "my_list:17013" {
		t.Errorf("in.Dataset not honoured: %q", es[0].ID)
	}
}

// Raw is the party's XML as published, and the same on every run.
func TestRaw(t *testing.T) {
	data := readFixture(t, "SDN_ADVANCED.XML")
	es, _, err := parseBytes("SDN_ADVANCED.XML", data, "")
	if err != nil {
		t.Fatal(err)
	}
	again, _, _ := parseBytes("SDN_ADVANCED.XML", data, "")
	for i, e := range es {
		raw := string(e.Raw)
		if !strings.HasPrefix(raw, `<DistinctParty FixedRef="`+e.SourceID+`">`) || !strings.HasSuffix(raw, "</DistinctParty>") {
			t.Errorf("%s: raw is not the element: %.60q ... %.30q", e.ID, raw, raw[max(0, len(raw)-30):])
		}
		if !bytes.Contains(data, []byte(raw)) {
			t.Errorf("%s: raw is not a verbatim slice of the file", e.ID)
		}
		var dp distinctParty
		if err := xml.Unmarshal([]byte(raw), &dp); err != nil || dp.FixedRef != e.SourceID {
			t.Errorf("%s: raw does not decode: %v", e.ID, err)
		}
		if !reflect.DeepEqual(e, again[i]) {
			t.Errorf("%s: second parse differs", e.ID)
		}
	}
}

func TestErrors(t *testing.T) {
	sdn := string(readFixture(t, "SDN_ADVANCED.XML"))
	cut := strings.Index(sdn, `<DistinctParty FixedRef="90002">`) + 300
	tests := []struct {
		name    string
		data    string
		line    int    // 0: any
		element string // substring of Error.Element
		msg     string // substring of Error.Msg
	}{
		{"truncated inside a party", sdn[:cut], 0, "Sanctions/DistinctParties/DistinctParty/Profile/Identity/Alias", `(in <DistinctParty FixedRef="90002">)`},
		{"truncated between sections", sdn[:strings.Index(sdn, "<Locations>")], 0, "Sanctions", "not closed"},
		{"wrong root", `<?xml version="1.0"?>` + "\n<sdnList/>", 2, "sdnList", "expected <Sanctions>"},
		{"empty file", "", 0, "", "no XML root"},
		{"not XML", "source,name\nx,y\n", 0, "", "no XML root"},
		{"latin-1 byte", strings.Replace(sdn, "Dubai", "D\xfcbai", 1), 0, "", "UTF-8"},
		{"missing FixedRef", strings.Replace(sdn, `<DistinctParty FixedRef="90003">`, `<DistinctParty>`, 1), 0, "Sanctions/DistinctParties/DistinctParty", "without FixedRef"},
		{"undefined party type", strings.Replace(sdn, `PartySubTypeID="2"`, `PartySubTypeID="77"`, 1), 0, `DistinctParties/DistinctParty FixedRef="90004"`, "PartySubTypeID"},
		{"duplicate party", strings.Replace(sdn, `<DistinctParty FixedRef="90003">`, `<DistinctParty FixedRef="90002">`, 1), 0, `FixedRef="90002"`, "duplicate"},
		{"mismatched tag", strings.Replace(sdn, "</Alias>", "</Alia>", 1), 0, "DistinctParty/Profile/Identity", "closed by </Alia>"},
		{"declared Latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?><Sanctions/>`, 1, "", "must be UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseBytes("in/SDN_ADVANCED.XML", []byte(tt.data), "")
			se := sourcetest.WantError(t, err)
			if se.File != "in/SDN_ADVANCED.XML" {
				t.Errorf("File = %q", se.File)
			}
			if tt.line > 0 && se.Line != tt.line {
				t.Errorf("Line = %d, want %d (%v)", se.Line, tt.line, se)
			}
			if tt.line == 0 && tt.data != "" && se.Line == 0 {
				t.Errorf("no line in %v", se)
			}
			if !strings.Contains(se.Element, tt.element) || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("got %v; want element ~%q, message ~%q", se, tt.element, tt.msg)
			}
		})
	}
}

func TestTruncatedNamesLine(t *testing.T) {
	sdn := string(readFixture(t, "SDN_ADVANCED.XML"))
	cut := strings.Index(sdn, "ABU YUSUF")
	_, _, err := parseBytes("f.xml", []byte(sdn[:cut]), "")
	se := sourcetest.WantError(t, err)
	if want := strings.Count(sdn[:cut], "\n") + 1; se.Line != want {
		t.Errorf("line %d, want %d (%v)", se.Line, want, se)
	}
}

func TestEmitErrorAndCancel(t *testing.T) {
	data := readFixture(t, "SDN_ADVANCED.XML")
	stop := errors.New("stop")
	in := source.Input{Files: []source.File{source.BytesFile("f.xml", data)}}
	_, err := Format.Parse(context.Background(), in, func(*entity.Entity) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("emit error not returned as is: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Format.Parse(ctx, in, func(*entity.Entity) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled parse returned %v", err)
	}
}

func TestDatePeriod(t *testing.T) {
	d := func(y, m, dd string) ymd { return ymd{y, m, dd} }
	period := func(a, b ymd, approx string) datePeriod {
		return datePeriod{Start: &dateBound{Approximate: approx, From: a, To: a}, End: &dateBound{From: b, To: b}}
	}
	tests := []struct {
		p    datePeriod
		want entity.Date
	}{
		{period(d("1985", "1", "7"), d("1985", "1", "7"), "false"), entity.Date{Value: "1985-01-07"}},
		{period(d("1965", "1", "1"), d("1965", "12", "31"), "false"), entity.Date{Value: "1965"}},
		{period(d("1960", "1", "1"), d("1962", "12", "31"), "false"), entity.Date{Value: "1960", Until: "1962"}},
		{period(d("1972", "2", "1"), d("1972", "2", "29"), "false"), entity.Date{Value: "1972-02"}},
		{period(d("1970", "", ""), d("1970", "", ""), "true"), entity.Date{Value: "1970", Circa: true}},
		{period(d("1970", "3", "4"), d("1971", "5", "6"), "false"), entity.Date{Value: "1970-03-04", Until: "1971-05-06"}},
	}
	for _, tt := range tests {
		got, ok := tt.p.date()
		if !ok || got != tt.want {
			t.Errorf("%+v: got %+v, want %+v", tt.p, got, tt.want)
		}
	}
	if _, ok := (datePeriod{}).date(); ok {
		t.Error("empty period accepted")
	}
}

func TestIDType(t *testing.T) {
	tests := []struct{ label, number, typ, num string }{
		{"Passport", "A1", entity.IDPassport, "A1"},
		{"Diplomatic Passport", "D1", entity.IDPassport, "D1"},
		{"Vessel Registration Identification", "IMO 9116412", entity.IDIMO, "9116412"},
		{"Tax ID No.", "5030056754", entity.IDTax, "5030056754"},
		{"NIT #", "811038291-3", entity.IDTax, "811038291-3"},
		{"RUC #", "1164157-1-574556", entity.IDTax, "1164157-1-574556"},
		{"R.F.C.", "X", entity.IDTax, "X"},
		{"Registration ID", "1137746390572", entity.IDRegistration, "1137746390572"},
		{"Matricula Mercantil No", "1978075", entity.IDRegistration, "1978075"},
		{"Government Gazette Number", "00044463", entity.IDRegistration, "00044463"},
		{"Company Number", "CHE-427.006.032", entity.IDRegistration, "CHE-427.006.032"},
		{"SWIFT/BIC", "RKBZCHZZ", entity.IDBIC, "RKBZCHZZ"},
		{"MMSI", "123456789", entity.IDMMSI, "123456789"},
		{"Legal Entity Number", "2534", entity.IDLEI, "2534"},
		{"National ID No.", "1", entity.IDNational, "1"},
		{"Cedula No.", "2", entity.IDNational, "2"},
		{"D.N.I.", "3", entity.IDNational, "3"},
		{"C.U.R.P.", "4", entity.IDNational, "4"},
		{"Driver's License No.", "5", "Driver's License No.", "5"},
		{"", "6", entity.IDOther, "6"},
	}
	for _, tt := range tests {
		typ, num := IDType(tt.label, tt.number)
		if typ != tt.typ || num != tt.num {
			t.Errorf("IDType(%q, %q) = %q, %q; want %q, %q", tt.label, tt.number, typ, num, tt.typ, tt.num)
		}
	}
}

func FuzzParse(f *testing.F) {
	// Compact fixtures rather than the full ones: the fuzzer minimises
	// every input that finds new coverage, and minimising a 30 KB input
	// takes the whole fuzzing time.
	for _, name := range []string{"seed_person.xml", "seed_org.xml", "seed_vessel.xml"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte(`<Sanctions xmlns="http://www.un.org/sanctions/1.0"><DistinctParties><DistinctParty FixedRef="1"><Profile ID="1" PartySubTypeID="4"/></DistinctParty></DistinctParties></Sanctions>`))
	f.Add([]byte(`<Sanctions><ReferenceValueSets><PartySubTypeValues><PartySubType ID="4" PartyTypeID="1">Unknown</PartySubType></PartySubTypeValues><PartyTypeValues><PartyType ID="1">Individual</PartyType></PartyTypeValues></ReferenceValueSets><DistinctParties><DistinctParty FixedRef="1"><Profile ID="1" PartySubTypeID="4"><Feature FeatureTypeID="8"><FeatureVersion><DatePeriod><Start><From><Year>1970</Year><Month>2</Month></From></Start></DatePeriod></FeatureVersion></Feature></Profile></DistinctParty></DistinctParties></Sanctions>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		Format.Sniff("f.xml", data[:min(len(data), source.SniffSize)])
		es, _, err := parseBytes("f.xml", data, "")
		if err != nil {
			sourcetest.CheckError(t, err)
			return
		}
		for _, e := range es {
			if e.SourceID == "" || e.Schema == "" {
				t.Fatalf("entity without id or schema: %+v", e)
			}
		}
	})
}
