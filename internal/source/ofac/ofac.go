// Package ofac reads OFAC's legacy CSV sets: the SDN list (sdn.csv,
// alt.csv, add.csv, sdn_comments.csv) and the consolidated non-SDN list
// (cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv). Both sets
// share one layout, described in OFAC's "SDN data specification": no header
// row, "-0-" for empty values, a DOS end-of-file byte (0x1A) after the last
// line, and most of an entry's details packed into the free-text Remarks
// column, which remarks.go takes apart.
package ofac

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/embargo-screening/embargo/internal/dataset"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
)

// Authority is the publisher named on every entity.
const Authority = "US Treasury OFAC"

// Roles of the files of a set. Only the main file is required: older and
// partial downloads often lack the comments ("spillover") file.
const (
	RoleMain     = "main"
	RoleAlt      = "alt"
	RoleAdd      = "add"
	RoleComments = "comments"
)

// Column counts per role, from the data specification. A row with another
// count means the file is damaged or the layout changed, and either way
// the remarks would be read into the wrong fields.
var columns = map[string]int{RoleMain: 12, RoleAlt: 5, RoleAdd: 6, RoleComments: 2}

// SDNCSV is the SDN list as the legacy CSV set.
var SDNCSV = newFormat("ofac_sdn_csv", dataset.OFACSDN, map[string]string{
	"sdn.csv":          RoleMain,
	"alt.csv":          RoleAlt,
	"add.csv":          RoleAdd,
	"sdn_comments.csv": RoleComments,
})

// ConsCSV is the consolidated non-SDN list as the legacy CSV set; its
// columns are those of the SDN set.
var ConsCSV = newFormat("ofac_cons_csv", dataset.OFACCons, map[string]string{
	"cons_prim.csv":     RoleMain,
	"cons_alt.csv":      RoleAlt,
	"cons_add.csv":      RoleAdd,
	"cons_comments.csv": RoleComments,
})

func newFormat(name, dataset string, files map[string]string) source.Format {
	set := func(base string) (string, bool) {
		role, ok := files[strings.ToLower(filepath.Base(base))]
		return role, ok
	}
	return source.Format{
		Name:    name,
		Dataset: dataset,
		Set:     set,
		Sniff: func(base string, head []byte) bool {
			role, ok := set(base)
			return ok && sniffShape(head, columns[role])
		},
		Parse: func(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
			if in.Dataset == "" {
				in.Dataset = dataset
			}
			return source.Meta{}, parse(ctx, in, emit, nil)
		},
	}
}

// sniffShape checks that the first row looks like a row of the role's
// file: an integer ent_num and the role's column count. The file name has
// already matched, so this only guards against an unrelated file that
// happens to share a name such as alt.csv.
func sniffShape(head []byte, cols int) bool {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	i := bytes.IndexByte(head, ',')
	if i <= 0 {
		return false
	}
	if _, err := strconv.ParseUint(string(head[:i]), 10, 64); err != nil {
		return false
	}
	// The second column is quoted text (a name, or a comment) in the main
	// and comments files and a bare integer in alt.csv and add.csv.
	if cols == columns[RoleMain] || cols == columns[RoleComments] {
		if i+1 >= len(head) || head[i+1] != '"' {
			return false
		}
	}
	line, _, complete := bytes.Cut(head, []byte("\n"))
	if !complete && len(head) >= source.SniffSize {
		return true // a first row longer than the head: its start matched
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimRight(line, "\r\x1a")))
	rec, err := r.Read()
	return err == nil && len(rec) == cols
}

// parse reads a set. st, when not nil, collects remark statistics for
// tests and the coverage report.
func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error, st *remarkStats) error {
	main, ok := mainFile(in)
	if !ok {
		e := &source.Error{Msg: "no main file (sdn.csv or cons_prim.csv) in the input"}
		if len(in.Files) > 0 {
			e.File = in.Files[0].Path
		}
		return e
	}
	side := map[string]map[int][]row{}
	for _, role := range []string{RoleAlt, RoleAdd, RoleComments} {
		f, ok := in.Role(role)
		if !ok {
			continue
		}
		m, err := loadSide(ctx, f, columns[role])
		if err != nil {
			return err
		}
		side[role] = m
	}

	t, err := openTable(main, columns[RoleMain])
	if err != nil {
		return err
	}
	defer t.close()
	for n := 0; ; n++ {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r, err := t.next()
		if err != nil {
			return err
		}
		if r == nil {
			return nil
		}
		e := build(in.Dataset, r, side[RoleAlt][r.id], side[RoleAdd][r.id], side[RoleComments][r.id], st)
		if err := emit(e); err != nil {
			return err
		}
	}
}

// mainFile finds the main file; a lone file without a role is taken as
// the main file, so that a single sdn.csv given alone is enough.
func mainFile(in source.Input) (source.File, bool) {
	if f, ok := in.Role(RoleMain); ok {
		return f, true
	}
	if f, ok := in.Role("sdn"); ok {
		return f, true
	}
	if len(in.Files) == 1 && in.Files[0].Role == "" {
		return in.Files[0], true
	}
	return source.File{}, false
}

// loadSide reads an alt, add or comments file into rows by ent_num. These
// files are a fraction of the main file and OFAC does not promise their
// order, so a map join is both safe and cheap; the main file streams.
func loadSide(ctx context.Context, f source.File, cols int) (map[int][]row, error) {
	t, err := openTable(f, cols)
	if err != nil {
		return nil, err
	}
	defer t.close()
	m := map[int][]row{}
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		r, err := t.next()
		if err != nil {
			return nil, err
		}
		if r == nil {
			return m, nil
		}
		m[r.id] = append(m[r.id], *r)
	}
}

