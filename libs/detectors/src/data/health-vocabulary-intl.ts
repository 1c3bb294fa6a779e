/*
 * Health vocabulary in more languages, for the health detector (detectors/health-detector.ts) and the
 * keyword automaton (keyword-scan.ts): the same format as data/health-vocabulary.ts ('|'-separated,
 * lower case, whole words, multi-word entries as phrases with single spaces).
 *
 * Written by hand, language by language, from common usage and the usual dictionary names of the
 * diseases (the names of the WHO ICD-10 titles and of national health portals' A-to-Z pages, as far
 * as the author knows them): not copied from any list, and not checked entry by entry against one.
 * Languages: English lay words the main list lacks, German, French, Spanish, Portuguese, Italian,
 * Dutch, Polish, Czech, Slovak, Swedish, Danish, Norwegian, Finnish, Hungarian, Croatian/Serbian
 * (Latin script), Romanian, Turkish, Greek, Russian, Ukrainian, Indonesian/Malay and Vietnamese.
 *
 * - Inflection: the matcher is exact, so the forms people write after "I have / treated for /
 *   diagnosed with" are listed: Polish, Czech and Russian nominative, genitive/accusative and
 *   instrumental where they differ, the Finnish partitive, the Turkish first-person possessive where it
 *   is the usual way to say it ("astımım var"), Romanian with and without the article.
 * - Turkish: every entry with a dotless 'ı' also comes with 'i', the lower case of its capitals
 *   ("ASTIM" -> "astim"). Romanian: every entry with 'ș'/'ț' (comma below) also comes with the
 *   cedilla 'ş'/'ţ'. Vietnamese: both tone placements where both are written (hóa/hoá, thủy/thuỷ).
 * - Left out: words of three letters or fewer (only capitalised abbreviations, listed in
 *   INTL_UPPER_ONLY as well as in their group), and words that are everyday words in any of these
 *   languages or in English (Polish/Czech/Croatian "rak", Russian "рак", Turkish "şeker", "grip",
 *   Spanish/Portuguese "gripe", "zona", "gota", "goutte", "gotta", English "handicap", "angst", "abort").
 * - Entries already in data/health-vocabulary.ts are not repeated; a spelling shared by several
 *   languages is listed once, under the first language that uses it.
 * - Ambiguous groups: the word has an everyday or figurative sense in its own language ("grippe",
 *   "Krebs" = crab, "crise", "ateş" = fire, "καρκίνος" = the zodiac sign), as in the main list.
 */


