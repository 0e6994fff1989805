package party_test

import (
	"os"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/party"
	"github.com/embargo-screening/embargo/internal/quality"
	"github.com/embargo-screening/embargo/internal/sharedtest"
)

// TestRealLists links the UN list with OFAC 2021 and prints how many
// listings were linked, by which evidence; PARTY_LINKS=1 prints them all
// for review.
func TestRealLists(t *testing.T) {
	if testing.Short() {
		t.Skip("real lists skipped in -short mode")
	}
	vals, err := quality.LoadLists(sharedtest.DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	ents := make([]*entity.Entity, len(vals))
	byID := map[string]*entity.Entity{}
	for i := range vals {
		ents[i] = &vals[i]
		byID[vals[i].ID] = &vals[i]
	}
	links := party.Find(ents)
	// Links go both ways and never within a dataset.
	index := map[string]int{}
	for i, e := range ents {
		index[e.ID] = i
	}
	for i, ls := range links {
		for _, l := range ls {
			j, ok := index[l.ID]
			if !ok || ents[j].Dataset == ents[i].Dataset {
				t.Errorf("%s → %s: unknown or same dataset", ents[i].ID, l.ID)
				continue
			}
			back := false
			for _, m := range links[j] {
				back = back || m.ID == ents[i].ID && m.By == l.By
			}
			if !back {
				t.Errorf("%s → %s (%s) has no link back", ents[i].ID, l.ID, l.By)
			}
		}
	}
	by := map[string]int{}
	linked := map[string]int{}
	for i, ls := range links {
		if len(ls) > 0 {
			linked[ents[i].Dataset]++
		}
		for _, l := range ls {
			if ents[i].ID < l.ID {
				kind := l.By
				if len(kind) > 10 && kind[:10] == "identifier" {
					kind = "identifier"
				} else if len(kind) > 10 && kind[:10] == "birth date" {
					kind = "birth date and name"
				} else if len(kind) > 10 && kind[:10] == "birth year" {
					kind = "birth year and name"
				}
				by[kind]++
				if os.Getenv("PARTY_LINKS") != "" {
					t.Logf("%s %q = %s %q (%s)", ents[i].ID, ents[i].Caption(), l.ID, byID[l.ID].Caption(), l.By)
				}
			}
		}
	}
	t.Logf("listings linked: %v; pairs by evidence: %v", linked, by)
	if linked["un_sc_sanctions"] < 300 {
		t.Errorf("%d UN listings linked to OFAC's, want at least 300 (most UN designations are on the SDN list)", linked["un_sc_sanctions"])
	}
}
