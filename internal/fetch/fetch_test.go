package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/store"
	"github.com/embargo-screening/embargo/internal/store/sqlite"
)

// Invented entries in the official formats.
const unV1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-10T00:00:05.000Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>9100001</DATAID>
      <FIRST_NAME>MARTIN</FIRST_NAME>
      <SECOND_NAME>FICTIVUS</SECOND_NAME>
      <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
      <REFERENCE_NUMBER>CDi.951</REFERENCE_NUMBER>
      <LISTED_ON>2014-06-30</LISTED_ON>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>
`

const unV2 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-14T00:00:05.000Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>9100001</DATAID>
      <FIRST_NAME>MARTIN</FIRST_NAME>
      <SECOND_NAME>FICTIVUS</SECOND_NAME>
      <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
      <REFERENCE_NUMBER>CDi.951</REFERENCE_NUMBER>
      <LISTED_ON>2014-06-30</LISTED_ON>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <DATAID>9100002</DATAID>
      <FIRST_NAME>ODILE</FIRST_NAME>
      <SECOND_NAME>INVENTADA</SECOND_NAME>
      <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
      <REFERENCE_NUMBER>CDi.952</REFERENCE_NUMBER>
      <LISTED_ON>2026-02-13</LISTED_ON>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>
`

var ofacSet = map[string]string{
	"sdn.csv": "9101,\"NORDLICHT HANDEL GMBH\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Registration Number HRB 99999 (Germany).\"\r\n" +
		"9102,\"VOLKOV, Pavel Ivanovich\",\"individual\",\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 02 Mar 1968; POB Perm, Russia; Gender Male.\"\r\n" +
		"9103,\"MORNING TIDE\",\"vessel\",\"IRAN\",-0- ,\"9XYZ1\",\"Crude Oil Tanker\",-0- ,-0- ,\"Panama\",-0- ,\"Vessel Registration Identification IMO 9000001.\"\r\n",
	"alt.csv":          "9102,201,\"aka\",\"VOLKOV, Pasha\",-0- \r\n",
	"add.csv":          "9101,301,\"Hauptstrasse 1\",\"Hamburg\",\"Germany\",-0- \r\n",
	"sdn_comments.csv": "9101,\"Additional Sanctions Information - Subject to Secondary Sanctions\"\r\n",
}

var ofacFiles = []string{"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"}

// file is what the test server publishes at one path.
type file struct {
	body    []byte
	etag    string
	modTime time.Time
}

// server is a publisher: static files with ETag / Last-Modified handled by
// http.ServeContent, special handlers for failures, and a log of what the
// updater sent.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	files    map[string]file
	handlers map[string]http.HandlerFunc
	reqs     []request
	hits     map[string]int
	inflight atomic.Int32
	maxIn    atomic.Int32
}

type request struct {
	path, ifNoneMatch, ifModifiedSince, userAgent string
}

func newServer(t *testing.T) *server {
	s := &server{files: map[string]file{}, handlers: map[string]http.HandlerFunc{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(s)
	t.Cleanup(s.Close)
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := s.inflight.Add(1)
	defer s.inflight.Add(-1)
	for m := s.maxIn.Load(); n > m && !s.maxIn.CompareAndSwap(m, n); m = s.maxIn.Load() {
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, request{r.URL.Path, r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), r.Header.Get("User-Agent")})
	s.hits[r.URL.Path]++
	h, special := s.handlers[r.URL.Path]
	f, ok := s.files[r.URL.Path]
	s.mu.Unlock()
	switch {
	case special:
		h(w, r)
	case !ok:
		http.NotFound(w, r)
	default:
		if f.etag != "" {
			w.Header().Set("ETag", f.etag)
		}
		http.ServeContent(w, r, path.Base(r.URL.Path), f.modTime, bytes.NewReader(f.body))
	}
}

func (s *server) put(p, body, etag string, mod time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[p] = file{[]byte(body), etag, mod}
}

func (s *server) handle(p string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[p] = h
}

// take returns and forgets the requests so far.
func (s *server) take() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.reqs
	s.reqs = nil
	return r
}

