package ofac

import (
	"reflect"
	"slices"
	"testing"

	"github.com/embargo-screening/embargo/internal/entity"
)

func TestParseRemarks(t *testing.T) {
	id := func(typ, num, ctry, note string) entity.Identifier {
		return entity.Identifier{Type: typ, Number: num, Country: ctry, Note: note}
	}
	tests := []struct {
		name   string
		schema entity.Schema
		title  string
		text   string
		want   func(e *entity.Entity)
	}{
		{"empty", entity.Person, "", "", func(e *entity.Entity) {}},
		{"dates", entity.Person, "", "DOB 23 Nov 1962; alt. DOB 1960 to 1962; DOB circa 1955; DOB Jan 1959; DOB circa Apr 1961.", func(e *entity.Entity) {
			e.BirthDates = []entity.Date{{Value: "1962-11-23"}, {Value: "1960", Until: "1962"}, {Value: "1955", Circa: true}, {Value: "1959-01"}, {Value: "1961-04", Circa: true}}
		}},
		{"unparsed date kept as text", entity.Person, "", "DOB Spring 1960.", func(e *entity.Entity) {
			e.BirthDates = []entity.Date{{Text: "Spring 1960"}}
		}},
		{"place, nationality, gender", entity.Person, "", "POB Caracas, Venezuela; nationality Korea, North; alt. nationality possibly Palestinian; citizen Venezuela; Gender Female.", func(e *entity.Entity) {
			e.BirthPlaces = []string{"Caracas, Venezuela"}
			e.Nationalities = []string{"KP", "PS"}
			e.Citizenships = []string{"VE"}
			e.Gender = "female"
		}},
		{"passports", entity.Person, "", "Passport RL 3367620 (Lebanon) expires 28 Aug 2020; alt. Passport H0100009 issued 01 May 2000; Diplomatic Passport DP0001842 (Burundi) issued 08 Apr 2013 expires 08 Apr 2018.", func(e *entity.Entity) {
			e.Identifiers = []entity.Identifier{
				id(entity.IDPassport, "RL 3367620", "LB", "expires 28 Aug 2020"),
				id(entity.IDPassport, "H0100009", "", "issued 01 May 2000"),
				id(entity.IDPassport, "DP0001842", "BI", "Diplomatic Passport; issued 08 Apr 2013 expires 08 Apr 2018"),
			}
		}},
		{"national ids", entity.Person, "", "National ID No. 781005202108; Cedula No. 5892464 (Venezuela); C.U.R.P. PEAJ841112HDFRLS06 (Mexico); SSN 418-15-2837 (United States); Identification Number 321284198607120616 (China).", func(e *entity.Entity) {
			e.Identifiers = []entity.Identifier{
				id(entity.IDNational, "781005202108", "", ""),
				id(entity.IDNational, "5892464", "VE", "Cedula No."),
				id(entity.IDNational, "PEAJ841112HDFRLS06", "MX", "C.U.R.P."),
				id(entity.IDNational, "418-15-2837", "US", "SSN"),
				id(entity.IDNational, "321284198607120616", "CN", ""),
			}
		}},
		{"company ids", entity.Organization, "", "Tax ID No. 7704140399 (Russia); R.F.C. PEAJ-841112-UD1 (Mexico); NIT # 900496677-9 (Colombia); Registration ID 1121402000213 (Russia); Business Registration Document # 49840 (Turkey); D-U-N-S Number 85-244-5670; Identification Number 008-046347-9 (Iran); Matricula Mercantil No 21-573208-02 (Medellin); Legal Entity Number 2534009GGN6YQZXI1S24; SWIFT/BIC BKMTAM22.", func(e *entity.Entity) {
			e.Identifiers = []entity.Identifier{
				id(entity.IDTax, "7704140399", "RU", ""),
				id(entity.IDTax, "PEAJ-841112-UD1", "MX", "R.F.C."),
				id(entity.IDTax, "900496677-9", "CO", "NIT #"),
				id(entity.IDRegistration, "1121402000213", "RU", ""),
				id(entity.IDRegistration, "49840", "TR", "Business Registration Document #"),
				id(entity.IDRegistration, "85-244-5670", "", "D-U-N-S Number"),
				id(entity.IDRegistration, "008-046347-9", "IR", ""),
				id(entity.IDRegistration, "21-573208-02", "", "Matricula Mercantil No; (Medellin)"),
				id(entity.IDLEI, "2534009GGN6YQZXI1S24", "", ""),
				id(entity.IDBIC, "BKMTAM22", "", ""),
			}
		}},
		{"vessel", entity.Vessel, "", "Former Vessel Flag Malta; alt. Former Vessel Flag None Identified; Other Vessel Flag Liberia; Vessel Registration Identification IMO 9187629; MMSI 572469210; Vessel Year of Build 1999; Identification Number IMO 5817790.", func(e *entity.Entity) {
			e.Properties = entity.Properties{"pastFlags": {"MT"}, "flag": {"LR"}}
			e.Identifiers = []entity.Identifier{id(entity.IDIMO, "9187629", "", ""), id(entity.IDMMSI, "572469210", "", ""), id(entity.IDIMO, "5817790", "", "")}
			e.Vessel = &entity.VesselInfo{BuildYear: "1999"}
		}},
		{"aircraft", entity.Airplane, "", "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture Date Sep 1984; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's Serial Number (MSN) 1023409321; Previous Aircraft Tail Number YI-NAE; Aircraft Mode S Transponder Code 424B32.", func(e *entity.Entity) {
			e.Identifiers = []entity.Identifier{
				id(entity.IDOther, "8401", "", "Aircraft Construction Number"),
				id(entity.IDOther, "1023409321", "", "Aircraft Manufacturer's Serial Number (MSN)"),
				id(entity.IDRegistration, "YI-NAE", "", "Previous Aircraft Tail Number"),
				id(entity.IDOther, "424B32", "", "Aircraft Mode S Transponder Code"),
			}
			e.Vessel = &entity.VesselInfo{BuildYear: "1984"}
			e.Properties = entity.Properties{"buildDate": {"1984-09"}, "model": {"IL76-TD"}, "operator": {"YAS AIR"}}
		}},
		{"crypto and contacts", entity.Organization, "", "Digital Currency Address - XBT 1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V; alt. Digital Currency Address - ETH 0x9f4cda013e354b8fc285bf4b9a60460cee7f7ea9; Email Address a@b.com; Website www.x.ru; Phone Number 9821227700019; Fax: 982188717367; info@sanabel.org.uk (email); http://www.sanabel.org.uk (website).", func(e *entity.Entity) {
			e.Identifiers = []entity.Identifier{
				id(entity.IDCrypto, "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V", "", "XBT"),
				id(entity.IDCrypto, "0x9f4cda013e354b8fc285bf4b9a60460cee7f7ea9", "", "ETH"),
			}
			e.Properties = entity.Properties{"email": {"a@b.com", "info@sanabel.org.uk"}, "website": {"www.x.ru", "http://www.sanabel.org.uk"}, "phone": {"9821227700019"}, "fax": {"982188717367"}}
		}},
		{"names", entity.Person, "", "a.k.a. 'ABU BAKAR, Abdul Patta'; a.k.a. 'AL-QA'IDA'; f.k.a. 'OLD NAME'; a.k.a. unquoted.", func(e *entity.Entity) {
			e.Names = []entity.Name{
				{Full: "ABU BAKAR, Abdul Patta", Kind: entity.WeakAlias, Script: "Latn", Parts: &entity.NameParts{Family: "ABU BAKAR", Given: "Abdul Patta"}},
				{Full: "AL-QA'IDA", Kind: entity.WeakAlias, Script: "Latn"},
				{Full: "OLD NAME", Kind: entity.Former, Script: "Latn"},
			}
			e.Remarks = []string{"a.k.a. unquoted"}
		}},
		{"linked to keeps abbreviation period", entity.Organization, "", "Linked To: A, S.A. DE C.V.; Linked To: B LIMITED; Linked To: C S.A.", func(e *entity.Entity) {
			e.LinkedTo = []string{"A, S.A. DE C.V.", "B LIMITED", "C S.A."}
		}},
		{"linked to last without abbreviation", entity.Organization, "", "Linked To: B LIMITED.", func(e *entity.Entity) {
			e.LinkedTo = []string{"B LIMITED"}
		}},
		{"measures", entity.Organization, "", "Additional Sanctions Information - Subject to Secondary Sanctions; Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201; Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214; alt. Executive Order 13846 information: BAN ON INVESTMENT IN EQUITY OR DEBT OF SANCTIONED PERSON. Sec. 5(a)(v).", func(e *entity.Entity) {
			e.Measures = []string{
				"Additional Sanctions Information - Subject to Secondary Sanctions",
				"Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201",
				"Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214",
				"Executive Order 13846 information: BAN ON INVESTMENT IN EQUITY OR DEBT OF SANCTIONED PERSON. Sec. 5(a)(v)",
			}
		}},
		{"organization details", entity.Organization, "", "Organization Established Date 01 Jun 1961; Organization Type: Other monetary intermediation; Nationality of Registration China; Target Type Financial Institution.", func(e *entity.Entity) {
			e.Properties = entity.Properties{"incorporationDate": {"1961-06-01"}, "sector": {"Other monetary intermediation"}, "targetType": {"Financial Institution"}}
			e.Countries = []string{"CN"}
		}},
		{"title, positions and remarks", entity.Person, "Minister of Finance", "Minister of Finance; Title Basij Deputy Commander; former Director General of the Tehran Prisons Organization; Venezuela's Ombudsman; son of Slobodan Milosevic; ICTY indictee; Passport place of issue: Al-Anbar, Iraq; nationality possibly;arrested 23 Apr 2002; U.S.A.", func(e *entity.Entity) {
			e.Titles = []string{"Basij Deputy Commander"}
			e.Positions = []string{"former Director General of the Tehran Prisons Organization", "Venezuela's Ombudsman"}
			e.Remarks = []string{"son of Slobodan Milosevic", "ICTY indictee", "Passport place of issue: Al-Anbar, Iraq", "nationality possibly", "arrested 23 Apr 2002", "U.S.A."}
		}},
		{"positions only for people", entity.Organization, "", "Director of Something.", func(e *entity.Entity) {
			e.Remarks = []string{"Director of Something"}
		}},
		{"generic identifier label", entity.Person, "", "Seafarer's Identification Document MUM 85917 (India) expires 11 Nov 2023; Some Registry No. 12-34 (Spain); Commander of the 41st Brigade.", func(e *entity.Entity) {
			e.Identifiers = []entity.Identifier{
				id(entity.IDOther, "MUM 85917", "IN", "Seafarer's Identification Document; expires 11 Nov 2023"),
				id(entity.IDOther, "12-34", "ES", "Some Registry No."),
			}
			e.Positions = []string{"Commander of the 41st Brigade"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := entity.New("t", "1", tt.schema)
			want := entity.New("t", "1", tt.schema)
			tt.want(want)
			var st remarkStats
			parseRemarks(got, tt.text, tt.title, &st)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("\n got %+v\nwant %+v", got, want)
			}
			items, _ := splitRemarks(tt.text)
			if st.Items != len(items) || st.Items-st.Recognized != len(got.Remarks) {
				t.Errorf("stats %+v for %d items, %d remarks", st, len(items), len(got.Remarks))
			}
		})
	}
}

func TestSplitRemarks(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		cut  bool
	}{
		{"", nil, false},
		{"a.k.a. 'BNC'.", []string{"a.k.a. 'BNC'"}, true},
		{"A; B;C ;  ; D", []string{"A", "B", "C", "D"}, false},
		{"  DOB 1962;\tPOB  X. ", []string{"DOB 1962", "POB X"}, true},
	}
	for _, tt := range tests {
		got, cut := splitRemarks(tt.in)
		if !slices.Equal(got, tt.want) || cut != tt.cut {
			t.Errorf("%q: got %q %v, want %q %v", tt.in, got, cut, tt.want, tt.cut)
		}
	}
}
