package match

import (
	"encoding/json"
	"fmt"

	"github.com/embargo-screening/embargo/internal/names"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/quality"
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
	if os.Getenv("DEBUGLATIN") != "" {
		vals := make([]entity.Entity, len(ents))
		for i, e := range ents {
			vals[i] = *e
		}
		latin, _ := quality.OriginalScript(vals)
		ents = nil
		for i := range latin {
			ents = append(ents, &latin[i])
		}
	}
	ix := Build(ents)
	for _, q := range strings.Split(qs, "|") {
		qq := Query{Name: q, Schema: "Person"}
		if d := os.Getenv("DEBUGDS"); d != "" {
			qq.Datasets = []string{d}
		}
		ms, err := ix.Search(qq, Options{Limit: 4})
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

func TestZZHeld(t *testing.T) {
	if os.Getenv("DEBUGHELD") == "" {
		t.Skip()
	}
	ents, _ := realLists(t)
	vals := make([]entity.Entity, len(ents))
	for i, e := range ents {
		vals[i] = *e
	}
	idx, cases := quality.HeldOutAliases(vals, quality.DefaultOptions())
	var ptrs []*entity.Entity
	byID := map[string]*entity.Entity{}
	for i := range idx {
		ptrs = append(ptrs, &idx[i])
		byID[idx[i].ID] = &idx[i]
	}
	ix := Build(ptrs)
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, tk := range names.Analyze(s) {
			if tk.Class == names.Word {
				m[tk.Text] = true
			}
		}
		return m
	}
	buckets := map[string][2]int{}
	for _, c := range cases {
		ms, _ := ix.Search(toQuery(c.Query), Options{Limit: 5})
		found := false
		for _, m := range ms {
			found = found || m.EntityID == c.Want
		}
		qw := words(c.Query.Name)
		best := 0.0
		e := byID[c.Want]
		for _, n := range e.Names {
			lw := words(n.Full)
			k := 0
			for w := range qw {
				if lw[w] {
					k++
				}
			}
			if len(qw) > 0 {
				best = max(best, float64(k)/float64(len(qw)))
			}
		}
		b := "none"
		switch {
		case best >= 0.999:
			b = "all"
		case best >= 0.5:
			b = "half+"
		case best > 0:
			b = "some"
		}
		x := buckets[b]
		x[1]++
		if found {
			x[0]++
		} else if b == "all" || b == "half+" {
			top := ""
			if len(ms) > 0 {
				top = fmt.Sprintf("%s %.3f [%s]", ms[0].EntityID, ms[0].Score, ms[0].MatchedName)
			}
			var ns []string
			for _, n := range e.Names {
				ns = append(ns, n.Full)
			}
			t.Logf("MISS %s %q want %s %v; top %s", b, c.Query.Name, c.Want, ns, top)
		}
		buckets[b] = x
	}
	t.Logf("%v", buckets)
}
