// Package ftm parses OpenSanctions exports in FollowTheMoney JSON lines:
// entities.ftm.json (one entity per line, relations and sanctions as
// entities of their own that point at their subject by id) and
// targets.nested.json (one screening target per line, with addresses,
// identifications, sanctions and relations nested as objects in its
// properties).
//
// Only schemas that are screening targets become entities; relation-only
// lines (Sanction, Ownership, Address, Identification...) are counted as
// skipped. Sanction lines of entities.ftm.json carry the programmes of the
// entity they name, so Parse reads such a file twice: first to collect the
// sanctions by entity id, then to emit the targets with them.
package ftm

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/country"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/ofacxml"
)

// Format reads FtM JSON lines. It has no dataset of its own: entities
// take the user's --source, else the record's first dataset.
var Format = source.Format{
	Name:    "ftm_json",
	Dataset: "",
	Sniff:   sniff,
	Parse:   parse,
}

// DefaultDataset is used when neither the input nor the record names one.
const DefaultDataset = "opensanctions"

// maxLine bounds one JSON line; nested targets with many relations reach
// a few megabytes, anything far beyond is not an FtM export.
const maxLine = 64 << 20

// Stats describes a parse beyond the entities emitted.
type Stats struct {
	Entities int
	// Skipped counts lines whose schema is not a screening target, by
	// schema. They are not errors.
	Skipped map[string]int
	// Sanctions counts top-level Sanction lines joined to their entity.
	Sanctions int
}

// sniff accepts a file whose first non-blank line is a JSON object with
// "schema" and "properties" keys. It reads tokens, so a first line longer
// than the head is still recognised as long as both keys come early, as
// they do in OpenSanctions exports.
func sniff(_ string, head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if line, _, ok := bytes.Cut(head, []byte("\n")); ok {
		head = line
	}
	d := json.NewDecoder(bytes.NewReader(head))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	var schema, props bool
	for {
		key, err := d.Token()
		if err != nil {
			return false
		}
		k, ok := key.(string)
		if !ok {
			return false
		}
		switch k {
		case "schema":
			tok, err := d.Token()
			if _, isStr := tok.(string); err != nil || !isStr {
				return false
			}
			schema = true
		case "properties":
			if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
				return false
			}
			props = true
			if !schema {
				if err := skipRest(d, 1); err != nil {
					return false
				}
			}
		default:
			if err := skipValue(d); err != nil {
				return false
			}
		}
		if schema && props {
			return true
		}
	}
}

// skipValue consumes one JSON value from d.
func skipValue(d *json.Decoder) error {
	tok, err := d.Token()
	if err != nil {
		return err
	}
	if tok == json.Delim('{') || tok == json.Delim('[') {
		return skipRest(d, 1)
	}
	return nil
}

// skipRest consumes tokens until depth open containers are closed.
func skipRest(d *json.Decoder, depth int) error {
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
	_, err := ParseStats(ctx, in, emit)
	return source.Meta{}, err
}

