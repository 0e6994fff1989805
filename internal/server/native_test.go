package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
)

func TestScreen(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	tests := []struct {
		name      string
		body      string
		wantFirst string // entity id of the first match; "" for none
		check     func(t *testing.T, v map[string]any)
	}{
		{"full query", `{"id": "c-1", "name": "Vorlan Grammit", "birth_date": "1961-03-14", "countries": ["Belarus"], "identifiers": ["passport:KX 4419023"], "gender": "m"}`, "us_ofac_sdn:9001",
			func(t *testing.T, v map[string]any) {
				if path(v, "id") != "c-1" {
					t.Errorf("id not echoed: %v", path(v, "id"))
				}
				if path(v, "matches", 0, "match") != true {
					t.Errorf("not a match: %v", path(v, "matches", 0))
				}
				if path(v, "matches", 0, "explanation", "tokens", 0, "method") == nil {
					t.Errorf("no token explanation")
				}
				fields := path(v, "matches", 0, "explanation", "fields").([]any)
				if len(fields) != 4 {
					t.Errorf("field checks %v, want birth_date, country, identifier, gender", fields)
				}
				if n := len(path(v, "versions").([]any)); n != 3 {
					t.Errorf("%d versions, want 3", n)
				}
				if path(v, "threshold") != match.DefaultThreshold || path(v, "limit") != float64(match.DefaultLimit) {
					t.Errorf("options not echoed: %v %v", path(v, "threshold"), path(v, "limit"))
				}
			}},
		{"countries as a string", `{"name": "GRAMMIT Vorlan", "countries": "BY"}`, "us_ofac_sdn:9001", nil},
		{"country alias", `{"name": "Vorlan Grammit", "country": ["BY"], "identifier": "KX4419023"}`, "us_ofac_sdn:9001", nil},
		{"organization", `{"name": "Kestrel Maritime Holdings", "schema": "company"}`, "us_ofac_sdn:9002", nil},
		{"dataset filter excludes", `{"name": "Kestrel Maritime Holdings", "datasets": ["un_sc_sanctions"]}`, "", nil},
		{"dataset filter as string", `{"name": "Pelican Crescent Trading", "datasets": "un_sc_sanctions"}`, "un_sc_sanctions:IRe.901", nil},
		{"cyrillic", `{"name": "Ротенберг Аркадий"}`, "gb_fcdo_sanctions:TST0001", nil},
		{"removed entity is not in the current lists", `{"name": "Odalys Quintero Malvar"}`, "", nil},
		{"threshold 0 returns candidates", `{"name": "Kestrel", "threshold": 0, "limit": 2}`, "us_ofac_sdn:9002",
			func(t *testing.T, v map[string]any) {
				if n := len(path(v, "matches").([]any)); n > 2 {
					t.Errorf("%d matches over the limit of 2", n)
				}
			}},
		{"no match", `{"name": "Completely Unrelated Person"}`, "", nil},
		{"null fields", `{"name": "Vorlan Grammit", "countries": null, "as_of": null}`, "us_ofac_sdn:9001", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, "POST", "/v1/screen", tt.body)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
			v := decode(t, rec)
			ms, ok := path(v, "matches").([]any)
			if !ok {
				t.Fatalf("no matches array: %s", rec.Body.String())
			}
			if tt.wantFirst == "" {
				if len(ms) != 0 {
					t.Errorf("want no match, got %v", path(v, "matches", 0, "entity_id"))
				}
			} else if got := path(v, "matches", 0, "entity_id"); got != tt.wantFirst {
				t.Errorf("first %v, want %s: %s", got, tt.wantFirst, rec.Body.String())
			}
			if tt.check != nil {
				tt.check(t, v)
			}
		})
	}
}