func (s *server) count(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// testLog sends the updater's log to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Helper()
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// updates records OnUpdate calls.
type updates struct {
	mu    sync.Mutex
	calls [][]string
}

func (u *updates) on(_ context.Context, changed []string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.calls = append(u.calls, slices.Clone(changed))
}

func (u *updates) take() [][]string {
	u.mu.Lock()
	defer u.mu.Unlock()
	c := u.calls
	u.calls = nil
	return c
}

func options(t *testing.T, st store.Store, dir string, srcs ...Source) Options {
	return Options{
		Store:      st,
		Sources:    srcs,
		Dir:        dir,
		Logger:     slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelDebug})),
		RetryDelay: 10 * time.Millisecond,
	}
}

func versions(t *testing.T, st store.Store, dataset string) []store.Version {
	t.Helper()
	vs, err := st.Versions(context.Background(), dataset)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// one runs a pass over a single source that must succeed.
func one(t *testing.T, u *Updater) Status {
	t.Helper()
	sts, err := u.RunOnce(context.Background())
	if err != nil {
		t.Fatalf("RunOnce: %v", err)
	}
	if len(sts) != 1 {
		t.Fatalf("%d statuses, want 1: %+v", len(sts), sts)
	}
	if sts[0].LastError != "" {
		t.Fatalf("LastError %q", sts[0].LastError)
	}
	return sts[0]
}

// An unchanged list costs a 304 and no import; a changed one is imported.
// The validators survive a restart (a new Updater on the same folder).
func TestETag(t *testing.T) {
	srv := newServer(t)
	srv.put("/xml/en/consolidated.xml", unV1, `"un-1"`, time.Time{})
	st, dir := openStore(t), t.TempDir()
	src := Source{Dataset: "un_sc_sanctions", URLs: []string{srv.URL + "/xml/en/consolidated.xml"}}
	var up updates
	opt := options(t, st, dir, src)
	opt.OnUpdate = up.on

	s1 := one(t, New(opt))
	vs := versions(t, st, "un_sc_sanctions")
	if len(vs) != 1 || vs[0].Entities != 1 || vs[0].Published != "2026-01-10" || s1.Version != vs[0].ID || s1.Unchanged {
		t.Fatalf("first run: status %+v, versions %+v", s1, vs)
	}
	if c := up.take(); !slices.Equal(slices.Concat(c...), []string{"un_sc_sanctions"}) || len(c) != 1 {
		t.Fatalf("OnUpdate calls %v", c)
	}
	reqs := srv.take()
	if len(reqs) != 1 || reqs[0].ifNoneMatch != "" || !strings.Contains(reqs[0].userAgent, "embargo") {
		t.Fatalf("first requests %+v", reqs)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "un_sc_sanctions", "consolidated.xml")); err != nil || string(b) != unV1 {
		t.Fatalf("cached body: %v", err)
	}

	u := New(opt) // as after a restart
	if s := u.Status(); len(s) != 1 || s[0].Dataset != "un_sc_sanctions" {
		t.Fatalf("Status before the first run: %+v", s)
	}
	s2 := one(t, u)
	reqs = srv.take()
	if len(reqs) != 1 || reqs[0].ifNoneMatch != `"un-1"` {
		t.Fatalf("second requests %+v", reqs)
	}
	if !s2.Unchanged || s2.Version != s1.Version || len(versions(t, st, "")) != 1 || s2.LastChange.IsZero() {
		t.Fatalf("second run: %+v", s2)
	}
	if c := up.take(); len(c) != 0 {
		t.Fatalf("OnUpdate called for an unchanged list: %v", c)
	}

	srv.put("/xml/en/consolidated.xml", unV2, `"un-2"`, time.Time{})
	s3 := one(t, u)
	vs = versions(t, st, "un_sc_sanctions")
	if len(vs) != 2 || vs[1].Entities != 2 || vs[1].Published != "2026-02-14" || s3.Version != vs[1].ID || s3.Unchanged || !s3.LastChange.After(s2.LastChange) {
		t.Fatalf("third run: status %+v, versions %+v", s3, vs)
	}
	if c := up.take(); len(c) != 1 || !slices.Equal(c[0], []string{"un_sc_sanctions"}) {
		t.Fatalf("OnUpdate calls %v", c)
	}
	if reqs = srv.take(); reqs[0].ifNoneMatch != `"un-1"` {
		t.Fatalf("third request %+v", reqs)
	}
	if got := u.Status(); len(got) != 1 || got[0] != s3 {
		t.Fatalf("Status() = %+v, want %+v", got, s3)
	}
}

