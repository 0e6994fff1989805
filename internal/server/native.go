package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
	"github.com/embargo-screening/embargo/internal/wire"
)

// Bounds of one query, beyond the name's own (match.CheckName).
const (
	maxBatch      = 1000
	maxLimit      = 1000
	maxListValues = engine.MaxListValues
)

// screenRequest is one query of POST /v1/screen and of a batch.
type screenRequest struct {
	ID          any      `json:"id,omitempty"` // the caller's reference, echoed
	Name        *string  `json:"name"`
	Schema      string   `json:"schema"`
	BirthDate   string   `json:"birth_date"`
	Countries   strList  `json:"countries"`
	Country     strList  `json:"country"` // alias of countries, as in batch files
	Identifiers strList  `json:"identifiers"`
	Identifier  strList  `json:"identifier"` // alias of identifiers
	Gender      string   `json:"gender"`
	Datasets    strList  `json:"datasets"`
	Threshold   *float64 `json:"threshold"`
	Limit       *int     `json:"limit"`
	AsOf        *string  `json:"as_of"`
}

// screenParams is a checked query with its options.
type screenParams struct {
	q    match.Query
	opt  match.Options
	asOf string
}

// defaults apply where a query leaves an option out (the batch's own).
type screenDefaults struct {
	threshold float64
	limit     int
	asOf      string
}

var nativeDefaults = screenDefaults{threshold: match.DefaultThreshold, limit: match.DefaultLimit}

// params checks a request. prefix names the query in a batch.
func (req *screenRequest) params(def screenDefaults, prefix string) (screenParams, error) {
	f := func(name string) string {
		if prefix == "" {
			return name
		}
		return prefix + "." + name
	}
	var p screenParams
	if req.ID != nil {
		switch req.ID.(type) {
		case string, json.Number:
		default:
			return p, badRequest(f("id"), "want a string or a number")
		}
	}
	if req.Name == nil {
		return p, badRequest(f("name"), "required: the name to screen")
	}
	q, err := engine.ParseQuery(engine.Input{Name: *req.Name, Schema: req.Schema, BirthDate: req.BirthDate,
		Countries: append(req.Countries, req.Country...), Identifiers: append(req.Identifiers, req.Identifier...),
		Gender: req.Gender, Datasets: req.Datasets})
	if err != nil {
		var qe *match.QueryError
		if errors.As(err, &qe) {
			return p, badRequest(f(qe.Field), "%s", qe.Msg)
		}
		return p, err
	}
	p.q = q
	p.opt = match.Options{Threshold: def.threshold, Limit: def.limit}
	if req.Threshold != nil {
		t := *req.Threshold
		if !(t >= 0 && t <= 1) {
			return p, badRequest(f("threshold"), "%v is out of range: want a score between 0 and 1", t)
		}
		p.opt.Threshold = t
	}
	if req.Limit != nil {
		if *req.Limit < 1 || *req.Limit > maxLimit {
			return p, badRequest(f("limit"), "%d is out of range: want 1 to %d", *req.Limit, maxLimit)
		}
		p.opt.Limit = *req.Limit
	}
	p.asOf = def.asOf
	if req.AsOf != nil {
		if p.asOf, err = checkAsOf(f("as_of"), *req.AsOf); err != nil {
			return p, err
		}
	}
	return p, nil
}

func checkAsOf(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", badRequest(field, "%q is not a date: want YYYY-MM-DD", s)
	}
	return s, nil
}

type screenResponse struct {
	ID        any                 `json:"id,omitempty"`
	Query     *wire.Query         `json:"query"`
	Versions  []engine.VersionRef `json:"versions"`
	AsOf      string              `json:"as_of,omitempty"`
	Threshold float64             `json:"threshold"`
	Limit     int                 `json:"limit"`
	Matches   []wire.Match        `json:"matches"`
}

// screen is POST /v1/screen.
func (s *Server) screen(w http.ResponseWriter, r *http.Request) error {
	buf, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	defer putBuf(buf)
	var req screenRequest
	if err := decodeStrict(buf.Bytes(), &req, ""); err != nil {
		return err
	}
	p, err := req.params(nativeDefaults, "")
	if err != nil {
		return err
	}
	h, err := s.snapshotFor(r, p.asOf)
	if err != nil {
		return err
	}
	rs, err := h.snap.Screen(p.q, p.opt)
	if err != nil {
		return err
	}
	ms := wire.Matches(rs)
	if err := r.Context().Err(); err != nil {
		return err
	}
	return s.writeJSON(w, r, http.StatusOK, &screenResponse{
		ID: req.ID, Query: ptr(wire.FromQuery(p.q)), Versions: h.refsJSON, AsOf: h.snap.AsOf,
		Threshold: p.opt.Threshold, Limit: p.opt.Limit, Matches: ms,
	})
}

