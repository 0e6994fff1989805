// Package store defines what embargo keeps: list versions and the
// entities in each, never overwritten, with the differences between any
// two versions of a dataset. Implementations live in sub-packages, one per
// database (sqlite, and postgres for deployments with several replicas).
package store

import (
	"context"
	"errors"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Version is one import of one publication of a dataset.
type Version struct {
	ID        int64     `json:"version"`
	Dataset   string    `json:"dataset"`
	Published string    `json:"published"` // ISO date
	Imported  time.Time `json:"imported"`
	SHA256    string    `json:"sha256"` // of the input files, in set order
	Entities  int       `json:"entities"`
	Format    string    `json:"format"`
	Files     []string  `json:"files"`
}

// Diff is what changed in a dataset between two versions.
type Diff struct {
	Dataset string   `json:"dataset"`
	From    Version  `json:"from"`
	To      Version  `json:"to"`
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Changed []Change `json:"changed"`
}

// Change is one entity present in both versions with different content.
type Change struct {
	ID      string               `json:"id"`
	Fields  []string             `json:"fields"`
	Details []entity.FieldChange `json:"details"`
}

// ErrNotFound is returned for a version or entity that does not exist.
var ErrNotFound = errors.New("not found")

// Store is the versioned list store.
type Store interface {
	// Begin starts an atomic import. Nothing it writes is visible to
	// readers until Commit; Rollback (or a crash) leaves the store as it
	// was.
	Begin(ctx context.Context) (Tx, error)
	// Versions lists versions, oldest first; all datasets when dataset is "".
	Versions(ctx context.Context, dataset string) ([]Version, error)
	// Version returns one version by id.
	Version(ctx context.Context, id int64) (Version, error)
	// VersionBySHA finds an earlier import of byte-identical input.
	VersionBySHA(ctx context.Context, dataset, sha256 string) (Version, bool, error)
	// AsOf returns, for each dataset, the newest version published on or
	// before date (ISO); all current versions when date is "".
	AsOf(ctx context.Context, date string) ([]Version, error)
	// Entities streams the entities of a version in id order.
	Entities(ctx context.Context, version int64, fn func(*entity.Entity) error) error
	// Entity returns an entity as it is in a version.
	Entity(ctx context.Context, version int64, id string) (*entity.Entity, error)
	// Diff compares two versions of the same dataset.
	Diff(ctx context.Context, from, to int64) (*Diff, error)
	Close() error
}

// Tx is an import in progress.
type Tx interface {
	// AddVersion records a version (its Entities count is filled in by
	// Commit) and sets v.ID.
	AddVersion(ctx context.Context, v *Version) error
	// SetPublished sets a version's publication date, which some formats
	// reveal only once the file has been read.
	SetPublished(ctx context.Context, version int64, date string) error
	// Put stores an entity as a member of a version. An entity id that is
	// already in the version is an error of type *DuplicateError.
	Put(ctx context.Context, version int64, e *entity.Entity) error
	Commit() error
	Rollback() error
}

// DuplicateError is returned by Put for an entity id seen twice in one
// version: the source has two records with the same identifier.
type DuplicateError struct{ ID string }

func (e *DuplicateError) Error() string { return "duplicate entity id " + e.ID }
