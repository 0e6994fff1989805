package match

import (
	"cmp"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/names"
)

// Explanation says why a candidate scored what it did: which query tokens
// aligned with which list tokens and how, what each weighed, what was left
// over on either side, and how the other fields moved the score.
type Explanation struct {
	NameScore float64      `json:"name_score"`
	Tokens    []TokenMatch `json:"tokens"`
	Fields    []FieldCheck `json:"fields"`
}

// TokenMatch is one aligned pair or one token left over. Query and List
// hold the tokens as analysed (folded to Latin); Method is one of exact,
// transliteration, phonetic, edit_distance, initial, merged_tokens,
// same_class, translation, unmatched_query or unmatched_list.
type TokenMatch struct {
	Query      string  `json:"query,omitempty"`
	List       string  `json:"list,omitempty"`
	Method     string  `json:"method"`
	Similarity float64 `json:"similarity"`
	Weight     float64 `json:"weight"`
	Class      string  `json:"class,omitempty"` // when not an ordinary word
}

func (ix *Index) explain(s *scratch, r *nameRec, a *alignment, fs *fieldScore) *Explanation {
	ids := ix.flat[r.off : r.off+uint32(r.n)]
	qtext := func(i0, i1 int) string {
		if i0 == i1 {
			return s.qt[i0].Text
		}
		return s.qt[i0].Text + " " + s.qt[i1].Text
	}
	ltext := func(j0, j1 int) string {
		if j0 == j1 {
			return ix.toks[ids[j0]].Text
		}
		return ix.toks[ids[j0]].Text + " " + ix.toks[ids[j1]].Text
	}
	ex := &Explanation{NameScore: round(a.score), Fields: fs.checks}
	if ex.Fields == nil {
		ex.Fields = []FieldCheck{}
	}
	// Pairs in query order, then leftovers, so the explanation reads like
	// the query.
	pairs := slices.Clone(a.pairs)
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(a.q0, b.q0) })
	for _, p := range pairs {
		tm := TokenMatch{
			Query:      qtext(p.q0, p.q1),
			List:       ltext(p.l0, p.l1),
			Method:     p.how.String(),
			Similarity: round(float64(p.sim)),
			Weight:     round(float64(p.w)),
		}
		if c := ix.toks[ids[p.l0]].Class; c != names.Word {
			tm.Class = c.String()
		}
		ex.Tokens = append(ex.Tokens, tm)
	}
	for i := range s.qt {
		if a.qLeft&(1<<uint(i)) != 0 {
			tm := TokenMatch{Query: s.qt[i].Text, Method: "unmatched_query", Weight: round(float64(unmatchedQuery * s.qw[i]))}
			if c := s.qt[i].Class; c != names.Word {
				tm.Class = c.String()
			}
			ex.Tokens = append(ex.Tokens, tm)
		}
	}
	for j := range ids {
		if a.lLeft&(1<<uint(j)) != 0 {
			tm := TokenMatch{List: ix.toks[ids[j]].Text, Method: "unmatched_list", Weight: round(float64(unmatchedList * min(a.weight[j], unmatchedCap)))}
			if c := ix.toks[ids[j]].Class; c != names.Word {
				tm.Class = c.String()
			}
			ex.Tokens = append(ex.Tokens, tm)
		}
	}
	return ex
}

// String renders an explanation on one line for the human table.
func (e *Explanation) String() string {
	var b strings.Builder
	for i, t := range e.Tokens {
		if i > 0 {
			b.WriteString(", ")
		}
		switch t.Method {
		case "unmatched_query":
			b.WriteString(t.Query + " → ∅")
		case "unmatched_list":
			b.WriteString("∅ ← " + t.List)
		default:
			b.WriteString(t.Query + " → " + t.List + " (" + t.Method + ")")
		}
	}
	for _, f := range e.Fields {
		b.WriteString("; " + f.Field + " " + f.Result)
	}
	return b.String()
}
