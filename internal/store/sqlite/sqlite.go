// Package sqlite is the embedded store: one SQLite file through a pure Go
// driver, so the binary needs no cgo and no server.
//
// Layout: entity records are content-addressed (records), and a version
// is the list of (entity id, record) pairs it holds (members). A new
// version of a 10,000-entry list whose entries mostly did not change costs
// 10,000 small member rows and only the changed records. A record keeps
// the entity's JSON without its raw source record (data) and the raw
// record apart (raw); the diff of two versions is a join on the hash of
// data alone, so a publisher renumbering its rows is not a change.
// Records are a rowid table with a separate hash index on purpose: their
// rows run to kilobytes, and a table keyed by a random hash with rows that
// large makes every key comparison read overflow pages (measured: it
// doubled the import time).
package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/store"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

const schema = `
CREATE TABLE IF NOT EXISTS versions (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	dataset   TEXT NOT NULL,
	published TEXT NOT NULL,
	imported  TEXT NOT NULL,
	sha256    TEXT NOT NULL,
	entities  INTEGER NOT NULL DEFAULT 0,
	format    TEXT NOT NULL,
	files     TEXT NOT NULL,
	kind      TEXT NOT NULL DEFAULT 'entities',
	UNIQUE (dataset, sha256)
);
CREATE INDEX IF NOT EXISTS versions_dataset ON versions (dataset, published, id);
CREATE TABLE IF NOT EXISTS records (
	id   INTEGER PRIMARY KEY,
	hash BLOB NOT NULL UNIQUE,
	data BLOB NOT NULL,
	raw  BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
	version_id INTEGER NOT NULL REFERENCES versions (id),
	entity_id  TEXT NOT NULL,
	content    BLOB NOT NULL,
	record     INTEGER NOT NULL REFERENCES records (id),
	PRIMARY KEY (version_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS members_entity ON members (entity_id, version_id);
PRAGMA user_version = 1;
`

// Store is a versioned list store in one SQLite file.
type Store struct {
	db   *sql.DB
	path string
}

var _ store.Store = (*Store)(nil)

func init() {
	store.Register("sqlite", func(ctx context.Context, dsn string, opt store.Options) (store.Store, error) {
		return OpenWith(ctx, dsn, opt)
	})
}

// Open opens or creates the store at path for reading and writing.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, store.Options{})
}

// OpenWith opens the store at path with options.
func OpenWith(ctx context.Context, path string, opt store.Options) (*Store, error) {
	if opt.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("store %s: %w (import lists first: embargo lists import PATH)", path, store.ErrNoStore)
		}
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // writers queue at Begin instead of failing at commit
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !opt.ReadOnly {
		if _, err := db.ExecContext(ctx, schema); err != nil {
			db.Close()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		// Stores made before versions had a kind.
		var hasKind int
		db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info('versions') WHERE name = 'kind'`).Scan(&hasKind)
		if hasKind == 0 {
			if _, err := db.ExecContext(ctx, `ALTER TABLE versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'entities'`); err != nil {
				db.Close()
				return nil, fmt.Errorf("open %s: %w", path, err)
			}
		}
	}
	return &Store{db: db, path: path}, nil
}

func (s *Store) Close() error { return s.db.Close() }

const versionCols = `id, dataset, (SELECT count(*) FROM versions n WHERE n.dataset = versions.dataset AND n.id <= versions.id), published, imported, sha256, entities, format, files, kind`

func scanVersion(row interface{ Scan(...any) error }) (store.Version, error) {
	var v store.Version
	var imported, files string
	if err := row.Scan(&v.ID, &v.Dataset, &v.Number, &v.Published, &imported, &v.SHA256, &v.Entities, &v.Format, &files, &v.Kind); err != nil {
		return v, err
	}
	v.Imported, _ = time.Parse(time.RFC3339Nano, imported)
	_ = json.Unmarshal([]byte(files), &v.Files)
	return v, nil
}

func (s *Store) queryVersions(ctx context.Context, query string, args ...any) ([]store.Version, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.Version
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *Store) Versions(ctx context.Context, dataset string) ([]store.Version, error) {
	return s.queryVersions(ctx, `SELECT `+versionCols+` FROM versions WHERE ? = '' OR dataset = ? ORDER BY dataset, published, id`, dataset, dataset)
}

func (s *Store) Version(ctx context.Context, id int64) (store.Version, error) {
	v, err := scanVersion(s.db.QueryRowContext(ctx, `SELECT `+versionCols+` FROM versions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, fmt.Errorf("version %d: %w", id, store.ErrNotFound)
	}
	return v, err
}

