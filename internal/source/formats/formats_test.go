package formats

import (
	"context"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// A wrong number of files is bad input like any other: the command line
// must be able to report it as such.
func TestWrongFileCount(t *testing.T) {
	for _, f := range All() {
		for _, files := range [][]source.File{nil, {source.BytesFile("a", nil), source.BytesFile("b", nil)}} {
			_, err := f.Parse(context.Background(), source.Input{Files: files}, func(*entity.Entity) error { return nil })
			if se := sourcetest.WantError(t, err); se.Msg == "" {
				t.Errorf("%s, %d files: no message", f.Name, len(files))
			}
		}
	}
}