/** conditions: diagnoses and conditions, in lay and clinical words */
export const INTL_CONDITIONS =
  // English (lay words and names the main list lacks)
  'high blood pressure|low blood pressure|high blood sugar|back problems|back problem|bad back|slipped disk|herniated disk|bulging disc|' +
  'bulging disk|ruptured disc|spinal stenosis|scoliosis|ankylosing spondylitis|osteopenia|pyelonephritis|mononucleosis|chicken pox|' +
  'whooping cough|pertussis|rubella|german measles|lyme disease|hiatus hernia|hiatal hernia|inguinal hernia|umbilical hernia|graves disease|' +
  'hashimoto|hashimotos|asperger|aspergers|asperger syndrome|down syndrome|downs syndrome|down\'s syndrome|trisomy 21|cerebral palsy|' +
  'muscular dystrophy|spina bifida|huntington\'s disease|huntingtons disease|huntington disease|bell\'s palsy|bells palsy|chronic fatigue|' +
  'myalgic encephalomyelitis|post-viral fatigue|post-concussion syndrome|torn acl|acl tear|acl injury|torn ligament|torn ligaments|' +
  'ligament tear|torn meniscus|meniscus tear|torn cartilage|rotator cuff tear|stress fracture|hairline fracture|ruptured achilles|deafness|' +
  'partially sighted|detached retina|retinal detachment|alcohol addiction|substance abuse|opioid addiction|heroin addiction|cocaine addiction|' +
  'gambling addiction|binge eating|obsessive compulsive disorder|obsessive-compulsive disorder|borderline personality disorder|' +
  'personality disorder|seasonal affective disorder|dyspraxia|dyscalculia|learning disability|learning disabilities|intellectual disability|' +
  'hodgkin lymphoma|hodgkins lymphoma|non-hodgkin lymphoma|mesothelioma|glioblastoma|womb cancer|uterine cancer|endometrial cancer|' +
  'oesophageal cancer|esophageal cancer|mouth cancer|terminal cancer|brain haemorrhage|brain hemorrhage|brain bleed|subarachnoid haemorrhage|' +
  'subarachnoid hemorrhage|transient ischaemic attack|transient ischemic attack|atrial flutter|heart valve disease|collapsed lung|pneumothorax|' +
  'pulmonary fibrosis|polymyalgia rheumatica|ovarian cyst|ovarian cysts|pelvic inflammatory disease|polycystic ovaries|early menopause|' +
  'premature menopause|postnatal psychosis|diabetes type 1|diabetes type 2|type 1 diabetic|type 2 diabetic|post-covid syndrome|' +
  'urinary infection|water infection|irritable bowel|lumbago|tendonitis|tendinitis|bursitis|mrsa|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'diabetiker|diabetikerin|hoher blutdruck|hohen blutdruck|niedriger blutdruck|niedrigen blutdruck|hypertonie|migräne|depressionen|' +
  'angststörung|angststörungen|panikattacken|panikattacke|panikstörung|burnout-syndrom|adhs|autismus|krebserkrankung|hautkrebs|magenkrebs|' +
  'bauchspeicheldrüsenkrebs|eierstockkrebs|gebärmutterhalskrebs|blasenkrebs|nierenkrebs|leberkrebs|schilddrüsenkrebs|hodenkrebs|blutkrebs|' +
  'dickdarmkrebs|hirntumor|lymphom|metastasen|herzschwäche|vorhofflimmern|herzrhythmusstörungen|herzrhythmusstörung|angina pectoris|' +
  'koronare herzkrankheit|herzklappenfehler|herzmuskelentzündung|thrombose|lungenembolie|hirnblutung|herzerkrankung|herzprobleme|tuberkulose|' +
  'keuchhusten|mukoviszidose|schlafapnoe|post-covid|gürtelrose|pfeiffersches drüsenfieber|drüsenfieber|mononukleose|blinddarmentzündung|' +
  'nierensteine|nierenbeckenentzündung|harnwegsinfekt|harnwegsinfektion|blasenentzündung|gallensteine|morbus crohn|colitis ulcerosa|reizdarm|' +
  'reizdarmsyndrom|magenschleimhautentzündung|magengeschwür|leistenbruch|hexenschuss|rheuma|rheumatoide arthritis|gicht|multiple sklerose|' +
  'schilddrüsenunterfunktion|schilddrüsenüberfunktion|endometriose|unfruchtbarkeit|schuppenflechte|neurodermitis|fibromyalgie|' +
  'chronisches erschöpfungssyndrom|gehirnerschütterung|knochenbruch|kreuzbandriss|meniskusriss|bänderriss|hörsturz|schwerhörigkeit|grüner star|' +
  'grauer star|glaukom|katarakt|alkoholsucht|alkoholabhängigkeit|drogensucht|essstörung|bulimie|down-syndrom|trisomie 21|schwerbehinderung|' +
  'schwerbehindert|schwangerschaftsdiabetes|präeklampsie|eileiterschwangerschaft|nierenversagen|leberzirrhose|fettleber|hämorrhoiden|skoliose|' +
  'laktoseintoleranz|heuschnupfen|psychose|zwangsstörung|posttraumatische belastungsstörung|rückenschmerzen|bandscheibenprobleme|' +
  // French
  'diabétique|diabète de type 1|bpco|dépression nerveuse|trouble anxieux|troubles anxieux|crise d\'angoisse|crises d\'angoisse|' +
  'attaque de panique|trouble panique|épuisement professionnel|tdah|trouble du spectre de l\'autisme|cancer colorectal|lymphome|tumeur|' +
  'tumeur cérébrale|métastases|fibrillation auriculaire|arythmie|arythmie cardiaque|angine de poitrine|embolie pulmonaire|phlébite|bronchite|' +
  'bronchiolite|coqueluche|covid long|séropositif|séropositive|vih|sida|mononucléose|calculs rénaux|colique néphrétique|pyélonéphrite|' +
  'infection urinaire|cystite|calculs biliaires|rectocolite hémorragique|maladie cœliaque|maladie coeliaque|syndrome de l\'intestin irritable|' +
  'côlon irritable|ulcère de l\'estomac|ulcère gastrique|hernie inguinale|lombalgie|arthrite|crise de goutte|hypothyroïdie|hyperthyroïdie|' +
  'endométriose|infertilité|eczéma|syndrome de fatigue chronique|commotion cérébrale|rupture des ligaments croisés|rupture du ligament croisé|' +
  'acouphènes|surdité|glaucome|cataracte|alcoolisme|toxicomanie|troubles alimentaires|trouble du comportement alimentaire|cirrhose|anémie|' +
  'drépanocytose|hémorroïdes|reflux gastro-œsophagien|hernie hiatale|grossesse extra-utérine|prééclampsie|diabète gestationnel|' +
  'trouble obsessionnel compulsif|stress post-traumatique|maladie de lyme|méningite|paludisme|septicémie|mal de dos|mal au dos|tendinite|' +
  'angine|avc|toc|rgo|' +
  // Spanish
  'diabético|diabética|presión alta|tensión alta|hipertensión arterial|epoc|migraña|migrañas|trastorno de ansiedad|ataque de pánico|' +
  'ataques de pánico|crisis de ansiedad|trastorno del espectro autista|linfoma|tumor cerebral|metástasis|ataque al corazón|ataque cardíaco|' +
  'infarto de miocardio|fibrilación auricular|arritmia|angina de pecho|embolia pulmonar|trombosis|bronquitis|covid persistente|seropositivo|' +
  'seropositiva|herpes zóster|enfermedad del beso|apendicitis|cálculos renales|piedras en el riñón|cólico nefrítico|pielonefritis|' +
  'infección de orina|infección urinaria|cistitis|cálculos biliares|piedras en la vesícula|enfermedad de crohn|enfermedad celíaca|celíaco|' +
  'celíaca|colon irritable|síndrome del intestino irritable|úlcera gástrica|úlcera de estómago|hernia inguinal|hernia de disco|lumbalgia|' +
  'artritis|ataque de gota|esclerosis múltiple|hipotiroidismo|hipertiroidismo|endometriosis|infertilidad|eccema|dermatitis atópica|' +
  'fibromialgia|síndrome de fatiga crónica|conmoción cerebral|rotura de ligamento cruzado|rotura del ligamento cruzado|acúfenos|sordera|' +
  'pérdida auditiva|alcoholismo|drogadicción|trastorno alimentario|trastornos alimentarios|trastornos de la conducta alimentaria|' +
  'síndrome de down|discapacidad|dolor de espalda|cirrosis|hígado graso|paludismo|trastorno obsesivo compulsivo|estrés postraumático|' +
  'trastorno de estrés postraumático|trastorno límite de la personalidad|psicosis|preeclampsia|diabetes gestacional|embarazo ectópico|' +
  // Portuguese
  'pressão alta|tensão alta|dpoc|enxaqueca|transtorno de ansiedade|perturbação de ansiedade|síndrome do pânico|ataque de pânico|' +
  'ataques de pânico|câncer|câncer de próstata|câncer de pulmão|câncer de intestino|cancro do pulmão|cancro da próstata|metástase|metástases|' +
  'enfarte|insuficiência cardíaca|fibrilação atrial|fibrilhação auricular|acidente vascular cerebral|trombose|bronquite|covid longa|' +
  'soropositivo|herpes zoster|cobreiro|mononucleose|apendicite|pedra nos rins|pedras nos rins|cálculo renal|cálculos renais|pielonefrite|' +
  'infecção urinária|cistite|pedra na vesícula|doença de crohn|colite ulcerativa|colite ulcerosa|doença celíaca|' +
  'síndrome do intestino irritável|gastrite|úlcera no estômago|hérnia inguinal|dor nas costas|artrite|artrite reumatoide|esclerose múltipla|' +
  'doença de parkinson|mal de parkinson|doença de alzheimer|mal de alzheimer|hipotireoidismo|hipertireoidismo|infertilidade|psoríase|lúpus|' +
  'síndrome da fadiga crônica|concussão|rotura do ligamento cruzado|ruptura do ligamento cruzado|surdez|perda auditiva|alcoolismo|' +
  'dependência química|toxicodependência|transtorno alimentar|cirrose|esteatose hepática|gordura no fígado|meningite|malária|sépsis|sepse|' +
  'hipertensão arterial|gravidez|gravidez ectópica|aborto espontâneo|' +
  // Italian
  'diabete di tipo 1|diabete tipo 1|diabete tipo 2|diabetico|diabetica|pressione alta|ipertensione arteriosa|emicrania|disturbo d\'ansia|' +
  'disturbi d\'ansia|attacchi di panico|attacco di panico|esaurimento nervoso|disturbo dello spettro autistico|tumore al polmone|' +
  'cancro al polmone|tumore al colon|tumore del colon|cancro al colon|tumore al pancreas|tumore al cervello|tumore cerebrale|metastasi|' +
  'infarto del miocardio|attacco di cuore|scompenso cardiaco|fibrillazione atriale|embolia polmonare|trombosi|pertosse|sieropositivo|' +
  'sieropositiva|fuoco di sant\'antonio|mononucleosi|calcoli renali|colica renale|infezione urinaria|infezione alle vie urinarie|' +
  'calcoli alla cistifellea|calcoli biliari|morbo di crohn|malattia di crohn|celiachia|celiaco|celiaca|colon irritabile|' +
  'sindrome dell\'intestino irritabile|ulcera gastrica|ernia inguinale|mal di schiena|attacco di gotta|sclerosi multipla|ipotiroidismo|' +
  'ipertiroidismo|endometriosi|infertilità|psoriasi|dermatite atopica|sindrome da fatica cronica|stanchezza cronica|commozione cerebrale|' +
  'rottura del crociato|rottura del legamento crociato|acufene|acufeni|sordità|perdita dell\'udito|cataratta|alcolismo|tossicodipendenza|' +
  'disturbi alimentari|disturbo alimentare|sindrome di down|cirrosi|fegato grasso|steatosi epatica|sepsi|disturbo ossessivo compulsivo|' +
  'disturbo da stress post-traumatico|psicosi|diabete gestazionale|gravidanza extrauterina|lombalgia|' +
  // Dutch
  'kanker|hoge bloeddruk|lage bloeddruk|astma|depressie|angststoornis|paniekaanvallen|paniekaanval|paniekstoornis|bipolaire stoornis|' +
  'schizofrenie|prostaatkanker|huidkanker|alvleesklierkanker|eierstokkanker|baarmoederhalskanker|blaaskanker|hersentumor|lymfoom|uitzaaiingen|' +
  'hartinfarct|hartfalen|boezemfibrilleren|hartritmestoornis|hartritmestoornissen|longembolie|herseninfarct|hersenbloeding|kinkhoest|' +
  'gordelroos|ziekte van pfeiffer|blindedarmontsteking|nierstenen|niersteen|nierbekkenontsteking|blaasontsteking|urineweginfectie|galstenen|' +
  'ziekte van crohn|coeliakie|glutenintolerantie|prikkelbare darm|prikkelbaredarmsyndroom|maagzweer|maagontsteking|liesbreuk|rugklachten|' +
  'rugpijn|reumatoïde artritis|jicht|multiple sclerose|ziekte van parkinson|ziekte van alzheimer|schildklierproblemen|trage schildklier|' +
  'snelle schildklier|onvruchtbaarheid|miskraam|eczeem|chronisch vermoeidheidssyndroom|hersenschudding|botbreuk|kruisbandblessure|' +
  'gescheurde kruisband|oorsuizen|slechthorendheid|doofheid|glaucoom|grauwe staar|groene staar|alcoholverslaving|drugsverslaving|eetstoornis|' +
  'syndroom van down|zwangerschapsdiabetes|zwangerschapsvergiftiging|buitenbaarmoederlijke zwangerschap|levercirrose|bloedarmoede|ptss|' +
  'dwangstoornis|' +
  // Polish
  'cukrzyca|cukrzycę|cukrzycy|cukrzycą|cukrzyk|cukrzykiem|nadciśnienie|nadciśnienia|nadciśnieniem|astmę|astmy|astmą|pochp|padaczka|padaczkę|' +
  'padaczki|padaczką|epilepsja|epilepsję|epilepsji|migrena|migrenę|migreny|migreną|depresję|depresji|depresją|nerwica|nerwicę|nerwicy|nerwicą|' +
  'zaburzenia lękowe|zaburzeń lękowych|ataki paniki|napady paniki|atak paniki|wypalenie zawodowe|wypalenia zawodowego|choroba dwubiegunowa|' +
  'chorobę dwubiegunową|choroby dwubiegunowej|zaburzenia dwubiegunowe|schizofrenię|schizofrenii|autyzm|autyzmu|autyzmem|nowotwór|nowotworu|' +
  'nowotworem|rak piersi|raka piersi|rak płuc|raka płuc|rak prostaty|raka prostaty|rak jelita grubego|raka jelita grubego|rak trzustki|' +
  'raka trzustki|rak szyjki macicy|raka szyjki macicy|białaczka|białaczkę|białaczki|chłoniak|chłoniaka|guz mózgu|guza mózgu|przerzuty|' +
  'zawał serca|zawału serca|udar mózgu|udaru mózgu|niewydolność serca|niewydolności serca|migotanie przedsionków|migotania przedsionków|' +
  'arytmia|arytmię|arytmii|choroba wieńcowa|zakrzepica|zakrzepicę|zakrzepicy|zatorowość płucna|zapalenie płuc|zapalenia płuc|' +
  'zapalenie oskrzeli|zapalenia oskrzeli|gruźlica|gruźlicę|gruźlicy|covidem|covidu|koronawirus|koronawirusem|żółtaczka|żółtaczkę|' +
  'zapalenie wątroby|półpasiec|półpaśca|ospa wietrzna|ospa|ospę|mononukleoza|mononukleozę|zapalenie wyrostka|zapalenie wyrostka robaczkowego|' +
  'zapalenia wyrostka|kamica nerkowa|kamicę nerkową|kamienie nerkowe|kamienie w nerkach|odmiedniczkowe zapalenie nerek|zapalenie nerek|' +
  'zapalenie pęcherza|infekcja dróg moczowych|zakażenie dróg moczowych|kamica żółciowa|kamicę żółciową|kamienie żółciowe|crohna|' +
  'wrzodziejące zapalenie jelita grubego|celiakia|celiakię|celiakii|zespół jelita drażliwego|zapalenie żołądka|wrzód żołądka|wrzody żołądka|' +
  'przepuklina|przepuklinę|przepukliny|dyskopatia|dyskopatię|dyskopatii|rwa kulszowa|rwę kulszową|osteoporoza|osteoporozę|zwyrodnienie stawów|' +
  'reumatoidalne zapalenie stawów|rzs|dna moczanowa|dnę moczanową|stwardnienie rozsiane|stwardnienia rozsianego|parkinsona|alzheimera|demencja|' +
  'demencję|demencji|niedoczynność tarczycy|niedoczynności tarczycy|nadczynność tarczycy|nadczynności tarczycy|endometrioza|endometriozę|' +
  'endometriozy|poronienie|poronienia|niepłodność|niepłodności|łuszczyca|łuszczycę|łuszczycy|atopowe zapalenie skóry|azs|toczeń|tocznia|' +
  'zespół przewlekłego zmęczenia|wstrząśnienie mózgu|wstrząśnienia mózgu|zerwane więzadło|zerwanie więzadła|szumy uszne|niedosłuch|głuchota|' +
  'jaskra|jaskrę|jaskry|alkoholizm|alkoholizmem|uzależnienie od alkoholu|narkomania|zaburzenia odżywiania|anoreksja|anoreksję|zespół downa|' +
  'niepełnosprawność|anemię|marskość wątroby|stłuszczenie wątroby|zapalenie opon mózgowych|sepsa|sepsę|psychoza|psychozę|cukrzyca ciążowa|' +
  'ciąża pozamaciczna|stan przedrzucawkowy|ból pleców|bóle pleców|ciąża|ciąży|' +
  // Czech
  'cukrovka|cukrovku|cukrovkou|cukrovky|diabetik|hypertenze|hypertenzi|astmatik|chopn|migréna|migrénu|migrénou|migrény|deprese|depresi|' +
  'depresemi|úzkostná porucha|panická porucha|panické ataky|záchvaty paniky|syndrom vyhoření|bipolární porucha|bipolární poruchu|autismem|' +
  'rakovina|rakovinu|rakovinou|rakoviny|nádor|nádoru|nádorem|leukémie|lymfom|metastázy|infarkt|infarktem|infarktu|mrtvice|mrtvici|' +
  'cévní mozková příhoda|mozková příhoda|mozkovou příhodu|srdeční selhání|fibrilace síní|arytmie|angína|trombóza|plicní embolie|zápal plic|' +
  'zápalu plic|zápalem plic|zánět plic|bronchitida|bronchitidu|tuberkulóza|tuberkulózu|žloutenka|žloutenku|hepatitida|pásový opar|' +
  'plané neštovice|neštovice|spalničky|mononukleóza|zánět slepého střeva|ledvinové kameny|ledvinové kamínky|zánět ledvin|' +
  'zánět močového měchýře|infekce močových cest|žlučníkové kameny|žlučové kameny|crohnova choroba|crohnovu chorobu|ulcerózní kolitida|celiakie|' +
  'céliakie|syndrom dráždivého tračníku|gastritida|zánět žaludku|žaludeční vřed|kýla|kýlu|tříselná kýla|výhřez ploténky|vyhřezlá ploténka|' +
  'osteoporóza|osteoporózu|artróza|artrózu|revmatoidní artritida|revma|revmatismus|roztroušená skleróza|roztroušenou sklerózu|parkinsonova|' +
  'alzheimerova|demence|hypotyreóza|hypertyreóza|snížená funkce štítné žlázy|endometrióza|endometriózu|neplodnost|neplodností|lupénka|lupénku|' +
  'ekzém|syndrom chronické únavy|otřes mozku|přetržený vaz|hluchota|nedoslýchavost|zelený zákal|šedý zákal|alkoholismus|závislost na alkoholu|' +
  'drogová závislost|poruchy příjmu potravy|anorexie|downův syndrom|chudokrevnost|cirhóza|cirhózu|zánět mozkových blan|otrava krve|těhotenství|' +
  'těhotenská cukrovka|mimoděložní těhotenství|bolesti zad|bolest zad|cmp|' +
  // Slovak
  'vysoký krvný tlak|hypertenzia|depresia|depresiu|depresiou|syndróm vyhorenia|bipolárna porucha|schizofrénia|autizmus|leukémia|lymfóm|mŕtvica|' +
  'mozgová príhoda|cievna mozgová príhoda|srdcové zlyhanie|fibrilácia predsiení|embólia|zápal pľúc|zápalu pľúc|žltačka|hepatitída|ovčie kiahne|' +
  'osýpky|zápal slepého čreva|obličkové kamene|zápal obličiek|zápal močového mechúra|infekcia močových ciest|žlčníkové kamene|' +
  'ulcerózna kolitída|syndróm dráždivého čreva|gastritída|žalúdočný vred|prietrž|vyskočená platnička|reumatoidná artritída|skleróza multiplex|' +
  'demencia|neplodnosť|psoriáza|lupienka|otras mozgu|glaukóm|sivý zákal|katarakta|alkoholizmus|downov syndróm|anémia|tehotenstvo|' +
  'bolesti chrbta|' +
  // Swedish
  'sockersjuka|högt blodtryck|lågt blodtryck|kol|epilepsi|migrän|ångestsyndrom|panikångest|paniksyndrom|utbrändhet|bipolär sjukdom|schizofreni|' +
  'bröstcancer|prostatacancer|lungcancer|tjocktarmscancer|tarmcancer|hudcancer|leukemi|hjärntumör|metastaser|hjärtinfarkt|hjärnblödning|' +
  'hjärtsvikt|förmaksflimmer|kärlkramp|blodpropp|lungemboli|lunginflammation|bronkit|tuberkulos|bältros|vattkoppor|mässlingen|körtelfeber|' +
  'blindtarmsinflammation|njursten|njurbäckeninflammation|urinvägsinfektion|gallsten|crohns sjukdom|ulcerös kolit|celiaki|glutenintolerans|' +
  'magkatarr|magsår|ljumskbråck|benskörhet|osteoporos|artros|ledgångsreumatism|reumatism|gikt|multipel skleros|demens|hypotyreos|hypertyreos|' +
  'endometrios|ofrivillig barnlöshet|infertilitet|missfall|eksem|fibromyalgi|kroniskt trötthetssyndrom|hjärnskakning|benbrott|korsbandsskada|' +
  'hörselnedsättning|grå starr|grön starr|alkoholism|alkoholberoende|drogberoende|ätstörning|ätstörningar|anorexi|bulimi|downs syndrom|' +
  'funktionsnedsättning|funktionshinder|blodbrist|anemi|levercirros|graviditet|graviditetsdiabetes|havandeskapsförgiftning|ryggont|ryggproblem|' +
  'ryggskott|psykos|tvångssyndrom|' +
  // Danish
  'sukkersyge|forhøjet blodtryk|højt blodtryk|lavt blodtryk|migræne|angstlidelse|panikangst|bipolar lidelse|skizofreni|kræft|brystkræft|' +
  'prostatakræft|lungekræft|tarmkræft|hudkræft|leukæmi|hjernesvulst|hjertestop|blodprop|blodprop i hjertet|hjerneblødning|hjertesvigt|' +
  'atrieflimren|hjerteflimmer|hjertekrampe|lungebetændelse|bronkitis|helvedesild|skoldkopper|mæslinger|kyssesyge|blindtarmsbetændelse|nyresten|' +
  'nyrebækkenbetændelse|blærebetændelse|urinvejsinfektion|galdesten|crohns sygdom|cøliaki|irritabel tyktarm|mavesår|lyskebrok|diskusprolaps|' +
  'iskias|knogleskørhed|slidgigt|leddegigt|gigt|urinsyregigt|dissemineret sklerose|stofskiftesygdom|lavt stofskifte|højt stofskifte|' +
  'ufrivillig barnløshed|spontan abort|kronisk træthedssyndrom|hjernerystelse|knoglebrud|korsbåndsskade|øresusen|høretab|grøn stær|grå stær|' +
  'alkoholisme|alkoholafhængighed|spiseforstyrrelse|anoreksi|blodmangel|skrumpelever|svangerskabsforgiftning|ondt i ryggen|rygsmerter|psykose|' +
  // Norwegian
  'sukkersyke|høyt blodtrykk|lavt blodtrykk|kols|migrene|depresjon|panikkangst|utbrenthet|kreft|brystkreft|prostatakreft|lungekreft|tarmkreft|' +
  'hudkreft|hjerteinfarkt|hjerneslag|hjertesvikt|atrieflimmer|lungebetennelse|bronkitt|hepatitt|helvetesild|vannkopper|meslinger|kyssesyke|' +
  'blindtarmbetennelse|nyrestein|nyrebekkenbetennelse|blærebetennelse|urinveisinfeksjon|gallestein|crohns sykdom|ulcerøs kolitt|irritabel tarm|' +
  'magesår|lyskebrokk|isjias|benskjørhet|leddgikt|revmatisme|multippel sklerose|lavt stoffskifte|høyt stoffskifte|spontanabort|' +
  'kronisk utmattelsessyndrom|beinbrudd|korsbåndskade|øresus|hørselstap|grønn stær|rusavhengighet|funksjonshemming|funksjonsnedsettelse|' +
  'skrumplever|svangerskapsdiabetes|svangerskapsforgiftning|vondt i ryggen|ryggsmerter|' +
  // Finnish
  'diabetesta|diabeteksen|diabetekseen|sokeritauti|sokeritautia|verenpainetauti|korkea verenpaine|kohonnut verenpaine|astmaa|' +
  'keuhkoahtaumatauti|epilepsiaa|migreeni|migreenia|masennus|masennusta|masennukseen|masennuksen|ahdistuneisuushäiriö|paniikkihäiriö|' +
  'työuupumus|työuupumusta|kaksisuuntainen mielialahäiriö|skitsofrenia|skitsofreniaa|autismi|syöpä|syöpää|syöpään|syövän|rintasyöpä|' +
  'rintasyöpää|eturauhassyöpä|keuhkosyöpä|suolistosyöpä|paksusuolen syöpä|ihosyöpä|lymfooma|aivokasvain|etäpesäkkeet|kasvain|sydänkohtaus|' +
  'sydäninfarkti|aivoinfarkti|aivoverenvuoto|aivohalvaus|sydämen vajaatoiminta|eteisvärinä|rytmihäiriö|rytmihäiriöitä|sepelvaltimotauti|' +
  'veritulppa|keuhkoveritulppa|keuhkokuume|keuhkokuumetta|keuhkoputkentulehdus|tuberkuloosi|koronatartunta|maksatulehdus|vyöruusu|vesirokko|' +
  'tuhkarokko|mononukleoosi|pusutauti|umpilisäketulehdus|munuaiskivet|munuaiskivi|munuaisaltaantulehdus|virtsatietulehdus|sappikivet|' +
  'crohnin tauti|haavainen paksusuolentulehdus|keliakia|ärtyvän suolen oireyhtymä|mahahaava|mahakatarri|nivustyrä|välilevyn pullistuma|' +
  'välilevytyrä|osteoporoosi|nivelrikko|nivelreuma|kihti|ms-tauti|parkinsonin tauti|alzheimerin tauti|muistisairaus|' +
  'kilpirauhasen vajaatoiminta|kilpirauhasen liikatoiminta|endometrioosi|hedelmättömyys|keskenmeno|psoriaasi|atooppinen ihottuma|' +
  'krooninen väsymysoireyhtymä|aivotärähdys|luunmurtuma|ristisiteen repeämä|kuulonalenema|huonokuuloisuus|glaukooma|viherkaihi|harmaakaihi|' +
  'kaihi|alkoholismi|alkoholiriippuvuus|huumeriippuvuus|syömishäiriö|anoreksia|downin oireyhtymä|kehitysvamma|maksakirroosi|raskaus|' +
  'raskausdiabetes|raskausmyrkytys|kohdunulkoinen raskaus|selkäkipu|selkävaivat|psykoosi|pakko-oireinen häiriö|' +
  // Hungarian
  'cukorbetegség|cukorbetegségem|cukorbetegségben|cukorbeteg|magas vérnyomás|magas vérnyomásom|asztma|asztmás|epilepszia|epilepsziás|migrén|' +
  'depresszió|depresszióm|depresszióban|szorongásos zavar|pánikbetegség|pánikroham|bipoláris zavar|skizofrénia|daganat|daganatos|mellrák|' +
  'prosztatarák|tüdőrák|vastagbélrák|bőrrák|limfóma|agydaganat|szívinfarktus|infarktus|agyvérzés|szélütés|szívelégtelenség|pitvarfibrilláció|' +
  'szívritmuszavar|trombózis|tüdőembólia|tüdőgyulladás|hörghurut|tuberkulózis|tbc|hepatitisz|májgyulladás|övsömör|bárányhimlő|kanyaró|' +
  'mononukleózis|vakbélgyulladás|vesekő|vesemedence-gyulladás|hólyaghurut|húgyúti fertőzés|epekő|crohn-betegség|cöliákia|lisztérzékenység|' +
  'irritábilis bél szindróma|gyomorhurut|gyomorfekély|sérv|lágyéksérv|porckorongsérv|isiász|csontritkulás|ízületi kopás|artrózis|' +
  'reumatoid artritisz|köszvény|sclerosis multiplex|szklerózis multiplex|parkinson-kór|alzheimer-kór|pajzsmirigy-alulműködés|' +
  'pajzsmirigy-túlműködés|endometriózis|meddőség|vetélés|pikkelysömör|ekcéma|krónikus fáradtság szindróma|agyrázkódás|csonttörés|' +
  'keresztszalag-szakadás|fülzúgás|halláskárosodás|zöldhályog|szürkehályog|alkoholfüggőség|drogfüggőség|evészavar|down-szindróma|fogyatékosság|' +
  'vérszegénység|májcirrózis|terhesség|terhességi cukorbetegség|méhen kívüli terhesség|hátfájás|derékfájás|pszichózis|kényszerbetegség|' +
  // Croatian/Serbian
  'šećerna bolest|šećernu bolest|dijabetes|dijabetesa|dijabetičar|visok krvni tlak|povišen tlak|hipertenzija|astmu|kopb|epilepsija|epilepsiju|' +
  'migrenu|depresija|depresiju|anksiozni poremećaj|napadi panike|panični napadi|bipolarni poremećaj|shizofrenija|autizam|karcinom|rak dojke|' +
  'rak pluća|rak prostate|rak debelog crijeva|leukemija|limfom|tumor mozga|metastaze|srčani udar|moždani udar|šlog|zatajenje srca|' +
  'fibrilacija atrija|aritmija|angina pektoris|tromboza|plućna embolija|upala pluća|bronhitis|tuberkuloza|žutica|vodene kozice|ospice|' +
  'upala slijepog crijeva|bubrežni kamenci|kamenci u bubregu|upala bubrega|upala mokraćnog mjehura|infekcija mokraćnog sustava|žučni kamenci|' +
  'crohnova bolest|ulcerozni kolitis|celijakija|sindrom iritabilnog crijeva|čir na želucu|hernija|diskus hernija|išijas|reumatoidni artritis|' +
  'giht|multipla skleroza|parkinsonova bolest|alzheimerova bolest|demencija|hipotireoza|hipertireoza|spontani pobačaj|psorijaza|ekcem|' +
  'fibromijalgija|sindrom kroničnog umora|potres mozga|tinitus|gubitak sluha|mrena|alkoholizam|poremećaj prehrane|anoreksija|bulimija|' +
  'downov sindrom|anemija|ciroza jetre|trudnoća|gestacijski dijabetes|izvanmaternična trudnoća|bolovi u leđima|psihoza|ptsp|' +
  // Romanian
  'diabet|diabetul|diabet zaharat|hipertensiune|hipertensiune arterială|tensiune mare|astm|astmul|bpoc|migrenă|depresie|tulburare de anxietate|' +
  'atacuri de panică|atac de panică|tulburare bipolară|cancerul|cancer de sân|cancer la sân|cancer de prostată|cancer pulmonar|leucemie|tumoră|' +
  'tumoare|tumoare cerebrală|infarct|infarctul|infarct miocardic|atac cerebral|accident vascular cerebral|insuficiență cardiacă|' +
  'insuficienţă cardiacă|fibrilație atrială|fibrilaţie atrială|aritmie|angină pectorală|tromboză|embolie pulmonară|bronșită|bronşită|' +
  'tuberculoză|hepatită|hepatita|seropozitiv|zona zoster|varicelă|rujeolă|pojar|mononucleoză|apendicită|apendicita|pietre la rinichi|' +
  'calculi renali|pielonefrită|infecție urinară|infecţie urinară|cistită|pietre la fiere|calculi biliari|boala crohn|colită ulcerativă|' +
  'boala celiacă|colon iritabil|gastrită|ulcer gastric|hernie de disc|hernie|sciatică|osteoporoză|artroză|poliartrită reumatoidă|' +
  'artrită reumatoidă|gută|scleroză multiplă|boala parkinson|boala alzheimer|demență|demenţă|hipotiroidism|hipertiroidism|endometrioză|' +
  'infertilitate|avort spontan|psoriazis|eczemă|fibromialgie|sindromul de oboseală cronică|comoție cerebrală|comoţie cerebrală|' +
  'pierderea auzului|surditate|glaucom|cataractă|alcoolism|tulburări de alimentație|tulburări de alimentaţie|sindromul down|anemie|ciroză|' +
  'diabet gestațional|diabet gestaţional|sarcină extrauterină|dureri de spate|psihoză|tulburare obsesiv-compulsivă|stres posttraumatic|rmn|' +
  // Turkish
  'şeker hastalığı|şeker hastaliği|şeker hastalığım|şeker hastaliğim|şeker hastası|şeker hastasi|şeker hastasıyım|şeker hastasiyim|diyabet|' +
  'diyabetim|yüksek tansiyon|hipertansiyon|astım|astim|astımım|astimim|koah|migren|migrenim|depresyon|anksiyete|kaygı bozukluğu|' +
  'kaygi bozukluğu|anksiyete bozukluğu|panik atak|panik bozukluk|tükenmişlik sendromu|bipolar bozukluk|şizofreni|dehb|otizm|kanser|kanserim|' +
  'kanseri|meme kanseri|akciğer kanseri|prostat kanseri|kolon kanseri|bağırsak kanseri|bağirsak kanseri|mide kanseri|lösemi|lenfoma|tümör|' +
  'beyin tümörü|kalp krizi|enfarktüs|inme|felç|beyin kanaması|beyin kanamasi|kalp yetmezliği|atriyal fibrilasyon|ritim bozukluğu|tromboz|' +
  'akciğer embolisi|zatürre|zatürree|pnömoni|bronşit|tüberküloz|verem|kovid|hepatit|sarılık|sarilik|zona hastalığı|zona hastaliği|su çiçeği|' +
  'kızamık|kizamik|kabakulak|mononükleoz|öpücük hastalığı|öpücük hastaliği|apandisit|böbrek taşı|böbrek taşi|böbrek taşları|böbrek taşlari|' +
  'böbrek iltihabı|böbrek iltihabi|idrar yolu enfeksiyonu|mesane iltihabı|mesane iltihabi|sistit|safra taşı|safra taşi|crohn hastalığı|' +
  'crohn hastaliği|ülseratif kolit|çölyak|çölyak hastalığı|çölyak hastaliği|huzursuz bağırsak sendromu|huzursuz bağirsak sendromu|gastrit|' +
  'mide ülseri|fıtık|fitik|kasık fıtığı|kasik fitiği|bel fıtığı|bel fitiği|bel fıtığım|bel fitiğim|boyun fıtığı|boyun fitiği|siyatik|' +
  'osteoporoz|kemik erimesi|romatoid artrit|romatizma|gut hastalığı|gut hastaliği|multipl skleroz|parkinson hastalığı|parkinson hastaliği|' +
  'alzheimer hastalığı|alzheimer hastaliği|demans|bunama|hipotiroidi|hipertiroidi|guatr|haşimato|endometriozis|kısırlık|kisirlik|düşük yaptım|' +
  'düşük yaptim|düşük yaptı|düşük yapti|sedef hastalığı|sedef hastaliği|egzama|fibromiyalji|kronik yorgunluk sendromu|beyin sarsıntısı|' +
  'beyin sarsintisi|kemik kırığı|kemik kiriği|çapraz bağ yırtığı|çapraz bağ yirtiği|kulak çınlaması|kulak çinlamasi|işitme kaybı|işitme kaybi|' +
  'glokom|göz tansiyonu|alkolizm|alkol bağımlılığı|alkol bağimliliği|madde bağımlılığı|madde bağimliliği|yeme bozukluğu|anoreksiya|bulimiya|' +
  'down sendromu|engellilik|kansızlık|kansizlik|siroz|karaciğer yağlanması|karaciğer yağlanmasi|hamilelik|gebelik|gebelik diyabeti|' +
  'gebelik şekeri|dış gebelik|diş gebelik|sırt ağrısı|sirt ağrisi|bel ağrısı|bel ağrisi|psikoz|obsesif kompulsif bozukluk|' +
  'travma sonrası stres bozukluğu|travma sonrasi stres bozukluğu|tssb|' +
  // Greek
  'διαβήτης|διαβήτη|σακχαρώδης διαβήτης|υπέρταση|υψηλή αρτηριακή πίεση|άσθμα|χαπ|επιληψία|ημικρανία|ημικρανίες|κατάθλιψη|αγχώδης διαταραχή|' +
  'κρίσεις πανικού|κρίση πανικού|διαταραχή πανικού|επαγγελματική εξουθένωση|διπολική διαταραχή|σχιζοφρένεια|δεπυ|αυτισμός|αυτισμό|' +
  'καρκίνος του μαστού|καρκίνο του μαστού|καρκίνος του πνεύμονα|καρκίνος του προστάτη|καρκίνος του παχέος εντέρου|λευχαιμία|λέμφωμα|' +
  'μεταστάσεις|έμφραγμα|καρδιακή προσβολή|εγκεφαλικό|εγκεφαλικό επεισόδιο|καρδιακή ανεπάρκεια|κολπική μαρμαρυγή|αρρυθμία|στηθάγχη|θρόμβωση|' +
  'πνευμονική εμβολή|πνευμονία|βρογχίτιδα|φυματίωση|κορονοϊός|κορωνοϊός|κορονοϊό|κορωνοϊό|ηπατίτιδα|έρπης ζωστήρ|ανεμοβλογιά|ιλαρά|' +
  'μονοπυρήνωση|σκωληκοειδίτιδα|πέτρες στα νεφρά|νεφρολιθίαση|πυελονεφρίτιδα|ουρολοίμωξη|κυστίτιδα|χολολιθίαση|πέτρες στη χολή|νόσος crohn|' +
  'ελκώδης κολίτιδα|κοιλιοκάκη|σύνδρομο ευερέθιστου εντέρου|γαστρίτιδα|έλκος στομάχου|κήλη|βουβωνοκήλη|δισκοκήλη|ισχιαλγία|οστεοπόρωση|' +
  'αρθρίτιδα|ρευματοειδής αρθρίτιδα|οστεοαρθρίτιδα|ουρική αρθρίτιδα|ποδάγρα|σκλήρυνση κατά πλάκας|πάρκινσον|αλτσχάιμερ|άνοια|υποθυρεοειδισμός|' +
  'υπερθυρεοειδισμός|ενδομητρίωση|υπογονιμότητα|στειρότητα|ψωρίαση|έκζεμα|ερυθηματώδης λύκος|ινομυαλγία|σύνδρομο χρόνιας κόπωσης|διάσειση|' +
  'ρήξη χιαστού|εμβοές|βαρηκοΐα|γλαύκωμα|αλκοολισμός|διατροφική διαταραχή|διατροφικές διαταραχές|νευρική ανορεξία|βουλιμία|σύνδρομο down|' +
  'αναπηρία|αναιμία|κίρρωση|εγκυμοσύνη|διαβήτης κύησης|εξωμήτρια κύηση|οσφυαλγία|ψύχωση|ιδεοψυχαναγκαστική διαταραχή|' +
  'διαταραχή μετατραυματικού στρες|' +
  // Russian
  'диабет|диабета|диабетом|диабетик|гипертония|гипертонии|гипертонией|гипертонию|астма|астмы|астмой|астму|астматик|хобл|эпилепсия|эпилепсии|' +
  'эпилепсией|эпилепсию|мигрень|мигрени|мигренью|депрессия|депрессии|депрессией|депрессию|тревожное расстройство|тревожного расстройства|' +
  'тревожным расстройством|панические атаки|паническая атака|панических атак|биполярное расстройство|биполярного расстройства|' +
  'биполярным расстройством|шизофрения|шизофрении|шизофренией|сдвг|аутизм|аутизма|аутизмом|онкологическое заболевание|рак груди|рака груди|' +
  'рак молочной железы|рак лёгких|рак легких|рак простаты|рака простаты|рак кишечника|рак желудка|лейкоз|лейкоза|лейкемия|лимфома|лимфомы|' +
  'опухоль|опухоли|опухолью|опухоль мозга|метастазы|карцинома|инфаркт|инфаркта|инфарктом|сердечный приступ|инсульт|инсульта|инсультом|' +
  'микроинсульт|сердечная недостаточность|сердечной недостаточностью|мерцательная аритмия|фибрилляция предсердий|аритмия|аритмии|аритмией|' +
  'стенокардия|стенокардии|тромбоз|тромбоза|тэла|пневмония|пневмонии|пневмонией|воспаление лёгких|воспаление легких|бронхит|бронхита|бронхитом|' +
  'туберкулёз|туберкулез|туберкулёза|туберкулеза|ковид|ковида|ковидом|коронавирус|коронавирусом|гепатит|гепатита|гепатитом|вич-инфекция|' +
  'опоясывающий лишай|ветрянка|ветрянкой|ветряная оспа|корь|корью|мононуклеоз|аппендицит|аппендицита|аппендицитом|камни в почках|' +
  'мочекаменная болезнь|пиелонефрит|пиелонефрита|цистит|цистита|инфекция мочевыводящих путей|желчнокаменная болезнь|камни в желчном пузыре|' +
  'болезнь крона|язвенный колит|целиакия|целиакии|синдром раздражённого кишечника|синдром раздраженного кишечника|гастрит|гастрита|гастритом|' +
  'язва желудка|грыжа|грыжи|грыжей|межпозвоночная грыжа|паховая грыжа|ишиас|радикулит|остеохондроз|остеохондроза|остеопороз|артроз|артроза|' +
  'артрит|ревматоидный артрит|подагра|подагры|рассеянный склероз|болезнь паркинсона|паркинсона|альцгеймер|альцгеймера|деменция|деменции|' +
  'гипотиреоз|гипотиреоза|гипертиреоз|эндометриоз|эндометриоза|бесплодие|бесплодия|выкидыш|выкидыша|псориаз|псориаза|экзема|экземы|волчанка|' +
  'фибромиалгия|синдром хронической усталости|сотрясение мозга|разрыв связок|разрыв крестообразной связки|шум в ушах|тугоухость|потеря слуха|' +
  'глаукома|глаукомы|катаракта|катаракты|алкоголизм|алкоголизмом|наркомания|наркомании|расстройство пищевого поведения|анорексия|булимия|' +
  'синдром дауна|инвалидность|анемия|анемии|малокровие|цирроз|цирроза|беременность|гестационный диабет|внематочная беременность|боли в спине|' +
  'боль в спине|психоз|птср|вич|спид|ибс|окр|' +
  // Ukrainian
  'діабет|діабету|діабетом|цукровий діабет|гіпертонія|гіпертонію|гіпертонії|гіпертензія|астмою|епілепсія|епілепсію|епілепсії|мігрень|мігрені|' +
  'депресія|депресію|депресії|тривожний розлад|панічні атаки|панічна атака|біполярний розлад|шизофренія|шизофренію|шизофренії|рак грудей|' +
  'рак молочної залози|рак легень|рак простати|рак кишківника|лейкемія|лімфома|пухлина|пухлину|пухлини|метастази|інфаркт|інфаркту|інфарктом|' +
  'серцевий напад|інсульт|інсульту|інсультом|серцева недостатність|миготлива аритмія|фібриляція передсердь|аритмія|стенокардія|пневмонія|' +
  'пневмонію|пневмонії|запалення легень|бронхіт|бронхіту|туберкульоз|туберкульозу|ковід|ковіду|ковідом|коронавірус|гепатиту|' +
  'оперізувальний лишай|оперізуючий лишай|вітрянка|вітряна віспа|апендициту|камені в нирках|сечокам\'яна хвороба|пієлонефрит|' +
  'інфекція сечовивідних шляхів|жовчнокам\'яна хвороба|камені в жовчному міхурі|хвороба крона|виразковий коліт|целіакія|' +
  'синдром подразненого кишечника|виразка шлунка|грижа|грижу|міжхребцева грижа|пахова грижа|радикуліт|ревматоїдний артрит|розсіяний склероз|' +
  'хвороба паркінсона|хвороба альцгеймера|деменція|деменцію|гіпотиреоз|гіпертиреоз|ендометріоз|безпліддя|викидень|викидня|псоріаз|вовчак|' +
  'фіброміалгія|синдром хронічної втоми|струс мозку|розрив зв\'язок|шум у вухах|втрата слуху|приглухуватість|алкоголізм|наркоманія|' +
  'розлад харчової поведінки|анорексія|булімія|інвалідність|анемія|недокрів\'я|цироз|вагітність|гестаційний діабет|позаматкова вагітність|' +
  'біль у спині|снід|віл|' +
  // Indonesian/Malay
  'kencing manis|penyakit gula|darah tinggi|tekanan darah tinggi|hipertensi|ppok|migrain|sakit kepala sebelah|gangguan kecemasan|' +
  'serangan panik|gangguan panik|gangguan bipolar|skizofrenia|barah|kanker payudara|kanser payudara|kanker paru-paru|kanker serviks|limfoma|' +
  'tumor otak|serangan jantung|jantung koroner|penyakit jantung|gagal jantung|strok|fibrilasi atrium|emboli paru|radang paru-paru|' +
  'paru-paru basah|tuberkulosis|hepatitis b|cacar api|campak|gondongan|radang usus buntu|batu ginjal|infeksi ginjal|infeksi saluran kemih|' +
  'batu empedu|penyakit crohn|kolitis ulseratif|penyakit seliak|sakit maag|tukak lambung|turun berok|saraf kejepit|syaraf kejepit|skiatika|' +
  'pengeroposan tulang|radang sendi|rematik|asam urat|encok|demensia|hipotiroid|hipertiroid|gondok|kemandulan|keguguran|eksim|' +
  'sindrom kelelahan kronis|gegar otak|patah tulang|telinga berdenging|gangguan pendengaran|glaukoma|katarak|kecanduan alkohol|' +
  'kecanduan narkoba|gangguan makan|sindrom down|disabilitas|penyandang disabilitas|kurang darah|sirosis|kehamilan|diabetes gestasional|' +
  'kehamilan ektopik|hamil anggur|sakit pinggang|sakit punggung|psikosis|tipes|' +
  // Vietnamese
  'tiểu đường|đái tháo đường|cao huyết áp|tăng huyết áp|huyết áp cao|hen suyễn|hen phế quản|bệnh phổi tắc nghẽn mạn tính|động kinh|đau nửa đầu|' +
  'trầm cảm|rối loạn lo âu|rối loạn lưỡng cực|tâm thần phân liệt|tăng động giảm chú ý|tự kỷ|ung thư|bệnh bạch cầu|ung thư máu|u não|khối u|' +
  'nhồi máu cơ tim|đột quỵ|tai biến mạch máu não|suy tim|rung nhĩ|rối loạn nhịp tim|đau thắt ngực|viêm phổi|viêm phế quản|lao phổi|bệnh lao|' +
  'sốt xuất huyết|viêm gan|viêm gan b|viêm gan c|nhiễm hiv|zona thần kinh|giời leo|thủy đậu|thuỷ đậu|bệnh sởi|quai bị|viêm ruột thừa|sỏi thận|' +
  'viêm đường tiết niệu|nhiễm trùng đường tiết niệu|sỏi mật|bệnh crohn|viêm loét đại tràng|hội chứng ruột kích thích|đau dạ dày|viêm dạ dày|' +
  'loét dạ dày|thoát vị bẹn|thoát vị đĩa đệm|đau thần kinh tọa|đau thần kinh toạ|loãng xương|thoái hóa khớp|thoái hoá khớp|viêm khớp|' +
  'viêm khớp dạng thấp|bệnh gút|bệnh gout|đa xơ cứng|bệnh parkinson|bệnh alzheimer|sa sút trí tuệ|suy giáp|cường giáp|lạc nội mạc tử cung|' +
  'sảy thai|vô sinh|hiếm muộn|vảy nến|bệnh chàm|lupus ban đỏ|chấn động não|gãy xương|đứt dây chằng|ù tai|mất thính lực|khiếm thính|' +
  'tăng nhãn áp|đục thủy tinh thể|đục thuỷ tinh thể|nghiện rượu|nghiện ma túy|nghiện ma tuý|rối loạn ăn uống|chán ăn tâm thần|hội chứng down|' +
  'khuyết tật|thiếu máu|xơ gan|gan nhiễm mỡ|tiểu đường thai kỳ|thai ngoài tử cung|đau lưng|rối loạn ám ảnh cưỡng chế|' +
  'rối loạn căng thẳng sau sang chấn';

