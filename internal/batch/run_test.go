package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type match struct {
	ListID string  `json:"list_id"`
	Score  float64 `json:"score"`
}

// screenByName is a stand-in screening function whose result depends on
// the name, so that tests can see each row reached it.
func screenByName(ctx context.Context, row Row) (any, error) {
	switch {
	case row.Name == "nil":
		return nil, nil
	case row.Name == "nil slice":
		return []match(nil), nil
	case row.Name == "fail":
		return nil, errors.New("store unavailable")
	case row.Name == "empty error":
		return nil, errors.New("")
	case row.Name == "panic":
		panic("boom")
	case row.Name == "unencodable":
		return []any{make(chan int)}, nil
	case strings.HasPrefix(row.Name, "hit"):
		return []match{{ListID: "L-" + row.ID, Score: 0.5}}, nil
	}
	return []match{}, nil
}

func run(t *testing.T, in string, f Format, fn Func, opt Options) (string, Stats, error) {
	t.Helper()
	r, err := NewReader(strings.NewReader(in), f)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	st, err := Run(context.Background(), r, &out, fn, opt)
	return out.String(), st, err
}

func TestRun(t *testing.T) {
	tests := []struct {
		name string
		in   string
		f    Format
		want []string
		st   Stats
	}{
		{
			name: "csv",
			in:   "id,name,country\n1,hit one,IR\n2,Plain Name,\n3,,\n4,hit <&> four,\n",
			f:    CSV,
			want: []string{
				`{"id":"1","matches":[{"list_id":"L-1","score":0.5}]}`,
				`{"id":"2","matches":[]}`,
				`{"id":"3","line":4,"error":"name is empty"}`,
				`{"id":"4","matches":[{"list_id":"L-4","score":0.5}]}`,
			},
			st: Stats{Rows: 4, Screened: 3, Errors: 1},
		},
		{
			name: "json lines",
			in:   "{\"id\":\"a\",\"name\":\"hit\"}\n\n{\"id\":\"b\",\"name\":\"nil\"}\n{\"id\":\"c\",\"name\":\"nil slice\"}\nnot json\n",
			f:    JSONLines,
			want: []string{
				`{"id":"a","matches":[{"list_id":"L-a","score":0.5}]}`,
				`{"id":"b","matches":[]}`,
				`{"id":"c","matches":[]}`,
				`{"id":"","line":5,"error":"line is not a JSON object"}`,
			},
			st: Stats{Rows: 4, Screened: 3, Errors: 1},
		},
		{
			name: "fn errors and panics",
			in:   "id,name\n1,fail\n2,panic\n3,unencodable\n4,empty error\n5,hit\n",
			f:    CSV,
			want: []string{
				`{"id":"1","line":2,"error":"store unavailable"}`,
				`{"id":"2","line":3,"error":"internal error: boom"}`,
				`{"id":"3","line":4,"error":"cannot encode matches: json: unsupported type: chan int"}`,
				`{"id":"4","line":5,"error":"screening failed"}`,
				`{"id":"5","matches":[{"list_id":"L-5","score":0.5}]}`,
			},
			st: Stats{Rows: 5, Screened: 1, Errors: 4},
		},
		{
			name: "bad rows in the middle",
			in:   "id,name\n1,hit\n2,Jo\"hn\n3,hit\n4\n5,hit\n,hit\n6,\"hit\n7,hit\n",
			f:    CSV,
			want: []string{
				`{"id":"1","matches":[{"list_id":"L-1","score":0.5}]}`,
				`{"id":"2","line":3,"error":"malformed CSV at line 3, column 5: bare \" in non-quoted-field"}`,
				`{"id":"3","matches":[{"list_id":"L-3","score":0.5}]}`,
				`{"id":"4","line":5,"error":"row has 1 field, the header has 2"}`,
				`{"id":"5","matches":[{"list_id":"L-5","score":0.5}]}`,
				`{"id":"","line":7,"error":"id is empty"}`,
				`{"id":"6","line":8,"error":"malformed CSV: a quoted field on line 8 seems not to be closed (at line 9, column 7: extraneous or missing \" in quoted-field); reading resumed on line 9"}`,
				`{"id":"7","matches":[{"list_id":"L-7","score":0.5}]}`,
			},
			st: Stats{Rows: 8, Screened: 4, Errors: 4},
		},
		{
			name: "invalid UTF-8",
			in:   "id,name\n1,hit\xff\n\xfe,hit\n",
			f:    CSV,
			want: []string{
				`{"id":"1","line":2,"error":"invalid UTF-8 in column \"name\""}`,
				`{"id":"\ufffd","line":3,"error":"invalid UTF-8 in column \"id\""}`,
			},
			st: Stats{Rows: 2, Screened: 0, Errors: 2},
		},
	}
	for _, tt := range tests {
		for _, workers := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s/%d workers", tt.name, workers), func(t *testing.T) {
				out, st, err := run(t, tt.in, tt.f, screenByName, Options{Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				if want := strings.Join(tt.want, "\n") + "\n"; out != want {
					t.Errorf("output:\n%s\nwant:\n%s", out, want)
				}
				if st != tt.st {
					t.Errorf("stats %+v, want %+v", st, tt.st)
				}
			})
		}
	}
}

