// Package sourcetest holds what the parsers' tests share: running a parser
// over in-memory files, the checks every parser's errors must pass, and a
// TestMain that keeps fuzzing productive. Only tests import it.
package sourcetest

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
)

// ReadFile returns the file's contents, failing tb if it cannot be read.
func ReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Parse runs parse over in and returns the entities it emitted, in order,
// with what it returned besides them. parse is a Format's Parse (giving
// the Meta) or a parser's own variant that gives statistics instead.
func Parse[R any](parse func(context.Context, source.Input, func(*entity.Entity) error) (R, error), in source.Input) ([]*entity.Entity, R, error) {
	var out []*entity.Entity
	r, err := parse(context.Background(), in, func(e *entity.Entity) error {
		out = append(out, e)
		return nil
	})
	return out, r, err
}

// CheckShortReads parses data as a file named name through readers that
// return it a byte or half a buffer at a time, and fails t unless the
// entities equal want, those of a plain read: a parse must not depend on
// how reads split the input.
func CheckShortReads(t testing.TB, f source.Format, name string, data []byte, want []*entity.Entity) {
	t.Helper()
	for how, wrap := range map[string]func(io.Reader) io.Reader{
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
	} {
		file := source.File{Path: name, Open: func() (io.ReadCloser, error) {
			return io.NopCloser(wrap(bytes.NewReader(data))), nil
		}}
		got, _, err := Parse(f.Parse, source.Input{Files: []source.File{file}})
		if err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s reader: entities differ from a plain read", how)
		}
	}
}

// CheckError is the fuzz targets' check on a parse's error: nil, a
// *source.Error, or a context error. The command line tells bad input from
// other failures by *source.Error, so a parser must not fail otherwise on
// any input. It returns the *source.Error, if any, for further checks.
func CheckError(t testing.TB, err error) *source.Error {
	t.Helper()
	var se *source.Error
	if err == nil || errors.As(err, &se) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return se
	}
	t.Fatalf("error is %T, not *source.Error: %v", err, err)
	return nil
}

// WantError returns err as the *source.Error a broken input must give,
// and stops the test if it is anything else, nil included.
func WantError(t testing.TB, err error) *source.Error {
	t.Helper()
	var se *source.Error
	if !errors.As(err, &se) {
		t.Fatalf("want *source.Error, got %T %v", err, err)
	}
	return se
}

// WantErrorAt asserts that err is a *source.Error naming file, a line
// (line itself when > 0), an element containing element, and a message
// containing msg: what a user needs to find the fault in a broken file.
func WantErrorAt(t testing.TB, err error, file string, line int, element, msg string) {
	t.Helper()
	se := WantError(t, err)
	if se.File != file {
		t.Errorf("File = %q", se.File)
	}
	if line > 0 && se.Line != line {
		t.Errorf("Line = %d, want %d (%v)", se.Line, line, err)
	}
	if se.Line <= 0 {
		t.Errorf("no line in %v", err)
	}
	if !strings.Contains(se.Element, element) {
		t.Errorf("Element = %q, want it to contain %q", se.Element, element)
	}
	if !strings.Contains(se.Error(), msg) {
		t.Errorf("message %q lacks %q", se.Error(), msg)
	}
}

// Records returns each part of doc that runs from start to the end after
// it, end included: the record elements of a fixture, as small fuzz seeds
// or the body of a large generated file.
func Records(doc, start, end string) []string {
	var out []string
	for {
		i := strings.Index(doc, start)
		if i < 0 {
			return out
		}
		j := strings.Index(doc[i:], end)
		if j < 0 {
			return out
		}
		j += i + len(end)
		out = append(out, doc[i:j])
		doc = doc[j:]
	}
}

// CheckStreams parses a file of some 16 MB, head then the records joined by
// newlines over and over then tail, and fails t if the live heap grows
// past 8 MB: a streaming parser holds one record at a time, whatever the
// size of the file.
func CheckStreams(t *testing.T, f source.Format, head string, records []string, tail string) {
	t.Helper()
	if testing.Short() {
		t.Skip("parses 16 MB")
	}
	body := []byte(strings.Join(records, "\n"))
	n := (16 << 20) / len(body)
	file := source.File{Path: "big.xml", Open: func() (io.ReadCloser, error) {
		return io.NopCloser(io.MultiReader(strings.NewReader(head), &repeat{b: body, n: n}, strings.NewReader(tail))), nil
	}}
	var ms runtime.MemStats
	var peak uint64
	count := 0
	_, err := f.Parse(context.Background(), source.Input{Files: []source.File{file}}, func(*entity.Entity) error {
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
	if count != len(records)*n {
		t.Fatalf("%d entities, want %d", count, len(records)*n)
	}
	t.Logf("%d entities, peak live heap %.1f MB", count, float64(peak)/(1<<20))
	if peak > 8<<20 {
		t.Errorf("live heap reached %d MB parsing 16 MB: not streaming", peak>>20)
	}
}

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

// Main is a parser package's TestMain. It caps input minimisation during
// fuzzing unless -test.fuzzminimizetime is given. Go minimises every input
// that finds new coverage, for up to 60 s by default and in time quadratic
// in its size; with seeds of a few kilobytes that used up the whole of a
// 20 s -fuzztime, leaving a few dozen executions. Crashers still get 500
// attempts; minimise further by hand with an explicit flag.
func Main(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set {
		_ = flag.Set("test.fuzzminimizetime", "500x")
	}
	os.Exit(m.Run())
}
