// Package match screens names against list entities: an in-memory
// candidate index that does not lose recall to typos or transliteration,
// and a scorer that aligns tokens order-free, weighs them by rarity, folds
// in dates, countries, identifiers and gender, and explains every score.
//
// The index is immutable once built, so one index serves any number of
// goroutines, and a new list version means building a new index and
// swapping the pointer.
package match

import (
	"hash/maphash"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/names"
	"github.com/embargo-screening/embargo/internal/party"
)

// Index holds the analysed names of a set of entities.
type Index struct {
	// recs holds what scoring and answers need of each entity; ents the
	// entities themselves, when the index was built from a slice of them
	// (nil when built from a stream, as at millions of entities).
	recs  chunks[record]
	ents  []*entity.Entity
	names []nameRec
	flat  []uint32 // token ids of all names, name after name

	toks []tokInfo // by token id
	// initials[t] tells a token that is only ever a name's initials
	// (NIOPDC), looked up as written only. Apart from toks, which the
	// search reads in its hot loops.
	initials []bool
	tokID    map[string]uint32 // dictKey → id
	// byText maps a folded text to one token with that text, to find the
	// halves of a query token that merges two list tokens.
	byText map[string]uint32

	// post[t] lists the names containing token t, ascending. Stored as one
	// flat array with offsets to stay compact at millions of names.
	postOff []uint32
	post    []uint32

	// Candidate keys: every key a token answers to (its text and the
	// texts one deletion away, its phonetic key, its skeleton and the
	// skeletons one deletion away), sorted, with the token each belongs to.
	keys   []uint64
	keyTok []uint32
	// keyDir[h] is the first position in keys whose top bits are h or
	// more: keys are hashes, spread evenly, so a lookup reads one or two
	// entries after the directory instead of binary-searching millions.
	keyDir   []uint32
	keyShift uint

	maxIDF float32
	// minEvidence is the least aligned weight (similarity times rarity)
	// a name score above lowEvidenceScore needs: the weight of a token
	// one listed entity in 100 carries, and at least 5 of them, matched
	// exactly. Two such tokens together ("Ali Hassan") are a name; one
	// alone is not. In a small list every token is rare.
	minEvidence float32
	medianIDF   float32

	// sameAs[i] lists the listings in other datasets of the party
	// ents[i] is (see package party); nil when only one dataset is
	// indexed.
	sameAs [][]party.Link

	// busy bounds the searches in flight: each holds scratch memory sized
	// by the number of names (14 bytes a name), so a server with a
	// thousand open requests must not run a thousand at once.
	busy chan struct{}
}

// nameRec is one indexed name of an entity.
type nameRec struct {
	full   string // as the list writes it
	ent    uint32
	off    uint32  // into flat
	n      uint8   // tokens
	kind   uint8   // kindPrimary...
	weight float32 // of the tokens as left over (capped at unmatchedCap)
}

// record is what scoring and answers need of an entity, a fraction of
// the entity's size: an index of millions keeps these, and the full
// entities stay in the store.
type record struct {
	id, dataset, sourceID, caption string
	schema                         entity.Schema
	gender                         string
	dobs                           []entity.Date
	countries                      []string // nationality, citizenship, jurisdiction, address; ISO alpha-2
	ids                            []entity.Identifier
}

func newRecord(e *entity.Entity) record {
	return record{id: e.ID, dataset: e.Dataset, sourceID: e.SourceID, caption: e.Caption(), schema: e.Schema,
		gender: e.Gender, dobs: e.BirthDates, countries: entityCountries(e), ids: e.Identifiers}
}

const (
	kindPrimary uint8 = iota
	kindAlias
	kindWeak
	kindFormer
	kindInitials // an organization's name by its initials (NIOPDC), made here
)

type tokInfo struct {
	names.Token
	idf float32
	// famIDF is the rarity of the commonest token that sounds the same
	// or differs only in the colour of its vowels (Ahmet: Ahmad's), at
	// most idf: a rare spelling of a common name says no more than the
	// name does.
	famIDF float32
}

var seed = maphash.MakeSeed()

// Key tags keep the families of keys apart in one table. Skeletons are
// only compared across scripts (a vowel-less Arabic or Hebrew token
// against anything), so Latin tokens file theirs under a tag that only
// abjad queries look up, and the many Latin–Latin skeleton collisions
// never reach the scorer.
const (
	tagText      byte = 't'
	tagPhon      byte = 'p'
	tagSlots     byte = 'v' // phonetic key with vowels as slots; common query words look it up
	tagConcept   byte = 'g' // meaning of an organization word in the glossary
	tagSkelLatin byte = 'L' // skeleton of a Latin list token
	tagSkelAbjad byte = 'A' // skeleton of an abjad list token
)

