package xmlrec

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/embargo-screening/embargo/internal/source"
)

func TestRecorderKeepsRecordText(t *testing.T) {
	doc := `<list><rec id="1"><name>A</name></rec><rec id="2"><name>B</name></rec></list>`
	got := recordTexts(t, strings.NewReader(doc))
	want := []string{`<rec id="1"><name>A</name></rec>`, `<rec id="2"><name>B</name></rec>`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// recordTexts decodes the <rec> elements of the document r reads and
// returns their text as the Recorder keeps it.
func recordTexts(t *testing.T, r io.Reader) []string {
	t.Helper()
	rec := NewRecorder(r)
	dec := xml.NewDecoder(rec)
	var got []string
	for {
		rec.Discard(dec.InputOffset())
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			return got
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

// A record larger than the recorder's buffer, read in pieces of any size,
// comes out whole.
func TestRecorderLargeRecordShortReads(t *testing.T) {
	big := `<rec id="1">` + strings.Repeat("<name>A long name</name>", 10000) + `</rec>`
	doc := "<list>" + big + `<rec id="2"/></list>`
	for name, wrap := range map[string]func(io.Reader) io.Reader{
		"plain":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
	} {
		got := recordTexts(t, wrap(strings.NewReader(doc)))
		if len(got) != 2 || got[0] != big || got[1] != `<rec id="2"/>` {
			t.Errorf("%s: got %d records, %d bytes", name, len(got), len(strings.Join(got, "")))
		}
	}
}

// A file that cannot be read is told apart from broken XML.
func TestRecorderErr(t *testing.T) {
	broken := errors.New("disk on fire")
	rec := NewRecorder(io.MultiReader(strings.NewReader("<list><rec>"), iotest.ErrReader(broken)))
	dec := xml.NewDecoder(rec)
	var err error
	for err == nil {
		_, err = dec.Token()
	}
	if !errors.Is(err, broken) || rec.Err() != broken {
		t.Fatalf("decoder: %v, recorder: %v", err, rec.Err())
	}
	rec = NewRecorder(strings.NewReader("<list>"))
	if _, err := io.ReadAll(rec); err != nil || rec.Err() != nil {
		t.Fatalf("end of file taken for a failure: %v, %v", err, rec.Err())
	}
}

func TestWalk(t *testing.T) {
	doc := "<list>\n<group>\n<rec id=\"1\"><name>A</name></rec>\n<rec id=\"2\"><name>B</name></rec>\n</group>\n<rec id=\"3\"/>\n</list>"
	var got []string
	err := Walk(context.Background(), source.BytesFile("f.xml", []byte(doc)), func(s *Stream, t xml.StartElement) error {
		if t.Name.Local != "rec" {
			got = append(got, fmt.Sprintf("%s at depth %d", t.Name.Local, s.Depth()))
			return nil
		}
		line := s.Line()
		var n Node
		if err := s.Decode(&n, &t); err != nil {
			return err
		}
		got = append(got, fmt.Sprintf("%s line %d: %s", s.Element("rec"), line, s.Raw()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"list at depth 0",
		"group at depth 1",
		`list/group/rec line 3: <rec id="1"><name>A</name></rec>`,
		`list/group/rec line 4: <rec id="2"><name>B</name></rec>`,
		`list/rec line 6: <rec id="3"/>`,
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestWalkErrors(t *testing.T) {
	visit := func(s *Stream, t xml.StartElement) error {
		if t.Name.Local == "rec" {
			var n Node
			return s.Decode(&n, &t)
		}
		return nil
	}
	tests := []struct {
		name, doc string
		line      int
		element   string
	}{
		{"truncated record", "<list>\n<group>\n<rec><name>A", 3, "list/group/rec/name"},
		{"truncated between records", "<list>\n<group>\n<rec/>\n", 4, "list/group"},
		{"mismatched tag", "<list>\n<rec><name>A</nam></rec></list>", 2, "list/rec"},
		{"not UTF-8", "<list>\n<rec>\xff</rec></list>", 2, ""},
	}
	for _, tt := range tests {
		err := Walk(context.Background(), source.BytesFile("f.xml", []byte(tt.doc)), visit)
		var se *source.Error
		if !errors.As(err, &se) || se.File != "f.xml" || se.Line != tt.line || se.Element != tt.element {
			t.Errorf("%s: got %#v", tt.name, err)
		}
	}

	stop := errors.New("stop")
	err := Walk(context.Background(), source.BytesFile("f.xml", []byte("<list/>")), func(*Stream, xml.StartElement) error { return stop })
	if err != stop {
		t.Errorf("visit's error: got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, source.BytesFile("f.xml", []byte("<list/>")), visit); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}
