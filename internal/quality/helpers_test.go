package quality

import (
	"github.com/embargo-screening/embargo/internal/entity"
	"github.com/embargo-screening/embargo/internal/source/un"
)

// exactIndex is the simplest matcher: a hit, scored 1, for every entity
// carrying a name that folds like the query. It is the floor any engine
// must beat, and it makes the harness's own figures predictable: order
// cases fold alike (found), held-out and original-script names are not in
// their index (never found).
type exactIndex map[string][]string

func exactBuilder(ents []entity.Entity) (Searcher, error) {
	x := exactIndex{}
	for _, e := range ents {
		for _, n := range e.Names {
			k := Fold(n.Full)
			if l := x[k]; len(l) == 0 || l[len(l)-1] != e.ID {
				x[k] = append(l, e.ID)
			}
		}
	}
	return x, nil
}

func (x exactIndex) Search(q Query, limit int) []Hit {
	var hits []Hit
	for _, id := range x[Fold(q.Name)] {
		hits = append(hits, Hit{EntityID: id, Score: 1})
	}
	return hits[:min(limit, len(hits))]
}

// invented builds entities with made-up names covering every
// perturbation kind: Arabic and Russian cues, OFAC's "FAMILY, Given"
// form, legal forms, titles, hyphens, initials.
func invented() []entity.Entity {
	name := func(full string, kind entity.NameKind) entity.Name {
		return entity.Name{Full: full, Kind: kind, Script: entity.DetectScript(full)}
	}
	p := entity.Person
	o := entity.Organization
	mk := func(ds, id string, schema entity.Schema, names ...entity.Name) entity.Entity {
		e := entity.New(ds, id, schema)
		e.Names = names
		return *e
	}
	ents := []entity.Entity{
		mk("test", "p1", p,
			name("AL-RASHIDI, Abdul Karim Yusuf", entity.Primary),
			name("Abd al-Karim Yusuf al-Rashidi", entity.Alias),
			name("Abu Yusuf al-Iraqi", entity.Alias),
			name("Kareem", entity.WeakAlias)),
		mk("test", "p2", p,
			name("SERGEEV, Dmitry Vladimirovich", entity.Primary),
			name("Dmitriy Sergeyev", entity.Alias)),
		mk("test", "p3", p,
			name("Jane Amelia Doe-Smith", entity.Primary),
			name("J. A. Doe", entity.Alias)),
		mk("test", "p4", p,
			name("Khalid Qasim Walid bin Hamad", entity.Primary),
			name("Khaled Kassem", entity.Alias)),
		mk("test", "o1", o,
			name("NORTHWIND MARITIME TRADING CO., LTD.", entity.Primary),
			name("NORTHWIND MARITIME", entity.Alias)),
		mk("test", "o2", o,
			name("OOO Vostok Stroyproekt", entity.Primary),
			name("Vostochny Stroitelny Trest", entity.Former)),
		mk("test", "o3", o,
			name("Al-Noor Charitable Foundation", entity.Primary),
			name("Jam'iyat al-Nur", entity.Alias)),
		mk("test", "o4", o,
			name("Blue Falcon Logistics", entity.Primary),
			name("BFL", entity.Alias)),
		mk("test", "v1", entity.Vessel,
			name("SEA BREEZE", entity.Primary),
			name("OCEAN WIND", entity.Former)),
		// a UN record with its names in original script
		mk(un.Dataset, "QDi.900", p,
			name("Abdul Salam Hamid", entity.Primary),
			name("عبد السلام حامد", entity.Alias),
			name("Abdussalam Hameed", entity.Alias)),
		mk(un.Dataset, "QDi.901", p,
			name("Ruslan Umarovich Tarkhanov", entity.Primary),
			name("Руслан Умарович Тарханов", entity.Alias),
			name("Ruslan Tarkhanov", entity.Alias)),
	}
	ents[1].Nationalities = []string{"RU"}
	ents[2].Gender = "female"
	ents[5].Countries = []string{"RU"}
	ents[9].Raw = `<INDIVIDUAL><REFERENCE_NUMBER>QDi.900</REFERENCE_NUMBER><FIRST_NAME>Abdul Salam</FIRST_NAME>` +
		`<NAME_ORIGINAL_SCRIPT>عبد السلام حامد</NAME_ORIGINAL_SCRIPT></INDIVIDUAL>`
	ents[10].Raw = `<INDIVIDUAL><REFERENCE_NUMBER>QDi.901</REFERENCE_NUMBER>` +
		`<NAME_ORIGINAL_SCRIPT>Руслан Умарович  Тарханов</NAME_ORIGINAL_SCRIPT></INDIVIDUAL>`
	return ents
}
