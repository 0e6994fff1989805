package engine

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
	"github.com/embargo-screening/embargo/internal/store/sqlite"
)

func person(dataset, id, name string) *entity.Entity {
	e := entity.New(dataset, id, entity.Person)
	e.AddName(entity.Name{Full: name, Kind: entity.Primary})
	e.Programs = []string{"SDGT"}
	return e
}

func newStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var sha atomic.Int64

// put imports one version of dataset with the entities.
func put(t *testing.T, st store.Store, dataset, published string, ents ...*entity.Entity) store.Version {
	t.Helper()
	ctx := context.Background()
	tx, err := st.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := &store.Version{Dataset: dataset, Published: published, SHA256: fmt.Sprint(sha.Add(1)), Format: "test"}
	if err := tx.AddVersion(ctx, v); err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if err := tx.Put(ctx, v.ID, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return *v
}

func first(t *testing.T, snap *Snapshot, name string) string {
	t.Helper()
	rs, err := snap.Screen(match.Query{Name: name}, match.Options{Threshold: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) == 0 {
		return ""
	}
	return rs[0].EntityID
}

func TestReloadAndEvents(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	e := New(st, Options{})
	if err := e.Load(ctx); !errors.Is(err, ErrNoLists) {
		t.Fatalf("Load of an empty store: %v", err)
	}
	var events []Event
	var mu sync.Mutex
	cancel := e.Subscribe(func(ev Event) {
		mu.Lock()
		events = append(events, ev)
		mu.Unlock()
	})
	defer cancel()
	v1 := put(t, st, "ofac", "2020-01-01", person("ofac", "1", "Vorlan Grammit"))
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	if changed, err := e.Reload(ctx); changed || err != nil {
		t.Errorf("Reload without a new version: %v %v", changed, err)
	}
	v2 := put(t, st, "ofac", "2021-01-01", person("ofac", "1", "Vorlan Grammit"), person("ofac", "2", "Teodor Briskevich"))
	if changed, err := e.Reload(ctx); !changed || err != nil {
		t.Fatalf("Reload after an import: %v %v", changed, err)
	}
	if got := first(t, e.Current(), "Teodor Briskevich"); got != "ofac:2" {
		t.Errorf("after the reload: first %q", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(events) != 2 {
		t.Fatalf("%d events, want the first load and the reload", len(events))
	}
	ch := events[1].Changes()
	if len(ch) != 1 || ch[0].From == nil || ch[0].From.ID != v1.ID || ch[0].To.ID != v2.ID {
		t.Errorf("changes %+v", ch)
	}
	if ch := events[0].Changes(); len(ch) != 1 || ch[0].From != nil {
		t.Errorf("first load's changes %+v", ch)
	}
}

// Watch sees an import by anyone within its poll interval.
func TestWatch(t *testing.T) {
	st := newStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	put(t, st, "ofac", "2020-01-01", person("ofac", "1", "Vorlan Grammit"))
	e := New(st, Options{PollInterval: 10 * time.Millisecond})
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	go e.Watch(ctx)
	put(t, st, "un", "2020-02-01", person("un", "QDi.1", "Haddad Zuwayri"))
	deadline := time.Now().Add(10 * time.Second)
	for first(t, e.Current(), "Haddad Zuwayri") != "un:QDi.1" {
		if time.Now().After(deadline) {
			t.Fatal("Watch never picked up the import")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// countingLists counts version loads and can hold them.
type countingLists struct {
	store.Store
	loads atomic.Int64
	gate  chan struct{} // when set, each load waits for a value
}

func (c *countingLists) Entities(ctx context.Context, version int64, fn func(*entity.Entity) error) error {
	c.loads.Add(1)
	if c.gate != nil {
		select {
		case <-c.gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return c.Store.Entities(ctx, version, fn)
}

// Dates that resolve to the same versions share one snapshot; the number
// of version sets waiting for a build is bounded.
func TestAsOf(t *testing.T) {
	base := newStore(t)
	ctx := context.Background()
	for i, pub := range []string{"2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"} {
		put(t, base, "ofac", pub, person("ofac", "1", "Vorlan Grammit"), person("ofac", fmt.Sprint(10+i), fmt.Sprintf("Person Number%d", i)))
	}
	st := &countingLists{Store: base}
	e := New(st, Options{AsOfSnapshots: 2, AsOfQueue: 1})
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	st.loads.Store(0)
	a, err := e.At(ctx, "2020-06-01")
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.At(ctx, "2020-12-31")
	if err != nil || a != b || st.loads.Load() != 1 {
		t.Errorf("two dates of one version: same snapshot %v, %d loads, %v", a == b, st.loads.Load(), err)
	}
	if cur, _ := e.At(ctx, "2030-01-01"); cur != e.Current() {
		t.Errorf("a date after every publication is not the current snapshot")
	}
	if _, err := e.At(ctx, "1999-01-01"); !errors.Is(err, ErrNoLists) {
		t.Errorf("a date before every publication: %v", err)
	}
	// Builds are one at a time and the queue holds one version set: a
	// second distinct one waiting is refused at once with a retry hint.
	st.gate = make(chan struct{})
	short, cancelShort := context.WithTimeout(ctx, 20*time.Millisecond)
	_, err = e.At(short, "2021-06-01")
	cancelShort()
	var busy *BusyError
	if !errors.As(err, &busy) || busy.RetryAfter <= 0 {
		t.Fatalf("a build outlasting the request: %v, want a BusyError with RetryAfter", err)
	}
	if _, err := e.At(ctx, "2022-06-01"); !errors.As(err, &busy) {
		t.Errorf("a second version set beyond the queue: %v, want busy", err)
	}
	close(st.gate) // the first build goes on and lands
	s21, err := e.At(ctx, "2021-06-01")
	if err != nil || first(t, s21, "Person Number1") != "ofac:11" {
		t.Fatalf("the build that outlasted its request: %v", err)
	}
	// At most AsOfSnapshots are kept: 2020 was used least recently.
	if _, err := e.At(ctx, "2022-06-01"); err != nil {
		t.Fatal(err)
	}
	again, err := e.At(ctx, "2020-06-01")
	if err != nil {
		t.Fatal(err)
	}
	if again == a {
		t.Errorf("the least recently used snapshot was kept beyond the limit")
	}
	if again.Entity("ofac:1") != a.Entity("ofac:1") {
		t.Errorf("the rebuilt snapshot did not share the entities still in memory")
	}
}

// Snapshots of overlapping versions share the entities in memory.
func TestSharedEntities(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	put(t, st, "un", "2020-01-01", person("un", "1", "Haddad Zuwayri"))
	put(t, st, "ofac", "2020-01-01", person("ofac", "1", "Vorlan Grammit"))
	put(t, st, "ofac", "2021-01-01", person("ofac", "2", "Teodor Briskevich"))
	e := New(st, Options{})
	if err := e.Load(ctx); err != nil {
		t.Fatal(err)
	}
	past, err := e.At(ctx, "2020-06-01")
	if err != nil {
		t.Fatal(err)
	}
	if past.Entity("un:1") != e.Current().Entity("un:1") {
		t.Errorf("the UN version's entities were loaded twice")
	}
}

func TestHistory(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	put(t, st, "ofac", "2020-01-01", person("ofac", "1", "Vorlan Grammit"))
	put(t, st, "ofac", "2021-01-01", person("ofac", "1", "Vorlan Grammit"))
	changed := person("ofac", "1", "Vorlan Grammit")
	changed.Programs = append(changed.Programs, "IRAN-CON-ARMS-EO")
	put(t, st, "ofac", "2022-01-01", changed)
	put(t, st, "ofac", "2023-01-01", person("ofac", "2", "Someone Else"))
	h, err := EntityHistory(ctx, st, "ofac:1")
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for _, e := range h.Entries {
		statuses = append(statuses, e.Status)
	}
	if fmt.Sprint(statuses) != "[added unchanged changed removed]" || h.FirstSeen != "2020-01-01" || h.LastChange != "2022-01-01" ||
		h.Version.Number != 3 || len(h.Changes) != 1 || h.Changes[0].Field != "programs" {
		t.Errorf("history %v first %s change %s version %d changes %v", statuses, h.FirstSeen, h.LastChange, h.Version.Number, h.Changes)
	}
	if first, ch, ok := h.Seen(2); !ok || first.Number != 1 || ch.Number != 1 {
		t.Errorf("as of version 2: first %d changed %d", first.Number, ch.Number)
	}
	if _, err := EntityHistory(ctx, st, "ofac:9"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}
