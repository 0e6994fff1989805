package batch

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// want is the expected reading of one row. For a row with err (a
// substring of Row.Err) only line and id are compared.
type want struct {
	line        int
	id, name    string
	schema      string
	birthDate   string
	countries   []string
	identifiers []string
	err         string
}

func readAll(t testing.TB, in string, f Format) []Row {
	t.Helper()
	r, err := NewReader(strings.NewReader(in), f)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var rows []Row
	for {
		row, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatalf("Read after %d rows: %v", len(rows), err)
		}
		rows = append(rows, row)
	}
}

func checkRows(t *testing.T, got []Row, wants []want) {
	t.Helper()
	for i := range max(len(got), len(wants)) {
		if i >= len(got) {
			t.Errorf("row %d missing, want %+v", i, wants[i])
			continue
		}
		g := got[i]
		if i >= len(wants) {
			t.Errorf("extra row %d: %+v", i, g)
			continue
		}
		w := wants[i]
		if g.Line != w.line || g.ID != w.id {
			t.Errorf("row %d: line %d id %q, want line %d id %q (err %v)", i, g.Line, g.ID, w.line, w.id, g.Err)
		}
		if w.err != "" {
			if g.Err == nil || !strings.Contains(g.Err.Error(), w.err) {
				t.Errorf("row %d (line %d): error %v, want one containing %q", i, g.Line, g.Err, w.err)
			}
			continue
		}
		if g.Err != nil {
			t.Errorf("row %d (line %d): unexpected error %v", i, g.Line, g.Err)
		}
		if g.Name != w.name || g.Schema != w.schema || g.BirthDate != w.birthDate ||
			!slices.Equal(g.Countries, w.countries) || !slices.Equal(g.Identifiers, w.identifiers) {
			t.Errorf("row %d (line %d) = %+v, want %+v", i, g.Line, g, w)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		size int // bufio size, 0 for the default
		want Format
	}{
		{"csv", "id,name\n1,Ann\n", 0, CSV},
		{"jsonl", `{"id":"1","name":"Ann"}`, 0, JSONLines},
		{"jsonl after space", " \r\n\t\n{}", 0, JSONLines},
		{"jsonl after BOM", "\xef\xbb\xbf{}", 0, JSONLines},
		{"csv after BOM", "\xef\xbb\xbfid,name", 0, CSV},
		{"csv starting like a BOM", "\xef\xbbid", 0, CSV},
		{"json array is not json lines", `[{"id":"1"}]`, 0, CSV},
		{"empty", "", 0, CSV},
		{"white space only", " \n\n ", 0, CSV},
		{"more white space than the buffer", strings.Repeat(" ", 100) + "{}", 16, CSV},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			br := bufio.NewReader(strings.NewReader(tt.in))
			if tt.size > 0 {
				br = bufio.NewReaderSize(strings.NewReader(tt.in), tt.size)
			}
			got, err := Sniff(br)
			if err != nil || got != tt.want {
				t.Fatalf("Sniff = %v, %v; want %v", got, err, tt.want)
			}
			rest, _ := io.ReadAll(br)
			if string(rest) != tt.in {
				t.Errorf("Sniff consumed input: %q left of %q", rest, tt.in)
			}
		})
	}

	// One byte at a time, as from a slow pipe.
	br := bufio.NewReader(iotest.OneByteReader(strings.NewReader("\xef\xbb\xbf  \n {\"id\":1}")))
	if got, err := Sniff(br); err != nil || got != JSONLines {
		t.Errorf("Sniff of a slow reader = %v, %v; want JSONLines", got, err)
	}

	ioErr := errors.New("disk on fire")
	br = bufio.NewReader(iotest.ErrReader(ioErr))
	if _, err := Sniff(br); !errors.Is(err, ioErr) {
		t.Errorf("Sniff of a failing reader: error %v, want %v", err, ioErr)
	}
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{
			name: "all columns",
			in: "id,name,schema,birth_date,country,identifier\n" +
				"c-1,Ivan Petrov,Person,1970-01-02,RU;BY,P123|P456\n" +
				"c-2,Acme Trading LLC,Company,,AE,\n",
			want: []want{
				{line: 2, id: "c-1", name: "Ivan Petrov", schema: "Person", birthDate: "1970-01-02",
					countries: []string{"RU", "BY"}, identifiers: []string{"P123", "P456"}},
				{line: 3, id: "c-2", name: "Acme Trading LLC", schema: "Company", countries: []string{"AE"}},
			},
		},
		{
			name: "header case, spaces, order and ignored columns",
			in: " Name ,notes,ID,COUNTRY\n" +
				"Jane Roe,call back,7, ir | ; sy \n",
			want: []want{{line: 2, id: "7", name: "Jane Roe", countries: []string{"ir", "sy"}}},
		},
		{
			name: "byte order mark",
			in:   "\xef\xbb\xbfid,name\n1,Ann\n",
			want: []want{{line: 2, id: "1", name: "Ann"}},
		},
		{
			name: "values trimmed, CRLF, no final newline",
			in:   "id,name\r\n 1 ,  Ann Lee \r\n2,Bo",
			want: []want{{line: 2, id: "1", name: "Ann Lee"}, {line: 3, id: "2", name: "Bo"}},
		},
		{
			name: "quoted commas and newlines keep line numbers",
			in: "id,name,country\n" +
				"1,\"Lee, Ann\",GB\n" +
				"2,\"Multi\nLine\r\nName\",\"FR;\nDE\"\n" +
				"3,\"Say \"\"hi\"\"\",\n" +
				"4,Last,\n",
			want: []want{
				{line: 2, id: "1", name: "Lee, Ann", countries: []string{"GB"}},
				{line: 3, id: "2", name: "Multi\nLine\nName", countries: []string{"FR", "DE"}},
				{line: 7, id: "3", name: `Say "hi"`},
				{line: 8, id: "4", name: "Last"},
			},
		},
		{
			name: "blank lines are not rows",
			in:   "\n\nid,name\n\n1,Ann\n\r\n\n2,Bob\n\n",
			want: []want{{line: 5, id: "1", name: "Ann"}, {line: 8, id: "2", name: "Bob"}},
		},
		{
			name: "header only",
			in:   "id,name\n",
		},
		{
			name: "invalid UTF-8 in an ignored column is ignored",
			in:   "id,name,notes\n1,Ann,\xff\xfe\n",
			want: []want{{line: 2, id: "1", name: "Ann"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRows(t, readAll(t, tt.in, CSV), tt.want)
		})
	}
}

