package source

import (
	"io"
	"unicode/utf8"
)

// CheckUTF8 wraps r so that reading fails with an *Error naming the file
// and line of the first byte sequence that is not UTF-8. The lists are
// published in UTF-8; a file in another encoding is rejected rather than
// imported with mangled names. A leading byte order mark is dropped.
func CheckUTF8(r io.Reader, path string) io.Reader {
	return &utf8Reader{r: r, path: path, line: 1, buf: make([]byte, 0, 64<<10)}
}

type utf8Reader struct {
	r      io.Reader
	path   string
	line   int
	buf    []byte // buf[off:valid] is checked and unread; buf[valid:] is an incomplete rune
	off    int
	valid  int
	bomOff bool // the byte order mark check is done
	err    error
}

func (u *utf8Reader) Read(p []byte) (int, error) {
	for u.off == u.valid {
		if u.err != nil {
			return 0, u.err
		}
		u.fill()
	}
	n := copy(p, u.buf[u.off:u.valid])
	u.off += n
	return n, nil
}

// fill reads more input and checks it up to the last complete rune.
func (u *utf8Reader) fill() {
	rest := copy(u.buf[:cap(u.buf)], u.buf[u.valid:])
	m, err := u.r.Read(u.buf[rest:cap(u.buf)])
	u.buf = u.buf[:rest+m]
	u.off, u.valid = 0, 0
	if !u.bomOff && len(u.buf) < 3 && err == nil {
		return // too few bytes yet to tell whether the stream opens with a byte order mark
	}
	if !u.bomOff {
		u.bomOff = true
		if len(u.buf) >= 3 && u.buf[0] == 0xEF && u.buf[1] == 0xBB && u.buf[2] == 0xBF {
			u.off, u.valid = 3, 3
		}
	}
	i := u.valid
	for i < len(u.buf) {
		c := u.buf[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				u.line++
			}
			i++
			continue
		}
		if !utf8.FullRune(u.buf[i:]) && err == nil {
			break // the rest of this rune comes with the next read
		}
		r, size := utf8.DecodeRune(u.buf[i:])
		if r == utf8.RuneError && size <= 1 {
			u.valid = i
			u.err = Errorf(u.path, u.line, "", "invalid UTF-8 byte 0x%02X: the file must be UTF-8 encoded", c)
			return
		}
		i += size
	}
	u.valid = i
	if err != nil {
		u.err = err
	}
}
