package names

import "strings"

// Phon returns the phonetic key of a folded token. Consonants map to one
// symbol per sound the romanization systems disagree on, vowels to three
// classes (a; e i y; o u), runs of vowels to the class of the last one,
// and repeated symbols collapse. So Mohammed, Mohamed and Muhammed share a
// key, Muhammad differs by one vowel, and Hassan and Hussein stay apart.
//
// Symbols: B D F H J K L M N P R S T V X (sh/ch) Z, vowels a i u, digits
// as themselves; PhonAbjad also Q for ث and W for ذ ض ظ.
func Phon(s string) string { return phon(s, false) }

// PhonAbjad is Phon for a consonantal transliteration of Arabic or Hebrew
// script, where letter pairs such as t+s are two letters, not the digraph
// of a European spelling; only the digraphs the transliteration writes
// for single letters (sh, ch, th, dh, kh, gh, zh) are read as one sound.
func PhonAbjad(s string) string { return phon(s, true) }

func phon(s string, abjad bool) string {
	var buf [64]byte
	out := buf[:0]
	n := len(s)
	emit := func(c byte) {
		if len(out) > 0 && out[len(out)-1] == c {
			return
		}
		out = append(out, c)
	}
	at := func(i int) byte {
		if i < n {
			return s[i]
		}
		return 0
	}
	// h reports whether s[i] is an h that joins the letter before it into
	// a digraph. In an abjad transliteration a doubled h is the letter h
	// after a consonant (ط+ه "thh", س+ح "shh", ش+ه "shhh").
	h := func(i int) bool {
		if at(i) != 'h' {
			return false
		}
		if !abjad {
			return true
		}
		// The transliteration writes the letter h after a consonant as
		// "hh", so an odd run of h's starts with a digraph.
		r := 0
		for at(i+r) == 'h' {
			r++
		}
		return r%2 == 1
	}
	for i := 0; i < n; {
		c := s[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			// A run of vowels takes the class of its last vowel: ya/ia →
			// a, ou/yu → u, ei/ai/ee → i. Initial y before a vowel is a
			// glide (Yakov/Iakov/Jakov) and joins the run.
			j := i
			for j < n && isVowel(s[j]) {
				j++
			}
			last := s[j-1]
			// A final h after a vowel is kept: it is the consonant of
			// Salih and Saleh (ح), which Arabic script writes.
			emit(vowelClass(last))
			i = j
			continue
		case 's':
			switch {
			case !abjad && at(i+1) == 'c' && h(i+2):
				emit('X')
				i += 3
			case h(i + 1):
				emit('X')
				i += 2
			case !abjad && at(i+1) == 'z':
				emit('X') // Polish sz
				i += 2
			default:
				emit('S')
				i++
			}
			continue
		case 'c':
			switch {
			case h(i + 1):
				emit('X')
				i += 2
			case !abjad && (at(i+1) == 'k' || at(i+1) == 'q'):
				emit('K')
				i += 2
			case !abjad && at(i+1) == 'z':
				emit('X')
				i += 2
			case isFront(at(i + 1)):
				emit('S')
				i++
			default:
				emit('K')
				i++
			}
			continue
		case 't':
			switch {
			case !abjad && at(i+1) == 's' && at(i+2) == 'c' && at(i+3) == 'h':
				emit('X')
				i += 4
			case !abjad && at(i+1) == 'c' && h(i+2):
				emit('X')
				i += 3
			case h(i + 1):
				if abjad {
					// ث: th in Arabic, s in Persian, Urdu and Turkish
					// (Othman, Osman, Usman), so a letter of its own.
					emit('Q')
				} else {
					emit('T')
				}
				i += 2
			case !abjad && (at(i+1) == 's' || at(i+1) == 'z'):
				emit('Z')
				i += 2
			default:
				emit('T')
				i++
			}
			continue
		case 'd':
			switch {
			case !abjad && at(i+1) == 'z' && h(i+2):
				emit('J')
				i += 3
			case !abjad && at(i+1) == 'j':
				emit('J')
				i += 2
			case h(i + 1):
				if abjad {
					// ذ ض ظ: d or dh in Arabic (Fadl, Kadhim), z in
					// Persian, Urdu and Turkish (Fazl, Kazim), so a letter
					// of its own that plain د (D) is not.
					emit('W')
				} else {
					emit('D')
				}
				i += 2
			case i == n-1:
				emit('T') // final devoicing: Ahmed/Ahmet, Mahmud/Mahmut
				i++
			default:
				emit('D')
				i++
			}
			continue
		case 'k':
			if h(i + 1) {
				emit('H')
				i += 2
				continue
			}
			emit('K')
		case 'g':
			if h(i + 1) {
				i += 2
			} else {
				i++
			}
			emit('K')
			continue
		case 'q':
			emit('K')
			if at(i+1) == 'u' && isVowel(at(i+2)) {
				i++ // qu before a vowel is one sound
			}
		case 'z':
			if h(i + 1) {
				emit('J')
				i += 2
				continue
			}
			emit('Z')
		case 'p':
			if !abjad && h(i+1) {
				emit('F')
				i += 2
				continue
			}
			emit('P')
		case 'j':
			emit('J')
		case 'h':
			emit('H')
		case 'b':
			emit('B')
		case 'f':
			emit('F')
		case 'v', 'w':
			emit('V')
		case 'x':
			emit('K')
			emit('S')
		case 'l':
			emit('L')
		case 'm':
			emit('M')
		case 'n':
			emit('N')
		case 'r':
			emit('R')
		default:
			emit(c) // digits
		}
		i++
	}
	return string(out)
}

