package translit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLatin(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Output rules
		{"empty", "", ""},
		{"whitespace only", " \t\n\u00a0\u3000 ", ""},
		{"ascii canonical", "john smith 2", "john smith 2"},
		{"ascii", "  John   SMITH-Jones, Jr. ", "john smith jones jr"},
		{"apostrophe", "O'Brien", "obrien"},
		{"apostrophe soft sign", "Praskov'ya", "praskovya"},
		{"apostrophe variants", "D’Arcy N`Dour Oʻzbek Maʼruf Jos´e", "darcy ndour ozbek maruf jose"},
		{"ayn and hamza signs", "ʿAbd al-ʿAzīz Qurʾān", "abd al aziz quran"},
		{"hyphen", "Müller-Lüdenscheidt", "muller ludenscheidt"},
		{"punctuation and symbols", "A.B.C. & Co. (Ltd) ©2024 #1!", "a b c co ltd 2024 1"},
		{"control characters", "a\x00b\x1fc\u0085d", "a b c d"},
		{"invalid utf-8", "a\xffb\xc3(c", "a b c"},
		{"only invalid utf-8", "\xff\xfe", ""},
		{"soft hyphen and bidi marks join", "Abdul\u00adlah \u200fAli\u200e", "abdullah ali"},
		{"zero width space splits", "abc\u200bdef", "abc def"},
		{"fullwidth", "ＡＢＣ　１２３ Ｘｙ", "abc 123 xy"},
		{"fullwidth with acute apostrophe", "Ｏ´Brien", "obrien"},
		{"mathematical and enclosed letters", "𝐀𝐁 ℌ ① Ⅻ", "ab h 1 xii"},
		{"ligatures", "ﬁnance Ĳssel ǅemal", "finance ijssel dzemal"},

		// Latin diacritics
		{"acute", "José Martí", "jose marti"},
		{"combining marks", "Jose\u0301 Marti\u0301 n\u0303", "jose marti n"},
		{"german umlauts", "Müller Öztürk Bär Straße", "muller ozturk bar strasse"},
		{"special letters", "Æsir Ørsted Łódź Đặng Þór Œuvre", "aesir orsted lodz dang thor oeuvre"},
		{"turkish", "İstanbul Işık Çağlar Şükrü", "istanbul isik caglar sukru"},
		{"azerbaijani", "Əliyev İlham Heydər oğlu", "aliyev ilham heydar oglu"},
		{"vietnamese", "Nguyễn Tấn Dũng Đỗ Mười", "nguyen tan dung do muoi"},
		{"polish czech", "Wałęsa Dvořák Šťastný", "walesa dvorak stastny"},
		{"icelandic", "Guðmundsdóttir", "gudmundsdottir"},
		{"capital sharp s", "STRAẞE", "strasse"},
		{"latin superscript digits", "x² ª", "x2 a"},

		// Cyrillic
		{"russian ryabkov", "Рябков", "ryabkov"},
		{"russian shcherbakov", "Щербаков", "shcherbakov"},
		{"russian yurevna", "Юрьевна", "yurevna"},
		{"russian full name", "Владимир Владимирович Путин", "vladimir vladimirovich putin"},
		{"russian hard sign", "Объединённый Подъезд", "obedinennyy podezd"},
		{"russian kh ts zh", "Хуциев Жуков Цой Эдуард", "khutsiev zhukov tsoy eduard"},
		{"decomposed short i", "Сергеи\u0306", "sergey"},
		{"ukrainian", "Їжакевич Євген Ґонгадзе Олексій", "yizhakevich yevgen gongadze oleksiy"},
		{"belarusian", "Лукашэнка Аляксандр Рыгоравіч Ўладзімір", "lukashenka alyaksandr rygoravich uladzimir"},
		{"serbian", "Ђоковић Љубица Њего Ћосић Џаја Јован", "djokovic ljubitsa njego cosic dzaja jovan"},
		{"macedonian", "Ѓорѓе Ќосе Ѕвезда", "gjorgje kjose dzvezda"},
		{"kazakh", "Нұрсұлтан Әбішұлы Назарбаев Қасым-Жомарт Тоқаев", "nursultan abishuly nazarbaev kasym zhomart tokaev"},
		{"kazakh letters", "ғ ң ө ү һ", "g n o u h"},
		{"mixed script", "ООО Рога и Копыта LLC", "ooo roga i kopyta llc"},
		{"homoglyph mix", "Puтin", "putin"},

		// Greek
		{"greek", "Αλέξης Τσίπρας", "alexis tsipras"},
		{"greek mitsotakis", "Κυριάκος Μητσοτάκης", "kyriakos mitsotakis"},
		{"greek ou", "Παπανδρέου", "papandreou"},
		{"greek mp nt at start", "Μπακογιάννη Ντόρα", "bakogianni dora"},
		{"greek mp nt inside", "Λαμπράκης Αντώνης", "lamprakis antonis"},
		{"greek gg gk", "Ευάγγελος Γκίκας Αγκελής", "evangelos gikas angelis"},
		{"greek av ef", "Σταύρος Ευθύμιος Παύλος", "stavros efthymios pavlos"},
		{"greek capitals", "ΠΑΥΛΟΣ ΓΙΩΡΓΟΣ", "pavlos giorgos"},
		{"greek final sigma", "Νίκος", "nikos"},
		{"greek dialytika", "Ταΐς Προϋπόθεση", "tais proypothesi"},
		{"greek polytonic", "Ἀθῆναι", "athinai"},
		{"greek ch ps th x", "Χρήστος Ψαρράς Θεόδωρος Ξάνθη", "christos psarras theodoros xanthi"},

		// Arabic script
		{"arabic mhmd", "محمد", "mhmd"},
		{"arabic abdallah", "عبد الله", "bd allh"},
		{"arabic bin laden", "أسامة بن لادن", "asama bn ladn"},
		{"arabic hsin", "حسين", "hsin"},
		{"arabic waw initial", "وليد", "wlid"},
		{"arabic waw medial", "يوسف", "yusf"},
		{"arabic waw after long vowel", "طاووس", "tawus"},
		{"arabic alif maqsura", "موسى مصطفى", "musa mstfa"},
		{"arabic hamza on ya", "عائشة", "aysha"},
		{"arabic hamza on waw", "مؤمن", "mumn"},
		{"arabic vocalized", "مُحَمَّد", "muhammad"},
		{"arabic vocalized ibrahim", "إِبْرَاهِيم", "ibrahim"},
		{"arabic vocalized fatima", "فَاطِمَة", "fatima"},
		{"arabic tanwin", "شُكْرًا", "shukran"},
		{"arabic shadda before vowel", "مُحَمّدٌ", "muhammdun"},
		{"arabic tatweel", "محـــمد", "mhmd"},
		{"arabic digits", "٢٠٢٤ ۱۴۰۳", "2024 1403"},
		{"arabic punctuation", "علي، حسن؟", "li hsn"},
		{"arabic presentation forms", "ﻣﺤﻤﺪ ﷲ", "mhmd allh"},
		{"persian zwnj", "علی‌پور", "lipur"},
		{"persian", "محمود احمدی‌نژاد", "mhmud ahmdinzhad"},
		{"persian letters", "پژمان چگینی", "pzhman chgini"},
		{"urdu", "عمران خان ٹوپی ڈار", "mran khan tupi dar"},
		{"urdu bari ye", "ہے", "he"},
		{"pashto", "ګل ښاغلی", "gl shaghli"},

		// Hebrew
		{"hebrew", "בנימין נתניהו", "bnimin ntniho"},
		{"hebrew geresh", "ג'ורג' ז׳ורז׳ צ'רלי", "jorj zhorzh chrli"},
		{"hebrew begadkefat", "אבי כהן פרץ", "vi khn prts"},
		{"hebrew double vav", "דוויד וולטר", "dvid vltr"},
		{"hebrew pointed", "מֹשֶׁה", "moshe"},
		{"hebrew pointed sin", "שָׂרָה", "sara"},
		{"hebrew pointed yitzhak", "יִצְחָק", "yitskhak"},
		{"hebrew shuruk", "שׁוּקִי", "shuki"},
		{"hebrew maqaf", "בית־שמש", "bit shmsh"},
		{"hebrew presentation forms", "שׁ ﬠ", "sh"},
		{"hebrew gershayim", "צה\"ל", "tshl"},

		// Hangul
		{"korean kim jong un", "김정은", "kim jeongeun"},
		{"korean spaced", "김 정은", "kim jeongeun"},
		{"korean two names", "김정은 김여정", "kim jeongeun kim yeojeong"},
		{"korean surname special", "이명박 박근혜 리설주", "lee myeongbak park geunhye ri seolju"},
		{"korean rr surname", "문재인", "mun jaein"},
		{"korean compound surname", "남궁민수", "namgung minsu"},
		{"korean long word", "조선중앙은행", "joseonjungangeunhaeng"},
		{"korean glued to latin", "LG전자", "lg jeonja"},
		{"korean compatibility jamo", "ㄱㅏ", "ga"},
		{"korean decomposed jamo", "\u1100\u1175\u11b7\u110c\u1165\u11bc\u110b\u1173\u11ab", "kim jeongeun"},
		{"korean parentheses", "김정은(金正恩)", "kim jeongeun jin zhengen"},

		// Han
		{"chinese xi jinping", "习近平", "xi jinping"},
		{"chinese wang yi", "王毅", "wang yi"},
		{"chinese traditional", "馬英九", "ma yingjiu"},
		{"chinese compound surname", "欧阳娜娜", "ouyang nana"},
		{"chinese surname reading", "曾国藩 单田芳", "zeng guofan shan tianfang"},
		{"chinese spaced", "王 小明", "wang xiaoming"},
		{"chinese two names", "习近平 王毅", "xi jinping wang yi"},
		{"chinese company", "中国工商银行", "zhong guo gong shang yin hang"},
		{"chinese single", "吕", "lu"},
		{"chinese mixed latin", "ABC公司", "abc gong si"},
		{"chinese compat ideograph", "\uf900", "qi"},

		// Kana
		{"hiragana long vowels", "とうきょう", "tokyo"},
		{"hiragana shinzo", "しんぞう", "shinzo"},
		{"katakana", "トヨタ", "toyota"},
		{"katakana long mark", "ティーム", "timu"},
		{"katakana small tsu", "マッチ ホッカイドウ", "matchi hokkaidou"},
		{"katakana foreign", "ファイル ウィリアム ヴァイオリン", "fairu wiriamu vaiorin"},
		{"katakana middle dot", "ドナルド・トランプ", "donarudo toranpu"},
		{"kana yoon", "ちゃん しょうゆ じゅん", "chan shoyu jun"},
		{"halfwidth katakana", "ｱｲｳ ｶﾞｷﾞ", "aiu gagi"},
		{"kana iteration marks", "いすゞ さゝき", "isuzu sasaki"},
		{"kanji and kana", "トヨタ自動車", "toyota zi dong che"},

		// Fallback scripts
		{"georgian", "ნინო ბურჯანაძე", "nino burjanaze"},
		{"armenian", "Սերժ Սարգսյան", "serzh sargsyan"},
		{"devanagari", "नरेंद्र मोदी", "nrendr modii"},
		{"thai", "ประยุทธ์", "prayuthth"},
		{"syriac", "ܡܪܝܡ", "mrym"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Latin(tc.in)
			if got != tc.want {
				t.Errorf("Latin(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := Latin(got); again != got {
				t.Errorf("Latin(%q) = %q, not idempotent", got, again)
			}
		})
	}
}

