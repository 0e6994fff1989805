package server

import (
	_ "embed"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/store"
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
	// Stale is set when the list is older than the configured maximum
	// age, with the reason.
	Stale       bool   `json:"stale"`
	StaleReason string `json:"stale_reason,omitempty"`
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
	// Status is "ok", or "stale" when a list is older than its maximum
	// age: the server still answers, from data that may miss recent
	// designations.
	Status        string                  `json:"status"`
	Online        bool                    `json:"online"`
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
	now := time.Now()
	updates := s.updateStatuses()
	snap := h.snap
	st := snap.Index.Stats()
	resp := readyResponse{
		Status:   "ok",
		Versions: make([]readyVersion, 0, len(snap.Versions)),
		Index: readyIndex{Entities: st.Entities, Names: st.Names, Tokens: st.Tokens, Keys: st.Keys,
			Built: snap.Built.UTC().Format(time.RFC3339), BuildSeconds: round3(snap.BuildDur.Seconds()), AsOf: snap.AsOf},
		Online:        s.cfg.Online,
		Updates:       updates,
		UptimeSeconds: round3(now.Sub(s.started).Seconds()),
	}
	for _, v := range snap.Versions {
		rv := readyVersion{VersionRef: engine.Ref(v),
			Entities: v.Entities, Imported: v.Imported.UTC().Format(time.RFC3339)}
		if p, err := time.Parse(time.DateOnly, v.Published); err == nil {
			rv.AgeDays = round3(now.Sub(p).Hours() / 24)
		}
		rv.StaleReason = s.staleness(v, updates[v.Dataset], now)
		if rv.Stale = rv.StaleReason != ""; rv.Stale {
			resp.Status = "stale"
		}
		resp.Versions = append(resp.Versions, rv)
	}
	return s.writeJSON(w, r, http.StatusOK, &resp)
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// staleness says why a loaded list is too old to trust without a look, or
// "". Online, a list is fresh while the downloader checks it successfully
// (an unchanged list stays fresh whatever its publication date); stale
// when the last success is older than the maximum age, or when it never
// succeeded and the publication is that old. Offline, the publication date
// alone decides.
func (s *Server) staleness(v store.Version, u UpdateStatus, now time.Time) string {
	limit, ok := s.cfg.MaxAge[v.Dataset]
	if !ok {
		limit = s.cfg.MaxAge["*"]
	}
	if limit <= 0 {
		return ""
	}
	days := func(d time.Duration) string { return strconv.FormatFloat(d.Hours()/24, 'f', 1, 64) + " days" }
	if s.cfg.Online && !u.LastSuccess.IsZero() {
		if age := now.Sub(u.LastSuccess); age > limit {
			return "last successful update " + days(age) + " ago, over the maximum age of " + days(limit) + lastError(u)
		}
		return ""
	}
	p, err := time.Parse(time.DateOnly, v.Published)
	if err != nil {
		return ""
	}
	if age := now.Sub(p); age > limit {
		why := "published " + days(age) + " ago, over the maximum age of " + days(limit)
		if s.cfg.Online {
			why += "; no successful update yet" + lastError(u)
		} else {
			why += " (offline: no updates are fetched)"
		}
		return why
	}
	return ""
}

func lastError(u UpdateStatus) string {
	if u.LastError == "" {
		return ""
	}
	return "; last error: " + u.LastError
}
