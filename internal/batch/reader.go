package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// maxRecordBytes bounds one input row: a JSON line, or a CSV record with
// the newlines of its quoted fields. A longer row is reported as malformed
// instead of being read into memory, so that an unclosed quote or a binary
// file cannot make the reader hold the rest of the input.
const maxRecordBytes = 16 << 20

// The known columns (CSV) or keys (JSON lines).
type column int

const (
	colID column = iota
	colName
	colSchema
	colBirthDate
	colCountry
	colIdentifier
	numColumns
)

var columnNames = [numColumns]string{"id", "name", "schema", "birth_date", "country", "identifier"}

var errTooLong = errors.New("row too long")

// Reader reads rows one at a time with bounded memory: it holds one row
// (at most maxRecordBytes) and its input buffers, whatever the file size.
//
// CSV needs a header with columns id and name; schema, birth_date,
// country and identifier are optional and other columns ignored. Header
// names are matched without regard to case or surrounding space. Blank
// lines are not rows. JSON lines has one object per line with the same
// keys, in any case, whose values are strings (a number is accepted for
// id); other keys are ignored, and blank lines skipped. In both formats
// country and identifier may hold several values separated by ';' or '|',
// and in JSON may also be arrays of strings. Values are trimmed of
// surrounding white space.
//
// A CSV parse error (LazyQuotes is off) makes an error record at the line
// where the row starts. A stray quote inside a field (Jo"hn, "Ann" Lee)
// spoils only its line: encoding/csv skips the rest of it. A field that
// opens a quote and does not close it on its line would swallow the
// following lines up to the next quote character, or to the end of the
// file; the Reader then restarts on the line after the row's first line,
// so those lines are read as rows again. The price is that a quoted field
// that really spans lines and is also broken gets a second error record
// for its next line. A row longer than 16 MiB is treated likewise.
type Reader struct {
	format Format
	br     *bufio.Reader
	err    error // once set, returned by every Read (io.EOF at the end)

	// CSV: csv reads from src. After a parse error that swallowed lines
	// both are replaced to resume after the bad row's first line, and
	// lineOff converts the new reader's line numbers to input lines.
	csv     *csv.Reader
	src     *rawReader
	lineOff int
	comma   rune
	cols    [numColumns]int // field index of each known column, -1 when absent
	nfields int             // fields in the header

	// JSON lines.
	line int    // lines read so far
	buf  []byte // the current line when longer than br's buffer
}

// NewReader returns a Reader of r in format f. Pass the *bufio.Reader
// given to Sniff, so that no peeked byte is lost. A leading byte order
// mark is dropped. For CSV the header is read and checked here: a missing
// id or name column is an error naming the missing column(s) and the
// columns found, since no row could be screened without them.
func NewReader(r io.Reader, f Format) (*Reader, error) {
	return NewReaderWith(r, f, ReadOptions{})
}

// ReadOptions tune a Reader.
type ReadOptions struct {
	// Comma separates CSV fields (default ','; SniffComma guesses it).
	Comma rune
}

// NewReaderWith is NewReader with options.
func NewReaderWith(r io.Reader, f Format, opt ReadOptions) (*Reader, error) {
	if opt.Comma == 0 {
		opt.Comma = ','
	}
	if opt.Comma == '"' || opt.Comma == '\r' || opt.Comma == '\n' || opt.Comma == utf8.RuneError {
		return nil, fmt.Errorf("%q cannot separate CSV fields", opt.Comma)
	}
	if f != CSV && f != JSONLines {
		return nil, fmt.Errorf("unknown input format %d", f)
	}
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	if b, err := br.Peek(len(bom)); bytes.Equal(b, bom) {
		br.Discard(len(bom))
	} else if err != nil && err != io.EOF {
		return nil, fmt.Errorf("reading input: %w", err)
	}
	rd := &Reader{format: f, br: br, comma: opt.Comma}
	if f == CSV {
		if err := rd.readHeader(); err != nil {
			return nil, err
		}
	}
	return rd, nil
}

