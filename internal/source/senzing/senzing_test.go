package senzing

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

const fixture = "testdata/records.jsonl"

func readFixture(t testing.TB) []byte {
	t.Helper()
	return sourcetest.ReadFile(t, fixture)
}

func parseBytes(dataset, name string, data []byte) ([]*entity.Entity, error) {
	es, _, err := sourcetest.Parse(Format.Parse, source.Input{Dataset: dataset, Files: []source.File{source.BytesFile(name, data)}})
	return es, err
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

func names(e *entity.Entity, kind entity.NameKind) []string {
	var out []string
	for _, n := range e.Names {
		if n.Kind == kind {
			out = append(out, n.Full)
		}
	}
	return out
}

func TestParseFixture(t *testing.T) {
	list, err := parseBytes("", fixture, readFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 6 {
		t.Fatalf("got %d entities, want 6 (blank lines skipped)", len(list))
	}
	p := byID(t, list, "test_watchlist:P-1")
	o := byID(t, list, "test_watchlist:O-1")
	flat := byID(t, list, "kyc:1000000000000000001")
	pos := byID(t, list, "test_watchlist:POS-1")
	legacy := byID(t, list, "opensanctions:legacy-1")
	untyped := byID(t, list, "test_watchlist:X-1")

	tests := []struct {
		name string
		got  any
		want any
	}{
		{"dataset from DATA_SOURCE", p.Dataset, "test_watchlist"},
		{"source id", p.SourceID, "P-1"},
		{"numeric RECORD_ID kept as written", flat.SourceID, "1000000000000000001"},
		{"person", p.Schema, entity.Person},
		{"organization", o.Schema, entity.Organization},
		{"flat record inferred person from DATE_OF_BIRTH", flat.Schema, entity.Person},
		{"null RECORD_TYPE with a bare NAME_FULL", pos.Schema, entity.LegalEntity},
		{"legacy REC_TYPE", legacy.Schema, entity.Organization},
		{"NAME_ORG infers organization", untyped.Schema, entity.Organization},
		{"primary from parts", names(p, entity.Primary), []string{"Dr. Ahmad Salih Al-Ikhtibar"}},
		{"parts", *p.Names[0].Parts, entity.NameParts{Title: "Dr.", Given: "Ahmad", Middle: "Salih", Family: "Al-Ikhtibar"}},
		{"aliases", names(p, entity.Alias), []string{"أحمد صالح الاختبار", "Ahmed Saleh"}},
		{"arabic script", p.Names[1].Script, "Arab"},
		{"weak alias", names(p, entity.WeakAlias), []string{"Abu Test"}},
		{"former name", names(p, entity.Former), []string{"Ahmad Testov"}},
		{"organization names", [][]string{names(o, entity.Primary), names(o, entity.Alias), names(o, entity.Former)},
			[][]string{{"Test Trading Company Limited"}, {"测试贸易有限公司"}, {"Old Test Trading"}}},
		{"flat names with usage prefix", [][]string{names(flat, entity.Primary), names(flat, entity.Alias)},
			[][]string{{"Ivan Testov"}, {"Иван Тестов"}}},
		{"first untyped name is primary", [][]string{names(untyped, entity.Primary), names(untyped, entity.Alias)},
			[][]string{{"Untyped Holdings"}, {"Untyped Name One", "Untyped Name Two"}}},
		{"birth dates: exact, range, circa", p.BirthDates, []entity.Date{
			{Value: "1970-02-05"}, {Value: "1960", Until: "1962"}, {Value: "1968", Circa: true},
		}},
		{"place of birth", p.BirthPlaces, []string{"Mosul, Iraq"}},
		{"gender", p.Gender, "male"},
		{"nationalities", p.Nationalities, []string{"IQ", "SY"}},
		{"citizenship", p.Citizenships, []string{"IQ"}},
		{"addresses", p.Addresses, []entity.Address{
			{Full: "12 Example Street, Flat 3, Mosul, Ninawa, 41001, Iraq", Street: "12 Example Street, Flat 3", City: "Mosul", Region: "Ninawa", Postal: "41001", Country: "IQ"},
			{Full: "PO Box 1, Test City, Testland"},
		}},
		{"countries from addresses", p.Countries, []string{"IQ"}},
		{"flat address", flat.Addresses, []entity.Address{{Full: "1 Test Prospekt, Moscow, RU", Street: "1 Test Prospekt", City: "Moscow", Country: "RU"}}},
		{"identifiers", p.Identifiers, []entity.Identifier{
			{Type: entity.IDPassport, Number: "A1234567", Country: "IQ"},
			{Type: entity.IDNational, Number: "00112233", Country: "IQ", Note: "civil ID"},
			{Type: entity.IDOther, Number: "P-1", Note: "OPEN_SANCTIONS"},
			{Type: entity.IDOther, Number: "Q000001", Note: "WIKIDATA"},
		}},
		{"organization identifiers", o.Identifiers, []entity.Identifier{
			{Type: entity.IDLEI, Number: "5493001KJTIIGC8Y1R12"},
			{Type: entity.IDTax, Number: "7701234567", Country: "RU", Note: "INN"},
			{Type: entity.IDIMO, Number: "9123456", Note: "IMO"},
			{Type: entity.IDCrypto, Number: "1TestWalletAddressXXXXXXXXXXXXXXX", Note: "CRYPTO_WALLET_XBT"},
		}},
		{"flat passport", flat.Identifiers, []entity.Identifier{{Type: entity.IDPassport, Number: "750000001", Country: "RU"}}},
		{"legacy FEATURES list", [][]string{names(legacy, entity.Primary), names(legacy, entity.Alias), legacy.Countries},
			[][]string{{"Legacy Test Bank"}, {"LTB"}, {"IR"}}},
		{"registration country", o.Countries, []string{"KP"}},
		{"topics", p.Properties["topics"], []string{"sanction", "role.terror"}},
		{"url", p.Properties["sourceUrl"], []string{"https://example.org/entities/P-1"}},
		{"last change", p.Properties["modifiedAt"], []string{"2025-01-02T03:04:05"}},
		{"relationship", p.Properties["relationship"], []string{"Associate TEST:O-1"}},
		{"contacts", [][]string{o.Properties["phone"], o.Properties["email"], o.Properties["website"]},
			[][]string{{"+850 2 123 4567"}, {"info@example.org"}, {"https://example.org"}}},
		{"flat phone with usage prefix", flat.Properties["phone"], []string{"+7 900 000 0000"}},
		{"registration date", o.Properties["incorporationDate"], []string{"2001-05-06"}},
		{"unknown attribute kept", o.Properties["employee_count"], []string{"120"}},
		{"data source kept", p.Properties["dataSource"], []string{"TEST_WATCHLIST"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Errorf("got  %#v\nwant %#v", tc.got, tc.want)
			}
		})
	}

	t.Run("raw is the line", func(t *testing.T) {
		lines := strings.Split(string(readFixture(t)), "\n")
		if string(o.Raw) != strings.TrimRight(lines[1], "\r") {
			t.Errorf("Raw = %q", o.Raw)
		}
	})
}

func TestDatasetGiven(t *testing.T) {
	list, err := parseBytes("my_pep", fixture, readFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if e.Dataset != "my_pep" || !strings.HasPrefix(e.ID, "my_pep:") {
			t.Errorf("%s in dataset %s", e.ID, e.Dataset)
		}
	}
}

func TestLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"DATA_SOURCE":"BIG","RECORD_ID":"1","RECORD_TYPE":"ORGANIZATION","NAMES":[`)
	for i := range 100000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"NAME_TYPE":"ALIAS","NAME_ORG":"Big Holding Number `)
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(`"}`)
	}
	b.WriteString("]}\n")
	if b.Len() < 4<<20 {
		t.Fatalf("line is only %d bytes", b.Len())
	}
	list, err := parseBytes("", "big.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || len(list[0].Names) != 7 {
		t.Errorf("got %d entities", len(list))
	}
}

