package un

import (
	"regexp"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
)

// reEnum finds the "b) " enumerators the list sometimes leaves inside a
// ';'-separated alias list ("Mohammad Sabet b) M. Javad Kareemi Sabet").
var reEnum = regexp.MustCompile(`(?:^|\s+)[a-z]\)\s+`)

// reOrigScript is the "(original script)" tag that follows a name in some
// alias lists.
var reOrigScript = regexp.MustCompile(`(?i)\s*\(\s*original script\s*\)$`)

// splitNames turns one ALIAS_NAME (or NAME_ORIGINAL_SCRIPT) value into the
// names it holds. The UN packs several names into one field in a few
// patterns, which are matched separately because a screening engine must
// see each spelling on its own:
//
//	"Azim Adhajani; Azim Agha-Jani"                    -> 2 names
//	"حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)"      -> 4 names
//	"Jin Tiesan (金铁三)"                                -> 2 names (two scripts)
//	"Amir Khazmat (original script: Амир Хазмат)"      -> 2 names
//
// A bracket that is part of a name in one script ("General Department of
// Atomic Energy (GDAE)") is left alone.
func splitNames(value string) []string {
	v := strings.TrimRight(clean(value), " ,;")
	if v == "" {
		return nil
	}
	var pieces []string
	if strings.Contains(v, ";") {
		if head, inner, ok := trailingGroup(v); ok && strings.Contains(inner, ";") {
			pieces = append(pieces, head)
			v = inner
		}
		for _, p := range strings.Split(v, ";") {
			pieces = append(pieces, reEnum.Split(p, -1)...)
		}
	} else {
		pieces = []string{v}
	}
	var out []string
	for _, p := range pieces {
		p = reOrigScript.ReplaceAllString(clean(p), "")
		for _, n := range splitScripts(p) {
			if n = strings.Trim(clean(n), " ,;"); n != "" && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// splitScripts splits "name (same name in another script)" and
// "name (original script: ...)" into two names.
func splitScripts(p string) []string {
	head, inner, ok := trailingGroup(p)
	if !ok {
		return []string{p}
	}
	if rest, found := cutPrefixFold(strings.TrimSpace(inner), "original script:"); found {
		return []string{head, rest}
	}
	hs, is := entity.DetectScript(head), entity.DetectScript(inner)
	if hs != "" && is != "" && hs != "Zyyy" && is != "Zyyy" && hs != is {
		return []string{head, inner}
	}
	return []string{p}
}

// trailingGroup splits "head (inner)" at the bracket matching the final
// one, allowing brackets nested inside inner.
func trailingGroup(s string) (head, inner string, ok bool) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				head = strings.TrimSpace(s[:i])
				if head == "" {
					return "", "", false
				}
				return head, s[i+1 : len(s)-1], true
			}
		}
	}
	return "", "", false
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return strings.TrimSpace(s[len(prefix):]), true
	}
	return s, false
}
