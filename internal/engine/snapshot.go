package engine

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
)

// Snapshot is an index together with the list versions it was built from,
// so that every answer can name them. It is immutable: a new list version
// makes a new snapshot, and answers in flight finish on the one they
// started with.
type Snapshot struct {
	Index    *match.Index
	Versions []store.Version // screenable versions, by dataset
	AsOf     string          // "" for the current versions
	Built    time.Time
	BuildDur time.Duration

	key      string                   // the version ids, which identify the snapshot's content
	datasets map[string]store.Version // by dataset
	dsNames  []string                 // sorted
	parts    []*versionEntities       // keeps the shared entity slices alive while the snapshot is

	entOnce sync.Once
	entByID map[string]*entity.Entity

	st   store.Lists // where the snapshot was built from; nil in memory
	seen sync.Map    // entity id → seenDates
}

// NewSnapshot wraps an index built elsewhere (tests, in-memory lists);
// versions may be nil, and then the datasets are those of the entities.
func NewSnapshot(ix *match.Index, versions []store.Version, asOf string) *Snapshot {
	s := &Snapshot{Index: ix, Versions: versions, AsOf: asOf, Built: time.Now(), key: versionKey(versions)}
	s.datasets = make(map[string]store.Version, len(versions))
	for _, v := range versions {
		s.datasets[v.Dataset] = v
	}
	for _, e := range ix.Entities() {
		if _, ok := s.datasets[e.Dataset]; !ok {
			s.datasets[e.Dataset] = store.Version{Dataset: e.Dataset}
		}
	}
	for d := range s.datasets {
		s.dsNames = append(s.dsNames, d)
	}
	sort.Strings(s.dsNames)
	return s
}

// versionKey names a set of versions: equal keys, equal index content.
func versionKey(vs []store.Version) string {
	ids := make([]int64, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	slices.Sort(ids)
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	return b.String()
}

// VersionRef names a version compactly in answers: its dataset, its
// number within the dataset and its store-wide id.
type VersionRef struct {
	Dataset   string `json:"dataset"`
	Version   int    `json:"version"`
	ID        int64  `json:"id"`
	Published string `json:"published"`
}

// Ref is the reference of a version.
func Ref(v store.Version) VersionRef {
	return VersionRef{Dataset: v.Dataset, Version: v.Number, ID: v.ID, Published: v.Published}
}

// Refs lists the snapshot's versions as references.
func (s *Snapshot) Refs() []VersionRef {
	out := make([]VersionRef, len(s.Versions))
	for i, v := range s.Versions {
		out[i] = Ref(v)
	}
	return out
}

// Key identifies the snapshot's content: the ids of its versions.
func (s *Snapshot) Key() string { return s.key }

// Datasets lists the datasets the snapshot holds, sorted.
func (s *Snapshot) Datasets() []string { return s.dsNames }

// Dataset returns the version of a dataset the snapshot holds.
func (s *Snapshot) Dataset(name string) (store.Version, bool) {
	v, ok := s.datasets[name]
	return v, ok
}

// Entity finds an indexed entity by id, or nil.
func (s *Snapshot) Entity(id string) *entity.Entity {
	s.entOnce.Do(func() {
		ents := s.Index.Entities()
		s.entByID = make(map[string]*entity.Entity, len(ents))
		for _, e := range ents {
			if _, ok := s.entByID[e.ID]; !ok {
				s.entByID[e.ID] = e
			}
		}
	})
	return s.entByID[id]
}

// checkDatasets refuses datasets the snapshot does not hold, so that a
// misspelt dataset never passes for "no match".
func (s *Snapshot) checkDatasets(ds []string) error {
	for _, d := range ds {
		if _, ok := s.datasets[d]; !ok {
			return &match.QueryError{Field: "datasets", Msg: "unknown dataset " + strconv.Quote(d) + ": loaded are " + strings.Join(s.dsNames, ", ")}
		}
	}
	return nil
}
