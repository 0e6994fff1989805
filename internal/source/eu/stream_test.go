package eu

import (
	"context"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
)

// repeat reads b n times.
type repeat struct {
	b   []byte
	n   int
	off int
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.b[r.off:])
	if r.off += k; r.off == len(r.b) {
		r.off, r.n = 0, r.n-1
	}
	return k, nil
}

// TestStreamsInBoundedMemory parses a 16 MB export and checks that the
// live heap stays far below the file size.
func TestStreamsInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 16 MB")
	}
	body := []byte(strings.Join(recordsOf(readFixture(t)), "\n"))
	n := (16 << 20) / len(body)
	f := source.File{Path: "big.xml", Open: func() (io.ReadCloser, error) {
		return io.NopCloser(io.MultiReader(
			strings.NewReader(`<export xmlns="`+namespace+`" generationDate="2026-01-01">`),
			&repeat{b: body, n: n},
			strings.NewReader("</export>"))), nil
	}}
	var ms runtime.MemStats
	var peak uint64
	count := 0
	_, err := Format.Parse(context.Background(), source.Input{Files: []source.File{f}}, func(*entity.Entity) error {
		if count++; count%2000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if count != 4*n {
		t.Fatalf("%d entities, want %d", count, 4*n)
	}
	t.Logf("%d entities, peak live heap %.1f MB", count, float64(peak)/(1<<20))
	if peak > 8<<20 {
		t.Errorf("live heap reached %d MB parsing 16 MB: not streaming", peak>>20)
	}
}