// TestRunOrder screens rows that take random times on 8 workers: the
// output must still be in input order, each row once.
func TestRunOrder(t *testing.T) {
	const n = 5000
	var b strings.Builder
	b.WriteString("id,name\n")
	for i := range n {
		fmt.Fprintf(&b, "%d,Name %d\n", i, i)
	}
	var calls, running, maxRunning atomic.Int64
	fn := func(ctx context.Context, row Row) (any, error) {
		calls.Add(1)
		cur := running.Add(1)
		for {
			m := maxRunning.Load()
			if cur <= m || maxRunning.CompareAndSwap(m, cur) {
				break
			}
		}
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
		running.Add(-1)
		return []string{row.Name}, nil
	}
	out, st, err := run(t, b.String(), CSV, fn, Options{Workers: 8})
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Rows: n, Screened: n}) || calls.Load() != n {
		t.Errorf("stats %+v after %d calls, want %d rows screened", st, calls.Load(), n)
	}
	if m := maxRunning.Load(); m > 8 {
		t.Errorf("%d calls ran at once with 8 workers", m)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("%d output lines, want %d", len(lines), n)
	}
	for i, l := range lines {
		if want := fmt.Sprintf(`{"id":"%d","matches":["Name %d"]}`, i, i); l != want {
			t.Fatalf("line %d = %s, want %s", i, l, want)
		}
	}
}

// TestRunCancel cancels a run whose fn only returns when its context is
// done: Run must come back with ctx.Err() and an output that is a prefix
// of the input, and no call of fn may still be running.
func TestRunCancel(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "%d,Name\n", i)
	}
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("%d workers", workers), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var started, running atomic.Int64
			fn := func(ctx context.Context, row Row) (any, error) {
				running.Add(1)
				defer running.Add(-1)
				n, _ := strconv.Atoi(row.ID)
				if n < 100 {
					return nil, nil // the first rows go through
				}
				if started.Add(1) == int64(workers) {
					cancel()
				}
				<-ctx.Done()
				return nil, ctx.Err()
			}
			r, err := NewReader(strings.NewReader(b.String()), CSV)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			st, err := runWithin(t, 10*time.Second, func() (Stats, error) { return Run(ctx, r, &out, fn, Options{Workers: workers}) })
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Run error %v, want context.Canceled", err)
			}
			if running.Load() != 0 {
				t.Errorf("%d calls of fn still running after Run returned", running.Load())
			}
			checkPrefix(t, out.String(), st)
			if st.Rows > 100 || st.Errors != 0 {
				t.Errorf("stats %+v: rows failed by the cancellation were written", st)
			}
		})
	}
}

