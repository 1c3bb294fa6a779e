/*
 * Health vocabulary in more languages, for the health detector (detectors/health-detector.ts), read
 * word by word in a text that is not in English (detectors/health-terms-intl.ts): the same format as
 * data/health-vocabulary.ts ('|'-separated, lower case, whole words, multi-word entries as phrases
 * with single spaces).
 *
 * Written by hand, language by language, from common usage and the usual dictionary names of the
 * diseases (the names of the WHO ICD-10 titles and of national health portals' A-to-Z pages, as far
 * as the author knows them): not copied from any list, and not checked entry by entry against one.
 * Languages: English lay words the main list lacks, German, French, Spanish, Portuguese, Italian,
 * Dutch, Polish, Czech, Slovak, Swedish, Danish, Norwegian, Finnish, Hungarian, Croatian/Serbian
 * (Latin script), Romanian, Turkish, Greek, Russian, Ukrainian, Indonesian/Malay and Vietnamese.
 *
 * - Inflection: the matcher is exact, so the forms people write after "I have / treated for /
 *   diagnosed with" are listed for the common conditions: Polish, Czech, Slovak, Croatian, Russian and
 *   Ukrainian accusative/genitive (and instrumental for a few: "cukrovkou", "диабетом") besides the
 *   nominative, the Finnish partitive and genitive ("syöpää", "syövän"), the Greek accusative
 *   ("διαβήτη"), the Turkish first-person possessive where it is the usual way to say it ("astımım
 *   var"), Romanian with and without the article ("diabet", "diabetul"), Hungarian "-em" ("my").
 * - Turkish: the common entries with a dotless 'ı' also come with 'i', the lower case of their
 *   capitals ("ASTIM" -> "astim"); a capital 'İ' lower-cases to 'i' and a combining dot, which no entry has.
 *   Romanian: the common entries with 'ș'/'ț' (comma below) also come with the cedilla 'ş'/'ţ'.
 *   Vietnamese: both tone placements where both are written (hóa/hoá, thủy/thuỷ); Russian with 'ё'
 *   and with 'е'.
 * - Left out: words of three letters or fewer (only capitalised abbreviations, listed in
 *   INTL_UPPER_ONLY as well as in their group), and words that are everyday words in any of these
 *   languages or in English (Polish/Czech/Croatian "rak", Russian "рак", Turkish "şeker", "grip",
 *   Spanish/Portuguese "gripe", "zona", "gota", "goutte", "gotta", "crisis", "corona", "handicap",
 *   "angst", "abort", Indonesian "tuli" = Finnish "fire", Polish "udar" = Croatian "blow").
 * - Entries already in data/health-vocabulary.ts are not repeated; a spelling shared by several
 *   languages is listed once, under the first language that uses it.
 * - Ambiguous groups: the word has an everyday or figurative sense in its own language ("grippe",
 *   "Krebs" = crab, "crise", "ateş" = fire, "καρκίνος" = the zodiac sign), as in the main list.
 */

