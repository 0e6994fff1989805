package cli

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/embargo-screening/embargo/internal/lists"
	"github.com/embargo-screening/embargo/internal/store"
)

func listsCmd(e *env) *cobra.Command {
	c := &cobra.Command{Use: "lists", Short: "Import, list and compare versions of the sanctions lists"}
	c.AddCommand(importCmd(e), lsCmd(e), diffCmd(e))
	return c
}

// importResult is one line of `lists import --json`.
type importResult struct {
	store.Version
	Unchanged bool `json:"unchanged"`
}

func importCmd(e *env) *cobra.Command {
	var opt lists.Options
	c := &cobra.Command{
		Use:   "import [--source DATASET] [--published YYYY-MM-DD] PATH...",
		Short: "Import list files or folders as new list versions (atomic: all or nothing)",
		Args:  rangeArgs(1, 1<<20),
		RunE: func(c *cobra.Command, paths []string) error {
			st, err := e.open(false)
			if err != nil {
				return err
			}
			defer st.Close()
			opt.Warn = func(msg string) { fmt.Fprintln(e.stderr, "warning:", msg) }
			if bar := e.progress("importing"); bar != nil {
				opt.Progress = func(n int) { bar.Set(n) }
				defer bar.Finish()
			}
			res, err := lists.Import(e.ctx, st, e.formats, paths, opt)
			if err != nil {
				return err
			}
			if e.json {
				out := make([]importResult, len(res))
				for i, r := range res {
					out[i] = importResult{r.Version, r.Unchanged}
				}
				return e.printJSON(out)
			}
			for _, r := range res {
				v := r.Version
				files := r.Files[0]
				if len(r.Files) > 1 {
					files += fmt.Sprintf(" and %d more files of its set", len(r.Files)-1)
				}
				if r.Unchanged {
					fmt.Fprintf(e.stdout, "unchanged  %s version %d (published %s): %s imported before, nothing added\n", v.Dataset, v.Number, v.Published, files)
					continue
				}
				fmt.Fprintf(e.stdout, "imported   %s version %d (published %s): %d entities from %s [%s]\n", v.Dataset, v.Number, v.Published, v.Entities, files, r.Format)
			}
			return nil
		},
	}
	c.Flags().StringVar(&opt.Dataset, "source", "", "dataset the files belong to (recognized from the content when omitted)")
	c.Flags().StringVar(&opt.Published, "published", "", "publication date for files that carry none (YYYY-MM-DD)")
	return c
}

// progress returns a progress bar on stderr when it is a terminal.
func (e *env) progress(desc string) *progressbar.ProgressBar {
	f, ok := e.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("entities"),
		progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

func lsCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "ls [DATASET]",
		Short: "List the imported versions with their dates, counts and sha256",
		Args:  rangeArgs(0, 1),
		RunE: func(c *cobra.Command, args []string) error {
			st, err := e.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			dataset := ""
			if len(args) == 1 {
				dataset = args[0]
			}
			vs, err := st.Versions(e.ctx, dataset)
			if err != nil {
				return err
			}
			if e.json {
				if vs == nil {
					vs = []store.Version{}
				}
				return e.printJSON(vs)
			}
			if len(vs) == 0 {
				fmt.Fprintln(e.stdout, "no list versions: import some with `embargo lists import PATH`")
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "DATASET\tVERSION\tPUBLISHED\tIMPORTED\tENTITIES\tSHA256\tFORMAT")
			for _, v := range vs {
				fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s\t%s\n", v.Dataset, v.Number, v.Published, v.Imported.Local().Format("2006-01-02 15:04:05"), v.Entities, v.SHA256, v.Format)
			}
			return tw.Flush()
		},
	}
}

func diffCmd(e *env) *cobra.Command {
	var full bool
	c := &cobra.Command{
		Use:   "diff DATASET [FROM TO]",
		Short: "Entities added, removed and changed between two versions (default: the two newest)",
		Long: "FROM and TO are the dataset's version numbers (1, 2, ... as `lists ls` shows them) or dates\n" +
			"(YYYY-MM-DD): a date means the newest version of the dataset published on or before it.\n" +
			"The counts come first, then the first " + strconv.Itoa(diffShown) + " entities of each kind with their changes in\n" +
			"words; --full shows them all, --json gives everything as data.",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 && len(args) != 3 {
				return usagef("lists diff: give DATASET, or DATASET FROM TO")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			st, err := e.open(true)
			if err != nil {
				return err
			}
			defer st.Close()
			vs, err := st.Versions(e.ctx, args[0])
			if err != nil {
				return err
			}
			if len(vs) == 0 {
				return usagef("lists diff: no versions of dataset %q (see `embargo lists ls`)", args[0])
			}
			var from, to store.Version
			if len(args) == 3 {
				if from, err = pickVersion(vs, args[1]); err != nil {
					return err
				}
				if to, err = pickVersion(vs, args[2]); err != nil {
					return err
				}
			} else {
				if len(vs) < 2 {
					return usagef("lists diff: dataset %s has only one version", args[0])
				}
				from, to = vs[len(vs)-2], vs[len(vs)-1]
			}
			d, err := st.Diff(e.ctx, from.ID, to.ID)
			if err != nil {
				return err
			}
			if e.json {
				return e.printJSON(d)
			}
			return printDiff(e, st, d, full)
		},
	}
	c.Flags().BoolVar(&full, "full", false, "show every added, removed and changed entity")
	return c
}

