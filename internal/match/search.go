package match

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/names"
	"github.com/embargo-screening/embargo/internal/party"
	"github.com/embargo-screening/embargo/internal/translit"
)

// Query is what is screened: a name and whatever else is known.
type Query struct {
	Name        string        `json:"name"`
	Schema      entity.Schema `json:"schema,omitempty"`
	BirthDate   string        `json:"birth_date,omitempty"`
	Countries   []string      `json:"countries,omitempty"`
	Identifiers []string      `json:"identifiers,omitempty"` // "number" or "type:number"
	Gender      string        `json:"gender,omitempty"`
	Datasets    []string      `json:"datasets,omitempty"` // empty: all
}

// Options tune one search.
type Options struct {
	// Threshold is the score from which a candidate is a match. Candidates
	// below it are not returned, except that 0 returns the best Limit
	// candidates whatever their score, flagged against DefaultThreshold.
	Threshold float64
	Limit     int
}

const (
	// DefaultThreshold makes at most 1% of a clean customer population
	// alert (measured by the quality harness: 0.80% of the dev customers
	// on name alone, where 1% would be 0.818) while finding listed names
	// behind typos, reordering and transliteration. The margin is for
	// populations that differ from the dev customers.
	DefaultThreshold = 0.83
	DefaultLimit     = 10
	// MaxNameRunes is the longest name a query may carry (SPEC section 5).
	MaxNameRunes = 500
)

// Match is one candidate entity for a query.
type Match struct {
	EntityID    string       `json:"entity_id"`
	Dataset     string       `json:"dataset"`
	Source      string       `json:"source"` // = Dataset, kept for older readers
	SourceID    string       `json:"source_id"`
	Schema      string       `json:"schema"`
	Name        string       `json:"name"` // the entity's caption
	MatchedName string       `json:"matched_name"`
	Score       float64      `json:"score"`
	Match       bool         `json:"match"`
	Explanation *Explanation `json:"explanation"`
	// SameAs lists the other listings of the same party among the lists
	// screened (the UN's and OFAC's listing of one person), with the
	// evidence that links them. Each is a candidate of its own too, when
	// its names score.
	SameAs []party.Link `json:"same_as,omitempty"`

	// Entity is the listed entity, when the index holds entities (Build);
	// nil for an index built from a stream (Builder).
	Entity *entity.Entity `json:"-"`
}

// QueryError is a query that cannot be screened, with what was wrong.
type QueryError struct {
	Field, Msg string
}

func (e *QueryError) Error() string { return e.Field + ": " + e.Msg }

// ErrEmptyName is returned for a name without letters or digits.
var ErrEmptyName = errors.New("name has no letters or digits")

// CheckName reports what is wrong with a query name, or nil.
func CheckName(name string) error {
	if !utf8.ValidString(name) {
		return &QueryError{"name", "invalid UTF-8"}
	}
	if n := utf8.RuneCountInString(name); n > MaxNameRunes {
		return &QueryError{"name", fmt.Sprintf("too long: %d characters, the limit is %d", n, MaxNameRunes)}
	}
	for _, r := range name {
		if unicode.IsControl(r) && r != '\t' {
			return &QueryError{"name", fmt.Sprintf("control character %U", r)}
		}
	}
	if strings.TrimSpace(name) == "" {
		return &QueryError{"name", "empty"}
	}
	return nil
}

// scratch is the per-search working memory, reused through a pool so that
// a search allocates little.
type scratch struct {
	acc   []float32 // by name: credited weight times similarity
	accW  []float32 // by name: list weight of the credited tokens
	accQ  []float32 // by name: query weight of the units that credited it
	stamp []uint16  // by name: 1 + last unit that credited it
	used  []uint32  // names touched
	seen  []uint32  // by token: last search that looked at it (epoch)
	epoch uint32
	qt    []names.Token
	qw    []float32 // weight of each query token when unaligned
	units []unit
	memo  map[uint64]simRes
	keys  []uint64
	cands []cand
	order []int
	qjoin []names.Token // qjoin[i]: query tokens i and i+1 written as one
	wbuf  []float32     // arena for alignment weights
	pbuf  []pair        // arena for alignment pairs
	best  map[uint32]int
}

