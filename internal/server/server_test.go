package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
)

func TestRouting(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	tests := []struct {
		method, url string
		status      int
		code        string
		allow       string
	}{
		{"GET", "/nope", 404, "not_found", ""},
		{"GET", "/v2/screen", 404, "not_found", ""},
		{"POST", "/", 404, "not_found", ""},
		{"GET", "/v1/screen", 405, "method_not_allowed", "POST"},
		{"PUT", "/v1/screen/batch", 405, "method_not_allowed", "POST"},
		{"DELETE", "/v1/lists", 405, "method_not_allowed", "GET, HEAD"},
		{"POST", "/catalog", 405, "method_not_allowed", "GET, HEAD"},
		{"GET", "/match/default", 405, "method_not_allowed", "POST"},
		{"DELETE", "/reconcile/default", 405, "method_not_allowed", "GET, HEAD, POST"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.url, func(t *testing.T) {
			rec := do(t, h, tt.method, tt.url, nil)
			wantError(t, rec, tt.status, tt.code, tt.url)
			if got := rec.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow %q, want %q", got, tt.allow)
			}
		})
	}
	// HEAD answers GET routes without a body.
	rec := do(t, h, "HEAD", "/healthz", nil)
	if rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("HEAD /healthz: %d, %d bytes", rec.Code, rec.Body.Len())
	}
}

func TestPanicRecovered(t *testing.T) {
	f := newFixture(t)
	srv := New(Config{Store: panicStore{f.st}, Logger: f.srv.log}, f.snap)
	rec := do(t, srv.Handler(), "GET", "/v1/lists", nil)
	wantError(t, rec, 500, "internal", "internal error")
	logs := f.logs.String()
	if !strings.Contains(logs, "level=ERROR") || !strings.Contains(logs, "invented failure in the store") || !strings.Contains(logs, "goroutine") {
		t.Errorf("the panic is not logged with its stack: %s", logs)
	}
	// The server goes on.
	if rec := do(t, srv.Handler(), "GET", "/healthz", nil); rec.Code != 200 {
		t.Errorf("after a panic: %d", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "invented failure") {
		t.Errorf("the panic leaks to the client: %s", rec.Body.String())
	}
}

func TestRequestLog(t *testing.T) {
	f := newFixture(t)
	do(t, f.srv.Handler(), "POST", "/v1/screen", `{"name": "Vorlan Grammit"}`)
	logs := f.logs.String()
	for _, want := range []string{"level=DEBUG", "msg=request", "method=POST", "path=/v1/screen", `route="POST /v1/screen"`, "status=200", "duration="} {
		if !strings.Contains(logs, want) {
			t.Errorf("request log lacks %s: %s", want, logs)
		}
	}
}

func TestMetrics(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	do(t, h, "POST", "/v1/screen", `{"name": "Vorlan Grammit"}`)
	do(t, h, "POST", "/v1/screen", `{"name": ""}`)
	do(t, h, "GET", "/nope", nil)
	f.srv.SetUpdateStatus("us_ofac_sdn", UpdateStatus{LastAttempt: time.Unix(1720000000, 0), LastSuccess: time.Unix(1719900000, 0)})
	f.srv.SetUpdateStatus("us_ofac_sdn", UpdateStatus{LastAttempt: time.Unix(1720100000, 0), LastSuccess: time.Unix(1719900000, 0), LastError: "timeout"})
	rec := do(t, h, "GET", "/metrics", nil)
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`embargo_http_request_duration_seconds_count{code="200",route="POST /v1/screen"} 1`,
		`embargo_http_request_duration_seconds_count{code="400",route="POST /v1/screen"} 1`,
		`embargo_http_request_duration_seconds_count{code="404",route="unmatched"} 1`,
		`embargo_http_requests_in_flight 1`, // the scrape itself
		`embargo_index_entities 7`,
		`embargo_index_names `,
		`embargo_index_tokens `,
		`embargo_index_build_seconds `,
		`embargo_index_ready 1`,
		`embargo_list_published_timestamp_seconds{dataset="us_ofac_sdn",version="2"} 1.7172e+09`,
		`embargo_list_age_seconds{dataset="un_sc_sanctions"} `,
		`embargo_list_entities{dataset="us_ofac_sdn"} 4`,
		`embargo_list_update_attempts_total{dataset="us_ofac_sdn"} 2`,
		`embargo_list_update_failures_total{dataset="us_ofac_sdn"} 1`,
		`embargo_list_last_success_timestamp_seconds{dataset="us_ofac_sdn"} 1.7199e+09`,
		`embargo_list_last_update_failed{dataset="us_ofac_sdn"} 1`,
		`go_goroutines `,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(body, `code="504"`) {
		t.Errorf("series for codes that never happened")
	}
}

// TestSwapUnderLoad hammers /v1/screen from 8 goroutines while the index
// is swapped 50 times: every request answers 200 with the right entity,
// and every replaced index is released once its last query is done.
func TestSwapUnderLoad(t *testing.T) {
	f := newFixture(t)
	ts := httptest.NewServer(f.srv.Handler())
	defer ts.Close()
	// Ten indexes, each swapped in five times: an index comes back while
	// requests that began on it earlier may still run.
	distinct := make([]*engine.Snapshot, 10)
	for i := range distinct {
		distinct[i] = mustLoad(t, f.st, "")
	}
	snaps := make([]*engine.Snapshot, 50)
	for i := range snaps {
		snaps[i] = distinct[i%len(distinct)]
	}
	var stop atomic.Bool
	var total, failures atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	client := ts.Client()
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			body := []byte(`{"name": "Vorlan Grammit", "birth_date": "1961-03-14"}`)
			if g%2 == 1 {
				body = []byte(`[{"name": "Kestrel Maritime Holdings"}, {"name": "Teodor Briskevich"}]`)
			}
			url := ts.URL + "/v1/screen"
			if g%2 == 1 {
				url += "/batch"
			}
			for !stop.Load() {
				resp, err := client.Post(url, "application/json", bytes.NewReader(body))
				total.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				ok := resp.StatusCode == 200
				if ok {
					var v map[string]any
					ok = json.Unmarshal(b, &v) == nil
					if g%2 == 0 {
						ok = ok && path(v, "matches", 0, "entity_id") == "us_ofac_sdn:9001"
					} else {
						ok = ok && path(v, "results", 0, "matches", 0, "entity_id") == "us_ofac_sdn:9002" &&
							path(v, "results", 1, "matches", 0, "entity_id") == "us_ofac_sdn:9005"
					}
				}
				if !ok {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("%d %s", resp.StatusCode, b))
				}
			}
		}(g)
	}
	for _, s := range snaps {
		time.Sleep(2 * time.Millisecond)
		f.srv.Swap(s)
	}
	time.Sleep(5 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	if n := failures.Load(); n > 0 {
		t.Fatalf("%d of %d requests failed; first: %v", n, total.Load(), firstErr.Load())
	}
	if total.Load() < 100 {
		t.Errorf("only %d requests during the swaps", total.Load())
	}
	if f.srv.Snapshot() != snaps[len(snaps)-1] {
		t.Errorf("the last snapshot swapped in is not current")
	}
	t.Logf("%d requests during 50 swaps", total.Load())
}

