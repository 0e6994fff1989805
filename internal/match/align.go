package match

import (
	"cmp"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/names"
)

// Penalties for tokens left unaligned, as a fraction of their weight. A
// query token the list name lacks counts fully: the customer is called
// something the listed party is not. A list token the query lacks counts
// less: customers and payments routinely drop middle names and
// patronymics.
//
// A list token left over weighs at most unmatchedCap (the weight of a
// token one entity in 400 carries, log 400): that a query omits a rare middle
// name ("AL-AHMAD, Mahmud" for AL-AHMAD, Mahmud Dhiyab) is no stronger
// evidence against the match than that it omits a common one, while a
// rare token present still counts in full for it.
const (
	unmatchedQuery = 1.0
	unmatchedList  = 0.3
	unmatchedCap   = 6
)

// pair is one alignment of query tokens with list tokens.
type pair struct {
	q0, q1 int // query tokens covered (q0 == q1 but for merged)
	l0, l1 int // list tokens covered, positions within the name
	sim    float32
	how    names.Method
	w      float32
}

type alignment struct {
	pairs  []pair // in the search's arena, from start
	start  int
	qLeft  uint64 // bit i: query token i unaligned
	lLeft  uint64
	score  float64
	num    float32
	den    float32
	weight []float32 // list token weights, by position
}

// align aligns the query tokens with one list name order-free: greedily,
// most similar pairs first, then joins leftovers written merged on one
// side and split on the other. The name score is the aligned weight times
// similarity over the aligned weight plus the penalties for what is left.
func (ix *Index) align(s *scratch, r *nameRec) alignment {
	qt := s.qt
	ids := ix.flat[r.off : r.off+uint32(r.n)]
	// Weights and pairs live in per-search arenas: a search aligns dozens
	// of names and keeps only a few alignments for its answer.
	n0 := len(s.wbuf)
	s.wbuf = slices.Grow(s.wbuf, len(ids))[:n0+len(ids)]
	a := alignment{weight: s.wbuf[n0:len(s.wbuf):len(s.wbuf)]}
	a.start = len(s.pbuf)
	for j, id := range ids {
		a.weight[j] = ix.weight(&ix.toks[id].Token, ix.toks[id].idf)
	}
	var cands [MaxTokens * 4]pair
	cs := cands[:0]
	// Letters in a row in a company's name are an acronym or a designation
	// ("T.M.G. ENGINEERING", "A A TRADING"), not given names cut short:
	// Tamimi is not T there. A letter alone may still stand for a word
	// ("SHETAB G" for Shetab Gaman).
	schema := ix.recs.at(r.ent).schema
	person := schema == entity.Person || schema == entity.LegalEntity
	letter := func(j int) bool { return j >= 0 && j < len(ids) && len(ix.toks[ids[j]].Text) == 1 }
	// "I AND S HOLDING" has letters in a row too.
	near := func(j, d int) bool {
		return letter(j+d) || j+d >= 0 && j+d < len(ids) && ix.toks[ids[j+d]].Class == names.Particle && letter(j+2*d)
	}
	for i := range qt {
		for j, id := range ids {
			m, ok := s.memo[memoKey(i, id)]
			if !ok {
				sim, how := names.Similarity(&qt[i], &ix.toks[id].Token)
				m = simRes{float32(sim), how}
				s.memo[memoKey(i, id)] = m
			}
			if m.how == names.NoMatch || m.how == names.Initial && !person && (near(j, -1) || near(j, 1)) {
				continue
			}
			if m.how == names.Translit && (qt[i].Class == names.Particle) != (ix.toks[id].Class == names.Particle) {
				// Across scripts a particle is only itself: a word whose
				// skeleton is "al"'s ("علیا", Alia) is a word left over,
				// not the article.
				continue
			}
			if len(cs) == cap(cs) {
				break
			}
			cs = append(cs, pair{i, i, j, j, m.sim, m.how, a.weight[j]})
		}
	}
	// A token one side writes as several on the other ("Segon" and "Se
	// Gon") is an exact pair of its own, so that it is not broken up by a
	// fuzzy pairing of one of its pieces ("Segon" with "Gon").
	cs = ix.exactMerges(s, cs, ids, a.weight)
	slices.SortFunc(cs, func(x, y pair) int {
		if c := cmp.Compare(y.sim, x.sim); c != 0 {
			return c
		}
		// At equal similarity a word pairs with a word before a
		// particle does: in "al ... li" (ال ... علی), Ali is li's.
		if c := cmp.Compare(sameClass(qt, ids, ix, y), sameClass(qt, ids, ix, x)); c != 0 {
			return c
		}
		if c := cmp.Compare(y.w, x.w); c != 0 {
			return c
		}
		return cmp.Compare(x.q0*64+x.l0, y.q0*64+y.l0)
	})
	a.qLeft = 1<<uint(len(qt)) - 1
	a.lLeft = 1<<uint(len(ids)) - 1
	for _, p := range cs {
		qm, lm := span(p.q0, p.q1), span(p.l0, p.l1)
		if a.qLeft&qm != qm || a.lLeft&lm != lm {
			continue
		}
		a.qLeft &^= qm
		a.lLeft &^= lm
		s.addPair(&a, p)
	}
	if a.qLeft != 0 && a.lLeft != 0 {
		ix.alignMerged(s, &a, ids)
	}
	if a.qLeft != 0 && a.lLeft != 0 {
		ix.alignClasses(s, &a, ids)
	}
	for _, p := range a.pairs {
		a.num += p.sim * p.w
		a.den += p.w
	}
	for i := range qt {
		if a.qLeft&(1<<uint(i)) != 0 {
			a.den += unmatchedQuery * s.qw[i]
		}
	}
	for j := range ids {
		if a.lLeft&(1<<uint(j)) != 0 {
			a.den += unmatchedList * min(a.weight[j], unmatchedCap)
		}
	}
	if a.den > 0 {
		a.score = float64(a.num / a.den)
	}
	if a.num < ix.minEvidence {
		// "Mohammed" or "Trading" alone agrees with a listing and says
		// nothing: a name with that little aligned is worth a look, not
		// an alert.
		a.score = min(a.score, lowEvidenceScore)
	}
	return a
}

