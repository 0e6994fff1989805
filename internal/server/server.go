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
// The server holds the current snapshot (index and list versions) behind
// an atomic pointer. Swap replaces it; queries in flight finish on the
// snapshot they started with, and the old index's scratch memory is
// released (match.Index.Release) once the last of them is done, never
// before: callers must not Release an index they gave the server.
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
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
)

// Config tunes a server. Zero values take the defaults.
type Config struct {
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
	// AsOfBuildTimeout bounds building an index for an as_of date
	// (default 2m); requests wait for it at most RequestTimeout, and a
	// build that outlives them still lands in the cache.
	AsOfBuildTimeout time.Duration
}

const (
	defaultMaxBody        = 1 << 20
	defaultReadTimeout    = 5 * time.Second
	defaultWriteTimeout   = 10 * time.Second
	defaultIdleTimeout    = 60 * time.Second
	defaultRequestTimeout = 5 * time.Second
	defaultAsOfBuild      = 2 * time.Minute
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
	cur     atomic.Pointer[held]
	asOf    *asOfCache
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
	if cfg.AsOfBuildTimeout <= 0 {
		cfg.AsOfBuildTimeout = defaultAsOfBuild
	}
	s := &Server{
		cfg:     cfg,
		log:     cfg.Logger,
		mux:     http.NewServeMux(),
		started: time.Now(),
		updates: map[string]UpdateStatus{},
	}
	s.asOf = newAsOfCache(s, asOfCacheSize)
	s.metrics = newMetrics(s)
	if snap != nil {
		s.cur.Store(newHeld(snap))
	}
	s.routes()
	return s
}

// Swap makes snap the snapshot new requests use. Requests in flight finish
// on the snapshot they started with; the old index's scratch memory is
// released when the last of them is done. Snapshots built for as_of dates
// are dropped, since the lists changed.
func (s *Server) Swap(snap *engine.Snapshot) {
	if cur := s.cur.Load(); cur != nil && snap != nil && cur.snap == snap {
		return // already current
	}
	var h *held
	if snap != nil {
		h = newHeld(snap)
	}
	old := s.cur.Swap(h)
	s.asOf.clear()
	if old != nil {
		old.release()
	}
	if snap != nil {
		st := snap.Index.Stats()
		s.log.Debug("index swapped", "entities", st.Entities, "names", st.Names,
			"versions", len(snap.Versions), "build", snap.BuildDur.Round(time.Millisecond))
	}
}

// Snapshot returns the current snapshot (nil before the first). The
// caller must not Release its index.
func (s *Server) Snapshot() *engine.Snapshot {
	if h := s.cur.Load(); h != nil {
		return h.snap
	}
	return nil
}

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

// held is a snapshot in use, counted so that its index's scratch memory is
// released only when no request uses it any more.
type held struct {
	snap *engine.Snapshot
	// refs counts the server's (or the as_of cache's) reference and one
	// per request using the snapshot; at zero the index is released and
	// the snapshot can no longer be acquired.
	refs atomic.Int64

	refsJSON  []engine.VersionRef
	datasets  map[string]store.Version // loaded version by dataset
	dsNames   []string                 // sorted
	entOnce   sync.Once
	entByID   map[string]*entity.Entity
	entSorted bool
}

func newHeld(snap *engine.Snapshot) *held {
	h := &held{snap: snap, refsJSON: snap.Refs(), datasets: make(map[string]store.Version, len(snap.Versions))}
	for _, v := range snap.Versions {
		h.datasets[v.Dataset] = v
		h.dsNames = append(h.dsNames, v.Dataset)
	}
	// Datasets that only appear in entities (snapshots built in memory).
	for _, e := range snap.Index.Entities() {
		if _, ok := h.datasets[e.Dataset]; !ok {
			h.datasets[e.Dataset] = store.Version{Dataset: e.Dataset}
			h.dsNames = append(h.dsNames, e.Dataset)
		}
	}
	sort.Strings(h.dsNames)
	h.refs.Store(1)
	indexUsers.Lock()
	indexUsers.n[snap.Index]++
	indexUsers.Unlock()
	return h
}

// indexUsers counts the live helds of each index: one index may be held
// twice (swapped out, then in again while an old request still runs), and
// its scratch memory may go only when the last of them is done.
var indexUsers = struct {
	sync.Mutex
	n map[*match.Index]int
}{n: map[*match.Index]int{}}

// tryAcquire takes a reference unless the snapshot has been released.
func (h *held) tryAcquire() bool {
	for {
		n := h.refs.Load()
		if n <= 0 {
			return false
		}
		if h.refs.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

func (h *held) release() {
	if h.refs.Add(-1) != 0 {
		return
	}
	ix := h.snap.Index
	indexUsers.Lock()
	indexUsers.n[ix]--
	last := indexUsers.n[ix] <= 0
	if last {
		delete(indexUsers.n, ix)
	}
	indexUsers.Unlock()
	if last {
		// No request uses the index any more: its scratch pool can go
		// (match.Index.Release must not run while a search is in flight).
		ix.Release()
	}
}

// current acquires the current snapshot, or returns nil when there is none.
func (s *Server) current() *held {
	for {
		h := s.cur.Load()
		if h == nil {
			return nil
		}
		if h.tryAcquire() {
			return h
		}
		// Swapped out and released between the load and the acquire:
		// the pointer holds its successor now.
	}
}

// entity finds an indexed entity by id.
func (h *held) entity(id string) *entity.Entity {
	ents := h.snap.Index.Entities()
	h.entOnce.Do(func() {
		h.entSorted = sort.SliceIsSorted(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
		if !h.entSorted {
			h.entByID = make(map[string]*entity.Entity, len(ents))
			for _, e := range ents {
				if _, ok := h.entByID[e.ID]; !ok {
					h.entByID[e.ID] = e
				}
			}
		}
	})
	if !h.entSorted {
		return h.entByID[id]
	}
	i := sort.Search(len(ents), func(i int) bool { return ents[i].ID >= id })
	if i < len(ents) && ents[i].ID == id {
		return ents[i]
	}
	return nil
}

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
