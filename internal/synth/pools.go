package synth

import "strings"

// The pools below are invented or made of very common, generic names; no
// row comes from a real sanctions list. Each pool is ordered from the most
// to the least frequent item, because items are drawn with a power-law
// bias toward the front: real lists repeat a few tokens (Mohammed, al-,
// Ivanov, Co.) very often and have a long tail of rare ones, and the
// matcher's candidate lists are only realistic with that shape.
//
// Pool items are written "Spelling|Variant|Variant=Original": the Latin
// spellings, most usual first, then the original-script form where the
// pool knows one.

// tok is one name element with its Latin spellings and original form.
type tok struct {
	v   []string
	alt string
}

// pool parses a comma-separated list of items.
func pool(s string) []tok {
	items := strings.Split(s, ",")
	out := make([]tok, 0, len(items))
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		var t tok
		if lat, alt, ok := strings.Cut(it, "="); ok {
			it, t.alt = lat, alt
		}
		t.v = strings.Split(it, "|")
		out = append(out, t)
	}
	return out
}

// words parses a comma-separated list of plain strings.
func words(s string) []string {
	items := strings.Split(s, ",")
	out := make([]string, 0, len(items))
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// fields parses a comma-separated list of colon-separated records.
func fields(s string) [][]string {
	ws := words(s)
	out := make([][]string, len(ws))
	for i, w := range ws {
		out[i] = strings.Split(w, ":")
	}
	return out
}

// ---- Arabic ----

var arMale = pool(`
Mohammed|Muhammad|Mohamed|Mohammad|Muhammed|Mohamad=محمد, Ahmed|Ahmad=أحمد, Ali=علي,
Abdullah|Abdallah|Abdulla=عبد الله, Omar|Umar=عمر, Hassan|Hasan=حسن, Ibrahim|Ebrahim|Ibraheem=إبراهيم,
Khalid|Khaled=خالد, Yusuf|Youssef|Yousef|Yousif=يوسف, Mahmoud|Mahmud=محمود,
Hussein|Husayn|Hussain|Husain=حسين, Mustafa|Moustafa|Mostafa=مصطفى, Saleh|Salih=صالح,
Said|Saeed|Sayed=سعيد, Nasser|Nasir|Naser=ناصر, Faisal|Faysal|Feisal=فيصل, Salem|Salim=سالم,
Hamza|Hamzah=حمزة, Tariq|Tarek|Tareq=طارق, Jamal|Gamal=جمال, Adel|Adil=عادل, Walid|Waleed=وليد,
Majid|Majed=ماجد, Hamid|Hamed=حامد, Rashid|Rashed=راشد, Sami|Samy=سامي, Karim|Kareem=كريم,
Osama|Usama|Usamah=أسامة, Amr|Amro=عمرو, Bilal=بلال, Ziyad|Ziad=زياد, Khalil=خليل, Anwar=أنور,
Jaber|Jabir=جابر, Mansour|Mansur=منصور, Hisham|Hesham=هشام, Imad|Emad=عماد,
Ismail|Ismael|Esmail=إسماعيل, Issa|Isa=عيسى, Musa|Moussa|Mousa=موسى, Yahya|Yehia=يحيى,
Suleiman|Sulayman|Soliman=سليمان, Idris=إدريس, Haitham|Haytham=هيثم, Marwan=مروان,
Riyad|Riad=رياض, Talal=طلال, Nabil|Nabeel=نبيل, Nizar=نزار, Qasim|Kassem|Qassem=قاسم,
Abbas=عباس, Jafar|Jaafar=جعفر, Zakaria|Zakariya=زكريا, Uthman|Othman|Osman=عثمان,
Zaid|Zayd|Zeid=زيد, Ayman=أيمن, Hamad=حمد, Hamdan=حمدان, Sultan=سلطان, Turki=تركي,
Nayef|Nayif=نايف, Badr|Bader=بدر, Mahdi|Mehdi=مهدي, Sabri=صبري, Fawzi|Fawzy=فوزي, Raed|Raid=رائد,
Shadi=شادي, Murad|Mourad=مراد, Aziz=عزيز, Ghassan=غسان, Wael|Wail=وائل, Ashraf=أشرف,
Hani|Hany=هاني, Yasser|Yasir=ياسر, Ammar=عمار, Hadi=هادي, Salman=سلمان, Saad=سعد,
Muhannad|Mohannad=مهند, Mazen|Mazin=مازن, Firas|Feras=فراس, Bashir|Basheer=بشير, Habib=حبيب,
Jalal=جلال, Kamal=كمال, Lutfi=لطفي, Munir|Mounir=منير, Qais|Qays|Kais=قيس, Rami|Ramy=رامي,
Sharif|Sherif=شريف, Tawfiq|Tawfik|Toufic=توفيق, Yunus|Younis|Younes=يونس, Zuhair|Zuhayr=زهير,
Nawaf=نواف, Mishal|Meshal=مشعل, Fahd|Fahad=فهد, Bandar=بندر, Saud=سعود, Khalifa=خليفة,
Rakan=راكان, Hatem|Hatim=حاتم, Harith|Hareth=حارث, Mundhir=منذر, Hudhayfa|Huzaifa=حذيفة,
Anas=أنس, Muath|Moaz|Muadh=معاذ, Suhaib|Suhayb=صهيب, Khattab=خطاب, Ubaida|Obaida=عبيدة,
Jihad=جهاد, Nidal=نضال, Ihab|Ehab=إيهاب, Akram=أكرم, Basim|Basem=باسم, Fadi=فادي, Ghazi=غازي,
Hazem|Hazim=حازم, Iyad|Eyad=إياد, Luay|Louai=لؤي, Maher=ماهر, Nasr=نصر, Nuri|Nouri=نوري,
Samir|Sameer=سمير, Safwan=صفوان, Taha=طه, Wissam|Wisam=وسام, Yazan=يزن, Zaki=زكي`)

var arFemale = pool(`
Fatima|Fatimah|Fatma=فاطمة, Aisha|Aysha|Aicha=عائشة, Khadija|Khadijah=خديجة, Maryam|Mariam=مريم,
Zainab|Zaynab|Zeinab=زينب, Amina|Aminah=أمينة, Layla|Leila|Laila=ليلى, Huda|Hoda=هدى, Samira=سميرة,
Nadia|Nadiya=نادية, Hanan=حنان, Rania=رانيا, Asma=أسماء, Sara|Sarah=سارة, Nour|Noor=نور,
Salma=سلمى, Iman|Eman=إيمان, Rasha=رشا, Dalia=داليا, Ruqayya|Ruqaya=رقية, Hafsa=حفصة,
Sumaya|Sumayyah=سمية, Hind=هند, Widad=وداد, Lina=لينا, Reem|Rim=ريم, Amal=أمل, Nawal=نوال,
Suad|Souad=سعاد, Jamila=جميلة`)

// arKunya holds names that occur mostly after Abu in a kunya.
var arKunya = pool(`Bakr=بكر, Hafs=حفص, Musab|Mosab=مصعب, Dujana=دجانة, Qatada=قتادة, Talha=طلحة,
Jandal=جندل, Huraira=هريرة, Ubaidah=عبيدة, Turab=تراب`)

// arAbd holds the divine attributes of Abd al-X names, without the article.
var arAbd = pool(`
Rahman=رحمن, Aziz=عزيز, Rahim=رحيم, Karim=كريم, Latif=لطيف, Majid=مجيد, Hamid=حميد, Qadir|Kader=قادر,
Jabbar=جبار, Wahab|Wahhab=وهاب, Razzaq|Razak=رزاق, Hakim=حكيم, Malik=ملك, Salam=سلام, Ghani=غني,
Hadi=هادي, Basit=باسط, Nasser|Nasir=ناصر, Halim=حليم, Jalil=جليل, Monem|Munim=منعم, Bari=باري,
Wahid=واحد, Ghafur|Ghafour=غفور, Sattar=ستار, Fattah=فتاح, Qawi=قوي, Khaliq=خالق, Mumin=مؤمن`)

// arNisba are family names written with the article al-.
var arNisba = pool(`
Masri=مصري, Tikriti=تكريتي, Baghdadi=بغدادي, Halabi=حلبي, Shami=شامي, Yemeni=يمني, Libi=ليبي,
Suri=سوري, Iraqi=عراقي, Hashimi|Hashemi=هاشمي, Qurashi=قرشي, Ansari=أنصاري, Tamimi=تميمي,
Shammari=شمري, Dulaimi|Dulaymi=دليمي, Jubouri|Jaburi=جبوري, Harbi=حربي, Otaibi|Utaybi=عتيبي,
Qahtani=قحطاني, Ghamdi=غامدي, Zahrani=زهراني, Shehri|Shahri=شهري, Asiri=عسيري, Mutairi=مطيري,
Anizi|Enezi=عنزي, Dosari|Dawsari=دوسري, Kuwaiti=كويتي, Sudani=سوداني, Maghribi=مغربي,
Jazairi=جزائري, Tunisi=تونسي, Filistini=فلسطيني, Urduni=أردني, Lubnani=لبناني, Najdi=نجدي,
Hijazi=حجازي, Makki=مكي, Madani=مدني, Basri=بصري, Mosuli|Mawsili=موصلي, Kurdi=كردي,
Adnani=عدناني, Bakri=بكري, Husseini|Husayni=حسيني, Hasani=حسني, Alawi=علوي, Khatib=خطيب,
Najjar=نجار, Haddad=حداد, Khayyat|Khayat=خياط, Attar=عطار, Rubaie|Rubai=ربيعي,
Ubaidi|Obaidi=عبيدي, Azzawi=عزاوي, Janabi=جنابي, Issawi=عيساوي, Fahdawi=فهداوي,
Mashhadani=مشهداني, Samarrai=سامرائي, Ani=عاني, Hadithi=حديثي, Rawi=راوي, Hiti=هيتي,
Kubaisi|Kubaysi=كبيسي, Zubaidi=زبيدي, Khazraji=خزرجي, Tai=طائي, Shaibani=شيباني, Kaabi=كعبي,
Marri=مري, Hajri=هاجري, Kathiri=كثيري, Yafai=يافعي, Hadrami=حضرمي, Shishani=شيشاني,
Afghani=أفغاني, Muhajir=مهاجر`)

// arFamily are family names written without the article; the last ones
// have no Arabic form in the pool, so their bearers get no Arabic alias.
var arFamily = pool(`
Haddad=حداد, Khoury|Khouri=خوري, Nasrallah|Nasrullah=نصر الله, Darwish|Darweesh=درويش,
Mansour=منصور, Hamdan=حمدان, Suleiman=سليمان, Saad=سعد, Abdo|Abdou=عبده, Othman=عثمان,
Yassin|Yasin=ياسين, Qassem|Kassem=قاسم, Hammoud|Hamoud=حمود, Saleh=صالح, Shalabi|Chalabi=شلبي,
Khalaf=خلف, Zaidan|Zeidan=زيدان, Barakat=بركات, Ghanem|Ghanim=غانم, Awad=عوض,
Ayoub|Ayyub=أيوب, Abboud|Aboud=عبود, Farhat=فرحات, Hammad=حماد, Mahfouz=محفوظ, Rahal=رحال,
Benali, Belkacem, Bensaid, Mokhtari, Benyoucef, Zerhouni, Ouahrani, Boudiaf, Bouazizi, Lakhdar`)

// arCons pairs Latin consonants with Arabic letters for generated nisbas.
var arCons = pool(`
r=ر, m=م, sh=ش, b=ب, k=ك, h=ح, s=س, d=د, n=ن, q=ق, t=ت, j=ج, z=ز, f=ف, l=ل, kh=خ, gh=غ,
w=و, dh=ذ, th=ث, s=ص, t=ط, d=ض, z=ظ, h=ه, y=ي`)

// arWords are words used in Arab company names.
var arWords = pool(`
Nour=نور, Amal=أمل, Fajr=فجر, Hilal=هلال, Khaleej=خليج, Sharq=شرق, Salam=سلام, Wafa=وفاء,
Ittihad=اتحاد, Furat=فرات, Rafidain=رافدين, Jazeera=جزيرة, Shams=شمس, Qamar=قمر, Nakheel=نخيل,
Baraka=بركة, Yaqoot=ياقوت, Marjan=مرجان, Sahara=صحراء, Waha=واحة, Bahr=بحر, Diyar=ديار,
Mustaqbal=مستقبل, Najah=نجاح, Rahma=رحمة, Hayat=حياة, Zahra=زهراء, Rawda=روضة, Ikhlas=إخلاص, Thuraya=ثريا`)

// ---- Russian and Ukrainian (Cyrillic, transliterated at generation) ----

// ruMale is "given:patronymic stem"; the patronymic is stem+ич or stem+на.
var ruMale = fields(`
Александр:Александров, Сергей:Сергеев, Владимир:Владимиров, Андрей:Андреев, Алексей:Алексеев,
Дмитрий:Дмитриев, Николай:Николаев, Игорь:Игорев, Евгений:Евгеньев, Юрий:Юрьев, Олег:Олегов,
Михаил:Михайлов, Виктор:Викторов, Иван:Иванов, Павел:Павлов, Максим:Максимов, Роман:Романов,
Денис:Денисов, Константин:Константинов, Вячеслав:Вячеславов, Анатолий:Анатольев, Борис:Борисов,
Геннадий:Геннадьев, Валерий:Валерьев, Вадим:Вадимов, Артём:Артёмов, Кирилл:Кириллов,
Григорий:Григорьев, Леонид:Леонидов, Тимур:Тимуров, Руслан:Русланов, Станислав:Станиславов,
Аркадий:Аркадьев, Фёдор:Фёдоров, Пётр:Петров, Василий:Васильев, Георгий:Георгиев,
Эдуард:Эдуардов, Антон:Антонов, Глеб:Глебов, Ярослав:Ярославов, Семён:Семёнов, Егор:Егоров,
Виталий:Витальев, Владислав:Владиславов, Степан:Степанов, Яков:Яковлев, Марат:Маратов,
Ринат:Ринатов, Рамзан:Рамзанов, Ахмед:Ахмедов, Магомед:Магомедов`)

var ruFemale = words(`Елена, Ольга, Наталья, Татьяна, Ирина, Светлана, Анна, Мария, Екатерина, Юлия,
Марина, Людмила, Галина, Валентина, Оксана, Анастасия, Виктория, Надежда, Вера, Любовь, Ксения,
Дарья, Алина, Полина, Евгения`)

var ruSurnames = words(`
Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков, Фёдоров, Морозов,
Волков, Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов, Степанов, Николаев, Орлов, Андреев,
Макаров, Никитин, Захаров, Зайцев, Соловьёв, Борисов, Яковлев, Григорьев, Романов, Воробьёв,
Сергеев, Кузьмин, Фролов, Александров, Дмитриев, Королёв, Гусев, Киселёв, Ильин, Максимов,
Поляков, Сорокин, Виноградов, Ковалёв, Белов, Медведев, Антонов, Тарасов, Жуков, Баранов,
Филиппов, Комаров, Давыдов, Беляев, Герасимов, Богданов, Осипов, Сидоров, Матвеев, Титов,
Марков, Миронов, Крылов, Куликов, Карпов, Власов, Мельников, Денисов, Гаврилов, Тихонов,
Казаков, Афанасьев, Данилов, Савельев, Тимофеев, Фомин, Чернов, Абрамов, Мартынов, Ефимов,
Федотов, Щербаков, Назаров, Калинин, Исаев, Чернышёв, Быков, Маслов, Родионов, Коновалов,
Лазарев, Воронин, Климов, Филатов, Пономарёв, Голубев, Кудрявцев, Прохоров, Наумов, Потапов,
Журавлёв, Овчинников, Трофимов, Леонов, Соболев, Ермаков, Колесников, Гончаров, Емельянов,
Никифоров, Грачёв, Котов, Гришин, Ефремов, Архипов, Громов, Кириллов, Малышев, Панов, Моисеев,
Румянцев, Акимов, Кондратьев, Бирюков, Горбунов, Анисимов, Ерёмин, Тихомиров, Галкин,
Лукьянов, Михеев, Скворцов, Юдин, Белоусов, Нестеров, Симонов, Прокофьев, Харитонов, Князев,
Цветков, Левин, Митрофанов, Воронов, Аксёнов, Мальцев, Логинов, Горшков, Савин, Краснов,
Майоров, Демидов, Елисеев, Рыбаков, Сафонов, Плотников, Хохлов, Жданов, Вишневский,
Ковальский, Островский, Рудницкий, Каминский, Ямпольский, Кадыров, Магомедов, Алиев,
Гасанов, Абдуллаев, Исмаилов, Юсупов, Рахимов, Ахмедов, Шарипов`)

// Generated Russian surnames are onset+vowel[+onset+vowel]+coda+suffix.
var (
	ruOnsets = words(`б, в, г, д, з, к, л, м, н, п, р, с, т, ф, х, ч, ш, ж, ц, бр, гр, др, кр, пр, тр,
ст, сл, см, сн, шв, зв, гл, кл, пл, бл, хв, св, ск, вл, шм, щ, дв, кн, сп`)
	ruVowels = words(`а, о, е, и, у, я, ы, ё`)
	ruCodas  = words(`л, н, р, к, т, д, с, в, м, ш, ч, ж, б, г, х, рк, нк, льн, рг, ст, зн, шк, рш, лк, нц`)
	ruSuffix = words(`ов, ов, ов, ев, ин, ский, енко, ук, ич, ников, цев`)
)

// uaMale is "given:patronymic (m):patronymic (f)".
var uaMale = fields(`
Олександр:Олександрович:Олександрівна, Андрій:Андрійович:Андріївна, Сергій:Сергійович:Сергіївна,
Володимир:Володимирович:Володимирівна, Микола:Миколайович:Миколаївна, Юрій:Юрійович:Юріївна,
Віктор:Вікторович:Вікторівна, Олег:Олегович:Олегівна, Тарас:Тарасович:Тарасівна,
Богдан:Богданович:Богданівна, Петро:Петрович:Петрівна, Василь:Васильович:Василівна,
Іван:Іванович:Іванівна, Михайло:Михайлович:Михайлівна, Дмитро:Дмитрович:Дмитрівна,
Ігор:Ігорович:Ігорівна, Євген:Євгенович:Євгенівна, Віталій:Віталійович:Віталіївна,
Григорій:Григорович:Григорівна, Ярослав:Ярославович:Ярославівна, Роман:Романович:Романівна,
Степан:Степанович:Степанівна, Костянтин:Костянтинович:Костянтинівна, Анатолій:Анатолійович:Анатоліївна`)

var uaFemale = words(`Олена, Оксана, Наталія, Ірина, Тетяна, Світлана, Людмила, Юлія, Ганна, Марія,
Галина, Катерина, Лариса, Валентина, Віра`)

var uaSurnames = words(`
Шевченко, Коваленко, Бондаренко, Ткаченко, Кравченко, Олійник, Шевчук, Коваль, Поліщук,
Бондар, Ткачук, Марченко, Лисенко, Руденко, Савченко, Петренко, Мельник, Кравчук, Клименко,
Павленко, Левченко, Гончаренко, Мороз, Карпенко, Харченко, Сидоренко, Мазур, Литвиненко,
Кузьменко, Гаврилюк, Іваненко, Захарченко, Приходько, Білоус, Пономаренко, Яковенко, Дячук,
Гуменюк, Мартинюк, Романюк, Костенко, Ковальчук, Кушнір, Тимошенко, Яременко, Гнатюк`)

var uaSuffix = words(`енко, енко, енко, чук, ук, юк, ко, ський, ович, ишин, ець, ич`)

// ---- Persian ----

var faGiven = pool(`
Mohammad|Mohammed|Muhammad, Ali, Hossein|Hosein|Husayn, Reza, Mahmoud|Mahmud, Mehdi|Mahdi,
Hassan|Hasan, Ahmad|Ahmed, Abbas, Mohsen, Saeed|Said, Javad, Majid, Hamid, Mojtaba, Ghasem|Qasem,
Gholamreza|Gholam Reza|Gholam-Reza, Alireza|Ali Reza, Mohammad Reza|Mohammadreza|Mohammad-Reza,
Mohammad Ali|Mohammadali, Abdolreza|Abdol Reza, Esmaeil|Esmail|Ismail, Behrouz|Behruz, Bahram,
Dariush|Daryush, Farhad, Kourosh|Kurosh, Parviz, Shahram, Siamak, Masoud|Massoud|Masud, Hamidreza,
Mansour|Mansur, Morteza|Mortaza, Mostafa|Mustafa, Rasoul|Rasul, Yaghoub|Yaqub, Nasser|Naser,
Jafar|Jaafar, Kazem|Kazim, Karim, Amir, Amirhossein|Amir Hossein, Hadi, Vahid, Ebrahim|Ibrahim,
Davoud|Davood|Dawud, Sadegh|Sadeq, Hojjat, Rahim, Rouhollah|Ruhollah, Nematollah, Azizollah,
Asghar, Akbar, Ali Akbar|Aliakbar, Ali Asghar|Aliasghar, Heydar|Heidar, Iraj, Fereydoun|Fereidoun,
Manouchehr|Manuchehr, Nader, Payam, Pouya, Babak, Arash, Omid, Navid, Ramin, Saman, Sina`)

var faFemale = pool(`Maryam, Fatemeh|Fatima, Zahra, Masoumeh|Masumeh, Leila|Leyla, Azadeh, Shirin,
Nasrin, Parisa, Mahnaz, Roya, Samira, Elham, Narges, Soraya, Mina, Marzieh, Shahla, Farideh, Golnaz`)

var faSurnames = pool(`
Ahmadi, Hosseini|Hoseini|Husseini, Mohammadi|Mohamadi, Rezaei|Rezaee|Rezai, Moradi, Karimi,
Jafari|Jaafari, Rahimi, Hashemi, Ghasemi|Qasemi|Ghassemi, Sadeghi|Sadeqi, Mousavi|Musavi|Moosavi,
Rostami, Tehrani, Esfahani|Isfahani, Shirazi, Tabrizi, Mashhadi, Kermani, Najafi, Amini,
Hosseinzadeh|Hoseinzadeh, Alizadeh|Alizade, Rahmani, Soltani, Zamani, Kazemi, Abbasi,
Bagheri|Baqeri, Heidari|Heydari, Salehi, Nouri|Nuri, Akbari, Asadi, Azizi, Ebrahimi, Ghorbani|Qorbani,
Jalali, Khalili, Mahmoudi|Mahmudi, Mirzaei|Mirzaee, Nazari, Rashidi, Safari, Shahbazi, Taheri,
Yousefi|Yusefi, Zarei|Zaree, Firouzabadi|Firuzabadi, Larijani, Ardakani, Yazdi, Qomi, Golpayegani`)

var faSuffix = pool(`i, zadeh|zade, pour|pur, nejad|nezhad|nejhad, far, nia, abadi, vand, lou|lu, khani,
doust|dust, rad, fard, manesh, kia, ian|iyan, moghaddam|moqadam`)

var faStems = words(`Bah, Far, Kam, Sar, Dar, Nik, Ros, Shah, Mehr, Jah, Gol, Zar, Nour, Sep, Tav, Bor,
Khos, Ram, Var, Naz, Af, Ard, Bar, Gar, Kia, Mah, Parv, Ser, Tah, Yaz, Amir, Jam, Kh, Ghaf, Mir, Hom,
Pey, Sohr, Tal, Vaf, Zand, Arj, Beh, Del, Eskand, Fakh, Hed, Jav, Kuh, Lot`)

var faMid = words(`an, ar, esh, id, ud, am, ir, avi, ab, oz, al, ad, ang, in, un, ast, ush, ay`)

var faPlaces = words(`Tehran, Shiraz, Tabriz, Esfahan, Mashhad, Kerman, Yazd, Qom, Ahvaz, Kashan,
Zanjan, Hamedan, Rasht, Semnan, Sabzevar, Neyshabur, Khorasan, Lorestan, Ardabil, Urmia, Qazvin,
Bushehr, Sari, Gorgan, Birjand, Arak, Kerman, Bandar`)

// ---- Chinese ----

var cnSur = pool(`
Wang|Wong=王, Li|Lee=李, Zhang|Chang|Cheung=张, Liu|Lau=刘, Chen|Chan|Chin=陈, Yang|Yeung=杨,
Huang|Wong|Hwang=黄, Zhao|Chao|Chiu=赵, Wu|Ng|Woo=吴, Zhou|Chou|Chow=周, Xu|Hsu|Tsui=徐, Sun|Suen=孙,
Ma=马, Zhu|Chu=朱, Hu|Wu=胡, Guo|Kuo|Kwok=郭, He|Ho=何, Lin|Lam=林, Gao|Kao=高, Luo|Lo=罗,
Zheng|Cheng=郑, Liang|Leung=梁, Xie|Hsieh|Tse=谢, Song|Sung=宋, Tang|Tong=唐, Han|Hon=韩, Feng|Fung=冯,
Deng|Teng|Tang=邓, Cao|Tsao=曹, Peng|Pang=彭, Zeng|Tseng|Tsang=曾, Xiao|Hsiao|Siu=肖, Tian|Tien=田,
Dong|Tung=董, Pan|Poon=潘, Yuan|Yuen=袁, Cai|Tsai|Choi=蔡, Jiang|Chiang=蒋, Yu|Yue=余, Du|Tu=杜,
Ye|Yeh|Yip=叶, Cheng|Ching=程, Wei=魏, Su|Soo=苏, Lu|Lv|Lyu=吕, Ding|Ting=丁, Ren|Jen=任,
Shen|Shum=沈, Yao|Yiu=姚, Lu|Lo=卢, Cui|Tsui=崔, Zhong|Chung=钟, Tan|Tam=谭, Fan=范,
Jin|Kam=金, Shi|Shih=石, Liao|Liu=廖, Jia|Chia=贾, Xia|Hsia=夏, Fu|Foo=付, Fang|Fong=方, Bai|Pai=白,
Zou|Chau=邹, Meng|Mung=孟, Xiong|Hsiung=熊, Qin|Chin=秦, Qiu|Chiu|Yau=邱, Yin|Wan=尹, Xue|Hsueh=薛,
Yan|Yim=严, Duan|Tuan=段, Lei|Lui=雷, Hou|Hau=侯, Long|Lung=龙, Tao|Tou=陶, Gu|Ku=顾,
Mao|Mo=毛, Hao|Ho=郝, Gong|Kung=龚, Shao|Shiu=邵, Wan|Man=万, Qian|Chien=钱, Dai|Tai=戴,
Kong|Hung=孔, Xiang|Heung=向, Yi=易, Qi|Chi=齐, Bao|Pao=鲍, Mo|Mok=莫, Sheng=盛, Ou|Au=欧`)

var cnGiven = pool(`
Wei=伟, Jun=军, Ming=明, Hua=华, Jian|Chien=建, Guo|Kuo=国, Ping=平, Hong=红, Xin|Hsin=新,
Hai=海, Dong|Tung=东, Feng=峰, Lin=林, Yong=勇, Qiang|Chiang=强, Lei=磊, Tao=涛, Jie|Chieh=杰,
Fang=芳, Na=娜, Min=敏, Jing|Ching=静, Li=丽, Yang=洋, Yan=艳, Chao=超, Xiu|Hsiu=秀, Ying=英,
Hui=慧, Gang=刚, Bin=斌, Bo=波, Hao=浩, Kai=凯, Peng=鹏, Long=龙, Fei=飞, Xiang|Hsiang=翔,
Yu=宇, Zhi|Chih=志, Wen=文, Yi=毅, Cheng=成, Jia|Chia=嘉, Zhen|Chen=振, Rui|Jui=瑞, Tian|Tien=天,
Xue|Hsueh=学, Sheng=胜, De|Te=德, Xiao|Hsiao=晓, Liang=亮, Gui|Kuei=贵, Fu=富, Shan=山,
Chun=春, Qing|Ching=清, Lan=兰, Mei=梅, Juan|Chuan=娟, Xia|Hsia=霞, Yun=云, Shu=淑,
Zhong|Chung=忠, An=安, Kang=康, Song|Sung=松, Bao|Pao=宝, Rong|Jung=荣, Shi|Shih=世, Quan|Chuan=全,
Qi|Chi=琪, Ning=宁, Xu|Hsu=旭, Hu=虎, Yuan=元, Zi|Tzu=子, Han=涵, Xuan|Hsuan=轩, Chen=晨,
Ze|Tse=泽, Yao=耀, Jin|Chin=金, Sen=森, Kun=坤, Huan=欢, Da|Ta=大, Shuang=双, Xing|Hsing=星,
Wu=武, Ye|Yeh=业, Zhao|Chao=钊, Dan|Tan=丹, Lu=璐, Meng=萌, Ting=婷, Yue=悦, Qian|Chien=倩,
Xi|Hsi=熙, Heng=恒, Cai|Tsai=才, Pei=培, Jiang|Chiang=江, Nan=楠, Xian|Hsien=贤, Cong|Tsung=聪,
Chang=昌, Ji|Chi=吉, Hang=航, Shao=少, Yin=银, Zhu|Chu=竹, Gen|Ken=根, Hui=辉, Xiong|Hsiung=雄`)

var cnPlaces = pool(`Shenzhen=深圳, Shanghai=上海, Beijing=北京, Dalian=大连, Guangzhou=广州, Tianjin=天津,
Xiamen=厦门, Ningbo=宁波, Qingdao=青岛, Dandong=丹东, Hangzhou=杭州, Zhuhai=珠海, Wuhan=武汉,
Chengdu=成都, Shenyang=沈阳, Harbin=哈尔滨, Nanjing=南京, Suzhou=苏州, Dongguan=东莞, Foshan=佛山`)

var cnDesc = pool(`Trading=贸易, Technology=科技, Industrial=实业, Shipping=航运, Electronics=电子,
Investment=投资, Logistics=物流, Import and Export=进出口, Chemical=化工, Machinery=机械,
Energy=能源, Holdings=控股, International Trade=国际贸易, Petroleum=石油, Metals=金属,
Materials=材料, Optoelectronics=光电, Precision Instruments=精密仪器, Aviation=航空, Mining=矿业`)

// ---- Korean ----

var koSur = pool(`
Kim=김, Ri|Lee|Yi|Rhee=리, Pak|Park|Bak=박, Choe|Choi=최, Jong|Jung|Chung|Jeong=정, Kang=강,
Jo|Cho=조, Yun|Yoon=윤, Jang|Chang=장, Rim|Lim|Im=림, Han=한, O|Oh=오, So|Seo=서, Sin|Shin=신,
Kwon=권, Hwang=황, An|Ahn=안, Song=송, Ryu|Yu|Yoo=류, Jon|Jeon|Chon=전, Hong=홍, Ko|Go=고,
Mun|Moon=문, Yang=양, Son=손, Pae|Bae=배, Paek|Baek=백, Ho|Heo|Hur=허, Nam=남, Sim|Shim=심,
No|Roh=노, Ha=하, Kwak=곽, Song|Sung=성, Cha=차, Ju|Joo=주, U|Woo=우, Ku|Koo=구, Min=민,
Ryom|Yeom=렴, Jin=진, Ji=지, Chae=채, Won=원, Chon|Cheon=천, Pang|Bang=방, Kong=공,
Hyon|Hyun=현, Ham=함, Pyon|Byun=변, Yo|Yeo=여, Chu=추, Tak=탁`)

var koGiven = pool(`
Jong|Jeong=정, Chol|Cheol=철, Il=일, Un|Eun=은, Song|Seong=성, Nam=남, Hyok|Hyeok=혁, Yong=용,
Ho=호, Su=수, Myong|Myeong=명, Kwang|Gwang=광, Hak=학, Sok|Seok=석, Chun=춘, Hui|Hee=희,
Gum|Geum=금, Ok=옥, Sun=순, Hyon|Hyeon=현, Thae|Tae=태, Min=민, Jin=진, Yon|Yeon=연,
Kyong|Gyeong=경, Chang=창, Gil=길, Hwa=화, Mi=미, Ryong|Yong=룡, Chan=찬, Won=원, Sang=상,
Dok|Deok=덕, Man=만, Pok|Bok=복, Hun=훈, Ung=웅, Hyang=향, Ryol|Yeol=렬, Rim=림, Ju=주,
Kyu|Gyu=규, Hwan=환, Sik=식, Pong|Bong=봉, Chil=칠, Yun=윤, U|Woo=우, Ki|Gi=기, Tong|Dong=동,
Kuk|Guk=국, Jun=준, Hye=혜, Ae=애, Ryon|Ryeon=련, Kun|Geun=근, Pyong|Byeong=병, Sung|Seung=승,
Hyong|Hyeong=형, Jae=재, Yang=양, Dal=달, Ryul|Yul=률`)

var koWords = pool(`Ryonbong=련봉, Kumgang=금강, Taedong=대동, Chollima=천리마, Myohyang=묘향, Paektu=백두,
Moranbong=모란봉, Sungri=승리, Haegumgang=해금강, Mirim=미림, Ryugyong=류경, Kwangmyong=광명,
Unha=은하, Hwasong=화성, Sonbong=선봉, Kangsong=강성, Tanchon=단천, Rason=라선, Namgang=남강,
Chongchon=청천, Amnok=압록, Jangsu=장수, Ryongak=룡악, Pothong=보통, Sinhung=신흥`)

// ---- Spanish ----

var esGiven = pool(`
José|Jose, Juan, Carlos, Luis, Jorge, Miguel, Pedro, Francisco, Antonio, Manuel, Jesús|Jesus,
Javier, Rafael, Alejandro, Fernando, Ricardo, Eduardo, Diego, Sergio, Roberto, Ramón|Ramon,
Andrés|Andres, Héctor|Hector, Víctor|Victor, Joaquín|Joaquin, Julián|Julian, Óscar|Oscar,
Iván|Ivan, Rubén|Ruben, Raúl|Raul, Sebastián|Sebastian, Martín|Martin, Ángel|Angel, Gustavo,
Arturo, Alfredo, Enrique, Ignacio, Hugo, Nicolás|Nicolas, Pablo, Mario, Alberto, Ernesto,
Guillermo, Felipe, Gerardo, Rodrigo, Mauricio, Omar, Wilson, Jhon|John, Edison, Fredy|Freddy,
María|Maria, Ana, Carmen, Rosa, Guadalupe, Patricia, Laura, Gabriela, Claudia, Sandra, Marta,
Lucía|Lucia, Daniela, Adriana, Beatriz`)

var esSurnames = pool(`
García|Garcia, Rodríguez|Rodriguez, Martínez|Martinez, Hernández|Hernandez, López|Lopez,
González|Gonzalez, Pérez|Perez, Sánchez|Sanchez, Ramírez|Ramirez, Torres, Flores, Rivera,
Gómez|Gomez, Díaz|Diaz, Cruz, Morales, Reyes, Gutiérrez|Gutierrez, Ortiz, Chávez|Chavez,
Ruiz, Álvarez|Alvarez, Castillo, Jiménez|Jimenez, Moreno, Romero, Herrera, Medina, Aguilar,
Vargas, Guzmán|Guzman, Mendoza, Castro, Salazar, Vásquez|Vasquez|Vazquez, Núñez|Nunez,
Domínguez|Dominguez, Suárez|Suarez, Muñoz|Munoz, Rojas, Ortega, Delgado, Contreras, Guerrero,
Estrada, Cárdenas|Cardenas, Espinoza|Espinosa, Sandoval, Valencia, Cabrera, Carrillo, Ríos|Rios,
Navarro, Fuentes, Ochoa, Quintero, Zambrano, Arango, Londoño|Londono, Montoya, Ospina, Escobar,
Cardona, Valdés|Valdes, Beltrán|Beltran, Padilla, Acosta, Mejía|Mejia, Lozano, Caro, Zapata`)

var esStems = words(`Alv, Bar, Cab, Cal, Car, Cas, Cor, Esc, Esp, Fer, Gal, Gar, Gil, Gon, Her, Lar,
Lor, Mal, Mar, Mend, Mir, Mon, Nav, Or, Pal, Par, Pin, Quir, Ram, Rib, Rob, San, Sar, Sol, Tor, Val,
Var, Vel, Vill, Zam, Zar, Arr, Bern, Cerv, Dom, Elc, Fal, Gual, Iba, Jar, Lam, Mor, Olm, Pach, Rend`)

var esMid = words(`ag, al, an, ar, ed, er, il, in, ol, or, ub, uer, and, iz, az, ell, ond`)

var esSuffix = pool(`ez|es, ado, ero, ales, eda, illo, ano, uez, ón|on, era, ino, ona, ega, osa, ida,
ares, iel, ote, ejo, ueta`)

var esNick = words(`Flaco, Gordo, Güero, Chino, Negro, Mono, Tigre, Lobo, Toro, Paisa, Compadre,
Padrino, Chapo, Cabo, Jefe, Profe, Doctor, Ingeniero, Comandante, Gallo, Zorro, Halcón, Cóndor,
Tuerto, Pelón, Chivo, Viejo, Tío, Primo, Diablo, Mudo, Indio, Costeño, Gato, Pollo`)

// ---- Western European ----

// westGroup is a Western language area: its given names, surnames, the
// suffixes of its generated surnames and the countries its people hold.
type westGroup struct {
	given, family, suffix []tok
	countries             []string
}

var westGroups = []westGroup{
	{ // English
		given: pool(`John, James, Michael, David, Robert, William, Richard, Thomas, Peter, Paul, Mark,
Daniel, Stephen|Steven, Andrew, George, Christopher, Anthony, Brian|Bryan, Kevin, Edward, Patrick,
Simon, Timothy, Jonathan, Alexander, Nicholas, Philip|Phillip, Matthew, Gary, Mary, Elizabeth,
Sarah|Sara, Susan, Jennifer, Karen, Linda, Margaret, Catherine|Katherine, Emma, Helen`),
		family: pool(`Smith, Johnson, Brown, Taylor, Wilson, Miller, Davis, Clark, Lewis, Walker, Hall,
Young, King, Wright, Scott, Green, Baker, Adams, Nelson, Hill, Campbell, Mitchell, Roberts, Carter,
Phillips, Evans, Turner, Parker, Collins, Edwards, Stewart|Stuart, Morris, Murphy, Cook, Rogers,
Morgan, Cooper, Peterson, Reed, Bailey, Bell, Kelly, Howard, Ward, Cox, Richardson, Wood, Watson,
Brooks, Bennett, Gray|Grey, Hughes, Price, Sanders, Myers, Ross, Foster, Reid, Thomson|Thompson,
McDonald|MacDonald, O'Brien|OBrien, O'Connor|OConnor, Fitzgerald, Harrison, Spencer`),
		suffix: pool(`son, ton, ford, ley, wood, field, by, ham, well, worth, ridge, more, man, er,
ington, stone, brook, hurst, combe, den, ell, wick, shaw`),
		countries: words(`GB, US, GB, US, CA, AU, IE, NZ, ZA, GB, US, CY, AE, MT`),
	},
	{ // German
		given: pool(`Hans, Klaus, Peter, Michael, Thomas, Andreas, Stefan, Wolfgang, Jürgen|Juergen|Jurgen,
Frank, Uwe, Matthias, Markus|Marcus, Christian, Dieter, Manfred, Helmut, Werner, Gerhard, Karl|Carl,
Johann|Johannes, Sebastian, Tobias, Florian, Ursula, Sabine, Petra, Monika, Andrea, Claudia`),
		family: pool(`Müller|Mueller|Muller, Schmidt|Schmitt, Schneider, Fischer, Weber, Meyer|Meier|Maier,
Wagner, Becker, Schulz|Schultz, Hoffmann|Hofmann, Schäfer|Schaefer, Koch, Bauer, Richter, Klein,
Wolf, Schröder|Schroeder, Neumann, Schwarz, Zimmermann, Braun, Krüger|Krueger, Hofer, Hartmann,
Lange, Werner, Krause, Lehmann, Köhler|Koehler, Huber, Kaiser, Fuchs, Scholz, Vogel, Keller`),
		suffix: pool(`mann|man, berg, stein, er, feld, hof, bach, burg, hardt|hart, inger, ner, dorf,
meier|meyer, ling, haus|hausen, reiter, brunner, wald`),
		countries: words(`DE, DE, AT, CH, DE, LI, DE, LU`),
	},
	{ // French
		given: pool(`Jean, Pierre, Michel, Philippe, Alain, Nicolas, Christophe, François|Francois,
Patrick, Laurent, Frédéric|Frederic, Éric|Eric, Olivier, Thierry, Stéphane|Stephane, Jean-Pierre,
Jean-Claude, Jacques, Bernard, Didier, Marie, Nathalie, Isabelle, Sylvie, Catherine, Sophie`),
		family: pool(`Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau,
Simon, Laurent, Lefebvre|Lefevre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel,
Girard, André|Andre, Lefèvre|Lefevre, Mercier, Dupont, Lambert, Bonnet, François|Francois, Martinez,
Legrand, Garnier, Faure, Rousseau, Blanc, Guerin, Muller, Henry, Roussel, Nicolas, Perrin, Morin`),
		suffix:    pool(`ier, eau, ault, in, et, ard, ois, elle, ent, on, aux, ac, ère|ere, ot, and`),
		countries: words(`FR, FR, BE, CH, FR, LU, MC, CA, SN, CI`),
	},
	{ // Italian
		given: pool(`Giuseppe, Giovanni, Antonio, Mario, Luigi, Francesco, Angelo, Vincenzo, Pietro,
Salvatore, Carlo, Franco, Domenico, Bruno, Paolo, Michele, Giorgio, Aldo, Sergio, Luca, Marco,
Andrea, Stefano, Roberto, Alessandro, Maria, Anna, Giulia, Francesca, Rosa`),
		family: pool(`Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco,
Bruno, Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri,
Fontana, Santoro, Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile,
Martinelli, Vitale, Lombardo, Serra, Coppola, De Santis, D'Angelo|DAngelo, Marchetti`),
		suffix:    pool(`ini, etti, elli, ucci, one, ano, ino, ari, esi, otti, azzi, ieri, ardi, oni, ello`),
		countries: words(`IT, IT, IT, SM, CH, MT, VA, IT`),
	},
	{ // Dutch
		given: pool(`Jan, Pieter, Hendrik|Henk, Cornelis|Kees, Johannes, Willem, Gerrit, Dirk, Jacob,
Maarten, Sander, Bas, Ruud, Erik, Marco, Anna, Maria, Johanna, Elisabeth, Sanne`),
		family: pool(`de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit,
Meijer|Meyer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer,
de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen`),
		suffix:    pool(`stra, sma, inga, ink, ens, man, hout, kamp, veld, berg, dijk, hof, meer, broek`),
		countries: words(`NL, NL, BE, NL, SR, CW, AW`),
	},
	{ // Nordic
		given: pool(`Lars, Erik, Anders, Per, Nils, Jan, Karl, Johan, Magnus, Mikael, Henrik, Ole, Sven,
Bjorn|Björn, Jens, Kristian|Christian, Morten, Thomas, Jari, Mikko, Kari, Anna, Kristina, Ingrid,
Sofia, Maria`),
		family: pool(`Johansson, Andersson, Karlsson|Carlsson, Nilsson, Eriksson, Larsson, Olsson, Persson,
Svensson, Gustafsson, Pettersson, Jonsson, Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen,
Nielsen, Kristiansen|Christiansen, Jensen, Karlsen, Lindberg, Lindqvist|Lindquist, Berg, Holm,
Lund, Dahl, Strand, Bakke, Haugen, Nyström|Nystrom, Lindström|Lindstrom, Bergström|Bergstrom`),
		suffix: pool(`sson|son, sen, ström|strom, berg, lund, qvist|quist|kvist, gren, dahl|dal, holm,
gaard|gard, stad, vik, by, rud, heim, sted, mark`),
		countries: words(`SE, NO, DK, FI, IS, SE, NO, DK`),
	},
}

var westStems = words(`Ander, Ash, Bal, Bar, Beck, Ber, Black, Bran, Brook, Brun, Carl, Cres, Dal, Dor,
Eck, Eng, Fal, Fisch, Gar, Ger, Gold, Gran, Hal, Hart, Helm, Her, Hol, Horn, Kal, Kel, Kirch, Lam,
Lang, Lind, Lor, Mar, Mel, Mor, Neu, Nor, Ol, Pen, Ram, Ren, Ros, Sand, Sil, Stan, Stein, Strom, Tal,
Thor, Val, Wal, Wei, Wes, Whit, Wil, Win, Wolf, Wood, Al, Bel, Bram, Cal, Cor, Dun, Ed, El, Fair,
Fen, Gil, Gor, Ham, Hil, Ing, Jar, Kim, Lev, Lin, Mad, Mil, Nel, Od, Pal, Pol, Rad, Rid, Sel, Sum,
Tor, Ul, Ver, War, Wen, Wyn, Ald, Bren, Clif, Dray, Elm, Far, Grim, Hun`)

var westMid = words(`ber, ling, den, win, ner, ham, mer, ter, ring, sel, del, ken, la, ri, to, ve, na,
mi, ard, ing, ers, ow, ey, an, en, ing, ol, ig`)

var westNick = fields(`Robert:Bob, William:Bill, James:Jim, Michael:Mike, Richard:Dick, Thomas:Tom,
Alexander:Alex, Nicholas:Nick, Christopher:Chris, Anthony:Tony, Daniel:Dan, Edward:Ted,
Johannes:Hans, Hendrik:Henk, Giuseppe:Peppe, Francesco:Franco, Jean-Pierre:JP`)

// Greek and Hebrew persons are a small share of the Western group; they
// bring the Greek and Hebrew scripts into the mix.
var grGiven = pool(`Andreas=Ανδρέας, Georgios|Giorgos=Γεώργιος, Konstantinos|Constantinos=Κωνσταντίνος,
Dimitrios|Dimitris=Δημήτριος, Nikolaos|Nikos=Νικόλαος, Ioannis|Yiannis=Ιωάννης, Christos=Χρήστος,
Panagiotis|Panayiotis=Παναγιώτης, Michalis=Μιχάλης, Savvas=Σάββας, Marios=Μάριος, Stelios=Στέλιος,
Kyriakos=Κυριάκος, Antonis=Αντώνης, Petros=Πέτρος, Maria=Μαρία, Eleni=Ελένη, Anna=Άννα,
Sofia=Σοφία, Katerina=Κατερίνα`)

var grFamily = pool(`Georgiou=Γεωργίου, Christodoulou=Χριστοδούλου, Ioannou=Ιωάννου,
Konstantinou|Constantinou=Κωνσταντίνου, Charalambous=Χαραλάμπους, Nikolaou=Νικολάου, Andreou=Ανδρέου,
Panayiotou|Panagiotou=Παναγιώτου, Kyriakou=Κυριάκου, Oikonomou|Economou=Οικονόμου,
Dimitriou=Δημητρίου, Papadopoulos=Παπαδόπουλος, Papadakis=Παπαδάκης, Vlachos=Βλάχος,
Angelopoulos=Αγγελόπουλος, Nikolaidis=Νικολαΐδης, Georgiadis=Γεωργιάδης, Pappas=Παππάς,
Antoniou=Αντωνίου, Savva=Σάββα`)

var heGiven = pool(`David=דוד, Moshe=משה, Yosef|Joseph=יוסף, Avraham|Abraham=אברהם, Yaakov|Jacob=יעקב,
Shlomo=שלמה, Daniel=דניאל, Michael=מיכאל, Eitan|Etan=איתן, Yitzhak|Itzhak=יצחק, Ariel=אריאל,
Amir=אמיר, Yehuda=יהודה, Shimon=שמעון, Uri=אורי, Gil=גיל, Ronen=רונן, Tal=טל, Sarah|Sara=שרה,
Rachel=רחל, Miriam=מרים, Noa=נועה, Tamar=תמר`)

var heFamily = pool(`Cohen|Kohen=כהן, Levi|Levy=לוי, Mizrahi|Mizrachi=מזרחי, Peretz|Perets=פרץ,
Biton=ביטון, Dahan=דהאן, Friedman=פרידמן, Azoulay|Azulai=אזולאי, Malka=מלכה, Katz=כץ, Amar=עמר,
Ohana=אוחנה, Shapiro=שפירא, Goldberg=גולדברג, Rosenberg=רוזנברג, Ashkenazi=אשכנזי,
Gabay|Gabai=גבאי, Hadad=חדד, Avraham=אברהם, Ben David=בן דוד`)

// ---- African ----

var afFrGiven = pool(`Mamadou, Amadou, Moussa|Musa, Ousmane|Usman, Ibrahima, Abdoulaye, Souleymane,
Boubacar, Cheikh|Cheick, Modibo, Seydou, Oumar, Adama, Bakary, Lassana, Issa, Aliou, Jean-Pierre,
Jean-Claude, Pierre, Joseph, Emmanuel, Patrice, Michel, Christian, Faustin, Innocent, Didier,
Germain, Fatoumata, Aminata, Mariam, Awa, Kadiatou, Hawa`)

var afFrFamily = pool(`Diallo, Traoré|Traore, Keïta|Keita, Coulibaly|Kulibali, Touré|Toure, Koné|Kone,
Camara, Ndiaye|N'Diaye, Diop, Sow, Ba, Cissé|Cisse, Sylla, Konaté|Konate, Sangaré|Sangare,
Dembélé|Dembele, Diarra, Fofana, Bamba, Ouattara|Wattara, Sidibé|Sidibe, Kaboré|Kabore,
Ouédraogo|Ouedraogo, Sawadogo, Zongo, Mahamat, Sall, Faye, Gueye, Sarr, Niang, Mbaye, Kouyaté|Kouyate`)

var afEnGiven = pool(`Chukwuemeka, Oluwaseun, Adebayo, Babatunde, Olusegun, Chinedu, Emeka, Ifeanyi,
Ikechukwu, Kwame, Kofi, Kwabena, Yaw, Kojo, Abubakar, Usman, Aliyu, Bello, Musa, Sani, Garba,
Ibrahim, Yusuf, Samuel, Daniel, Godwin, Ngozi, Chioma, Funmilayo, Ama, Abena, Akosua, Blessing`)

var afEnFamily = pool(`Okafor, Okonkwo, Adeyemi, Balogun, Ogunleye, Eze, Nwosu, Obi, Okeke, Adeleke,
Afolabi, Mensah, Boateng, Owusu, Asante, Osei, Appiah, Agyeman, Danjuma, Abdullahi, Bello, Yakubu,
Lawal, Mohammed, Sesay, Kamara, Koroma, Conteh, Bangura, Johnson, Taylor, Doe, Ibrahim, Suleiman`)

var afEastGiven = pool(`Joseph, Jean, Emmanuel, Patrick, Innocent, Godfrey, Moses, Samuel, Daniel, John,
Peter, Tendai, Tatenda, Blessing, Farai, Tinashe, Eric, Alexis, Jean-Bosco, Theoneste, Bosco,
Grace, Esther, Mary, Agnes, Beatrice, Immaculée|Immaculee`)

var afEastFamily = pool(`Moyo, Ncube, Dube, Banda, Phiri, Mwangi, Kamau, Otieno, Odhiambo, Kiprotich,
Nkurunziza, Habimana, Mukamana, Lukusa, Tshibanda, Ilunga, Kabongo, Mutombo, Mbuyi, Kasongo,
Ngoy, Mukendi, Kalala, Mwamba, Nyambura, Wanjiru, Achieng, Okello, Onyango, Ochieng, Ssempala,
Nsubuga, Mugisha, Tumusiime, Byaruhanga, Nshimiyimana, Uwimana, Niyonzima, Hakizimana, Bizimana`)

var afPrefix = words(`Mu, Ka, Ba, Tshi, Ki, Nga, Mwa, Nya, Ndu, Bu, Lu, Ma, Nku, Ade, Ola, Olu, Oke,
Ogun, Chi, Nwa, Eze, Obi, Ike, Ako, Onu, Uche, Ayo, Ha, Bi, Ni, Se, Ru, Twa, Mbe`)

var afMid = words(`ba, nge, lo, ko, ndo, ru, si, me, we, ya, ku, ra, bo, nde, mba, te, zi, ga, ri,
mi, na, la, sa, tu, wa, ye, yi, ho, nyi, sha`)

var afEnd = words(`a, e, i, o, u, wa, ni, ye, yemi, wale, tunde, kunle, bayo, jide, femi, nna, ka,
zie, dike, lu, mba, oye, sola, ngo, nda, mana, zima, ana, era, imana, la`)

var soNames = pool(`Mohamed|Mohammed|Maxamed, Ahmed|Axmed, Abdi|Cabdi, Ali|Cali, Hassan|Xasan,
Omar|Cumar, Yusuf, Farah|Faarax, Abdullahi|Cabdullaahi, Abdirahman|Cabdiraxmaan, Ibrahim, Hussein|Xuseen,
Warsame, Hersi|Xirsi, Jama|Jaamac, Nur|Nuur, Aden|Aadan, Osman|Cusmaan, Ismail, Abdikarim, Mahad,
Isse|Ciise, Guled, Dahir|Daahir, Elmi|Cilmi, Egal, Mohamud|Maxamuud, Abdulkadir, Said|Saciid,
Hirsi, Muse|Muuse, Bashir, Dualeh, Gedi|Geedi, Awale, Abdulle|Cabdulle, Barre, Yasin`)

// ---- South Asian ----

var pkGiven = pool(`Muhammad|Mohammad|Mohammed, Abdul, Ghulam, Imran, Asif, Tariq, Zahid, Faisal, Hafiz,
Khalid, Shahid, Naveed|Navid, Farooq|Faruq, Javed|Javaid, Nasir, Akhtar, Aslam, Rashid, Sajid,
Sohail|Suhail, Waqas, Zubair, Noor|Nur, Gul, Sher, Zabihullah, Hamidullah, Rahmatullah, Habibullah,
Amanullah, Saifullah, Hekmatullah, Najibullah, Ezatullah, Qudratullah, Abdul Rahman|Abdur Rahman,
Abdul Ghani, Abdul Qadir|Abdul Qadeer, Fazal, Mir, Bibi, Nasreen, Shazia, Ayesha`)

var pkFamily = pool(`Khan, Ahmed|Ahmad, Hussain|Hussein|Husain, Shah, Ali, Malik, Qureshi|Kureshi,
Chaudhry|Chaudhary|Choudhary, Butt, Iqbal, Sheikh|Shaikh, Mirza, Siddiqui|Siddiqi, Rehman|Rahman,
Akhtar, Javed, Raza, Abbasi, Baig|Beg, Awan, Bhatti, Rana, Akhund|Akhundzada, Khalil, Zadran,
Mohmand, Yousafzai|Yusufzai, Afridi, Wazir, Durrani, Popalzai, Noorzai, Achakzai, Kakar, Mangal,
Stanikzai, Safi, Noori, Amiri, Hotak, Ghilzai, Niazi, Gilani|Gillani, Hashmi, Zaidi, Naqvi, Rizvi`)

var inGiven = pool(`Rahul, Amit, Sanjay, Vijay, Rajesh, Suresh, Ramesh, Anil, Sunil, Ravi, Deepak,
Manoj, Ashok, Vikram, Arjun, Rohit, Pradeep, Naresh, Mohan, Krishna, Srinivas|Srinivasa, Venkatesh,
Prakash, Dinesh, Mahesh, Priya, Sunita, Anjali, Pooja, Lakshmi, Kavita, Rekha, Meena`)

var inFamily = pool(`Sharma, Singh, Kumar, Patel, Gupta, Verma, Reddy, Rao, Nair, Iyer, Das, Bose,
Mukherjee, Chatterjee, Banerjee, Joshi, Mehta, Shah, Agarwal|Agrawal, Jain, Pillai, Menon, Kapoor,
Malhotra, Chopra, Bhatia, Saxena, Pandey, Mishra, Tiwari, Yadav, Thakur, Desai, Kulkarni, Naidu,
Shetty, Sinha, Chauhan, Goyal, Bansal`)

var bdNames = pool(`Mohammad|Md.|Muhammad, Abdul, Rahman|Rahaman, Hossain|Hossen|Hussain, Islam,
Uddin, Ahmed, Chowdhury|Chowdhry, Begum, Khatun, Akter|Akhter, Sarker|Sarkar, Miah|Mia,
Molla|Mollah, Talukder, Bhuiyan|Bhuiya, Haque|Hoque, Alam, Karim, Kabir, Sultana, Amin, Mahmud`)

var inStems = words(`Ram, Shiv, Har, Dev, Raj, Lal, Gan, Nand, Bal, Chand, Dhar, Gop, Kan, Kish, Mad,
Nar, Pras, Sat, Vas, Jag, Man, Mur, Pad, Rang, Sund, Ven, Vish, Bhar, Dwar, Kot`)

var inSuffix = pool(`ani, wala|walla, kar, pur, ia, appa, iah, an, ekar, ayya|aiah, ji, war, dia`)

// ---- Organizations, vessels and aircraft ----

var orgDesc = words(`Trading, International, General Trading, Group, Industries, Shipping, Investment,
Holding, Energy, Petroleum, Oil and Gas, Technology, Engineering, Construction, Logistics, Marine,
Commercial, Development, Import Export, Services, Metals, Steel, Chemical, Electronics, Machinery,
Aviation, Transport, Finance, Capital, Resources, Mining, Agro, Pharmaceutical, Textile, Foods,
Tobacco, Gold, Diamond, Exchange, Security, Defense Systems, Systems, Solutions, Supply, Equipment,
Manufacturing, Power, Tech, Global, Maritime, Freight, Consulting, Ventures, Partners, Enterprises`)

var orgWords = words(`Golden, United, National, Eastern, Western, Northern, Southern, Royal, Silver,
Star, Sun, Crescent, Eagle, Falcon, Lion, Pacific, Atlantic, Gulf, Asia, Euro, Middle East, Caspian,
Baltic, Black Sea, Silk Road, Orient, Horizon, Summit, Delta, Alpha, Omega, Phoenix, Pioneer,
Liberty, Victory, Unity, Prime, Apex, Crown, Diamond, Emerald, Sapphire, Ocean, Continental,
Trans, Inter, Sino, Afro, Arab, Persian, Nordic, Alpine`)

var brandA = words(`Al, Am, Ar, Ax, Bel, Bor, Cal, Cor, Del, Dyn, El, Ev, Fal, Gal, Gen, Hel, In, Ker,
Kor, Lum, Mag, Mar, Med, Nex, Nor, Nov, Om, Or, Pan, Pol, Pro, Quan, Rad, Ros, Sal, Sol, Stel, Tal,
Tec, Ter, Tri, Ul, Val, Ven, Ver, Vit, Vol, Xen, Zan, Zen, Zor, Ast, Bri, Cyn, Den, Fen, Gor, Hy,
Ib, Jor, Kal, Lex, Mer, Neo, Ok, Pet, Riv, Sig, Tor, Uni, Vas, Wex, Yor`)

var brandM = words(`a, e, i, o, u, ar, er, on, an, el, is, or, ex, ol, ur, ant, ad, em, in, ov, at, ik`)

var brandZ = words(`tek, tex, com, trans, net, is, ix, ex, ar, on, ia, ium, ora, ova, gen, max, pro,
tron, lex, ter, vest, star, line, port, gas, prom, stroy, neft, flot, mash, snab, trade, log, chem,
med, soft, sys, dor, via, nova, ics, ent, ity, ax, ica, ide, mark, well, field, ton, bridge`)

var ruOrgStems = words(`Техно, Пром, Строй, Нефть, Газ, Инвест, Транс, Энерго, Снаб, Сервис, Торг, Маш,
Хим, Металл, Агро, Авиа, Мор, Флот, Альянс, Капитал, Союз, Север, Восток, Урал, Сибирь, Волга,
Балт, Спец, Рос, Гидро, Электро, Радио, Телеком, Логистик, Систем, Ресурс, Оборон, Дальн, Кам, Лес,
Зерно, Сталь, Уголь, Медь, Алмаз, Золото, Импорт, Экспорт, Комплект, Монтаж, Проект, Инжиниринг`)

var ruOrgForms = fields(`ООО:OOO:LLC:Limited Liability Company:Общество с ограниченной ответственностью,
АО:AO:JSC:Joint Stock Company:Акционерное общество,
ПАО:PAO:PJSC:Public Joint Stock Company:Публичное акционерное общество,
ЗАО:ZAO:CJSC:Closed Joint Stock Company:Закрытое акционерное общество,
ОАО:OAO:OJSC:Open Joint Stock Company:Открытое акционерное общество,
НПО:NPO:Scientific Production Association:Scientific Production Association:Научно-производственное объединение,
НПП:NPP:Scientific Production Enterprise:Scientific Production Enterprise:Научно-производственное предприятие,
ФГУП:FGUP:Federal State Unitary Enterprise:Federal State Unitary Enterprise:Федеральное государственное унитарное предприятие`)

var faOrgWords = words(`Pars, Kish, Sepahan, Khatam, Behineh, Sanat, Saba, Azar, Tavan, Farayand, Petro,
Naft, Kala, Pishgaman, Nasr, Fajr, Arya, Mehr, Sina, Hamoon, Alborz, Zagros, Damavand, Karun,
Kavir, Sazeh, Tejarat, Niroo, Tose'e, Negin, Raad, Shahab, Paya, Rahbar, Abadgaran, Sadra, Golestan`)

var faOrgForms = words(`Company, Co., Private Joint Stock Company, PJS, Industries, Group, Institute,
Trading Company, Engineering Company, Industrial Group`)

var westForms = map[string][]string{
	"GB": words(`Ltd, Limited, PLC, LLP`), "US": words(`Inc., LLC, Corp., Corporation`),
	"DE": words(`GmbH, AG, GmbH & Co. KG`), "CH": words(`AG, SA, GmbH, Sàrl`),
	"CY": words(`Ltd, Limited`), "NL": words(`B.V., N.V.`), "FR": words(`S.A., SARL, SAS`),
	"IT": words(`S.r.l., S.p.A.`), "MT": words(`Ltd, Limited`), "LU": words(`S.A., S.à r.l.`),
	"LI": words(`Anstalt, AG, Establishment`), "VG": words(`Ltd, Limited, Inc.`),
	"PA": words(`S.A., Inc., Corp.`), "SC": words(`Ltd, Limited`), "BZ": words(`Ltd, Limited`),
	"MH": words(`Inc., Ltd`), "AE": words(`FZE, FZCO, LLC, DMCC`), "HK": words(`Limited, Company Limited`),
}

var westOrgCountries = words(`GB, US, CY, AE, DE, HK, CH, NL, VG, PA, MT, LU, LI, FR, IT, SC, BZ, MH`)

var latPrefix = words(`Inversiones, Comercializadora, Grupo, Constructora, Transportes, Distribuidora,
Importadora, Agropecuaria, Servicios, Corporación, Inmobiliaria, Sociedad, Compañía, Industrias,
Minera, Petrolera, Casa de Cambio, Farmacia, Hotel, Promotora`)

var latWords = words(`del Pacífico, Andina, del Norte, Los Andes, San José, Santa María, El Dorado,
La Esperanza, Sol, Luna, Aurora, Cóndor, Jaguar, del Valle, La Fortuna, Las Palmas, del Caribe,
Tres Ríos, San Miguel, Santa Fe, La Unión, Nueva Era, Continental, Bolivariana, Sierra Madre`)

var latForms = map[string][]string{
	"MX": words(`S.A. de C.V., S. de R.L. de C.V., S.A.`), "CO": words(`S.A.S., S.A., Ltda.`),
	"VE": words(`C.A., S.A.`), "PE": words(`S.A.C., S.A., E.I.R.L.`), "EC": words(`S.A., Cía. Ltda.`),
	"PA": words(`S.A., Inc.`), "NI": words(`S.A.`), "CU": words(`S.A.`), "AR": words(`S.A., S.R.L.`),
	"ES": words(`S.L., S.A.`), "GT": words(`S.A.`), "HN": words(`S.A. de C.V., S.A.`),
}

var latOrgCountries = words(`MX, CO, VE, PE, EC, PA, NI, CU, AR, ES, GT, HN`)

var otherOrgForms = map[string][]string{
	"TR": words(`Ltd. Şti., A.Ş., Dış Ticaret Ltd. Şti.`), "IN": words(`Pvt. Ltd., Private Limited, Limited`),
	"MY": words(`Sdn. Bhd., Bhd.`), "SG": words(`Pte. Ltd., Private Limited`),
	"TH": {"Co., Ltd.", "Company Limited"}, "PK": words(`Pvt. Ltd., (Pvt) Ltd, Limited`),
	"ID": words(`PT, CV`), "GE": words(`LLC, JSC`), "AM": words(`LLC, CJSC`), "KZ": words(`LLP, JSC, TOO`),
	"UZ": words(`LLC, JSC`), "BY": words(`OOO, OAO, UE`), "RS": words(`d.o.o., a.d.`), "BG": words(`EOOD, OOD, AD`),
}

var otherOrgCountries = words(`TR, IN, MY, SG, TH, PK, ID, GE, AM, KZ, UZ, BY, RS, BG`)

var vesselA = words(`OCEAN, SEA, GOLDEN, BLUE, PACIFIC, ASIA, GRAND, ROYAL, SILVER, BRIGHT, GREAT, NEW,
ORIENT, EASTERN, NORTHERN, GLOBAL, STAR, SUN, JADE, PEARL, CORAL, OCEANIC, MARINE, CAPE, ATLANTIC,
ARCTIC, POLAR, LUCKY, HAPPY, NOBLE, MIGHTY, SWIFT, WHITE, RED, GREEN, CRYSTAL, DIAMOND, EMERALD,
IRON, STEEL, SPRING, SUMMER, WINTER, AURORA, NOVA, STELLA, MARE, BALTIC, CASPIAN, GULF, RIVER`)

var vesselB = words(`STAR, PIONEER, GLORY, PRINCESS, SPIRIT, DAWN, WAVE, HORIZON, VOYAGER, TRADER,
EXPRESS, FORTUNE, HARMONY, LEGEND, DREAM, VENTURE, BREEZE, EAGLE, FALCON, QUEEN, KING, EMPRESS,
ACE, LUCK, PROSPERITY, VICTORY, UNITY, HOPE, GRACE, JOY, WIND, TIDE, BAY, HARBOUR, ISLAND, ROSE,
LILY, LOTUS, PHOENIX, DRAGON, TIGER, LION, DOLPHIN, WHALE, NAVIGATOR, MARINER, CARRIER, LEADER,
CHAMPION, SPLENDOR, MAJESTY, ENERGY, PROGRESS, FRONTIER`)

var vesselFa = words(`DARYA, NOOR, HONAR, PARSIAN, SAVIZ, AZARGOUN, SHAHR, KORD, IRAN, ARMAN, AVA, BEHTA,
DENA, HELM, KASHAN, SABALAN, SAHAND, TABAN, TALARA, ZAGROS, AFRA, SEPID, GOLBON, DORSA, PAYA, ROYA`)

var vesselRu = words(`KAPITAN, ADMIRAL, AKADEMIK, GENERAL, PROFESSOR, INZHENER, MARSHAL`)

var vesselRuWords = words(`SEVERNY, VOSTOK, ARKTIKA, NEVA, VOLGA, ANGARA, BALTIKA, SIBIR, YAMAL, TAIMYR,
OKHOTSK, KAMCHATKA, AMUR, LENA, ONEGA, LADOGA, PECHORA, KOLA`)

var vesselTypes = words(`Crude Oil Tanker, Bulk Carrier, General Cargo, Container Ship, LPG Tanker,
Chemical/Products Tanker, Fishing Vessel, Tug, Oil Products Tanker, Refrigerated Cargo, Ro-Ro Cargo,
Passenger/Ro-Ro, Supply Vessel, Yacht`)

var vesselFlags = words(`PA, LR, MH, KM, TG, CM, SL, IR, KP, RU, MT, HK, SG, BZ, TZ, MN, PW, GA, CK, ST,
VN, CN, AE, SY, VE, CY, GR, MD, BO, TV`)

var aircraft = words(`Boeing 747-2J9F, Boeing 737-286, Boeing 747-422, Boeing 767-3P6ER, Boeing 777-212ER,
Airbus A300B4-605R, Airbus A310-304, Airbus A320-232, Airbus A321-131, Airbus A330-243,
Airbus A340-642, Ilyushin Il-76TD, Ilyushin Il-62M, Ilyushin Il-96-300, Tupolev Tu-204-300,
Tupolev Tu-154M, Antonov An-124-100, Antonov An-74TK, Antonov An-12BK, McDonnell Douglas MD-83,
Fokker 100, Bombardier CRJ-200, Embraer ERJ-145, Gulfstream G550, Gulfstream G650,
Dassault Falcon 7X, Bombardier Global 6000, Cessna Citation X, Yakovlev Yak-42D,
Sukhoi Superjet 100-95, BAe 146-300, Lockheed L-1011-500, Mil Mi-8MTV, Beechcraft King Air 350`)

// tailPrefix is "registration prefix:country:style", style L for letters
// after the prefix, D for digits.
var tailPrefix = fields(`EP-:IR:L, RA-:RU:D, YK-:SY:L, UP-:KZ:L, P-:KP:D, YA-:AF:L, 5A-:LY:L, HZ-:SA:L,
A6-:AE:L, B-:CN:D, VP-B:BM:L, M-:IM:L, N:US:D, EW-:BY:D, 4L-:GE:L, EX-:KG:D, YV:VE:D, UR-:UA:L,
9Q-:CD:L, ST-:SD:L, 7O-:YE:L, EK:AM:D, VQ-B:BM:L, T7-:SM:L`)

var airlineWords = words(`Air, Airlines, Aviation, Airways, Air Cargo, Air Services, Air Transport`)
