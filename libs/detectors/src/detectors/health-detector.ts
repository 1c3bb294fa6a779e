import { HEALTH_TERMS, inIcd10Chapter, type HealthCategory } from '../data/health-vocabulary';
import { countInRange, lowerBound, type Detector } from '../detector';
import type { Finding } from '../finding';
import { forEachColumnCell } from '../table-fields';
import { dosedWords } from './health-doses';
import { healthFields } from './health-fields';
import { englishText, intlHealthTerms } from './health-terms-intl';
import { EXTRA_SUBJECT_WORDS } from '../data/health-vocabulary-intl-extra';
import { nameField } from './name-fields';
import { isGivenName, nameLists } from './name-lists';

/** the item before, in a list of people and what each needs: a given name and a word ("Sunil vegetarian, ") */
const PERSON_ITEM_BEFORE = /(?:^|[,;:\n][ \t]*)(\p{Lu}\p{Ll}+)[ \t]+[\p{L}-]+[ \t]*[,;][ \t]*$/u;
const listedPersonItemBefore = (text: string, pos: number): boolean => {
  const m = PERSON_ITEM_BEFORE.exec(text.slice(Math.max(0, pos - 60), pos));
  if (m === null) return false;
  const lower = m[1]!.toLowerCase(), lists = nameLists();
  return isGivenName(lower) || lists.all.has(lower) || lists.rareGiven.has(lower);
};

/** USAN/INN stems that mark a generic drug name (sumatriptan, cetirizine, ramipril, ticagrelor, dupilumab...). */
const DRUG_STEMS =
  'cef[a-z]{4,}|[a-z]{2,}(?:tropium|terol|sonide|platin|rubicin|taxel|conazole|asone|olone|vudine|triptan|izine|yzine|pril|sartan|olol|statin|prazole|dipine|gliptin|gliflozin|afil|xaban|parin|lukast|azepam|zolam|oxetine|tinib|umab|ximab|zumab|cillin|mycin|floxacin|cycline|navir|ciclovir|tidine|semide|thiazide|setron|profen|coxib|triptyline|peridol|glutide|dronate|lamide|pramine|grel|grelor|darone|gravir|previr|buvir|lumab|limab|tuzumab|ciclib|stigmine|lutamide|gestrel|zosin|sulosin|fenacin|apine|peridone|codone)';
