package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's logger and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `embargo serve` in-process on a free port and returns its
// base URL and a function that stops it and returns the exit status.
func startServe(t *testing.T, args ...string) (string, func() int, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	code := make(chan int, 1)
	go func() {
		code <- Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), io.Discard, logs)
	}()
	addr := regexp.MustCompile(`"msg":"listening","addr":"([^"]+)"`)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := addr.FindStringSubmatch(logs.String()); m != nil {
			return "http://" + m[1], func() int { cancel(); return <-code }, logs
		}
		select {
		case c := <-code:
			t.Fatalf("serve exited %d before listening:\n%s", c, logs.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start:\n%s", logs.String())
	return "", nil, nil
}

func screenHTTP(t *testing.T, base, name string) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"name": name})
	resp, err := http.Post(base+"/v1/screen", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("response is not JSON: %v", err)
	}
	return resp.StatusCode, out
}

func TestServeOffline(t *testing.T) {
	db := screenDB(t)
	base, stop, logs := startServe(t, "--db", db, "--offline")
	code, out := screenHTTP(t, base, "Northwind Trading")
	if code != 200 || !strings.Contains(mustJSON(t, out), "us_ofac_sdn:173") {
		t.Errorf("screen: %d %v", code, out)
	}
	if c := stop(); c != 0 {
		t.Errorf("serve exit %d after a graceful stop:\n%s", c, logs.String())
	}
}

// TestServeDownloads starts on an empty store with the UN list served by a
// local HTTP server standing in for the official URL: the server is not
// ready until the download lands, then screens the new entity.
func TestServeDownloads(t *testing.T) {
	var mu sync.Mutex
	content := unXML
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("ETag", `"v1"`)
		io.WriteString(w, content)
	}))
	defer ts.Close()
	db := filepath.Join(t.TempDir(), "embargo.db")
	base, stop, logs := startServe(t, "--db", db, "--cache-dir", t.TempDir(), "--update-interval", "0",
		"--source", "un_sc_sanctions="+ts.URL+"/consolidated.xml")
	defer stop()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready after the download:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	code, out := screenHTTP(t, base, "Jean Exemplaire")
	if code != 200 || !strings.Contains(mustJSON(t, out), "un_sc_sanctions:CDi.901") {
		t.Errorf("screen after download: %d %v", code, out)
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--source", "nourl"},
		{"serve", "--source", "x=ftp://example"},
		{"serve", "--log-level", "loud"},
		{"serve", "--update-interval", "5s"},
	} {
		if code, _, errOut := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d (%q), want 2", args, code, errOut)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
