package server

import (
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the server's Prometheus metrics, in a registry of its own
// (so that several servers, as in tests, do not collide).
type metrics struct {
	reg         *prometheus.Registry
	latency     *prometheus.HistogramVec
	inflight    prometheus.Gauge
	updAttempts *prometheus.CounterVec
	updFailures *prometheus.CounterVec
}

// Latency buckets from 100µs: a screening takes tens of microseconds.
var latencyBuckets = []float64{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

func newMetrics(s *Server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "embargo_http_request_duration_seconds",
		Help:    "Time to answer HTTP requests, by route pattern and status code.",
		Buckets: latencyBuckets,
	}, []string{"route", "code"})
	m.inflight = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "embargo_http_requests_in_flight",
		Help: "HTTP requests being answered.",
	})
	m.updAttempts = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "embargo_list_update_attempts_total",
		Help: "List update attempts by dataset.",
	}, []string{"dataset"})
	m.updFailures = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "embargo_list_update_failures_total",
		Help: "Failed list update attempts by dataset.",
	}, []string{"dataset"})
	m.reg.MustRegister(m.latency, m.inflight, m.updAttempts, m.updFailures,
		&snapshotCollector{s: s},
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// routeMetrics holds a route's observer for each status code, made on the
// code's first use (so that /metrics lists only codes that happened) and
// then read without a label lookup.
type routeMetrics struct {
	vec    prometheus.ObserverVec
	byCode [600]atomic.Pointer[prometheus.Observer]
}

func (m *metrics) route(label string) *routeMetrics {
	return &routeMetrics{vec: m.latency.MustCurryWith(prometheus.Labels{"route": label})}
}

func (rm *routeMetrics) observe(code int, seconds float64) {
	if code < 100 || code >= len(rm.byCode) {
		rm.vec.WithLabelValues(strconv.Itoa(code)).Observe(seconds)
		return
	}
	p := rm.byCode[code].Load()
	if p == nil {
		o := rm.vec.WithLabelValues(strconv.Itoa(code))
		p = &o
		rm.byCode[code].Store(p)
	}
	(*p).Observe(seconds)
}

// snapshotCollector reports the current snapshot and the update status at
// scrape time, so that no series outlives a swap.
type snapshotCollector struct{ s *Server }

var (
	descReady       = prometheus.NewDesc("embargo_index_ready", "1 when an index is loaded.", nil, nil)
	descEntities    = prometheus.NewDesc("embargo_index_entities", "Entities in the index.", nil, nil)
	descNames       = prometheus.NewDesc("embargo_index_names", "Names in the index.", nil, nil)
	descTokens      = prometheus.NewDesc("embargo_index_tokens", "Distinct name tokens in the index.", nil, nil)
	descBuild       = prometheus.NewDesc("embargo_index_build_seconds", "Time it took to build the index from the store.", nil, nil)
	descBuilt       = prometheus.NewDesc("embargo_index_built_timestamp_seconds", "When the index was built (Unix time).", nil, nil)
	descPublished   = prometheus.NewDesc("embargo_list_published_timestamp_seconds", "Publication date of the loaded version of each list (Unix time).", []string{"dataset", "version"}, nil)
	descAge         = prometheus.NewDesc("embargo_list_age_seconds", "Time since the publication of the loaded version of each list.", []string{"dataset"}, nil)
	descListEnts    = prometheus.NewDesc("embargo_list_entities", "Entities in the loaded version of each list.", []string{"dataset"}, nil)
	descLastSuccess = prometheus.NewDesc("embargo_list_last_success_timestamp_seconds", "Last successful update of each list (Unix time).", []string{"dataset"}, nil)
	descLastAttempt = prometheus.NewDesc("embargo_list_last_attempt_timestamp_seconds", "Last update attempt of each list (Unix time).", []string{"dataset"}, nil)
	descStale       = prometheus.NewDesc("embargo_list_stale", "1 when a loaded list is older than its maximum age (see /readyz).", []string{"dataset"}, nil)
	descLastFailed  = prometheus.NewDesc("embargo_list_last_update_failed", "1 when the last update attempt of a list failed.", []string{"dataset"}, nil)
)

func (c *snapshotCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descReady, descEntities, descNames, descTokens, descBuild, descBuilt,
		descPublished, descAge, descListEnts, descStale, descLastSuccess, descLastAttempt, descLastFailed} {
		ch <- d
	}
}

func (c *snapshotCollector) Collect(ch chan<- prometheus.Metric) {
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	h := c.s.current()
	if h == nil {
		gauge(descReady, 0)
	} else {
		snap := h.snap
		st := snap.Index.Stats()
		gauge(descReady, 1)
		gauge(descEntities, float64(st.Entities))
		gauge(descNames, float64(st.Names))
		gauge(descTokens, float64(st.Tokens))
		gauge(descBuild, snap.BuildDur.Seconds())
		gauge(descBuilt, float64(snap.Built.UnixNano())/1e9)
		now := time.Now()
		updates := c.s.updateStatuses()
		for _, v := range snap.Versions {
			gauge(descListEnts, float64(v.Entities), v.Dataset)
			stale := 0.0
			if c.s.staleness(v, updates[v.Dataset], now) != "" {
				stale = 1
			}
			gauge(descStale, stale, v.Dataset)
			if p, err := time.Parse(time.DateOnly, v.Published); err == nil {
				gauge(descPublished, float64(p.Unix()), v.Dataset, strconv.Itoa(v.Number))
				gauge(descAge, now.Sub(p).Seconds(), v.Dataset)
			}
		}
	}
	for d, u := range c.s.updateStatuses() {
		if !u.LastSuccess.IsZero() {
			gauge(descLastSuccess, float64(u.LastSuccess.UnixNano())/1e9, d)
		}
		if !u.LastAttempt.IsZero() {
			gauge(descLastAttempt, float64(u.LastAttempt.UnixNano())/1e9, d)
		}
		failed := 0.0
		if u.LastError != "" {
			failed = 1
		}
		gauge(descLastFailed, failed, d)
	}
}
