// Package synth generates synthetic sanctions-list entities for scale
// benchmarks of the matcher.
//
// Real lists are too small (tens of thousands of entries) to show how the
// index behaves at a million, and copying them would bring real people's
// names into test data. The generator therefore invents entities with the
// shape of real lists instead: the schema mix, the name cultures and their
// weights, frequent tokens repeated heavily (Mohammed, al-, Co.) next to a
// long tail of generated surnames and brands, transliteration variants as
// aliases, original-script aliases (Arabic, Cyrillic, Han, Hangul, Greek,
// Hebrew), dates of birth, nationalities and documents. Output is
// deterministic for a seed, so benchmark runs are comparable.
package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Dataset is the dataset name of generated entities.
const Dataset = "synth"

// Generator yields deterministic synthetic entities: the same seed gives
// the same sequence. It is not safe for concurrent use.
type Generator struct {
	r *rand.Rand
	n int

	// Scratch space reused between entities so that generation allocates
	// little beyond the strings and slices it returns.
	buf   []byte
	runes []rune
	p     [8]part
	np    int
}

// The PCG stream constants keep the entity and query sequences of one seed
// independent of each other.
const (
	entityStream = 0x5eed5a17c0de0001
	queryStream  = 0x5eed5a17c0de0002
)

// New returns a generator for seed.
func New(seed int64) *Generator {
	return &Generator{
		r:     rand.New(rand.NewPCG(uint64(seed), entityStream)),
		buf:   make([]byte, 0, 256),
		runes: make([]rune, 0, 128),
	}
}

// Next returns the next entity; IDs are "synth:<n>" with n counting from 1,
// and Dataset is "synth".
//
// The schema mix is 65% Person, 28% Organization, 5% Vessel and 2%
// Airplane, close to the consolidated OFAC, UN and EU lists.
func (g *Generator) Next() entity.Entity {
	var e entity.Entity
	g.fill(&e)
	return e
}

// fill generates the next entity into e, which must be zero. Entities
// fills its slice in place: copying a 500-byte struct with pointers into
// a large heap slice costs write barriers while the collector runs.
func (g *Generator) fill(e *entity.Entity) {
	g.n++
	id := Dataset + ":" + strconv.Itoa(g.n)
	e.ID, e.Dataset, e.SourceID = id, Dataset, id[len(Dataset)+1:]
	switch u := g.r.IntN(1000); {
	case u < 650:
		g.person(e)
	case u < 930:
		g.organization(e)
	case u < 980:
		g.vessel(e)
	default:
		g.airplane(e)
	}
}

// Entities returns the first n entities of a generator seeded with seed.
// At a million entities the result takes about 1 GB; benchmarks that do
// not need them all at once can call Next instead.
func Entities(seed int64, n int) []entity.Entity {
	g := New(seed)
	out := make([]entity.Entity, n)
	for i := range out {
		g.fill(&out[i])
	}
	return out
}

// ---- random helpers ----

func (g *Generator) intn(n int) int { return g.r.IntN(n) }

func (g *Generator) chance(p float64) bool { return g.r.Float64() < p }

// zipf returns an index in [0, n) with density falling like i^(-2/3):
// the first item of a 100-item pool comes up about a fifth of the time.
// It is used where real lists are dominated by a few names.
func (g *Generator) zipf(n int) int {
	u := g.r.Float64()
	return int(u * u * u * float64(n))
}

// skew returns an index in [0, n) with density falling like i^(-1/2), a
// milder bias for pools without a dominant item.
func (g *Generator) skew(n int) int {
	u := g.r.Float64()
	return int(u * u * float64(n))
}

func (g *Generator) pick(ws []string) string { return ws[g.skew(len(ws))] }

// aliasCount draws the number of aliases of an entity, 0 to 4.
func (g *Generator) aliasCount() int {
	switch u := g.intn(100); {
	case u < 30:
		return 0
	case u < 58:
		return 1
	case u < 78:
		return 2
	case u < 91:
		return 3
	}
	return 4
}

// digits appends n random decimal digits to b.
func (g *Generator) digits(b []byte, n int) []byte {
	for range n {
		b = append(b, byte('0'+g.intn(10)))
	}
	return b
}

// letters appends n random capital letters to b.
func (g *Generator) letters(b []byte, n int) []byte {
	for range n {
		b = append(b, byte('A'+g.intn(26)))
	}
	return b
}

// ---- names ----

// addName appends a name unless its text is empty or already there.
func addName(e *entity.Entity, full string, kind entity.NameKind, script, lang string) bool {
	if full == "" {
		return false
	}
	for i := range e.Names {
		if e.Names[i].Full == full {
			return false
		}
	}
	e.Names = append(e.Names, entity.Name{Full: full, Kind: kind, Script: script, Language: lang})
	return true
}

// aliases adds Latin-script aliases until the entity has k names besides
// the primary one, trying the n ways of making one that alias knows in
// random order. Only the chosen ones are rendered; alias returns "" when a
// way does not apply to the name at hand.
func (g *Generator) aliases(e *entity.Entity, k, n int, alias func(i int) (string, entity.NameKind)) {
	var order [16]uint8
	for i := range n {
		order[i] = uint8(i)
	}
	for i := 0; i < n && len(e.Names) < k+1; i++ {
		j := i + g.intn(n-i)
		order[i], order[j] = order[j], order[i]
		s, kind := alias(int(order[i]))
		addName(e, s, kind, "Latn", "")
	}
}

