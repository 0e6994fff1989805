// Package csl parses the US Consolidated Screening List CSV published by
// the International Trade Administration (trade.gov): one file merging
// the export screening lists of Commerce (Entity List, Denied Persons,
// Unverified, MEU), State (ITAR debarred, nonproliferation) and Treasury
// (SDN, SSI and other OFAC lists).
//
// Columns are read by header name because the file's layout has changed
// over the years (an "_id" column was added, columns reordered); columns
// the parser does not know are kept as properties.
package csl

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/dataset"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/ofacxml"
)

// Dataset is the CSL's dataset name, OpenSanctions'.
const Dataset = dataset.USTradeCSL

// Format reads the CSL CSV.
var Format = source.Format{
	Name:    "us_csl_csv",
	Dataset: Dataset,
	Sniff:   sniff,
	Parse:   parse,
}

// Columns that identify the file as the CSL; all must be in the header.
var signature = []string{"source", "type", "programs", "name", "addresses", "alt_names", "source_list_url"}

// sniff accepts a CSV whose header row has the CSL's characteristic
// columns, in any order.
func sniff(_ string, head []byte) bool {
	line, _, _ := strings.Cut(string(head), "\n")
	line = strings.TrimPrefix(strings.TrimRight(line, "\r"), "\ufeff")
	r := csv.NewReader(strings.NewReader(line))
	cols, err := r.Read()
	if err != nil {
		return false
	}
	have := map[string]bool{}
	for _, c := range cols {
		have[normColumn(c)] = true
	}
	for _, c := range signature {
		if !have[c] {
			return false
		}
	}
	return have["entity_number"] || have["_id"] || have["id"]
}

func normColumn(c string) string {
	return strings.ToLower(strings.TrimSpace(c))
}

// Stats describes an import beyond the entities emitted.
type Stats struct {
	Rows int // data rows read, one entity each
	// Derived counts rows without "_id"/"id" or entity_number, whose id
	// is a hash of the row's identifying fields.
	Derived int
	// Disambiguated counts rows whose id was already taken by an earlier
	// row and got a "-2", "-3"... suffix.
	Disambiguated int
}

func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
	_, err := ParseStats(ctx, in, emit)
	return source.Meta{}, err
}

