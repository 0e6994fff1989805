package source

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

func TestCheckUTF8(t *testing.T) {
	tests := []struct {
		name, in string
		line     int // 0: no error expected
	}{
		{"ascii", "a,b\nc,d\n", 0},
		{"multibyte", "Мохаммад\nمحمد\n", 0},
		{"bom dropped", "\xEF\xBB\xBFname\n", 0},
		{"bom-like bytes later are data", "ab\xEF\xBB\xBFc", 0},
		{"latin1 on line 3", "a\nb\nJos\xe9\n", 3},
		{"truncated rune at end", "ok\n\xd0", 2},
		{"lone continuation", "\x80", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte at a time exercises runes split across reads.
			got, err := io.ReadAll(CheckUTF8(iotest.OneByteReader(strings.NewReader(tt.in)), "f.csv"))
			if tt.line == 0 {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if want := strings.TrimPrefix(tt.in, "\xEF\xBB\xBF"); string(got) != want {
					t.Fatalf("got %q, want %q", got, want)
				}
				return
			}
			var se *Error
			if !errors.As(err, &se) {
				t.Fatalf("want *Error, got %v", err)
			}
			if se.Line != tt.line || se.File != "f.csv" {
				t.Fatalf("error at %s:%d, want f.csv:%d (%v)", se.File, se.Line, tt.line, err)
			}
		})
	}
}

// FuzzCheckUTF8: valid UTF-8 passes through unchanged (less a leading byte
// order mark); anything else fails with a positioned *Error, never a panic.
func FuzzCheckUTF8(f *testing.F) {
	for _, s := range []string{"a,b\n", "Мохаммад\n", "\xEF\xBB\xBFx", "Jos\xe9", "\xd0", "ok\n\xe2\x82"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := io.ReadAll(CheckUTF8(iotest.HalfReader(bytes.NewReader(data)), "f"))
		body := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
		if utf8.Valid(body) {
			if err != nil || !bytes.Equal(got, body) {
				t.Fatalf("valid input %q: got %q, %v", data, got, err)
			}
			return
		}
		var se *Error
		if !errors.As(err, &se) || se.Line < 1 {
			t.Fatalf("invalid input %q: got error %v", data, err)
		}
		if !bytes.HasPrefix(body, got) {
			t.Fatalf("output %q is not a prefix of the input %q", got, body)
		}
	})
}
