package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
	"github.com/embargo-screening/embargo/internal/store"
)

func loadSpec(t *testing.T) (*openapi3.T, routers.Router) {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(openapiJSON)
	if err != nil {
		t.Fatalf("loading openapi.json: %v", err)
	}
	if !doc.IsOpenAPI31OrLater() || doc.IsOpenAPI32OrLater() {
		t.Fatalf("openapi.json is %s, want 3.1", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI document: %v", err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, router
}

// panicStore panics where the lists route reads versions.
type panicStore struct{ store.Store }

func (panicStore) Versions(context.Context, string) ([]store.Version, error) {
	panic("invented failure in the store")
}

// TestOpenAPI sends real requests to every route (successes and errors)
// and validates each request and answer against openapi.json with
// kin-openapi's OpenAPI 3.1 (JSON Schema 2020-12) validator.
func TestOpenAPI(t *testing.T) {
	doc, router := loadSpec(t)
	f := newFixture(t)
	bare := New(Config{Store: f.st}, nil)
	slow := New(Config{Store: f.st, RequestTimeout: time.Nanosecond}, f.snap)
	broken := New(Config{Store: panicStore{f.st}}, f.snap)
	small := New(Config{Store: f.st, MaxBodyBytes: 64}, f.snap)
	form := "application/x-www-form-urlencoded"
	reconcileQ := `{"q0": {"query": "Vorlan Grammit", "type": "Person"}}`

	cases := []struct {
		name         string
		srv          *Server
		method, url  string
		body, ctype  string
		status       int
		invalidInput bool // the request itself breaks the contract on purpose
	}{
		{"screen", f.srv, "POST", "/v1/screen", `{"name": "Vorlan Grammit", "birth_date": "1961", "countries": "BY", "id": 7}`, "", 200, false},
		{"screen no match", f.srv, "POST", "/v1/screen", `{"name": "Nobody Special"}`, "", 200, false},
		{"screen as_of", f.srv, "POST", "/v1/screen", `{"name": "Odalys Quintero", "as_of": "2024-02-01"}`, "", 200, false},
		{"screen bad", f.srv, "POST", "/v1/screen", `{"name": 5}`, "", 400, true},
		{"screen too long", f.srv, "POST", "/v1/screen", `{"name": "` + strings.Repeat("x", 501) + `"}`, "", 400, false},
		{"screen unknown as_of", f.srv, "POST", "/v1/screen", `{"name": "x y", "as_of": "1900-01-01"}`, "", 404, false},
		{"screen too large", small, "POST", "/v1/screen", `{"name": "` + strings.Repeat("x", 100) + `"}`, "", 413, false},
		{"screen unavailable", bare, "POST", "/v1/screen", `{"name": "x"}`, "", 503, false},
		{"screen timeout", slow, "POST", "/v1/screen", `{"name": "x"}`, "", 504, false},
		{"batch", f.srv, "POST", "/v1/screen/batch", `{"queries": [{"name": "Vorlan Grammit"}, {"name": ""}, {"name": "Odalys Quintero", "as_of": "2024-02-01"}]}`, "", 200, false},
		{"batch array", f.srv, "POST", "/v1/screen/batch", `[{"name": "Kestrel Maritime Holdings"}]`, "", 200, false},
		{"batch bad", f.srv, "POST", "/v1/screen/batch", `{"queries": 1}`, "", 400, true},
		{"entity history", f.srv, "GET", "/v1/entities/us_ofac_sdn:9001", "", "", 200, false},
		{"entity history removed", f.srv, "GET", "/v1/entities/us_ofac_sdn:9004", "", "", 200, false},
		{"entity history unknown", f.srv, "GET", "/v1/entities/us_ofac_sdn:1", "", "", 404, false},
		{"lists", f.srv, "GET", "/v1/lists", "", "", 200, false},
		{"lists panic", broken, "GET", "/v1/lists", "", "", 500, false},
		{"diff", f.srv, "GET", "/v1/lists/us_ofac_sdn/diff", "", "", 200, false},
		{"diff bad", f.srv, "GET", "/v1/lists/us_ofac_sdn/diff?from=x", "", "", 400, false},
		{"diff unknown", f.srv, "GET", "/v1/lists/nope/diff", "", "", 404, false},
		{"match", f.srv, "POST", "/match/default", yenteDocsMatchBody, "", 200, false},
		{"match params", f.srv, "POST", "/match/us_ofac_sdn?limit=2&threshold=0.5&cutoff=0&algorithm=best&exclude_schema=Vessel",
			`{"queries": {"a": {"schema": "LegalEntity", "properties": {"name": "Kestrel"}}, "b": null}}`, "", 200, false},
		{"match unknown dataset", f.srv, "POST", "/match/nope", yenteDocsMatchBody, "", 404, false},
		{"match bad", f.srv, "POST", "/match/default", `{"queries": {"q": {"schema": "Planet", "properties": {"name": "x"}}}}`, "", 400, false},
		{"search", f.srv, "GET", "/search/default?q=Vorlan+Grammit&facets=schema&facets=datasets", "", "", 200, false},
		{"search browse", f.srv, "GET", "/search/us_ofac_sdn?limit=2&offset=1&schema=Person", "", "", 200, false},
		{"search bad", f.srv, "GET", "/search/default?schema=Planet", "", "", 400, false},
		{"entity", f.srv, "GET", "/entities/us_ofac_sdn:9003", "", "", 200, false},
		{"entity unknown", f.srv, "GET", "/entities/x:y", "", "", 404, false},
		{"catalog", f.srv, "GET", "/catalog", "", "", 200, false},
		{"algorithms", f.srv, "GET", "/algorithms", "", "", 200, false},
		{"reconcile manifest", f.srv, "GET", "/reconcile/default", "", "", 200, false},
		{"reconcile get", f.srv, "GET", "/reconcile/default?queries=" + url.QueryEscape(reconcileQ), "", "", 200, false},
		{"reconcile post", f.srv, "POST", "/reconcile/us_ofac_sdn", "queries=" + url.QueryEscape(reconcileQ), form, 200, false},
		{"reconcile bad", f.srv, "GET", "/reconcile/default?queries=%5B", "", "", 400, false},
		{"openapi", f.srv, "GET", "/openapi.json", "", "", 200, false},
		{"healthz", f.srv, "GET", "/healthz", "", "", 200, false},
		{"readyz", f.srv, "GET", "/readyz", "", "", 200, false},
		{"readyz unavailable", bare, "GET", "/readyz", "", "", 503, false},
		{"metrics", f.srv, "GET", "/metrics", "", "", 200, false},
	}
	f.srv.SetUpdateStatus("us_ofac_sdn", UpdateStatus{LastAttempt: time.Now(), LastSuccess: time.Now(), URL: "https://example.invalid/sdn.csv"})
	covered := map[string]bool{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctype := tc.ctype
			if ctype == "" && tc.body != "" {
				ctype = "application/json"
			}
			newReq := func() *http.Request {
				var body io.Reader
				if tc.body != "" {
					body = strings.NewReader(tc.body)
				}
				r := httptest.NewRequest(tc.method, tc.url, body)
				if ctype != "" {
					r.Header.Set("Content-Type", ctype)
				}
				return r
			}
			rec := httptest.NewRecorder()
			tc.srv.Handler().ServeHTTP(rec, newReq())
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body.String())
			}
			req := newReq()
			route, params, err := router.FindRoute(req)
			if err != nil {
				t.Fatalf("no route in openapi.json: %v", err)
			}
			covered[route.Method+" "+route.Path] = true
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
				Options: &openapi3filter.Options{MultiError: true}}
			if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil && !tc.invalidInput {
				t.Errorf("request does not match openapi.json: %v", err)
			} else if err == nil && tc.invalidInput {
				t.Errorf("request meant to break the contract passes its validation")
			}
			out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(),
				Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
			out.SetBodyBytes(rec.Body.Bytes())
			if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
				t.Errorf("answer does not match openapi.json: %v\n%s", err, truncate(rec.Body.String(), 2000))
			}
		})
	}
	// Every operation of the document was exercised.
	for p, item := range doc.Paths.Map() {
		for m := range item.Operations() {
			if !covered[m+" "+p] {
				t.Errorf("%s %s has no validated answer", m, p)
			}
		}
	}

	// Answers outside the routes: unknown route and method.
	errSchema := doc.Components.Schemas["Error"].Value
	for _, tc := range []struct {
		method, url string
		status      int
	}{{"GET", "/nope", 404}, {"GET", "/v1/screen", 405}, {"DELETE", "/catalog", 405}, {"POST", "/healthz", 405}} {
		rec := do(t, f.srv.Handler(), tc.method, tc.url, nil)
		if rec.Code != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.url, rec.Code, tc.status)
		}
		var v any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatalf("%s %s: %v", tc.method, tc.url, err)
		}
		if err := errSchema.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
			t.Errorf("%s %s: error answer does not match the Error schema: %v", tc.method, tc.url, err)
		}
	}
}

