package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/wire"
)

// screenFlags are the options screen and batch share.
type screenFlags struct {
	threshold float64
	limit     int
	asOf      string
}

func (f *screenFlags) add(c *cobra.Command) {
	c.Flags().Float64Var(&f.threshold, "threshold", match.DefaultThreshold, "score from which a candidate is a match; 0 returns the best --limit candidates whatever their score")
	c.Flags().IntVar(&f.limit, "limit", match.DefaultLimit, "most candidates per name")
	c.Flags().StringVar(&f.asOf, "as-of", "", "screen against the lists as they were on this date (YYYY-MM-DD)")
}

func (f *screenFlags) check() error {
	if f.threshold < 0 || f.threshold > 1 {
		return usagef("--threshold %v: must be between 0 and 1", f.threshold)
	}
	if f.limit < 1 || f.limit > 1000 {
		return usagef("--limit %d: must be between 1 and 1000", f.limit)
	}
	if f.asOf != "" {
		d, ok := entity.ParseDate(f.asOf)
		if !ok || len(d.Value) != 10 || d.Until != "" {
			return usagef("--as-of %q: want a date YYYY-MM-DD", f.asOf)
		}
		f.asOf = d.Value
	}
	return nil
}

// load opens the store and builds the index for the flags' date.
func (e *env) load(f *screenFlags) (*engine.Snapshot, error) {
	st, err := e.open(true)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return engine.Load(e.ctx, st, f.asOf)
}

// errMatched is the exit status 1 of `screen --fail-on-match` when a
// candidate is a match: scripts and CI pipelines test the status.
type errMatched struct{ n int }

func (e errMatched) Error() string { return fmt.Sprintf("%d candidates are matches", e.n) }

func screenCmd(e *env) *cobra.Command {
	var f screenFlags
	var in engine.Input
	var failOnMatch bool
	c := &cobra.Command{
		Use:   "screen [--schema S] [--dob D] [--country C] [--threshold T] [--limit K] [--as-of D] NAME",
		Short: "Screen one name against the lists",
		Long: "Screen one name against the lists. The name may be given as several arguments;\n" +
			"they are joined with spaces. Exit status: 0, or with --fail-on-match 1 when a\n" +
			"candidate is a match; 2 on bad usage.\n\n" + explainLegend,
		Args: rangeArgs(1, 1<<10),
		RunE: func(c *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return err
			}
			in.Name = strings.Join(args, " ")
			q, err := engine.ParseQuery(in)
			if err != nil {
				return usagef("%s", flagError(err))
			}
			snap, err := e.load(&f)
			if err != nil {
				return err
			}
			rs, err := snap.Screen(q, match.Options{Threshold: f.threshold, Limit: f.limit})
			if err != nil {
				var qe *match.QueryError
				if errors.As(err, &qe) {
					return usagef("%s", flagError(err))
				}
				return err
			}
			ms := wire.Matches(rs)
			if e.json {
				err = e.printJSON(wire.ScreenAnswer{Query: wire.FromQuery(q), Versions: snap.Refs(), AsOf: snap.AsOf, Matches: ms})
			} else {
				printAnswer(e.stdout, snap, q.Name, ms)
			}
			if err != nil {
				return err
			}
			if failOnMatch {
				n := 0
				for _, m := range ms {
					if m.Match {
						n++
					}
				}
				if n > 0 {
					return errMatched{n}
				}
			}
			return nil
		},
	}
	f.add(c)
	c.Flags().StringVar(&in.Schema, "schema", "", "Person, Organization, Vessel or Airplane")
	c.Flags().StringVar(&in.BirthDate, "dob", "", "birth date: full or partial (1971-05-03, 1971)")
	c.Flags().StringSliceVar(&in.Countries, "country", nil, "country or nationality (name or ISO code); repeatable")
	c.Flags().StringSliceVar(&in.Identifiers, "identifier", nil, "document number, optionally typed (passport:X1234567); repeatable")
	c.Flags().StringVar(&in.Gender, "gender", "", "male or female")
	c.Flags().StringSliceVar(&in.Datasets, "dataset", nil, "screen only these datasets; repeatable")
	c.Flags().BoolVar(&failOnMatch, "fail-on-match", false, "exit with status 1 when a candidate is a match")
	return c
}

// flagNames maps a query field to the flag that sets it.
var flagNames = map[string]string{"name": "NAME", "schema": "--schema", "birth_date": "--dob", "countries": "--country",
	"identifiers": "--identifier", "gender": "--gender", "datasets": "--dataset"}

// flagError names the flag a query error is about.
func flagError(err error) string {
	var qe *match.QueryError
	if !errors.As(err, &qe) {
		return err.Error()
	}
	field, _, _ := strings.Cut(qe.Field, "[")
	if f, ok := flagNames[field]; ok {
		return f + ": " + qe.Msg
	}
	return err.Error()
}
