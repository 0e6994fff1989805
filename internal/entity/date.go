package entity

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var (
	reISO     = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$`)
	reDMY     = regexp.MustCompile(`^(\d{1,2})[./](\d{1,2})[./](\d{4})$`)
	reDMonY   = regexp.MustCompile(`^(?:(\d{1,2})[ -])?([A-Za-z]{3,9})\.?[ -,]+(\d{4})$`)
	reMonDY   = regexp.MustCompile(`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$`)
	reRange   = regexp.MustCompile(`(?i)^(.+?)\s*(?:\bto\b|–|—|\s-\s|\bthrough\b)\s*(.+)$`)
	reYearRng = regexp.MustCompile(`^(\d{4})\s*-\s*(\d{4})$`)
	reCirca   = regexp.MustCompile(`(?i)^(?:circa|ca\.?|c\.|approximately|approx\.?|about)\s+`)
	// reMask finds the "dd" and "mm" placeholders UK lists write for an
	// unknown day or month ("dd/mm/1945"); they read as zero parts.
	reMask = regexp.MustCompile(`(?i)\b(dd|mm)\b`)
)

// ParseDate reads the date notations found in sanctions lists: ISO
// ("1971-05-03", "1971-05", "1971"), "03 May 1971", "May 1971", "May 3,
// 1971", "03.05.1971" and "03/05/1971" (day first, as the EU and UN
// write), ranges ("1960 to 1962", "1960-1962"), and "circa"/"ca." prefixes.
// Unknown parts written "00", "dd" or "mm" truncate the date ("00/05/1970"
// is "1970-05"); a leading apostrophe, a spreadsheet artefact, is ignored.
// A text it cannot read is returned in Date.Text with ok false, so that
// nothing is lost.
func ParseDate(s string) (d Date, ok bool) {
	s = CleanSpace(s)
	if s == "" {
		return Date{}, false
	}
	text := s
	s = reMask.ReplaceAllString(strings.TrimLeft(s, "'"), "00")
	if m := reCirca.FindStringIndex(s); m != nil {
		d.Circa = true
		s = s[m[1]:]
	}
	if m := reYearRng.FindStringSubmatch(s); m != nil {
		d.Value, d.Until = m[1], m[2]
		return d, true
	}
	if v, ok := parseOne(s); ok {
		d.Value = v
		return d, true
	}
	if m := reRange.FindStringSubmatch(s); m != nil {
		from, ok1 := parseOne(m[1])
		to, ok2 := parseOne(m[2])
		if ok1 && ok2 {
			d.Value, d.Until = from, to
			return d, true
		}
	}
	return Date{Text: text}, false
}

func parseOne(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if m := reISO.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		return ymd(m[3], m[2], m[1])
	}
	if m := reDMonY.FindStringSubmatch(s); m != nil {
		mon, ok := months[strings.ToLower(m[2])]
		if !ok {
			return "", false
		}
		return ymd(m[3], strconv.Itoa(mon), m[1])
	}
	if m := reMonDY.FindStringSubmatch(s); m != nil {
		mon, ok := months[strings.ToLower(m[1])]
		if !ok {
			return "", false
		}
		return ymd(m[3], strconv.Itoa(mon), m[2])
	}
	return "", false
}

// ymd formats a partial date, checking that month and day are in range.
// A zero month or day (as in UN's "0000-00-00" style) truncates the date.
func ymd(y, m, d string) (string, bool) {
	year, err := strconv.Atoi(y)
	if err != nil || year < 1000 || year > 2999 {
		return "", false
	}
	out := fmt.Sprintf("%04d", year)
	if m == "" {
		return out, true
	}
	mon, err := strconv.Atoi(m)
	if err != nil || mon < 0 || mon > 12 {
		return "", false
	}
	if mon == 0 {
		return out, true
	}
	out += fmt.Sprintf("-%02d", mon)
	if d == "" {
		return out, true
	}
	day, err := strconv.Atoi(d)
	if err != nil || day < 0 || day > 31 {
		return "", false
	}
	if day == 0 {
		return out, true
	}
	return out + fmt.Sprintf("-%02d", day), true
}
