package translit

import (
	"strings"
	"unicode"
)

// Arabic script is romanized consonantally, the way English-language lists
// write Arabic, Persian, Urdu and Pashto names: short vowels are only
// written when the text carries them as marks, so محمد → mhmd and the
// matcher compares consonant skeletons (see Abjad).

// arabicTab holds the context-free output of U+0600..U+06FF; the letters
// whose output depends on their neighbours are handled in arabic.
var arabicTab [0x100]string

// arabicLetters lists the context-free letters; everything else in the
// block that is a letter goes through unidecode, marks are dropped and
// other characters are word breaks.
var arabicLetters = map[rune]string{
	'ء': "", 'ؤ': "u", 'ب': "b", 'ة': "a", 'ت': "t", 'ث': "th", 'ج': "j",
	'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s",
	'ش': "sh", 'ص': "s", 'ض': "dh", 'ط': "t", 'ظ': "dh", 'ع': "", 'غ': "gh",
	'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h",
	'ى': "a", 'ٮ': "b", 'ٯ': "q", 'ػ': "k", 'ؼ': "k", 'ؠ': "y",
	// Persian
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'ک': "k", 'گ': "g", 'ۀ': "h",
	// Urdu
	'ٹ': "t", 'ڈ': "d", 'ڑ': "r", 'ں': "n", 'ھ': "h", 'ہ': "h", 'ۂ': "h",
	'ۃ': "a", 'ے': "e", 'ۓ': "e",
	// Pashto
	'ټ': "t", 'ډ': "d", 'ړ': "r", 'ږ': "zh", 'ښ': "sh", 'ځ': "dz", 'څ': "ts",
	'ڼ': "n", 'ګ': "g", 'ې': "e", 'ۍ': "i",
	// Sindhi, Kurdish, Uyghur, Maghrebi and others
	'ڤ': "v", 'ڨ': "g", 'ڭ': "ng", 'ۋ': "v", 'ۆ': "o", 'ۇ': "u", 'ۈ': "u",
	'ێ': "e", 'ڵ': "l", 'ڕ': "r", 'ە': "e", 'ڪ': "k", 'ڦ': "ph", 'ڃ': "ny",
	'ڄ': "j", 'ٻ': "b", 'ڀ': "bh", 'ٺ': "th", 'ٽ': "t", 'ٿ': "th", 'ڊ': "d",
	'ڌ': "dh", 'ڍ': "d", 'ڏ': "d", 'ڙ': "r", 'ڳ': "g", 'ڱ': "ng", 'ڻ': "n",
	'ۅ': "o", 'ۉ': "u", 'ۊ': "u", 'ۏ': "w", 'ۑ': "y", 'ٶ': "u", 'ٷ': "u",
	'ٸ': "y", 'ۄ': "o",
	// harakat: fatha, kasra, damma, tanwin; sukun and the Quranic marks
	// fall to "" as marks
	'\u064e': "a", '\u0650': "i", '\u064f': "u", '\u064b': "an", '\u064d': "in",
	'\u064c': "un", '\u0670': "a",
}

func init() {
	for r := rune(0x0600); r < 0x0700; r++ {
		t, ok := arabicLetters[r]
		switch {
		case ok:
		case r >= 0x0660 && r < 0x066A:
			t = string(rune('0' + r - 0x0660))
		case r >= 0x06F0 && r < 0x06FA:
			t = string(rune('0' + r - 0x06F0))
		case unicode.IsMark(r), dropFormat(r), r == 0x0640: // tatweel
		case unicode.IsLetter(r):
			t = cleanEntry(unidecodeOf(r))
		default:
			t = " "
		}
		arabicTab[r-0x0600] = t
	}
}

// isArabic reports the Arabic blocks handled by arabic (presentation forms
// are normalized to these by NFKC first).
func isArabic(r rune) bool {
	return r >= 0x0600 && r < 0x0700 || r >= 0x0750 && r < 0x0780 || r >= 0x0870 && r < 0x0900
}

// isHaraka reports the vowel marks (fatha … kasra, tanwin); a letter they
// sit on is a consonant.
func isHaraka(r rune) bool { return r >= 0x064B && r <= 0x0650 }