// lowerFirst appends s to b with its first byte in lower case (for the
// second syllable of joined names such as Xiaoming).
func lowerFirst(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	c := s[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	b = append(b, c)
	return append(b, s[1:]...)
}

// stripAccents folds the Latin letters with diacritics used in the pools
// to ASCII, the way many lists and customer records write them.
func stripAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã', 'å':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'í', 'ì', 'î', 'ï', 'ı':
			r = 'i'
		case 'ó', 'ò', 'ô', 'ö', 'õ':
			r = 'o'
		case 'ú', 'ù', 'û', 'ü':
			r = 'u'
		case 'ñ':
			r = 'n'
		case 'ç':
			r = 'c'
		case 'ş':
			r = 's'
		case 'ğ':
			r = 'g'
		case 'Á', 'À', 'Â', 'Ä':
			r = 'A'
		case 'É', 'È', 'Ê':
			r = 'E'
		case 'Í', 'Î':
			r = 'I'
		case 'Ó', 'Ô', 'Ö':
			r = 'O'
		case 'Ú', 'Ü':
			r = 'U'
		case 'Ñ':
			r = 'N'
		case 'Ç':
			r = 'C'
		case 'Ş':
			r = 'S'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// initials returns the capital initials of the words of s ("Golden Star
// Trading" → "GST"), for acronym aliases, or "" for fewer than two words.
func (g *Generator) initials(s string) string {
	b := g.buf[:0]
	start := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
		if letter && start {
			if c >= 'a' {
				c -= 'a' - 'A'
			}
			b = append(b, c)
		}
		start = c == ' ' || c == '-'
	}
	g.buf = b
	if len(b) < 2 {
		return ""
	}
	return string(b)
}

// ---- facts ----

var daysIn = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// birthDate returns a date of birth between about 1935 and 2003, peaking
// in the late 1960s; a quarter are year-only as on many list entries.
func (g *Generator) birthDate() entity.Date {
	y := 1935 + g.intn(35) + g.intn(35)
	b := strconv.AppendInt(g.buf[:0], int64(y), 10)
	if !g.chance(0.25) {
		m := 1 + g.intn(12)
		d := 1 + g.intn(daysIn[m])
		b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	}
	g.buf = b
	return entity.Date{Value: string(b)}
}

// passport returns a passport number in a format typical of country.
func (g *Generator) passport(country string) string {
	b := g.buf[:0]
	switch country {
	case "RU", "BY", "KZ":
		b = append(b, byte('6'+g.intn(2)))
		b = g.digits(b, 8)
	case "IR":
		b = g.letters(b, 1)
		b = g.digits(b, 8)
	case "CN":
		b = append(b, "EGP"[g.intn(3)])
		b = g.digits(b, 8)
	case "KP":
		b = append(b, "836745927"[g.intn(9)])
		b = g.digits(b, 8)
	case "US", "GB", "IN", "PK":
		if country == "IN" || country == "PK" {
			b = g.letters(b, 1)
			b = g.digits(b, 7)
		} else {
			b = g.digits(b, 9)
		}
	default:
		b = g.letters(b, 1+g.intn(2))
		b = g.digits(b, 6+g.intn(3))
	}
	g.buf = b
	return string(b)
}

// culture holds what a person's name culture implies beyond the name.
type culture struct {
	nat      []string // nationalities, most frequent first
	programs []string // sanctions programs, most frequent first
}

// personFacts fills the non-name fields of a person: birth dates for 80%,
// nationality, gender, a passport for 30% and a national ID for 8%.
func (g *Generator) personFacts(e *entity.Entity, c *culture, female bool) {
	if g.chance(0.8) {
		e.BirthDates = []entity.Date{g.birthDate()}
		if g.chance(0.1) {
			e.AddBirthDate(g.birthDate())
		}
	}
	nat := c.nat[g.skew(len(c.nat))]
	e.Nationalities = []string{nat}
	if g.chance(0.07) {
		entity.AddTo(&e.Nationalities, c.nat[g.intn(len(c.nat))])
	}
	switch {
	case g.chance(0.04):
	case female:
		e.Gender = "female"
	default:
		e.Gender = "male"
	}
	if g.chance(0.3) {
		e.Identifiers = append(e.Identifiers, entity.Identifier{Type: entity.IDPassport, Number: g.passport(nat), Country: nat})
	}
	if g.chance(0.08) {
		b := g.digits(g.buf[:0], 9+g.intn(3))
		g.buf = b
		e.Identifiers = append(e.Identifiers, entity.Identifier{Type: entity.IDNational, Number: string(b), Country: nat})
	}
	g.programs(e, c.programs)
}

// programs sets one or two sanctions programs.
func (g *Generator) programs(e *entity.Entity, ps []string) {
	e.Programs = []string{g.pick(ps)}
	if g.chance(0.15) {
		entity.AddTo(&e.Programs, ps[g.intn(len(ps))])
	}
}
