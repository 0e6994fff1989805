// Package ofacxml parses OFAC's SDN_ADVANCED.XML and CONS_ADVANCED.XML,
// the "Sanctions Data Standard" (advanced) format. Unlike the legacy CSV
// files it carries typed data (birth dates as periods, weak aliases,
// documents with issuing country, names in original script), which is why
// it is worth the extra complexity.
//
// The format is relational: parties refer by numeric ID to reference value
// sets, locations, identity documents, sanctions entries and relationships
// that live in other top-level sections, some of them after the parties.
// Parse therefore reads the file twice: a first pass indexes everything but
// the parties' details, a second streams the parties and emits them.
package ofacxml

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/dataset"
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source"
	"github.com/embargo-screening/embargo/internal/source/xmlrec"
)

// Authority is the issuing authority given to every entity.
const Authority = "US Treasury OFAC"

// Format reads the advanced XML files. Its Dataset is the SDN list's; the
// consolidated non-SDN file (CONS_ADVANCED.XML) belongs to us_ofac_cons,
// which DatasetForName tells from the file name. Parse honours
// Input.Dataset and falls back to DatasetForName when it is empty.
var Format = source.Format{
	Name:       "ofac_advanced_xml",
	Dataset:    dataset.OFACSDN,
	DatasetFor: DatasetForName,
	Sniff:      sniff,
	Parse:      parse,
}

// DatasetForName returns the dataset a file of this format belongs to,
// judged by its base name: OFAC publishes the SDN and the consolidated
// non-SDN lists in the same format and only the name tells them apart.
func DatasetForName(name string) string {
	base := strings.ToUpper(filepath.Base(filepath.ToSlash(name)))
	if strings.Contains(base, "CONS") {
		return dataset.OFACCons
	}
	return dataset.OFACSDN
}

// sniff accepts a file whose root element is <Sanctions> in the OFAC
// advanced namespace or the UN Sanctions Data Standard namespace it
// descends from. The name is not looked at: users rename downloads.
func sniff(_ string, head []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(head))
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local == "Sanctions" && knownNamespace(se.Name.Space)
		}
	}
	return false
}

func knownNamespace(ns string) bool {
	return strings.HasSuffix(ns, "/exports/ADVANCED_XML") ||
		strings.HasPrefix(ns, "http://www.un.org/sanctions/")
}

func parse(ctx context.Context, in source.Input, emit func(*entity.Entity) error) (source.Meta, error) {
	f, err := in.Single("the OFAC advanced XML")
	if err != nil {
		return source.Meta{}, err
	}
	p := &parser{
		file:      f.Path,
		dataset:   in.Dataset,
		refs:      refs{},
		locations: map[string]location{},
		docs:      map[string][]idRegDoc{},
		entries:   map[string][]sanctionsEntry{},
		rels:      map[string][]profileRelationship{},
		names:     map[string]string{},
	}
	if p.dataset == "" {
		p.dataset = DatasetForName(f.Path)
	}
	meta, err := p.pass(ctx, f, nil)
	if err != nil {
		return meta, err
	}
	_, err = p.pass(ctx, f, emit)
	return meta, err
}

// parser holds what the first pass indexes for the second.
type parser struct {
	file    string
	dataset string

	refs      refs
	locations map[string]location              // Location ID
	docs      map[string][]idRegDoc            // IdentityID
	entries   map[string][]sanctionsEntry      // ProfileID
	rels      map[string][]profileRelationship // From-ProfileID
	names     map[string]string                // Profile ID -> primary name, for "Linked To"
	seen      map[string]bool                  // FixedRefs emitted, to reject duplicates

	d           *xml.Decoder
	rec         *xmlrec.Recorder
	tokenStart  int64 // stream offset of the token last read by token()
	lastDiscard int64
}

