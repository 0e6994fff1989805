package ofac

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/sharedtest"
	"github.com/embargo-screening/embargo/internal/source"
)

// realInput builds the input for a reference release folder, the way
// the importer does: roles from Set.
func realInput(tb testing.TB, release string) source.Input {
	tb.Helper()
	var in source.Input
	for _, name := range []string{"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"} {
		p := sharedtest.File(tb, "ofac/"+release+"/"+name)
		role, ok := SDNCSV.Set(name)
		if !ok {
			tb.Fatalf("Set(%q) not in the set", name)
		}
		f := source.OSFile(p)
		f.Role = role
		in.Files = append(in.Files, f)
	}
	return in
}

// realStats are the figures the coverage report gives.
type realStats struct {
	entities                                           int
	dobs, dobText, passports, crypto, weak, linked, id int
	remarks                                            remarkStats
	schemas                                            map[entity.Schema]int
	unknownCountries                                   map[string]int
}

func parseReal(tb testing.TB, release string) (map[string]*entity.Entity, realStats) {
	tb.Helper()
	in := realInput(tb, release)
	in.Dataset = SDNCSV.Dataset
	st := realStats{schemas: map[entity.Schema]int{}, unknownCountries: map[string]int{}}
	byID := map[string]*entity.Entity{}
	err := parse(context.Background(), in, func(e *entity.Entity) error {
		if _, dup := byID[e.ID]; dup {
			tb.Errorf("duplicate entity %s", e.ID)
		}
		byID[e.ID] = e
		st.entities++
		st.schemas[e.Schema]++
		st.dobs += len(e.BirthDates)
		for _, d := range e.BirthDates {
			if d.Value == "" {
				st.dobText++
			}
		}
		for _, id := range e.Identifiers {
			st.id++
			switch id.Type {
			case entity.IDPassport:
				st.passports++
			case entity.IDCrypto:
				st.crypto++
			}
		}
		for _, n := range e.Names {
			if n.Kind == entity.WeakAlias {
				st.weak++
			}
		}
		st.linked += len(e.LinkedTo)
		for _, list := range [][]string{e.Nationalities, e.Citizenships, e.Countries} {
			for _, c := range list {
				if len(c) != 2 {
					st.unknownCountries[c]++
				}
			}
		}
		return nil
	}, &st.remarks)
	if err != nil {
		tb.Fatal(err)
	}
	return byID, st
}

func (st realStats) report() string {
	var b strings.Builder
	r := st.remarks
	fmt.Fprintf(&b, "entities %d %v\n", st.entities, st.schemas)
	fmt.Fprintf(&b, "remark items %d, recognized %d (%.2f%%), left in Remarks %d\n",
		r.Items, r.Recognized, 100*float64(r.Recognized)/float64(max(r.Items, 1)), r.Items-r.Recognized)
	fmt.Fprintf(&b, "DOBs %d (unparsed %d), identifiers %d, passports %d, crypto %d, weak aliases %d, linked-to %d\n",
		st.dobs, st.dobText, st.id, st.passports, st.crypto, st.weak, st.linked)
	type kv struct {
		k string
		v int
	}
	var top []kv
	for k, v := range r.Unrecognized {
		top = append(top, kv{k, v})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v || top[i].v == top[j].v && top[i].k < top[j].k })
	b.WriteString("most frequent unrecognized item prefixes:\n")
	for i, t := range top {
		if i == 40 {
			break
		}
		fmt.Fprintf(&b, "  %4d %s\n", t.v, t.k)
	}
	b.WriteString("country values not resolved to ISO codes: ")
	fmt.Fprintln(&b, st.unknownCountries)
	return b.String()
}

func TestRealFiles(t *testing.T) {
	type want struct {
		release  string
		entities int
		conArms  bool
	}
	for _, w := range []want{{"2019-01-15", 7379, false}, {"2021-07-07", 8976, true}} {
		t.Run(w.release, func(t *testing.T) {
			for _, f := range realInput(t, w.release).Files {
				head, err := readHead(f.Path)
				if err != nil {
					t.Fatal(err)
				}
				if !SDNCSV.Sniff(filepath.Base(f.Path), head) || ConsCSV.Sniff(filepath.Base(f.Path), head) {
					t.Errorf("Sniff(%s) wrong", f.Path)
				}
			}
			byID, st := parseReal(t, w.release)
			t.Log("\n" + st.report())
			if st.entities != w.entities {
				t.Errorf("got %d entities, want %d", st.entities, w.entities)
			}
			for _, id := range []string{"us_ofac_sdn:10392", "us_ofac_sdn:22790"} {
				e := byID[id]
				if e == nil {
					t.Fatalf("%s missing", id)
				}
				if got := slices.Contains(e.Programs, "IRAN-CON-ARMS-EO"); got != w.conArms {
					t.Errorf("%s programs %v: IRAN-CON-ARMS-EO present %v, want %v", id, e.Programs, got, w.conArms)
				}
			}
			maduro := byID["us_ofac_sdn:22790"]
			if maduro.Schema != entity.Person || maduro.Caption() != "MADURO MOROS, Nicolas" ||
				len(maduro.BirthDates) != 1 || maduro.BirthDates[0].Value != "1962-11-23" ||
				maduro.Gender != "male" || !slices.Contains(maduro.Citizenships, "VE") {
				t.Errorf("Maduro: %+v", maduro)
			}
			if p := maduro.Names[0].Parts; p == nil || p.Family != "MADURO MOROS" || p.Given != "Nicolas" {
				t.Errorf("Maduro name parts %+v", p)
			}
			// The comments file completes remarks cut at 1000 characters.
			e := byID["us_ofac_sdn:12300"]
			if !slices.Contains(e.LinkedTo, "PROMO RAIZ S.A.S.") || !slices.Contains(e.LinkedTo, "R D I S.A.") {
				t.Errorf("12300 linked to %q", e.LinkedTo)
			}
			if !strings.Contains(string(e.Raw), "\nsdn_comments.csv: 12300,") {
				t.Errorf("12300 raw lacks its comment row")
			}
			if r := st.remarks; float64(r.Recognized) < 0.97*float64(r.Items) {
				t.Errorf("remark recognition %d of %d", r.Recognized, r.Items)
			}
		})
	}
}

func BenchmarkParseSDN2021(b *testing.B) {
	in := realInput(b, "2021-07-07")
	size := int64(0)
	for _, f := range in.Files {
		if st, err := filepathSize(f.Path); err == nil {
			size += st
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		_, err := SDNCSV.Parse(context.Background(), in, func(*entity.Entity) error { n++; return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "entities/s")
}

func filepathSize(p string) (int64, error) {
	st, err := os.Stat(filepath.Clean(p))
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

func readHead(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, source.SniffSize)
	n, err := io.ReadFull(f, head)
	if err == io.ErrUnexpectedEOF {
		err = nil
	}
	return head[:n], err
}
