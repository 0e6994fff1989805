package source

import (
	"encoding/csv"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestCSVError(t *testing.T) {
	read := func(data string) error {
		r := csv.NewReader(strings.NewReader(data))
		_, err := r.ReadAll()
		return err
	}
	utf8 := Errorf("other.csv", 3, "", "invalid UTF-8")
	tests := []struct {
		name string
		err  error
		want *Error
	}{
		{"bare quote", read("a,b\nc,d\"e\n"), &Error{File: "f.csv", Line: 2, Msg: "malformed CSV: " + csv.ErrBareQuote.Error()}},
		{"unterminated quote", read("a,b\nc,\"d\ne\n"), &Error{File: "f.csv", Line: 3, Msg: "malformed CSV: " + csv.ErrQuote.Error()}},
		{"field count", read("a,b\nc\n"), &Error{File: "f.csv", Line: 2, Msg: "malformed CSV: " + csv.ErrFieldCount.Error()}},
		{"positioned error passes", utf8, utf8},
		{"read failure", io.ErrUnexpectedEOF, &Error{File: "f.csv", Msg: "cannot read: unexpected EOF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CSVError("f.csv", tt.err)
			var got *Error
			if !errors.As(err, &got) {
				t.Fatalf("%T is not an *Error: %v", err, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}