func TestSwapSameIndexKeepsIt(t *testing.T) {
	f := newFixture(t)
	f.srv.Swap(f.snap)
	if f.srv.Snapshot() != f.snap {
		t.Errorf("swapping in the same index replaced it")
	}
	f.srv.Swap(nil)
	if f.srv.Snapshot() != nil {
		t.Errorf("Swap(nil) keeps the snapshot")
	}
	wantError(t, do(t, f.srv.Handler(), "POST", "/v1/screen", `{"name": "x"}`), 503, "unavailable", "no index")
}

// TestServe runs the real listener: requests on loopback, then a graceful
// shutdown that lets a request in flight finish.
func TestServe(t *testing.T) {
	f := newFixture(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.srv.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	resp, err := http.Post(base+"/v1/screen", "application/json", strings.NewReader(`{"name": "Vorlan Grammit"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "us_ofac_sdn:9001") {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no shutdown")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Errorf("still serving after shutdown")
	}
}

// TestSlowClient checks that a client that sends its headers too slowly
// is cut off by the server's header timeout.
func TestSlowClient(t *testing.T) {
	f := newFixture(t, func(c *Config) { c.ReadTimeout = 200 * time.Millisecond })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go f.srv.Serve(ctx, ln)
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /v1/screen HTTP/1.1\r\nHost: x\r\n") // and nothing more
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(c)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("slow client held the connection %v", d)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Errorf("the server did not close the connection")
	}
}

// A snapshot built in memory (match.Build, no store) serves too.
func TestInMemorySnapshot(t *testing.T) {
	e := entity.New("test_list", "1", entity.Person)
	e.AddName(entity.Name{Full: "Miren Zabalgoitia Urrutikoetxea", Kind: entity.Primary})
	snap := engine.NewSnapshot(match.Build([]*entity.Entity{e}), nil, "")
	srv := New(Config{}, snap)
	v := decode(t, do(t, srv.Handler(), "POST", "/match/test_list", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["Miren Zabalgoitia"]}}}}`))
	if path(v, "responses", "q", "results", 0, "id") != "test_list:1" {
		t.Errorf("in-memory snapshot: %v", v)
	}
	v = decode(t, do(t, srv.Handler(), "GET", "/entities/test_list:1", nil))
	if path(v, "caption") != "Miren Zabalgoitia Urrutikoetxea" {
		t.Errorf("entity: %v", v)
	}
}
