// Package server is the HTTP service that `embargo serve` runs.
//
// Routes (GET /openapi.json describes them all, OpenAPI 3.1):
//
//	POST /v1/screen                 one query: {"name", "schema", "birth_date", "countries", "identifiers",
//	                                "gender", "datasets", "threshold", "limit", "as_of", "id"}
//	POST /v1/screen/batch           {"queries": [...]} or a bare array, up to 1,000, answered in order
//	GET  /v1/entities/{id}          the entity and its history over the versions of its dataset
//	GET  /v1/lists                  the versions in the store and which the index holds
//	GET  /v1/lists/{dataset}/diff   ?from=&to= (version numbers or dates; default the two newest)
//	POST /match/{dataset}           yente's query-by-example matching
//	GET  /search/{dataset}          yente's search
//	GET  /entities/{id}             yente's entity
//	GET  /catalog, /algorithms      yente's catalog and algorithm list
//	GET|POST /reconcile/{dataset}   W3C reconciliation 0.2 (manifest, or queries=)
//	GET  /healthz, /readyz, /metrics
//
// The yente routes answer in the shapes of OpenSanctions' yente server so
// that its clients work unchanged; the dataset "default" (and "sanctions")
// means every loaded dataset. Every error is JSON: {"error": {"code",
// "message", "field"}, "detail"}.
//
// The server answers from an engine (package engine), which owns the
// current snapshot, its swap when the store gains a version and the
// snapshots of past dates; queries in flight finish on the snapshot they
// started with.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/store"
)

// Config tunes a server. Zero values take the defaults.
type Config struct {
	// Engine is the screening service; when nil, New makes one over
	// Store (which may be nil: then only snapshots given to Swap serve).
	Engine *engine.Engine
	// Store answers entity histories, list versions, diffs and as_of
	// screenings. Routes that need it answer 503 when it is nil.
	Store  store.Store
	Logger *slog.Logger
	// MaxBodyBytes bounds a request body (default 1 MiB).
	MaxBodyBytes int64
	// Timeouts of the http.Server (defaults 5s, 10s, 60s). ReadTimeout
	// also bounds the request headers (ReadHeaderTimeout).
	ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// RequestTimeout is each handler's deadline (default 5s).
	RequestTimeout time.Duration
	// MaxAge is the oldest a dataset's publication may be before
	// /readyz reports it stale (0: no limit), by dataset; "*" applies to
	// the datasets not named.
	MaxAge map[string]time.Duration
	// Online says the server fetches the lists (readiness reports it).
	Online bool
}

const (
	defaultMaxBody        = 1 << 20
	defaultReadTimeout    = 5 * time.Second
	defaultWriteTimeout   = 10 * time.Second
	defaultIdleTimeout    = 60 * time.Second
	defaultRequestTimeout = 5 * time.Second
	shutdownGrace         = 10 * time.Second
)

// UpdateStatus is what the list downloader last did for a dataset.
type UpdateStatus struct {
	LastAttempt time.Time `json:"last_attempt"`
	LastSuccess time.Time `json:"last_success"`
	LastError   string    `json:"last_error,omitempty"`
	URL         string    `json:"url,omitempty"`
}

// Server is the HTTP service.
type Server struct {
	cfg     Config
	log     *slog.Logger
	eng     *engine.Engine
	mux     *http.ServeMux
	metrics *metrics
	started time.Time

	updMu   sync.Mutex
	updates map[string]UpdateStatus
}

// New returns a server answering from snap, which may be nil: the server
// then answers 503 to screening until Swap gives it one.
func New(cfg Config, snap *engine.Snapshot) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = defaultMaxBody
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = defaultReadTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = defaultWriteTimeout
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = defaultIdleTimeout
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = defaultRequestTimeout
	}
	s := &Server{
		cfg:     cfg,
		log:     cfg.Logger,
		mux:     http.NewServeMux(),
		started: time.Now(),
		updates: map[string]UpdateStatus{},
	}
	s.eng = cfg.Engine
	if s.eng == nil {
		s.eng = engine.New(cfg.Store, engine.Options{Logger: cfg.Logger})
	}
	if cfg.Store == nil && cfg.Engine != nil {
		s.cfg.Store = cfg.Engine.Store()
	}
	s.metrics = newMetrics(s)
	if snap != nil {
		s.eng.Swap(snap)
	}
	s.routes()
	return s
}

