package translit

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Latin letters with diacritics are folded through arrays indexed by rune
// offset, built once at init from the Unicode decomposition of each letter
// (é = e + ◌́ → e), with latinSpecial for the letters that have none.
const (
	latinStart = 0x0080
	latinEnd   = 0x0370 // Latin-1 Supplement, Extended-A/B, IPA, modifiers, combining marks
)

var (
	latinTab    [latinEnd - latinStart]string
	latinExtTab [0x100]string // Latin Extended Additional, U+1E00..U+1EFF
	cyrlTab     [0x130]string // Cyrillic and Cyrillic Supplement, U+0400..U+052F
	punctTab    [0x70]string  // General Punctuation, U+2000..U+206F
)

// latinSpecial folds letters that do not decompose into an ASCII letter
// plus marks. Keys are lowercase.
var latinSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'ł': "l", 'đ': "d", 'ı': "i", 'þ': "th",
	'ð': "d", 'ə': "a", 'œ': "oe", 'ŋ': "ng", 'ħ': "h", 'ŧ': "t", 'ĸ': "k",
	'ſ': "s", 'ƀ': "b", 'ɓ': "b", 'ƈ': "c", 'ɗ': "d", 'ɖ': "d", 'ƌ': "d",
	'ƒ': "f", 'ɠ': "g", 'ɣ': "g", 'ƙ': "k", 'ƚ': "l", 'ɲ': "n", 'ƞ': "n",
	'ƥ': "p", 'ƫ': "t", 'ƭ': "t", 'ʈ': "t", 'ƴ': "y", 'ƶ': "z", 'ȥ': "z",
	'ɛ': "e", 'ɔ': "o", 'ʋ': "v", 'ƿ': "w", 'ȝ': "y", 'ʃ': "sh", 'ʒ': "zh",
	'ǝ': "e", 'ɨ': "i", 'ʉ': "u", 'ɑ': "a", 'ɐ': "a", 'ɒ': "o", 'ɜ': "e",
	'ɪ': "i", 'ʊ': "u", 'ʏ': "y", 'ɯ': "u", 'ɵ': "o", 'ɶ': "oe", 'ȣ': "ou",
	'ƣ': "oi", 'µ': "m", 'ʔ': "", 'ʕ': "", 'ɂ': "", 'ʡ': "", 'ʢ': "",
}

// isApostrophe reports the characters that stand for an apostrophe, a
// soft sign, an ayin or a hamza in romanized names; they join the letters
// around them rather than split the word.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', 0x00B4, 0x02B9, 0x02BA, 0x02BB, 0x02BC, 0x02BD, 0x02BE,
		0x02BF, 0x02C8, 0x02CA, 0x02CB, 0x2018, 0x2019, 0x201B, 0x2032, 0x2035,
		0xFF07:
		return true
	}
	return false
}

// cyrlLetters is the BGN/PCGN-like English-style romanization of the
// Cyrillic letters of Russian, Ukrainian, Belarusian, Serbian, Macedonian,
// Bulgarian, Kazakh, Uzbek, Tajik and Kyrgyz. Keys are lowercase.
var cyrlLetters = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// Ukrainian, Belarusian
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
	// Serbian, Macedonian
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz",
	'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz", 'ѐ': "e", 'ѝ': "i",
	// Kazakh, Uzbek, Tajik, Kyrgyz, Tatar, Bashkir
	'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u",
	'һ': "h", 'ҳ': "h", 'ҷ': "j", 'ӣ': "i", 'ӯ': "u", 'җ': "zh", 'ҙ': "z",
	'ҡ': "k", 'ҫ': "s", 'ӑ': "a", 'ӗ': "e", 'ӧ': "o", 'ӱ': "u", 'ӥ': "i",
	'ҕ': "g", 'ӄ': "k", 'ӈ': "n", 'ԁ': "d",
	// Church Slavonic and pre-1918 letters
	'ѣ': "e", 'ѳ': "f", 'ѵ': "i", 'ѡ': "o", 'ѫ': "u", 'ѧ': "ya",
	'ѯ': "ks", 'ѱ': "ps", 'ѥ': "ye", 'ѩ': "ye", 'ѭ': "yu", 'ѹ': "u",
}

func init() {
	for r := rune(latinStart); r < latinEnd; r++ {
		latinTab[r-latinStart] = foldLatin(r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		latinExtTab[r-0x1E00] = foldLatin(r)
	}
	for r := rune(0x0400); r < 0x0530; r++ {
		lr := unicode.ToLower(r)
		switch t, ok := cyrlLetters[lr]; {
		case ok:
			cyrlTab[r-0x0400] = t
		case unicode.IsMark(r):
		case unicode.IsLetter(r):
			cyrlTab[r-0x0400] = cleanEntry(unidecodeOf(lr))
		default:
			cyrlTab[r-0x0400] = " "
		}
	}
	for r := rune(0x2000); r < 0x2070; r++ {
		switch {
		case isApostrophe(r), dropFormat(r):
		default:
			punctTab[r-0x2000] = " "
		}
	}
}

// foldLatin computes the table entry of one rune of the Latin blocks.
func foldLatin(r rune) string {
	lr := unicode.ToLower(r)
	if t, ok := latinSpecial[lr]; ok {
		return t
	}
	switch {
	case isApostrophe(r), dropFormat(r), unicode.IsMark(r):
		return ""
	case unicode.IsLetter(r):
		// NFKD splits off the marks (and ligatures such as ĳ, ǆ).
		var out []byte
		for _, d := range norm.NFKD.String(string(r)) {
			d = unicode.ToLower(d)
			switch {
			case 'a' <= d && d <= 'z':
				out = append(out, byte(d))
			case unicode.IsMark(d), isApostrophe(d):
			default:
				t, ok := latinSpecial[d]
				if !ok {
					return cleanEntry(unidecodeOf(r))
				}
				out = append(out, t...)
			}
		}
		if len(out) == 0 {
			return cleanEntry(unidecodeOf(r))
		}
		return string(out)
	case unicode.IsNumber(r):
		d := norm.NFKD.String(string(r))
		if len(d) == 1 && '0' <= d[0] && d[0] <= '9' {
			return d
		}
	}
	return " "
}

// cleanEntry reduces an unidecode entry for a single letter to [a-z0-9]:
// whatever else it holds (apostrophes, @, spaces) is part of the letter,
// not a word break.
func cleanEntry(t string) string {
	out := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			out = append(out, c)
		case 'A' <= c && c <= 'Z':
			out = append(out, c+'a'-'A')
		}
	}
	return string(out)
}

// decodeAt returns the rune at s[i:], or 0 at the end of s.
func decodeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
