// Package un reads the UN Security Council Consolidated List in its
// official XML schema (sc-sanctions.xsd): one CONSOLIDATED_LIST holding
// INDIVIDUALS and ENTITIES.
//
// The file is streamed record by record, so memory stays flat whatever its
// size, and each entity keeps the exact bytes of its XML element as Raw
// for audit.
package un

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/embargo-screening/embargo/internal/dataset"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/xmlrec"
)

// Dataset is the dataset UN entities belong to (OpenSanctions' name).
const Dataset = dataset.UNSC

// Authority is the body that designates every UN entry.
const Authority = "United Nations Security Council"

// Format is the UN Consolidated List XML format.
var Format = source.Format{
	Name:    "un_sc_xml",
	Dataset: Dataset,
	Sniff:   sniff,
	Parse:   parse,
}

func sniff(name string, head []byte) bool {
	return strings.EqualFold(filepath.Ext(name), ".xml") && bytes.Contains(head, []byte("<CONSOLIDATED_LIST"))
}

const rootElement = "CONSOLIDATED_LIST"

func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
	var meta source.Meta
	f, err := in.Single("the UN Consolidated List XML")
	if err != nil {
		return meta, err
	}
	dataset := in.Dataset
	if dataset == "" {
		dataset = Dataset
	}
	rc, err := f.Open()
	if err != nil {
		return meta, err
	}
	defer rc.Close()

	p := &parser{path: f.Path, dataset: dataset}
	p.rec = xmlrec.NewRecorder(source.CheckUTF8(rc, f.Path))
	p.dec = xml.NewDecoder(p.rec)
	p.dec.CharsetReader = charsetReader
	err = p.run(ctx, &meta, emit)
	return meta, err
}

// charsetReader accepts only UTF-8 spellings: the UN publishes UTF-8, and
// a file declaring another encoding is rejected rather than mis-decoded.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.ReplaceAll(label, "-", "")) {
	case "utf8", "usascii", "ascii":
		return r, nil
	}
	return nil, fmt.Errorf("the file declares encoding %q; only UTF-8 is accepted", label)
}

type parser struct {
	path    string
	dataset string
	rec     *xmlrec.Recorder
	dec     *xml.Decoder
	stack   []string // open elements outside records, for error messages
}

func (p *parser) run(ctx context.Context, meta *source.Meta, emit func(*entity.Entity) error) error {
	rootSeen := false
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		off := p.dec.InputOffset()
		p.rec.Discard(off)
		tok, err := p.dec.Token()
		if err == io.EOF {
			if !rootSeen {
				return source.Errorf(p.path, p.line(), "", "no <%s> element: not a UN Consolidated List file", rootElement)
			}
			return nil
		}
		if err != nil {
			return p.fail(err, "")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if len(p.stack) == 0 {
				if rootSeen || name != rootElement {
					return source.Errorf(p.path, p.line(), name, "unexpected element: the file must hold a single <%s>", rootElement)
				}
				rootSeen = true
				meta.Published = datePart(attr(t, "dateGenerated"))
			} else if name == "INDIVIDUAL" || name == "ENTITY" {
				if err := p.record(ctx, t, off, emit); err != nil {
					return err
				}
				continue
			}
			p.stack = append(p.stack, name)
		case xml.EndElement:
			// The decoder has already checked that tags nest properly.
			p.stack = p.stack[:len(p.stack)-1]
		}
	}
}

// record decodes one INDIVIDUAL or ENTITY starting at byte offset off.
func (p *parser) record(ctx context.Context, start xml.StartElement, off int64, emit func(*entity.Entity) error) error {
	line := p.line()
	var r record
	if err := p.dec.DecodeElement(&r, &start); err != nil {
		return p.fail(err, p.rec.Text(off, p.dec.InputOffset()))
	}
	raw := p.rec.Text(off, p.dec.InputOffset())
	elem := p.elementPath(start.Name.Local)
	if strings.TrimSpace(r.Reference) == "" {
		return source.Errorf(p.path, line, elem, "record has no REFERENCE_NUMBER (DATAID %q)", strings.TrimSpace(r.DataID))
	}
	e := r.toEntity(p.dataset, start.Name.Local == "INDIVIDUAL")
	e.Raw = entity.Raw(raw)
	if err := ctx.Err(); err != nil {
		return err
	}
	return emit(e)
}