// ParseStats is Format.Parse that also reports what was skipped. FtM
// exports carry no publication date of their own.
func ParseStats(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (Stats, error) {
	st := Stats{Skipped: map[string]int{}}
	f, err := in.Single("FollowTheMoney JSON lines")
	if err != nil {
		return st, err
	}
	sanctions, err := collectSanctions(ctx, f, &st)
	if err != nil {
		return st, err
	}
	err = eachLine(ctx, f, func(n int, line []byte) (bool, error) {
		rec, err := decode(f.Path, n, line)
		if err != nil {
			return false, err
		}
		schema, ok := targetSchema(rec.Schema)
		if !ok {
			st.Skipped[rec.Schema]++
			return true, nil
		}
		dataset := in.Dataset
		if dataset == "" && len(rec.Datasets) > 0 {
			dataset = rec.Datasets[0]
		}
		if dataset == "" {
			dataset = DefaultDataset
		}
		e := entity.New(dataset, rec.ID, schema)
		b := &builder{e: e}
		b.apply(rec)
		for _, s := range sanctions[rec.ID] {
			b.sanction(s)
		}
		e.Raw = entity.Raw(bytes.TrimSpace(line))
		st.Entities++
		return true, emit(e)
	})
	return st, err
}

// collectSanctions reads the top-level Sanction lines of a flat export
// into Sanction records by the id of the entity they name. A line is only
// decoded when it mentions "Sanction" at all, and the pass stops at the
// first line with nested entities: a nested export has its sanctions
// inside the targets and no Sanction lines.
func collectSanctions(ctx context.Context, f source.File, st *Stats) (map[string][]*record, error) {
	out := map[string][]*record{}
	errNested := errors.New("nested")
	err := eachLine(ctx, f, func(n int, line []byte) (bool, error) {
		if bytes.Count(line, []byte(`"schema"`)) > 1 {
			rec, err := decode(f.Path, n, line)
			if err != nil {
				return false, err
			}
			if rec.hasNested() {
				return false, errNested
			}
		}
		if !bytes.Contains(line, []byte(`"Sanction"`)) {
			return true, nil
		}
		rec, err := decode(f.Path, n, line)
		if err != nil {
			return false, err
		}
		if rec.Schema != "Sanction" {
			return true, nil
		}
		// Keep only what is applied to the entity: the sanctions of a
		// large export are held in memory until the second pass.
		targets := rec.Properties["entity"]
		slim := &record{ID: rec.ID, Schema: rec.Schema, Properties: rec.Properties}
		delete(slim.Properties, "entity")
		for _, v := range targets {
			if id := v.text(); id != "" {
				out[id] = append(out[id], slim)
				st.Sanctions++
			}
		}
		return true, nil
	})
	if errors.Is(err, errNested) {
		return out, nil
	}
	return out, err
}

// eachLine calls fn with each non-blank line and its 1-based number until
// fn returns false or an error. The line's bytes are reused afterwards.
func eachLine(ctx context.Context, f source.File, fn func(int, []byte) (bool, error)) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	r := bufio.NewReaderSize(source.CheckUTF8(rc, f.Path), 256<<10)
	var buf []byte
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf = buf[:0]
		var rerr error
		for {
			chunk, err := r.ReadSlice('\n')
			buf = append(buf, chunk...)
			if len(buf) > maxLine {
				return source.Errorf(f.Path, n, "", "line longer than %d MB: not FollowTheMoney JSON lines", maxLine>>20)
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			rerr = err
			break
		}
		if rerr != nil && rerr != io.EOF {
			return rerr // *source.Error from the UTF-8 check, or I/O
		}
		if len(bytes.TrimSpace(buf)) > 0 {
			more, err := fn(n, buf)
			if err != nil || !more {
				return err
			}
		}
		if rerr == io.EOF {
			return nil
		}
	}
}

// record is one FtM entity as exported. Property values are kept raw:
// they are strings, or objects in nested exports.
type record struct {
	ID         string             `json:"id"`
	Schema     string             `json:"schema"`
	Caption    string             `json:"caption"`
	Properties map[string][]value `json:"properties"`
	Datasets   []string           `json:"datasets"`
	Referents  []string           `json:"referents"`
}

// value is one property value: a string, or a nested entity.
type value struct {
	str    string
	nested *record
}

func (v *value) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return nil
	case b[0] == '"':
		return json.Unmarshal(b, &v.str)
	case b[0] == '{':
		v.nested = &record{}
		return json.Unmarshal(b, v.nested)
	case bytes.Equal(b, []byte("null")):
		return nil
	case b[0] == '[':
		return errors.New("property value is an array, expected a string or an entity")
	}
	// Numbers and booleans are not FtM values but carry meaning: keep
	// their text.
	v.str = string(b)
	return nil
}

// text is the value as a string: the string itself, or a nested entity's
// id (which is what a flat export would have held).
func (v value) text() string {
	if v.nested != nil {
		return v.nested.ID
	}
	return v.str
}

func (r *record) hasNested() bool {
	for _, vs := range r.Properties {
		for _, v := range vs {
			if v.nested != nil {
				return true
			}
		}
	}
	return false
}

