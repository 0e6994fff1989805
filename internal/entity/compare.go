package entity

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
)

// FieldChange is how one field differs between two versions of an entity.
// For list fields Added and Removed hold the values (JSON for structured
// ones, such as names); for single values they hold the new and old value.
type FieldChange struct {
	Field   string   `json:"field"`
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// Compare lists the fields that differ between two versions of an entity,
// by their JSON names, in sorted order. The raw record is left out: a
// publisher renumbering its internal rows is not a change to the listing.
func Compare(old, new *Entity) []FieldChange {
	a, b := fieldsOf(old), fieldsOf(new)
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []FieldChange
	for _, k := range keys {
		if k == "raw" || bytes.Equal(a[k], b[k]) {
			continue
		}
		before, after := values(a[k]), values(b[k])
		fc := FieldChange{Field: k}
		for _, v := range after {
			if !slices.Contains(before, v) {
				fc.Added = append(fc.Added, v)
			}
		}
		for _, v := range before {
			if !slices.Contains(after, v) {
				fc.Removed = append(fc.Removed, v)
			}
		}
		out = append(out, fc)
	}
	return out
}

func fieldsOf(e *Entity) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	if e == nil {
		return m
	}
	data, err := json.Marshal(e)
	if err != nil {
		return m // cannot happen: Entity holds only marshalable values
	}
	_ = json.Unmarshal(data, &m)
	return m
}

// values flattens a JSON field into comparable strings: the elements of an
// array, the key=value pairs of an object (Properties), else the value.
func values(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		out := make([]string, len(list))
		for i, v := range list {
			out[i] = scalar(v)
		}
		return out
	}
	var obj map[string]json.RawMessage
	if raw[0] == '{' && json.Unmarshal(raw, &obj) == nil {
		out := make([]string, 0, len(obj))
		for k, v := range obj {
			out = append(out, k+"="+scalar(v))
		}
		sort.Strings(out)
		return out
	}
	return []string{scalar(raw)}
}

func scalar(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(v)
}