type unit struct {
	first, last int // query tokens covered
	tok         names.Token
	hits        []tokHit
	skip        bool    // looked up only when aligning
	split       bool    // a piece of query token first
	frac        float32 // of a piece: its share of the token's letters
	maxw        float32 // the most weight a hit of this unit gives
}

type tokHit struct {
	id  uint32
	sim float32
	how names.Method
}

type simRes struct {
	sim float32
	how names.Method
}

type cand struct {
	name uint32
	est  float32
}

var scratchPools sync.Map // *Index → *sync.Pool

func (ix *Index) getScratch() *scratch {
	p, _ := scratchPools.LoadOrStore(ix, &sync.Pool{New: func() any {
		return &scratch{
			acc:   make([]float32, len(ix.names)),
			accW:  make([]float32, len(ix.names)),
			accQ:  make([]float32, len(ix.names)),
			stamp: make([]uint16, len(ix.names)),
			seen:  make([]uint32, len(ix.toks)),
			memo:  make(map[uint64]simRes),
			best:  make(map[uint32]int),
			pbuf:  make([]pair, 0, 1024),
			wbuf:  make([]float32, 0, 1024),
		}
	}})
	return p.(*sync.Pool).Get().(*scratch)
}

func (ix *Index) putScratch(s *scratch) {
	for _, n := range s.used {
		s.acc[n], s.accW[n], s.accQ[n] = 0, 0, 0
		s.stamp[n] = 0
	}
	s.used = s.used[:0]
	clear(s.memo)
	clear(s.best)
	s.wbuf, s.pbuf = s.wbuf[:0], s.pbuf[:0]
	if p, ok := scratchPools.Load(ix); ok { // gone after Release
		p.(*sync.Pool).Put(s)
	}
}

// Release drops the per-index scratch memory kept for searches; call it
// when an index is replaced.
func (ix *Index) Release() { scratchPools.Delete(ix) }

