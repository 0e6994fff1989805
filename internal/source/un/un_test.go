package un

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

const fixture = "testdata/consolidated.xml"

func readFixture(t testing.TB) []byte {
	t.Helper()
	return sourcetest.ReadFile(t, fixture)
}

// parseBytes runs the parser over an in-memory file.
func parseBytes(name string, data []byte) ([]*entity.Entity, source.Meta, error) {
	return sourcetest.Parse(Format.Parse, source.Input{Files: []source.File{source.BytesFile(name, data)}})
}

func byID(t *testing.T, list []*entity.Entity, id string) *entity.Entity {
	t.Helper()
	for _, e := range list {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("entity %s not emitted", id)
	return nil
}

// names returns the names of one kind, in order.
func names(e *entity.Entity, kind entity.NameKind) []string {
	var out []string
	for _, n := range e.Names {
		if n.Kind == kind {
			out = append(out, n.Full)
		}
	}
	return out
}

func nameScript(e *entity.Entity, full string) string {
	for _, n := range e.Names {
		if n.Full == full {
			return n.Script
		}
	}
	return "<missing>"
}

func TestParseFixture(t *testing.T) {
	list, meta, err := parseBytes(fixture, readFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if meta.Published != "2025-06-30" {
		t.Errorf("Published = %q, want 2025-06-30", meta.Published)
	}
	if len(list) != 3 {
		t.Fatalf("got %d entities, want 3", len(list))
	}
	ahmad := byID(t, list, "un_sc_sanctions:QDi.901")
	ivan := byID(t, list, "un_sc_sanctions:QDi.902")
	org := byID(t, list, "un_sc_sanctions:KPe.901")

	tests := []struct {
		name string
		got  any
		want any
	}{
		{"source id trimmed", ahmad.SourceID, "QDi.901"},
		{"dataset", ahmad.Dataset, "un_sc_sanctions"},
		{"person schema", ahmad.Schema, entity.Person},
		{"entity schema", org.Schema, entity.Organization},
		{"primary joins four parts", names(ahmad, entity.Primary), []string{"AHMAD MUHAMMAD SALIH AL-IKHTIBAR"}},
		{"name parts", *ahmad.Names[0].Parts, entity.NameParts{
			Given: "AHMAD", Middle: "MUHAMMAD SALIH", Family: "AL-IKHTIBAR",
			Other: []string{"AHMAD", "MUHAMMAD", "SALIH", "AL-IKHTIBAR"},
		}},
		{"organization has no person parts", org.Names[0].Parts, (*entity.NameParts)(nil)},
		{"arabic original script", nameScript(ahmad, "أحمد محمد صالح الاختبار"), "Arab"},
		{"cyrillic original script", nameScript(ivan, "Иван Тестов"), "Cyrl"},
		{"han original script", nameScript(org, "测试贸易有限公司"), "Hani"},
		{"good aliases, ';' list split", names(ahmad, entity.Alias), []string{
			"أحمد محمد صالح الاختبار", "Ahmad Salih", "Ahmed Saleh", "Ahmad Saleh", "Ahmad al-Test",
		}},
		{"low aliases are weak, bracketed list split", names(ahmad, entity.WeakAlias), []string{
			"Abu Test", "أبو الاختبار", "Abu al-Ikhtibar", "Abu Ikhtibar",
		}},
		{"original script tag inside alias", names(ivan, entity.WeakAlias), []string{"Vanya", "Ваня"}},
		{"enumerator inside ';' list", names(ivan, entity.Alias), []string{"Иван Тестов", "Ivan Testov", "Iwan Testow", "I. Testoff"}},
		{"entity a.k.a.", names(org, entity.Alias), []string{
			"测试贸易有限公司", "TTC Ltd.", "Test Front (TF)", "جبهة الاختبار", "Test Front", "Front for Testing", "General Test Bureau (GTB)",
		}},
		{"entity f.k.a.", names(org, entity.Former), []string{"Old Test Trading"}},
		{"alias facts", []any{ahmad.Properties["aliasBirthDate"], ahmad.Properties["aliasBirthPlace"], ahmad.Properties["aliasNote"]}, []any{
			[]string{"Ahmad al-Test: 1970-02-05"}, []string{"Ahmad al-Test: Mosul, Iraq"}, []string{"Ahmad al-Test: on a false passport"},
		}},
		{"entity alias note", org.Properties["aliasNote"], []string{"Old Test Trading: formerly listed as"}},
		{"birth dates of every type", ahmad.BirthDates, []entity.Date{
			{Value: "1970-02-05"},
			{Value: "1971"},
			{Value: "1968", Circa: true},
			{Value: "1960", Until: "1962", Circa: true},
			{Value: "1973-11"},
			{Text: "24/06/1402 (Hijri Calendar)"},
		}},
		{"birth date notes", ahmad.Properties["birthDateNote"], []string{
			"1970-02-05: from false passport", "1960 to 1962: Approximately",
		}},
		{"between without note", ivan.BirthDates, []entity.Date{{Value: "1980", Until: "1985"}}},
		{"birth places", ahmad.BirthPlaces, []string{"Mosul, Iraq", "Tall Afar, Ninawa Province, Iraq"}},
		{"birth country", ahmad.Properties["birthCountry"], []string{"IQ"}},
		{"nationalities", ahmad.Nationalities, []string{"IQ", "SY"}},
		{"addresses", ahmad.Addresses, []entity.Address{{
			Full: "12 Example Street, Mosul, Ninawa, Iraq", Street: "12 Example Street", City: "Mosul", Region: "Ninawa", Country: "IQ",
		}}},
		{"address note", ahmad.Properties["addressNote"], []string{"12 Example Street, Mosul, Ninawa, Iraq: as of 2019"}},
		{"entity addresses", org.Addresses, []entity.Address{
			{Full: "1 Harbour Road, Pyongyang, 0001, Democratic People's Republic of Korea", Street: "1 Harbour Road", City: "Pyongyang", Postal: "0001", Country: "KP"},
			{Full: "Hong Kong, China", City: "Hong Kong", Country: "CN"},
		}},
		{"countries from addresses", org.Countries, []string{"KP", "CN"}},
		{"documents", ahmad.Identifiers, []entity.Identifier{
			{Type: entity.IDPassport, Number: "A1234567", Country: "IQ", Note: "issued 2010-05-06; issued in Baghdad; expired 2015"},
			{Type: entity.IDNational, Number: "00112233", Country: "IQ", Note: "Iraqi national identity card"},
			{Type: entity.IDOther, Number: "BC-77", Note: "National Identification Number; Birth certificate"},
		}},
		{"passport repeated under its French label is kept once", ivan.Identifiers, []entity.Identifier{
			{Type: entity.IDPassport, Number: "750000001", Country: "RU", Note: "issued 2011-12-07; Expires on 7 Dec. 2016"},
		}},
		{"document without number", ahmad.Properties["idDocument"], []string{"Passport; Testland passport number T 998877, expired 2001"}},
		{"gender male", ahmad.Gender, "male"},
		{"gender female", ivan.Gender, "female"},
		{"titles", ahmad.Titles, []string{"Sheikh"}},
		{"positions", ahmad.Positions, []string{"Financier", "Recruiter"}},
		{"programs", org.Programs, []string{"DPRK"}},
		{"authority", org.Authority, Authority},
		{"listed on with zone", ahmad.ListedOn, "2015-04-07"},
		{"listed on", org.ListedOn, "2017-08-05"},
		{"remarks", ahmad.Remarks, []string{"Fictitious record for parser tests."}},
		{"no empty remarks", ivan.Remarks, []string(nil)},
		{"list metadata", []any{ahmad.Properties["dataId"], ahmad.Properties["versionNum"], ahmad.Properties["listType"], ahmad.Properties["lastDayUpdated"]}, []any{
			[]string{"9000001"}, []string{"2"}, []string{"UN List"}, []string{"2019-01-02", "2021-03-04"},
		}},
		{"unknown element kept", ahmad.Properties["submitted_by"], []string{"Testland"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Errorf("got  %#v\nwant %#v", tc.got, tc.want)
			}
		})
	}

	t.Run("raw is the record's own XML", func(t *testing.T) {
		for _, e := range list {
			raw := string(e.Raw)
			if !strings.Contains(string(readFixture(t)), raw) {
				t.Errorf("%s: Raw is not a slice of the file", e.ID)
			}
			open := "<INDIVIDUAL>"
			if e.Schema == entity.Organization {
				open = "<ENTITY>"
			}
			if !strings.HasPrefix(raw, open) || !strings.Contains(raw, "<REFERENCE_NUMBER>") || !strings.HasSuffix(raw, "</"+open[1:]) {
				t.Errorf("%s: Raw = %.60q...", e.ID, raw)
			}
		}
	})
}

func TestParseDeterministic(t *testing.T) {
	data := readFixture(t)
	a, _, err := parseBytes(fixture, data)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := parseBytes(fixture, data)
	if !reflect.DeepEqual(a, b) {
		t.Error("two parses of the same file differ")
	}
}

func TestDatasetOverride(t *testing.T) {
	in := source.Input{Dataset: "my_un", Files: []source.File{source.BytesFile(fixture, readFixture(t))}}
	var ids []string
	_, err := Format.Parse(context.Background(), in, func(e *entity.Entity) error {
		ids = append(ids, e.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ids[0] != "my_un:QDi.901" {
		t.Errorf("id = %q, want my_un:QDi.901", ids[0])
	}
}

func TestEmitErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	in := source.Input{Files: []source.File{source.BytesFile(fixture, readFixture(t))}}
	_, err := Format.Parse(context.Background(), in, func(*entity.Entity) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("err = %v after %d entities, want the emit error after 1", err, n)
	}
}

func TestContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := source.Input{Files: []source.File{source.BytesFile(fixture, readFixture(t))}}
	_, err := Format.Parse(ctx, in, func(*entity.Entity) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  Abu  Test ", []string{"Abu Test"}},
		{"Azim Adhajani; Azim Agha-Jani", []string{"Azim Adhajani", "Azim Agha-Jani"}},
		{"Haj Qasem; Haji Qassem;", []string{"Haj Qasem", "Haji Qassem"}},
		{"Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet; M. Jawad Sabet",
			[]string{"Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet", "M. Jawad Sabet"}},
		{"حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)", []string{"حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"}},
		{"Front (FR) (جبهة (original script); Front One; Front Two)", []string{"Front (FR)", "جبهة", "Front One", "Front Two"}},
		{"Jin Tiesan (金铁三)", []string{"Jin Tiesan", "金铁三"}},
		{"عبدالله السندي (Abdullah Sindhi)", []string{"عبدالله السندي", "Abdullah Sindhi"}},
		{"Amir Khazmat (original script: Амир Хазмат)", []string{"Amir Khazmat", "Амир Хазмат"}},
		{"Akhter Mohmad (اختر محمد ),", []string{"Akhter Mohmad", "اختر محمد"}},
		{"General Department of Atomic Energy (GDAE)", []string{"General Department of Atomic Energy (GDAE)"}},
		{"Lom-ali Butayev (Butaev)", []string{"Lom-ali Butayev (Butaev)"}},
		{"(Sheikh) Musa Hilal", []string{"(Sheikh) Musa Hilal"}},
		{"華信船務(香港)有限公司", []string{"華信船務(香港)有限公司"}},
		{"Unbalanced (a; b", []string{"Unbalanced (a", "b"}},
	}
	for _, tc := range tests {
		if got := splitNames(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitNames(%q)\n got  %q\n want %q", tc.in, got, tc.want)
		}
	}
}

func TestDocType(t *testing.T) {
	tests := []struct{ label, label2, want string }{
		{"Passport", "", entity.IDPassport},
		{"Passport", "Service passport", entity.IDPassport},
		{"Numéro de passeport", "", entity.IDPassport},
		{"Número de pasaporte", "", entity.IDPassport},
		{"National Identification Number", "", entity.IDNational},
		{"National Identification Number", "national passport", entity.IDPassport},
		{"National Identification Number", "Italian Fiscal Code:", entity.IDTax},
		{"National Identification Number", "Ration card no.", entity.IDOther},
		{"Driving licence", "", entity.IDOther},
	}
	for _, tc := range tests {
		if got := docType(tc.label, tc.label2); got != tc.want {
			t.Errorf("docType(%q, %q) = %q, want %q", tc.label, tc.label2, got, tc.want)
		}
	}
}

func TestSniff(t *testing.T) {
	head := readFixture(t)[:source.SniffSize]
	tests := []struct {
		name string
		head []byte
		want bool
	}{
		{"consolidated.xml", head, true},
		{"CONSOLIDATED.XML", head, true},
		{"consolidated.json", head, false},
		{"eu.xml", []byte(`<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export">`), false},
		{"empty.xml", nil, false},
	}
	for _, tc := range tests {
		if got := Format.Sniff(tc.name, tc.head); got != tc.want {
			t.Errorf("Sniff(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// lineOf returns the 1-based line of the first occurrence of s.
func lineOf(t *testing.T, data []byte, s string) int {
	t.Helper()
	i := bytes.Index(data, []byte(s))
	if i < 0 {
		t.Fatalf("%q not in fixture", s)
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

func TestBrokenFiles(t *testing.T) {
	good := readFixture(t)
	replace := func(old, new string) []byte {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("%q not in fixture", old)
		}
		return bytes.Replace(good, []byte(old), []byte(new), 1)
	}
	cutAt := func(s string, extra int) []byte {
		i := bytes.Index(good, []byte(s))
		if i < 0 {
			t.Fatalf("%q not in fixture", s)
		}
		return good[:i+extra]
	}
	lines := func(b []byte) int { return bytes.Count(b, []byte("\n")) + 1 }

	truncAlias := cutAt("<ALIAS_NAME>Abu Test", len("<ALIAS_NAME>Abu Te"))
	truncBetween := cutAt("<ENTITIES>", 0)
	latin1 := replace("<CITY>Mosul</CITY>", "<CITY>Mos\xfcl</CITY>")
	noRef := replace("<REFERENCE_NUMBER>QDi.902</REFERENCE_NUMBER>", "")
	emptyRef := replace("<REFERENCE_NUMBER>KPe.901</REFERENCE_NUMBER>", "<REFERENCE_NUMBER> </REFERENCE_NUMBER>")
	mismatch := replace("<TITLE>\n        <VALUE>Sheikh</VALUE>", "<TITLE>\n        <VALUE>Sheikh</VALUES>")

	tests := []struct {
		name     string
		data     []byte
		wantLine int
		wantElem string
		wantMsg  []string
		emitted  int
	}{
		{"truncated mid-record", truncAlias, lines(truncAlias),
			"CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL/INDIVIDUAL_ALIAS/ALIAS_NAME",
			[]string{"<ALIAS_NAME>", "opened at line " + strconv.Itoa(lineOf(t, good, "<ALIAS_NAME>Abu Test")), "truncated"}, 0},
		{"truncated between records", truncBetween, lines(truncBetween),
			"CONSOLIDATED_LIST", []string{"<CONSOLIDATED_LIST> is not closed", "truncated"}, 2},
		{"not UTF-8", latin1, lineOf(t, good, "<CITY>Mosul</CITY>"), "", []string{"invalid UTF-8 byte 0xFC"}, 0},
		{"no REFERENCE_NUMBER", noRef, lineOf(t, good, "<DATAID>9000002") - 1,
			"CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL", []string{"no REFERENCE_NUMBER", "9000002"}, 1},
		{"blank REFERENCE_NUMBER", emptyRef, lineOf(t, good, "<DATAID>9000003") - 1,
			"CONSOLIDATED_LIST/ENTITIES/ENTITY", []string{"no REFERENCE_NUMBER"}, 2},
		{"mismatched tag", mismatch, lineOf(t, good, "<VALUE>Sheikh"),
			"CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL/TITLE/VALUE", []string{"malformed XML", "closed by </VALUES>"}, 0},
		{"wrong root", []byte(`<?xml version="1.0"?>` + "\n<sdnList></sdnList>"), 2, "sdnList", []string{"CONSOLIDATED_LIST"}, 0},
		{"two roots", append(append([]byte(nil), good...), []byte("<CONSOLIDATED_LIST/>")...), lines(good), "CONSOLIDATED_LIST", []string{"single"}, 3},
		{"empty file", nil, 1, "", []string{"no <CONSOLIDATED_LIST>"}, 0},
		{"not XML", []byte("name,id\nfoo,1\n"), 3, "", []string{"no <CONSOLIDATED_LIST>"}, 0},
		{"other encoding", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><CONSOLIDATED_LIST/>`), 1, "", []string{"ISO-8859-1", "only UTF-8"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			list, _, err := parseBytes("lists/un.xml", tc.data)
			se := sourcetest.WantError(t, err)
			if se.File != "lists/un.xml" {
				t.Errorf("File = %q", se.File)
			}
			if se.Line != tc.wantLine {
				t.Errorf("Line = %d, want %d (%v)", se.Line, tc.wantLine, se)
			}
			if se.Element != tc.wantElem {
				t.Errorf("Element = %q, want %q", se.Element, tc.wantElem)
			}
			for _, m := range tc.wantMsg {
				if !strings.Contains(se.Error(), m) {
					t.Errorf("error %q does not mention %q", se.Error(), m)
				}
			}
			if len(list) != tc.emitted {
				t.Errorf("emitted %d entities before failing, want %d", len(list), tc.emitted)
			}
		})
	}
}
