package ofac

import (
	"context"
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

var fixtureNames = []string{"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"}

// fixture returns the testdata set as in-memory files under the given
// names, with roles from f.Set.
func fixture(t testing.TB, f source.Format, names ...string) source.Input {
	t.Helper()
	var in source.Input
	for i, n := range fixtureNames {
		file := source.BytesFile(names[i], sourcetest.ReadFile(t, "testdata/sdn/"+n))
		role, ok := f.Set(names[i])
		if !ok {
			t.Fatalf("%s: Set(%q) not in the set", f.Name, names[i])
		}
		file.Role = role
		in.Files = append(in.Files, file)
	}
	return in
}

func collect(t testing.TB, f source.Format, in source.Input) (map[string]*entity.Entity, []string) {
	t.Helper()
	es, meta, err := sourcetest.Parse(f.Parse, in)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Published != "" {
		t.Errorf("Published %q: the CSV set carries no date", meta.Published)
	}
	byID := map[string]*entity.Entity{}
	var order []string
	for _, e := range es {
		byID[e.ID] = e
		order = append(order, e.ID)
	}
	return byID, order
}

func TestParseFixture(t *testing.T) {
	byID, order := collect(t, SDNCSV, fixture(t, SDNCSV, fixtureNames...))
	wantOrder := []string{"us_ofac_sdn:36", "us_ofac_sdn:7001", "us_ofac_sdn:7002", "us_ofac_sdn:7003", "us_ofac_sdn:7004"}
	if !slices.Equal(order, wantOrder) {
		t.Fatalf("got %v, want %v", order, wantOrder)
	}

	// 7004 in full: an -0- type, an nka alias, a region address, and
	// remarks cut mid-word whose rest is in sdn_comments.csv.
	want := &entity.Entity{
		ID: "us_ofac_sdn:7004", Dataset: "us_ofac_sdn", SourceID: "7004", Schema: entity.Organization,
		Names: []entity.Name{
			{Full: "EXAMPLE HOLDINGS, LTD.", Kind: entity.Primary, Script: "Latn"},
			{Full: "EXAMPLE GROUP", Kind: entity.Alias, Script: "Latn"},
		},
		Countries: []string{"AE"},
		Addresses: []entity.Address{
			{Full: "Region: Crimea", Region: "Crimea"},
			{Full: "Dubai, United Arab Emirates", City: "Dubai", Country: "AE"},
		},
		Identifiers: []entity.Identifier{{Type: entity.IDTax, Number: "7724244406", Country: "RU"}},
		Programs:    []string{"SDNTK"},
		Authority:   Authority,
		Measures:    []string{"Additional Sanctions Information - Subject to Secondary Sanctions"},
		LinkedTo:    []string{"PROMO RAIZ S.A.S.", "BETA GRUPO S.A."},
		Properties: entity.Properties{
			"incorporationDate": {"2005"},
			"nowKnownAs":        {"EXAMPLE GROUP"},
			"sector":            {"Other monetary intermediation"},
		},
		Raw: `sdn.csv: 7004,"EXAMPLE HOLDINGS, LTD.",-0- ,"SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Organization Established Date 2005; Organization Type: Other monetary intermediation; Tax ID No. 7724244406 (Russia); Linked To: PROMO RAI"
alt.csv: 7004,104,"nka","EXAMPLE GROUP",-0- 
add.csv: 7004,12,-0- ,-0- ,"Region: Crimea",-0- 
add.csv: 7004,13,-0- ,"Dubai","United Arab Emirates",-0- 
sdn_comments.csv: 7004,"Z S.A.S.; Additional Sanctions Information - Subject to Secondary Sanctions; Linked To: BETA GRUPO S.A."`,
	}
	if got := byID["us_ofac_sdn:7004"]; !reflect.DeepEqual(got, want) {
		t.Errorf("7004:\n got %+v\nwant %+v", got, want)
	}

	tests := []struct {
		id    string
		check func(e *entity.Entity) bool
	}{
		{"36", func(e *entity.Entity) bool {
			return e.Schema == entity.Organization && e.Vessel == nil && e.Remarks == nil &&
				reflect.DeepEqual(e.Addresses, []entity.Address{{Full: "Havana, Cuba", City: "Havana", Country: "CU"}})
		}},
		{"7001", func(e *entity.Entity) bool {
			return e.Schema == entity.Person &&
				slices.Equal(e.Programs, []string{"SDGT", "IRGC"}) &&
				reflect.DeepEqual(e.Names[0].Parts, &entity.NameParts{Family: "DOE", Given: "John Michael"}) &&
				reflect.DeepEqual(e.Names[1].Parts, &entity.NameParts{Family: "DOE", Given: "Johnny"}) &&
				e.Names[3] == entity.Name{Full: "JOHNNY", Kind: entity.WeakAlias, Script: "Latn"} &&
				reflect.DeepEqual(e.BirthDates, []entity.Date{{Value: "1975-06-14"}, {Value: "1960", Until: "1962"}, {Value: "1955", Circa: true}}) &&
				slices.Equal(e.Titles, []string{"Commander"}) &&
				slices.Equal(e.Remarks, []string{"ICTY indictee"}) &&
				slices.Equal(e.LinkedTo, []string{"ACME TRADING, S.A."}) &&
				e.Identifiers[0] == entity.Identifier{Type: entity.IDPassport, Number: "A1234567", Country: "IR", Note: "issued 01 Jan 2010 expires 31 Dec 2019"} &&
				strings.Count(string(e.Raw), "\nalt.csv: ") == 2
		}},
		{"7002", func(e *entity.Entity) bool {
			return e.Schema == entity.Vessel && *e.Vessel == entity.VesselInfo{
				CallSign: "9HDQ9", Type: "Crude Oil Tanker", Tonnage: "99,030", GrossTonnage: "56,068",
				Flag: "PA", Owner: "NATIONAL IRANIAN TANKER COMPANY", BuildYear: "1999",
			} && e.Names[1].Kind == entity.Former && slices.Equal(e.Properties["pastFlags"], []string{"MT"}) &&
				slices.Contains(e.Identifiers, entity.Identifier{Type: entity.IDIMO, Number: "9187655"})
		}},
		{"7003", func(e *entity.Entity) bool {
			return e.Schema == entity.Airplane && e.Vessel.BuildYear == "2000" &&
				slices.Equal(e.Properties["model"], []string{"A300"}) &&
				slices.Contains(e.Identifiers, entity.Identifier{Type: entity.IDRegistration, Number: "EP-ABC", Note: "Aircraft Tail Number"})
		}},
	}
	for _, tt := range tests {
		e := byID["us_ofac_sdn:"+tt.id]
		if e == nil || !tt.check(e) {
			t.Errorf("%s: %+v", tt.id, e)
		}
	}
}

func TestConsCSV(t *testing.T) {
	in := fixture(t, ConsCSV, "CONS_PRIM.CSV", "cons_alt.csv", "cons_add.csv", "cons_comments.csv")
	byID, _ := collect(t, ConsCSV, in)
	e := byID["us_ofac_cons:7004"]
	if e == nil || e.Dataset != "us_ofac_cons" || !strings.HasPrefix(string(e.Raw), "CONS_PRIM.CSV: 7004,") ||
		!strings.Contains(string(e.Raw), "\ncons_comments.csv: 7004,") {
		t.Fatalf("got %+v", e)
	}
	// A dataset given by the user wins.
	in.Dataset = "mine"
	if byID, _ = collect(t, ConsCSV, in); byID["mine:7004"] == nil {
		t.Error("Input.Dataset ignored")
	}
}

// A lone main file, as given on the command line, parses without its
// companions.
func TestMainFileAlone(t *testing.T) {
	b := sourcetest.ReadFile(t, "testdata/sdn/sdn.csv")
	for _, role := range []string{"", RoleMain} {
		f := source.BytesFile("sdn.csv", b)
		f.Role = role
		byID, _ := collect(t, SDNCSV, source.Input{Files: []source.File{f}})
		e := byID["us_ofac_sdn:7004"]
		if len(byID) != 5 || e == nil || len(e.Names) != 1 || !slices.Equal(e.LinkedTo, []string{"PROMO RAI"}) {
			t.Errorf("role %q: %d entities, 7004 %+v", role, len(byID), e)
		}
	}
}

func TestSet(t *testing.T) {
	tests := []struct {
		f    source.Format
		name string
		role string
	}{
		{SDNCSV, "sdn.csv", RoleMain},
		{SDNCSV, "SDN.CSV", RoleMain},
		{SDNCSV, "ALT.CSV", RoleAlt},
		{SDNCSV, "add.csv", RoleAdd},
		{SDNCSV, "SDN_COMMENTS.CSV", RoleComments},
		{SDNCSV, "dir/sdn.csv", RoleMain},
		{SDNCSV, "cons_prim.csv", ""},
		{SDNCSV, "sdn.xml", ""},
		{ConsCSV, "cons_prim.csv", RoleMain},
		{ConsCSV, "CONS_ALT.CSV", RoleAlt},
		{ConsCSV, "cons_add.csv", RoleAdd},
		{ConsCSV, "cons_comments.csv", RoleComments},
		{ConsCSV, "sdn.csv", ""},
	}
	for _, tt := range tests {
		role, ok := tt.f.Set(tt.name)
		if role != tt.role || ok != (tt.role != "") {
			t.Errorf("%s.Set(%q) = %q, %v; want %q", tt.f.Name, tt.name, role, ok, tt.role)
		}
	}
}

func TestSniff(t *testing.T) {
	read := func(n string) []byte { return sourcetest.ReadFile(t, "testdata/sdn/"+n) }
	long := []byte(`1,"` + strings.Repeat("x", source.SniffSize) + `"`)
	tests := []struct {
		f    source.Format
		name string
		head []byte
		want bool
	}{
		{SDNCSV, "sdn.csv", read("sdn.csv"), true},
		{SDNCSV, "SDN.CSV", read("sdn.csv"), true},
		{SDNCSV, "alt.csv", read("alt.csv"), true},
		{SDNCSV, "add.csv", read("add.csv"), true},
		{SDNCSV, "sdn_comments.csv", read("sdn_comments.csv"), true},
		{SDNCSV, "sdn_comments.csv", long, true},
		{SDNCSV, "sdn.csv", append([]byte("\xEF\xBB\xBF"), read("sdn.csv")...), true},
		{SDNCSV, "sdn.csv", []byte("36,\"X\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \x1a"), true},
		{ConsCSV, "cons_prim.csv", read("sdn.csv"), true},
		{ConsCSV, "sdn.csv", read("sdn.csv"), false},
		{SDNCSV, "customers.csv", read("sdn.csv"), false},
		{SDNCSV, "sdn.csv", read("alt.csv"), false},
		{SDNCSV, "alt.csv", read("sdn.csv"), false},
		{SDNCSV, "sdn.csv", []byte("ent_num,SDN_Name,SDN_Type\r\n1,\"X\",-0-\r\n"), false},
		{SDNCSV, "sdn.csv", []byte("36,EXAMPLEAIR,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"), false},
		{SDNCSV, "sdn.csv", nil, false},
	}
	for i, tt := range tests {
		if got := tt.f.Sniff(tt.name, tt.head); got != tt.want {
			t.Errorf("%d: %s.Sniff(%q) = %v, want %v", i, tt.f.Name, tt.name, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := func(n string) []byte { return sourcetest.ReadFile(t, "testdata/sdn/"+n) }
	main := `1,"A",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ` + "\r\n"
	tests := []struct {
		name  string
		files map[string]string // role -> content; "main" is sdn.csv
		file  string
		line  int
		msg   string
	}{
		{"main column count", map[string]string{RoleMain: main + `2,"B",-0- ,"CUBA",-0- ` + "\r\n"},
			"sdn.csv", 2, "found 5 columns, want 12 columns"},
		{"alt column count", map[string]string{RoleMain: main, RoleAlt: "1,2,\"aka\",\"X\"\r\n"},
			"alt.csv", 1, "want 5 columns"},
		{"add column count", map[string]string{RoleMain: main, RoleAdd: "1,2,-0- ,-0- ,-0- ,-0- \r\n1,3,-0- \r\n"},
			"add.csv", 2, "want 6 columns"},
		{"not UTF-8", map[string]string{RoleMain: main + main + "3,\"Jos\xe9\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"},
			"sdn.csv", 3, "invalid UTF-8"},
		{"not UTF-8 in comments", map[string]string{RoleMain: main, RoleComments: "1,\"\xff\"\r\n"},
			"sdn_comments.csv", 1, "invalid UTF-8"},
		{"truncated quoted field", map[string]string{RoleMain: main + `2,"B",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970` + "\r\n"},
			"sdn.csv", 2, "quoted value opened on line 2"},
		{"bare quote", map[string]string{RoleMain: `1,"A"B",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ` + "\r\n"},
			"sdn.csv", 1, "bad CSV"},
		{"ent_num not a number", map[string]string{RoleMain: main + `x2,"B",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ` + "\r\n"},
			"sdn.csv", 2, "not a whole number"},
		{"0x1A inside the file", map[string]string{RoleMain: main + "\x1a\r\n" + main},
			"sdn.csv", 2, "want 12 columns"},
		{"header row", map[string]string{RoleMain: "ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks\r\n"},
			"sdn.csv", 1, "ent_num"},
		{"no main file", map[string]string{RoleAlt: string(good("alt.csv"))}, "alt.csv", 0, "no main file"},
	}
	names := map[string]string{RoleMain: "sdn.csv", RoleAlt: "alt.csv", RoleAdd: "add.csv", RoleComments: "sdn_comments.csv"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in source.Input
			for _, role := range []string{RoleMain, RoleAlt, RoleAdd, RoleComments} {
				if c, ok := tt.files[role]; ok {
					f := source.BytesFile(names[role], []byte(c))
					f.Role = role
					in.Files = append(in.Files, f)
				}
			}
			_, err := SDNCSV.Parse(context.Background(), in, func(*entity.Entity) error { return nil })
			se := sourcetest.WantError(t, err)
			if se.File != tt.file || se.Line != tt.line || !strings.Contains(se.Error(), tt.msg) {
				t.Errorf("got %q (file %q line %d), want file %q line %d containing %q", se.Error(), se.File, se.Line, tt.file, tt.line, tt.msg)
			}
		})
	}
}

func TestParseStops(t *testing.T) {
	in := fixture(t, SDNCSV, fixtureNames...)
	stop := errors.New("stop")
	n := 0
	_, err := SDNCSV.Parse(context.Background(), in, func(*entity.Entity) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("emit error: got %v after %d entities", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := SDNCSV.Parse(ctx, in, func(*entity.Entity) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

func TestSubTrim(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\n\x1a", "a\r\n"},
		{"a\r\n\x1a\x1a", "a\r\n"},
		{"a\x1a", "a"},
		{"a\x1ab\x1a", "a\x1ab"},
		{"\x1a", ""},
		{"", ""},
		{"abc", "abc"},
	}
	for _, tt := range tests {
		for _, one := range []bool{false, true} {
			var r io.Reader = strings.NewReader(tt.in)
			if one {
				r = iotest.OneByteReader(r)
			}
			got, err := io.ReadAll(&subTrim{r: r, buf: make([]byte, 0, 4)})
			if err != nil || string(got) != tt.want {
				t.Errorf("%q (one byte %v): got %q, %v; want %q", tt.in, one, got, err, tt.want)
			}
		}
	}
	// A run of 0x1A longer than the buffer is content, and must not stall.
	in := strings.Repeat("\x1a", 10) + "x"
	got, err := io.ReadAll(&subTrim{r: strings.NewReader(in), buf: make([]byte, 0, 4)})
	if err != nil || string(got) != in {
		t.Errorf("long run: got %q, %v", got, err)
	}
}
