// Package wire is the JSON that embargo's interfaces speak: the native
// HTTP API, `screen --json` and the batch output lines. It is mapped from
// the engine's results, so that the matcher's and engine's own types can
// change without changing what clients read. The yente-compatible API
// has its own shapes (package server's yente layer).
package wire

import (
	"time"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
)

// VersionRef names a list version: its dataset, its number within the
// dataset, its store-wide id and its publication date.
type VersionRef = engine.VersionRef

// Match is one candidate for a query.
type Match struct {
	EntityID    string       `json:"entity_id"`
	Dataset     string       `json:"dataset"`
	Source      string       `json:"source"` // = Dataset, kept for older readers
	SourceID    string       `json:"source_id"`
	Schema      string       `json:"schema"`
	Name        string       `json:"name"` // the entity's caption
	MatchedName string       `json:"matched_name"`
	Score       float64      `json:"score"`
	Match       bool         `json:"match"`
	Explanation *Explanation `json:"explanation"`
	// SameAs lists the other listings of the same party among the lists
	// screened, with the evidence that links them.
	SameAs []SameAs `json:"same_as,omitempty"`
	// Programs are the sanctions programmes the listing names, with the
	// regimes they belong to where known.
	Programs []Program `json:"programs,omitempty"`
	// Authority is who lists the party: "UN", "EU" or a state's ISO code;
	// AuthorityName the publisher's words.
	Authority     string `json:"authority,omitempty"`
	AuthorityName string `json:"authority_name,omitempty"`
	ListedOn      string `json:"listed_on,omitempty"`
}

// SameAs is another listing of the same party.
type SameAs struct {
	ID string `json:"id"`
	By string `json:"by"`
}

// Program is a programme named on a listing.
type Program struct {
	Name string `json:"name"`
}

// Explanation says why a candidate scored what it did.
type Explanation struct {
	NameScore float64      `json:"name_score"`
	Tokens    []TokenMatch `json:"tokens"`
	Fields    []FieldCheck `json:"fields"`
}

// TokenMatch is one aligned pair of words, or a word left over.
type TokenMatch struct {
	Query      string  `json:"query,omitempty"`
	List       string  `json:"list,omitempty"`
	Method     string  `json:"method"`
	Similarity float64 `json:"similarity"`
	Weight     float64 `json:"weight"`
	Class      string  `json:"class,omitempty"`
}

// FieldCheck is how one non-name field compared.
type FieldCheck struct {
	Field  string  `json:"field"`
	Result string  `json:"result"`
	Query  string  `json:"query,omitempty"`
	List   string  `json:"list,omitempty"`
	Effect float64 `json:"effect"`
}

// Query is the query as screened (checked and normalized).
type Query struct {
	Name        string   `json:"name"`
	Schema      string   `json:"schema,omitempty"`
	BirthDate   string   `json:"birth_date,omitempty"`
	Countries   []string `json:"countries,omitempty"`
	Identifiers []string `json:"identifiers,omitempty"`
	Gender      string   `json:"gender,omitempty"`
	Datasets    []string `json:"datasets,omitempty"`
}

// FromQuery maps a query.
func FromQuery(q match.Query) Query {
	return Query{Name: q.Name, Schema: string(q.Schema), BirthDate: q.BirthDate, Countries: q.Countries,
		Identifiers: q.Identifiers, Gender: q.Gender, Datasets: q.Datasets}
}

// Matches maps results; never nil, so that JSON says [] for none.
func Matches(rs []engine.Result) []Match {
	out := make([]Match, len(rs))
	for i := range rs {
		out[i] = FromResult(&rs[i])
	}
	return out
}

// FromResult maps one result.
func FromResult(r *engine.Result) Match {
	m := Match{
		EntityID: r.EntityID, Dataset: r.Dataset, Source: r.Dataset, SourceID: r.SourceID, Schema: r.Schema,
		Name: r.Name, MatchedName: r.MatchedName, Score: r.Score, Match: r.Match.Match,
		Explanation: FromExplanation(r.Explanation),
		Authority:   r.Authority, AuthorityName: r.AuthorityName, ListedOn: r.ListedOn,
	}
	for _, l := range r.SameAs {
		m.SameAs = append(m.SameAs, SameAs{ID: l.ID, By: l.By})
	}
	for _, p := range r.Programs {
		m.Programs = append(m.Programs, Program{Name: p})
	}
	return m
}

// FromExplanation maps an explanation.
func FromExplanation(e *match.Explanation) *Explanation {
	if e == nil {
		return nil
	}
	out := &Explanation{NameScore: e.NameScore}
	if e.Tokens != nil {
		out.Tokens = make([]TokenMatch, len(e.Tokens))
	}
	for i, t := range e.Tokens {
		out.Tokens[i] = TokenMatch{Query: t.Query, List: t.List, Method: t.Method, Similarity: t.Similarity, Weight: t.Weight, Class: t.Class}
	}
	if e.Fields != nil {
		out.Fields = make([]FieldCheck, len(e.Fields))
	}
	for i, f := range e.Fields {
		out.Fields[i] = FieldCheck{Field: f.Field, Result: f.Result, Query: f.Query, List: f.List, Effect: f.Effect}
	}
	return out
}

// ScreenAnswer is one screening's answer: `screen --json` and
// POST /v1/screen (which adds the caller's id and the options).
type ScreenAnswer struct {
	Query    Query        `json:"query"`
	Versions []VersionRef `json:"versions"`
	AsOf     string       `json:"as_of,omitempty"`
	Matches  []Match      `json:"matches"`
}

// EntityHistory is an entity with its history across the versions of its
// dataset: GET /v1/entities/{id} and `entities show --json`.
type EntityHistory struct {
	Entity     *entity.Entity       `json:"entity"`
	Version    VersionRef           `json:"version"` // the version the entity is shown as in
	Loaded     bool                 `json:"loaded"`  // in the index screened against
	FirstSeen  string               `json:"first_seen"`
	LastChange string               `json:"last_change"`
	History    []HistoryEntry       `json:"history"`
	Changes    []entity.FieldChange `json:"latest_changes,omitempty"`
}

// HistoryEntry is one version of the dataset as seen from the entity.
type HistoryEntry struct {
	Version   int      `json:"version"`
	ID        int64    `json:"id"`
	Published string   `json:"published"`
	Imported  string   `json:"imported"`
	Present   bool     `json:"present"`
	Changed   bool     `json:"changed"`
	Status    string   `json:"status"` // added, changed, unchanged, removed, absent
	Fields    []string `json:"fields,omitempty"`
}

// FromHistory maps an entity history; loaded says whether the entity is
// in the snapshot being screened against.
func FromHistory(h *engine.History, loaded bool) *EntityHistory {
	out := &EntityHistory{Entity: h.Entity, Version: engine.Ref(h.Version), Loaded: loaded, Changes: h.Changes,
		FirstSeen: h.FirstSeen, LastChange: h.LastChange, History: make([]HistoryEntry, len(h.Entries))}
	for i, e := range h.Entries {
		v := e.Version
		out.History[i] = HistoryEntry{Version: v.Number, ID: v.ID, Published: v.Published, Imported: v.Imported.UTC().Format(time.RFC3339),
			Present: e.Present, Changed: e.Status == "changed", Status: e.Status, Fields: e.Fields}
	}
	return out
}
