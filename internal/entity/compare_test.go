package entity

import (
	"reflect"
	"testing"
)

func TestCompare(t *testing.T) {
	old := New("us_ofac_sdn", "10392", Organization)
	old.AddName(Name{Full: "MINISTRY OF DEFENSE AND ARMED FORCES LOGISTICS", Kind: Primary})
	old.Programs = []string{"IRAN", "NPWMD"}
	old.Raw = "row 1"

	new := New("us_ofac_sdn", "10392", Organization)
	new.AddName(Name{Full: "MINISTRY OF DEFENSE AND ARMED FORCES LOGISTICS", Kind: Primary})
	new.Programs = []string{"IRAN", "NPWMD", "IRAN-CON-ARMS-EO"}
	new.Raw = "row 1 renumbered"
	new.ListedOn = "2020-09-21"

	got := Compare(old, new)
	want := []FieldChange{
		{Field: "listed_on", Added: []string{"2020-09-21"}},
		{Field: "programs", Added: []string{"IRAN-CON-ARMS-EO"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Compare = %+v, want %+v", got, want)
	}
	if c := Compare(old, old); len(c) != 0 {
		t.Fatalf("Compare(x, x) = %+v, want none", c)
	}
	// Only the raw record differs: not a change.
	same := *old
	same.Raw = "other"
	if c := Compare(old, &same); len(c) != 0 {
		t.Fatalf("raw-only difference reported: %+v", c)
	}
}
