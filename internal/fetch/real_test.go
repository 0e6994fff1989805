package fetch

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/sharedtest"
)

// The real publications served in place: two OFAC SDN releases in turn,
// and the UN list, which stays the same.
func TestRealPublications(t *testing.T) {
	data := sharedtest.DataDir(t)
	unPath := sharedtest.File(t, "un/consolidated-2026-02-27.xml")
	for _, d := range []string{"2019-01-15", "2021-07-07"} {
		sharedtest.File(t, "ofac/"+d+"/sdn.csv")
	}
	ctx := context.Background()
	srv := newServer(t)
	var release atomic.Value // the OFAC folder name, a date
	release.Store("2019-01-15")
	for _, name := range ofacFiles {
		srv.handle("/exports/"+name, func(w http.ResponseWriter, r *http.Request) {
			d := release.Load().(string)
			// The publisher's Last-Modified is the release date; the
			// files' own mtimes are all the same.
			mod, _ := time.Parse("2006-01-02 15:04", d+" 14:00")
			serveFile(w, r, filepath.Join(data, "ofac", d, name), `"`+d+"/"+name+`"`, mod)
		})
	}
	srv.handle("/un/consolidated.xml", func(w http.ResponseWriter, r *http.Request) {
		serveFile(w, r, unPath, `"un-2026-02-27"`, time.Time{})
	})
	var urls []string
	for _, name := range ofacFiles {
		urls = append(urls, srv.URL+"/exports/"+name)
	}
	st := openStore(t)
	var up updates
	opt := options(t, st, t.TempDir(),
		Source{Dataset: "us_ofac_sdn", URLs: urls},
		Source{Dataset: "un_sc_sanctions", URLs: []string{srv.URL + "/un/consolidated.xml"}})
	opt.OnUpdate = up.on
	u := New(opt)

	start := time.Now()
	sts, err := u.RunOnce(ctx)
	t.Logf("first pass (OFAC 2019-01-15 and UN, downloaded and imported): %s", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if c := up.take(); len(c) != 1 || !slices.Equal(c[0], []string{"us_ofac_sdn", "un_sc_sanctions"}) {
		t.Fatalf("OnUpdate calls %v", c)
	}
	check := func(dataset string, n int, published string, entities int) {
		t.Helper()
		vs := versions(t, st, dataset)
		if len(vs) != n || vs[n-1].Published != published || vs[n-1].Entities != entities {
			t.Fatalf("%s versions %+v, want %d with the newest published %s with %d entities", dataset, vs, n, published, entities)
		}
	}
	check("us_ofac_sdn", 1, "2019-01-15", 7379)
	check("un_sc_sanctions", 1, "2026-02-27", 1003)
	raw, err := os.ReadFile(unPath)
	if err != nil {
		t.Fatal(err)
	}
	if vs := versions(t, st, "un_sc_sanctions"); vs[0].SHA256 != sha256hex(raw) {
		t.Fatalf("UN sha256 %s is not the file's", vs[0].SHA256)
	}

	release.Store("2021-07-07")
	start = time.Now()
	sts, err = u.RunOnce(ctx)
	t.Logf("second pass (OFAC 2021-07-07 imported, UN 304): %s", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	check("us_ofac_sdn", 2, "2021-07-07", 8976)
	check("un_sc_sanctions", 1, "2026-02-27", 1003)
	if c := up.take(); len(c) != 1 || !slices.Equal(c[0], []string{"us_ofac_sdn"}) {
		t.Fatalf("OnUpdate calls %v", c)
	}
	if sts[0].Unchanged || !sts[1].Unchanged {
		t.Fatalf("statuses %+v", sts)
	}

	start = time.Now()
	sts, err = u.RunOnce(ctx)
	t.Logf("third pass (all 304): %s", time.Since(start).Round(time.Millisecond))
	if err != nil || !sts[0].Unchanged || !sts[1].Unchanged {
		t.Fatalf("third pass: %v %+v", err, sts)
	}
	if c := up.take(); len(c) != 0 {
		t.Fatalf("OnUpdate calls %v", c)
	}
}

// serveFile serves a file in place with the given validators.
func serveFile(w http.ResponseWriter, r *http.Request, path, etag string, mod time.Time) {
	f, err := os.Open(path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	w.Header().Set("ETag", etag)
	http.ServeContent(w, r, filepath.Base(path), mod, f)
}