// Search screens q and returns the candidates, best first.
func (ix *Index) Search(q Query, opt Options) ([]Match, error) {
	if err := CheckName(q.Name); err != nil {
		return nil, err
	}
	if opt.Limit <= 0 {
		opt.Limit = DefaultLimit
	}
	ix.busy <- struct{}{}
	defer func() { <-ix.busy }()
	s := ix.getScratch()
	defer ix.putScratch(s)
	s.qt = names.AppendTokens(s.qt[:0], q.Name)
	if len(s.qt) == 0 {
		return nil, &QueryError{"name", ErrEmptyName.Error()}
	}
	if len(s.qt) > MaxTokens {
		s.qt = s.qt[:MaxTokens]
	}
	if q.Schema != "" && q.Schema != entity.Person && q.Schema != entity.LegalEntity {
		for i := range s.qt {
			if s.qt[i].Class == names.Honorific {
				s.qt[i].Class = names.Word
			}
		}
	}
	fq := prepareFields(&q)
	ix.collect(s, float32(fq.pruneNeed(opt.Threshold)))
	cands := ix.selectCandidates(s, &q)

	type scored struct {
		name  uint32
		al    alignment
		fs    fieldScore
		spell int // words spelled as in the query, to order equal scores
		order int // aligned tokens in the query's order, the same
		edits int // character edits from the query to the name, the same
	}
	best := s.best // entity → index in out
	var out []scored
	cut := fq.cutoff(opt.Threshold)
	for ci, c := range cands {
		if ci >= minAligned && float64(c.est) < cut {
			// Sorted by estimate: later candidates are unlikely to reach the
			// threshold. The first few are aligned whatever their estimate,
			// which misses what alignment finds beyond the keys (two typos
			// in a token, joined words).
			break
		}
		r := &ix.names[c.name]
		al := ix.align(s, r)
		switch r.kind {
		case kindWeak:
			// The publisher itself doubts weak aliases; they are often a
			// single common name ("Abdullah", "Abu Ali").
			al.score *= weakAliasFactor
		case kindInitials:
			// Initials stand for many names; they point, they do not
			// prove.
			al.score *= initialsFactor
		}
		if i, ok := best[r.ent]; ok && out[i].al.score >= al.score {
			continue
		}
		sc := scored{name: c.name, al: al, fs: fq.score(ix.recs.at(r.ent), al.score)}
		if i, ok := best[r.ent]; ok {
			out[i] = sc
		} else {
			best[r.ent] = len(out)
			out = append(out, sc)
		}
	}
	// Equal scores are common: UN and OFAC list the same people under
	// slightly different spellings that fold alike. The listing spelled
	// most like the query comes first.
	var qwords []string
	var qlatin string
	for i := range out {
		for j := range out {
			if i != j && round(out[i].fs.final) == round(out[j].fs.final) {
				if qwords == nil {
					qlatin = translit.Latin(q.Name)
					qwords = strings.Fields(qlatin)
				}
				full := ix.names[out[i].name].full
				out[i].spell = spellingOverlap(qwords, full)
				out[i].order = inOrder(out[i].al.pairs)
				if !abjadQuery(s.qt) {
					// A consonantal reading says nothing of letters.
					out[i].edits = names.EditDistance(qlatin, translit.Latin(full))
				}
				break
			}
		}
	}
	slices.SortFunc(out, func(a, b scored) int {
		if c := cmp.Compare(round(b.fs.final), round(a.fs.final)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.spell, a.spell); c != 0 {
			return c
		}
		if c := cmp.Compare(b.order, a.order); c != 0 {
			return c
		}
		// Then the one written most like the query, letter for letter:
		// "PAO, Yu" is nearer PAO, Yu Yi than PAO, Yu Liang.
		if c := cmp.Compare(a.edits, b.edits); c != 0 {
			return c
		}
		ra, rb := &ix.names[a.name], &ix.names[b.name]
		if c := cmp.Compare(ra.kind, rb.kind); c != 0 {
			return c
		}
		return strings.Compare(ix.recs.at(ra.ent).id, ix.recs.at(rb.ent).id)
	})
	flag := opt.Threshold
	if flag <= 0 {
		flag = DefaultThreshold
	}
	var res []Match
	for _, sc := range out {
		// The score shown is rounded to 4 places; the threshold and the
		// match flag use the same number, so that 0.83 is a match at
		// 0.83.
		score := round(sc.fs.final)
		if len(res) == opt.Limit || opt.Threshold > 0 && score < opt.Threshold {
			break
		}
		r := &ix.names[sc.name]
		e := ix.recs.at(r.ent)
		res = append(res, Match{
			EntityID:    e.id,
			Dataset:     e.dataset,
			Source:      e.dataset,
			SourceID:    e.sourceID,
			Schema:      string(e.schema),
			Name:        e.caption,
			MatchedName: r.full,
			Score:       score,
			Match:       score >= flag,
			Explanation: ix.explain(s, r, &sc.al, &sc.fs),
			SameAs:      ix.SameAs(int(r.ent)),
			Entity:      ix.entity(int(r.ent)),
		})
	}
	return res, nil
}

// abjadQuery reports whether a query token is written in an abjad.
func abjadQuery(qt []names.Token) bool {
	for i := range qt {
		if qt[i].Abjad {
			return true
		}
	}
	return false
}

// inOrder counts the aligned query tokens that follow the previous one
// in the list name too: "DROUKDEL, Abdelmalek" is written as OFAC writes
// it, not as the UN does ("ABDELMALEK DROUKDAL").
func inOrder(pairs []pair) int {
	var buf [MaxTokens]pair
	ps := append(buf[:0], pairs...)
	slices.SortFunc(ps, func(a, b pair) int { return cmp.Compare(a.q0, b.q0) })
	n := 0
	for i := 1; i < len(ps); i++ {
		if ps[i].l0 > ps[i-1].l0 {
			n++
		}
	}
	return n
}