// Read returns the next row, or io.EOF after the last one. A malformed
// row comes back with Row.Err set and a nil error, so that the caller can
// go on with the next row; the error is only for input that cannot be
// read any further (an I/O error), and it is returned again by later
// calls.
func (r *Reader) Read() (Row, error) {
	if r.err != nil {
		return Row{}, r.err
	}
	var row Row
	var err error
	if r.format == CSV {
		row, err = r.readCSV()
	} else {
		row, err = r.readJSON()
	}
	if err != nil {
		r.err = err
	}
	return row, err
}

// problems collects what is wrong with a row, so that one error record
// reports all of it.
type problems struct {
	msgs []string
	bad  [numColumns]bool // a problem was reported for the column
}

func (p *problems) addf(c column, format string, args ...any) {
	p.msgs = append(p.msgs, fmt.Sprintf(format, args...))
	if c >= 0 {
		p.bad[c] = true
	}
}

func (p *problems) err() error {
	if len(p.msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(p.msgs, "; "))
}

// check adds the problems every format shares: a row needs an id, to be
// found again in the output, and a name, to be screened at all. A value
// already reported as bad is not reported again as empty.
func (p *problems) check(row *Row) {
	if row.ID == "" && !p.bad[colID] {
		p.addf(colID, "id is empty")
	}
	if row.Name == "" && !p.bad[colName] {
		p.addf(colName, "name is empty")
	}
}

// splitList splits a country or identifier field holding several values.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// ---- CSV ----

// rawReader feeds the csv.Reader and keeps every byte handed over since
// the start of the current record. encoding/csv gives no way to resume
// after a quoted field that runs past its line; with these bytes the
// Reader can restart just after the bad row's first line, so that a stray
// quote costs one row instead of the rest of the file.
type rawReader struct {
	prefix []byte // replayed before reading br, after a restart
	br     *bufio.Reader
	raw    []byte // raw[off:] was handed over and not yet consumed by a returned record
	off    int
	base   int64 // csv.Reader.InputOffset at raw[off]
	line   int   // line of the csv.Reader at raw[off]
	long   bool  // the record outgrew maxRecordBytes
}

func (s *rawReader) Read(p []byte) (int, error) {
	if len(s.raw)-s.off > maxRecordBytes {
		s.long = true
		return 0, errTooLong
	}
	var n int
	var err error
	if len(s.prefix) > 0 {
		n = copy(p, s.prefix)
		if s.prefix = s.prefix[n:]; len(s.prefix) == 0 {
			s.prefix = nil // let go of a replay buffer of up to maxRecordBytes
		}
	} else {
		n, err = s.br.Read(p)
	}
	if s.off > 0 && len(s.raw)+n > cap(s.raw) {
		s.raw = s.raw[:copy(s.raw, s.raw[s.off:])]
		s.off = 0
	}
	s.raw = append(s.raw, p[:n]...)
	return n, err
}

// advance drops the bytes the csv.Reader has consumed, up to offset.
func (s *rawReader) advance(offset int64) {
	n := int(offset - s.base)
	s.line += bytes.Count(s.raw[s.off:s.off+n], []byte{'\n'})
	s.off += n
	s.base = offset
}

// lineEnd returns the index in raw just after the line starting at i, or
// -1 if raw holds no newline after i.
func (s *rawReader) lineEnd(i int) int {
	j := bytes.IndexByte(s.raw[i:], '\n')
	if j < 0 {
		return -1
	}
	return i + j + 1
}

func newCSV(src *rawReader, comma rune) *csv.Reader {
	c := csv.NewReader(src)
	c.Comma = comma
	c.FieldsPerRecord = -1 // checked by the Reader, to report and go on
	c.LazyQuotes = false
	c.ReuseRecord = true
	return c
}