// lowEvidenceScore is the most a name with too little aligned may score.
const lowEvidenceScore = 0.8

// sameClass is 1 when the pair's first query and list tokens are of one
// class, else 0.
func sameClass(qt []names.Token, ids []uint32, ix *Index, p pair) int {
	if qt[p.q0].Class == ix.toks[ids[p.l0]].Class {
		return 1
	}
	return 0
}

// span is the bit mask of positions i0..i1.
func span(i0, i1 int) uint64 { return (1<<uint(i1-i0+1) - 1) << uint(i0) }

// exactMerges appends the pairs of a query token that is 2 to maxPieces
// adjacent list tokens written together, and of a list token that is
// adjacent query tokens written together.
func (ix *Index) exactMerges(s *scratch, cs []pair, ids []uint32, weight []float32) []pair {
	qt := s.qt
	for i := range qt {
		if len(qt[i].Text) < 2 {
			continue
		}
		for j := range ids {
			x := qt[i].Text
			var w float32
			letters := true // "PCC" for "P.C.C." is short but no accident
			for k := j; k < len(ids) && k-j < maxPieces; k++ {
				t := ix.toks[ids[k]].Text
				if !strings.HasPrefix(x, t) || ix.toks[ids[k]].Abjad != qt[i].Abjad {
					break
				}
				x, w = x[len(t):], w+weight[k]
				letters = letters && len(t) == 1
				if x == "" {
					if k > j && (letters || len(qt[i].Text) >= 4) && len(cs) < cap(cs) {
						cs = append(cs, pair{i, i, j, k, 1, names.Merged, w})
					}
					break
				}
			}
		}
	}
	for j, id := range ids {
		lt := &ix.toks[id].Token
		if len(lt.Text) < 2 {
			continue
		}
		for i := range qt {
			x := lt.Text
			letters := true
			for k := i; k < len(qt) && k-i < maxPieces; k++ {
				if !strings.HasPrefix(x, qt[k].Text) || qt[k].Abjad != lt.Abjad {
					break
				}
				x = x[len(qt[k].Text):]
				letters = letters && len(qt[k].Text) == 1
				if x == "" {
					if k > i && (letters || len(lt.Text) >= 4) && len(cs) < cap(cs) {
						cs = append(cs, pair{i, k, j, j, 1, names.Merged, weight[j]})
					}
					break
				}
			}
		}
	}
	return cs
}

