// Package dataset is the one registry of the lists embargo knows: each
// dataset's name (OpenSanctions' names, SPEC section 2), title,
// publisher and authority, formats, official download locations and
// licence. The downloader, the yente catalog, the parsers and the README's
// table all read it, so that a dataset is described in one place.
package dataset

import (
	"fmt"
	"sort"
	"strings"
)

// Names of the known datasets.
const (
	UNSC       = "un_sc_sanctions"
	OFACSDN    = "us_ofac_sdn"
	OFACCons   = "us_ofac_cons"
	EUFSF      = "eu_fsf"
	UKFCDO     = "gb_fcdo_sanctions"
	UKOFSI     = "gb_hmt_sanctions"
	USTradeCSL = "us_trade_csl"
	// Regimes is the regime and embargo data that ships with the binary.
	Regimes = "embargo_regimes"
)

// Authority codes: "UN", "EU", or the ISO 3166-1 alpha-2 code of a state,
// as the regimes data names authorities.
const (
	AuthorityUN = "UN"
	AuthorityEU = "EU"
	AuthorityUS = "US"
	AuthorityGB = "GB"
)

// Dataset describes one list.
type Dataset struct {
	Name      string
	Title     string
	Publisher string
	// Authority is the code of who imposes the measures the list
	// carries; AuthorityName says it in words.
	Authority     string
	AuthorityName string
	// Formats describes the publisher formats embargo reads for it.
	Formats string
	// URLs are the official files of one publication, fetched together
	// (OFAC's CSV set is four files); none for a retired list.
	URLs []string
	// Home is the publisher's page about the list.
	Home    string
	Licence string
	// Retired is the date the publisher stopped publishing, if it did.
	Retired string
}

// ofacExports is OFAC's Sanctions List Service; the file name completes
// the URL.
const ofacExports = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"

func ofac(files ...string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = ofacExports + f
	}
	return out
}

var registry = []Dataset{
	{
		Name: UNSC, Title: "UN Security Council Consolidated List", Publisher: "United Nations Security Council",
		Authority: AuthorityUN, AuthorityName: "United Nations Security Council",
		Formats: "UN SC Consolidated List XML",
		URLs:    []string{"https://scsanctions.un.org/resources/xml/en/consolidated.xml"},
		Home:    "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list",
		Licence: "UN public information, free to reuse",
	},
	{
		Name: OFACSDN, Title: "US OFAC Specially Designated Nationals (SDN) List", Publisher: "US Treasury OFAC",
		Authority: AuthorityUS, AuthorityName: "US Treasury OFAC",
		Formats: "OFAC SDN CSV set (`sdn.csv`, `alt.csv`, `add.csv`, `sdn_comments.csv`) or `SDN_ADVANCED.XML`",
		URLs:    ofac("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"),
		Home:    "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists",
		Licence: "US government work, public domain",
	},
	{
		Name: OFACCons, Title: "US OFAC Consolidated (non-SDN) Sanctions List", Publisher: "US Treasury OFAC",
		Authority: AuthorityUS, AuthorityName: "US Treasury OFAC",
		Formats: "OFAC consolidated non-SDN CSV set (`cons_prim.csv`, `cons_alt.csv`, `cons_add.csv`, `cons_comments.csv`) or `CONS_ADVANCED.XML`",
		URLs:    ofac("cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"),
		Home:    "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists",
		Licence: "US government work, public domain",
	},
	{
		Name: EUFSF, Title: "EU Financial Sanctions Files (FSF)", Publisher: "European Commission (DG FISMA)",
		Authority: AuthorityEU, AuthorityName: "European Union",
		Formats: "EU Financial Sanctions Files XML 1.1",
		URLs:    []string{"https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"},
		Home:    "https://webgate.ec.europa.eu/fsd/fsf",
		Licence: "© European Union, reuse authorised (Commission Decision 2011/833/EU)",
	},
	{
		Name: UKFCDO, Title: "UK Sanctions List (FCDO)", Publisher: "UK Foreign, Commonwealth and Development Office",
		Authority: AuthorityGB, AuthorityName: "United Kingdom (FCDO)",
		Formats: "UK Sanctions List XML (FCDO)",
		URLs:    []string{"https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"},
		Home:    "https://www.gov.uk/government/publications/the-uk-sanctions-list",
		Licence: "Open Government Licence v3.0",
	},
	{
		Name: UKOFSI, Title: "UK HM Treasury (OFSI) Consolidated List", Publisher: "HM Treasury, Office of Financial Sanctions Implementation",
		Authority: AuthorityGB, AuthorityName: "United Kingdom (HM Treasury OFSI)",
		Formats: "legacy OFSI Consolidated List CSV (retired 2026-01-28; for history)",
		Home:    "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets",
		Licence: "Open Government Licence v3.0",
		Retired: "2026-01-28",
	},
	{
		Name: USTradeCSL, Title: "US Trade Consolidated Screening List", Publisher: "US International Trade Administration",
		Authority: AuthorityUS, AuthorityName: "US government (Commerce, State, Treasury)",
		Formats: "US Consolidated Screening List CSV",
		URLs:    []string{"https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"},
		Home:    "https://www.trade.gov/consolidated-screening-list",
		Licence: "US government work, public domain",
	},
}

