package party

import (
	"strings"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
)

func TestFind(t *testing.T) {
	mk := func(id string, schema entity.Schema, name string) *entity.Entity {
		ds, src, _ := strings.Cut(id, ":")
		e := entity.New(ds, src, schema)
		e.AddName(entity.Name{Full: name, Kind: entity.Primary})
		return e
	}
	// Invented listings in the shapes of the UN and OFAC lists.
	unTariq := mk("un:QDi.1", entity.Person, "TARIQ ABD AL-KARIM HASSAN AL-MASRI")
	unTariq.BirthDates = []entity.Date{{Value: "1970-03-02"}}
	ofTariq := mk("ofac:101", entity.Person, "AL-MASRI, Tareq Hasan")
	ofTariq.BirthDates = []entity.Date{{Value: "1970-03-02"}}
	// Born the same day, one name in common: not enough.
	ofOther := mk("ofac:102", entity.Person, "AL-MASRI, Yusuf")
	ofOther.BirthDates = []entity.Date{{Value: "1970-03-02"}}
	// The same passport number written two ways.
	unKim := mk("un:KPi.9", entity.Person, "KIM SONG IL")
	unKim.Identifiers = []entity.Identifier{{Type: entity.IDPassport, Number: "83 6420186"}}
	ofKim := mk("ofac:103", entity.Person, "KIM, Song-Il")
	ofKim.Identifiers = []entity.Identifier{{Type: entity.IDPassport, Number: "836420186"}}
	// The same number, nothing else in common: a coincidence.
	ofLee := mk("ofac:104", entity.Person, "LEE, Min Ho")
	ofLee.Identifiers = []entity.Identifier{{Type: entity.IDNational, Number: "836420186"}}
	// One charity, and the same name for a branch elsewhere.
	unFund := mk("un:QDe.5", entity.Organization, "AL-NUR CHARITABLE FOUNDATION")
	unFund.Countries = []string{"PK"}
	ofFund := mk("ofac:105", entity.Organization, "Charitable Foundation, Al Nur")
	ofFund.Addresses = []entity.Address{{City: "Lahore", Country: "PK"}}
	ofFundBA := mk("ofac:106", entity.Organization, "AL-NUR CHARITABLE FOUNDATION")
	ofFundBA.Countries = []string{"BA"}
	// Same list: never linked, the publisher keeps them apart.
	unTwin := mk("un:QDi.2", entity.Person, "TARIQ HASSAN AL-MASRI")
	unTwin.BirthDates = []entity.Date{{Value: "1970-03-02"}}

	ents := []*entity.Entity{unTariq, ofTariq, ofOther, unKim, ofKim, ofLee, unFund, ofFund, ofFundBA, unTwin}
	got := map[string]map[string]string{}
	for i, ls := range Find(ents) {
		for _, l := range ls {
			if got[ents[i].ID] == nil {
				got[ents[i].ID] = map[string]string{}
			}
			got[ents[i].ID][l.ID] = l.By
		}
	}
	want := map[string]map[string]string{
		"un:QDi.1": {"ofac:101": "birth date 1970-03-02 and name"},
		"ofac:101": {"un:QDi.1": "birth date 1970-03-02 and name", "un:QDi.2": "birth date 1970-03-02 and name"},
		"un:QDi.2": {"ofac:101": "birth date 1970-03-02 and name"},
		"un:KPi.9": {"ofac:103": "identifier 836420186"},
		"ofac:103": {"un:KPi.9": "identifier 836420186"},
		"un:QDe.5": {"ofac:105": "name"},
		"ofac:105": {"un:QDe.5": "name"},
	}
	for id, w := range want {
		for other, by := range w {
			if got[id][other] != by {
				t.Errorf("%s → %s: got %q, want %q", id, other, got[id][other], by)
			}
		}
	}
	for id, g := range got {
		for other := range g {
			if _, ok := want[id][other]; !ok {
				t.Errorf("%s → %s linked (%s), want not", id, other, g[other])
			}
		}
	}
}

func TestIDNumber(t *testing.T) {
	for in, want := range map[string]string{
		"83 6420186":   "836420186",
		"A-005487":     "A005487",
		"12345":        "", // too short to be distinctive
		"ABCDEFGH":     "", // no digit: a word, not a number
		"n° 1234567-x": "N1234567X",
	} {
		if got := idNumber(in); got != want {
			t.Errorf("idNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzFind: any names, dates and numbers on two lists link without a
// panic, both ways, and never within a list.
func FuzzFind(f *testing.F) {
	f.Add("TARIQ ABD AL-KARIM AL-MASRI", "AL-MASRI, Tareq", "1970-03-02", "1970-03-02", "A123456", "a-123456")
	f.Add("", "x", "1970", "", "", "")
	f.Add("ثاقب محمد", "Saqib MUHAMMAD", "19", "2001-13-40", "000000", "0")
	f.Fuzz(func(t *testing.T, n1, n2, d1, d2, id1, id2 string) {
		mk := func(ds, id, name, dob, num string, schema entity.Schema) *entity.Entity {
			e := entity.New(ds, id, schema)
			e.AddName(entity.Name{Full: name, Kind: entity.Primary})
			e.BirthDates = []entity.Date{{Value: dob}}
			e.Identifiers = []entity.Identifier{{Type: entity.IDPassport, Number: num}}
			return e
		}
		ents := []*entity.Entity{
			mk("a", "1", n1, d1, id1, entity.Person), mk("b", "1", n2, d2, id2, entity.Person),
			mk("a", "2", n2, d2, id2, entity.Organization), mk("b", "2", n1, d1, id1, entity.Organization),
		}
		links := Find(ents)
		for i, ls := range links {
			for _, l := range ls {
				j := -1
				for k, e := range ents {
					if e.ID == l.ID {
						j = k
					}
				}
				if j < 0 || ents[j].Dataset == ents[i].Dataset {
					t.Fatalf("%s → %s: unknown or same dataset", ents[i].ID, l.ID)
				}
				back := false
				for _, m := range links[j] {
					back = back || m.ID == ents[i].ID
				}
				if !back {
					t.Fatalf("%s → %s has no link back", ents[i].ID, l.ID)
				}
			}
		}
	})
}
