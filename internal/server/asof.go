package server

import (
	"context"
	"net/http"
	"slices"
	"sync"

	"github.com/embargo-screening/embargo/internal/engine"
)

// asOfCacheSize is how many snapshots for past dates are kept.
const asOfCacheSize = 4

// snapshotFor acquires the snapshot to screen against for an as_of date:
// the current one when asOf is empty or names the current date, else one
// built for that date (shared through a small cache). The caller releases
// it.
func (s *Server) snapshotFor(r *http.Request, asOf string) (*held, error) {
	cur := s.current()
	if cur == nil {
		return nil, errNoSnapshot
	}
	if asOf == "" || asOf == cur.snap.AsOf {
		return cur, nil
	}
	cur.release()
	if s.cfg.Store == nil {
		return nil, errNoStore
	}
	return s.asOf.get(r.Context(), asOf)
}

// asOfCache keeps the snapshots of the last few as_of dates asked for.
// Concurrent requests for one date share one build.
type asOfCache struct {
	s    *Server
	size int

	mu      sync.Mutex
	entries map[string]*asOfEntry
	order   []string // least recently used first
	gen     uint64   // bumped by clear: builds of an older generation are not kept
}

type asOfEntry struct {
	done    chan struct{}
	h       *held // the cache's reference; nil when the build failed
	err     error
	evicted bool // dropped from the cache while building: release when done
}

func newAsOfCache(s *Server, size int) *asOfCache {
	return &asOfCache{s: s, size: size, entries: map[string]*asOfEntry{}}
}

// get acquires the snapshot for date, building it if needed. It waits at
// most until ctx is done; the build itself goes on (bounded by the build
// timeout) so that the next request finds it.
func (c *asOfCache) get(ctx context.Context, date string) (*held, error) {
	for attempt := 0; attempt < 3; attempt++ {
		c.mu.Lock()
		e, ok := c.entries[date]
		if ok {
			c.touch(date)
		} else {
			e = &asOfEntry{done: make(chan struct{})}
			c.entries[date] = e
			c.order = append(c.order, date)
			c.evict()
			go c.build(date, e, c.gen)
		}
		c.mu.Unlock()

		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err != nil {
			return nil, e.err
		}
		if e.h.tryAcquire() {
			return e.h, nil
		}
		// Evicted and released between the build and now: build again.
	}
	return nil, unavailable("the snapshot for as_of %s was replaced while loading: try again", date)
}

func (c *asOfCache) build(date string, e *asOfEntry, gen uint64) {
	s := c.s
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.AsOfBuildTimeout)
	defer cancel()
	h, err := c.load(ctx, date)

	c.mu.Lock()
	e.h, e.err = h, err
	keep := err == nil && !e.evicted && gen == c.gen
	if err != nil && c.entries[date] == e {
		// Failures are not cached: the next request tries again.
		delete(c.entries, date)
		c.order = slices.DeleteFunc(c.order, func(d string) bool { return d == date })
	}
	close(e.done)
	c.mu.Unlock()
	if err == nil && !keep {
		// Waiters that already hold the entry acquire before this runs
		// or find it released and retry.
		h.release()
	}
	if err != nil {
		s.log.Warn("as_of snapshot failed", "as_of", date, "err", err)
	} else {
		st := h.snap.Index.Stats()
		s.log.Info("as_of snapshot built", "as_of", date, "entities", st.Entities, "build", h.snap.BuildDur)
	}
}

// load builds the snapshot for date, or shares the current one when the
// store's versions for that date are the ones loaded.
func (c *asOfCache) load(ctx context.Context, date string) (*held, error) {
	s := c.s
	vs, err := s.cfg.Store.AsOf(ctx, date)
	if err != nil {
		return nil, err
	}
	if cur := s.current(); cur != nil {
		same := len(vs) == len(cur.snap.Versions)
		for i := 0; same && i < len(vs); i++ {
			same = vs[i].ID == cur.snap.Versions[i].ID
		}
		if same {
			return cur, nil // the cache's reference is the one just taken
		}
		cur.release()
	}
	snap, err := engine.Load(ctx, s.cfg.Store, date)
	if err != nil {
		return nil, err
	}
	return newHeld(snap), nil
}

// touch marks date as just used. Called with mu held.
func (c *asOfCache) touch(date string) {
	if i := slices.Index(c.order, date); i >= 0 {
		c.order = append(append(c.order[:i:i], c.order[i+1:]...), date)
	}
}

// evict drops the least recently used entries beyond the size. Called
// with mu held.
func (c *asOfCache) evict() {
	for len(c.order) > c.size {
		date := c.order[0]
		c.order = c.order[1:]
		c.drop(c.entries[date])
		delete(c.entries, date)
	}
}

// drop gives up the cache's reference to an entry. Called with mu held.
func (c *asOfCache) drop(e *asOfEntry) {
	if e == nil {
		return
	}
	select {
	case <-e.done:
		if e.h != nil {
			e.h.release()
		}
	default:
		e.evicted = true
	}
}

// clear drops every entry: the lists changed.
func (c *asOfCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		c.drop(e)
	}
	c.entries = map[string]*asOfEntry{}
	c.order = nil
	c.gen++
}