/** conditions that also have an everyday or figurative sense in their language (need the stronger person rules) */
export const INTL_CONDITIONS_AMBIGUOUS =
  // English (lay words and names the main list lacks)
  'whiplash|disability|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'krebs|grippe|erkältung|fieber|infekt|verletzung|corona|behinderung|sucht|schwindel|sodbrennen|kopfschmerzen|übelkeit|durchfall|verstopfung|' +
  // French
  'rhume|fièvre|blessure|crise|handicap|entorse|gastro|vertiges|' +
  // Spanish
  'ansiedad|resfriado|catarro|constipado|fiebre|infección|lesión|crisis|esguince|fractura|cataratas|catarata|culebrilla|aborto|gripa|' +
  // Portuguese
  'ansiedade|constipação|febre|infecção|lesão|fratura|derrame|zumbido|deficiência|' +
  // Italian
  'ansia|raffreddore|febbre|infezione|frattura|distorsione|dipendenza|disabilità|invalidità|' +
  // Dutch
  'griep|verkoudheid|koorts|overspannen|verslaving|hoofdpijn|' +
  // Polish
  'raka|grypa|grypę|grypy|przeziębienie|gorączka|gorączkę|infekcja|infekcję|uraz|kontuzja|kontuzję|złamanie|zawał|zawału|udar|udaru|odra|zaćma|' +
  'zaćmę|uzależnienie|w ciąży|wysokie ciśnienie|niepełnosprawny|niepełnosprawna|' +
  // Czech
  'chřipka|chřipku|chřipkou|nachlazení|horečka|horečku|infekce|zranění|úraz|zlomenina|zlomeninu|vyhoření|úzkosti|závislost|těhotná|potrat|' +
  'postižení|vysoký tlak|ploténky|' +
  // Slovak
  'chrípka|chrípku|prechladnutie|horúčka|zranenie|závislosť|tehotná|platničky|' +
  // Swedish
  'ångest|förkylning|feber|infektion|influensa|utbränd|missbruk|' +
  // Danish
  'angst|forkølelse|misbrug|abort|' +
  // Norwegian
  'forkjølelse|' +
  // Finnish
  'flunssa|flunssaa|kuume|kuumetta|tulehdus|vamma|murtuma|uupumus|korona|koronaa|riippuvuus|ihottuma|raskaana|influenssa|' +
  // Hungarian
  'megfázás|lázas|fertőzés|sérülés|kiégés|rákos|terhes|függőség|' +
  // Croatian/Serbian
  'prehlada|groznica|infekcija|ozljeda|povreda|prijelom|prelom|anksioznost|ovisnost|zavisnost|trudna|pobačaj|invaliditet|' +
  // Romanian
  'gripă|răceală|febră|infecție|infecţie|fractură|anxietate|dependență|dependenţă|sarcină|însărcinată|dizabilitate|criză|' +
  // Turkish
  'tansiyon|tansiyonum|ateş|enfeksiyon|yaralanma|bağımlılık|bağimlilik|engelli|kireçlenme|nezle|soğuk algınlığı|soğuk alginliği|' +
  // Greek
  'καρκίνος|καρκίνο|καρκίνου|γρίπη|κρυολόγημα|πυρετός|λοίμωξη|τραυματισμός|κάταγμα|εθισμός|καταρράκτης|έγκυος|αποβολή|έλκος|' +
  // Russian
  'рака|грипп|гриппа|гриппом|простуда|простуду|орви|инфекция|травма|перелом|переломом|выгорание|эмоциональное выгорание|зависимость|язва|язвы|' +
  'склероз|онкология|онкологию|беременна|инвалид|высокое давление|повышенное давление|' +
  // Ukrainian
  'грип|грипу|застуда|застуду|грві|інфекція|вигорання|залежність|виразка|онкологія|вагітна|' +
  // Indonesian/Malay
  'demam|selesema|masuk angin|cedera|pikun|mandul|tuli|kecanduan|hamil|usus buntu|' +
  // Vietnamese
  'cảm cúm|cảm lạnh|nhiễm trùng|chấn thương|đau tim|mang thai|có thai';

