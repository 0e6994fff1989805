package un

import (
	"context"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/sharedtest"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

const realFile = "un/consolidated-2026-02-27.xml"

// rawRecord re-reads an entity's Raw with only what the checks need, so
// that the figures below are counted from the publisher's XML, not from
// the parser's mapping.
type rawRecord struct {
	Original   []string   `xml:"NAME_ORIGINAL_SCRIPT"`
	IndAliases []rawAlias `xml:"INDIVIDUAL_ALIAS"`
	EntAliases []rawAlias `xml:"ENTITY_ALIAS"`
	Numbers    []string   `xml:"INDIVIDUAL_DOCUMENT>NUMBER"`
}

type rawAlias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
}

func hasName(e *entity.Entity, full string, kind entity.NameKind) (entity.Name, bool) {
	for _, n := range e.Names {
		if n.Full == full && n.Kind == kind {
			return n, true
		}
	}
	return entity.Name{}, false
}

// TestRealFile checks the published figures of the 2026-02-27 list: every
// record, every original-script name and every alias is kept.
func TestRealFile(t *testing.T) {
	path := sharedtest.File(t, realFile)
	list, meta, err := sourcetest.Parse(Format.Parse, source.Input{Files: []source.File{source.OSFile(path)}})
	if err != nil {
		t.Fatal(err)
	}
	if meta.Published != "2026-02-27" {
		t.Errorf("Published = %q, want 2026-02-27", meta.Published)
	}

	schemas := map[entity.Schema]int{}
	programs := map[string]int{}
	ids := map[string]bool{}
	scripts := map[string]int{}
	var otherScript []string
	aliasValues := map[string]int{} // "<schema> <QUALITY>" -> non-empty ALIAS_NAME values
	multi, multiNames := 0, 0
	between, idents, numbers := 0, 0, 0
	for _, e := range list {
		schemas[e.Schema]++
		if ids[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
		for _, p := range e.Programs {
			programs[p]++
		}
		if !strings.HasPrefix(e.ID, "un_sc_sanctions:") || e.SourceID == "" || e.SourceID != strings.TrimSpace(e.SourceID) {
			t.Errorf("bad id %q / source id %q", e.ID, e.SourceID)
		}
		if len(names(e, entity.Primary)) != 1 {
			t.Errorf("%s: %d primary names", e.ID, len(names(e, entity.Primary)))
		}
		for _, d := range e.BirthDates {
			if d.Until != "" {
				between++
			}
		}
		idents += len(e.Identifiers)

		var r rawRecord
		if err := xml.Unmarshal([]byte(e.Raw), &r); err != nil {
			t.Fatalf("%s: Raw does not parse: %v", e.ID, err)
		}
		for _, n := range r.Numbers {
			if entity.CleanSpace(n) != "" {
				numbers++
			}
		}
		for _, o := range r.Original {
			n, ok := hasName(e, entity.CleanSpace(o), entity.Alias)
			if !ok {
				t.Errorf("%s: original-script name %q lost", e.ID, o)
				continue
			}
			scripts[n.Script]++
			if n.Script != "Arab" && n.Script != "Cyrl" {
				otherScript = append(otherScript, e.SourceID+" "+n.Script+" "+n.Full)
			}
		}
		for _, a := range append(r.IndAliases, r.EntAliases...) {
			value := entity.CleanSpace(a.Name)
			if value == "" {
				continue
			}
			aliasValues[string(e.Schema)+" "+a.Quality]++
			kind := aliasKind(a.Quality)
			got := splitNames(value)
			if strings.Contains(value, ";") {
				multi++
				multiNames += len(got)
				if len(got) < 2 {
					t.Errorf("%s: %q not split", e.ID, value)
				}
			}
			for _, n := range got {
				if _, ok := hasName(e, n, kind); !ok {
					t.Errorf("%s: alias %q (%s) lost from %q", e.ID, n, kind, value)
				}
			}
		}
	}

	check := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", what, got, want)
		}
	}
	check("entities", len(list), 1003)
	check("persons", schemas[entity.Person], 730)
	check("organizations", schemas[entity.Organization], 273)
	check("Iran programme (1737 committee, restored by the snapback)", programs["Iran"], 121)

	check("original-script names", scripts["Arab"]+scripts["Cyrl"]+scripts["Latn"], 378)
	check("Arabic original-script names", scripts["Arab"], 366)
	check("Cyrillic original-script names", scripts["Cyrl"], 11)
	// The remaining one is in Latin letters: the publisher put the
	// entity's own name in NAME_ORIGINAL_SCRIPT.
	check("Latin original-script names", scripts["Latn"], 1)
	if !slices.Equal(otherScript, []string{"QDe.164 Latn JAMAAH ANSHARUT DAULAH"}) {
		t.Errorf("original-script names in other scripts: %q", otherScript)
	}

	check("person Good aliases", aliasValues["Person Good"], 1524)
	check("person Low aliases", aliasValues["Person Low"], 615)
	check("entity a.k.a. aliases", aliasValues["Organization a.k.a."], 594)
	check("entity f.k.a. aliases", aliasValues["Organization f.k.a."], 19)
	total := 0
	for _, n := range aliasValues {
		total += n
	}
	check("non-empty ALIAS_NAME values", total, 2752)
	check("ALIAS_NAME values holding ';'-separated names", multi, 27)
	check("names split out of those values", multiNames, 106)

	check("BETWEEN birth dates", between, 31)
	check("document NUMBER values", numbers, 454)
	// Six of them repeat a passport already listed on the same entry
	// under its French or Spanish label ("Numéro de passeport", "Número
	// de pasaporte": KPi.006, KPi.008, KPi.009); they are kept once.
	check("identifiers", idents, 448)
}

// TestRealFileTruncated cuts the real file in the middle of a record.
func TestRealFileTruncated(t *testing.T) {
	data := readRealFile(t)
	cut := data[:len(data)/2]
	list, _, err := parseBytes(realFile, cut)
	se := sourcetest.WantError(t, err)
	if se.File != realFile || se.Line != strings.Count(string(cut), "\n")+1 ||
		!strings.HasPrefix(se.Element, "CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL") {
		t.Errorf("error %v", se)
	}
	if len(list) == 0 {
		t.Error("records before the cut were not emitted")
	}
	t.Log(se)
}

func readRealFile(t testing.TB) []byte {
	t.Helper()
	data := sourcetest.ReadFile(t, sharedtest.File(t, realFile))
	return data
}

// BenchmarkParseUN parses the real list and reports entities per second.
func BenchmarkParseUN(b *testing.B) {
	data := readRealFile(b)
	in := source.Input{Files: []source.File{source.BytesFile(realFile, data)}}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		_, err := Format.Parse(context.Background(), in, func(*entity.Entity) error {
			n++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "entities/s")
}
