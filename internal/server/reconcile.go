package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
)

// Reconciliation (W3C Reconciliation Service API 0.2, as yente serves it).

type reconcileType struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

type reconcileManifest struct {
	Versions        []string          `json:"versions"`
	Name            string            `json:"name"`
	IdentifierSpace string            `json:"identifierSpace"`
	SchemaSpace     string            `json:"schemaSpace"`
	View            map[string]string `json:"view"`
	DefaultTypes    []reconcileType   `json:"defaultTypes"`
}

type reconcileCandidate struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Type        []reconcileType `json:"type"`
	Score       float64         `json:"score"`
	Match       bool            `json:"match"`
}

type reconcileResult struct {
	Result []reconcileCandidate `json:"result"`
}

type reconcileQuery struct {
	Query      string          `json:"query"`
	Type       json.RawMessage `json:"type"`
	Limit      *int            `json:"limit"`
	Properties []struct {
		PID string          `json:"pid"`
		V   json.RawMessage `json:"v"`
	} `json:"properties"`
}

var schemaTypes = map[entity.Schema]reconcileType{
	entity.Person:       {"Person", "People", "A natural person"},
	entity.Organization: {"Organization", "Organizations", "A company, public body or other organization"},
	entity.LegalEntity:  {"LegalEntity", "Legal entities", "A person or an organization"},
	entity.Vessel:       {"Vessel", "Vessels", "A ship"},
	entity.Airplane:     {"Airplane", "Airplanes", "An aircraft"},
}

func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	return scheme + "://" + r.Host
}

// reconcile is GET and POST /reconcile/{dataset}: the service manifest,
// or with a queries parameter (query string or form) the answers.
func (s *Server) reconcile(w http.ResponseWriter, r *http.Request) error {
	h := s.current()
	if h == nil {
		return errNoSnapshot
	}
	dataset := r.PathValue("dataset")
	datasets, err := h.resolveDataset(dataset)
	if err != nil {
		return err
	}
	var queries string
	if r.Method == http.MethodPost {
		buf, err := s.readBody(w, r)
		if err != nil {
			return err
		}
		defer putBuf(buf)
		form, err := url.ParseQuery(buf.String())
		if err != nil {
			return badRequest("queries", "the body is not a form (application/x-www-form-urlencoded): %v", err)
		}
		queries = form.Get("queries")
		if queries == "" {
			queries = r.URL.Query().Get("queries")
		}
		if queries == "" {
			return badRequest("queries", "required: a JSON object of reconciliation queries, as a form field")
		}
	} else {
		queries = r.URL.Query().Get("queries")
	}
	if queries == "" {
		return s.writeJSON(w, r, http.StatusOK, h.manifest(r, dataset))
	}
	if err := checkUTF8([]byte(queries)); err != nil {
		return badRequest("queries", "%s", err.(*apiError).Message)
	}
	var qs map[string]reconcileQuery
	if err := decodeLoose([]byte(queries), &qs, "queries"); err != nil {
		return err
	}
	if len(qs) > yenteMaxBatch {
		return tooLarge("queries", "%d queries: the limit is %d per batch", len(qs), yenteMaxBatch)
	}
	out := make(map[string]reconcileResult, len(qs))
	keys := make([]string, 0, len(qs))
	for k := range qs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := r.Context().Err(); err != nil {
			return err
		}
		res, err := h.reconcileOne(r.Context(), qs[k], "queries."+k, datasets)
		if err != nil {
			return err
		}
		out[k] = res
	}
	w.Header().Set("X-Batch-Size", strconv.Itoa(len(out)))
	return s.writeJSON(w, r, http.StatusOK, out)
}

func (h *held) manifest(r *http.Request, dataset string) *reconcileManifest {
	base := baseURL(r)
	title := datasetTitle(dataset)
	if collections[dataset] {
		title = "All loaded lists"
	}
	m := &reconcileManifest{
		Versions:        []string{"0.2"},
		Name:            title + " (embargo)",
		IdentifierSpace: base + "/entities/",
		SchemaSpace:     base + "/reconcile/schema",
		View:            map[string]string{"url": base + "/entities/{{id}}"},
	}
	for _, s := range []entity.Schema{entity.Person, entity.Organization, entity.LegalEntity, entity.Vessel, entity.Airplane} {
		m.DefaultTypes = append(m.DefaultTypes, schemaTypes[s])
	}
	return m
}

func (h *held) reconcileOne(ctx context.Context, rq reconcileQuery, field string, datasets []string) (reconcileResult, error) {
	limit := yenteMatchLimit
	if rq.Limit != nil {
		if *rq.Limit < 1 || *rq.Limit > yenteMaxMatches {
			return reconcileResult{}, badRequest(field+".limit", "%d: want 1 to %d", *rq.Limit, yenteMaxMatches)
		}
		limit = *rq.Limit
	}
	schema := "LegalEntity"
	if len(rq.Type) > 0 && string(rq.Type) != "null" {
		var t string
		if err := json.Unmarshal(rq.Type, &t); err != nil {
			var ts []string
			if err := json.Unmarshal(rq.Type, &ts); err != nil || len(ts) == 0 {
				return reconcileResult{}, badRequest(field+".type", "want a type id such as Person")
			}
			t = ts[0]
		}
		schema = t
	}
	props := map[string]json.RawMessage{}
	if strings.TrimSpace(rq.Query) != "" {
		b, _ := json.Marshal([]string{rq.Query})
		props["alias"] = b
	}
	for i, p := range rq.Properties {
		name := p.PID
		if j := strings.LastIndexByte(name, ':'); j >= 0 {
			name = name[j+1:] // "Person:birthDate"
		}
		if name == "" {
			return reconcileResult{}, badRequest(fmt.Sprintf("%s.properties[%d].pid", field, i), "required")
		}
		vals, err := propValues(p.V, fmt.Sprintf("%s.properties[%d].v", field, i))
		if err != nil {
			return reconcileResult{}, err
		}
		var have []string
		if old, ok := props[name]; ok {
			_ = json.Unmarshal(old, &have)
		}
		b, _ := json.Marshal(append(have, vals...))
		props[name] = b
	}
	exRaw, _ := json.Marshal(map[string]any{"schema": schema, "properties": props})
	ex, err := parseExample(exRaw, field)
	if err != nil {
		return reconcileResult{}, err
	}
	res, err := screenExample(ctx, h, ex, datasets, nil, 0, match.DefaultThreshold, limit)
	if err != nil {
		return reconcileResult{}, err
	}
	out := reconcileResult{Result: make([]reconcileCandidate, 0, len(res))}
	for _, m := range res {
		t := schemaTypes[entity.Schema(m.Schema)]
		if t.ID == "" {
			t = reconcileType{ID: m.Schema, Name: m.Schema}
		}
		out.Result = append(out.Result, reconcileCandidate{ID: m.ID, Name: m.Caption, Description: t.Description,
			Type: []reconcileType{{ID: t.ID, Name: t.Name}}, Score: m.Score, Match: m.Match})
	}
	return out, nil
}
