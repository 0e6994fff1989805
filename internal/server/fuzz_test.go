package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// fuzzAnswer sends body and checks the answer: a JSON body, and a 2xx or
// 4xx status (a panic would surface as a 500 from the recovery).
func fuzzAnswer(t *testing.T, h http.Handler, target string, body []byte) {
	req := httptest.NewRequest("POST", target, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code >= 500 || rec.Code < 200 || (rec.Code >= 300 && rec.Code < 400) {
		t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body.String())
	}
	if !json.Valid(rec.Body.Bytes()) {
		t.Fatalf("answer is not JSON for %q: %q", body, rec.Body.String())
	}
	if rec.Code >= 400 {
		var e errorBody
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Fatalf("error answer without code and message for %q: %s", body, rec.Body.String())
		}
	}
}

func FuzzScreenRequest(f *testing.F) {
	for _, s := range []string{
		`{"name": "Vorlan Grammit", "birth_date": "1961-03-14", "countries": ["BY"], "identifiers": "KX4419023"}`,
		`{"name": "Ротенберг Аркадий", "schema": "Person", "threshold": 0, "limit": 1000}`,
		`{"name": "Odalys Quintero", "as_of": "2024-02-01", "datasets": ["us_ofac_sdn"]}`,
		`{"name": "x", "threshold": 1e308, "limit": -1}`,
		`{"name": "\u0000"}`, `{"name": null}`, `[]`, `null`, `{`, ``, `{"name": "a"} x`,
		`{"queries": [{"name": "Kestrel"}, {"name": 1}, {}]}`,
		`[{"name": "Kestrel Maritime", "as_of": "2024-01-11"}, {"name": "x", "gender": "f"}]`,
		"{\"name\": \"\xff\"}",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	fx := newFixture(f, func(c *Config) { c.MaxBodyBytes = 64 << 10 })
	h := fx.srv.Handler()
	f.Fuzz(func(t *testing.T, body []byte, batch bool) {
		target := "/v1/screen"
		if batch {
			target = "/v1/screen/batch"
		}
		fuzzAnswer(t, h, target, body)
	})
}

func FuzzMatchRequest(f *testing.F) {
	f.Add([]byte(yenteDocsMatchBody), "default")
	for _, s := range []string{
		`{"queries": {"q": {"schema": "Person", "properties": {"name": "Vorlan Grammit", "birthDate": ["1961", 1961, null, true]}}}}`,
		`{"queries": {"a": {"schema": "Company", "properties": {"name": ["Kestrel"], "jurisdiction": "ae", "registrationNumber": ["RX-55120"]}}, "b": null}}`,
		`{"queries": {"q": {"schema": "Vessel", "properties": {"imoNumber": ["9999991"]}}}}`,
		`{"queries": {"q": {"schema": "Person", "properties": {"firstName": ["A"], "lastName": []}}}}`,
		`{"queries": {"q": {"schema": "Thing", "properties": {"name": [[["x"]]]}}}}`,
		`{"queries": {"q": {"schema": 5}}}`, `{"queries": []}`, `{"queries": {"q": "x"}}`, `{}`, `[`, ``,
	} {
		f.Add([]byte(s), "default")
		f.Add([]byte(s), "us_ofac_sdn")
	}
	f.Add([]byte(`{}`), "nope")
	fx := newFixture(f, func(c *Config) { c.MaxBodyBytes = 64 << 10 })
	h := fx.srv.Handler()
	f.Fuzz(func(t *testing.T, body []byte, dataset string) {
		switch dataset {
		case "default", "us_ofac_sdn", "un_sc_sanctions", "nope":
		default:
			dataset = "default" // the path is not what is fuzzed
		}
		fuzzAnswer(t, h, "/match/"+dataset, body)
	})
}
