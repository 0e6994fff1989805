package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"
)

// windowPerWorker is how many rows per worker may be in flight, read but
// not yet written. Rows after a slow one keep the workers busy until the
// window is full; the window also bounds memory, whatever the file size.
const windowPerWorker = 256

// Func screens one row. matches is written as the row's "matches",
// marshalled with encoding/json (nil becomes []). It is called from
// several goroutines at once, and must return soon after ctx is done.
type Func func(ctx context.Context, row Row) (matches any, err error)

// Options tune Run.
type Options struct {
	Workers  int            // <= 0 means runtime.GOMAXPROCS(0)
	Progress func(rows int) // called with the number of rows written so far, at most every ~100 ms and once at the end, from Run's goroutine; may be nil
}

// Stats count the rows written: Rows = Screened + Errors.
type Stats struct{ Rows, Screened, Errors int }

type job struct {
	seq int
	row Row
}

type result struct {
	seq  int
	line []byte // the output line, never nil
	ok   bool   // screened, not an error record
}

// Run screens every row of r with fn on opt.Workers goroutines and writes
// one JSON line per row to w, in input order:
//
//	{"id":"42","matches":[...]}
//	{"id":"43","line":7,"error":"name is empty"}
//
// A row with Err, or for which fn returns an error or panics, gets an
// error record; the other rows go on. At most Workers*256 rows are in
// flight: one reader goroutine takes a slot of that window for each row
// it reads, the workers screen and encode, and Run's goroutine puts the
// results back in order in a ring of the window's size, writes them and
// frees their slots.
//
// Run stops early only if ctx is done, writing fails or the input cannot
// be read (Reader.Read returns an error, after the rows before it are
// written). It returns the rows written so far, which are always a prefix
// of the input, and the error. On cancellation it waits for the calls of
// fn under way, but not for a Read blocked on input: that goroutine ends
// when the Read returns.
func Run(ctx context.Context, r *Reader, w io.Writer, fn Func, opt Options) (Stats, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := workers * windowPerWorker
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	slots := make(chan struct{}, window)
	jobs := make(chan job, workers)
	results := make(chan result, window) // room for every row in flight: a worker never waits on the writer
	readDone := make(chan error, 1)      // the reader's last error, sent before jobs is closed

	go func() {
		var err error
		defer func() {
			readDone <- err
			close(jobs)
		}()
		for seq := 0; ; seq++ {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			if ctx.Err() != nil {
				return
			}
			var row Row
			if row, err = r.Read(); err != nil {
				if err == io.EOF {
					err = nil
				}
				return
			}
			select {
			case jobs <- job{seq, row}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			e := newEncoder()
			for {
				select {
				case j, ok := <-jobs:
					if !ok || ctx.Err() != nil {
						return
					}
					line, ok := e.screen(ctx, fn, j.row)
					results <- result{j.seq, line, ok}
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	bw := bufio.NewWriterSize(w, 64<<10)
	ring := make([]result, window) // ring[seq%window] holds seq's result until it is written
	next := 0                      // the next seq to write
	var st Stats
	var tick <-chan time.Time
	if opt.Progress != nil {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		tick = t.C
	}
	reported := 0
	var err error
	finished := false
loop:
	for {
		select {
		case res, ok := <-results:
			if !ok {
				finished = true
				break loop
			}
			ring[res.seq%window] = res
			for ring[next%window].line != nil {
				if ctx.Err() != nil {
					break loop // cancelled: write nothing more, not even rows failed by it
				}
				res := &ring[next%window]
				if _, err = bw.Write(res.line); err != nil {
					break loop
				}
				st.Rows++
				if res.ok {
					st.Screened++
				} else {
					st.Errors++
				}
				*res = result{}
				next++
				<-slots
			}
		case <-tick:
			if st.Rows != reported {
				reported = st.Rows
				opt.Progress(reported)
			}
		case <-ctx.Done():
			break loop
		}
	}
	if !finished {
		cancel()
		for range results { // wait for the calls of fn under way
		}
	}
	if err == nil {
		err = ctx.Err() // only the caller's context can be done here
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err == nil {
		select {
		case err = <-readDone:
		default: // the reader is still running: only when err is set
		}
	}
	if opt.Progress != nil && st.Rows != reported {
		opt.Progress(st.Rows)
	}
	return st, err
}

// encoder makes the output lines of one worker, reusing its buffer.
type encoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newEncoder() *encoder {
	e := &encoder{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false) // names like "Smith & Sons" stay readable
	return e
}

type errorRecord struct {
	ID    string `json:"id"`
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// screen screens row and returns its output line; ok is false for an
// error record.
func (e *encoder) screen(ctx context.Context, fn Func, row Row) (line []byte, ok bool) {
	if row.Err != nil {
		return e.errorLine(row, row.Err), false
	}
	matches, err := call(ctx, fn, row)
	if err == nil {
		line, err = e.matchLine(row.ID, matches)
	}
	if err != nil {
		return e.errorLine(row, err), false
	}
	return line, true
}

// call calls fn, turning a panic into an error so that one bad row does
// not crash a run over a whole file.
func call(ctx context.Context, fn Func, row Row) (matches any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return fn(ctx, row)
}

// matchLine encodes {"id":...,"matches":...}. A panicking MarshalJSON
// method is recovered like a panicking fn.
func (e *encoder) matchLine(id string, matches any) (line []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: encoding matches: %v", p)
		}
	}()
	e.reset()
	e.buf.WriteString(`{"id":`)
	e.enc.Encode(id) // a string always encodes
	e.buf.Truncate(e.buf.Len() - 1)
	e.buf.WriteString(`,"matches":`)
	n := e.buf.Len()
	if err := e.enc.Encode(matches); err != nil {
		return nil, fmt.Errorf("cannot encode matches: %v", err)
	}
	e.buf.Truncate(e.buf.Len() - 1)
	if string(e.buf.Bytes()[n:]) == "null" { // a nil interface, slice or map
		e.buf.Truncate(n)
		e.buf.WriteString("[]")
	}
	e.buf.WriteString("}\n")
	return bytes.Clone(e.buf.Bytes()), nil
}

func (e *encoder) errorLine(row Row, err error) []byte {
	msg := err.Error()
	if msg == "" {
		msg = "screening failed"
	}
	e.reset()
	e.enc.Encode(errorRecord{ID: row.ID, Line: row.Line, Error: msg})
	return bytes.Clone(e.buf.Bytes())
}

// reset empties the buffer, dropping it after a rare huge row so that
// every worker does not keep one.
func (e *encoder) reset() {
	if e.buf.Cap() > 1<<20 {
		e.buf = bytes.Buffer{}
	}
	e.buf.Reset()
}
