// Package batch is the input/output pipeline of `embargo batch`: it reads a
// customer file (CSV or JSON lines) one row at a time, screens each row
// with a function supplied by the caller on a pool of workers, and writes
// one JSON line per row in input order.
//
// Memory is bounded by a window of rows in flight, never by the size of
// the file, so a file of any length can be screened from a pipe. A row
// that cannot be screened becomes an error record naming its input line;
// it never stops the rows after it.
package batch

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// Format is the layout of the input file.
type Format int

// The input formats. The zero Format is not valid, so that a forgotten
// choice is an error rather than a silent default.
const (
	CSV Format = iota + 1
	JSONLines
)

// bom is the UTF-8 byte order mark some spreadsheet exports put first.
var bom = []byte("\xef\xbb\xbf")

// Sniff decides the format from the first byte that is not white space (a
// leading byte order mark is skipped too): '{' means JSON lines, anything
// else CSV. It only peeks, so the same reader is then given to NewReader.
// A file name ending in .csv, .jsonl, .ndjson or .json may be used by the
// caller instead.
//
// Input that is empty or white space is reported as CSV, for NewReader to
// reject for its missing header. Only the buffer of r is looked at: a file
// starting with more white space than that is taken to be CSV.
func Sniff(r *bufio.Reader) (Format, error) {
	seen := 0 // bytes already known to be white space (or the byte order mark)
	for n := 1; ; {
		b, err := r.Peek(n)
		if seen == 0 && len(b) < len(bom) && bytes.HasPrefix(bom, b) && err == nil {
			n = len(bom) // maybe the start of a byte order mark: look at all of it
			continue
		}
		if seen == 0 && bytes.HasPrefix(b, bom) {
			seen = len(bom)
		}
		for ; seen < len(b); seen++ {
			switch b[seen] {
			case ' ', '\t', '\r', '\n', '\f', '\v':
				continue
			case '{':
				return JSONLines, nil
			}
			return CSV, nil
		}
		switch {
		case err == io.EOF, errors.Is(err, bufio.ErrBufferFull), err == nil && n >= r.Size():
			return CSV, nil
		case err != nil:
			return 0, err
		}
		// All white space so far: look at what is buffered, or wait for one more byte.
		n = min(max(n+1, r.Buffered()), r.Size())
	}
}

// Row is one input row. Field values have surrounding white space
// removed. When Err is set the row is malformed and must not be screened;
// the other fields hold what could be read, so that the error record can
// still name the row's id.
type Row struct {
	Line        int // 1-based line in the input where the row starts (CSV header is line 1)
	ID          string
	Name        string
	Schema      string
	BirthDate   string
	Countries   []string // CSV `country` may hold several separated by ';' or '|'
	Identifiers []string // same separators
	Err         error    // set when the row itself is malformed (wrong column count, bad JSON, invalid UTF-8...)
}