// TestRunCancelBlockedInput cancels while the input has no data: Run must
// not wait for the blocked Read.
func TestRunCancelBlockedInput(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	go fmt.Fprint(pw, "id,name\n1,Ann\n2,Bob\n")
	r, err := NewReader(pr, CSV)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	st, err := runWithin(t, 10*time.Second, func() (Stats, error) {
		return Run(ctx, r, &out, func(ctx context.Context, row Row) (any, error) {
			return nil, nil
		}, Options{Workers: 2, Progress: func(rows int) {
			if rows == 2 {
				cancel() // the reader is waiting on the pipe by now
			}
		}})
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run error %v, want context.Canceled", err)
	}
	if st.Rows != 2 || out.String() != "{\"id\":\"1\",\"matches\":[]}\n{\"id\":\"2\",\"matches\":[]}\n" {
		t.Errorf("stats %+v, output %q; want both rows", st, out.String())
	}
}

// runWithin fails the test if f does not return within d: a deadlock.
func runWithin(t *testing.T, d time.Duration, f func() (Stats, error)) (Stats, error) {
	t.Helper()
	type ret struct {
		st  Stats
		err error
	}
	done := make(chan ret, 1)
	go func() {
		st, err := f()
		done <- ret{st, err}
	}()
	select {
	case r := <-done:
		return r.st, r.err
	case <-time.After(d):
		t.Fatalf("Run did not return within %v", d)
		return Stats{}, nil
	}
}

// checkPrefix checks that out is complete JSON lines for ids 0, 1, ...
func checkPrefix(t *testing.T, out string, st Stats) {
	t.Helper()
	if out == "" {
		if st.Rows != 0 {
			t.Errorf("no output but stats %+v", st)
		}
		return
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasSuffix(out, "\n") || len(lines) != st.Rows {
		t.Fatalf("%d output lines (ending %q) for stats %+v", len(lines), out[max(0, len(out)-20):], st)
	}
	for i, l := range lines {
		var rec struct{ ID string }
		if err := json.Unmarshal([]byte(l), &rec); err != nil || rec.ID != strconv.Itoa(i) {
			t.Fatalf("output line %d = %s, want id %d", i, l, i)
		}
	}
}

type failingWriter struct {
	n   int // bytes accepted before failing
	err error
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, w.err
	}
	w.n -= len(p)
	return len(p), nil
}

func TestRunWriteError(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "%d,Name\n", i)
	}
	r, err := NewReader(strings.NewReader(b.String()), CSV)
	if err != nil {
		t.Fatal(err)
	}
	diskFull := errors.New("disk full")
	w := &failingWriter{n: 200 << 10, err: diskFull}
	st, err := runWithin(t, 10*time.Second, func() (Stats, error) {
		return Run(context.Background(), r, w, func(ctx context.Context, row Row) (any, error) {
			return nil, nil
		}, Options{Workers: 4})
	})
	if !errors.Is(err, diskFull) {
		t.Fatalf("Run error %v, want %v", err, diskFull)
	}
	if st.Rows == 0 || st.Rows >= 100000 {
		t.Errorf("stats %+v, want the rows written before the failure", st)
	}
}