// batchRequest is the object form of POST /v1/screen/batch; threshold,
// limit and as_of apply to the queries that leave them out.
type batchRequest struct {
	Queries   []json.RawMessage `json:"queries"`
	Threshold *float64          `json:"threshold"`
	Limit     *int              `json:"limit"`
	AsOf      *string           `json:"as_of"`
}

type batchResult struct {
	ID       any                 `json:"id,omitempty"`
	Matches  []wire.Match        `json:"matches,omitempty"`
	Versions []engine.VersionRef `json:"versions,omitempty"` // when its as_of differs from the batch's
	Error    *apiError           `json:"error,omitempty"`
}

type batchResponse struct {
	Versions []engine.VersionRef `json:"versions"`
	AsOf     string              `json:"as_of,omitempty"`
	Results  []batchResult       `json:"results"`
}

// screenBatch is POST /v1/screen/batch: up to 1,000 queries, answered in
// order; a query that cannot be screened gets an error and the rest go on.
func (s *Server) screenBatch(w http.ResponseWriter, r *http.Request) error {
	buf, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	defer putBuf(buf)
	body := bytes.TrimSpace(buf.Bytes())
	var req batchRequest
	if len(body) > 0 && body[0] == '[' {
		if err := decodeStrict(body, &req.Queries, ""); err != nil {
			return err
		}
	} else {
		if err := decodeStrict(body, &req, ""); err != nil {
			return err
		}
		if req.Queries == nil {
			return badRequest("queries", "required: an array of queries (or send the array as the body)")
		}
	}
	if len(req.Queries) > maxBatch {
		return tooLarge("queries", "%d queries: the limit is %d per batch", len(req.Queries), maxBatch)
	}
	def := nativeDefaults
	if req.Threshold != nil {
		if t := *req.Threshold; !(t >= 0 && t <= 1) {
			return badRequest("threshold", "%v is out of range: want a score between 0 and 1", t)
		}
		def.threshold = *req.Threshold
	}
	if req.Limit != nil {
		if *req.Limit < 1 || *req.Limit > maxLimit {
			return badRequest("limit", "%d is out of range: want 1 to %d", *req.Limit, maxLimit)
		}
		def.limit = *req.Limit
	}
	if req.AsOf != nil {
		if def.asOf, err = checkAsOf("as_of", *req.AsOf); err != nil {
			return err
		}
	}
	main, err := s.snapshotFor(r, def.asOf)
	if err != nil {
		return err
	}
	others := map[string]*held{}

	ctx := r.Context()
	resp := batchResponse{Versions: main.refsJSON, AsOf: main.snap.AsOf, Results: make([]batchResult, len(req.Queries))}
	for i, raw := range req.Queries {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		res := &resp.Results[i]
		prefix := "queries[" + strconv.Itoa(i) + "]"
		var q screenRequest
		if err := decodeStrict(raw, &q, prefix); err != nil {
			res.Error = toAPIError(err)
			continue
		}
		res.ID = q.ID
		p, err := q.params(def, prefix)
		if err != nil {
			res.Error = toAPIError(err)
			continue
		}
		h := main
		if p.asOf != def.asOf {
			if h = others[p.asOf]; h == nil {
				if h, err = s.snapshotFor(r, p.asOf); err != nil {
					ae := toAPIError(err)
					if ae.Status >= 500 {
						return err
					}
					res.Error = ae
					continue
				}
				others[p.asOf] = h
			}
			res.Versions = h.refsJSON
		}
		rs, err := h.snap.Screen(p.q, p.opt)
		if err != nil {
			if qe, ok := err.(*match.QueryError); ok && qe.Field == "datasets" {
				err = badRequest(prefix+".datasets", "%s", qe.Msg)
			}
			res.Error = toAPIError(err)
			continue
		}
		res.Matches = wire.Matches(rs)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.writeJSON(w, r, http.StatusOK, &resp)
}

// MarshalJSON keeps "matches" present (possibly empty) on a result that
// has no error.
func (b batchResult) MarshalJSON() ([]byte, error) {
	type plain batchResult
	if b.Error != nil {
		return json.Marshal(struct {
			ID    any       `json:"id,omitempty"`
			Error *apiError `json:"error"`
		}{b.ID, b.Error})
	}
	return json.Marshal(struct {
		ID       any                 `json:"id,omitempty"`
		Matches  []wire.Match        `json:"matches"`
		Versions []engine.VersionRef `json:"versions,omitempty"`
	}{b.ID, b.Matches, b.Versions})
}

// entityHistory is GET /v1/entities/{id}: the entity as in the newest
// version that holds it, and its history over every version of its
// dataset.
func (s *Server) entityHistory(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Store == nil {
		return errNoStore
	}
	id := r.PathValue("id")
	h, err := engine.EntityHistory(r.Context(), s.cfg.Store, id)
	if err != nil {
		return err
	}
	cur := s.current()
	return s.writeJSON(w, r, http.StatusOK, wire.FromHistory(h, cur != nil && cur.entity(id) != nil))
}

type listVersion struct {
	store.Version
	Loaded bool `json:"loaded"`
}

type listsResponse struct {
	Versions []listVersion       `json:"versions"`
	Loaded   []engine.VersionRef `json:"loaded"`
}

// lists is GET /v1/lists: every version in the store, and which of them
// the index holds.
func (s *Server) lists(w http.ResponseWriter, r *http.Request) error {
	st := s.cfg.Store
	if st == nil {
		return errNoStore
	}
	vs, err := st.Versions(r.Context(), r.URL.Query().Get("dataset"))
	if err != nil {
		return err
	}
	resp := listsResponse{Versions: make([]listVersion, len(vs)), Loaded: []engine.VersionRef{}}
	loaded := map[int64]bool{}
	if h := s.current(); h != nil {
		resp.Loaded = h.refsJSON
		for _, v := range h.snap.Versions {
			loaded[v.ID] = true
		}
	}
	for i, v := range vs {
		if v.Files == nil {
			v.Files = []string{}
		}
		resp.Versions[i] = listVersion{Version: v, Loaded: loaded[v.ID]}
	}
	return s.writeJSON(w, r, http.StatusOK, &resp)
}

// diff is GET /v1/lists/{dataset}/diff?from=&to=: from and to are version
// numbers or dates (the newest version published on or before); by
// default the two newest versions.
func (s *Server) diff(w http.ResponseWriter, r *http.Request) error {
	st := s.cfg.Store
	if st == nil {
		return errNoStore
	}
	dataset := r.PathValue("dataset")
	ctx := r.Context()
	vs, err := st.Versions(ctx, dataset)
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		return notFound("no dataset %q in the store (see /v1/lists)", dataset)
	}
	q := r.URL.Query()
	fromArg, toArg := q.Get("from"), q.Get("to")
	var from, to store.Version
	toIdx := len(vs) - 1
	if toArg != "" {
		if toIdx, err = pickVersion(vs, "to", toArg); err != nil {
			return err
		}
	}
	to = vs[toIdx]
	if fromArg != "" {
		i, err := pickVersion(vs, "from", fromArg)
		if err != nil {
			return err
		}
		from = vs[i]
	} else {
		if toIdx == 0 {
			return notFound("%s has no version before version %d (published %s): nothing to compare", dataset, to.ID, to.Published)
		}
		from = vs[toIdx-1]
	}
	d, err := st.Diff(ctx, from.ID, to.ID)
	if err != nil {
		return err
	}
	if d.From.Files == nil {
		d.From.Files = []string{}
	}
	if d.To.Files == nil {
		d.To.Files = []string{}
	}
	for i := range d.Changed {
		if d.Changed[i].Fields == nil {
			d.Changed[i].Fields = []string{}
		}
		if d.Changed[i].Details == nil {
			d.Changed[i].Details = []entity.FieldChange{}
		}
	}
	return s.writeJSON(w, r, http.StatusOK, d)
}

// pickVersion resolves a version number or a date among vs (sorted by
// publication date, then id) to an index.
func pickVersion(vs []store.Version, field, arg string) (int, error) {
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
		for i, v := range vs {
			if v.ID == id {
				return i, nil
			}
		}
		return 0, badRequest(field, "version %d is not a version of %s (see /v1/lists)", id, vs[0].Dataset)
	}
	if _, err := time.Parse(time.DateOnly, arg); err != nil {
		return 0, badRequest(field, "%q is neither a version number nor a date (YYYY-MM-DD)", arg)
	}
	found := -1
	for i := range vs {
		if vs[i].Published <= arg {
			found = i
		}
	}
	if found < 0 {
		return 0, badRequest(field, "no version of %s was published on or before %s", vs[0].Dataset, arg)
	}
	return found, nil
}

func ptr[T any](v T) *T { return &v }