func key(tag byte, s string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteByte(tag)
	h.WriteString(s)
	return h.Sum64()
}

// MaxTokens caps the tokens of a name that are indexed or compared; real
// names have far fewer, and the cap bounds the cost of hostile input.
const MaxTokens = 24

// Build indexes the names of ents. The entities are referenced, not
// copied: the caller must not modify them afterwards. Matches carry them
// (Match.Entity), and listings of one party on different lists are
// linked (Match.SameAs).
func Build(ents []*entity.Entity) *Index {
	b := NewBuilder()
	b.ix.ents = ents
	for _, e := range ents {
		b.Add(e)
	}
	return b.Index()
}

// Builder builds an index from entities given one at a time, keeping
// only what it needs of each: at millions of entities, the entities need
// not all be in memory at once. Such an index has no Match.Entity and no
// party links; Build has both.
type Builder struct {
	ix    *Index
	buf   []names.Token
	seen  map[string]bool
	df    []uint32 // by token id: entities containing it
	stamp []int32  // by token id: last entity counted
	keyb  strings.Builder
	acr   []initials
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{
		ix: &Index{tokID: make(map[string]uint32), byText: make(map[string]uint32),
			busy: make(chan struct{}, 4*runtime.GOMAXPROCS(0))},
		seen: make(map[string]bool),
	}
}

// Add indexes the names of e. The index keeps e's name, identifier and
// birth date values, not e: the caller must not modify those afterwards,
// but may drop e.
func (b *Builder) Add(e *entity.Entity) {
	ix := b.ix
	ei := ix.recs.len()
	ix.recs.append(newRecord(e))
	buf, seen, keyb := b.buf, b.seen, &b.keyb
	clear(seen)
	for _, n := range e.Names {
		buf = names.AppendTokens(buf[:0], n.Full)
		if len(buf) == 0 {
			continue
		}
		if len(buf) > MaxTokens {
			buf = buf[:MaxTokens]
		}
		keyb.Reset()
		for _, t := range buf {
			keyb.WriteString(t.Text)
			keyb.WriteByte(' ')
		}
		if seen[keyb.String()] {
			continue
		}
		seen[keyb.String()] = true
		rec := nameRec{full: n.Full, ent: uint32(ei), off: uint32(len(ix.flat)), n: uint8(len(buf)), kind: kindOf(n.Kind)}
		b.addTokens(ei, buf, e, false)
		ix.names = append(ix.names, rec)
		if e.Schema == entity.Organization || e.Schema == entity.LegalEntity {
			b.acr = appendInitials(b.acr, buf, n.Full)
		}
	}
	// An organization is also known by the initials of its names: a
	// query "NIOPDC" finds NATIONAL IRANIAN OIL PRODUCTS DISTRIBUTION
	// COMPANY. They are names of their own, scored below a weak alias.
	for _, a := range b.acr {
		if seen[a.text+" "] {
			continue
		}
		seen[a.text+" "] = true
		t := names.Token{Text: a.text, Class: names.Word}
		names.SetKeys(&t)
		buf = append(buf[:0], t)
		b.addTokens(ei, buf, e, true)
		ix.names = append(ix.names, nameRec{full: a.full, ent: uint32(ei), off: uint32(len(ix.flat) - 1), n: 1, kind: kindInitials})
	}
	b.acr = b.acr[:0]
	b.buf = buf
}

// addTokens files the tokens of one name of entity ei in the dictionary
// and appends their ids to flat.
func (b *Builder) addTokens(ei int, buf []names.Token, e *entity.Entity, initials bool) {
	ix := b.ix
	for _, t := range buf {
		if t.Class == names.Honorific && e.Schema != entity.Person && e.Schema != entity.LegalEntity {
			t.Class = names.Word // the vessel MARSHAL ZHUKOV has no title
		}
		k := dictKey(&t)
		id, ok := ix.tokID[k]
		if !ok {
			id = uint32(len(ix.toks))
			ix.tokID[k] = id
			t.Raw = ""
			ix.toks = append(ix.toks, tokInfo{Token: t})
			ix.initials = append(ix.initials, initials)
			if _, ok := ix.byText[t.Text]; !ok && !t.Abjad {
				ix.byText[t.Text] = id
			}
			b.df = append(b.df, 0)
			b.stamp = append(b.stamp, -1)
		} else if !initials {
			ix.initials[id] = false // a word of some name too
		}
		if b.stamp[id] != int32(ei) {
			b.stamp[id] = int32(ei)
			b.df[id]++
		}
		ix.flat = append(ix.flat, id)
	}
}

