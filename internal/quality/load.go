package quality

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/formats"
)

// The files under the data folder the harness reads: the lists a bank
// would load today (the current UN list and the later OFAC release) and
// the clean customer portfolio.
const (
	UNFile        = "un/consolidated-2026-02-27.xml"
	OFACDir       = "ofac/2021-07-07"
	CustomersFile = "customers-dev-20k.csv"
)

// LoadLists parses the UN file and the OFAC 2021-07-07 set under dataDir,
// through the same planning and parsers the import uses, so the harness
// sees the entities the engine will index. Order is file order: UN first.
func LoadLists(dataDir string) ([]entity.Entity, error) {
	paths := []string{filepath.Join(dataDir, filepath.FromSlash(UNFile)), filepath.Join(dataDir, filepath.FromSlash(OFACDir))}
	jobs, err := source.Plan(paths, formats.All(), "")
	if err != nil {
		return nil, err
	}
	var ents []entity.Entity
	for _, j := range jobs {
		_, err := j.Format.Parse(context.Background(), j.Input, func(e *entity.Entity) error {
			ents = append(ents, *e)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return ents, nil
}

// LoadCustomers reads the synthetic customer file as queries. It is the
// clean population: none is meant to be a listed party, so whatever they
// score is the alert noise a threshold must keep down.
func LoadCustomers(dataDir string) ([]Query, error) {
	path := filepath.Join(dataDir, CustomersFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"name", "schema", "birth_date", "country"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: no %q column in header %v", path, need, head)
		}
	}
	get := func(rec []string, name string) string {
		if i := col[name]; i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []Query
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		q := Query{Name: get(rec, "name"), Schema: get(rec, "schema"), BirthDate: get(rec, "birth_date"), Country: get(rec, "country")}
		if q.Name == "" {
			line, _ := r.FieldPos(0)
			return nil, fmt.Errorf("%s:%d: customer without a name", path, line)
		}
		out = append(out, q)
	}
	return slices.Clip(out), nil
}
