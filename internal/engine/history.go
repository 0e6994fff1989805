package engine

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/store"
)

// History is an entity across the versions of its dataset: as it is in
// the newest version that holds it, and what each version did to it.
type History struct {
	Entity  *entity.Entity
	Version store.Version // the version Entity is shown as in
	Entries []HistoryEntry
	// Changes are the field changes of the last version that changed it.
	Changes []entity.FieldChange
	// FirstSeen and LastChange are the publication dates of the first
	// version that held the entity and of the last that added or changed
	// it; LastSeen that of the newest version holding it.
	FirstSeen, LastChange, LastSeen string
}

// HistoryEntry is one version of the dataset as seen from the entity.
type HistoryEntry struct {
	Version store.Version
	Present bool
	// Status is added, changed, unchanged, removed or absent.
	Status string
	Fields []string // changed fields, for Status changed
}

// ErrNoEntity is returned (wrapped in store.ErrNotFound) for an id that no
// version of its dataset holds.
func noEntity(id, why string) error {
	return fmt.Errorf("no entity %q: %s: %w", id, why, store.ErrNotFound)
}

// EntityHistory reads an entity's history from the store: one query for
// its presence in every version, and the entity itself only where its
// content changed.
func EntityHistory(ctx context.Context, st store.Lists, id string) (*History, error) {
	dataset, _, ok := strings.Cut(id, ":")
	if !ok || dataset == "" {
		return nil, noEntity(id, "entity ids are <dataset>:<source_id>")
	}
	ps, err := st.History(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, noEntity(id, "the store has no dataset "+strconv.Quote(dataset))
	}
	h := &History{Entries: make([]HistoryEntry, 0, len(ps))}
	var prev *entity.Entity
	prevContent := ""
	for _, p := range ps {
		he := HistoryEntry{Version: p.Version, Present: p.Present}
		var cur *entity.Entity
		if p.Present {
			if prev != nil && p.Content == prevContent {
				cur = prev
			} else if cur, err = st.Entity(ctx, p.Version.ID, id); err != nil {
				return nil, err
			}
		}
		switch {
		case cur != nil && prev == nil:
			he.Status = "added"
			if h.FirstSeen == "" {
				h.FirstSeen = p.Version.Published
			}
			h.LastChange = p.Version.Published
		case cur != nil && cur == prev:
			he.Status = "unchanged"
		case cur != nil:
			ch := entity.Compare(prev, cur)
			if len(ch) == 0 { // content tokens differ on what Compare ignores
				he.Status = "unchanged"
				break
			}
			he.Status = "changed"
			for _, c := range ch {
				he.Fields = append(he.Fields, c.Field)
			}
			h.Changes = ch
			h.LastChange = p.Version.Published
		case prev != nil:
			he.Status = "removed"
		default:
			he.Status = "absent"
		}
		if cur != nil {
			h.Entity, h.Version, h.LastSeen = cur, p.Version, p.Version.Published
		}
		prev, prevContent = cur, p.Content
		h.Entries = append(h.Entries, he)
	}
	if h.Entity == nil {
		return nil, noEntity(id, "in no version of "+dataset)
	}
	return h, nil
}

// Seen returns the versions in which the entity was first seen and last
// added or changed, among the versions up to number upTo (all when 0).
func (h *History) Seen(upTo int) (first, changed store.Version, ok bool) {
	for _, e := range h.Entries {
		if upTo > 0 && e.Version.Number > upTo {
			break
		}
		if e.Present && !ok {
			first, ok = e.Version, true
		}
		if e.Status == "added" || e.Status == "changed" {
			changed = e.Version
		}
	}
	return first, changed, ok
}

// seenDates is what Snapshot.Seen caches per entity.
type seenDates struct {
	first, changed store.Version
	ok             bool
}

// Seen returns the versions in which an entity of the snapshot was first
// seen and last changed, as of the snapshot's version of its dataset
// (yente's first_seen and last_change). It asks the store once per entity
// and snapshot; versions never change, so the answer is kept.
func (s *Snapshot) Seen(ctx context.Context, id string) (first, changed store.Version, ok bool) {
	if v, hit := s.seen.Load(id); hit {
		d := v.(seenDates)
		return d.first, d.changed, d.ok
	}
	if s.st == nil {
		return first, changed, false
	}
	h, err := EntityHistory(ctx, s.st, id)
	if err != nil {
		return first, changed, false // not cached: a passing error may clear
	}
	upTo := 0
	if v, have := s.datasets[h.Version.Dataset]; have {
		upTo = v.Number
	}
	first, changed, ok = h.Seen(upTo)
	s.seen.Store(id, seenDates{first, changed, ok})
	return first, changed, ok
}
