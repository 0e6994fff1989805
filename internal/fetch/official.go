package fetch

import (
	"fmt"
	"github.com/embargo-screening/embargo/internal/dataset"
	"net/url"
	"strings"
)

// Source is one dataset's official publication: one or more files fetched
// together (OFAC's legacy CSV set is sdn.csv, alt.csv, add.csv,
// sdn_comments.csv) that form one import. Each dataset has at most one
// Source: its cached files and validators live in a folder named after it.
type Source struct {
	Dataset string
	URLs    []string
}

// Official returns the sources at the official URLs of the dataset
// registry (SPEC section 2). OpenSanctions is not among them: the SPEC
// leaves its files to the user; retired lists have no live URL.
func Official() []Source {
	var out []Source
	for _, d := range dataset.All() {
		if len(d.URLs) > 0 {
			out = append(out, Source{Dataset: d.Name, URLs: d.URLs})
		}
	}
	return out
}

// fileNames gives each URL of a source the file name it is kept under.
// The official names matter: OFAC's set is grouped, and its roles told
// apart, by file name.
func fileNames(src Source) ([]string, error) {
	if src.Dataset == "" {
		return nil, fmt.Errorf("a source without a dataset name (URLs %s)", strings.Join(src.URLs, ", "))
	}
	if len(src.URLs) == 0 {
		return nil, fmt.Errorf("%s: the source has no URLs", src.Dataset)
	}
	names := make([]string, len(src.URLs))
	seen := map[string]string{}
	for i, raw := range src.URLs {
		name, err := fileName(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", src.Dataset, err)
		}
		if other, ok := seen[strings.ToLower(name)]; ok {
			return nil, fmt.Errorf("%s: %s and %s would both be saved as %q: give each file of a source its own name", src.Dataset, other, raw, name)
		}
		seen[strings.ToLower(name)] = raw
		names[i] = name
	}
	return names, nil
}

// fileName is the last segment of the URL's path; a bare segment without
// an extension, such as the EU's ".../xmlFullSanctionsList_1_1/content",
// is replaced by its parent, which says more. Formats are recognized by
// content, so the extension is not needed.
func fileName(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%q is not a URL: %v", raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an http or https URL", raw)
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	name := segs[len(segs)-1]
	if !strings.Contains(name, ".") && len(segs) > 1 {
		name = segs[len(segs)-2]
	}
	if name = safeName(name); name == "" {
		name = "download"
	}
	return name, nil
}

// safeName keeps a name usable as a file name anywhere, and never hidden
// (hidden files are the updater's own bookkeeping).
func safeName(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_':
		default:
			b[i] = '_'
		}
	}
	return strings.TrimLeft(string(b), ".")
}
