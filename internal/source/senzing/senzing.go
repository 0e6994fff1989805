// Package senzing reads Senzing JSON lines: one record per line in the
// Senzing entity specification, as OpenSanctions exports its collections
// (senzing.json) and as many KYC systems hand over customer files.
//
// The specification lets a record give its attributes flat at the top
// level ("NAME_FULL", "PRIMARY_NAME_ORG", "HOME_ADDR_CITY") or in lists of
// objects whose list names do not matter ("NAMES", "ADDRESSES",
// "FEATURES"); the engine recognizes attributes by name. This parser does
// the same, so both layouts and any mix of them read alike.
package senzing

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
)

// Format is the Senzing JSON lines format. It names no dataset of its
// own: the records' DATA_SOURCE does, unless the user gives one.
var Format = source.Format{
	Name:    "senzing_json",
	Dataset: "", // each record's DATA_SOURCE, lower-cased
	Sniff:   sniff,
	Parse:   parse,
}

// maxLine is the longest line accepted. Records of large organizations
// with thousands of names and addresses run to a few megabytes; a longer
// line means the file is not JSON lines at all. A variable for tests.
var maxLine = 64 << 20

func sniff(_ string, head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		return line[0] == '{' && bytes.Contains(line, []byte(`"RECORD_ID"`)) &&
			(bytes.Contains(line, []byte(`"DATA_SOURCE"`)) || bytes.Contains(line, []byte(`"NAMES"`)) ||
				bytes.Contains(line, []byte(`"NAME_FULL"`)))
	}
	return false
}

func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
	var meta source.Meta
	f, err := in.Single("Senzing JSON lines")
	if err != nil {
		return meta, err
	}
	rc, err := f.Open()
	if err != nil {
		return meta, err
	}
	defer rc.Close()

	rd := &errReader{r: source.CheckUTF8(rc, f.Path)}
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		if err := ctx.Err(); err != nil {
			return meta, err
		}
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		e, err := parseLine(line, in.Dataset)
		if err != nil {
			if rd.err != nil {
				// The scanner hands over the part of a line read before
				// the file failed; the failure is what to report.
				return meta, readError(f.Path, rd.err)
			}
			return meta, source.Errorf(f.Path, lineNo, "", "%v", err)
		}
		if err := emit(e); err != nil {
			return meta, err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return meta, source.Errorf(f.Path, lineNo+1, "", "line longer than %d bytes: not a Senzing JSON lines file", maxLine)
		}
		return meta, readError(f.Path, err)
	}
	return meta, nil
}

// readError passes the UTF-8 guard's *source.Error through and marks
// other read failures with the file name.
func readError(path string, err error) error {
	var se *source.Error
	if errors.As(err, &se) {
		return se
	}
	return fmt.Errorf("%s: %w", path, err)
}

// errReader remembers the first read error other than io.EOF.
type errReader struct {
	r   io.Reader
	err error
}

func (r *errReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF && r.err == nil {
		r.err = err
	}
	return n, err
}

// parseLine reads one record. Numbers are kept as written (json.Number),
// so that a numeric RECORD_ID or identifier is not turned into a float.
func parseLine(line []byte, dataset string) (*entity.Entity, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("invalid JSON: unexpected data after the record at column %d", dec.InputOffset()+1)
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("expected a JSON object, found %s", kindOf(v))
	}
	e, err := build(obj, dataset)
	if err != nil {
		return nil, err
	}
	e.Raw = entity.Raw(line)
	return e, nil
}

func jsonError(err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("invalid JSON at column %d: %s", syn.Offset, syn.Error())
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("invalid JSON: the record ends before it is complete")
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v)
}

// scalar returns the text of a JSON scalar, and false for null, objects
// and arrays.
func scalar(v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return t, true
	case json.Number:
		return t.String(), true
	case bool:
		if t {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

// firstScalar returns a top-level attribute as text.
func firstScalar(obj map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := scalar(obj[k]); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}
