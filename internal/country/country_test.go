package country

import "testing"

func TestCode(t *testing.T) {
	tests := map[string]string{
		"Iran (Islamic Republic of)":            "IR",
		"IRAN":                                  "IR",
		"Russian Federation":                    "RU",
		"Democratic People's Republic of Korea": "KP",
		"Korea, North":                          "KP",
		"Congo, Democratic Republic of the":     "CD",
		"United Kingdom of Great Britain and Northern Ireland": "GB",
		"China, Hong Kong Special Administrative Region":       "HK",
		"Bahamas, The":       "BS",
		"Burma":              "MM",
		"Syria (as of 2014)": "SY",
		"de":                 "DE",
		"Atlantis":           "",
		"":                   "",
	}
	for in, want := range tests {
		if got := Code(in); got != want {
			t.Errorf("Code(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Normalize("  Atlantis   Island "); got != "Atlantis Island" {
		t.Errorf("Normalize kept %q", got)
	}
}
