// Package xmlrec holds what the streaming XML parsers share: a reader that
// keeps each record's bytes for Raw, positioned errors for broken XML, a
// walk over a file that decodes it record by record, and a catch-all
// element for content a parser has no field for.
package xmlrec

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/source"
)

// Recorder is the XML decoder's byte source. It keeps the bytes read
// since the last Discard, so that a record's text can be stored as Raw
// exactly as the publisher wrote it, cut out by the decoder's offsets.
// It buffers the input itself and, as an io.ByteReader, is read by the
// decoder a byte at a time, so that the decoder does no read-ahead of its
// own: what Text can return ends where the decoder is. The parser
// discards before each top-level token, so it holds one record plus a
// buffer, however large the file.
type Recorder struct {
	r    io.Reader
	buf  []byte // buf[keep:pos] is kept for Text; buf[pos:] is not read yet
	keep int
	pos  int
	base int64 // stream offset of buf[0]
	err  error // from r, returned once buf is used up
}

// NewRecorder returns a Recorder reading r.
func NewRecorder(r io.Reader) *Recorder {
	return &Recorder{r: r, buf: make([]byte, 0, 64<<10)}
}

// ReadByte is how the decoder reads: given an io.ByteReader, it adds no
// buffer of its own.
func (c *Recorder) ReadByte() (byte, error) {
	if c.pos == len(c.buf) && !c.fill() {
		return 0, c.err
	}
	b := c.buf[c.pos]
	c.pos++
	return b, nil
}

// Read makes the Recorder the io.Reader that xml.NewDecoder takes.
func (c *Recorder) Read(p []byte) (int, error) {
	if c.pos == len(c.buf) && !c.fill() {
		return 0, c.err
	}
	n := copy(p, c.buf[c.pos:])
	c.pos += n
	return n, nil
}

// fill reads more input after the kept bytes, moving them to the front
// of the buffer or growing it to make room. It reports whether there is
// more to read.
func (c *Recorder) fill() bool {
	for range 100 {
		if c.err != nil {
			return false
		}
		if c.keep > 0 {
			n := copy(c.buf, c.buf[c.keep:])
			c.buf, c.pos, c.base, c.keep = c.buf[:n], c.pos-c.keep, c.base+int64(c.keep), 0
		}
		if len(c.buf) == cap(c.buf) {
			c.buf = slices.Grow(c.buf, max(cap(c.buf), 4096)) // a record larger than the buffer
		}
		n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
		c.buf = c.buf[:len(c.buf)+n]
		c.err = err
		if n > 0 {
			return true
		}
	}
	c.err = io.ErrNoProgress
	return false
}

// Err returns the failure of the underlying reader, if it failed with
// anything but io.EOF, so that a parser can tell a file it cannot read
// from broken XML.
func (c *Recorder) Err() error {
	if c.err == io.EOF {
		return nil
	}
	return c.err
}

// Discard drops the bytes before stream offset off.
func (c *Recorder) Discard(off int64) {
	c.keep = max(c.keep, min(int(off-c.base), c.pos))
}

// Text returns a copy of the bytes between two stream offsets.
func (c *Recorder) Text(from, to int64) string {
	i := max(c.keep, min(int(from-c.base), c.pos))
	j := max(i, min(int(to-c.base), c.pos))
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