// The OFAC CSV set by Last-Modified alone: its date becomes the publication
// date (the files carry none), a file changed alone is imported with the
// cached rest of the set, and a new store is filled from the cache.
func TestLastModifiedSet(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	jan := time.Date(2024, 1, 3, 10, 0, 0, 0, time.UTC)
	var urls []string
	for _, name := range ofacFiles {
		srv.put("/exports/"+name, ofacSet[name], "", jan)
		urls = append(urls, srv.URL+"/exports/"+name)
	}
	st, dir := openStore(t), t.TempDir()
	var up updates
	opt := options(t, st, dir, Source{Dataset: "us_ofac_sdn", URLs: urls})
	opt.OnUpdate = up.on
	u := New(opt)

	s1 := one(t, u)
	vs := versions(t, st, "us_ofac_sdn")
	if len(vs) != 1 || vs[0].Entities != 3 || vs[0].Published != "2024-01-03" || vs[0].Format != "ofac_sdn_csv" || s1.Unchanged {
		t.Fatalf("first run: %+v %+v", s1, vs)
	}
	var bases []string
	for _, f := range vs[0].Files {
		bases = append(bases, filepath.Base(f))
	}
	if !slices.Equal(bases, ofacFiles) {
		t.Fatalf("files %v, want the official names %v", vs[0].Files, ofacFiles)
	}
	srv.take()

	s2 := one(t, u)
	for _, r := range srv.take() {
		if r.ifModifiedSince != jan.Format(http.TimeFormat) || r.ifNoneMatch != "" {
			t.Errorf("request %+v: want If-Modified-Since %s", r, jan.Format(http.TimeFormat))
		}
	}
	if !s2.Unchanged || s2.Version != s1.Version || len(versions(t, st, "")) != 1 {
		t.Fatalf("second run: %+v", s2)
	}

	feb := time.Date(2024, 2, 5, 16, 30, 0, 0, time.UTC)
	srv.put("/exports/alt.csv", ofacSet["alt.csv"]+"9103,202,\"fka\",\"DAWN TIDE\",-0- \r\n", "", feb)
	s3 := one(t, u)
	vs = versions(t, st, "us_ofac_sdn")
	if len(vs) != 2 || vs[1].Published != "2024-02-05" || vs[1].Entities != 3 || s3.Version != vs[1].ID {
		t.Fatalf("third run: %+v %+v", s3, vs)
	}
	d, err := st.Diff(ctx, vs[0].ID, vs[1].ID)
	if err != nil || len(d.Changed) != 1 || d.Changed[0].ID != "us_ofac_sdn:9103" || len(d.Added)+len(d.Removed) != 0 {
		t.Fatalf("diff %+v %v", d, err)
	}
	if c := up.take(); len(c) != 2 {
		t.Fatalf("OnUpdate calls %v", c)
	}

	// A new database with the same cache: every file is 304, but the store
	// does not have them, so the cached set is imported.
	st2 := openStore(t)
	opt.Store = st2
	s4 := one(t, New(opt))
	vs2 := versions(t, st2, "us_ofac_sdn")
	if len(vs2) != 1 || vs2[0].SHA256 != vs[1].SHA256 || vs2[0].Published != "2024-02-05" || s4.Unchanged {
		t.Fatalf("new store: %+v %+v", s4, vs2)
	}
	for _, r := range srv.take() {
		if r.ifModifiedSince == "" {
			t.Errorf("unconditional request %+v", r)
		}
	}
}

