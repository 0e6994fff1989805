package names

import "strings"

// Method says how two tokens were found to correspond; it is what the
// explanation of a match shows.
type Method uint8

const (
	NoMatch     Method = iota
	Exact              // same folded text
	Translit           // same consonant skeleton across scripts (Arabic/Hebrew vs Latin)
	Phonetic           // same phonetic key, or close on it
	Edit               // a spelling difference (typo) within the edit budget
	Initial            // a single letter against a token starting with it
	Merged             // one token against two adjacent ones joined
	SameClass          // two different legal forms, or two honorifics
	Translation        // one word of the glossary in two languages (Melli, National)
)

func (m Method) String() string {
	switch m {
	case Exact:
		return "exact"
	case Translit:
		return "transliteration"
	case Phonetic:
		return "phonetic"
	case Edit:
		return "edit_distance"
	case Initial:
		return "initial"
	case Merged:
		return "merged_tokens"
	case SameClass:
		return "same_class"
	case Translation:
		return "translation"
	}
	return "none"
}

// Similarities of each method. They are below 1 so that a name that only
// matches through variants ranks under an exact listing of the same name.
const (
	simTranslit = 0.93
	simPhonetic = 0.93
	simInitial  = 0.7
	// simPhoneticShort is a phonetic match of tokens of four letters or
	// fewer, where one vowel is a large part of the name.
	simPhoneticShort = 0.86
	simVowels        = 0.8
	// simTranslation is a word and its translation: the same meaning,
	// not the same name, so under any spelling variant.
	simTranslation = 0.9
	// MinSimilarity is the least similarity that counts as tokens
	// corresponding at all.
	MinSimilarity = 0.6
)

// Similarity compares a query token with a list token. It is symmetric
// except for initials, which only a query may abbreviate... and lists do
// too (UN gives "A." for some given names), so both directions count.
func Similarity(q, l *Token) (float64, Method) {
	if q.Text == l.Text {
		return 1, Exact
	}
	if q.Abjad || l.Abjad {
		return crossSimilarity(q, l)
	}
	if len(q.Text) == 1 || len(l.Text) == 1 {
		if q.Text[0] == l.Text[0] {
			return simInitial, Initial
		}
		return 0, NoMatch
	}
	best, how := 0.0, NoMatch
	if min(len(q.Text), len(l.Text)) < 3 {
		// Two-letter tokens (Li, Ip, Al) are the same or different.
		return 0, NoMatch
	}
	if q.Phon == l.Phon {
		best, how = simPhonetic, Phonetic
		if L := max(len(q.Text), len(l.Text)); L <= 4 || 2*distance(q.Text, l.Text, L) > L {
			// Adil/Adel, Ana/Anna: one vowel is a large part of the name;
			// Gunay/Kony, Naik/Nioec: the key meets, most letters do not.
			best = simPhoneticShort
		}
	} else if L := max(len(q.Phon), len(l.Phon)); budget(L) > 1 {
		// Near on the phonetic key gets one edit less than spelling: the
		// key has already folded the variants a spelling edit would.
		if d := distance(q.Phon, l.Phon, budget(L)-1); d <= budget(L)-1 {
			if s := simPhonetic * (1 - float64(d)/float64(L+1)); s > best {
				best, how = s, Phonetic
			}
		}
	}
	if best == 0 && len(q.Skel) >= 2 && q.Phon[0] == l.Phon[0] && firstVowel(q.Phon) == firstVowel(l.Phon) && equalFoldZ(q.Skel, l.Skel) {
		// Same consonants in the same order, vowels apart: Ahmad and
		// Ahmet (with final devoicing), Omer and Umar, Kazafi and
		// Qadhafi. Weaker than a phonetic match; the first sound and the
		// first vowel must agree (Omar is not Amir, Mahmud is not
		// Mohammad, Hassan is not Hussein).
		best, how = simVowels, Phonetic
	}
	L := max(len(q.Text), len(l.Text))
	if d := distance(q.Text, l.Text, budget(L)); d <= budget(L) {
		if s := editSimilarity(typoCost(q.Text, l.Text), L); s > best {
			best, how = s, Edit
		}
	}
	if q.Concept != 0 && q.Concept == l.Concept && simTranslation > best {
		best, how = simTranslation, Translation
	}
	if best < MinSimilarity {
		return 0, NoMatch
	}
	return best, how
}

