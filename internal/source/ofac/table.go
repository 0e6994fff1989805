package ofac

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/embargo-screening/embargo/internal/source"
)

// row is one CSV record with what Raw and error messages need.
type row struct {
	id     int
	fields []string
	file   string // base name, for Raw
	raw    string // the line as published, without its line break
}

// table reads one file of a set row by row.
type table struct {
	path  string
	base  string
	cols  int
	rc    io.Closer
	rec   *recorder
	r     *csv.Reader
	ended bool
}

// openTable opens a file of the set behind the checks every OFAC file
// needs: UTF-8, the trailing 0x1A dropped, and the original line kept.
func openTable(f source.File, cols int) (*table, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, source.Errorf(f.Path, 0, "", "cannot read: %v", err)
	}
	rec := &recorder{r: &subTrim{r: source.CheckUTF8(rc, f.Path), buf: make([]byte, 0, 32<<10)}}
	r := csv.NewReader(rec)
	r.FieldsPerRecord = cols
	// The files were checked to need neither: quotes inside values are
	// not escaped because OFAC never writes one.
	r.LazyQuotes = false
	r.ReuseRecord = false
	return &table{path: f.Path, base: filepath.Base(f.Path), cols: cols, rc: rc, rec: rec, r: r}, nil
}

func (t *table) close() { t.rc.Close() }

// next returns the next row, or nil at the end of the file.
func (t *table) next() (*row, error) {
	if t.ended {
		return nil, nil
	}
	fields, err := t.r.Read()
	if err == io.EOF {
		t.ended = true
		return nil, nil
	}
	if err != nil {
		return nil, t.convert(err)
	}
	line, _ := t.r.FieldPos(0)
	raw := t.rec.take(t.r.InputOffset())
	id, perr := strconv.Atoi(strings.TrimSpace(fields[0]))
	if perr != nil || id < 0 {
		return nil, source.Errorf(t.path, line, "ent_num", "ent_num %q is not a whole number", fields[0])
	}
	return &row{id: id, fields: fields, file: t.base, raw: raw}, nil
}

// convert turns reader errors into *source.Error naming file and line.
// Syntax errors say more than source.CSVError does: the columns a record
// has, and where a runaway quoted value began.
func (t *table) convert(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return source.CSVError(t.path, err)
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		// Reported on the first line of the record.
		n := t.fieldsOnError()
		return source.Errorf(t.path, pe.StartLine, "", "%s, want %d columns", n, t.cols)
	}
	line := pe.Line
	if line == 0 {
		line = pe.StartLine
	}
	msg := pe.Err.Error()
	if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
		msg += fmt.Sprintf(" (quoted value opened on line %d)", pe.StartLine)
	}
	return source.Errorf(t.path, line, "", "bad CSV: %s", msg)
}

// fieldsOnError says how many columns the rejected record had, which the
// csv package does not put in its error.
func (t *table) fieldsOnError() string {
	raw := t.rec.take(t.r.InputOffset())
	rec, err := csv.NewReader(strings.NewReader(raw)).Read()
	if err != nil {
		return "wrong number of columns"
	}
	return fmt.Sprintf("found %d columns", len(rec))
}

// recorder keeps what the csv reader consumed so that each record's
// original text can be cut out by offset for Raw.
type recorder struct {
	r    io.Reader
	buf  []byte
	base int64 // input offset of buf[0]
}

func (c *recorder) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.buf = append(c.buf, p[:n]...)
	return n, err
}

// take returns the text from the previous cut to offset end, without the
// line break, and forgets it.
func (c *recorder) take(end int64) string {
	k := int(end - c.base)
	if k < 0 || k > len(c.buf) {
		return ""
	}
	s := strings.TrimRight(string(c.buf[:k]), "\r\n")
	// Keep the unread rest at the start of buf so that buf stays about
	// as large as the csv reader's look-ahead.
	rest := copy(c.buf, c.buf[k:])
	c.buf = c.buf[:rest]
	c.base = end
	return s
}

// subTrim drops 0x1A bytes at the very end of the input: OFAC ends its
// files with a DOS end-of-file marker, which would otherwise read as a
// last row of one column. 0x1A anywhere else is passed on.
type subTrim struct {
	r    io.Reader
	buf  []byte // buf[off:safe] may be passed on; buf[safe:] is a run of 0x1A
	off  int
	safe int
	err  error
}

func (s *subTrim) Read(p []byte) (int, error) {
	for s.off == s.safe {
		if s.err != nil {
			return 0, s.err // any held 0x1A run ended the input: dropped
		}
		n := copy(s.buf[:cap(s.buf)], s.buf[s.off:])
		s.buf, s.off = s.buf[:n], 0
		m, err := s.r.Read(s.buf[n:cap(s.buf)])
		s.buf = s.buf[:n+m]
		s.err = err
		i := len(s.buf)
		for i > 0 && s.buf[i-1] == 0x1A {
			i--
		}
		if i == 0 && len(s.buf) == cap(s.buf) {
			i = len(s.buf) // a buffer full of 0x1A is content, not a marker
		}
		s.safe = i
	}
	n := copy(p, s.buf[s.off:s.safe])
	s.off += n
	return n, nil
}
