// Package fetch keeps the official lists current for the server: it
// downloads each source's files from the publisher, conditionally (ETag,
// Last-Modified) so that an unchanged list costs a 304 and no import, and
// imports what changed through lists.Import, which is atomic and dedupes by
// sha256. A failed download or a broken file leaves the store and the
// cached copy as they were, so the server keeps answering from the last
// good version while the Status says why it is stale.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/embargo-screening/embargo/internal/lists"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/formats"
	"github.com/embargo-screening/embargo/internal/store"
)

// Options configure an Updater.
type Options struct {
	Store   store.Store
	Sources []Source
	// Interval is the schedule of Run; 0 means run once.
	Interval time.Duration
	// Client makes the requests; the default bounds connecting, TLS and
	// waiting for headers to 60 s each. Every request also names embargo
	// in its User-Agent, and a body that sends nothing for 60 s is dropped.
	Client *http.Client
	// Dir keeps the downloaded files and their validators (ETag,
	// Last-Modified) between runs, one folder per dataset; default
	// os.UserCacheDir()/embargo. One Updater per Dir.
	Dir string
	// OnUpdate is called after a run that imported at least one new
	// version, with the datasets that changed (the server rebuilds and
	// swaps its index).
	OnUpdate func(ctx context.Context, changed []string)
	// OnStatus is called after every completed attempt per dataset (the
	// server's /readyz and metrics).
	OnStatus func(Status)
	// Logger receives progress and failures; default slog.Default().
	Logger *slog.Logger
	// MaxBytes refuses a response body larger than this (default 512 MiB):
	// a runaway or hostile response must not fill the disk.
	MaxBytes int64
	// RetryDelay is the pause before the one retry of a connection error
	// or a 5xx (default 2 s).
	RetryDelay time.Duration
}

// Status is where one dataset stands, as of the Updater's last attempt.
type Status struct {
	Dataset     string    `json:"dataset"`
	LastAttempt time.Time `json:"last_attempt,omitzero"`
	// LastSuccess is the last attempt that ended with the store holding
	// the publisher's current files (new or unchanged).
	LastSuccess time.Time `json:"last_success,omitzero"`
	// LastChange is when the current version was imported.
	LastChange time.Time `json:"last_change,omitzero"`
	// LastError is the last attempt's failure, naming the URL and the
	// problem; empty after a success.
	LastError string `json:"last_error,omitempty"`
	// Version is the store's current version of the dataset, 0 if none.
	Version int64 `json:"version,omitempty"`
	// Unchanged is true when the last attempt succeeded and found nothing
	// new.
	Unchanged bool `json:"unchanged"`
}

// Updater downloads and imports the sources, once or on a schedule.
type Updater struct {
	opt        Options
	client     *http.Client
	log        *slog.Logger
	dir        string
	maxBytes   int64
	retryDelay time.Duration
	idle       time.Duration
	now        func() time.Time

	pass chan struct{} // held during a pass: two passes never overlap

	mu     sync.Mutex
	status map[string]*Status
	seeded map[string]bool // status filled from the store once
}

// New returns an Updater; nothing happens until RunOnce or Run.
func New(opt Options) *Updater {
	u := &Updater{
		opt:        opt,
		client:     opt.Client,
		log:        opt.Logger,
		dir:        opt.Dir,
		maxBytes:   opt.MaxBytes,
		retryDelay: opt.RetryDelay,
		idle:       60 * time.Second,
		now:        time.Now,
		pass:       make(chan struct{}, 1),
		status:     map[string]*Status{},
		seeded:     map[string]bool{},
	}
	if u.client == nil {
		u.client = defaultClient()
	}
	if u.log == nil {
		u.log = slog.Default()
	}
	if u.dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		u.dir = filepath.Join(base, "embargo")
	}
	if u.maxBytes <= 0 {
		u.maxBytes = 512 << 20
	}
	if u.retryDelay <= 0 {
		u.retryDelay = 2 * time.Second
	}
	for _, src := range opt.Sources {
		if _, ok := u.status[src.Dataset]; !ok {
			u.status[src.Dataset] = &Status{Dataset: src.Dataset}
		}
	}
	return u
}

// Status returns the current status of every source, in source order,
// for a readiness report that does not wait for the next attempt.
func (u *Updater) Status() []Status {
	u.mu.Lock()
	defer u.mu.Unlock()
	out := make([]Status, 0, len(u.status))
	seen := map[string]bool{}
	for _, src := range u.opt.Sources {
		if !seen[src.Dataset] {
			seen[src.Dataset] = true
			out = append(out, *u.status[src.Dataset])
		}
	}
	return out
}