// The validator is not a rubber stamp: a drifted answer fails it.
func TestOpenAPIValidatorCatchesDrift(t *testing.T) {
	_, router := loadSpec(t)
	req := httptest.NewRequest("GET", "/healthz", nil)
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{`{"status": "ok", "extra": 1}`, `{"status": "fine"}`, `{}`} {
		out := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
			Status:                 200, Header: http.Header{"Content-Type": {"application/json"}}}
		out.SetBodyBytes([]byte(body))
		if err := openapi3filter.ValidateResponse(context.Background(), out); err == nil {
			t.Errorf("%s passes validation", body)
		}
	}
	// 3.1 type arrays are understood: null is allowed where declared.
	var v any
	_ = json.NewDecoder(bytes.NewReader([]byte(`{"detail": null, "score": 0.5}`))).Decode(&v)
	doc, _ := loadSpec(t)
	if err := doc.Components.Schemas["FtResult"].Value.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
		t.Errorf("type [string, null] refused null: %v", err)
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// TestOpenAPISameAs checks a match that links the listings of one party
// on two lists against the Match schema: the fixture lists nobody twice.
func TestOpenAPISameAs(t *testing.T) {
	doc, _ := loadSpec(t)
	un := person("un_sc_sanctions", "BYi.901", "VORLAN TESKOVICH GRAMMIT", nil, "1961-03-14", "BY")
	ofac := person("us_ofac_sdn", "9001", "GRAMMIT, Vorlan Teskovich", nil, "1961-03-14", "BY")
	ix := match.Build([]*entity.Entity{un, ofac})
	ms, err := ix.Search(match.Query{Name: "Vorlan Grammit"}, match.Options{})
	if err != nil || len(ms) != 2 {
		t.Fatalf("Search: %v, %d matches, want 2", err, len(ms))
	}
	for _, m := range ms {
		if len(m.SameAs) != 1 {
			t.Fatalf("%s: same_as %v, want the other listing", m.EntityID, m.SameAs)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		if err := doc.Components.Schemas["Match"].Value.VisitJSON(v); err != nil {
			t.Errorf("match with same_as does not fit the Match schema: %v\n%s", err, b)
		}
	}
}
