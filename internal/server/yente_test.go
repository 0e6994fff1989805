package server

import (
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
)

// The /match request of yente's documentation ("Using the matching API",
// opensanctions.org/docs/api/matching and /docs/api/request): a Person
// example by full names, and one by name parts, sent as
// {"queries": {"q": ...}}. The page's example carries a trailing comma
// after the last property, a slip that no JSON client sends; it is left
// out here. The index holds an invented record of that person.
const yenteDocsMatchBody = `{
  "queries": {
    "q": {
      "schema": "Person",
      "properties": {
        "name": ["Arkadiii Romanovich Rotenberg", "Ротенберг Аркадий"],
        "birthDate": ["1951"],
        "nationality": ["Russia"]
      }
    },
    "parts": {
      "schema": "Person",
      "properties": {
        "firstName": ["Arkadii"],
        "fatherName": ["Romanovich"],
        "lastName": ["Rotenberg", "Ротенберг"],
        "birthDate": ["1951"]
      }
    }
  }
}`

func TestYenteMatchDocsExample(t *testing.T) {
	f := newFixture(t)
	rec := do(t, f.srv.Handler(), "POST", "/match/default", yenteDocsMatchBody)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	v := decode(t, rec)
	wantKeys(t, "response", v, "responses", "matcher", "limit", "versions")
	if path(v, "limit") != 5.0 {
		t.Errorf("limit %v, want yente's default 5", path(v, "limit"))
	}
	if rec.Header().Get("X-Batch-Size") != "2" {
		t.Errorf("x-batch-size %q", rec.Header().Get("X-Batch-Size"))
	}
	for _, key := range []string{"q", "parts"} {
		r := path(v, "responses", key)
		wantKeys(t, key, r, "status", "results", "total", "query")
		if path(r, "status") != 200.0 {
			t.Errorf("%s: status %v", key, path(r, "status"))
		}
		first := path(r, "results", 0)
		if path(first, "id") != "gb_fcdo_sanctions:TST0001" {
			t.Fatalf("%s: first result %v", key, path(first, "id"))
		}
		wantKeys(t, key+" result", first, "id", "caption", "schema", "properties", "datasets", "referents", "target",
			"first_seen", "last_seen", "last_change", "score", "features", "match", "explanations")
		if path(first, "match") != true || path(first, "schema") != "Person" || path(first, "target") != true {
			t.Errorf("%s: result %v", key, first)
		}
		if path(first, "caption") != "Arkadii Romanovich ROTENBERG" {
			t.Errorf("caption %v", path(first, "caption"))
		}
		props := path(first, "properties").(map[string]any)
		for k, want := range map[string]string{"name": "Arkadii Romanovich ROTENBERG", "alias": "Ротенберг Аркадий Романович",
			"birthDate": "1951-12-15", "nationality": "ru", "topics": "sanction"} {
			if vs, _ := props[k].([]any); len(vs) == 0 || vs[0] != want {
				t.Errorf("%s: properties.%s = %v, want [%s]", key, k, props[k], want)
			}
		}
		if ds := path(first, "datasets").([]any); len(ds) != 1 || ds[0] != "gb_fcdo_sanctions" {
			t.Errorf("datasets %v", ds)
		}
		if path(first, "features", "name_score") == nil || path(first, "explanations", "name_score", "detail") == nil {
			t.Errorf("no name feature: %v %v", path(first, "features"), path(first, "explanations"))
		}
		if path(first, "explanations", "birth_date", "score") == nil {
			t.Errorf("no birth date explanation: %v", path(first, "explanations"))
		}
		if path(r, "total", "relation") != "eq" || path(r, "total", "value").(float64) < 1 {
			t.Errorf("total %v", path(r, "total"))
		}
		if path(r, "query", "schema") != "Person" || path(r, "query", "properties", "birthDate", 0) != "1951" {
			t.Errorf("query echo %v", path(r, "query"))
		}
	}
	if path(v, "matcher", "name_score", "coefficient") == nil {
		t.Errorf("matcher docs: %v", path(v, "matcher"))
	}
}

func wantKeys(t *testing.T, what string, v any, keys ...string) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s: not an object: %v", what, v)
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s: no %q in %v", what, k, sortedKeys(m))
		}
	}
}

