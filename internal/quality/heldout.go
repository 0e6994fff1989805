package quality

import (
	"bytes"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source/un"
)

// KindHeldOut is the kind of the held-out alias cases; KindOriginalScript
// prefixes the original-script kinds ("original_script_Arab").
const (
	KindHeldOut        = "held_out_alias"
	KindOriginalScript = "original_script_"
)

// HeldOutAliases measures names the index has never seen but the list
// knows belong to the entity: the spellings and nicknames publishers
// collect are the variation real records carry. Among the persons and
// organizations with at least two names that differ after Fold, up to
// opt.PerKind are picked (seeded); one non-primary Latin name of each is
// removed from the index and queried.
//
// A name is held out only if no other name left in the index folds the
// same, on this entity or any other: otherwise the case would be the
// same name again (a second spelling differing in case, or the UN and
// OFAC listings of one person), which measures nothing.
func HeldOutAliases(ents []entity.Entity, opt Options) (index []entity.Entity, cases []Case) {
	opt = opt.withDefaults()
	folds := map[string]int{}
	for i := range ents {
		for _, n := range ents[i].Names {
			folds[Fold(n.Full)]++
		}
	}
	var eligible []int
	for i := range ents {
		e := &ents[i]
		if e.Schema != entity.Person && e.Schema != entity.Organization {
			continue
		}
		distinct := map[string]bool{}
		for _, n := range e.Names {
			distinct[Fold(n.Full)] = true
		}
		if len(distinct) >= 2 && len(heldOutCandidates(e, folds)) > 0 {
			eligible = append(eligible, i)
		}
	}
	r := rand.New(rand.NewPCG(opt.Seed, 0x5eed0a11a5))
	index = slices.Clone(ents)
	for _, i := range r.Perm(len(eligible)) {
		if len(cases) >= opt.PerKind {
			break
		}
		k := eligible[i]
		e := ents[k]
		cand := heldOutCandidates(&e, folds)
		j := cand[r.IntN(len(cand))]
		n := e.Names[j]
		e.Names = slices.Delete(slices.Clone(e.Names), j, j+1)
		index[k] = e
		cases = append(cases, Case{
			Kind: KindHeldOut, Detail: string(n.Kind), Want: e.ID, From: n.Full,
			Query: Query{Name: n.Full, Schema: string(e.Schema)},
		})
	}
	return index, cases
}

// heldOutCandidates are the positions of the names of e that can be held
// out: not the primary name, Latin script (other scripts are the
// original-script family), not too short, and folding unlike any other
// name anywhere.
func heldOutCandidates(e *entity.Entity, folds map[string]int) []int {
	var out []int
	for j, n := range e.Names {
		if n.Kind == entity.Primary || n.Script != "Latn" || tooShort(n.Full) || folds[Fold(n.Full)] != 1 {
			continue
		}
		out = append(out, j)
	}
	return out
}

// OriginalScript measures matching across scripts: the names the UN gives
// in their original script (NAME_ORIGINAL_SCRIPT: Arabic and Cyrillic)
// are queried against an index from which every non-Latin name of every
// entity is removed, as a Latin-only list would be. They are read from the
// entity's raw UN record, because the model does not tell the entity's own
// name in original script from an alias that happens to be written so;
// the one the UN wrote in Latin letters is no cross-script case and is
// left out.
func OriginalScript(ents []entity.Entity) (index []entity.Entity, cases []Case) {
	index = make([]entity.Entity, 0, len(ents))
	for _, e := range ents {
		if e.Dataset == un.Dataset {
			for _, name := range unOriginalNames(e.Raw) {
				sc := entity.DetectScript(name)
				if sc == "Latn" || sc == "" || sc == "Zyyy" {
					continue
				}
				cases = append(cases, Case{
					Kind: KindOriginalScript + sc, Detail: sc, Want: e.ID, From: name,
					Query: Query{Name: name, Schema: string(e.Schema)},
				})
			}
		}
		latin := slices.DeleteFunc(slices.Clone(e.Names), func(n entity.Name) bool { return n.Script != "Latn" })
		if len(latin) == 0 {
			continue // nothing left to find it by
		}
		if len(latin) != len(e.Names) {
			e.Names = latin
		}
		index = append(index, e)
	}
	return index, cases
}

// unOriginalNames reads the NAME_ORIGINAL_SCRIPT values of a raw UN
// record.
func unOriginalNames(raw entity.Raw) []string {
	if !strings.Contains(string(raw), "NAME_ORIGINAL_SCRIPT") {
		return nil
	}
	d := xml.NewDecoder(bytes.NewReader([]byte(raw)))
	var out []string
	in := false
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF || err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "NAME_ORIGINAL_SCRIPT" {
				in = true
				text.Reset()
			}
		case xml.CharData:
			if in {
				text.Write(t)
			}
		case xml.EndElement:
			if in && t.Name.Local == "NAME_ORIGINAL_SCRIPT" {
				in = false
				if v := entity.CleanSpace(text.String()); v != "" {
					out = append(out, v)
				}
			}
		}
	}
}