func TestScreenErrors(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.MaxBodyBytes = 4096 })
	h := f.srv.Handler()
	long := strings.Repeat("a", 501)
	tests := []struct {
		name     string
		body     string
		status   int
		code     string
		fragment string
	}{
		{"malformed JSON", "{\"name\": \"x\",\n  \"schema\": }", 400, "bad_request", "line 2, column 13"},
		{"truncated JSON", `{"name": "Vorlan`, 400, "bad_request", "unexpected end of input"},
		{"trailing data", `{"name": "Vorlan"} {}`, 400, "bad_request", "unexpected data after the JSON value"},
		{"empty body", ``, 400, "bad_request", "empty"},
		{"not an object", `["Vorlan"]`, 400, "bad_request", "want a JSON object"},
		{"wrong type", `{"name": "Vorlan", "birth_date": 1961}`, 400, "bad_request", "birth_date: want a string, got JSON number"},
		{"wrong list type", `{"name": "Vorlan", "countries": 7}`, 400, "bad_request", "countries: want a string or an array of strings"},
		{"wrong list item", `{"name": "Vorlan", "countries": ["BY", 7]}`, 400, "bad_request", "countries: "},
		{"unknown field", `{"name": "Vorlan", "birthdate": "1961"}`, 400, "bad_request", "birthdate: unknown field"},
		{"missing name", `{"schema": "Person"}`, 400, "bad_request", "name: required"},
		{"empty name", `{"name": "  "}`, 400, "bad_request", "name: empty"},
		{"punctuation name", `{"name": "-- ..."}`, 400, "bad_request", "name: name has no letters or digits"},
		{"over-long name", `{"name": "` + long + `"}`, 400, "bad_request", "name: too long: 501 characters, the limit is 500"},
		{"control character", `{"name": "Vor\u0007lan"}`, 400, "bad_request", "name: control character U+0007"},
		{"invalid UTF-8", "{\"name\": \"Vor\xfflan\"}", 400, "bad_request", "not valid UTF-8: byte 0xff at line 1, column 14"},
		{"bad schema", `{"name": "Vorlan", "schema": "Planet"}`, 400, "bad_request", "schema: unknown schema \"Planet\""},
		{"bad birth date", `{"name": "Vorlan", "birth_date": "yesterday"}`, 400, "bad_request", "birth_date: \"yesterday\" is not a date"},
		{"bad gender", `{"name": "Vorlan", "gender": "x"}`, 400, "bad_request", "gender: unknown gender"},
		{"threshold out of range", `{"name": "Vorlan", "threshold": 1.5}`, 400, "bad_request", "threshold: 1.5 is out of range"},
		{"limit out of range", `{"name": "Vorlan", "limit": 0}`, 400, "bad_request", "limit: 0 is out of range"},
		{"bad as_of", `{"name": "Vorlan", "as_of": "2024-13-01"}`, 400, "bad_request", "as_of: \"2024-13-01\" is not a date"},
		{"unknown dataset", `{"name": "Vorlan", "datasets": ["us_ofac_sdm"]}`, 400, "bad_request", "datasets: unknown dataset \"us_ofac_sdm\""},
		{"too many countries", `{"name": "Vorlan", "countries": [` + strings.Repeat(`"x",`, 100) + `"x"]}`, 400, "bad_request", "countries: 101 values"},
		{"as_of before any list", `{"name": "Vorlan", "as_of": "1990-01-01"}`, 404, "not_found", "no list versions in the store published on or before 1990-01-01"},
		{"body over the limit", `{"name": "` + strings.Repeat("a", 5000) + `"}`, 413, "too_large", "over the limit of 4096 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, "POST", "/v1/screen", tt.body)
			wantError(t, rec, tt.status, tt.code, tt.fragment)
		})
	}
}

// A body over the limit sent without a length (chunked) is cut off by the
// reader, not trusted from the header.
func TestScreenBodyTooLargeChunked(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.MaxBodyBytes = 1024 })
	req, _ := http.NewRequest("POST", "/v1/screen", &slowReader{s: `{"name": "` + strings.Repeat("a", 4000) + `"}`})
	req.ContentLength = -1
	rec := httptest.NewRecorder()
	f.srv.Handler().ServeHTTP(rec, req)
	wantError(t, rec, 413, "too_large", "over the limit of 1024 bytes")
}

type slowReader struct {
	s string
	i int
}

func (r *slowReader) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 100)], r.s[r.i:])
	r.i += n
	return n, nil
}

