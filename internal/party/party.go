// Package party finds the listings of one party on different lists. The
// UN and OFAC list most UN-designated persons and organizations each under
// their own id and spelling ("Sabawi Ibrahim Hasan al-Tikriti" and
// "AL-TIKRITI, Sabawi Ibrahim Hassan"); an analyst looking at one wants to
// know of the others, since each carries its own programme and measures,
// and a recall figure that counts the other listing as a miss understates
// the matcher.
//
// Listings are linked only on evidence a compliance analyst would accept
// on its own: the same document number with a name in common, the same
// full date of birth with the same name, the same year of birth with the
// same name of three words or more, or, for organizations and vessels,
// the same primary name with no country against it. Links never cross
// within a dataset: there the publisher has already decided.
package party

import (
	"cmp"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/names"
)

// Link is another listing of the same party and why it is taken to be one.
type Link struct {
	ID string `json:"id"`
	By string `json:"by"` // "identifier 1234567", "birth date 1965-04-29 and name", "name"
}

// maxBucket bounds the listings compared under one key: a date of birth
// or a name shared by more is no evidence of sameness on its own ("1
// January" dates stand for unknown days), and comparing them all would be
// quadratic.
const maxBucket = 64

// tokenMatch is the similarity at which two name tokens count as the same
// word spelled two ways (Hassan, Hasan; Tikriti, Takriti).
const tokenMatch = 0.85

// Find returns, for each of ents, the listings of the same party in the
// other datasets (nil for most), ordered by id.
func Find(ents []*entity.Entity) [][]Link { return FindWith(ents, nil) }

// Words returns the word tokens (class Word) of each name of entity i
// that is not a weak alias, as names.Analyze gives them.
type Words func(i int) [][]names.Token

// FindWith is Find with the names already analyzed, as an index has them;
// nil analyzes them here.
func FindWith(ents []*entity.Entity, analyzedWords Words) [][]Link {
	type keyed struct {
		kind byte // 'i' identifier, 'd' birth date, 'y' birth year and word sound, 'n' name
		val  string
	}
	buckets := map[keyed][]int{}
	// Each entity's names are analyzed at most once: for its keys and for
	// the comparisons.
	tokens := make([][][]names.Token, len(ents))
	analyzed := make([]bool, len(ents))
	words := func(i int) [][]names.Token {
		if analyzed[i] {
			return tokens[i]
		}
		analyzed[i] = true
		if analyzedWords != nil {
			tokens[i] = analyzedWords(i)
			return tokens[i]
		}
		for _, n := range ents[i].Names {
			if n.Kind == entity.WeakAlias {
				continue // "Abu Abdullah" names half the lists
			}
			var w []names.Token
			for _, t := range names.Analyze(n.Full) {
				if t.Class == names.Word {
					w = append(w, t)
				}
			}
			if len(w) > 0 {
				tokens[i] = append(tokens[i], w)
			}
		}
		return tokens[i]
	}
	for i, e := range ents {
		seen := map[keyed]bool{}
		add := func(k keyed) {
			if !seen[k] {
				seen[k] = true
				buckets[k] = append(buckets[k], i)
			}
		}
		for _, id := range e.Identifiers {
			if n := idNumber(id.Number); n != "" {
				add(keyed{'i', n})
			}
		}
		if e.Schema == entity.Person || e.Schema == entity.LegalEntity {
			for _, d := range e.BirthDates {
				if len(d.Value) == len("2006-01-02") && d.Until == "" && !d.Circa {
					add(keyed{'d', d.Value})
				}
				if len(d.Value) >= 4 && !d.Circa {
					// The year alone is shared by hundreds: it is keyed
					// with the sound of each longer word of the names.
					for _, ws := range words(i) {
						for _, t := range ws {
							if len(t.Text) >= 4 {
								add(keyed{'y', d.Value[:4] + " " + t.Phon})
							}
						}
					}
				}
			}
		}
		if e.Schema != entity.Person {
			// Primary names only: organizations' aliases include the
			// generic names of movements ("Ansar Allah", "Ansar
			// al-Sharia") that several lists give to different groups.
			for _, n := range e.Names {
				if n.Kind != entity.Primary {
					continue
				}
				if k := nameKey(n.Full); k != "" {
					add(keyed{'n', k})
				}
			}
		}
	}
	out := make([][]Link, len(ents))
	link := func(a, b int, by string) {
		for _, l := range out[a] {
			if l.ID == ents[b].ID {
				return
			}
		}
		out[a] = append(out[a], Link{ents[b].ID, by})
		out[b] = append(out[b], Link{ents[a].ID, by})
	}
	keys := make([]keyed, 0, len(buckets))
	for k, b := range buckets {
		if len(b) >= 2 && len(b) <= maxBucket {
			keys = append(keys, k)
		}
	}
	// Sorted, so that the evidence kept for a pair found twice is always
	// the same.
	slices.SortFunc(keys, func(x, y keyed) int {
		if c := cmp.Compare(x.kind, y.kind); c != 0 {
			return c
		}
		return strings.Compare(x.val, y.val)
	})
	// A pair shares a year key for each word its names share: it is
	// compared once per kind of evidence.
	compared := map[[2]int]byte{}
	for _, k := range keys {
		b := buckets[k]
		for x := range b {
			for y := x + 1; y < len(b); y++ {
				ea, eb := ents[b[x]], ents[b[y]]
				if ea.Dataset == eb.Dataset || !sameKind(ea.Schema, eb.Schema) {
					continue
				}
				if p := [2]int{b[x], b[y]}; compared[p] == k.kind {
					continue
				} else {
					compared[p] = k.kind
				}
				switch k.kind {
				case 'i':
					// A document number is strong evidence; a name in
					// common guards against a number reused by chance.
					if shareWord(words(b[x]), words(b[y])) {
						link(b[x], b[y], "identifier "+k.val)
					}
				case 'd':
					if sameName(words(b[x]), words(b[y]), 2) {
						link(b[x], b[y], "birth date "+k.val+" and name")
					}
				case 'y':
					// A year is weaker than a date: the names must agree
					// on three words or more.
					if sameName(words(b[x]), words(b[y]), 3) {
						link(b[x], b[y], "birth year "+k.val[:4]+" and name")
					}
				case 'n':
					if !countriesConflict(ea, eb) {
						link(b[x], b[y], "name")
					}
				}
			}
		}
	}
	for i := range out {
		slices.SortFunc(out[i], func(x, y Link) int { return strings.Compare(x.ID, y.ID) })
	}
	return out
}

