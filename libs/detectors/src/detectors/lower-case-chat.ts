/**
 * Names in chat typed without capitals, beyond the given-and-family-name pairs of
 * lower-case-names.ts (person-name-detector.ts runs both on a text without a capital):
 * - a list of people ("the team is me, mohammed ali, xu ming and dmitri volkov"): items of one to
 *   three listed words, most of them a given name and a family name;
 * - a given name before a form of address ("ramesh bhaiya", "sunita aunty", "kenji san");
 * - a given name alone with a word about a person: after a greeting ("hi sunita"), after "my boss",
 *   "my coworker" ("tell my boss kevin"), after "ask", "tell", "ping", before "said", "told", "wants"
 *   ("deepak said …"), or before "has", "is" with his/her after ("jake has it at his desk");
 * - a word of a name found before, again ("ngozi is vegan", after "ngozi okeke");
 * - a given name to reach ("page kofi", "loop in ana and joão"), said to be somewhere ("joão is on
 *   call", "dave's off"), asked about ("can hamza cover my 2pm?"), in brackets after a word for a
 *   person ("our manager (deborah)"), before a team and a verb of saying ("raj from finance said"),
 *   two given names before their verb ("sven and aylin are on it"), and a given name that is also
 *   an everyday word only when told to do something or said to be somewhere at a sentence start
 *   ("tell bill to start", "will is running late").
 */
import type { Finding } from '../finding';
import { fold } from './capitalised-runs';
import { placeLikeGiven } from './name-shapes';
import { GREETINGS, NOT_SUBJECTS, PERSON_VERBS, POSSESSIVES as POSSESSIVE, PRODUCT_NAMES, STOP, SURNAME_END, words } from './person-name-words';

interface Lists {
  given: { has(w: string): boolean };
  all: { has(w: string): boolean };
  common: Set<string>;
  english?: { has(w: string): boolean };
  places?: Set<string>;
}

/** forms of address after a given name, of many languages: "ramesh bhaiya", "sunita aunty", "kenji san", "ahmet bey" */
const ADDRESS_AFTER = words(`bhaiya bhaia bhai bhaiyya didi ji jee aunty auntie uncle sahab saab sahib akka anna thambi chechi chettan dada dadi bhabhi bhabi
  chacha chachi mama mami nana nani sensei san sama kun chan hyung oppa unnie noona nuna sunbae ssi bey hanim hanım abla abi amca teyze
  effendi efendi baba mzee ustaz ustazah pakcik makcik encik cik tita tito ate kuya lola lolo`);
/** "my boss", "our coworker": a word for a person before a given name */
const PERSON_NOUNS = words(`boss manager coworker co-worker colleague friend buddy mate teammate roommate flatmate neighbour neighbor kid son daughter
  wife husband partner girlfriend boyfriend brother sister cousin mom mum dad mother father uncle aunt nephew niece grandma grandpa client
  tutor teacher doctor nurse landlord landlady tenant supervisor lead intern assistant driver maid nanny`);
/** "had given", "gave": a verb of giving between two people, "his" / "her" / "their" after the second */
const GIVE_VERBS = words('given gave handed lent shown showed sent passed');
const POSSESSIVE_3 = words('his her their');
/** titles before a name typed in lower case ("mr. elliott", "dr okafor") */
const HONORIFIC_WORDS = words('mr mrs ms miss mx dr prof');
/** verbs after a person that ask for nothing more ("deepak said", "priya wants") */
const SAYS = words(`said says told tells asked asks wants wanted needs needed thinks thought mentioned suggested agreed promised replied texted emailed
  called messaged pinged knows knew feels felt shouted whispered laughed smiled confirms confirmed thanked approved`);
