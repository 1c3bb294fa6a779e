/**
 * The word lists and phrase patterns of the person-name detector (person-name-detector.ts): words
 * that are never a name (STOP), firm, street and place words, the words before a name that make it
 * one (greetings, honorifics, labels, verbs about a person) and the verbs or words after it. Kept
 * apart so that the scan reads as rules; module-level constants, built once (the regexes are reused,
 * the sticky ones by setting lastIndex).
 */

export const words = (s: string): Set<string> => {
  const set = new Set(s.split(/\s+/).filter(Boolean));
  // the inspector folds look-alike letters before detection, Turkish 'ı' to 'i' among them
  // (normalize.ts): a listed "kaynakları" is read as "kaynaklari"
  for (const w of set) if (w.includes('ı')) set.add(w.replace(/ı/g, 'i'));
  return set;
};
/** Capitalised words that are never (part of) a person's name in running text. */
export const STOP = words(`
  the a an this that these those there here his her their our my your its we you they he she it i me us them
  panel dottore dottoressa dekanlık dekanlığı müdürlüğü başkanlığı adı soyadı tiếng
  i'm i’m i'll i’ll i've i’ve i'd i’d it's it’s that's that’s what's what’s let's let’s he's he’s she's she’s
  please thanks thank hello hi hey dear hiya hola bonjour hallo ciao ola olá regards best kind warm sincerely cheers saludos cordialement obrigado gracias grazie danke merci
  sí sì oui nein não nao да нет evet hayır
  mr mrs ms miss mx dr prof sir madam herr frau mme mlle sr sra srta dame lord lady
  dott dott.ssa dr.ssa prof.ssa avv geom dhr mevr lic licda lcdo lcda arq dña doña pani panie pan herrn dokter khun shri smt bapak ibu tuan puan encik pak hanım hanim bey
  mbak bu doamna doamnei domnul domnului domnule κύριε selon según secondo laut volgens według salam selam
  ευχαριστώ спасибо благодарю дякую dziękuję děkuji köszönöm mulțumesc teşekkürler
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
  today tomorrow yesterday morning afternoon evening night week month year quarter
  name names employee manager patient tenant customer client contact from to cc bcc subject attendees date time re fw fwd note notes summary
  team office department company corp inc ltd llc gmbh ag plc co group grupo groupe gruppo groep bank university college school hospital clinic foundation institute
  vår vårt våra unser unsere notre nuestro nuestra nuestros nostro nostra nosso nossa onze ing
  street road avenue lane drive way place square via calle rue avenida strasse straße platz weg rua viale piazza boulevard
  new north south east west central general united national international global royal
  ok yes no not and or but if when then so also just only all any some each every other
  america american europe european asia africa australia canada china india japan germany france spain italy brazil mexico russia london paris berlin madrid rome tokyo york
  washington chicago boston dublin amsterdam stockholm milano milan munich münchen lyon bruxelles brussels toronto sydney melbourne
  ceo cfo cto vp hr it qa ui ux api id pdf faq
  san santa santo são sao saint st port fort mount mt lake cape isla porto puerto villa ciudad
`);
/** Last words of firm names (beyond STOP's company words): a run with one is a firm, not a person. */
export const ORG_WORDS = words(`enterprises industries traders solutions ventures studios holdings partners associates technologies systems consulting logistics labs reports
  solicitors attorneys advocates barristers benki kampuni shirika ltda sociedad anonima comercio enterprise sdn bhd hotel resort hyatt hilton marriott
  sparkasse volksbank raiffeisenbank caixa bankası universiteit universität hogeschool hochschule università universidad universidade uniwersytet univerzita
  universitet üniversitesi universitas`);
/**
 * The ending of a trade's name ("Severn Roofing", "Apex Plumbing", "Delta Electrical", "Nova
 * Electronics"), for a last word the name lists do not know: a firm named by a word that may be a
 * given name, not a person. Six letters or more (not a pinyin syllable: "Ming", "Jing").
 */
export const tradeEnd = (lower: string): boolean =>
  lower.length >= 6 && (lower.endsWith('ing') || lower.endsWith('ical') || lower.endsWith('onics') || lower.endsWith('ware') || lower.endsWith('works'));
