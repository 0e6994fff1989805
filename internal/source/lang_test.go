package source

import "testing"

func TestLanguageCode(t *testing.T) {
	for name, want := range map[string]string{
		"Russian":         "ru",
		"ARABIC":          "ar",
		" Farsi ":         "fa",
		"Kirghiz; Kyrgyz": "ky",
		"Dari":            "prs",
		"Klingon":         "",
		"":                "",
	} {
		if got := LanguageCode(name); got != want {
			t.Errorf("LanguageCode(%q) = %q, want %q", name, got, want)
		}
	}
}