// Run calls RunOnce, then again every Interval (counted from the end of a
// pass) until ctx is done, and then returns nil. A failed source never
// stops the schedule: it is logged, kept in its Status and tried again at
// the next pass. With Interval 0 it returns RunOnce's error.
func (u *Updater) Run(ctx context.Context) error {
	for {
		_, err := u.RunOnce(ctx)
		if u.opt.Interval <= 0 {
			return err
		}
		if ctx.Err() != nil {
			return nil
		}
		t := time.NewTimer(u.opt.Interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

// RunOnce makes one pass over all sources, one after another (politeness
// to the publishers, and one list in memory at a time). It waits for a
// pass in progress to finish rather than overlapping it. It returns the
// status of every source attempted, and an error joining the sources'
// failures (or ctx's error when interrupted); one source failing does not
// stop the others. OnUpdate is called at the end of a pass that imported
// a new version.
func (u *Updater) RunOnce(ctx context.Context) ([]Status, error) {
	select {
	case u.pass <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-u.pass }()

	var (
		out     []Status
		errs    []error
		changed []string
		seen    = map[string]bool{}
	)
	for _, src := range u.opt.Sources {
		u.seed(ctx, src.Dataset)
	}
	for _, src := range u.opt.Sources {
		if err := ctx.Err(); err != nil {
			errs = append(errs, err)
			break
		}
		started := u.now()
		if seen[src.Dataset] {
			// Its status and folder belong to the first source.
			err := fmt.Errorf("%s: a second source for the dataset, skipped: give each dataset one source", src.Dataset)
			u.log.Error("bad source", "error", err)
			errs = append(errs, err)
			continue
		}
		seen[src.Dataset] = true
		res, err := u.update(ctx, src)
		for _, ds := range res.changed {
			if !slices.Contains(changed, ds) {
				changed = append(changed, ds)
			}
		}
		if err != nil && ctx.Err() != nil {
			// Interrupted, not failed: leave the status as it was.
			errs = append(errs, err)
			break
		}
		if err != nil {
			errs = append(errs, err)
			u.log.Warn("list update failed", "dataset", src.Dataset, "error", err)
		}
		if st, ok := u.record(src.Dataset, started, res, err); ok {
			out = append(out, st)
			if u.opt.OnStatus != nil {
				u.opt.OnStatus(st)
			}
		}
	}
	if len(changed) > 0 && u.opt.OnUpdate != nil {
		u.opt.OnUpdate(ctx, changed)
	}
	return out, errors.Join(errs...)
}

// seed fills a dataset's status from the store at the first pass, before
// any download, so that a restarted server reports the version it already
// has while the publishers are slow.
func (u *Updater) seed(ctx context.Context, dataset string) {
	u.mu.Lock()
	done := u.seeded[dataset]
	u.seeded[dataset] = true
	u.mu.Unlock()
	if done {
		return
	}
	vs, err := u.opt.Store.Versions(ctx, dataset)
	if err != nil || len(vs) == 0 {
		return
	}
	v := vs[len(vs)-1]
	u.mu.Lock()
	if st := u.status[dataset]; st.Version == 0 {
		st.Version, st.LastChange = v.ID, v.Imported
	}
	u.mu.Unlock()
}

// record updates a dataset's status after an attempt and returns a copy.
func (u *Updater) record(dataset string, started time.Time, res outcome, err error) (Status, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	st, ok := u.status[dataset]
	if !ok {
		return Status{}, false
	}
	st.LastAttempt = started
	if err != nil {
		st.LastError, st.Unchanged = err.Error(), false
		return *st, true
	}
	st.LastSuccess, st.LastError = u.now(), ""
	st.Unchanged = len(res.changed) == 0
	if res.version != 0 {
		if len(res.changed) > 0 || st.LastChange.IsZero() {
			st.LastChange = res.imported
		}
		st.Version = res.version
	}
	return *st, true
}

// outcome is what one source's attempt achieved.
type outcome struct {
	version  int64     // the dataset's version the store now holds
	imported time.Time // when it was imported
	changed  []string  // datasets that got a new version
}

// update fetches one source and imports it if anything changed. Nothing in
// the store or the source's folder changes unless the import succeeds.
func (u *Updater) update(ctx context.Context, src Source) (res outcome, err error) {
	defer func() {
		// A parser bug must not take the server down with it.
		if r := recover(); r != nil {
			u.log.Error("list update panicked", "dataset", src.Dataset, "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("%s: internal error while updating from %s: %v", src.Dataset, strings.Join(src.URLs, ", "), r)
		}
	}()
	names, err := fileNames(src)
	if err != nil {
		return res, err
	}
	dir := filepath.Join(u.dir, safeName(src.Dataset))
	// New downloads land in .incoming and move next to the cached files
	// only once imported; a crash mid-way leaves the cache as it was.
	incoming := filepath.Join(dir, ".incoming")
	if err := os.RemoveAll(incoming); err != nil {
		return res, fmt.Errorf("%s: %v", src.Dataset, err)
	}
	if err := os.MkdirAll(incoming, 0o755); err != nil {
		return res, fmt.Errorf("%s: %v", src.Dataset, err)
	}
	defer os.RemoveAll(incoming)
	st, err := loadState(dir)
	if err != nil {
		u.log.Warn("ignoring unreadable download state: downloading in full", "dataset", src.Dataset, "error", err)
	}

	downloads := make([]download, len(names))
	for i, url := range src.URLs {
		prev := st.Files[names[i]]
		if prev == nil || prev.URL != url || !prev.cached(filepath.Join(dir, names[i])) {
			prev = nil
		}
		if downloads[i], err = u.fetch(ctx, url, prev, filepath.Join(incoming, names[i])); err != nil {
			return res, fmt.Errorf("%s: download failed, the store is unchanged: %w", src.Dataset, err)
		}
		downloads[i].name = names[i]
	}

	allSame := true
	for _, d := range downloads {
		allSame = allSame && d.notModified
	}
	paths := make([]string, len(downloads))
	if allSame && st.SHA256 != "" {
		v, ok, err := u.opt.Store.VersionBySHA(ctx, src.Dataset, st.SHA256)
		if err != nil {
			return res, fmt.Errorf("%s: %v", src.Dataset, err)
		}
		if ok {
			u.log.Debug("list not modified", "dataset", src.Dataset, "version", v.ID)
			return outcome{version: v.ID, imported: v.Imported}, nil
		}
	}
	for i, d := range downloads {
		switch {
		case allSame:
			// The store lacks what the cache holds (a new database): import
			// the cached copy where it is.
			paths[i] = filepath.Join(dir, d.name)
		case d.notModified:
			// A set is planned by folder: the unchanged files join the new.
			paths[i] = filepath.Join(incoming, d.name)
			if err := linkOrCopy(filepath.Join(dir, d.name), paths[i]); err != nil {
				return res, fmt.Errorf("%s: %v", src.Dataset, err)
			}
		default:
			paths[i] = d.path
		}
	}

	started := u.now()
	results, err := lists.Import(ctx, u.opt.Store, formats.All(), paths, lists.Options{
		Dataset:   src.Dataset,
		Published: published(downloads, st, u.now()),
		Now:       u.now,
		// The only notices are about the publication date, which the
		// updater chooses on purpose.
		Warn: func(msg string) { u.log.Debug(msg, "dataset", src.Dataset) },
	})
	if err != nil {
		return res, importError(src, paths, err)
	}
	main := results[0]
	for _, r := range results {
		if r.Version.Dataset == src.Dataset {
			main = r
			break
		}
	}
	for _, r := range results {
		if !r.Unchanged && !slices.Contains(res.changed, r.Version.Dataset) {
			res.changed = append(res.changed, r.Version.Dataset)
		}
	}
	res.version, res.imported = main.Version.ID, main.Version.Imported
	if main.Unchanged {
		u.log.Info("list unchanged", "dataset", src.Dataset, "version", main.Version.ID)
	} else {
		u.log.Info("list updated", "dataset", src.Dataset, "version", main.Version.ID,
			"published", main.Version.Published, "entities", main.Version.Entities, "took", u.now().Sub(started).Round(time.Millisecond))
	}

	// The store has it: now the cache may move forward.
	files := map[string]*fileState{}
	for _, d := range downloads {
		f := st.Files[d.name]
		if !d.notModified {
			if err := os.Rename(d.path, filepath.Join(dir, d.name)); err != nil {
				// The store is right; the next pass downloads the file again.
				u.log.Warn("cannot keep the downloaded file", "dataset", src.Dataset, "error", err)
				continue
			}
			f = &fileState{URL: d.url, ETag: d.etag, LastModified: d.lastMod, Size: d.size, SHA256: d.sha256}
		} else {
			// A 304 may carry fresher validators.
			if d.etag != "" {
				f.ETag = d.etag
			}
			if d.lastMod != "" {
				f.LastModified = d.lastMod
			}
		}
		files[d.name] = f
	}
	st.Files, st.SHA256, st.Version = files, main.Version.SHA256, main.Version.ID
	if err := st.save(dir); err != nil {
		u.log.Warn("cannot save the download state: the next pass downloads in full", "dataset", src.Dataset, "error", err)
	}
	return res, nil
}

// published is the date lists.Import gives files that carry none of their
// own (OFAC's CSV set): the newest Last-Modified of the source's files, else
// today. Giving today explicitly keeps Import from reading a date in the
// cache folder's path.
func published(downloads []download, st *state, now time.Time) string {
	var newest time.Time
	for _, d := range downloads {
		lm := d.lastMod
		if lm == "" && d.notModified && st.Files[d.name] != nil {
			lm = st.Files[d.name].LastModified
		}
		if t, err := http.ParseTime(lm); err == nil && t.After(newest) {
			newest = t
		}
	}
	if newest.IsZero() {
		newest = now
	}
	return newest.UTC().Format("2006-01-02")
}

// importError says which source failed and why, naming the URLs rather
// than the temporary files the parser saw.
func importError(src Source, paths []string, err error) error {
	msg := err.Error()
	named := false
	for i, p := range paths {
		for _, form := range []string{filepath.ToSlash(p), p} {
			if strings.Contains(msg, form) {
				msg = strings.ReplaceAll(msg, form, src.URLs[i])
				named = true
			}
		}
	}
	var se *source.Error
	what := "import failed"
	if errors.As(err, &se) {
		what = "broken file, not imported"
	}
	if !named {
		msg += " (from " + strings.Join(src.URLs, ", ") + ")"
	}
	return fmt.Errorf("%s: %s, the store is unchanged: %s", src.Dataset, what, msg)
}