// Swap makes snap the snapshot new requests use (through the engine).
// Requests in flight finish on the snapshot they started with.
func (s *Server) Swap(snap *engine.Snapshot) { s.eng.Swap(snap) }

// Snapshot returns the current snapshot (nil before the first).
func (s *Server) Snapshot() *engine.Snapshot { return s.eng.Current() }

// Engine is the engine the server answers from.
func (s *Server) Engine() *engine.Engine { return s.eng }

// SetUpdateStatus records what the downloader did for a dataset; /readyz
// and /metrics report it. Call it once per attempt, after the attempt:
// each call counts an attempt, and a failure when LastError is set.
func (s *Server) SetUpdateStatus(dataset string, st UpdateStatus) {
	s.updMu.Lock()
	s.updates[dataset] = st
	s.updMu.Unlock()
	s.metrics.updAttempts.WithLabelValues(dataset).Inc()
	if st.LastError != "" {
		s.metrics.updFailures.WithLabelValues(dataset).Inc()
	}
}

func (s *Server) updateStatuses() map[string]UpdateStatus {
	s.updMu.Lock()
	defer s.updMu.Unlock()
	out := make(map[string]UpdateStatus, len(s.updates))
	for k, v := range s.updates {
		out[k] = v
	}
	return out
}

// Handler returns the HTTP handler serving every route.
func (s *Server) Handler() http.Handler { return s.mux }

// HTTPServer returns an http.Server for addr with the configured
// timeouts, for callers that manage listening themselves.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.mux,
		ReadHeaderTimeout: s.cfg.ReadTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// ListenAndServe serves on addr until ctx is done, then shuts down
// gracefully: it stops accepting, lets requests in flight finish for up to
// 10 seconds, and returns nil.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve is ListenAndServe on a listener (it closes ln).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer(ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if e := <-errc; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	s.log.Info("stopped", "addr", ln.Addr().String())
	return err
}

// handlerFunc is a route's handler: it writes a success itself and
// returns the error to answer otherwise.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) routes() {
	s.handle("POST /v1/screen", s.screen)
	s.handle("POST /v1/screen/batch", s.screenBatch)
	s.handle("GET /v1/entities/{id}", s.entityHistory)
	s.handle("GET /v1/lists", s.lists)
	s.handle("GET /v1/lists/{dataset}/diff", s.diff)

	s.handle("POST /match/{dataset}", s.yenteMatch)
	s.handle("GET /search/{dataset}", s.yenteSearch)
	s.handle("GET /entities/{id}", s.yenteEntity)
	s.handle("GET /catalog", s.catalog)
	s.handle("GET /algorithms", s.algorithms)
	s.handle("GET /reconcile/{dataset}", s.reconcile)
	s.handle("POST /reconcile/{dataset}", s.reconcile)

	s.handle("GET /openapi.json", s.openapi)
	s.handle("GET /healthz", s.healthz)
	s.handle("GET /readyz", s.readyz)
	prom := promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)})
	s.handle("GET /metrics", func(w http.ResponseWriter, r *http.Request) error {
		prom.ServeHTTP(w, r)
		return nil
	})
	s.handleAs("/", "unmatched", s.unmatched)
}

func (s *Server) handle(pattern string, h handlerFunc) { s.handleAs(pattern, pattern, h) }

func (s *Server) handleAs(pattern, label string, h handlerFunc) {
	s.mux.Handle(pattern, &route{s: s, label: label, h: h, m: s.metrics.route(label)})
}

// route wraps a handler with what every request gets: the deadline, panic
// recovery, the status and latency metrics and the request log.
type route struct {
	s     *Server
	label string
	h     handlerFunc
	m     *routeMetrics
}