/** drug stems, read only where the vocabulary is read too (near a clinical word or after a lay health verb) */
const STEM_RE = new RegExp(`(?<![A-Za-z0-9])(?:${DRUG_STEMS})(?![A-Za-z0-9])`, 'gi');
const ICD_RE = /(?<![A-Za-z0-9])[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?(?![A-Za-z0-9])/g;
const WINDOW = 300;
/** A person the health data is about, right before a lay-language term ("my husband is undergoing chemotherapy"). */
const PERSONAL =
  /(?:^|[^A-Za-z])(?:i|i'm|i've|i am|my|me|he|she|his|her|him|husband|wife|partner|son|daughter|mum|mom|dad|father|mother|brother|sister|grandma|grandpa|colleague|employee|boss|manager|friend|child|baby|mr|mrs|ms|miss|mx|patient|claimant|insured)(?:[^A-Za-z]|$)/i;
/**
 * news, research and teaching text talks about conditions, not about someone; so does advice to anyone ("if you have asthma");
 * revision notes ("first-line", "exam tip") and the same words in German, French, Spanish, Italian, Portuguese and Dutch
 */
const GENERAL =
  /\b(?:study|studies|researchers?|research\b|lesson|courses\b|online course|students|according to|article|(?<!(?:good|bad|great|sad|some|any) )news\b|survey|trials?\b|statistics|risk of|symptoms of|signs of|what is|explains\b|how to|guide\b|awareness|charity|charities|campaign|population|people (?:who|with|living)|patients (?:who|with)|those who|anyone who|someone who|adults|(?:percent|per cent|%) of(?! (?:h[12]|q[1-4]|(?:the |their |our |my |his |her )?(?:quota|target|budget|revenue|sales|plan|goal|pipeline|capacity|time|hours))\b)|experts|scientists|figures|waiting (?:lists|times)|you (?:may|might|should|can)\b|(?:ask|talk to|speak to|see) your (?:doctor|gp|pharmacist)|in this (?:course|module|lesson|video|article|post)|price list|prices\b|in stock|per pack|exam\b|exams\b|lecture|quiz\b|syllabus|textbook|refresher|revision notes|flashcards?|first-line|second-line|mechanism of action|indicated for|contraindicated|drug class|shortages?\b|demand for|more likely to|studie\b|forscher|laut\b|prüfung|vorlesung|lernzettel|mittel der wahl|therapie der wahl|eingesetzt|menschen mit|patienten mit|étude|chercheurs|selon\b|campagne|personnes (?:âgées|atteintes)|patients atteints|estudio\b|investigadores|según\b|campaña|personas con|pacientes con|studio\b|ricercatori|secondo\b|campagna|persone con|pazienti con|estudo\b|pesquisadores|segundo\b|campanha|pessoas com|pacientes com|onderzoek\b|volgens\b|mensen met|patiënten met|boletim|boletín|bulletin|epidemiol|casos\b|fälle\b|cas (?:confirmés|signalés)|incidence|incidencia|incidência|prevalence|prävalenz|prévalence|prevalencia|krankheitsbild|vererbt|nach icd|selon l'oms|laut who|según la oms|segundo a oms|packungsbeilage|anwendungsgebiete|nebenwirkungen|gebrauchsinformation|fragen sie ihren arzt|notice d'utilisation|posologie|prospecto|bula\b|foglietto illustrativo|bijsluiter|ulotka|příbalov|bipacksedel|szczepie|očkování|vaccinatie|vaccinering|osoby z|osoby s|personer med|ludzie z|pacjenci z|ministerstwo|ministerstvo|ministerie|choroba, któr|is een ziekte|är en sjukdom|je nemoc|adalah penyakit|là bệnh|это заболевание|— воспаление|er en infeksjon|adalah infeksi)/gi;
/** a sentence that speaks of anyone, not of someone ("anyone who has asthma", "people who had a stroke") */
const ANYONE = /\b(?:if|when|whether|unless) (?:anyone|someone|a child|a patient|a person)\b|\b(?:anyone|anybody|someone|people|patients|those|children|adults) (?:who|with)\b|\bany (?:child|pupil|student|patient|guest|employee|staff)\b/gi;
/** "if your child has allergies": to anyone, unless the text is a letter to someone ("Dear Mr Kaczmarek, ... if you take clopidogrel") */
const IF_YOU = /\b(?:if|when|whether|unless) (?:you|your)\b/gi;
const DEAR_SOMEONE = /\bdear (?!(?:parents?|carers?|all|colleagues|team|customers?|sirs?|madam|everyone|members|friends|patients|staff|students|families|residents|guests)\b)\p{L}/iu;
/** or a person's name ("Grace Thompson was diagnosed with ...") */
const NAME_PAIR = /(?:^|[^\p{L}])\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u;
/** someone the text is about, anywhere near a clinical text (news has none): pronouns, relatives, a patient, a record's fields; the pronouns of the other languages read */
// (the leading class, the first letters of the words, lets the regex pass over most positions before its lookbehind: ~40% faster)
const SUBJECT_NEAR =
  /(?=[abcdefghijklmnoprstvwyzéżέεμπσабдежимопстучяјהאבमउपवهأازمويت])(?<![\p{L}])(?:i|i'm|i've|me|my|he|she|his|her|him|you|your|husband|wife|partner|son|daughter|mum|mom|dad|father|mother|brother|sister|patient|pt|client|employee|colleague|guest|resident|dob|d\.o\.b|mrn|y\/o|year-old|years old|mr|mrs|ms|miss|monsieur|madame|signor|signora|señor|señora|herr|frau|ich|mein|meine|meiner|mir|mich|je|j'ai|moi|mon|mes|elle|yo|tengo|mis|él|ella|io|ho|mio|mia|lui|lei|eu|meu|minha|ele|ela|ik|mijn|hij|zij|ja|mój|moja|mam|jestem|já|můj|moje|mám|jag|mitt|ben|benim|εγώ|μου|έχω|я|мой|моя|у меня|мене|мій|моя|saya|aku|tôi|chị|mama|tata|mąż|żona|córka|matka|ojciec|máma|táta|manžel|manželka|dcera|mamma|pappa|fru|annem|babam|eşim|oğlum|kızım|мама|папа|муж|жена|сын|дочь|её|мне|тато|чоловік|дружина|μητέρα|πατέρας|σύζυγος|suami|istri|mẹ|bố|chồng|vợ|han|hon|hun|маю|tenho|heb|habe|тя|той|аз|има|майка ми|баща ми|съпругът ми|съпругата ми|она|он|ја|мајка|отац|hún|hann|ég|mín|minn|tal|mul|minu|viņa|viņš|mana|mans|jis|aš|mano|siya|niya|nanay|tatay|הוא|היא|אני|אמא|אבא|בעלי|אשתי|वह|मैं|मेरी|मेरा|मेरे|उसे|उसकी|उसका|माँ|पापा|पति|पत्नी|هو|هي|أنا|انا|أنه|انه|أنها|انها|زوجي|زوجتي|أمي|أبي|ابني|ابنتي|والدي|والدتي|العميل|الموظف|المريض|مصاب|مصابة|يعاني|تعاني)(?=[^\p{L}\p{N}]|$)/giu;

/** the same words in the languages of data/health-vocabulary-intl-extra.ts (Persian, Urdu, Indic, Swahili, Hausa, Yoruba, Amharic, Malay), read in a text not in English */
const SUBJECT_EXTRA = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${EXTRA_SUBJECT_WORDS.split('|').filter((w) => w !== '').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{M}])`,
  'giu',
);
/**
 * the same in the scripts SUBJECT_NEAR's lookbehind cannot read, where a pronoun or a relative is written glued to
 * the next word (Chinese, Japanese, Korean, Thai), read inside the text: "她说刚查出…", "작년에 수술하셨고",
 * "ลูกค้า…เป็นเบาหวาน"
 */
const SUBJECT_UNSPACED = /[我他她]|妈妈|媽媽|爸爸|丈夫|妻子|老公|老婆|儿子|兒子|女儿|女兒|客户|客戶|患者|病人|私は|彼は|彼女|母は|父は|夫は|妻は|息子|娘は|さんは|さんが|저는|제가|그는|그녀|어머니|아버지|남편|아내|아들|딸이|고객님|환자|ผม|ฉัน|เขา|เธอ|แม่|พ่อ|ลูกค้า|คุณ|ผู้ป่วย/u;

/** words that make a term the name of an organisation, a department or a thing, not someone's health ("Diabetes UK", "the Endoscopy Unit", "cancer cases") */
const NOUN_AFTER = new Set(
  ('uk|unit|units|ward|department|dept|centre|center|service|services|programme|program|prevention|society|association|foundation|trust|charity|' +
    'charities|research|awareness|week|month|day|campaign|institute|network|alliance|fund|support|care|team|module|app|apps|project|feature|api|dataset|' +
    'data|database|model|study|studies|trial|trials|drug|drugs|market|sales|brand|stock|shares|price|prices|supply|shortage|shortages|cases|rates|rate|' +
    'figures|statistics|epidemic|crisis|pandemic|patients|sufferers|deaths|risk|guidelines|policy|pathway|journal|conference|article|report|page|website|' +
    'ad|advert|advertising|marketing|industry|sector|company|companies|battery|batteries|ion|access|specialists|nurses|doctors|consultants|clinics|' +
    'screening|vaccine|vaccines|jab|jabs|medicine|medicines|treatments|law|guideline|guidelines|protocol|protocols|lecture|talk|session|pitch').split('|'),
);
/** a condition then one of these is a procedure ("an ADHD assessment", "my asthma review") */
const PROCEDURE_AFTER = new Set('assessment|appointment|appt|referral|review|test|tests|consultation|check|checkup|check-up|meds|medication|op|diagnosis'.split('|'));
/** an idiom's word after the term: "a headache of a project", "a stroke of luck", "the heart of the matter" */
const IDIOM_AFTER = /^[ \t]+of[ \t]+(?:a|an|the|luck|genius|good|bad)\b/i;
/** "this plotter on steroids", "like Excel on steroids": a thing made bigger, not a person's medication (an article or "like" before the thing) */
const ON_STEROIDS = /(?:^|[^\p{L}])(?:a|an|the|this|that|like|is|it's)[^\p{L}]+\p{L}+(?:[ \t]+\p{L}+)?[ \t]+on[ \t]+$/iu;
/** possessives right before a term: "his irregular heartbeat", "mon extraction de dent de sagesse" */
const POSSESSIVE = new Set(
  'my|his|her|your|their|mon|ma|mes|ton|ta|tes|son|sa|ses|mio|mia|miei|mie|tuo|tua|suo|sua|mi|mis|tu|tus|su|sus|mein|meine|meinem|meinen|meiner|sein|seine|seinem|seinen|seiner|ihre|ihrem|ihren|ihrer|mijn|zijn|haar'.split('|'),
);
/** words between a link and the term ("has a mild nut allergy", "had the operation") */
const MODIFIER = new Set(
  ('really|quite|pretty|extremely|terrible|awful|horrible|nasty|primary|secondary|partial|total|moderate|weiterhin|noch|ancora|todavía|encore|' +
  // (a condition's kind: "bronchial asthma", "allergic rhinitis", "generalised anxiety")
  'bronchial|allergic|seasonal|generalised|generalized|postnatal|postpartum|gestational|rheumatoid|atopic|nocturnal|exercise-induced|viral|bacterial|benign|malignant|metastatic|' +
  'a|an|the|some|mild|severe|bad|serious|chronic|acute|occasional|intermittent|frequent|worsening|progressive|sudden|constant|early|late|early-onset|late-onset|confirmed|suspected|possible|left|right|lower|upper|lumbar|cervical|thoracic|bilateral|recurrent|recurring|persistent|slight|minor|major|small|emergency|routine|new|first|second|another|recent|ongoing|bit|of|stage|type|1|2|3|4|5|6|7|8|9|10|12|20|weeks|months|so|very|now|currently|still|also|just|recently|newly|low-dose|high-dose|daily|regular|l|l\'|la|le|les|il|lo|una|un|une|uno|el|der|die|das|eine|einen|einer|een').split('|'),
);
/** a modifier word, or a number ("16 weeks pregnant", "day 3 of chemo") */
const isModifier = (w: string): boolean => MODIFIER.has(w) || (w.length <= 3 && /^\d+$/.test(w));
/** someone the sentence is about (before the term), for the link rules */
const SUBJECT = new Set(
  ("i|i'm|i've|i'd|im|ive|me|my|myself|he|he's|hes|she|she's|shes|his|her|him|they|them|their|you|your|you're|you've|husband|wife|partner|son|daughter|mum|mom|mother|dad|father|" +
    'brother|sister|grandma|grandpa|grandmother|grandfather|granddad|nan|aunt|uncle|cousin|niece|nephew|colleague|employee|boss|manager|friend|child|baby|kid|boyfriend|' +
    "girlfriend|fiancé|fiance|fiancée|flatmate|roommate|neighbour|neighbor|guest|client|patient|pt|customer|tenant|pupil|insured|claimant|mr|mrs|ms|miss|mx|" +
    "je|j'ai|moi|il|elle|io|ho|yo|tengo|ich|er|mir|mich|" +
    'han|hun|hon|hann|hún|' +
    // relatives in Italian, French, Spanish, Portuguese and German
    'padre|madre|marito|moglie|figlio|figlia|fratello|sorella|nonno|nonna|papà|mamma|père|mère|mari|femme|fils|fille|frère|sœur|maman|marido|esposa|hijo|hija|' +
    'hermano|hermana|abuelo|abuela|papá|mamá|pai|mãe|filho|filha|irmão|irmã|vater|mutter|sohn|tochter|bruder|schwester|vader|moeder|zoon|dochter|broer|zus|' +
    'ik|hij|zij|ze|sie|lei|ella|ele|ela|hon|estou|estoy|sono|bin|saya|aku|anak|ibu|ayah|suami|istri').split('|'),
);
const SUFFERS = new Set('souffre|souffrait|soffre|soffriva|sufre|sufría|padece|sofre|sofria|atteint|atteinte|affetto|affetta|malade|enfermo|enferma|doente'.split('|'));
/** "ricoverato per un ictus", "hospitalisé pour", "ingresado por": "for" after being taken into hospital or treated, in other languages */
const FOR_OTHER = new Set('per|por|pour'.split('|'));
const HOSPITALISED = new Set(
  ('ricoverato|ricoverata|ricoverati|operato|operata|curato|curata|hospitalisé|hospitalisée|hospitalisés|opéré|opérée|soigné|soignée|' +
    'ingresado|ingresada|hospitalizado|hospitalizada|operado|operada|tratado|tratada|internado|internada').split('|'),
);
/** the verbs or prepositions that tie a term to the person before it, per category */
const LINKS: Record<HealthCategory, Set<string>> = {
  'medical-condition': new Set('to|for|has|have|had|having|got|gets|with|from|diagnosed|disclosed|developed|suffers|suffering|suffered|sustained|sustains|reports|reported|complains|complaining|c/o|battling|caught|wegen|aufgrund|ho|ha|hanno|tengo|tiene|tienen|padece|sufre|souffre|hat|habe|ai|heeft|heb|per|por|pour|com|con|avec|mit|met|kena|karena|terkena|tem|têm|tinha|teve|de|di'.split('|')),
  medication: new Set(
    'on|taking|takes|take|took|started|start|starting|prescribed|given|gave|add|added|adding|to|stop|stopped|stopping|increased|reduced|using|uses|use|needs|need|inject|injects|injecting|has|have|had|of|prende|prendo|prendono|nehme|nimmt|prends|prend|tomo|toma|toman'.split('|'),
  ),
  'medical-procedure': new Set(
    ('had|has|have|having|on|get|got|getting|need|needs|needed|uses|use|using|wears|wear|booked|scheduled|awaiting|after|before|since|post|from|undergo|undergoing|underwent|for|de|per|für|nach|à|' +
      'starts|started|starting|begins|began|finishes|finished|completes|completed|restarts|resumes|following').split('|'),
  ),
};
/** "for" ties only a procedure to a person ("booked for his MRI"), and only with a procedure word that has no everyday sense */
const TIME_LINK = new Set('after|before|since|post|from|for|de|per|für|nach|à'.split('|'));
const HAS = new Set('has|had|have|ha|hanno|tiene|tienen|hat|disclosed|developed|suffers'.split('|'));
/** verbs of reporting, which tie only a specific term to the person before them */
const REPORT_LINK = new Set('reports|reported|complains|complaining|c/o'.split('|'));
const OBJECT = new Set('me|him|her|them|you|us'.split('|'));
const NOT_OWNER = new Set("it's|that's|what's|there's|here's|let's|who's|he's|she's".split('|'));
const BE = new Set("is|was|am|'m|'s|are|were|been|being|became|become|im|est|está|estaba|ist|war|è|é|era|jest|är|er|bin|ben".split('|'));
/** pronouns of languages that put the verb last in a clause ("dat ze zwanger is", "weil sie schwanger ist") */
const VERB_LAST_SUBJECT = new Set('ze|zij|hij|sie|er|ich|ik'.split('|'));
/** the verb "to be" after the term, in those languages */
const BE_AFTER = /^[ \t]+(?:is|was|ist|war|bin|ben)\b/;
/** condition words said of a person with "is" ("she's pregnant", "I am diabetic") */
const ADJECTIVAL = new Set(
  'diabetic|asthmatic|epileptic|autistic|bipolar|pregnant|lactose intolerant|hiv positive|hiv-positive|hypertensive|coeliac|registered blind|deaf|schwanger|enceinte|embarazada|grávida|incinta|zwanger|gravid|hamile'.split('|'),
);
/** a generic subject before "has": no one in particular ("anyone who has diabetes", "it has a cancer section") */
const GENERIC_SUBJECT = new Set('who|which|that|it|this|there|everyone|everybody|anyone|anybody|someone|somebody|nobody|one|people|patients|adults|children|population|country|city|team|company'.split('|'));
/** a procedure with an appointment said of it is someone's ("l'appuntamento per la risonanza magnetica") */
const APPOINTMENT = /\b(?:appointment|appt|booked|booking|scheduled|rendez-vous|rdv|appuntamento|prenotazione|cita|termin)\b/i;
/** trigger words that are terms themselves */
const TRIGGER_TERMS = new Set(['biopsy', 'allergy', 'allergies']);
/** clinical words inside a term ("nut allergy", "iron tablets"): the term is a clinical word too */
const INNER_TRIGGER = /(?:^| )(?:allergy|allergies|tablets?|therapy|treatment|medication)(?: |$)/;
/** a dose after a medication ("90 mg BD", "50mg"): part of the finding */
const DOSE = /[ \t]?\d+(?:\.\d+)?[ \t]?(?:mg|mcg|µg|micrograms?|g|ml|mL|units?|IU)(?![\p{L}\p{N}])(?:[ \t]+(?:OD|BD|TDS|QDS|ON|PRN|BID|TID|QID|QD|nocte|mane|once daily|twice daily|daily|at night))?/uy;
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’/-]*/gu;

/** Number of values of sorted `xs` in [a, b]. */

export interface Hit { start: number; end: number; detector: HealthCategory; ambiguous: boolean; readonly term: string; readonly dosed?: boolean }

/** Start positions of the matches of global `re` in the ranges of `text`. */
function matchStarts(re: RegExp, text: string, ranges: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  for (const [a, b] of ranges) {
    const s = text.slice(a, b);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      out.push(a + m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out;
}

/** Where the sentence holding `pos` starts (a line break or ". " before it), at most `max` characters back. */
function sentenceStart(text: string, pos: number, max: number): number {
  const lo = Math.max(0, pos - max);
  for (let i = pos - 1; i >= lo; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
    if ((c === 46 || c === 33 || c === 63) && i + 1 < pos && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) return i + 1;
  }
  return lo;
}

/** Words of `s` (typographic apostrophes made straight). */
function words(s: string): string[] {
  const out: string[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(s)) !== null) out.push(m[0].replace(/’/g, "'"));
  return out;
}

const isWordChar = (c: number): boolean =>
  c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /[\p{L}\p{N}]/u.test(String.fromCharCode(c));

/** where the word nextWord returned ends */
let nextWordEnd = 0;
/** The first word after `end` (lower case), or ''. */
function nextWord(text: string, end: number): string {
  let i = end;
  // "Alzheimer's Society", "Parkinson’s law"
  if ((text[i] === "'" || text[i] === '’') && (text[i + 1] === 's' || text[i + 1] === 'S')) i += 2;
  const from = i;
  while (i < text.length && i < from + 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === from) return '';
  let j = i;
  while (j < text.length && j < i + 20 && (isWordChar(text.charCodeAt(j)) || (text.charCodeAt(j) === 45 && isWordChar(text.charCodeAt(j + 1))))) j++;
  nextWordEnd = j;
  return text.slice(i, j).toLowerCase();
}

/**
 * A term said of a person in the sentence before it: a possessive right before ("her hip pain"), or a
 * person and a verb that ties the term to them ("my gp put me on sertraline", "dmitri has a nut allergy",
 * "she's pregnant"), or a procedure with an appointment ("your MRI is booked for Monday").
 */
/** The word that ends before `pos` (not before `from`), as [start, lower-case word], or undefined. */
function wordBefore(text: string, pos: number, from: number): [number, string] | undefined {
  let e = pos;
  while (e > from && !isWordChar(text.charCodeAt(e - 1))) e--;
  if (e === from) return undefined;
  let s = e - 1;
  for (;;) {
    if (s > from && isWordChar(text.charCodeAt(s - 1))) s--;
    else if (s - 1 > from && /['’/-]/.test(text[s - 1]!) && isWordChar(text.charCodeAt(s - 2))) s -= 2;
    else break;
  }
  return [s, text.slice(s, e).toLowerCase().replace(/’/g, "'")];
}

function aboutSomeone(text: string, h: Hit, termEndsNear: (pos: number) => boolean): boolean {
  const from = sentenceStart(text, h.start, 120);
  // quick look at the word before the term and its modifiers: most terms have no link at all
  let w = wordBefore(text, h.start, from);
  // (a number only before another modifier: "16 weeks pregnant", not "72 strokes")
  for (let k = 0; k < 3 && w !== undefined && (MODIFIER.has(w[1]) || (k > 0 && isModifier(w[1]))); k++) w = wordBefore(text, w[0], from);
  // a list of people's needs: "Tom vegan, Sunil vegetarian, Mekdes coeliac", "Tom: coeliac", "Tom (coeliac)", one per
  // line (a capitalised word before it, opening its item, a blank, a colon, a dash or a bracket between)
  // (a person's name, listed or no English word, and the term ending the item: not "Bread coeliac-friendly")
  if (w !== undefined && ADJECTIVAL.has(h.term) && /^\p{Lu}\p{Ll}+$/u.test(text.slice(w[0], w[0] + w[1].length)) &&
    /^[ \t]*(?:[:(\u2013\u2014-][ \t]*)?$/.test(text.slice(w[0] + w[1].length, h.start)) && text.slice(w[0] + w[1].length, h.start).length <= 4 &&
    /(?:^|[,;:\n])[ \t]*$/.test(text.slice(Math.max(0, w[0] - 3), w[0])) && /^[ \t]*(?:[,;.\n)]|$)/.test(text.slice(h.end, h.end + 3)) &&
    (isGivenName(w[1]) || (!nameLists().english.has(w[1]) && listedPersonItemBefore(text, w[0])))) return true;
  const procedure = h.detector === 'medical-procedure' && !h.ambiguous;
  // (or a pronoun right before a word said of a person, as the verb comes last in Dutch and German: "dat ze zwanger is")
  if (!procedure && (w === undefined || !(POSSESSIVE.has(w[1]) || LINKS[h.detector].has(w[1]) || BE.has(w[1]) || w[1].endsWith("'s") || w[1].endsWith("'m") ||
    (ADJECTIVAL.has(h.term) && VERB_LAST_SUBJECT.has(w[1]))))) return false;
  const orig = words(text.slice(from, h.start));
  const ws = orig.map((w) => w.toLowerCase());
  let i = ws.length;
  let skipped = 0;
  while (i > 0 && skipped < 3 && (MODIFIER.has(ws[i - 1]!) || (skipped > 0 && isModifier(ws[i - 1]!)))) {
    i--;
    skipped++;
  }
  if (i === 0) return h.detector === 'medical-procedure' && !h.ambiguous && APPOINTMENT.test(text.slice(from, Math.min(text.length, h.end + 80)));
  const link = ws[i - 1]!;
  // "their operation", "your stroke" are as often a program's or a drawing's
  if (POSSESSIVE.has(link) && !(h.ambiguous && (link === 'their' || link === 'your'))) return true;
  // "Tom's coeliac disease", "my dad's diabetes" (not "it's", "that's")
  if (/^[\p{L}]+'s$/u.test(link) && (SUBJECT.has(link.slice(0, -2)) || (/^\p{Lu}/u.test(orig[i - 1]!) && !NOT_OWNER.has(link)))) return true;
  const before = ws.slice(0, i - 1);
  const hasSubject =
    before.some((w) => SUBJECT.has(w) || POSSESSIVE.has(w) || (w.endsWith("'s") && SUBJECT.has(w.slice(0, -2)))) ||
    // a given name right before the verb: "Quick update: Priya starts radiotherapy"
    (i >= 2 && /^\p{Lu}\p{Ll}+$/u.test(orig[i - 2]!) && isGivenName(orig[i - 2]!)) ||
    NAME_PAIR.test(text.slice(from, h.start)) ||
    namedSubject(orig, ws, i);
  // "switched me to", "put him on": the object between the verb and the link
  let prevWord = before[before.length - 1];
  if (prevWord !== undefined && OBJECT.has(prevWord) && before.length > 1) prevWord = before[before.length - 2];
  const linked =
    LINKS[h.detector].has(link) &&
    // "before an operation executes": a time word ties only a procedure with no everyday sense; a verb of reporting only a
    // specific term ("reported a rash of complaints", "reported a stroke of lightning")
    !(h.ambiguous && (TIME_LINK.has(link) || REPORT_LINK.has(link))) &&
    // "for" ties a procedure, or a condition a treatment is for ("a CPAP machine for sleep apnoea"; not "money for diabetes")
    (link !== 'for' || prevWord === 'positive' || (!h.ambiguous && (h.detector === 'medical-procedure' || termEndsNear(h.start)))) &&
    // "due to" only where someone is off work for it ("not fit for work … due to", not "cancelled due to covid restrictions")
    (link !== 'to' || prevWord === 'allergic' || prevWord === 'switched' || (prevWord === 'due' && h.detector === 'medical-condition' && ABSENCE.test(text.slice(from, h.start)))) &&
    (link !== 'of' || prevWord === 'dose' || prevWord === 'course' || prevWord === 'doses') &&
    (!FOR_OTHER.has(link) || h.detector !== 'medical-condition' || HOSPITALISED.has(prevWord!)) &&
    // "souffre de", "soffre di", "sufre de": "of" only after a verb of suffering
    ((link !== 'de' && link !== 'di') || SUFFERS.has(prevWord!));
  if (linked) {
    if (hasSubject) return true;
    // "Jamie is off work with shingles", "tested positive for covid": said only of someone
    const prev2 = before.length > 1 ? `${before[before.length - 2]} ${prevWord}` : '';
    if (prevWord === 'positive' || prev2 === 'off work' || prev2 === 'off sick' || prev2 === 'signed off' || prev2 === 'home sick') return true;
    // "dmitri has a nut allergy", "Rosa had a knee arthroscopy": had by someone named, not by "anyone who"
    if (h.detector !== 'medication' && !h.ambiguous && HAS.has(link) && before.length > 0 && !GENERIC_SUBJECT.has(prevWord!)) return true;
  }
  if (ADJECTIVAL.has(h.term) && BE.has(link.replace(/^(?:i|he|she|it)(?=')/, '')) && (hasSubject || SUBJECT.has(link))) return true;
  if (ADJECTIVAL.has(h.term) && VERB_LAST_SUBJECT.has(link) && BE_AFTER.test(text.slice(h.end, h.end + 8))) return true;
  if (h.detector === 'medical-procedure' && !h.ambiguous && APPOINTMENT.test(text.slice(from, Math.min(text.length, h.end + 80)))) return true;
  return false;
}

/** a sentence (or a field after a colon, or a note: "Please note Marco is") starting with a capitalised word and a verb: "Ravi is recovering from", "Jenna was signed off with"; group 1 must be a given name */
const NAMED_START = /(?:^|[.!?:\n][ \t]*|\b(?:[Nn]ote|[Nn]oted|FYI|[Ff]yi|[Uu]pdate|[Rr]eminder|[Hh]eads[- ]up|know|that)[ \t]+)(\p{Lu}\p{Ll}+)[ \t]+(?:is|was|has|had|has been|had been|will be|remains|got)\b/u;
const namedStart = (before: string): boolean => {
  const m = NAMED_START.exec(before);
  if (m === null) return false;
  const lower = m[1]!.toLowerCase(), lists = nameLists();
  return isGivenName(lower) || lists.all.has(lower) || lists.rareGiven.has(lower);
};
/** a record's reason field right before a term, and the absence it is the reason for */
/** a health field's label at its line's start, then a colon and at most three words (modifiers) before the term */
const FIELD_BEFORE = /(?:^|\n)[ \t]*(?:diagnosis|diagnoses|primary diagnosis|condition|conditions|medical condition|medication|medications|current medication|medicines|allergies|allergy|procedure|operation|surgery|injury|injuries|nature of injury|diagnóstico|diagnostic|diagnose|diagnosi|diagnoza|tanı|teşhis|maladie|krankheit|erkrankung)[ \t]*:[ \t]*(?:[\p{L}\d'-]+[ \t]+){0,3}$/iu;
/** the same for a diagnosis only */
const DIAGNOSIS_BEFORE = /(?:^|\n)[ \t]*(?:diagnosis|diagnoses|primary diagnosis|diagnóstico|diagnostic|diagnose|diagnosi|diagnoza|tanı|teşhis)[ \t]*:[ \t]*(?:[\p{L}\d'-]+[ \t]+){0,3}$/iu;
const REASON_LABEL = /(?:reason|cause|diagnosis|condition)[ \t]*[:=-][ \t]*$/i;
const ABSENCE = /\b(?:absence|absent|sick(?:ness)?|off work|time off|leave|fit note|sick note|not fit for work)\b/i;
/** a duration and a separator right before the term: "3 days, ", "12 d: ", "2 weeks – " */
const DAYS_REASON = /\b\d{1,3}(?:[.,]\d)?[ \t]*(?:days?|d|weeks?|wks?|hours?|hrs?)[ \t]*[,:;–—-][ \t]*$/i;
/** off sick, and the reason in brackets or after "with": "out sick (", "off sick with ", "home sick – " */
/** a line that says someone is ill or away before a bracket: "she's off today though (migraine …", "Dariusz is sick today, his back again (sciatica)" */
const SICK_LINE = /\b(?:sick|ill|unwell|poorly|off today|off work|absent|in hospital|hospitali[sz]ed|krank|malade|enfermo|enferma|doente|malato|malata|ziek|syk|sjuk|chory|chora|nemocn\p{L}*|hasta|болен|больна|хворий|хвора)\b[^\n()]{0,100}\([ \t]*$/iu;
const SICK_BEFORE = /\b(?:(?:out|off|home|signed off)[ \t]+sick|(?:is|was|'s|be)[ \t]+(?:off|out)(?:[ \t]+(?:today|again|this week|until \w+))?)[ \t]*(?:\(|with[ \t]+|[:–—-][ \t]*)$/i;
/** a verb right after a person's name: the sentence says something of them ("Ravi is recovering from", "Jenna is", "Sarah has been") */
const AUX = new Set("is|was|has|had|will|would|has been|had been|'s|remains|stays|became|got|gets|went|needs|needed".split('|'));
/**
 * A person named by a given name at the start of the `n` words before the term (its link included),
 * with a verb right after it: "Jenna is pregnant", "Ravi is recovering from a stroke".
 */
function namedSubject(orig: readonly string[], ws: readonly string[], n: number): boolean {
  if (n < 2) return false;
  const w = orig[0]!;
  return /^\p{Lu}\p{Ll}+$/u.test(w) && AUX.has(ws[1]!) && isGivenName(w);
}

/**
 * Health data: a condition, medication or procedure (data/health-vocabulary.ts, drug-name stems near a
 * clinical word) reported
 * - in a clinical context: a clinical word (patient, diagnosed, mg, prescribed...) within 300 characters
 *   plus a second health term or a second clinical word, unless the text reads as news, research or
 *   teaching and names no one;
 * - or said of a person: a lay health verb and a person before it ("my dad had a stroke"), a possessive
 *   ("for her hip pain"), a person and a verb that ties the term to them ("my gp put me on sertraline").
 * Never as the name of an organisation, a department or a thing ("Diabetes UK", "the Endoscopy Unit",
 * "cancer cases"), nor in an idiom ("a headache of a project"). ICD-10 codes (WHO chapters) need an
 * ICD/diagnosis word or a term right before them, and a clinical context.
 */
/** a table's column of diagnoses, illnesses, medications or allergies */
const HEALTH_COLUMN =
  /^(?:(?:medical|health)[ _-]?(?:conditions?|notes|history)|diagnos[ie]s|diagnose|diagnosen|dx|illness(?:es)?|diseases?|medications?|allerg(?:y|ies)|krankheit|erkrankung|diagnostic|maladie|pathologie|diagn[óo]stico|enfermedad|padecimiento|diagnosi|malattia|patologia|doença|rozpoznanie|choroba|diagnóza|nemoc|diagnos|sjukdom|tanı|teşhis|hastalık|диагноз|заболевание|διάγνωση|ασθένεια|diagnosa|penyakit|chẩn đoán|bệnh|诊断|診断|病名|傷病名|病因|진단|진단명|병명|التشخيص|المرض|אבחנה|निदान|बीमारी|การวินิจฉัย|โรค)$/iu;
/** a reason or cause column ("Grund lt. Mitarbeiter", "Sick leave reason", "motivo") */
const REASON_COLUMN = /^(?:(?:absence|sickness|sick|sick[ _-]?leave|leave)[ _-]?)?(?:reason|cause|grund|motif|motivo|causa|powód|důvod|orsak|årsak|sebep|neden|причина|αιτία|alasan|lý do|原因|사유|سبب|סיבה|สาเหตุ)(?:$|[ _-])|^abwesenheitsgrund$/iu;
const EMPTY_CELL = /^(?:-+|–|—|n\/?a|none|no|nein|non|keine?|ninguna?|nessuna?|nenhuma?|geen|brak|žádné|ingen|yok|нет|κανένα|tidak ada|không|なし|无|無|없음|لا يوجد|אין|yes|ja|oui|sí|si|sim|tak|ano|evet|да|ναι|ya|có|はい|是|예|نعم|כן)$/i;
/** a column that names the person a row is about, beside the health column: a name (name-fields.ts) or a patient's or an employee's number */
const PERSON_KEY = /^(?:patient|pt|mrn|emp(?:loyee)?[ _-]?(?:id|no|nr|code)|ma[ _-]?nr\.?|personalnummer|staff[ _-]?(?:id|no)|member[ _-]?(?:id|no)|matricule|matr[ií]cula|사번|社員番号|工号|табельный номер|таб\.? ?№)$/iu;

/**
 * The cells of a text's health columns, in a table about people (a column of names or of patients'
 * or employees' numbers beside them), when the vocabulary (terms at `termStarts`, sorted) is in a
 * quarter of a diagnosis column's cells (a third of a reason column's, two at least): then every
 * cell ("Meniskusriss links" beside "Migräne"). Not a car's or a bug's diagnosis, an outage's cause,
 * a crop's disease or a news table's causes of death.
 */
function healthColumns(text: string, starts: readonly number[], termStarts: readonly number[], out: Finding[]): void {
  let column: { key: string; reason: boolean; cells: [number, number][]; withTerm: number } | undefined;
  let peopleLine = -1, people = false;
  const flush = (): void => {
    if (column !== undefined && column.withTerm >= (column.reason ? 2 : 1) && column.withTerm * (column.reason ? 3 : 4) >= column.cells.length) {
      for (const [a, b] of column.cells) out.push({ dataClass: 'health_data', detector: 'medical-condition', start: a, end: b, confidence: 0.8 });
    }
    column = undefined;
  };
  forEachColumnCell(
    text,
    starts,
    (header) => {
      const label = header.label.trim();
      const reason = REASON_COLUMN.test(label);
      if (!reason && !HEALTH_COLUMN.test(label)) return false;
      // (a header line's columns are asked about one by one: whether it names people is read once per line)
      if (peopleLine !== header.lineEnd) {
        peopleLine = header.lineEnd;
        people = aboutPeople(header.labels);
      }
      if (!people) return false;
      flush();
      column = { key: `${header.lineEnd}:${header.column}`, reason, cells: [], withTerm: 0 };
      return true;
    },
    (a, b, header) => {
      const v = text.slice(a, b);
      // (a cell of words, not an id, a date or a yes or no)
      if (column === undefined || column.key !== `${header.lineEnd}:${header.column}` || EMPTY_CELL.test(v) || !/\p{L}{3}/u.test(v)) return;
      column.cells.push([a, b]);
      const k = lowerBound(termStarts, a);
      if (k < termStarts.length && termStarts[k]! < b) column.withTerm++;
    },
  );
  flush();
}

/** A header's labels name the person of each row (an SQL column list's first label holds its `INSERT INTO t (`). */
function aboutPeople(labels: readonly string[]): boolean {
  return labels.some((l) => {
    const label = l.replace(/^insert\s+into\s+\S+\s*\(/i, '').replace(/^[`"[]+|[`"\]]+$/g, '');
    return nameField(label) !== undefined || PERSON_KEY.test(label);
  });
}

