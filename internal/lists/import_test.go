package lists

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/store"
	"github.com/embargo-screening/embargo/internal/store/sqlite"
)

// testFormat is a minimal real format: CSV rows "id,name[,program]" with a
// first line "#list".
var testFormat = source.Format{
	Name:    "test_csv",
	Dataset: "test_list",
	Sniff:   func(name string, head []byte) bool { return strings.HasPrefix(string(head), "#list\n") },
	Parse: func(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
		f := in.Files[0]
		rc, err := f.Open()
		if err != nil {
			return source.Meta{}, err
		}
		defer rc.Close()
		r := csv.NewReader(source.CheckUTF8(rc, f.Path))
		r.FieldsPerRecord = -1
		r.Comment = '#'
		for {
			rec, err := r.Read()
			if err == io.EOF {
				return source.Meta{}, nil
			}
			line, _ := r.FieldPos(0)
			if err != nil {
				var se *source.Error
				if errors.As(err, &se) {
					return source.Meta{}, se
				}
				return source.Meta{}, source.Errorf(f.Path, line, "", "%v", err)
			}
			if len(rec) < 2 || len(rec) > 3 {
				return source.Meta{}, source.Errorf(f.Path, line, "", "expected 2 or 3 columns, got %d", len(rec))
			}
			e := entity.New(in.Dataset, rec[0], entity.Person)
			e.AddName(entity.Name{Full: rec[1], Kind: entity.Primary})
			if len(rec) == 3 {
				e.Programs = strings.Split(rec[2], "|")
			}
			e.Raw = entity.Raw(strings.Join(rec, ","))
			if err := emit(e); err != nil {
				return source.Meta{}, err
			}
		}
	},
}

func setup(t *testing.T) (store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dir
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// snapshot renders everything the store holds, to check that a failed
// import changed nothing.
func snapshot(t *testing.T, st store.Store) string {
	t.Helper()
	ctx := context.Background()
	vs, err := st.Versions(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, v := range vs {
		j, _ := json.Marshal(v)
		b.Write(j)
		err := st.Entities(ctx, v.ID, func(e *entity.Entity) error {
			j, _ := json.Marshal(e)
			b.Write(j)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

var formats = []source.Format{testFormat}

func TestImportVersionsAndDiff(t *testing.T) {
	ctx := context.Background()
	st, dir := setup(t)
	v1 := write(t, dir, "2020-01-01/list.csv", "#list\n1,ALI Hassan,IRAN\n2,Bad Corp,SDGT\n3,Old Name,CUBA\n")
	res, err := Import(ctx, st, formats, []string{v1}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := res[0].Version
	data, _ := os.ReadFile(v1)
	sum := sha256.Sum256(data)
	if got.Entities != 3 || got.Published != "2020-01-01" || got.SHA256 != hex.EncodeToString(sum[:]) || got.Dataset != "test_list" {
		t.Fatalf("version = %+v", got)
	}

	// The same bytes again: recognized, nothing added.
	before := snapshot(t, st)
	res, err = Import(ctx, st, formats, []string{v1}, Options{})
	if err != nil || !res[0].Unchanged || res[0].Version.ID != got.ID {
		t.Fatalf("re-import: %+v, %v", res, err)
	}
	if snapshot(t, st) != before {
		t.Fatal("re-import of identical file changed the store")
	}

	v2 := write(t, dir, "next/list.csv", "#list\n1,ALI Hassan,IRAN|IRAN-CON-ARMS-EO\n2,Bad Corp,SDGT\n4,New Corp,RUSSIA\n")
	res, err = Import(ctx, st, formats, []string{v2}, Options{Published: "2021-07-07"})
	if err != nil {
		t.Fatal(err)
	}
	second := res[0].Version
	if second.Published != "2021-07-07" || second.Entities != 3 {
		t.Fatalf("second version = %+v", second)
	}
	d, err := st.Diff(ctx, got.ID, second.ID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Added, ",") != "test_list:4" || strings.Join(d.Removed, ",") != "test_list:3" {
		t.Fatalf("added %v removed %v", d.Added, d.Removed)
	}
	if len(d.Changed) != 1 || d.Changed[0].ID != "test_list:1" || strings.Join(d.Changed[0].Fields, ",") != "programs" ||
		strings.Join(d.Changed[0].Details[0].Added, ",") != "IRAN-CON-ARMS-EO" {
		t.Fatalf("changed = %+v", d.Changed)
	}

	// as_of picks the newest version published on or before the date.
	for date, want := range map[string]int64{"2020-06-30": got.ID, "2021-07-07": second.ID, "": second.ID} {
		vs, err := st.AsOf(ctx, date)
		if err != nil || len(vs) != 1 || vs[0].ID != want {
			t.Errorf("AsOf(%q) = %+v, %v; want version %d", date, vs, err, want)
		}
	}
	if vs, _ := st.AsOf(ctx, "2019-12-31"); len(vs) != 0 {
		t.Errorf("AsOf before any version = %+v", vs)
	}
}

// Every bad input leaves the store exactly as it was and names the place.
func TestImportIsAtomic(t *testing.T) {
	ctx := context.Background()
	st, dir := setup(t)
	good := write(t, dir, "2020-01-01/list.csv", "#list\n1,ALI Hassan\n")
	if _, err := Import(ctx, st, formats, []string{good}, Options{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, st)
	ok2 := write(t, dir, "ok/list.csv", "#list\n7,Fine Name\n")

	tests := []struct {
		name    string
		content string
		opt     Options
		want    string // in the message
	}{
		{"wrong column count", "#list\n1,A\n2,B,C,D\n", Options{}, "list.csv:3: expected 2 or 3 columns, got 4"},
		{"not utf-8", "#list\n1,A\n2,Jos\xe9\n", Options{}, "list.csv:3: invalid UTF-8 byte 0xE9"},
		{"unknown format", "hello\n", Options{}, "list.csv:1: unknown format"},
		{"duplicate id", "#list\n1,A\n1,B\n", Options{}, "duplicate entity id test_list:1"},
		{"no entities", "#list\n", Options{}, "no entities found"},
		{"bad published", "#list\n1,A\n", Options{Published: "07/07/2021"}, "not a date in the form YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := write(t, t.TempDir(), "list.csv", tt.content)
			// A good file in the same import must not land either.
			_, err := Import(ctx, st, formats, []string{ok2, bad}, tt.opt)
			var se *source.Error
			if !errors.As(err, &se) {
				t.Fatalf("want *source.Error, got %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
			if snapshot(t, st) != before {
				t.Fatal("failed import changed the store")
			}
		})
	}

	t.Run("interrupted", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("#list\n")
		for i := range 1000 {
			fmt.Fprintf(&b, "%d,Name %d\n", i, i)
		}
		big := write(t, t.TempDir(), "list.csv", b.String())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		_, err := Import(ctx, st, formats, []string{big}, Options{Progress: func(n int) {
			if n == 500 {
				cancel()
			}
		}})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("want context.Canceled, got %v", err)
		}
		if snapshot(t, st) != before {
			t.Fatal("interrupted import changed the store")
		}
	})
}
