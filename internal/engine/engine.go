// Package engine loads the list versions a screening uses from the store
// and builds the matcher's index over them: the link between the
// versioned store and the in-memory matcher that the command line and the
// server share.
package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
)

// Snapshot is an index together with the list versions it was built from,
// so every answer can name them.
type Snapshot struct {
	Index    *match.Index
	Versions []store.Version
	AsOf     string // "" for the current versions
	Built    time.Time
	BuildDur time.Duration
}

// ErrNoLists is returned when the store holds no version for the date.
var ErrNoLists = errors.New("no list versions in the store")

// Load builds a snapshot of the newest version of each dataset published
// on or before asOf (an ISO date; "" for the newest of all).
func Load(ctx context.Context, st store.Store, asOf string) (*Snapshot, error) {
	start := time.Now()
	vs, err := st.AsOf(ctx, asOf)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		if asOf != "" {
			return nil, fmt.Errorf("%w published on or before %s", ErrNoLists, asOf)
		}
		return nil, fmt.Errorf("%w: import lists first (embargo lists import)", ErrNoLists)
	}
	var ents []*entity.Entity
	for _, v := range vs {
		err := st.Entities(ctx, v.ID, func(e *entity.Entity) error {
			e.Raw = "" // the matcher never reads the source record
			ents = append(ents, e)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("loading %s version %d: %w", v.Dataset, v.ID, err)
		}
	}
	ix := match.Build(ents)
	return &Snapshot{Index: ix, Versions: vs, AsOf: asOf, Built: time.Now(), BuildDur: time.Since(start)}, nil
}

// VersionRef names a version compactly in answers.
type VersionRef struct {
	Dataset   string `json:"dataset"`
	Version   int64  `json:"version"`
	Published string `json:"published"`
}

// Refs lists the snapshot's versions as references.
func (s *Snapshot) Refs() []VersionRef {
	out := make([]VersionRef, len(s.Versions))
	for i, v := range s.Versions {
		out[i] = VersionRef{v.Dataset, v.ID, v.Published}
	}
	return out
}
