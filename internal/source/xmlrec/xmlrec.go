// Package xmlrec holds what the streaming XML parsers share: a reader that
// keeps each record's bytes for Raw, positioned errors for broken XML, and
// a catch-all element for content a parser has no field for.
package xmlrec

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/embargo-screening/embargo/internal/source"
)

// Recorder keeps the bytes the XML decoder has read since the last
// discard, so that a record's text can be stored as Raw exactly as the
// publisher wrote it. The parser discards before each top-level token, so
// it holds one record plus the decoder's read-ahead: memory stays flat.
type Recorder struct {
	R    io.Reader
	base int64 // stream offset of buf[0]
	buf  []byte
}

func (c *Recorder) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	c.buf = append(c.buf, p[:n]...)
	return n, err
}

// Discard drops the bytes before stream offset off.
func (c *Recorder) Discard(off int64) {
	k := off - c.base
	if k <= 0 {
		return
	}
	if k > int64(len(c.buf)) {
		k = int64(len(c.buf))
	}
	c.buf = c.buf[:copy(c.buf, c.buf[k:])]
	c.base += k
}

// Text returns a copy of the bytes between two stream offsets.
func (c *Recorder) Text(from, to int64) string {
	i, j := from-c.base, to-c.base
	i = max(0, min(i, int64(len(c.buf))))
	j = max(i, min(j, int64(len(c.buf))))
	return string(c.buf[i:j])
}

// Error turns a decoder failure into a positioned *source.Error. open
// lists the elements open outside the record being decoded, partial the
// record's text read so far: the decoder does not say which element was
// left unclosed, so it is found by re-reading that text.
func Error(path string, dec *xml.Decoder, err error, open []string, partial string) error {
	var se *source.Error
	if errors.As(err, &se) {
		return se // not UTF-8: CheckUTF8 already positioned it
	}
	line, _ := dec.InputPos()
	msg := err.Error()
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		line, msg = syn.Line, syn.Msg
	}
	stack := append(append([]string(nil), open...), unclosed(partial)...)
	if len(stack) > 0 && strings.Contains(msg, "unexpected EOF") {
		msg = "the file ends inside <" + stack[len(stack)-1] + ">, which is not closed: truncated download?"
	}
	return source.Errorf(path, line, strings.Join(stack, "/"), "malformed XML: %s", msg)
}

// unclosed returns the elements left open at the end of an XML fragment.
func unclosed(fragment string) []string {
	if fragment == "" {
		return nil
	}
	d := xml.NewDecoder(strings.NewReader(fragment))
	var stack []string
	for {
		tok, err := d.RawToken()
		if err != nil {
			return stack
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
}

// Node is any XML element, for content the parser has no field for.
type Node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []Node     `xml:",any"`
}

// Flatten renders a node's attributes and text as one line, so that an
// element unknown to the parser is kept in Properties rather than lost.
func (n *Node) Flatten() string {
	var b bytes.Buffer
	for _, a := range n.Attrs {
		if a.Value != "" {
			b.WriteString(a.Name.Local + "=" + a.Value + " ")
		}
	}
	b.WriteString(n.Text)
	for i := range n.Nodes {
		b.WriteString(" " + n.Nodes[i].Flatten())
	}
	return b.String()
}
