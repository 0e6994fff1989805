package ofac

import (
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
)

// noCountry are values OFAC writes where it knows no country.
var noCountry = map[string]bool{"undetermined": true, "none identified": true, "unknown": true}

// countryCode resolves a country name; OFAC's house spellings ("Bahamas,
// The", "Man, Isle of") are known to package country.
func countryCode(s string) string { return country.Code(s) }

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
