package gbofsi

import (
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// FuzzParse checks that no input makes the parser panic, that every
// failure is a positioned *source.Error, and that a group is emitted once.
func FuzzParse(f *testing.F) {
	data := readFixture(f)
	f.Add(data)
	lines := strings.SplitAfter(string(data), "\r\n")
	for _, l := range lines[2:] {
		f.Add([]byte(lines[0] + lines[1] + l)) // banner, header and one row
	}
	f.Add([]byte("Name 6,Group ID,Alias Type,DOB,Passport Number,Passport Details\nX,1,AKA,dd/mm/19yy,(1) a (2) b,(1) c\n"))
	f.Add([]byte("Last Updated,\nGroup ID,\n,\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		es, _, err := parseBytes("fuzz.csv", in)
		seen := map[string]bool{}
		for _, e := range es {
			if e.SourceID == "" || e.ID != datasetName+":"+e.SourceID {
				t.Fatalf("bad id %q / %q", e.ID, e.SourceID)
			}
			if seen[e.SourceID] {
				t.Fatalf("group %q emitted twice", e.SourceID)
			}
			seen[e.SourceID] = true
		}
		if se := sourcetest.CheckError(t, err); se != nil && (se.File != "fuzz.csv" || se.Line <= 0) {
			t.Fatalf("error lacks file or line: %v", se)
		}
	})
}