var byName = func() map[string]*Dataset {
	m := make(map[string]*Dataset, len(registry))
	for i := range registry {
		m[registry[i].Name] = &registry[i]
	}
	return m
}()

// All returns the known datasets in the registry's order (SPEC section 2).
func All() []Dataset {
	out := make([]Dataset, len(registry))
	copy(out, registry)
	for i := range out {
		out[i].URLs = append([]string(nil), out[i].URLs...)
	}
	return out
}

// Get returns the dataset of that name.
func Get(name string) (Dataset, bool) {
	d, ok := byName[name]
	if !ok {
		return Dataset{}, false
	}
	c := *d
	c.URLs = append([]string(nil), d.URLs...)
	return c, true
}

// Title is the dataset's title, or its name for datasets the registry
// does not know (user-supplied FtM and Senzing files).
func Title(name string) string {
	if d, ok := byName[name]; ok {
		return d.Title
	}
	return name
}

// Authority is the authority code of a known dataset, "" otherwise.
func Authority(name string) string {
	if d, ok := byName[name]; ok {
		return d.Authority
	}
	return ""
}

// Names lists the known datasets' names, sorted.
func Names() []string {
	out := make([]string, len(registry))
	for i, d := range registry {
		out[i] = d.Name
	}
	sort.Strings(out)
	return out
}

// MarkdownTable renders the registry as the README's table of lists, so
// that the README says what the registry says (a test compares them).
func MarkdownTable() string {
	var b strings.Builder
	b.WriteString("| dataset | authority | format | official location | licence |\n|---|---|---|---|---|\n")
	for _, d := range registry {
		loc := "—"
		switch {
		case len(d.URLs) == 1:
			loc = d.URLs[0]
		case len(d.URLs) > 1:
			loc = commonPrefix(d.URLs) + " + file name"
		}
		if d.Retired != "" {
			loc = "retired " + d.Retired
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", d.Name, d.AuthorityName, d.Formats, loc, d.Licence)
	}
	b.WriteString("| any name | the publisher's | OpenSanctions FollowTheMoney JSON lines, Senzing JSON lines | user supplied (`--source NAME`) | the publisher's |\n")
	return b.String()
}

func commonPrefix(ss []string) string {
	p := ss[0]
	for _, s := range ss[1:] {
		for !strings.HasPrefix(s, p) {
			p = p[:len(p)-1]
		}
	}
	return p[:strings.LastIndexByte(p, '/')+1] // the folder, not part of a file name
}
