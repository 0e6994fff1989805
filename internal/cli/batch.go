package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/embargo-screening/embargo/internal/batch"
	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/wire"
)

func batchCmd(e *env) *cobra.Command {
	var f screenFlags
	var in, out, format, delimiter string
	var workers int
	c := &cobra.Command{
		Use:   "batch --in FILE --out FILE [--threshold T] [--limit K] [--as-of D] [--workers N]",
		Short: "Screen a customer file (CSV or JSON lines) and write one JSON line per row, in input order",
		Long: "Screen a customer file. Input is CSV with a header (id and name required; schema,\n" +
			"birth_date, country, identifier optional) or JSON lines with the same keys; '-' reads\n" +
			"standard input. Output is JSON lines, one per input row in input order: the matches, or\n" +
			"an error record for a row that could not be screened; '-' writes standard output.",
		Args: rangeArgs(0, 0),
		RunE: func(c *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return err
			}
			if in == "" || out == "" {
				return usagef("batch: --in and --out are required")
			}
			if workers < 0 {
				return usagef("--workers %d: must be positive", workers)
			}
			if err := sameFile(in, out); err != nil {
				return usageError{err}
			}
			r, closeIn, err := openIn(in)
			if err != nil {
				return usageError{err}
			}
			defer closeIn()
			br, err := batch.UTF8(bufio.NewReaderSize(r, 1<<16))
			if err != nil {
				return usagef("--in %s: %v", in, err)
			}
			var fm batch.Format
			switch strings.ToLower(format) {
			case "csv":
				fm = batch.CSV
			case "jsonl", "ndjson", "json":
				fm = batch.JSONLines
			case "":
				switch {
				case strings.HasSuffix(in, ".csv"):
					fm = batch.CSV
				case strings.HasSuffix(in, ".jsonl"), strings.HasSuffix(in, ".ndjson"), strings.HasSuffix(in, ".json"):
					fm = batch.JSONLines
				default:
					if fm, err = batch.Sniff(br); err != nil {
						return usagef("--in %s: %v", in, err)
					}
				}
			default:
				return usagef("--format %q: want csv or jsonl", format)
			}
			ro := batch.ReadOptions{}
			switch {
			case delimiter == "":
				if fm == batch.CSV {
					ro.Comma = batch.SniffComma(br)
				}
			case delimiter == `\t` || delimiter == "tab":
				ro.Comma = '\t'
			case utf8.RuneCountInString(delimiter) == 1:
				ro.Comma, _ = utf8.DecodeRuneInString(delimiter)
			default:
				return usagef("--delimiter %q: want one character (, ; | or \\t)", delimiter)
			}
			rd, err := batch.NewReaderWith(br, fm, ro)
			if err != nil {
				return usagef("--in %s: %v", in, err)
			}
			snap, err := e.load(&f)
			if err != nil {
				return err
			}
			w, closeOut, err := openOut(out)
			if err != nil {
				return err
			}
			opt := batch.Options{Workers: workers}
			if bar := e.progress("screening"); bar != nil {
				opt.Progress = func(n int) { bar.Set(n) }
				defer bar.Finish()
			}
			mo := match.Options{Threshold: f.threshold, Limit: f.limit}
			start := time.Now()
			st, err := batch.Run(e.ctx, rd, w, func(ctx context.Context, row batch.Row) (any, error) {
				q, err := rowQuery(row)
				if err != nil {
					return nil, err
				}
				rs, err := snap.Screen(q, mo)
				if err != nil {
					return nil, err
				}
				return wire.Matches(rs), nil
			}, opt)
			if cerr := closeOut(err == nil); err == nil && cerr != nil {
				err = fmt.Errorf("--out %s: %w", out, cerr)
			}
			if err != nil {
				if errors.Is(err, context.Canceled) {
					return fmt.Errorf("batch interrupted after %d rows; %s is left as it was: %w", st.Rows, out, err)
				}
				return err
			}
			var vs []string
			for _, v := range snap.Versions {
				vs = append(vs, fmt.Sprintf("%s version %d (%s)", v.Dataset, v.Number, v.Published))
			}
			fmt.Fprintf(e.stderr, "screened %d rows (%d errors) in %s against %s\n", st.Rows, st.Errors, time.Since(start).Round(time.Millisecond), strings.Join(vs, ", "))
			return nil
		},
	}
	f.add(c)
	c.Flags().StringVar(&in, "in", "", "input file: CSV with a header, or JSON lines ('-' for standard input)")
	c.Flags().StringVar(&out, "out", "", "output file for JSON lines ('-' for standard output)")
	c.Flags().StringVar(&format, "format", "", "input format: csv or jsonl (default: from the file name or content)")
	c.Flags().IntVar(&workers, "workers", 0, "screening goroutines (default: all cores)")
	c.Flags().StringVar(&delimiter, "delimiter", "", "CSV field separator (default: a comma, or the semicolon, tab or | the header uses)")
	return c
}

// rowQuery turns a batch row into a query, or says what is wrong with it,
// by the rules every front end applies (engine.ParseQuery).
func rowQuery(row batch.Row) (match.Query, error) {
	if row.Err != nil {
		return match.Query{}, row.Err
	}
	return engine.ParseQuery(engine.Input{Name: row.Name, Schema: row.Schema, BirthDate: row.BirthDate,
		Countries: row.Countries, Identifiers: row.Identifiers})
}

func openIn(path string) (io.Reader, func(), error) {
	if path == "-" {
		return os.Stdin, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("--in: %w", err)
	}
	return f, func() { f.Close() }, nil
}

// sameFile refuses an output that is the input (by inode, so that a
// second name or a link is caught too): writing would destroy the
// customer file before it is read.
func sameFile(in, out string) error {
	if in == "-" || out == "-" {
		return nil
	}
	a, err := os.Stat(in)
	if err != nil {
		return nil // reported when opened
	}
	if b, err := os.Stat(out); err == nil && os.SameFile(a, b) {
		return fmt.Errorf("--out %s is the input file %s: give another output file", out, in)
	}
	return nil
}

// openOut writes to a temporary file beside path, renamed over path when
// done (keep true), so that an interrupted batch never leaves a partial
// output where a complete one is expected, and an old output stays
// until the new one is whole.
func openOut(path string) (io.Writer, func(keep bool) error, error) {
	if path == "-" {
		return os.Stdout, func(bool) error { return nil }, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, fmt.Errorf("--out: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	return w, func(keep bool) error {
		err := w.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil && keep {
			if err = os.Rename(f.Name(), path); err == nil {
				return nil
			}
		}
		os.Remove(f.Name())
		return err
	}, nil
}
