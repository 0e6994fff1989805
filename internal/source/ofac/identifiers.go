package ofac

import (
	"strings"
	"unicode"

	"github.com/embargo-screening/embargo/internal/entity"
)

// idSpec says how a remark label maps to an identifier. note is the
// publisher's label where the type alone loses what the document is
// ("Cedula No." is a national id of a particular kind).
type idSpec struct {
	typ  string // "" for "national id of a person, registration of anything else"
	note string
}

// letterLabels are the labels whose numbers may have no digit.
var letterLabels = setOf("swift/bic", "un/locode", "aircraft tail number", "previous aircraft tail number")

// idLabels are the document and registry labels OFAC uses in remarks,
// collected from the published files. Spelling variants OFAC itself
// publishes (with and without "#" or ":") are listed as they occur.
var idLabels = map[string]idSpec{
	// Travel documents.
	"Passport":                           {entity.IDPassport, ""},
	"Passport No.":                       {entity.IDPassport, ""},
	"Passport No.:":                      {entity.IDPassport, ""},
	"Passport Booklet":                   {entity.IDPassport, "Passport Booklet"},
	"Passport Booklet:":                  {entity.IDPassport, "Passport Booklet"},
	"Diplomatic Passport":                {entity.IDPassport, "Diplomatic Passport"},
	"British National Overseas Passport": {entity.IDPassport, "British National Overseas Passport"},
	"Stateless Person Passport":          {entity.IDPassport, "Stateless Person Passport"},
	"Travel Document Number":             {entity.IDPassport, "Travel Document Number"},
	"Seafarer's Identification Document": {entity.IDOther, "Seafarer's Identification Document"},
	"VisaNumberID":                       {entity.IDOther, "Visa Number"},

	// Personal identity numbers.
	"National ID No.":                       {entity.IDNational, ""},
	"National ID No.:":                      {entity.IDNational, ""},
	"Cedula No.":                            {entity.IDNational, "Cedula No."},
	"D.N.I.":                                {entity.IDNational, "D.N.I."},
	"Identification Number":                 {"", ""},
	"Personal ID Card":                      {entity.IDNational, "Personal ID Card"},
	"National Foreign ID Number":            {entity.IDNational, "National Foreign ID Number"},
	"C.U.R.P.":                              {entity.IDNational, "C.U.R.P."},
	"C.U.R.P. #":                            {entity.IDNational, "C.U.R.P."},
	"SSN":                                   {entity.IDNational, "SSN"},
	"Credencial electoral":                  {entity.IDNational, "Credencial electoral"},
	"Electoral Registry No.":                {entity.IDNational, "Electoral Registry No."},
	"I.F.E.":                                {entity.IDNational, "I.F.E."},
	"Citizen's Card Number":                 {entity.IDNational, "Citizen's Card Number"},
	"Numero de Identidad":                   {entity.IDNational, "Numero de Identidad"},
	"Kenyan ID No.":                         {entity.IDNational, "Kenyan ID No."},
	"Turkish Identification Number":         {entity.IDNational, "Turkish Identification Number"},
	"Turkish Identificiation Number":        {entity.IDNational, "Turkish Identification Number"},
	"Tazkira National ID Card":              {entity.IDNational, "Tazkira National ID Card"},
	"Bosnian Personal ID No.":               {entity.IDNational, "Bosnian Personal ID No."},
	"Moroccan Personal ID No.":              {entity.IDNational, "Moroccan Personal ID No."},
	"UAE Identification":                    {entity.IDNational, "UAE Identification"},
	"CNP (Personal Numerical Code)":         {entity.IDNational, "CNP (Personal Numerical Code)"},
	"C.U.I.":                                {entity.IDNational, "C.U.I."},
	"C.U.I.P.":                              {entity.IDNational, "C.U.I.P."},
	"LE Number":                             {entity.IDNational, "LE Number"},
	"N.I.E.":                                {entity.IDNational, "N.I.E."},
	"Stateless Person ID Card":              {entity.IDNational, "Stateless Person ID Card"},
	"Refugee ID Card":                       {entity.IDNational, "Refugee ID Card"},
	"Residency Number":                      {entity.IDOther, "Residency Number"},
	"Birth Certificate Number":              {entity.IDOther, "Birth Certificate Number"},
	"Cartilla de Servicio Militar Nacional": {entity.IDOther, "Cartilla de Servicio Militar Nacional"},
	"Driver's License No.":                  {entity.IDOther, "Driver's License No."},
	"Pilot License Number":                  {entity.IDOther, "Pilot License Number"},
	"Immigration No.":                       {entity.IDOther, "Immigration No."},
	"Public Security and Immigration No.":   {entity.IDOther, "Public Security and Immigration No."},
	"Romanian Permanent Resident CAN":       {entity.IDOther, "Romanian Permanent Resident CAN"},
	"Tarjeta Profesional":                   {entity.IDOther, "Tarjeta Profesional"},
	"Chinese Commercial Code":               {entity.IDOther, "Chinese Commercial Code"},

	// Tax numbers.
	"Tax ID No.":                           {entity.IDTax, ""},
	"R.F.C.":                               {entity.IDTax, "R.F.C."},
	"R.F.C. #":                             {entity.IDTax, "R.F.C."},
	"RFC":                                  {entity.IDTax, "R.F.C."},
	"NIT #":                                {entity.IDTax, "NIT #"},
	"RUC #":                                {entity.IDTax, "RUC #"},
	"RIF #":                                {entity.IDTax, "RIF #"},
	"V.A.T. Number":                        {entity.IDTax, "V.A.T. Number"},
	"Italian Fiscal Code":                  {entity.IDTax, "Italian Fiscal Code"},
	"Italian Fiscal Code:":                 {entity.IDTax, "Italian Fiscal Code"},
	"Fiscal Code":                          {entity.IDTax, "Fiscal Code"},
	"US FEIN":                              {entity.IDTax, "US FEIN"},
	"C.U.I.T.":                             {entity.IDTax, "C.U.I.T."},
	"C.I.F.":                               {entity.IDTax, "C.I.F."},
	"RTN":                                  {entity.IDTax, "RTN"},
	"RSIN":                                 {entity.IDTax, "RSIN"},
	"Romanian Tax Registration":            {entity.IDTax, "Romanian Tax Registration"},
	"Paraguayan tax identification number": {entity.IDTax, "Paraguayan tax identification number"},
	"Numero Unico de Identificacao Tributaria (NUIT)": {entity.IDTax, "NUIT"},

	// Company and other registrations.
	"Registration ID":                               {entity.IDRegistration, ""},
	"Registration Number":                           {entity.IDRegistration, ""},
	"Business Registration Document #":              {entity.IDRegistration, "Business Registration Document #"},
	"Business Registration Number":                  {entity.IDRegistration, "Business Registration Number"},
	"Business Number":                               {entity.IDRegistration, "Business Number"},
	"Company Number":                                {entity.IDRegistration, "Company Number"},
	"UK Company Number":                             {entity.IDRegistration, "UK Company Number"},
	"Commercial Registry Number":                    {entity.IDRegistration, "Commercial Registry Number"},
	"Folio Mercantil No.":                           {entity.IDRegistration, "Folio Mercantil No."},
	"Matricula Mercantil No":                        {entity.IDRegistration, "Matricula Mercantil No"},
	"Chamber of Commerce Number":                    {entity.IDRegistration, "Chamber of Commerce Number"},
	"Dubai Chamber of Commerce Membership No.":      {entity.IDRegistration, "Dubai Chamber of Commerce Membership No."},
	"Istanbul Chamber of Comm. No.":                 {entity.IDRegistration, "Istanbul Chamber of Comm. No."},
	"Trade License No.":                             {entity.IDRegistration, "Trade License No."},
	"Tourism License No.":                           {entity.IDRegistration, "Tourism License No."},
	"C.R. No.":                                      {entity.IDRegistration, "C.R. No."},
	"Romanian C.R.":                                 {entity.IDRegistration, "Romanian C.R."},
	"Government Gazette Number":                     {entity.IDRegistration, "Government Gazette Number"},
	"License":                                       {entity.IDRegistration, "License"},
	"Public Registration Number":                    {entity.IDRegistration, "Public Registration Number"},
	"Certificate of Incorporation Number":           {entity.IDRegistration, "Certificate of Incorporation Number"},
	"Branch Unit Number":                            {entity.IDRegistration, "Branch Unit Number"},
	"Enterprise Number":                             {entity.IDRegistration, "Enterprise Number"},
	"Registered Charity No.":                        {entity.IDRegistration, "Registered Charity No."},
	"United Social Credit Code Certificate (USCCC)": {entity.IDRegistration, "Unified Social Credit Code"},
	"Unified Social Credit Code (USCC)":             {entity.IDRegistration, "Unified Social Credit Code"},
	"Afghan Money Service Provider License Number":  {entity.IDRegistration, "Afghan Money Service Provider License Number"},
	"MSB Registration Number":                       {entity.IDRegistration, "MSB Registration Number"},
	"Central Registration System Number":            {entity.IDRegistration, "Central Registration System Number"},
	"File Number":                                   {entity.IDRegistration, "File Number"},
	"D-U-N-S Number":                                {entity.IDRegistration, "D-U-N-S Number"},
	"Legal Entity Number":                           {entity.IDRegistration, "Legal Entity Number"},
	"ISIN":                                          {"isin", ""},

	// Banks.
	"SWIFT/BIC": {entity.IDBIC, ""},
	"UN/LOCODE": {entity.IDOther, "UN/LOCODE"},
	"BIK (RU)":  {entity.IDOther, "BIK (RU)"},

	// Vessels and aircraft.
	"Vessel Registration Identification":      {entity.IDIMO, ""},
	"International Maritime Organization No.": {entity.IDIMO, ""},
	"MMSI": {entity.IDMMSI, ""},
	"Aircraft Manufacturer's Serial Number (MSN)":                  {entity.IDOther, "Aircraft Manufacturer's Serial Number (MSN)"},
	"Aircraft Serial Identification":                               {entity.IDOther, "Aircraft Serial Identification"},
	"Aircraft Construction Number (also called L/N or S/N or F/N)": {entity.IDOther, "Aircraft Construction Number"},
	"Aircraft Mode S Transponder Code":                             {entity.IDOther, "Aircraft Mode S Transponder Code"},
	"Aircraft Tail Number":                                         {entity.IDRegistration, "Aircraft Tail Number"},
	"Previous Aircraft Tail Number":                                {entity.IDRegistration, "Previous Aircraft Tail Number"},
}