// spellingOverlap counts the query's words that the list name spells the
// same way.
func spellingOverlap(qwords []string, name string) int {
	n := 0
	lw := strings.Fields(translit.Latin(name))
	for _, w := range qwords {
		if slices.Contains(lw, w) {
			n++
		}
	}
	return n
}

func round(f float64) float64 {
	return float64(int64(f*10000+0.5)) / 10000
}

// collect finds, for each query unit (a token, or two adjacent tokens
// joined, or a token split in two), the list tokens it may correspond to,
// and credits every name containing them with the token's weight.
func (ix *Index) collect(s *scratch, need float32) {
	s.units = s.units[:0]
	s.epoch++
	if s.epoch == 0 {
		clear(s.seen)
		s.epoch = 1
	}
	qt := s.qt
	// Particles, titles and legal forms find no candidates of their own
	// (their postings are the longest and they weigh nearly nothing),
	// unless the name has nothing else.
	words := 0
	for i := range qt {
		if qt[i].Class == names.Word {
			words++
		}
	}
	for i := range qt {
		// Titles are looked up only when they may be names too.
		skip := words > 0 && qt[i].Class != names.Word && !(qt[i].Class == names.Honorific && names.NameTitle(qt[i].Text))
		s.units = append(s.units, unit{first: i, last: i, tok: qt[i], skip: skip})
	}
	s.qjoin = s.qjoin[:0]
	for i := 0; i+1 < len(qt); i++ {
		s.qjoin = append(s.qjoin, join(&qt[i], &qt[i+1]))
	}
	if len(qt) <= 6 {
		for i := 0; i+1 < len(qt); i++ {
			if qt[i].Class != names.Word && qt[i+1].Class != names.Word || !joinable(&qt[i], &qt[i+1]) {
				continue
			}
			s.units = append(s.units, unit{first: i, last: i + 1, tok: s.qjoin[i]})
		}
	}
	for ui := range s.units {
		ix.lookupUnit(s, ui)
	}
	// A token that is list tokens written together ("EmatelLLC",
	// "Novorossiyaparty", "Segon" for "Se Gon", "Harkatuljehadalislami")
	// finds its candidates through its pieces, when the lists do not have
	// it as it is.
	for i := range qt {
		if words > 0 && qt[i].Class != names.Word || qt[i].Abjad || len(qt[i].Text) < 4 {
			continue
		}
		var pieces [maxPieces]uint32
		var n int
		if _, ok := ix.byText[qt[i].Text]; ok || s.units[i].exact() {
			// A list token as it is: a repeated query token ("Mustafa
			// Mustafa") has no hits of its own, yet is no merge. But an
			// article written onto a word may make another list token
			// ("ALADNANI" for AL-ADNANI, "Jamiatul" for JAMIAT UL).
			n = ix.articleSplit(qt[i].Text, &pieces)
		} else {
			n = ix.segment(qt[i].Text, &pieces)
		}
		for _, id := range pieces[:n] {
			t := &ix.toks[id].Token
			frac := float32(len(t.Text)) / float32(len(qt[i].Text))
			s.units = append(s.units, unit{first: i, last: i, tok: *t, split: true, frac: frac, skip: t.Class != names.Word})
			ix.lookupUnit(s, len(s.units)-1)
		}
	}
	ix.queryWeights(s)
	ix.credit(s, need)
}

// common reports whether t is a Latin word that one listed entity in 200
// or more carries, with a phonetic key long enough to look up (Muhammad,
// Ahmad, Hassan; not Ali).
func (ix *Index) common(t *names.Token) bool {
	if t.Abjad || t.Class != names.Word || len(t.Phon) < 4 {
		return false
	}
	var kb [64]byte
	id, ok := ix.tokID[string(appendDictKey(kb[:0], t))]
	return ok && ix.toks[id].idf < commonIDF
}