func TestBrokenFiles(t *testing.T) {
	good := readFixture(t)
	tests := []struct {
		name     string
		data     []byte
		dataset  string
		wantLine int
		wantMsg  string
		emitted  int
	}{
		{"invalid JSON", append(append([]byte(nil), good...), []byte(`{"RECORD_ID":"1",`+"\n")...), "", 9, "invalid JSON", 6},
		{"bad token", []byte(`{"DATA_SOURCE":"A","RECORD_ID":"1"}` + "\n" + `{"RECORD_ID": nope}` + "\n"), "", 2, "invalid JSON at column", 1},
		{"two objects on a line", []byte(`{"DATA_SOURCE":"A","RECORD_ID":"1"} {"DATA_SOURCE":"A","RECORD_ID":"2"}`), "", 1, "unexpected data after the record", 0},
		{"array line", []byte("\n[1,2]\n"), "", 2, "expected a JSON object, found an array", 0},
		{"no RECORD_ID", []byte(`{"DATA_SOURCE":"A","NAME_FULL":"x"}`), "", 1, "no RECORD_ID", 0},
		{"empty RECORD_ID", []byte(`{"DATA_SOURCE":"A","RECORD_ID":" "}`), "", 1, "no RECORD_ID", 0},
		{"no dataset", []byte(`{"RECORD_ID":"1","NAME_FULL":"x"}`), "", 1, "no DATA_SOURCE", 0},
		{"not UTF-8", []byte("{\"DATA_SOURCE\":\"A\",\"RECORD_ID\":\"1\"}\n{\"DATA_SOURCE\":\"A\",\"RECORD_ID\":\"2\",\"NAME_FULL\":\"Jos\xe9\"}\n"), "", 2, "invalid UTF-8", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			list, err := parseBytes(tc.dataset, "in/file.json", tc.data)
			se := sourcetest.WantError(t, err)
			if se.File != "in/file.json" || se.Line != tc.wantLine || !strings.Contains(se.Msg, tc.wantMsg) {
				t.Errorf("error %q, want line %d and %q", se, tc.wantLine, tc.wantMsg)
			}
			if len(list) != tc.emitted {
				t.Errorf("emitted %d, want %d", len(list), tc.emitted)
			}
		})
	}

	t.Run("no dataset is fine when one is given", func(t *testing.T) {
		list, err := parseBytes("mine", "f.json", []byte(`{"RECORD_ID":"1","NAME_FULL":"x"}`))
		if err != nil || len(list) != 1 || list[0].ID != "mine:1" {
			t.Errorf("err %v, %d entities", err, len(list))
		}
	})

	t.Run("line too long", func(t *testing.T) {
		defer func(n int) { maxLine = n }(maxLine)
		maxLine = 1000 // the scanner's first 64 KiB buffer is the floor
		data := []byte(`{"DATA_SOURCE":"A","RECORD_ID":"1"}` + "\n" + `{"RECORD_ID":"` + strings.Repeat("x", 100000) + `"}` + "\n")
		_, err := parseBytes("", "f.json", data)
		var se *source.Error
		if !errors.As(err, &se) || se.Line != 2 || !strings.Contains(se.Msg, "longer than") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := source.Input{Files: []source.File{source.BytesFile(fixture, readFixture(t))}}
	if _, err := Format.Parse(ctx, in, func(*entity.Entity) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{string(readFixture(t)), true},
		{"\xEF\xBB\xBF\n\n" + `{"RECORD_ID":"1","NAME_FULL":"x"}`, true},
		{`{"RECORD_ID":"1","NAMES":[]}`, true},
		{`{"id":"Q1","schema":"Person","properties":{}}`, false},
		{`{"RECORD_ID":"1"}`, false},
		{`[{"RECORD_ID":"1","DATA_SOURCE":"A"}]`, false},
		{"RECORD_ID,DATA_SOURCE\n1,A\n", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := Format.Sniff("x.json", []byte(tc.head)); got != tc.want {
			t.Errorf("Sniff(%.40q) = %v, want %v", tc.head, got, tc.want)
		}
	}
}

func TestInferSchema(t *testing.T) {
	tests := []struct {
		line string
		want entity.Schema
	}{
		{`{"DATA_SOURCE":"A","RECORD_ID":"1","RECORD_TYPE":"VESSEL","NAME_FULL":"Ship"}`, entity.Vessel},
		{`{"DATA_SOURCE":"A","RECORD_ID":"1","ENTITY_TYPE":"A","NAME_FIRST":"Ann","NAME_LAST":"Lee"}`, entity.Person},
		{`{"DATA_SOURCE":"A","RECORD_ID":"1","PRIMARY_NAME_ORG":"Acme"}`, entity.Organization},
		{`{"DATA_SOURCE":"A","RECORD_ID":"1","NAME_FULL":"Acme or Ann"}`, entity.LegalEntity},
	}
	for _, tc := range tests {
		list, err := parseBytes("", "f.json", []byte(tc.line))
		if err != nil || len(list) != 1 {
			t.Fatalf("%s: %v", tc.line, err)
		}
		if list[0].Schema != tc.want {
			t.Errorf("%s: schema %s, want %s", tc.line, list[0].Schema, tc.want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	data := readFixture(t)
	a, _ := parseBytes("", fixture, data)
	for range 5 {
		b, _ := parseBytes("", fixture, data)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two parses of the same file differ")
		}
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Error("fixture lost its CRLF line")
	}
}
