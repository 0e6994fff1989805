package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuf() *bytes.Buffer { return bufPool.Get().(*bytes.Buffer) }

func putBuf(b *bytes.Buffer) {
	if b == nil || b.Cap() > 4<<20 {
		return // let a rare huge buffer go rather than pin it
	}
	b.Reset()
	bufPool.Put(b)
}

// writeJSON encodes v into a pooled buffer and writes it with status.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) error {
	buf := getBuf()
	defer putBuf(buf)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Error("encoding response", "path", r.URL.Path, "err", err)
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"internal error: the answer could not be encoded (logged)"},"detail":"internal error: the answer could not be encoded (logged)"}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
	return nil
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// readBody reads the request body into a pooled buffer, bounded by the
// configured limit, and checks that it is UTF-8. The caller returns the
// buffer with putBuf.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) (*bytes.Buffer, error) {
	if r.ContentLength > s.cfg.MaxBodyBytes {
		return nil, tooLarge("", "request body of %d bytes is over the limit of %d bytes", r.ContentLength, s.cfg.MaxBodyBytes)
	}
	body := io.Reader(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, badRequest("", "the request body is not gzip data (Content-Encoding: %s): %v", enc, err)
		}
		defer zr.Close()
		// The limit applies to what the body decompresses to as well: a
		// small bomb must not fill the memory.
		body = &limitedReader{r: zr, n: s.cfg.MaxBodyBytes}
	default:
		return nil, &apiError{Status: http.StatusUnsupportedMediaType, Code: codeUnsupported,
			Message: fmt.Sprintf("Content-Encoding %q is not supported: send the body as is or gzip it", enc)}
	}
	buf := getBuf()
	_, err := buf.ReadFrom(body)
	if err != nil {
		putBuf(buf)
		var mbe *http.MaxBytesError
		var ne net.Error
		switch {
		case errors.As(err, &mbe):
			return nil, tooLarge("", "request body is over the limit of %d bytes", mbe.Limit)
		case errors.Is(err, errInflatedTooLarge):
			return nil, tooLarge("", "request body decompresses to over the limit of %d bytes", s.cfg.MaxBodyBytes)
		case r.Context().Err() != nil, errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
			// The client was too slow to send its body: 408, and the
			// connection is not kept.
			w.Header().Set("Connection", "close")
			return nil, &apiError{Status: http.StatusRequestTimeout, Code: codeTimeout,
				Message: fmt.Sprintf("the request body did not arrive in time (%s)", s.cfg.ReadTimeout)}
		case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader), errors.Is(err, io.ErrUnexpectedEOF) && r.Header.Get("Content-Encoding") != "":
			return nil, badRequest("", "the request body is not valid gzip data: %v", err)
		}
		return nil, badRequest("", "reading the request body: %v", err)
	}
	if err := checkUTF8(buf.Bytes()); err != nil {
		putBuf(buf)
		return nil, err
	}
	return buf, nil
}

// checkUTF8 refuses a body that is not UTF-8: encoding/json would
// silently replace the bad bytes and screen a different name.
func checkUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	off := 0
	for off < len(b) {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	line, col := position(b, int64(off))
	return badRequest("", "request body is not valid UTF-8: byte 0x%02x at line %d, column %d (offset %d)", b[off], line, col, off)
}

// position turns a byte offset into a 1-based line and column (in
// characters).
func position(b []byte, off int64) (line, col int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	if off < 0 {
		off = 0
	}
	line, col = 1, 1
	for _, c := range string(b[:off]) {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// decodeStrict decodes one JSON value from b into v, refusing unknown
// fields and trailing data, and describes any error by position and field.
// prefix names the value inside a larger request ("queries[3]").
func decodeStrict(b []byte, v any, prefix string) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return badRequest(prefix, "request body is empty: want a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	dec.UseNumber() // a caller's numeric id is echoed digit for digit
	if err := dec.Decode(v); err != nil {
		return jsonError(b, err, prefix)
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := position(b, dec.InputOffset())
		return badRequest(prefix, "malformed JSON at line %d, column %d: unexpected data after the JSON value", line, col)
	}
	return nil
}

// jsonError describes a decoding error in the client's terms.
func jsonError(b []byte, err error, prefix string) error {
	join := func(field string) string {
		switch {
		case prefix == "":
			return field
		case field == "":
			return prefix
		}
		return prefix + "." + field
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off := se.Offset
		if off > 0 && off <= int64(len(b)) {
			off-- // the offset is after the offending byte
		}
		line, col := position(b, off)
		msg := strings.TrimPrefix(se.Error(), "json: ")
		if errors.Is(err, io.ErrUnexpectedEOF) || msg == "unexpected end of JSON input" {
			msg = "unexpected end of input"
		}
		return badRequest(prefix, "malformed JSON at line %d, column %d: %s", line, col, msg)
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := position(b, int64(len(b)))
		return badRequest(prefix, "malformed JSON at line %d, column %d: unexpected end of input", line, col)
	case errors.As(err, &te):
		line, col := position(b, te.Offset)
		field := te.Field
		want := typeName(te.Type)
		if field == "" {
			return badRequest(prefix, "want %s, got JSON %s (line %d, column %d)", want, te.Value, line, col)
		}
		return badRequest(join(field), "want %s, got JSON %s (line %d, column %d)", want, te.Value, line, col)
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		name := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		return badRequest(join(name), "unknown field (see /openapi.json for the request fields)")
	}
	return badRequest(prefix, "malformed JSON: %v", strings.TrimPrefix(err.Error(), "json: "))
}

func typeName(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.String {
			return "a string or an array of strings"
		}
		return "an array"
	case reflect.Map, reflect.Struct:
		return "a JSON object"
	case reflect.Pointer:
		return typeName(t.Elem())
	}
	return t.String()
}

// strList is a list of strings that also accepts a single string (and
// null), as clients send "countries": "IR" as often as ["IR"].
type strList []string

func (l *strList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*l = nil
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = strList{s}
		return nil
	case b[0] == '[':
		var raw []json.RawMessage
		if err := json.Unmarshal(b, &raw); err != nil {
			return err
		}
		out := make(strList, 0, len(raw))
		for i, r := range raw {
			var s string
			if err := json.Unmarshal(r, &s); err != nil {
				return &json.UnmarshalTypeError{Value: fmt.Sprintf("%s in item %d", jsonKind(r), i), Type: reflect.TypeFor[string]()}
			}
			out = append(out, s)
		}
		*l = out
		return nil
	}
	return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeFor[[]string]()}
}

// jsonKind names the kind of a JSON value for error messages.
func jsonKind(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '"':
		return "string"
	case '[':
		return "array"
	case '{':
		return "object"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

var errInflatedTooLarge = errors.New("decompressed body over the limit")

// limitedReader fails once more than n bytes have been read.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, errInflatedTooLarge
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, errInflatedTooLarge
	}
	return n, err
}