func TestLatinLongInput(t *testing.T) {
	var b strings.Builder
	scripts := []string{"Müller ", "Щербаков ", "محمد ", "习近平 ", "김정은 ", "Αλέξης ", "トヨタ ", "ნინო ", "\xff"}
	for b.Len() < 10000 {
		b.WriteString(scripts[b.Len()%len(scripts)])
	}
	s := b.String()
	got := Latin(s)
	checkOutput(t, s, got)
	if len(got) < 1000 {
		t.Errorf("Latin of %d bytes gave only %d bytes", len(s), len(got))
	}
	long := strings.Repeat("Щ", 10000)
	if got := Latin(long); got != strings.Repeat("shch", 10000) {
		t.Errorf("Latin(10000 × Щ) has %d bytes, want %d", len(got), 40000)
	}
	if got := Latin(strings.Repeat("习", 10000)); len(got) != 10000*3-1 {
		t.Errorf("Latin(10000 × 习) has %d bytes, want %d", len(got), 10000*3-1)
	}
}

func TestLatinAllocations(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Latin("john smith") }); n != 0 {
		t.Errorf("canonical ASCII: %v allocations, want 0", n)
	}
	for _, s := range []string{"José Müller-Lüdenscheidt", "Владимир Путин", "محمد بن سلمان", "習近平", "김정은"} {
		if n := testing.AllocsPerRun(100, func() { Latin(s) }); n > 1 {
			t.Errorf("Latin(%q): %v allocations, want at most 1", s, n)
		}
	}
}

