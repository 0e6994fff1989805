// Package names turns a name in any script into the tokens the matcher
// compares: folded to Latin, classified (particles, honorifics and legal
// forms weigh little but are never required), with phonetic and
// consonant-skeleton keys that make transliteration variants meet.
//
// Everything here is pure computation on strings, shared by the index
// (list names) and by queries, so that both sides are analysed the same
// way.
package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/embargo-screening/embargo/internal/translit"
)

// Class says what role a token plays in a name. Only Word tokens identify
// a party; the others are kept, explained and weighted low.
type Class uint8

const (
	Word      Class = iota
	Particle        // al, bin, abu's companions: de, van, von, and, y, e
	Honorific       // Mr, Dr, Haji, Sheikh, General
	LegalForm       // LLC, OOO, GmbH, Sherkat, Co., Ltd
)

func (c Class) String() string {
	switch c {
	case Particle:
		return "particle"
	case Honorific:
		return "honorific"
	case LegalForm:
		return "legal_form"
	}
	return "word"
}

// Token is one analysed token of a name.
type Token struct {
	// Text is the token folded to lowercase ASCII Latin. For tokens from
	// scripts that omit short vowels (Arabic, Hebrew) it is consonantal.
	Text string
	// Raw is the word of the input the token came from, for explanations.
	Raw   string
	Class Class
	// Abjad marks a token written in a script without short vowels: it
	// can only be compared by skeleton.
	Abjad bool
	// Lead marks the first token of the name or of a part after a comma
	// ("BIN LADIN, Usama"): where titles are written.
	Lead bool
	// Phon is a phonetic key: consonant classes plus vowel classes, so
	// that spelling conventions (kh/h, q/k, ph/f, ou/u, y/i, double
	// letters) meet. Skel is Phon without vowels.
	Phon string
	Skel string
	// Concept is the meaning of an organization word in the glossary
	// (Melli and National share one), 0 for other words.
	Concept uint16
}

// Initial reports whether the token is a single letter.
func (t *Token) Initial() bool { return len(t.Text) == 1 }

// MaxRunes is the longest name Analyze looks at; the spec caps query names
// at 500 characters, and list names are shorter. The rest is ignored so a
// hostile input cannot make analysis slow.
const MaxRunes = 1000

// Analyze returns the tokens of name, in order.
func Analyze(name string) []Token {
	return AppendTokens(nil, name)
}

// AppendTokens appends the tokens of name to dst.
func AppendTokens(dst []Token, name string) []Token {
	start := len(dst)
	n := 0
	lead := true
	for i := 0; i < len(name); {
		// Split into words at anything that is not part of a word, so each
		// word's script is known and Raw can point at it.
		r, size := utf8.DecodeRuneInString(name[i:])
		if !inWord(r) {
			if r == ',' || r == ';' || r == '(' {
				lead = true
			}
			i += size
			n++
			if n > MaxRunes {
				break
			}
			continue
		}
		j := i
		for j < len(name) {
			r, size := utf8.DecodeRuneInString(name[j:])
			if !inWord(r) {
				break
			}
			j += size
			n++
		}
		if n > MaxRunes {
			break
		}
		word := name[i:j]
		i = j
		abjad := translit.Abjad(word)
		latin := translit.Latin(word)
		for latin != "" {
			// Latin's output is words separated by single spaces.
			t, rest, _ := strings.Cut(latin, " ")
			latin = rest
			if t == "" {
				continue
			}
			dst = append(dst, Token{Text: t, Raw: word, Abjad: abjad, Lead: lead})
			lead = false
		}
	}
	toks := mergeAcronyms(dst[start:])
	toks = abbreviateForms(toks)
	toks = canonicalize(toks)
	toks = splitAssimilated(toks)
	dst = append(dst[:start], toks...) // canonicalize may have built a new slice
	toks = dst[start:]
	for i := range toks {
		t := &toks[i]
		SetKeys(t)
		t.Class = classify(t, i, len(toks))
		if assimilated[t.Text] && i > 0 && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Text, t.Text[1:]) {
			// The article as South Asian names write it before a sun
			// letter: Mati ur Rehman, Bashir ud Din (مطیع الرحمن).
			t.Class = Particle
		}
		if t.Class == Honorific {
			// A title is written first, or after another title: "Haji
			// Ibrahim" but "Ibrahim Sheikh", where Sheikh is a surname.
			// Suffixes (Jr, PhD) come last.
			first := t.Lead || i > 0 && (toks[i-1].Class == Honorific || toks[i-1].Class == Particle && toks[i-1].Lead)
			if suffixes[t.Text] {
				first = i == len(toks)-1 || i+1 < len(toks) && toks[i+1].Lead
			} else if nameTitles[t.Text] && (i == len(toks)-1 || toks[i+1].Lead) {
				first = false
			}
			if !first {
				t.Class = Word
			}
		}
	}
	return dst
}

