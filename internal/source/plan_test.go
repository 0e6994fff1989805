package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
)

func noParse(context.Context, Input, func(*entity.Entity) error) (Meta, error) { return Meta{}, nil }

// Formats shaped like the real ones: an XML list, a CSV set, a generic format.
var planFormats = []Format{
	{Name: "xml_list", Dataset: "xml_ds", Parse: noParse,
		Sniff: func(name string, head []byte) bool { return strings.Contains(string(head), "<LIST") }},
	{Name: "csv_set", Dataset: "set_ds", Parse: noParse,
		Set: func(name string) (string, bool) {
			role, ok := map[string]string{"main.csv": "main", "alt.csv": "alt", "notes.csv": "comments"}[strings.ToLower(name)]
			return role, ok
		},
		Sniff: func(name string, head []byte) bool { return strings.HasPrefix(string(head), "1,") }},
	{Name: "generic", Parse: noParse,
		Sniff: func(name string, head []byte) bool { return strings.HasPrefix(string(head), "{") }},
}

func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestPlan(t *testing.T) {
	dir := tree(t, map[string]string{
		"a/2019-01-15/main.csv":  "1,x\n",
		"a/2019-01-15/alt.csv":   "1,y\n",
		"a/2019-01-15/notes.csv": "1,z\n",
		"a/2021-07-07/alt.csv":   "1,y\n",
		"a/2021-07-07/main.csv":  "1,x\n",
		"b/list.xml":             "<?xml?><LIST>",
		"b/.hidden":              "ignored",
		"c/data.json":            "{}\n",
	})
	jobs, err := Plan([]string{dir}, planFormats, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, j := range jobs {
		var roles []string
		for _, f := range j.Input.Files {
			roles = append(roles, f.Role)
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(j.Input.Files[0].Path))
		got = append(got, filepath.ToSlash(rel)+" "+j.Format.Name+" "+j.Input.Dataset+" "+strings.Join(roles, ","))
	}
	want := []string{
		"a/2019-01-15 csv_set set_ds main,alt,comments",
		"a/2021-07-07 csv_set set_ds main,alt",
		"b xml_list xml_ds ",
		"c generic  ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("jobs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// --source names the dataset, whatever the format's own.
	jobs, err = Plan([]string{filepath.Join(dir, "b", "list.xml"), filepath.Join(dir, "c")}, planFormats, "mine")
	if err != nil || jobs[0].Input.Dataset != "mine" || jobs[1].Input.Dataset != "mine" {
		t.Fatalf("with --source: %+v, %v", jobs, err)
	}
}

func TestPlanErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"unknown format", map[string]string{"x/readme.txt": "hello"}, "readme.txt:1: unknown format"},
		{"set without main", map[string]string{"x/alt.csv": "1,y\n"}, "has no main file"},
		{"empty file", map[string]string{"x/list.xml": ""}, "list.xml: empty file"},
		{"empty folder", map[string]string{"x/.keep": ""}, "no files to import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tree(t, tt.files)
			_, err := Plan([]string{filepath.Join(dir, "x")}, planFormats, "")
			var se *Error
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want *Error containing %q", err, tt.want)
			}
		})
	}
	if _, err := Plan([]string{"/no/such/path"}, planFormats, ""); err == nil || !strings.Contains(err.Error(), "/no/such/path: cannot read") {
		t.Fatalf("missing path: %v", err)
	}
}
