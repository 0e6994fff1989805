package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/wire"
)

// screenDB imports the invented fixtures of cli_test.go into a new store.
func screenDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "embargo.db")
	un := writeFile(t, dir, "un/consolidated.xml", unXML)
	sdn := writeFile(t, dir, "ofac/sdn.csv", sdnCSV)
	if code, _, errOut := run(t, "lists", "import", "--db", db, un, sdn); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	return db
}

func TestScreen(t *testing.T) {
	db := screenDB(t)
	code, out, errOut := run(t, "screen", "--db", db, "--json", "Northwind Tradng Company")
	if code != 0 {
		t.Fatalf("screen: exit %d: %s", code, errOut)
	}
	var res wire.ScreenAnswer
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("screen --json: %v\n%s", err, out)
	}
	if len(res.Matches) == 0 || res.Matches[0].EntityID != "us_ofac_sdn:173" || !res.Matches[0].Match {
		t.Fatalf("screen: %s", out)
	}
	if len(res.Versions) != 2 || res.Matches[0].Explanation == nil || len(res.Matches[0].Explanation.Tokens) == 0 {
		t.Errorf("screen: versions or explanation missing: %s", out)
	}
	// Each match names its programmes, authority and listing date.
	if m := res.Matches[0]; len(m.Programs) == 0 || m.Programs[0].Name == "" || m.Authority != "US" || m.AuthorityName == "" {
		t.Errorf("screen: programmes or authority missing: %+v", m)
	}
	// The human table names the entity and explains the match.
	code, out, _ = run(t, "screen", "--db", db, "Exemplaire", "Jean")
	if code != 0 || !strings.Contains(out, "un_sc_sanctions:CDi.901") || !strings.Contains(out, "exact") {
		t.Errorf("screen table: exit %d\n%s", code, out)
	}
	// --as-of before any publication has nothing to screen against.
	if code, _, errOut := run(t, "screen", "--db", db, "--as-of", "1999-01-01", "Jean"); code != 1 || !strings.Contains(errOut, "1999-01-01") {
		t.Errorf("as-of 1999: exit %d %q", code, errOut)
	}
}

func TestScreenBadInput(t *testing.T) {
	db := screenDB(t)
	for _, args := range [][]string{
		{"   "},
		{strings.Repeat("x", 10000)},
		{"bad\xffname"},
		{"a\x07b"},
		{"--threshold", "2", "Jean"},
		{"--limit", "0", "Jean"},
		{"--schema", "Planet", "Jean"},
		{"--dob", "yesterday", "Jean"},
		{"--as-of", "2020-13-45", "Jean"},
		{"--country", "Atlantis", "Jean"},
		{"--dob", "1990-02-31", "Jean"},
		{"--gender", "x", "Jean"},
	} {
		code, _, errOut := run(t, append([]string{"screen", "--db", db}, args...)...)
		if code != 2 || errOut == "" {
			t.Errorf("screen %.30q: exit %d (%q), want 2 with a message", args, code, errOut)
		}
	}
	if code, _, errOut := run(t, "screen", "--db", filepath.Join(t.TempDir(), "none.db"), "Jean"); code != 2 || !strings.Contains(errOut, "import lists first") {
		t.Errorf("missing store: exit %d %q", code, errOut)
	}
}

