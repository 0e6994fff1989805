package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/embargo-screening/embargo/internal/engine"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/wire"
)

// explainLegend is how to read a screening's explanation, for `screen
// --help` and the README.
const explainLegend = `How to read an answer
  SCORE is between 0 and 1; MATCH says yes from the threshold (default 0.83, at
  which 0.8% of a clean customer file alerts on name alone).
  Under each candidate:
    words     each word of the query against a word of the listed name, and how
              they were found alike:
                exact            the same word once folded to Latin lower case
                transliteration  the same consonants across scripts (محمد, Mohammad)
                phonetic         the same sound (Mohamed, Muhammad)
                edit distance    a typing difference (Usamma, Usama)
                initial          one letter for a word (M., Mohammed)
                merged words     one word against two written apart (Binladin, Bin Ladin)
                same class       two legal forms or two titles (LLC, Ltd)
                translation      one word in two languages (Melli, National)
              "only in the query" and "only in the listing" are words left over;
              similarity is how alike the pair is (1 is the same), weight how much
              the word counts: rare words weigh more than common ones, and
              particles (al, bin, de), titles and legal forms weigh little.
    fields    the birth date, country, identifier and gender of the query against
              the listing: agree, partial, conflict or missing, and what that did
              to the score (+0.02, -0.10).
    same party  another list's listing of the same party, and the evidence.
`

// printAnswer renders a screening for people.
func printAnswer(w io.Writer, snap *engine.Snapshot, name string, ms []wire.Match) {
	var vs []string
	for _, v := range snap.Versions {
		vs = append(vs, fmt.Sprintf("%s version %d (published %s)", v.Dataset, v.Number, v.Published))
	}
	fmt.Fprintf(w, "%q against %s\n", name, strings.Join(vs, ", "))
	if len(ms) == 0 {
		fmt.Fprintln(w, "no candidates above the threshold")
		return
	}
	for i, m := range ms {
		yes := "no match"
		if m.Match {
			yes = "MATCH"
		}
		fmt.Fprintf(w, "\n%d. %.3f %s  %s  %s  %s\n", i+1, m.Score, yes, m.EntityID, m.Schema, m.Name)
		if m.MatchedName != m.Name {
			fmt.Fprintf(w, "   matched name: %s\n", m.MatchedName)
		}
		listed := m.AuthorityName
		if listed == "" {
			listed = m.Authority
		}
		if m.ListedOn != "" {
			listed += ", listed " + m.ListedOn
		}
		if len(m.Programs) > 0 {
			ps := make([]string, len(m.Programs))
			for j, p := range m.Programs {
				ps[j] = p.Name
			}
			fmt.Fprintf(w, "   programmes: %s (%s)\n", strings.Join(ps, ", "), listed)
		} else if listed != "" {
			fmt.Fprintf(w, "   listed by: %s\n", listed)
		}
		printExplanation(w, m.Explanation)
		for _, l := range m.SameAs {
			fmt.Fprintf(w, "   same party as %s (%s)\n", l.ID, l.By)
		}
	}
}

// methodWords names the explanation's methods in words.
var methodWords = map[string]string{
	"edit_distance": "edit distance",
	"merged_tokens": "merged words",
	"same_class":    "same class",
}

func printExplanation(w io.Writer, e *wire.Explanation) {
	if e == nil {
		return
	}
	fmt.Fprintf(w, "   name score %.3f\n", e.NameScore)
	label := "   words:  "
	for _, t := range e.Tokens {
		var line string
		switch t.Method {
		case "unmatched_query":
			line = fmt.Sprintf("%s  only in the query (weight %s)", t.Query, num(t.Weight))
		case "unmatched_list":
			line = fmt.Sprintf("%s  only in the listing (weight %s)", t.List, num(t.Weight))
		default:
			how := t.Method
			if words, ok := methodWords[how]; ok {
				how = words
			}
			line = fmt.Sprintf("%s = %s  %s, similarity %s, weight %s", t.Query, t.List, how, num(t.Similarity), num(t.Weight))
		}
		if t.Class != "" {
			line += " (" + strings.ReplaceAll(t.Class, "_", " ") + ")"
		}
		fmt.Fprintln(w, label+line)
		label = "           "
	}
	label = "   fields: "
	for _, f := range e.Fields {
		line := strings.ReplaceAll(f.Field, "_", " ") + " " + f.Result
		switch {
		case f.Query != "" && f.List != "":
			line += fmt.Sprintf(" (query %s, listing %s)", f.Query, f.List)
		case f.Query != "":
			line += fmt.Sprintf(" (query %s)", f.Query)
		}
		if f.Effect != 0 {
			line += fmt.Sprintf(", score %+.3f", f.Effect)
		}
		fmt.Fprintln(w, label+line)
		label = "           "
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// fieldWords names an entity field for people: birth_dates is "birth
// date", names "name".
func fieldWords(field string) string {
	switch field {
	case "names":
		return "name"
	case "addresses":
		return "address"
	case "properties":
		return "other property"
	case "linked_to":
		return "linked to"
	case "listed_on":
		return "listing date"
	case "programs":
		return "programme"
	}
	f := strings.ReplaceAll(field, "_", " ")
	if strings.HasSuffix(f, "ies") {
		return strings.TrimSuffix(f, "ies") + "y"
	}
	return strings.TrimSuffix(f, "s")
}

// valueText renders one value of an entity field as text: a name with its
// kind, an identifier with its type and country, an address on one line,
// a date with its range. Values that are not JSON objects are shown as
// they are.
func valueText(field, v string) string {
	if !strings.HasPrefix(v, "{") {
		return v
	}
	switch field {
	case "names":
		var n entity.Name
		if json.Unmarshal([]byte(v), &n) == nil {
			return fmt.Sprintf("%s (%s)", n.Full, strings.ReplaceAll(string(n.Kind), "_", " "))
		}
	case "identifiers":
		var id entity.Identifier
		if json.Unmarshal([]byte(v), &id) == nil {
			return identifierText(id)
		}
	case "addresses":
		var a entity.Address
		if json.Unmarshal([]byte(v), &a) == nil {
			return addressText(a)
		}
	case "birth_dates":
		var d entity.Date
		if json.Unmarshal([]byte(v), &d) == nil {
			return dateText(d)
		}
	}
	var m map[string]any
	if json.Unmarshal([]byte(v), &m) != nil {
		return v
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %v", strings.ReplaceAll(k, "_", " "), m[k]))
	}
	return strings.Join(parts, ", ")
}

func addressText(a entity.Address) string {
	if a.Full != "" {
		if a.Country != "" && !strings.Contains(a.Full, a.Country) {
			return a.Full + ", " + a.Country
		}
		return a.Full
	}
	var parts []string
	for _, p := range []string{a.Street, a.Postal, a.City, a.Region, a.Country} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func dateText(d entity.Date) string {
	out := d.Value
	if d.Until != "" {
		out += " to " + d.Until
	}
	if d.Circa {
		out = "circa " + out
	}
	if out == "" {
		out = d.Text
	}
	return out
}

func identifierText(id entity.Identifier) string {
	out := strings.ReplaceAll(id.Type, "_", " ") + " " + id.Number
	if id.Country != "" {
		out += " (" + id.Country + ")"
	}
	if id.Note != "" {
		out += ", " + id.Note
	}
	return out
}