// commonIDF is the rarity of a token one entity in 200 carries.
var commonIDF = float32(math.Log(200))

// maxPieces is the most list tokens one query token is taken to merge.
const maxPieces = 5

// segment splits x into the fewest list tokens, 2 to maxPieces of them,
// writes their ids to pieces and returns how many; 0 when x is no such
// concatenation. Among splits with as few pieces, the one of the
// commonest pieces wins, as in any word segmentation: "al" + "asiri"
// over "ala" + "siri".
//
// Short pieces make nonsense splits of ordinary names ("lau" + "rent"
// is fine, "rod" + "eh" + "au" is not), so a piece is a word of three
// letters or more, a particle before the last piece ("Alqaida",
// "Harkatuljihad"), a legal form first or last ("JSCGenbank",
// "CobaltCo"), or a two-letter word in a split in two ("Segon" for "Se
// Gon").
func (ix *Index) segment(x string, pieces *[maxPieces]uint32) int {
	const maxLen = 48
	if len(x) > maxLen {
		return 0
	}
	// Cheap rejection first: most tokens the lists lack (misspellings,
	// customers' names) start or end with no list token.
	prefix, suffix := false, false
	for k := 2; k <= len(x)-2 && !(prefix && suffix); k++ {
		if !prefix {
			_, prefix = ix.byText[x[:k]]
		}
		if !suffix {
			_, suffix = ix.byText[x[len(x)-k:]]
		}
	}
	if !prefix || !suffix {
		return 0
	}
	// best[k]: the best split of x[:k], with from[k] where its last piece
	// starts.
	type state struct {
		n     int
		idf   float32 // summed over the pieces
		short bool    // has a two-letter word
	}
	var best [maxLen + 1]state
	var from [maxLen + 1]int
	for k := 1; k <= len(x); k++ {
		best[k] = state{n: maxPieces + 1}
		for j := 0; j <= k-2; j++ {
			if j > 0 && best[j].n >= maxPieces || j == 0 && k == len(x) {
				continue
			}
			id, ok := ix.byText[x[j:k]]
			if !ok {
				continue
			}
			t := &ix.toks[id]
			short := false
			switch {
			case t.Class == names.Particle && k < len(x), t.Class == names.LegalForm && (j == 0 || k == len(x)):
			case (t.Class == names.Word || t.Class == names.Honorific) && k-j >= 3:
				// A title is written onto a name too (HajiBaz,
				// MuftiRasheed), and a word a title elsewhere is a word
				// here (SynergyGeneral).
			case t.Class == names.Word && k-j == 2:
				short = true
			default:
				continue
			}
			c := state{1, t.idf, short}
			if j > 0 {
				c = state{best[j].n + 1, best[j].idf + t.idf, best[j].short || short}
			}
			if c.short && c.n > 2 {
				continue
			}
			if c.n < best[k].n || c.n == best[k].n && c.idf < best[k].idf {
				best[k], from[k] = c, j
			}
		}
	}
	n := best[len(x)].n
	if n > maxPieces {
		return 0
	}
	for k, i := len(x), n-1; k > 0; k, i = from[k], i-1 {
		pieces[i] = ix.byText[x[from[k]:k]]
	}
	return n
}

// articleSplit splits a list token that is the Arabic article written
// onto another list token of four letters or more, before it (aladnani)
// or after it (jamiatul), into those two; it returns how many pieces it
// wrote, 0 when the token is no such thing.
func (ix *Index) articleSplit(x string, pieces *[maxPieces]uint32) int {
	if len(x) < 6 {
		return 0
	}
	for _, a := range [...]string{"al", "el", "ul"} {
		if strings.HasPrefix(x, a) {
			art, ok1 := ix.byText[a]
			word, ok2 := ix.byText[x[len(a):]]
			if ok1 && ok2 && ix.toks[word].Class == names.Word {
				pieces[0], pieces[1] = art, word
				return 2
			}
		}
		if strings.HasSuffix(x, a) {
			word, ok1 := ix.byText[x[:len(x)-len(a)]]
			art, ok2 := ix.byText[a]
			if ok1 && ok2 && ix.toks[word].Class == names.Word {
				pieces[0], pieces[1] = word, art
				return 2
			}
		}
	}
	return 0
}

