package translit

import (
	"strings"
	"unicode/utf8"

	pinyin "github.com/mozillazg/go-pinyin"
)

// Han, Hangul and kana runs are written as separate tokens (a space before
// and after), shaped the way lists write East Asian names: surname, space,
// given name.

// isHangul reports Hangul syllables and conjoining jamo (compatibility jamo
// are turned into conjoining jamo by NFKC first).
func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r < 0x1200 ||
		r >= 0xA960 && r < 0xA980 || r >= 0xD7B0 && r < 0xD800
}

// Revised Romanization of the initial, medial and final jamo, in Unicode
// order. Finals are written as they sound at the end of a syllable; the
// liaison and assimilation rules across syllables are not applied, which
// keeps each syllable of a name the way lists write it (석열 → seokyeol).
var (
	hangulInitials = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	hangulMedials  = [21]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	hangulFinals   = [28]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// koreanSurnames are the customary spellings of common surnames, used
// instead of Revised Romanization when the syllable starts a name (lists,
// North Korean designations included, write Kim, Lee, Park, Ri…).
var koreanSurnames = map[rune]string{
	'김': "kim", '이': "lee", '박': "park", '최': "choi", '정': "jung",
	'강': "kang", '조': "cho", '윤': "yoon", '장': "jang", '임': "lim", '리': "ri",
}

// koreanCompoundSurnames are the two-syllable surnames (keys are the UTF-8
// of both syllables).
var koreanCompoundSurnames = map[string]bool{
	"남궁": true, "황보": true, "선우": true, "제갈": true, "독고": true, "사공": true,
	"서문": true, "동방": true,
}

// hangulSyllable writes one precomposed syllable in Revised Romanization.
func hangulSyllable(w *writer, r rune) {
	n := int(r - 0xAC00)
	w.str(hangulInitials[n/588])
	w.str(hangulMedials[n%588/28])
	w.str(hangulFinals[n%28])
}

// hangulRune writes a syllable or a lone conjoining jamo.
func hangulRune(w *writer, r rune) {
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		hangulSyllable(w, r)
	case r >= 0x1100 && r <= 0x1112:
		w.str(hangulInitials[r-0x1100])
	case r >= 0x1161 && r <= 0x1175:
		w.str(hangulMedials[r-0x1161])
	case r >= 0x11A8 && r <= 0x11C2:
		w.str(hangulFinals[r-0x11A7])
	case r == 0x115F || r == 0x1160: // fillers
	default:
		w.clean(unidecodeOf(r))
	}
}

// hangul writes the Hangul run starting at s[i] and returns its end. prev
// is the rune before the run. A whole token (not glued to other letters or
// digits) of 1–4 syllables that does not follow a lone one-syllable token
// is taken for a personal name: surname (one syllable, or two for the
// compound surnames), space, given name joined. Anything else, including
// the given name after a lone surname ("김 정은"), is written syllable
// after syllable as one word.
func hangul(w *writer, s string, i int, prev rune) int {
	end, n, syllablesOnly := i, 0, true
	for {
		r, size := decodeAt(s, end)
		if !isHangul(r) {
			break
		}
		end += size
		n++
		syllablesOnly = syllablesOnly && r >= 0xAC00 && r <= 0xD7A3
	}
	after, _ := decodeAt(s, end)
	w.space()
	if syllablesOnly && n <= 4 && !isWordRune(prev) && !isWordRune(after) && !afterLoneSyllable(s, i, isHangul) {
		// Syllables are 3 bytes each.
		if n >= 3 && koreanCompoundSurnames[s[i:i+6]] {
			hangulSyllable(w, decodeHangul(s, i))
			hangulSyllable(w, decodeHangul(s, i+3))
			i += 6
		} else {
			r := decodeHangul(s, i)
			if t, ok := koreanSurnames[r]; ok {
				w.str(t)
			} else {
				hangulSyllable(w, r)
			}
			i += 3
		}
		w.space()
	}
	for i < end {
		r, size := decodeAt(s, i)
		hangulRune(w, r)
		i += size
	}
	w.space()
	return end
}