func (rt *route) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s := rt.s
	start := time.Now()
	s.metrics.inflight.Inc()
	sw := getStatusWriter(w)
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
	r = r.WithContext(ctx)
	defer func() {
		p := recover()
		if p != nil && p != http.ErrAbortHandler {
			s.log.Error("panic in handler", "route", rt.label, "path", r.URL.Path,
				"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if !sw.wrote {
				s.writeError(sw, r, &apiError{Status: http.StatusInternalServerError, Code: codeInternal, Message: "internal error: the server failed to answer this request (logged)"})
			}
		}
		cancel()
		code := sw.status()
		d := time.Since(start)
		rt.m.observe(code, d.Seconds())
		s.metrics.inflight.Dec()
		if s.log.Enabled(ctx, slog.LevelDebug) {
			s.log.LogAttrs(ctx, slog.LevelDebug, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.String("route", rt.label), slog.Int("status", code),
				slog.Duration("duration", d), slog.String("remote", r.RemoteAddr))
		}
		putStatusWriter(sw)
		if p == http.ErrAbortHandler {
			panic(p)
		}
	}()
	if err := rt.h(sw, r); err != nil {
		s.fail(sw, r, err)
	}
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
}

var statusWriters = sync.Pool{New: func() any { return new(statusWriter) }}

func getStatusWriter(w http.ResponseWriter) *statusWriter {
	sw := statusWriters.Get().(*statusWriter)
	sw.ResponseWriter, sw.code, sw.wrote = w, 0, false
	return sw
}

func putStatusWriter(sw *statusWriter) {
	sw.ResponseWriter = nil
	statusWriters.Put(sw)
}

func (sw *statusWriter) WriteHeader(code int) {
	if !sw.wrote {
		sw.code, sw.wrote = code, true
	}
	sw.ResponseWriter.WriteHeader(code)
}

func (sw *statusWriter) Write(b []byte) (int, error) {
	if !sw.wrote {
		sw.code, sw.wrote = http.StatusOK, true
	}
	return sw.ResponseWriter.Write(b)
}

func (sw *statusWriter) Flush() {
	if f, ok := sw.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (sw *statusWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }

func (sw *statusWriter) status() int {
	if !sw.wrote {
		return http.StatusOK
	}
	return sw.code
}

// unmatched answers requests no route takes: 405 with Allow when the path
// exists for other methods, else 404.
func (s *Server) unmatched(w http.ResponseWriter, r *http.Request) error {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pat := s.mux.Handler(probe); pat != "/" && pat != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		if slices.Contains(allow, http.MethodGet) {
			allow = append(allow, http.MethodHead)
		}
		sort.Strings(allow)
		w.Header().Set("Allow", joinComma(allow))
		return &apiError{Status: http.StatusMethodNotAllowed, Code: codeMethod,
			Message: fmt.Sprintf("method %s is not allowed on %s: use %s", r.Method, r.URL.Path, joinComma(allow))}
	}
	return &apiError{Status: http.StatusNotFound, Code: codeNotFound,
		Message: fmt.Sprintf("no route %s %s (see /openapi.json)", r.Method, r.URL.Path)}
}

func joinComma(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out
}

// held is a snapshot as the handlers use it: the snapshot and its
// version references as answers name them.
type held struct {
	snap     *engine.Snapshot
	refsJSON []engine.VersionRef
}

func newHeld(snap *engine.Snapshot) *held { return &held{snap: snap, refsJSON: snap.Refs()} }

// current returns the current snapshot, or nil when there is none.
func (s *Server) current() *held {
	if snap := s.eng.Current(); snap != nil {
		return newHeld(snap)
	}
	return nil
}

// dataset returns the version of a dataset the snapshot holds.
func (h *held) dataset(name string) (store.Version, bool) { return h.snap.Dataset(name) }

// dsNames lists the snapshot's datasets, sorted.
func (h *held) dsNames() []string { return h.snap.Datasets() }

// entity finds an indexed entity by id.
func (h *held) entity(id string) *entity.Entity { return h.snap.Entity(id) }

// versionLabel is a dataset version as yente's catalog names versions.
func versionLabel(v store.Version) string {
	if v.ID == 0 {
		return "unversioned"
	}
	p := v.Published
	out := make([]byte, 0, len(p)+8)
	for i := 0; i < len(p); i++ {
		if p[i] != '-' {
			out = append(out, p[i])
		}
	}
	out = append(out, '-')
	out = strconv.AppendInt(out, v.ID, 10)
	return string(out)
}
