package names

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func texts(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return strings.Join(s, " ")
}

func TestAnalyze(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Usama BIN LADIN", "usama bin ladin"},
		{"Abdul Rahman", "abd rahman"},
		{"Abdulrahman", "abd rahman"},
		// An assimilated article doubles the letter after it; single, the
		// letter is the word's.
		{"Abdurrahman", "abd rahman"},
		{"Abdurahman", "abd rahman"},
		{"Abdusalam", "abd salam"},
		{"Adbullah", "abd allah"},
		{"Andullah", "abd allah"},
		{"Nurullah", "nur allah"},
		{"Abd al-Rahman", "abd rahman"},
		{"عبد الرحمن", "abd rhmn"},
		{"Nor Eldin", "nor din"},
		{"Abdel-Rahman", "abd rahman"},
		{"Abdullah", "abd allah"},
		{"Abd Allah", "abd allah"},
		{"Nasrullah", "nasr allah"},
		{"Saifuddin", "saif din"},
		{"Siraj Uddin", "siraj din"},
		{"Nasr Ullah", "nasr allah"},
		{"ibn Taymiyya", "bin taymiyya"},
		{"Ben Smith", "ben smith"},
		{"Ali ben Ali", "ali bin ali"},
		{"O'Brien", "obrien"},
		{"Praskov'ya", "praskovya"},
		{"Al-Qa'ida", "al qaida"},
		{"Amendola e Zambon s.r.l.", "amendola e zambon srl"},
		{"J. R. Smith", "j r smith"},
		// The article assimilated and written onto the word before, only
		// before the words that follow it in compounds.
		{"Matiur Rehman", "mati ur rehman"},
		{"Anisuz Zaman", "anis uz zaman"},
		{"Arthur Ross", "arthur ross"},
		{"  ", ""},
		{"", ""},
	} {
		if got := texts(Analyze(tc.in)); got != tc.want {
			t.Errorf("Analyze(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAssimilatedArticle(t *testing.T) {
	for _, tc := range []struct {
		in   string
		at   int
		want Class
	}{
		{"Mati ur Rehman", 1, Particle},
		{"Bashir-ud-Din", 1, Particle},
		{"Kim Jong Un", 2, Word}, // a name, not an article
		{"Un Sok", 0, Word},
	} {
		if ts := Analyze(tc.in); ts[tc.at].Class != tc.want {
			t.Errorf("Analyze(%q)[%d] = %q class %v, want %v", tc.in, tc.at, ts[tc.at].Text, ts[tc.at].Class, tc.want)
		}
	}
}

func TestClasses(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Class
	}{
		{"Sheikh Mohammed", []Class{Honorific, Word}},
		{"Dr. Ayman al-Zawahiri", []Class{Honorific, Word, Particle, Word}},
		{"OOO Romashka", []Class{LegalForm, Word}},
		{"Acme Trading Co., Ltd", []Class{Word, Word, LegalForm, LegalForm}},
		{"Sherkat Sanaye", []Class{LegalForm, Word}},
		{"General", []Class{Word}}, // alone it is the name itself
		// A title that is also a name, with no name after it, is the name.
		{"AHMAD, Sayed", []Class{Word, Word}},
		{"HAJI, Ali", []Class{Word, Word}},
		{"KHAN, Sayed Ali", []Class{Word, Honorific, Word}},
		{"AHMED, Dr.", []Class{Word, Honorific}}, // Dr is never a name
		{"Smith and Jones", []Class{Word, Particle, Word}},
	} {
		toks := Analyze(tc.in)
		if len(toks) != len(tc.want) {
			t.Errorf("Analyze(%q) = %q, want %d tokens", tc.in, texts(toks), len(tc.want))
			continue
		}
		for i, tok := range toks {
			if tok.Class != tc.want[i] {
				t.Errorf("Analyze(%q)[%d] %q is %v, want %v", tc.in, i, tok.Text, tok.Class, tc.want[i])
			}
		}
	}
}

func TestPhonVariantsMeet(t *testing.T) {
	same := [][]string{
		{"mohammed", "mohamed", "muhammed", "mouhammed"},
		{"mohammad", "muhammad", "mouhamad"},
		{"qadhafi", "gaddafi", "kadhafi", "qaddafi"},
		{"ryabkov", "riabkov"},
		{"khalid", "halid"},
		{"yusuf", "yousouf", "iusuf"},
		{"shamil", "chamil", "schamil"},
		{"hussein", "husain", "hussain", "houssein"},
		{"salih", "saleh"},
		{"philip", "filip"},
		{"jevgeni", "jewgeni"},
	}
	for _, group := range same {
		want := Phon(group[0])
		for _, w := range group[1:] {
			if got := Phon(w); got != want {
				t.Errorf("Phon(%q) = %q, Phon(%q) = %q: want equal", w, got, group[0], want)
			}
		}
	}
	differ := [][2]string{{"hassan", "hussein"}, {"ali", "ola"}, {"omar", "amir"}, {"ivan", "ivanov"}}
	for _, p := range differ {
		if Phon(p[0]) == Phon(p[1]) {
			t.Errorf("Phon(%q) == Phon(%q) = %q: want different", p[0], p[1], Phon(p[0]))
		}
	}
}

func TestSkel(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"mohammed", "MHMT"},
		{"mhmd", "MHMT"},
		{"hassan", "HSN"},
		{"usama", "SM"},
		{"ali", "L"},
	} {
		if got := Skel(Phon(tc.in)); got != tc.want {
			t.Errorf("Skel(Phon(%q)) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func tok(s string) *Token {
	toks := Analyze(s)
	if len(toks) != 1 {
		panic("want one token: " + s)
	}
	return &toks[0]
}

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		q, l    string
		how     Method
		atLeast float64
	}{
		{"laden", "laden", Exact, 1},
		{"mohamed", "mohammed", Phonetic, 0.9},
		{"muhammad", "mohammed", Phonetic, 0.75},
		{"ladne", "laden", Edit, 0.85},
		{"zawahiry", "zawahiri", Phonetic, 0.9},
		{"zawahxri", "zawahiri", Edit, 0.85},
		{"j", "john", Initial, 0.7},
		{"محمد", "mohammed", Translit, 0.9},
		{"حسن", "hassan", Translit, 0.9},
		// ج as Egyptian romanizations write it.
		{"رجب", "ragab", Translit, 0.8},
		{"رجب", "rajab", Translit, 0.85},
		// A Latin z stands for ض ظ ذ as well as ز.
		{"فضل", "fazl", Translit, 0.85},
		{"كاظم", "kazim", Translit, 0.85},
		{"كاظم", "kadhim", Translit, 0.85},
		{"فضل", "fadl", Translit, 0.85},
		{"رمضان", "ramazan", Translit, 0.85},
		{"رمضان", "ramadan", Translit, 0.85},
		{"حمزي", "hamzi", Translit, 0.85},
		// ث is th in Arabic and s in Persian, Urdu and Turkish.
		{"عثمان", "othman", Translit, 0.85},
		{"عثمان", "usman", Translit, 0.85},
		{"ثاقب", "saqib", Translit, 0.85},
	} {
		sim, how := Similarity(tok(tc.q), tok(tc.l))
		if how != tc.how || sim < tc.atLeast {
			t.Errorf("Similarity(%q, %q) = %.3f %v, want %v >= %.2f", tc.q, tc.l, sim, how, tc.how, tc.atLeast)
		}
	}
	// Hassan and Hussein share their consonants: they meet at the weaker
	// vowel tier, below a phonetic match.
	if sim, _ := Similarity(tok("hassan"), tok("hussein")); sim > simVowels {
		t.Errorf("Similarity(hassan, hussein) = %.3f, want <= %.2f", sim, simVowels)
	}
	// Consonants alike with the first vowel apart are other names.
	for _, p := range [][2]string{{"mahmud", "mohammad"}, {"chaudhry", "chizari"}} {
		if sim, how := Similarity(tok(p[0]), tok(p[1])); how != NoMatch {
			t.Errorf("Similarity(%q, %q) = %.3f %v, want no match", p[0], p[1], sim, how)
		}
	}
	// ز is z, never d: Hamzi is not Hamdi.
	if sim, how := Similarity(tok("حمزي"), tok("hamdi")); how != NoMatch {
		t.Errorf("Similarity(حمزي, hamdi) = %.3f %v, want no match", sim, how)
	}
	// Plain د is d, never z: Deghdegh (دغداغ) is not "Zaki Zaki" joined.
	for _, p := range [][2]string{{"دغداغ", "zakizaki"}, {"حمدي", "hamzi"}} {
		if sim, how := Similarity(tok(p[0]), tok(p[1])); how != NoMatch {
			t.Errorf("Similarity(%q, %q) = %.3f %v, want no match", p[0], p[1], sim, how)
		}
	}
	for _, p := range [][2]string{{"smith", "smyth1"}, {"ali", "alo"}, {"bob", "rob"}, {"k", "john"}} {
		if sim, how := Similarity(tok(p[0]), tok(p[1])); sim >= 0.8 {
			t.Errorf("Similarity(%q, %q) = %.3f %v, want < 0.8", p[0], p[1], sim, how)
		}
	}
}

