package server

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
)

// The yente-compatible API: the routes, parameters and JSON shapes of
// OpenSanctions' yente server, answered by embargo's matcher.

const (
	algorithmName = "embargo-v1"
	// yente's defaults where embargo has no calibrated value of its own;
	// the threshold is embargo's (measured at a 1% alert rate).
	yenteMatchLimit    = 5
	yenteMaxMatches    = 500
	yenteCutoff        = 0.5
	yenteSearchLimit   = 10
	yenteMaxPage       = 500
	yenteMaxOffset     = 9499
	yenteMaxBatch      = 1000
	yenteMaxNames      = 20 // names tried per query
	yenteMaxBirthDates = 3  // birth dates tried per query
)

// yente algorithm names, all answered by embargo's one algorithm so that
// clients that pin one keep working.
var algorithmAliases = map[string]bool{
	algorithmName: true, "best": true, "default": true,
	"logic-v1": true, "logic-v2": true, "regression-v1": true, "regression-v2": true,
	"regression-v3": true, "name-based": true, "name-qualified": true,
}

// collections are yente dataset names that mean every loaded dataset.
var collections = map[string]bool{"default": true, "sanctions": true}

// resolveDataset maps a yente dataset (a collection or one dataset) to the
// datasets to screen (nil: all), or 404.
func (h *held) resolveDataset(name string) ([]string, error) {
	if collections[name] {
		return nil, nil
	}
	if _, ok := h.dataset(name); ok {
		return []string{name}, nil
	}
	return nil, notFound("no dataset %q: this server has %s, and the collection default (all of them)", name, strings.Join(h.dsNames(), ", "))
}

// datasetFilter narrows the datasets of the path by include_dataset and
// exclude_dataset parameters. nil means all.
func (h *held) datasetFilter(path string, q url.Values) ([]string, error) {
	ds, err := h.resolveDataset(path)
	if err != nil {
		return nil, err
	}
	inc := q["include_dataset"]
	inc = append(inc, q["datasets"]...)
	for _, d := range inc {
		if _, ok := h.dataset(d); !ok {
			return nil, badRequest("include_dataset", "unknown dataset %q: this server has %s", d, strings.Join(h.dsNames(), ", "))
		}
	}
	exc := q["exclude_dataset"]
	if len(inc) == 0 && len(exc) == 0 {
		return ds, nil
	}
	if ds == nil {
		ds = h.dsNames()
	}
	var out []string
	for _, d := range ds {
		if (len(inc) == 0 || slices.Contains(inc, d)) && !slices.Contains(exc, d) {
			out = append(out, d)
		}
	}
	if out == nil {
		out = []string{} // nothing left: no results, not all
	}
	return out, nil
}

func floatParam(q url.Values, name string, def float64) (float64, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !(f >= 0 && f <= 1) {
		return 0, badRequest(name, "%q: want a number between 0 and 1", v)
	}
	return f, nil
}

func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest(name, "%q: want an integer from %d to %d", v, lo, hi)
	}
	return n, nil
}

func checkAlgorithm(q url.Values) error {
	if a := q.Get("algorithm"); a != "" && !algorithmAliases[a] {
		return badRequest("algorithm", "unknown algorithm %q: this server has %s (see /algorithms)", a, algorithmName)
	}
	return nil
}

// ftResult is yente's explained feature score.
type ftResult struct {
	Detail *string `json:"detail"`
	Score  float64 `json:"score"`
}

// ftmScored is yente's ScoredEntityResponse.
type ftmScored struct {
	ftmEntity
	Score        float64             `json:"score"`
	Features     map[string]float64  `json:"features"`
	Match        bool                `json:"match"`
	Explanations map[string]ftResult `json:"explanations"`
}

type totalSpec struct {
	Value    int    `json:"value"`
	Relation string `json:"relation"`
}

// entityExample is a yente query: a partial entity.
type entityExample struct {
	ID         *string                    `json:"id"`
	Schema     *string                    `json:"schema"`
	Properties map[string]json.RawMessage `json:"properties"`
}