// crossSimilarity compares tokens of which one or both are written in an
// abjad, by skeleton. Between an abjad and a Latin token, ذ ض ظ meet a
// Latin d or z (Fadl, Fazl, فضل).
func crossSimilarity(q, l *Token) (float64, Method) {
	a, b := q.Skel, l.Skel
	switch {
	case q.Abjad && !l.Abjad && SkelMatch(a, b):
		b = a
	case l.Abjad && !q.Abjad && SkelMatch(b, a):
		a = b
	case q.Abjad != l.Abjad:
		// One consonant apart is judged with z read as d and ث as t on
		// both sides, but a zay against a Latin d is no match (Hamzi,
		// Hamdi).
		a, b = foldCross(a), foldCross(b)
		if a == b {
			return 0, NoMatch
		}
	}
	return skelSimilarity(a, b)
}

// foldCross reads Z and W (ذ ض ظ) as D and Q (ث) as T.
func foldCross(skel string) string {
	if !strings.ContainsAny(skel, "ZWQ") {
		return skel
	}
	return crossFolder.Replace(skel)
}

var crossFolder = strings.NewReplacer("Z", "D", "W", "D", "Q", "T")

// firstVowel returns the first vowel class of a phonetic key, 0 if none.
func firstVowel(phon string) byte {
	for i := 0; i < len(phon); i++ {
		if c := phon[i]; c == 'a' || c == 'i' || c == 'u' {
			return c
		}
	}
	return 0
}

// equalFoldZ reports whether FoldZ(a) == FoldZ(b), without building them.
func equalFoldZ(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == 'Z' {
			x = 'D'
		}
		if y == 'Z' {
			y = 'D'
		}
		if x != y {
			return false
		}
	}
	return true
}

func skelSimilarity(a, b string) (float64, Method) {
	if a == b {
		// Short skeletons are shared by many unrelated names (Ali, Ola,
		// Lee are all "L"): the fewer consonants, the less it says.
		switch len(a) {
		case 0:
			return 0, NoMatch
		case 1:
			return 0.7, Translit
		case 2:
			return 0.82, Translit
		case 3:
			return 0.9, Translit
		}
		return simTranslit, Translit
	}
	if len(a) == len(b) && len(a) >= 2 && jimAsG(a, b) {
		// ج is j in most romanizations and g in Egyptian ones (Ragab,
		// Gamal, Naguib): a little less than the same skeleton.
		sim, how := skelSimilarity(a, a)
		return sim * 0.95, how
	}
	// One consonant apart counts only for long skeletons: among short ones
	// nearly everything is one apart.
	L := max(len(a), len(b))
	if L >= 4 && distance(a, b, 1) == 1 {
		return simTranslit * (1 - 1/float64(L+1)), Translit
	}
	return 0, NoMatch
}

// jimAsG reports whether skeletons a and b, of one length, differ only
// in one position where one has J and the other K.
func jimAsG(a, b string) bool {
	diff := 0
	for i := 0; i < len(a); i++ {
		if a[i] == b[i] {
			continue
		}
		if diff++; diff > 1 || !(a[i] == 'J' && b[i] == 'K' || a[i] == 'K' && b[i] == 'J') {
			return false
		}
	}
	return diff == 1
}

// editSimilarity is the similarity of tokens a typing cost apart, the
// longer of which has L letters: a typo weighs more in a short name
// (Cole/Cone) than in a long one (Zawahiri/Zawahari).
func editSimilarity(cost float64, L int) float64 {
	if L <= 5 {
		return 1 - cost/float64(L)
	}
	return 1 - cost/float64(L+1)
}

