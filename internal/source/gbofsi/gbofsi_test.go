package gbofsi

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

const fixture = "testdata/ConList.csv"

func readFixture(t testing.TB) []byte {
	t.Helper()
	return sourcetest.ReadFile(t, fixture)
}

func parseBytes(name string, data []byte) ([]*entity.Entity, source.Meta, error) {
	return sourcetest.Parse(Format.Parse, source.Input{Files: []source.File{source.BytesFile(name, data)}})
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
	m := map[string]*entity.Entity{}
	for _, e := range es {
		ids = append(ids, e.SourceID)
		if m[e.SourceID] != nil {
			t.Fatalf("group %s emitted twice", e.SourceID)
		}
		m[e.SourceID] = e
	}
	// 99001 has a row after 99002's first: it is emitted at its last row.
	if want := []string{"99001", "99002", "99003", "99004"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids in order = %v, want %v", ids, want)
	}

	tests := []struct {
		id    string
		field string
		got   func(e *entity.Entity) any
		want  any
	}{
		{"99001", "ID", func(e *entity.Entity) any { return e.ID }, "gb_hmt_sanctions:99001"},
		{"99001", "Schema", func(e *entity.Entity) any { return e.Schema }, entity.Person},
		{"99001", "Names from four rows", func(e *entity.Entity) any { return e.Names }, []entity.Name{
			{Full: "Ivan Petrovich TESTOV", Kind: entity.Primary, Script: "Latn", Parts: &entity.NameParts{
				Given: "Ivan", Middle: "Petrovich", Family: "TESTOV", Other: []string{"Ivan", "Petrovich", "TESTOV"}}},
			{Full: "Иван Петрович ТЕСТОВ", Kind: entity.Alias, Script: "Cyrl", Language: "ru"},
			{Full: "Ivan TESTOFF", Kind: entity.Alias, Script: "Latn", Parts: &entity.NameParts{
				Given: "Ivan", Family: "TESTOFF", Other: []string{"Ivan", "TESTOFF"}}},
			{Full: "Vanya", Kind: entity.WeakAlias, Script: "Latn"},
			{Full: "Ivan OLDNAME", Kind: entity.Former, Script: "Latn", Parts: &entity.NameParts{
				Given: "Ivan", Family: "OLDNAME", Other: []string{"Ivan", "OLDNAME"}}},
		}},
		{"99001", "BirthDates", func(e *entity.Entity) any { return e.BirthDates }, []entity.Date{{Value: "1965-07-14"}, {Value: "1966"}}},
		{"99001", "BirthPlaces", func(e *entity.Entity) any { return e.BirthPlaces }, []string{"Perm, Russia"}},
		{"99001", "Nationalities", func(e *entity.Entity) any { return e.Nationalities }, []string{"RU"}},
		{"99001", "numbered passports paired with details", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{
			{Type: entity.IDPassport, Number: "720000001", Note: "Russian passport, valid until 20/01/2025"},
			{Type: entity.IDPassport, Number: "K00000099", Note: "Cypriot passport"},
			{Type: entity.IDNational, Number: "770000000001", Note: "Russian tax number (INN)"},
		}},
		{"99001", "Gender from Other Information", func(e *entity.Entity) any { return e.Gender }, "male"},
		{"99001", "Titles", func(e *entity.Entity) any { return e.Titles }, []string{"Dr"}},
		{"99001", "Positions", func(e *entity.Entity) any { return e.Positions }, []string{"Chief executive officer of Example Holding"}},
		{"99001", "Addresses", func(e *entity.Entity) any { return e.Addresses }, []entity.Address{
			{Full: "Tverskaya street 1, Moscow, 125009, Russia", Postal: "125009", Country: "RU"}}},
		{"99001", "Countries", func(e *entity.Entity) any { return e.Countries }, []string{"RU"}},
		{"99001", "Programs", func(e *entity.Entity) any { return e.Programs }, []string{"Russia"}},
		{"99001", "Authority", func(e *entity.Entity) any { return e.Authority }, "UK HM Treasury (OFSI)"},
		{"99001", "ListedOn", func(e *entity.Entity) any { return e.ListedOn }, "2022-03-15"},
		{"99001", "Properties", func(e *entity.Entity) any { return e.Properties }, entity.Properties{
			"modifiedAt":         {"2025-04-14"},
			"ukDateDesignated":   {"2022-03-15"},
			"ukSanctionsListRef": {"RUS9901"},
		}},
		{"99001", "Raw has the four rows", func(e *entity.Entity) any { return strings.Count(string(e.Raw), ",99001") }, 4},

		{"99002", "Schema", func(e *entity.Entity) any { return e.Schema }, entity.Organization},
		{"99002", "Names", func(e *entity.Entity) any { return e.Names }, []entity.Name{
			{Full: "EXAMPLE MONEY EXCHANGE", Kind: entity.Primary, Script: "Latn"},
			{Full: "صرافی مثال", Kind: entity.Alias, Script: "Arab", Language: "fa"},
			{Full: "Example Hawala", Kind: entity.Alias, Script: "Latn"},
		}},
		{"99002", "unscId", func(e *entity.Entity) any { return e.Properties["unscId"] }, []string{"TAe.999"}},
		{"99002", "Countries", func(e *entity.Entity) any { return e.Countries }, []string{"AF"}},

		{"99003", "Schema", func(e *entity.Entity) any { return e.Schema }, entity.Vessel},
		{"99003", "IMO from Other Information", func(e *entity.Entity) any { return e.Identifiers }, []entity.Identifier{{Type: entity.IDIMO, Number: "9000001"}}},

		{"99004", "Prime Alias is primary", func(e *entity.Entity) any { return e.Names[0].Kind }, entity.Primary},
		{"99004", "unqualified AKA is strong", func(e *entity.Entity) any { return e.Names[1] }, entity.Name{Full: "ABU TEST", Kind: entity.Alias, Script: "Latn"}},
		{"99004", "month-year DOB", func(e *entity.Entity) any { return e.BirthDates }, []entity.Date{{Value: "1970-05"}}},
		{"99004", "numbered titles", func(e *entity.Entity) any { return e.Titles }, []string{"Sheikh", "Mullah"}},
		{"99004", "numbered nationalities", func(e *entity.Entity) any { return e.Nationalities }, []string{"IQ", "SY"}},
		{"99004", "multi-line cell", func(e *entity.Entity) any { return e.Positions }, []string{"Leader of a fictional group, based in the region"}},
		{"99004", "no UK date designated", func(e *entity.Entity) any { return e.Properties["ukDateDesignated"] }, []string(nil)},
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

// rewrite re-encodes the fixture's header and rows through fn, for
// variants of the layout.
func rewrite(t *testing.T, banner bool, fn func(header []string, rows [][]string) ([]string, [][]string)) []byte {
	t.Helper()
	lines := strings.SplitN(string(readFixture(t)), "\r\n", 2)
	r := csv.NewReader(strings.NewReader(lines[1]))
	all, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, rows := fn(all[0], all[1:])
	var b bytes.Buffer
	if banner {
		b.WriteString(lines[0] + "\r\n")
	}
	w := csv.NewWriter(&b)
	_ = w.Write(header)
	_ = w.WriteAll(rows)
	return b.Bytes()
}

// semantic drops Raw, which records the layout as read.
func semantic(es []*entity.Entity) []*entity.Entity {
	var out []*entity.Entity
	for _, e := range es {
		c := *e
		c.Raw = ""
		out = append(out, &c)
	}
	return out
}

// TestLayoutVariants checks that columns are found by name, that the
// banner is optional, and that a trailing comma is tolerated.
func TestLayoutVariants(t *testing.T) {
	want, _, err := parseBytes(fixture, readFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	variants := map[string][]byte{
		"columns reversed": rewrite(t, true, func(h []string, rows [][]string) ([]string, [][]string) {
			slices.Reverse(h)
			for _, r := range rows {
				slices.Reverse(r)
			}
			return h, rows
		}),
		"no banner": rewrite(t, false, func(h []string, rows [][]string) ([]string, [][]string) { return h, rows }),
		"trailing comma on rows": rewrite(t, true, func(h []string, rows [][]string) ([]string, [][]string) {
			for i := range rows {
				rows[i] = append(rows[i], "")
			}
			return h, rows
		}),
		"trailing comma on header": rewrite(t, true, func(h []string, rows [][]string) ([]string, [][]string) {
			return append(h, ""), rows
		}),
	}
	for name, data := range variants {
		t.Run(name, func(t *testing.T) {
			got, _, err := parseBytes("v.csv", data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(semantic(got), semantic(want)) {
				t.Errorf("entities differ from the fixture's")
			}
		})
	}
	t.Run("unknown column kept", func(t *testing.T) {
		data := rewrite(t, true, func(h []string, rows [][]string) ([]string, [][]string) {
			h = append(h, "Group Status")
			for i := range rows {
				rows[i] = append(rows[i], "Asset Freeze Targets")
			}
			return h, rows
		})
		got, _, err := parseBytes("v.csv", data)
		if err != nil {
			t.Fatal(err)
		}
		if p := got[0].Properties["Group Status"]; !reflect.DeepEqual(p, []string{"Asset Freeze Targets"}) {
			t.Errorf("Group Status = %v", p)
		}
	})
}

func TestRawAndReaders(t *testing.T) {
	data := readFixture(t)
	want, _, err := parseBytes(fixture, data)
	if err != nil {
		t.Fatal(err)
	}
	sourcetest.CheckShortReads(t, Format, fixture, data, want)
	// Raw is valid CSV of the group's rows, each ending with the Group ID.
	for _, e := range want {
		rows, err := csv.NewReader(strings.NewReader(string(e.Raw))).ReadAll()
		if err != nil {
			t.Fatalf("%s: raw is not CSV: %v", e.ID, err)
		}
		for _, r := range rows {
			if r[len(r)-1] != e.SourceID {
				t.Errorf("%s: raw row of group %s", e.ID, r[len(r)-1])
			}
		}
	}
}

func TestErrors(t *testing.T) {
	data := string(readFixture(t))
	lines := strings.Split(data, "\r\n")
	header := lines[1]
	short := strings.Replace(data, "Vanya,,,,,,Dr", "Vanya,,,,,Dr", 1)
	long := strings.Replace(data, "Vanya,,,,,,Dr", "Vanya,,,,,,Dr,extra", 1)
	badQuote := strings.Replace(data, `"(1) Russian passport`, `"(1) Russian "passport`, 1)
	noGroup := strings.Replace(data, ",Ship,Primary name,,Democratic People's Republic of Korea,03/10/2017,31/12/2020,18/12/2023,99003",
		",Ship,Primary name,,Democratic People's Republic of Korea,03/10/2017,31/12/2020,18/12/2023,", 1)

	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"row too short", short, 5, "35 fields, the header 36"},
		{"row with extra cell", long, 5, "37 fields"},
		{"bad UTF-8", strings.Replace(data, "Perm", "P\xe9rm", 1), 3, "UTF-8"},
		{"bad quote", badQuote, 3, "malformed CSV"},
		{"no Group ID column", "Last Updated,02/03/2026\nName 6,Name 1\nA,B\n", 2, "Group ID"},
		{"row without Group ID", noGroup, 9, "no Group ID"},
		{"empty", "", 1, "empty"},
		{"banner only", "Last Updated,02/03/2026\n", 2, "no header"},
		{"header only is fine", "Last Updated,02/03/2026\n" + header + "\n", -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, _, err := parseBytes("lists/ConList.csv", []byte(tt.in))
			if tt.line < 0 {
				if err != nil || len(es) != 0 {
					t.Fatalf("got %d entities, %v", len(es), err)
				}
				return
			}
			se := sourcetest.WantError(t, err)
			if se.File != "lists/ConList.csv" || se.Line != tt.line {
				t.Errorf("at %s:%d, want line %d (%v)", se.File, se.Line, tt.line, err)
			}
			if !strings.Contains(se.Error(), tt.msg) {
				t.Errorf("message %q lacks %q", se.Error(), tt.msg)
			}
			if len(es) != 0 {
				t.Errorf("%d entities emitted before the error: a broken file must be rejected whole", len(es))
			}
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
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"fixture", string(readFixture(t)), true},
		{"banner with BOM and trailing commas", "\xEF\xBB\xBFLast Updated,28/01/2026,,,\r\n", true},
		{"header first", "Name 6,Name 1,Name 2,Group Type,Group ID\n", true},
		{"FCDO CSV", "Report Date: 13-Feb-2026\nLast Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,Name 1\n", false},
		{"FCDO CSV without report line", "Last Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,Name 1\n", false},
		{"OFAC sdn.csv", `36,"EXAMPLE ISLAND AIRWAYS",-0- ,"CUBA",-0- ` + "\n", false},
		{"XML", `<?xml version="1.0"?><Designations>`, false},
	}
	for _, tt := range tests {
		if got := Format.Sniff("ConList.csv", []byte(tt.head)); got != tt.want {
			t.Errorf("%s: Sniff = %v, want %v", tt.name, got, tt.want)
		}
	}
}