export const healthDetector: Detector = {
  entries: [
    { id: 'medical-condition', dataClass: 'health_data', description: 'Diagnoses and conditions in a clinical context or said of a person' },
    { id: 'medication', dataClass: 'health_data', description: 'Medications in a clinical context or said of a person' },
    { id: 'medical-procedure', dataClass: 'health_data', description: 'Procedures, tests and medical devices in a clinical context or said of a person' },
    { id: 'icd-10-code', dataClass: 'health_data', description: 'ICD-10 codes (format, WHO chapter + context)' },
  ],
  detect({ text, keywords }, out) {
    const first = out.length;
    const hasLay = keywords.has('lay');
    // the vocabulary of the other languages, in a text that is not in English (health-terms-intl.ts)
    const intl = englishText(text) ? undefined : intlHealthTerms(text);
    const hasTerms = keywords.has('healthterm') || (intl !== undefined && intl.length > 0);
    const columns = keywords.hits('healthcolumn').starts;
    // (a diagnosis's word alone may head an ICD-10 code: "Diagnosi di dimissione: … (J44.1)")
    const diagnosis = keywords.has('diagnosis');
    const fields = diagnosis || keywords.has('treatment') || keywords.has('medicationlabel');
    const dosed = dosedWords(text);
    if (!keywords.has('health') && !hasLay && !hasTerms && !fields && dosed.length === 0) return;
    const hits: Hit[] = [];
    let innerTriggers: number[] | undefined;
    if (intl !== undefined) {
      for (const t of intl) {
        const cb = t.start > 0 ? text.charCodeAt(t.start - 1) : 32, ca = t.end < text.length ? text.charCodeAt(t.end) : 32;
        if (cb === 95 || ca === 95 || cb === 47 || ca === 47 || cb === 46 || cb === 35) continue;
        hits.push({ start: t.start, end: t.end, detector: t.info.category, ambiguous: t.info.ambiguous, term: t.term });
      }
    }
    if (hasTerms) {
      const th = keywords.hits('healthterm');
      for (let i = 0; i < th.starts.length; i++) {
        const s = th.starts[i]!, e = th.ends[i]!;
        const w = text.slice(s, e);
        const term = w.toLowerCase();
        const info = HEALTH_TERMS.get(term);
        if (info === undefined || (info.upper && w !== w.toUpperCase())) continue;
        // part of an identifier or a path (AF_INET, stroke_width, /covid/)
        const cb = s > 0 ? text.charCodeAt(s - 1) : 32, ca = e < text.length ? text.charCodeAt(e) : 32;
        if (cb === 95 || ca === 95 || cb === 47 || ca === 47 || cb === 46 || cb === 35 || (ca === 46 && /[a-z]/i.test(text[e + 1] ?? ''))) continue;
        hits.push({ start: s, end: e, detector: info.category, ambiguous: info.ambiguous, term });
        if (INNER_TRIGGER.test(term)) (innerTriggers ??= []).push(s);
      }
    }
    const { starts, ends } = keywords.hits('health');
    for (let i = 0; i < starts.length; i++) {
      const term = text.slice(starts[i]!, ends[i]!).toLowerCase();
      if (TRIGGER_TERMS.has(term)) hits.push({ start: starts[i]!, end: ends[i]!, detector: term === 'biopsy' ? 'medical-procedure' : 'medical-condition', ambiguous: false, term });
    }
    // drug-name stems only within WINDOW of a clinical word, or just after a lay health verb: windows merged, each scanned once
    const wins: [number, number][] = [];
    for (let i = 0; i < starts.length; i++) wins.push([Math.max(0, starts[i]! - WINDOW), ends[i]! + WINDOW]);
    if (hasLay) {
      const lay = keywords.hits('lay');
      for (let i = 0; i < lay.starts.length; i++) wins.push([lay.starts[i]!, lay.ends[i]! + 60]);
      wins.sort((a, b) => a[0] - b[0]);
    }
    const termStarts = hits.map((h) => h.start).sort((a, b) => a - b);
    let m: RegExpExecArray | null;
    let lastEnd = -1;
    for (let i = 0; i < wins.length; ) {
      const ws = Math.max(wins[i]![0], lastEnd);
      let we = wins[i]![1];
      i++;
      while (i < wins.length && wins[i]![0] <= we) we = Math.max(we, wins[i++]![1]);
      we = Math.min(text.length, we);
      lastEnd = we;
      if (we <= ws) continue;
      const win = text.slice(ws, we);
      STEM_RE.lastIndex = 0;
      while ((m = STEM_RE.exec(win)) !== null) {
        const s = ws + m.index;
        if (countInRange(termStarts, s, s) > 0) continue; // in the vocabulary already
        hits.push({ start: s, end: s + m[0].length, detector: 'medication', ambiguous: false, term: m[0].toLowerCase() });
      }
    }
    if (dosed.length > 0) {
      // (a term of the vocabularies there already is the hit: compared by start, one set for all, not each with every hit)
      const taken = new Set(hits.map((x) => x.start));
      for (const h of dosed) if (!taken.has(h.start)) hits.push(h);
    }
    if (hits.length === 0 && !keywords.has('health') && !fields) return;
    hits.sort((a, b) => a.start - b.start);
    const hitStarts = hits.map((h) => h.start);
    if (columns.length > 0) healthColumns(text, columns, hitStarts, out);
    const specificStarts = hits.filter((h) => !h.ambiguous).map((h) => h.start);
    let triggers: readonly number[] = starts;
    if (innerTriggers !== undefined) triggers = [...starts, ...innerTriggers].sort((a, b) => a - b);
    const countTriggers = (a: number, b: number): number => countInRange(triggers, a, b);
    // where news/teaching words, people and "anyone who" are, found once over the text around the terms
    const ranges: [number, number][] = [];
    for (const h of hits) {
      const a = Math.max(0, h.start - WINDOW), b = Math.min(text.length, h.end + WINDOW);
      if (ranges.length > 0 && a <= ranges[ranges.length - 1]![1]) ranges[ranges.length - 1]![1] = Math.max(ranges[ranges.length - 1]![1], b);
      else ranges.push([a, b]);
    }
    const generalAt = matchStarts(GENERAL, text, ranges);
    const subjectAt = matchStarts(SUBJECT_NEAR, text, ranges);
    if (intl !== undefined) {
      for (const at of matchStarts(SUBJECT_EXTRA, text, ranges)) subjectAt.splice(lowerBound(subjectAt, at), 0, at);
    }
    const anyoneAt = matchStarts(ANYONE, text, ranges);
    const ifYouAt = matchStarts(IF_YOU, text, ranges);
    let dearSomeone: boolean | undefined;
    const generalNear = (a: number, b: number): boolean => countInRange(generalAt, a, b) > 0;
    /** a news or teaching text that names no one near [a, b) (one stray pronoun where three of its words are: "angiotensin I to II" in lecture notes) */
    const general = (a: number, b: number): boolean => {
      if (!generalNear(a - 200, b + 200)) return false;
      const subjects = countInRange(subjectAt, a - WINDOW, b + WINDOW);
      return subjects === 0 || (subjects === 1 && countInRange(generalAt, a - WINDOW, b + WINDOW) >= 3);
    };
    /** another term ends shortly before `pos` ("a CPAP machine for ...") */
    const termEndsNear = (pos: number): boolean => {
      for (let k = lowerBound(hitStarts, pos) - 1; k >= 0 && hits[k]!.start >= pos - 60; k--) if (hits[k]!.end <= pos && pos - hits[k]!.end <= 25) return true;
      return false;
    };
    /** the sentence of [a, b) speaks of anyone */
    const anyone = (a: number, b: number): boolean => {
      let e = b;
      for (let c = text.charCodeAt(e); e < text.length && e < b + 150 && c !== 46 && c !== 33 && c !== 63 && c !== 10; c = text.charCodeAt(++e));
      const from = sentenceStart(text, a, 150);
      if (countInRange(anyoneAt, from, e - 1) > 0) return true;
      return countInRange(ifYouAt, from, e - 1) > 0 && !(dearSomeone ??= DEAR_SOMEONE.test(text));
    };
    const reported: boolean[] = new Array<boolean>(hits.length).fill(false);
    let last: Finding | undefined;
    /** end of the last term said of a person */
    let personEnd = -1;
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i]!;
      // the name of an organisation, a department or a thing, unless it is someone's ("my diabetes clinic")
      const after = nextWord(text, h.end);
      if (after !== '' && NOUN_AFTER.has(after)) {
        const prev = words(text.slice(Math.max(0, h.start - 12), h.start)).pop()?.toLowerCase();
        if (prev === undefined || !POSSESSIVE.has(prev)) continue;
      }
      // (an idiom only of an everyday word: "a stroke of luck"; not "osteoarthritis of the right hip")
      if ((h.ambiguous && IDIOM_AFTER.test(text.slice(h.end, h.end + 12))) || anyone(h.start, h.end)) continue;
      if (/^steroids?$/i.test(h.term) && ON_STEROIDS.test(text.slice(Math.max(0, h.start - 30), h.start))) continue;
      // "an ADHD assessment", "her diabetes review": a procedure about the condition
      if (h.detector === 'medical-condition' && after !== '' && PROCEDURE_AFTER.has(after)) {
        h.detector = 'medical-procedure';
        h.ambiguous = false;
        h.end = nextWordEnd;
      }
      const a = h.start - WINDOW, b = h.end + WINDOW;
      const nTriggers = countTriggers(a, b);
      // an everyday word (operation, fever) needs a specific term near it, not just another everyday word
      const others = h.ambiguous ? countInRange(specificStarts, a, b) : countInRange(hitStarts, a, b) - 1;
      let confidence = 0;
      if (nTriggers > 0 && (others > 0 || (nTriggers >= 2 && !h.ambiguous)) && !general(h.start, h.end)) confidence = others > 0 && nTriggers > 1 ? 0.92 : 0.85;
      // a word of a drug's shape and its dose in milligrams, in any language ("dimetilfumarato 240 mg", "δικλοφενάκη 75 mg"), not in teaching or news
      else if (h.dosed === true && !generalNear(h.start - 200, h.end + 100)) confidence = 0.8;
      else if (hasLay && keywords.near('lay', h.start, h.end, 30, 0)) {
        // lay language: a lay health verb shortly before, and a person it is about ("my dad had a stroke")
        const before = text.slice(Math.max(0, h.start - 90), h.start);
        if ((PERSONAL.test(before) || NAME_PAIR.test(before) || namedStart(before)) && !generalNear(h.start - 200, h.end + 60)) confidence = others > 0 ? 0.85 : 0.75;
      }
      // an absence record's reason ("Employee absence: 5 days, reason: gastroenteritis"): said of the employee
      if (confidence === 0 && !h.ambiguous && REASON_LABEL.test(text.slice(Math.max(0, h.start - 12), h.start)) && ABSENCE.test(text.slice(Math.max(0, h.start - 160), h.start))) confidence = 0.8;
      // a record's or a form's field: "Diagnosis: primary osteoarthritis", "DIAGNOSIS: FRACTURE OF TIBIAL SHAFT", "Allergies: penicillin"
      // (an everyday word only after a diagnosis's label: "Condition: hairline fracture at the base", "Operation: 4 stroke" are no one's)
      if (confidence === 0 && (h.ambiguous ? DIAGNOSIS_BEFORE : FIELD_BEFORE).test(text.slice(Math.max(0, h.start - 48), h.start)) && !generalNear(h.start - 200, h.end + 100)) confidence = 0.8;
      // or an entry of an absence log ("- Dev Patel-Iyer: 3 days, migraine" under "Absence log") and a note of
      // someone off sick ("Dewi out sick (dengue)")
      if (confidence === 0 && !h.ambiguous && ((DAYS_REASON.test(text.slice(Math.max(0, h.start - 24), h.start)) && ABSENCE.test(text.slice(Math.max(0, h.start - 600), h.start))) ||
        SICK_BEFORE.test(text.slice(Math.max(0, h.start - 24), h.start)))) confidence = 0.8;
      // a specific term in brackets after a line that says someone is ill or away ("she's off today though (migraine again)")
      if (confidence === 0 && !h.ambiguous && SICK_LINE.test(text.slice(Math.max(0, h.start - 140), h.start)) && !generalNear(h.start - 200, h.end + 100)) confidence = 0.75;
      // the same sentence goes on listing ("she injects Tresiba every morning and Fiasp with meals")
      if (confidence === 0 && !h.ambiguous && personEnd >= 0 && h.start - personEnd <= 80 && sentenceStart(text, h.start, h.start - personEnd) <= personEnd) confidence = 0.75;
      // (one news or teaching word near it does not outweigh two people or more: "82% of quota" in review notes that say "she has endometriosis")
      if (confidence === 0 && aboutSomeone(text, h, termEndsNear) && (!generalNear(h.start - 200, h.end + 100) ||
        (countInRange(generalAt, h.start - 200, h.end + 100) === 1 && countInRange(subjectAt, h.start - WINDOW, h.end + WINDOW) >= 2))) confidence = others > 0 ? 0.85 : 0.75;
      // in a text of another language, whose verbs the rules above do not know: a specific term with a pronoun, a relative or a
      // form of address near it ("lekarz rozpoznał u mnie zapalenie płuc", "han har epilepsi"), no news or teaching around
      if (confidence === 0 && intl !== undefined && !h.ambiguous && (countInRange(subjectAt, h.start - 150, h.end + 150) > 0 || SUBJECT_UNSPACED.test(text.slice(Math.max(0, h.start - 150), h.end + 150))) && !general(h.start, h.end) &&
        !generalNear(h.start - 200, h.end + 100)) confidence = 0.7;
      if (confidence === 0) continue;
      let end = h.end;
      if (h.detector === 'medication') {
        DOSE.lastIndex = end;
        if (DOSE.exec(text) !== null) end = DOSE.lastIndex;
      }
      reported[i] = true;
      personEnd = h.end;
      // one finding for adjacent terms ("Moviprep bowel preparation")
      if (last !== undefined && h.start >= last.end && h.start - last.end <= 1 && /^\s?$/.test(text.slice(last.end, h.start))) {
        last.end = Math.max(last.end, end);
        last.confidence = Math.max(last.confidence, confidence);
        continue;
      }
      last = { dataClass: 'health_data', detector: h.detector, start: h.start, end, confidence };
      out.push(last);
    }
    // a diagnosis's word in the 200 characters before (not the English verb or adjective in small letters: "could not diagnose the fault")
    const dx = keywords.hits('diagnosis');
    const diagnosisBefore = (at: number): boolean => {
      for (let k = lowerBound(dx.starts, at) - 1; k >= 0 && dx.starts[k]! >= at - 200; k--) if (!/^diagnos(?:e|tics?)$/.test(text.slice(dx.starts[k]!, dx.ends[k]!))) return true;
      return false;
    };
    const clinicalText = hits.length > 0 || keywords.has('health');
    const labelStarts = starts.filter((s, k) => /^(?:dx|diagnos[ie]s)$/i.test(text.slice(s, ends[k])));
    const icd = ICD_RE;
    icd.lastIndex = 0;
    while ((m = icd.exec(text)) !== null) {
      if (!inIcd10Chapter(m[0])) continue;
      const end = m.index + m[0].length;
      const before = text.slice(Math.max(0, m.index - 40), m.index).toLowerCase();
      const icdWord = /icd|diagnos|dx|code/.test(before);
      const clinical = countTriggers(m.index - WINDOW, end + WINDOW) + countInRange(hitStarts, m.index - WINDOW, end + WINDOW);
      // (a diagnosis's word is no clinical context of its own before a code unless it says ICD: a technician's
      // "Dx: bad cable (C13)", a washer's "Error code E11 …, diagnosis: drain pump")
      // (a dotted code, or one beside a dotted one, is an ICD-10 code's shape enough: "Dx: F41.1, F33.1", "Diagnoses: E11.9; I10")
      const dotted = m[0].includes('.') || /[A-TV-Z]\d[\dAB]\.\d/.test(text.slice(Math.max(0, m.index - 24), end + 24));
      const besidesLabel = before.includes('icd') || dotted ? clinical : clinical - countInRange(labelStarts, m.index - WINDOW, end + WINDOW);
      // (these two in a text with a clinical word or a term, as before a field's word alone let the scan go on)
      if (icdWord && besidesLabel >= 1 && clinicalText && !general(m.index, end)) out.push({ dataClass: 'health_data', detector: 'icd-10-code', start: m.index, end, confidence: 0.9 });
      else if (m[0].includes('.') && clinical >= 3 && clinicalText) out.push({ dataClass: 'health_data', detector: 'icd-10-code', start: m.index, end, confidence: 0.8 });
      // a code set apart (in brackets, dotted, or ending a list's line: "Arterielle Hypertonie, I10") under a diagnosis's word of any language,
      // a term of the vocabularies near ("Diagnosi di dimissione: … (J44.1)", "Uchunguzi: malaria kali (B50.9)"; not an error code, "故障诊断：… (E21)")
      else if ((m[0].includes('.') || (text[m.index - 1] === '(' && text[end] === ')') || /^[ \t]*(?:\r?\n|$)/.test(text.slice(end, end + 3)) && /,[ \t]$/.test(text.slice(m.index - 2, m.index))) &&
        diagnosisBefore(m.index) && countInRange(hitStarts, m.index - 400, end + 400) > 0 && !general(m.index, end)) {
        out.push({ dataClass: 'health_data', detector: 'icd-10-code', start: m.index, end, confidence: 0.85 });
      } else if (text[m.index - 1] === '(' && text[end] === ')') {
        // "hypertension (I10)": in brackets right after a term reported
        const k = lowerBound(hitStarts, m.index) - 1;
        if (k >= 0 && reported[k] && m.index - hits[k]!.end <= 3) out.push({ dataClass: 'health_data', detector: 'icd-10-code', start: m.index, end, confidence: 0.85 });
      }
    }
    if (fields) {
      // (in a clinical text: a term of the vocabularies near; not a machine's "Fault diagnosis: loose connector", a hospital's IT ticket "Diagnosis: memory leak")
      const clinicalNear = (a: number, b: number): boolean => countInRange(hitStarts, a - 400, b + 400) > 0;
      const notClinical = (a: number, b: number): boolean => generalNear(a - 200, b + 200) || !clinicalNear(a, b);
      healthFields(text, dx, 'medical-condition', first, out, notClinical);
      healthFields(text, keywords.hits('treatment'), 'medical-procedure', first, out, notClinical);
      healthFields(text, keywords.hits('medicationlabel'), 'medication', first, out, notClinical);
    }
  },
};