// null reads a value: OFAC writes an empty value as -0-, often with a
// trailing space.
func null(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	return s
}

// build turns an sdn.csv row and its joined rows into an entity.
func build(dataset string, r *row, alts, adds, comments []row, st *remarkStats) *entity.Entity {
	f := r.fields
	typ := null(f[2])
	schema := entity.Organization // -0-: OFAC leaves the type empty for entities
	if typ != "" {
		s, ok := entity.ParseSchema(typ)
		if !ok {
			s = entity.LegalEntity
		}
		schema = s
	}
	e := entity.New(dataset, f[0], schema)
	e.Authority = Authority
	if typ != "" && schema == entity.LegalEntity {
		e.Add("ofacType", typ)
	}
	e.AddName(personName(schema, null(f[1]), entity.Primary))
	for _, p := range strings.Split(null(f[3]), "] [") {
		entity.AddTo(&e.Programs, strings.Trim(p, "[] "))
	}
	title := null(f[4])
	entity.AddTo(&e.Titles, title)

	v := entity.VesselInfo{
		CallSign:     null(f[5]),
		Type:         null(f[6]),
		Tonnage:      null(f[7]),
		GrossTonnage: null(f[8]),
		Owner:        null(f[10]),
	}
	if flag := null(f[9]); flag != "" {
		if v.Flag = normCountry(flag); v.Flag != "" {
			entity.AddTo(&e.Countries, v.Flag)
		} else {
			e.Add("flag", flag) // "None Identified"
		}
	}
	if v != (entity.VesselInfo{}) {
		e.Vessel = &v
	}

	for _, a := range alts {
		addAlt(e, a.fields)
	}
	for _, a := range adds {
		addAddress(e, a.fields)
	}

	remarks := null(f[11])
	for _, c := range comments {
		// The comments file carries the tail of remarks cut at OFAC's
		// 1000-character limit, split mid-word: join without a separator.
		remarks += null(c.fields[1])
	}
	parseRemarks(e, remarks, title, st)

	var raw strings.Builder
	size := len(r.file) + len(r.raw) + 2
	for _, set := range [][]row{alts, adds, comments} {
		for i := range set {
			size += len(set[i].file) + len(set[i].raw) + 3
		}
	}
	raw.Grow(size)
	writeRaw(&raw, r)
	for _, set := range [][]row{alts, adds, comments} {
		for i := range set {
			writeRaw(&raw, &set[i])
		}
	}
	e.Raw = entity.Raw(raw.String())
	return e
}

func writeRaw(b *strings.Builder, r *row) {
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(r.file)
	b.WriteString(": ")
	b.WriteString(r.raw)
}

// personName builds a name; OFAC writes people "FAMILY, Given Middle", so
// the comma splits the family name from the given names.
func personName(schema entity.Schema, full string, kind entity.NameKind) entity.Name {
	n := entity.Name{Full: full, Kind: kind}
	if schema != entity.Person {
		return n
	}
	if fam, given, ok := strings.Cut(full, ","); ok {
		fam, given = entity.CleanSpace(fam), entity.CleanSpace(given)
		if fam != "" && given != "" {
			n.Parts = &entity.NameParts{Family: fam, Given: given}
		}
	}
	return n
}

// addAlt adds an alt.csv row: ent_num, alt_num, alt_type, alt_name,
// alt_remarks.
func addAlt(e *entity.Entity, f []string) {
	name := null(f[3])
	if name == "" {
		return
	}
	kind := entity.Alias
	typ := strings.ToLower(strings.Trim(null(f[2]), ". "))
	switch typ {
	case "fka":
		kind = entity.Former
	case "nka":
		// "now known as": the current name, but OFAC keeps the listed
		// name primary; remember which alias is the newer one.
		e.Add("nowKnownAs", name)
	case "aka", "":
	default:
		e.Add("altType", typ)
	}
	rem := null(f[4])
	if strings.Contains(strings.ToLower(rem), "weak") {
		kind = entity.WeakAlias
	}
	if rem != "" {
		e.Add("aliasRemarks", name+": "+rem)
	}
	e.AddName(personName(e.Schema, name, kind))
}

// addAddress adds an add.csv row: ent_num, add_num, address,
// city/state/postal code, country, add_remarks.
func addAddress(e *entity.Entity, f []string) {
	street, city, ctry, rem := null(f[2]), null(f[3]), null(f[4]), null(f[5])
	if street == "" && city == "" && ctry == "" {
		if rem != "" {
			e.Add("addressRemarks", rem)
		}
		return
	}
	var full []string
	for _, p := range []string{street, city, ctry} {
		if p != "" {
			full = append(full, p)
		}
	}
	a := entity.Address{Full: strings.Join(full, ", "), Street: street, City: city}
	if region, ok := strings.CutPrefix(ctry, "Region: "); ok {
		// OFAC names regions without a country of their own ("Region:
		// Crimea", "Region: Kafia Kingi") in the country column.
		a.Region = strings.TrimSpace(region)
	} else if ctry != "" {
		a.Country = normCountry(ctry)
		entity.AddTo(&e.Countries, a.Country)
	}
	if !slices.Contains(e.Addresses, a) {
		e.Addresses = append(e.Addresses, a)
	}
	if rem != "" {
		e.Add("addressRemarks", rem)
	}
}
