package gbfcdo

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
	for _, rec := range recordsOf(string(data)) {
		f.Add([]byte("<Designations><DateGenerated>00/00/2026</DateGenerated>" + rec + "</Designations>"))
	}
	f.Add(data[:len(data)/8])
	f.Add([]byte(`<Designations><Designation><UniqueID>X</UniqueID><Names><Name><Name>A</Name><NameType/></Name></Names><DOB>dd/mm/yyyy</DOB><IMONumber>IMO</IMONumber></Designation></Designations>`))
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

// recordsOf splits the fixture into its Designation elements.
func recordsOf(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "<Designation>")
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], "</Designation>")
		if j < 0 {
			return out
		}
		j += i + len("</Designation>")
		out = append(out, s[i:j])
		s = s[j:]
	}
}
