// Package translit turns names written in any script into plain lowercase
// ASCII Latin, so that a name in Cyrillic, Arabic, Hebrew, Greek, Hangul,
// Han, kana and so on can be compared with the Latin spellings that
// sanctions lists publish.
//
// The tables aim at the English-style transliterations the lists use
// (BGN/PCGN-like Cyrillic, ELOT-like Greek, consonantal Arabic and Hebrew,
// Revised Romanization for Hangul, pinyin for Han, Hepburn for kana) rather
// than at reversible scholarly schemes: the matcher compares the result with
// list spellings by edit distance, so what matters is landing close to them.
// Scripts without a table of their own go through unidecode.
//
// Latin is called on every query, so it avoids regexps and per-rune
// allocation: every table is an array or map built once at init and
// indexed by rune, and the only allocation is the output itself (none at
// all when the input is already in output form).
package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode/table"
	"golang.org/x/text/unicode/norm"
)

// Latin returns s transliterated to lowercase ASCII. Letters of every script
// become a–z; digits stay; Latin letters lose diacritics (é→e, ß→ss, æ→ae,
// ø→o, ł→l, đ→d, ı→i, þ→th, ə→a, œ→oe); every other character (spaces,
// punctuation, symbols, marks that are not letters) becomes a single space
// (runs collapsed, trimmed). Apostrophes and similar (' ’ ʻ ʼ ` ´) are
// dropped without a space so that O'Brien → obrien and Praskov'ya →
// praskovya. Hyphens become a space.
//
// Han and Hangul output is split into tokens the way the lists write names:
// a space-delimited run of 2–4 Han characters becomes surname + given name
// (习近平 → "xi jinping"), longer runs one token per syllable; a
// space-delimited run of 1–4 Hangul syllables becomes surname + given name
// with the customary spelling of common surnames (김정은 → "kim jeongeun").
// Han, Hangul and kana runs are always separated from neighbouring text by
// a space.
//
// The result is idempotent: Latin(Latin(s)) == Latin(s).
func Latin(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return latinASCII(s)
	}
	if needsNFKC(s[i:]) && !norm.NFKC.IsNormalString(s) {
		// NFKC turns a spacing acute into space + combining acute; the acute
		// is an apostrophe here, so make it one first.
		s = norm.NFKC.String(strings.ReplaceAll(s, "\u00b4", "'"))
	}
	var w writer
	w.b.Grow(len(s) + 8)
	var prev rune // the previous input rune, for token boundaries
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			w.ascii(c)
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.space()
			prev = r
			i++
			continue
		}
		next := i + size
		switch {
		case r < latinEnd:
			w.emit(latinTab[r-latinStart])
		case r < 0x0400:
			next = greek(&w, s, i)
		case r < 0x0530:
			w.emit(cyrlTab[r-0x0400])
		case r >= 0x0590 && r < 0x0600:
			next = hebrew(&w, s, i)
		case isArabic(r):
			next = arabic(&w, s, i)
		case r >= 0x1E00 && r < 0x1F00:
			w.emit(latinExtTab[r-0x1E00])
		case r >= 0x1F00 && r < 0x2000:
			next = greek(&w, s, i)
		case r >= 0x2000 && r < 0x2070:
			w.emit(punctTab[r-0x2000])
		case isHangul(r):
			next = hangul(&w, s, i, prev)
		case isHan(r):
			next = han(&w, s, i, prev)
		case isKana(r):
			next = kana(&w, s, i)
		default:
			fallback(&w, r)
		}
		if next != i+size {
			r, _ = utf8.DecodeLastRuneInString(s[:next])
		}
		prev = r
		i = next
	}
	return w.b.String()
}

// latinASCII is the fast path for pure-ASCII input: lowercase, drop
// apostrophes, everything that is not a letter or digit becomes a space.
// Input already in output form is returned as is, without allocating.
func latinASCII(s string) string {
	clean := len(s) == 0 || (s[0] != ' ' && s[len(s)-1] != ' ')
	for i := 0; clean && i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ':
			clean = s[i-1] != ' '
		default:
			clean = false
		}
	}
	if clean {
		return s
	}
	var w writer
	w.b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		w.ascii(s[i])
	}
	return w.b.String()
}

// writer accumulates the output. Spaces are deferred: space() only records
// that the next word must be preceded by one, so runs collapse and the
// result is never padded.
type writer struct {
	b       strings.Builder
	pending bool
}

func (w *writer) space() {
	if w.b.Len() > 0 {
		w.pending = true
	}
}

func (w *writer) flush() {
	if w.pending {
		w.b.WriteByte(' ')
		w.pending = false
	}
}

// str writes t, which holds only [a-z0-9].
func (w *writer) str(t string) {
	if t == "" {
		return
	}
	w.flush()
	w.b.WriteString(t)
}

func (w *writer) byte(c byte) {
	w.flush()
	w.b.WriteByte(c)
}

