// Package engine is the application core that every front end (the
// command line, the HTTP server, batch files, and the monitor and
// scanners to come) calls. It owns the snapshot being screened against
// and its swap when the store gains a version, whoever imported it (this
// process, another one, another replica on the same database); the
// snapshots of past dates (as_of), built once per distinct set of
// versions, bounded in number and built one at a time; the update cycle
// (download, import, rebuild) under a store-wide lock so that of several
// replicas one downloads; and the "lists changed" events that carry the
// new versions and what changed. The matcher itself (package match) keeps
// no state of its own.
package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
)

// ErrNoLists is returned when the store holds no version for the date.
var ErrNoLists = errors.New("no list versions in the store")

// ErrBusy is returned when a snapshot for an as_of date cannot be had in
// time: it is being built, or too many are waiting to be. RetryAfter in
// the *BusyError says when to ask again.
var ErrBusy = errors.New("busy")

// BusyError is ErrBusy with a hint of when to retry.
type BusyError struct {
	RetryAfter time.Duration
	Msg        string
}

func (e *BusyError) Error() string { return e.Msg }
func (e *BusyError) Unwrap() error { return ErrBusy }

// Options tune an Engine. Zero values take the defaults.
type Options struct {
	Logger *slog.Logger
	// PollInterval is how often the store is asked whether a version was
	// committed (default 1 s); a Reload call checks at once.
	PollInterval time.Duration
	// AsOfSnapshots is how many snapshots of past version sets are kept
	// (default 3). Each costs about what the current one does.
	AsOfSnapshots int
	// AsOfQueue is how many distinct version sets may wait for a build
	// at once (default 8); beyond, requests get ErrBusy at once instead
	// of piling up memory.
	AsOfQueue int
	// AsOfBuildTimeout bounds one build (default 2 min).
	AsOfBuildTimeout time.Duration
}

// Engine is the screening service over a store.
type Engine struct {
	st  store.Store
	log *slog.Logger
	opt Options

	cur  atomic.Pointer[Snapshot]
	head atomic.Int64 // store head the current snapshot reflects

	reloadMu sync.Mutex // one reload at a time
	asOf     *asOfCache
	ents     *entityCache

	subMu sync.Mutex
	subs  map[int]func(Event)
	subN  int
}

// New returns an engine over st; nothing is loaded until Load.
func New(st store.Store, opt Options) *Engine {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.PollInterval <= 0 {
		opt.PollInterval = time.Second
	}
	if opt.AsOfSnapshots <= 0 {
		opt.AsOfSnapshots = 3
	}
	if opt.AsOfQueue <= 0 {
		opt.AsOfQueue = 8
	}
	if opt.AsOfBuildTimeout <= 0 {
		opt.AsOfBuildTimeout = 2 * time.Minute
	}
	e := &Engine{st: st, log: opt.Logger, opt: opt, subs: map[int]func(Event){}, ents: newEntityCache()}
	e.asOf = newAsOfCache(e)
	return e
}

// Store is the store the engine reads.
func (e *Engine) Store() store.Store { return e.st }

// Load builds the snapshot of the newest versions and makes it current.
// It returns ErrNoLists (wrapped) when the store holds none.
func (e *Engine) Load(ctx context.Context) error {
	_, err := e.Reload(ctx)
	if err == nil && e.cur.Load() == nil {
		return fmt.Errorf("%w: import lists first (embargo lists import)", ErrNoLists)
	}
	return err
}

// Current returns the current snapshot, nil before the first load.
func (e *Engine) Current() *Snapshot { return e.cur.Load() }

// Swap makes snap current (tests, and lists held in memory).
func (e *Engine) Swap(snap *Snapshot) {
	old := e.cur.Swap(snap)
	if snap != nil && old != snap {
		e.publish(Event{Snapshot: snap, Previous: old})
	}
}

// Reload checks the store for versions newer than the current snapshot's
// and, if there are, builds a new snapshot, swaps it in and publishes a
// "lists changed" event. It reports whether the snapshot changed. A
// failed build keeps the old snapshot serving.
func (e *Engine) Reload(ctx context.Context) (bool, error) {
	if e.st == nil {
		return false, nil
	}
	e.reloadMu.Lock()
	defer e.reloadMu.Unlock()
	head, err := e.st.Head(ctx)
	if err != nil {
		return false, err
	}
	cur := e.cur.Load()
	if cur != nil && head == e.head.Load() {
		return false, nil
	}
	vs, err := e.screenable(ctx, "")
	if err != nil {
		return false, err
	}
	if len(vs) == 0 {
		e.head.Store(head)
		return false, nil
	}
	if cur != nil && versionKey(vs) == cur.key {
		e.head.Store(head) // a version of another kind (regimes) or a duplicate
		return false, nil
	}
	snap, err := e.build(ctx, e.st, vs, "")
	if err != nil {
		return false, err
	}
	e.head.Store(head)
	e.cur.Store(snap)
	st := snap.Index.Stats()
	e.log.Info("index swapped", "entities", st.Entities, "names", st.Names, "versions", len(vs),
		"seconds", snap.BuildDur.Seconds())
	e.publish(Event{Snapshot: snap, Previous: cur})
	return true, nil
}