/** procedures, tests and devices */
export const INTL_PROCEDURES =
  // English (lay words and names the main list lacks)
  'ultrasound scan|ct-scan|mri-scan|keyhole surgery|hernia repair|hernia operation|acl reconstruction|acl surgery|spinal fusion|' +
  'gallbladder removal|radiation treatment|immunotherapy|hormone therapy|hormone replacement therapy|speech therapy|occupational therapy|' +
  'electroconvulsive therapy|ect|holter monitor|sleep study|flu jab|flu shot|cardioversion|catheter ablation|cardiac ablation|hysteroscopy|' +
  'fertility treatment|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'mrt|kernspintomographie|kernspintomografie|computertomographie|computertomografie|röntgen|röntgenaufnahme|ultraschalluntersuchung|biopsie|' +
  'gewebeprobe|krankengymnastik|blinddarmoperation|hüftprothese|künstliches hüftgelenk|knieprothese|kaiserschnitt|künstliche befruchtung|' +
  'koloskopie|endoskopie|gastroskopie|blutuntersuchung|blutbild|herzschrittmacher|bypass-operation|bypassoperation|transplantation|' +
  'nierentransplantation|lebertransplantation|psychotherapie|verhaltenstherapie|bestrahlung|herzkatheter|herzkatheteruntersuchung|mammographie|' +
  'mammografie|vollnarkose|hörgerät|insulinpumpe|chirurgie|chirurgischer eingriff|' +
  // French
  'tomodensitométrie|chimio|kiné|prothèse de hanche|prothèse du genou|prothèse de genou|fécondation in vitro|fiv|pma|gastroscopie|fibroscopie|' +
  'bilan sanguin|analyse de sang|analyses de sang|stimulateur cardiaque|pontage|pontage coronarien|greffe de rein|greffe du rein|' +
  'greffe de moelle|psychothérapie|thérapie cognitivo-comportementale|tcc|coronarographie|angioplastie|électrocardiogramme|hystérectomie|' +
  'mastectomie|anesthésie générale|appareil auditif|prothèse auditive|pompe à insuline|' +
  // Spanish
  'tac|rayos x|biopsia|quimio|hemodiálisis|apendicectomía|prótesis de cadera|prótesis de rodilla|reemplazo de cadera|reemplazo de rodilla|' +
  'fecundación in vitro|colonoscopia|endoscopia|gastroscopia|marcapasos|trasplante|trasplante de riñón|trasplante de médula|psicoterapia|' +
  'terapia cognitivo-conductual|mamografía|cateterismo|electrocardiograma|anestesia general|bomba de insulina|intervención quirúrgica|' +
  'tomografía|' +
  // Portuguese
  'ressonância magnética|tomografia|tomografia computadorizada|raio-x|raio x|biópsia|hemodiálise|diálise|apendicectomia|prótese de anca|' +
  'prótese de quadril|prótese do joelho|cesariana|fertilização in vitro|exame de sangue|exames de sangue|análises ao sangue|marca-passo|' +
  'transplante|transplante de rim|mamografia|eletrocardiograma|cirurgia|intervenção cirúrgica|' +
  // Italian
  'chemio|emodialisi|protesi d\'anca|protesi all\'anca|protesi al ginocchio|protesi di ginocchio|parto cesareo|taglio cesareo|' +
  'fecondazione in vitro|fecondazione assistita|procreazione medicalmente assistita|trapianto|trapianto di rene|elettrocardiogramma|' +
  'coronarografia|angioplastica|apparecchio acustico|protesi acustica|microinfusore|chirurgia|' +
  // Dutch
  'röntgenfoto|echografie|bestraling|radiotherapie|fysiotherapie|blindedarmoperatie|heupprothese|keizersnede|ivf-behandeling|darmonderzoek|' +
  'bloedonderzoek|bypassoperatie|cognitieve gedragstherapie|hartkatheterisatie|dotterbehandeling|dotteren|gehoorapparaat|insulinepomp|' +
  // Polish
  'rezonans magnetyczny|rezonansu magnetycznego|tomografię|tomografia komputerowa|rentgen|usg|biopsja|biopsję|chemioterapia|chemioterapię|' +
  'chemioterapii|radioterapię|dializa|dializy|fizjoterapia|wycięcie wyrostka|endoproteza|endoprotezę|cesarskie cięcie|cesarka|kolonoskopia|' +
  'kolonoskopię|gastroskopia|gastroskopię|endoskopia|badanie krwi|badania krwi|rozrusznik serca|bajpasy|przeszczep|przeszczepu|' +
  'przeszczep nerki|psychoterapię|mammografię|koronarografia|aparat słuchowy|pompa insulinowa|' +
  // Czech
  'chirurgický zákrok|magnetická rezonance|magnetickou rezonanci|chemoterapie|chemoterapii|ozařování|radioterapie|dialýza|dialýzu|fyzioterapie|' +
  'náhrada kyčle|náhradu kyčle|endoprotéza|císařský řez|umělé oplodnění|kolonoskopie|odběr krve|krevní testy|krevní test|kardiostimulátor|' +
  'transplantace|transplantaci|psychoterapii|mamografie|koronarografie|naslouchátko|inzulínová pumpa|' +
  // Slovak
  'magnetická rezonancia|sonografia|chemoterapia|chemoterapiu|ožarovanie|fyzioterapia|náhrada bedrového kĺbu|cisársky rez|umelé oplodnenie|' +
  'odber krvi|transplantácia|načúvací prístroj|' +
  // Swedish
  'magnetkamera|magnetröntgen|datortomografi|skiktröntgen|biopsi|cellgifter|cellgiftsbehandling|strålbehandling|dialys|sjukgymnastik|' +
  'fysioterapi|höftprotes|knäprotes|kejsarsnitt|provrörsbefruktning|koloskopi|gastroskopi|endoskopi|blodprov|psykoterapi|kbt|mammografi|' +
  'kranskärlsröntgen|ballongvidgning|hörapparat|insulinpump|' +
  // Danish
  'mr-scanning|ct-scanning|røntgen|ultralydsscanning|kemoterapi|strålebehandling|genoptræning|hofteoperation|kejsersnit|kunstig befrugtning|' +
  'kikkertundersøgelse|blodprøve|nyretransplantation|høreapparat|' +
  // Norwegian
  'mr-undersøkelse|ct-undersøkelse|cellegift|cellegiftbehandling|hofteprotese|kneprotese|keisersnitt|prøverørsbehandling|vaksinasjon|' +
  'transplantasjon|nyretransplantasjon|' +
  // Finnish
  'magneettikuvaus|magneettikuva|tietokonetomografia|röntgenkuva|ultraäänitutkimus|koepala|solunsalpaajahoito|sytostaattihoito|kemoterapia|' +
  'sädehoito|dialyysi|lonkkaproteesi|polviproteesi|tekonivel|keisarileikkaus|koeputkihedelmöitys|hedelmöityshoidot|verikoe|verikokeet|' +
  'tahdistin|sydämentahdistin|ohitusleikkaus|elinsiirto|munuaisensiirto|pallolaajennus|kuulolaite|insuliinipumppu|' +
  // Hungarian
  'műtét|műtéten|műtétre|biopszia|kemoterápia|sugárkezelés|sugárterápia|dialízis|gyógytorna|fizioterápia|csípőprotézis|térdprotézis|' +
  'császármetszés|lombikprogram|kolonoszkópia|vastagbéltükrözés|gyomortükrözés|endoszkópia|vérvétel|vérvizsgálat|szívritmus-szabályozó|' +
  'bypass-műtét|transzplantáció|vesetranszplantáció|pszichoterápia|mammográfia|szívkatéterezés|hallókészülék|inzulinpumpa|' +
  // Croatian/Serbian
  'magnetska rezonancija|magnetna rezonanca|rendgen|biopsija|kemoterapija|hemoterapija|radioterapija|dijaliza|fizioterapija|ugradnja kuka|' +
  'proteza kuka|carski rez|umjetna oplodnja|vantjelesna oplodnja|izvantjelesna oplodnja|kolonoskopija|gastroskopija|endoskopija|vađenje krvi|' +
  'krvna slika|bajpas|transplantacija|psihoterapija|mamografija|koronarografija|slušni aparat|inzulinska pumpa|' +
  // Romanian
  'intervenție chirurgicală|intervenţie chirurgicală|rezonanță magnetică|rezonanţă magnetică|tomografie|radiografie|ecografie|chimioterapie|' +
  'dializă|fizioterapie|kinetoterapie|proteză de șold|proteză de şold|cezariană|fertilizare in vitro|colonoscopie|analize de sânge|' +
  'stimulator cardiac|psihoterapie|aparat auditiv|pompă de insulină|' +
  // Turkish
  'ameliyat|ameliyatı|ameliyati|ameliyat oldum|emar|tomografi|biyopsi|radyoterapi|ışın tedavisi|işin tedavisi|diyaliz|fizik tedavi|fizyoterapi|' +
  'kalça protezi|diz protezi|sezaryen|tüp bebek|kolonoskopi|kan tahlili|kan testi|kalp pili|baypas|böbrek nakli|organ nakli|psikoterapi|anjiyo|' +
  'anjiyografi|anjiyoplasti|işitme cihazı|işitme cihazi|insülin pompası|insülin pompasi|' +
  // Greek
  'εγχείρηση|χειρουργείο|μαγνητική τομογραφία|αξονική τομογραφία|ακτινογραφία|υπερηχογράφημα|βιοψία|χημειοθεραπεία|χημειοθεραπείες|' +
  'ακτινοθεραπεία|αιμοκάθαρση|φυσικοθεραπεία|σκωληκοειδεκτομή|αρθροπλαστική|καισαρική|εξωσωματική γονιμοποίηση|κολονοσκόπηση|γαστροσκόπηση|' +
  'ενδοσκόπηση|εξετάσεις αίματος|βηματοδότης|στεντ|μπαϊπάς|μεταμόσχευση|ψυχοθεραπεία|μαστογραφία|στεφανιογραφία|αγγειοπλαστική|καρδιογράφημα|' +
  'ακουστικό βαρηκοΐας|αντλία ινσουλίνης|' +
  // Russian
  'хирургическое вмешательство|мрт|рентген|узи|биопсия|биопсию|химиотерапия|химиотерапию|лучевая терапия|диализ|гемодиализ|физиотерапия|' +
  'эндопротезирование|замена тазобедренного сустава|кесарево сечение|кесарево|эко|колоноскопия|гастроскопия|фгдс|эндоскопия|анализ крови|' +
  'анализы крови|кардиостимулятор|стент|стентирование|шунтирование|трансплантация|пересадка почки|психотерапия|маммография|коронарография|экг|' +
  'слуховой аппарат|инсулиновая помпа|' +
  // Ukrainian
  'узд|біопсія|біопсію|хіміотерапія|хіміотерапію|променева терапія|діаліз|гемодіаліз|фізіотерапія|ендопротезування|кесарів розтин|' +
  'кесаревий розтин|колоноскопія|гастроскопія|ендоскопія|аналіз крові|аналізи крові|кардіостимулятор|стентування|шунтування|трансплантація|' +
  'пересадка нирки|психотерапія|мамографія|коронарографія|екг|слуховий апарат|інсулінова помпа|' +
  // Indonesian/Malay
  'pembedahan|rontgen|radioterapi|cuci darah|hemodialisis|operasi usus buntu|operasi caesar|operasi sesar|bayi tabung|tes darah|cek darah|' +
  'pemeriksaan darah|alat pacu jantung|pasang ring jantung|ring jantung|bypass jantung|transplantasi|cangkok ginjal|kateterisasi jantung|' +
  'alat bantu dengar|' +
  // Vietnamese
  'phẫu thuật|chụp cộng hưởng từ|cộng hưởng từ|chụp cắt lớp|chụp x-quang|chụp x quang|sinh thiết|hóa trị|hoá trị|xạ trị|chạy thận|lọc máu|' +
  'vật lý trị liệu|phục hồi chức năng|cắt ruột thừa|thay khớp háng|thay khớp gối|mổ lấy thai|sinh mổ|thụ tinh trong ống nghiệm|nội soi|' +
  'xét nghiệm máu|máy tạo nhịp tim|đặt stent|bắc cầu động mạch vành|ghép thận|ghép gan|cấy ghép|tâm lý trị liệu|chụp nhũ ảnh|máy trợ thính';