// afterLoneSyllable reports whether the token before s[i] (across spaces)
// is a single character of the script: a lone surname, so that the token
// at s[i] is the given name ("김 정은", "王 小明") rather than a new name.
func afterLoneSyllable(s string, i int, script func(rune) bool) bool {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if r == ' ' || r == 0x3000 {
			continue
		}
		if !script(r) {
			return false
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		return !isWordRune(before)
	}
	return false
}

func decodeHangul(s string, i int) rune {
	r, _ := decodeAt(s, i)
	return r
}

// isHan reports CJK ideographs (compatibility ideographs are unified by
// NFKC first) and the iteration mark 々.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0x20000 && r <= 0x3FFFF || r >= 0xF900 && r <= 0xFAFF ||
		r == 0x3005 || r == 0x3007
}

// chineseSurnames are surname readings that differ from the character's
// first (most common) reading in go-pinyin's dictionary.
var chineseSurnames = map[rune]string{
	'曾': "zeng", '单': "shan", '單': "shan", '解': "xie", '仇': "qiu", '查': "zha",
	'朴': "piao", '区': "ou", '區': "ou", '覃': "qin", '翟': "zhai", '盖': "ge",
	'蓋': "ge", '乐': "yue", '樂': "yue", '缪': "miao", '繆': "miao", '秘': "bi",
	'种': "chong", '種': "chong", '长': "chang", '長': "chang", '员': "yun",
	'召': "shao", '重': "chong", '尉': "yu", '都': "du", '薄': "bo", '藏': "zang",
	'隗': "wei", '句': "gou",
}

// chineseCompoundSurnames are two-character surnames with their reading.
var chineseCompoundSurnames = map[string]string{
	"欧阳": "ouyang", "歐陽": "ouyang", "司马": "sima", "司馬": "sima",
	"诸葛": "zhuge", "諸葛": "zhuge", "上官": "shangguan", "皇甫": "huangfu",
	"令狐": "linghu", "慕容": "murong", "东方": "dongfang", "東方": "dongfang",
	"尉迟": "yuchi", "尉遲": "yuchi", "公孙": "gongsun", "公孫": "gongsun",
	"夏侯": "xiahou", "长孙": "zhangsun", "長孫": "zhangsun", "宇文": "yuwen",
	"司徒": "situ", "端木": "duanmu", "轩辕": "xuanyuan", "軒轅": "xuanyuan",
	"独孤": "dugu", "獨孤": "dugu", "南宫": "nangong", "南宮": "nangong",
	"西门": "ximen", "西門": "ximen", "申屠": "shentu", "呼延": "huyan",
	"澹台": "tantai", "澹臺": "tantai", "闻人": "wenren", "聞人": "wenren",
	"赫连": "helian", "赫連": "helian", "鲜于": "xianyu", "鮮于": "xianyu",
	"濮阳": "puyang", "濮陽": "puyang", "万俟": "moqi", "萬俟": "moqi",
	"钟离": "zhongli", "鍾離": "zhongli", "公羊": "gongyang", "仲孙": "zhongsun",
}

// hanWords are readings that depend on the character before, for the
// words common in list entries where the first reading is wrong.
var hanWords = map[[2]rune]string{
	{'银', '行'}: "hang", {'銀', '行'}: "hang", {'重', '庆'}: "chong", {'重', '慶'}: "chong",
	{'厦', '门'}: "xia", {'廈', '門'}: "xia",
}

