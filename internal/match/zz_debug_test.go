package match

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	qs := os.Getenv("DEBUGQ")
	if qs == "" {
		t.Skip()
	}
	ents, _ := realLists(t)
	ix := Build(ents)
	for _, q := range strings.Split(qs, "|") {
		ms, err := ix.Search(Query{Name: q, Schema: "Person"}, Options{Limit: 4})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("== %s", q)
		for _, m := range ms {
			b, _ := json.Marshal(m.Explanation)
			t.Logf("%.4f %s %s [%s]\n%s", m.Score, m.EntityID, m.Name, m.MatchedName, b)
		}
	}
}

func TestZZSegCount(t *testing.T) {
	if os.Getenv("DEBUGSEG") == "" {
		t.Skip()
	}
	ents, cust := realLists(t)
	ix := Build(ents)
	n, pieces := 0, 0
	for _, c := range cust {
		for _, tok := range strings.Fields(strings.ToLower(c.Name)) {
			if _, ok := ix.byText[tok]; ok {
				continue
			}
			var p [maxPieces]uint32
			if k := ix.segment(tok, &p); k > 0 {
				n++
				pieces += k
				if n < 30 {
					var ss []string
					for _, id := range p[:k] {
						ss = append(ss, ix.toks[id].Text)
					}
					t.Logf("%s -> %v", tok, ss)
				}
			}
		}
	}
	t.Logf("%d customers, %d tokens segmented, %d pieces", len(cust), n, pieces)
}
