package entity

import "unicode"

// scripts maps Go's Unicode script tables to ISO 15924 codes, in the order
// they are tried. Only scripts that occur in sanctions lists are listed;
// anything else reports "Zyyy" (undetermined).
var scripts = []struct {
	code  string
	table *unicode.RangeTable
}{
	{"Latn", unicode.Latin},
	{"Cyrl", unicode.Cyrillic},
	{"Arab", unicode.Arabic},
	{"Grek", unicode.Greek},
	{"Hebr", unicode.Hebrew},
	{"Hang", unicode.Hangul},
	{"Hani", unicode.Han},
	{"Hira", unicode.Hiragana},
	{"Kana", unicode.Katakana},
	{"Thai", unicode.Thai},
	{"Deva", unicode.Devanagari},
	{"Beng", unicode.Bengali},
	{"Geor", unicode.Georgian},
	{"Armn", unicode.Armenian},
	{"Ethi", unicode.Ethiopic},
	{"Mymr", unicode.Myanmar},
	{"Khmr", unicode.Khmer},
	{"Taml", unicode.Tamil},
	{"Syrc", unicode.Syriac},
	{"Thaa", unicode.Thaana},
	{"Mong", unicode.Mongolian},
	{"Tibt", unicode.Tibetan},
}

// DetectScript returns the ISO 15924 code of the script most letters of s
// are written in, or "" when s has no letters. Japanese mixing Han and
// kana reports the script with more letters.
func DetectScript(s string) string {
	var counts [32]int
	best, bestN, other := -1, 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		found := false
		for i, sc := range scripts {
			if unicode.Is(sc.table, r) {
				counts[i]++
				if counts[i] > bestN {
					best, bestN = i, counts[i]
				}
				found = true
				break
			}
		}
		if !found {
			other++
		}
	}
	switch {
	case best < 0 && other == 0:
		return ""
	case best < 0 || other > bestN:
		return "Zyyy"
	}
	return scripts[best].code
}