// hanSyllable writes the toneless pinyin of one ideograph (its first
// reading in go-pinyin's dictionary, ü written u), or unidecode's reading
// when the dictionary has none.
func hanSyllable(w *writer, r rune) {
	py, ok := pinyin.PinyinDict[int(r)]
	if !ok || py == "" {
		w.clean(unidecodeOf(r))
		return
	}
	if k := strings.IndexByte(py, ','); k >= 0 {
		py = py[:k]
	}
	for _, c := range py {
		switch {
		case 'a' <= c && c <= 'z':
			w.byte(byte(c))
		case c >= latinStart && c < latinEnd:
			w.str(latinTab[c-latinStart])
		case c >= 0x1E00 && c < 0x1F00:
			w.str(latinExtTab[c-0x1E00])
		}
	}
}

// han writes the Han run starting at s[i] and returns its end. prev is the
// rune before the run. A whole token of 2–4 characters is taken for a
// Chinese personal name: surname (one character, or two for the compound
// surnames), space, given name joined (习近平 → "xi jinping"); it is
// written as one token when it follows a lone surname (the given name of
// "王 小明") or is a compound surname alone. Other runs get one token
// per character (company names, Japanese kanji).
func han(w *writer, s string, i int, prev rune) int {
	end, n := i, 0
	for {
		r, size := decodeAt(s, end)
		if !isHan(r) {
			break
		}
		end += size
		n++
	}
	after, _ := decodeAt(s, end)
	name := n >= 2 && n <= 4 && !isWordRune(prev) && !isWordRune(after)
	w.space()
	var last rune // the previous character, for 々 and hanWords
	if name && !afterLoneSyllable(s, i, isHan) {
		if t, ok := chineseCompoundSurnames[s[i:min(i+6, end)]]; ok {
			w.str(t)
			i += 6
		} else {
			r, size := decodeAt(s, i)
			if t, ok := chineseSurnames[r]; ok {
				w.str(t)
			} else {
				hanSyllable(w, r)
			}
			last = r
			i += size
		}
		w.space()
	}
	for i < end {
		r, size := decodeAt(s, i)
		i += size
		if r == 0x3005 {
			r = last
		}
		if t, ok := hanWords[[2]rune{last, r}]; ok {
			w.str(t)
		} else if r != 0 {
			hanSyllable(w, r)
		}
		last = r
		if !name {
			w.space()
		}
	}
	w.space()
	return end
}

// isKana reports hiragana, katakana and their marks (halfwidth katakana are
// made fullwidth by NFKC first).
func isKana(r rune) bool {
	return r >= 0x3041 && r <= 0x309F && r != 0x3097 && r != 0x3098 && r != 0x309B && r != 0x309C ||
		r >= 0x30A1 && r <= 0x30FF && r != 0x30FB || r >= 0x31F0 && r <= 0x31FF
}

// kanaTab is the Hepburn reading of U+3041..U+3096 (hiragana; katakana are
// the same 0x60 higher). Small kana read as their full-size letter when
// they do not combine with the syllable before.
var kanaTab = [...]string{
	"a", "a", "i", "i", "u", "u", "e", "e", "o", "o",
	"ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",
	"sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
	"ta", "da", "chi", "ji", "tsu", "tsu", "zu", "te", "de", "to", "do",
	"na", "ni", "nu", "ne", "no",
	"ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po",
	"ma", "mi", "mu", "me", "mo",
	"ya", "ya", "yu", "yu", "yo", "yo",
	"ra", "ri", "ru", "re", "ro",
	"wa", "wa", "i", "e", "o", "n", "vu", "ka", "ke",
}

// kanaAt returns the reading of hiragana h, or "".
func kanaAt(h rune) string {
	if h >= 0x3041 && h <= 0x3096 {
		return kanaTab[h-0x3041]
	}
	return ""
}

// kanaVoiced returns the voiced form of hiragana h (か → が, は → ば), which
// Unicode places right after it, or h itself.
func kanaVoiced(h rune) rune {
	switch {
	case h >= 0x304B && h <= 0x3061 && (h-0x304B)%2 == 0,
		h == 0x3064, h == 0x3066, h == 0x3068,
		h >= 0x306F && h <= 0x307B && (h-0x306F)%3 == 0:
		return h + 1
	}
	return h
}