// A truncated file fails the import as a whole: the store, the cached copy
// and its validators stay as they were, so the next pass downloads again.
func TestTruncated(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	srv.put("/consolidated.xml", unV1, `"good-1"`, time.Time{})
	st, dir := openStore(t), t.TempDir()
	url := srv.URL + "/consolidated.xml"
	var up updates
	opt := options(t, st, dir, Source{Dataset: "un_sc_sanctions", URLs: []string{url}})
	opt.OnUpdate = up.on
	u := New(opt)
	good := one(t, u)
	up.take()
	srv.take()

	cut := unV2[:strings.Index(unV2, "<REFERENCE_NUMBER>CDi.952")]
	srv.put("/consolidated.xml", cut, `"broken-2"`, time.Time{})
	for range 2 {
		sts, err := u.RunOnce(ctx)
		if err == nil || len(sts) != 1 {
			t.Fatalf("truncated file: err %v, statuses %+v", err, sts)
		}
		s := sts[0]
		t.Logf("LastError: %s", s.LastError)
		for _, want := range []string{url, "INDIVIDUAL", "store is unchanged"} {
			if !strings.Contains(s.LastError, want) {
				t.Errorf("LastError %q does not name %q", s.LastError, want)
			}
		}
		if s.Version != good.Version || s.LastSuccess != good.LastSuccess || s.Unchanged {
			t.Errorf("status after failure %+v, before %+v", s, good)
		}
		if vs := versions(t, st, ""); len(vs) != 1 || vs[0].ID != good.Version {
			t.Fatalf("store changed: %+v", vs)
		}
		// The broken download is not taken for current.
		if reqs := srv.take(); len(reqs) != 1 || reqs[0].ifNoneMatch != `"good-1"` {
			t.Fatalf("requests %+v", reqs)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "un_sc_sanctions", "consolidated.xml")); string(b) != unV1 {
			t.Fatal("the cached copy was replaced by the broken download")
		}
		if _, err := os.Stat(filepath.Join(dir, "un_sc_sanctions", ".incoming")); !os.IsNotExist(err) {
			t.Fatalf("staging folder left behind: %v", err)
		}
	}
	if c := up.take(); len(c) != 0 {
		t.Fatalf("OnUpdate called after a failed import: %v", c)
	}

	srv.put("/consolidated.xml", unV2, `"good-2"`, time.Time{})
	s := one(t, u)
	if vs := versions(t, st, ""); len(vs) != 2 || vs[1].Entities != 2 || s.Version != vs[1].ID || s.LastError != "" {
		t.Fatalf("after repair: %+v %+v", s, vs)
	}
}

