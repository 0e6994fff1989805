package dataset

import (
	"os"
	"strings"
	"testing"
)

// The README's table of lists is the registry's.
func TestReadmeTable(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skipf("README.md not found: %v", err)
	}
	if want := MarkdownTable(); !strings.Contains(string(b), want) {
		t.Errorf("README.md's table of lists differs from the registry; replace it with:\n\n%s", want)
	}
}

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range All() {
		if seen[d.Name] {
			t.Errorf("%s registered twice", d.Name)
		}
		seen[d.Name] = true
		if d.Title == "" || d.Authority == "" || d.Formats == "" || d.Licence == "" {
			t.Errorf("%s: incomplete entry %+v", d.Name, d)
		}
		if (len(d.URLs) == 0) != (d.Retired != "") {
			t.Errorf("%s: a live list needs its URLs, a retired one none", d.Name)
		}
		for _, u := range d.URLs {
			if !strings.HasPrefix(u, "https://") {
				t.Errorf("%s: %q is not an https URL", d.Name, u)
			}
		}
	}
	if _, ok := Get(OFACSDN); !ok || Authority(UNSC) != AuthorityUN || Title("my_list") != "my_list" {
		t.Errorf("lookups broken")
	}
}