// initials is a name by the first letters of its words.
type initials struct{ text, full string }

// appendInitials appends the initials of a name: of every token, and of
// its words alone (without "of", "the" and legal forms), when 4 to 8
// letters long. Three letters would be the short words of other names
// (Ali, Lee), which every search for them would then drag along.
func appendInitials(dst []initials, toks []names.Token, full string) []initials {
	var all, words [16]byte
	na, nw := 0, 0
	for _, t := range toks {
		if t.Abjad || t.Text == "" || na == len(all) {
			return dst
		}
		all[na] = t.Text[0]
		na++
		if t.Class == names.Word {
			words[nw] = t.Text[0]
			nw++
		}
	}
	for _, a := range []string{string(all[:na]), string(words[:nw])} {
		if len(a) < 4 || len(a) > 8 || len(dst) > 0 && dst[len(dst)-1].text == a {
			continue
		}
		dst = append(dst, initials{a, strings.ToUpper(a) + " (initials of " + full + ")"})
	}
	return dst
}

// Index finishes the index. The Builder must not be used afterwards.
func (b *Builder) Index() *Index {
	ix, df := b.ix, b.df
	ix.buildPostings()
	n := float64(ix.recs.len())
	ix.maxIDF = float32(math.Log((n + 1) / 0.5))
	ix.minEvidence = float32(min(math.Log(100), math.Log((n+1)/5.5)))
	idfs := make([]float32, len(ix.toks))
	for id := range ix.toks {
		ix.toks[id].idf = float32(math.Log((n + 1) / (float64(df[id]) + 0.5)))
		idfs[id] = ix.toks[id].idf
	}
	if len(idfs) > 0 {
		slices.Sort(idfs)
		ix.medianIDF = idfs[len(idfs)/2]
	}
	ix.familyIDF()
	for i := range ix.names {
		r := &ix.names[i]
		var w float32
		for _, id := range ix.flat[r.off : r.off+uint32(r.n)] {
			w += min(ix.weight(&ix.toks[id].Token, ix.toks[id].idf), unmatchedCap)
		}
		r.weight = w
	}
	ix.buildKeys()
	if ix.ents != nil {
		ix.sameAs = ix.linkParties()
	}
	return ix
}

// familyIDF sets each token's famIDF.
func (ix *Index) familyIDF() {
	fam := map[string]float32{}
	keys := func(t *names.Token) (string, string) {
		if t.Abjad || t.Class != names.Word || len(t.Phon) < 4 {
			return "", ""
		}
		return "p" + t.Phon, "s" + names.Slots(t.Phon)
	}
	for id := range ix.toks {
		t := &ix.toks[id]
		p, sl := keys(&t.Token)
		for _, k := range [...]string{p, sl} {
			if k == "" {
				continue
			}
			if v, ok := fam[k]; !ok || t.idf < v {
				fam[k] = t.idf
			}
		}
	}
	for id := range ix.toks {
		t := &ix.toks[id]
		t.famIDF = t.idf
		p, sl := keys(&t.Token)
		for _, k := range [...]string{p, sl} {
			if v, ok := fam[k]; ok && k != "" {
				t.famIDF = min(t.famIDF, v)
			}
		}
	}
}

// linkParties finds the listings of one party on different lists, when
// more than one list is indexed.
func (ix *Index) linkParties() [][]party.Link {
	ents := ix.ents
	multi := false
	for _, e := range ents {
		multi = multi || e.Dataset != ents[0].Dataset
	}
	if !multi {
		return nil
	}
	// The names are analyzed already: their word tokens, by entity.
	first := make([]int32, len(ents))
	for i := range first {
		first[i] = -1
	}
	for n := len(ix.names) - 1; n >= 0; n-- {
		first[ix.names[n].ent] = int32(n)
	}
	return party.FindWith(ents, func(i int) [][]names.Token {
		var out [][]names.Token
		for n := int(first[i]); n >= 0 && n < len(ix.names) && ix.names[n].ent == uint32(i); n++ {
			r := &ix.names[n]
			if r.kind == kindWeak || r.kind == kindInitials {
				continue
			}
			var w []names.Token
			for _, id := range ix.flat[r.off : r.off+uint32(r.n)] {
				if t := &ix.toks[id].Token; t.Class == names.Word {
					w = append(w, *t)
				}
			}
			if len(w) > 0 {
				out = append(out, w)
			}
		}
		return out
	})
}

