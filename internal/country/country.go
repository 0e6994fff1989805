// Package country resolves the country names and codes used by sanctions
// publishers to ISO 3166-1 alpha-2 codes, so that a nationality written
// "Iran (Islamic Republic of)" by the UN and "Iran" by OFAC compare equal.
package country

import (
	"strings"

	"github.com/biter777/countries"
)

// extra covers list spellings the countries package does not know, and
// territories publishers name that have no ISO code of their own.
var extra = map[string]string{
	"congo, democratic republic of the":   "CD",
	"congo, the democratic republic of":   "CD",
	"democratic republic of congo":        "CD",
	"congo, republic of the":              "CG",
	"republic of the congo":               "CG",
	"venezuela (bolivarian republic of)":  "VE",
	"bolivarian republic of venezuela":    "VE",
	"bolivia (plurinational state of)":    "BO",
	"korea, democratic people's republic": "KP",
	"korea, north":                        "KP",
	"dprk":                                "KP",
	"korea, south":                        "KR",
	"republic of korea":                   "KR",
	"west bank":                           "PS",
	"gaza":                                "PS",
	"gaza strip":                          "PS",
	"palestinian":                         "PS",
	"state of palestine":                  "PS",
	"burma":                               "MM",
	"russia":                              "RU",
	"ussr":                                "SU",
	"soviet union":                        "SU",
	"yugoslavia":                          "YU",
	"serbia and montenegro":               "CS",
	"czechoslovakia":                      "CS",
	"kosovo":                              "XK",
	"united states of america":            "US",
	"tanzania, united republic of":        "TZ",
	"syria":                               "SY",
	"iran":                                "IR",
	"laos":                                "LA",
	"macedonia":                           "MK",
	"north macedonia":                     "MK",
	"the former yugoslav republic of macedonia": "MK",
	"moldova, republic of":                      "MD",
	"micronesia, federated states of":           "FM",
	"cabo verde":                                "CV",
	"eswatini":                                  "SZ",
	"turkiye":                                   "TR",
	"türkiye":                                   "TR",
	"curacao":                                   "CW",
	"curaçao":                                   "CW",
	"region: gaza":                              "PS",
	"netherlands antilles":                      "AN",
	"holy see":                                  "VA",
	"vatican":                                   "VA",
	"hong kong":                                 "HK",
	"macau":                                     "MO",
	"taiwan":                                    "TW",
	"uae":                                       "AE",
	"u.a.e.":                                    "AE",
	"uk":                                        "GB",
	"united kingdom of great britain and northern ireland": "GB",
	"united republic of tanzania":                          "TZ",
	"china, hong kong special administrative region":       "HK",
	"hong kong special administrative region of china":     "HK",
	"china, macao special administrative region":           "MO",
	"former soviet union":                                  "SU",
	"the gambia":                                           "GM",
	"gambia, the":                                          "GM",
	"bahamas, the":                                         "BS",
	"the bahamas":                                          "BS",
	"man, isle of":                                         "IM",
	"cape verde":                                           "CV",
	"cabo verde. previously cape verde.":                   "CV",
	"great britain":                                        "GB",
}

// Code returns the ISO 3166-1 alpha-2 code for a country name, alpha-2 or
// alpha-3 code, or "" when it does not know the name.
func Code(name string) string {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	n = strings.Trim(n, " .;,")
	if n == "" {
		return ""
	}
	if c, ok := extra[n]; ok {
		return c
	}
	c := countries.ByName(n)
	if c == countries.Unknown {
		// "Iraq (ISIL)", "Syria (as of 2014)": try the part before a bracket.
		if i := strings.IndexByte(n, '('); i > 0 {
			return Code(n[:i])
		}
		return ""
	}
	return c.Alpha2()
}

// Normalize returns the alpha-2 code for name when known, else the name
// itself cleaned of surrounding space, so that nothing is lost.
func Normalize(name string) string {
	if c := Code(name); c != "" {
		return c
	}
	return strings.Join(strings.Fields(name), " ")
}