// ParseStats is Format.Parse that also reports how ids were obtained, for
// the importer's log. The CSV carries no publication date.
func ParseStats(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (Stats, error) {
	var st Stats
	f, err := in.Single("the Consolidated Screening List CSV")
	if err != nil {
		return st, err
	}
	dataset := in.Dataset
	if dataset == "" {
		dataset = Dataset
	}
	rc, err := f.Open()
	if err != nil {
		return st, err
	}
	defer rc.Close()
	r := csv.NewReader(bufio.NewReaderSize(source.CheckUTF8(rc, f.Path), 64<<10))
	r.FieldsPerRecord = -1 // checked below, to tell the trailing 0x1A apart
	r.ReuseRecord = true

	header, err := r.Read()
	if err == io.EOF {
		return st, source.Errorf(f.Path, 1, "", "empty file: expected a CSL header row")
	}
	if err != nil {
		return st, source.CSVError(f.Path, err)
	}
	cols := make([]string, len(header))
	index := map[string]int{}
	for i, c := range header {
		cols[i] = normColumn(c)
		if _, dup := index[cols[i]]; dup && cols[i] != "" {
			return st, source.Errorf(f.Path, 1, c, "column %q appears twice in the header", c)
		}
		index[cols[i]] = i
	}
	for _, c := range []string{"source", "name"} {
		if _, ok := index[c]; !ok {
			return st, source.Errorf(f.Path, 1, c, "header has no %q column: not a Consolidated Screening List CSV", c)
		}
	}

	seen := map[string]bool{}
	for {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		rec, err := r.Read()
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return st, source.CSVError(f.Path, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.Trim(rec[0], "\x1a \t") == "" {
			continue // end-of-file marker or blank line
		}
		if len(rec) != len(cols) {
			return st, source.Errorf(f.Path, line, "", "row has %d fields, the header has %d", len(rec), len(cols))
		}
		row := row{cols: cols, index: index, vals: rec}
		id, derived := sourceID(row)
		if derived {
			st.Derived++
		}
		if seen[id] {
			st.Disambiguated++
			for n := 2; ; n++ {
				if next := id + "-" + strconv.Itoa(n); !seen[next] {
					id = next
					break
				}
			}
		}
		seen[id] = true
		e := build(dataset, id, row)
		e.Raw = entity.Raw(rawRow(rec))
		st.Rows++
		if err := emit(e); err != nil {
			return st, err
		}
	}
}

// row gives a record's values by column name.
type row struct {
	cols  []string
	index map[string]int
	vals  []string
}

func (r row) get(col string) string {
	if i, ok := r.index[col]; ok {
		return strings.TrimSpace(r.vals[i])
	}
	return ""
}

// list splits a multi-valued field. The CSL separates values with "; ".
func (r row) list(col string) []string {
	var out []string
	for _, v := range strings.Split(r.get(col), ";") {
		if v = entity.CleanSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// sourceID takes the row's own id where it has one. Rows of the
// Commerce and State lists have neither _id (older files) nor
// entity_number, so their id is derived from the fields that identify a
// listing (list, name, address, start date): stable across publications
// as long as the listing itself does not change.
func sourceID(r row) (id string, derived bool) {
	for _, c := range []string{"_id", "id", "entity_number"} {
		if v := r.get(c); v != "" {
			return v, false
		}
	}
	h := sha256.New()
	for _, c := range []string{"source", "name", "addresses", "start_date"} {
		h.Write([]byte(entity.CleanSpace(r.get(c))))
		h.Write([]byte{0x1f})
	}
	return "h" + hex.EncodeToString(h.Sum(nil))[:16], true
}

// Known columns: anything else goes to the properties under its own name.
var known = map[string]bool{
	"_id": true, "id": true, "source": true, "entity_number": true, "type": true, "programs": true,
	"name": true, "title": true, "addresses": true, "start_date": true,
	"license_requirement": true, "license_policy": true, "call_sign": true, "vessel_type": true,
	"gross_tonnage": true, "gross_registered_tonnage": true, "vessel_flag": true, "vessel_owner": true,
	"remarks": true, "alt_names": true, "citizenships": true, "dates_of_birth": true,
	"nationalities": true, "places_of_birth": true, "ids": true,
}

// Authorities by the agency named after " - " in the source column, in
// the wording the other parsers use for the same agencies.
var authorities = map[string]string{
	"treasury department":             ofacxml.Authority,
	"bureau of industry and security": "US Commerce BIS",
	"state department":                "US State Department",
}

var linkedTo = regexp.MustCompile(`\(Linked To: ([^)]+)\)`)

func build(dataset, id string, r row) *entity.Entity {
	e := entity.New(dataset, id, schemaOf(r.get("type")))
	src := entity.CleanSpace(r.get("source"))
	e.Add("list", src)
	agency := src
	if i := strings.LastIndex(src, " - "); i >= 0 {
		agency = strings.TrimSpace(src[i+3:])
	}
	if a, ok := authorities[strings.ToLower(agency)]; ok {
		agency = a
	}
	e.Authority = agency
	if en := r.get("entity_number"); en != "" && en != id {
		e.Add("entity_number", en)
	}

	e.AddName(entity.Name{Full: r.get("name"), Kind: entity.Primary})
	for _, n := range r.list("alt_names") {
		e.AddName(entity.Name{Full: n, Kind: entity.Alias})
	}
	entity.AddTo(&e.Programs, r.list("programs")...)
	entity.AddTo(&e.Positions, r.list("title")...)
	for _, a := range r.list("addresses") {
		addAddress(e, a)
	}
	if d, ok := entity.ParseDate(r.get("start_date")); ok && d.Until == "" && len(d.Value) == 10 {
		e.ListedOn = d.Value
	} else {
		e.Add("start_date", r.get("start_date"))
	}
	for _, c := range []string{"license_requirement", "license_policy"} {
		if v := entity.CleanSpace(r.get(c)); v != "" {
			label := strings.ReplaceAll(c, "_", " ")
			entity.AddTo(&e.Measures, strings.ToUpper(label[:1])+label[1:]+": "+v)
		}
	}
	for _, d := range r.list("dates_of_birth") {
		bd, _ := entity.ParseDate(d) // unparsed text is kept in Date.Text
		e.AddBirthDate(bd)
	}
	entity.AddTo(&e.BirthPlaces, r.list("places_of_birth")...)
	entity.AddTo(&e.Nationalities, countries(r.list("nationalities"))...)
	entity.AddTo(&e.Citizenships, countries(r.list("citizenships"))...)

	vi := entity.VesselInfo{
		CallSign:     r.get("call_sign"),
		Type:         r.get("vessel_type"),
		Tonnage:      r.get("gross_tonnage"),
		GrossTonnage: r.get("gross_registered_tonnage"),
		Owner:        r.get("vessel_owner"),
	}
	if flag := r.get("vessel_flag"); flag != "" {
		vi.Flag = country.Normalize(flag)
		entity.AddTo(&e.Countries, vi.Flag)
	}
	if vi != (entity.VesselInfo{}) {
		e.Vessel = &vi
	}

	if rem := entity.CleanSpace(r.get("remarks")); rem != "" {
		entity.AddTo(&e.Remarks, rem)
		for _, m := range linkedTo.FindAllStringSubmatch(rem, -1) {
			entity.AddTo(&e.LinkedTo, m[1])
		}
	}
	for _, item := range r.list("ids") {
		addID(e, item)
	}
	for i, c := range r.cols {
		if !known[c] && c != "" {
			e.Add(c, r.vals[i])
		}
	}
	return e
}

func schemaOf(t string) entity.Schema {
	if s, ok := entity.ParseSchema(t); ok {
		return s
	}
	// Rows of the Commerce and State lists have no type, and those lists
	// mix people and companies ("ADRIAN MANUEL HERNANDEZ" and "AL NASER
	// WINGS AIRLINES" are both on the Denied Persons List).
	return entity.LegalEntity
}

func countries(vs []string) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, country.Normalize(v))
	}
	return out
}

// addAddress reads one address. The CSL writes "street, city, region,
// postal code, CC" with the country as an ISO code at the end when known;
// the parts in between are not reliably positioned, so only the country
// is taken apart.
func addAddress(e *entity.Entity, s string) {
	a := entity.Address{Full: s}
	last := s
	if i := strings.LastIndex(s, ","); i >= 0 {
		last = s[i+1:]
	}
	last = strings.TrimSpace(last)
	if len(last) == 2 && strings.ToUpper(last) == last {
		if c := country.Code(last); c != "" {
			a.Country = c
			if last == s {
				a.Full = "" // a bare country code
			}
		}
	}
	if !slices.Contains(e.Addresses, a) {
		e.Addresses = append(e.Addresses, a)
	}
}

// addID reads one item of the ids column: "[country, ]number, label" as
// OFAC's rows give it ("US, 80-0890696, Tax ID No.", "IMO 8898831, Vessel
// Registration Identification"). OFAC also files contact details and
// sanctions information in this column; those go to properties and
// measures.
func addID(e *entity.Entity, item string) {
	parts := strings.Split(item, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	label := parts[len(parts)-1]
	rest := parts[:len(parts)-1]
	value := strings.Join(rest, ", ")
	key := strings.ToLower(label)
	switch {
	case len(rest) == 0 || value == "":
		e.Add("ids", item)
	case key == "website":
		e.Add("website", value)
	case key == "email address":
		e.Add("email", value)
	case key == "phone number":
		e.Add("phone", value)
	case key == "gender":
		e.Gender = strings.ToLower(value)
	case strings.Contains(key, "vessel flag"):
		e.Add(label, value)
	case strings.HasPrefix(key, "digital currency address"):
		cur := strings.TrimSpace(label[strings.LastIndex(label, "-")+1:])
		e.AddIdentifier(entity.Identifier{Type: entity.IDCrypto, Number: value, Note: cur})
	case isMeasure(key):
		entity.AddTo(&e.Measures, strings.TrimRight(label, " :-")+": "+value)
	default:
		cc := ""
		if len(rest) >= 2 {
			if c := country.Code(rest[0]); c != "" {
				cc, value = c, strings.Join(rest[1:], ", ")
			}
		}
		typ, num := ofacxml.IDType(label, value)
		note := ""
		if !strings.EqualFold(typ, label) {
			note = label
		}
		e.AddIdentifier(entity.Identifier{Type: typ, Number: num, Country: cc, Note: note})
	}
}

// isMeasure tells OFAC's sanctions information labels ("Secondary
// sanctions risk:", "Executive Order 13662 Directive Determination -").
func isMeasure(key string) bool {
	for _, w := range []string{"sanction", "directive", "determination", "executive order", "caatsa", "ifca", "peesa", "transactions prohibited", "effective date", "listing date"} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// rawRow writes the record back as one CSV line, deterministic.
func rawRow(rec []string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(rec) // a strings.Builder does not fail
	w.Flush()
	return strings.TrimRight(b.String(), "\n")
}