// minMerged is the similarity a merged form needs: joining tokens makes
// long strings, within whose edit budget unrelated pairs can fall.
const minMerged = 0.8

// mergedFactor discounts a merged pair that is not spelled the same: two
// words read as one variant of a third is one guess more than a variant
// ("احمد ضیا" is Ahmad Zia before it is Ahmadzai).
const mergedFactor = 0.97

// alignMerged pairs a leftover token on one side with two adjacent
// leftover tokens on the other, joined.
func (ix *Index) alignMerged(s *scratch, a *alignment, ids []uint32) {
	qt := s.qt
	left := func(mask uint64, i int) bool { return mask&(1<<uint(i)) != 0 }
	// A query token against two list tokens.
	for i := range qt {
		if !left(a.qLeft, i) {
			continue
		}
		for j := 0; j+1 < len(ids); j++ {
			if !left(a.lLeft, j) || !left(a.lLeft, j+1) {
				continue
			}
			a1, a2 := &ix.toks[ids[j]].Token, &ix.toks[ids[j+1]].Token
			if !joinable(a1, a2) {
				continue
			}
			if d := len(qt[i].Text) - len(a1.Text) - len(a2.Text); d > 3 || d < -3 {
				continue // too far apart in length to be the same word
			}
			lt := join(a1, a2)
			if sim, _ := names.Similarity(&qt[i], &lt); sim >= minMerged {
				s.addPair(a, pair{i, i, j, j + 1, float32(sim * mergedFactor), names.Merged, a.weight[j] + a.weight[j+1]})
				a.qLeft &^= 1 << uint(i)
				a.lLeft &^= 3 << uint(j)
				break
			}
		}
	}
	// Two query tokens against one list token.
	for i := 0; i+1 < len(qt); i++ {
		if !left(a.qLeft, i) || !left(a.qLeft, i+1) || !joinable(&qt[i], &qt[i+1]) {
			continue
		}
		qj := &s.qjoin[i]
		for j := range ids {
			if !left(a.lLeft, j) {
				continue
			}
			if d := len(qj.Text) - len(ix.toks[ids[j]].Text); d > 3 || d < -3 {
				continue
			}
			if sim, _ := names.Similarity(qj, &ix.toks[ids[j]].Token); sim >= minMerged {
				s.addPair(a, pair{i, i + 1, j, j, float32(sim * mergedFactor), names.Merged, a.weight[j]})
				a.qLeft &^= 3 << uint(i)
				a.lLeft &^= 1 << uint(j)
				break
			}
		}
	}
}

// sameClassSim is the similarity of two different legal forms (LLC and
// GmbH) or honorifics: both sides say "a company" or "a title", which is
// no evidence against the match and little for it.
const sameClassSim = 0.9

func (ix *Index) alignClasses(s *scratch, a *alignment, ids []uint32) {
	for i := range s.qt {
		// Two legal forms are two ways a company is registered; two
		// different titles (General, Sheikh) are no agreement at all.
		c := s.qt[i].Class
		if c != names.LegalForm || a.qLeft&(1<<uint(i)) == 0 {
			continue
		}
		for j, id := range ids {
			if a.lLeft&(1<<uint(j)) != 0 && ix.toks[id].Class == c {
				s.addPair(a, pair{i, i, j, j, sameClassSim, names.SameClass, a.weight[j]})
				a.qLeft &^= 1 << uint(i)
				a.lLeft &^= 1 << uint(j)
				break
			}
		}
	}
}

// addPair appends p to the alignment a being built, in the search's pair
// arena (alignments are built one after another, so a's pairs are the
// arena's tail). Earlier alignments keep their slices even if the arena
// grows into a new array.
func (s *scratch) addPair(a *alignment, p pair) {
	s.pbuf = append(s.pbuf, p)
	a.pairs = s.pbuf[a.start:len(s.pbuf):len(s.pbuf)]
}