/** conditions: diagnoses and conditions, in lay and clinical words */
export const INTL_CONDITIONS =
  // English (lay words and names the main list lacks)
  'high blood pressure|low blood pressure|high blood sugar|back problems|slipped disk|herniated disk|bulging disc|ankylosing spondylitis|' +
  'pyelonephritis|mononucleosis|chicken pox|whooping cough|asperger|aspergers|down syndrome|down\'s syndrome|cerebral palsy|' +
  'huntington\'s disease|bell\'s palsy|chronic fatigue|torn acl|acl tear|torn ligament|torn meniscus|meniscus tear|deafness|retinal detachment|' +
  'alcohol addiction|substance abuse|opioid addiction|binge eating|obsessive compulsive disorder|obsessive-compulsive disorder|' +
  'personality disorder|dyspraxia|learning disability|brain haemorrhage|brain hemorrhage|brain bleed|transient ischaemic attack|' +
  'transient ischemic attack|pneumothorax|ovarian cyst|water infection|lumbago|mrsa|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'diabetiker|hoher blutdruck|hohen blutdruck|hypertonie|migräne|depressionen|angststörung|panikattacken|adhs|autismus|krebserkrankung|' +
  'blutkrebs|hirntumor|lymphom|herzschwäche|vorhofflimmern|herzrhythmusstörungen|herzprobleme|tuberkulose|gürtelrose|drüsenfieber|mononukleose|' +
  'blinddarmentzündung|nierensteine|nierenbeckenentzündung|harnwegsinfekt|blasenentzündung|gallensteine|reizdarm|magengeschwür|leistenbruch|' +
  'hexenschuss|rheuma|gicht|multiple sklerose|schilddrüsenunterfunktion|schilddrüsenüberfunktion|endometriose|unfruchtbarkeit|schuppenflechte|' +
  'neurodermitis|fibromyalgie|gehirnerschütterung|knochenbruch|kreuzbandriss|schwerhörigkeit|grüner star|grauer star|glaukom|katarakt|' +
  'alkoholsucht|drogensucht|essstörung|bulimie|down-syndrom|schwerbehinderung|schwerbehindert|psychose|posttraumatische belastungsstörung|' +
  'rückenschmerzen|bandscheibenprobleme|' +
  // French
  'diabétique|bpco|dépression nerveuse|trouble anxieux|crise d\'angoisse|attaque de panique|épuisement professionnel|tdah|lymphome|tumeur|' +
  'fibrillation auriculaire|arythmie|bronchite|séropositif|vih|sida|calculs rénaux|infection urinaire|calculs biliaires|' +
  'rectocolite hémorragique|maladie cœliaque|maladie coeliaque|syndrome de l\'intestin irritable|côlon irritable|ulcère de l\'estomac|arthrite|' +
  'crise de goutte|hypothyroïdie|endométriose|infertilité|commotion cérébrale|rupture du ligament croisé|acouphènes|surdité|glaucome|cataracte|' +
  'alcoolisme|toxicomanie|troubles alimentaires|anémie|trouble obsessionnel compulsif|stress post-traumatique|mal de dos|mal au dos|angine|avc|' +
  // Spanish
  'diabético|diabética|presión alta|tensión alta|epoc|migraña|trastorno de ansiedad|ataque de pánico|ataques de pánico|crisis de ansiedad|' +
  'linfoma|ataque al corazón|fibrilación auricular|arritmia|trombosis|bronquitis|seropositivo|apendicitis|cálculos renales|piedras en el riñón|' +
  'infección de orina|infección urinaria|cálculos biliares|piedras en la vesícula|celíaco|colon irritable|síndrome del intestino irritable|' +
  'úlcera de estómago|lumbalgia|artritis|esclerosis múltiple|hipotiroidismo|hipertiroidismo|infertilidad|fibromialgia|conmoción cerebral|' +
  'rotura del ligamento cruzado|sordera|alcoholismo|drogadicción|trastorno alimentario|síndrome de down|discapacidad|dolor de espalda|cirrosis|' +
  'trastorno obsesivo compulsivo|estrés postraumático|' +
  // Portuguese
  'pressão alta|tensão alta|dpoc|enxaqueca|transtorno de ansiedade|síndrome do pânico|ataque de pânico|câncer|cancro do pulmão|' +
  'cancro da próstata|metástases|enfarte|insuficiência cardíaca|fibrilação atrial|fibrilhação auricular|acidente vascular cerebral|trombose|' +
  'bronquite|soropositivo|mononucleose|apendicite|pedra nos rins|cálculos renais|pielonefrite|infecção urinária|cistite|pedra na vesícula|' +
  'colite ulcerosa|síndrome do intestino irritável|gastrite|úlcera no estômago|dor nas costas|artrite|esclerose múltipla|hipotireoidismo|' +
  'hipertireoidismo|infertilidade|psoríase|lúpus|síndrome da fadiga crônica|concussão|ruptura do ligamento cruzado|surdez|perda auditiva|' +
  'alcoolismo|dependência química|toxicodependência|transtorno alimentar|cirrose|gravidez|aborto espontâneo|' +
  // Italian
  'diabetico|diabetica|pressione alta|emicrania|disturbo d\'ansia|attacchi di panico|attacco di panico|esaurimento nervoso|cancro al polmone|' +
  'attacco di cuore|scompenso cardiaco|fibrillazione atriale|sieropositivo|fuoco di sant\'antonio|mononucleosi|calcoli renali|' +
  'infezione urinaria|calcoli alla cistifellea|celiachia|celiaco|celiaca|colon irritabile|sindrome dell\'intestino irritabile|ulcera gastrica|' +
  'ernia inguinale|mal di schiena|attacco di gotta|sclerosi multipla|ipotiroidismo|endometriosi|infertilità|psoriasi|commozione cerebrale|' +
  'rottura del crociato|acufeni|sordità|cataratta|alcolismo|tossicodipendenza|disturbi alimentari|disturbo alimentare|sindrome di down|' +
  'disturbo ossessivo compulsivo|disturbo da stress post-traumatico|lombalgia|' +
  // Dutch
  'kanker|hoge bloeddruk|astma|depressie|angststoornis|paniekaanvallen|bipolaire stoornis|schizofrenie|prostaatkanker|huidkanker|hersentumor|' +
  'lymfoom|hartinfarct|hartfalen|boezemfibrilleren|herseninfarct|hersenbloeding|gordelroos|ziekte van pfeiffer|blindedarmontsteking|nierstenen|' +
  'blaasontsteking|urineweginfectie|galstenen|coeliakie|prikkelbare darm|maagzweer|liesbreuk|rugklachten|rugpijn|jicht|multiple sclerose|' +
  'schildklierproblemen|trage schildklier|onvruchtbaarheid|miskraam|eczeem|chronisch vermoeidheidssyndroom|hersenschudding|botbreuk|' +
  'kruisbandblessure|gescheurde kruisband|oorsuizen|doofheid|glaucoom|grauwe staar|groene staar|alcoholverslaving|drugsverslaving|eetstoornis|' +
  'syndroom van down|bloedarmoede|ptss|' +
  // Polish
  'cukrzyca|cukrzycę|cukrzycy|cukrzyk|nadciśnienie|astmę|pochp|padaczka|padaczkę|epilepsja|migrena|migrenę|depresję|depresji|nerwica|nerwicę|' +
  'zaburzenia lękowe|ataki paniki|atak paniki|wypalenie zawodowe|choroba dwubiegunowa|schizofrenię|autyzm|nowotwór|nowotworu|rak piersi|' +
  'raka piersi|rak płuc|raka płuc|rak prostaty|raka prostaty|białaczka|chłoniak|zawał serca|zawału serca|udar mózgu|udaru mózgu|' +
  'niewydolność serca|arytmia|zapalenie płuc|zapalenia płuc|zapalenie oskrzeli|gruźlica|covidem|covidu|zapalenie wątroby|półpasiec|ospa|' +
  'zapalenie wyrostka|kamica nerkowa|kamienie w nerkach|zapalenie pęcherza|infekcja dróg moczowych|kamica żółciowa|crohna|celiakia|' +
  'zespół jelita drażliwego|wrzód żołądka|przepuklina|dyskopatia|rwa kulszowa|osteoporoza|reumatoidalne zapalenie stawów|rzs|dna moczanowa|' +
  'stwardnienie rozsiane|parkinsona|alzheimera|demencja|niedoczynność tarczycy|nadczynność tarczycy|endometrioza|poronienie|niepłodność|' +
  'łuszczyca|wstrząśnienie mózgu|szumy uszne|jaskra|alkoholizm|uzależnienie od alkoholu|zaburzenia odżywiania|anoreksja|zespół downa|' +
  'niepełnosprawność|anemię|psychoza|ból pleców|ciąża|' +
  // Czech
  'cukrovka|cukrovku|cukrovkou|diabetik|hypertenze|chopn|migréna|deprese|depresi|úzkostná porucha|záchvaty paniky|syndrom vyhoření|' +
  'bipolární porucha|rakovina|rakovinu|rakovinou|nádor|leukémie|lymfom|infarkt|infarktu|mrtvice|mozková příhoda|srdeční selhání|arytmie|angína|' +
  'zápal plic|zápalu plic|bronchitida|tuberkulóza|žloutenka|pásový opar|spalničky|zánět slepého střeva|ledvinové kameny|infekce močových cest|' +
  'žlučníkové kameny|crohnova choroba|celiakie|syndrom dráždivého tračníku|gastritida|žaludeční vřed|kýla|výhřez ploténky|osteoporóza|artróza|' +
  'revmatoidní artritida|revma|roztroušená skleróza|parkinsonova|alzheimerova|demence|hypotyreóza|endometrióza|neplodnost|lupénka|otřes mozku|' +
  'zelený zákal|šedý zákal|alkoholismus|drogová závislost|poruchy příjmu potravy|downův syndrom|cirhóza|těhotenství|bolesti zad|' +
  // Slovak
  'vysoký krvný tlak|hypertenzia|depresia|depresiu|depresiou|syndróm vyhorenia|bipolárna porucha|schizofrénia|autizmus|leukémia|lymfóm|mŕtvica|' +
  'mozgová príhoda|srdcové zlyhanie|fibrilácia predsiení|zápal pľúc|žltačka|hepatitída|ovčie kiahne|osýpky|zápal slepého čreva|' +
  'obličkové kamene|infekcia močových ciest|žlčníkové kamene|ulcerózna kolitída|syndróm dráždivého čreva|gastritída|žalúdočný vred|prietrž|' +
  'vyskočená platnička|skleróza multiplex|neplodnosť|psoriáza|otras mozgu|glaukóm|sivý zákal|katarakta|alkoholizmus|downov syndróm|anémia|' +
  'tehotenstvo|bolesti chrbta|' +
  // Swedish
  'sockersjuka|högt blodtryck|epilepsi|migrän|panikångest|utbrändhet|bipolär sjukdom|schizofreni|bröstcancer|prostatacancer|lungcancer|' +
  'tarmcancer|leukemi|hjärntumör|hjärtinfarkt|hjärtsvikt|förmaksflimmer|blodpropp|lunginflammation|tuberkulos|bältros|vattkoppor|mässlingen|' +
  'blindtarmsinflammation|njursten|urinvägsinfektion|crohns sjukdom|celiaki|magsår|benskörhet|osteoporos|artros|ledgångsreumatism|gikt|' +
  'multipel skleros|demens|endometrios|infertilitet|missfall|fibromyalgi|hjärnskakning|benbrott|korsbandsskada|hörselnedsättning|grå starr|' +
  'alkoholism|alkoholberoende|ätstörning|anorexi|bulimi|downs syndrom|funktionsnedsättning|anemi|graviditet|ryggont|ryggproblem|' +
  // Danish
  'sukkersyge|højt blodtryk|migræne|angstlidelse|panikangst|bipolar lidelse|skizofreni|kræft|brystkræft|prostatakræft|lungekræft|tarmkræft|' +
  'leukæmi|hjernesvulst|hjertestop|blodprop|hjerneblødning|hjertesvigt|atrieflimren|hjertekrampe|lungebetændelse|bronkitis|helvedesild|' +
  'skoldkopper|mæslinger|blindtarmsbetændelse|nyresten|blærebetændelse|urinvejsinfektion|galdesten|crohns sygdom|cøliaki|irritabel tyktarm|' +
  'mavesår|diskusprolaps|iskias|knogleskørhed|slidgigt|leddegigt|gigt|dissemineret sklerose|lavt stofskifte|højt stofskifte|spontan abort|' +
  'hjernerystelse|knoglebrud|øresusen|høretab|grøn stær|grå stær|alkoholisme|alkoholafhængighed|spiseforstyrrelse|anoreksi|blodmangel|' +
  'ondt i ryggen|rygsmerter|psykose|' +
  // Norwegian
  'sukkersyke|høyt blodtrykk|kols|migrene|depresjon|panikkangst|utbrenthet|kreft|brystkreft|prostatakreft|lungekreft|tarmkreft|hjerteinfarkt|' +
  'hjerneslag|hjertesvikt|atrieflimmer|lungebetennelse|bronkitt|hepatitt|helvetesild|vannkopper|meslinger|blindtarmbetennelse|nyrestein|' +
  'blærebetennelse|urinveisinfeksjon|gallestein|crohns sykdom|ulcerøs kolitt|irritabel tarm|magesår|isjias|benskjørhet|leddgikt|revmatisme|' +
  'multippel sklerose|lavt stoffskifte|høyt stoffskifte|spontanabort|kronisk utmattelsessyndrom|beinbrudd|øresus|hørselstap|grønn stær|' +
  'rusavhengighet|funksjonshemming|vondt i ryggen|ryggsmerter|' +
  // Finnish
  'diabetesta|diabeteksen|sokeritauti|verenpainetauti|korkea verenpaine|astmaa|keuhkoahtaumatauti|migreeni|masennus|masennusta|' +
  'ahdistuneisuushäiriö|paniikkihäiriö|työuupumus|kaksisuuntainen mielialahäiriö|skitsofrenia|autismi|syöpä|syöpää|syövän|rintasyöpä|' +
  'eturauhassyöpä|keuhkosyöpä|aivokasvain|kasvain|sydänkohtaus|aivohalvaus|sydämen vajaatoiminta|eteisvärinä|veritulppa|keuhkokuume|' +
  'keuhkoputkentulehdus|tuberkuloosi|vyöruusu|vesirokko|tuhkarokko|umpilisäketulehdus|munuaiskivet|virtsatietulehdus|crohnin tauti|keliakia|' +
  'ärtyvän suolen oireyhtymä|mahahaava|välilevyn pullistuma|osteoporoosi|nivelrikko|nivelreuma|kihti|ms-tauti|parkinsonin tauti|' +
  'alzheimerin tauti|muistisairaus|kilpirauhasen vajaatoiminta|endometrioosi|hedelmättömyys|keskenmeno|psoriaasi|aivotärähdys|' +
  'ristisiteen repeämä|kuulonalenema|viherkaihi|kaihi|alkoholismi|huumeriippuvuus|syömishäiriö|anoreksia|downin oireyhtymä|kehitysvamma|' +
  'raskaus|selkäkipu|selkävaivat|' +
  // Hungarian
  'cukorbetegség|cukorbetegségem|cukorbeteg|magas vérnyomás|asztma|epilepszia|migrén|depresszió|szorongásos zavar|pánikbetegség|pánikroham|' +
  'bipoláris zavar|skizofrénia|daganat|mellrák|prosztatarák|tüdőrák|vastagbélrák|szívinfarktus|infarktus|agyvérzés|szívelégtelenség|' +
  'szívritmuszavar|tüdőgyulladás|hörghurut|tuberkulózis|májgyulladás|övsömör|bárányhimlő|kanyaró|vakbélgyulladás|vesekő|húgyúti fertőzés|epekő|' +
  'lisztérzékenység|irritábilis bél szindróma|gyomorhurut|gyomorfekély|sérv|porckorongsérv|isiász|csontritkulás|artrózis|reumatoid artritisz|' +
  'köszvény|sclerosis multiplex|szklerózis multiplex|pajzsmirigy-alulműködés|endometriózis|meddőség|vetélés|pikkelysömör|agyrázkódás|' +
  'csonttörés|fülzúgás|zöldhályog|szürkehályog|alkoholfüggőség|evészavar|down-szindróma|fogyatékosság|vérszegénység|terhesség|hátfájás|' +
  // Croatian/Serbian
  'šećerna bolest|šećernu bolest|dijabetes|visok krvni tlak|hipertenzija|kopb|epilepsija|depresija|depresiju|anksiozni poremećaj|napadi panike|' +
  'bipolarni poremećaj|shizofrenija|autizam|karcinom|rak dojke|rak pluća|rak prostate|leukemija|srčani udar|moždani udar|šlog|zatajenje srca|' +
  'aritmija|upala pluća|bronhitis|tuberkuloza|vodene kozice|ospice|upala slijepog crijeva|bubrežni kamenci|upala mokraćnog mjehura|' +
  'žučni kamenci|celijakija|čir na želucu|hernija|išijas|giht|multipla skleroza|demencija|hipotireoza|spontani pobačaj|psorijaza|potres mozga|' +
  'tinitus|gubitak sluha|alkoholizam|poremećaj prehrane|anoreksija|downov sindrom|anemija|trudnoća|bolovi u leđima|ptsp|' +
  // Romanian
  'diabet|diabetul|hipertensiune|tensiune mare|astm|bpoc|migrenă|depresie|tulburare de anxietate|atacuri de panică|tulburare bipolară|cancerul|' +
  'leucemie|tumoare|infarct|infarctul|atac cerebral|accident vascular cerebral|insuficiență cardiacă|insuficienţă cardiacă|bronșită|bronşită|' +
  'tuberculoză|hepatită|hepatita|varicelă|pojar|apendicită|pietre la rinichi|infecție urinară|infecţie urinară|pietre la fiere|colon iritabil|' +
  'gastrită|ulcer gastric|hernie|osteoporoză|artroză|poliartrită reumatoidă|gută|scleroză multiplă|demență|demenţă|hipotiroidism|endometrioză|' +
  'infertilitate|avort spontan|psoriazis|comoție cerebrală|comoţie cerebrală|surditate|cataractă|alcoolism|tulburări de alimentație|' +
  'sindromul down|anemie|dureri de spate|stres posttraumatic|rmn|' +
  // Turkish
  'şeker hastalığı|şeker hastaliği|şeker hastalığım|şeker hastaliğim|şeker hastası|şeker hastasi|diyabet|yüksek tansiyon|hipertansiyon|astım|' +
  'astim|astımım|astimim|koah|migren|depresyon|anksiyete|panik atak|tükenmişlik sendromu|bipolar bozukluk|şizofreni|dehb|otizm|kanser|kanseri|' +
  'lösemi|lenfoma|tümör|kalp krizi|kalp yetmezliği|zatürre|bronşit|tüberküloz|verem|kovid|hepatit|sarılık|sarilik|zona hastalığı|su çiçeği|' +
  'kızamık|kizamik|apandisit|böbrek taşı|idrar yolu enfeksiyonu|safra taşı|çölyak|huzursuz bağırsak sendromu|gastrit|mide ülseri|fıtık|fitik|' +
  'bel fıtığı|bel fitiği|osteoporoz|romatoid artrit|romatizma|multipl skleroz|demans|bunama|hipotiroidi|hipertiroidi|endometriozis|kısırlık|' +
  'kisirlik|düşük yaptım|düşük yaptı|sedef hastalığı|sedef hastaliği|egzama|beyin sarsıntısı|çapraz bağ yırtığı|işitme kaybı|işitme kaybi|' +
  'glokom|alkolizm|alkol bağımlılığı|alkol bağimliliği|madde bağımlılığı|madde bağimliliği|yeme bozukluğu|anoreksiya|down sendromu|engellilik|' +
  'kansızlık|kansizlik|hamilelik|gebelik|bel ağrısı|obsesif kompulsif bozukluk|travma sonrası stres bozukluğu|' +
  // Greek
  'διαβήτης|διαβήτη|υπέρταση|άσθμα|χαπ|επιληψία|ημικρανία|κατάθλιψη|αγχώδης διαταραχή|κρίσεις πανικού|διπολική διαταραχή|σχιζοφρένεια|δεπυ|' +
  'αυτισμός|καρκίνος του μαστού|καρκίνο του μαστού|καρκίνος του πνεύμονα|λευχαιμία|έμφραγμα|καρδιακή προσβολή|εγκεφαλικό|καρδιακή ανεπάρκεια|' +
  'αρρυθμία|πνευμονία|βρογχίτιδα|φυματίωση|κορονοϊό|κορωνοϊό|ηπατίτιδα|ανεμοβλογιά|ιλαρά|σκωληκοειδίτιδα|πέτρες στα νεφρά|ουρολοίμωξη|' +
  'κοιλιοκάκη|σύνδρομο ευερέθιστου εντέρου|γαστρίτιδα|κήλη|δισκοκήλη|οστεοπόρωση|αρθρίτιδα|σκλήρυνση κατά πλάκας|πάρκινσον|αλτσχάιμερ|άνοια|' +
  'υποθυρεοειδισμός|ενδομητρίωση|υπογονιμότητα|ψωρίαση|έκζεμα|ερυθηματώδης λύκος|διάσειση|ρήξη χιαστού|βαρηκοΐα|γλαύκωμα|αλκοολισμός|' +
  'διατροφική διαταραχή|νευρική ανορεξία|σύνδρομο down|αναπηρία|αναιμία|εγκυμοσύνη|διαταραχή μετατραυματικού στρες|' +
  // Russian
  'диабет|диабета|диабетом|диабетик|гипертония|гипертонии|астма|хобл|эпилепсия|мигрень|депрессия|депрессии|депрессию|тревожное расстройство|' +
  'панические атаки|паническая атака|биполярное расстройство|шизофрения|сдвг|аутизм|онкологическое заболевание|рак груди|рак молочной железы|' +
  'рак лёгких|рак легких|рак простаты|лейкоз|лейкемия|лимфома|опухоль|инфаркт|инфаркта|инфарктом|сердечный приступ|инсульт|инсульта|инсультом|' +
  'сердечная недостаточность|аритмия|стенокардия|пневмония|воспаление лёгких|воспаление легких|бронхит|туберкулёз|туберкулез|ковид|ковида|' +
  'ковидом|коронавирус|гепатит|опоясывающий лишай|ветрянка|корь|аппендицит|камни в почках|мочекаменная болезнь|болезнь крона|язвенный колит|' +
  'синдром раздраженного кишечника|гастрит|язва желудка|грыжа|радикулит|остеохондроз|остеопороз|артроз|артрит|подагра|рассеянный склероз|' +
  'паркинсона|альцгеймер|альцгеймера|деменция|гипотиреоз|эндометриоз|бесплодие|выкидыш|псориаз|сотрясение мозга|шум в ушах|потеря слуха|' +
  'глаукома|катаракта|алкоголизм|наркомания|анорексия|синдром дауна|инвалидность|анемия|беременность|боли в спине|психоз|птср|вич|спид|окр|' +
  // Ukrainian
  'діабет|діабету|діабетом|гіпертонія|епілепсія|мігрень|депресія|депресію|тривожний розлад|панічні атаки|біполярний розлад|шизофренія|' +
  'рак грудей|рак легень|рак простати|лейкемія|пухлина|інфаркт|інфаркту|серцевий напад|інсульт|інсульту|серцева недостатність|аритмія|' +
  'пневмонія|пневмонію|пневмонії|запалення легень|бронхіт|туберкульоз|ковід|ковіду|оперізуючий лишай|вітрянка|камені в нирках|' +
  'камені в жовчному міхурі|хвороба крона|виразковий коліт|синдром подразненого кишечника|виразка шлунка|грижа|радикуліт|розсіяний склероз|' +
  'хвороба паркінсона|деменція|гіпотиреоз|гіпертиреоз|ендометріоз|безпліддя|викидень|псоріаз|вовчак|струс мозку|розрив зв\'язок|шум у вухах|' +
  'втрата слуху|алкоголізм|наркоманія|розлад харчової поведінки|анорексія|інвалідність|анемія|цироз|вагітність|біль у спині|снід|віл|' +
  // Indonesian/Malay
  'kencing manis|penyakit gula|darah tinggi|hipertensi|ppok|migrain|gangguan kecemasan|serangan panik|gangguan bipolar|skizofrenia|barah|' +
  'limfoma|serangan jantung|penyakit jantung|gagal jantung|strok|radang paru-paru|paru-paru basah|tuberkulosis|cacar api|gondongan|' +
  'radang usus buntu|batu ginjal|infeksi saluran kemih|sakit maag|saraf kejepit|syaraf kejepit|radang sendi|rematik|asam urat|encok|demensia|' +
  'hipotiroid|kemandulan|keguguran|gegar otak|patah tulang|gangguan pendengaran|glaukoma|katarak|kecanduan alkohol|kecanduan narkoba|' +
  'gangguan makan|sindrom down|disabilitas|kurang darah|kehamilan|sakit pinggang|sakit punggung|tipes|' +
  // Vietnamese
  'tiểu đường|đái tháo đường|cao huyết áp|tăng huyết áp|hen suyễn|động kinh|đau nửa đầu|trầm cảm|rối loạn lo âu|rối loạn lưỡng cực|' +
  'tâm thần phân liệt|tăng động giảm chú ý|tự kỷ|ung thư|bệnh bạch cầu|khối u|nhồi máu cơ tim|đột quỵ|tai biến mạch máu não|suy tim|' +
  'rối loạn nhịp tim|viêm phổi|viêm phế quản|lao phổi|bệnh lao|sốt xuất huyết|viêm gan|zona thần kinh|thủy đậu|thuỷ đậu|bệnh sởi|quai bị|' +
  'viêm ruột thừa|sỏi thận|viêm đường tiết niệu|đau dạ dày|viêm dạ dày|thoát vị đĩa đệm|đau thần kinh tọa|loãng xương|thoái hóa khớp|' +
  'thoái hoá khớp|viêm khớp|bệnh gút|đa xơ cứng|sa sút trí tuệ|suy giáp|lạc nội mạc tử cung|sảy thai|vô sinh|vảy nến|chấn động não|gãy xương|' +
  'đứt dây chằng|ù tai|mất thính lực|tăng nhãn áp|đục thủy tinh thể|đục thuỷ tinh thể|nghiện rượu|nghiện ma túy|nghiện ma tuý|rối loạn ăn uống|' +
  'hội chứng down|khuyết tật|thiếu máu|xơ gan|đau lưng|rối loạn căng thẳng sau sang chấn';