// Skel returns a phonetic key without its vowels: what a name written in
// Arabic or Hebrew script, which omit short vowels, can be compared on. V
// goes too: the letters waw and vav stand for w, v, o and u alike, so
// "Nawaf" and نواف ("nuaf") only meet without it. Skeletons are compared
// only across scripts, so what they lose never confuses Latin names.
//
// Z stays Z: in Arabic script it is zay alone, while a Latin z may also
// stand for ض ظ ذ (Arabic Fadl, Persian and Urdu Fazl; Kadhim, Kazim),
// which PhonAbjad writes W. SkelMatch and AbjadVariants let W meet a
// Latin d or z; plain د (D) meets only d.
func Skel(phon string) string {
	var buf [64]byte
	out := buf[:0]
	var prev byte // the previous consonant of phon, vowels not skipped
	for i := 0; i < len(phon); i++ {
		c := phon[i]
		if c == 'a' || c == 'i' || c == 'u' || c == 'V' {
			prev = 0
			continue
		}
		// A consonant repeated across a vowel is two letters (Haghighi is
		// H-K-K, not H-K); Phon has already merged doubled letters.
		if c == prev {
			continue
		}
		prev = c
		out = append(out, c)
	}
	return string(out)
}

// Slots returns a phonetic key with every vowel class written '*': the
// spellings of a name whose vowels differ in class but not in place
// (Mohamed, Muhammad, Mohammad; Ahmed, Ahmad) share it, while Mahmud,
// with no vowel between h and m, does not.
func Slots(phon string) string {
	b := []byte(phon)
	for i, c := range b {
		if c == 'a' || c == 'i' || c == 'u' {
			b[i] = '*'
		}
	}
	return string(b)
}

// FoldZ returns skel with Z read as D: between Latin spellings, a z and
// a d may be the same Arabic letter (Kazafi, Qadhafi).
func FoldZ(skel string) string {
	if !strings.ContainsRune(skel, 'Z') {
		return skel
	}
	return strings.ReplaceAll(skel, "Z", "D")
}

// SkelMatch reports whether an abjad skeleton and a Latin one are the same
// consonants: equal, or W (ذ ض ظ) where the Latin has D or Z, or Q (ث)
// where the Latin has T or S.
func SkelMatch(abjad, latin string) bool {
	if len(abjad) != len(latin) {
		return false
	}
	for i := 0; i < len(abjad); i++ {
		a, l := abjad[i], latin[i]
		if a != l && !(a == 'W' && (l == 'D' || l == 'Z')) && !(a == 'Q' && (l == 'T' || l == 'S')) {
			return false
		}
	}
	return true
}

// AbjadVariants returns the Latin skeletons an abjad skeleton can be
// written as, with each Q (ث) read as T or S and each W (ذ ض ظ) as D or
// Z: the keys a Latin spelling of the name is found under. It is nil when
// the skeleton has neither, and at most 16 readings long.
func AbjadVariants(skel string) []string {
	if !strings.ContainsAny(skel, "QW") {
		return nil
	}
	out := []string{""}
	for i := 0; i < len(skel); i++ {
		var alts string
		switch skel[i] {
		case 'Q':
			alts = "TS"
		case 'W':
			alts = "DZ"
		default:
			alts = skel[i : i+1]
		}
		if len(alts) > 1 && len(out) >= 16 {
			alts = alts[:1]
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, o := range out {
			for j := 0; j < len(alts); j++ {
				next = append(next, o+alts[j:j+1])
			}
		}
		out = next
	}
	return out
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isFront(c byte) bool { return c == 'e' || c == 'i' || c == 'y' }

func vowelClass(c byte) byte {
	switch c {
	case 'a':
		return 'a'
	case 'o', 'u':
		return 'u'
	}
	return 'i'
}
