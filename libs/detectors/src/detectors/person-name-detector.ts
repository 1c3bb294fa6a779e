import { BloomFilter } from '../bloom';
import { ALL_NAMES, ALL_NAMES_K, COMMON_WORD_NAMES, GIVEN_NAMES, GIVEN_NAMES_K, PLACE_NAMES } from '../data/names';
import type { Detector } from '../detector';
import type { Finding } from '../finding';
import { nameFields } from './name-fields';
import { FIRM_NAMES, PERSON_ONLY_END, SITE_WORDS, addressLabel, quotationSpeaker, unitWordBeforeNumber } from './person-name-cues';

/**
 * Person names: capitalised word sequences scored by name lists (given and family names of many
 * nationalities, see data/names.ts) and context: salutations (Dear, Hi, Hola...), honorifics (Mr,
 * Ms, Dr...), name fields (Name:, Employee:, Attendees:...), signatures (the line after "Best
 * regards,"), "my name is", a verb right after (told, said, is...), a possessive, and an e-mail
 * address nearby whose local part spells the name. Organisation, place and street words, a
 * preceding article ("the Washington Post") and a house number after ("Via Verdi 21") count against.
 */

let lists: { given: BloomFilter; all: BloomFilter; common: Set<string>; places: Set<string> } | undefined;
function names(): NonNullable<typeof lists> {
  lists ??= {
    given: BloomFilter.fromBase64(GIVEN_NAMES, GIVEN_NAMES_K),
    all: BloomFilter.fromBase64(ALL_NAMES, ALL_NAMES_K),
    common: new Set(COMMON_WORD_NAMES.split(' ')),
    places: new Set(PLACE_NAMES.split('|')),
  };
  return lists;
}

/** A place's key in PLACE_NAMES (scripts/build-name-data.mjs makes them the same way): no accents, lower case, one blank between words. */
function placeKey(s: string): string {
  const f = fold(s, s.toLowerCase());
  return singleBlanks(f) ? f : f.replace(/[\s\u002d\u2010-\u2015]+/g, ' ');
}
/**
 * True when `s` (ASCII) has no dash, no white space but ' ' and no two blanks side by side: the
 * replace in placeKey would give it back unchanged (a run's words are mostly one blank apart). Any
 * non-ASCII character is left to the replace. Saves the global replace on most runs (~0.5 µs each).
 */
function singleBlanks(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? s.charCodeAt(i + 1) === 32 : c === 45 || c >= 128 || (c >= 9 && c <= 13)) return false;
  }
  return true;
}

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));
/** Capitalised words that are never (part of) a person's name in running text. */
const STOP = words(`
  the a an this that these those there here his her their our my your its we you they he she it i me us them
  i'm i’m i'll i’ll i've i’ve i'd i’d it's it’s that's that’s what's what’s let's let’s he's he’s she's she’s
  please thanks thank hello hi hey dear hiya hola bonjour hallo ciao ola olá regards best kind warm sincerely cheers saludos cordialement obrigado gracias grazie danke merci
  mr mrs ms miss mx dr prof sir madam herr frau mme mlle sr sra srta dame lord lady
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
  today tomorrow yesterday morning afternoon evening night week month year quarter
  name names employee manager patient tenant customer client contact from to cc bcc subject attendees date time re fw fwd note notes summary
  team office department company corp inc ltd llc gmbh ag plc co group bank university college school hospital clinic foundation institute
  street road avenue lane drive way place square via calle rue avenida strasse straße platz weg rua viale piazza boulevard
  new north south east west central general united national international global royal
  ok yes no not and or but if when then so also just only all any some each every other
  america american europe european asia africa australia canada china india japan germany france spain italy brazil mexico russia london paris berlin madrid rome tokyo york
  washington chicago boston dublin amsterdam stockholm milano milan munich münchen lyon bruxelles brussels toronto sydney melbourne
  ceo cfo cto vp hr it qa ui ux api id pdf faq
  san santa santo são sao saint st port fort mount mt lake cape isla porto puerto villa ciudad
`);
/** Last words of firm names (beyond STOP's company words): a run with one is a firm, not a person. */
const ORG_WORDS = words('enterprises industries traders solutions ventures studios holdings partners associates technologies systems consulting logistics labs');
/** Firms named after people, common in business text. */
const ORG_NAMES = new Set(
  `morgan stanley|goldman sachs|wells fargo|charles schwab|merrill lynch|lehman brothers|john lewis|marks spencer|ernst young|jones lang|baker mckenzie|allen overy|dolce gabbana|louis vuitton|calvin klein|ralph lauren|tommy hilfiger|hugo boss|johnson johnson|procter gamble|warner bros|walt disney|tim hortons|robert half|harvey nichols|charles river|john deere|jack daniels|ronald mcdonald|monte carlo|johns hopkins|estee lauder|christian dior|giorgio armani|kate spade|michael kors|ted baker|paul smith|georgia pacific|thomson reuters|dow jones|edward jones|raymond james|jones day|sherwin williams|ben jerry|mercedes benz|rolls royce|harley davidson|aston martin|johnson controls|marriott international`.split('|'),
);
/** The first words of ORG_NAMES: the two-word key is built only after one of them. */
const ORG_FIRST = new Set([...ORG_NAMES].map((o) => o.slice(0, o.indexOf(' '))));
/** Words after a name that make it an organisation or a place. */
const ORG_AFTER = /^[ \t]+(?:Inc|Ltd|LLC|GmbH|AG|SA|S\.A|plc|PLC|Corp|Corporation|Company|Co|Group|Bank|University|College|School|Hospital|Clinic|Foundation|Institute|Partners|Associates|Holdings|Technologies|Systems|Consulting|Logistics|Labs|Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|Square|Park|Hall|House|Centre|Center|Airport|Station|Post|Times|Motors?)\b/;
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'le', 'la', 'bin', 'binti', 'al', 'el', 'ten', 'ter', 'zu', 'y', 'e', 'mac', 'ap']);

/** bit 1 letter, 2 upper case, 4 lower case; 0 = not classified yet (non-ASCII, classified on first sight) */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) CLASS[c] = c >= 65 && c <= 90 ? 3 | 8 : c >= 97 && c <= 122 ? 5 | 8 : 8;
function classOf(c: number): number {
  let k = CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = 8 | (/\p{L}/u.test(ch) ? 1 : 0) | (ch !== ch.toLowerCase() ? 2 : 0) | (ch !== ch.toUpperCase() ? 4 : 0);
    CLASS[c] = k;
  }
  return k;
}
const isUpper = (c: number): boolean => (c < 128 ? c >= 65 && c <= 90 : (classOf(c) & 2) !== 0);
const isLower = (c: number): boolean => (c < 128 ? c >= 97 && c <= 122 : (classOf(c) & 4) !== 0);
/** characters that glue a word to an identifier, a path, an address or a number */
const isGlue = (c: number): boolean =>
  (c >= 48 && c <= 57) || c === 95 || c === 64 || c === 46 || c === 47 || c === 92 || c === 35 || c === 36 || c === 45 || c === 61 || c === 60 || c === 62;

/**
 * A capital followed by a small letter or an apostrophe: where a capitalised word may start (verified
 * below). The lookahead keeps the match one character long; irregexp's scan for the first class is
 * faster than a char-code loop in JavaScript (measured: ~2 vs ~4 ms per MB of prose).
 */