func sortedKeys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func TestYenteMatch(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	body := `{"queries": {
		"person": {"schema": "Person", "properties": {"name": "Vorlan Grammit", "birthDate": ["1961-03-14"], "nationality": ["by"], "passportNumber": ["KX4419023"]}},
		"company": {"schema": "Company", "properties": {"name": ["Kestrel Maritime Holdings"], "jurisdiction": ["ae"]}},
		"vessel": {"schema": "Vessel", "properties": {"name": ["Silent Albatross"], "imoNumber": ["9999991"]}},
		"skip": null
	}, "weights": {"name_literal": 0.8}}`
	rec := do(t, h, "POST", "/match/us_ofac_sdn?algorithm=best&threshold=0.7&limit=3", body)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	v := decode(t, rec)
	for key, want := range map[string]string{"person": "us_ofac_sdn:9001", "company": "us_ofac_sdn:9002", "vessel": "us_ofac_sdn:9003"} {
		if got := path(v, "responses", key, "results", 0, "id"); got != want {
			t.Errorf("%s: first %v, want %s", key, got, want)
		}
	}
	if path(v, "responses", "skip") != nil {
		t.Errorf("a null query is skipped, as yente does")
	}
	if got, _ := path(v, "responses", "person", "results", 0, "explanations", "identifier", "detail").(string); !strings.HasPrefix(got, "agree") {
		t.Errorf("identifier explanation %q", got)
	}
	if got := path(v, "responses", "vessel", "results", 0, "properties", "imoNumber", 0); got != "9999991" {
		t.Errorf("vessel properties: %v", path(v, "responses", "vessel", "results", 0, "properties"))
	}
	// The dataset scopes the results.
	v = decode(t, do(t, h, "POST", "/match/un_sc_sanctions", `{"queries": {"q": {"schema": "Company", "properties": {"name": ["Kestrel Maritime Holdings"]}}}}`))
	if rs := path(v, "responses", "q", "results").([]any); len(rs) != 0 {
		t.Errorf("us_ofac_sdn entity found in un_sc_sanctions: %v", rs)
	}
	v = decode(t, do(t, h, "POST", "/match/default?exclude_dataset=us_ofac_sdn", `{"queries": {"q": {"schema": "Company", "properties": {"name": ["Kestrel Maritime Holdings"]}}}}`))
	if rs := path(v, "responses", "q", "results").([]any); len(rs) != 0 {
		t.Errorf("exclude_dataset ignored: %v", rs)
	}
	// cutoff 0 returns the best candidates whatever their score, flagged
	// against the threshold.
	v = decode(t, do(t, h, "POST", "/match/default?cutoff=0&threshold=0.99", `{"queries": {"q": {"schema": "LegalEntity", "properties": {"name": ["Kestrel"]}}}}`))
	if path(v, "responses", "q", "results", 0, "id") != "us_ofac_sdn:9002" || path(v, "responses", "q", "results", 0, "match") != false {
		t.Errorf("cutoff 0: %v", path(v, "responses", "q", "results", 0))
	}

	errs := []struct {
		name, target, body string
		status             int
		code, frag         string
	}{
		{"unknown dataset", "/match/nope", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["x"]}}}}`, 404, "not_found", "no dataset \"nope\""},
		{"no queries", "/match/default", `{"queries": {}}`, 400, "bad_request", "queries: no queries provided"},
		{"no schema", "/match/default", `{"queries": {"q": {"properties": {"name": ["x"]}}}}`, 400, "bad_request", "queries.q.schema: required"},
		{"unknown schema", "/match/default", `{"queries": {"q": {"schema": "Planet", "properties": {"name": ["x"]}}}}`, 400, "bad_request", "queries.q.schema: unknown schema"},
		{"no name", "/match/default", `{"queries": {"q": {"schema": "Person", "properties": {"birthDate": ["1970"]}}}}`, 400, "bad_request", "queries.q.properties.name: required"},
		{"over-long name", "/match/default", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["` + strings.Repeat("b", 501) + `"]}}}}`, 400, "bad_request", "queries.q.properties.name[0]: too long"},
		{"object value", "/match/default", `{"queries": {"q": {"schema": "Person", "properties": {"name": [{"a": 1}]}}}}`, 400, "bad_request", "queries.q.properties.name: want a string or an array of strings"},
		{"properties not an object", "/match/default", `{"queries": {"q": {"schema": "Person", "properties": ["x"]}}}`, 400, "bad_request", "queries.q.properties: want a JSON object"},
		{"malformed", "/match/default", `{"queries": {"q": }`, 400, "bad_request", "malformed JSON at line 1, column 19"},
		{"bad threshold", "/match/default?threshold=high", `{}`, 400, "bad_request", "threshold: \"high\""},
		{"bad limit", "/match/default?limit=0", `{}`, 400, "bad_request", "limit: \"0\""},
		{"bad algorithm", "/match/default?algorithm=magic", `{}`, 400, "bad_request", "algorithm: unknown algorithm \"magic\""},
		{"unknown include_dataset", "/match/default?include_dataset=nope", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["x"]}}}}`, 400, "bad_request", "include_dataset: unknown dataset"},
		{"invalid UTF-8", "/match/default", "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"\xc3\x28\"]}}}}", 400, "bad_request", "not valid UTF-8"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, do(t, h, "POST", tt.target, tt.body), tt.status, tt.code, tt.frag)
		})
	}
}

func TestYenteSearch(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	v := decode(t, do(t, h, "GET", "/search/default?q=Vorlan+Grammit", nil))
	wantKeys(t, "search", v, "results", "facets", "total", "limit", "offset")
	if path(v, "results", 0, "id") != "us_ofac_sdn:9001" || path(v, "results", 0, "score") == nil {
		t.Errorf("search: %v", path(v, "results", 0))
	}
	if path(v, "limit") != 10.0 || path(v, "offset") != 0.0 {
		t.Errorf("limit/offset %v %v", path(v, "limit"), path(v, "offset"))
	}
	if path(v, "facets", "datasets", "values", 0, "name") != "us_ofac_sdn" {
		t.Errorf("facets %v", path(v, "facets"))
	}
	// No q: every entity, page by page.
	v = decode(t, do(t, h, "GET", "/search/default?limit=2&offset=1", nil))
	if path(v, "total", "value") != 7.0 || len(path(v, "results").([]any)) != 2 {
		t.Errorf("browse: total %v, %d results", path(v, "total"), len(path(v, "results").([]any)))
	}
	v = decode(t, do(t, h, "GET", "/search/us_ofac_sdn?schema=Person", nil))
	if path(v, "total", "value") != 2.0 {
		t.Errorf("schema filter: total %v", path(v, "total"))
	}
	v = decode(t, do(t, h, "GET", "/search/default?countries=by", nil))
	if path(v, "total", "value") != 1.0 {
		t.Errorf("country filter: total %v", path(v, "total"))
	}
	wantError(t, do(t, h, "GET", "/search/nope?q=x", nil), 404, "not_found", "no dataset \"nope\"")
	wantError(t, do(t, h, "GET", "/search/default?schema=Planet", nil), 400, "bad_request", "schema: invalid schema")
	wantError(t, do(t, h, "GET", "/search/default?limit=-1", nil), 400, "bad_request", "limit:")
	wantError(t, do(t, h, "GET", "/search/default?q="+url.QueryEscape(strings.Repeat("c", 600)), nil), 400, "bad_request", "q: too long")
	wantError(t, do(t, h, "GET", "/search/default?q=%ff", nil), 400, "bad_request", "q: invalid UTF-8")
}

func TestYenteEntity(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	v := decode(t, do(t, h, "GET", "/entities/us_ofac_sdn:9003", nil))
	wantKeys(t, "entity", v, "id", "caption", "schema", "properties", "datasets", "referents", "target", "first_seen", "last_seen", "last_change")
	if path(v, "schema") != "Vessel" || path(v, "properties", "flag", 0) != "pa" || path(v, "last_seen") == nil {
		t.Errorf("entity %v", v)
	}
	// Not in the index any more, but in the store.
	v = decode(t, do(t, h, "GET", "/entities/us_ofac_sdn:9004", nil))
	if path(v, "caption") != "Odalys Ferreira QUINTERO MALVAR" {
		t.Errorf("removed entity %v", v)
	}
	wantError(t, do(t, h, "GET", "/entities/us_ofac_sdn:0000", nil), 404, "not_found", "no such entity")
}

func TestCatalogAndAlgorithms(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	v := decode(t, do(t, h, "GET", "/catalog", nil))
	wantKeys(t, "catalog", v, "datasets", "current", "outdated", "index_stale")
	ds := path(v, "datasets").([]any)
	if len(ds) != 4 || path(ds[0], "name") != "default" || len(path(ds[0], "children").([]any)) != 3 {
		t.Fatalf("datasets %v", ds)
	}
	for _, d := range ds[1:] {
		wantKeys(t, "dataset", d, "name", "title", "version", "updated_at", "entity_count", "index_version", "index_current", "load", "children")
		if path(d, "index_current") != true {
			t.Errorf("%v not current", path(d, "name"))
		}
	}
	if path(ds[3], "name") != "us_ofac_sdn" || path(ds[3], "updated_at") != "2024-06-01" || path(ds[3], "entity_count") != 4.0 {
		t.Errorf("us_ofac_sdn %v", ds[3])
	}
	if len(path(v, "current").([]any)) != 3 || path(v, "index_stale") != false {
		t.Errorf("current %v stale %v", path(v, "current"), path(v, "index_stale"))
	}
	// An index of older versions is outdated.
	srv := New(Config{Store: f.st}, mustLoad(t, f.st, "2024-05-01"))
	v = decode(t, do(t, srv.Handler(), "GET", "/catalog", nil))
	if path(v, "index_stale") != true || path(v, "outdated", 0) != "us_ofac_sdn" {
		t.Errorf("outdated %v", v)
	}

	v = decode(t, do(t, h, "GET", "/algorithms", nil))
	if path(v, "default") != algorithmName || path(v, "best") != algorithmName || path(v, "algorithms", 0, "name") != algorithmName {
		t.Errorf("algorithms %v", v)
	}
	if path(v, "algorithms", 0, "docs", "config", "threshold", "default") == nil {
		t.Errorf("no defaults: %v", path(v, "algorithms", 0, "docs"))
	}
}

func TestReconcile(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	v := decode(t, do(t, h, "GET", "/reconcile/default", nil, "X-Forwarded-Proto", "https"))
	wantKeys(t, "manifest", v, "versions", "name", "identifierSpace", "schemaSpace", "defaultTypes", "view")
	if path(v, "versions", 0) != "0.2" || !strings.HasPrefix(path(v, "view", "url").(string), "https://example.com/") ||
		!strings.Contains(path(v, "view", "url").(string), "{{id}}") || path(v, "defaultTypes", 0, "id") != "Person" {
		t.Errorf("manifest %v", v)
	}
	queries := `{"q0": {"query": "Vorlan Grammit", "type": "Person", "limit": 3, "properties": [{"pid": "birthDate", "v": "1961"}]}, "q1": {"query": "Pelican Crescent Trading"}}`
	check := func(v map[string]any) {
		t.Helper()
		if path(v, "q0", "result", 0, "id") != "us_ofac_sdn:9001" || path(v, "q0", "result", 0, "type", 0, "id") != "Person" ||
			path(v, "q0", "result", 0, "match") != true || path(v, "q0", "result", 0, "name") != "Vorlan Teskovich GRAMMIT" {
			t.Errorf("q0 %v", path(v, "q0"))
		}
		if path(v, "q1", "result", 0, "id") != "un_sc_sanctions:IRe.901" {
			t.Errorf("q1 %v", path(v, "q1"))
		}
	}
	check(decode(t, do(t, h, "GET", "/reconcile/default?queries="+url.QueryEscape(queries), nil)))
	req := "queries=" + url.QueryEscape(queries)
	rec := do(t, h, "POST", "/reconcile/default", req, "Content-Type", "application/x-www-form-urlencoded")
	check(decode(t, rec))
	wantError(t, do(t, h, "GET", "/reconcile/nope", nil), 404, "not_found", "no dataset")
	wantError(t, do(t, h, "GET", "/reconcile/default?queries=%7Bnope", nil), 400, "bad_request", "queries: malformed JSON")
	wantError(t, do(t, h, "POST", "/reconcile/default", "x=1", "Content-Type", "application/x-www-form-urlencoded"), 400, "bad_request", "queries: required")
	wantError(t, do(t, h, "GET", "/reconcile/default?queries="+url.QueryEscape(`{"q": {"query": ""}}`), nil), 400, "bad_request", "queries.q.properties.name: required")
}

func TestHealthAndReady(t *testing.T) {
	f := newFixture(t)
	h := f.srv.Handler()
	if v := decode(t, do(t, h, "GET", "/healthz", nil)); path(v, "status") != "ok" {
		t.Errorf("healthz %v", v)
	}
	f.srv.SetUpdateStatus("us_ofac_sdn", UpdateStatus{LastAttempt: mustTime("2024-07-02T00:00:00Z"), LastSuccess: mustTime("2024-07-01T00:00:00Z"),
		LastError: "GET https://example.invalid/sdn.csv: 503 Service Unavailable", URL: "https://example.invalid/sdn.csv"})
	rec := do(t, h, "GET", "/readyz", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("a failed update must keep the server ready: %d", rec.Code)
	}
	v := decode(t, rec)
	if path(v, "updates", "us_ofac_sdn", "last_error") == nil || path(v, "index", "entities") != 7.0 || len(path(v, "versions").([]any)) != 3 {
		t.Errorf("readyz %v", v)
	}
	if age := path(v, "versions", 0, "age_days").(float64); age < 100 {
		t.Errorf("age_days %v", age)
	}
}
