/**
 * Context rules of the person-name detector (person-name-detector.ts) kept apart from it: the
 * speaker named after a quotation, the recipient line of an address block, unit words after a name.
 */
import { KIN, POSSESSIVES } from './person-name-words';

/**
 * The end of a quotation and a verb of saying right before a word: '"We are glad," says Okafor.',
 * '"Why?" asked Lindqvist' (read on the 24 characters before the word).
 */
const QUOTE_SAYS =
  /(?:[,!?]["”’]|[!?])[ \t]+(?:says|said|adds|added|explains|explained|notes|noted|writes|wrote|recalls|recalled|insists|insisted|continues|continued|asks|asked|replies|replied)[ \t]+$/;
/** what may follow the speaker of a quotation: the sentence's end, or "in", "of", "who"… ("says Okafor in the interview") */
const AFTER_SPEAKER = /^(?:[.,;!?]|[ \t]*(?:\r?\n|$)|[ \t]+(?:in|on|at|of|to|who|when|during|after|before|from)[ \t])/;

/**
 * One capitalised word right after a quotation and a verb of saying is its speaker, whether or not
 * the name lists know it: '"…," says Okafor.', or after an exclamation or a question written without
 * quotation marks: "How lovely! said Okafor to her sister". The word must end the sentence or be
 * followed by a small word ("says Okafor in …", "said Okafor to …"); a word in capitals (an acronym:
 * "says NASA") is not read.
 */
export function quotationSpeaker(text: string, start: number, end: number): boolean {
  if (end - start < 3 || start < 8) return false;
  // the quote mark and the verb: a blank right before the word, a lower-case letter before it
  const p = text.charCodeAt(start - 2);
  if (text.charCodeAt(start - 1) !== 32 || p < 97 || p > 122) return false;
  // not a word in capitals
  const c1 = text.charCodeAt(start + 1);
  if (c1 >= 65 && c1 <= 90) return false;
  // back over the verb's letters: a blank and a closing quote mark (or '!', '?') before it, else no regex
  let q = start - 2;
  while (q > 0 && text.charCodeAt(q) >= 97 && text.charCodeAt(q) <= 122) q--;
  const qm = text.charCodeAt(q - 1);
  if (text.charCodeAt(q) !== 32 || (qm !== 34 && qm !== 0x201d && qm !== 0x2019 && qm !== 33 && qm !== 63)) return false;
  return QUOTE_SAYS.test(text.slice(Math.max(0, start - 24), start)) && AFTER_SPEAKER.test(text.slice(end, end + 10));
}

/**
 * The label of an address block right before a name on its line: "Billing address: Erlendur G.
 * Hafliðason", "Ship to: …", "Deliver to: …" (the words before the colon, nearest first, lower case).
 */
export function addressLabel(w0: string, w1: string): boolean {
  return w0 === 'address' || (w0 === 'to' && (w1 === 'ship' || w1 === 'deliver' || w1 === 'send' || w1 === 'bill' || w1 === 'mail'));
}

/**
 * surname endings that end few place names ("-sson", "-escu", "-ski"; not "-ova", "-ava", "-ev": Geneva, Bratislava, Kishinev;
 * not "-ska": Nebraska, Alaska; "-sky" after a consonant only: Dostoevsky, not whisky, husky, risky)
 */
export const PERSON_ONLY_END = /(?:sson|dottir|ovich|evich|ovic|evic|enko|escu|poulos|opoulou|oglu|shvili|ski|[^aeiouy]sky|skaya|skiy|mann)$/;

/**
 * Firms, studios and places whose names are family names or have a surname ending: quoted as the
 * speaker of a statement ('"…," said Siemens.') or before a work ("the Marvel film") they are no person.
 */
export const FIRM_NAMES = new Set(
  `ericsson kaspersky sikorsky swarovski sobieski siemens philips bayer roche merck disney marvel pixar kellogg kelloggs marriott hilton hyatt
  sainsbury sainsburys schwab bloomberg reuters nordstrom forrester gartner nielsen santander boeing pfizer deloitte accenture mckinsey barclays
  lloyds heineken carlsberg cadbury heinz kraft nestle nestlé bosch porsche ferrari lamborghini dyson miele braun michelin peugeot renault citroen
  citroën toyota honda suzuki yamaha mitsubishi hyundai daimler chrysler chevrolet cadillac walgreens kroger harrods selfridges debenhams tesco
  ikea chanel dior gucci prada armani versace cartier moody moodys fitch gallup ipsos kantar mercer allianz jira yandex aeroflot lukoil gazprom
  hewlett packard kodak xerox gillette colgate hershey wrigley adidas reebok lockheed raytheon northrop grumman airbus bentley pirelli goodyear
  bridgestone dunlop hitachi toshiba fujitsu nikon olympus panasonic samsung nokia novartis sanofi abbott baxter stryker medtronic paramount
  warner wyndham mcdonald mcdonalds starbucks spotify downing geneva bertelsmann`.split(/\s+/),
);

/** words of a delivery site, not of a person, after "Ship to:", "Deliver to:", "Address:" ("Ship to: Warehouse B Dock") */
export const SITE_WORDS = new Set(
  `warehouse warehouses depot dock docks hangar factory kitchen lobby reception mailroom store stores stockroom storeroom office offices site
  yard terminal facility distribution fulfilment fulfillment receiving returns loading storage hq headquarters campus building
  hub centre center entrance basement pallet cargo nursery annex laboratory router server node cluster`.split(/\s+/),
);

/** A flat, suite or room number right after a name on its line ("Mrs. Ana Ruiz Suite 5 …"): the unit word is not part of the name. */
const UNIT_AFTER_NAME = new Set(['suite', 'apt', 'apartment', 'flat', 'unit', 'floor', 'room']);
export function unitWordBeforeNumber(text: string, lower: string, end: number): boolean {
  if (!UNIT_AFTER_NAME.has(lower)) return false;
  let q = end;
  if (text.charCodeAt(q) === 46) q++;
  const b = text.charCodeAt(q), d = text.charCodeAt(q + 1);
  return (b === 32 || b === 9) && d >= 48 && d <= 57;
}

/** "call me", "named her": the verbs before "me", "him", "her" that make the next word what a person is called */
const CALLING = new Set(['call', 'calls', 'called', 'named', 'name']);
/** "my kid", "her husband": a relative or a partner named right after */
/** the word of letters (ASCII or accented) ending at `end` after blanks: [start, end), or start === end when none */
function wordBefore(text: string, end: number): number {
  let r = end;
  while (r > 0 && end - r < 16) {
    const c = text.charCodeAt(r - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xe0 && c <= 0xff)) r--;
    else break;
  }
  return r;
}
/** the end of the blanks before `pos` (the position after the previous non-blank) */
function skipBlanksBack(text: string, pos: number): number {
  let p = pos;
  while (p > 0 && (text.charCodeAt(p - 1) === 32 || text.charCodeAt(p - 1) === 9)) p--;
  return p;
}
/** "lives at 12 Birch Lane", "lives on Birkenhof 3": where someone lives, a number and a street (sticky, after the word) */
const LIVES_ADDRESS = /[ \t]+(?:lives|lived|resides)[ \t]+(?:at|on)[ \t]+(?:\d{1,5}[a-zA-Z]?,?[ \t]+\p{Lu}|(?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,3}\d{1,5}(?![\d\p{L}]))/uy;
/** "is very reliable", "was always kind": described as a person would be (the words right after the name) */
const DESCRIBED = /[ \t]+(?:is|was)[ \t]+(?:a[ \t]+)?(?:very|so|really|always|quite|extremely|such|too|never|incredibly|super|truly)\b/y;
/** a person's pronoun as the object of a verb or a preposition, or starting the next sentence, in what follows the description */
const PERSON_PRONOUN = /\b(?:on|to|with|about|for|trust|ask|love|like|miss)[ \t]+(?:him|her)\b|[.!?][ \t]+(?:He|She)[ \t]/;
/** the description's adjective and a word for a person: "… very kind person", "… so funny guy" */
const PERSON_NOUN = /^[ \t]+\p{Ll}+[ \t]+(?:person|guy|girl|boy|man|woman|lady|gentleman)\b/u;

/**
 * One capitalised word that the name lists do not know, named as a person by the words around it:
 * after "call me" or "named her", after "my kid" or "her husband", before "lives at" and an address,
 * or at a sentence start before "is very reliable" with a pronoun after ("… You can count on him").
 * Ruled out by the character before or after in most cases before any regex runs.
 */
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** "X had given Y his address", "X gave Y her keys": a verb of giving, one capitalised word, a possessive (sticky, after the giver) */
const GAVE_TO = /[ \t]+(?:had[ \t]+|has[ \t]+)?(?:given|gave|handed|lent|loaned|shown|showed|sent|passed)[ \t]+(\p{Lu}[\p{Ll}'’-]{1,30})[ \t]+(?:his|her|their)[ \t]+\p{Ll}/uy;
/** Words grouped by their first letter's code: one of them is looked for at a position with a few startsWith at most. */
function byFirstLetter(ws: string[]): (string[] | undefined)[] {
  const t: (string[] | undefined)[] = [];
  for (const w of ws) (t[w.charCodeAt(0)] ??= []).push(w);
  return t;
}
/** one of the words (grouped by byFirstLetter) starts at `pos` */
function oneOfAt(text: string, pos: number, table: (string[] | undefined)[]): boolean {
  const ws = table[text.charCodeAt(pos)];
  if (ws === undefined) return false;
  for (const w of ws) if (text.startsWith(w, pos)) return true;
  return false;
}
/** the first word GAVE_TO reads, and the blank after it: most words are ruled out without the regex */
const GIVE_WORDS = byFirstLetter(['had ', 'has ', 'given ', 'gave ', 'handed ', 'lent ', 'loaned ', 'shown ', 'showed ', 'sent ', 'passed ']);
/**
 * A giver and a receiver: one capitalised word at a sentence start, a verb of giving, one capitalised
 * word and "his" / "her" / "their" ("Ilse had given Omar his keys back"): both are people whether or
 * not the lists know them. Returns the receiver's [start, end), or undefined.
 */
export function receiverAfterGiver(text: string, s: number, e: number): [number, number] | undefined {
  if (text.charCodeAt(e) !== 32 || !oneOfAt(text, e + 1, GIVE_WORDS)) return undefined;
  const p = skipBlanksBack(text, s);
  const b = p > 0 ? text.charCodeAt(p - 1) : -1;
  if (!(b === -1 || b === 46 || b === 33 || b === 63 || b === 10)) return undefined;
  GAVE_TO.lastIndex = e;
  const m = GAVE_TO.exec(text);
  if (m === null) return undefined;
  const s2 = text.indexOf(m[1]!, e);
  return [s2, s2 + m[1]!.length];
}
/** "said Okafor to Ilse": the speaker after a quotation and a verb of saying, then "to" and one capitalised word (sticky, after the speaker) */
const TO_LISTENER = /[ \t]+to[ \t]+(\p{Lu}[\p{Ll}'’-]{2,30})(?=[.,;!?]|[ \t]*(?:\r?\n|$)|[ \t]+(?:and|as|in|on|at|before|after|while|when)[ \t])/uy;
/**
 * The speaker and the listener after a quotation: '"Fine!" said Okafor to Ilse.' Both words are
 * people whatever the lists say. Returns the listener's [start, end), or undefined.
 */
export function listenerAfterSpeaker(text: string, s: number, e: number): [number, number] | undefined {
  if (text.charCodeAt(e) !== 32 || text.charCodeAt(e + 1) !== 116 || !quotationSpeaker(text, s, e)) return undefined;
  TO_LISTENER.lastIndex = e;
  const m = TO_LISTENER.exec(text);
  if (m === null) return undefined;
  const s2 = e + m[0].length - m[1]!.length;
  return [s2, s2 + m[1]!.length];
}

/** traits said of a person, hardly of a thing, a firm or a place ("impulsive", "stubborn", "jealous") */
const TRAITS = `impulsive|stubborn|jealous|rude|lazy|selfish|arrogant|shy|moody|grumpy|bossy|nosy|nosey|clumsy|naive|gullible|reckless|talkative|polite|
  loyal|caring|thoughtful|considerate|cheerful|witty|charming|humble|modest|impatient|sympathetic|compassionate|greedy|cruel|sarcastic|irritable|
  temperamental|introverted|extroverted|extraverted|outgoing|sociable|naughty|spoilt|spoiled|fussy|vain|conceited|cocky|kind-hearted|kindhearted|
  hardworking|hard-working|brave|cowardly|forgetful|grouchy|bubbly|easygoing|easy-going|hot-tempered|short-tempered|quick-tempered|big-hearted`.replace(/\s+/g, '');
/** a verb, an intensifier and a trait right after a word: "… so impulsive", "… is always so stubborn" (sticky, at the word's end) */
const TRAIT_AFTER = new RegExp(
  `[ \\t]+(?:(?:is|was|seems|seemed|looks|looked|gets|got|became|becomes)[ \\t]+)?(?:(?:always|still|often|sometimes|never)[ \\t]+)?` +
    `(?:so|too|very|really|such[ \\t]+an?|incredibly|extremely|quite|being)[ \\t]+(?:${TRAITS})\\b`,
  'y',
);
/** the first word TRAIT_AFTER reads, and the blank after it: most words are ruled out without the regex */
const TRAIT_FIRST = byFirstLetter(['is ', 'was ', 'seems ', 'seemed ', 'looks ', 'looked ', 'gets ', 'got ', 'became ', 'becomes ', 'always ', 'still ', 'often ',
  'sometimes ', 'never ', 'so ', 'too ', 'very ', 'really ', 'such ', 'incredibly ', 'extremely ', 'quite ', 'being ']);
/**
 * Described by a trait of character right after the word: "Why is Glyceria so impulsive?",
 * "Tavi is always so stubborn". Ruled out by the next letter before the regex runs.
 */
export function describedByTrait(text: string, e: number): boolean {
  if (text.charCodeAt(e) !== 32 || !oneOfAt(text, e + 1, TRAIT_FIRST)) return false;
  TRAIT_AFTER.lastIndex = e;
  return TRAIT_AFTER.test(text);
}

export function unlistedPersonCue(text: string, s: number, e: number): boolean {
  if (e - s < 3) return false;
  const p = skipBlanksBack(text, s);
  const b = p > 0 ? text.charCodeAt(p - 1) : -1;
  // after a lower-case word of 2-13 letters: "call me", "named her"; "my kid", "her husband"
  if (p < s && b >= 97 && b <= 122) {
    const r = wordBefore(text, p);
    if (p - r >= 2 && p - r <= 13 && r > 0 && (text.charCodeAt(r - 1) === 32 || text.charCodeAt(r - 1) === 9)) {
      const w = text.slice(r, p).toLowerCase();
      const q = skipBlanksBack(text, r);
      const r2 = wordBefore(text, q);
      if (q - r2 >= 2 && q - r2 <= 6 && (r2 === 0 || !isAsciiLetter(text.charCodeAt(r2 - 1)))) {
        const w2 = text.slice(r2, q).toLowerCase();
        if ((w === 'me' || w === 'him' || w === 'her') ? CALLING.has(w2) : KIN.has(w) && POSSESSIVES.has(w2)) return true;
      }
    }
  }
  const c = text.charCodeAt(e);
  if (c !== 32) return false;
  if (describedByTrait(text, e)) return true;
  const n = text.charCodeAt(e + 1);
  const sentenceStart = b === -1 || b === 46 || b === 33 || b === 63 || b === 10;
  if (!sentenceStart) return false;
  if (n === 108 || n === 114) {
    LIVES_ADDRESS.lastIndex = e;
    return LIVES_ADDRESS.test(text);
  }
  if (n === 105 || n === 119) {
    DESCRIBED.lastIndex = e;
    if (!DESCRIBED.test(text)) return false;
    // the pronoun in the rest of this sentence or the next one
    const rest = text.slice(DESCRIBED.lastIndex, DESCRIBED.lastIndex + 120);
    return PERSON_NOUN.test(rest) || PERSON_PRONOUN.test(rest);
  }
  return false;
}

/**
 * A name between commas before what a person says or does: "One of my reports, Tariq Mahmood, just
 * told me…", "My landlord, Ana Ruiz, has asked…" (read on the text right after the name).
 */
export const APPOSITIVE_AFTER =
  /^,[ \t]+(?:(?:just|also|then|later|already|recently|finally|has|had|have)[ \t]+)?(?:told|said|asked|mentioned|emailed|called|wrote|texted|messaged|confirmed|admitted|explained|disclosed|informed|shared|let[ \t]+me|came[ \t]+to|reached[ \t]+out|raised|reported|complained)\b/;

/** the words of an Irish or Scottish Gaelic surname's particle, capitalised between a given name and a family name: "Aoife Ní Bhriain", "Síle Nic Giolla" */
export const GAELIC_PARTICLES = new Set(['ní', 'nic', 'uí', 'mhic']);

/** a people noun then "incl." / "including" / "such as" right before a name: "mentored ~6 juniors incl. Faisal and Bea" (read on the 60 characters before) */
const PEOPLE_INCLUDING =
  /\b(?:people|persons|staff|colleagues|juniors|seniors|reports|members|engineers|developers|students|pupils|team|teammates|friends|kids|children|guests|volunteers|interns|hires|candidates|employees|folks|mentees|trainees|coworkers|co-workers|speakers|attendees|participants|clients|customers|patients|tenants|managers|leads|peers|relatives|cousins)\b[^.\n!?]{0,30}?(?:\bincl\.?|\bincluding|\bsuch as|\bnamely)[ \t]+$/i;
/** "… juniors incl. " right before `start` */
export function peopleIncluding(text: string, start: number): boolean {
  const p = text.charCodeAt(start - 2);
  // the word before ends with "." (incl.), "g" (including), "s" (such as), "y" (namely)
  if (p !== 46 && p !== 103 && p !== 115 && p !== 121) return false;
  return PEOPLE_INCLUDING.test(text.slice(Math.max(0, start - 80), start));
}

/** a caller's or writer's introduction before the name: "Hi it's ", "Hello, this is " (with a greeting first; read on the 40 characters before) */
const INTRO_BEFORE = /(?:^|[\s"“'‘(])(?:hi|hey|hello|hiya|morning|afternoon|evening|g'day|g’day|good[ \t]+(?:morning|afternoon|evening))[ \t]*[,!.]?[ \t]+(?:it's|it’s|it[ \t]+is|this[ \t]+is)[ \t]+$/i;
/** what follows a name introducing its bearer: " from Acme", ", from Acme", " here from Acme", " calling from" */
const INTRO_AFTER = /^(?:[ \t]*,)?[ \t]+(?:here[ \t]*,?[ \t]+)?(?:from|calling[ \t]+from|with|at)[ \t]+\p{Lu}/u;
/** "X here from Acme" after a greeting, a comma, a quote mark or at a sentence start */
const HERE_FROM = /^[ \t]+here(?:[ \t]*,)?[ \t]+(?:from|at|with)[ \t]+\p{Lu}/u;

/**
 * A person introducing themselves on the phone or in a message: "Hi it's Gareth from Pennine
 * Glazing", "Hello, this is Ines with Acme", "G'day, Shane here from Coastline Plumbing".
 * The caller rules out everyday, stop and firm words.
 */
export function selfIntroduced(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(e);
  if (c !== 32 && c !== 44) return false;
  // (most words are ruled out here, without a copy: no " here" after, no "is" / "it's" before)
  if (c === 32 && text.charCodeAt(e + 1) === 104 && HERE_FROM.test(text.slice(e, e + 40))) {
    let i = s;
    while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
    const p = i === 0 ? 10 : text.charCodeAt(i - 1);
    return p === 10 || p === 44 || p === 46 || p === 33 || p === 34 || p === 0x201c || p === 39 || p === 0x2018;
  }
  let b = s;
  while (b > 0 && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
  if (text.charCodeAt(b - 1) !== 115) return false;
  return INTRO_AFTER.test(text.slice(e, e + 40)) && INTRO_BEFORE.test(text.slice(Math.max(0, s - 40), s));
}
