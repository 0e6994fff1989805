package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// A body that arrives too slowly is a 408, not a 503 or 504.
func TestSlowBodyIs408(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.ReadTimeout = 300 * time.Millisecond })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go f.srv.Serve(ctx, ln)
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "POST /v1/screen HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"na")
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a slow body: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), "did not arrive in time") {
		t.Errorf("slow body: %d %s, want 408", resp.StatusCode, body)
	}
}

// One rule for too many queries: 413 on every batch route.
func TestTooManyQueriesIs413(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	var native, yente, reconcile strings.Builder
	native.WriteString(`{"queries": [`)
	yente.WriteString(`{"queries": {`)
	reconcile.WriteString(`{`)
	for i := range 1001 {
		if i > 0 {
			native.WriteString(",")
			yente.WriteString(",")
			reconcile.WriteString(",")
		}
		native.WriteString(`{"name": "x"}`)
		fmt.Fprintf(&yente, `"q%d": {"schema": "Person", "properties": {"name": ["x"]}}`, i)
		fmt.Fprintf(&reconcile, `"q%d": {"query": "x"}`, i)
	}
	native.WriteString(`]}`)
	yente.WriteString(`}}`)
	reconcile.WriteString(`}`)
	wantError(t, do(t, h, "POST", "/v1/screen/batch", native.String()), 413, "too_large", "1001 queries")
	wantError(t, do(t, h, "POST", "/match/default", yente.String()), 413, "too_large", "1001 queries")
	wantError(t, do(t, h, "GET", "/reconcile/default?queries="+url.QueryEscape(reconcile.String()), nil), 413, "too_large", "1001 queries")
}

// A gzip-compressed body is read; a body that inflates beyond the limit
// is refused, and so is an unknown encoding.
func TestGzipBody(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.MaxBodyBytes = 4096 })
	h := f.srv.Handler()
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		io.WriteString(w, s)
		w.Close()
		return b.Bytes()
	}
	rec := do(t, h, "POST", "/v1/screen", gz(`{"name": "Vorlan Grammit"}`), "Content-Encoding", "gzip")
	if rec.Code != 200 || path(decode(t, rec), "matches", 0, "entity_id") != "us_ofac_sdn:9001" {
		t.Errorf("gzip body: %d %s", rec.Code, rec.Body)
	}
	bomb := gz(`{"name": "` + strings.Repeat("a", 100_000) + `"}`)
	wantError(t, do(t, h, "POST", "/v1/screen", bomb, "Content-Encoding", "gzip"), 413, "too_large", "decompresses")
	wantError(t, do(t, h, "POST", "/v1/screen", []byte("not gzip"), "Content-Encoding", "gzip"), 400, "bad_request", "gzip")
	wantError(t, do(t, h, "POST", "/v1/screen", `{"name": "x"}`, "Content-Encoding", "br"), 415, "unsupported_media_type", "br")
}

// yente's first_seen and last_change come from the version history.
func TestYenteSeenDates(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	v := decode(t, do(t, h, "GET", "/entities/us_ofac_sdn:9001", nil))
	// Fixture versions are imported at 12:00:00 (2024-01-10 list) and
	// 12:00:01 (2024-06-01 list, which changes 9001).
	if path(v, "first_seen") != "2024-07-01T12:00:00Z" || path(v, "last_change") != "2024-07-01T12:00:01Z" {
		t.Errorf("first_seen %v last_change %v", path(v, "first_seen"), path(v, "last_change"))
	}
	v = decode(t, do(t, h, "GET", "/entities/us_ofac_sdn:9002", nil)) // unchanged since the first list
	if path(v, "first_seen") != "2024-07-01T12:00:00Z" || path(v, "last_change") != "2024-07-01T12:00:00Z" {
		t.Errorf("unchanged entity: first_seen %v last_change %v", path(v, "first_seen"), path(v, "last_change"))
	}
	v = decode(t, do(t, h, "POST", "/match/default", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["Vorlan Grammit"]}}}}`))
	if path(v, "responses", "q", "results", 0, "last_change") != "2024-07-01T12:00:01Z" {
		t.Errorf("match result: %v", path(v, "responses", "q", "results", 0))
	}
	v = decode(t, do(t, h, "GET", "/entities/us_ofac_sdn:9004", nil)) // removed in the second list
	if path(v, "first_seen") != "2024-07-01T12:00:00Z" {
		t.Errorf("removed entity: first_seen %v", path(v, "first_seen"))
	}
}

// /search filters by programme.
func TestSearchProgram(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	all := path(decode(t, do(t, h, "GET", "/search/default", nil)), "total", "value")
	some := path(decode(t, do(t, h, "GET", "/search/default?program=test-program", nil)), "total", "value")
	none := path(decode(t, do(t, h, "GET", "/search/default?program=NO-SUCH", nil)), "total", "value")
	if all == nil || some == nil || none != float64(0) || some.(float64) == 0 {
		t.Errorf("search totals: all %v, TEST-PROGRAM %v, NO-SUCH %v", all, some, none)
	}
}

// The native API refuses what the command line refuses (engine.ParseQuery).
func TestQueryChecks(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	wantError(t, do(t, h, "POST", "/v1/screen", `{"name": "Vorlan Grammit", "countries": ["Atlantis"]}`), 400, "bad_request", "unknown country")
	wantError(t, do(t, h, "POST", "/v1/screen", `{"name": "Vorlan Grammit", "birth_date": "1990-02-31"}`), 400, "bad_request", "not a calendar date")
	wantError(t, do(t, h, "POST", "/v1/screen", `{"name": "Vorlan Grammit", "gender": "x"}`), 400, "bad_request", "unknown gender")
	v := decode(t, do(t, h, "POST", "/v1/screen", `{"name": "Vorlan Grammit", "countries": ["Belarus"]}`))
	if path(v, "query", "countries", 0) != "BY" || path(v, "matches", 0, "programs", 0, "name") != "TEST-PROGRAM" {
		t.Errorf("query %v, first match %v", path(v, "query"), path(v, "matches", 0))
	}
}