// lookupUnit finds the list tokens unit ui may correspond to.
func (ix *Index) lookupUnit(s *scratch, ui int) {
	u := &s.units[ui]
	u.hits = u.hits[:0]
	u.maxw = 0
	if u.skip {
		return
	}
	// A token repeated in the query ("Mohammad Mohammad Begum") is looked
	// up and credited once.
	for i := range ui {
		if v := &s.units[i]; v.first == v.last && !v.split && !u.split && u.first == u.last && v.tok.Text == u.tok.Text && v.tok.Abjad == u.tok.Abjad {
			u.skip = true
			return
		}
	}
	s.epoch++
	if u.split {
		// A piece is a list token as it is: its text and sound find the
		// names that write it so, without the neighbourhood of typos.
		s.keys = append(s.keys[:0], key(tagText, u.tok.Text))
		if len(u.tok.Phon) >= 2 {
			s.keys = append(s.keys, key(tagPhon, u.tok.Phon))
		}
	} else {
		s.keys = queryKeys(s.keys[:0], &u.tok)
		if ix.common(&u.tok) {
			// The commonest names are spelled with vowels of another
			// class as often as not (Mohamed, Muhammad): a query made of
			// them has nothing rarer to find the other spelling by, so
			// it looks up the spellings with vowels in the same places.
			s.keys = append(s.keys, key(tagSlots, names.Slots(u.tok.Phon)))
		}
	}
	for _, k := range s.keys {
		for _, id := range ix.lookup(k) {
			if s.seen[id] == s.epoch {
				continue
			}
			s.seen[id] = s.epoch
			t := &ix.toks[id]
			if ix.initials[id] && t.Text != u.tok.Text {
				continue // initials meet only themselves
			}
			sim, how := names.Similarity(&u.tok, &t.Token)
			if sim < names.MinSimilarity {
				continue
			}
			if u.first != u.last {
				how = names.Merged
			}
			u.hits = append(u.hits, tokHit{id, float32(sim), how})
			if u.first == u.last && !u.split {
				s.memo[memoKey(u.first, id)] = simRes{float32(sim), how}
			}
		}
	}
	// Heaviest first: rare spellings have short posting lists, and the
	// pruning in credit goes hit by hit.
	slices.SortFunc(u.hits, func(a, b tokHit) int {
		return cmp.Compare(b.sim*ix.toks[b.id].idf, a.sim*ix.toks[a.id].idf)
	})
	for _, h := range u.hits {
		u.maxw = max(u.maxw, h.sim*ix.weight(&ix.toks[h.id].Token, ix.toks[h.id].idf))
	}
}

// exact reports whether the unit found its own text in the lists.
func (u *unit) exact() bool {
	for _, h := range u.hits {
		if h.how == names.Exact {
			return true
		}
	}
	return false
}