// SetKeys sets a token's phonetic key and skeleton from its text.
func SetKeys(t *Token) {
	if t.Abjad {
		t.Phon = PhonAbjad(t.Text)
		t.Concept = 0
	} else {
		t.Phon = Phon(t.Text)
		t.Concept = Concept(t.Text)
	}
	t.Skel = Skel(t.Phon)
}

// inWord reports whether r belongs inside a word: letters, marks, digits,
// apostrophes (O'Brien, Praskov'ya) and the Persian zero-width non-joiner.
func inWord(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', 'ʻ', '`', '´', '\u200c', '\u200d', '\u05f3', '\u05f4':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// mergeAcronyms joins runs of single letters that spell a legal form, so
// "S.R.L." and "O.O.O." are recognised like "SRL" and "OOO". Other initials
// stay apart: "J. R. Smith" keeps two initials.
func mergeAcronyms(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); {
		if len(toks[i].Text) == 1 {
			j := i
			for j < len(toks) && len(toks[j].Text) == 1 {
				j++
			}
			if j-i >= 2 {
				// Longest prefix of the run that is a legal form.
				merged := false
				for k := j; k-i >= 2; k-- {
					var b strings.Builder
					for _, t := range toks[i:k] {
						b.WriteString(t.Text)
					}
					if legalForms[b.String()] {
						t := toks[i]
						t.Text = b.String()
						out = append(out, t)
						i = k
						merged = true
						break
					}
				}
				if merged {
					continue
				}
			}
		}
		out = append(out, toks[i])
		i++
	}
	return out
}

// abbreviateForms writes legal forms spelled out in words as their
// abbreviation, so "Limited Liability Company" and "LLC" are the same
// token. Longest form first.
func abbreviateForms(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); {
		done := false
		for _, f := range spelledForms {
			if i+len(f.words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range f.words {
				if toks[i+k].Text != w {
					ok = false
					break
				}
			}
			if ok {
				t := toks[i]
				t.Text = f.abbr
				out = append(out, t)
				i += len(f.words)
				done = true
				break
			}
		}
		if !done {
			out = append(out, toks[i])
			i++
		}
	}
	return out
}

// assimilated are the Arabic article assimilated to the sun letter that
// follows, as South Asian romanizations write it: ur Rahman, us Salam, ud
// Din, uz Zaman. Alone they are names too (Kim Jong Un), so they count as
// the article only before a word that starts with that letter.
var assimilated = set(`ur us ud uz ut un ush`)

// afterArticle are the words that follow an assimilated article written
// onto the word before: the divine names of compounds and a few others.
// Only these, so that Arthur Ross stays Arthur.
var afterArticle = set(`rahman rehman rahim raheem rehim rashid rasheed razzaq razaq rauf raouf
	salam salaam sattar samad sami subhan shakur din deen dawla daula zaman zaki zahir haq`)

// splitAssimilated splits the article off a word written onto it before
// a word starting with its letter: "Matiur Rehman", "Habibur Rahman",
// "Anisuz Zaman" become mati ur rehman, habib ur rahman, anis uz zaman.
func splitAssimilated(toks []Token) []Token {
	var out []Token
	for i := range toks {
		t := toks[i]
		if i+1 < len(toks) && !t.Abjad && len(t.Text) >= 6 {
			for art := range assimilated {
				if len(art) == 2 && strings.HasSuffix(t.Text, art) && afterArticle[toks[i+1].Text] && strings.HasPrefix(toks[i+1].Text, art[1:]) {
					if out == nil {
						out = append(make([]Token, 0, len(toks)+1), toks[:i]...)
					}
					a, b := t, t
					a.Text, b.Text = t.Text[:len(t.Text)-2], art
					b.Lead = false
					out = append(out, a, b)
					goto next
				}
			}
		}
		if out != nil {
			out = append(out, t)
		}
	next:
	}
	if out == nil {
		return toks
	}
	return out
}

// canonicalize rewrites the Arabic name elements whose spelling varies most
// into one form: the article, "bin", and the abd al- and -ud-din / -ullah
// compounds, which are written merged, split or hyphenated.
func canonicalize(toks []Token) []Token {
	var out []Token
	changed := false
	for i, t := range toks {
		parts := splitCompound(t, i)
		if len(parts) == 1 && parts[0].Text == t.Text {
			if changed {
				out = append(out, t)
			}
			continue
		}
		if !changed {
			out = append(make([]Token, 0, len(toks)+2), toks[:i]...)
			changed = true
		}
		out = append(out, parts...)
	}
	if !changed {
		out = toks
	}
	// The article inside an abd compound is written or not as the
	// romanization has it (Abd al-Rahman, Abdul Rahman, Abdurrahman,
	// عبد الرحمن): it goes, so that all of them are "abd rahman".
	cloned := changed
	for i := 1; i+1 < len(out); i++ {
		if out[i-1].Text == "abd" && (out[i].Text == "al" || out[i].Text == "el" || out[i].Text == "ul") {
			if !cloned {
				out, cloned = slices.Clone(out), true
			}
			out = slices.Delete(out, i, i+1)
		}
	}
	return out
}

// splitCompound returns the canonical tokens for one token.
func splitCompound(t Token, pos int) []Token {
	s := t.Text
	with := func(texts ...string) []Token {
		out := make([]Token, 0, len(texts))
		for _, x := range texts {
			if x == "" {
				continue
			}
			u := t
			u.Text = x
			out = append(out, u)
		}
		return out
	}
	if t.Abjad {
		switch {
		case s == "bd":
			return with("abd")
		case s == "bn" || s == "ibn" || s == "bin":
			return with("bin")
		case s == "abu" || s == "abw" || s == "bu":
			return with("abu")
		case strings.HasPrefix(s, "al") && len(s) > 3:
			// The Arabic article is one unambiguous letter pair.
			return with("al", s[2:])
		case strings.HasPrefix(s, "bdal") && len(s) > 5:
			return with("abd", s[4:])
		}
		return with(s)
	}
	switch s {
	case "ibn", "bin", "bint", "binti":
		return with("bin")
	case "ben":
		if pos > 0 {
			return with("bin")
		}
	case "abou", "abo", "ebu", "aboo", "abu":
		// The kunya "father of" in French, Turkish and English spelling.
		return with("abu")
	case "abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abdoul", "abdu", "abd":
		return with("abd")
	case "abdullah", "abdallah", "abdulla", "abdalla", "abdellah", "abdollah", "abdulah":
		return with("abd", "allah")
	}
	if strings.HasPrefix(s, "abd") && len(s) >= 7 {
		rest := s[3:]
		for _, art := range abdArticles {
			if strings.HasPrefix(rest, art) && len(rest)-len(art) >= 3 {
				word := rest[len(art):]
				// An assimilated article doubles the sun letter after it
				// (Abdur-Rahman, Abdus-Salam): in "Abdurahman" the r is
				// Rahman's, and the article is the u alone.
				if len(art) > 1 && art[len(art)-1] != 'l' && !strings.HasPrefix(word, art[1:]) {
					continue
				}
				return with("abd", word)
			}
		}
	}
	// The second half of a compound written apart ("Siraj Uddin", "Nasr
	// Ullah") is the word it is written onto otherwise.
	if slices.Contains(dinSuffixes, s) {
		return with("din")
	}
	if slices.Contains(allahSuffixes, s) && s != "allah" {
		return with("allah")
	}
	for _, suf := range dinSuffixes {
		if strings.HasSuffix(s, suf) && len(s)-len(suf) >= 3 {
			return with(s[:len(s)-len(suf)], "din")
		}
	}
	for _, suf := range allahSuffixes {
		if strings.HasSuffix(s, suf) && len(s)-len(suf) >= 3 {
			pre := s[:len(s)-len(suf)]
			if len(pre) == 3 && distance(pre, "abd", 1) == 1 {
				// Abdullah is the commonest compound, and mistyped as
				// such: Adbullah, Abeullah, Andullah, Agdollah.
				pre = "abd"
			}
			return with(pre, "allah")
		}
	}
	// A legal form written onto the name ("KhalidiCompany", "FulmenLLC").
	for _, f := range gluedForms {
		if strings.HasSuffix(s, f.word) && len(s)-len(f.word) >= 4 {
			return with(s[:len(s)-len(f.word)], f.abbr)
		}
	}
	// A misspelled "Companny" or "Abudl" must still fold to the form its
	// correct spelling folds to, or it could never align with it.
	for _, f := range fuzzyForms {
		if len(s) >= 4 && len(s)-len(f.word) <= 1 && len(f.word)-len(s) <= 1 && s != f.except && distance(s, f.word, 1) == 1 {
			return with(f.abbr)
		}
	}
	return with(s)
}

// gluedForms are the legal forms recognised at the end of a word. Short
// ones (co, sa, ag) are left out: too many names end in those letters.
var gluedForms = []struct{ word, abbr string }{
	{"company", "co"},
	{"limited", "ltd"},
	{"corporation", "corp"},
	{"incorporated", "inc"},
	{"gmbh", "gmbh"},
	{"llc", "llc"},
}

// fuzzyForms are the words canonicalization rewrites that are common
// enough for their misspellings to matter.
var fuzzyForms = []struct{ word, abbr, except string }{
	{"company", "co", ""},
	{"limited", "ltd", ""},
	{"corporation", "corp", ""},
	{"incorporated", "inc", ""},
	{"abdul", "abd", "abduh"},
}

// The article after abd, as romanized with and without assimilation:
// Abdul-, Abdel-, Abdur-Rahman, Abdus-Salam, Abdoul-.
var abdArticles = []string{"oul", "ul", "el", "al", "ol", "ur", "ar", "er", "us", "as", "es", "ud", "ad", "ush", "ash", "un", "an", "ut", "at", "u", "i"}

var dinSuffixes = []string{"ouddine", "uddine", "oudine", "uddin", "uddeen", "eddine", "eddin", "eldine", "eldin", "aldin", "addin", "iddin", "oddin"}

var allahSuffixes = []string{"ullah", "ollah", "allah", "ulla", "olla"}

// classify assigns the token's class. Particles that are also given names
// (Ben, Abu) only count as particles away from the name's start.
func classify(t *Token, pos, n int) Class {
	s := t.Text
	if t.Abjad {
		if s == "al" || s == "bin" || s == "wld" {
			// ولد is the Mauritanian "ould", son of.
			return Particle
		}
		return abjadClasses[s]
	}
	switch {
	case legalForms[s]:
		return LegalForm
	case particles[s]:
		return Particle
	case honorifics[s]:
		if n > 1 {
			return Honorific
		}
	}
	return Word
}

// Fold returns the tokens of name joined by single spaces: a canonical
// form for display and equality checks.
func Fold(name string) string {
	toks := Analyze(name)
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}