// Transport failures: a 5xx is retried once, a 4xx is not, an oversized
// body and a hanging server fail, and the sources after them still run.
func TestHTTPFailures(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t)
	var flaky atomic.Int32
	srv.handle("/flaky/consolidated.xml", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) == 1 {
			http.Error(w, "try later", http.StatusInternalServerError)
			return
		}
		w.Write([]byte(unV1))
	})
	srv.handle("/down/list.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusBadGateway)
	})
	big := strings.Repeat("x", 10000)
	srv.put("/big/list.csv", big, "", time.Time{})
	srv.handle("/chunked/list.csv", func(w http.ResponseWriter, r *http.Request) {
		for range 10 {
			w.Write([]byte(big[:1000]))
			w.(http.Flusher).Flush()
		}
	})
	release := make(chan struct{})
	srv.handle("/hang/list.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	t.Cleanup(func() { close(release) }) // before srv.Close, which waits for handlers
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close()

	srcs := []Source{
		{Dataset: "missing", URLs: []string{srv.URL + "/missing/list.xml"}},
		{Dataset: "down", URLs: []string{srv.URL + "/down/list.xml"}},
		{Dataset: "big", URLs: []string{srv.URL + "/big/list.csv"}},
		{Dataset: "chunked", URLs: []string{srv.URL + "/chunked/list.csv"}},
		{Dataset: "hang", URLs: []string{srv.URL + "/hang/list.xml"}},
		{Dataset: "gone", URLs: []string{gone.URL + "/list.xml"}},
		{Dataset: "un_sc_sanctions", URLs: []string{srv.URL + "/flaky/consolidated.xml"}},
	}
	st := openStore(t)
	opt := options(t, st, t.TempDir(), srcs...)
	opt.MaxBytes = 5000
	opt.Client = &http.Client{Timeout: 200 * time.Millisecond}
	var seen []Status
	opt.OnStatus = func(s Status) { seen = append(seen, s) }
	start := time.Now()
	sts, err := New(opt).RunOnce(ctx)
	t.Logf("pass took %s; error:\n%v", time.Since(start), err)
	if err == nil || len(sts) != len(srcs) || len(seen) != len(srcs) {
		t.Fatalf("err %v, %d statuses, %d OnStatus calls", err, len(sts), len(seen))
	}
	want := map[string][]string{ // dataset -> in LastError
		"missing": {srv.URL + "/missing/list.xml", "404"},
		"down":    {srv.URL + "/down/list.xml", "502", "after 2 attempts"},
		"big":     {srv.URL + "/big/list.csv", "over the limit of 5000"},
		"chunked": {srv.URL + "/chunked/list.csv", "over the limit of 5000"},
		"hang":    {srv.URL + "/hang/list.xml", "Timeout", "after 2 attempts"},
		"gone":    {gone.URL + "/list.xml", "after 2 attempts"},
	}
	for _, s := range sts {
		if s.LastAttempt.IsZero() {
			t.Errorf("%s: no LastAttempt", s.Dataset)
		}
		if s.Dataset == "un_sc_sanctions" {
			if s.LastError != "" || s.Version == 0 || s.LastSuccess.IsZero() {
				t.Errorf("flaky source after retry: %+v", s)
			}
			continue
		}
		if !s.LastSuccess.IsZero() || s.Version != 0 {
			t.Errorf("%s: %+v", s.Dataset, s)
		}
		for _, w := range want[s.Dataset] {
			if !strings.Contains(s.LastError, w) {
				t.Errorf("%s: LastError %q does not contain %q", s.Dataset, s.LastError, w)
			}
		}
	}
	for p, n := range map[string]int{"/missing/list.xml": 1, "/down/list.xml": 2, "/big/list.csv": 1, "/chunked/list.csv": 1, "/hang/list.xml": 2, "/flaky/consolidated.xml": 2} {
		if got := srv.count(p); got != n {
			t.Errorf("%s: %d requests, want %d", p, got, n)
		}
	}
	if vs := versions(t, st, ""); len(vs) != 1 || vs[0].Dataset != "un_sc_sanctions" {
		t.Fatalf("versions %+v", vs)
	}
}

// Run keeps to its schedule, never overlaps a pass with a RunOnce called
// beside it, and stops when its context is cancelled.
func TestRunSchedule(t *testing.T) {
	srv := newServer(t)
	srv.put("/consolidated.xml", unV1, `"v1"`, time.Time{})
	opt := options(t, openStore(t), t.TempDir(), Source{Dataset: "un_sc_sanctions", URLs: []string{srv.URL + "/consolidated.xml"}})
	opt.Interval = 10 * time.Millisecond
	var mu sync.Mutex
	attempts := 0
	opt.OnStatus = func(s Status) {
		mu.Lock()
		defer mu.Unlock()
		if s.LastError != "" {
			t.Errorf("status %+v", s)
		}
		attempts++
	}
	u := New(opt)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- u.Run(ctx) }()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			if _, err := u.RunOnce(ctx); err != nil && ctx.Err() == nil {
				t.Errorf("RunOnce beside Run: %v", err)
			}
		})
	}
	wg.Wait()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		mu.Lock()
		n := attempts
		mu.Unlock()
		if n >= 6 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d attempts in 5 s with a 10 ms interval", n)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run returned %v after cancel", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
	if m := srv.maxIn.Load(); m != 1 {
		t.Fatalf("%d requests at once: passes overlapped", m)
	}
}

