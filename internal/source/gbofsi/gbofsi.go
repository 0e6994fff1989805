// Package gbofsi parses the legacy OFSI Consolidated List of Financial
// Sanctions Targets in CSV (ConList.csv), published by HM Treasury until
// 28 January 2026 and kept for replaying history.
//
// The first line is a banner ("Last Updated,DD/MM/YYYY"), the second the
// header. Each row is one name of a target; the rows of one target share
// a Group ID. Columns are read by header name, so that the column order
// may change. Cells listing several values number them: "(1) ... (2) ...".
//
// Grouping: the rows of a group are normally adjacent but need not be, so
// the file is read twice. The first pass checks every row and counts the
// rows of each group; the second builds each entity and emits it once its
// last row is read. Memory holds the counts and the groups still open,
// not the file, and a broken file is rejected before anything is emitted.
// Entities come in file order of their last row, which is file order when
// groups are adjacent.
package gbofsi

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/dataset"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
)

const (
	datasetName = dataset.UKOFSI
	authority   = "UK HM Treasury (OFSI)"
)

// Format is the OFSI Consolidated List CSV format.
var Format = source.Format{
	Name:    "gb_ofsi_csv",
	Dataset: datasetName,
	Sniff:   sniff,
	Parse:   parse,
}

var reDate = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{4}$`)

// sniff accepts the "Last Updated,<date>" banner, or a header with the
// Group ID, Name 6 and Group Type columns. Whole cells are compared: the
// FCDO's own CSV has "OFSI Group ID" and no "Group Type".
func sniff(_ string, head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(line))
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	cells, err := r.Read()
	if err != nil {
		return false
	}
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	if len(cells) >= 2 && cells[0] == "Last Updated" && reDate.MatchString(cells[1]) {
		for _, c := range cells[2:] {
			if c != "" {
				return false
			}
		}
		return true
	}
	return slices.Contains(cells, "Group ID") && slices.Contains(cells, "Name 6") && slices.Contains(cells, "Group Type")
}

// sheet is the header of a file: where each column is.
type sheet struct {
	path  string
	names []string       // header cells as written
	index map[string]int // lower-case name -> column
	width int            // columns up to the last named one
	group int            // the Group ID column
}

func (s *sheet) get(row []string, col string) string {
	i, ok := s.index[col]
	if !ok || i >= len(row) {
		return ""
	}
	return entity.CleanSpace(row[i])
}

// row is one record with its line number.
type row struct {
	line  int
	cells []string
}

// scan reads the file, checking each row, and calls fn for each data row.
func scan(ctx context.Context, f source.File, fn func(*sheet, row) error) (source.Meta, error) {
	var meta source.Meta
	rc, err := f.Open()
	if err != nil {
		return meta, err
	}
	defer rc.Close()
	r := csv.NewReader(source.CheckUTF8(rc, f.Path))
	r.FieldsPerRecord = -1

	first, err := r.Read()
	if err == io.EOF {
		return meta, source.Errorf(f.Path, 1, "", "the file is empty: expected the OFSI Consolidated List CSV")
	}
	if err != nil {
		return meta, source.CSVError(f.Path, err)
	}
	header := first
	line, _ := r.FieldPos(0)
	if strings.TrimSpace(first[0]) == "Last Updated" && !slices.Contains(trimAll(first), "Group ID") {
		if len(first) > 1 {
			meta.Published = ukDate(first[1]).Value
		}
		if header, err = r.Read(); err != nil {
			if err == io.EOF {
				return meta, source.Errorf(f.Path, line+1, "", "the file ends after the banner: no header line")
			}
			return meta, source.CSVError(f.Path, err)
		}
		line, _ = r.FieldPos(0)
	}
	s := &sheet{path: f.Path, names: header, index: map[string]int{}}
	for i, h := range header {
		k := strings.ToLower(entity.CleanSpace(h))
		if k == "" {
			continue
		}
		s.width = i + 1
		if _, dup := s.index[k]; !dup {
			s.index[k] = i
		}
	}
	g, ok := s.index["group id"]
	if !ok {
		return meta, source.Errorf(f.Path, line, "", "the header has no Group ID column: not the OFSI Consolidated List CSV")
	}
	s.group = g

	for {
		if err := ctx.Err(); err != nil {
			return meta, err
		}
		cells, err := r.Read()
		if err == io.EOF {
			return meta, nil
		}
		if err != nil {
			return meta, source.CSVError(f.Path, err)
		}
		line, _ := r.FieldPos(0)
		if !s.fits(cells) {
			return meta, source.Errorf(f.Path, line, "", "the row has %d fields, the header %d", len(cells), len(header))
		}
		if s.get(cells, "group id") == "" {
			return meta, source.Errorf(f.Path, line, "Group ID", "the row has no Group ID")
		}
		if err := fn(s, row{line: line, cells: cells}); err != nil {
			return meta, err
		}
	}
}

// fits reports whether a row has the header's columns. A trailing comma
// on either the header or the rows is tolerated, but not missing cells or
// extra cells with content.
func (s *sheet) fits(cells []string) bool {
	n := len(cells)
	if n < s.width {
		return false
	}
	if n <= len(s.names) {
		return true
	}
	for _, c := range cells[len(s.names):] {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func trimAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

// group is the rows of one target read so far.
type group struct {
	id   string
	rows []row
}

func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
	f, err := in.Single("the OFSI Consolidated List CSV")
	if err != nil {
		return source.Meta{}, err
	}
	ds := in.Dataset
	if ds == "" {
		ds = datasetName
	}
	remaining := map[string]int{}
	meta, err := scan(ctx, f, func(s *sheet, r row) error {
		remaining[s.get(r.cells, "group id")]++
		return nil
	})
	if err != nil {
		return meta, err
	}

	open := map[string]*group{}
	var order []string // groups in first-seen order, for any left open
	var sh *sheet
	_, err = scan(ctx, f, func(s *sheet, r row) error {
		sh = s
		id := s.get(r.cells, "group id")
		g := open[id]
		if g == nil {
			g = &group{id: id}
			open[id] = g
			order = append(order, id)
		}
		g.rows = append(g.rows, r)
		if remaining[id]--; remaining[id] > 0 {
			return nil
		}
		delete(open, id)
		return emit(s.entity(ds, g))
	})
	if err != nil {
		return meta, err
	}
	// Only a file that changed between the passes leaves groups open.
	for _, id := range order {
		if g, ok := open[id]; ok {
			if err := emit(sh.entity(ds, g)); err != nil {
				return meta, err
			}
		}
	}
	return meta, nil
}

// known lists the columns entity maps; any other column is kept in
// Properties under its header name.
var known = map[string]bool{
	"name 1": true, "name 2": true, "name 3": true, "name 4": true, "name 5": true, "name 6": true,
	"title": true, "name non-latin script": true, "non-latin script type": true, "non-latin script language": true,
	"dob": true, "town of birth": true, "country of birth": true, "nationality": true,
	"passport number": true, "passport details": true,
	"national identification number": true, "national identification details": true,
	"position": true, "address 1": true, "address 2": true, "address 3": true, "address 4": true,
	"address 5": true, "address 6": true, "post/zip code": true, "country": true,
	"other information": true, "group type": true, "alias type": true, "alias quality": true,
	"regime": true, "listed on": true, "uk sanctions list date designated": true,
	"last updated": true, "group id": true,
}

var (
	reUKRef  = regexp.MustCompile(`\(UK Sanctions List Ref\)\s*:\s*([A-Z]{2,4}\d{3,5})`)
	reUNRef  = regexp.MustCompile(`\(UN Ref\)\s*:\s*([A-Za-z]{3}\.\d{3,4})`)
	reGender = regexp.MustCompile(`\(Gender\)\s*:\s*(Male|Female)\b`)
	reIMO    = regexp.MustCompile(`(?i)\bIMO(?:\s+(?:number|no\.?))?[\s:.]*(\d{7})\b`)
)

// entity builds a target from its rows.
func (s *sheet) entity(ds string, g *group) *entity.Entity {
	first := g.rows[0].cells
	typ := s.get(first, "group type")
	schema, ok := entity.ParseSchema(typ)
	if !ok {
		schema = entity.LegalEntity
	}
	e := entity.New(ds, g.id, schema)
	e.Authority = authority
	if !ok {
		e.Add("groupType", typ)
	}
	var raw strings.Builder
	w := csv.NewWriter(&raw)
	for _, r := range g.rows {
		s.row(e, r.cells)
		_ = w.Write(r.cells) // a strings.Builder does not fail
	}
	w.Flush()
	e.Raw = entity.Raw(strings.TrimSuffix(raw.String(), "\n"))
	e.EnsurePrimary()
	return e
}

// row adds what one row says to the entity.
func (s *sheet) row(e *entity.Entity, cells []string) {
	get := func(col string) string { return s.get(cells, col) }

	parts := []string{get("name 1"), get("name 2"), get("name 3"), get("name 4"), get("name 5"), get("name 6")}
	n := entity.Name{Full: entity.Join(" ", parts...), Kind: nameKind(get("alias type"), get("alias quality"))}
	if entity.Join("", parts[:5]...) != "" {
		var other []string
		for _, p := range parts {
			if p != "" {
				other = append(other, p)
			}
		}
		n.Parts = &entity.NameParts{Given: parts[0], Middle: entity.Join(" ", parts[1:5]...), Family: parts[5], Other: other}
	}
	e.AddName(n)
	if nl := get("name non-latin script"); nl != "" {
		e.AddName(entity.Name{Full: nl, Kind: entity.Alias, Language: source.LanguageCode(get("non-latin script language"))})
	}

	entity.AddTo(&e.Titles, numbered(get("title"))...)
	for _, d := range numbered(get("dob")) {
		e.AddBirthDate(ukDate(d))
	}
	towns, countries := numbered(get("town of birth")), numbered(get("country of birth"))
	if len(towns) == 1 && len(countries) == 1 {
		entity.AddTo(&e.BirthPlaces, towns[0]+", "+countries[0])
	} else {
		entity.AddTo(&e.BirthPlaces, towns...)
		entity.AddTo(&e.BirthPlaces, countries...)
	}
	for _, c := range numbered(get("nationality")) {
		entity.AddTo(&e.Nationalities, country.Normalize(c))
	}
	documents(e, entity.IDPassport, "passportDetails", get("passport number"), get("passport details"))
	documents(e, entity.IDNational, "nationalIdentificationDetails", get("national identification number"), get("national identification details"))
	entity.AddTo(&e.Positions, numbered(get("position"))...)

	ctry := get("country")
	a := entity.Address{Postal: get("post/zip code"), Country: country.Normalize(ctry)}
	a.Full = entity.Join(", ", get("address 1"), get("address 2"), get("address 3"), get("address 4"),
		get("address 5"), get("address 6"), a.Postal, ctry)
	if a.Full != "" && !slices.Contains(e.Addresses, a) {
		e.Addresses = append(e.Addresses, a)
	}
	entity.AddTo(&e.Countries, a.Country)

	if info := get("other information"); info != "" {
		entity.AddTo(&e.Remarks, info)
		if m := reUKRef.FindStringSubmatch(info); m != nil {
			e.Add("ukSanctionsListRef", m[1])
		}
		if m := reUNRef.FindStringSubmatch(info); m != nil {
			e.Add("unscId", m[1])
		}
		if m := reGender.FindStringSubmatch(info); m != nil && e.Gender == "" {
			e.Gender = strings.ToLower(m[1])
		}
		if e.Schema == entity.Vessel {
			for _, m := range reIMO.FindAllStringSubmatch(info, -1) {
				e.AddIdentifier(entity.Identifier{Type: entity.IDIMO, Number: m[1]})
			}
		}
	}
	entity.AddTo(&e.Programs, get("regime"))
	if d := ukDate(get("listed on")).Value; d != "" && (e.ListedOn == "" || d < e.ListedOn) {
		e.ListedOn = d
	}
	e.Add("ukDateDesignated", dateOrText(get("uk sanctions list date designated")))
	e.Add("modifiedAt", dateOrText(get("last updated")))
	for i, h := range s.names {
		if k := strings.ToLower(entity.CleanSpace(h)); k != "" && !known[k] && i < len(cells) && s.index[k] == i {
			e.Add(entity.CleanSpace(h), cells[i])
		}
	}
}

// nameKind maps Alias Type and Alias Quality. Older files call the main
// name "Prime Alias"; spelling variations of it are strong aliases.
func nameKind(typ, quality string) entity.NameKind {
	t := strings.ToLower(typ)
	kind := entity.Alias
	switch {
	case t == "primary name" || t == "prime alias":
		kind = entity.Primary
	case t == "fka" || strings.Contains(t, "former"):
		kind = entity.Former
	}
	if kind == entity.Alias && strings.HasPrefix(strings.ToLower(quality), "low") {
		kind = entity.WeakAlias
	}
	return kind
}

// documents adds passport or national id numbers with their details. A
// cell numbering several documents is paired with a details cell
// numbering as many; details that cannot be paired go to prop.
func documents(e *entity.Entity, typ, prop, numbers, details string) {
	nums, notes := numbered(numbers), numbered(details)
	for i, num := range nums {
		note := ""
		switch {
		case len(nums) == 1:
			note = strings.Join(notes, "; ")
		case len(notes) == len(nums):
			note = notes[i]
		}
		e.AddIdentifier(entity.Identifier{Type: typ, Number: num, Note: note})
	}
	if len(nums) != 1 && len(notes) != len(nums) {
		e.Add(prop, notes...)
	}
}

var reNumber = regexp.MustCompile(`\(\d{1,2}\)`)

// numbered splits a cell listing values as "(1) a (2) b".
func numbered(s string) []string {
	s = entity.CleanSpace(s)
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "(1)") {
		return []string{s}
	}
	var out []string
	for _, p := range reNumber.Split(s, -1) {
		if p = strings.Trim(entity.CleanSpace(p), " ,;"); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ukDate reads a UK date (dd/mm/yyyy, unknown parts "00" or "dd"/"mm");
// one it cannot read is kept as text.
func ukDate(s string) entity.Date {
	d, _ := entity.ParseDate(s)
	return d
}

func dateOrText(s string) string {
	if d := ukDate(s); d.Value != "" {
		return d.Value
	}
	return entity.CleanSpace(s)
}