// emit writes a table entry: "" writes nothing, " " a word break, anything
// else is letters and digits.
func (w *writer) emit(t string) {
	if t == " " {
		w.space()
		return
	}
	w.str(t)
}

// ascii writes one ASCII byte by the output rules.
func (w *writer) ascii(c byte) {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		w.byte(c)
	case 'A' <= c && c <= 'Z':
		w.byte(c + 'a' - 'A')
	case c == '\'' || c == '`':
	default:
		w.space()
	}
}

// clean writes an unidecode entry: letters lowercased, digits kept, spaces
// kept as word breaks, anything else (apostrophes, @, ?) dropped, because
// it stands for part of a letter.
func (w *writer) clean(t string) {
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == ' ':
			w.space()
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			w.byte(c)
		case 'A' <= c && c <= 'Z':
			w.byte(c + 'a' - 'A')
		}
	}
}

// fallback handles a rune no table of this package covers: letters,
// numbers and marks go through unidecode, anything else is a word break;
// invisible format characters vanish.
func fallback(w *writer, r rune) {
	switch {
	case unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsMark(r):
		if isCombiningDiacritic(r) {
			return
		}
		w.clean(unidecodeOf(r))
	case unicode.Is(unicode.Cf, r):
		if dropFormat(r) {
			return
		}
		w.space()
	default:
		w.space()
	}
}

// unidecodeOf returns unidecode's entry for r, or "".
func unidecodeOf(r rune) string {
	if r > 0xeffff {
		return ""
	}
	if tb, ok := table.Tables[r>>8]; ok && int(r&0xff) < len(tb) {
		return tb[r&0xff]
	}
	return ""
}

// isCombiningDiacritic reports the blocks of script-neutral combining marks,
// which only decorate the letter before them.
func isCombiningDiacritic(r rune) bool {
	return r >= 0x0300 && r < 0x0370 || r >= 0x1AB0 && r < 0x1B00 ||
		r >= 0x1DC0 && r < 0x1E00 || r >= 0x20D0 && r < 0x2100 ||
		r >= 0xFE00 && r < 0xFE10 || r >= 0xFE20 && r < 0xFE30 ||
		r >= 0xE0100 && r < 0xE01F0
}

// dropFormat reports format characters that are invisible inside a word
// (soft hyphen, joiners, direction marks, BOM) and so must not split it.
func dropFormat(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x061C, r == 0x180E, r == 0xFEFF:
		return true
	case r >= 0x200C && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x206F:
		return true
	case r >= 0xE0000 && r < 0xE0080: // tags
		return true
	}
	return false
}

// needsNFKC reports whether s holds a rune that NFKC may change in a way the
// tables below do not already cover: fullwidth and halfwidth forms,
// presentation forms, compatibility jamo, ligatures, enclosed and
// mathematical letters, and combining sequences that compose. Only then is
// the (allocating) normalization run.
func needsNFKC(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x0300:
		case r < 0x0370, // combining marks that may compose
			r >= 0x1100 && r < 0x1200, // conjoining jamo
			r >= 0x2070 && r < 0x2500, // super/subscripts, letterlike, number forms, enclosed
			r >= 0x2C7C && r < 0x2C7E, r == 0x2D6F,
			r >= 0x2E80 && r < 0x2FE0, // CJK and Kangxi radicals
			r >= 0x3099 && r < 0x30A0, r == 0x30FF,
			r >= 0x3130 && r < 0x31A0, // compatibility jamo, kanbun
			r >= 0x3200 && r < 0x3400, // enclosed and squared CJK
			r >= 0xA960 && r < 0xA980, r >= 0xD7B0 && r < 0xD800,
			r >= 0xF900 && r < 0xFFF0, // compatibility ideographs, presentation and width forms
			r >= 0x10780 && r < 0x107C0,
			r >= 0x1D400 && r < 0x1D800, // mathematical alphanumerics
			r >= 0x1E030 && r < 0x1E090,
			r >= 0x1F100 && r < 0x1F300, // enclosed alphanumerics and ideographs
			r >= 0x2F800 && r < 0x2FA20: // compatibility ideographs supplement
			return true
		}
	}
	return false
}

// isWordRune reports whether r belongs to a word, for deciding whether a
// Han or Hangul run is a whole token.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// Abjad reports whether s contains letters of a script that usually omits
// short vowels (Arabic block incl. Persian/Urdu letters, Hebrew, Syriac,
// Thaana) — the matcher then compares consonant skeletons rather than full
// spellings.
func Abjad(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isAbjadBlock(r) && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isAbjadBlock(r rune) bool {
	return r >= 0x0590 && r < 0x07C0 || // Hebrew, Arabic, Syriac, Arabic Supplement, Thaana
		r >= 0x0860 && r < 0x0900 || // Syriac Supplement, Arabic Extended-B and -A
		r >= 0xFB1D && r < 0xFE00 || // Hebrew and Arabic presentation forms A
		r >= 0xFE70 && r < 0xFF00 // Arabic presentation forms B
}
