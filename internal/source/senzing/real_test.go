package senzing

import (
	"bytes"
	"context"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/sharedtest"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

const realFile = "opensanctions/us_congress_senzing.json"

// TestRealFile imports the OpenSanctions US Congress export: one entity
// per non-blank line, none lost.
func TestRealFile(t *testing.T) {
	path := sharedtest.File(t, realFile)
	data := sourcetest.ReadFile(t, path)
	lines := 0
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			lines++
		}
	}
	if !Format.Sniff("us_congress_senzing.json", data[:source.SniffSize]) {
		t.Error("Sniff does not recognize the file")
	}

	list, _, err := sourcetest.Parse(Format.Parse, source.Input{Files: []source.File{source.OSFile(path)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != lines {
		t.Errorf("%d entities from %d lines", len(list), lines)
	}
	if lines != 1319 {
		t.Errorf("file has %d records, want 1319", lines)
	}

	ids := map[string]bool{}
	schemas := map[entity.Schema]int{}
	aliases, dobs := 0, 0
	for _, e := range list {
		if ids[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
		schemas[e.Schema]++
		if e.Dataset != "os_us_congress" {
			t.Errorf("%s: dataset %q", e.ID, e.Dataset)
		}
		if len(names(e, entity.Primary)) != 1 {
			t.Errorf("%s: %d primary names", e.ID, len(names(e, entity.Primary)))
		}
		aliases += len(names(e, entity.Alias))
		dobs += len(e.BirthDates)
		if len(e.Nationalities) != 1 || e.Nationalities[0] != "US" {
			t.Errorf("%s: nationalities %v", e.ID, e.Nationalities)
		}
		if len(e.Raw) == 0 || e.Raw[0] != '{' {
			t.Errorf("%s: raw %.40q", e.ID, e.Raw)
		}
	}
	// Two records are the positions the members hold ("United States
	// representative", "United States senator") with RECORD_TYPE null.
	if schemas[entity.Person] != 1317 || schemas[entity.LegalEntity] != 2 {
		t.Errorf("schemas %v, want 1317 Person and 2 LegalEntity", schemas)
	}
	if aliases != 33 {
		t.Errorf("%d aliases, want the file's 33 NAME_TYPE ALIAS", aliases)
	}
	if dobs != 1316 {
		t.Errorf("%d birth dates, want 1316", dobs)
	}
}

// BenchmarkParseSenzing parses the real export and reports entities/s.
func BenchmarkParseSenzing(b *testing.B) {
	data := sourcetest.ReadFile(b, sharedtest.File(b, realFile))
	in := source.Input{Files: []source.File{source.BytesFile(realFile, data)}}
	b.SetBytes(int64(len(data)))
	n := 0
	for b.Loop() {
		if _, err := Format.Parse(context.Background(), in, func(*entity.Entity) error {
			n++
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "entities/s")
}