/** procedures with an everyday sense too ("operation", "vaccine", "wheelchair") */
export const INTL_PROCEDURES_AMBIGUOUS =
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'ultraschall|reha|impfung|rollstuhl|' +
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
  'operacja|operację|operacji|zabieg|zabiegu|rezonans|prześwietlenie|rehabilitacja|rehabilitację|in vitro|morfologia|szczepienie|rozrusznik|' +
  'wózek inwalidzki|' +
  // Czech
  'operace|operaci|zákrok|ultrazvuk|rehabilitace|rehabilitaci|očkování|invalidní vozík|' +
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
  'operasyon|ultrason|rehabilitasyon|aşılama|aşilama|nakil|tekerlekli sandalye|' +
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
  'inhalers|steroid inhaler|reliever inhaler|preventer inhaler|blue inhaler|brown inhaler|corticosteroids|corticosteroid|cortisone|antivirals|' +
  'antiviral|antiretrovirals|antiretroviral|anticonvulsants|anticonvulsant|antiepileptics|anti-epileptics|mood stabiliser|mood stabilisers|' +
  'mood stabilizer|mood stabilizers|immunosuppressants|immunosuppressant|diuretics|diuretic|proton pump inhibitor|proton pump inhibitors|' +
  'blood pressure tablets|blood pressure pills|blood pressure medication|thyroid medication|thyroid tablets|birth control pill|' +
  'birth control pills|morning after pill|morning-after pill|oxazepam|bromazepam|metamizole|dipyrone|nimesulide|ketoprofen|dexketoprofen|' +
  'acenocoumarol|phenprocoumon|drotaverine|mefenamic acid|ketorolac|prednison|prednisolon|zopiclon|' +
  // German (the "-in" generic spellings are the Nordic, Czech, Slovak and Croatian ones too)
  'antidepressiva|antidepressivum|blutverdünner|gerinnungshemmer|cortison|kortison|betablocker|statine|schlaftabletten|schlafmittel|' +
  'antibabypille|blutdrucksenker|neuroleptika|psychopharmaka|novaminsulfon|metamizol|novalgin|ben-u-ron|l-thyroxin|thyroxin|levothyroxin|' +
  'marcumar|pantoprazol|omeprazol|esomeprazol|amlodipin|sertralin|mirtazapin|venlafaxin|quetiapin|olanzapin|amitriptylin|tilidin|valoron|' +
  'tramal|tavor|methylphenidat|cytostatika|' +
  // French
  'antidépresseur|anxiolytique|anxiolytiques|somnifère|somnifères|antalgique|antalgiques|antihistaminique|corticoïdes|bêtabloquant|' +
  'bêtabloquants|statines|pilule contraceptive|pilule du lendemain|insuline|metformine|paracétamol|ibuprofène|amoxicilline|doliprane|' +
  'efferalgan|dafalgan|levothyrox|lévothyrox|lévothyroxine|kardégic|previscan|spasfon|lexomil|stilnox|oméprazole|inhalateur|ventoline|seroplex|' +
  'deroxat|ritaline|méthotrexate|' +
  // Spanish
  'antidepresivo|ansiolítico|ansiolíticos|anticoagulante|anticoagulantes|antihistamínico|antihistamínicos|corticoides|corticoide|' +
  'betabloqueantes|estatinas|pastillas para dormir|somníferos|píldora anticonceptiva|anticonceptivos|píldora del día después|inhalador|' +
  'amoxicilina|nolotil|gelocatil|enantyum|dexketoprofeno|adiro|sintrom|acenocumarol|eutirox|levotiroxina|orfidal|trankimazin|lexatin|' +
  'paroxetina|sertralina|fluoxetina|venlafaxina|mirtazapina|quetiapina|olanzapina|risperidona|metilfenidato|prednisona|espidifen|' +
  // Portuguese
  'antidepressivo|antidepressivos|anti-histamínico|betabloqueador|betabloqueadores|pílula anticoncepcional|comprimidos para dormir|' +
  'remédio para dormir|inalador|dipirona|novalgina|benuron|brufen|losartana|sinvastatina|anlodipino|glifage|' +
  // Italian
  'ansiolitici|ansiolitico|antidolorifico|antidolorifici|antistaminico|antistaminici|cortisonico|cortisonici|betabloccanti|sonniferi|sonnifero|' +
  'pillola anticoncezionale|pillola del giorno dopo|inalatore|amoxicillina|tachipirina|aulin|cardioaspirina|lexotan|efexor|omeprazolo|' +
  'pantoprazolo|lansoprazolo|esomeprazolo|bentelan|deltacortene|' +
  // Dutch
  'bloedverdunners|bloedverdunner|antistolling|slaappillen|slaapmiddel|slaapmiddelen|anticonceptiepil|morningafterpil|inhalator|thyrax|' +
  'corticosteroïden|bètablokkers|' +
  // Polish
  'leki przeciwdepresyjne|antydepresanty|leki przeciwzakrzepowe|leki nasenne|tabletki nasenne|tabletki antykoncepcyjne|kortykosteroidy|' +
  'betablokery|statyny|insulinę|insuliny|insuliną|amoksycylina|amoksycyliny|metforminę|metforminy|apap|ketonal|pyralgina|polopiryna|acard|' +
  'letrox|lewotyroksyna|furagina|duomox|relanium|nospa|no-spa|drotaweryna|' +
  // Czech
  'antidepresiva|antidepresivum|léky na bolest|prášky na spaní|prášky na bolest|léky na ředění krve|antikoagulancia|hormonální antikoncepce|' +
  'kortikoidy|betablokátory|statiny|inzulín|inzulin|inzulínu|inzulinu|paralen|ibalgin|anopyrin|neurol|lexaurin|hypnogen|amoksiklav|' +
  // Slovak
  'antidepresíva|lieky proti bolesti|tabletky na spanie|lieky na riedenie krvi|statíny|' +
  // Swedish
  'blodförtunnande|sömntabletter|sömnmedel|p-piller|dagen efter-piller|betablockerare|statiner|alvedon|ipren|citodon|treo|panodil|waran|' +
  'levaxin|astmamedicin|' +
  // Danish
  'antidepressiv medicin|lykkepiller|blodfortyndende|sovepiller|fortrydelsespille|binyrebarkhormon|betablokkere|pamol|ibumetin|kodimagnyl|' +
  'magnyl|marevan|' +
  // Norwegian
  'blodfortynnende|sovetabletter|angrepille|paracet|pinex|ibux|sobril|imovane|' +
  // Finnish
  'antibioottikuuri|masennuslääke|masennuslääkkeet|masennuslääkkeitä|verenohennuslääke|verenohennuslääkkeet|unilääke|unilääkkeet|' +
  'ehkäisypillerit|e-pillerit|jälkiehkäisy|kortisoni|beetasalpaaja|statiini|statiinit|insuliini|insuliinia|burana|pronaxen|tyroksiini|' +
  'parasetamoli|ibuprofeeni|amoksisilliini|metformiini|inhalaattori|' +
  // Hungarian
  'antidepresszáns|antidepresszánsok|vérhígító|altatószer|fogamzásgátló|fogamzásgátló tabletta|kortikoszteroid|béta-blokkoló|sztatin|algopyrin|' +
  'rubophen|cataflam|frontin|syncumar|' +
  // Croatian/Serbian
  'antidepresivi|lijekovi protiv bolova|analgetici|tablete za spavanje|kontracepcijske pilule|kortikosteroidi|beta blokatori|statini|' +
  'amoksicilin|sumamed|kafetin|lekadol|neofen|normabel|bensedin|helex|andol|' +
  // Romanian
  'antidepresive|antidepresiv|antihistaminice|corticosteroizi|betablocante|somnifere|pastile de dormit|anticoncepționale|anticoncepţionale|' +
  'pilula contraceptivă|insulină|algocalmin|aspenter|' +
  // Turkish
  'antidepresan|antidepresanlar|kan sulandırıcı|kan sulandirici|uyku ilacı|uyku ilaci|doğum kontrol hapı|doğum kontrol hapi|kortizon|' +
  'beta bloker|statin|insülin|majezik|arveles|apranax|levotiron|coraspin|' +
  // Greek
  'αντικαταθλιπτικά|αντικαταθλιπτικό|αντιπηκτικά|αγχολυτικά|υπνωτικά χάπια|αντισυλληπτικά χάπια|αντισυλληπτικό χάπι|κορτιζόνη|κορτικοστεροειδή|' +
  'στατίνες|ινσουλίνη|ινσουλίνης|παρακεταμόλη|ιβουπροφαίνη|αμοξικιλλίνη|μετφορμίνη|ντεπόν|depon|λεβοθυροξίνη|θυροξίνη|ζάναξ|ασπιρίνη|' +
  // Russian
  'антидепрессанты|антидепрессант|антидепрессантов|антикоагулянты|противозачаточные|оральные контрацептивы|кортикостероиды|бета-блокаторы|' +
  'статины|инсулин|инсулина|инсулином|ингалятор|парацетамол|ибупрофен|амоксициллин|метформин|омепразол|аспирин|анальгин|но-шпа|дротаверин|' +
  'цитрамон|нурофен|кеторол|феназепам|афобазол|эутирокс|тироксин|левотироксин|варфарин|кардиомагнил|амоксиклав|флемоксин|сумамед|азитромицин|' +
  'арбидол|ингавирин|корвалол|валидол|' +
  // Ukrainian
  'антидепресанти|антидепресант|антикоагулянти|протизаплідні|оральні контрацептиви|кортикостероїди|бета-блокатори|статини|інсулін|інсуліну|' +
  'інсуліном|інгалятор|ібупрофен|амоксицилін|метформін|аспірин|анальгін|кетанов|еутирокс|' +
  // Indonesian/Malay
  'obat penghilang rasa sakit|obat pengencer darah|pengencer darah|obat tidur|pil kb|pil kontrasepsi|kortikosteroid|parasetamol|paramex|bodrex|' +
  'ponstan|asam mefenamat|amoksisilin|' +
  // Vietnamese
  'thuốc kháng sinh|thuốc chống trầm cảm|thuốc giảm đau|thuốc chống đông|thuốc ngủ|thuốc tránh thai|corticoid|thuốc huyết áp|thuốc tiểu đường|' +
  'hapacol';

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
  'antybiotyk|antybiotyki|antybiotyku|antybiotykiem|antybiotyków|leki przeciwbólowe|sterydy|' +
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
  'антибиотик|антибиотики|антибиотиков|обезболивающее|обезболивающие|снотворное|снотворные|' +
  // Ukrainian
  'антибіотик|антибіотики|антибіотиків|знеболювальне|знеболювальні|знеболюючі|снодійне|снодійні|' +
  // Indonesian/Malay
  'pereda nyeri|' +
  // Vietnamese
  'kháng sinh';

/** the abbreviations among the entries above, read only in capitals ("MRT", "VIH", "УЗИ") */
export const INTL_UPPER_ONLY =
  'mrsa|ect|mrt|vih|sida|avc|toc|rgo|fiv|pma|tcc|tac|usg|rzs|azs|cmp|kol|kbt|tbc|rmn|χαπ|мрт|узи|эко|экг|вич|спид|ибс|окр|віл|узд|екг';