// credit adds each unit's weight to the names its hits are posted in,
// heaviest units first. A name that none of the hits credited so far
// reached can at best align the current hit and every remaining unit, and
// leaves the query weight of the processed units unmatched; when that
// bound falls below need, the hit (typically a common token such as
// "Mohammed", "Trading" or "Bank" with a long posting list) only adds to
// names already found.
// Joined and split units always add: they are the other spellings of the
// query.
func (ix *Index) credit(s *scratch, need float32) {
	order := s.order[:0]
	var remaining float32
	for ui := range s.units {
		order = append(order, ui)
		if u := &s.units[ui]; u.first == u.last && !u.split {
			remaining += u.maxw
		}
	}
	s.order = order
	slices.SortStableFunc(order, func(a, b int) int {
		ua, ub := &s.units[a], &s.units[b]
		sa, sb := ua.first == ua.last && !ua.split, ub.first == ub.last && !ub.split
		if sa != sb {
			if sa {
				return -1
			}
			return 1
		}
		return cmp.Compare(ub.maxw, ua.maxw)
	})
	var doneQ float32 // query weight of the single units processed
	for _, ui := range order {
		u := &s.units[ui]
		single := u.first == u.last && !u.split
		var after, before float32 // the rest of the query; the query weight done
		if single {
			after, before = remaining-u.maxw, doneQ
			remaining -= u.maxw
			doneQ += s.qw[u.first]
		}
		var qw float32
		for i := u.first; i <= u.last; i++ {
			qw += s.qw[i]
		}
		if u.split {
			// A piece stands for part of the query token only.
			qw *= u.frac
		}
		for _, h := range u.hits {
			lw := ix.weight(&ix.toks[h.id].Token, ix.toks[h.id].idf)
			w := h.sim * lw
			// A name first reached here can at best align this hit and
			// every later unit, and leaves the earlier units unmatched.
			addNew := !single || need == 0 || w+after >= need*(w+after+before)
			for _, n := range ix.postings(h.id) {
				st := s.stamp[n]
				if st == uint16(ui+1) {
					continue
				}
				if st == 0 {
					if !addNew {
						continue
					}
					s.used = append(s.used, n)
				}
				s.stamp[n] = uint16(ui + 1)
				s.acc[n] += w
				s.accW[n] += lw
				s.accQ[n] += qw
			}
		}
	}
}

func memoKey(q int, tok uint32) uint64 { return uint64(q)<<32 | uint64(tok) }

// joinable reports whether two adjacent tokens may be one word written
// apart: not when one is in an abjad and the other in Latin letters, nor
// when one is a legal form or a title ("زقية Inc" is no "Zakonnik").
func joinable(a, b *names.Token) bool {
	return a.Abjad == b.Abjad &&
		a.Class != names.LegalForm && b.Class != names.LegalForm &&
		a.Class != names.Honorific && b.Class != names.Honorific
}

// join is two adjacent tokens written as one, for names that one side
// writes merged ("Abdulrahman", "BinLaden") and the other split.
func join(a, b *names.Token) names.Token {
	t := names.Token{Text: a.Text + b.Text, Raw: a.Raw + " " + b.Raw, Abjad: a.Abjad || b.Abjad}
	names.SetKeys(&t)
	return t
}

const weakAliasFactor = 0.9

// initialsFactor keeps a name found by an organization's initials alone
// below the default threshold: worth a look, not an alert.
const initialsFactor = 0.8

// minAligned is how many of the best candidates are always aligned.
const minAligned = 4

// candidateCount is how many names are aligned in full per search.
const candidateCount = 48

// selectCandidates ranks the credited names by an estimate of their score
// and keeps the best, skipping entities of an incompatible schema or
// dataset.
func (ix *Index) selectCandidates(s *scratch, q *Query) []cand {
	// The estimate is the alignment's score with what collect knows: the
	// credited list weight aligned, the rest of the name's weight left over
	// at the list penalty, and the query weight of the units that did not
	// credit the name left over at the query penalty. It ranks candidates
	// and, with a margin, cuts alignment short.
	var wq float32
	for i := range s.qt {
		wq += s.qw[i]
	}
	var dsets map[string]bool
	if len(q.Datasets) > 0 {
		dsets = make(map[string]bool, len(q.Datasets))
		for _, d := range q.Datasets {
			dsets[d] = true
		}
	}
	// Keep the best candidateCount names by estimate in a min-heap:
	// touched names can number thousands for common tokens, and only the
	// best are worth aligning.
	h := candHeap(s.cands[:0])
	for _, n := range s.used {
		r := &ix.names[n]
		den := s.accW[n] + unmatchedList*max(0, r.weight-s.accW[n]) + unmatchedQuery*max(0, wq-s.accQ[n])
		est := s.acc[n] / max(den, 1e-6)
		if len(h) == candidateCount && !h[0].less(cand{n, est}) {
			continue
		}
		e := ix.recs.at(r.ent)
		if !schemaCompatible(q.Schema, e.schema) || dsets != nil && !dsets[e.dataset] {
			continue
		}
		if len(h) < candidateCount {
			h.push(cand{n, est})
		} else {
			h[0] = cand{n, est}
			h.down(0)
		}
	}
	s.cands = h
	slices.SortFunc(h, func(a, b cand) int {
		if x := cmp.Compare(b.est, a.est); x != 0 {
			return x
		}
		return cmp.Compare(a.name, b.name)
	})
	return h
}

