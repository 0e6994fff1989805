package ftm

import (
	"flag"
	"os"
	"testing"
)

// TestMain caps input minimisation during fuzzing unless
// -fuzzminimizetime is given. Go minimises every input that finds new
// coverage, for up to 60 s by default and in time quadratic in its size;
// with seeds of a few kilobytes that used up the whole of a 20 s
// -fuzztime, leaving a few dozen executions. Crashers still get 500
// attempts; minimise further by hand with an explicit flag.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set {
		_ = flag.Set("test.fuzzminimizetime", "500x")
	}
	os.Exit(m.Run())
}
