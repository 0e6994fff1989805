// Package store defines what embargo keeps, one aggregate at a time: list
// versions and the entities in each (Lists), never overwritten, with the
// differences between any two versions of a dataset; customers, alerts,
// decisions, the audit log and regimes follow the same pattern. The
// implementations live in sub-packages, one per database (sqlite, the
// embedded default, and postgres for deployments with several replicas),
// which register themselves with Register; Open picks one by the DSN.
//
// Concurrency contract, the same on every implementation:
//   - readers never wait for a writer: an import in progress is invisible
//     until it commits, and reads go on meanwhile on what was committed;
//   - writers (imports) are serialized: a second one waits for the first
//     (Options.OnWait is told who holds the store) instead of failing;
//   - a read-only open never writes, never creates a store and never
//     migrates its schema.
package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Version is one import of one publication of a dataset.
type Version struct {
	// ID is the store-wide id; references between aggregates (alerts,
	// audit records) use it.
	ID      int64  `json:"id"`
	Dataset string `json:"dataset"`
	// Number counts the versions of the dataset from 1, in import order:
	// what people call "version 2 of the OFAC list".
	Number    int       `json:"version"`
	Published string    `json:"published"` // ISO date
	Imported  time.Time `json:"imported"`
	SHA256    string    `json:"sha256"` // of the input files, in set order
	Entities  int       `json:"entities"`
	Format    string    `json:"format"`
	Files     []string  `json:"files"`
	// Kind is what the version holds: KindEntities (listed parties, the
	// default when empty) or KindRegimes (the regime and embargo data).
	Kind string `json:"kind,omitempty"`
}

// Kinds of dataset.
const (
	KindEntities = "entities"
	KindRegimes  = "regimes"
)

// Screenable reports whether the version holds listed parties.
func (v Version) Screenable() bool { return v.Kind == "" || v.Kind == KindEntities }

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

// Presence is one version of a dataset as seen from one entity: whether
// the entity is in it and a token of its content (equal tokens, equal
// content; the raw source record is not part of it).
type Presence struct {
	Version Version
	Present bool
	Content string
}

// ErrNotFound is returned for a version or entity that does not exist.
var ErrNotFound = errors.New("not found")

// ErrNoStore is returned by a read-only Open of a store that does not
// exist: a read command must not create one.
var ErrNoStore = errors.New("no store")

// ErrSchema is returned when the store's schema is newer than this
// program knows, or older and the open is read-only.
var ErrSchema = errors.New("store schema")

// Lists is the list-versions aggregate.
type Lists interface {
	// Begin starts an atomic import. Nothing it writes is visible to
	// readers until Commit; Rollback (or a crash) leaves the store as it
	// was. A second Begin while an import runs waits for it (ctx bounds
	// the wait).
	Begin(ctx context.Context) (Tx, error)
	// Versions lists versions ordered by dataset, publication date and
	// number; all datasets when dataset is "".
	Versions(ctx context.Context, dataset string) ([]Version, error)
	// Version returns one version by its store-wide id.
	Version(ctx context.Context, id int64) (Version, error)
	// VersionBySHA finds an earlier import of byte-identical input.
	VersionBySHA(ctx context.Context, dataset, sha256 string) (Version, bool, error)
	// AsOf returns, for each dataset, the newest version published on or
	// before date (ISO); all current versions when date is "". Ties on
	// the date go to the later import.
	AsOf(ctx context.Context, date string) ([]Version, error)
	// Entities streams the entities of a version in id order.
	Entities(ctx context.Context, version int64, fn func(*entity.Entity) error) error
	// Entity returns an entity as it is in a version.
	Entity(ctx context.Context, version int64, id string) (*entity.Entity, error)
	// Docs streams the documents of a version that holds documents
	// instead of entities (KindRegimes: one JSON document per regime), in
	// id order.
	Docs(ctx context.Context, version int64, fn func(id string, data []byte) error) error
	// History returns the entity's presence in every version of its
	// dataset, in number order.
	History(ctx context.Context, id string) ([]Presence, error)
	// Diff compares two versions of the same dataset.
	Diff(ctx context.Context, from, to int64) (*Diff, error)
	// Head is a token that changes whenever a version is committed (the
	// newest version id): cheap to poll, so that a server sees imports by
	// other processes and replicas.
	Head(ctx context.Context) (int64, error)
}

