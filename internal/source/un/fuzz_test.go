package un

import (
	"encoding/xml"
	"regexp"
	"testing"

	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// FuzzParse checks that no input makes the parser panic and that every
// failure is a positioned *source.Error.
//
// The seeds are small: one document per field of the fixture's records.
// Go's minimizer is quadratic in the input length, so seeds of several
// kilobytes stall fuzzing for a minute on every new input.
func FuzzParse(f *testing.F) {
	data := readFixture(f)
	for _, s := range fieldSeeds(f, data) {
		f.Add(s)
	}
	f.Add([]byte(`<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>A.1</REFERENCE_NUMBER><INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>a (b; c) ; d b) e</ALIAS_NAME></INDIVIDUAL_ALIAS></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`))
	f.Add([]byte(`<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>A.1</REFERENCE_NUMBER><INDIVIDUAL_ALIAS><ALIAS_NAME>x</ALIAS_NAME>`))
	f.Add([]byte(`<CONSOLIDATED_LIST><ENTITIES><ENTITY><REFERENCE_NUMBER/></ENTITY></ENTITIES></CONSOLIDATED_LIST>`))
	f.Add([]byte("<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>\xff</CONSOLIDATED_LIST>"))
	f.Add([]byte(`<?xml version="1.0" encoding="latin1"?><CONSOLIDATED_LIST/>`))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, _, err := parseBytes("fuzz.xml", data)
		sourcetest.CheckError(t, err)
		for _, e := range list {
			if e.SourceID == "" {
				t.Fatalf("entity without source id: %+v", e)
			}
		}
	})
}

// fieldSeeds cuts the fixture into one small list per field of each
// record, each with the record's REFERENCE_NUMBER.
func fieldSeeds(tb testing.TB, data []byte) [][]byte {
	space := regexp.MustCompile(`>\s+<`)
	var doc struct {
		Individuals []struct {
			Ref    string      `xml:"REFERENCE_NUMBER"`
			Fields []rawXMLElt `xml:",any"`
		} `xml:"INDIVIDUALS>INDIVIDUAL"`
		Entities []struct {
			Ref    string      `xml:"REFERENCE_NUMBER"`
			Fields []rawXMLElt `xml:",any"`
		} `xml:"ENTITIES>ENTITY"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		tb.Fatal(err)
	}
	var seeds [][]byte
	add := func(group, rec, ref string, f rawXMLElt) {
		field := "<" + f.XMLName.Local + ">" + f.Inner + "</" + f.XMLName.Local + ">"
		s := `<CONSOLIDATED_LIST dateGenerated="2025-06-30"><` + group + "><" + rec + "><REFERENCE_NUMBER>" + ref +
			"</REFERENCE_NUMBER>" + field + "</" + rec + "></" + group + "></CONSOLIDATED_LIST>"
		seeds = append(seeds, space.ReplaceAll([]byte(s), []byte("><")))
	}
	for _, r := range doc.Individuals {
		for _, f := range r.Fields {
			add("INDIVIDUALS", "INDIVIDUAL", r.Ref, f)
		}
	}
	for _, r := range doc.Entities {
		for _, f := range r.Fields {
			add("ENTITIES", "ENTITY", r.Ref, f)
		}
	}
	return seeds
}

type rawXMLElt struct {
	XMLName xml.Name
	Inner   string `xml:",innerxml"`
}