/** conditions that also have an everyday or figurative sense in their language (need the stronger person rules) */
export const INTL_CONDITIONS_AMBIGUOUS =
  // English (lay words and names the main list lacks)
  'disability|bad back|hashimoto|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'krebs|grippe|erkältung|fieber|infekt|verletzung|behinderung|sucht|schwindel|sodbrennen|kopfschmerzen|durchfall|' +
  // French
  'toc|rhume|fièvre|blessure|crise|entorse|gastro|vertiges|' +
  // Spanish
  'ansiedad|resfriado|catarro|constipado|fiebre|infección|lesión|esguince|fractura|cataratas|catarata|aborto|gripa|' +
  // Portuguese
  'ansiedade|constipação|febre|infecção|lesão|fratura|derrame|zumbido|deficiência|' +
  // Italian
  'ansia|raffreddore|febbre|infezione|frattura|distorsione|dipendenza|disabilità|invalidità|' +
  // Dutch
  'griep|verkoudheid|koorts|overspannen|verslaving|hoofdpijn|' +
  // Polish
  'raka|grypa|grypę|przeziębienie|gorączka|infekcja|uraz|kontuzja|złamanie|zawał|odra|zaćma|uzależnienie|w ciąży|wysokie ciśnienie|' +
  'niepełnosprawny|niepełnosprawna|' +
  // Czech
  'chřipka|chřipku|nachlazení|horečka|infekce|zranění|úraz|zlomenina|vyhoření|závislost|těhotná|potrat|ploténky|' +
  // Slovak
  'chrípka|chrípku|prechladnutie|horúčka|zranenie|závislosť|tehotná|platničky|' +
  // Swedish
  'ångest|förkylning|feber|infektion|influensa|utbränd|missbruk|' +
  // Danish
  'forkølelse|misbrug|' +
  // Norwegian
  'forkjølelse|' +
  // Finnish
  'flunssa|flunssaa|kuume|tulehdus|vamma|murtuma|koronaa|riippuvuus|raskaana|influenssa|' +
  // Hungarian
  'megfázás|lázas|fertőzés|sérülés|kiégés|rákos|terhes|függőség|' +
  // Croatian/Serbian
  'prehlada|groznica|infekcija|ozljeda|povreda|prijelom|prelom|anksioznost|ovisnost|zavisnost|trudna|pobačaj|invaliditet|' +
  // Romanian
  'gripă|răceală|febră|infecție|infecţie|fractură|anxietate|dependență|dependenţă|sarcină|însărcinată|dizabilitate|criză|' +
  // Turkish
  'inme|felç|tansiyon|tansiyonum|ateş|enfeksiyon|yaralanma|bağımlılık|bağimlilik|engelli|kireçlenme|nezle|soğuk algınlığı|soğuk alginliği|' +
  // Greek
  'καρκίνος|καρκίνο|καρκίνου|γρίπη|κρυολόγημα|πυρετός|λοίμωξη|κάταγμα|εθισμός|καταρράκτης|έγκυος|αποβολή|έλκος|' +
  // Russian
  'рака|грипп|гриппа|простуда|орви|инфекция|травма|перелом|выгорание|зависимость|язва|склероз|онкология|беременна|высокое давление|' +
  // Ukrainian
  'грип|грипу|застуда|застуду|грві|інфекція|вигорання|залежність|виразка|онкологія|вагітна|' +
  // Indonesian/Malay
  'campak|demam|selesema|masuk angin|cedera|pikun|mandul|kecanduan|hamil|usus buntu|' +
  // Vietnamese
  'cảm cúm|cảm lạnh|nhiễm trùng|chấn thương|đau tim|mang thai|có thai';