// pickVersion resolves a version number or a date among vs (sorted by
// publication date, then id).
func pickVersion(vs []store.Version, arg string) (store.Version, error) {
	if n, err := strconv.Atoi(arg); err == nil {
		for _, v := range vs {
			if v.Number == n {
				return v, nil
			}
		}
		return store.Version{}, usagef("%s has no version %d: its versions are 1 to %d (see `embargo lists ls %s`)", vs[0].Dataset, n, len(vs), vs[0].Dataset)
	}
	if _, err := time.Parse("2006-01-02", arg); err != nil {
		return store.Version{}, usagef("%q is neither a version number nor a date (YYYY-MM-DD)", arg)
	}
	var found *store.Version
	for i := range vs {
		if vs[i].Published <= arg {
			found = &vs[i]
		}
	}
	if found == nil {
		return store.Version{}, usagef("no version of %s was published on or before %s", vs[0].Dataset, arg)
	}
	return *found, nil
}

// diffShown is how many entities of each kind `lists diff` shows
// without --full.
const diffShown = 20

func printDiff(e *env, st store.Store, d *store.Diff, full bool) error {
	w := e.stdout
	fmt.Fprintf(w, "%s: version %d (published %s) -> version %d (published %s)\n", d.Dataset, d.From.Number, d.From.Published, d.To.Number, d.To.Published)
	fmt.Fprintf(w, "%d added, %d removed, %d changed (%d entities before, %d after)\n", len(d.Added), len(d.Removed), len(d.Changed), d.From.Entities, d.To.Entities)
	if len(d.Changed) > 0 {
		counts := map[string]int{}
		for _, c := range d.Changed {
			for _, f := range c.Fields {
				counts[f]++
			}
		}
		fields := make([]string, 0, len(counts))
		for f := range counts {
			fields = append(fields, f)
		}
		sort.Slice(fields, func(i, j int) bool {
			if counts[fields[i]] != counts[fields[j]] {
				return counts[fields[i]] > counts[fields[j]]
			}
			return fields[i] < fields[j]
		})
		var parts []string
		for _, f := range fields {
			parts = append(parts, fmt.Sprintf("%s %d", fieldWords(f), counts[f]))
		}
		fmt.Fprintf(w, "changed fields: %s\n", strings.Join(parts, ", "))
	}
	caption := func(version int64, id string) string {
		if ent, err := st.Entity(e.ctx, version, id); err == nil {
			return ent.Caption()
		}
		return ""
	}
	limit := func(n int) int {
		if full {
			return n
		}
		return min(n, diffShown)
	}
	more := func(shown, n int, what string) {
		if shown < n {
			fmt.Fprintf(w, "  ... and %d more %s (--full shows all)\n", n-shown, what)
		}
	}
	if len(d.Added) > 0 {
		fmt.Fprintln(w, "\nadded:")
		n := limit(len(d.Added))
		for _, id := range d.Added[:n] {
			fmt.Fprintf(w, "  + %s  %s\n", id, caption(d.To.ID, id))
		}
		more(n, len(d.Added), "added")
	}
	if len(d.Removed) > 0 {
		fmt.Fprintln(w, "\nremoved:")
		n := limit(len(d.Removed))
		for _, id := range d.Removed[:n] {
			fmt.Fprintf(w, "  - %s  %s\n", id, caption(d.From.ID, id))
		}
		more(n, len(d.Removed), "removed")
	}
	if len(d.Changed) > 0 {
		fmt.Fprintln(w, "\nchanged:")
		n := limit(len(d.Changed))
		for _, c := range d.Changed[:n] {
			fmt.Fprintf(w, "  ~ %s  %s\n", c.ID, caption(d.To.ID, c.ID))
			for _, f := range c.Details {
				for _, v := range f.Added {
					fmt.Fprintf(w, "      %s added: %s\n", fieldWords(f.Field), valueText(f.Field, v))
				}
				for _, v := range f.Removed {
					fmt.Fprintf(w, "      %s removed: %s\n", fieldWords(f.Field), valueText(f.Field, v))
				}
			}
		}
		more(n, len(d.Changed), "changed")
	}
	return nil
}