/** a question about someone at a sentence start: "can hamza cover my 2pm?", "could priya check" */
const MODALS = words('can could will would should does did');
/** verbs after which a pronoun for a person must follow: "jake has it at his desk" (not "is": "jordan is very hot. he went…") */
const WEAK_VERBS = words('has had');
const PRONOUN = /\b(?:he|she|his|her|him|hers|he's|she's)\b/;
/** verbs of chat that name whom to reach: "page kofi", "dm priya", "loop in omar" */
const REACH_VERBS = words('page paged dm dmed slack tag tagged loop cc ping pinged remind');
/** what a person is, said with "is" or "'s": "joão is on call", "dave's off again", "will is running late" */
const STATE_AFTER = words('on off out sick late running away back doing working taking handling covering joining leaving in at ooo wfh');
/** the same, said only of a person: for a given name that is also a word ("will is running late", not "summer is on its way") */
const PERSON_STATE = /^(?:(?:is|'s|’s)[ \t]+)?(?:running[ \t]+late|off[ \t]+sick|out[ \t]+sick|off[ \t]+today|out[ \t]+today|on[ \t]+(?:call|leave|holiday|vacation|pto)|sick|ooo|wfh)\b/;
/** after two names joined by "and": a verb of the two ("sven and aylin are doing the migration") */
const PAIR_VERBS = words("are were will have had did can could should 're 've need want said");
const WORD = /\p{Ll}+(?:['’-]\p{Ll}+)*/gu;

/** The lower-case names of a text without capitals (see the file's comment); `found` holds the spans lowerCaseNames already pushed. */
export function lowerCaseChat(text: string, lists: Lists, found: readonly { start: number; end: number }[], out: { push(f: Finding): unknown }): void {
  const { given, all, common } = lists;
  const listed = (w: string, list: { has(w: string): boolean }): boolean =>
    w.length >= 2 && !common.has(w) && !STOP.has(w) && !PRODUCT_NAMES.has(w) && (list.has(w) || list.has(fold(w, w)));
  // in both lists: a Bloom filter answers yes for ~1% of other words ("usually"), two of them for far fewer
  const givenWord = (w: string): boolean => w.length >= 3 && listed(w, given) && listed(w, all);
  const family = (w: string): boolean => listed(w, all) || (w.length >= 5 && !common.has(w) && SURNAME_END.test(fold(w, w)));
  // the words of the text: [start, end, lower] (a possessive 's cut off)
  const ws: { s: number; e: number; w: string }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let w = m[0];
    if (w.length > 3 && (w.endsWith("'s") || w.endsWith('’s'))) w = w.slice(0, -2);
    ws.push({ s: m.index, e: m.index + w.length, w });
    if (ws.length > 20_000) break;
  }
  // the words inside a name already pushed (by lowerCaseNames or here)
  const marked = new Uint8Array(ws.length);
  const sorted = [...found].sort((x, y) => x.start - y.start);
  for (let i = 0, k = 0; i < ws.length && k < sorted.length; ) {
    if (ws[i]!.s >= sorted[k]!.end) k++;
    else {
      if (ws[i]!.s >= sorted[k]!.start) marked[i] = 1;
      i++;
    }
  }
  const pushed: [number, number][] = [];
  /** words a to b (indices) as a name */
  const push = (a: number, b: number): void => {
    for (let i = a; i <= b; i++) if (marked[i] === 1) return;
    for (let i = a; i <= b; i++) marked[i] = 1;
    out.push({ dataClass: 'personal_data', detector: 'person-name', start: ws[a]!.s, end: ws[b]!.e, confidence: 0.75 });
    pushed.push([ws[a]!.s, ws[b]!.e]);
  };
  const blanksBefore = (i: number): boolean => {
    const a = ws[i - 1]!.e, b = ws[i]!.s;
    if (b <= a) return false;
    for (let k = a; k < b; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return false;
    return true;
  };
  const commaBefore = (i: number): boolean => {
    const a = ws[i - 1]!.e, b = ws[i]!.s;
    if (text.charCodeAt(a) !== 44) return false;
    for (let k = a + 1; k < b; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return false;
    return true;
  };
  // 1. lists of people: items of one to three words separated by ", " and a last one after "and"
  for (let i = 0; i < ws.length; i++) {
    const items: [number, number][] = [];
    let j = i, last = false;
    while (j < ws.length && items.length < 12) {
      let k = j;
      // an item's words: blanks between, no "and"; the last item's only as long as they are names
      while (k + 1 < ws.length && k - j < 2 && blanksBefore(k + 1) && ws[k + 1]!.w !== 'and' && ws[k + 1]!.w !== 'or' && (!last || family(ws[k + 1]!.w))) k++;
      items.push([j, k]);
      if (last || k + 1 >= ws.length) break;
      if (commaBefore(k + 1)) {
        j = ws[k + 1]!.w === 'and' && k + 2 < ws.length && blanksBefore(k + 2) ? k + 2 : k + 1;
        last = j === k + 2;
      } else if (blanksBefore(k + 1) && ws[k + 1]!.w === 'and' && k + 2 < ws.length && blanksBefore(k + 2)) {
        j = k + 2;
        last = true;
      } else break;
    }
    if (!last || items.length < 3) continue;
    const pair = ([a, b]: [number, number]): boolean => b > a && (givenWord(ws[a]!.w) || listed(ws[a]!.w, all)) && ws.slice(a + 1, b + 1).every((x) => family(x.w));
    const single = ([a, b]: [number, number]): boolean => a === b && (ws[a]!.w === 'me' || ws[a]!.w === 'myself' || ws[a]!.w === 'you' || givenWord(ws[a]!.w));
    const pairs = items.filter(pair).length;
    if (pairs >= 2 && items.every((x) => pair(x) || single(x))) {
      for (const [a, b] of items) if (b > a || givenWord(ws[a]!.w)) push(a, b);
      i = items[items.length - 1]![1];
    } else if (items.length >= 4 && items.every(([a, b]) => a === b)) {
      // or of given names alone ("the kids are maya, omar, lea and tom"): four or more, all but one listed,
      // that one no everyday word either
      const givens = items.filter(([a]) => givenWord(ws[a]!.w)).length;
      if (givens >= items.length - 1 && givens >= 3 && items.every(([a]) => givenWord(ws[a]!.w) || (ws[a]!.w.length >= 4 && !common.has(ws[a]!.w) && !STOP.has(ws[a]!.w)))) {
        for (const [a] of items) push(a, a);
        i = items[items.length - 1]![1];
      }
    }
  }
  // 2. a title and a name ("mr. elliott", "dr okafor", "mrs. ana ruiz"): a listed name or a surname ending
  for (let i = 1; i < ws.length; i++) {
    if (marked[i] === 1 || !HONORIFIC_WORDS.has(ws[i - 1]!.w) || !(givenWord(ws[i]!.w) || family(ws[i]!.w))) continue;
    const gap = text.slice(ws[i - 1]!.e, ws[i]!.s);
    if (!/^\.?[ \t]{1,3}$/.test(gap)) continue;
    push(i, i + 1 < ws.length && blanksBefore(i + 1) && family(ws[i + 1]!.w) ? i + 1 : i);
  }
  // 3. a giver and a receiver at a sentence start: "ilse had given omar his keys", "ilse gave omar her number"
  for (let i = 0; i + 3 < ws.length; i++) {
    const a = ws[i]!.w;
    let j = i + 1;
    if (ws[j]!.w === 'had' || ws[j]!.w === 'has') j++;
    if (j + 2 >= ws.length || !GIVE_VERBS.has(ws[j]!.w) || !POSSESSIVE_3.has(ws[j + 2]!.w)) continue;
    const b = ws[j + 1]!.w;
    if (![i + 1, j, j + 1, j + 2].every((k) => blanksBefore(k)) || !/^[\s]*$|[.!?\n][\s]*$/.test(text.slice(Math.max(0, ws[i]!.s - 3), ws[i]!.s))) continue;
    // (one of them a listed name: lower-case words are mostly words, "sales had given marketing their numbers")
    if ([a, b].some((w) => w.length < 3 || STOP.has(w) || NOT_SUBJECTS.has(w) || common.has(w) || PRODUCT_NAMES.has(w)) || !(givenWord(a) || givenWord(b) || family(a) || family(b))) continue;
    push(i, i);
    push(j + 1, j + 1);
  }
  // 4. one given name with a word about a person
  const seen = new Set<string>();
  for (const f of [...found, ...pushed.map(([start, end]) => ({ start, end }))]) {
    // the first word of a full name found (a given name, listed or not: "ngozi" of "ngozi okeke")
    const w = /^([\p{Ll}'’-]{3,})[ \t]+\p{Ll}/u.exec(text.slice(f.start, f.end));
    if (w !== null && !common.has(w[1]!) && !STOP.has(w[1]!) && listed(w[1]!, all)) seen.add(w[1]!);
  }
  /** a listed given name that is also an everyday word ("will", "bill", "mark"): read only with the surest cues below */
  const everydayGiven = (w: string): boolean => w.length >= 3 && common.has(w) && given.has(w) && all.has(w) && !STOP.has(w);
  for (let i = 0; i < ws.length; i++) {
    const { e, w } = ws[i]!;
    const listedGiven = givenWord(w) || seen.has(w);
    if (marked[i] === 1 || !(listedGiven || everydayGiven(w))) continue;
    const prev = i > 0 && blanksBefore(i) ? ws[i - 1]!.w : '';
    const prev2 = i > 1 && prev !== '' && blanksBefore(i - 1) ? ws[i - 2]!.w : '';
    const next = i + 1 < ws.length && blanksBefore(i + 1) ? ws[i + 1]!.w : '';
    const next2 = next !== '' && i + 2 < ws.length && blanksBefore(i + 2) ? ws[i + 2]!.w : '';
    // "joão is on call", "dave's off again" (the 's cut off the word: its next word follows the apostrophe)
    const contracted = text.charCodeAt(e) === 39 || text.charCodeAt(e) === 0x2019;
    const state = (next === 'is' && STATE_AFTER.has(next2)) || (contracted && i + 1 < ws.length && STATE_AFTER.has(ws[i + 1]!.w) && ws[i + 1]!.s - e <= 3);
    // an everyday word only told to do something or said to be somewhere ("tell bill to start", "will is running late" at a sentence start)
    if (!listedGiven) {
      const sentenceStart = i === 0 || /[.!?\n][ \t]*$/.test(text.slice(Math.max(0, ws[i]!.s - 3), ws[i]!.s));
      if (((PERSON_VERBS.has(prev) || REACH_VERBS.has(prev)) && next === 'to') || (sentenceStart && PERSON_STATE.test(text.slice(e, e + 24).replace(/^[ \t]+/, '')))) push(i, i);
      continue;
    }
    // two given names joined by "and" before their verb: "sven and aylin are doing the migration"
    if (next === 'and' && i + 2 < ws.length && givenWord(next2) && marked[i + 2] !== 1 && i + 3 < ws.length && PAIR_VERBS.has(ws[i + 3]!.w)) {
      push(i, i);
      push(i + 2, i + 2);
      seen.add(w).add(next2);
      continue;
    }
    // (in brackets after a word for a person: "our manager (deborah)")
    const bracketed = prev === '' && i > 1 && /^[ \t]*\($/.test(text.slice(ws[i - 1]!.e, ws[i]!.s)) && text.charCodeAt(e) === 41;
    const before = bracketed ? ws[i - 1]!.w : prev, before2 = bracketed ? (blanksBefore(i - 1) ? ws[i - 2]!.w : '') : prev2;
    // "raj from finance said …": a team between the name and its verb
    const saysAfterTeam = next === 'from' && i + 3 < ws.length && [i + 2, i + 3].every((k) => blanksBefore(k)) && SAYS.has(ws[i + 3]!.w);
    // "can hamza cover my 2pm?": a question about what someone does, at a sentence start (not an everyday word,
    // an English one or a place: "will ivy damage brick walls?", "can victoria station be reached")
    const asked = MODALS.has(prev) && next !== '' && !common.has(w) && !lists.english?.has(w) && !lists.places?.has(w) && !placeLikeGiven(w) && /(?:^|[.!?\n])[ \t]*$/.test(text.slice(Math.max(0, ws[i - 1]!.s - 3), ws[i - 1]!.s));
    let ok = ADDRESS_AFTER.has(next) || seen.has(w) ||
      (GREETINGS.has(prev) && prev !== 'love' && prev !== 'best' && prev !== 'morning') ||
      (PERSON_NOUNS.has(before) && POSSESSIVE.has(before2)) ||
      (PERSON_VERBS.has(prev) && prev !== 'call' && prev !== 'called' && prev !== 'forward') ||
      // "loop in omar"
      REACH_VERBS.has(prev) || (prev === 'in' && prev2 === 'loop') || SAYS.has(next) || state || saysAfterTeam || asked;
    if (!ok && WEAK_VERBS.has(next)) ok = PRONOUN.test(text.slice(e, e + 60));
    if (ok) {
      // the form of address belongs to the name ("ramesh bhaiya")
      push(i, ADDRESS_AFTER.has(next) ? i + 1 : i);
      seen.add(w);
      // and a given name joined to it: "loop in ana and joão"
      if (next === 'and' && givenWord(next2) && blanksBefore(i + 2)) {
        push(i + 2, i + 2);
        seen.add(next2);
      }
    }
  }
}