func TestScreenAsOf(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	// Odalys Quintero was removed from us_ofac_sdn in the version of
	// 2024-06-01: the lists of 2024-02-01 still name her.
	rec := do(t, h, "POST", "/v1/screen", `{"name": "Odalys Quintero Malvar", "as_of": "2024-02-01"}`)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	v := decode(t, rec)
	if got := path(v, "matches", 0, "entity_id"); got != "us_ofac_sdn:9004" {
		t.Errorf("first %v, want us_ofac_sdn:9004", got)
	}
	if path(v, "as_of") != "2024-02-01" {
		t.Errorf("as_of %v", path(v, "as_of"))
	}
	vs := path(v, "versions").([]any)
	if len(vs) != 1 || path(vs[0], "published") != "2024-01-10" {
		t.Errorf("versions %v, want us_ofac_sdn of 2024-01-10 alone", vs)
	}
	// A date after every publication is the current lists.
	rec = do(t, h, "POST", "/v1/screen", `{"name": "Teodor Briskevich", "as_of": "2030-01-01"}`)
	if got := path(decode(t, rec), "matches", 0, "entity_id"); got != "us_ofac_sdn:9005" {
		t.Errorf("first %v, want us_ofac_sdn:9005", got)
	}
}

// countingStore counts the versions loaded (Entities calls), one per
// version per build of a snapshot, and can slow them down.
type countingStore struct {
	store.Store
	loads atomic.Int64
	delay time.Duration
}