// SameAs returns the listings in other datasets of the same party as the
// entity with index i in Entities().
func (ix *Index) SameAs(i int) []party.Link {
	if ix.sameAs == nil {
		return nil
	}
	return ix.sameAs[i]
}

// dictKey is a token's key in the dictionary: its text, script family
// and class, since "sheikh" the title and "Sheikh" the surname weigh
// differently.
func dictKey(t *names.Token) string {
	var buf [64]byte
	return string(appendDictKey(buf[:0], t))
}

// appendDictKey appends a token's dictionary key to dst; lookups use it
// with a stack buffer so that they do not allocate.
func appendDictKey(dst []byte, t *names.Token) []byte {
	c := byte('l')
	if t.Abjad {
		c = 'a'
	}
	dst = append(dst, byte(t.Class)+'0', c)
	return append(dst, t.Text...)
}

func kindOf(k entity.NameKind) uint8 {
	switch k {
	case entity.Alias:
		return kindAlias
	case entity.WeakAlias:
		return kindWeak
	case entity.Former:
		return kindFormer
	}
	return kindPrimary
}

func (ix *Index) buildPostings() {
	count := make([]uint32, len(ix.toks)+1)
	for i := range ix.names {
		r := &ix.names[i]
		for _, id := range ix.flat[r.off : r.off+uint32(r.n)] {
			count[id+1]++
		}
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	ix.postOff = count
	ix.post = make([]uint32, count[len(count)-1])
	fill := slices.Clone(count[:len(count)-1])
	for i := range ix.names {
		r := &ix.names[i]
		for _, id := range ix.flat[r.off : r.off+uint32(r.n)] {
			// A token repeated within a name is posted once.
			if f := fill[id]; f > ix.postOff[id] && ix.post[f-1] == uint32(i) {
				continue
			}
			ix.post[fill[id]] = uint32(i)
			fill[id]++
		}
	}
	// Repeated tokens leave unused slots at the end of a list; mark them
	// so postings() can trim.
	for id := range ix.toks {
		for f := fill[id]; f < ix.postOff[id+1]; f++ {
			ix.post[f] = math.MaxUint32
		}
	}
}

func (ix *Index) postings(id uint32) []uint32 {
	p := ix.post[ix.postOff[id]:ix.postOff[id+1]]
	for len(p) > 0 && p[len(p)-1] == math.MaxUint32 {
		p = p[:len(p)-1]
	}
	return p
}

type keyPair struct {
	k   uint64
	tok uint32
}

func (ix *Index) buildKeys() {
	pairs := make([]keyPair, 0, len(ix.toks)*12)
	var ks []uint64
	for id := range ix.toks {
		if ix.initials[id] {
			// Initials are found as they are written: their typos and
			// sounds would be other names' short words.
			pairs = append(pairs, keyPair{key(tagText, ix.toks[id].Text), uint32(id)})
			continue
		}
		ks = tokenKeys(ks[:0], &ix.toks[id].Token)
		for _, k := range ks {
			pairs = append(pairs, keyPair{k, uint32(id)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].tok < pairs[j].tok
	})
	pairs = slices.Compact(pairs)
	ix.keys = make([]uint64, len(pairs))
	ix.keyTok = make([]uint32, len(pairs))
	for i, p := range pairs {
		ix.keys[i], ix.keyTok[i] = p.k, p.tok
	}
	// About one key per directory slot.
	b := bits.Len(uint(len(ix.keys)))
	ix.keyShift = uint(64 - b)
	ix.keyDir = make([]uint32, 1<<b+1)
	j := 0
	for h := range ix.keyDir {
		for j < len(ix.keys) && ix.keys[j]>>ix.keyShift < uint64(h) {
			j++
		}
		ix.keyDir[h] = uint32(j)
	}
}

// tokenKeys appends the keys a list token is filed under. A query token
// one deletion, one substitution or one transposition away shares at least
// one of them (see queryKeys), and transliteration variants share the
// phonetic key or the skeleton.
func tokenKeys(dst []uint64, t *names.Token) []uint64 {
	if t.Abjad {
		dst = appendSkel(dst, tagSkelAbjad, t.Skel)
		for _, v := range names.AbjadVariants(t.Skel) {
			// ث as the t or s a Latin query writes, ذ ض ظ as its d or z.
			dst = appendSkel(dst, tagSkelAbjad, v)
		}
		return dst
	}
	dst = appendText(dst, t)
	if len(t.Phon) >= 4 {
		if v := names.Slots(t.Phon); v != t.Phon {
			dst = append(dst, key(tagSlots, v))
		}
	}
	return appendSkel(dst, tagSkelLatin, t.Skel)
}

// queryKeys appends the keys a query token looks up: a Latin token finds
// Latin tokens by text and phonetic key and abjad tokens by skeleton; an
// abjad token finds everything by skeleton.
func queryKeys(dst []uint64, t *names.Token) []uint64 {
	if t.Abjad {
		dst = appendSkel(dst, tagSkelLatin, t.Skel)
		for _, v := range names.AbjadVariants(t.Skel) {
			dst = appendSkel(dst, tagSkelLatin, v)
		}
		return appendSkel(dst, tagSkelAbjad, t.Skel)
	}
	dst = appendText(dst, t)
	return appendSkel(dst, tagSkelAbjad, t.Skel)
}

func appendText(dst []uint64, t *names.Token) []uint64 {
	dst = append(dst, key(tagText, t.Text))
	if len(t.Text) >= 4 {
		dst = appendDeletions(dst, tagText, t.Text)
	}
	if len(t.Phon) >= 2 {
		dst = append(dst, key(tagPhon, t.Phon))
	}
	if t.Concept != 0 {
		// Melli finds National: the word in another language.
		dst = append(dst, key(tagConcept, string([]byte{byte(t.Concept >> 8), byte(t.Concept)})))
	}
	return dst
}

func appendSkel(dst []uint64, tag byte, skel string) []uint64 {
	if skel == "" {
		return dst
	}
	dst = append(dst, key(tag, skel))
	if len(skel) >= 4 {
		dst = appendDeletions(dst, tag, skel)
	}
	return dst
}

func appendDeletions(dst []uint64, tag byte, s string) []uint64 {
	if len(s) > 32 {
		s = s[:32]
	}
	var buf [32]byte
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue // same deletion as the previous position
		}
		b := append(append(buf[:0], s[:i]...), s[i+1:]...)
		dst = append(dst, key(tag, string(b)))
	}
	return dst
}

