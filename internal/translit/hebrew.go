package translit

// Hebrew is romanized consonantally, as lists write Israeli names: vowels
// are only written when the text is pointed (niqqud), otherwise the
// matcher compares consonant skeletons (see Abjad).

// hebrewLetters is the default output of the letters; ב כ פ ו י ה ג ז צ ש
// also depend on their marks and position (see hebrewLetter).
var hebrewLetters = [...]string{
	'א' - 0x05D0: "", 'ב' - 0x05D0: "v", 'ג' - 0x05D0: "g", 'ד' - 0x05D0: "d",
	'ה' - 0x05D0: "h", 'ו' - 0x05D0: "o", 'ז' - 0x05D0: "z", 'ח' - 0x05D0: "kh",
	'ט' - 0x05D0: "t", 'י' - 0x05D0: "i", 'ך' - 0x05D0: "kh", 'כ' - 0x05D0: "kh",
	'ל' - 0x05D0: "l", 'ם' - 0x05D0: "m", 'מ' - 0x05D0: "m", 'ן' - 0x05D0: "n",
	'נ' - 0x05D0: "n", 'ס' - 0x05D0: "s", 'ע' - 0x05D0: "", 'ף' - 0x05D0: "f",
	'פ' - 0x05D0: "f", 'ץ' - 0x05D0: "ts", 'צ' - 0x05D0: "ts", 'ק' - 0x05D0: "k",
	'ר' - 0x05D0: "r", 'ש' - 0x05D0: "sh", 'ת' - 0x05D0: "t",
	// U+05EF..U+05F2: yod triangle and the Yiddish digraphs װ ױ ײ
	0x05EF - 0x05D0: "y", 0x05F0 - 0x05D0: "v", 0x05F1 - 0x05D0: "oy", 0x05F2 - 0x05D0: "ey",
}

// hebrewPoint returns the vowel written by a niqqud point, "" for the
// other marks.
func hebrewPoint(r rune) string {
	switch r {
	case 0x05B1, 0x05B5, 0x05B6: // hataf segol, tsere, segol
		return "e"
	case 0x05B2, 0x05B7, 0x05B8: // hataf patah, patah, qamats
		return "a"
	case 0x05B3, 0x05B9, 0x05BA, 0x05C7: // hataf qamats, holam, qamats qatan
		return "o"
	case 0x05B4: // hiriq
		return "i"
	case 0x05BB: // qubuts
		return "u"
	}
	return ""
}

// isHebrewMark reports the points and cantillation marks that follow a
// letter (not the punctuation that shares their range).
func isHebrewMark(r rune) bool {
	return r >= 0x0591 && r <= 0x05C7 && r != 0x05BE && r != 0x05C0 && r != 0x05C3 && r != 0x05C6
}

func isHebrewLetter(r rune) bool { return r >= 0x05D0 && r <= 0x05F2 && r != 0x05EB }

func isGeresh(r rune) bool { return r == 0x05F3 || r == '\'' || r == 0x2019 }

// hebrewMarks describes the marks after a letter.
type hebrewMarks struct {
	dagesh, sin, holam, vowel bool // vowel: a vowel point other than holam
	next                      rune // the rune after the marks, 0 at the end
}

func hebrewLook(s string, i int) hebrewMarks {
	var m hebrewMarks
	for {
		r, size := decodeAt(s, i)
		if !isHebrewMark(r) {
			m.next = r
			return m
		}
		i += size
		switch {
		case r == 0x05BC:
			m.dagesh = true
		case r == 0x05C2:
			m.sin = true
		case r == 0x05B9 || r == 0x05BA:
			m.holam = true
		case hebrewPoint(r) != "":
			m.vowel = true
		}
	}
}

// hebrew writes the Hebrew run starting at s[i] and returns its end.
//
// ב כ פ are b k p at the start of a word or with dagesh, else v kh f; ו is
// v at the start of a word, when doubled (וו) or when it carries a vowel,
// u with dagesh (shuruk), silent with holam (the holam writes o), else o;
// י is y at the start of a word, when doubled or with a vowel, silent after
// hiriq or tsere, else i; ג ז צ with geresh are j zh ch; ש with sin dot is
// s; a word-final ה after a vowel point is silent.
func hebrew(w *writer, s string, i int) int {
	wordStart := true
	var lastVowel byte // the vowel point just written, or 0
	for {
		r, size := decodeAt(s, i)
		if r < 0x0590 || r >= 0x0600 {
			// An apostrophe or quote inside a word stands for geresh or
			// gershayim (ג'ורג', צה"ל) and keeps the word together.
			if !wordStart && (r == '"' || r == '`' || r == 0x00B4 || isGeresh(r)) {
				if n, _ := decodeAt(s, i+size); isHebrewLetter(n) || isHebrewMark(n) {
					i += size
					continue
				}
			}
			return i
		}
		i += size
		switch {
		case isHebrewMark(r):
			if v := hebrewPoint(r); v != "" {
				w.str(v)
				lastVowel = v[0]
			}
			continue
		case r == 0x05F3 || r == 0x05F4: // geresh, gershayim
			continue
		case !isHebrewLetter(r):
			w.space()
			wordStart = true
			continue
		}
		m := hebrewLook(s, i)
		next, nsize := decodeAt(s, i) // directly after the letter
		w.str(hebrewLetter(r, m, next, wordStart, lastVowel))
		if (r == 'ו' || r == 'י') && next == r && !m.vowel && !m.dagesh && !m.holam {
			i += nsize // וו, יי: one consonant
		}
		wordStart = false
		lastVowel = 0
	}
}

// hebrewLetter returns the output of letter r given its marks m, the rune
// directly after it, whether it starts a word and the vowel point before it.
func hebrewLetter(r rune, m hebrewMarks, next rune, wordStart bool, lastVowel byte) string {
	switch r {
	case 'ב':
		if wordStart || m.dagesh {
			return "b"
		}
	case 'כ', 'ך':
		if wordStart || m.dagesh {
			return "k"
		}
	case 'פ', 'ף':
		if wordStart || m.dagesh {
			return "p"
		}
	case 'ג':
		if isGeresh(m.next) || isGeresh(next) {
			return "j"
		}
	case 'ז':
		if isGeresh(m.next) || isGeresh(next) {
			return "zh"
		}
	case 'צ', 'ץ':
		if isGeresh(m.next) || isGeresh(next) {
			return "ch"
		}
	case 'ש':
		if m.sin {
			return "s"
		}
	case 'ה':
		if lastVowel != 0 && !m.dagesh && !isHebrewLetter(m.next) {
			return ""
		}
	case 'ו':
		switch {
		case m.holam && !m.vowel:
			return ""
		case m.dagesh && !m.vowel:
			return "u"
		case m.vowel || m.dagesh || wordStart || next == 'ו':
			return "v"
		}
	case 'י':
		switch {
		case m.vowel || m.dagesh || wordStart || next == 'י':
			return "y"
		case lastVowel == 'i' || lastVowel == 'e':
			return ""
		}
	}
	return hebrewLetters[r-0x05D0]
}