func (s *Store) VersionBySHA(ctx context.Context, dataset, sha string) (store.Version, bool, error) {
	v, err := scanVersion(s.db.QueryRowContext(ctx, `SELECT `+versionCols+` FROM versions WHERE (? = '' OR dataset = ?) AND sha256 = ? ORDER BY id LIMIT 1`, dataset, dataset, sha))
	if errors.Is(err, sql.ErrNoRows) {
		return v, false, nil
	}
	return v, err == nil, err
}

func (s *Store) AsOf(ctx context.Context, date string) ([]store.Version, error) {
	return s.queryVersions(ctx, `SELECT `+versionCols+` FROM versions WHERE id = (
		SELECT w.id FROM versions w WHERE w.dataset = versions.dataset AND (? = '' OR w.published <= ?)
		ORDER BY w.published DESC, w.id DESC LIMIT 1) ORDER BY dataset`, date, date)
}

func (s *Store) Entities(ctx context.Context, version int64, fn func(*entity.Entity) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT r.data, r.raw FROM members m JOIN records r ON r.id = m.record WHERE m.version_id = ? ORDER BY m.entity_id`, version)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var data, raw []byte
		if err := rows.Scan(&data, &raw); err != nil {
			return err
		}
		e, err := decode(data, raw)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *Store) Entity(ctx context.Context, version int64, id string) (*entity.Entity, error) {
	var data, raw []byte
	err := s.db.QueryRowContext(ctx, `SELECT r.data, r.raw FROM members m JOIN records r ON r.id = m.record WHERE m.version_id = ? AND m.entity_id = ?`, version, id).Scan(&data, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %s in version %d: %w", id, version, store.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return decode(data, raw)
}

func (s *Store) Docs(ctx context.Context, version int64, fn func(id string, data []byte) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT m.entity_id, r.data FROM members m JOIN records r ON r.id = m.record WHERE m.version_id = ? ORDER BY m.entity_id`, version)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return err
		}
		if err := fn(id, data); err != nil {
			return err
		}
	}
	return rows.Err()
}

func decode(data, raw []byte) (*entity.Entity, error) {
	var e entity.Entity
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, fmt.Errorf("stored record is corrupt: %w", err)
	}
	e.Raw = entity.Raw(raw)
	return &e, nil
}

func (s *Store) Diff(ctx context.Context, from, to int64) (*store.Diff, error) {
	a, err := s.Version(ctx, from)
	if err != nil {
		return nil, err
	}
	b, err := s.Version(ctx, to)
	if err != nil {
		return nil, err
	}
	if a.Dataset != b.Dataset {
		return nil, fmt.Errorf("versions %d (%s) and %d (%s) are of different datasets", from, a.Dataset, to, b.Dataset)
	}
	d := &store.Diff{Dataset: a.Dataset, From: a, To: b, Added: []string{}, Removed: []string{}, Changed: []store.Change{}}
	only := `SELECT entity_id FROM members WHERE version_id = ? AND entity_id NOT IN (SELECT entity_id FROM members WHERE version_id = ?) ORDER BY entity_id`
	if d.Added, err = s.ids(ctx, only, to, from); err != nil {
		return nil, err
	}
	if d.Removed, err = s.ids(ctx, only, from, to); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.entity_id, ra.data, rb.data FROM members a
		JOIN members b ON b.version_id = ? AND b.entity_id = a.entity_id AND b.content <> a.content
		JOIN records ra ON ra.id = a.record JOIN records rb ON rb.id = b.record
		WHERE a.version_id = ? ORDER BY a.entity_id`, to, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var da, db []byte
		if err := rows.Scan(&id, &da, &db); err != nil {
			return nil, err
		}
		ea, err := decode(da, nil)
		if err != nil {
			return nil, err
		}
		eb, err := decode(db, nil)
		if err != nil {
			return nil, err
		}
		c := store.Change{ID: id, Details: entity.Compare(ea, eb)}
		for _, f := range c.Details {
			c.Fields = append(c.Fields, f.Field)
		}
		d.Changed = append(d.Changed, c)
	}
	return d, rows.Err()
}

func (s *Store) ids(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Begin starts an import transaction.
func (s *Store) Begin(ctx context.Context) (store.Tx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	t := &Tx{tx: tx, counts: map[int64]int{}}
	if t.record, err = tx.PrepareContext(ctx, `INSERT INTO records (hash, data, raw) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id`); err != nil {
		tx.Rollback()
		return nil, err
	}
	if t.recordID, err = tx.PrepareContext(ctx, `SELECT id FROM records WHERE hash = ?`); err != nil {
		tx.Rollback()
		return nil, err
	}
	if t.member, err = tx.PrepareContext(ctx, `INSERT INTO members (version_id, entity_id, content, record) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`); err != nil {
		tx.Rollback()
		return nil, err
	}
	return t, nil
}

// Tx is an import transaction.
type Tx struct {
	tx       *sql.Tx
	record   *sql.Stmt // insert a record, returning its id unless it exists
	recordID *sql.Stmt // the id of an existing record
	member   *sql.Stmt
	counts   map[int64]int
}

func (t *Tx) AddVersion(ctx context.Context, v *store.Version) error {
	files, _ := json.Marshal(v.Files)
	kind := v.Kind
	if kind == "" {
		kind = store.KindEntities
	}
	if v.Imported.IsZero() {
		v.Imported = time.Now().UTC()
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO versions (dataset, published, imported, sha256, format, files, kind) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		v.Dataset, v.Published, v.Imported.UTC().Format(time.RFC3339Nano), v.SHA256, v.Format, string(files), kind)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return fmt.Errorf("dataset %s already has a version with sha256 %s", v.Dataset, v.SHA256)
		}
		return err
	}
	if v.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	t.counts[v.ID] = 0
	return t.tx.QueryRowContext(ctx, `SELECT count(*) FROM versions WHERE dataset = ? AND id <= ?`, v.Dataset, v.ID).Scan(&v.Number)
}

func (t *Tx) SetPublished(ctx context.Context, version int64, date string) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE versions SET published = ? WHERE id = ?`, date, version)
	return err
}