/** procedures, tests and devices */
export const INTL_PROCEDURES =
  // English (lay words and names the main list lacks)
  'ultrasound scan|ct-scan|keyhole surgery|hernia repair|hernia operation|acl reconstruction|radiation treatment|immunotherapy|hormone therapy|' +
  'hormone replacement therapy|electroconvulsive therapy|ect|flu jab|flu shot|fertility treatment|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'kernspintomographie|computertomographie|röntgen|biopsie|krankengymnastik|blinddarmoperation|hüftprothese|knieprothese|kaiserschnitt|' +
  'künstliche befruchtung|koloskopie|endoskopie|gastroskopie|blutuntersuchung|blutbild|herzschrittmacher|bypass-operation|transplantation|' +
  'nierentransplantation|psychotherapie|bestrahlung|mammographie|' +
  // French
  'tomodensitométrie|chimio|kiné|prothèse de hanche|prothèse du genou|fécondation in vitro|fiv|pma|gastroscopie|analyse de sang|' +
  'analyses de sang|stimulateur cardiaque|pontage|greffe de rein|psychothérapie|appareil auditif|pompe à insuline|' +
  // Spanish
  'tac|rayos x|biopsia|quimio|apendicectomía|prótesis de cadera|prótesis de rodilla|fecundación in vitro|colonoscopia|marcapasos|trasplante|' +
  'psicoterapia|mamografía|electrocardiograma|intervención quirúrgica|tomografía|' +
  // Portuguese
  'ressonância magnética|tomografia|raio-x|raio x|biópsia|hemodiálise|diálise|apendicectomia|prótese de anca|prótese de quadril|' +
  'prótese do joelho|cesariana|fertilização in vitro|exame de sangue|exames de sangue|marca-passo|transplante|mamografia|cirurgia|' +
  // Italian
  'chemio|emodialisi|protesi d\'anca|protesi all\'anca|parto cesareo|taglio cesareo|fecondazione in vitro|procreazione medicalmente assistita|' +
  'trapianto|elettrocardiogramma|apparecchio acustico|chirurgia|' +
  // Dutch
  'röntgenfoto|echografie|bestraling|radiotherapie|fysiotherapie|blindedarmoperatie|heupprothese|keizersnede|bloedonderzoek|dotterbehandeling|' +
  'gehoorapparaat|insulinepomp|' +
  // Polish
  'rezonans magnetyczny|tomografię|rentgen|usg|biopsja|chemioterapię|radioterapię|dializa|fizjoterapia|wycięcie wyrostka|endoproteza|' +
  'cesarskie cięcie|cesarka|kolonoskopia|gastroskopia|badanie krwi|rozrusznik serca|przeszczep|psychoterapię|' +
  // Czech
  'chirurgický zákrok|magnetická rezonance|chemoterapie|ozařování|radioterapie|dialýza|fyzioterapie|náhrada kyčle|císařský řez|umělé oplodnění|' +
  'kolonoskopie|odběr krve|krevní test|kardiostimulátor|transplantace|psychoterapii|' +
  // Slovak
  'magnetická rezonancia|chemoterapia|chemoterapiu|fyzioterapia|cisársky rez|umelé oplodnenie|odber krvi|transplantácia|načúvací prístroj|' +
  // Swedish
  'magnetkamera|datortomografi|biopsi|cellgifter|strålbehandling|dialys|sjukgymnastik|fysioterapi|höftprotes|kejsarsnitt|provrörsbefruktning|' +
  'koloskopi|endoskopi|blodprov|psykoterapi|kbt|mammografi|insulinpump|' +
  // Danish
  'mr-scanning|ct-scanning|røntgen|kemoterapi|strålebehandling|genoptræning|hofteoperation|kejsersnit|kunstig befrugtning|blodprøve|' +
  'høreapparat|' +
  // Norwegian
  'mr-undersøkelse|ct-undersøkelse|cellegift|hofteprotese|kneprotese|keisersnitt|prøverørsbehandling|vaksinasjon|transplantasjon|' +
  // Finnish
  'magneettikuvaus|tietokonetomografia|röntgenkuva|koepala|solunsalpaajahoito|kemoterapia|sädehoito|dialyysi|lonkkaproteesi|polviproteesi|' +
  'keisarileikkaus|koeputkihedelmöitys|verikoe|tahdistin|ohitusleikkaus|' +
  // Hungarian
  'műtét|műtéten|biopszia|kemoterápia|sugárkezelés|dialízis|gyógytorna|csípőprotézis|császármetszés|lombikprogram|vastagbéltükrözés|vérvétel|' +
  'pszichoterápia|' +
  // Croatian/Serbian
  'magnetska rezonancija|magnetna rezonanca|rendgen|biopsija|kemoterapija|dijaliza|fizioterapija|proteza kuka|carski rez|umjetna oplodnja|' +
  'vantjelesna oplodnja|izvantjelesna oplodnja|kolonoskopija|gastroskopija|krvna slika|' +
  // Romanian
  'intervenție chirurgicală|intervenţie chirurgicală|rezonanță magnetică|rezonanţă magnetică|tomografie|radiografie|ecografie|chimioterapie|' +
  'dializă|fizioterapie|kinetoterapie|proteză de șold|proteză de şold|cezariană|fertilizare in vitro|analize de sânge|psihoterapie|' +
  // Turkish
  'ameliyat|ameliyatı|ameliyati|emar|tomografi|biyopsi|radyoterapi|diyaliz|fizik tedavi|sezaryen|tüp bebek|kan tahlili|kalp pili|psikoterapi|' +
  'anjiyo|' +
  // Greek
  'εγχείρηση|χειρουργείο|μαγνητική τομογραφία|αξονική τομογραφία|ακτινογραφία|υπερηχογράφημα|βιοψία|χημειοθεραπεία|ακτινοθεραπεία|αιμοκάθαρση|' +
  'φυσικοθεραπεία|καισαρική|εξωσωματική γονιμοποίηση|κολονοσκόπηση|εξετάσεις αίματος|βηματοδότης|στεντ|μεταμόσχευση|ψυχοθεραπεία|' +
  // Russian
  'хирургическое вмешательство|мрт|рентген|узи|биопсия|химиотерапия|лучевая терапия|диализ|физиотерапия|кесарево|эко|колоноскопия|фгдс|' +
  'анализ крови|кардиостимулятор|стент|шунтирование|трансплантация|психотерапия|экг|' +
  // Ukrainian
  'узд|біопсія|хіміотерапія|променева терапія|діаліз|фізіотерапія|кесарів розтин|колоноскопія|гастроскопія|аналіз крові|кардіостимулятор|' +
  'трансплантація|психотерапія|екг|' +
  // Indonesian/Malay
  'pembedahan|rontgen|radioterapi|cuci darah|operasi usus buntu|operasi caesar|bayi tabung|tes darah|cek darah|alat pacu jantung|ring jantung|' +
  // Vietnamese
  'phẫu thuật|cộng hưởng từ|chụp cắt lớp|chụp x-quang|sinh thiết|hóa trị|hoá trị|xạ trị|chạy thận|vật lý trị liệu|cắt ruột thừa|mổ lấy thai|' +
  'sinh mổ|thụ tinh trong ống nghiệm|nội soi|xét nghiệm máu|máy tạo nhịp tim';

