package synth

import (
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/embargo-screening/embargo/internal/entity"
)

// queryKind says how a benchmark query was derived.
type queryKind uint8

const (
	qExact  queryKind = iota // a name of a listed entity as it is
	qTypo                    // one character deleted, replaced, doubled or transposed
	qSwap                    // two tokens swapped
	qDrop                    // a middle token dropped
	qAbsent                  // a name that is not on the list
)

type query struct {
	text string
	kind queryKind
}

// Names for queries that must not match exactly: surnames of cultures the
// generator does not model (Finnish, Japanese, Hungarian, Polish, Turkish,
// Vietnamese, Thai). Syllable-generated names can still produce one by
// chance (al-Suzuki is a valid generated nisba), so queries only use those
// that occur in no listed name.
var (
	qSurnames = words(`Virtanen, Korhonen, Nieminen, Mäkinen, Hämäläinen, Laine, Heikkinen, Koskinen,
Järvinen, Lehtonen, Tanaka, Suzuki, Takahashi, Watanabe, Yamamoto, Nakamura, Kobayashi, Yoshida,
Yamada, Sasaki, Yamaguchi, Matsumoto, Inoue, Kimura, Hayashi, Shimizu, Yamazaki, Nagy, Kovács,
Tóth, Szabó, Horváth, Varga, Molnár, Németh, Farkas, Balogh, Takács, Juhász, Lakatos, Nowak,
Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak,
Dąbrowski, Kozłowski, Jankowski, Kwiatkowski, Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım,
Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Çetin, Nguyen, Tran, Pham, Hoang, Phan, Huynh,
Duong, Saetang, Srisuk, Wongsawat, Chaiyaporn, Suwannarat, Rattanakorn, Thongchai`)
	qGiven = words(`Hiroshi, Takeshi, Kenji, Yuki, Haruto, Aiko, Mikko, Juha, Timo, Aino, Zoltán, László,
Gábor, Katalin, Piotr, Krzysztof, Tomasz, Agnieszka, Mehmet, Mustafa, Emre, Ayşe, Zeynep, Minh,
Thanh, Huong, Somchai, Niran, Malee`)
	qForms = words(`Ltd, LLC, GmbH, Inc., Co., Limited, S.A., Oy, KK, Kft., Sp. z o.o., A.Ş.`)
)

// Queries returns n query names derived from the generated entities for
// benchmarking: exact names (about 32%), lightly perturbed names (one
// typo, swapped tokens or a dropped middle token, about 38%) and names
// that are not on the list at all (about 30%), in the mix screening
// traffic has. It is deterministic for the seed and ents.
func Queries(seed int64, ents []entity.Entity, n int) []string {
	qs := queries(seed, ents, n)
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.text
	}
	return out
}

func queries(seed int64, ents []entity.Entity, n int) []query {
	r := rand.New(rand.NewPCG(uint64(seed), queryStream))
	surnames := unusedSurnames(ents)
	out := make([]query, 0, n)
	for len(out) < n {
		if len(ents) == 0 || r.IntN(100) < 30 {
			out = append(out, query{absentName(r, surnames), qAbsent})
			continue
		}
		e := &ents[r.IntN(len(ents))]
		if len(e.Names) == 0 {
			continue
		}
		name := e.Names[0].Full
		if r.IntN(100) < 35 {
			name = e.Names[r.IntN(len(e.Names))].Full
		}
		switch u := r.IntN(100); {
		case u < 45:
			out = append(out, query{name, qExact})
		case u < 70:
			out = append(out, query{typo(r, name), qTypo})
		case u < 85:
			if s, ok := swapTokens(r, name); ok {
				out = append(out, query{s, qSwap})
			} else {
				out = append(out, query{typo(r, name), qTypo})
			}
		default:
			if s, ok := dropToken(r, name); ok {
				out = append(out, query{s, qDrop})
			} else {
				out = append(out, query{typo(r, name), qTypo})
			}
		}
	}
	return out
}

// absentName makes a person or company name around a surname the
// generator never uses, often with a common given name from the lists so
// that it shares frequent tokens with listed names, as real customers do.
func absentName(r *rand.Rand, surnames []string) string {
	sur := surnames[r.IntN(len(surnames))]
	switch u := r.IntN(100); {
	case u < 55:
		var given string
		switch r.IntN(4) {
		case 0:
			given = arMale[int(cube(r)*float64(len(arMale)))].v[0]
		case 1:
			wg := &westGroups[r.IntN(len(westGroups))]
			given = wg.given[r.IntN(len(wg.given))].v[0]
		case 2:
			given = esGiven[r.IntN(len(esGiven))].v[0]
		default:
			given = faGiven[r.IntN(len(faGiven))].v[0]
		}
		if r.IntN(4) == 0 {
			return given + " " + arMale[r.IntN(len(arMale))].v[0] + " " + sur
		}
		return given + " " + sur
	case u < 85:
		return qGiven[r.IntN(len(qGiven))] + " " + sur
	}
	return sur + " " + orgDesc[r.IntN(len(orgDesc))] + " " + qForms[r.IntN(len(qForms))]
}

