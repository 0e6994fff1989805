package cli

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
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

// screenOutput is `screen --json`.
type screenOutput struct {
	Query    match.Query         `json:"query"`
	Versions []engine.VersionRef `json:"versions"`
	Matches  []match.Match       `json:"matches"`
}

func screenCmd(e *env) *cobra.Command {
	var f screenFlags
	var q match.Query
	var schema, dob string
	var countries, ids, datasets []string
	c := &cobra.Command{
		Use:   "screen [--schema S] [--dob D] [--country C] [--threshold T] [--limit K] [--as-of D] NAME",
		Short: "Screen one name against the lists",
		Long: "Screen one name against the lists. The name may be given as several arguments;\n" +
			"they are joined with spaces.",
		Args: rangeArgs(1, 1<<10),
		RunE: func(c *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return err
			}
			q.Name = strings.Join(args, " ")
			if err := match.CheckName(q.Name); err != nil {
				return usagef("%v", err)
			}
			if schema != "" {
				s, ok := entity.ParseSchema(schema)
				if !ok {
					return usagef("--schema %q: want Person, Organization, Vessel or Airplane", schema)
				}
				q.Schema = s
			}
			if dob != "" {
				d, ok := entity.ParseDate(dob)
				if !ok || d.Value == "" {
					return usagef("--dob %q: want a date such as 1971-05-03, 1971-05 or 1971", dob)
				}
				q.BirthDate = d.Value
			}
			q.Countries, q.Identifiers, q.Datasets = countries, ids, datasets
			snap, err := e.load(&f)
			if err != nil {
				return err
			}
			ms, err := snap.Index.Search(q, match.Options{Threshold: f.threshold, Limit: f.limit})
			if err != nil {
				var qe *match.QueryError
				if errors.As(err, &qe) {
					return usagef("%v", err)
				}
				return err
			}
			if ms == nil {
				ms = []match.Match{}
			}
			if e.json {
				return e.printJSON(screenOutput{Query: q, Versions: snap.Refs(), Matches: ms})
			}
			printMatches(e, snap, q, ms)
			return nil
		},
	}
	f.add(c)
	c.Flags().StringVar(&schema, "schema", "", "Person, Organization, Vessel or Airplane")
	c.Flags().StringVar(&dob, "dob", "", "birth date: full or partial (1971-05-03, 1971)")
	c.Flags().StringSliceVar(&countries, "country", nil, "country or nationality (name or ISO code); repeatable")
	c.Flags().StringSliceVar(&ids, "identifier", nil, "document number, optionally typed (passport:X1234567); repeatable")
	c.Flags().StringVar(&q.Gender, "gender", "", "male or female")
	c.Flags().StringSliceVar(&datasets, "dataset", nil, "screen only these datasets; repeatable")
	return c
}

func printMatches(e *env, snap *engine.Snapshot, q match.Query, ms []match.Match) {
	var vs []string
	for _, v := range snap.Versions {
		vs = append(vs, fmt.Sprintf("%s v%d (%s)", v.Dataset, v.ID, v.Published))
	}
	fmt.Fprintf(e.stdout, "%q against %s\n", q.Name, strings.Join(vs, ", "))
	if len(ms) == 0 {
		fmt.Fprintln(e.stdout, "no candidates above the threshold")
		return
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tSCORE\tMATCH\tENTITY\tSCHEMA\tNAME\tMATCHED NAME")
	for i, m := range ms {
		yes := ""
		if m.Match {
			yes = "yes"
		}
		fmt.Fprintf(tw, "%d\t%.3f\t%s\t%s\t%s\t%s\t%s\n", i+1, m.Score, yes, m.EntityID, m.Schema, m.Name, m.MatchedName)
	}
	tw.Flush()
	fmt.Fprintln(e.stdout)
	for i, m := range ms {
		fmt.Fprintf(e.stdout, "%d. %s\n", i+1, m.Explanation)
		for _, l := range m.SameAs {
			fmt.Fprintf(e.stdout, "   same party as %s (%s)\n", l.ID, l.By)
		}
	}
}
