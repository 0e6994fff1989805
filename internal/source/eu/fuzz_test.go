package eu

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
		f.Add([]byte(`<export xmlns="` + namespace + `">` + rec + `</export>`))
	}
	f.Add(data[:len(data)/8])
	f.Add([]byte(`<export xmlns="` + namespace + `"><sanctionEntity logicalId="1"><nameAlias wholeName="A" strong="false"/><birthdate year="1970" monthOfYear="13"/></sanctionEntity></export>`))
	f.Add([]byte(`<export><sanctionEntity logicalId="2"><birthdate yearRangeFrom="x" circa="true"/><identification number=" "/></sanctionEntity></export>`))
	f.Add([]byte("\xef\xbb\xbf<export/>"))
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

// records splits the fixture into its sanctionEntity elements.
func records(data []byte) []string {
	return sourcetest.Records(string(data), "<sanctionEntity ", "</sanctionEntity>")
}