// candHeap is a min-heap of candidates by estimate (ties: higher name id
// is smaller, so the kept set is deterministic).
type candHeap []cand

func (a cand) less(b cand) bool {
	if a.est != b.est {
		return a.est < b.est
	}
	return a.name > b.name
}

func (h *candHeap) push(c cand) {
	*h = append(*h, c)
	i := len(*h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !(*h)[i].less((*h)[p]) {
			break
		}
		(*h)[i], (*h)[p] = (*h)[p], (*h)[i]
		i = p
	}
}

func (h candHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].less(h[l]) {
			m = r
		}
		if !h[m].less(h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// schemaCompatible reports whether an entity may be what the query
// describes: persons are not screened against companies, vessels or
// aircraft, and the reverse; LegalEntity fits both.
func schemaCompatible(q, e entity.Schema) bool {
	if q == "" || q == e || e == entity.LegalEntity || q == entity.LegalEntity {
		return true
	}
	if q == entity.Organization && e != entity.Person {
		// Companies own vessels and aircraft that are listed under the
		// company's name often enough that a company query sees them.
		return true
	}
	return false
}

// queryWeights sets the weight each query token counts with when it is
// left unaligned: the rarity of the same token on the lists; for a token
// the lists lack, the weight of its best near match (a misspelled
// "Mohamad" is as common as "Mohammed"); and only for a token with no near
// match at all the weight of a rare token. An Arabic- or Hebrew-script
// token the lists lack weighs like a median token: written without vowels
// its rarity cannot be known.
func (ix *Index) queryWeights(s *scratch) {
	s.qw = s.qw[:0]
	for i := range s.qt {
		t := &s.qt[i]
		var w float32
		var kb [64]byte
		if id, ok := ix.tokID[string(appendDictKey(kb[:0], t))]; ok {
			// A rare spelling of a common name (Ahmet, Omer) weighs as the
			// name does: what sounds the same says no more than it.
			w = ix.weight(t, ix.toks[id].famIDF)
		} else if !t.Abjad && names.NearArticle(t.Text) {
			// "Azl-", "ql-", "alp-": a typo in the article, which weighs
			// as the article does; it is no name the list lacks.
			p := *t
			p.Class = names.Particle
			w = ix.weight(&p, ix.medianIDF)
		} else if hits := s.units[i].hits; len(hits) > 0 && !t.Abjad {
			for _, h := range hits {
				w = max(w, ix.weight(t, ix.toks[h.id].idf))
			}
		} else if hits := s.units[i].hits; len(hits) > 0 {
			// Written without vowels, a token meets many list tokens by
			// skeleton, some rare by chance: it weighs as the commonest
			// of its closest readings (علی is Ali before it is Allie).
			var best float32
			idf := ix.maxIDF
			for _, h := range hits {
				if h.sim > best {
					best, idf = h.sim, ix.toks[h.id].idf
				} else if h.sim == best {
					idf = min(idf, ix.toks[h.id].idf)
				}
			}
			w = ix.weight(t, idf)
		} else if t.Abjad || len(t.Text) <= 3 {
			// Short unknown tokens are mostly mangled particles ("Azl-",
			// "ql-"), too short to have near matches.
			w = ix.weight(t, ix.medianIDF)
		} else {
			w = ix.weight(t, ix.maxIDF)
		}
		s.qw = append(s.qw, w)
	}
}