func TestAbjadVariants(t *testing.T) {
	for _, tc := range []struct {
		skel string
		want []string
	}{
		{"MHMD", nil},
		{"FWL", []string{"FDL", "FZL"}},
		{"QMN", []string{"TMN", "SMN"}},
		{"QWQ", []string{"TDT", "TDS", "TZT", "TZS", "SDT", "SDS", "SZT", "SZS"}},
	} {
		if got := AbjadVariants(tc.skel); !slices.Equal(got, tc.want) {
			t.Errorf("AbjadVariants(%q) = %q, want %q", tc.skel, got, tc.want)
		}
		for _, v := range tc.want {
			if !SkelMatch(tc.skel, v) {
				t.Errorf("SkelMatch(%q, %q) = false", tc.skel, v)
			}
		}
	}
	if got := len(AbjadVariants("WWWWWWWW")); got > 16 {
		t.Errorf("AbjadVariants of 8 W: %d readings, want at most 16", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"kitten", "sitting", 3},
		{"laden", "ladne", 1}, {"abc", "", 3}, {"abcdef", "ab", 4},
	} {
		if got := distance(tc.a, tc.b, 10); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	if got := distance("kitten", "sitting", 1); got != 2 {
		t.Errorf("distance with limit 1 = %d, want 2 (limit+1)", got)
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"Abdul Rahman", "محمد بن سلمان", "ООО Ромашка", "S.R.L.", "习近平", "a\x00b", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Analyze(s)
		for _, tk := range toks {
			if tk.Text == "" || !utf8.ValidString(tk.Text) {
				t.Fatalf("Analyze(%q): bad token %q", s, tk.Text)
			}
			for i := 0; i < len(tk.Text); i++ {
				c := tk.Text[i]
				if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
					t.Fatalf("Analyze(%q): token %q has %q", s, tk.Text, c)
				}
			}
			u := tk
			SetKeys(&u)
			if u.Skel != tk.Skel || u.Phon != tk.Phon {
				t.Fatalf("Analyze(%q): keys of %q inconsistent", s, tk.Text)
			}
			Similarity(&tk, &toks[0])
		}
		// Analysis is stable: the folded form analyses to itself.
		if got := Fold(Fold(s)); got != Fold(s) {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, Fold(s), got)
		}
	})
}