// strings returns the cleaned, non-empty string values of a property.
func (r *record) strings(prop string) []string {
	var out []string
	for _, v := range r.Properties[prop] {
		if v.nested != nil {
			continue
		}
		if s := entity.CleanSpace(v.str); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (r *record) first(props ...string) string {
	for _, p := range props {
		if vs := r.strings(p); len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

// decode reads one line, which must be an entity with id and schema.
func decode(path string, n int, line []byte) (*record, error) {
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, source.Errorf(path, n, "", "invalid JSON at byte %d of the line: %v", se.Offset, err)
		case errors.As(err, &te) && te.Field == "":
			return nil, source.Errorf(path, n, "", "expected a JSON object (one entity per line), found %s", te.Value)
		}
		return nil, source.Errorf(path, n, "", "not a FollowTheMoney entity: %v", err)
	}
	if strings.TrimSpace(rec.ID) == "" {
		return nil, source.Errorf(path, n, "id", "entity without \"id\"")
	}
	if rec.Schema == "" {
		return nil, source.Errorf(path, n, "schema", "entity %q without \"schema\"", rec.ID)
	}
	return &rec, nil
}

// targetSchema maps the FtM schemata that are screened to the model's.
func targetSchema(s string) (entity.Schema, bool) {
	switch s {
	case "Person":
		return entity.Person, true
	case "Organization", "Company", "PublicBody":
		return entity.Organization, true
	case "LegalEntity":
		return entity.LegalEntity, true
	case "Vessel":
		return entity.Vessel, true
	case "Airplane":
		return entity.Airplane, true
	}
	return "", false
}

// builder fills one entity from a record.
type builder struct {
	e *entity.Entity
}

// Name properties in the order their names are added, primary first.
var nameProps = []struct {
	prop string
	kind entity.NameKind
}{
	{"name", entity.Primary},
	{"alias", entity.Alias},
	{"abbreviation", entity.Alias},
	{"previousName", entity.Former},
	{"weakAlias", entity.WeakAlias},
}

// Identifier properties and their types. The property name goes into the
// note where the type alone loses it (an INN is a tax number).
var idProps = map[string]string{
	"passportNumber":       entity.IDPassport,
	"socialSecurityNumber": entity.IDNational,
	"taxNumber":            entity.IDTax,
	"vatCode":              entity.IDTax,
	"innCode":              entity.IDTax,
	"kppCode":              entity.IDTax,
	"registrationNumber":   entity.IDRegistration,
	"ogrnCode":             entity.IDRegistration,
	"okpoCode":             entity.IDRegistration,
	"dunsCode":             entity.IDRegistration,
	"uniqueEntityId":       entity.IDRegistration,
	"npiCode":              entity.IDRegistration,
	"leiCode":              entity.IDLEI,
	"swiftBic":             entity.IDBIC,
	"imoNumber":            entity.IDIMO,
	"mmsi":                 entity.IDMMSI,
	"publicKey":            entity.IDCrypto,
}

var plainIDProps = map[string]bool{
	"passportNumber": true, "taxNumber": true, "registrationNumber": true, "leiCode": true,
	"swiftBic": true, "imoNumber": true, "mmsi": true, "publicKey": true, "idNumber": true,
}

// Name part properties, applied to the primary name when single-valued.
var partProps = []string{"firstName", "middleName", "secondName", "lastName", "fatherName", "motherName"}

func (b *builder) apply(rec *record) {
	e := b.e
	for _, np := range nameProps {
		for _, n := range rec.strings(np.prop) {
			e.AddName(entity.Name{Full: n, Kind: np.kind})
		}
	}
	done := map[string]bool{}
	for _, np := range nameProps {
		done[np.prop] = true
	}
	b.nameParts(rec, done)

	for _, prop := range slices.Sorted(maps.Keys(rec.Properties)) {
		if done[prop] {
			continue
		}
		b.property(prop, rec)
	}
	e.Add("datasets", rec.Datasets...)
	e.Add("referents", rec.Referents...)
}

// nameParts attaches first/middle/last names to the primary name. With
// several values per part there is no telling which goes with which name,
// so they stay properties; without a name at all the parts make one.
func (b *builder) nameParts(rec *record, done map[string]bool) {
	parts := map[string]string{}
	for _, p := range partProps {
		vs := rec.strings(p)
		if len(vs) > 1 {
			return // left to the properties
		}
		if len(vs) == 1 {
			parts[p] = vs[0]
		}
	}
	if len(parts) == 0 {
		return
	}
	np := &entity.NameParts{
		Given:  parts["firstName"],
		Middle: strings.TrimSpace(parts["middleName"] + " " + parts["secondName"]),
		Family: parts["lastName"],
	}
	for _, p := range []string{"fatherName", "motherName"} {
		if parts[p] != "" {
			np.Other = append(np.Other, parts[p])
		}
	}
	for _, p := range partProps {
		done[p] = true
	}
	for i := range b.e.Names {
		if b.e.Names[i].Kind == entity.Primary {
			b.e.Names[i].Parts = np
			return
		}
	}
	full := strings.Join(slices.DeleteFunc([]string{np.Given, np.Middle, strings.Join(np.Other, " "), np.Family}, func(s string) bool { return s == "" }), " ")
	b.e.AddName(entity.Name{Full: full, Kind: entity.Primary, Parts: np})
}

// property maps one FtM property; whatever has no slot in the model is
// kept in Properties under its FtM name.
func (b *builder) property(prop string, rec *record) {
	e := b.e
	vals := rec.strings(prop)
	for _, v := range rec.Properties[prop] {
		if v.nested != nil {
			b.nested(prop, v.nested)
		}
	}
	if len(vals) == 0 {
		return
	}
	vessel := e.Schema == entity.Vessel || e.Schema == entity.Airplane
	switch prop {
	case "birthDate":
		for _, s := range vals {
			d, _ := entity.ParseDate(s) // unreadable text stays in Date.Text
			e.AddBirthDate(d)
		}
	case "birthPlace":
		entity.AddTo(&e.BirthPlaces, vals...)
	case "nationality":
		entity.AddTo(&e.Nationalities, countries(vals)...)
	case "citizenship":
		entity.AddTo(&e.Citizenships, countries(vals)...)
	case "country", "jurisdiction", "mainCountry":
		entity.AddTo(&e.Countries, countries(vals)...)
	case "address":
		for _, s := range vals {
			addAddress(e, entity.Address{Full: s})
		}
	case "gender":
		e.Gender = strings.ToLower(vals[0])
		e.Add(prop, vals[1:]...)
	case "title":
		entity.AddTo(&e.Titles, vals...)
	case "position":
		entity.AddTo(&e.Positions, vals...)
	case "program", "programId":
		entity.AddTo(&e.Programs, vals...)
	case "notes":
		entity.AddTo(&e.Remarks, vals...)
	case "createdAt", "listingDate":
		for _, s := range vals {
			if d, ok := entity.ParseDate(s); ok && (e.ListedOn == "" || d.Value < e.ListedOn) {
				e.ListedOn = d.Value
			}
		}
		e.Add(prop, vals...)
	case "idNumber":
		typ := entity.IDRegistration
		if e.Schema == entity.Person {
			typ = entity.IDNational
		}
		for _, s := range vals {
			e.AddIdentifier(entity.Identifier{Type: typ, Number: s})
		}
	case "callSign", "type", "tonnage", "grossRegisteredTonnage", "buildDate", "flag":
		if !vessel {
			e.Add(prop, vals...)
			return
		}
		b.vessel(prop, vals)
	default:
		typ, ok := idProps[prop]
		if !ok {
			e.Add(prop, vals...)
			return
		}
		note := ""
		if !plainIDProps[prop] {
			note = prop
		}
		for _, s := range vals {
			e.AddIdentifier(entity.Identifier{Type: typ, Number: s, Note: note})
		}
	}
}

func (b *builder) vessel(prop string, vals []string) {
	e := b.e
	if e.Vessel == nil {
		e.Vessel = &entity.VesselInfo{}
	}
	v := e.Vessel
	var slot *string
	switch prop {
	case "callSign":
		slot = &v.CallSign
	case "type":
		slot = &v.Type
	case "tonnage":
		slot = &v.Tonnage
	case "grossRegisteredTonnage":
		slot = &v.GrossTonnage
	case "buildDate":
		slot = &v.BuildYear
		if s := vals[0]; len(s) >= 4 {
			vals = append([]string{s[:4]}, vals[1:]...)
		}
	case "flag":
		vals = countries(vals)
		entity.AddTo(&e.Countries, vals...)
		slot = &v.Flag
	}
	*slot = vals[0]
	e.Add(prop, vals[1:]...)
}

// nested maps an entity nested in a targets.nested.json line.
func (b *builder) nested(prop string, n *record) {
	e := b.e
	switch n.Schema {
	case "Address":
		a := entity.Address{
			Full:    n.first("full"),
			Street:  strings.Join(append(n.strings("street"), n.strings("street2")...), ", "),
			City:    n.first("city"),
			Region:  strings.Join(append(n.strings("region"), n.strings("state")...), ", "),
			Postal:  n.first("postalCode"),
			Country: country.Normalize(n.first("country")),
		}
		if a.Full == "" {
			a.Full = n.Caption
		}
		addAddress(e, a)
		return
	case "Identification", "Passport":
		label := n.first("type")
		typ, num := ofacxml.IDType(label, n.first("number"))
		if n.Schema == "Passport" {
			typ = entity.IDPassport
		}
		var notes []string
		if label != "" && !strings.EqualFold(label, typ) {
			notes = append(notes, label)
		}
		if d := n.first("startDate"); d != "" {
			notes = append(notes, "issued "+d)
		}
		if d := n.first("endDate"); d != "" {
			notes = append(notes, "expires "+d)
		}
		if a := n.first("authority"); a != "" {
			notes = append(notes, "issued by "+a)
		}
		e.AddIdentifier(entity.Identifier{Type: typ, Number: num, Country: country.Normalize(n.first("country")), Note: strings.Join(notes, "; ")})
		return
	case "CryptoWallet":
		e.AddIdentifier(entity.Identifier{Type: entity.IDCrypto, Number: n.first("publicKey"), Note: n.first("currency")})
		return
	case "Sanction":
		b.sanction(n)
		return
	}
	e.Add(prop, caption(n, e.SourceID))
}

// caption names a nested entity for the properties. A relation (Family,
// Ownership, Directorship) is named by the entity at its other end, with
// the role it states.
func caption(n *record, parent string) string {
	if s := n.first("name", "full", "number", "publicKey", "title"); s != "" {
		return s
	}
	var ends []string
	for _, prop := range slices.Sorted(maps.Keys(n.Properties)) {
		for _, v := range n.Properties[prop] {
			if v.nested != nil && v.nested.ID != parent {
				ends = append(ends, caption(v.nested, parent))
			}
		}
	}
	s := strings.Join(ends, "; ")
	if role := n.first("relationship", "role"); role != "" && s != "" {
		s += " (" + role + ")"
	}
	if s == "" {
		s = n.Caption
	}
	if s == "" {
		s = n.ID
	}
	return s
}

// sanction applies a Sanction entity, top-level or nested: programmes,
// authority, listing date and provisions; everything else is kept with a
// "sanction_" prefix.
func (b *builder) sanction(s *record) {
	e := b.e
	for _, prop := range slices.Sorted(maps.Keys(s.Properties)) {
		vals := s.strings(prop)
		switch prop {
		case "entity":
		case "program", "programId":
			entity.AddTo(&e.Programs, vals...)
		case "authority":
			if e.Authority == "" && len(vals) > 0 {
				e.Authority = vals[0]
			}
			e.Add("sanction_authority", vals...)
		case "listingDate", "startDate":
			for _, v := range vals {
				if d, ok := entity.ParseDate(v); ok && (e.ListedOn == "" || d.Value < e.ListedOn) {
					e.ListedOn = d.Value
				}
			}
			e.Add("sanction_"+prop, vals...)
		case "provisions":
			entity.AddTo(&e.Measures, vals...)
		default:
			e.Add("sanction_"+prop, vals...)
		}
	}
}

func addAddress(e *entity.Entity, a entity.Address) {
	if a == (entity.Address{}) || slices.Contains(e.Addresses, a) {
		return
	}
	e.Addresses = append(e.Addresses, a)
}

// FtM country codes that are not ISO 3166-1 alpha-2.
var ftmCountries = map[string]string{
	"suhh": "SU", // Soviet Union
	"csxx": "CS", // Serbia and Montenegro
	"yucs": "YU", // Yugoslavia
	"ddde": "DD", // East Germany
	"zr":   "CD", // Zaire
}

// countries normalises FtM's lower-case codes to upper-case alpha-2.
func countries(vs []string) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if c, ok := ftmCountries[strings.ToLower(v)]; ok {
			out = append(out, c)
			continue
		}
		c := country.Normalize(v)
		if len(c) == 2 {
			c = strings.ToUpper(c)
		}
		out = append(out, c)
	}
	return out
}
