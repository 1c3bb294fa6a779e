/**
 * Names typed in lower case, for the person-name detector (person-name-detector.ts): the capitalised
 * run scan finds nothing in "follow up with anna berg", so a text without capitals, and a short
 * prompt after a word about a person ("email john okafor"), is read here from the name lists.
 */
import type { Finding } from '../finding';
import { fold, isLetter } from './capitalised-runs';
import { GREETINGS, PERSON_VERBS, PRODUCT_NAMES, STOP, SURNAME_END, WEAK, WEAK_AFTER, words } from './person-name-words';

/**
 * In a short text with capitals, two lower-case words right after a word about someone addressed or
 * written to ("ask", "hi", "an email to", "a call with"; keyword-scan.ts 'personcue'): lower-case
 * words are mostly words there, so only these contexts are read. Sticky, at the end of the cue word.
 */
const LOWER_CUED = /(?:[ \t]+(?:to|with|from))?[ \t]+(\p{Ll}[\p{Ll}'’-]{2,})[ \t]+(\p{Ll}[\p{Ll}'’-]{2,})/uy;
/** cues that take the name right after them; the others ("email", "call", "forward") take it after "to", "with" or "from" */
const DIRECT_CUES = words('ask asked tell told ping pinged remind reminded invite invited introduce thank thanks cc hi hello hey dear emailed');
/** texts up to this length are read by lowerCaseNames even when they have capitals (chat prompts) */
export const LOWER_CASE_MAX = 4096;
/** A lower-case word that is in `list` (as typed or without accents) and is no common word, stop word or product. */
function listedLowerCaseWord(w: string, list: { has(w: string): boolean }, common: Set<string>): boolean {
  return !common.has(w) && !STOP.has(w) && !PRODUCT_NAMES.has(w) && (list.has(w) || list.has(fold(w, w)));
}
export function cuedLowerCaseNames(
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
export const HAS_CAPITAL = /[A-Z\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F]/;
/** a sentence's first letter: at the text's start, after a line break, or after . ! ? and blanks */
const SENTENCE_FIRST = /(?:^|[\n.!?][ \t]*)[ \t]*(\p{L})/gu;
/**
 * A short text whose sentences all start in lower case, however many capitals are inside ("ok update:
 * sven and aylin are on it. page kofi. also mark from QA"): typed as chat, where names are in lower
 * case too. Read by lowerCaseNames and lower-case-chat.ts as a text without capitals is.
 */
export function typedInLowerCase(text: string): boolean {
  if (text.length > LOWER_CASE_MAX) return false;
  SENTENCE_FIRST.lastIndex = 0;
  let starts = 0;
  for (let m = SENTENCE_FIRST.exec(text); m !== null; m = SENTENCE_FIRST.exec(text)) {
    const c = m[1]!;
    if (c !== c.toLowerCase()) return false;
    if (c !== c.toUpperCase()) starts++;
  }
  return starts >= 2;
}
const LOWER_WORD = /[\p{Ll}'’-]+/gu;
/**
 * Names in a text typed in lower case: a given name and a family name from the lists (no common
 * words), side by side on one line, with a person context right before ("with", "hi", "asked") or
 * a verb about a person right after ("lives", "said").
 */
export function lowerCaseNames(
  text: string,
  given: { has(w: string): boolean },
  all: { has(w: string): boolean },
  common: Set<string>,
  out: { push(f: Finding): unknown },
): void {
  const ok = (w: string, list: { has(w: string): boolean }): boolean => w.length >= 3 && listedLowerCaseWord(w, list, common);
  let prev = '', prevEnd = -1, prevStart = -1, before = '', beforeStart = -1;
  LOWER_WORD.lastIndex = 0;
  for (let m = LOWER_WORD.exec(text); m !== null; m = LOWER_WORD.exec(text)) {
    // a possessive is no part of the word ("anna berg's office")
    const poss = m[0].length > 3 && (m[0].endsWith("'s") || m[0].endsWith('’s'));
    const w = poss ? m[0].slice(0, -2) : m[0], s = m.index, e = s + w.length;
    // the two words are separated by blanks only
    let adjacent = prevEnd >= 0 && s > prevEnd;
    for (let i = prevEnd; adjacent && i < s; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) adjacent = false;
    const family = (): boolean => ok(w, all) || (w.length >= 5 && !common.has(w) && !STOP.has(w) && SURNAME_END.test(fold(w, w)));
    // a given name, a middle initial and a family name ("benjamin a seiler", "anna k. berg"): written as a person's name is
    if (prev.length === 1 && before !== '' && prevEnd >= 0 && s > prevEnd && INITIAL_GAP.test(text.slice(prevEnd, s)) && ok(before, given) && family()) {
      out.push({ dataClass: 'personal_data', detector: 'person-name', start: beforeStart, end: e, confidence: 0.75 });
      prev = '';
      prevEnd = -1;
      before = '';
      continue;
    }
    // the family name listed, or unlisted with a surname ending ("olga petrenko", "ivan sokolova")
    if (adjacent && ok(prev, given) && family()) {
      const context = WEAK.has(before) || PERSON_VERBS.has(before) || GREETINGS.has(before) || (before === 'is' && text.slice(Math.max(0, prevStart - 9), prevStart).includes('name')) || WEAK_AFTER.test(text.slice(e, e + 40)) ||
        // alone on its line: the name line of a contact or an address block ("aksel kristensen\nacme inc.\n…")
        ((prevStart === 0 || text.charCodeAt(prevStart - 1) === 10) && (e === text.length || text.charCodeAt(e) === 10 || text.charCodeAt(e) === 13) && text.indexOf('\n', e + 1) !== -1);
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
    beforeStart = prevStart;
    prev = poss ? '' : w;
    prevStart = s;
    prevEnd = poss ? -1 : e;
  }
}
/** between a middle initial and the family name: blanks, after a full stop or not */
const INITIAL_GAP = /^\.?[ \t]+$/;
/** "my name is", "her maiden name is" right before a word */
const OWNED_NAME_IS = /(?:^|[^\p{L}])(?:my|his|her|their|your|maiden|full|legal|real|married|birth|last|first|family)[ \t]+name[ \t]+is[ \t]+$/u;
/** what may end a name that ends its sentence: . , ! ? ; and a line break */
const NAME_END_PUNCT = new Set([46, 44, 33, 63, 59, 10, 13]);