/** Firms named after people, common in business text. */
export const ORG_NAMES = new Set(
  `morgan stanley|goldman sachs|wells fargo|charles schwab|merrill lynch|lehman brothers|john lewis|marks spencer|ernst young|jones lang|baker mckenzie|allen overy|dolce gabbana|louis vuitton|calvin klein|ralph lauren|tommy hilfiger|hugo boss|johnson johnson|procter gamble|warner bros|walt disney|tim hortons|robert half|harvey nichols|charles river|john deere|jack daniels|ronald mcdonald|monte carlo|johns hopkins|estee lauder|christian dior|giorgio armani|kate spade|michael kors|ted baker|paul smith|georgia pacific|thomson reuters|dow jones|edward jones|raymond james|jones day|sherwin williams|ben jerry|mercedes benz|rolls royce|harley davidson|aston martin|johnson controls|marriott international`.split('|'),
);
/** The first words of ORG_NAMES: the two-word key is built only after one of them. */
export const ORG_FIRST = new Set([...ORG_NAMES].map((o) => o.slice(0, o.indexOf(' '))));
/** Last words of a place named after someone ("Granville Island", "Lynn Canyon"); not those that are family names too (Hill, Lake, Bay). */
export const GEO_WORDS = words('island islands isle canyon valley falls creek peninsula glacier gorge lagoon mountains heights springs harbour harbor beach cove fjord reef');
/** Words after a name that make it an organisation or a place. */
export const ORG_AFTER = /^[ \t]+(?:Inc|Ltd|LLC|GmbH|AG|SA|S\.A|plc|PLC|Corp|Corporation|Company|Co|Group|Bank|University|College|School|Hospital|Clinic|Foundation|Institute|Partners|Associates|Holdings|Technologies|Systems|Consulting|Logistics|Labs|Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|Square|Park|Hall|House|Centre|Center|Airport|Station|Post|Times|Motors?|International(?:[ \t]+Airport)?|room|Room|Building|Stadium|Arena|Theatre|Theater|Museum|Library)\b/;
export const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'le', 'la', 'bin', 'binti', 'al', 'el', 'ten', 'ter', 'zu', 'y', 'e', 'mac', 'ap']);
/** verbs after a person rather than a place or a product (no is/has/was: "Jordan is a country") */
export const SAYS_AFTER = /^[ \t]+(?:said|says|told|tells|asked|asks|wrote|writes|replied|emailed|called|phoned|texted|mentioned|thinks|thought|wants|wanted|needs|needed|feels|felt|knows|knew|agreed|promised|suggested|explained|complained|sent|gave|had given|will send|can you|could you|shouted|yelled|screamed|whispered|smiled|laughed|nodded|sighed|waved|winked|answered|lives|lived|grew up|spent|is from|was from|comes from|came from)\b/;
/** past verbs of speaking or of what someone did at a meeting: after them an everyday word that is a given name is the person ("Will said", "Grant raised") */
export const SAID_PAST = /^[ \t]+(?:said|told|asked|replied|answered|mentioned|agreed|promised|suggested|explained|complained|raised|noted|confirmed|emailed|texted|phoned|offered|volunteered|shouted|wrote)\b/;
/** an auxiliary and the word after it that makes it one: "has been", "has a", "is on leave", "will cover", "was promoted" */
export const AUX_AFTER = /^[ \t]+(?:has|had|is|was|will|would|can|could|did|does|isn't|wasn't|hasn't|won't|didn't|doesn't)[ \t]+(?:been|not|a|an|his|her|their|just|already|also|still|never|always|on|off|out|away|back|cover|take|join|lead|handle|send|look|be|\p{Ll}{3,}ed)\b/u;
/** verbs of speaking to someone: the given name after "to" or "at" is the listener ("shouted at Omar", "said Ines to Omar") */
export const ADDRESS_VERBS = words('shouted yelled screamed smiled waved winked nodded laughed whispered talked spoke said says replied lied complained listened looked stared glared pointed turned explained apologised apologized talking speaking');
/** "X and Y were…": two family names before a verb of people (sticky, after the first word) */
export const AND_PAIR =
  /[ \t]+(?:and|&)[ \t]+(\p{Lu}[\p{Ll}'’-]{1,30})[ \t]+(?:were|are|have|had|met|agreed|both|wrote|founded|co-founded|signed|left|joined|disagreed|argued|worked|played|sang|built|started|will)\b/uy;
/** nouns followed by a letter that are no given name: "Plan B", "Vitamin D", "Building C" */
export const INITIAL_NOUNS = words(`plan option appendix annex part vitamin type class grade section schedule form building level floor room block wing gate terminal
  exhibit figure fig table chapter article phase stage step tier zone hall unit lot category group team series model version channel track side row
  column line route sector area region division platform pier dock bay studio suite apartment flat house tower lab hepatitis size batch round day`);
/** works and matters named after a person: "the Halvorsen report" */
export const WORK_AFTER = /^[ \t]+(?:novel|novels|book|books|memoir|biography|song|songs|album|recording|concert|film|movie|documentary|painting|portrait|estate|family|household|twins|siblings)\b/;
/** "lives at", "spent a year", "grew up": said of one unlisted word too often of a thing ("Documentation lives in the wiki") */
export const LIVES_AFTER = /^[ \t]+(?:lives|lived|spent|grew|will be|had given|works|worked|studied|is the|graduated)\b/;
/** the first three letters of the verbs read after one unlisted word (not those of LIVES_AFTER), as (c0 << 16) | (c1 << 8) | c2 */
export const ONE_HEADS = new Set(['smi', 'lau', 'nod', 'sho', 'yel', 'scr', 'whi', 'sig', 'mar', 'res', 'pas', 'beg'].map((w) => (w.charCodeAt(0) << 16) | (w.charCodeAt(1) << 8) | w.charCodeAt(2)));
export const AND_HEAD = (97 << 16) | (110 << 8) | 100; // "and"
/** capitalised words at a sentence start that are no person, before such verbs ("Everyone smiled", "Nobody lives here") */
export const NOT_SUBJECTS = words(`everyone everybody someone somebody nobody noone anyone anybody none one each many most few people who which what nothing something
  everything mother father mom mum dad son daughter brother sister wife husband grandma grandpa grandmother grandfather aunt uncle baby`);
/** small words before a place rather than a person */
export const PLACE_PREPS = words('in at from to near into via of on onto across around through toward towards outside inside within visit visiting visited');
/**
 * Given names that, alone, are mostly a product, an AI assistant, a language or a tool in workplace
 * text ("ask Claude", "we use Ruby"): one such word is no name ("Claude Monet" still is).
 */
export const PRODUCT_NAMES = words(`intel claude gemini prisma deno koa json zlib vue loki arial helm istio envoy grafana kibana zara mango primark lancia dacia lada skoda kali callisto europa travis luigi argo clio megane linde conda jaeger nova ashby lua cinder спартак зенит alexa siri cortana bard grok llama mistral copilot ruby julia sage fedora karma harvey django flask hugo gatsby
  ember electron kafka jenkins cassandra mocha jasmine cypress tesla mercedes chase dell rust swift kotlin dart elixir haskell pascal perl oracle sierra
  athena apollo hermes zeus phoenix atlas miro okta watson photoshop lexus genesis ford`);
/** surname endings of many languages (accent-free, lower case) */
export const SURNAME_END = /(?:dottir|sson|ovich|evich|ovic|evic|ovna|evna|ova|eva|ov|ev|ski|ska|sky|skaya|skiy|enko|escu|poulos|opoulou|akis|idis|oglu|shvili|dze|yan|ovas|aite|iene|ute|sen|nen|mann)$/;
export const STREET_WORDS = words(`rue avenue av boulevard bd blvd place chemin allée allee impasse quai cours calle avenida paseo plaza carrer avinguda rua travessa via viale
  piazza corso largo ulica ulicy ulicą ul aleja aleją alei al strada calea street st road rd lane drive square jalan jl jln caddesi cad sokak bulvarı
  str bulevardul bulevard şoseaua soseaua splaiul intrarea plac pl náměstí nám třída nábřeží gatan vägen väg straat laan plein gracht`);
/** a venue named after someone, before the name: "Café Marcel Proust", "stadio Giuseppe Meazza", "Galleria Vittorio Emanuele II" */
export const VENUE_BEFORE = words(`café cafe caffè galleria stadio stade estadio estádio aeropuerto aeroporto aéroport flughafen bahnhof hotel hôtel restaurant ristorante
  museo musée museu museum teatro théâtre theater lycée liceo colegio escola escuela scuola gymnasium instituto auditorio auditorium sala salle`);
/**
 * Titles before a name, of several languages: the Italian ones as written in lower case ("dott.ssa
 * Lombardi", "avv. Ferraresi"), the Dutch "dhr." and "mevr.", the Latin American "Lic.",
 * the Polish "Pani", the Thai "Khun", the Indian "Shri" and "Smt.", the Malay and Indonesian "Bapak",
 * "Ibu", "Tuan", "Puan", "Encik". Not words that are also a department, a unit or a place's word
 * ("HR", "MW", "Sri Lanka"), nor a firm's ("ING Direct").
 */
export const HONORIFICS = words(`mr mrs ms miss mx dr prof sir dame herr frau mme mlle sr sra srta dra fr rev mister madam madame señor señora signor signora
  dott dott.ssa dr.ssa prof.ssa avv sig.ra sig.na dhr mevr lic licda lcdo lcda arq dña doña pani panie khun shri smt bapak ibu tuan puan encik
  κ κα κος κυρία κύριος г-н г-жа господин госпожа paní pán slečna meneer mevrouw juffrouw chị ông bà cô chú anh herrn pan dokter doktor geom
  pana panu panem panią pána pánovi pánem pánom slečny slečně slečnou господина господину госпожи госпоже госпожу пан пана пану пані
  mbak doamna doamnei domnul domnului domnule κύριε pane ate kuya tita tito dona`);
/** The first two letters (lower case) of the honorifics, as (c0 << 8) | c1. */
export const HONORIFIC_HEADS = new Set([...HONORIFICS].map((h) => (h.charCodeAt(0) << 8) | h.charCodeAt(1)));
export const GREETINGS = words(`dear hi hello hey hiya hola bonjour hallo ciao olá ola morning thanks cheers regards best saludos obrigado obrigada gracias grazie danke merci
  love thank-you thank_you ευχαριστώ спасибо благодарю дякую dziękuję děkuji köszönöm mulțumesc teşekkürler bedankt tack kiitos
  oi halo hai bună buna moin servus grüezi selam cześć czesc
  groetjes groet groeten grüße gruß grüsse cumprimentos abraços abraço beijos pozdrawiam pozdrowienia pozdrav pozdravem hälsningar hilsen terveisin
  saygılarımla saygilarimla selamlar atenciosamente cordialement salutations saluti bisous bises amitiés besos abrazos`);
export const GREETINGS2 = words('thank_you good_morning good_afternoon good_evening many_thanks kind_regards best_regards warm_regards best_wishes un_saludo');
export const MY_NAME2 = words('name_is i_am i\'m this_is it\'s known_as name\'s called named signed');
/** "named her X", "called him X": the word is a name even when it is also a word ("Frank", "Grace") */
export const NAMING2 = words('named_him named_her named_them called_him called_her calls_me call_me');
export const NAMING_LAST = words('him her them me');
/** "my partner's name X", "her maiden name X": the words before "name" that make the next words a name */
export const NAME_OWNERS = words('my his her their your our maiden full legal real married birth last first');
/** words for a relative ("my kid Tadzio", "his wife, Shirin Ghasemi") */
export const KIN = words(`kid son daughter child baby wife husband partner fiance fiancee fiancé fiancée girlfriend boyfriend brother sister mother father
  mom mum dad grandson granddaughter grandmother grandfather grandma grandpa nephew niece cousin uncle aunt stepson stepdaughter`);
/** a relative or a relation after "my", "his"… and before a name: "his wife, Shirin Ghasemi", "our neighbour Ngozi Eze" */
export const RELATIONS = new Set([...KIN, ...words('spouse stepmother stepfather colleague manager boss friend neighbour neighbor flatmate roommate landlord landlady tenant')]);
export const POSSESSIVES = words('my his her their your our');
/** "add X as a beneficiary": a person added to an account, a policy or a team */
export const ADD_VERBS = words('add added adding include included list listed register registered appoint appointed designate designated remove removed name named set');
export const AS_ROLE =
  /^[ \t]+as[ \t]+(?:(?:a|an|the|my|our|his|her|their)[ \t]+)?(?:(?:joint|authori[sz]ed|additional|secondary|second|primary|named|emergency)[ \t]+(?:user|holder|member|owner|driver|contact|account[ \t]+holder|cardholder)|beneficiary|account[ \t]+holder|co-?signer|signatory|cardholder|card[ \t]+holder|dependent|dependant|guarantor|trustee|executor|nominee|payee|next[ \t]+of[ \t]+kin)\b(?![ \t]+\p{Ll}{4,}(?<!from|with))/u;
/** "please change it to X" after a word about a name: a name change in a support request */
export const CHANGE_VERBS = words('change changed correct corrected update updated fix fixed amend amended');
export const LABELS = words(`name fullname full_name first_name last_name surname given_name employee employee_name manager line_manager supervisor patient patient_name
  tenant landlord customer customer_name client client_name contact contact_person from to cc bcc attendees participants present owner candidate applicant
  recipient sender attn attention author guest member driver passenger beneficiary account_holder cardholder student pupil parent guardian next_of_kin
  emergency_contact doctor physician gp nurse witness nominee insured policyholder spouse partner user username colleague new_hire signed signature approver
  reviewer assignee reporter interviewer interviewee speaker host organizer organiser teacher tutor lawyer solicitor agent representative rep buyer seller
  emp staff name_of_patient name_of_employee contact_name caller witnesses complainant complainants respondent respondents claimant defendant plaintiff
  investigator victim interviewers reviewers approvers assignees attendee họ_và_tên
  kontoinhaber kontoinhaberin titular intestatario intestataria rekeninghouder mteja mhusika afisa mgonjwa mwanafunzi`);
export const LABEL_PHRASES = words(`approved_by signed_by prepared_by reviewed_by submitted_by requested_by reported_by written_by authored_by sent_by created_by
  assigned_to deliver_to ship_to bill_to referred_by on_behalf_of care_of cc attn attention c/o
  directed_by produced_by composed_by performed_by narrated_by edited_by illustrated_by translated_by photographed_by hosted_by presented_by
  interviewed_by starring featuring founders co-founders founded_by
  bearbeitet_von erstellt_von geprüft_von genehmigt_von unterschrieben_von protokoll_von rédigé_par établi_par approuvé_par redactado_por elaborado_por
  aprobado_por redatto_da approvato_da opgesteld_door goedgekeurd_door antecknat_av upprättad_av godkänd_av tutanağı_yazan tutanaği_yazan întocmit_de aprobat_de
  dibuat_oleh disetujui_oleh tidak_hadir họ_tên`);
export const WEAK = words(`ask asked call called tell told email e-mail emailed ping pinged message text meet met invite invited introduce thank thanks with for by user
  colleague hire to and is from contact contacted forward forwarded remind pay paid hired promote promoted visit visited
  says said heard hear
  including songwriter singer producer director engineer developer designer analyst consultant coworker co-worker nurse teacher professor lawyer accountant
  recruiter intern founder co-founder author artist actor actress writer editor journalist photographer chef coach captain assistant secretary
  officer neighbour neighbor friend brother sister mother father son daughter wife husband cousin uncle aunt grandmother grandfather boss
  player footballer golfer cricketer athlete sprinter swimmer cyclist boxer skier striker goalkeeper midfielder drummer guitarist bassist pianist
  violinist cellist composer conductor rapper vocalist frontman frontwoman poet novelist playwright screenwriter painter sculptor dancer comedian
  presenter broadcaster columnist correspondent commentator critic spokesman spokeswoman spokesperson scientist researcher economist historian
  architect surgeon dentist pharmacist detective sergeant lieutenant colonel prosecutor attorney barrister entrepreneur businessman businesswoman
  chairman chairwoman senator congressman congresswoman mayor governor ambassador minister bishop pastor rabbi imam astronaut`);
/**
 * Occupations and roles said right before a person's full name ("tennis player Ana Ruiz", "Producer Ana
 * Ruiz explained"): the two or three capitalised words after one are a name even when the lists know
 * neither (words of WEAK; not the verbs and small words there, nor relatives: "my brother Xbox One", nor roles
 * often said of a tool or a vehicle: "the editor Visual Studio", "coach Trip Planner").
 */
export const ROLE_NOUNS = words(`songwriter singer producer director nurse teacher professor lawyer
  accountant recruiter founder co-founder author artist actor actress writer journalist photographer chef
  player footballer golfer cricketer athlete sprinter swimmer cyclist boxer skier striker goalkeeper midfielder drummer guitarist bassist pianist
  violinist cellist composer conductor rapper vocalist frontman frontwoman poet novelist playwright screenwriter painter sculptor dancer comedian
  presenter broadcaster columnist correspondent commentator critic spokesman spokeswoman spokesperson scientist researcher economist historian
  architect surgeon dentist pharmacist detective sergeant lieutenant colonel prosecutor attorney barrister entrepreneur businessman businesswoman
  chairman chairwoman senator congressman congresswoman mayor governor ambassador bishop pastor rabbi imam astronaut`);
/** "follow up with", "meet with", "speak to" right before a name (read on the words before it, to their end) */
export const MEET_WITH =
  /\b(?:follow(?:ed|ing)?[ \t]+up|catch(?:ing)?[ \t]+up|caught[ \t]+up|check(?:ed|ing)?[ \t]+in|meet(?:ing)?|met|speak(?:ing)?|spoke|talk(?:ed|ing)?|chat(?:ted|ting)?)[ \t]+(?:with|to)[ \t]+$/i;
/** words of a department, a desk, a body or a firm one speaks to: "talk to Human Resources", "follow up with Accounts Payable", "met with Acme Robotics" */
export const DEPARTMENT_WORDS = words(`resources support service services sales marketing finance legal security operations ops engineering accounting accounts payable
  receivable payroll procurement purchasing compliance admin administration desk helpdesk counsel relations affairs management committee board council
  teams department dept division unit office centre center desk police authority agency ministry bureau registry court
  robotics software networks media capital foods pharma pharmaceuticals energy motors airlines airways insurance realty properties health analytics
  digital games devices electronics dynamics biotech therapeutics brands retail ventures santé salud saúde sanità gesundheit kaynakları
  dukungan keuangan pemasaran penjualan layanan pelanggan divisi bagian sekretariat umum karyawan
  personalabteilung klinikum krankenhaus treuhand stadtwerke delegación delegación recursos humanos ressources humaines risorse umane`);
/** words of a heading or a building over an address, not a person's name: "Billing Address", "Delivery Details", "Harbour View" */
export const HEADING_WORDS = words(`address addresses billing shipping delivery contact contacts details invoice mailing postal home location locations venue
  directions registered return sender recipient branch head main our your my new old event meeting conference party hotel restaurant cafe bar
  view views house court tower towers lodge manor gardens garden heights park villa villas cottage cottages farm hall residence residences apartments
  flats mansions estate terrace mews quay wharf mill works studio studios plaza mall arcade centre center building`);
/** "assistant to X", "married to X": the words before "to" that make what follows a person rather than a place */
export const TO_PERSON = words(`assistant secretary aide deputy adviser advisor successor heir married engaged wed sister brother son daughter wife husband
  tribute homage dedicated dedication ode farewell condolences thanks kudos credit grateful gratitude shout-out shoutout props reports escalated
  delegated assigned handed forwarded introduced according`);
/**
 * Something sent, given or said to someone, the verb a few words before "to": "send it to Chidi",
 * "forward the contract to Ngozi", "hand the keys over to Matteo", "explain it to Ines". A given name
 * after it is that person (places and given names that are places are left out where it is used).
 */
export const TRANSFER_TO =
  /\b(?:send|sends|sent|forward(?:s|ed)?|give|gives|gave|given|pass(?:es|ed)?|hand(?:s|ed)?|e-?mail(?:s|ed)?|mail(?:s|ed)?|show(?:s|ed|n)?|deliver(?:s|ed)?|return(?:s|ed)?|submit(?:s|ted)?|report(?:s|ed)?|explain(?:s|ed)?|mention(?:s|ed)?|repl(?:y|ies|ied)|write|writes|wrote|written|assign(?:s|ed)?|reassign(?:s|ed)?|escalat(?:e|es|ed)|delegat(?:e|es|ed)|talk(?:s|ed)?|speak(?:s)?|spoke|introduc(?:e|es|ed)|lend|lent|owe(?:s|d)?|transfer(?:s|red)?|pay|paid|sell|sold|offer(?:s|ed)?|refer(?:s|red)?|shout[ \t]+out|reach(?:ed)?[ \t]+out)(?:[ \t]+(?:it|this|that|them|these|those|one|(?:the|a|an|my|our|your|his|her|their|all)(?:[ \t]+[a-z-]+){1,2}))?(?:[ \t]+(?:on|over|back|across|out|along|directly|straight|personally))?[ \t]+to[ \t]+$/i;
/** thanks in other languages, and the word between them and the person: "Danke an Jürgen", "Grazie mille a Giulia", "Ευχαριστώ τον Γιώργο" */
export const THANKS_WORDS = words(`danke dank gracias grazie merci obrigado obrigada bedankt tack takk tak kiitos dziękuję dzięki děkuji díky ďakujem
  köszönöm mulțumesc multumesc mulţumesc ευχαριστώ ευχαριστούμε спасибо благодарю дякую дякуємо hvala teşekkürler sağol`);
export const THANKS_PREPS = words(`an a à ao à aan till al alla au aux τον την τη στον στην`);
/** what a thanks word and its preposition may have between them: "Grazie mille a", "Merci beaucoup à", "Vielen Dank nochmal an" */
export const THANKS_FILLERS = words('mille beaucoup tante mil muito muchas vielmals nochmal nochmals auch again also much lot bien encore ancora tanto');
/** what someone sends or says, then "from": "a reply from Wojciech", "feedback from Ines" (a given name after it is that person) */
export const FROM_PERSON = words(`email e-mail mail message messages note notes reply replies response feedback call calls request requests update updates approval text
  letter invite invitation comment comments input sign-off signoff answer word voicemail dm ping okay ok go-ahead confirmation`);
/**
 * Everyday and function words of other languages that the name lists also hold as given names
 * ("nada", "alta", "vid", "pero", "mille"): at a clause start they are the word, not the person.
 * Chosen by hand from the stopword lists of stopwords-iso (MIT) that both name lists answer yes for,
 * keeping the words whose use as a name is the rarer one (Lena, Sara, Hans and Otto stay names).
 */
export const FOREIGN_WORDS = words(`ala alla alta ama anda anno apa asal asta bara bas bulan dag dalla dau davon davor deja della deste diri dua durante elle eller esse esta
  fara fem gia hal hanno hari hasta hennes ila ise işe juste kata kaya kaynak koko mai mala malo mille mimo mir nada nella nelle oba olen olin oma ona oni ora oto pero
  pola prima primo satu secondo sem sien sila som sana tej terzo til tre tri ultimo una uma utama vere vid ville vin vita vive ajan islam asia oman april мир сила
  das die der den det och und insa însă langa lângă fran från casto často luc lúc baba oke kérem
  ella ela ele eles elas lui lei mia dan ben kim yani ada mari ani theo vlada vláda quản quan
  ocak şubat subat mart nisan mayıs mayis haziran temmuz ağustos agustos eylül eylul ekim kasım kasim aralık aralik januari februari maret mei juni juli
  desember janeiro fevereiro março marco abril maio junho julho setembro outubro novembro dezembro enero febrero marzo mayo junio julio septiembre
  octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
  dolores luz pilar вера слава umut aurore`);
export const PERSON_VERBS = words('ask asked tell told call called email emailed ping pinged meet met thank thanks cc remind reminded invite invited introduce forward');
export const WEAK_AFTER =
  /^(?:'s|’s|,[ \t]+(?:the|our|their|its|a|an)[ \t]+[^,.\n]{2,40},[ \t]+(?:said|says|told|added|explained|noted|wrote|stated)\b|[ \t]+(?:said|says|told|asked|wrote|writes|called|emailed|replied|is|was|has|had|will|would|can|could|reports|reported|joined|joins|starts|started|left|leaves|works|worked|needs|needed|wants|wanted|confirmed|agreed|mentioned|noted|requested|approved|signed|sent|received|lives|lived|moved|went|took|gets|got|visited|arrived|met|paid|bought|ordered|booked|submitted|attended|applied|resigned|studied|graduated|complained|cancelled|canceled|returned|phoned|texted|messaged|shared|uploaded|forgot|lost|owes|owed|thinks|believes|feels|explained|listed|spent|flew|drove|gave|became|married|divorced|died|born|retired|founded|wrote|sang|sung|directed|produced|played|performed|smiled|laughed|nodded|replied|announced|insisted|added|admitted|argued|testified|stated|recalled|grew|invested|speaks|spoke|and [A-Z]|\())/u;
/**
 * The line after a name in an address block: a house number and a street ("221B Baker Street", "14
 * Harbour Road"), a street word first ("Rua das Flores 123", "Via Roma 4"), a street and its number
 * ("Hauptstraße 5") or a post box. Sticky, from the end of the name's line.
 */
export const ADDRESS_LINE_AFTER =
  /[ \t]*,?[ \t]*\r?\n[ \t]*(?:\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?,?[ \t]+\p{Lu}[\p{L}.'’-]*[ \t]|(?:P\.?[ \t]?O\.?[ \t]?Box|Calle|Carrer|Avenida|Rua|Travessa|Via|Viale|Piazza|Corso|Rue|Avenue|Boulevard|Chemin|Ul\.|Ulica)[ \t]+\S|\p{Lu}[\p{Ll}ß.'’-]+(?:[ \t]+\p{L}[\p{L}.'’-]*){0,3}[ \t]+\d{1,4}[a-zA-Z]?[ \t]*(?:\r?\n|,|$))/uy;
/**
 * The same, further down a signature or letter block: after a blank line and at most one line of
 * an organisation or a job title, in an e-mail quote ("> "), or a military post line (PSC, Unit, CMR).
 */
export const ADDRESS_BLOCK_AFTER =
  /[ \t]*,?[ \t]*\r?\n(?:[ \t>]*\r?\n)?(?:[ \t>]*\p{Lu}[\p{L}&,.'’ \t-]{1,60}\r?\n(?:[ \t>]*\r?\n)?){0,2}[ \t>]*(?:\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?,?[ \t]+(?:\d{1,5}[ \t]+)?\p{Lu}[\p{L}.'’-]*[ \t]|(?:P\.?[ \t]?O\.?[ \t]?Box|PSC|Unit|CMR)[ \t]+\d|(?:Calle|Carrer|Avenida|Rua|Travessa|Via|Viale|Piazza|Corso|Rue|Avenue|Boulevard|Chemin|Ul\.|Ulica)[ \t]+\S|[Tt]he[ \t]+corner[ \t]+of[ \t]+[\p{Lu}\d]|\p{Lu}[\p{Ll}ß.'’-]+(?:[ \t]+\p{L}[\p{L}.'’-]*){0,3}[ \t]+\d{1,4}[a-zA-Z]?[ \t]*(?:\r?\n|,|$))/uy;
/** closing words of a letter or a message, of several languages ("Kind regards", "Un abbraccio", "С уважением") */
const SIGNOFFS = `regards|wishes|thanks|thank you|cheers|sincerely|respectfully|best|yours(?: truly| sincerely| faithfully)?|ciao|saludos|un saludo|atentamente|
  cordialement|bien à vous|mit freundlichen grüßen|viele grüße|grüße|lg|mfg|obrigad[oa]|abraços|gracias|grazie|distinti saluti|met vriendelijke groet|groeten|
  hälsningar|med vänlig hälsning|pozdrawiam|sent from my \\w+|all the best|take care|talk soon|speak soon|love|xx|rgds|br|un abbraccio|un saluto|cordiali saluti|
  saluti|a presto|un abrazo|abrazos|besos|bisous|bises|amitiés|liebe grüße|beste grüße|herzliche grüße|groetjes|hartelijke groet(?:en)?|pozdrowienia|serdecznie|
  s pozdravem|saygılarımla|selamlar|üdvözlettel|med venlig hilsen|mvh|hilsen|ystävällisin terveisin|terveisin|cumprimentos|beijos|atenciosamente|с уважением|
  спасибо|ευχαριστώ|με εκτίμηση|bien à toi|à bientôt|a bientot|merci|danke|vielen dank|dank je|bedankt|tack|dziękuję|gracias de antemano|
  groet|mulțumesc|multumesc|mulţumesc|cu stimă|cu drag|toate cele bune|salam hormat|hormat saya|terima kasih|trân trọng|cảm ơn|děkuji|díky|teşekkürler|
  teşekkür ederim|iyi çalışmalar|iyi çalişmalar|saygılar|saygilar|vänliga hälsningar|pozdrav|дякую|з повагою`.replace(/\n\s*/g, '');
export const SIGNOFF_LINE = new RegExp(`^[ \\t]*(?:(?:best|kind|warm|warmest|many|with)?[ \\t]*(?:${SIGNOFFS}))[ \\t]*[,.!]*[ \\t]*$`, 'iu');

/** The last words of the multi-word entries ("name_is" -> "is"); words before a name have no '_'. */
export const LAST_OF_MULTI = new Set(
  [...GREETINGS2, ...MY_NAME2, ...LABELS, ...LABEL_PHRASES].filter((w) => w.includes('_')).map((w) => w.slice(w.lastIndexOf('_') + 1)),
);
export const MIDDLE_INITIAL = /[ \t]\p{Lu}\.?[ \t]/u;
export const ARTICLES = words('the a an this that our their his her my your');
export const LOWER_ARTICLES = words('the a an of in at on');

/** the placeholder names of forms, templates and examples (accent-free, lower case): no one's name */
export const PLACEHOLDER_NAMES = new Set(
  `john doe|jane doe|baby doe|test user|test customer|demo user|sample user|richard roe|jane roe|joe bloggs|fred bloggs|joe public|john public|max mustermann|erika mustermann|otto normalverbraucher|
  jan modaal|fulano de tal|mario rossi esempio|john q public|juan perez|juan perez garcia|juan perez lopez|maria perez|jan kowalski|anna kowalska|jan novak|
  jana novakova|ivan ivanov|ivan ivanovich ivanov|ivan petrov|jan jansen|piet jansen|pieter post|jean dupont|marie dupont|joao da silva|joao silva|maria da silva|
  mario rossi|maria rossi|max musterfrau|maria musterfrau|ali veli|budi santoso contoh|nguyen van a|tran thi b|john smith example|иван иванов|иван иванович иванов|петр петров|пётр петров|иван петров`.replace(/\n\s*/g, '').split('|'),
);
/** their last words: most runs are ruled out without joining their words */
export const PLACEHOLDER_LAST = new Set([...PLACEHOLDER_NAMES].map((n) => n.slice(n.lastIndexOf(' ') + 1)));
/** dishes and drinks named after someone, whatever comes around them */
const DISH_NAMES = new Set('earl grey|beef wellington|eggs benedict|fettuccine alfredo|peach melba|pêche melba|beef stroganoff|oysters rockefeller|chicken tetrazzini'.split('|'));
/** a capitalised word before one of these is a dish's name ("Caesar salad", "Margherita pizza", "Reuben sandwich") */
const DISH_AFTER = words(`salad salads pizza pizzas sauce tea cake cakes sandwich sandwiches soup pie pasta steak cocktail cocktails pudding tart torte
  dressing burger burgers roll rolls slices slice platter trays bowl`);
/** ... and after one of these ("Beef Wellington", "Eggs Benedict", "fettuccine Alfredo", "chicken Kiev") */
const DISH_BEFORE = words('beef eggs egg fettuccine fettucine spaghetti penne chicken veal pork lamb steak oysters peach pêche pasta salmon lobster');

/** A run that names a dish or a drink: "Beef Wellington", "Caesar salad boxes", "fettuccine Alfredo", "Earl Grey". */
export function dishNamed(text: string, start: number, end: number, toks: readonly { lower: string }[]): boolean {
  if (toks.length === 2 && (DISH_BEFORE.has(toks[0]!.lower) || DISH_NAMES.has(toks[0]!.lower + ' ' + toks[1]!.lower))) return true;
  return DISH_AFTER.has(blankWord(text, end, 1)) || DISH_BEFORE.has(blankWord(text, start, -1));
}
/** The word (letters, lower case, at most 12) one blank after `pos` (dir 1) or before it (dir -1); '' if none. */
function blankWord(text: string, pos: number, dir: 1 | -1): string {
  let i = dir === 1 ? pos : pos - 1;
  if (i < 0 || i >= text.length || (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9)) return '';
  i += dir;
  const from = i;
  while (i >= 0 && i < text.length && Math.abs(i - from) < 13 && /\p{L}/u.test(text[i]!)) i += dir;
  return (dir === 1 ? text.slice(from, i) : text.slice(i + 1, from + 1)).toLowerCase();
}

/** words for someone's role right before their name ("her line manager Kipchoge", "first aider Hemi") */
export const ROLE_BEFORE = words(`manager technician colleague coworker co-worker nurse engineer aider buyer assistant supervisor lead boss neighbour neighbor landlord
  landlady tenant agent driver representative rep mentor mentee intern trainee caseworker advisor adviser recruiter reviewer approver assignee`);

/** first words of a firm's or an institution's name in other languages: the run after it is its name ("Grupo Andino Logística", "Banco Itaú") */
export const FIRM_LEAD = words(`grupo groupe gruppo groep banco banque banca instituto institut istituto fundación fundação fondazione fondation universidad
  università université universidade hospital hôpital ospedale clínica clinique clinica farmacia pharmacie editorial editora companhia compañía compagnie`);

// the cues of the rarer given names and of the other languages' names (person-name-detector.ts)
/** the last word before a name that cuedRareGiven reads on: "to", "from", thanks' prepositions in other languages */
export const CUE_WORD_BEFORE = /(?:^|[^\p{L}])(?:to|from|an|a|à|ao|aan|till|al|alla|au|aux|τον|την|τη|στον|στην)[ \t]+$/u;
/** an article or a determiner right before a word: "the max setting", "el pilar", "the ana module" */
export const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|el|la|le|les|lo|il|un|una|der|die|das|de|het|den|det|this|that|my|our|your)[ \t]+$/iu;
/** words of software documentation that the name lists hold as given names: "Max number of…", "Winston average" (a logger) */
export const CLAUSE_NOT = new Set(['max', 'min', 'winston', 'bunyan', 'pino', 'jest', 'mocha', 'chai', 'sinon', 'ava', 'tap', 'vite', 'nest', 'nuxt', 'remix']);
/** "and I", "and me" after a name at a sentence start: "Kofi and I reviewed" */
export const AND_I_AFTER = /^[ \t]+and[ \t]+(?:I|me)\b/;
/** "with" and "me and" before a name, in a few languages: "lunch with Chidi", "me and Chidi", "mit Jürgen", "con Iñaki", "avec Gwenaëlle" */
export const WITH_BEFORE = /(?:^|[^\p{L}])(?:with|me[ \t]+and|mit|con|avec|com|met|med)[ \t]+$/iu;
/** gods thanked in other languages: "Grazie a Dio", "Danke an Gott", "Gracias a Dios" */
export const DEITIES = new Set('dio dios deus gott god bog boga бог бога allah alá jesus jesús cristo'.split(' '));
/** titles of other languages that the English words' filter wrongly answers yes for ("mbak") */
export const TITLES_NO_WORD = new Set(['mbak', 'pak', 'doamna', 'doamnei', 'domnul', 'domnului', 'domnule', 'ate', 'kuya', 'tita', 'tito']);
/** titles read only capitalised, as in a run of capitalised words (in small letters they are words of other languages: Czech "pak", "then") */
export const CAPITALISED_TITLES = words('pak bu');

/** words that open a sentence before a comma as the word, not a name ("Kérem, …" is Hungarian "please"; "Kerem, …" is a Turkish name) */
export const VOCATIVE_NOT = words('kérem');
