package source

import "strings"

// LanguageCode returns the ISO 639-1 code for a language name as the UK
// lists write it for non-Latin names ("Russian", "Kirghiz; Kyrgyz"), or ""
// for a name it does not know: the script is told from the text anyway.
func LanguageCode(name string) string {
	return languages[strings.ToLower(strings.TrimSpace(name))]
}

var languages = map[string]string{
	"arabic": "ar", "armenian": "hy", "azerbaijani": "az", "belarusian": "be",
	"bosnian": "bs", "bulgarian": "bg", "burmese": "my", "chinese": "zh",
	"croatian": "hr", "czech": "cs", "farsi": "fa", "georgian": "ka",
	"greek": "el", "hebrew": "he", "japanese": "ja", "kazakh": "kk",
	"kirghiz; kyrgyz": "ky", "kyrgyz": "ky", "korean": "ko", "pashto": "ps",
	"persian": "fa", "polish": "pl", "romanian; moldavian; moldovan": "ro",
	"romanian": "ro", "russian": "ru", "serbian": "sr", "tajik": "tg",
	"thai": "th", "tigrinya": "ti", "turkish": "tr", "ukrainian": "uk",
	"urdu": "ur", "uzbek": "uz", "amharic": "am", "somali": "so",
	"tamil": "ta", "sinhala": "si", "dari": "prs", "kurdish": "ku",
}