// TestReadCSVMalformed pins what happens to broken rows in the middle of
// a file: each gets an error record at the line it starts on, and the
// rows after it are read. A quoted field that is not closed would make
// encoding/csv read the following lines into it; the Reader then restarts
// on the line after the bad row's first line.
func TestReadCSVMalformed(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{
			name: "wrong number of fields",
			in:   "id,name,country\n1,Ann,GB\n2,Bob\n3,Cid,FR,extra\n4,Dan,DE\n",
			want: []want{
				{line: 2, id: "1", name: "Ann", countries: []string{"GB"}},
				{line: 3, id: "2", err: "row has 2 fields, the header has 3"},
				{line: 4, id: "3", err: "row has 4 fields, the header has 3"},
				{line: 5, id: "4", name: "Dan", countries: []string{"DE"}},
			},
		},
		{
			name: "empty id and name",
			in:   "id,name\n1,\n,Bob\n2,   \n,\n3,Cid\n",
			want: []want{
				{line: 2, id: "1", err: "name is empty"},
				{line: 3, id: "", err: "id is empty"},
				{line: 4, id: "2", err: "name is empty"},
				{line: 5, id: "", err: "id is empty; name is empty"},
				{line: 6, id: "3", name: "Cid"},
			},
		},
		{
			name: "invalid UTF-8",
			in:   "id,name,country\n1,Ann\xff,GB\n2,Bob,\xc3\n3,Cid,\n",
			want: []want{
				{line: 2, id: "1", err: `invalid UTF-8 in column "name"`},
				{line: 3, id: "2", err: `invalid UTF-8 in column "country"`},
				{line: 4, id: "3", name: "Cid"},
			},
		},
		{
			name: "bare quote in a field",
			in:   "id,name\n1,Ann\n2,Jo\"hn\n3,Cid\n",
			want: []want{
				{line: 2, id: "1", name: "Ann"},
				{line: 3, id: "2", err: `malformed CSV at line 3, column 5: bare " in non-quoted-field`},
				{line: 4, id: "3", name: "Cid"},
			},
		},
		{
			name: "text after a closing quote",
			in:   "id,name\n1,\"Ann\" Lee\n2,Bob\n",
			want: []want{
				{line: 2, id: "1", err: `extraneous or missing " in quoted-field`},
				{line: 3, id: "2", name: "Bob"},
			},
		},
		{
			name: "stray opening quote closed by a later row's quote",
			in:   "id,name\n1,Ann\n2,\"Bob\n3,Cid\n4,\"Dan\"\n5,Eve\n",
			want: []want{
				{line: 2, id: "1", name: "Ann"},
				{line: 3, id: "2", err: "a quoted field on line 3 seems not to be closed (at line 5, column 3"},
				{line: 4, id: "3", name: "Cid"},
				{line: 5, id: "4", name: "Dan"},
				{line: 6, id: "5", name: "Eve"},
			},
		},
		{
			name: "stray opening quote never closed",
			in:   "id,name\n1,\"Ann\n2,Bob\n\n3,Cid",
			want: []want{
				{line: 2, id: "1", err: "reading resumed on line 3"},
				{line: 3, id: "2", name: "Bob"},
				{line: 5, id: "3", name: "Cid"},
			},
		},
		{
			name: "stray opening quote on the last line",
			in:   "id,name\n1,Ann\n2,\"Bob\n",
			want: []want{
				{line: 2, id: "1", name: "Ann"},
				{line: 3, id: "2", err: `extraneous or missing " in quoted-field`},
			},
		},
		{
			// A broken field that really spans lines: its second line
			// is read again as a row and reported too.
			name: "broken multi-line field",
			in:   "id,name\n1,\"Ann\nLee\" x\n2,Bob\n",
			want: []want{
				{line: 2, id: "1", err: "reading resumed on line 3"},
				{line: 3, id: "", err: `bare " in non-quoted-field`},
				{line: 4, id: "2", name: "Bob"},
			},
		},
		{
			name: "two stray quotes",
			in:   "id,name\n\"1,Ann\n2,Bob\n3,\"Cid\n4,Dan\n",
			want: []want{
				{line: 2, id: "", err: "seems not to be closed"},
				{line: 3, id: "2", name: "Bob"},
				{line: 4, id: "3", err: "seems not to be closed"},
				{line: 5, id: "4", name: "Dan"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRows(t, readAll(t, tt.in, CSV), tt.want)
		})
	}
}

func TestNewReaderErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		f     Format
		wants []string // substrings of the error
	}{
		{"missing name", "id,full_name\n1,Ann\n", CSV,
			[]string{`lacks the required column "name"`, `columns found: "id", "full_name"`}},
		{"missing id", "Name,Country\nAnn,GB\n", CSV,
			[]string{`lacks the required column "id"`, `columns found: "Name", "Country"`}},
		{"missing both", "a,b\n", CSV, []string{`required columns "id" and "name"`, `columns found: "a", "b"`}},
		{"semicolons", "id;name\n1;Ann\n", CSV, []string{`columns found: "id;name"`, "--delimiter"}},
		{"json array", "[{\"id\":\"1\",\"name\":\"Ann\"}]\n", CSV, []string{"is this a JSON array?"}},
		{"empty file", "", CSV, []string{"empty input"}},
		{"blank lines only", "\n\r\n\n", CSV, []string{"empty input"}},
		{"BOM only", "\xef\xbb\xbf", CSV, []string{"empty input"}},
		{"duplicate column", "id,name,NAME\n", CSV, []string{`column "name" twice`}},
		{"malformed header", "id,\"name\n", CSV, []string{"malformed CSV header"}},
		{"no format", "id,name\n", 0, []string{"unknown input format"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(tt.in), tt.f)
			if err == nil {
				t.Fatalf("NewReader succeeded (%v), want an error", r)
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestReadJSONLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{
			name: "all keys",
			in: `{"id":"c-1","name":"Ivan Petrov","schema":"Person","birth_date":"1970","country":"RU;BY","identifier":"P1|P2"}` + "\n" +
				`{"id":"c-2","name":"Acme","country":["AE"," ",""],"identifier":["X 1"]}` + "\n",
			want: []want{
				{line: 1, id: "c-1", name: "Ivan Petrov", schema: "Person", birthDate: "1970",
					countries: []string{"RU", "BY"}, identifiers: []string{"P1", "P2"}},
				{line: 2, id: "c-2", name: "Acme", countries: []string{"AE"}, identifiers: []string{"X 1"}},
			},
		},
		{
			name: "keys in any case, unknown keys ignored, numeric id",
			in:   `{"ID":42,"Name":" Jane ","extra":{"deep":[1,2]},"score":1.5,"country":null}`,
			want: []want{{line: 1, id: "42", name: "Jane"}},
		},
		{
			name: "blank lines skipped, BOM, CRLF, space around",
			in:   "\xef\xbb\xbf\n  {\"id\":\"1\",\"name\":\"Ann\"}  \r\n\r\n\t\n{\"id\":\"2\",\"name\":\"Bob\"}",
			want: []want{{line: 2, id: "1", name: "Ann"}, {line: 5, id: "2", name: "Bob"}},
		},
		{
			name: "HTML and escapes",
			in:   `{"id":"<1>","name":"Smith \u0026 Sons \"Ltd\"\n"}`,
			want: []want{{line: 1, id: "<1>", name: `Smith & Sons "Ltd"`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRows(t, readAll(t, tt.in, JSONLines), tt.want)
		})
	}
}

func TestReadJSONLinesMalformed(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"1","name":"Ann"}`,
		`["id","name"]`,
		`"just a string"`,
		`id,name`,
		`{"id":"2","name":"Bob"`,
		`{"id":"3","name":"Cid"} {"id":"4"}`,
		`{"id":"5","name":17}`,
		`{"id":"6","name":"Dan","country":["IR",7]}`,
		`{"id":true,"name":"Eve"}`,
		"{\"id\":\"7\",\"name\":\"Fay\xff\"}",
		"{\"id\":\"8\xfe\",\"name\":\"Gus\"}",
		"{\"id\":\"9\",\"name\":\"Hal\",\"country\":[\"\xff\"]}",
		"{\"id\":\"10\",\"name\":\"Ida\",\"notes\":\"\xff\"}",
		`{"name":"Jon"}`,
		`{"id":"11","name":"  "}`,
		`{"id":"12","name":null}`,
		`{}`,
		`{"id":"13","name":"Kim"}`,
	}, "\n")
	checkRows(t, readAll(t, in, JSONLines), []want{
		{line: 1, id: "1", name: "Ann"},
		{line: 2, err: "not a JSON object but an array"},
		{line: 3, err: "not a JSON object but a string"},
		{line: 4, err: "not a JSON object"},
		{line: 5, err: "invalid JSON"},
		{line: 6, err: "invalid JSON"},
		{line: 7, id: "5", err: `key "name" must be a string, not a number`},
		{line: 8, id: "6", err: `key "country" must hold strings, not a number`},
		{line: 9, err: `key "id" must be a string, not a boolean`},
		{line: 10, id: "7", err: `invalid UTF-8 in key "name"`},
		{line: 11, id: "8\uFFFD", err: `invalid UTF-8 in key "id"`},
		{line: 12, id: "9", err: `invalid UTF-8 in key "country"`},
		{line: 13, id: "10", name: "Ida"},
		{line: 14, err: "id is empty"},
		{line: 15, id: "11", err: "name is empty"},
		{line: 16, id: "12", err: "name is empty"},
		{line: 17, err: "id is empty; name is empty"},
		{line: 18, id: "13", name: "Kim"},
	})
}

func TestReadLongRows(t *testing.T) {
	long := strings.Repeat("Ab", 1<<19) // 1 MB
	t.Run("1 MB JSON line", func(t *testing.T) {
		in := `{"id":"1","name":"` + long + `"}` + "\n" + `{"id":"2","name":"Bob"}`
		checkRows(t, readAll(t, in, JSONLines), []want{{line: 1, id: "1", name: long}, {line: 2, id: "2", name: "Bob"}})
	})
	t.Run("1 MB CSV field", func(t *testing.T) {
		in := "id,name\n1,\"" + long + "\"\n2,Bob\n"
		checkRows(t, readAll(t, in, CSV), []want{{line: 2, id: "1", name: long}, {line: 3, id: "2", name: "Bob"}})
	})

	// The CSV limit is checked as input is read, a buffer at a time: a
	// row a little over it may pass.
	huge := strings.Repeat("x", maxRecordBytes+1<<20)
	t.Run("JSON line over the limit", func(t *testing.T) {
		in := `{"id":"1","name":"Ann"}` + "\n" + `{"id":"2","name":"` + huge + `"}` + "\n" + `{"id":"3","name":"Cid"}` + "\n"
		checkRows(t, readAll(t, in, JSONLines), []want{
			{line: 1, id: "1", name: "Ann"},
			{line: 2, err: "line is longer than 16 MiB"},
			{line: 3, id: "3", name: "Cid"},
		})
	})
	t.Run("CSV line over the limit", func(t *testing.T) {
		in := "id,name\n1,Ann\n2," + huge + "\n3,Cid\n"
		checkRows(t, readAll(t, in, CSV), []want{
			{line: 2, id: "1", name: "Ann"},
			{line: 3, err: "row is longer than 16 MiB"},
			{line: 4, id: "3", name: "Cid"},
		})
	})
	t.Run("unclosed CSV quote over the limit", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("id,name\n1,\"Ann\n")
		name := strings.Repeat("Bob ", 100)
		n := 0
		for b.Len() <= maxRecordBytes+1<<20 {
			n++
			b.WriteString("2," + name + "\n")
		}
		r, err := NewReader(strings.NewReader(b.String()), CSV)
		if err != nil {
			t.Fatal(err)
		}
		var first, last []Row
		rows := 0
		for {
			row, err := r.Read()
			if err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
			if rows++; rows <= 2 {
				first = append(first, row)
			}
			last = append(last[:0], row)
		}
		checkRows(t, first, []want{
			{line: 2, id: "", err: "row is longer than 16 MiB (maybe a quote is not closed); reading resumed on line 3"},
			{line: 3, id: "2", name: strings.TrimSpace(name)},
		})
		checkRows(t, last, []want{{line: n + 2, id: "2", name: strings.TrimSpace(name)}})
		if rows != n+1 {
			t.Errorf("read %d rows, want %d", rows, n+1)
		}
	})
}

// TestReadIOError checks that a failing input ends reading with an error,
// after the rows before it, for good.
func TestReadIOError(t *testing.T) {
	ioErr := errors.New("disk on fire")
	for _, tt := range []struct {
		f  Format
		in string
	}{
		{CSV, "id,name\n1,Ann\n2,Bob\n"},
		{JSONLines, "{\"id\":\"1\",\"name\":\"Ann\"}\n{\"id\":\"2\",\"name\":\"Bob\"}\n"},
	} {
		r, err := NewReader(io.MultiReader(strings.NewReader(tt.in), iotest.ErrReader(ioErr)), tt.f)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			row, err := r.Read()
			if err != nil {
				if !errors.Is(err, ioErr) {
					t.Errorf("format %d: error %v after %d rows, want %v", tt.f, err, n, ioErr)
				}
				break
			}
			if row.Err != nil {
				t.Errorf("format %d: row %+v", tt.f, row)
			}
			n++
		}
		if n != 2 {
			t.Errorf("format %d: %d rows before the error, want 2", tt.f, n)
		}
		if _, err := r.Read(); !errors.Is(err, ioErr) {
			t.Errorf("format %d: Read after the error = %v, want it again", tt.f, err)
		}
	}
}

// A semicolon or tab file reads with its separator given or sniffed.
func TestReaderSeparators(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"semicolon", "id;name;country\n1;Ann Lee;FR\n2;\"Bo; Li\";CN\n"},
		{"tab", "id\tname\tcountry\n1\tAnn Lee\tFR\n2\tBo; Li\tCN\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			br := bufio.NewReader(strings.NewReader(tc.in))
			comma := SniffComma(br)
			rd, err := NewReaderWith(br, CSV, ReadOptions{Comma: comma})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				row, err := rd.Read()
				if err == io.EOF {
					break
				}
				if err != nil || row.Err != nil {
					t.Fatalf("row: %v %v", err, row.Err)
				}
				got = append(got, row.ID+"="+row.Name+"/"+strings.Join(row.Countries, ","))
			}
			if want := "1=Ann Lee/FR 2=Bo; Li/CN"; strings.Join(got, " ") != want {
				t.Errorf("rows %q, want %q", got, want)
			}
		})
	}
	if _, err := NewReaderWith(strings.NewReader("id\"name\n"), CSV, ReadOptions{Comma: '"'}); err == nil {
		t.Errorf("a quote accepted as the separator")
	}
}

// UTF-16 with a byte order mark (spreadsheets' "Unicode text") is read;
// without one it is refused with a message saying so.
func TestUTF16(t *testing.T) {
	enc := func(s string, le bool) []byte {
		var b []byte
		if le {
			b = append(b, 0xff, 0xfe)
		} else {
			b = append(b, 0xfe, 0xff)
		}
		for _, r := range s {
			if le {
				b = append(b, byte(r), byte(r>>8))
			} else {
				b = append(b, byte(r>>8), byte(r))
			}
		}
		return b
	}
	for _, le := range []bool{true, false} {
		br, err := UTF8(bufio.NewReader(bytes.NewReader(enc("id,name\n1,Zoë Ångström\n", le))))
		if err != nil {
			t.Fatal(err)
		}
		rd, err := NewReader(br, CSV)
		if err != nil {
			t.Fatal(err)
		}
		row, err := rd.Read()
		if err != nil || row.Err != nil || row.Name != "Zoë Ångström" {
			t.Errorf("UTF-16 (little endian %v): %+v %v", le, row, err)
		}
	}
	noBOM := enc("id,name\n1,Ann Lee\n", true)[2:]
	if _, err := UTF8(bufio.NewReader(bytes.NewReader(noBOM))); err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("UTF-16 without a byte order mark: %v", err)
	}
}
