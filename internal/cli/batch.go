package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/embargo-screening/embargo/internal/batch"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
)

func batchCmd(e *env) *cobra.Command {
	var f screenFlags
	var in, out, format string
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
			r, closeIn, err := openIn(in)
			if err != nil {
				return usageError{err}
			}
			defer closeIn()
			br := bufio.NewReaderSize(r, 1<<16)
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
			rd, err := batch.NewReader(br, fm)
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
				ms, err := snap.Index.Search(q, mo)
				if ms == nil {
					ms = []match.Match{}
				}
				return ms, err
			}, opt)
			if cerr := closeOut(); err == nil && cerr != nil {
				err = fmt.Errorf("--out %s: %w", out, cerr)
			}
			if err != nil {
				if errors.Is(err, context.Canceled) {
					return fmt.Errorf("batch interrupted after %d rows: %w", st.Rows, err)
				}
				return err
			}
			var vs []string
			for _, v := range snap.Versions {
				vs = append(vs, fmt.Sprintf("%s v%d (%s)", v.Dataset, v.ID, v.Published))
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
	return c
}

// rowQuery turns a batch row into a query, or says what is wrong with it.
func rowQuery(row batch.Row) (match.Query, error) {
	if row.Err != nil {
		return match.Query{}, row.Err
	}
	q := match.Query{Name: row.Name, Countries: row.Countries, Identifiers: row.Identifiers}
	if err := match.CheckName(q.Name); err != nil {
		return q, err
	}
	if row.Schema != "" {
		s, ok := entity.ParseSchema(row.Schema)
		if !ok {
			return q, fmt.Errorf("schema %q: want Person, Organization, Vessel or Airplane", row.Schema)
		}
		q.Schema = s
	}
	if row.BirthDate != "" {
		d, ok := entity.ParseDate(row.BirthDate)
		if !ok || d.Value == "" {
			return q, fmt.Errorf("birth_date %q: not a date", row.BirthDate)
		}
		q.BirthDate = d.Value
	}
	return q, nil
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

func openOut(path string) (io.Writer, func() error, error) {
	if path == "-" {
		return os.Stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, fmt.Errorf("--out: %w", err)
	}
	return f, f.Close, nil
}
