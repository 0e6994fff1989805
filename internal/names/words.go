package names

import "strings"

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// particles join or qualify names without identifying anyone: the Arabic
// article and patronymic markers, European nobiliary particles, and the
// conjunctions of partnership names ("Barros e Braga", "Smith and Jones").
var particles = set(`al el ul ad ar as at az an ash ed bin bint ould
	de da di del della dello dei der den des van von vom zu le la du dos das do
	y e et und and of the`)

// honorifics are titles and ranks written before or after a name.
var honorifics = set(`mr mrs ms miss mister madam dr doctor prof professor sir dame lord lady
	haji hajji hadji haj hajj alhaj alhaji alhajj sheikh shaikh sheik shaykh cheikh shaik
	mullah mulla maulana mawlana maulvi mawlawi moulavi molvi imam ayatollah hojatoleslam
	sayyid sayed syed seyed sayyed seyyed sayid sharif
	general gen colonel col major maj captain capt lieutenant lt sergeant sgt brigadier
	admiral commander cmdr marshal eng engr engineer ing hon rev reverend father fr
	prince princess emir jr sr phd md esq ii iii iv
	qari judge mufti qazi qadi ustad ustadh seyh hoca mawlawi mevlana
	aqa agha aghaye aqaye aqai khanom janab gospodin herr frau monsieur mme mlle senor senora don dona`)

// legalForms are company forms in the languages lists use. Generic
// business words (Trading, Group, Industries) are not here: they are
// ordinary words whose rarity weight is low because many names carry them.
var legalForms = set(`llc llp lp ltd limited inc incorporated corp corporation co company
	plc gmbh mbh ag kg ohg ug ev sa sas sal sarl sasu srl spa sl sau bv nv vof oy oyj ab asa aps
	ooo zao oao pao ao pjsc ojsc cjsc jsc tov pat prat fop tszh mup gup fgup nko
	scs sca pt tbk bhd sdn pte pvt pty sherkat sharikat shirkat sharika sharikah sherkate
	est establishment fze fzc fzco fzllc dmcc kft zrt nyrt doo dd sro spzoo zoo sc cv sab ltda
	ip eireli gie kk kabushiki kaisha gk ulc pllc
	liability joint stock societe sociedad anonima anonyme responsabilidad limitada
	aktiengesellschaft gesellschaft beschrankter haftung`)

// nameTitles are the titles that are also names (Sayed, Sharif, Haji,
// Agha, Mufti): one with no name after it is the name itself, as in
// "AHMAD, Sayed".
var nameTitles = set(`sayyid sayed syed seyed sayyed seyyed sayid sharif
	haji hajji hadji haj hajj sheikh shaikh sheik shaykh cheikh shaik seyh
	mullah mulla imam mufti qazi qadi qari agha aqa emir prince don major`)

// NameTitle reports whether a title is also a name (Sayed, Qazi, Haji):
// where a query reads it as a title, a listing may carry it as the name.
func NameTitle(text string) bool { return nameTitles[text] }

// suffixes are the honorifics written after a name.
var suffixes = set(`jr sr phd md esq ii iii iv`)

// abjadClasses are the honorifics and legal forms as they come out of
// Arabic and Persian script (consonantal transliteration).
var abjadClasses = map[string]Class{
	"shikh": Honorific, "shykh": Honorific, "haj": Honorific, "haji": Honorific, "hajj": Honorific,
	"sid": Honorific, "sayid": Honorific, "aqai": Honorific, "aqa": Honorific,
	"dktur": Honorific, "dktr": Honorific, "mhnds": Honorific, "mula": Honorific, "mla": Honorific,
	"khanm": Honorific, "imam": Honorific, "amam": Honorific,
	"shrka": LegalForm, "shrkt": LegalForm, "shrkh": LegalForm, "mussa": LegalForm, "muassa": LegalForm,
	"mssa": LegalForm, "sherkat": LegalForm,
}

// spelledForms are legal forms written out, longest first, with the
// abbreviation they are folded to.
var spelledForms = []struct {
	words []string
	abbr  string
}{
	{strings.Fields("gesellschaft mit beschrankter haftung"), "gmbh"},
	{strings.Fields("public joint stock company"), "pjsc"},
	{strings.Fields("closed joint stock company"), "cjsc"},
	{strings.Fields("open joint stock company"), "ojsc"},
	{strings.Fields("limited liability company"), "llc"},
	{strings.Fields("limited liability partnership"), "llp"},
	{strings.Fields("public limited company"), "plc"},
	{strings.Fields("joint stock company"), "jsc"},
	{strings.Fields("societe anonyme"), "sa"},
	{strings.Fields("sociedad anonima"), "sa"},
	{strings.Fields("limited"), "ltd"},
	{strings.Fields("company"), "co"},
	{strings.Fields("corporation"), "corp"},
	{strings.Fields("incorporated"), "inc"},
}
