package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/sharedtest"
	"github.com/embargo-screening/embargo/internal/store"
)

// run calls the command line in-process and returns its exit status and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func versions(t *testing.T, db string) []store.Version {
	t.Helper()
	code, out, errOut := run(t, "lists", "ls", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("lists ls: exit %d: %s", code, errOut)
	}
	var vs []store.Version
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("lists ls --json: %v\n%s", err, out)
	}
	return vs
}

// TestRealLists imports the reference publications and checks the figures
// the foundation issue asks for.
func TestRealLists(t *testing.T) {
	data := sharedtest.DataDir(t)
	db := filepath.Join(t.TempDir(), "embargo.db")
	un := filepath.Join(data, "un", "consolidated-2026-02-27.xml")
	code, out, errOut := run(t, "lists", "import", "--db", db,
		un, filepath.Join(data, "ofac", "2019-01-15"), filepath.Join(data, "ofac", "2021-07-07"),
		filepath.Join(data, "us-csl"), filepath.Join(data, "opensanctions", "us_congress_senzing.json"))
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	t.Log(out)

	raw, _ := os.ReadFile(un)
	unSum := sha256.Sum256(raw)
	senzingLines := bytes.Count(bytes.TrimSpace(mustRead(t, filepath.Join(data, "opensanctions", "us_congress_senzing.json"))), []byte("\n")) + 1
	want := map[string]struct {
		published string
		entities  int
	}{
		"un_sc_sanctions|2026-02-27": {"2026-02-27", 1003},
		"us_ofac_sdn|2019-01-15":     {"2019-01-15", 7379},
		"us_ofac_sdn|2021-07-07":     {"2021-07-07", 8976},
		"us_trade_csl|2019-12-03":    {"2019-12-03", 115},
	}
	vs := versions(t, db)
	seen := 0
	for _, v := range vs {
		if w, ok := want[v.Dataset+"|"+v.Published]; ok {
			seen++
			if v.Entities != w.entities {
				t.Errorf("%s %s: %d entities, want %d", v.Dataset, v.Published, v.Entities, w.entities)
			}
		} else if v.Format == "senzing_json" {
			seen++
			if v.Entities != senzingLines {
				t.Errorf("senzing: %d entities, want one per line: %d", v.Entities, senzingLines)
			}
		} else {
			t.Errorf("unexpected version %+v", v)
		}
		if v.Dataset == "un_sc_sanctions" && v.SHA256 != hex.EncodeToString(unSum[:]) {
			t.Errorf("UN sha256 %s is not the file's", v.SHA256)
		}
	}
	if seen != 5 {
		t.Fatalf("got %d versions, want 5: %+v", len(vs), vs)
	}

	// The same files again add nothing.
	code, out, _ = run(t, "lists", "import", "--db", db, un, filepath.Join(data, "ofac", "2021-07-07"))
	if code != 0 || strings.Count(out, "unchanged") != 2 {
		t.Fatalf("re-import: exit %d\n%s", code, out)
	}
	if n := len(versions(t, db)); n != 5 {
		t.Fatalf("re-import added versions: %d", n)
	}

	code, out, errOut = run(t, "lists", "diff", "--db", db, "--json", "us_ofac_sdn", "2019-01-15", "2021-07-07")
	if code != 0 {
		t.Fatalf("diff: exit %d: %s", code, errOut)
	}
	var d store.Diff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Added) != 1858 || len(d.Removed) != 261 {
		t.Errorf("diff: %d added, %d removed; want 1858, 261", len(d.Added), len(d.Removed))
	}
	t.Logf("diff 2019-01-15 -> 2021-07-07: %d added, %d removed, %d changed", len(d.Added), len(d.Removed), len(d.Changed))
	for _, id := range []string{"us_ofac_sdn:10392", "us_ofac_sdn:22790"} {
		i := slices.IndexFunc(d.Changed, func(c store.Change) bool { return c.ID == id })
		if i < 0 {
			t.Errorf("%s not among the changed entities", id)
			continue
		}
		c := d.Changed[i]
		j := slices.IndexFunc(c.Details, func(f entity.FieldChange) bool { return f.Field == "programs" })
		if j < 0 || !slices.Contains(c.Details[j].Added, "IRAN-CON-ARMS-EO") {
			t.Errorf("%s: changed fields %v do not add programme IRAN-CON-ARMS-EO", id, c.Details)
		}
	}

	// The default diff (two newest) and the text form work too.
	// It summarises first and shows a few of each kind; --full shows all,
	// in words, not JSON.
	code, out, _ = run(t, "lists", "diff", "--db", db, "us_ofac_sdn")
	if code != 0 || !strings.Contains(out, "1858 added, 261 removed, 836 changed") || !strings.Contains(out, "changed fields: ") ||
		!strings.Contains(out, "--full shows all") {
		t.Fatalf("text diff: exit %d\n%.2000s", code, out)
	}
	if n := strings.Count(out, "\n"); n > 400 {
		t.Errorf("text diff without --full: %d lines", n)
	}
	// Versions are numbered per dataset: OFAC's are 1 and 2.
	code, full, _ := run(t, "lists", "diff", "--db", db, "--full", "us_ofac_sdn", "1", "2")
	if code != 0 || !strings.Contains(full, "programme added: IRAN-CON-ARMS-EO") || strings.Contains(full, `{"full":`) ||
		!strings.Contains(full, "version 1 (published 2019-01-15) -> version 2 (published 2021-07-07)") {
		t.Fatalf("full text diff: exit %d\n%.3000s", code, full)
	}
	if strings.Count(full, "\n") <= strings.Count(out, "\n") {
		t.Errorf("--full shows no more than the default")
	}
	// entities show: every field, the programmes, the history.
	code, show, errOut := run(t, "entities", "show", "--db", db, "us_ofac_sdn:10392")
	if code != 0 || !strings.Contains(show, "MINISTRY OF DEFENSE AND ARMED FORCES LOGISTICS") || !strings.Contains(show, "programme") ||
		!strings.Contains(show, "IRAN-CON-ARMS-EO") || !strings.Contains(show, "version 2  published 2021-07-07  changed: ") {
		t.Errorf("entities show: exit %d %s\n%s", code, errOut, show)
	}
	if code, _, _ := run(t, "entities", "show", "--db", db, "us_ofac_sdn:999999999"); code != 2 {
		t.Errorf("entities show of an unknown id: exit %d, want 2", code)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Small fixtures in the official formats, broken in the ways the issue lists.
const unXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>9000001</DATAID>
      <FIRST_NAME>JEAN</FIRST_NAME>
      <SECOND_NAME>EXEMPLAIRE</SECOND_NAME>
      <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
      <REFERENCE_NUMBER>CDi.901</REFERENCE_NUMBER>
      <LISTED_ON>2012-12-31</LISTED_ON>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>
`

const sdnCSV = "36,\"EXAMPLE ISLAND AIRWAYS\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n" +
	"173,\"NORTHWIND TRADING CO., LTD.\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"

func TestBadInputLeavesStoreUnchanged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "embargo.db")
	good := writeFile(t, dir, "good/consolidated.xml", unXML)
	if code, _, errOut := run(t, "lists", "import", "--db", db, good); code != 0 {
		t.Fatalf("good import: %s", errOut)
	}
	before := versions(t, db)

	cut := strings.Index(unXML, "<LISTED_ON>")
	tests := []struct {
		name, file, content string
		want                []string // in stderr
	}{
		{"truncated xml", "t/consolidated.xml", unXML[:cut], []string{"consolidated.xml:", "INDIVIDUAL"}},
		{"wrong column count", "w/sdn.csv", sdnCSV + "306,\"BANCO EJEMPLO NACIONAL\",-0- ,\"CUBA\"\r\n", []string{"sdn.csv:3"}},
		{"not utf-8", "u/sdn.csv", sdnCSV + "306,\"BANCO EJEMPL\xd3\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", []string{"sdn.csv:3", "UTF-8"}},
		{"unknown format", "x/notes.txt", "just some text\n", []string{"notes.txt", "unknown format"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.file, tt.content)
			// A good file in the same call must not land either.
			other := writeFile(t, dir, "other"+tt.name+"/sdn.csv", sdnCSV)
			code, _, errOut := run(t, "lists", "import", "--db", db, other, p)
			if code != 2 {
				t.Fatalf("exit %d, want 2: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("message %q does not contain %q", errOut, w)
				}
			}
			if after := versions(t, db); !slices.EqualFunc(before, after, func(a, b store.Version) bool { return a.ID == b.ID && a.SHA256 == b.SHA256 }) {
				t.Fatalf("store changed: %+v", after)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "embargo.db")
	for _, args := range [][]string{
		{"lists", "import", "--db", db},
		{"lists", "diff", "--db", db},
		{"lists", "diff", "--db", db, "nosuch"},
		{"lists", "ls", "--db", db, "--bogus"},
		{"nosuch"},
	} {
		if code, _, errOut := run(t, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d (%q), want 2 with a message", args, code, errOut)
		}
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