func TestTypoCost(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"laden", "laden", 0},
		{"laden", "ladne", costTranspose},
		{"laden", "lsden", costNeighbour}, // a and s are neighbours
		{"laden", "lpden", 1},
		{"laden", "lden", 1},
		{"cole", "cone", 1},
	} {
		if got := typoCost(tc.a, tc.b); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("typoCost(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	if !neighbours('q', 'w') || !neighbours('s', 'w') || !neighbours('z', 'a') || neighbours('q', 'p') || neighbours('a', 'x') {
		t.Error("keyboard neighbours wrong")
	}
}

func TestGlossary(t *testing.T) {
	seen := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(glossary), "\n") {
		concept, words, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("glossary line %q has no concept", line)
		}
		for _, w := range strings.Fields(words) {
			if prev, dup := seen[w]; dup {
				t.Errorf("%q is under %q and %q", w, prev, concept)
			}
			seen[w] = concept
			if len(w) < 4 || Fold(w) != w {
				t.Errorf("%q (%s): want a folded word of 4 letters or more", w, concept)
			}
		}
	}
	for _, p := range [][2]string{{"melli", "national"}, {"saderat", "export"}, {"fuerzas", "forces"}, {"etudes", "studies"}} {
		q, l := Analyze(p[0])[0], Analyze(p[1])[0]
		if sim, how := Similarity(&q, &l); how != Translation || sim < 0.85 {
			t.Errorf("Similarity(%s, %s) = %.2f %v, want translation", p[0], p[1], sim, how)
		}
	}
	// Words of other meanings stay apart.
	q, l := Analyze("melli")[0], Analyze("export")[0]
	if _, how := Similarity(&q, &l); how != NoMatch {
		t.Errorf("Similarity(melli, export) = %v, want no match", how)
	}
}

func TestEditDistance(t *testing.T) {
	long := strings.Repeat("abcdefghij", 20)
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"kitten", "sitting", 3}, {"pao yu yi", "pao yu", 3}, {"abc", "acb", 1},
		{long, long + "x", 1}, {long, "", 200},
	} {
		if got := EditDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