// idMarkers end the number in an identifier value; what follows is the
// country and notes.
var idMarkers = []string{" (", ", ", " issued", " expires", " expired", " issue date", " expire date", " valid", " in "}

// identifier reads "LABEL NUMBER (COUNTRY) issued DATE expires DATE".
func identifier(e *entity.Entity, label, val string, _ bool) bool {
	spec, ok := idLabels[label]
	if !ok {
		// The label matched case-insensitively.
		for l, s := range idLabels {
			if strings.EqualFold(l, label) {
				spec, ok = s, true
				break
			}
		}
	}
	if !ok {
		return false
	}
	id, ok := readID(val, !letterLabels[strings.ToLower(label)])
	if !ok {
		return false
	}
	id.Type = spec.typ
	if id.Type == "" {
		id.Type = entity.IDRegistration
		if e.Schema == entity.Person {
			id.Type = entity.IDNational
		}
	}
	note := spec.note
	if strings.EqualFold(label, "Legal Entity Number") && isLEI(id.Number) {
		id.Type, note = entity.IDLEI, ""
	}
	// OFAC writes vessel and company IMO numbers under several labels
	// ("Identification Number IMO 5817790", "Company Number IMO 5753988").
	if n, ok := cutFold(id.Number, "IMO "); ok {
		id.Type, id.Number = entity.IDIMO, n
	} else if n, ok := cutFold(id.Number, "ISIN:"); ok {
		id.Type, id.Number = "isin", strings.TrimSpace(n)
	}
	id.Note = joinNotes(note, id.Note)
	e.AddIdentifier(id)
	return true
}