// TestRunReadError: rows before an input failure are written, then Run
// returns the failure.
func TestRunReadError(t *testing.T) {
	ioErr := errors.New("connection reset")
	in := io.MultiReader(strings.NewReader("id,name\n0,Ann\n1,Bob\n"), errReader{ioErr})
	r, err := NewReader(in, CSV)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	st, err := Run(context.Background(), r, &out, screenByName, Options{Workers: 2})
	if !errors.Is(err, ioErr) {
		t.Fatalf("Run error %v, want %v", err, ioErr)
	}
	checkPrefix(t, out.String(), st)
	if st.Rows != 2 {
		t.Errorf("stats %+v, want 2 rows", st)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestRunProgress(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name\n")
	for i := range 300 {
		fmt.Fprintf(&b, "%d,Name\n", i)
	}
	var calls []int
	var times []time.Time
	start := time.Now()
	_, st, err := run(t, b.String(), CSV, func(ctx context.Context, row Row) (any, error) {
		time.Sleep(time.Millisecond)
		return nil, nil
	}, Options{Workers: 1, Progress: func(n int) {
		calls = append(calls, n)
		times = append(times, time.Now())
	}})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != st.Rows {
		t.Fatalf("progress calls %v, want the last to be %d", calls, st.Rows)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i] <= calls[i-1] {
			t.Errorf("progress calls %v not increasing", calls)
		}
	}
	if most := int(elapsed/(100*time.Millisecond)) + 2; len(calls) > most {
		t.Errorf("%d progress calls in %v, want at most %d", len(calls), elapsed, most)
	}
	if len(calls) < 2 {
		t.Errorf("progress calls %v in %v: want some before the end", calls, elapsed)
	}
}

// TestRunBoundedMemory streams 200,000 rows through a pipe while now and
// then a row is slow. While a row is unwritten no row a window or more
// after it may be read, whatever the file size.
func TestRunBoundedMemory(t *testing.T) {
	const (
		n       = 200000
		workers = 4
		window  = workers * windowPerWorker
	)
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriter(pw)
		fmt.Fprintln(bw, "id,name")
		for i := range n {
			fmt.Fprintf(bw, "%d,Customer %d\n", i, i)
		}
		bw.Flush()
		pw.Close()
	}()
	r, err := NewReader(pr, CSV)
	if err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	slow := map[int]bool{} // slow rows inside fn
	maxAhead := 0          // how far after a slow row fn was called
	fn := func(ctx context.Context, row Row) (any, error) {
		seq := row.Line - 2
		mu.Lock()
		for s := range slow {
			maxAhead = max(maxAhead, seq-s)
		}
		isSlow := seq%20000 == 0
		if isSlow {
			slow[seq] = true
		}
		mu.Unlock()
		if isSlow {
			time.Sleep(30 * time.Millisecond)
			mu.Lock()
			delete(slow, seq)
			mu.Unlock()
		}
		return nil, nil
	}
	out := &orderChecker{t: t}
	st, err := runWithin(t, 60*time.Second, func() (Stats, error) {
		return Run(context.Background(), r, out, fn, Options{Workers: workers})
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Rows != n || out.next != n {
		t.Errorf("stats %+v, %d lines written, want %d", st, out.next, n)
	}
	if maxAhead >= window {
		t.Errorf("fn got a row %d rows after an unwritten one: the window is %d", maxAhead, window)
	}
	if maxAhead < window/2 {
		t.Errorf("fn got rows at most %d after a slow one: the window of %d was not used, the test proves nothing", maxAhead, window)
	}
	t.Logf("rows read ahead of a slow row: at most %d (window %d)", maxAhead, window)
}

// orderChecker checks output lines as they come, without keeping them.
type orderChecker struct {
	t    *testing.T
	next int
	part []byte
}

func (c *orderChecker) Write(p []byte) (int, error) {
	c.part = append(c.part, p...)
	for {
		i := bytes.IndexByte(c.part, '\n')
		if i < 0 {
			break
		}
		want := fmt.Sprintf(`{"id":"%d","matches":[]}`, c.next)
		if string(c.part[:i]) != want {
			c.t.Errorf("output line %d = %s, want %s", c.next, c.part[:i], want)
			return 0, errors.New("wrong output")
		}
		c.next++
		c.part = c.part[i+1:]
	}
	c.part = append([]byte(nil), c.part...)
	return len(p), nil
}

// BenchmarkRun measures the pipeline itself, with a trivial fn.
func BenchmarkRun(b *testing.B) {
	const n = 20000
	var in bytes.Buffer
	in.WriteString("id,name,country,birth_date\n")
	for i := range n {
		fmt.Fprintf(&in, "cust-%d,Customer Name %d,GB;FR,1980-01-01\n", i, i)
	}
	fn := func(ctx context.Context, row Row) (any, error) { return nil, nil }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r, err := NewReader(bytes.NewReader(in.Bytes()), CSV)
		if err != nil {
			b.Fatal(err)
		}
		if st, err := Run(context.Background(), r, io.Discard, fn, Options{}); err != nil || st.Rows != n {
			b.Fatal(st, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
