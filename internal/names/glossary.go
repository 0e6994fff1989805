package names

import "strings"

// The words organizations are named with, by meaning, as the lists write
// them in English, French, Spanish, Persian, Arabic, Turkish and Russian
// romanization. OFAC gives many an English alias beside the name in the
// publisher's language ("BANK MELLI IRAN", "NATIONAL BANK OF IRAN"; "BANK
// SADERAT IRAN", "IRAN EXPORT BANK"); a customer file or a payment may
// carry either. Words that meet already by spelling or sound (bank,
// banque, banco) need no entry. Only words of four letters or more that
// are not also common personal names are listed, so that a concept never
// joins two people.
const glossary = `
national: national nationale nacional melli milli watani wataniya wataniyah qawmi natsionalny natsionalnaya natsionalnyy
export: export exports exporter exportacion exportadora saderat sadirat tasdir
import: import imports importer importacion importadora varedat istirad
trade: trade trading trader commerce commercial commerciale comercial comercio comerciales comercializadora tejarat tejarati tijara tijari tijariya tijariyah bazargani torgovy torgovaya torgovyy ticaret
industry: industry industries industrial industriel industrielle industria industrias industriales sanaye sanayi sanati sinaa sinaat sinaiya promyshlenny promyshlennaya
development: development developpement desarrollo tosee toseeh tanmiya tanmiyah razvitiya razvitie
investment: investment investments investissement investissements inversion inversiones inversora istithmar istithmari sarmayeh investitsii investitsionnaya
oil: petroleum petroleo petroleos petrolier petroliere naft nafti nafta neft neftyanaya
shipping: shipping navigation naviera navegacion kashtirani sudokhodnaya sudokhodstvo
islamic: islamic islami islamiya islamiyah islamiyya islamiyyah eslami islamique islamico islamica
revolution: revolution revolutionary revolutionnaire revolucion revolucionaria revolucionarias revolucionario revolucionarios enghelab enqelab inqilab inqilabi thawra thawri thawriya
guards: guard guards pasdaran pasdar
army: army jaish jaysh ejercito armee armiya
corps: corps sepah
forces: force forces fuerza fuerzas quwwat niroo niruye
armed: armed armadas armados armees musallaha
front: front frente jabhat jabha jabhah
movement: movement mouvement movimiento harakat haraka harakah dvizhenie
party: party parti partido partiya hizb hezb
organization: organization organisation organizacion tanzim munazzama munazzamat
council: council conseil consejo shura sovet
ministry: ministry ministere ministerio vezarat wizara wizarat ministerstvo
centre: centre center centro markaz tsentr
research: research recherche recherches investigacion investigaciones tahghighat tahqiqat buhuth issledovaniy
studies: studies etudes estudios motaleat mutalaat dirasat
institute: institute institut instituto maahad
foundation: foundation fondation fundacion bonyad fond
charity: charity charitable khayriya khayriyah khairiya khairiyah khayri benefica
society: society association societe asociacion sociedad jamiat jamiya jamiyat anjoman obshchestvo
university: university universite universidad daneshgah universitet
international: international internationale internacional beynolmelal beinolmelali dawli dawliya dawliyah mezhdunarodny mezhdunarodnaya
construction: construction construcciones construccion constructora sakhteman sakhtemani stroitelnaya
engineering: engineering ingenierie ingenieria mohandesi handasa handasiya inzhiniring
aviation: aviation aviacion airlines airline havapeymayi tayaran aviakompaniya
republic: republic republique republica jomhouri jomhuri jumhuriya jumhuriyah respublika
liberation: liberation liberacion tahrir osvobozhdeniya
union: union unidad unite ittihad etehad ettehad soyuz
defense: defense defence defensa defa difa oborony
security: security securite seguridad amniyat bezopasnosti
intelligence: intelligence renseignement inteligencia ettelaat istikhbarat mukhabarat razvedki
exchange: exchange cambio sarafi sarrafi sirafa sarrafiya
insurance: insurance assurance seguros bimeh tamin strakhovaya
transport: transport transportation transporte transportes haml naql
steel: steel acero acier foulad fulad
mining: mining mines mineria minera maaden madan
petrochemical: petrochemical petrochemicals petroquimica petrochimie petroshimi
agriculture: agriculture agricultural agricola agricole keshavarzi ziraa ziraiya
cooperative: cooperative cooperativa taavoni taavon
factory: factory factories fabrica usine karkhaneh karkhane masnaa zavod
electronics: electronics electronic electronique electronica elektronik elektronika
power: electricity electricite electricidad bargh kahraba elektroenergiya
`

// concepts maps a word to its meaning's number, 1-based; 0 is no entry.
var concepts = func() map[string]uint16 {
	m := map[string]uint16{}
	for i, line := range strings.Split(strings.TrimSpace(glossary), "\n") {
		_, words, _ := strings.Cut(line, ":")
		for _, w := range strings.Fields(words) {
			m[w] = uint16(i + 1)
		}
	}
	return m
}()

// Concept returns the number of the meaning a Latin token's word has in
// the glossary of organization words, 0 when it has none.
func Concept(text string) uint16 { return concepts[text] }