/** procedures with an everyday sense too ("operation", "vaccine", "wheelchair") */
export const INTL_PROCEDURES_AMBIGUOUS =
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'mrt|ultraschall|reha|impfung|rollstuhl|' +
  // French
  'rééducation|vaccin|greffe|fauteuil roulant|' +
  // Spanish
  'resonancia|rehabilitación|analítica|vacuna|audífono|audífonos|silla de ruedas|' +
  // Portuguese
  'ressonância|ultrassom|vacina|' +
  // Italian
  'riabilitazione|vaccino|vaccinazione|intervento|sedia a rotelle|' +
  // Dutch
  'operatie|revalidatie|vaccinatie|rolstoel|' +
  // Polish
  'operacja|operację|zabieg|rezonans|rehabilitacja|in vitro|szczepienie|wózek inwalidzki|' +
  // Czech
  'operace|operaci|zákrok|ultrazvuk|rehabilitace|očkování|' +
  // Slovak
  'operácia|operáciu|rehabilitácia|očkovanie|' +
  // Swedish
  'ultraljud|rehabilitering|rullstol|' +
  // Danish
  'kemo|kørestol|' +
  // Norwegian
  'operasjon|ultralyd|vaksine|rullestol|' +
  // Finnish
  'leikkaus|ultraääni|kuntoutus|tähystys|rokotus|pyörätuoli|' +
  // Hungarian
  'ultrahang|rehabilitáció|oltás|kerekesszék|' +
  // Croatian/Serbian
  'operacija|operaciju|zračenje|rehabilitacija|cijepljenje|vakcinacija|invalidska kolica|' +
  // Romanian
  'operație|operaţie|operația|operaţia|vaccinare|scaun cu rotile|' +
  // Turkish
  'operasyon|ultrason|rehabilitasyon|aşılama|nakil|tekerlekli sandalye|' +
  // Greek
  'επέμβαση|μαγνητική|αξονική|υπέρηχος|αποκατάσταση|εμβόλιο|εμβολιασμός|αναπηρικό αμαξίδιο|' +
  // Russian
  'операция|операцию|облучение|реабилитация|прививка|вакцинация|инвалидное кресло|инвалидная коляска|' +
  // Ukrainian
  'операція|операцію|опромінення|реабілітація|щеплення|вакцинація|інвалідний візок|' +
  // Indonesian/Malay
  'operasi|bedah|rehabilitasi|vaksinasi|imunisasi|kursi roda|' +
  // Vietnamese
  'ca mổ|siêu âm|tiêm phòng|tiêm chủng|xe lăn';