func TestBatch(t *testing.T) {
	db := screenDB(t)
	dir := t.TempDir()
	in := writeFile(t, dir, "in.csv", "id,name,schema,birth_date,country,extra\n"+
		"c1,Northwind Trading Co Ltd,Organization,,CU,x\n"+
		"c2,   ,Person,,,x\n"+
		"c3,Jean Exemplaire,Person,1970,,x\n"+
		"c4,bad\xffname,Person,,,x\n"+
		"c5,Somebody Else Entirely,Person,,,x\n"+
		"c6,Jean Exemplaire,Planet,,,x\n")
	out := filepath.Join(dir, "out.jsonl")
	code, _, errOut := run(t, "batch", "--db", db, "--in", in, "--out", out, "--workers", "3")
	if code != 0 {
		t.Fatalf("batch: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(string(mustRead(t, out))), "\n")
	want := []struct {
		id, entity string
		err        bool
	}{{"c1", "us_ofac_sdn:173", false}, {"c2", "", true}, {"c3", "un_sc_sanctions:CDi.901", false}, {"c4", "", true}, {"c5", "", false}, {"c6", "", true}}
	if len(lines) != len(want) {
		t.Fatalf("batch wrote %d lines, want %d:\n%s", len(lines), len(want), strings.Join(lines, "\n"))
	}
	for i, l := range lines {
		var rec struct {
			ID      string `json:"id"`
			Error   string `json:"error"`
			Matches []struct {
				EntityID string `json:"entity_id"`
				Source   string `json:"source"`
				Dataset  string `json:"dataset"`
			} `json:"matches"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
		w := want[i]
		if rec.ID != w.id || (rec.Error != "") != w.err {
			t.Errorf("line %d = %s, want id %s error=%v", i+1, l, w.id, w.err)
		}
		if w.entity != "" && (len(rec.Matches) == 0 || rec.Matches[0].EntityID != w.entity || rec.Matches[0].Source != rec.Matches[0].Dataset) {
			t.Errorf("line %d = %s, want %s first", i+1, l, w.entity)
		}
		if w.entity == "" && !w.err && len(rec.Matches) != 0 {
			t.Errorf("line %d = %s, want no matches", i+1, l)
		}
	}
	// A file without a name column is refused as a whole.
	bad := writeFile(t, dir, "bad.csv", "id,full_name\n1,Jean\n")
	if code, _, errOut := run(t, "batch", "--db", db, "--in", bad, "--out", out); code != 2 || !strings.Contains(errOut, "name") {
		t.Errorf("missing name column: exit %d %q", code, errOut)
	}
	// JSON lines in, order kept.
	jl := writeFile(t, dir, "in.jsonl", `{"id":"j1","name":"Jean Exemplaire"}`+"\n"+`{"id":"j2","name":""}`+"\n")
	if code, _, errOut := run(t, "batch", "--db", db, "--in", jl, "--out", out); code != 0 {
		t.Fatalf("jsonl batch: exit %d %s", code, errOut)
	}
	got := string(mustRead(t, out))
	if !strings.HasPrefix(got, `{"id":"j1","matches":[{`) || !strings.Contains(got, `{"id":"j2"`) {
		t.Errorf("jsonl batch output:\n%s", got)
	}
}

// The words of the explanation, the programmes and --fail-on-match.
func TestScreenText(t *testing.T) {
	db := screenDB(t)
	code, out, _ := run(t, "screen", "--db", db, "--fail-on-match", "Northwind Tradng Company")
	if code != 1 {
		t.Errorf("--fail-on-match with a match: exit %d, want 1\n%s", code, out)
	}
	for _, want := range []string{"MATCH", "programmes: ", "US Treasury OFAC", "words:", "edit distance", "similarity"} {
		if !strings.Contains(out, want) {
			t.Errorf("screen text lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "→∅←") {
		t.Errorf("screen text still uses symbols:\n%s", out)
	}
	if code, out, _ := run(t, "screen", "--db", db, "--fail-on-match", "Zzyzx Qwerty"); code != 0 {
		t.Errorf("--fail-on-match without a match: exit %d\n%s", code, out)
	}
	_, help, _ := run(t, "screen", "--help")
	for _, want := range []string{"How to read an answer", "transliteration", "only in the listing", "weight"} {
		if !strings.Contains(help, want) {
			t.Errorf("screen --help lacks the legend's %q", want)
		}
	}
}

// batch refuses to write over its input, by any name; writes its output
// whole or not at all; and reads semicolon files and UTF-16 exports.
func TestBatchFiles(t *testing.T) {
	db := screenDB(t)
	dir := t.TempDir()
	content := "id,name\nc1,Jean Exemplaire\n"
	in := writeFile(t, dir, "in.csv", content)
	link := filepath.Join(dir, "link.csv")
	if err := os.Link(in, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{in, link, filepath.Join(dir, ".", "in.csv")} {
		code, _, errOut := run(t, "batch", "--db", db, "--in", in, "--out", out)
		if code != 2 || !strings.Contains(errOut, "is the input file") {
			t.Errorf("--out %s: exit %d %q, want 2 refusing", out, code, errOut)
		}
		if got := string(mustRead(t, in)); got != content {
			t.Fatalf("the input was changed: %q", got)
		}
	}
	// A failing batch (a file without a name column) leaves an earlier
	// output as it was, and no temporary file behind.
	out := filepath.Join(dir, "out.jsonl")
	os.WriteFile(out, []byte("earlier\n"), 0o644)
	bad := writeFile(t, dir, "bad.csv", "id,full_name\n1,Jean\n")
	if code, _, _ := run(t, "batch", "--db", db, "--in", bad, "--out", out); code != 2 {
		t.Fatalf("bad input: exit %d", code)
	}
	if got := string(mustRead(t, out)); got != "earlier\n" {
		t.Errorf("a failed batch changed the output: %q", got)
	}
	semi := writeFile(t, dir, "semi.csv", "id;name;country\nc1;Jean Exemplaire;CD\n")
	if code, _, errOut := run(t, "batch", "--db", db, "--in", semi, "--out", out); code != 0 {
		t.Fatalf("semicolon file: exit %d %s", code, errOut)
	}
	if got := string(mustRead(t, out)); !strings.Contains(got, "un_sc_sanctions:CDi.901") {
		t.Errorf("semicolon file: %s", got)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "id,name\r\nc1,Jean Exemplaire\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	u := filepath.Join(dir, "unicode.txt")
	os.WriteFile(u, utf16, 0o644)
	if code, _, errOut := run(t, "batch", "--db", db, "--in", u, "--out", out); code != 0 {
		t.Fatalf("UTF-16 file: exit %d %s", code, errOut)
	}
	if got := string(mustRead(t, out)); !strings.Contains(got, "un_sc_sanctions:CDi.901") {
		t.Errorf("UTF-16 file: %s", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