// Watch polls the store until ctx is done and reloads when it gained a
// version, so that an import by any process or replica is served within
// about PollInterval plus the build.
func (e *Engine) Watch(ctx context.Context) {
	t := time.NewTicker(e.opt.PollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, err := e.Reload(ctx); err != nil && ctx.Err() == nil {
			e.log.Error("reloading the lists failed; the old index keeps serving", "err", err)
		}
	}
}

// At returns the snapshot to screen against for an as_of date: the
// current one when asOf is empty or resolves to the current versions,
// else one built for the versions the date resolves to, shared by every
// date that resolves to the same versions.
func (e *Engine) At(ctx context.Context, asOf string) (*Snapshot, error) {
	cur := e.cur.Load()
	if asOf == "" {
		if cur == nil {
			return nil, fmt.Errorf("%w: import lists first (embargo lists import)", ErrNoLists)
		}
		return cur, nil
	}
	vs, err := e.screenable(ctx, asOf)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, fmt.Errorf("%w published on or before %s", ErrNoLists, asOf)
	}
	key := versionKey(vs)
	if cur != nil && key == cur.key {
		return cur, nil
	}
	return e.asOf.get(ctx, key, vs, asOf)
}

// screenable is the store's AsOf without versions of other kinds.
func (e *Engine) screenable(ctx context.Context, asOf string) ([]store.Version, error) {
	if e.st == nil {
		return nil, nil
	}
	return screenable(ctx, e.st, asOf)
}

func screenable(ctx context.Context, st store.Lists, asOf string) ([]store.Version, error) {
	vs, err := st.AsOf(ctx, asOf)
	if err != nil {
		return nil, err
	}
	out := vs[:0]
	for _, v := range vs {
		if v.Screenable() {
			out = append(out, v)
		}
	}
	return out, nil
}

// build loads the entities of vs (sharing those already in memory for
// another snapshot) and indexes them.
func (e *Engine) build(ctx context.Context, st store.Lists, vs []store.Version, asOf string) (*Snapshot, error) {
	start := time.Now()
	parts := make([]*versionEntities, len(vs))
	n := 0
	for i, v := range vs {
		p, err := e.ents.get(ctx, st, v)
		if err != nil {
			return nil, err
		}
		parts[i] = p
		n += len(p.ents)
	}
	all := make([]*entity.Entity, 0, n)
	for _, p := range parts {
		all = append(all, p.ents...)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	snap := NewSnapshot(match.Build(all), vs, asOf)
	snap.parts = parts
	snap.st = st
	snap.BuildDur = time.Since(start)
	return snap, nil
}

// Event says that the lists changed: Snapshot is the new current one,
// Previous the one it replaced (nil at the first load). Changes lists the
// datasets whose version differs.
type Event struct {
	Snapshot *Snapshot
	Previous *Snapshot
}

// Change is one dataset's move from one version to another.
type Change struct {
	Dataset string
	From    *store.Version // nil when the dataset is new
	To      store.Version
}

// Changes lists the datasets whose version the event changed.
func (ev Event) Changes() []Change {
	var out []Change
	for _, v := range ev.Snapshot.Versions {
		c := Change{Dataset: v.Dataset, To: v}
		if ev.Previous != nil {
			if old, ok := ev.Previous.datasets[v.Dataset]; ok && old.ID != 0 {
				if old.ID == v.ID {
					continue
				}
				c.From = &old
			}
		}
		out = append(out, c)
	}
	return out
}

// Subscribe calls fn, on the engine's goroutine, after every swap of the
// current snapshot; cancel stops it. fn must not block for long: the
// next swap waits for it.
func (e *Engine) Subscribe(fn func(Event)) (cancel func()) {
	e.subMu.Lock()
	defer e.subMu.Unlock()
	id := e.subN
	e.subN++
	e.subs[id] = fn
	return func() {
		e.subMu.Lock()
		delete(e.subs, id)
		e.subMu.Unlock()
	}
}

func (e *Engine) publish(ev Event) {
	e.subMu.Lock()
	fns := make([]func(Event), 0, len(e.subs))
	for _, fn := range e.subs {
		fns = append(fns, fn)
	}
	e.subMu.Unlock()
	for _, fn := range fns {
		fn(ev)
	}
}

// Load builds, once, the snapshot of the newest version of each dataset
// published on or before asOf ("" for the newest of all): for one-shot
// commands (screen, batch) and tests, which need no swaps or caches.
func Load(ctx context.Context, st store.Lists, asOf string) (*Snapshot, error) {
	e := &Engine{ents: newEntityCache()}
	vs, err := screenable(ctx, st, asOf)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		if asOf != "" {
			return nil, fmt.Errorf("%w published on or before %s", ErrNoLists, asOf)
		}
		return nil, fmt.Errorf("%w: import lists first (embargo lists import)", ErrNoLists)
	}
	return e.build(ctx, st, vs, asOf)
}