/** medicines: lay words, classes, generic names whose spelling changes and national brand names */
export const INTL_MEDICATIONS =
  // English (lay words and names the main list lacks)
  'inhalers|steroid inhaler|blue inhaler|corticosteroids|corticosteroid|cortisone|antivirals|antiretrovirals|anticonvulsants|antiepileptics|' +
  'mood stabilisers|mood stabilizers|immunosuppressants|diuretics|proton pump inhibitors|blood pressure tablets|blood pressure medication|' +
  'thyroid medication|birth control pill|birth control pills|morning after pill|oxazepam|bromazepam|metamizole|nimesulide|ketoprofen|ketorolac|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'antidepressiva|blutverdünner|cortison|kortison|betablocker|statine|schlaftabletten|schlafmittel|antibabypille|blutdrucksenker|' +
  'psychopharmaka|novaminsulfon|metamizol|novalgin|ben-u-ron|thyroxin|levothyroxin|marcumar|pantoprazol|omeprazol|amlodipin|sertralin|' +
  'mirtazapin|venlafaxin|quetiapin|tramal|tavor|prednison|prednisolon|zopiclon|' +
  // French
  'antidépresseur|anxiolytiques|somnifères|antalgiques|antihistaminique|corticoïdes|bêtabloquants|statines|pilule contraceptive|' +
  'pilule du lendemain|insuline|metformine|paracétamol|ibuprofène|amoxicilline|doliprane|efferalgan|dafalgan|levothyrox|lévothyrox|' +
  'lévothyroxine|lexomil|stilnox|oméprazole|inhalateur|ventoline|' +
  // Spanish
  'antidepresivo|ansiolítico|ansiolíticos|anticoagulante|anticoagulantes|corticoides|betabloqueantes|estatinas|pastillas para dormir|' +
  'somníferos|píldora anticonceptiva|anticonceptivos|píldora del día después|inhalador|amoxicilina|nolotil|gelocatil|enantyum|adiro|sintrom|' +
  'eutirox|levotiroxina|orfidal|sertralina|fluoxetina|quetiapina|metilfenidato|prednisona|' +
  // Portuguese
  'antidepressivo|antidepressivos|betabloqueadores|pílula anticoncepcional|comprimidos para dormir|remédio para dormir|inalador|dipirona|' +
  'novalgina|benuron|brufen|sinvastatina|glifage|' +
  // Italian
  'ansiolitici|antidolorifici|antistaminici|cortisonici|betabloccanti|sonniferi|pillola anticoncezionale|pillola del giorno dopo|inalatore|' +
  'amoxicillina|tachipirina|aulin|cardioaspirina|lexotan|efexor|omeprazolo|pantoprazolo|bentelan|' +
  // Dutch
  'bloedverdunners|bloedverdunner|antistolling|slaappillen|slaapmiddel|slaapmiddelen|anticonceptiepil|morningafterpil|inhalator|thyrax|' +
  'corticosteroïden|bètablokkers|' +
  // Polish
  'leki przeciwdepresyjne|antydepresanty|leki przeciwzakrzepowe|leki nasenne|tabletki nasenne|tabletki antykoncepcyjne|kortykosteroidy|' +
  'betablokery|statyny|insulinę|insuliny|amoksycylina|metforminę|apap|ketonal|pyralgina|acard|lewotyroksyna|relanium|nospa|no-spa|' +
  // Czech
  'antidepresiva|léky na bolest|prášky na spaní|léky na ředění krve|betablokátory|statiny|inzulín|inzulin|paralen|ibalgin|anopyrin|amoksiklav|' +
  // Slovak
  'antidepresíva|lieky proti bolesti|tabletky na spanie|lieky na riedenie krvi|statíny|' +
  // Swedish
  'blodförtunnande|sömntabletter|sömnmedel|p-piller|betablockerare|statiner|alvedon|ipren|citodon|panodil|levaxin|' +
  // Danish
  'antidepressiv medicin|lykkepiller|blodfortyndende|sovepiller|betablokkere|pamol|ibumetin|magnyl|marevan|' +
  // Norwegian
  'blodfortynnende|sovetabletter|angrepille|paracet|pinex|ibux|sobril|imovane|' +
  // Finnish
  'antibioottikuuri|masennuslääke|masennuslääkkeet|verenohennuslääke|unilääke|ehkäisypillerit|jälkiehkäisy|kortisoni|statiinit|insuliini|' +
  'burana|parasetamoli|ibuprofeeni|metformiini|inhalaattori|' +
  // Hungarian
  'antidepresszánsok|vérhígító|altatószer|fogamzásgátló|sztatin|algopyrin|cataflam|syncumar|' +
  // Croatian/Serbian
  'antidepresivi|lijekovi protiv bolova|tablete za spavanje|kortikosteroidi|beta blokatori|statini|amoksicilin|kafetin|lekadol|andol|' +
  // Romanian
  'antidepresive|corticosteroizi|somnifere|anticoncepționale|anticoncepţionale|pilula contraceptivă|insulină|algocalmin|aspenter|' +
  // Turkish
  'antidepresan|kan sulandırıcı|kan sulandirici|uyku ilacı|uyku ilaci|doğum kontrol hapı|doğum kontrol hapi|kortizon|statin|insülin|majezik|' +
  'arveles|' +
  // Greek
  'αντικαταθλιπτικά|αντιπηκτικά|υπνωτικά χάπια|αντισυλληπτικά χάπια|κορτιζόνη|στατίνες|ινσουλίνη|παρακεταμόλη|ιβουπροφαίνη|ντεπόν|depon|ζάναξ|' +
  'ασπιρίνη|' +
  // Russian
  'антидепрессанты|антидепрессант|антикоагулянты|противозачаточные|кортикостероиды|бета-блокаторы|статины|инсулин|инсулина|ингалятор|' +
  'парацетамол|ибупрофен|амоксициллин|метформин|аспирин|анальгин|но-шпа|цитрамон|нурофен|феназепам|варфарин|кардиомагнил|' +
  // Ukrainian
  'антидепресанти|антикоагулянти|протизаплідні|кортикостероїди|бета-блокатори|статини|інсулін|інсуліну|інгалятор|ібупрофен|амоксицилін|аспірин|' +
  'анальгін|кетанов|' +
  // Indonesian/Malay
  'obat penghilang rasa sakit|pengencer darah|obat tidur|pil kb|kortikosteroid|parasetamol|paramex|bodrex|ponstan|asam mefenamat|amoksisilin|' +
  // Vietnamese
  'thuốc kháng sinh|thuốc chống trầm cảm|thuốc giảm đau|thuốc ngủ|thuốc tránh thai|corticoid|hapacol';