// kanaV reads ヷ ヸ ヹ ヺ.
var kanaV = [4]string{"va", "vi", "ve", "vo"}

// kanaSmall classifies small kana (as hiragana) that combine with the
// syllable before: 'y' for ゃゅょ, 'v' for ぁぃぅぇぉ, 0 otherwise.
func kanaSmall(h rune) byte {
	switch h {
	case 0x3083, 0x3085, 0x3087:
		return 'y'
	case 0x3041, 0x3043, 0x3045, 0x3047, 0x3049:
		return 'v'
	}
	return 0
}

// toHiragana maps katakana U+30A1..U+30F6 onto hiragana.
func toHiragana(r rune) rune {
	if r >= 0x30A1 && r <= 0x30F6 {
		return r - 0x60
	}
	return r
}

// kana writes the kana run starting at s[i] and returns its end, in
// Hepburn: small ゃゅょ and small vowels combine with the syllable before
// (きょ kyo, しゃ sha, ティ ti, ファ fa), small っ doubles the next
// consonant (っち tchi), the long-vowel mark ー is dropped, and in hiragana
// う after an o or u syllable is dropped as well (とうきょう → tokyo, as on
// passports).
func kana(w *writer, s string, i int) int {
	w.space()
	var last string // the previous syllable, for う
	var lastH rune  // the previous kana as hiragana, for iteration marks
	geminate := false
	for {
		r, size := decodeAt(s, i)
		if !isKana(r) {
			break
		}
		i += size
		h := toHiragana(r)
		var syl string
		switch {
		case r == 0x30FC || r == 0x3099 || r == 0x309A: // ー, combining voicing marks
			continue
		case h == 0x3063: // small tsu
			geminate = true
			continue
		case r == 0x309D || r == 0x30FD: // iteration marks
			syl = kanaAt(lastH)
		case r == 0x309E || r == 0x30FE: // voiced iteration marks: いすゞ isuzu
			syl = kanaAt(kanaVoiced(lastH))
		case r == 0x309F:
			syl = "yori"
		case r == 0x30FF:
			syl = "koto"
		case r >= 0x30F7 && r <= 0x30FA:
			syl = kanaV[r-0x30F7]
		case h >= 0x3041 && h <= 0x3096:
			syl = kanaTab[h-0x3041]
			lastH = h
		default: // small katakana extensions
			w.clean(unidecodeOf(r))
			last, lastH, geminate = "", 0, false
			continue
		}
		if syl == "" {
			continue
		}
		// A small kana after this one changes its vowel.
		head, tail := syl, ""
		n, nsize := decodeAt(s, i)
		nh := toHiragana(n)
		switch kanaSmall(nh) {
		case 'y':
			if len(syl) > 1 && syl[len(syl)-1] == 'i' {
				head = syl[:len(syl)-1]
				tail = kanaTab[nh-0x3041] // ya yu yo
				if strings.HasSuffix(head, "sh") || strings.HasSuffix(head, "ch") || head == "j" {
					tail = tail[1:]
				}
				i += nsize
			}
		case 'v':
			switch {
			case len(syl) > 1:
				head = syl[:len(syl)-1]
			case syl == "u":
				head = "w"
			case syl == "i":
				head = "y"
			default:
				head = syl
			}
			if head != syl {
				tail = kanaTab[nh-0x3041]
				i += nsize
			}
		}
		if tail == "" && r == 0x3046 && last != "" && (last[len(last)-1] == 'o' || last[len(last)-1] == 'u') {
			continue // long vowel ou, uu
		}
		if geminate && head != "" && head != "n" && !strings.ContainsRune("aiueo", rune(head[0])) {
			if strings.HasPrefix(head, "ch") {
				w.byte('t')
			} else {
				w.byte(head[0])
			}
		}
		geminate = false
		w.str(head)
		w.str(tail)
		last = syl
		if tail != "" {
			last = tail
		}
	}
	w.space()
	return i
}
