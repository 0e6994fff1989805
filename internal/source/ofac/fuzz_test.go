package ofac

import (
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// FuzzParse feeds arbitrary sets to Parse: it must not panic, and any
// failure must be a *source.Error so that the command line reports bad
// input as such.
func FuzzParse(f *testing.F) {
	var seed [4][]byte
	for i, n := range fixtureNames {
		seed[i] = sourcetest.ReadFile(f, "testdata/sdn/"+n)
	}
	f.Add(seed[0], seed[1], seed[2], seed[3])
	f.Add(seed[0], []byte{}, []byte{}, []byte{})
	f.Add([]byte("1,\"A\",-0- ,\"X] [Y\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1962; a.k.a. 'B'.\"\r\n\x1a"), []byte("1,2,\"fka\",\"C\",-0- "), []byte("1,3,-0- ,-0- ,\"Region: X\",-0- "), []byte("1,\"Z.\""))
	f.Add([]byte("1,\"A\"\r\n"), []byte("\xff"), []byte("\"unterminated"), []byte("\x1a\x1a"))
	f.Fuzz(func(t *testing.T, main, alt, add, comments []byte) {
		in := source.Input{Dataset: "d"}
		for i, b := range [][]byte{main, alt, add, comments} {
			file := source.BytesFile(fixtureNames[i], b)
			file.Role, _ = SDNCSV.Set(fixtureNames[i])
			in.Files = append(in.Files, file)
		}
		es, _, err := sourcetest.Parse(SDNCSV.Parse, in)
		for _, e := range es {
			if !strings.HasPrefix(e.ID, "d:") || e.Schema == "" || e.Raw == "" {
				t.Errorf("bad entity %+v", e)
			}
			for _, n := range e.Names {
				if n.Full == "" || n.Kind == "" {
					t.Errorf("empty name in %+v", e)
				}
			}
		}
		if se := sourcetest.CheckError(t, err); se != nil && se.File == "" {
			t.Errorf("error names no file: %v", se)
		}
	})
}

// FuzzRemarks feeds arbitrary remarks to the remarks parser: it must not
// panic, and every item must end up recognized or in Remarks.
func FuzzRemarks(f *testing.F) {
	for _, s := range []string{
		"DOB 23 Nov 1962; POB Caracas, Venezuela; citizen Venezuela; Gender Male; Cedula No. 5892464 (Venezuela); President of the Bolivarian Republic of Venezuela.",
		"Passport RL 3367620 (Lebanon) expires 28 Aug 2020; a.k.a. 'X'; Linked To: A S.A.",
		"Digital Currency Address - XBT 1A; alt. DOB circa 1955 to 1960; Registration ID F.5 (29) AR-11/2002 (Pakistan).",
		"International Maritime Organization No. (5777731); Identification Number IMO 1; Legal Entity Number 2534009GGN6YQZXI1S24",
		"a.k.a. '; a.k.a. ''; Passport (; x (y (z; Title ; .",
		"nationality possibly; info@x.y (email); http://x (website); Aircraft Manufacture Date 1992.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, schema := range []entity.Schema{entity.Person, entity.Organization, entity.Vessel} {
			e := entity.New("d", "1", schema)
			var st remarkStats
			parseRemarks(e, text, "Title", &st)
			if st.Items-st.Recognized != len(e.Remarks) {
				// Remarks deduplicate, so fewer is possible; more is not.
				if len(e.Remarks) > st.Items-st.Recognized {
					t.Errorf("%d unrecognized but %d remarks", st.Items-st.Recognized, len(e.Remarks))
				}
			}
			for _, n := range e.Names {
				if n.Full == "" {
					t.Error("empty name")
				}
			}
			for _, id := range e.Identifiers {
				if id.Number == "" || id.Type == "" {
					t.Errorf("bad identifier %+v", id)
				}
			}
		}
	})
}
