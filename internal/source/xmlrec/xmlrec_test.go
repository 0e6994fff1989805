package xmlrec

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/source"
)

func TestRecorderKeepsRecordText(t *testing.T) {
	doc := `<list><rec id="1"><name>A</name></rec><rec id="2"><name>B</name></rec></list>`
	rec := &Recorder{R: strings.NewReader(doc)}
	dec := xml.NewDecoder(rec)
	var got []string
	for {
		rec.Discard(dec.InputOffset())
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rec" {
			var n Node
			if err := dec.DecodeElement(&n, &se); err != nil {
				t.Fatal(err)
			}
			got = append(got, rec.Text(start, dec.InputOffset()))
		}
	}
	want := []string{`<rec id="1"><name>A</name></rec>`, `<rec id="2"><name>B</name></rec>`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestErrorNamesUnclosedElement(t *testing.T) {
	partial := "<rec>\n<name>A</name>\n<dob>19"
	dec := xml.NewDecoder(strings.NewReader("<list>\n" + partial))
	var err error
	for err == nil {
		_, err = dec.Token()
	}
	e := Error("list.xml", dec, err, []string{"list"}, partial)
	var se *source.Error
	if !errors.As(e, &se) || se.File != "list.xml" || se.Element != "list/rec/dob" || !strings.Contains(se.Msg, "<dob>") {
		t.Fatalf("got %#v", e)
	}
}