func (t *Tx) Put(ctx context.Context, version int64, e *entity.Entity) error {
	bare := *e
	bare.Raw = ""
	data, err := json.Marshal(&bare)
	if err != nil {
		return fmt.Errorf("entity %s: %w", e.ID, err)
	}
	return t.put(ctx, version, e.ID, data, []byte(e.Raw))
}

func (t *Tx) PutDoc(ctx context.Context, version int64, id string, data []byte) error {
	return t.put(ctx, version, id, data, []byte{})
}

func (t *Tx) put(ctx context.Context, version int64, memberID string, data, raw []byte) error {
	content := sha256.Sum256(data)
	h := sha256.New()
	h.Write(data)
	h.Write([]byte{0})
	h.Write(raw)
	record := h.Sum(nil)
	var id int64
	err := t.record.QueryRowContext(ctx, record, data, raw).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		// Unchanged since an earlier version: share its record.
		err = t.recordID.QueryRowContext(ctx, record).Scan(&id)
	}
	if err != nil {
		return err
	}
	res, err := t.member.ExecContext(ctx, version, memberID, content[:16], id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &store.DuplicateError{ID: memberID}
	}
	t.counts[version]++
	return nil
}

func (t *Tx) Commit() error {
	for id, n := range t.counts {
		if _, err := t.tx.Exec(`UPDATE versions SET entities = ? WHERE id = ?`, n, id); err != nil {
			t.tx.Rollback()
			return err
		}
	}
	return t.tx.Commit()
}

func (t *Tx) Rollback() error { return t.tx.Rollback() }

func (s *Store) Head(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT max(id) FROM versions`).Scan(&id)
	return id.Int64, err
}

func (s *Store) History(ctx context.Context, id string) ([]store.Presence, error) {
	dataset, _, _ := strings.Cut(id, ":")
	vs, err := s.Versions(ctx, dataset)
	if err != nil {
		return nil, err
	}
	out := make([]store.Presence, 0, len(vs))
	for _, v := range vs {
		p := store.Presence{Version: v}
		var content []byte
		err := s.db.QueryRowContext(ctx, `SELECT content FROM members WHERE version_id = ? AND entity_id = ?`, v.ID, id).Scan(&content)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return nil, err
		default:
			p.Present, p.Content = true, fmt.Sprintf("%x", content)
		}
		out = append(out, p)
	}
	return out, nil
}

// TryLock takes an advisory lock on a file beside the store.
func (s *Store) TryLock(ctx context.Context, name string) (func(), bool, error) {
	f, err := os.OpenFile(s.path+".lock-"+name, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return func() { f.Close() }, true, nil
}
