package lists_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/lists"
	"github.com/embargo-screening/embargo/internal/sharedtest"
	"github.com/embargo-screening/embargo/internal/source/formats"
	"github.com/embargo-screening/embargo/internal/store/sqlite"
)

// BenchmarkImport measures a whole import into a fresh SQLite store:
// planning, sha256, parsing and the transaction. It reports entities per
// second and the process's peak resident memory.
//
//	go test -run='^$' -bench=Import -benchmem ./internal/lists/
func BenchmarkImport(b *testing.B) {
	data := sharedtest.DataDir(b)
	cases := []struct {
		name  string
		paths []string
	}{
		{"UN", []string{"un/consolidated-2026-02-27.xml"}},
		{"OFAC2021", []string{"ofac/2021-07-07"}},
		{"OFAC2021+UN", []string{"ofac/2021-07-07", "un/consolidated-2026-02-27.xml"}},
	}
	all := formats.All()
	for _, c := range cases {
		paths := make([]string, len(c.paths))
		for i, p := range c.paths {
			paths[i] = filepath.Join(data, p)
		}
		b.Run(c.name, func(b *testing.B) {
			entities := 0
			for b.Loop() {
				b.StopTimer()
				dir := b.TempDir()
				st, err := sqlite.Open(context.Background(), filepath.Join(dir, "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := lists.Import(context.Background(), st, all, paths, lists.Options{})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				st.Close()
				for _, r := range res {
					entities += r.Version.Entities
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(entities)/b.Elapsed().Seconds(), "entities/s")
			b.ReportMetric(float64(entities)/float64(b.N), "entities/op")
			if kb := peakRSSKiB(); kb > 0 {
				b.ReportMetric(float64(kb)/1024, "peakRSS-MiB")
			}
		})
	}
}

// peakRSSKiB reads the process's high-water resident set size (Linux).
func peakRSSKiB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	return 0
}
