package engine

import (
	"context"

	"github.com/embargo-screening/embargo/internal/dataset"
	"github.com/embargo-screening/embargo/internal/match"
)

// Screener is the screening service that every front end calls.
type Screener interface {
	// Screen screens one query against the lists of its as_of date.
	Screen(ctx context.Context, req Request) (*Answer, error)
	// At returns the snapshot for an as_of date ("" for the current one),
	// for callers that screen many queries against one.
	At(ctx context.Context, asOf string) (*Snapshot, error)
}

var _ Screener = (*Engine)(nil)

// Request is one screening: the query, its options and the date of the
// lists to screen against ("" for the current ones).
type Request struct {
	Query   match.Query
	Options match.Options
	AsOf    string
}

// Answer is a screening's result with the snapshot it was made against,
// which names the list versions.
type Answer struct {
	Snapshot *Snapshot
	Query    match.Query
	Options  match.Options
	Matches  []Result
}

// Result is one candidate: the matcher's score and explanation, and what
// an analyst needs to read it: the listing's programmes, authority and
// listing date.
type Result struct {
	match.Match
	Programs []string
	// Authority is the code of who lists the party ("UN", "US", "EU",
	// "GB"), AuthorityName the publisher's own words for it.
	Authority     string
	AuthorityName string
	ListedOn      string
}

// Screen screens req against the snapshot of its date.
func (e *Engine) Screen(ctx context.Context, req Request) (*Answer, error) {
	snap, err := e.At(ctx, req.AsOf)
	if err != nil {
		return nil, err
	}
	ms, err := snap.Screen(req.Query, req.Options)
	if err != nil {
		return nil, err
	}
	return &Answer{Snapshot: snap, Query: req.Query, Options: req.Options, Matches: ms}, nil
}

// Screen screens one query against the snapshot.
func (s *Snapshot) Screen(q match.Query, opt match.Options) ([]Result, error) {
	if err := s.checkDatasets(q.Datasets); err != nil {
		return nil, err
	}
	ms, err := s.Index.Search(q, opt)
	if err != nil {
		return nil, err
	}
	out := make([]Result, len(ms))
	for i, m := range ms {
		out[i] = s.result(m)
	}
	return out, nil
}

func (s *Snapshot) result(m match.Match) Result {
	r := Result{Match: m}
	e := m.Entity
	if e == nil {
		e = s.Entity(m.EntityID)
	}
	r.Authority = dataset.Authority(m.Dataset)
	if e != nil {
		r.Programs, r.AuthorityName, r.ListedOn = e.Programs, e.Authority, e.ListedOn
	}
	if r.AuthorityName == "" {
		if d, ok := dataset.Get(m.Dataset); ok {
			r.AuthorityName = d.AuthorityName
		}
	}
	return r
}
