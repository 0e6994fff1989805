package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/store"
	"github.com/embargo-screening/embargo/internal/store/sqlite"
)

// The fixtures are invented entities: no row comes from a real list.

func person(dataset, id, name string, aliases []string, dob, nationality string) *entity.Entity {
	e := entity.New(dataset, id, entity.Person)
	e.AddName(entity.Name{Full: name, Kind: entity.Primary})
	for _, a := range aliases {
		e.AddName(entity.Name{Full: a, Kind: entity.Alias})
	}
	if dob != "" {
		d, _ := entity.ParseDate(dob)
		e.AddBirthDate(d)
	}
	if nationality != "" {
		e.Nationalities = []string{nationality}
	}
	e.Programs = []string{"TEST-PROGRAM"}
	e.Authority = "Test Authority"
	return e
}

func org(dataset, id, name string, schema entity.Schema, country string) *entity.Entity {
	e := entity.New(dataset, id, schema)
	e.AddName(entity.Name{Full: name, Kind: entity.Primary})
	if country != "" {
		e.Countries = []string{country}
	}
	e.Programs = []string{"TEST-PROGRAM"}
	return e
}

// fixtureVersions are the invented list versions: two of us_ofac_sdn (an
// entity changed, one removed, one added between them), one each of
// un_sc_sanctions and gb_fcdo_sanctions.
func fixtureVersions() []struct {
	dataset, published string
	ents               []*entity.Entity
} {
	grammit := func(v2 bool) *entity.Entity {
		e := person("us_ofac_sdn", "9001", "Vorlan Teskovich GRAMMIT", []string{"Worlan Grammitt"}, "1961-03-14", "BY")
		e.Gender = "male"
		e.AddIdentifier(entity.Identifier{Type: entity.IDPassport, Number: "KX4419023", Country: "BY"})
		e.Raw = `<entry id="9001"/>`
		if v2 {
			e.AddName(entity.Name{Full: "Vorlan GRAMMIT", Kind: entity.Alias})
			e.Remarks = []string{"Invented test entry."}
		}
		return e
	}
	kestrel := org("us_ofac_sdn", "9002", "Kestrel Maritime Holdings LLC", entity.Organization, "AE")
	kestrel.AddIdentifier(entity.Identifier{Type: entity.IDRegistration, Number: "RX-55120"})
	vessel := org("us_ofac_sdn", "9003", "SILENT ALBATROSS", entity.Vessel, "")
	vessel.AddIdentifier(entity.Identifier{Type: entity.IDIMO, Number: "9999991"})
	vessel.Vessel = &entity.VesselInfo{Flag: "PA", Type: "Crude Oil Tanker", BuildYear: "1999"}
	quintero := person("us_ofac_sdn", "9004", "Odalys Ferreira QUINTERO MALVAR", nil, "1975", "VE")
	brisk := person("us_ofac_sdn", "9005", "Teodor Aslanovich BRISKEVICH", nil, "1980-07-22", "RU")
	zuwayri := person("un_sc_sanctions", "QDi.901", "Haddad Abd al-Rahim ZUWAYRI", []string{"Abu Haddad al-Tamimi"}, "1970", "JO")
	pelican := org("un_sc_sanctions", "IRe.901", "Pelican Crescent Trading Company", entity.Organization, "IR")
	// The person of yente's documented /match example, as an invented
	// record, so that the documented request finds someone.
	rot := person("gb_fcdo_sanctions", "TST0001", "Arkadii Romanovich ROTENBERG", []string{"Ротенберг Аркадий Романович"}, "1951-12-15", "RU")
	return []struct {
		dataset, published string
		ents               []*entity.Entity
	}{
		{"us_ofac_sdn", "2024-01-10", []*entity.Entity{grammit(false), kestrel, vessel, quintero}},
		{"us_ofac_sdn", "2024-06-01", []*entity.Entity{grammit(true), kestrel, vessel, brisk}},
		{"un_sc_sanctions", "2024-03-05", []*entity.Entity{zuwayri, pelican}},
		{"gb_fcdo_sanctions", "2024-04-01", []*entity.Entity{rot}},
	}
}

// newStore opens a SQLite store in a temporary folder and imports the
// fixture versions.
func newStore(t testing.TB) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "embargo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i, fv := range fixtureVersions() {
		tx, err := st.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		v := &store.Version{Dataset: fv.dataset, Published: fv.published, SHA256: strings.Repeat("0", 63) + string(rune('a'+i)),
			Format: "test", Files: []string{fv.dataset + ".test"}, Imported: time.Date(2024, 7, 1, 12, 0, i, 0, time.UTC)}
		if err := tx.AddVersion(ctx, v); err != nil {
			t.Fatal(err)
		}
		for _, e := range fv.ents {
			if err := tx.Put(ctx, v.ID, e); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

type fixture struct {
	st   *sqlite.Store
	srv  *Server
	snap *engine.Snapshot
	logs *bytes.Buffer
}

func newFixture(t testing.TB, mod ...func(*Config)) *fixture {
	t.Helper()
	st := newStore(t)
	snap, err := engine.Load(context.Background(), st, "")
	if err != nil {
		t.Fatal(err)
	}
	logs := &bytes.Buffer{}
	cfg := Config{Store: st, Logger: slog.New(slog.NewTextHandler(&lockedWriter{w: logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	for _, m := range mod {
		m(&cfg)
	}
	return &fixture{st: st, srv: New(cfg, snap), snap: snap, logs: logs}
}

// lockedWriter serializes writes from concurrent requests.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// do sends a request through the handler and returns the recorder.
func do(t testing.TB, h http.Handler, method, target string, body any, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, target, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// decode parses a JSON answer into a generic value.
func decode(t testing.TB, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("answer is not a JSON object (%v): %s", err, rec.Body.String())
	}
	return v
}

// path walks a decoded JSON value: keys and array indexes ("results", 0).
func path(v any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// wantError checks an error answer: status, code and a message fragment.
func wantError(t testing.TB, rec *httptest.ResponseRecorder, status int, code, fragment string) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d: %s", rec.Code, status, rec.Body.String())
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	v := decode(t, rec)
	if got := path(v, "error", "code"); got != code {
		t.Errorf("code %v, want %s: %s", got, code, rec.Body.String())
	}
	msg, _ := path(v, "error", "message").(string)
	if !strings.Contains(msg, fragment) {
		t.Errorf("message %q lacks %q", msg, fragment)
	}
	if path(v, "detail") != msg {
		t.Errorf("detail %v differs from message %q", path(v, "detail"), msg)
	}
}

func mustLoad(t testing.TB, st store.Store, asOf string) *engine.Snapshot {
	t.Helper()
	snap, err := engine.Load(context.Background(), st, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
