package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/sharedtest"
)

// BenchmarkAsOfBurst starts `serve --offline` on UN + OFAC 2019 + OFAC
// 2021 and sends 50 /v1/screen requests at once, each with its own as_of
// date; the dates resolve to three version sets (OFAC 2019 alone, OFAC
// 2021 alone, OFAC 2021 with UN). Every answer must be 200 and name the
// versions of its date; it reports the wall time of the burst and the
// server's peak RSS (VmHWM).
//
//	go test ./cmd/embargo -run '^$' -bench AsOfBurst -benchtime 1x
func BenchmarkAsOfBurst(b *testing.B) {
	data := sharedtest.DataDir(b)
	bin := filepath.Join(b.TempDir(), "embargo")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(b.TempDir(), "embargo.db")
	if out, err := exec.Command(bin, "lists", "import", "--db", db, filepath.Join(data, "un"), filepath.Join(data, "ofac")).CombinedOutput(); err != nil {
		b.Fatalf("import: %v\n%s", err, out)
	}
	// 50 dates from 2019-02-01, every 50 days: before 2021-07-07 OFAC
	// 2019, before 2026-02-27 OFAC 2021, then OFAC 2021 and UN.
	var dates []string
	want := map[string]string{}
	start := time.Date(2019, 2, 1, 0, 0, 0, 0, time.UTC)
	for i := range 50 {
		d := start.AddDate(0, 0, 50*i).Format(time.DateOnly)
		dates = append(dates, d)
		switch {
		case d < "2021-07-07":
			want[d] = "us_ofac_sdn:2019-01-15"
		case d < "2026-02-27":
			want[d] = "us_ofac_sdn:2021-07-07"
		default:
			want[d] = "un_sc_sanctions:2026-02-27 us_ofac_sdn:2021-07-07"
		}
	}
	for range b.N {
		addr := freePort(b)
		ctx, cancel := context.WithCancel(context.Background())
		var log syncBuffer
		srv := exec.CommandContext(ctx, bin, "serve", "--db", db, "--offline", "--addr", addr)
		srv.Stderr = &log
		if err := srv.Start(); err != nil {
			b.Fatal(err)
		}
		waitReady(b, addr, &log)
		rssBefore := vm(srv.Process.Pid, "VmRSS")
		b.ResetTimer()
		t0 := time.Now()
		var wg sync.WaitGroup
		errs := make(chan string, len(dates))
		var retries sync.Map
		for _, d := range dates {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for attempt := 0; ; attempt++ {
					resp, err := http.Post("http://"+addr+"/v1/screen", "application/json",
						strings.NewReader(`{"name": "Usama bin Ladin", "as_of": "`+d+`"}`))
					if err != nil {
						errs <- d + ": " + err.Error()
						return
					}
					var ans struct {
						Versions []struct {
							Dataset   string `json:"dataset"`
							Published string `json:"published"`
						} `json:"versions"`
					}
					json.NewDecoder(resp.Body).Decode(&ans)
					resp.Body.Close()
					if resp.StatusCode == 503 && attempt < 20 {
						// Busy building: Retry-After says when to come back.
						retries.Store(d, attempt+1)
						s, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
						time.Sleep(time.Duration(max(s, 1)) * time.Second)
						continue
					}
					if resp.StatusCode != 200 {
						errs <- fmt.Sprintf("%s: status %d", d, resp.StatusCode)
						return
					}
					var got []string
					for _, v := range ans.Versions {
						got = append(got, v.Dataset+":"+v.Published)
					}
					if g := strings.Join(got, " "); g != want[d] {
						errs <- fmt.Sprintf("%s: versions %s, want %s", d, g, want[d])
					}
					return
				}
			}()
		}
		wg.Wait()
		elapsed := time.Since(t0)
		b.StopTimer()
		close(errs)
		for e := range errs {
			b.Error(e)
		}
		n503 := 0
		retries.Range(func(_, v any) bool { n503 += v.(int); return true })
		peak := vm(srv.Process.Pid, "VmHWM")
		cancel()
		srv.Wait()
		b.ReportMetric(elapsed.Seconds(), "burst-s")
		b.ReportMetric(float64(peak)/1024, "peak-RSS-MiB")
		b.ReportMetric(float64(rssBefore)/1024, "RSS-before-MiB")
		b.ReportMetric(float64(n503), "503-retries")
		b.Logf("50 as_of dates (3 version sets): %v, RSS before %d MiB, peak %d MiB, 503s answered with Retry-After and retried: %d",
			elapsed.Round(time.Millisecond), rssBefore/1024, peak/1024, n503)
	}
}

// vm reads a memory figure (kB) of a process from /proc.
func vm(pid int, key string) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, key+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return 0
}
