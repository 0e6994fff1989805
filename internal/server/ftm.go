package server

import (
	"sort"
	"strings"
	"time"

	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/store"
)

// ftmSchema is the FollowTheMoney schema name of an entity.
func ftmSchema(s entity.Schema) string {
	if s == "" {
		return string(entity.LegalEntity)
	}
	return string(s)
}

// ftmEntity is an entity in yente's EntityResponse shape.
type ftmEntity struct {
	ID         string              `json:"id"`
	Caption    string              `json:"caption"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
	Datasets   []string            `json:"datasets"`
	Referents  []string            `json:"referents"`
	Target     bool                `json:"target"`
	FirstSeen  *string             `json:"first_seen"`
	LastSeen   *string             `json:"last_seen"`
	LastChange *string             `json:"last_change"`
}

// toFtM renders an entity the way yente does: FollowTheMoney property
// names, every value a list of strings, country codes in lower case.
// seen is the import time of the version it comes from (last_seen).
func toFtM(e *entity.Entity, seen *store.Version) ftmEntity {
	p := ftmProperties(e)
	out := ftmEntity{
		ID:         e.ID,
		Caption:    e.Caption(),
		Schema:     ftmSchema(e.Schema),
		Properties: p,
		Datasets:   []string{e.Dataset},
		Referents:  []string{},
		Target:     true,
	}
	if seen != nil && !seen.Imported.IsZero() {
		t := seen.Imported.UTC().Format(time.RFC3339)
		out.LastSeen = &t
	}
	return out
}

func ftmProperties(e *entity.Entity) map[string][]string {
	p := map[string][]string{}
	add := func(prop string, vs ...string) {
		for _, v := range vs {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			dup := false
			for _, have := range p[prop] {
				if have == v {
					dup = true
					break
				}
			}
			if !dup {
				p[prop] = append(p[prop], v)
			}
		}
	}
	for _, n := range e.Names {
		switch n.Kind {
		case entity.Primary:
			add("name", n.Full)
		case entity.WeakAlias:
			add("weakAlias", n.Full)
		case entity.Former:
			add("previousName", n.Full)
		default:
			add("alias", n.Full)
		}
		if n.Parts != nil && e.Schema == entity.Person {
			add("title", n.Parts.Title)
			add("firstName", n.Parts.Given)
			add("middleName", n.Parts.Middle)
			add("lastName", n.Parts.Family)
		}
	}
	if len(p["name"]) == 0 {
		// Every FtM entity has a name: the caption when no name is primary.
		add("name", e.Caption())
	}
	for _, d := range e.BirthDates {
		switch {
		case d.Value != "" && d.Until != "":
			add("birthDate", d.Value, d.Until)
		case d.Value != "":
			add("birthDate", d.Value)
		default:
			add("birthDate", d.Text)
		}
	}
	add("birthPlace", e.BirthPlaces...)
	add("nationality", lowerAll(e.Nationalities)...)
	add("citizenship", lowerAll(e.Citizenships)...)
	add("country", lowerAll(e.Countries)...)
	for _, a := range e.Addresses {
		full := a.Full
		if full == "" {
			full = entity.Join(", ", a.Street, a.City, a.Region, a.Postal, strings.ToUpper(a.Country))
		}
		add("address", full)
	}
	for _, id := range e.Identifiers {
		add(ftmIDProp(e.Schema, id.Type), id.Number)
	}
	if e.Gender != "" {
		add("gender", strings.ToLower(e.Gender))
	}
	if e.Schema == entity.Person {
		add("title", e.Titles...)
		add("position", e.Positions...)
	} else {
		add("notes", e.Titles...)
	}
	add("program", e.Programs...)
	add("publisher", e.Authority)
	if e.ListedOn != "" {
		add("createdAt", e.ListedOn)
	}
	add("notes", e.Remarks...)
	if v := e.Vessel; v != nil {
		add("callSign", v.CallSign)
		add("type", v.Type)
		add("tonnage", v.Tonnage)
		add("grossRegisteredTonnage", v.GrossTonnage)
		add("flag", strings.ToLower(v.Flag))
		add("ownerName", v.Owner)
		add("buildDate", v.BuildYear)
	}
	keys := make([]string, 0, len(e.Properties))
	for k := range e.Properties {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		add(k, e.Properties[k]...)
	}
	add("topics", "sanction")
	return p
}

// ftmIDProp is the FtM property for an identifier type.
func ftmIDProp(s entity.Schema, typ string) string {
	switch typ {
	case entity.IDPassport:
		return "passportNumber"
	case entity.IDNational:
		return "idNumber"
	case entity.IDRegistration:
		return "registrationNumber"
	case entity.IDTax:
		return "taxNumber"
	case entity.IDIMO:
		return "imoNumber"
	case entity.IDMMSI:
		return "mmsi"
	case entity.IDBIC:
		return "swiftBic"
	case entity.IDLEI:
		return "leiCode"
	case entity.IDCrypto:
		return "cryptoWallet"
	}
	if s == entity.Person {
		return "idNumber"
	}
	return "registrationNumber"
}

func lowerAll(vs []string) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, strings.ToLower(v))
	}
	return out
}
