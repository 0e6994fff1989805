package synth

import (
	"unicode"
	"unicode/utf8"
)

// Transliteration schemes for Cyrillic. Real lists spell the same Russian
// name several ways (Yevgeniy, Evgenii, Evgeny), so aliases come from the
// other schemes applied to one Cyrillic original.
const (
	schemeBGN      = iota // BGN/PCGN-like: Yevgeniy Fyodorov, Kh, Shch
	schemePassport        // ICAO passport style: Evgenii Fedorov, Iu, Ia
	schemeLoose           // common press spelling: Evgeny Fedorov, H for х
	numSchemes
)

func isCyrVowel(r rune) bool {
	switch r {
	case 'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'і', 'ї', 'є':
		return true
	}
	return false
}

// cyrLower returns the small form of a Cyrillic letter and whether r was
// a capital; other runes come back unchanged. It avoids the general
// unicode tables, which dominated generation time.
func cyrLower(r rune) (rune, bool) {
	switch {
	case r >= 'А' && r <= 'Я':
		return r + 0x20, true
	case r >= 0x400 && r <= 0x40f: // Ё, Є, І, Ї...
		return r + 0x50, true
	case r == 'Ґ':
		return 'ґ', true
	}
	return r, false
}

func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	case r >= 0x400 && r <= 0x4ff:
		return true
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	_, up := cyrLower(r)
	return up || unicode.IsUpper(r)
}

// translit returns the Latin transliteration of Cyrillic s; uk selects
// Ukrainian letter values. Characters outside Cyrillic pass through, with
// «» turned into plain quotes. Case follows the source: a capital starts
// a capitalized syllable, and a capital inside an all-capital word gives an
// all-capital one ("ООО" → "OOO", "Щукин" → "Shchukin").
func (g *Generator) translit(s string, uk bool, scheme int) string {
	rs := g.runes[:0]
	for _, r := range s {
		rs = append(rs, r)
	}
	g.runes = rs
	b := g.buf[:0]
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '«' || r == '»' {
			b = append(b, '"')
			continue
		}
		lr, capital := cyrLower(r)
		if lr < 0x400 || lr > 0x4ff {
			b = utf8.AppendRune(b, r)
			continue
		}
		var prev, next, next2 rune
		nextUpper := false
		if i > 0 {
			prev, _ = cyrLower(rs[i-1])
		}
		if i+1 < len(rs) {
			next, nextUpper = cyrLower(rs[i+1])
		}
		if i+2 < len(rs) {
			next2 = rs[i+2]
		}
		start := i == 0 || !isLetter(rs[i-1])
		afterVowel := start || isCyrVowel(prev) || prev == 'ъ' || prev == 'ь' || prev == '\''
		endsAfterNext := next2 == 0 || !isLetter(next2)
		var out string
		skip := false
		switch lr {
		case 'а':
			out = "a"
		case 'б':
			out = "b"
		case 'в':
			out = "v"
		case 'г':
			out = "g"
			if uk && scheme != schemeLoose {
				out = "h"
			}
		case 'ґ':
			out = "g"
		case 'д':
			out = "d"
		case 'е':
			out = "e"
			if !uk && scheme == schemeBGN && afterVowel {
				out = "ye"
			}
		case 'є':
			out = "ie"
			if start || scheme != schemePassport {
				out = "ye"
			}
		case 'ё':
			switch {
			case scheme != schemeBGN:
				out = "e"
			case prev == 'ж' || prev == 'ч' || prev == 'ш' || prev == 'щ':
				out = "o"
			default:
				out = "yo"
			}
		case 'ж':
			out = "zh"
		case 'з':
			out = "z"
		case 'и':
			switch {
			case uk && scheme != schemeLoose:
				out = "y"
				if next == 'й' && endsAfterNext {
					out, skip = "yi", true
				}
			case next == 'й' && endsAfterNext:
				out, skip = [numSchemes]string{"iy", "ii", "y"}[scheme], true
			default:
				out = "i"
			}
		case 'і':
			out = "i"
			if next == 'й' && endsAfterNext {
				out, skip = [numSchemes]string{"iy", "ii", "i"}[scheme], true
			}
		case 'ї':
			out = "i"
			if start || scheme == schemeBGN {
				out = "yi"
			}
		case 'й':
			out = "y"
			if scheme == schemePassport && !start {
				out = "i"
			}
		case 'к':
			out = "k"
		case 'л':
			out = "l"
		case 'м':
			out = "m"
		case 'н':
			out = "n"
		case 'о':
			out = "o"
		case 'п':
			out = "p"
		case 'р':
			out = "r"
		case 'с':
			out = "s"
		case 'т':
			out = "t"
		case 'у':
			out = "u"
		case 'ф':
			out = "f"
		case 'х':
			out = "kh"
			if scheme == schemeLoose {
				out = "h"
			}
		case 'ц':
			out = "ts"
		case 'ч':
			out = "ch"
		case 'ш':
			out = "sh"
		case 'щ':
			out = "shch"
			if scheme == schemeLoose {
				out = "sch"
			}
		case 'ъ':
			if scheme == schemePassport {
				out = "ie"
			}
		case 'ы':
			out = "y"
			if next == 'й' && endsAfterNext {
				out, skip = "y", true
				if scheme == schemeBGN {
					out = "yy"
				}
			}
		case 'ь':
		case 'э':
			out = "e"
		case 'ю':
			out = "yu"
			if scheme == schemePassport && !start {
				out = "iu"
			}
		case 'я':
			out = "ya"
			if scheme == schemePassport && !start {
				out = "ia"
			}
		}
		allCaps := capital && (nextUpper ||
			((next == 0 || !isLetter(next)) && i > 0 && isUpper(rs[i-1])))
		if skip {
			i++
		}
		if out == "" {
			continue
		}
		if capital {
			if allCaps {
				for j := 0; j < len(out); j++ {
					b = append(b, out[j]-'a'+'A')
				}
				continue
			}
			b = append(b, out[0]-'a'+'A')
			b = append(b, out[1:]...)
			continue
		}
		b = append(b, out...)
	}
	g.buf = b
	return string(b)
}