// idNumber normalizes a document number for comparison: letters and
// digits only, upper case. Numbers shorter than 6 or without a digit are
// too easily shared by chance and give "".
func idNumber(s string) string {
	var b strings.Builder
	digit := false
	for _, r := range strings.ToUpper(s) {
		switch {
		case r >= '0' && r <= '9':
			digit = true
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		}
	}
	if b.Len() < 6 || !digit {
		return ""
	}
	return b.String()
}

// nameKey is an organization's name as a bag of words, for names of two
// words or more: "AL-HARAMAIN FOUNDATION" and "Foundation, Al Haramain"
// meet, a single common word does not.
func nameKey(full string) string {
	var w []string
	for _, t := range names.Analyze(full) {
		if t.Class == names.Word {
			w = append(w, t.Text)
		}
	}
	if len(w) < 2 {
		return ""
	}
	slices.Sort(w)
	return strings.Join(w, " ")
}

// sameKind reports whether two schemas can describe one party.
func sameKind(a, b entity.Schema) bool {
	return a == b || a == entity.LegalEntity || b == entity.LegalEntity
}

// shareWord reports whether some name of one and some name of the other
// have a word in common, spelled alike or nearly.
func shareWord(a, b [][]names.Token) bool {
	for _, x := range a {
		for _, y := range b {
			for i := range x {
				for j := range y {
					if sim, _ := names.Similarity(&x[i], &y[j]); sim >= tokenMatch {
						return true
					}
				}
			}
		}
	}
	return false
}

// sameName reports whether some name of one and some name of the other
// are the same name: every word of the shorter, of at least minWords
// words, matches a different word of the longer. A dropped middle name or a
// second surname is allowed; two people born on one day who share a
// family name are not enough.
func sameName(a, b [][]names.Token, minWords int) bool {
	for _, x := range a {
		for _, y := range b {
			s, l := x, y
			if len(s) > len(l) {
				s, l = l, s
			}
			if distinctive(s) >= minWords && covers(s, l) {
				return true
			}
		}
	}
	return false
}

// distinctive counts the words of a name that tell it apart: not the
// parts of Arabic compounds (Abu Abdullah is abu + abd + allah).
func distinctive(ws []names.Token) int {
	n := 0
	for i := range ws {
		switch ws[i].Text {
		case "abu", "abd", "allah", "umm", "ibn":
		default:
			n++
		}
	}
	return n
}

// covers reports whether each token of s matches a distinct token of l.
func covers(s, l []names.Token) bool {
	var used uint64
	for i := range s {
		found := false
		for j := range l {
			if j >= 64 || used&(1<<uint(j)) != 0 {
				continue
			}
			if sim, _ := names.Similarity(&s[i], &l[j]); sim >= tokenMatch {
				used |= 1 << uint(j)
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// countriesConflict reports whether both listings name countries and
// none in common: the Somali and the Bosnian branch of one charity are
// listed apart, under one name.
func countriesConflict(a, b *entity.Entity) bool {
	ca, cb := countries(a), countries(b)
	if len(ca) == 0 || len(cb) == 0 {
		return false
	}
	for _, c := range ca {
		if slices.Contains(cb, c) {
			return false
		}
	}
	return true
}

func countries(e *entity.Entity) []string {
	out := slices.Clone(e.Countries)
	for _, a := range e.Addresses {
		if a.Country != "" {
			out = append(out, a.Country)
		}
	}
	return out
}