// With Interval 0, Run is one pass and returns its error.
func TestRunOnceOnly(t *testing.T) {
	srv := newServer(t)
	opt := options(t, openStore(t), t.TempDir(), Source{Dataset: "x", URLs: []string{srv.URL + "/nothing.xml"}})
	if err := New(opt).Run(context.Background()); err == nil || !strings.Contains(err.Error(), "404") {
		t.Fatalf("Run: %v", err)
	}
	if n := srv.count("/nothing.xml"); n != 1 {
		t.Fatalf("%d requests", n)
	}
}

func TestOfficial(t *testing.T) {
	want := map[string][]string{
		"un_sc_sanctions":   {"consolidated.xml"},
		"us_ofac_sdn":       ofacFiles,
		"us_ofac_cons":      {"cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"},
		"eu_fsf":            {"xmlFullSanctionsList_1_1"},
		"gb_fcdo_sanctions": {"UK-Sanctions-List.xml"},
		"us_trade_csl":      {"consolidated.csv"},
	}
	srcs := Official()
	if len(srcs) != len(want) {
		t.Fatalf("%d sources, want %d", len(srcs), len(want))
	}
	for _, s := range srcs {
		names, err := fileNames(s)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(names, want[s.Dataset]) {
			t.Errorf("%s: files %v, want %v", s.Dataset, names, want[s.Dataset])
		}
		for _, u := range s.URLs {
			if !strings.HasPrefix(u, "https://") {
				t.Errorf("%s: %s is not https", s.Dataset, u)
			}
		}
	}
	for _, bad := range []Source{{Dataset: "a"}, {Dataset: "b", URLs: []string{"ftp://x/y.csv"}}, {Dataset: "c", URLs: []string{"https://x/a/list.csv", "https://y/b/LIST.csv"}}} {
		if _, err := fileNames(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

// A configuration error is a failed source like any other.
func TestBadSource(t *testing.T) {
	srv := newServer(t)
	srv.put("/consolidated.xml", unV1, "", time.Time{})
	good := Source{Dataset: "un_sc_sanctions", URLs: []string{srv.URL + "/consolidated.xml"}}
	opt := options(t, openStore(t), t.TempDir(), Source{Dataset: "odd", URLs: []string{"not a url"}}, good, good)
	sts, err := New(opt).RunOnce(context.Background())
	if err == nil || !strings.Contains(err.Error(), "second source") || len(sts) != 2 {
		t.Fatalf("err %v, statuses %+v", err, sts)
	}
	if sts[0].LastError == "" || sts[1].LastError != "" || sts[1].Version == 0 {
		t.Fatalf("statuses %s", fmt.Sprint(sts))
	}
}

// A body that stops flowing is dropped after the idle timeout even with a
// client that has no timeout of its own, and retried once.
func TestStalledBody(t *testing.T) {
	srv := newServer(t)
	release := make(chan struct{})
	srv.handle("/consolidated.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(unV1)))
		w.Write([]byte(unV1[:100]))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	t.Cleanup(func() { close(release) })
	st := openStore(t)
	opt := options(t, st, t.TempDir(), Source{Dataset: "un_sc_sanctions", URLs: []string{srv.URL + "/consolidated.xml"}})
	opt.Client = &http.Client{}
	u := New(opt)
	u.idle = 150 * time.Millisecond
	sts, err := u.RunOnce(context.Background())
	if err == nil || len(sts) != 1 || !strings.Contains(sts[0].LastError, "no data received for 150ms") || !strings.Contains(sts[0].LastError, "after 2 attempts") {
		t.Fatalf("err %v, statuses %+v", err, sts)
	}
	if n := srv.count("/consolidated.xml"); n != 2 {
		t.Fatalf("%d requests, want 2", n)
	}
	if vs := versions(t, st, ""); len(vs) != 0 {
		t.Fatalf("versions %+v", vs)
	}
}

func sha256hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
