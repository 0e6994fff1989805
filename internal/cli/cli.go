// Package cli is the embargo command line: it parses flags, opens the
// store and prints results; the work itself is done by the packages it
// calls. Exit status: 0 success, 2 bad usage, bad input or an interrupted
// import, 1 otherwise.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/formats"
	"github.com/embargo-screening/embargo/internal/store"
	_ "github.com/embargo-screening/embargo/internal/store/sqlite" // registers the sqlite store
)

// usageError marks bad usage (exit status 2).
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// env is what every command shares.
type env struct {
	ctx            context.Context
	stdout, stderr io.Writer
	db             string
	json           bool
	formats        []source.Format
}

// Main runs the command line and returns the exit status.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr, formats: formats.All()}
	root := &cobra.Command{
		Use:           "embargo",
		Short:         "Sanctions screening engine: official lists in, versioned; names screened against them",
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetArgs(args)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.PersistentFlags().StringVar(&e.db, "db", "", "store: a SQLite file path or a postgres:// URL (default $EMBARGO_DB or ./embargo.db)")
	root.PersistentFlags().BoolVar(&e.json, "json", false, "machine-readable output")
	root.AddCommand(listsCmd(e), screenCmd(e), batchCmd(e), serveCmd(e), entitiesCmd(e))

	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var matched errMatched
	if errors.As(err, &matched) {
		return 1 // the answer is printed; the status says "matched"
	}
	fmt.Fprintln(stderr, "embargo:", err)
	var ue usageError
	var se *source.Error
	switch {
	case errors.As(err, &ue), errors.As(err, &se), strings.HasPrefix(err.Error(), "unknown command"):
		return 2
	case errors.Is(err, context.Canceled):
		// An interrupted import is reported like bad input: the command
		// did not do what was asked, and the store is as it was.
		return 2
	}
	return 1
}

// dbPath is the store named by --db, $EMBARGO_DB or the default path.
func (e *env) dbPath() string {
	path := e.db
	if path == "" {
		path = os.Getenv("EMBARGO_DB")
	}
	if path == "" {
		path = "embargo.db"
	}
	return path
}

// open opens the store named by --db, $EMBARGO_DB or the default path: a
// SQLite file, or a postgres:// URL. A read-only open never creates or
// changes a store, and never waits for an import in progress; a writer
// that must wait for another says who holds the store.
func (e *env) open(readOnly bool) (store.Store, error) {
	dsn := e.dbPath()
	st, err := store.Open(e.ctx, dsn, store.Options{
		ReadOnly: readOnly,
		OnWait: func(holder string) {
			fmt.Fprintf(e.stderr, "waiting for the store %s: another import holds it (%s)\n", store.Redact(dsn), holder)
		},
	})
	if errors.Is(err, store.ErrNoStore) {
		// Like a missing input file: the command names nothing to read.
		return nil, usageError{err}
	}
	return st, err
}

func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// exactArgs and rangeArgs report wrong argument counts as usage errors.
func rangeArgs(min, max int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < min || len(args) > max {
			return usagef("%s: wrong number of arguments (usage: %s)", c.CommandPath(), c.UseLine())
		}
		return nil
	}
}
