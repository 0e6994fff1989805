package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/store"
)

func rowCounts(t *testing.T, s *Store) [3]int {
	t.Helper()
	var n [3]int
	for i, table := range []string{"versions", "records", "members"} {
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n[i]); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

func person(id, name string) *entity.Entity {
	e := entity.New("ds", id, entity.Person)
	e.AddName(entity.Name{Full: name, Kind: entity.Primary})
	return e
}

func TestRollbackLeavesNoRows(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, _ := s.Begin(ctx)
	v := &store.Version{Dataset: "ds", Published: "2020-01-01", SHA256: "a", Format: "f"}
	if err := tx.AddVersion(ctx, v); err != nil {
		t.Fatal(err)
	}
	if err := tx.Put(ctx, v.ID, person("1", "A")); err != nil {
		t.Fatal(err)
	}
	var dup *store.DuplicateError
	if err := tx.Put(ctx, v.ID, person("1", "B")); !errors.As(err, &dup) {
		t.Fatalf("second Put of the same id: %v, want DuplicateError", err)
	}
	tx.Rollback()
	if n := rowCounts(t, s); n != [3]int{} {
		t.Fatalf("rows after rollback: %v", n)
	}
}

// An unchanged entity in a new version shares its record with the old one.
func TestRecordsAreShared(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, names := range [][]string{{"A", "B"}, {"A", "C"}} {
		tx, _ := s.Begin(ctx)
		v := &store.Version{Dataset: "ds", Published: "2020-01-0" + string(rune('1'+i)), SHA256: names[1], Format: "f"}
		if err := tx.AddVersion(ctx, v); err != nil {
			t.Fatal(err)
		}
		for j, n := range names {
			if err := tx.Put(ctx, v.ID, person(string(rune('1'+j)), n)); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if n := rowCounts(t, s); n != [3]int{2, 3, 4} {
		t.Fatalf("versions, records, members = %v, want [2 3 4]", n)
	}
	vs, _ := s.Versions(ctx, "ds")
	if vs[0].Entities != 2 || vs[1].Entities != 2 {
		t.Fatalf("entity counts %d, %d", vs[0].Entities, vs[1].Entities)
	}
	d, err := s.Diff(ctx, vs[0].ID, vs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Added)+len(d.Removed) != 0 || len(d.Changed) != 1 || d.Changed[0].Fields[0] != "names" {
		t.Fatalf("diff = %+v", d)
	}
}

func TestDocsRoundTripWithKind(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := &store.Version{Dataset: "embargo_regimes", Published: "2026-12-01", SHA256: "r1", Format: "yaml", Kind: store.KindRegimes}
	if err := tx.AddVersion(ctx, v); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"un-iran", "un-dprk"} {
		if err := tx.PutDoc(ctx, v.ID, id, []byte(`{"id":"`+id+`"}`)); err != nil {
			t.Fatal(err)
		}
	}
	var dup *store.DuplicateError
	if err := tx.PutDoc(ctx, v.ID, "un-iran", []byte(`{}`)); !errors.As(err, &dup) {
		t.Fatalf("second un-iran: %v, want a DuplicateError", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := s.Version(ctx, v.ID)
	if err != nil || got.Kind != store.KindRegimes || got.Entities != 2 {
		t.Fatalf("version = %+v, %v; want kind regimes with 2 members", got, err)
	}
	var ids []string
	err = s.Docs(ctx, v.ID, func(id string, data []byte) error {
		if string(data) != `{"id":"`+id+`"}` {
			t.Errorf("doc %s = %s", id, data)
		}
		ids = append(ids, id)
		return nil
	})
	if err != nil || len(ids) != 2 || ids[0] != "un-dprk" {
		t.Fatalf("docs = %v, %v; want [un-dprk un-iran]", ids, err)
	}
}