type exampleEcho struct {
	ID         *string             `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

type entityMatches struct {
	Status  int         `json:"status"`
	Results []ftmScored `json:"results"`
	Total   totalSpec   `json:"total"`
	Query   exampleEcho `json:"query"`
}

type yenteMatchResponse struct {
	Responses map[string]*entityMatches `json:"responses"`
	Matcher   map[string]featureDoc     `json:"matcher"`
	Limit     int                       `json:"limit"`
	Versions  []engine.VersionRef       `json:"versions"`
}

type yenteMatchRequest struct {
	Queries map[string]json.RawMessage `json:"queries"`
	Weights map[string]float64         `json:"weights"`
	Config  map[string]any             `json:"config"`
}

// exampleQuery is a yente query turned into embargo queries: one per name
// (and birth date), sharing the other fields.
type exampleQuery struct {
	echo   exampleEcho
	names  []string
	dobs   []string
	schema entity.Schema
	base   match.Query
}

// Property groups of FtM that embargo screens.
var (
	ftmNameProps    = []string{"name", "alias", "previousName", "weakAlias"}
	ftmPartProps    = []string{"title", "firstName", "secondName", "middleName", "fatherName", "motherName", "lastName"}
	ftmCountryProps = []string{"nationality", "citizenship", "country", "jurisdiction", "birthCountry", "mainCountry", "flag", "registrationCountry"}
	ftmIDProps      = []string{"idNumber", "passportNumber", "registrationNumber", "taxNumber", "innCode", "ogrnCode", "vatCode",
		"leiCode", "swiftBic", "imoNumber", "mmsi", "icaoCode", "ssn", "socialSecurityNumber", "npiCode", "dunsCode", "okpoCode", "kppCode", "bikCode", "uniqueEntityId"}
)

// parseExample checks one yente query. field names it ("queries.q1").
func parseExample(raw json.RawMessage, field string) (*exampleQuery, error) {
	var ex entityExample
	if err := decodeLoose(raw, &ex, field); err != nil {
		return nil, err
	}
	if ex.Schema == nil || strings.TrimSpace(*ex.Schema) == "" {
		return nil, badRequest(field+".schema", "required: the FtM schema of the entity (Person, Company, Organization, LegalEntity, Vessel, Airplane)")
	}
	q := &exampleQuery{echo: exampleEcho{ID: ex.ID, Schema: *ex.Schema, Properties: map[string][]string{}}}
	switch *ex.Schema {
	case "Thing", "Asset":
	default:
		s, ok := entity.ParseSchema(*ex.Schema)
		if !ok {
			return nil, badRequest(field+".schema", "unknown schema %q: want Person, Company, Organization, LegalEntity, Vessel or Airplane", *ex.Schema)
		}
		q.schema = s
	}
	keys := make([]string, 0, len(ex.Properties))
	for k := range ex.Properties {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vs, err := propValues(ex.Properties[k], field+".properties."+k)
		if err != nil {
			return nil, err
		}
		if len(vs) > 0 {
			q.echo.Properties[k] = vs
		}
	}
	p := q.echo.Properties
	for _, k := range ftmNameProps {
		for _, n := range p[k] {
			if !slices.Contains(q.names, n) {
				q.names = append(q.names, n)
			}
		}
	}
	if len(q.names) == 0 {
		// Name parts: the first of each part before every last name, and
		// the same without the middle, second and patronymic names, which
		// lists often omit ("ROTENBERG, Arkady" for Arkadii Romanovich).
		var first, middle []string
		for _, k := range ftmPartProps[:len(ftmPartProps)-1] {
			switch {
			case k == "title" || len(p[k]) == 0:
			case k == "firstName":
				first = append(first, p[k][0])
			default:
				middle = append(middle, p[k][0])
			}
		}
		lasts := p["lastName"]
		if len(lasts) == 0 && len(first)+len(middle) > 0 {
			lasts = []string{""}
		}
		add := func(parts ...[]string) {
			var all []string
			for _, x := range parts {
				all = append(all, x...)
			}
			if n := strings.TrimSpace(strings.Join(all, " ")); n != "" && !slices.Contains(q.names, n) {
				q.names = append(q.names, n)
			}
		}
		for _, l := range lasts {
			add(first, middle, []string{l})
			if len(middle) > 0 && len(first) > 0 {
				add(first, []string{l})
			}
		}
	}
	if len(q.names) == 0 {
		return nil, badRequest(field+".properties.name", "required: a name (name, alias, or firstName/lastName)")
	}
	if len(q.names) > yenteMaxNames {
		q.names = q.names[:yenteMaxNames]
	}
	for i, n := range q.names {
		if err := match.CheckName(n); err != nil {
			return nil, badRequest(fmt.Sprintf("%s.properties.name[%d]", field, i), "%s", err.(*match.QueryError).Msg)
		}
	}
	for _, d := range p["birthDate"] {
		if v, ok := entity.ParseDate(d); ok && v.Value != "" && !slices.Contains(q.dobs, v.Value) {
			q.dobs = append(q.dobs, v.Value)
		}
	}
	if len(q.dobs) > yenteMaxBirthDates {
		q.dobs = q.dobs[:yenteMaxBirthDates]
	}
	for _, k := range ftmCountryProps {
		q.base.Countries = append(q.base.Countries, p[k]...)
	}
	for _, k := range ftmIDProps {
		for _, v := range p[k] {
			if !slices.Contains(q.base.Identifiers, v) {
				q.base.Identifiers = append(q.base.Identifiers, v)
			}
		}
	}
	if g := p["gender"]; len(g) > 0 {
		q.base.Gender = g[0]
	}
	if len(q.base.Countries) > maxListValues || len(q.base.Identifiers) > maxListValues {
		return nil, badRequest(field+".properties", "too many countries or identifiers: the limit is %d each", maxListValues)
	}
	q.base.Schema = q.schema
	return q, nil
}

// propValues reads an FtM property value: a string or a list of scalars.
func propValues(raw json.RawMessage, field string) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var items []json.RawMessage
	if raw[0] == '[' {
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, badRequest(field, "want a string or an array of strings")
		}
	} else {
		items = []json.RawMessage{raw}
	}
	if len(items) > maxListValues {
		return nil, badRequest(field, "%d values: the limit is %d", len(items), maxListValues)
	}
	var out []string
	for _, it := range items {
		var v string
		switch jsonKind(it) {
		case "string":
			if err := json.Unmarshal(it, &v); err != nil {
				return nil, badRequest(field, "want a string or an array of strings")
			}
		case "number", "bool":
			v = string(it)
		case "null":
			continue
		default:
			return nil, badRequest(field, "want a string or an array of strings, got an %s", jsonKind(it))
		}
		if len(v) > 4*match.MaxNameRunes {
			return nil, badRequest(field, "a value of %d bytes: the limit is %d", len(v), 4*match.MaxNameRunes)
		}
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, nil
}

// decodeLoose decodes like yente (pydantic): unknown fields are ignored.
func decodeLoose(b []byte, v any, prefix string) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return badRequest(prefix, "request body is empty: want a JSON object")
	}
	if err := json.Unmarshal(b, v); err != nil {
		return jsonError(b, err, prefix)
	}
	return nil
}

// screenExample runs an example's queries and merges them: each entity
// once, with its best score. cutoff is the least score returned.
func screenExample(ctx context.Context, h *held, ex *exampleQuery, datasets []string, excludeSchema []string, cutoff, threshold float64, limit int) ([]ftmScored, error) {
	byID := map[string]*match.Match{}
	dobs := ex.dobs
	if len(dobs) == 0 {
		dobs = []string{""}
	}
	q := ex.base
	q.Datasets = datasets
	if datasets != nil && len(datasets) == 0 {
		return []ftmScored{}, nil
	}
	opt := match.Options{Threshold: cutoff, Limit: limit}
	for _, n := range ex.names {
		for _, d := range dobs {
			q.Name, q.BirthDate = n, d
			ms, err := h.snap.Index.Search(q, opt)
			if err != nil {
				if _, ok := err.(*match.QueryError); ok {
					continue // a name of only punctuation among others
				}
				return nil, err
			}
			for i := range ms {
				m := &ms[i]
				if slices.Contains(excludeSchema, m.Schema) {
					continue
				}
				if have, ok := byID[m.EntityID]; !ok || m.Score > have.Score {
					byID[m.EntityID] = m
				}
			}
		}
	}
	all := make([]*match.Match, 0, len(byID))
	for _, m := range byID {
		if m.Score >= cutoff {
			all = append(all, m)
		}
	}
	slices.SortFunc(all, func(a, b *match.Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.EntityID, b.EntityID)
	})
	if len(all) > limit {
		all = all[:limit]
	}
	out := make([]ftmScored, len(all))
	for i, m := range all {
		out[i] = scoredFtM(ctx, h, m, threshold)
	}
	return out, nil
}

func scoredFtM(ctx context.Context, h *held, m *match.Match, threshold float64) ftmScored {
	r := ftmScored{ftmEntity: h.ftm(ctx, m.Entity), Score: m.Score, Match: m.Score >= threshold}
	r.Features, r.Explanations = explainFtM(m)
	return r
}

// explainFtM renders embargo's explanation as yente features (sub-scores)
// and explanations (sub-score with its reason).
func explainFtM(m *match.Match) (map[string]float64, map[string]ftResult) {
	feats := map[string]float64{}
	expl := map[string]ftResult{}
	ex := m.Explanation
	if ex == nil {
		return feats, expl
	}
	var tokens []string
	for _, t := range ex.Tokens {
		switch t.Method {
		case "unmatched_query":
			tokens = append(tokens, t.Query+" → ∅")
		case "unmatched_list":
			tokens = append(tokens, "∅ ← "+t.List)
		default:
			tokens = append(tokens, fmt.Sprintf("%s → %s (%s %.2f)", t.Query, t.List, t.Method, t.Similarity))
		}
	}
	detail := "matched name " + strconv.Quote(m.MatchedName) + ": " + strings.Join(tokens, ", ")
	feats["name_score"] = ex.NameScore
	expl["name_score"] = ftResult{Detail: &detail, Score: ex.NameScore}
	for _, f := range ex.Fields {
		d := f.Result
		if f.Query != "" || f.List != "" {
			d += fmt.Sprintf(": query %q, list %q", f.Query, f.List)
		}
		d += fmt.Sprintf("; score %+.4f", f.Effect)
		feats[f.Field] = f.Effect
		expl[f.Field] = ftResult{Detail: &d, Score: f.Effect}
	}
	return feats, expl
}

// yenteMatch is POST /match/{dataset}.
func (s *Server) yenteMatch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if err := checkAlgorithm(q); err != nil {
		return err
	}
	threshold, err := floatParam(q, "threshold", match.DefaultThreshold)
	if err != nil {
		return err
	}
	cutoff, err := floatParam(q, "cutoff", yenteCutoff)
	if err != nil {
		return err
	}
	limit, err := intParam(q, "limit", yenteMatchLimit, 1, yenteMaxMatches)
	if err != nil {
		return err
	}
	buf, err := s.readBody(w, r)
	if err != nil {
		return err
	}
	defer putBuf(buf)
	var req yenteMatchRequest
	if err := decodeLoose(buf.Bytes(), &req, ""); err != nil {
		return err
	}
	if len(req.Queries) == 0 {
		return badRequest("queries", "no queries provided: want {\"queries\": {\"key\": {\"schema\": ..., \"properties\": {...}}}}")
	}
	if len(req.Queries) > yenteMaxBatch {
		return tooLarge("queries", "%d queries: the limit is %d per batch", len(req.Queries), yenteMaxBatch)
	}
	h := s.current()
	if h == nil {
		return errNoSnapshot
	}
	datasets, err := h.datasetFilter(r.PathValue("dataset"), q)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(req.Queries))
	for k := range req.Queries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	resp := yenteMatchResponse{Responses: make(map[string]*entityMatches, len(keys)), Matcher: featureDocs(), Limit: limit, Versions: h.refsJSON}
	exs := make([]*exampleQuery, len(keys))
	for i, k := range keys {
		raw := bytes.TrimSpace(req.Queries[k])
		if string(raw) == "null" {
			continue
		}
		if exs[i], err = parseExample(raw, "queries."+k); err != nil {
			return err
		}
	}
	ctx := r.Context()
	for i, k := range keys {
		if exs[i] == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := screenExample(r.Context(), h, exs[i], datasets, q["exclude_schema"], cutoff, threshold, limit)
		if err != nil {
			return err
		}
		resp.Responses[k] = &entityMatches{Status: http.StatusOK, Results: res,
			Total: totalSpec{Value: len(res), Relation: "eq"}, Query: exs[i].echo}
	}
	w.Header().Set("X-Batch-Size", strconv.Itoa(len(resp.Responses)))
	return s.writeJSON(w, r, http.StatusOK, &resp)
}

// searchResult is yente's EntityResponse with embargo's score.
type searchResult struct {
	ftmEntity
	Score *float64 `json:"score,omitempty"`
}

type facetItem struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type facet struct {
	Label  string      `json:"label"`
	Values []facetItem `json:"values"`
}

type searchResponse struct {
	Results  []searchResult      `json:"results"`
	Facets   map[string]facet    `json:"facets"`
	Total    totalSpec           `json:"total"`
	Limit    int                 `json:"limit"`
	Offset   int                 `json:"offset"`
	Versions []engine.VersionRef `json:"versions"`
}

// yenteSearch is GET /search/{dataset}: candidates for a name, or with no
// q every entity, page by page.
func (s *Server) yenteSearch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", yenteSearchLimit, 0, yenteMaxPage)
	if err != nil {
		return err
	}
	offset, err := intParam(q, "offset", 0, 0, yenteMaxOffset)
	if err != nil {
		return err
	}
	var schema entity.Schema
	if sc := q.Get("schema"); sc != "" && sc != "Thing" {
		var ok bool
		if schema, ok = entity.ParseSchema(sc); !ok {
			return badRequest("schema", "invalid schema %q: want Thing, Person, Company, Organization, LegalEntity, Vessel or Airplane", sc)
		}
	}
	text := q.Get("q")
	if strings.TrimSpace(text) != "" {
		if err := match.CheckName(text); err != nil {
			return badRequest("q", "%s", err.(*match.QueryError).Msg)
		}
	}
	h := s.current()
	if h == nil {
		return errNoSnapshot
	}
	datasets, err := h.datasetFilter(r.PathValue("dataset"), q)
	if err != nil {
		return err
	}
	countries := lowerAll(q["countries"])
	programs := q["program"]
	keep := func(e *entity.Entity) bool {
		if len(programs) > 0 && !slices.ContainsFunc(e.Programs, func(p string) bool {
			return slices.ContainsFunc(programs, func(want string) bool { return strings.EqualFold(p, want) })
		}) {
			return false
		}
		if datasets != nil && !slices.Contains(datasets, e.Dataset) {
			return false
		}
		if schema != "" && !schemaFits(schema, e.Schema) {
			return false
		}
		if len(countries) > 0 {
			p := ftmProperties(e)
			hit := false
			for _, c := range countries {
				hit = hit || slices.Contains(p["country"], c) || slices.Contains(p["nationality"], c) || slices.Contains(p["citizenship"], c)
			}
			return hit
		}
		return true
	}
	var hits []searchResult
	if strings.TrimSpace(text) == "" {
		for _, e := range h.snap.Index.Entities() {
			if keep(e) {
				v, _ := h.dataset(e.Dataset)
				hits = append(hits, searchResult{ftmEntity: toFtM(e, &v)})
			}
		}
	} else if datasets == nil || len(datasets) > 0 {
		mq := match.Query{Name: text, Schema: schema, Datasets: datasets}
		ms, err := h.snap.Index.Search(mq, match.Options{Threshold: 0, Limit: min(offset+limit, yenteMaxPage)})
		if err != nil {
			if qe, ok := err.(*match.QueryError); ok {
				return badRequest("q", "%s", qe.Msg)
			}
			return err
		}
		for i := range ms {
			if !keep(ms[i].Entity) {
				continue
			}
			sc := ms[i].Score
			v, _ := h.dataset(ms[i].Dataset)
			hits = append(hits, searchResult{ftmEntity: toFtM(ms[i].Entity, &v), Score: &sc})
		}
	}
	resp := searchResponse{Facets: searchFacets(hits, q["facets"]), Total: totalSpec{Value: len(hits), Relation: "eq"},
		Limit: limit, Offset: offset, Versions: h.refsJSON, Results: []searchResult{}}
	if offset < len(hits) {
		resp.Results = hits[offset:min(len(hits), offset+limit)]
	}
	// The history is read for the page shown only.
	for i := range resp.Results {
		if first, changed, ok := h.snap.Seen(r.Context(), resp.Results[i].ID); ok {
			setSeen(&resp.Results[i].ftmEntity, first, changed)
		}
	}
	return s.writeJSON(w, r, http.StatusOK, &resp)
}

func schemaFits(q, e entity.Schema) bool {
	switch q {
	case entity.LegalEntity:
		return e == entity.Person || e == entity.Organization || e == entity.LegalEntity
	case entity.Organization:
		return e == entity.Organization || e == entity.LegalEntity
	}
	return q == e
}

// searchFacets counts the hits by dataset, schema and country (yente's
// default facets are countries, topics and datasets).
func searchFacets(hits []searchResult, want []string) map[string]facet {
	if len(want) == 0 {
		want = []string{"countries", "topics", "datasets"}
	}
	out := map[string]facet{}
	for _, f := range want {
		counts := map[string]int{}
		label := f
		for _, h := range hits {
			switch f {
			case "datasets":
				label = "Data sources"
				for _, d := range h.Datasets {
					counts[d]++
				}
			case "schema":
				label = "Entity types"
				counts[h.Schema]++
			case "countries":
				label = "Countries"
				seen := map[string]bool{}
				for _, k := range []string{"country", "nationality", "citizenship"} {
					for _, c := range h.Properties[k] {
						if !seen[c] {
							seen[c] = true
							counts[c]++
						}
					}
				}
			case "topics":
				label = "Topics"
				for _, t := range h.Properties["topics"] {
					counts[t]++
				}
			case "genders":
				label = "Genders"
				for _, g := range h.Properties["gender"] {
					counts[g]++
				}
			default:
				continue
			}
		}
		fc := facet{Label: label, Values: []facetItem{}}
		for k, n := range counts {
			item := facetItem{Name: k, Label: k, Count: n}
			if f == "datasets" {
				item.Label = datasetTitle(k)
			}
			fc.Values = append(fc.Values, item)
		}
		slices.SortFunc(fc.Values, func(a, b facetItem) int {
			if c := cmp.Compare(b.Count, a.Count); c != 0 {
				return c
			}
			return strings.Compare(a.Name, b.Name)
		})
		switch f {
		case "datasets", "schema", "countries", "topics", "genders":
			out[f] = fc
		}
	}
	return out
}

// yenteEntity is GET /entities/{id}: the entity as the index holds it,
// else as the newest version in the store holds it.
func (s *Server) yenteEntity(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	ctx := r.Context()
	if h := s.current(); h != nil {
		if e := h.entity(id); e != nil {
			out := h.ftm(ctx, e)
			return s.writeJSON(w, r, http.StatusOK, &out)
		}
	}
	if st := s.cfg.Store; st != nil && datasetOf(id) != "" {
		hist, err := engine.EntityHistory(ctx, st, id)
		switch {
		case err == nil:
			out := toFtM(hist.Entity, &hist.Version)
			first, changed, _ := hist.Seen(0)
			setSeen(&out, first, changed)
			return s.writeJSON(w, r, http.StatusOK, &out)
		case !isNotFound(err):
			return err
		}
	}
	return notFound("no such entity: %q", id)
}

func datasetOf(id string) string {
	d, _, ok := strings.Cut(id, ":")
	if !ok {
		return ""
	}
	return d
}

// datasetInfo is yente's catalog entry (FtM DatasetModel with yente's
// fields).
type datasetInfo struct {
	Name          string   `json:"name"`
	Title         string   `json:"title"`
	Summary       *string  `json:"summary"`
	URL           *string  `json:"url"`
	Load          bool     `json:"load"`
	EntitiesURL   *string  `json:"entities_url"`
	Version       string   `json:"version"`
	IndexVersion  *string  `json:"index_version"`
	IndexCurrent  bool     `json:"index_current"`
	Children      []string `json:"children"`
	UpdatedAt     *string  `json:"updated_at"`
	LastExport    *string  `json:"last_export"`
	EntityCount   int      `json:"entity_count"`
	Namespace     bool     `json:"namespace"`
	Published     string   `json:"published,omitempty"`
	StoreVersions int      `json:"store_versions"`
}

type catalogResponse struct {
	Datasets   []datasetInfo `json:"datasets"`
	Current    []string      `json:"current"`
	Outdated   []string      `json:"outdated"`
	IndexStale bool          `json:"index_stale"`
}

// catalog is GET /catalog: the datasets, the newest version of each in the
// store, and the version the index holds.
func (s *Server) catalog(w http.ResponseWriter, r *http.Request) error {
	newest := map[string]store.Version{}
	count := map[string]int{}
	if st := s.cfg.Store; st != nil {
		vs, err := st.Versions(r.Context(), "")
		if err != nil {
			return err
		}
		for _, v := range vs {
			// Versions are ordered by publication then import within a
			// dataset: the last one is the newest, as AsOf picks it.
			newest[v.Dataset] = v
			count[v.Dataset]++
		}
	}
	loaded := map[string]store.Version{}
	if h := s.current(); h != nil {
		for _, d := range h.dsNames() {
			v, _ := h.dataset(d)
			loaded[d] = v
			if _, ok := newest[d]; !ok {
				newest[d] = v
			}
		}
	}
	names := make([]string, 0, len(newest))
	for d := range newest {
		names = append(names, d)
	}
	sort.Strings(names)
	resp := catalogResponse{Datasets: []datasetInfo{}, Current: []string{}, Outdated: []string{}}
	total := 0
	var latest string
	for _, d := range names {
		v := newest[d]
		info := datasetInfo{Name: d, Title: datasetTitle(d), Load: true, Version: versionLabel(v),
			Children: []string{}, EntityCount: v.Entities, Published: v.Published, StoreVersions: count[d]}
		if u := datasetURL(d); u != "" {
			info.URL = &u
		}
		if v.Published != "" {
			info.UpdatedAt = &v.Published
		}
		if !v.Imported.IsZero() {
			t := v.Imported.UTC().Format(time.RFC3339)
			info.LastExport = &t
			if t > latest {
				latest = t
			}
		}
		if lv, ok := loaded[d]; ok {
			iv := versionLabel(lv)
			info.IndexVersion = &iv
			info.IndexCurrent = iv == info.Version
			if info.IndexCurrent {
				resp.Current = append(resp.Current, d)
			} else {
				resp.Outdated = append(resp.Outdated, d)
			}
		}
		total += v.Entities
		resp.Datasets = append(resp.Datasets, info)
	}
	def := datasetInfo{Name: "default", Title: "All loaded lists", Load: true, Version: "default",
		Children: names, EntityCount: total, StoreVersions: 0}
	if latest != "" {
		def.LastExport = &latest
	}
	summary := "Every dataset this server screens against."
	def.Summary = &summary
	resp.Datasets = append([]datasetInfo{def}, resp.Datasets...)
	resp.IndexStale = len(resp.Outdated) > 0
	return s.writeJSON(w, r, http.StatusOK, &resp)
}

// featureDoc is yente's FeatureDoc.
type featureDoc struct {
	Description string  `json:"description"`
	Coefficient float64 `json:"coefficient"`
	URL         string  `json:"url"`
}

const docsURL = "https://github.com/embargo-screening/embargo/blob/main/internal/match/"

func featureDocs() map[string]featureDoc {
	return map[string]featureDoc{
		"name_score": {"Aligned-token name similarity: query tokens are aligned order-free with the list name's tokens (exact, transliteration, phonetic, edit distance, initials, merged tokens), weighted by rarity; particles, titles and legal forms weigh little. The score starts from it.", 1, docsURL + "align.go"},
		"birth_date": {"Date of birth: agreement closes 40% of the gap to 1 (same year 15%), a conflict multiplies the score by 0.85. Applies only to names that already resemble each other (score >= 0.5). Value: the change of the score.", 0.4, docsURL + "fields.go"},
		"country":    {"Country or nationality: agreement closes 10% of the gap to 1, a conflict multiplies the score by 0.95. Value: the change of the score.", 0.1, docsURL + "fields.go"},
		"identifier": {"Identifier (passport, national id, registration...): the same number closes 60% of the gap to 1; a different number is no evidence against. Value: the change of the score.", 0.6, docsURL + "fields.go"},
		"gender":     {"Gender: a conflict multiplies the score by 0.9. Value: the change of the score.", 0.1, docsURL + "fields.go"},
	}
}

type configVar struct {
	Type        string  `json:"type"`
	Description string  `json:"description"`
	Default     float64 `json:"default"`
}

type algorithmDocs struct {
	Name        string                `json:"name"`
	Description string                `json:"description"`
	Config      map[string]configVar  `json:"config"`
	Features    map[string]featureDoc `json:"features"`
}

type algorithmInfo struct {
	Name        string                `json:"name"`
	Description string                `json:"description"`
	Features    map[string]featureDoc `json:"features"`
	Docs        algorithmDocs         `json:"docs"`
}

type algorithmsResponse struct {
	Algorithms []algorithmInfo `json:"algorithms"`
	Default    string          `json:"default"`
	Best       string          `json:"best"`
}

const algorithmDescription = "embargo's matcher: a candidate index that survives typos and transliteration (text, deletion, phonetic and consonant-skeleton keys), " +
	"then an order-free alignment of name tokens weighted by rarity, with dates of birth, countries, identifiers and gender folded in. " +
	"Names in any script are compared across scripts. The default threshold makes about 1% of a clean customer population alert. " +
	"yente's algorithm names (best, logic-v1, logic-v2, regression-v1, name-based, ...) are accepted and answered by this algorithm."

// algorithms is GET /algorithms.
func (s *Server) algorithms(w http.ResponseWriter, r *http.Request) error {
	f := featureDocs()
	a := algorithmInfo{Name: algorithmName, Description: algorithmDescription, Features: f, Docs: algorithmDocs{
		Name: algorithmName, Description: algorithmDescription, Features: f,
		Config: map[string]configVar{
			"threshold": {"float", "Score from which a result is a match (match: true).", match.DefaultThreshold},
			"cutoff":    {"float", "Least score of a result returned by /match.", yenteCutoff},
			"limit":     {"integer", "Results per /match query by default.", yenteMatchLimit},
		},
	}}
	return s.writeJSON(w, r, http.StatusOK, &algorithmsResponse{Algorithms: []algorithmInfo{a}, Default: algorithmName, Best: algorithmName})
}

// Known datasets: titles and official locations (SPEC section 2).
var datasetMeta = map[string][2]string{
	"un_sc_sanctions":   {"UN Security Council Consolidated List", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"},
	"us_ofac_sdn":       {"US OFAC Specially Designated Nationals (SDN) List", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"},
	"us_ofac_cons":      {"US OFAC Consolidated (non-SDN) Sanctions List", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"},
	"eu_fsf":            {"EU Financial Sanctions Files (FSF)", "https://webgate.ec.europa.eu/fsd/fsf"},
	"gb_fcdo_sanctions": {"UK Sanctions List (FCDO)", "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"},
	"gb_hmt_sanctions":  {"UK HM Treasury (OFSI) Consolidated List (retired 2026-01-28)", ""},
	"us_trade_csl":      {"US Trade Consolidated Screening List", "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"},
}

func datasetTitle(d string) string {
	if m, ok := datasetMeta[d]; ok {
		return m[0]
	}
	return d
}

func datasetURL(d string) string { return datasetMeta[d][1] }

func isNotFound(err error) bool { return toAPIError(err).Status == http.StatusNotFound }

// ftm renders an entity of the snapshot as yente does, with first_seen
// and last_change from its history in the store.
func (h *held) ftm(ctx context.Context, e *entity.Entity) ftmEntity {
	v, _ := h.dataset(e.Dataset)
	out := toFtM(e, &v)
	if first, changed, ok := h.snap.Seen(ctx, e.ID); ok {
		setSeen(&out, first, changed)
	}
	return out
}

// setSeen fills yente's first_seen and last_change with the import times
// of the versions that first held the entity and last changed it.
func setSeen(out *ftmEntity, first, changed store.Version) {
	ts := func(v store.Version) *string {
		if v.Imported.IsZero() {
			return nil
		}
		t := v.Imported.UTC().Format(time.RFC3339)
		return &t
	}
	out.FirstSeen, out.LastChange = ts(first), ts(changed)
}