func TestAbjad(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"John Smith", false},
		{"Müller", false},
		{"Владимир", false},
		{"习近平", false},
		{"محمد", true},
		{"محمود احمدی‌نژاد", true},
		{"عمران خان", true},
		{"Osama أسامة", true},
		{"ﻣﺤﻤﺪ", true}, // presentation forms
		{"בנימין", true},
		{"ܡܪܝܡ", true},   // Syriac
		{"ދިވެހި", true}, // Thaana
		{"٢٠٢٤", false},  // Arabic-Indic digits are not letters
		{"،؟", false},
		{"\xff\xfe", false},
	}
	for _, tc := range tests {
		if got := Abjad(tc.in); got != tc.want {
			t.Errorf("Abjad(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// checkOutput asserts the output invariants of Latin.
func checkOutput(t *testing.T, in, out string) {
	t.Helper()
	for i := 0; i < len(out); i++ {
		c := out[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == ' ') {
			t.Fatalf("Latin(%q) = %q: byte %q at %d", in, out, c, i)
		}
	}
	if strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") || strings.Contains(out, "  ") {
		t.Fatalf("Latin(%q) = %q: bad spacing", in, out)
	}
	if again := Latin(out); again != out {
		t.Fatalf("Latin(%q) = %q, but Latin(%q) = %q", in, out, out, again)
	}
}

func FuzzLatin(f *testing.F) {
	for _, s := range []string{
		"", " ", "O'Brien", "José Müller-Lüdenscheidt", "Рябков", "Αλέξης Τσίπρας",
		"مُحَمَّد", "علی‌پور", "מֹשֶׁה", "ג'ורג'", "김정은", "习近平", "とうきょう", "マッチ",
		"ＡＢＣ", "\xff", "a\u0301", "ﷲ", "ნინო", "\u3005\u3005", "っ", "ー", "ゃ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Latin(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Latin(%q) = %q is not valid UTF-8", s, out)
		}
		checkOutput(t, s, out)
		Abjad(s)
	})
}

var benchNames = []string{
	"José Müller-Lüdenscheidt",
	"john smith",
	"Vladimir Putin",
	"Владимир Владимирович Путин",
	"محمود احمدی‌نژاد",
	"בנימין נתניהו",
	"Αλέξης Τσίπρας",
	"习近平",
	"김정은",
	"トヨタ自動車",
	"ნინო ბურჯანაძე",
}

func BenchmarkLatin(b *testing.B) {
	for _, s := range benchNames {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Latin(s)
			}
		})
	}
}
