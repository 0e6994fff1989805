package quality

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// Prefixes and suffixes at which a merged name is split ("Abdulrahman"
// -> "Abdul Rahman", "Nasrullah" -> "Nasr Ullah", "PETROCHEMICAL" ->
// "PETRO CHEMICAL").
var (
	splitPrefixes = []string{"abdul", "abdel", "abdoul", "abdol", "petro", "electro", "aero", "agro", "trans",
		"inter", "euro", "sino", "tele"}
	// Arabic particles are split off only names with an Arabic cue:
	// "Alhassan" > "Al hassan", never "Aliaksandr" > "Al iaksandr".
	splitParticles = []string{"abu", "abou", "al", "el", "bin", "ibn", "ben"}
	splitSuffixes  = []string{"ullah", "allah", "uddin", "eddin", "eddine", "uddeen", "addin"}
)

// joinStop are words never hyphenated to or merged with a neighbour.
var joinStop = map[string]bool{"of": true, "and": true, "the": true, "de": true, "del": true, "la": true, "y": true,
	"for": true, "in": true, "&": true}

// spacing changes punctuation and spacing, which clerks and systems
// handle each their own way: hyphens, merged or split tokens, apostrophes,
// dots in initials, commas, case and stray spaces.
func spacing(r *rand.Rand, s listName) (string, string, bool) {
	name := s.n.Full
	var structural []func() (string, string)
	toks := strings.Fields(name)

	// hyphens removed
	if strings.Contains(name, "-") {
		structural = append(structural, func() (string, string) {
			if r.IntN(2) == 0 {
				return strings.ReplaceAll(name, "-", " "), "hyphen>space"
			}
			return strings.ReplaceAll(name, "-", ""), "hyphen>none"
		})
	}
	// two adjacent tokens hyphenated or merged
	var pairs []int
	word := func(t string) bool { return letters(t) >= 2 && !joinStop[strings.ToLower(t)] }
	for i := 0; i+1 < len(toks); i++ {
		if word(toks[i]) && word(toks[i+1]) && !strings.HasSuffix(toks[i], ",") {
			pairs = append(pairs, i)
		}
	}
	if len(pairs) > 0 {
		join := func(sep, what string) func() (string, string) {
			return func() (string, string) {
				i := pairs[r.IntN(len(pairs))]
				second := toks[i+1]
				if sep == "" && !isUpper(name) && r.IntN(2) == 0 {
					second = strings.ToLower(second)
				}
				out := append(append(append([]string{}, toks[:i]...), toks[i]+sep+second), toks[i+2:]...)
				return strings.Join(out, " "), what
			}
		}
		structural = append(structural, join("-", "hyphen_add"), join("", "merge"))
	}
	// a merged token split at a known prefix or suffix
	type cut struct{ tok, at int }
	var cuts []cut
	for i, t := range toks {
		low := strings.ToLower(t)
		if strings.IndexFunc(low, func(c rune) bool { return !unicode.IsLetter(c) }) >= 0 {
			continue
		}
		rs := []rune(low)
		prefixes := splitPrefixes
		if arabic, _ := cues(s); arabic {
			prefixes = append(slices.Clone(prefixes), splitParticles...)
		}
		for _, p := range prefixes {
			if strings.HasPrefix(low, p) && len(rs)-len([]rune(p)) >= 3 {
				cuts = append(cuts, cut{i, len([]rune(p))})
			}
		}
		for _, sfx := range splitSuffixes {
			if strings.HasSuffix(low, sfx) && len(rs)-len([]rune(sfx)) >= 3 {
				cuts = append(cuts, cut{i, len(rs) - len([]rune(sfx))})
			}
		}
	}
	if len(cuts) > 0 {
		structural = append(structural, func() (string, string) {
			c := cuts[r.IntN(len(cuts))]
			rs := []rune(toks[c.tok])
			second := string(rs[c.at:])
			if !isLower(toks[c.tok]) && !isUpper(toks[c.tok]) {
				second = title(second)
			}
			out := append([]string{}, toks...)
			out[c.tok] = string(rs[:c.at]) + " " + second
			return strings.Join(out, " "), "split"
		})
	}
	// apostrophes removed
	if strings.IndexFunc(name, isApostrophe) >= 0 {
		structural = append(structural, func() (string, string) {
			return strings.Map(func(c rune) rune {
				if isApostrophe(c) {
					return -1
				}
				return c
			}, name), "apostrophe"
		})
	}
	// dots in initials and dotted abbreviations
	var initials []int
	for i, t := range toks {
		core := strings.TrimRight(t, ",")
		if isInitials(core) {
			initials = append(initials, i)
		}
	}
	if len(initials) > 0 {
		structural = append(structural, func() (string, string) {
			out := append([]string{}, toks...)
			for _, i := range initials {
				core := strings.TrimRight(out[i], ",")
				trail := out[i][len(core):]
				if strings.Contains(core, ".") {
					core = strings.ReplaceAll(core, ".", "")
				} else {
					core += "."
				}
				out[i] = core + trail
			}
			return strings.Join(out, " "), "initials"
		})
	}
	// commas removed
	if strings.Contains(name, ",") {
		structural = append(structural, func() (string, string) {
			return strings.Join(strings.Fields(strings.ReplaceAll(name, ",", " ")), " "), "comma"
		})
	}

	cosmetic := []func(string) (string, string){
		func(n string) (string, string) {
			switch {
			case isUpper(n):
				if r.IntN(2) == 0 {
					return strings.ToLower(n), "case"
				}
				return titleWords(n), "case"
			case isLower(n):
				return strings.ToUpper(n), "case"
			}
			if r.IntN(2) == 0 {
				return strings.ToLower(n), "case"
			}
			return strings.ToUpper(n), "case"
		},
		func(n string) (string, string) {
			ws := strings.Split(n, " ")
			switch k := r.IntN(len(ws) + 1); {
			case k == len(ws):
				return " " + n + "  ", "spaces"
			case k == 0:
				return "  " + n, "spaces"
			default:
				ws[k] = " " + ws[k]
				return strings.Join(ws, " "), "spaces"
			}
		},
	}

	out := name
	var ops []string
	if len(structural) > 0 {
		// One structural change; combining two planned on the same
		// tokens would need replanning and tells little more.
		q, op := structural[r.IntN(len(structural))]()
		out, ops = q, append(ops, op)
		if r.IntN(2) == 0 {
			q, op := cosmetic[r.IntN(len(cosmetic))](out)
			out, ops = q, append(ops, op)
		}
	} else {
		// case and stray spaces only: one of them or both
		r.Shuffle(len(cosmetic), func(i, j int) { cosmetic[i], cosmetic[j] = cosmetic[j], cosmetic[i] })
		for _, f := range cosmetic[:1+r.IntN(len(cosmetic))] {
			q, op := f(out)
			out, ops = q, append(ops, op)
		}
	}
	if out == s.n.Full {
		return "", "", false
	}
	return out, strings.Join(ops, ","), true
}

// isInitials reports a single letter ("A", "A.") or dotted letters
// ("S.A.", "C.V.").
func isInitials(t string) bool {
	rs := []rune(t)
	switch {
	case len(rs) == 1:
		return unicode.IsLetter(rs[0])
	case len(rs) == 2 && rs[1] == '.':
		return unicode.IsLetter(rs[0])
	}
	if len(rs)%2 != 0 || len(rs) < 4 {
		return false
	}
	for i := 0; i < len(rs); i += 2 {
		if !unicode.IsLetter(rs[i]) || rs[i+1] != '.' {
			return false
		}
	}
	return true
}

// titleWords capitalizes each space-separated word.
func titleWords(s string) string {
	ws := strings.Split(s, " ")
	for i, w := range ws {
		ws[i] = title(w)
	}
	return strings.Join(ws, " ")
}
