// Package lists imports publisher files into the versioned store: it
// plans the inputs, recognizes duplicates of earlier imports, parses, and
// writes every new version in one transaction, so that an import either
// lands whole or leaves the store as it was.
package lists

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/store"
)

// Options tune an import.
type Options struct {
	// Dataset is the user's --source: it picks the format when the
	// content is ambiguous and names the dataset.
	Dataset string
	// Published is the publication date to use for files that carry none.
	Published string
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Progress, when set, is called after each entity with the running
	// count for the whole import.
	Progress func(entities int)
	// Warn receives notices that do not stop the import.
	Warn func(msg string)
}

// Result is the outcome of one input.
type Result struct {
	Files   []string
	Format  string
	Version store.Version
	// Unchanged is true when byte-identical input was imported before:
	// Version is that earlier version and nothing was added.
	Unchanged bool
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
var dateInPath = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)`)

// Import imports the publications found at paths. All new versions land in
// one transaction: on any error, including cancellation of ctx, none does.
func Import(ctx context.Context, st store.Store, formats []source.Format, paths []string, opt Options) ([]Result, error) {
	if opt.Published != "" && !isoDate.MatchString(opt.Published) {
		return nil, &source.Error{File: "--published", Msg: fmt.Sprintf("%q is not a date in the form YYYY-MM-DD", opt.Published)}
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Warn == nil {
		opt.Warn = func(string) {}
	}
	jobs, err := source.Plan(paths, formats, opt.Dataset)
	if err != nil {
		return nil, err
	}
	results := make([]Result, len(jobs))
	sums := make([]string, len(jobs))
	todo := 0
	// The same bytes given twice in one import (a file and a copy) make
	// one version; the copy is reported unchanged.
	sameAs := map[int]int{}
	first := map[string]int{}
	for i, j := range jobs {
		results[i] = Result{Files: j.Paths(), Format: j.Format.Name}
		if sums[i], err = digest(j.Input); err != nil {
			return nil, err
		}
		key := j.Input.Dataset + "\x00" + sums[i]
		if k, ok := first[key]; ok {
			sameAs[i] = k
			results[i].Unchanged = true
			continue
		}
		first[key] = i
		if v, ok, err := st.VersionBySHA(ctx, j.Input.Dataset, sums[i]); err != nil {
			return nil, err
		} else if ok {
			results[i].Version, results[i].Unchanged = v, true
			continue
		}
		todo++
	}
	if todo == 0 {
		return results, nil
	}

	tx, err := st.Begin(ctx)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback()
		}
	}()
	im := &importer{tx: tx, opt: opt, imported: opt.Now().UTC()}
	for i, j := range jobs {
		if results[i].Unchanged {
			continue
		}
		vs, err := im.job(ctx, j, sums[i])
		if err != nil {
			return nil, err
		}
		// One input usually makes one version; a generic file spanning
		// several datasets makes one each, reported under the first.
		results[i].Version = vs[0]
		for _, v := range vs[1:] {
			results = append(results, Result{Files: j.Paths(), Format: j.Format.Name, Version: v})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	committed = true
	for i, k := range sameAs {
		results[i].Version = results[k].Version
	}
	return results, nil
}

// importer writes the jobs of one import into its transaction.
type importer struct {
	tx       store.Tx
	opt      Options
	imported time.Time
	count    int // entities so far, for progress
}

// job parses one input into new versions, one per dataset its entities
// belong to, in the order the datasets first appear.
func (im *importer) job(ctx context.Context, j source.Job, sum string) ([]store.Version, error) {
	files := strings.Join(j.Paths(), ", ")
	// Versions are created on the first entity of each dataset: a generic
	// format (FtM, Senzing) learns its dataset from the records.
	versions := map[string]*store.Version{}
	var order []string
	emit := func(e *entity.Entity) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := check(e); err != nil {
			return &source.Error{File: files, Msg: err.Error()}
		}
		v, ok := versions[e.Dataset]
		if !ok {
			v = &store.Version{Dataset: e.Dataset, Imported: im.imported, SHA256: sum, Format: j.Format.Name, Files: j.Paths()}
			if err := im.tx.AddVersion(ctx, v); err != nil {
				return err
			}
			versions[e.Dataset] = v
			order = append(order, e.Dataset)
		}
		if err := im.tx.Put(ctx, v.ID, e); err != nil {
			var dup *store.DuplicateError
			if errors.As(err, &dup) {
				return &source.Error{File: files, Msg: dup.Error() + ": the file lists it twice"}
			}
			return err
		}
		v.Entities++
		im.count++
		if im.opt.Progress != nil {
			im.opt.Progress(im.count)
		}
		return nil
	}
	before := im.count
	meta, err := j.Format.Parse(ctx, j.Input, emit)
	if err != nil {
		if ctx.Err() != nil {
			// Say where the interrupt landed; the transaction rolls back.
			return nil, fmt.Errorf("%s: import interrupted after %d entities of this input, nothing was imported: %w", files, im.count-before, ctx.Err())
		}
		return nil, err
	}
	if len(order) == 0 {
		return nil, &source.Error{File: files, Msg: "no entities found in a " + j.Format.Name + " file"}
	}
	published := im.published(meta, j.Paths())
	out := make([]store.Version, len(order))
	for i, ds := range order {
		v := versions[ds]
		v.Published = published
		if err := im.tx.SetPublished(ctx, v.ID, published); err != nil {
			return nil, err
		}
		out[i] = *v
	}
	return out, nil
}

// published picks a publication date: the file's own, else --published,
// else a date in the file or folder name, else today with a warning.
func (im *importer) published(meta source.Meta, paths []string) string {
	opt := im.opt
	if opt.Published != "" && meta.Published != "" && opt.Published != meta.Published {
		opt.Warn(fmt.Sprintf("%s: the file says it was published %s; --published %s ignored", paths[0], meta.Published, opt.Published))
	}
	switch {
	case meta.Published != "":
		return meta.Published
	case opt.Published != "":
		return opt.Published
	}
	if m := dateInPath.FindStringSubmatch(strings.Join(paths, " ")); m != nil {
		return m[1] + "-" + m[2] + "-" + m[3]
	}
	today := im.imported.Format("2006-01-02")
	opt.Warn(fmt.Sprintf("%s: no publication date in the file or its name and no --published: using today, %s", paths[0], today))
	return today
}

// check rejects entities a parser should never produce, so a parser bug
// cannot store an entry nobody can screen against.
func check(e *entity.Entity) error {
	switch {
	case e.Dataset == "" || e.SourceID == "":
		return fmt.Errorf("entity %q has no dataset or source id", e.ID)
	case e.ID != e.Dataset+":"+e.SourceID:
		return fmt.Errorf("entity id %q is not %s:%s", e.ID, e.Dataset, e.SourceID)
	case len(e.Names) == 0:
		return fmt.Errorf("entity %s has no name", e.ID)
	}
	return nil
}

// digest is the sha256 of an input: of the file itself for a single file
// (so it can be checked with sha256sum), of the files concatenated in set
// order for a multi-file set.
func digest(in source.Input) (string, error) {
	h := sha256.New()
	for _, f := range in.Files {
		r, err := f.Open()
		if err != nil {
			return "", &source.Error{File: f.Path, Msg: "cannot read: " + err.Error()}
		}
		_, err = io.Copy(h, r)
		r.Close()
		if err != nil {
			return "", &source.Error{File: f.Path, Msg: "cannot read: " + err.Error()}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
