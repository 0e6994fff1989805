package eu

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
)

// FuzzParse checks that no input makes the parser panic and that every
// failure is a positioned *source.Error, as the command line relies on.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		f.Fatal(err)
	}
	// One seed per record: the whole fixture is a slow seed to minimize.
	for _, rec := range recordsOf(data) {
		f.Add([]byte(`<export xmlns="` + namespace + `">` + rec + `</export>`))
	}
	f.Add(data[:len(data)/8])
	f.Add([]byte(`<export xmlns="` + namespace + `"><sanctionEntity logicalId="1"><nameAlias wholeName="A" strong="false"/><birthdate year="1970" monthOfYear="13"/></sanctionEntity></export>`))
	f.Add([]byte(`<export><sanctionEntity logicalId="2"><birthdate yearRangeFrom="x" circa="true"/><identification number=" "/></sanctionEntity></export>`))
	f.Add([]byte("\xef\xbb\xbf<export/>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		file := source.BytesFile("fuzz.xml", in)
		_, err := Format.Parse(context.Background(), source.Input{Files: []source.File{file}}, func(e *entity.Entity) error {
			if e.SourceID == "" || e.ID != dataset+":"+e.SourceID {
				t.Fatalf("bad id %q / %q", e.ID, e.SourceID)
			}
			return nil
		})
		var se *source.Error
		if err != nil && !errors.As(err, &se) {
			t.Fatalf("error is %T, not *source.Error: %v", err, err)
		}
		if se != nil && (se.File != "fuzz.xml" || se.Line <= 0) {
			t.Fatalf("error lacks file or line: %v", se)
		}
	})
}

// recordsOf splits the fixture into its sanctionEntity elements.
func recordsOf(data []byte) []string {
	var out []string
	s := string(data)
	for {
		i := strings.Index(s, "<sanctionEntity ")
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], "</sanctionEntity>")
		if j < 0 {
			return out
		}
		j += i + len("</sanctionEntity>")
		out = append(out, s[i:j])
		s = s[j:]
	}
}