func (r *Reader) readHeader() error {
	r.src = &rawReader{br: r.br, line: 1}
	r.csv = newCSV(r.src, r.comma)
	rec, err := r.csv.Read()
	switch {
	case err == io.EOF:
		return errors.New("empty input: expected a CSV header with columns id and name")
	case r.src.long || errors.Is(err, errTooLong):
		return fmt.Errorf("CSV header longer than %d MiB%s", maxRecordBytes>>20, r.src.jsonHint())
	case err != nil:
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("malformed CSV header (line %d, column %d): %v%s", pe.Line, pe.Column, pe.Err, r.src.jsonHint())
		}
		return fmt.Errorf("reading input: %w", err)
	}
	r.src.advance(r.csv.InputOffset())
	r.nfields = len(rec)
	for c := range r.cols {
		r.cols[c] = -1
	}
	found := make([]string, len(rec))
	for i, h := range rec {
		if i == 0 {
			h = strings.TrimPrefix(h, string(bom))
		}
		h = strings.TrimSpace(h)
		found[i] = fmt.Sprintf("%q", h)
		h = strings.ToLower(h)
		for c, name := range columnNames {
			if h != name {
				continue
			}
			if r.cols[c] >= 0 {
				return fmt.Errorf("CSV header has column %q twice", name)
			}
			r.cols[c] = i
		}
	}
	var missing []string
	for _, c := range []column{colID, colName} {
		if r.cols[c] < 0 {
			missing = append(missing, fmt.Sprintf("%q", columnNames[c]))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if len(found) > 20 {
		found = append(found[:20], "...")
	}
	msg := fmt.Sprintf("CSV header lacks the required column %s (columns found: %s)",
		strings.Join(missing, " and "), strings.Join(found, ", "))
	if len(missing) > 1 {
		msg = strings.Replace(msg, "column", "columns", 1)
	}
	if hint := r.src.jsonHint(); hint != "" {
		msg += hint
	} else if len(rec) == 1 && strings.ContainsAny(rec[0], ";\t|") {
		msg += fmt.Sprintf("; the columns were read as separated by %q: give the separator the file uses (--delimiter ';')", r.comma)
	}
	return errors.New(msg)
}

// jsonHint explains a header failure when the input looks like JSON
// given as CSV.
func (s *rawReader) jsonHint() string {
	b := bytes.TrimLeft(s.raw, " \t\r\n")
	switch {
	case bytes.HasPrefix(b, []byte("[")):
		return "; is this a JSON array? JSON input must be one object per line"
	case bytes.HasPrefix(b, []byte("{")):
		return "; is this JSON lines?"
	}
	return ""
}

func (r *Reader) readCSV() (Row, error) {
	for {
		rec, err := r.csv.Read()
		s := r.src
		if err == nil {
			line, _ := r.csv.FieldPos(0)
			s.advance(r.csv.InputOffset())
			return r.csvRow(rec, r.lineOff+line), nil
		}
		var pe *csv.ParseError
		switch {
		case s.long || errors.Is(err, errTooLong):
			row, ok, err := r.skipLongCSV()
			if err != nil || ok {
				return row, err
			}
			continue // only blank lines: nothing to report
		case err == io.EOF:
			return Row{}, io.EOF
		case !errors.As(err, &pe):
			return Row{}, fmt.Errorf("reading input after line %d: %w", r.lineOff+s.line-1, err)
		}

		// A parse error. encoding/csv drops the rest of the line and
		// goes on with the next, which is right unless a quoted field
		// ran over the following lines: then restart after the row's
		// first line, so that those lines are read as rows again.
		row := Row{Line: r.lineOff + pe.StartLine}
		if i := r.cols[colID]; i < len(rec) {
			if id := strings.TrimSpace(rec[i]); utf8.ValidString(id) {
				row.ID = strings.Clone(id)
			}
		}
		msg := fmt.Sprintf("malformed CSV at line %d, column %d: %v", r.lineOff+pe.Line, pe.Column, pe.Err)
		start := s.off // find the row's first line: skip the blank lines before it
		for range pe.StartLine - s.line {
			if start = s.lineEnd(start); start < 0 {
				break
			}
		}
		consumed := s.off + int(r.csv.InputOffset()-s.base)
		end := -1
		if start >= 0 {
			end = s.lineEnd(start)
		}
		if end >= 0 && consumed > end {
			msg = fmt.Sprintf("malformed CSV: a quoted field on line %d seems not to be closed (at line %d, column %d: %v); reading resumed on line %d",
				row.Line, r.lineOff+pe.Line, pe.Column, pe.Err, row.Line+1)
			r.restartCSV(end, pe.StartLine+1)
		} else {
			s.advance(r.csv.InputOffset())
		}
		row.Err = errors.New(msg)
		return row, nil
	}
}

// skipLongCSV reports a record longer than maxRecordBytes, which is
// almost always a quoted field that is never closed, and restarts on the
// line after the record's first line. ok is false when the bytes read
// were only blank lines (which encoding/csv skips, and so does this).
func (r *Reader) skipLongCSV() (row Row, ok bool, err error) {
	s := r.src
	start, line := s.off, s.line
	for start < len(s.raw) {
		if end := s.lineEnd(start); end >= 0 && (end-start == 1 || end-start == 2 && s.raw[start] == '\r') {
			start, line = end, line+1
			continue
		}
		break
	}
	if start == len(s.raw) {
		r.restartCSV(start, line)
		return Row{}, false, nil
	}
	row = Row{Line: r.lineOff + line}
	row.Err = fmt.Errorf("row is longer than %d MiB (maybe a quote is not closed); reading resumed on line %d",
		maxRecordBytes>>20, row.Line+1)
	end := s.lineEnd(start)
	if end < 0 {
		// The first line itself is too long: drop the rest of it.
		s.raw = s.raw[:0]
		s.off = 0
		if i := bytes.IndexByte(s.prefix, '\n'); i >= 0 {
			s.prefix = s.prefix[i+1:]
		} else {
			s.prefix = nil
			for {
				_, err := s.br.ReadSlice('\n')
				if err == nil || err == io.EOF {
					break
				}
				if err != bufio.ErrBufferFull {
					return Row{}, false, fmt.Errorf("reading input on line %d: %w", row.Line, err)
				}
			}
		}
		end = 0
	}
	r.restartCSV(end, line+1)
	return row, true, nil
}

// restartCSV starts a new csv.Reader on raw[at:], then the unread input;
// raw[at] is on line (counted as the current csv.Reader does).
func (r *Reader) restartCSV(at, line int) {
	s := r.src
	rest := make([]byte, 0, len(s.raw)-at+len(s.prefix))
	rest = append(append(rest, s.raw[at:]...), s.prefix...)
	r.lineOff += line - 1
	r.src = &rawReader{prefix: rest, br: s.br, line: 1}
	r.csv = newCSV(r.src, r.comma)
}

// csvRow makes a Row of a parsed record. Values are copied out of the
// record, whose fields share one string with the ignored columns.
func (r *Reader) csvRow(rec []string, line int) Row {
	row := Row{Line: line}
	var p problems
	if len(rec) != r.nfields {
		p.addf(-1, "row has %s, the header has %d", fields(len(rec)), r.nfields)
	}
	field := func(c column) string {
		i := r.cols[c]
		if i < 0 || i >= len(rec) {
			return ""
		}
		v := strings.TrimSpace(rec[i])
		if !utf8.ValidString(v) {
			p.addf(c, "invalid UTF-8 in column %q", columnNames[c])
		}
		return strings.Clone(v)
	}
	row.ID = field(colID)
	row.Name = field(colName)
	row.Schema = field(colSchema)
	row.BirthDate = field(colBirthDate)
	row.Countries = splitList(field(colCountry))
	row.Identifiers = splitList(field(colIdentifier))
	if len(rec) == r.nfields {
		p.check(&row)
	}
	row.Err = p.err()
	return row
}

func fields(n int) string {
	if n == 1 {
		return "1 field"
	}
	return fmt.Sprintf("%d fields", n)
}

// ---- JSON lines ----

func (r *Reader) readJSON() (Row, error) {
	for {
		line, long, err := r.readLine()
		if err != nil && err != io.EOF {
			return Row{}, fmt.Errorf("reading input on line %d: %w", r.line, err)
		}
		if long {
			return Row{Line: r.line, Err: fmt.Errorf("line is longer than %d MiB", maxRecordBytes>>20)}, nil
		}
		if line = bytes.TrimSpace(line); len(line) > 0 {
			row := parseJSONRow(line)
			row.Line = r.line
			return row, nil
		}
		if err == io.EOF {
			return Row{}, io.EOF
		}
	}
}

// readLine returns the next line, which stays valid until the next call.
// A line longer than maxRecordBytes is skipped and reported as long, in
// bounded memory. err is io.EOF with the last line or after it.
func (r *Reader) readLine() (line []byte, long bool, err error) {
	b, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.buf = append(r.buf[:0], b...)
		for err == bufio.ErrBufferFull {
			b, err = r.br.ReadSlice('\n')
			if !long && len(r.buf)+len(b) > maxRecordBytes {
				long = true
			}
			if !long {
				r.buf = append(r.buf, b...)
			}
		}
		b = r.buf
		if cap(r.buf) > 1<<20 {
			r.buf = nil // do not keep a rare huge buffer for every later line
		}
	}
	if len(b) > 0 || err == nil {
		r.line++
	}
	return b, long, err
}