// genericIdentifier catches identifier-shaped items with a label OFAC
// uses rarely: "Some Registry No. 12345 (Country)". The label must end in
// a word that names a number, so positions such as "Commander of the
// 41st Brigade" are not taken for one.
func genericIdentifier(e *entity.Entity, body string) bool {
	words := strings.Fields(body)
	k := -1
	for i, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			k = i
			break
		}
	}
	if k < 1 || k > 6 {
		return false
	}
	switch strings.ToLower(strings.TrimRight(words[k-1], ":")) {
	case "no.", "no", "nr.", "number", "#", "id", "code", "card", "license", "registration", "identification":
	default:
		return false
	}
	label := strings.Join(words[:k], " ")
	id, ok := readID(strings.Join(words[k:], " "), true)
	if !ok {
		return false
	}
	id.Type = entity.IDOther
	id.Note = joinNotes(strings.TrimRight(label, ":"), id.Note)
	e.AddIdentifier(id)
	return true
}

// readID splits a value into number, country and notes. A number
// without a digit is refused unless letters is set: it is text that only
// looks like a labelled value ("passport place of issue: ...").
func readID(val string, digit bool) (entity.Identifier, bool) {
	lower := strings.ToLower(val)
	end := len(val)
	for _, m := range idMarkers {
		if i := strings.Index(lower, m); i >= 0 && i < end {
			end = i
		}
	}
	num := strings.TrimSpace(val[:end])
	rest := val[end:]
	if strings.HasPrefix(num, "(") && strings.HasSuffix(num, ")") {
		num = num[1 : len(num)-1]
	}
	if num == "" && strings.HasPrefix(rest, " (") {
		// "International Maritime Organization No. (5777731)".
		if j := strings.IndexByte(rest, ')'); j > 0 {
			num, rest = strings.TrimSpace(rest[2:j]), rest[j+1:]
		}
	}
	num = strings.TrimRight(num, ",;:")
	if num == "" || digit && strings.IndexFunc(num, unicode.IsDigit) < 0 || strings.Count(num, " ") > 4 ||
		!digit && strings.ContainsRune(num, ' ') {
		return entity.Identifier{}, false
	}
	id := entity.Identifier{Number: num}
	// The first bracket naming a known country is the issuing country;
	// other brackets ("(Medellin)", "(Delaware)") stay in the note.
	var notes []string
	for rest != "" {
		i := strings.IndexByte(rest, '(')
		if i < 0 {
			notes = append(notes, rest)
			break
		}
		j := closing(rest, i)
		if j < 0 {
			notes = append(notes, rest)
			break
		}
		notes = append(notes, rest[:i])
		group := rest[i+1 : j]
		if c := countryCode(group); c != "" && id.Country == "" {
			id.Country = c
		} else {
			notes = append(notes, rest[i:j+1])
		}
		rest = rest[j+1:]
	}
	id.Note = strings.Trim(entity.CleanSpace(strings.Join(notes, " ")), " ,;")
	return id, true
}

// closing finds the bracket that closes the one at s[i].
func closing(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

func cutFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// isLEI reports whether s has the shape of an ISO 17442 legal entity
// identifier: 20 letters and digits.
func isLEI(s string) bool {
	if len(s) != 20 {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