func (c *countingStore) Entities(ctx context.Context, version int64, fn func(*entity.Entity) error) error {
	c.loads.Add(1)
	if c.delay > 0 {
		select {
		case <-time.After(c.delay):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return c.Store.Entities(ctx, version, fn)
}

// Concurrent requests for one date share one build, and every date that
// resolves to the same versions shares its snapshot.
func TestAsOfSharedBuild(t *testing.T) {
	f := newFixture(t)
	cs := &countingStore{Store: f.st, delay: 50 * time.Millisecond}
	srv := New(Config{Store: cs}, f.snap)
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := do(t, srv.Handler(), "POST", "/v1/screen", `{"name": "Odalys Quintero Malvar", "as_of": "2024-02-01"}`)
			if got := path(decode(t, rec), "matches", 0, "entity_id"); rec.Code != 200 || got != "us_ofac_sdn:9004" {
				errs <- fmt.Sprintf("status %d first %v", rec.Code, got)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n := cs.loads.Load(); n != 1 {
		t.Errorf("%d versions loaded for 8 concurrent requests: want one build of one version", n)
	}
	// Other dates before the next publication resolve to the same
	// version: no build.
	for _, d := range []string{"2024-01-10", "2024-02-02", "2024-02-29", "2024-03-04"} {
		rec := do(t, srv.Handler(), "POST", "/v1/screen", `{"name": "Odalys Quintero Malvar", "as_of": "`+d+`"}`)
		if got := path(decode(t, rec), "versions", 0, "published"); got != "2024-01-10" {
			t.Errorf("as_of %s: versions %v", d, path(decode(t, rec), "versions"))
		}
	}
	if n := cs.loads.Load(); n != 1 {
		t.Errorf("%d versions loaded after four dates of the same versions, want 1", n)
	}
}

// A build that outlasts the request gets 503 with Retry-After, not a
// timeout, and lands in the cache for the next request.
func TestAsOfBusy(t *testing.T) {
	f := newFixture(t)
	cs := &countingStore{Store: f.st, delay: 300 * time.Millisecond}
	srv := New(Config{Store: cs, RequestTimeout: 50 * time.Millisecond}, f.snap)
	rec := do(t, srv.Handler(), "POST", "/v1/screen", `{"name": "Vorlan Grammit", "as_of": "2024-02-01"}`)
	wantError(t, rec, http.StatusServiceUnavailable, "unavailable", "try again")
	if ra := rec.Header().Get("Retry-After"); ra == "" {
		t.Errorf("no Retry-After on a 503 for a build under way")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		rec = do(t, srv.Handler(), "POST", "/v1/screen", `{"name": "Vorlan Grammit", "as_of": "2024-02-01"}`)
		if rec.Code == 200 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if rec.Code != 200 {
		t.Fatalf("the build never landed: %d %s", rec.Code, rec.Body)
	}
}

func TestHandlerDeadline(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.RequestTimeout = time.Nanosecond })
	rec := do(t, f.srv.Handler(), "POST", "/v1/screen", `{"name": "Vorlan Grammit"}`)
	wantError(t, rec, http.StatusGatewayTimeout, "timeout", "deadline")
	if !strings.Contains(f.logs.String(), "level=WARN") {
		t.Errorf("a timeout is not logged at Warn: %s", f.logs.String())
	}
}

func TestNoSnapshot(t *testing.T) {
	st := newStore(t)
	srv := New(Config{Store: st}, nil)
	h := srv.Handler()
	wantError(t, do(t, h, "POST", "/v1/screen", `{"name": "Vorlan"}`), 503, "unavailable", "no index loaded")
	wantError(t, do(t, h, "GET", "/readyz", nil), 503, "unavailable", "no index loaded")
	wantError(t, do(t, h, "POST", "/match/default", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["x"]}}}}`), 503, "unavailable", "no index")
	if rec := do(t, h, "GET", "/healthz", nil); rec.Code != 200 {
		t.Errorf("healthz %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/v1/lists", nil); rec.Code != 200 {
		t.Errorf("lists without an index: %d", rec.Code)
	}
	srv.Swap(mustLoad(t, st, ""))
	if rec := do(t, h, "GET", "/readyz", nil); rec.Code != 200 {
		t.Errorf("readyz after swap: %d", rec.Code)
	}
}

func TestNoStore(t *testing.T) {
	f := newFixture(t)
	srv := New(Config{}, f.snap)
	h := srv.Handler()
	wantError(t, do(t, h, "GET", "/v1/lists", nil), 503, "unavailable", "no list store")
	wantError(t, do(t, h, "GET", "/v1/entities/us_ofac_sdn:9001", nil), 503, "unavailable", "no list store")
	wantError(t, do(t, h, "POST", "/v1/screen", `{"name": "x y", "as_of": "2024-01-01"}`), 503, "unavailable", "no list store")
	if rec := do(t, h, "GET", "/catalog", nil); rec.Code != 200 {
		t.Errorf("catalog without a store: %d %s", rec.Code, rec.Body.String())
	}
}

func TestBatch(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	t.Run("object form", func(t *testing.T) {
		body := `{"threshold": 0.7, "queries": [
			{"id": 12345678901234567890, "name": "Vorlan Grammit"},
			{"id": "two", "name": ""},
			{"id": 3, "name": "Kestrel Maritime", "schema": "Organization"},
			{"id": 4, "name": "Vorlan", "birth_date": 5},
			{"id": 5, "name": "Odalys Quintero Malvar", "as_of": "2024-02-01"},
			{"id": 6, "name": "Vorlan", "datasets": ["nope"]},
			{"id": 7, "name": "Nobody Atall"}
		]}`
		rec := do(t, h, "POST", "/v1/screen/batch", body)
		if rec.Code != 200 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		if !strings.Contains(rec.Body.String(), `"id":12345678901234567890,`) {
			t.Errorf("a numeric id is not echoed digit for digit")
		}
		v := decode(t, rec)
		rs := path(v, "results").([]any)
		if len(rs) != 7 {
			t.Fatalf("%d results, want 7", len(rs))
		}
		want := []struct {
			id, first, errFrag any
		}{
			{12345678901234567890.0, "us_ofac_sdn:9001", nil},
			{"two", nil, "queries[1].name: empty"},
			{3.0, "us_ofac_sdn:9002", nil},
			{nil, nil, "queries[3].birth_date: want a string"},
			{5.0, "us_ofac_sdn:9004", nil},
			{6.0, nil, "queries[5].datasets: unknown dataset \"nope\""},
			{7.0, nil, nil},
		}
		for i, w := range want {
			r := rs[i]
			if path(r, "id") != w.id {
				t.Errorf("result %d: id %v, want %v", i, path(r, "id"), w.id)
			}
			if w.errFrag != nil {
				msg, _ := path(r, "error", "message").(string)
				if !strings.Contains(msg, w.errFrag.(string)) || path(r, "error", "code") != "bad_request" {
					t.Errorf("result %d: error %v, want %v", i, path(r, "error"), w.errFrag)
				}
				continue
			}
			if _, ok := path(r, "matches").([]any); !ok {
				t.Errorf("result %d: no matches array: %v", i, r)
			}
			if path(r, "matches", 0, "entity_id") != w.first {
				t.Errorf("result %d: first %v, want %v", i, path(r, "matches", 0, "entity_id"), w.first)
			}
		}
		if path(rs[4], "versions") == nil || path(rs[0], "versions") != nil {
			t.Errorf("versions should be given only for the query with its own as_of")
		}
	})
	t.Run("bare array", func(t *testing.T) {
		rec := do(t, h, "POST", "/v1/screen/batch", `[{"name": "Vorlan Grammit"}, {"name": "SILENT ALBATROS", "schema": "vessel"}]`)
		v := decode(t, rec)
		if path(v, "results", 0, "matches", 0, "entity_id") != "us_ofac_sdn:9001" || path(v, "results", 1, "matches", 0, "entity_id") != "us_ofac_sdn:9003" {
			t.Errorf("bare array: %s", rec.Body.String())
		}
	})
	t.Run("errors", func(t *testing.T) {
		many := "[" + strings.Repeat(`{"name":"a"},`, 1000) + `{"name":"a"}]`
		wantError(t, do(t, h, "POST", "/v1/screen/batch", many), 413, "too_large", "queries: 1001 queries: the limit is 1000")
		wantError(t, do(t, h, "POST", "/v1/screen/batch", `{"queries": [{"name": "a"}`), 400, "bad_request", "malformed JSON")
		wantError(t, do(t, h, "POST", "/v1/screen/batch", `{"query": []}`), 400, "bad_request", "query: unknown field")
		wantError(t, do(t, h, "POST", "/v1/screen/batch", `{}`), 400, "bad_request", "queries: required")
		wantError(t, do(t, h, "POST", "/v1/screen/batch", `{"queries": [], "limit": 5000}`), 400, "bad_request", "limit: 5000")
		wantError(t, do(t, h, "POST", "/v1/screen/batch", `{"queries": {}}`), 400, "bad_request", "queries: want an array")
	})
	t.Run("a thousand", func(t *testing.T) {
		many := "[" + strings.Repeat(`{"name":"Vorlan Grammit"},`, 999) + `{"name":"Kestrel Maritime Holdings"}]`
		rec := do(t, h, "POST", "/v1/screen/batch", many)
		v := decode(t, rec)
		rs := path(v, "results").([]any)
		if len(rs) != 1000 || path(rs[999], "matches", 0, "entity_id") != "us_ofac_sdn:9002" {
			t.Errorf("1000 queries: %d results", len(rs))
		}
	})
}

func TestEntityHistory(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	status := func(v map[string]any) []string {
		var out []string
		for _, e := range path(v, "history").([]any) {
			out = append(out, path(e, "status").(string))
		}
		return out
	}
	t.Run("changed", func(t *testing.T) {
		rec := do(t, h, "GET", "/v1/entities/us_ofac_sdn:9001", nil)
		if rec.Code != 200 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		v := decode(t, rec)
		if got := strings.Join(status(v), ","); got != "added,changed" {
			t.Errorf("history %s, want added,changed", got)
		}
		if path(v, "history", 1, "changed") != true || path(v, "history", 1, "fields") == nil {
			t.Errorf("second version: %v", path(v, "history", 1))
		}
		if path(v, "entity", "raw") != `<entry id="9001"/>` {
			t.Errorf("raw record missing: %v", path(v, "entity", "raw"))
		}
		if path(v, "loaded") != true || path(v, "version", "published") != "2024-06-01" {
			t.Errorf("loaded %v version %v", path(v, "loaded"), path(v, "version"))
		}
		if path(v, "latest_changes", 0, "field") == nil {
			t.Errorf("no latest changes")
		}
	})
	t.Run("removed", func(t *testing.T) {
		v := decode(t, do(t, h, "GET", "/v1/entities/us_ofac_sdn:9004", nil))
		if got := strings.Join(status(v), ","); got != "added,removed" {
			t.Errorf("history %s", got)
		}
		if path(v, "loaded") != false || path(v, "version", "published") != "2024-01-10" {
			t.Errorf("removed entity: loaded %v version %v", path(v, "loaded"), path(v, "version"))
		}
	})
	t.Run("added later", func(t *testing.T) {
		v := decode(t, do(t, h, "GET", "/v1/entities/us_ofac_sdn:9005", nil))
		if got := strings.Join(status(v), ","); got != "absent,added" {
			t.Errorf("history %s", got)
		}
	})
	t.Run("unchanged", func(t *testing.T) {
		v := decode(t, do(t, h, "GET", "/v1/entities/us_ofac_sdn:9002", nil))
		if got := strings.Join(status(v), ","); got != "added,unchanged" {
			t.Errorf("history %s", got)
		}
	})
	wantError(t, do(t, h, "GET", "/v1/entities/us_ofac_sdn:0000", nil), 404, "not_found", "no entity \"us_ofac_sdn:0000\"")
	wantError(t, do(t, h, "GET", "/v1/entities/nodataset:1", nil), 404, "not_found", "no dataset \"nodataset\"")
	wantError(t, do(t, h, "GET", "/v1/entities/justanid", nil), 404, "not_found", "<dataset>:<source_id>")
}

func TestListsAndDiff(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	v := decode(t, do(t, h, "GET", "/v1/lists", nil))
	vs := path(v, "versions").([]any)
	if len(vs) != 4 {
		t.Fatalf("%d versions, want 4", len(vs))
	}
	loaded := 0
	for _, x := range vs {
		if path(x, "loaded") == true {
			loaded++
		}
	}
	if loaded != 3 || len(path(v, "loaded").([]any)) != 3 {
		t.Errorf("%d loaded versions, want 3", loaded)
	}
	if n := len(path(decode(t, do(t, h, "GET", "/v1/lists?dataset=us_ofac_sdn", nil)), "versions").([]any)); n != 2 {
		t.Errorf("dataset filter: %d versions", n)
	}

	d := decode(t, do(t, h, "GET", "/v1/lists/us_ofac_sdn/diff", nil))
	if fmt.Sprint(path(d, "added")) != "[us_ofac_sdn:9005]" || fmt.Sprint(path(d, "removed")) != "[us_ofac_sdn:9004]" ||
		path(d, "changed", 0, "id") != "us_ofac_sdn:9001" {
		t.Errorf("diff: %v", d)
	}
	from := path(d, "from", "version").(float64)
	to := path(d, "to", "version").(float64)
	byNum := decode(t, do(t, h, "GET", fmt.Sprintf("/v1/lists/us_ofac_sdn/diff?from=%d&to=%d", int(from), int(to)), nil))
	byDate := decode(t, do(t, h, "GET", "/v1/lists/us_ofac_sdn/diff?from=2024-02-01&to=2024-12-31", nil))
	if fmt.Sprint(byNum) != fmt.Sprint(d) || fmt.Sprint(byDate) != fmt.Sprint(d) {
		t.Errorf("diff by number or date differs from the default")
	}
	back := decode(t, do(t, h, "GET", fmt.Sprintf("/v1/lists/us_ofac_sdn/diff?from=%d&to=%d", int(to), int(from)), nil))
	if fmt.Sprint(path(back, "added")) != "[us_ofac_sdn:9004]" {
		t.Errorf("reverse diff: %v", back)
	}
	wantError(t, do(t, h, "GET", "/v1/lists/nope/diff", nil), 404, "not_found", "no dataset \"nope\"")
	wantError(t, do(t, h, "GET", "/v1/lists/un_sc_sanctions/diff", nil), 404, "not_found", "nothing to compare")
	wantError(t, do(t, h, "GET", "/v1/lists/us_ofac_sdn/diff?from=abc", nil), 400, "bad_request", "from: \"abc\" is neither")
	wantError(t, do(t, h, "GET", "/v1/lists/us_ofac_sdn/diff?from=999", nil), 400, "bad_request", "from: version 999 is not a version of us_ofac_sdn")
	wantError(t, do(t, h, "GET", "/v1/lists/us_ofac_sdn/diff?to=2000-01-01", nil), 400, "bad_request", "to: no version of us_ofac_sdn was published on or before 2000-01-01")
}

func TestEntityRecord(t *testing.T) {
	// The fixtures are what the tests think they are.
	var n int
	for _, fv := range fixtureVersions() {
		for _, e := range fv.ents {
			if e.Schema == entity.Person && len(e.BirthDates) == 0 {
				t.Errorf("%s has no birth date", e.ID)
			}
			n++
		}
	}
	if n != 11 {
		t.Errorf("%d fixture rows", n)
	}
}