const CAP_START = /[A-Z\u00C0-\u024F\u0370-\u052F](?=[a-z'’\u00DF-\u024F\u0370-\u052F])/g;
/** The first capitalised-word start at or after `from`, or -1. */
function nextCapStart(text: string, from: number): number {
  CAP_START.lastIndex = from;
  // test, not exec: no match array per capital; the match is one code unit, so it starts at lastIndex - 1
  return CAP_START.test(text) ? CAP_START.lastIndex - 1 : -1;
}

/** End of the word starting at `s`: letters, with inner '-' or apostrophe before a letter (not a possessive 's). */
function wordEnd(text: string, s: number): number {
  const n = text.length;
  let i = s + 1;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (isLetter(d)) i++;
    else if ((d === 45 || d === 39 || d === 0x2019) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
      const possessive = d !== 45 && (text.charCodeAt(i + 1) | 32) === 115 && !(i + 2 < n && isLetter(text.charCodeAt(i + 2)));
      if (possessive) break;
      i += 2;
    } else break;
  }
  return i;
}

/** A capitalised word at [s, e) that is not glued to an identifier, a path, an address or a call. */
function capitalisedAt(text: string, s: number, e: number): boolean {
  if (e - s < 2 || !isUpper(text.charCodeAt(s))) return false;
  const second = text.charCodeAt(s + 1);
  if (!(isLower(second) || second === 39 || second === 0x2019)) return false;
  const prev = s > 0 ? text.charCodeAt(s - 1) : 32;
  if (isLetter(prev) || isGlue(prev)) return false;
  const next = e < text.length ? text.charCodeAt(e) : 32;
  if (next === 40 || next === 95 || next === 64 || (next >= 48 && next <= 57)) return false;
  if ((next === 46 || next === 47 || next === 92) && e + 1 < text.length && isLetter(text.charCodeAt(e + 1))) return false;
  return true;
}

/**
 * Runs of 1-4 capitalised words ("Anna", "Pryce-Evans", "O'Brien", "McDonald", "Fernández") on
 * one line, separated by blanks, with name particles (de, van, bin...) between; `fn` gets each run.
 * A regex finds the capitals; each character is looked at a bounded number of times.
 * `skip(start)` is asked right before `fn` would get a run: a run the caller has already dealt with
 * (a speaker label, a list item) is not copied into tokens (a third of the runs of a dense text).
 */
function forEachCapitalisedRun(
  text: string,
  known: (s: number, e: number) => boolean,
  fn: (toks: Tok[]) => void,
  onLoneWord?: (s: number, e: number) => void,
  skip?: (start: number) => boolean,
): void {
  const n = text.length;
  const ss = [0, 0, 0, 0], es = [0, 0, 0, 0];
  let next: number;
  for (let s = nextCapStart(text, 0); s !== -1; s = nextCapStart(text, next)) {
    const e = wordEnd(text, s);
    if (!capitalisedAt(text, s, e)) {
      next = Math.max(e, s + 1);
      continue;
    }
    ss[0] = s;
    es[0] = e;
    let count = 1;
    let pos = e;
    let initial = false;
    const known0 = known(s, e);
    while (count < 4) {
      let q = pos;
      let particles = 0;
      let ok = false;
      for (;;) {
        const b0 = q;
        while (q < n && q - b0 < 3 && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
        if (q === b0 || q >= n) break;
        const c = text.charCodeAt(q);
        if (isUpper(c)) {
          const we = wordEnd(text, q);
          // a middle initial ("Anna K. Berg", "Omar J Haddad"): skipped when a blank and a capitalised word follow
          if (we === q + 1 && !initial) {
            let r = we;
            if (r < n && text.charCodeAt(r) === 46) r++;
            if (r < n && (text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9)) {
              initial = true;
              q = r;
              continue;
            }
          }
          if (capitalisedAt(text, q, we)) {
            ss[count] = q;
            es[count] = we;
            count++;
            pos = we;
            ok = true;
          }
          break;
        }
        // name particles ("de", "van") only after a known name: most lower-case words end the run here
        if (!known0 || particles >= 2 || !isLower(c)) break;
        const we = wordEnd(text, q);
        if (we - q > 5 || !PARTICLES.has(text.slice(q, we))) break;
        particles++;
        q = we;
      }
      if (!ok) break;
    }
    next = pos;
    if (count === 1 && !known0) {
      // one unknown capitalised word (a sentence start, a heading word): a name only after a title ("Mr. Xyz")
      let q = s;
      while (q > 0 && q > s - 3 && (text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 46)) q--;
      let r = q;
      while (r > 0 && q - r < 9 && isLetter(text.charCodeAt(r - 1))) r--;
      const titled = q - r >= 2 && q - r <= 8 && honorificHead(text, r) && HONORIFICS.has(text.slice(r, q).toLowerCase());
      // or right after "my name is" / "name's": a self-introduction names the word whatever it is
      if (!titled && !nameIsBefore(text, s)) {
        onLoneWord?.(s, e);
        continue;
      }
    }
    if (skip?.(s)) continue;
    const toks: Tok[] = [];
    for (let k = 0; k < count; k++) {
      const word = text.slice(ss[k]!, es[k]!);
      toks.push({ start: ss[k]!, end: es[k]!, word, lower: word.toLowerCase() });
    }
    fn(toks);
  }
}

/** "name is" / "name's" right before a word (read on the 12 characters before it) */
const NAME_IS = /\b(?:sur)?name(?:[ \t]+is|'s|’s|\?)[ \t]{1,3}$/i;
/** "name is" / "name's" / "name?" right before `pos`; the regex runs only after an 's' or a '?' */
function nameIsBefore(text: string, pos: number): boolean {
  const p = prevChar(text, pos);
  return (p === 115 || p === 83 || p === 63) && NAME_IS.test(text.slice(Math.max(0, pos - 12), pos));
}
/** verbs after a person rather than a place or a product (no is/has/was: "Jordan is a country") */
const SAYS_AFTER = /^[ \t]+(?:said|says|told|tells|asked|asks|wrote|writes|replied|emailed|called|phoned|texted|mentioned|thinks|thought|wants|wanted|needs|needed|feels|felt|knows|knew|agreed|promised|suggested|explained|complained|sent|gave|had given|will send|can you|could you|shouted|yelled|screamed|whispered|smiled|laughed|nodded|sighed|waved|winked|answered|lives|lived|grew up|spent)\b/;
/** verbs of speaking to someone: the given name after "to" or "at" is the listener ("shouted at Omar", "said Ines to Omar") */
const ADDRESS_VERBS = words('shouted yelled screamed smiled waved winked nodded laughed whispered talked spoke said says replied lied complained listened looked stared glared pointed turned explained apologised apologized talking speaking');
/** a sentence-start given name described as a person: "Priya is very reliable … depend on her" (a place or a product is rarely "very reliable" and "him") */
const IS_DESCRIBED = /^[ \t]+(?:is|was)[ \t]+(?:a[ \t]+)?(?:very|so|really|always|quite|extremely|such|too|never|incredibly|super|truly)\b/;
const PERSON_CUE = /\b(?:him|her|he|she|his|hers|person|guy|girl|boy|man|woman|colleague|friend)\b/i;
/** " is very …" after the word at `e`, and a word about a person in the next 120 characters */
function describedPerson(text: string, e: number): boolean {
  const c = text.charCodeAt(e + 1);
  return (c === 105 || c === 119) && IS_DESCRIBED.test(text.slice(e, e + 24)) && PERSON_CUE.test(text.slice(e, e + 120));
}
/** "X and Y were…": two family names before a verb of people (sticky, after the first word) */
const AND_PAIR =
  /[ \t]+(?:and|&)[ \t]+(\p{Lu}[\p{Ll}'’-]{1,30})[ \t]+(?:were|are|have|had|met|agreed|both|wrote|founded|co-founded|signed|left|joined|disagreed|argued|worked|played|sang|built|started|will)\b/uy;
/** nouns followed by a letter that are no given name: "Plan B", "Vitamin D", "Building C" */
const INITIAL_NOUNS = words(`plan option appendix annex part vitamin type class grade section schedule form building level floor room block wing gate terminal
  exhibit figure fig table chapter article phase stage step tier zone hall unit lot category group team series model version channel track side row
  column line route sector area region division platform pier dock bay studio suite apartment flat house tower lab hepatitis size batch round day`);
/** works and matters named after a person: "the Halvorsen report" */
const WORK_AFTER = /^[ \t]+(?:novel|novels|book|books|memoir|biography|song|songs|album|recording|concert|film|movie|documentary|painting|portrait|estate|family|household|twins|siblings)\b/;
/**
 * What only a person does or has, right after a name at a sentence start: the name then needs no
 * list ("Xiadani Orruk lives at…", "Tomasz Wrobel's wife", "Ilse Brandt will be speaking…").
 */
const PERSONAL_AFTER =
  /(?:(?:'s|’s)[ \t]+(?:killers?|murder(?:er)?|wife|husband|daughter|son|funeral|widow|widower|grave|birthday)\b|[ \t]+(?:(?:lives|lived)[ \t]+(?:at[ \t]+\d+|with[ \t]+(?:his|her|their)\b)|grew up|smiled|laughed|nodded|shouted|yelled|screamed|whispered|sighed|passed away|married|resigned|graduated|worked as|studied at|is the keynote speaker|had given)\b)/y;
/** "lives at", "spent a year", "grew up": said of one unlisted word too often of a thing ("Documentation lives in the wiki") */
const LIVES_AFTER = /^[ \t]+(?:lives|lived|spent|grew|will be|had given|works|worked|studied|is the|graduated)\b/;
/** only blanks (and a comma) between `pos` and the end of its line */
function lineEndsAt(text: string, pos: number): boolean {
  let i = pos;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 44)) i++;
  return i < text.length && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13);
}
/** the first three letters of the verbs read after one unlisted word (not those of LIVES_AFTER), as (c0 << 16) | (c1 << 8) | c2 */
const ONE_HEADS = new Set(['smi', 'lau', 'nod', 'sho', 'yel', 'scr', 'whi', 'sig', 'mar', 'res', 'pas'].map((w) => (w.charCodeAt(0) << 16) | (w.charCodeAt(1) << 8) | w.charCodeAt(2)));
const AND_HEAD = (97 << 16) | (110 << 8) | 100; // "and"
/** nothing, or the end of a sentence or a line, before `pos` */
function sentenceStartAt(text: string, pos: number): boolean {
  const p = prevChar(text, pos);
  return p === -1 || p === 46 || p === 33 || p === 63 || p === 10;
}
/** the first letters of PERSONAL_AFTER's verbs (lower case ASCII): most words are ruled out before the regex */
const PERSONAL_HEADS = new Set([...'lgsnywpmrih'].map((c) => c.charCodeAt(0)));
const personalAfter = (text: string, e: number): boolean => {
  const c = text.charCodeAt(e);
  if (c === 32 ? !PERSONAL_HEADS.has(text.charCodeAt(e + 1)) : c !== 39 && c !== 0x2019) return false;
  PERSONAL_AFTER.lastIndex = e;
  return PERSONAL_AFTER.test(text);
};
/** capitalised words at a sentence start that are no person, before such verbs ("Everyone smiled", "Nobody lives here") */
const NOT_SUBJECTS = words(`everyone everybody someone somebody nobody noone anyone anybody none one each many most few people who which what nothing something
  everything mother father mom mum dad son daughter brother sister wife husband grandma grandpa grandmother grandfather aunt uncle baby`);
/** small words before a place rather than a person */
const PLACE_PREPS = words('in at from to near into via of on onto across around through toward towards outside inside within visit visiting visited');
/**
 * Given names that, alone, are mostly a product, an AI assistant, a language or a tool in workplace
 * text ("ask Claude", "we use Ruby"): one such word is no name ("Claude Monet" still is).
 */
const PRODUCT_NAMES = words(`claude gemini alexa siri cortana bard grok llama mistral copilot ruby julia sage fedora karma harvey django flask hugo gatsby
  ember electron kafka jenkins cassandra mocha jasmine cypress tesla mercedes chase dell rust swift kotlin dart elixir haskell pascal perl oracle sierra
  athena apollo hermes zeus phoenix atlas miro okta watson photoshop lexus genesis ford`);
/** surname endings of many languages (accent-free, lower case) */
const SURNAME_END = /(?:dottir|sson|ovich|evich|ovic|evic|ovna|evna|ova|eva|ov|ev|ski|ska|sky|skaya|skiy|enko|escu|poulos|opoulou|akis|idis|oglu|shvili|dze|yan|ovas|aite|iene|ute)$/;
/** the nearest character before `pos` that is not a blank, or -1 at the start of the text */
function prevChar(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i === 0 ? -1 : text.charCodeAt(i - 1);
}
const STREET_WORDS = words(`rue avenue av boulevard bd blvd place chemin allée allee impasse quai cours calle avenida paseo plaza carrer avinguda rua travessa via viale
  piazza corso largo ulica ul strada calea street st road rd lane drive square`);
const HONORIFICS = words('mr mrs ms miss mx dr prof sir dame herr frau mme mlle sr sra srta dra fr rev mister madam madame señor señora signor signora');
/** The first two letters (lower case) of the honorifics, as (c0 << 8) | c1. */
const HONORIFIC_HEADS = new Set([...HONORIFICS].map((h) => (h.charCodeAt(0) << 8) | h.charCodeAt(1)));
/**
 * False when the word of 2+ letters at `r` cannot be an honorific in any case, found without a
 * slice and toLowerCase per sentence start: two ASCII letters lower-case to themselves | 32, at the
 * same places, so an honorific must begin with them. Other first letters are left to the full test.
 */
function honorificHead(text: string, r: number): boolean {
  const c0 = text.charCodeAt(r), c1 = text.charCodeAt(r + 1);
  return c0 >= 128 || c1 >= 128 || HONORIFIC_HEADS.has(((c0 | 32) << 8) | (c1 | 32));
}
const GREETINGS = words(`dear hi hello hey hiya hola bonjour hallo ciao olá ola morning thanks cheers regards best saludos obrigado obrigada gracias grazie danke merci
  love thank-you thank_you`);
const GREETINGS2 = words('thank_you good_morning good_afternoon good_evening many_thanks kind_regards best_regards warm_regards best_wishes un_saludo');
const MY_NAME2 = words('name_is i_am i\'m this_is it\'s known_as name\'s called named signed');
/** "named her X", "called him X": the word is a name even when it is also a word ("Frank", "Grace") */
const NAMING2 = words('named_him named_her named_them called_him called_her calls_me call_me');
const NAMING_LAST = words('him her them me');
/** "my partner's name X", "her maiden name X": the words before "name" that make the next words a name */
const NAME_OWNERS = words('my his her their your our maiden full legal real married birth last first');
/** "add X as a beneficiary": a person added to an account, a policy or a team */
const ADD_VERBS = words('add added adding include included list listed register registered appoint appointed designate designated remove removed name named set');
const AS_ROLE =
  /^[ \t]+as[ \t]+(?:(?:a|an|the|my|our|his|her|their)[ \t]+)?(?:(?:joint|authori[sz]ed|additional|secondary|second|primary|named|emergency)[ \t]+(?:user|holder|member|owner|driver|contact|account[ \t]+holder|cardholder)|beneficiary|account[ \t]+holder|co-?signer|signatory|cardholder|card[ \t]+holder|dependent|dependant|guarantor|trustee|executor|nominee|payee|next[ \t]+of[ \t]+kin)\b(?![ \t]+\p{Ll}{4,}(?<!from|with))/u;
/** "please change it to X" after a word about a name: a name change in a support request */
const CHANGE_VERBS = words('change changed correct corrected update updated fix fixed amend amended');
const LABELS = words(`name fullname full_name first_name last_name surname given_name employee employee_name manager line_manager supervisor patient patient_name
  tenant landlord customer customer_name client client_name contact contact_person from to cc bcc attendees participants present owner candidate applicant
  recipient sender attn attention author guest member driver passenger beneficiary account_holder cardholder student pupil parent guardian next_of_kin
  emergency_contact doctor physician gp nurse witness nominee insured policyholder spouse partner user username colleague new_hire signed signature approver
  reviewer assignee reporter interviewer interviewee speaker host organizer organiser teacher tutor lawyer solicitor agent representative rep buyer seller
  emp staff name_of_patient name_of_employee contact_name caller`);
const LABEL_PHRASES = words(`approved_by signed_by prepared_by reviewed_by submitted_by requested_by reported_by written_by authored_by sent_by created_by
  assigned_to deliver_to ship_to bill_to referred_by on_behalf_of care_of cc attn attention c/o
  directed_by produced_by composed_by performed_by narrated_by edited_by illustrated_by translated_by photographed_by hosted_by presented_by
  interviewed_by starring featuring founders co-founders founded_by`);
const WEAK = words(`ask asked call called tell told email e-mail emailed ping pinged message text meet met invite invited introduce thank thanks with for by user
  colleague hire to and is from contact contacted forward forwarded remind pay paid hired promote promoted visit visited
  says said heard hear
  songwriter singer producer director engineer developer designer analyst consultant coworker co-worker nurse teacher professor lawyer accountant
  recruiter intern founder co-founder author artist actor actress writer editor journalist photographer chef coach captain assistant secretary
  officer neighbour neighbor friend brother sister mother father son daughter wife husband cousin uncle aunt grandmother grandfather boss`);
const PERSON_VERBS = words('ask asked tell told call called email emailed ping pinged meet met thank thanks cc remind reminded invite invited introduce forward');
const WEAK_AFTER =
  /^(?:'s|’s|,[ \t]+(?:the|our|their|its|a|an)[ \t]+[^,.\n]{2,40},[ \t]+(?:said|says|told|added|explained|noted|wrote|stated)\b|[ \t]+(?:said|says|told|asked|wrote|writes|called|emailed|replied|is|was|has|had|will|would|can|could|reports|reported|joined|joins|starts|started|left|leaves|works|worked|needs|needed|wants|wanted|confirmed|agreed|mentioned|noted|requested|approved|signed|sent|received|lives|lived|moved|went|took|gets|got|visited|arrived|met|paid|bought|ordered|booked|submitted|attended|applied|resigned|studied|graduated|complained|cancelled|canceled|returned|phoned|texted|messaged|shared|uploaded|forgot|lost|owes|owed|thinks|believes|feels|explained|listed|spent|flew|drove|gave|became|married|divorced|died|born|retired|founded|wrote|sang|sung|directed|produced|played|performed|smiled|laughed|nodded|replied|announced|insisted|added|admitted|argued|testified|stated|recalled|grew|invested|speaks|spoke|and [A-Z]|\())/u;
/**
 * The line after a name in an address block: a house number and a street ("221B Baker Street", "14
 * Harbour Road"), a street word first ("Rua das Flores 123", "Via Roma 4"), a street and its number
 * ("Hauptstraße 5") or a post box. Sticky, from the end of the name's line.
 */
const ADDRESS_LINE_AFTER =
  /[ \t]*,?[ \t]*\r?\n[ \t]*(?:\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?,?[ \t]+\p{Lu}[\p{L}.'’-]*[ \t]|(?:P\.?[ \t]?O\.?[ \t]?Box|Calle|Carrer|Avenida|Rua|Travessa|Via|Viale|Piazza|Corso|Rue|Avenue|Boulevard|Chemin|Ul\.|Ulica)[ \t]+\S|\p{Lu}[\p{Ll}ß.'’-]+(?:[ \t]+\p{L}[\p{L}.'’-]*){0,3}[ \t]+\d{1,4}[a-zA-Z]?[ \t]*(?:\r?\n|,|$))/uy;
/** the street line of an address block right after the end of a name's line */
function addressLineAfter(text: string, end: number): boolean {
  ADDRESS_LINE_AFTER.lastIndex = end;
  return ADDRESS_LINE_AFTER.test(text);
}
/**
 * The same, further down a signature or letter block: after a blank line and at most one line of
 * an organisation or a job title, in an e-mail quote ("> "), or a military post line (PSC, Unit, CMR).
 */
const ADDRESS_BLOCK_AFTER =
  /[ \t]*,?[ \t]*\r?\n(?:[ \t>]*\r?\n)?(?:[ \t>]*\p{Lu}[\p{L}&,.'’ \t-]{1,60}\r?\n(?:[ \t>]*\r?\n)?){0,2}[ \t>]*(?:\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?,?[ \t]+(?:\d{1,5}[ \t]+)?\p{Lu}[\p{L}.'’-]*[ \t]|(?:P\.?[ \t]?O\.?[ \t]?Box|PSC|Unit|CMR)[ \t]+\d|(?:Calle|Carrer|Avenida|Rua|Travessa|Via|Viale|Piazza|Corso|Rue|Avenue|Boulevard|Chemin|Ul\.|Ulica)[ \t]+\S|\p{Lu}[\p{Ll}ß.'’-]+(?:[ \t]+\p{L}[\p{L}.'’-]*){0,3}[ \t]+\d{1,4}[a-zA-Z]?[ \t]*(?:\r?\n|,|$))/uy;
const SIGNOFF_LINE =
  /^[ \t]*(?:(?:best|kind|warm|warmest|many|with)?[ \t]*(?:regards|wishes|thanks|thank you|cheers|sincerely|respectfully|best|yours(?: truly| sincerely| faithfully)?|ciao|saludos|un saludo|atentamente|cordialement|bien à vous|mit freundlichen grüßen|viele grüße|grüße|lg|mfg|obrigad[oa]|abraços|gracias|grazie|distinti saluti|met vriendelijke groet|groeten|hälsningar|med vänlig hälsning|pozdrawiam|sent from my \w+))[ \t]*[,.!]*[ \t]*$/iu;

interface Before {
  /** up to 3 words before, nearest first, lower case ('.' stripped): the callers read three */
  words: string[];
  colon: boolean;
  comma: boolean;
  /** only blanks (or a signature dash) between the line start and the name */
  lineStart: boolean;
  dash: boolean;
}
const isLetter = (c: number): boolean => (c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : (classOf(c) & 1) !== 0);
/** What stands before `pos` on its line: the nearest words and the punctuation right before the name. One bounded backward scan. */
function beforeOf(text: string, pos: number, lineStart: number): Before {
  let i = pos;
  const blank = (c: number): boolean => c === 32 || c === 9;
  while (i > lineStart && blank(text.charCodeAt(i - 1))) i--;
  let colon = false, comma = false, dash = false;
  const c = i > lineStart ? text.charCodeAt(i - 1) : 0;
  if (c === 58 || c === 61) {
    colon = true;
    i--;
  } else if (c === 44) {
    comma = true;
    i--;
  }
  // a signature dash: "— Name", "-- Name" (the folded text has '-' for every dash; a bullet point
  // "- Fixed Login Page" is told apart by the name lists, below)
  if (c === 45 || c === 0x2013 || c === 0x2014) {
    let j = i - 1;
    while (j > lineStart && (text.charCodeAt(j - 1) === 45 || blank(text.charCodeAt(j - 1)))) j--;
    if (j === lineStart) dash = true;
  }
  const ws: string[] = [];
  const limit = Math.max(lineStart, pos - 80);
  while (ws.length < 3 && i > limit) {
    while (i > limit && blank(text.charCodeAt(i - 1))) i--;
    const e = i;
    while (i > limit && (isLetter(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 39 || text.charCodeAt(i - 1) === 46 || text.charCodeAt(i - 1) === 47 || text.charCodeAt(i - 1) === 45)) i--;
    if (i === e) break;
    let we = e; // without its trailing dots ("Dr." -> "dr")
    while (we > i && text.charCodeAt(we - 1) === 46) we--;
    ws.push(text.slice(i, we).toLowerCase());
    if (i > limit && !blank(text.charCodeAt(i - 1))) break;
  }
  // an e-mail quote ("> Anna Berg"): the quote markers are no words before the name
  let q = i;
  if (ws.length === 0 && !colon && !comma && q > lineStart && text.charCodeAt(q - 1) === 62) while (q > lineStart && (text.charCodeAt(q - 1) === 62 || blank(text.charCodeAt(q - 1)))) q--;
  return { words: ws, colon, comma, dash, lineStart: q <= lineStart && ws.length === 0 && !colon && !comma };
}

/** `s` without accents, lower case; `lower` is s.toLowerCase(), returned as is when s is ASCII (no second copy). */
function fold(s: string, lower: string): string {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) > 0x7f) ascii = false;
  return ascii ? lower : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The line before `lineStart`, skipping blank lines (at most 3). */
function previousLine(text: string, lineStart: number): string {
  let end = lineStart - 1;
  for (let k = 0; k < 3 && end > 0; k++) {
    let s = end;
    while (s > 0 && end - s < 200 && text.charCodeAt(s - 1) !== 10) s--;
    const line = text.slice(s, end);
    if (line.trim() !== '') return end - s > 200 ? '' : line;
    end = s - 1;
  }
  return '';
}

const isLocalChar = (c: number): boolean => isAsciiAlnumC(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isAsciiAlnumC = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The e-mail addresses' '@' positions (sorted) and their local parts (lower case, at most 64
 * characters; '' when none), found once per text and pushed to `ats` and `locals`. Nothing is built
 * after the loop: code optimised while the loop ran on a long text (on-stack replacement) had no type
 * feedback for a result object made after it, and V8 kept that code and left it there on each call.
 */
function emailLocals(text: string, ats: number[], locals: string[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let b = at;
    while (b > 0 && at - b < 64 && isLocalChar(text.charCodeAt(b - 1))) b--;
    ats.push(at);
    locals.push(b < at ? text.slice(b, at).toLowerCase() : '');
  }
}

/** Local parts of the e-mail addresses within `radius` of [s, e) (the '@' positions are sorted). */
function nearbyLocals(ats: readonly number[], localParts: readonly string[], s: number, e: number, radius: number): string[] {
  const out: string[] = [];
  let lo = 0, hi = ats.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ats[mid]! < s - radius) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < ats.length && ats[i]! <= e + radius; i++) if (localParts[i]!.length > 0) out.push(localParts[i]!);
  return out;
}

interface Tok { start: number; end: number; word: string; lower: string; folded?: string }
/** The token without accents, lower case (computed once per token; the lower-case form when it is ASCII). */
const foldedOf = (x: Tok): string => (x.folded ??= fold(x.word, x.lower));
/** The last words of the multi-word entries ("name_is" -> "is"); words before a name have no '_'. */
const LAST_OF_MULTI = new Set(
  [...GREETINGS2, ...MY_NAME2, ...LABELS, ...LABEL_PHRASES].filter((w) => w.includes('_')).map((w) => w.slice(w.lastIndexOf('_') + 1)),
);
const MIDDLE_INITIAL = /[ \t]\p{Lu}\.?[ \t]/u;
const ARTICLES = words('the a an this that our their his her my your');
const LOWER_ARTICLES = words('the a an of in at on');

export const personNameDetector: Detector = {
  entries: [{ id: 'person-name', dataClass: 'personal_data', description: 'Person names (name lists of many nationalities + context: salutations, titles, name fields, signatures, e-mail addresses)' }],
  detect({ text, keywords }, out) {
    const lists = names();
    const { given, all, common, places } = lists;
    // the cells of a table's name columns, the values of name keys (name-fields.ts)
    const fieldWords = keywords.hits('namefield');
    if (fieldWords.starts.length > 0) nameFields(text, fieldWords, lists, out);
    const ats: number[] = [], localParts: string[] = [];
    emailLocals(text, ats, localParts);
    let lastAcceptedEnd = -1;
    /** the last line break before the current run's start (-1 when none) and the next one (-1 when none) */
    let nlBefore = -1;
    let nlNext = text.indexOf('\n');
    // after a dash at the line start: a signature ("— Aoife Brennan") or an action item ("- Aiko to send"),
    // not a bullet point of a title-case list ("- Fixed Login Page")
    const dashName = (toks: Tok[], text: string): boolean => {
      const f = toks[0]!, l = toks[toks.length - 1]!;
      const givenFirst = given.has(f.lower) && !common.has(f.lower);
      if (toks.length >= 2) return givenFirst || (all.has(l.lower) && !common.has(l.lower) && !common.has(f.lower));
      return (givenFirst || (all.has(f.lower) && !common.has(f.lower))) && /^[ \t]+(?:to|will|is|has|and)[ \t]/.test(text.slice(l.end, l.end + 8));
    };
    const atNear = (p: number): boolean => {
      let lo = 0, hi = ats.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ats[mid]! < p - 200) lo = mid + 1;
        else hi = mid;
      }
      return lo < ats.length && ats[lo]! <= p + 200;
    };
    /** in the lists too without its accents ("Kónya" -> "konya"); the folded copy is made only for non-ASCII words */
    const knownRange = (a: number, b: number): boolean => {
      if (all.hasRange(text, a, b)) return true;
      for (let i = a; i < b; i++) {
        if (text.charCodeAt(i) > 0x7f) {
          const w = text.slice(a, b);
          let k = FOLDED_KNOWN.get(w);
          if (k === undefined) {
            k = all.has(fold(w, ''));
            if (FOLDED_KNOWN.size >= 4096) FOLDED_KNOWN.clear();
            FOLDED_KNOWN.set(w, k);
          }
          return k;
        }
      }
      return false;
    };
    let listEnd = -1;
    // the words of the full names found ("Ingrid Solheim"), and the lone capitalised words left out
    // (start, end pairs): after the scan, a lone word that is a word of a full name found in the same
    // text is that person again ("… Solheim said", "the Solheim report"). Nothing is looked up unless
    // a full name was found.
    let seen: Set<string> | undefined;
    /** first letter, last letter and length of the seen words: most lone words are ruled out without a copy */
    const seenKeys = new Set<number>();
    const lone: number[] = [];
    /** A list of given names starting at `s`: each item pushed as a name, and skipped by the rest of the scan. */
    const listOfNamesAt = (s: number, confidence: number, isName = listedGiven, minUnlistedFirst = 4): boolean => {
      const items = nameList(text, s, isName, minUnlistedFirst);
      if (items === undefined) return false;
      for (const [a, b] of items) out.push({ dataClass: 'personal_data', detector: 'person-name', start: a, end: b, confidence });
      listEnd = lastAcceptedEnd = items[items.length - 1]![1];
      return true;
    };
    const loneWord = (s: number, e: number): void => {
      if (s < listEnd) return;
      const c = text.charCodeAt(e);
      // the next three letters rule most words out at once
      const head = c === 32 ? (text.charCodeAt(e + 1) << 16) | (text.charCodeAt(e + 2) << 8) | text.charCodeAt(e + 3) : 0;
      // an unlisted word at a sentence start before what only a person does ("Xiadani shouted at…", "Orruk's widow")
      if ((ONE_HEADS.has(head) || c === 39 || c === 0x2019) && sentenceStartAt(text, s) && personalAfter(text, e) && !LIVES_AFTER.test(text.slice(e, e + 12))) {
        const lower = text.slice(s, e).toLowerCase();
        if (!NOT_SUBJECTS.has(lower) && !STOP.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.7 });
          lastAcceptedEnd = e;
          return;
        }
      }
      // the speaker named after a quotation, with a surname ending when the lists do not know the word:
      // '"…," says Hartvigsson.' (not '"…," says Finance.', a department, or "says Reuters"; an ending
      // that ends few places: not "said Rostov", "said Moldova"; not a firm: "says Ericsson")
      if (e - s >= 5 && quotationSpeaker(text, s, e)) {
        const lower = text.slice(s, e).toLowerCase();
        if (PERSON_ONLY_END.test(fold(lower, lower)) && !FIRM_NAMES.has(lower) && !NOT_SUBJECTS.has(lower) && !STOP.has(lower) && !common.has(lower) && !PRODUCT_NAMES.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.7 });
          lastAcceptedEnd = e;
          return;
        }
      }
      // two family names joined by "and" before a verb ("Okafor and Lindqvist were on the call")
      if ((head === AND_HEAD || head >>> 16 === 38) && andPair(s, e, true)) return;
      // an unlisted family name with a surname ending after "the", before a work or a family: "the Petersson novel"
      // (endings that end no place's name: not "the Geneva book", "the Bratislava album")
      if (c === 32 && e - s >= 6 && s >= 4 && text.startsWith('the ', s - 4) && (s === 4 || !isLetter(text.charCodeAt(s - 5))) && WORK_AFTER.test(text.slice(e, e + 16))) {
        const lower = text.slice(s, e).toLowerCase();
        if (lower !== 'lesson' && PERSON_ONLY_END.test(fold(lower, lower)) && !FIRM_NAMES.has(lower) && !common.has(lower) && !STOP.has(lower) && !PRODUCT_NAMES.has(lower)) {
          out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.7 });
          lastAcceptedEnd = e;
          return;
        }
      }
      lone.push(s, e);
      // an unlisted word that opens a list of given names (the list's items are then skipped by the scan)
      if (c === 44 && !listOfNamesAt(s, 0.75) && prevChar(text, s) === 58) {
        // or of family names after a label ("Founders: Xiadani, Okafor and Brandt"; the others all listed)
        const bf = beforeOf(text, s, Math.max(text.lastIndexOf('\n', s) + 1, s - 82));
        const w0 = bf.words[0] ?? '';
        if (bf.colon && (LABELS.has(w0) || LABEL_PHRASES.has(w0))) listOfNamesAt(s, 0.75, listedFamily, 3);
      }
    };
    /** a word of the name lists that is no everyday word, or a surname ending */
    const surnameLike = (a: number, b: number): boolean => {
      const w = text.slice(a, b).toLowerCase();
      if (common.has(w) || STOP.has(w) || PRODUCT_NAMES.has(w)) return false;
      return knownRange(a, b) || (b - a >= 5 && SURNAME_END.test(fold(w, w)));
    };
    /** "Okafor and Lindqvist were…": both words pushed as names (the second is then skipped by the scan) */
    const andPair = (s: number, e: number, firstUnlisted: boolean): boolean => {
      const a = text.charCodeAt(e + 1);
      if (a !== 97 && a !== 38) return false; // " and", " &"
      AND_PAIR.lastIndex = e;
      const m = AND_PAIR.exec(text);
      if (m === null) return false;
      const s2 = e + m[0].indexOf(m[1]!), e2 = s2 + m[1]!.length;
      const pair = text.slice(s, e).toLowerCase() + ' ' + m[1]!.toLowerCase();
      if (ORG_NAMES.has(pair) || (firstUnlisted ? !(e - s >= 5 && SURNAME_END.test(fold(pair.slice(0, e - s), pair.slice(0, e - s)))) : !surnameLike(s, e)) || !surnameLike(s2, e2)) return false;
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.7 });
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: s2, end: e2, confidence: 0.7 });
      listEnd = lastAcceptedEnd = e2;
      return true;
    };
    const listedFamily = (x: string): boolean => (all.has(x) || all.has(fold(x, x))) && !common.has(x) && !STOP.has(x) && !PRODUCT_NAMES.has(x);
    const listedGiven = (x: string): boolean => (given.has(x) || given.has(fold(x, x))) && !common.has(x) && !STOP.has(x) && !PRODUCT_NAMES.has(x);
    const emitted = speakerLabels(text, all, common, out);
    // a text typed without capitals ("follow up with anna berg"): the capitalised-run scan finds nothing
    // and a short prompt typed with capitals but a name in lower case ("Can you email john okafor about it?")
    if (!HAS_CAPITAL.test(text)) lowerCaseNames(text, given, all, common, out);
    else if (text.length <= LOWER_CASE_MAX) {
      const cues = keywords.hits('personcue'), calls = keywords.hits('phone');
      if (cues.starts.length > 0) cuedLowerCaseNames(text, cues.ends, given, all, common, out);
      for (let i = 0; i < calls.starts.length; i++) if (calls.ends[i]! - calls.starts[i]! === 4 && (text.charCodeAt(calls.starts[i]!) | 32) === 99) cuedLowerCaseNames(text, [calls.ends[i]!], given, all, common, out); // "call"
    }
    /** a run inside a list of names already pushed, or a speaker label already pushed */
    const done = (s: number): boolean => s < listEnd || (emitted !== undefined && emitted.has(s));
    forEachCapitalisedRun(text, knownRange, (toks) => {
      // leading stop words (greetings, honorifics, "The") are context, not the name
      // a firm's name ("Wayne Enterprises", "Acme Logistics"): none of its words is a name
      if (toks.length >= 2 && toks.some((x) => ORG_WORDS.has(x.lower))) return;
      let article = false;
      const runStart = toks[0]!.start;
      while (toks.length > 0 && (STOP.has(toks[0]!.lower) || PARTICLES.has(toks[0]!.lower))) {
        if (ARTICLES.has(toks[0]!.lower)) article = true;
        toks.shift();
      }
      while (toks.length > 0 && STOP.has(toks[toks.length - 1]!.lower)) toks.pop();
      // "Mrs. Ana Ruiz Suite 5, …": a unit word and its number after the name
      // (a name before it: not "book Jordan Room 3", a room named after someone)
      if (toks.length >= 3 && unitWordBeforeNumber(text, toks[toks.length - 1]!.lower, toks[toks.length - 1]!.end)) toks.pop();
      // a leading capitalised word that is no name (a job title, a sentence-start word) before a known given name
      if (toks.length >= 3 && !all.has(toks[0]!.lower) && !all.has(foldedOf(toks[0]!)) && given.has(toks[1]!.lower) && !common.has(toks[1]!.lower)) toks.shift();
      if (toks.length === 0) return;
      const n = toks.length;
      const start = toks[0]!.start, end = toks[n - 1]!.end;
      // the particle run between two words must be blanks and particles only (no line break: groups stay on one line)
      if (toks.some((x) => STOP.has(x.lower))) return; // "Acme Bank Holdings", "New York"
      if (n === 2 && ORG_FIRST.has(toks[0]!.lower) && ORG_NAMES.has(toks[0]!.lower + ' ' + toks[1]!.lower)) return;
      // the line start, at most 82 characters back (what beforeOf reads): the newlines are found
      // once, forwards, as forEachCapitalisedRun hands the runs over in text order (so nlBefore,
      // the last newline before `start`, never passes a later run's start; a huge single line stays linear)
      while (nlNext !== -1 && nlNext < start) {
        nlBefore = nlNext;
        nlNext = text.indexOf('\n', nlNext + 1);
      }
      const lineStart = Math.max(nlBefore + 1, start - 82);
      const bf = beforeOf(text, start, lineStart);
      const w0 = bf.words[0] ?? '', w1 = bf.words[1] ?? '', w2 = bf.words[2] ?? '';
      // "w1_w0" and "w2_w1_w0" can be in a word list only when w0 ends one of its multi-word entries
      const pairs = LAST_OF_MULTI.has(w0);
      const two = pairs ? w1 + '_' + w0 : '', three = pairs ? w2 + '_' + w1 + '_' + w0 : '';
      const honorific = !bf.colon && !bf.comma && HONORIFICS.has(w0);
      // "rue Victor Hugo", "Via Giuseppe Verdi", "avenue Jean Jaurès": a street named after a person
      if (!bf.colon && !bf.comma && STREET_WORDS.has(w0)) return;
      // "at" and "to" after a verb of speaking are no place preposition: "shouted at Omar"
      const lowerArticle = !bf.colon && !bf.comma && LOWER_ARTICLES.has(w0) && !(w0 === 'at' && ADDRESS_VERBS.has(w1));
      // "named her Grace", "my partner's name Ana Ruiz", "her maiden name Okafor"
      const naming = !bf.colon && !bf.comma && (w0 === 'name' ? NAME_OWNERS.has(w1) || w1.endsWith("'s") || w1.endsWith('’s') : NAMING_LAST.has(w0) && NAMING2.has(w1 + '_' + w0));
      let strong =
        honorific ||
        (!bf.colon && (GREETINGS.has(w0) || GREETINGS2.has(two))) ||
        (!bf.colon && !bf.comma && (MY_NAME2.has(two) || MY_NAME2.has(w0) || MY_NAME2.has(three))) ||
        naming ||
        (bf.dash && dashName(toks, text)) ||
        (bf.colon && (LABELS.has(w0) || LABELS.has(two) || LABELS.has(three))) ||
        LABEL_PHRASES.has(two) || (LABEL_PHRASES.has(w0) && (bf.colon || w0 === 'cc' || w0 === 'attn'));
      // "Ship to: Warehouse B Dock", "Address: Basement C Storage": a delivery site, not its recipient
      if (n >= 2 && bf.colon && addressLabel(w0, w1) && toks.some((x) => SITE_WORDS.has(x.lower))) return;
      if (!strong && bf.lineStart && lineStart > 0 && text.charCodeAt(lineStart - 1) === 10 && SIGNOFF_LINE.test(previousLine(text, lineStart))) strong = true;
      if (!strong && lastAcceptedEnd >= 0 && start - lastAcceptedEnd < 8 && /^[ \t]*(?:,|;|&|and|und|et|y)[ \t]*$/iu.test(text.slice(lastAcceptedEnd, start))) strong = true; // a list of names
      // a list of given names ("Hannah, Omar, Lea and Tom"): each item is a name
      if (n === 1 && !strong && text.charCodeAt(end) === 44 && listOfNamesAt(start, 0.8)) return;
      // one word without a salutation, title, field or signature is a name only after a verb about a person or with its e-mail address nearby
      // the accent-free form is looked up only when it differs from the lower-case one (same answers, half the lookups)
      const isCommon = (x: Tok): boolean => common.has(x.lower) || (foldedOf(x) !== x.lower && common.has(foldedOf(x)));
      const isGiven = (x: Tok): boolean => given.has(x.lower) || (foldedOf(x) !== x.lower && given.has(foldedOf(x)));
      const isKnown = (x: Tok): boolean => all.has(x.lower) || (foldedOf(x) !== x.lower && all.has(foldedOf(x)));
      // a name line of an address block: the whole line, a given name first, and the street on the next line
      if (!strong && bf.lineStart && n >= 2 && n <= 4 && isGiven(toks[0]!)) {
        ADDRESS_LINE_AFTER.lastIndex = end;
        if (ADDRESS_LINE_AFTER.test(text)) strong = true;
      }
      // further down a letter or signature block (a blank line, an organisation line, "> " quotes in
      // between), for a given name, a listed surname or a middle initial
      if (!strong && bf.lineStart && n >= 2 && n <= 4 && lineEndsAt(text, end) &&
        (isGiven(toks[0]!) || (isKnown(toks[n - 1]!) && !isCommon(toks[n - 1]!)) || (toks[1]!.start - toks[0]!.end >= 3 && MIDDLE_INITIAL.test(text.slice(toks[0]!.end, toks[1]!.start))))) {
        ADDRESS_BLOCK_AFTER.lastIndex = end;
        if (ADDRESS_BLOCK_AFTER.test(text)) strong = true;
      }
      // "my name is X", "last name? X": a self-introduction or an answer to a name question
      const nameIs = !bf.colon && nameIsBefore(text, start);
      if (nameIs) strong = true;
      // one known given name (no common word) addressed or mentioned in running text
      let single = 0;
      // (not after a capitalised word left out above: "Santa Clara", "Port Louis")
      if (n === 1 && !strong && start === runStart && !article && !lowerArticle) {
        const p = prevChar(text, start);
        let q = end;
        while (q < text.length && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
        const next = q < text.length ? text.charCodeAt(q) : -1;
        const sentenceStart = p === -1 || p === 46 || p === 33 || p === 63 || p === 10;
        // the listener after a verb of speaking: "shouted at Omar", "said Ines to Omar"
        const listener = (w0 === 'to' || w0 === 'at') &&
          (ADDRESS_VERBS.has(w1) || (ADDRESS_VERBS.has(w2) && lastAcceptedEnd >= 0 && start - lastAcceptedEnd < 6 && /^[ \t]+(?:to|at)[ \t]+$/.test(text.slice(lastAcceptedEnd, start))));
        // a vocative: "Anna, can you ...", "... thanks, Omar!"
        if (sentenceStart && next === 44 && q === end && q + 2 < text.length && text.charCodeAt(q + 1) === 32 && isLower(text.charCodeAt(q + 2))) single = 0.75;
        else if (bf.comma && (next === 63 || next === 33)) single = 0.75;
        // mid-sentence, after a small word that is no place preposition: "my kid Lukas", "why is Katrine"
        else if (p !== -1 && isLower(p) && !(next >= 48 && next <= 57) && (!PLACE_PREPS.has(w0) || listener)) single = 0.7;
        // at a sentence start, before a verb of saying or asking: "Kevin said ...", "Amira wants ..."
        else if (sentenceStart && isLower(next) && q === end + 1 && isGiven(toks[0]!) && SAYS_AFTER.test(text.slice(end, end + 16))) single = 0.7;
        // described as a person: "Priya is very reliable. You can always count on her."
        else if (sentenceStart && (next === 105 || next === 119) && q === end + 1 && describedPerson(text, end)) single = 0.7;
        // the name lists last (the context tests above are cheaper)
        if (single > 0 && !(isGiven(toks[0]!) && !isCommon(toks[0]!))) single = 0;
        // the speaker named after a quotation, a listed name: '"…," says Okafor.' (not a firm: '"…," said Siemens.')
        if (single === 0 && quotationSpeaker(text, start, end) && isKnown(toks[0]!) && !FIRM_NAMES.has(toks[0]!.lower) && !isCommon(toks[0]!) && !PRODUCT_NAMES.has(toks[0]!.lower) && !NOT_SUBJECTS.has(toks[0]!.lower)) single = 0.75;
        // any word at a sentence start before what only a person does ("Xiadani shouted at…", "Orruk's widow")
        if (single === 0 && sentenceStart && personalAfter(text, end) && !NOT_SUBJECTS.has(toks[0]!.lower) && !isCommon(toks[0]!)) single = 0.7;
      }
      if (n === 1 && !strong && single === 0) {
        if (start === runStart && !article && !lowerArticle && !PLACE_PREPS.has(w0) && andPair(start, end, false)) return;
        // a family name used as a modifier: "the Halvorsen report", "the Okafor proposal"
        // or before its possessive and a work: "Halvorsen's novel"
        const c = text.charCodeAt(end);
        const work = (article || lowerArticle) && (w0 === 'the' || w0 === 'a' || w0 === 'an' || start !== runStart)
          ? WORK_AFTER.test(text.slice(end, end + 16))
          : (c === 39 || c === 0x2019) && text.charCodeAt(end + 1) === 115 && WORK_AFTER.test(text.slice(end + 2, end + 18));
        if (work &&
          isKnown(toks[0]!) && !isCommon(toks[0]!) && !PRODUCT_NAMES.has(toks[0]!.lower) && !FIRM_NAMES.has(toks[0]!.lower) && !(start > 0 && text.charCodeAt(start - 1) === 45))
          single = 0.7;
      }
      if (n === 1 && !strong && single === 0 && !PERSON_VERBS.has(w0) && !atNear(start)) {
        lone.push(start, end);
        return;
      }
      const after = text.slice(end, Math.min(text.length, end + 40));
      if (n === 1 && !honorific && PRODUCT_NAMES.has(toks[0]!.lower)) return;
      if (ORG_AFTER.test(after)) return;
      const houseNumber = /^[ \t]+\d{1,4}[a-z]?\b/.test(after) || (start > 1 && text.charCodeAt(start - 2) >= 48 && text.charCodeAt(start - 2) <= 57 && text[start - 1] === ' ');
      const weak = (!bf.colon && WEAK.has(w0)) || WEAK_AFTER.test(after);
      // "add Ana Ruiz as a beneficiary", "the name is wrong, please change it to Ana Ruiz"
      const addedAs = !bf.colon && ADD_VERBS.has(w0) && AS_ROLE.test(after);
      const changeTo = !bf.colon && w0 === 'to' && (w1 === 'it' || w1 === 'this' || w1 === 'that') && CHANGE_VERBS.has(w2) && /\bname\b/i.test(text.slice(Math.max(0, start - 120), start));

      let emailMatch = false;
      if (ats.length > 0) {
        const locals = nearbyLocals(ats, localParts, start, end, 200);
        if (locals.length > 0) {
          const parts = toks.map(foldedOf).filter((p) => p.length >= 3);
          emailMatch = locals.some((l) => parts.some((p) => l.includes(p)));
        }
      }

      const first = toks[0]!, last = toks[n - 1]!;
      let score = 0;
      if (isGiven(first)) score += isCommon(first) ? 0.25 : 0.5;
      else if (isKnown(first)) score += isCommon(first) ? 0.1 : 0.3;
      if (n >= 2) {
        if (isKnown(last)) score += isCommon(last) ? 0.1 : 0.35;
        for (let i = 1; i < n - 1; i++) if (isKnown(toks[i]!) && !isCommon(toks[i]!)) score += 0.1;
      }
      // an unknown last word with a surname ending ("-dóttir", "-ova", "-enko", "-escu") after a first word
      if (n >= 2 && !isKnown(last) && last.word.length >= 5 && SURNAME_END.test(foldedOf(last))) score += 0.3;
      if (n >= 2 && /[ \t](?:van|von|de|der|den|da|di|du|del|della|dos|das|le|la|bin|al|el|ten|ter|zu|y)[ \t]/.test(text.slice(start, end))) score += 0.2;
      // a middle initial between two capitalised words ("Anna K. Berg") is how people's names are written
      if (n >= 2 && MIDDLE_INITIAL.test(text.slice(start, end))) score += text.indexOf('.', start) > 0 && text.indexOf('.', start) < end ? 0.35 : 0.25;
      const listEvidence = score;
      if (weak) score += 0.2;
      if (emailMatch) score += 0.35;
      if (article || lowerArticle) score -= 0.4;
      if (houseNumber) score -= 0.5;

      let confidence = 0;
      // (a number and a street after a titled full name, a given name first, is its address: "Mrs. Ana Ruiz 12 Elm Road";
      // not "Mr. Robot Season 2 is out", "Dr. Pepper Zero 12 pack")
      const titledAddress = honorific && n >= 2 && houseNumber && isGiven(first) && !isCommon(first) && /^[ \t]+\d{1,4}[a-z]?,?[ \t]+\p{Lu}/u.test(after);
      if (strong && (!houseNumber || titledAddress) && !(n === 1 && isCommon(first) && !honorific && !naming && !GREETINGS.has(w0))) {
        // a salutation, title, name field or signature: the capitalised words after it are a name
        // a single unknown word needs a title ("Mr Xyz"); after a greeting or a label it must be a known name
        if (n >= 2 || listEvidence > 0) confidence = 0.92;
        else if (honorific || (n === 1 && nameIs)) confidence = 0.8;
      } else if (n >= 2 && (score >= 0.75 || (score >= 0.7 && isGiven(first) && !isCommon(first) && weak) || (score >= 0.5 && isGiven(first) && !isCommon(first) && WEAK_AFTER.test(after) && !article && !lowerArticle)))
        confidence = score >= 1 ? 0.9 : 0.82;
      // an unlisted first name before a listed surname (or a surname ending) after a word about a person
      // ("sung by Bonifacio Kowalczyk", "a note from Xiadani Okafor"; not after a place preposition)
      else if (n >= 2 && n <= 3 && weak && !isKnown(first) && !article && !lowerArticle && !houseNumber && !(PLACE_PREPS.has(w0) && !WEAK_AFTER.test(after)) &&
        ((isKnown(last) && !isCommon(last)) || (last.word.length >= 5 && SURNAME_END.test(foldedOf(last)))))
        // after a word about a person before it (not only a verb after it), strong enough to read its words again later
        confidence = !bf.colon && WEAK.has(w0) && !PLACE_PREPS.has(w0) ? 0.82 : 0.8;
      // two unlisted words around a middle initial after a word about a person: "written by Szelma K Varga",
      // "assistant to Ondrej P. Halasz" (not "Vitamin D Tablets", "Building C Reception")
      // or on an address block's label: "Billing address: Erlendur G. Hafliðason"
      // (with the street on the next line: not "IP address: Router B Primary")
      else if (n === 2 && (bf.colon ? addressLabel(w0, w1) && addressLineAfter(text, end) : WEAK.has(w0)) && !article && !lowerArticle && !houseNumber && !INITIAL_NOUNS.has(first.lower) && !isCommon(first) && !isCommon(last) &&
        last.word.length >= 3 && MIDDLE_INITIAL.test(text.slice(start, end)))
        confidence = 0.82;
      // a person named by what is done to them: "add Ana Ruiz as a beneficiary", "(name wrong) change it to Ana Ruiz"
      else if (n >= 2 && n <= 3 && !article && !lowerArticle && !houseNumber && (addedAs || (changeTo &&
        ((isGiven(first) && !isCommon(first)) || SURNAME_END.test(foldedOf(last)) || (isKnown(first) && isKnown(last) && !isCommon(first) && !isCommon(last))))))
        confidence = 0.85;
      // what only a person does, right after two or three words at a sentence start ("Xiadani Orruk lives at…")
      else if (n >= 2 && n <= 3 && start === runStart && !article && !houseNumber && personalAfter(text, end) && sentenceStartAt(text, start)) confidence = 0.8;
      // a listed full name after an article, before a noun: "the Vera Lindqvist recording", "a Homero Portillo concert"
      else if ((article || lowerArticle) && n >= 2 && n <= 3 && !houseNumber && !isCommon(first) && !isCommon(last) && /^[ \t]+\p{Ll}/u.test(after) &&
        ((listEvidence >= 0.85 && isKnown(first) && !/^[ \t]+(?:of|and|or|in|on|at|to|for|from|by|with|is|was|are|were|has|have|had)\b/.test(after)) ||
          // an unlisted given name too, before a work: "a Zoltanek Kowalski concert"
          (isKnown(last) && WORK_AFTER.test(after))))
        confidence = 0.8;
      else if (n === 1 && score >= 0.85 && emailMatch) confidence = 0.8;
      else if (single > 0 && !houseNumber) confidence = single;
      // "ask Wojciech to resend", "tell Ingrid": a known, unambiguous given name right after a verb about a person
      else if (n === 1 && !bf.colon && PERSON_VERBS.has(w0) && isGiven(first) && !isCommon(first) && !article && !lowerArticle && !houseNumber) confidence = 0.7;
      if (confidence === 0) {
        if (n === 1) lone.push(start, end);
        return;
      }
      // a country, state or city of several words, some of them names ("Costa Rica", "Sierra Leone", "Los Angeles")
      if (n >= 2 && !honorific && places.has(placeKey(text.slice(start, end)))) return;
      out.push({ dataClass: 'personal_data', detector: 'person-name', start, end, confidence });
      lastAcceptedEnd = end;
      if (n >= 2 && confidence >= 0.82) {
        for (const x of [first, last]) {
          if (x.word.length < 3 || x.word.length > 31 || isCommon(x) || STOP.has(x.lower) || PRODUCT_NAMES.has(x.lower)) continue;
          (seen ??= new Set()).add(x.lower);
          seenKeys.add(wordKey(x.lower, 0, x.lower.length));
        }
      }
    }, loneWord, done);
    if (seen !== undefined) {
      for (let i = 0; i < lone.length; i += 2) {
        const s = lone[i]!, e = lone[i + 1]!;
        if (e - s > 31 || !seenKeys.has(wordKey(text, s, e)) || !seen.has(text.slice(s, e).toLowerCase())) continue;
        // "Berg Street", "Solheim Holdings": a street or a firm named after the person
        if (ORG_AFTER.test(text.slice(e, e + 40))) continue;
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.75 });
      }
    }
  },
};