// jsonRow receives the known keys; encoding/json matches them without
// regard to case. The values stay raw to check their UTF-8, which
// encoding/json would silently replace, and their type.
type jsonRow struct {
	ID         json.RawMessage `json:"id"`
	Name       json.RawMessage `json:"name"`
	Schema     json.RawMessage `json:"schema"`
	BirthDate  json.RawMessage `json:"birth_date"`
	Country    json.RawMessage `json:"country"`
	Identifier json.RawMessage `json:"identifier"`
}

func parseJSONRow(line []byte) Row {
	if line[0] != '{' {
		if json.Valid(line) {
			return Row{Err: fmt.Errorf("line is not a JSON object but %s", jsonKind(line))}
		}
		return Row{Err: errors.New("line is not a JSON object")}
	}
	var jr jsonRow
	if err := json.Unmarshal(line, &jr); err != nil {
		return Row{Err: fmt.Errorf("invalid JSON: %v", err)}
	}
	var row Row
	var p problems
	row.ID = jsonString(jr.ID, colID, &p)
	row.Name = jsonString(jr.Name, colName, &p)
	row.Schema = jsonString(jr.Schema, colSchema, &p)
	row.BirthDate = jsonString(jr.BirthDate, colBirthDate, &p)
	row.Countries = jsonList(jr.Country, colCountry, &p)
	row.Identifiers = jsonList(jr.Identifier, colIdentifier, &p)
	p.check(&row)
	row.Err = p.err()
	return row
}