// Costs of the edits a typist makes most: swapping two letters and
// hitting a neighbouring key cost less than an unrelated letter, which is
// more likely a different name (Cole/Cone, West/Zest).
const (
	costTranspose = 0.6
	costNeighbour = 0.6
)

// typoCost is the optimal-string-alignment distance with those costs.
// Tokens are short; it runs only on pairs already within the edit budget.
func typoCost(a, b string) float64 {
	if len(a) > 62 || len(b) > 62 {
		return float64(distance(a, b, 64))
	}
	var r0, r1, r2 [64]float64
	prev2, prev, cur := r0[:len(b)+1], r1[:len(b)+1], r2[:len(b)+1]
	for j := range prev {
		prev[j] = float64(j)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = float64(i)
		for j := 1; j <= len(b); j++ {
			sub := 0.0
			if a[i-1] != b[j-1] {
				sub = 1
				if neighbours(a[i-1], b[j-1]) {
					sub = costNeighbour
				}
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+sub)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+costTranspose)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// keyboard is the QWERTY layout, for neighbouring keys.
var keyboard = [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

var keyPos = func() (p [26][2]int8) {
	for r, row := range keyboard {
		for c := 0; c < len(row); c++ {
			p[row[c]-'a'] = [2]int8{int8(r), int8(c)}
		}
	}
	return p
}()

// neighbours reports whether two letters are adjacent keys (same row next
// to each other, or the rows above and below, which are offset by half a
// key).
func neighbours(x, y byte) bool {
	if x < 'a' || x > 'z' || y < 'a' || y > 'z' {
		return false
	}
	px, py := keyPos[x-'a'], keyPos[y-'a']
	dr, dc := px[0]-py[0], px[1]-py[1]
	switch dr {
	case 0:
		return dc == 1 || dc == -1
	case 1: // x is on the row below y
		return dc == 0 || dc == -1
	case -1:
		return dc == 0 || dc == 1
	}
	return false
}

// budget is how many edits a token of length n may carry and still be the
// same name: none for the shortest, one for most, two for long ones.
func budget(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	case n <= 10:
		return 2
	}
	return 3
}

// NearArticle reports whether a Latin token of 2 or 3 letters is one
// typo from the Arabic article al/el/ul (aal, all, alp, azl, ql, ak):
// a token the lists lack that is one is a mangled particle, not a name.
func NearArticle(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, a := range [...]string{"al", "el", "ul"} {
		if distance(s, a, 1) == 1 {
			return true
		}
	}
	return false
}

// EditDistance is the optimal-string-alignment distance between a and b,
// in bytes, for strings of any length: whole names, where distance
// compares tokens.
func EditDistance(a, b string) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	var buf [3 * 128]int
	rows := buf[:]
	if 3*(len(b)+1) > len(buf) {
		rows = make([]int, 3*(len(b)+1))
	}
	return osa(a, b, len(a), rows)
}

// distance is the optimal-string-alignment (Damerau-Levenshtein with
// adjacent transpositions) distance between a and b, or limit+1 once it is
// sure to exceed limit.
func distance(a, b string, limit int) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > limit {
		return limit + 1
	}
	if len(b) == 0 {
		return len(a)
	}
	if len(a) > 62 {
		// Names tokens are short; very long ones are compared on a prefix,
		// which is enough to tell them apart.
		a, b = a[:62], b[:min(len(b), 62)]
	}
	var buf [3 * 64]int
	return osa(a, b, limit, buf[:])
}

// osa computes the optimal-string-alignment distance of a and b, b no
// longer than a, in rows (room for three rows of len(b)+1), giving up
// with limit+1 once a whole row exceeds limit.
func osa(a, b string, limit int, rows []int) int {
	n := len(b) + 1
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:3*n] // rows i-2, i-1, i
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}