// unusedSurnames returns the query-only surnames that are no token of any
// name of ents (all of them in the unlikely case that every one is).
func unusedSurnames(ents []entity.Entity) []string {
	index := make(map[string]int, len(qSurnames))
	for i, s := range qSurnames {
		index[strings.ToLower(s)] = i
	}
	used := make([]bool, len(qSurnames))
	var buf []byte
	for i := range ents {
		for _, nm := range ents[i].Names {
			s := nm.Full
			start := 0
			for j := 0; j <= len(s); j++ {
				// Bytes of multi-byte runes count as letters: the pool
				// surnames contain no non-ASCII punctuation.
				if j < len(s) && (s[j] >= 0x80 || ('a' <= s[j]|0x20 && s[j]|0x20 <= 'z')) {
					continue
				}
				if tk := s[start:j]; len(tk) >= 2 {
					buf = append(buf[:0], tk...)
					ascii := true
					for k, c := range buf {
						if c >= 0x80 {
							ascii = false
						} else if 'A' <= c && c <= 'Z' {
							buf[k] = c + 'a' - 'A'
						}
					}
					var at int
					var ok bool
					if ascii {
						at, ok = index[string(buf)]
					} else {
						at, ok = index[strings.ToLower(tk)]
					}
					if ok {
						used[at] = true
					}
				}
				start = j + 1
			}
		}
	}
	var out []string
	for i, s := range qSurnames {
		if !used[i] {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return qSurnames
	}
	return out
}

func cube(r *rand.Rand) float64 {
	u := r.Float64()
	return u * u * u
}

// typo changes one letter of s: deleted, replaced, doubled or swapped with
// its neighbour. The result always differs from s.
func typo(r *rand.Rand, s string) string {
	rs := []rune(s)
	var letters []int
	for i, c := range rs {
		if unicode.IsLetter(c) {
			letters = append(letters, i)
		}
	}
	if len(letters) == 0 {
		return s + "x"
	}
	i := letters[r.IntN(len(letters))]
	switch r.IntN(4) {
	case 0: // replace
		c := rs[i]
		if c < 0x80 {
			const alpha = "aeioulnrstmkdhybcg"
			n := rune(alpha[r.IntN(len(alpha))])
			if unicode.IsUpper(c) {
				n = unicode.ToUpper(n)
			}
			if n != c {
				rs[i] = n
				return string(rs)
			}
		} else if len(letters) > 1 {
			// Another letter of the same name keeps the script.
			n := rs[letters[r.IntN(len(letters))]]
			if n != c {
				rs[i] = n
				return string(rs)
			}
		}
	case 1: // double
		out := make([]rune, 0, len(rs)+1)
		out = append(out, rs[:i+1]...)
		out = append(out, rs[i:]...)
		return string(out)
	case 2: // transpose
		if i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && rs[i+1] != rs[i] {
			rs[i], rs[i+1] = rs[i+1], rs[i]
			return string(rs)
		}
	}
	if len(letters) > 2 { // delete
		return string(append(rs[:i:i], rs[i+1:]...))
	}
	return s + string(rs[i])
}

// swapTokens swaps two tokens of s (the family name moved to the front,
// or two neighbours).
func swapTokens(r *rand.Rand, s string) (string, bool) {
	ts := strings.Fields(s)
	if len(ts) < 2 {
		return "", false
	}
	if len(ts) == 2 || r.IntN(2) == 0 {
		last := ts[len(ts)-1]
		copy(ts[1:], ts[:len(ts)-1])
		ts[0] = last
	} else {
		i := r.IntN(len(ts) - 1)
		ts[i], ts[i+1] = ts[i+1], ts[i]
	}
	out := strings.Join(ts, " ")
	return out, out != s
}

// dropToken drops one token that is neither the first nor the last.
func dropToken(r *rand.Rand, s string) (string, bool) {
	ts := strings.Fields(s)
	if len(ts) < 3 {
		return "", false
	}
	i := 1 + r.IntN(len(ts)-2)
	return strings.Join(append(ts[:i:i], ts[i+1:]...), " "), true
}