/** medicine words said loosely too ("antibiotics", "painkillers") */
export const INTL_MEDICATIONS_AMBIGUOUS =
  // English (lay words and names the main list lacks)
  'painkiller|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'antibiotikum|antibiotika|schmerzmittel|' +
  // French
  'antibiotique|antibiotiques|antidouleur|antidouleurs|' +
  // Spanish
  'antibiótico|antibióticos|analgésico|analgésicos|calmantes|' +
  // Italian
  'antibiotico|antibiotici|' +
  // Dutch
  'antibiotica|antibioticum|pijnstillers|pijnstiller|de pil|' +
  // Polish
  'antybiotyk|antybiotyki|antybiotyku|leki przeciwbólowe|sterydy|' +
  // Czech
  'antikoncepce|' +
  // Slovak
  'antibiotiká|antikoncepcia|' +
  // Swedish
  'smärtstillande|värktabletter|' +
  // Danish
  'smertestillende|' +
  // Finnish
  'antibiootti|antibiootit|kipulääke|kipulääkkeet|' +
  // Hungarian
  'fájdalomcsillapító|szteroid|' +
  // Croatian/Serbian
  'antibiotik|' +
  // Romanian
  'antibiotice|analgezice|' +
  // Turkish
  'antibiyotik|ağrı kesici|ağri kesici|' +
  // Greek
  'αντιβιοτικό|αντιβιοτικά|παυσίπονα|παυσίπονο|' +
  // Russian
  'антибиотик|антибиотики|обезболивающее|обезболивающие|снотворное|' +
  // Ukrainian
  'антибіотик|антибіотики|знеболювальне|знеболюючі|снодійне|' +
  // Indonesian/Malay
  'pereda nyeri|' +
  // Vietnamese
  'kháng sinh';

/** the abbreviations among the entries above, read only in capitals ("MRT", "VIH", "УЗИ") */
export const INTL_UPPER_ONLY =
  'mrsa|ect|mrt|vih|sida|avc|toc|fiv|pma|tac|usg|rzs|kbt|rmn|χαπ|мрт|узи|эко|экг|вич|спид|окр|віл|узд|екг';
