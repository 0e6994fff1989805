package formats

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// A wrong number of files is bad input like any other: the command line
// must be able to report it as such.
func TestWrongFileCount(t *testing.T) {
	for _, f := range All() {
		for _, files := range [][]source.File{nil, {source.BytesFile("a", nil), source.BytesFile("b", nil)}} {
			_, err := f.Parse(context.Background(), source.Input{Files: files}, func(*entity.Entity) error { return nil })
			if se := sourcetest.WantError(t, err); se.Msg == "" {
				t.Errorf("%s, %d files: no message", f.Name, len(files))
			}
		}
	}
}

// Every list file is recognized from its content as its own format, and
// files that are not lists (a customer file, news, notes) are refused:
// importing a folder must neither misread a list nor take a portfolio for
// one.
func TestRecognize(t *testing.T) {
	cases := map[string]string{ // path -> format, "" for refused
		"../csl/testdata/csl.csv":                  "us_csl_csv",
		"../csl/testdata/csl_reordered.csv":        "us_csl_csv",
		"../csl/testdata/csl_v1.csv":               "us_csl_csv",
		"../eu/testdata/eu_fsf.xml":                "eu_fsf_xml",
		"../ftm/testdata/entities.ftm.json":        "ftm_json",
		"../ftm/testdata/targets.nested.json":      "ftm_json",
		"../gbfcdo/testdata/UK-Sanctions-List.xml": "gb_fcdo_xml",
		"../gbofsi/testdata/ConList.csv":           "gb_ofsi_csv",
		"../ofac/testdata/sdn/sdn.csv":             "ofac_sdn_csv",
		"../ofacxml/testdata/SDN_ADVANCED.XML":     "ofac_advanced_xml",
		"../ofacxml/testdata/CONS_ADVANCED.XML":    "ofac_advanced_xml",
		"../senzing/testdata/records.jsonl":        "senzing_json",
		"../un/testdata/consolidated.xml":          "un_sc_xml",
		"../csl/testdata/README.md":                "",
		"formats.go":                               "",
	}
	if data := sharedDir(); data != "" {
		for rel, want := range map[string]string{
			"un/consolidated-2026-02-27.xml":         "un_sc_xml",
			"ofac/2019-01-15/sdn.csv":                "ofac_sdn_csv",
			"ofac/2021-07-07":                        "ofac_sdn_csv", // the folder: one set of four files
			"us-csl/csl-2019-12-03.csv":              "us_csl_csv",
			"opensanctions/us_congress_senzing.json": "senzing_json",
			"customers-dev-20k.csv":                  "",
			"news/000_561df4cf3964d214.txt":          "",
			"README.md":                              "",
		} {
			cases[filepath.Join(data, rel)] = want
		}
	}
	for path, want := range cases {
		jobs, err := source.Plan([]string{path}, All(), "")
		if want == "" {
			var se *source.Error
			if !errors.As(err, &se) || !strings.Contains(se.Msg, "unknown format") {
				t.Errorf("%s: want refused as unknown format, got %v", path, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if len(jobs) != 1 || jobs[0].Format.Name != want {
			t.Errorf("%s: recognized as %s, want %s", path, jobs[0].Format.Name, want)
		}
	}
}

// sharedDir is ../shared/data when present (the real files are a bonus
// here, so their absence only narrows the test).
func sharedDir() string {
	if d := os.Getenv("EMBARGO_DATA"); d != "" {
		return d
	}
	d := filepath.Join("..", "..", "..", "..", "shared", "data")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}
