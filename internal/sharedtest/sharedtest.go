// Package sharedtest locates the reference data in ../shared/data for tests
// and benchmarks that read the real lists in place.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// DataDir returns the reference data folder: $EMBARGO_DATA if set, else
// ../shared/data beside the module root. It skips the test, saying why,
// when the folder is absent.
func DataDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("EMBARGO_DATA"); d != "" {
		if _, err := os.Stat(d); err != nil {
			tb.Skipf("EMBARGO_DATA=%s is not readable (%v): skipping test on real list files", d, err)
		}
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("go.mod not found above the test: cannot locate ../shared/data")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(d); err != nil {
		tb.Skipf("reference data not found at %s (set EMBARGO_DATA): skipping test on real list files", d)
	}
	return d
}

// File returns the path of a file under the data folder, skipping the test
// when it is missing.
func File(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(DataDir(tb), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("reference file %s missing: skipping", p)
	}
	return p
}