func (p *parser) line() int {
	l, _ := p.dec.InputPos()
	return l
}

func (p *parser) elementPath(more ...string) string {
	return strings.Join(append(append([]string(nil), p.stack...), more...), "/")
}

// fail turns a decoding failure into the error to return. Read errors of
// the underlying file (and the UTF-8 guard's *source.Error) pass through;
// anything the XML decoder objects to becomes a *source.Error at the
// decoder's line. partial is the text of the record being decoded, if any,
// used to name the element a truncated file leaves open.
func (p *parser) fail(err error, partial string) error {
	var se *source.Error
	if errors.As(err, &se) {
		return se
	}
	if rerr := p.rec.Err(); rerr != nil && errors.Is(err, rerr) {
		return fmt.Errorf("%s: %w", p.path, err)
	}
	line := p.line()
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		line = syn.Line
		if syn.Msg == "unexpected EOF" {
			return p.truncated(line, partial)
		}
		return source.Errorf(p.path, line, p.openPath(partial), "malformed XML: %s", syn.Msg)
	}
	return source.Errorf(p.path, line, p.openPath(partial), "%v", err)
}

// openPath is the element path open at the point of failure: the
// elements around the records, then those open in the partial record.
func (p *parser) openPath(partial string) string {
	inner, _ := openElements(partial)
	return p.elementPath(inner...)
}

// truncated reports a file that ends before its elements are closed,
// naming the innermost open element and the line it was opened on.
func (p *parser) truncated(line int, partial string) error {
	path := append([]string(nil), p.stack...)
	openedAt := 0
	if partial != "" {
		base := line - strings.Count(partial, "\n") // line the record starts on
		inner, innerLine := openElements(partial)
		path = append(path, inner...)
		if len(inner) > 0 {
			openedAt = base + innerLine - 1
		}
	}
	if len(path) == 0 {
		return source.Errorf(p.path, line, "", "unexpected end of file: the file is truncated")
	}
	msg := fmt.Sprintf("unexpected end of file: <%s> is not closed; the file is truncated", path[len(path)-1])
	if openedAt > 0 {
		msg = fmt.Sprintf("unexpected end of file: <%s> opened at line %d is not closed; the file is truncated", path[len(path)-1], openedAt)
	}
	return source.Errorf(p.path, line, strings.Join(path, "/"), "%s", msg)
}

// openElements re-reads the text of an unfinished record and returns the
// elements still open at its end, and the line (within text) on which the
// innermost was opened.
func openElements(text string) ([]string, int) {
	d := xml.NewDecoder(strings.NewReader(text))
	var names []string
	var lines []int
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			l, _ := d.InputPos()
			names = append(names, t.Name.Local)
			lines = append(lines, l)
		case xml.EndElement:
			if len(names) == 0 || names[len(names)-1] != t.Name.Local {
				return openResult(names, lines) // the mismatch the decoder stopped at
			}
			names, lines = names[:len(names)-1], lines[:len(lines)-1]
		}
	}
	return openResult(names, lines)
}

func openResult(names []string, lines []int) ([]string, int) {
	if len(names) == 0 {
		return nil, 0
	}
	return names, lines[len(lines)-1]
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// datePart returns the ISO date at the start of a timestamp such as
// "2026-02-27T00:00:09.554Z" or "2015-04-07-04:00" (a date with a zone
// offset, as some LISTED_ON values are written).
func datePart(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && isDigits(s[0:4]) && s[4] == '-' && isDigits(s[5:7]) && s[7] == '-' && isDigits(s[8:10]) {
		return s[:10]
	}
	if d, ok := entity.ParseDate(s); ok && d.Until == "" && !d.Circa {
		return d.Value
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
