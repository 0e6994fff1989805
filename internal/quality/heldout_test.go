package quality

import (
	"reflect"
	"slices"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
)

// Each chosen entity loses exactly the one name its case queries; the
// others are indexed as they are, and the caller's entities are not
// touched.
func TestHeldOutAliases(t *testing.T) {
	ents := invented()
	// a second listing of p2's alias: that alias may not be held out
	dup := *entity.New("other", "p2b", entity.Person)
	dup.Names = []entity.Name{{Full: "SERGEYEV, Dmitriy", Kind: entity.Primary, Script: "Latn"}, {Full: "D. Sergeyev", Kind: entity.Alias, Script: "Latn"}}
	ents = append(ents, dup)
	before := cloneAll(ents)

	index, cases := HeldOutAliases(ents, Options{Seed: 3, PerKind: 100})
	if !reflect.DeepEqual(ents, before) {
		t.Fatal("HeldOutAliases changed its input")
	}
	if len(index) != len(ents) {
		t.Fatalf("index has %d entities, want %d", len(index), len(ents))
	}
	held := map[string]Case{}
	for _, c := range cases {
		if c.Kind != KindHeldOut || c.Query.Name != c.From || c.Query.Schema == "" {
			t.Errorf("case %+v", c)
		}
		if _, dup := held[c.Want]; dup {
			t.Errorf("%s held out twice", c.Want)
		}
		held[c.Want] = c
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for i, e := range index {
		orig := ents[i]
		c, ok := held[e.ID]
		if !ok {
			if !reflect.DeepEqual(e, orig) {
				t.Errorf("%s changed without a case", e.ID)
			}
			continue
		}
		if len(e.Names) != len(orig.Names)-1 {
			t.Errorf("%s: %d names, had %d", e.ID, len(e.Names), len(orig.Names))
		}
		if slices.ContainsFunc(e.Names, func(n entity.Name) bool { return Fold(n.Full) == Fold(c.From) }) {
			t.Errorf("%s still has %q", e.ID, c.From)
		}
		k := slices.IndexFunc(orig.Names, func(n entity.Name) bool { return n.Full == c.From })
		if k < 0 || orig.Names[k].Kind == entity.Primary || string(orig.Names[k].Kind) != c.Detail {
			t.Errorf("%s: held out %q (%s)", e.ID, c.From, c.Detail)
		}
		if e.Schema != entity.Person && e.Schema != entity.Organization {
			t.Errorf("case from a %s", e.Schema)
		}
	}
	for _, c := range cases {
		switch c.From {
		case "Dmitriy Sergeyev", "BFL":
			// folds like another listing's name; too short
			t.Errorf("held out %q", c.From)
		}
	}
	if _, c := HeldOutAliases(ents, Options{Seed: 3, PerKind: 2}); len(c) != 2 {
		t.Errorf("PerKind 2: %d cases", len(c))
	}
}

func cloneAll(ents []entity.Entity) []entity.Entity {
	out := slices.Clone(ents)
	for i := range out {
		out[i].Names = slices.Clone(out[i].Names)
	}
	return out
}

// The original-script names are the UN's own (NAME_ORIGINAL_SCRIPT), and
// the index keeps only Latin names.
func TestOriginalScript(t *testing.T) {
	ents := invented()
	before := cloneAll(ents)
	index, cases := OriginalScript(ents)
	if !reflect.DeepEqual(ents, before) {
		t.Fatal("OriginalScript changed its input")
	}
	want := []Case{
		{Kind: "original_script_Arab", Detail: "Arab", Want: "un_sc_sanctions:QDi.900", From: "عبد السلام حامد",
			Query: Query{Name: "عبد السلام حامد", Schema: "Person"}},
		{Kind: "original_script_Cyrl", Detail: "Cyrl", Want: "un_sc_sanctions:QDi.901", From: "Руслан Умарович Тарханов",
			Query: Query{Name: "Руслан Умарович Тарханов", Schema: "Person"}},
	}
	if !reflect.DeepEqual(cases, want) {
		t.Errorf("cases\n got %+v\nwant %+v", cases, want)
	}
	if len(index) != len(ents) {
		t.Errorf("index: %d entities", len(index))
	}
	for _, e := range index {
		for _, n := range e.Names {
			if n.Script != "Latn" {
				t.Errorf("%s keeps %q", e.ID, n.Full)
			}
		}
	}
}
