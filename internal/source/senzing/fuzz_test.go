package senzing

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/embargo-screening/embargo/internal/source/sourcetest"
)

// FuzzParse checks that no input makes the parser panic and that every
// failure is a positioned *source.Error. The seeds are the fixture's
// records cut into one record per attribute or list: Go's minimizer is
// quadratic in the input length, and whole records stall it.
func FuzzParse(f *testing.F) {
	data := readFixture(f)
	for _, l := range bytes.Split(data, []byte("\n")) {
		var rec map[string]any
		if json.Unmarshal(l, &rec) != nil {
			continue
		}
		for k, v := range rec {
			if k == "RECORD_ID" || k == "DATA_SOURCE" {
				continue
			}
			seed, err := json.Marshal(map[string]any{"DATA_SOURCE": rec["DATA_SOURCE"], "RECORD_ID": rec["RECORD_ID"], k: v})
			if err != nil {
				f.Fatal(err)
			}
			f.Add(seed)
		}
	}
	f.Add([]byte("\n\n{\"RECORD_ID\":1,\"DATA_SOURCE\":\"A\",\"X_NAME_FULL\":[\"a\",null,{\"NAME_ORG\":2}]}\r\n{"))
	f.Add([]byte(`{"RECORD_ID":"1","DATA_SOURCE":"A","NAMES":[[{"NAME_FIRST":"a"}]],"DATE_OF_BIRTH":"1960-1962"}`))
	f.Add([]byte("{\"RECORD_ID\":\"1\",\"DATA_SOURCE\":\"\xff\"}"))
	f.Add([]byte("[]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := parseBytes("", "fuzz.json", data)
		sourcetest.CheckError(t, err)
		for _, e := range list {
			if e.SourceID == "" || e.Dataset == "" {
				t.Fatalf("entity without id: %+v", e)
			}
		}
	})
}
