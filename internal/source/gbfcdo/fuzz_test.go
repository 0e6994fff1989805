package gbfcdo

import (
	"testing"

	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// FuzzParse checks that no input makes the parser panic and that every
// failure is a positioned *source.Error, as the command line relies on.
func FuzzParse(f *testing.F) {
	data := readFixture(f)
	// One seed per record: the whole fixture is a slow seed to minimize.
	for _, rec := range records(data) {
		f.Add([]byte("<Designations><DateGenerated>00/00/2026</DateGenerated>" + rec + "</Designations>"))
	}
	f.Add(data[:len(data)/8])
	f.Add([]byte(`<Designations><Designation><UniqueID>X</UniqueID><Names><Name><Name>A</Name><NameType/></Name></Names><DOB>dd/mm/yyyy</DOB><IMONumber>IMO</IMONumber></Designation></Designations>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		es, _, err := parseBytes("fuzz.xml", in)
		for _, e := range es {
			if e.SourceID == "" || e.ID != datasetName+":"+e.SourceID {
				t.Fatalf("bad id %q / %q", e.ID, e.SourceID)
			}
		}
		if se := sourcetest.CheckError(t, err); se != nil && (se.File != "fuzz.xml" || se.Line <= 0) {
			t.Fatalf("error lacks file or line: %v", se)
		}
	})
}

// records splits the fixture into its Designation elements.
func records(data []byte) []string {
	return sourcetest.Records(string(data), "<Designation>", "</Designation>")
}