// jsonString decodes a string value. A number is taken for the id, as
// its text, since numeric customer ids are common in exports.
func jsonString(raw json.RawMessage, c column, p *problems) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	valid := utf8.Valid(raw)
	if !valid {
		// Reported; a string is still decoded (with U+FFFD) to show the id.
		p.addf(c, "invalid UTF-8 in key %q", columnNames[c])
	}
	switch {
	case raw[0] == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			p.addf(c, "key %q: %v", columnNames[c], err)
		}
		return strings.TrimSpace(s)
	case !valid:
		return ""
	case c == colID && jsonKind(raw) == "a number":
		return string(raw)
	}
	p.addf(c, "key %q must be a string, not %s", columnNames[c], jsonKind(raw))
	return ""
}

// jsonList decodes a list value: an array of strings, or one string
// split like a CSV field.
func jsonList(raw json.RawMessage, c column, p *problems) []string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return splitList(jsonString(raw, c, p))
	}
	if !utf8.Valid(raw) {
		p.addf(c, "invalid UTF-8 in key %q", columnNames[c])
		return nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		p.addf(c, "key %q: %v", columnNames[c], err)
		return nil
	}
	var out []string
	for _, item := range items {
		if item = bytes.TrimSpace(item); len(item) == 0 || item[0] != '"' {
			p.addf(c, "key %q must hold strings, not %s", columnNames[c], jsonKind(item))
			return nil
		}
		var s string
		if err := json.Unmarshal(item, &s); err != nil {
			p.addf(c, "key %q: %v", columnNames[c], err)
			return nil
		}
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// jsonKind names the type of a JSON value for error messages.
func jsonKind(v []byte) string {
	if len(v) == 0 {
		return "nothing"
	}
	switch c := v[0]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "a number"
	}
	return "something else"
}

// SniffComma guesses the CSV separator from the header line: a comma,
// unless the header has none but semicolons (European spreadsheets), tabs
// or vertical bars. It only peeks.
func SniffComma(r *bufio.Reader) rune {
	b, _ := r.Peek(r.Size())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	if bytes.IndexByte(b, ',') >= 0 {
		return ','
	}
	for _, c := range []byte{';', '\t', '|'} {
		if bytes.IndexByte(b, c) >= 0 {
			return rune(c)
		}
	}
	return ','
}
