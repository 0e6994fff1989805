package batch

import (
	"bytes"
	"io"
	"testing"
	"unicode/utf8"
)

// FuzzReader feeds arbitrary bytes to both formats: reading must not
// panic or loop, rows must come in line order, and a row without Err must
// be fit to screen.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"id,name\n1,Ann\n",
		"\xef\xbb\xbfID, Name ,country\r\n1,\"Lee, Ann\",IR;SY\r\n2,\"a\nb\",\n",
		"id,name\n1,\"Ann\n2,Bob\n3,\"Cid\" x\n4,Jo\"hn\n\n5\n",
		"id,name,identifier\n\"1\",\"\"\"\",\"a|b\"\n,\n\xff,\xfe\n",
		"{\"id\":\"1\",\"name\":\"Ann\",\"country\":[\"IR\"]}\n\n[1]\n{\"id\":2,\"NAME\":\"x\"}\n",
		"{\"id\":\"1\",\"name\":\"\xff\"}\r\n{\"id\":\"2\"\n\"x\"\nnull\n{}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, format := range []Format{CSV, JSONLines} {
			r, err := NewReader(bytes.NewReader(data), format)
			if err != nil {
				continue
			}
			last := 0
			if format == CSV {
				last = 1 // the header
			}
			for n := 0; ; n++ {
				row, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("format %d: Read error %v on bytes, not I/O", format, err)
				}
				if row.Line < 1 || row.Line <= last || row.Line > lines {
					t.Fatalf("format %d: row %d on line %d after line %d, input has %d lines", format, n, row.Line, last, lines)
				}
				last = row.Line
				if row.Err == nil && (row.ID == "" || row.Name == "" || !utf8.ValidString(row.ID) || !utf8.ValidString(row.Name)) {
					t.Fatalf("format %d: row without error has id %q name %q", format, row.ID, row.Name)
				}
			}
		}
	})
}
