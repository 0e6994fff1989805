package entity

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"1971", Date{Value: "1971"}, true},
		{"1971-05-03", Date{Value: "1971-05-03"}, true},
		{"1971-5", Date{Value: "1971-05"}, true},
		{"2026-02-27T00:00:09.554Z", Date{Value: "2026-02-27"}, true},
		{"03 May 1971", Date{Value: "1971-05-03"}, true},
		{"3 Sep 1965", Date{Value: "1965-09-03"}, true},
		{"May 1971", Date{Value: "1971-05"}, true},
		{"May 3, 1971", Date{Value: "1971-05-03"}, true},
		{"03.05.1971", Date{Value: "1971-05-03"}, true},
		{"03/05/1971", Date{Value: "1971-05-03"}, true},
		{"1960 to 1962", Date{Value: "1960", Until: "1962"}, true},
		{"1960-1962", Date{Value: "1960", Until: "1962"}, true},
		{"circa 1970", Date{Value: "1970", Circa: true}, true},
		{"ca. 1970", Date{Value: "1970", Circa: true}, true},
		{"1975-00-00", Date{Value: "1975"}, true},
		{"00/00/1964", Date{Value: "1964"}, true},
		{"00/05/1970", Date{Value: "1970-05"}, true},
		{"dd/mm/1945", Date{Value: "1945"}, true},
		{"'12/03/1971", Date{Value: "1971-03-12"}, true},
		{"15/08/19yy", Date{Text: "15/08/19yy"}, false},
		{"30 Feb 1970 or later", Date{Text: "30 Feb 1970 or later"}, false},
		{"1971-13-01", Date{Text: "1971-13-01"}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDetectScript(t *testing.T) {
	tests := map[string]string{
		"Ali Khamenei":      "Latn",
		"Алексей Навальный": "Cyrl",
		"علي خامنئي":        "Arab",
		"김정은":               "Hang",
		"习近平":               "Hani",
		"Αθήνα":             "Grek",
		"שלום":              "Hebr",
		"123 - ,":           "",
	}
	for in, want := range tests {
		if got := DetectScript(in); got != want {
			t.Errorf("DetectScript(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1971", "03 May 1971", "1960 to 1962", "circa 1970", "12.03.1971", "May 3, 1971"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if ok && d.Value == "" {
			t.Fatalf("ParseDate(%q) ok with empty value", s)
		}
	})
}
