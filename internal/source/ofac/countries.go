package ofac

import (
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
)

// ofacCountries are OFAC spellings that package country does not resolve
// (measured on the 2019 and 2021 files). They are kept here rather than
// there because they are OFAC's house style.
var ofacCountries = map[string]string{
	"the gambia":                         "GM",
	"gambia, the":                        "GM",
	"bahamas, the":                       "BS",
	"the bahamas":                        "BS",
	"man, isle of":                       "IM",
	"cabo verde. previously cape verde.": "CV",
	"korea, north":                       "KP",
	"korea, south":                       "KR",
}

// noCountry are values OFAC writes where it knows no country.
var noCountry = map[string]bool{"undetermined": true, "none identified": true, "unknown": true}

// countryCode is country.Code that also knows OFAC's spellings.
func countryCode(s string) string {
	k := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if c, ok := ofacCountries[k]; ok {
		return c
	}
	return country.Code(s)
}

// normCountry returns the ISO code where known, else the cleaned text,
// and "" for OFAC's "undetermined".
func normCountry(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if noCountry[strings.ToLower(s)] {
		return ""
	}
	if c := countryCode(s); c != "" {
		return c
	}
	return s
}