// Tx is an import in progress.
type Tx interface {
	// AddVersion records a version (its Entities count is filled in by
	// Commit) and sets v.ID and v.Number.
	AddVersion(ctx context.Context, v *Version) error
	// SetPublished sets a version's publication date, which some formats
	// reveal only once the file has been read.
	SetPublished(ctx context.Context, version int64, date string) error
	// Put stores an entity as a member of a version. An entity id that is
	// already in the version is an error of type *DuplicateError.
	Put(ctx context.Context, version int64, e *entity.Entity) error
	// PutDoc stores a document (JSON) as a member of a version of a kind
	// other than KindEntities; ids are unique per version as with Put.
	// Diff compares documents by their bytes.
	PutDoc(ctx context.Context, version int64, id string, data []byte) error
	Commit() error
	Rollback() error
}

// DuplicateError is returned by Put for an entity id seen twice in one
// version: the source has two records with the same identifier.
type DuplicateError struct{ ID string }

func (e *DuplicateError) Error() string { return "duplicate entity id " + e.ID }

// Store is a whole store: every aggregate, and the locks that coordinate
// processes (and replicas) sharing it.
type Store interface {
	Lists
	// TryLock takes the named lock, held across processes and replicas
	// on one database until release is called or the process ends; ok is
	// false, without waiting, when another holds it. The downloader runs
	// under the lock "downloader", so that of several replicas one
	// fetches and the others pick up what it imports.
	TryLock(ctx context.Context, name string) (release func(), ok bool, err error)
	Close() error
}

// Options tune Open.
type Options struct {
	// ReadOnly opens for reading only: the store must exist, nothing is
	// written and the schema is not migrated.
	ReadOnly bool
	// OnWait is called when a writer has to wait for another one, with a
	// description of the holder ("pid 4242: embargo lists import ...,
	// since 14:02:11").
	OnWait func(holder string)
}

// Opener opens a store of one kind from its DSN.
type Opener func(ctx context.Context, dsn string, opt Options) (Store, error)

var (
	driversMu sync.RWMutex
	drivers   = map[string]Opener{}
)

// Register makes a store kind available to Open ("sqlite", "postgres").
func Register(kind string, open Opener) {
	driversMu.Lock()
	defer driversMu.Unlock()
	drivers[kind] = open
}

// Kind says which store a DSN names: "postgres" for postgres:// and
// postgresql:// URLs, else "sqlite" (a file path, or sqlite:PATH).
func Kind(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return "postgres"
	}
	return "sqlite"
}

// Open opens the store named by dsn with the registered implementation of
// its kind.
func Open(ctx context.Context, dsn string, opt Options) (Store, error) {
	kind := Kind(dsn)
	driversMu.RLock()
	open, ok := drivers[kind]
	driversMu.RUnlock()
	if !ok {
		driversMu.RLock()
		var have []string
		for k := range drivers {
			have = append(have, k)
		}
		driversMu.RUnlock()
		sort.Strings(have)
		return nil, fmt.Errorf("store %s: no %s store in this build (have: %s)", Redact(dsn), kind, strings.Join(have, ", "))
	}
	return open(ctx, strings.TrimPrefix(dsn, "sqlite:"), opt)
}

// Redact hides the password of a DSN for messages and logs.
func Redact(dsn string) string {
	if Kind(dsn) != "postgres" {
		return dsn
	}
	scheme, rest, _ := strings.Cut(dsn, "://")
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return dsn
	}
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return scheme + "://" + user + ":xxxxx@" + host
	}
	return dsn
}
