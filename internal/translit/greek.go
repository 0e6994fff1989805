package translit

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// greekChar is the table entry of one Greek rune: the lowercase unaccented
// base letter (α..ω) with its dialytika, or for anything else the output.
type greekChar struct {
	base rune
	dia  bool // ϊ ϋ: the vowel does not form a digraph with the one before
	out  string
}

var (
	greekTab    [0x90]greekChar  // Greek and Coptic, U+0370..U+03FF
	greekExtTab [0x100]greekChar // Greek Extended (polytonic), U+1F00..U+1FFF
)

// greekLetters is the ELOT 743-like romanization of single letters; γ, μ,
// ν and υ also depend on their neighbours (see greek).
var greekLetters = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

func init() {
	for r := rune(0x0370); r < 0x0400; r++ {
		greekTab[r-0x0370] = greekEntry(r)
	}
	for r := rune(0x1F00); r < 0x2000; r++ {
		greekExtTab[r-0x1F00] = greekEntry(r)
	}
}

func greekEntry(r rune) greekChar {
	var g greekChar
	for k, d := range norm.NFKD.String(string(r)) {
		if k == 0 {
			d = unicode.ToLower(d)
			if _, ok := greekLetters[d]; !ok {
				break
			}
			g.base = d
		} else if d == 0x0308 {
			g.dia = true
		}
	}
	switch {
	case g.base != 0:
	case isApostrophe(r), unicode.IsMark(r):
	case unicode.IsLetter(r):
		g.out = cleanEntry(unidecodeOf(unicode.ToLower(r)))
	default:
		g.out = " "
	}
	return g
}

// greekAt returns the entry of the rune at s[i:] and its size, or ok false
// when the rune is not part of a Greek run (Greek blocks and the combining
// marks that may follow a letter).
func greekAt(s string, i int) (g greekChar, size int, ok bool) {
	r, size := decodeAt(s, i)
	switch {
	case r >= 0x0370 && r < 0x0400:
		return greekTab[r-0x0370], size, true
	case r >= 0x1F00 && r < 0x2000:
		return greekExtTab[r-0x1F00], size, true
	case r >= 0x0300 && r < 0x0370:
		return greekChar{}, size, true
	}
	return greekChar{}, size, false
}

// nextGreekLetter returns the base of the next letter from s[i:], skipping
// combining marks, and the index just after it; 0 when the run ends.
func nextGreekLetter(s string, i int) (rune, int) {
	for {
		g, size, ok := greekAt(s, i)
		if !ok {
			return 0, i
		}
		i += size
		if g.base != 0 {
			return g.base, i
		}
		if g.out != "" {
			return 0, i
		}
	}
}

// greekVoiced: after αυ, ευ, ηυ the υ is v before these (and vowels), f
// before anything else, as in ELOT 743 (Ευάγγελος → evangelos, Ευθύμιος →
// efthymios).
func greekVoiced(b rune) bool {
	switch b {
	case 'α', 'ε', 'η', 'ι', 'ο', 'υ', 'ω', 'β', 'γ', 'δ', 'ζ', 'λ', 'μ', 'ν', 'ρ':
		return true
	}
	return false
}

// greek writes the Greek run starting at s[i] and returns its end.
// Digraphs: ου → ou, αυ/ευ/ηυ → av/ev/iv or af/ef/if, γγ → ng, γκ → g at
// the start of a word and ng inside, γξ → nx, γχ → nch, and at the start
// of a word μπ → b and ντ → d.
func greek(w *writer, s string, i int) int {
	wordStart := true
	var prev rune // base of the previous letter of the word
	for {
		g, size, ok := greekAt(s, i)
		if !ok {
			return i
		}
		i += size
		if g.base == 0 {
			if g.out == "" {
				continue
			}
			w.emit(g.out)
			wordStart = g.out == " "
			prev = 0
			continue
		}
		b := g.base
		nb, after := nextGreekLetter(s, i)
		out := greekLetters[b]
		switch b {
		case 'γ':
			switch nb {
			case 'γ', 'ξ', 'χ':
				out = "n"
			case 'κ':
				out = "ng"
				if wordStart {
					out = "g"
				}
				b, i = nb, after
			}
		case 'μ':
			if wordStart && nb == 'π' {
				out = "b"
				b, i = nb, after
			}
		case 'ν':
			if wordStart && nb == 'τ' {
				out = "d"
				b, i = nb, after
			}
		case 'υ':
			switch {
			case g.dia:
			case prev == 'ο':
				out = "u"
			case prev == 'α' || prev == 'ε' || prev == 'η':
				out = "f"
				if greekVoiced(nb) {
					out = "v"
				}
			}
		}
		w.str(out)
		prev = b
		wordStart = false
	}
}