// arabic writes the Arabic-script run starting at s[i] and returns its end.
//
// Context rules: alif and its hamza forms are a; و is w at the start of a
// word, after a long vowel or when it carries a vowel mark, else u; ي/ی is
// y in the same places, else i; ئ is y between letters, else dropped; a
// long-vowel letter after the matching short-vowel mark adds nothing
// (مُحَمَّد → muhammad, not muhhammad); shadda doubles the consonant before it.
// ZWNJ and ZWJ (Persian علی‌پور) join the word; tatweel is dropped.
func arabic(w *writer, s string, i int) int {
	wordStart := true
	afterVowel := false  // the last letter written was a vowel
	var mark byte        // the short vowel just written by a haraka, or 0
	var last byte        // the last byte written for a letter
	var lastDigraph bool // the last letter was written as a digraph (sh, kh...)
	for {
		r, size := decodeAt(s, i)
		if !isArabic(r) && r != 0x200C && r != 0x200D {
			return i
		}
		i += size
		var t string
		switch {
		case r < 0x0700:
			t = arabicTab[r-0x0600]
		case unicode.IsLetter(r):
			t = cleanEntry(unidecodeOf(r))
		case unicode.IsMark(r):
		default:
			t = " "
		}
		next, _ := decodeAt(s, i)
		vowel := false // t is a vowel
		switch r {
		case 0x200C, 0x200D, 0x0640, 0x0651: // ZWNJ, ZWJ, tatweel, shadda (see doubled)
			continue
		case 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ', 'ٵ':
			t, vowel = "a", true
			if mark == 'a' || mark == 'n' || isHaraka(next) {
				t = "" // the vowel is written by the mark
			}
		case 'و':
			switch {
			case isHaraka(next) || next == 0x0651:
				t = "w"
			case mark == 'u':
				t, vowel = "", true
			case wordStart || afterVowel:
				t = "w"
			default:
				t, vowel = "u", true
			}
		case 'ي', 'ی':
			switch {
			case isHaraka(next) || next == 0x0651:
				t = "y"
			case mark == 'i':
				t, vowel = "", true
			case wordStart || afterVowel:
				t = "y"
			default:
				t, vowel = "i", true
			}
		case 'ى', 'ة', 'ۃ':
			vowel = true
			if mark == 'a' || mark == 'n' {
				t = ""
			}
		case 'ئ':
			t = ""
			if !wordStart && isArabic(next) && unicode.IsLetter(next) {
				t = "y"
			}
		case 0x064E, 0x0650, 0x064F, 0x0670: // fatha, kasra, damma, superscript alif
			w.str(t)
			mark, afterVowel = t[0], true
			continue
		case 0x064B: // fathatan, usually followed by a silent alif
			w.str(t)
			mark, afterVowel = 'n', false
			continue
		}
		mark = 0
		switch {
		case t == " ":
			w.space()
			wordStart, afterVowel, last, lastDigraph = true, false, 0, false
			continue
		case !unicode.IsLetter(r): // digits, sukun, tanwin and other marks
			w.str(t)
			if unicode.IsDigit(r) {
				wordStart = true
			}
			afterVowel = false
			continue
		}
		if t == "h" && (strings.IndexByte("tdkgszcp", last) >= 0 || lastDigraph) {
			// ط+ه (Taha) must not read as the digraph th (ث): a doubled h
			// keeps the h a consonant of its own.
			t = "hh"
		}
		w.str(t)
		if !vowel && t != "" && doubled(s, i) {
			w.str(t)
		}
		if t != "" {
			last = t[len(t)-1]
			lastDigraph = len(t) == 2 && t[1] == 'h'
		}
		wordStart = false
		afterVowel = vowel
	}
}

// doubled reports whether the marks from s[i:] on, which belong to the
// letter before, include a shadda. The marks may come in any order (NFC
// puts the shadda after the vowel), so the consonant is doubled when it is
// written rather than when the shadda is reached.
func doubled(s string, i int) bool {
	for {
		r, size := decodeAt(s, i)
		switch {
		case r == 0x0651:
			return true
		case r >= 0x064B && r <= 0x065F || r == 0x0670:
			i += size
		default:
			return false
		}
	}
}
