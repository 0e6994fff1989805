package quality

import (
	"strings"
	"sync"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/sharedtest"
	"github.com/embargo-screening/embargo/internal/source/un"
)

// The real lists are loaded once for all tests that need them.
var realData struct {
	once      sync.Once
	ents      []entity.Entity
	customers []Query
	err       error
}

func loadReal(t *testing.T) ([]entity.Entity, []Query) {
	t.Helper()
	dir := sharedtest.DataDir(t)
	sharedtest.File(t, UNFile)
	sharedtest.File(t, OFACDir+"/sdn.csv")
	sharedtest.File(t, CustomersFile)
	realData.once.Do(func() {
		realData.ents, realData.err = LoadLists(dir)
		if realData.err == nil {
			realData.customers, realData.err = LoadCustomers(dir)
		}
	})
	if realData.err != nil {
		t.Fatal(realData.err)
	}
	return realData.ents, realData.customers
}

// The harness sees the lists a bank loads: the UN list (1,003 entries)
// and the OFAC SDN list of 2021-07-07 (8,976), and the 20,000 customers.
func TestRealCounts(t *testing.T) {
	ents, customers := loadReal(t)
	byDataset := map[string]int{}
	for _, e := range ents {
		byDataset[e.Dataset]++
	}
	if byDataset[un.Dataset] != 1003 || byDataset["us_ofac_sdn"] != 8976 || len(byDataset) != 2 {
		t.Errorf("entities by dataset: %v", byDataset)
	}
	if len(customers) != 20000 {
		t.Errorf("%d customers", len(customers))
	}
	for _, c := range customers[:3] {
		if c.Name == "" || c.Schema == "" || c.BirthDate == "" || c.Country == "" {
			t.Errorf("customer %+v", c)
		}
	}

	_, cases := OriginalScript(ents)
	count := map[string]int{}
	for _, c := range cases {
		count[c.Kind]++
	}
	if count["original_script_Arab"] != 366 || count["original_script_Cyrl"] != 11 || len(count) != 2 {
		t.Errorf("original-script cases: %v, want 366 Arab and 11 Cyrl", count)
	}
}

// The exact-name matcher on the real sets: the floor an engine must
// beat, and a check of the harness (reorderings found, hidden names not).
//
//	go test -run RealExact -v ./internal/quality/
func TestRealExact(t *testing.T) {
	ents, customers := loadReal(t)
	opt := DefaultOptions()
	rep, err := Measure(ents, customers, exactBuilder, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log("\n" + b.String())
	got := map[string]Metrics{}
	for _, m := range rep.Kinds {
		got[m.Kind] = m
	}
	for _, k := range PerturbationKinds() {
		if got[k].N != opt.PerKind {
			t.Errorf("%s: %d cases, want %d", k, got[k].N, opt.PerKind)
		}
	}
	if got[KindHeldOut].N != opt.PerKind {
		t.Errorf("held out: %d cases", got[KindHeldOut].N)
	}
	if m := got[KindOrder]; m.RecallAt1 != 1 {
		t.Errorf("order: %+v", m)
	}
	for _, k := range []string{KindHeldOut, "original_script_Arab", "original_script_Cyrl"} {
		if m := got[k]; m.RecallAt5 != 0 {
			t.Errorf("%s found by exact names the index does not hold: %+v", k, m)
		}
	}
}

// Another seed draws another sample of names: most names differ.
func TestRealSeeds(t *testing.T) {
	ents, _ := loadReal(t)
	from := func(seed uint64) map[string]bool {
		m := map[string]bool{}
		for _, c := range Perturbations(ents, Options{Seed: seed, PerKind: 200}) {
			m[c.Kind+"\x00"+c.From] = true
		}
		return m
	}
	a, b := from(1), from(2)
	same := 0
	for k := range a {
		if b[k] {
			same++
		}
	}
	if same*2 > len(a) {
		t.Errorf("seeds 1 and 2 share %d of %d sampled names", same, len(a))
	}
}
