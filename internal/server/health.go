package server

import (
	_ "embed"
	"math"
	"net/http"
	"time"

	"github.com/embargo-screening/embargo/internal/engine"
)

//go:embed openapi.json
var openapiJSON []byte

// openapi is GET /openapi.json.
func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", itoa(len(openapiJSON)))
	h.Set("Cache-Control", "public, max-age=3600")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(openapiJSON)
	}
	return nil
}

// healthz is GET /healthz: the process answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	return s.writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok"})
}

type readyVersion struct {
	engine.VersionRef
	Imported string  `json:"imported"`
	Entities int     `json:"entities"`
	AgeDays  float64 `json:"age_days"` // since publication
}

type readyIndex struct {
	Entities     int     `json:"entities"`
	Names        int     `json:"names"`
	Tokens       int     `json:"tokens"`
	Keys         int     `json:"keys"`
	Built        string  `json:"built"`
	BuildSeconds float64 `json:"build_seconds"`
	AsOf         string  `json:"as_of,omitempty"`
}

type readyResponse struct {
	Status        string                  `json:"status"`
	Versions      []readyVersion          `json:"versions"`
	Index         readyIndex              `json:"index"`
	Updates       map[string]UpdateStatus `json:"updates"`
	UptimeSeconds float64                 `json:"uptime_seconds"`
}

// readyz is GET /readyz: 200 once an index is loaded, with the versions
// it holds, their age, the index's size and what the downloader last did
// for each dataset (a failed update keeps the server ready on the lists
// it has); 503 before.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	h := s.current()
	if h == nil {
		return errNoSnapshot
	}
	defer h.release()
	now := time.Now()
	snap := h.snap
	st := snap.Index.Stats()
	resp := readyResponse{
		Status:   "ok",
		Versions: make([]readyVersion, 0, len(snap.Versions)),
		Index: readyIndex{Entities: st.Entities, Names: st.Names, Tokens: st.Tokens, Keys: st.Keys,
			Built: snap.Built.UTC().Format(time.RFC3339), BuildSeconds: round3(snap.BuildDur.Seconds()), AsOf: snap.AsOf},
		Updates:       s.updateStatuses(),
		UptimeSeconds: round3(now.Sub(s.started).Seconds()),
	}
	for _, v := range snap.Versions {
		rv := readyVersion{VersionRef: engine.VersionRef{Dataset: v.Dataset, Version: v.ID, Published: v.Published},
			Entities: v.Entities, Imported: v.Imported.UTC().Format(time.RFC3339)}
		if p, err := time.Parse(time.DateOnly, v.Published); err == nil {
			rv.AgeDays = round3(now.Sub(p).Hours() / 24)
		}
		resp.Versions = append(resp.Versions, rv)
	}
	return s.writeJSON(w, r, http.StatusOK, &resp)
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
