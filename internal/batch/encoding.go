package batch

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// UTF8 returns a reader of r's text in UTF-8. Spreadsheets export
// "Unicode text" as UTF-16 with a byte order mark: that is decoded, so
// that such a file screens like any other. UTF-16 without a byte order
// mark (every other byte NUL) cannot be told apart safely from binary
// data and is refused with a message that says what to do. Other input
// is returned as it is (bad UTF-8 is then reported row by row).
func UTF8(r *bufio.Reader) (*bufio.Reader, error) {
	head, err := r.Peek(64)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(r, dec), r.Size()), nil
	case looksUTF16(head):
		return nil, errors.New("the input looks like UTF-16 text without a byte order mark: save it as UTF-8 (or as UTF-16 with a byte order mark, as spreadsheets do)")
	}
	return r, nil
}

// looksUTF16 reports whether most bytes at even or at odd offsets are NUL,
// as in ASCII text written in UTF-16.
func looksUTF16(b []byte) bool {
	if len(b) < 8 {
		return false
	}
	var zeros [2]int
	for i, c := range b {
		if c == 0 {
			zeros[i%2]++
		}
	}
	half := len(b) / 2
	return zeros[0] > half*3/4 || zeros[1] > half*3/4
}