/** A number for the word [s, e) of `w`: its first letter in lower case, its last letter and its length (< 32). */
function wordKey(w: string, s: number, e: number): number {
  let c = w.charCodeAt(s);
  c = c < 128 ? c | 32 : w[s]!.toLowerCase().charCodeAt(0);
  return ((c & 0x1ff) << 21) | ((w.charCodeAt(e - 1) & 0x3ff) << 5) | (e - s); // below 2^30: a small integer
}

/** non-ASCII words -> in the name lists without their accents (bounded: cleared at 4096 entries) */
const FOLDED_KNOWN = new Map<string, boolean>();

/** "A, B, C and D": 3-8 single capitalised words separated by commas, the last after "and"/"or"/"&" (sticky, bounded). */
const NAME_LIST = /\p{Lu}[\p{Ll}'’-]+(?:,[ \t]{1,3}\p{Lu}[\p{Ll}'’-]+){1,7},?[ \t]{1,3}(?:and|or|&)[ \t]{1,3}\p{Lu}[\p{Ll}'’-]+(?![\p{L}\d])/uy;
const LIST_ITEM = /\p{Lu}[\p{Ll}'’-]+/gu;
/**
 * The items of a list of names starting at `start`, or undefined: at least 3 items, and all of them
 * but one (lower case) pass `isName`, so that a list of products, places or days is left alone.
 */
function nameList(text: string, start: number, isName: (lower: string) => boolean, minUnlistedFirst = 4): [number, number][] | undefined {
  NAME_LIST.lastIndex = start;
  const m = NAME_LIST.exec(text);
  if (m === null) return undefined;
  const items: [number, number][] = [];
  let misses = 0;
  LIST_ITEM.lastIndex = 0;
  for (let x = LIST_ITEM.exec(m[0]); x !== null; x = LIST_ITEM.exec(m[0])) {
    items.push([start + x.index, start + x.index + x[0].length]);
    if (!isName(x[0].toLowerCase())) misses++;
  }
  // the first item unlisted ("Xiadani, Hannah, Omar and Lea"): the list must be longer and the rest all names
  const firstKnown = isName(text.slice(items[0]![0], items[0]![1]).toLowerCase());
  return misses <= 1 && (firstKnown ? items.length >= 3 : items.length >= minUnlistedFirst) ? items : undefined;
}

/** "Anna: text" at a line start: a speaker in a transcript or a chat log */
const SPEAKER = /[ \t]{0,3}(\p{Lu}[\p{Ll}'’-]{1,20}):[ \t]+\S/uy;
/** words that head a field or a section line ("Note: ...", "Status: ..."), never a speaker */
const NOT_SPEAKERS = words(`note notes summary subject date time re fw fwd from to cc bcc name email e-mail phone tel fax mobile address website url status
  priority owner type category title description answer question q a step warning error example result results reason comment comments update tip
  bot user assistant system agent customer client host guest speaker interviewer interviewee moderator caller operator support admin me you
  action decision outcome location where when what who why how total price cost amount source reference ref id
  agenda attendees blockers risks risk next todo budget timeline goal goals context background problem solution input output response request
  prompt transcript followup follow-up minutes issue issues fix cause impact steps details info information contact company department role
  team project version build environment env tags labels links attachment attachments pros cons yes no ok okay hint caution important`);
/**
 * Speaker labels of a transcript: lines that start with "Word: text" where the word is in the name
 * lists (and no field word); at least two different such speakers make a transcript.
 * Returns the starts of the names pushed (so the main scan does not push them again).
 */
function speakerLabels(
  text: string,
  all: { has(w: string): boolean },
  common: Set<string>,
  out: { push(f: Finding): unknown },
): Set<number> | undefined {
  if (text.indexOf('\n') === -1) return undefined;
  const found = speakerLabelCandidates(text);
  if (found.length < 2) return undefined;
  // a label that repeats ("Plan:", "Salary:" in each record) is no evidence: only words of the name lists count
  const isName = (w: string): boolean => !NOT_SPEAKERS.has(w) && !STOP.has(w) && !common.has(w) && (all.has(w) || all.has(fold(w, w)));
  const names = found.filter((f) => isName(f.lower));
  if (new Set(names.map((f) => f.lower)).size < 2) return undefined;
  // a speaker whose name is not in the lists ("Xiadani:") on the line right before or after a listed one
  const named = new Set(names);
  const nextLine = (a: { start: number }, b: { start: number }): boolean => {
    const nl = text.indexOf('\n', a.start);
    return nl !== -1 && nl < b.start && text.lastIndexOf('\n', b.start - 1) === nl;
  };
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (named.has(f) || f.end - f.start < 3 || NOT_SPEAKERS.has(f.lower) || STOP.has(f.lower) || common.has(f.lower)) continue;
    const prev = found[i - 1], next = found[i + 1];
    if ((prev !== undefined && named.has(prev) && nextLine(prev, f)) || (next !== undefined && named.has(next) && nextLine(f, next))) names.push(f);
  }
  const starts = new Set<number>();
  for (const f of names) {
    out.push({ dataClass: 'personal_data', detector: 'person-name', start: f.start, end: f.end, confidence: 0.8 });
    starts.add(f.start);
  }
  return starts;
}

/**
 * The "Word:" at the start of lines (the first colon of each line, back to its line start, at most 25
 * characters), for speakerLabels. A function of its own: when the scan loop was optimised while
 * running (on-stack replacement), the code after it had no type feedback yet and V8 left that
 * optimised code there on every call (~40 deoptimisations per inspection of the dense text).
 */
function speakerLabelCandidates(text: string): { start: number; end: number; lower: string }[] {
  const found: { start: number; end: number; lower: string }[] = [];
  for (let c = text.indexOf(':'); c !== -1; ) {
    let ls = c;
    while (ls > 0 && c - ls <= 25 && text.charCodeAt(ls - 1) !== 10) ls--;
    if (ls === 0 || text.charCodeAt(ls - 1) === 10) {
      let q = ls;
      while (q < c && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
      if (isUpper(text.charCodeAt(q))) {
        SPEAKER.lastIndex = ls;
        const m = SPEAKER.exec(text);
        if (m !== null && ls + m[0].indexOf(':') === c) {
          const start = ls + m[0].indexOf(m[1]!);
          found.push({ start, end: start + m[1]!.length, lower: m[1]!.toLowerCase() });
        }
      }
    }
    const nl = text.indexOf('\n', c);
    c = nl === -1 ? -1 : text.indexOf(':', nl);
  }
  return found;
}

/**
 * In a short text with capitals, two lower-case words right after a word about someone addressed or
 * written to ("ask", "hi", "an email to", "a call with"; keyword-scan.ts 'personcue'): lower-case
 * words are mostly words there, so only these contexts are read. Sticky, at the end of the cue word.
 */
const LOWER_CUED = /(?:[ \t]+(?:to|with|from))?[ \t]+(\p{Ll}[\p{Ll}'’-]{2,})[ \t]+(\p{Ll}[\p{Ll}'’-]{2,})/uy;
/** cues that take the name right after them; the others ("email", "call", "forward") take it after "to", "with" or "from" */
const DIRECT_CUES = words('ask asked tell told ping pinged remind reminded invite invited introduce thank thanks cc hi hello hey dear emailed');
/** texts up to this length are read by lowerCaseNames even when they have capitals (chat prompts) */
const LOWER_CASE_MAX = 4096;
/** A lower-case word that is in `list` (as typed or without accents) and is no common word, stop word or product. */
function listedLowerCaseWord(w: string, list: { has(w: string): boolean }, common: Set<string>): boolean {
  return !common.has(w) && !STOP.has(w) && !PRODUCT_NAMES.has(w) && (list.has(w) || list.has(fold(w, w)));
}
function cuedLowerCaseNames(
  text: string,
  cueEnds: readonly number[],
  given: { has(w: string): boolean },
  all: { has(w: string): boolean },
  common: Set<string>,
  out: { push(f: Finding): unknown },
): void {
  const ok = (w: string, list: { has(w: string): boolean }): boolean => listedLowerCaseWord(w, list, common);
  for (const ce of cueEnds) {
    LOWER_CUED.lastIndex = ce;
    const m = LOWER_CUED.exec(text);
    if (m === null) continue;
    // the preposition is needed after "email", "call"…, and not after "ask", "hi"…
    let cs = ce;
    while (cs > 0 && isLetter(text.charCodeAt(cs - 1))) cs--;
    const prep = /^[ \t]+(?:to|with|from)[ \t]/.test(m[0]);
    if (prep === DIRECT_CUES.has(text.slice(cs, ce).toLowerCase())) continue;
    const a = m[1]!;
    let b = m[2]!;
    const bStart = ce + m[0].length - b.length;
    let aEnd = bStart;
    while (text.charCodeAt(aEnd - 1) === 32 || text.charCodeAt(aEnd - 1) === 9) aEnd--;
    if (b.endsWith("'s") || b.endsWith('’s')) b = b.slice(0, -2);
    if (!ok(a, given) || !(ok(b, all) || (b.length >= 5 && SURNAME_END.test(fold(b, b))))) continue;
    out.push({ dataClass: 'personal_data', detector: 'person-name', start: aEnd - a.length, end: bStart + b.length, confidence: 0.75 });
  }
}
/** any capital letter (Latin, Greek, Cyrillic): a text without one is read by lowerCaseNames */
const HAS_CAPITAL = /[A-Z\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F]/;
const LOWER_WORD = /[\p{Ll}'’-]+/gu;
/**
 * Names in a text typed in lower case: a given name and a family name from the lists (no common
 * words), side by side on one line, with a person context right before ("with", "hi", "asked") or
 * a verb about a person right after ("lives", "said").
 */
function lowerCaseNames(
  text: string,
  given: { has(w: string): boolean },
  all: { has(w: string): boolean },
  common: Set<string>,
  out: { push(f: Finding): unknown },
): void {
  const ok = (w: string, list: { has(w: string): boolean }): boolean => w.length >= 3 && listedLowerCaseWord(w, list, common);
  let prev = '', prevEnd = -1, prevStart = -1, before = '';
  LOWER_WORD.lastIndex = 0;
  for (let m = LOWER_WORD.exec(text); m !== null; m = LOWER_WORD.exec(text)) {
    // a possessive is no part of the word ("anna berg's office")
    const poss = m[0].length > 3 && (m[0].endsWith("'s") || m[0].endsWith('’s'));
    const w = poss ? m[0].slice(0, -2) : m[0], s = m.index, e = s + w.length;
    // the two words are separated by blanks only
    let adjacent = prevEnd >= 0 && s > prevEnd;
    for (let i = prevEnd; adjacent && i < s; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) adjacent = false;
    // the family name listed, or unlisted with a surname ending ("olga petrenko", "ivan sokolova")
    if (adjacent && ok(prev, given) && (ok(w, all) || (w.length >= 5 && !common.has(w) && !STOP.has(w) && SURNAME_END.test(fold(w, w))))) {
      const context = WEAK.has(before) || PERSON_VERBS.has(before) || GREETINGS.has(before) || (before === 'is' && text.slice(Math.max(0, prevStart - 9), prevStart).includes('name')) || WEAK_AFTER.test(text.slice(e, e + 40));
      if (context) {
        out.push({ dataClass: 'personal_data', detector: 'person-name', start: prevStart, end: e, confidence: 0.75 });
        prev = '';
        prevEnd = -1;
        before = '';
        continue;
      }
    }
    // one listed name ending the sentence after "name is": "her maiden name is nyberg."
    // (a person's name: "my", "her maiden"… before it, not "the project name is phoenix")
    if (adjacent && prev === 'is' && before === 'name' && ok(w, all) && (e === text.length || NAME_END_PUNCT.has(text.charCodeAt(e))) && OWNED_NAME_IS.test(text.slice(Math.max(0, s - 32), s))) {
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: s, end: e, confidence: 0.75 });
    }
    before = adjacent ? prev : '';
    prev = poss ? '' : w;
    prevStart = s;
    prevEnd = poss ? -1 : e;
  }
}
/** "my name is", "her maiden name is" right before a word */
const OWNED_NAME_IS = /(?:^|[^\p{L}])(?:my|his|her|their|your|maiden|full|legal|real|married|birth|last|first|family)[ \t]+name[ \t]+is[ \t]+$/u;
/** what may end a name that ends its sentence: . , ! ? ; and a line break */
const NAME_END_PUNCT = new Set([46, 44, 33, 63, 59, 10, 13]);