// pass reads the file once. With emit nil it indexes; otherwise it builds
// and emits the parties.
func (p *parser) pass(ctx context.Context, f source.File, emit func(*entity.Entity) error) (source.Meta, error) {
	var meta source.Meta
	rc, err := f.Open()
	if err != nil {
		return meta, err
	}
	defer rc.Close()
	p.rec = xmlrec.NewRecorder(source.CheckUTF8(rc, f.Path))
	p.d = xml.NewDecoder(p.rec)
	p.seen = map[string]bool{}
	p.lastDiscard = 0

	root, err := p.root()
	if err != nil {
		return meta, err
	}
	open := []string{root.Name.Local}
	err = p.children(open, func(se xml.StartElement, open []string) error {
		switch se.Name.Local {
		case "DateOfIssue":
			if emit != nil {
				return p.skip(open, se)
			}
			var v ymd
			if err := p.decode(&v, se, open); err != nil {
				return err
			}
			meta.Published = v.iso()
			return nil
		case "ReferenceValueSets":
			if emit != nil {
				return p.skip(open, se)
			}
			var v refSets
			if err := p.decode(&v, se, open); err != nil {
				return err
			}
			p.refs.add(v)
			return nil
		case "DistinctParties":
			return p.children(append(open, se.Name.Local), func(se xml.StartElement, open []string) error {
				if se.Name.Local != "DistinctParty" {
					return p.skip(open, se)
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				return p.party(se, open, emit)
			})
		}
		if emit != nil {
			return p.skip(open, se)
		}
		switch se.Name.Local {
		case "Locations":
			return records(ctx, p, se, open, "Location", func(v *location) { p.locations[v.ID] = *v })
		case "IDRegDocuments":
			return records(ctx, p, se, open, "IDRegDocument", func(v *idRegDoc) {
				p.docs[v.IdentityID] = append(p.docs[v.IdentityID], *v)
			})
		case "SanctionsEntries":
			return records(ctx, p, se, open, "SanctionsEntry", func(v *sanctionsEntry) {
				p.entries[v.ProfileID] = append(p.entries[v.ProfileID], *v)
			})
		case "ProfileRelationships":
			return records(ctx, p, se, open, "ProfileRelationship", func(v *profileRelationship) {
				p.rels[v.FromID] = append(p.rels[v.FromID], *v)
			})
		}
		return p.skip(open, se)
	})
	return meta, err
}

// records decodes each <name> child of a section into a fresh T and hands
// it to keep; other children are skipped.
func records[T any](ctx context.Context, p *parser, section xml.StartElement, open []string, name string, keep func(*T)) error {
	return p.children(append(open, section.Name.Local), func(se xml.StartElement, open []string) error {
		if se.Name.Local != name {
			return p.skip(open, se)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		v := new(T)
		if err := p.decode(v, se, open); err != nil {
			return err
		}
		keep(v)
		return nil
	})
}

// decode reads the element whose start tag se was just read into v.
func (p *parser) decode(v any, se xml.StartElement, open []string) error {
	start := p.tokenStart
	if err := p.d.DecodeElement(v, &se); err != nil {
		return p.fail(err, open, start, se)
	}
	return nil
}

// root reads up to the root element and checks it.
func (p *parser) root() (xml.StartElement, error) {
	for {
		tok, err := p.token()
		if err == io.EOF {
			return xml.StartElement{}, source.Errorf(p.file, p.line(), "", "no XML root element: expected <Sanctions>")
		}
		if err != nil {
			return xml.StartElement{}, p.fail(err, nil, -1, xml.StartElement{})
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "Sanctions" {
				return se, source.Errorf(p.file, p.line(), se.Name.Local, "root element is <%s>, expected <Sanctions> of the OFAC advanced format", se.Name.Local)
			}
			return se, nil
		}
	}
}

// children calls fn for each child element of the innermost open element,
// which fn must consume (decode or skip), and returns at its end tag.
// open lists the elements open around the children, outermost first.
func (p *parser) children(open []string, fn func(xml.StartElement, []string) error) error {
	open = slices.Clip(open) // children's appends must not share the array
	for {
		tok, err := p.token()
		if err != nil {
			return p.fail(err, open, -1, xml.StartElement{})
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t, open); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// token reads the next token, first letting the recorder forget what came
// before it, so that it holds no more than the element being decoded.
func (p *parser) token() (xml.Token, error) {
	p.tokenStart = p.d.InputOffset()
	p.rec.Discard(p.tokenStart)
	p.lastDiscard = p.tokenStart
	return p.d.Token()
}

// skip consumes the element whose start tag se was just read. Unlike
// Decoder.Skip it keeps the recorder from growing over a large section,
// discarding every 64 KB rather than at every token.
func (p *parser) skip(open []string, se xml.StartElement) error {
	for depth := 1; depth > 0; {
		if off := p.d.InputOffset(); off-p.lastDiscard > 64<<10 {
			p.rec.Discard(off)
			p.lastDiscard = off
		}
		tok, err := p.d.Token()
		if err != nil {
			return p.fail(err, append(open, se.Name.Local), -1, xml.StartElement{})
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// ident names an element by the attribute that identifies it in the file,
// "" when it has none.
func ident(se xml.StartElement) string {
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "FixedRef", "ID":
			return fmt.Sprintf("%s %s=%q", se.Name.Local, a.Name.Local, a.Value)
		}
	}
	return ""
}

// party decodes one <DistinctParty>. In the first pass it only notes the
// primary name (relationships name their counterpart); in the second it
// builds and emits the entity with the party's XML as Raw.
func (p *parser) party(se xml.StartElement, open []string, emit func(*entity.Entity) error) error {
	start := p.tokenStart
	line := p.line()
	var dp distinctParty
	if err := p.decode(&dp, se, open); err != nil {
		return err
	}
	if emit == nil {
		for _, pr := range dp.Profiles {
			for _, id := range pr.Identities {
				for _, n := range p.identityNames(id) {
					if _, ok := p.names[pr.ID]; !ok && n.Kind == entity.Primary {
						p.names[pr.ID] = n.Full
					}
				}
			}
		}
		return nil
	}
	path := strings.Join(append(open, se.Name.Local), "/")
	if id := ident(se); id != "" {
		path = strings.Join(append(open, id), "/")
	}
	e, err := p.build(dp, line, path)
	if err != nil {
		return err
	}
	if p.seen[e.SourceID] {
		return source.Errorf(p.file, line, path, "duplicate DistinctParty FixedRef %q", e.SourceID)
	}
	p.seen[e.SourceID] = true
	e.Raw = entity.Raw(p.rec.Text(start, p.d.InputOffset()))
	return emit(e)
}

func (p *parser) line() int {
	l, _ := p.d.InputPos()
	return l
}

// fail turns a decoding failure into a positioned *source.Error naming
// the innermost unclosed element. start is the stream offset of the
// element being decoded (se), -1 outside one. Errors that already are a
// *source.Error (bad UTF-8) pass through, as do context errors.
func (p *parser) fail(err error, open []string, start int64, se xml.StartElement) error {
	var se0 *source.Error
	if errors.As(err, &se0) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if strings.Contains(err.Error(), "CharsetReader") {
		// The XML declaration names another encoding: the lists are
		// published in UTF-8 and nothing else is accepted.
		return source.Errorf(p.file, p.line(), "", "%v: the file must be UTF-8 encoded", err)
	}
	partial := ""
	if start >= 0 {
		partial = p.rec.Text(start, p.d.InputOffset())
	}
	out := xmlrec.Error(p.file, p.d, err, open, partial)
	var e *source.Error
	if id := ident(se); id != "" && errors.As(out, &e) && e.Msg != "" {
		e.Msg += " (in <" + id + ">)"
	}
	return out
}