// lookup returns the token ids stored under key k.
func (ix *Index) lookup(k uint64) []uint32 {
	h := k >> ix.keyShift
	i, end := int(ix.keyDir[h]), int(ix.keyDir[h+1])
	for i < end && ix.keys[i] < k {
		i++
	}
	j := i
	for j < end && ix.keys[j] == k {
		j++
	}
	return ix.keyTok[i:j]
}

// classFactor is how much a token of each class weighs relative to a word
// of the same rarity.
func classFactor(c names.Class) float32 {
	switch c {
	case names.Particle:
		return 0.15
	case names.Honorific:
		return 0.1
	case names.LegalForm:
		return 0.2
	}
	return 1
}

// weight is the weight of a token in a name: rarity times class, with
// initials weighing like a common word.
func (ix *Index) weight(t *names.Token, idf float32) float32 {
	if t.Class != names.Word {
		// A particle or legal form is evidence of little whatever its
		// rarity: "GmbH" is rare on lists and still says nothing.
		idf = min(idf, 3)
	}
	w := idf * classFactor(t.Class)
	if len(t.Text) == 1 {
		w = min(w, 1)
	}
	return w
}

// Stats describe an index, for logs and metrics.
type Stats struct {
	Entities, Names, Tokens, Keys int
}

func (ix *Index) Stats() Stats {
	return Stats{Entities: ix.recs.len(), Names: len(ix.names), Tokens: len(ix.toks), Keys: len(ix.keys)}
}

// Entities returns the indexed entities; nil for an index a Builder built.
func (ix *Index) Entities() []*entity.Entity { return ix.ents }

// entity returns entity i, or nil when the index holds no entities.
func (ix *Index) entity(i int) *entity.Entity {
	if ix.ents == nil {
		return nil
	}
	return ix.ents[i]
}
