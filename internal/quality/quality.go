// Package quality measures a name matcher against test sets built from the
// real sanctions lists (SPEC section 8): spelling perturbations of listed
// names, aliases the index does not know, and names in their original
// script, scored at the threshold that makes 1% of clean customers alert.
//
// Recall at the top alone flatters a matcher that scores everything high;
// recall at a fixed alert rate on a clean population is what a bank
// lives with, so both are reported. The matcher plugs in through Builder,
// which keeps this package free of any engine dependency.
//
// Cases are derived from the lists, never copied from them: the data
// folder is read in place and given as a parameter.
package quality

import (
	"slices"
	"strings"
	"unicode"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Query is what is screened. Cases set only Name and Schema: the harness
// measures names, not the help a birth date or a country gives.
type Query struct{ Name, Schema, BirthDate, Country string }

// Hit is one candidate a Searcher returns.
type Hit struct {
	EntityID string
	Score    float64
	// SameAs are the other listings of the same party the searcher knows
	// of (the UN's and OFAC's listings of one person). Strict recall
	// ignores them; party recall accepts a hit on one of them.
	SameAs []string
}

// Searcher screens one query. Hits come best first. Run calls Search from
// several goroutines at once, so it must be safe for concurrent use.
type Searcher interface {
	Search(q Query, limit int) []Hit
}

// Builder builds an index over exactly the given entities. Run calls it
// once per family of cases, since two families hide names from the index.
type Builder func(ents []entity.Entity) (Searcher, error)

// Case is one query with the entity that should be found.
type Case struct {
	Kind   string // "typo", "held_out_alias", "original_script_Arab", ...
	Detail string // how the query was made: edits, system, title, name kind
	Query  Query
	Want   string // entity ID
	// From is the list name the query was derived from. An entity that
	// carries the same name (after Fold) is also a correct answer: UN and
	// OFAC list many of the same people.
	From string
}

// Options tune the test sets and the measurement.
type Options struct {
	// Seed picks the sample of names and the perturbations. Another seed
	// gives another sample, to check a matcher was not tuned to one.
	Seed uint64
	// PerKind caps the cases of each kind.
	PerKind int
	// DefaultThreshold is the matcher's own match threshold, reported
	// next to the 1% alert-rate threshold.
	DefaultThreshold float64
	// Limit is the number of hits asked per query.
	Limit int
}

// DefaultOptions are the options the quality figures are quoted with.
// DefaultThreshold is a placeholder: pass the engine's own default.
func DefaultOptions() Options {
	return Options{Seed: 1, PerKind: 1000, DefaultThreshold: 0.7, Limit: 10}
}

// Fold is the name comparison used to accept a hit that is another
// listing of the same name: lower case, letters and digits only, tokens
// sorted. Apostrophes and similar marks inside a word are dropped rather
// than splitting it, so "Mu'min" and "Mumin" fold alike.
func Fold(s string) string {
	var toks []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			toks = append(toks, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, unicode.ToLower(r))
		case isApostrophe(r) || unicode.Is(unicode.Mn, r):
			// inside a word: keep the word whole
		default:
			flush()
		}
	}
	flush()
	slices.Sort(toks)
	return strings.Join(toks, " ")
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u02bb', '\u02be', '\u02bf', '`', '\u00b4':
		return true
	}
	return false
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// wordCount counts the space-separated tokens of s that hold a letter or
// digit: "Abd al-Rahman" has two, "KHAN, Abdul" two.
func wordCount(s string) int {
	n := 0
	for _, t := range strings.Fields(s) {
		if strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// tooShort reports names too thin to measure: a single token of fewer
// than four letters ("Abu", "ISI") is no name a screener can be asked to
// find.
func tooShort(s string) bool {
	return wordCount(s) <= 1 && letters(s) < 4
}

// withDefaults fills the zero fields from DefaultOptions, so that a
// caller can set only what it cares about.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.PerKind <= 0 {
		o.PerKind = d.PerKind
	}
	if o.Limit <= 0 {
		o.Limit = d.Limit
	}
	return o
}
