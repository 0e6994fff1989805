package engine

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"
	"weak"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/store"
)

// asOfCache keeps the snapshots of the last few version sets that as_of
// dates resolved to. It is keyed by the versions, not the date: every
// date between two publications resolves to the same versions and shares
// one snapshot, and since versions never change, a snapshot stays valid
// when the lists gain new versions. Builds run one at a time (each takes a core and the
// memory of an index) and at most AsOfQueue version sets wait for one;
// a build goes on when the request that started it gives up, so that the
// next request finds it.
type asOfCache struct {
	e      *Engine
	builds chan struct{} // one build at a time

	mu      sync.Mutex
	entries map[string]*asOfEntry
	order   []string // least recently used first
	pending int      // entries still building
	lastDur time.Duration
}

type asOfEntry struct {
	done chan struct{}
	snap *Snapshot
	err  error
}

func newAsOfCache(e *Engine) *asOfCache {
	return &asOfCache{e: e, builds: make(chan struct{}, 1), entries: map[string]*asOfEntry{}, lastDur: time.Second}
}

// get returns the snapshot of vs, building it if needed, waiting at most
// until ctx is done.
func (c *asOfCache) get(ctx context.Context, key string, vs []store.Version, asOf string) (*Snapshot, error) {
	c.mu.Lock()
	ent, ok := c.entries[key]
	if ok {
		c.touch(key)
	} else {
		if c.pending >= c.e.opt.AsOfQueue {
			retry := c.retryAfter(c.pending)
			c.mu.Unlock()
			return nil, &BusyError{RetryAfter: retry, Msg: fmt.Sprintf("as_of %s: %d snapshots of other dates are being built; try again in %s", asOf, c.e.opt.AsOfQueue, retry)}
		}
		ent = &asOfEntry{done: make(chan struct{})}
		c.entries[key] = ent
		c.order = append(c.order, key)
		c.pending++
		go c.build(key, ent, vs, asOf)
	}
	pending := c.pending
	c.mu.Unlock()

	select {
	case <-ent.done:
		return ent.snap, ent.err
	case <-ctx.Done():
		c.mu.Lock()
		retry := c.retryAfter(pending)
		c.mu.Unlock()
		return nil, &BusyError{RetryAfter: retry, Msg: fmt.Sprintf("as_of %s: the lists of that date are still being loaded; try again in %s", asOf, retry)}
	}
}

// retryAfter estimates when n builds will be done. Called with mu held.
func (c *asOfCache) retryAfter(n int) time.Duration {
	d := time.Duration(max(n, 1)) * c.lastDur
	return time.Duration(math.Ceil(d.Seconds())) * time.Second
}

func (c *asOfCache) build(key string, ent *asOfEntry, vs []store.Version, asOf string) {
	c.builds <- struct{}{}
	ctx, cancel := context.WithTimeout(context.Background(), c.e.opt.AsOfBuildTimeout)
	snap, err := c.e.build(ctx, c.e.st, vs, asOf)
	cancel()
	<-c.builds

	c.mu.Lock()
	ent.snap, ent.err = snap, err
	c.pending--
	if err == nil {
		c.lastDur = snap.BuildDur
	}
	if err != nil {
		// Failures are not kept: the next request tries again.
		delete(c.entries, key)
		c.order = slices.DeleteFunc(c.order, func(k string) bool { return k == key })
	}
	c.evict()
	close(ent.done)
	c.mu.Unlock()
	if err != nil {
		c.e.log.Warn("as_of snapshot failed", "as_of", asOf, "err", err)
		return
	}
	c.e.log.Info("as_of snapshot built", "as_of", asOf, "versions", key, "entities", snap.Index.Stats().Entities,
		"seconds", snap.BuildDur.Seconds())
}

// touch marks key as just used. Called with mu held.
func (c *asOfCache) touch(key string) {
	if i := slices.Index(c.order, key); i >= 0 {
		c.order = append(append(c.order[:i:i], c.order[i+1:]...), key)
	}
}

// evict drops the least recently used built snapshots beyond the limit;
// requests using them finish on them. Called with mu held.
func (c *asOfCache) evict() {
	built := len(c.order) - c.pending
	for i := 0; built > c.e.opt.AsOfSnapshots && i < len(c.order); {
		if c.entries[c.order[i]].snap == nil {
			i++ // still building
			continue
		}
		delete(c.entries, c.order[i])
		c.order = slices.Delete(c.order, i, i+1)
		built--
	}
}

// versionEntities are the entities of one version, decoded once and
// shared by every snapshot that holds the version: the current snapshot
// and those of past dates mostly hold the same versions of most lists.
type versionEntities struct {
	ents []*entity.Entity
}

// entityCache finds the entities of a version already in memory. It
// holds them weakly: they live as long as a snapshot holds them.
type entityCache struct {
	mu      sync.Mutex
	byID    map[int64]weak.Pointer[versionEntities]
	loading map[int64]chan struct{}
}

func newEntityCache() *entityCache {
	return &entityCache{byID: map[int64]weak.Pointer[versionEntities]{}, loading: map[int64]chan struct{}{}}
}

func (c *entityCache) get(ctx context.Context, st store.Lists, v store.Version) (*versionEntities, error) {
	for {
		c.mu.Lock()
		if wp, ok := c.byID[v.ID]; ok {
			if p := wp.Value(); p != nil {
				c.mu.Unlock()
				return p, nil
			}
			delete(c.byID, v.ID)
		}
		wait, busy := c.loading[v.ID]
		if !busy {
			wait = make(chan struct{})
			c.loading[v.ID] = wait
		}
		c.mu.Unlock()
		if busy {
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		p, err := load(ctx, st, v)
		c.mu.Lock()
		delete(c.loading, v.ID)
		if err == nil {
			c.byID[v.ID] = weak.Make(p)
			id := v.ID
			runtime.AddCleanup(p, func(int64) {
				c.mu.Lock()
				if wp, ok := c.byID[id]; ok && wp.Value() == nil {
					delete(c.byID, id)
				}
				c.mu.Unlock()
			}, id)
		}
		c.mu.Unlock()
		close(wait)
		return p, err
	}
}

func load(ctx context.Context, st store.Lists, v store.Version) (*versionEntities, error) {
	p := &versionEntities{ents: make([]*entity.Entity, 0, v.Entities)}
	err := st.Entities(ctx, v.ID, func(e *entity.Entity) error {
		e.Raw = "" // the matcher never reads the source record
		p.ents = append(p.ents, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("loading %s version %d: %w", v.Dataset, v.Number, err)
	}
	return p, nil
}
