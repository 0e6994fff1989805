package source

import (
	"errors"
	"testing"
)

func TestSingle(t *testing.T) {
	a, b := BytesFile("a.xml", nil), BytesFile("b.xml", nil)
	if f, err := (Input{Files: []File{a}}).Single("the X"); err != nil || f.Path != "a.xml" {
		t.Errorf("one file: %v, %v", f.Path, err)
	}
	for _, tt := range []struct {
		files []File
		want  string
	}{
		{nil, ": the X is a single file, got 0 files"},
		{[]File{a, b}, "a.xml, b.xml: the X is a single file, got 2 files"},
	} {
		_, err := Input{Files: tt.files}.Single("the X")
		var se *Error
		if !errors.As(err, &se) || err.Error() != tt.want {
			t.Errorf("got %T %q, want *Error %q", err, err, tt.want)
		}
	}
}
