package xmlrec

import (
	"context"
	"encoding/xml"
	"io"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/source"
)

// Stream is an XML file being walked, as Walk's visit function sees it.
type Stream struct {
	path    string
	dec     *xml.Decoder
	rec     *Recorder
	open    []string // elements open around the current start element
	start   int64    // stream offset of the current start element
	decoded bool     // visit decoded the current element
}

// Walk streams the XML file f, checked to be UTF-8, and calls visit with
// each start element it meets outside a record. visit makes the element a
// record by decoding it with Decode; otherwise Walk goes on inside it. The
// recorder is cleared before each token, so memory holds one record
// whatever the file's size. Broken XML is a positioned *source.Error;
// errors from visit are returned as they are.
func Walk(ctx context.Context, f source.File, visit func(s *Stream, t xml.StartElement) error) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	rec := NewRecorder(source.CheckUTF8(rc, f.Path))
	s := &Stream{path: f.Path, dec: xml.NewDecoder(rec), rec: rec}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.start = s.dec.InputOffset()
		rec.Discard(s.start)
		tok, err := s.dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return Error(f.Path, s.dec, err, s.open, "")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.decoded = false
			if err := visit(s, t); err != nil {
				return err
			}
			if !s.decoded {
				s.open = append(s.open, t.Name.Local)
			}
		case xml.EndElement:
			if len(s.open) > 0 {
				s.open = s.open[:len(s.open)-1]
			}
		}
	}
}

// Depth is the number of elements open around the current one: 0 for the
// root.
func (s *Stream) Depth() int { return len(s.open) }

// Line is the decoder's line: for visit, that of the start tag's end.
func (s *Stream) Line() int {
	line, _ := s.dec.InputPos()
	return line
}

// Element is the path of the element name inside the open elements, for
// source.Error.Element.
func (s *Stream) Element(name string) string {
	return strings.Join(append(slices.Clip(s.open), name), "/")
}

// Decode reads the element t, just met, into v. A failure is a positioned
// *source.Error naming the element left open.
func (s *Stream) Decode(v any, t *xml.StartElement) error {
	s.decoded = true
	if err := s.dec.DecodeElement(v, t); err != nil {
		return Error(s.path, s.dec, err, s.open, s.Raw())
	}
	return nil
}

// Raw is the text of the element just decoded, as the file has it.
func (s *Stream) Raw() string {
	return s.rec.Text(s.start, s.dec.InputOffset())
}
