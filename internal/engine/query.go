package engine

import (
	"fmt"
	"strings"
	"time"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/match"
)

// Input is a query as a front end receives it, before it is checked:
// the command line's flags, an HTTP body, a row of a customer file.
type Input struct {
	Name        string
	Schema      string
	BirthDate   string
	Countries   []string
	Identifiers []string
	Gender      string
	Datasets    []string
}

// Limits on what one query may carry beyond its name (match.CheckName).
const (
	MaxListValues = 100 // countries, identifiers, datasets
	MaxValueLen   = 500 // bytes of one of those values
)

// ParseQuery checks an input and returns the query to screen, or a
// *match.QueryError naming the field and what was wrong. Every front end
// applies these same rules, so that a value the HTTP API refuses is not
// silently taken on the command line: an unknown schema, a birth date
// that is not a calendar date (1990-02-31), a country that is neither a
// name nor an ISO code embargo knows, a gender other than male, female,
// other or unknown.
func ParseQuery(in Input) (match.Query, error) {
	var q match.Query
	if err := match.CheckName(in.Name); err != nil {
		return q, err
	}
	q.Name = in.Name
	if s := strings.TrimSpace(in.Schema); s != "" {
		sc, ok := entity.ParseSchema(s)
		if !ok {
			return q, qerr("schema", "unknown schema %q: want Person, Organization, LegalEntity, Vessel or Airplane", in.Schema)
		}
		q.Schema = sc
	}
	if s := strings.TrimSpace(in.BirthDate); s != "" {
		d, err := ParseBirthDate(s)
		if err != nil {
			return q, qerr("birth_date", "%v", err)
		}
		q.BirthDate = d
	}
	var err error
	if q.Countries, err = values("countries", in.Countries); err != nil {
		return q, err
	}
	for i, c := range q.Countries {
		code := country.Code(c)
		if code == "" {
			return q, qerr("countries", "unknown country %q: give a country name or an ISO 3166 code (IR, IRN, Iran)", c)
		}
		q.Countries[i] = code
	}
	if q.Identifiers, err = values("identifiers", in.Identifiers); err != nil {
		return q, err
	}
	if q.Datasets, err = values("datasets", in.Datasets); err != nil {
		return q, err
	}
	if g := strings.ToLower(strings.TrimSpace(in.Gender)); g != "" {
		switch g {
		case "m", "male", "man":
			q.Gender = "male"
		case "f", "female", "woman":
			q.Gender = "female"
		case "other", "unknown", "u":
			q.Gender = g
		default:
			return q, qerr("gender", "unknown gender %q: want male, female, other or unknown", in.Gender)
		}
	}
	return q, nil
}

// ParseBirthDate reads a full or partial birth date (1971-05-03, 1971-05,
// 1971, and the notations lists use) and checks that it is a real
// calendar date.
func ParseBirthDate(s string) (string, error) {
	d, ok := entity.ParseDate(s)
	if !ok || d.Value == "" {
		return "", fmt.Errorf("%q is not a date: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if len(d.Value) == 10 {
		if _, err := time.Parse(time.DateOnly, d.Value); err != nil {
			return "", fmt.Errorf("%q is not a calendar date", s)
		}
	}
	return d.Value, nil
}

// ParseDay reads an as_of or check date: a full ISO date.
func ParseDay(s string) (string, error) {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", fmt.Errorf("%q is not a date: want YYYY-MM-DD", s)
	}
	return s, nil
}

func values(field string, vs []string) ([]string, error) {
	if len(vs) > MaxListValues {
		return nil, qerr(field, "%d values: the limit is %d", len(vs), MaxListValues)
	}
	var out []string
	for i, v := range vs {
		if len(v) > MaxValueLen {
			return nil, qerr(fmt.Sprintf("%s[%d]", field, i), "too long: %d bytes, the limit is %d", len(v), MaxValueLen)
		}
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out, nil
}

func qerr(field, format string, args ...any) *match.QueryError {
	return &match.QueryError{Field: field, Msg: fmt.Sprintf(format, args...)}
}
