/**
 * Context rules of the person-name detector (person-name-detector.ts) that read the text around a
 * capitalised run: the words before it on its line (beforeOf), the line before, a sentence start,
 * what only a person does after it, an address block after it, e-mail addresses nearby and a list of
 * names. person-name-cues.ts holds more (a quotation's speaker, address labels, unit words).
 */
import { lowerBound } from '../detector';
import { isLetter, isLower, prevChar } from './capitalised-runs';
import { ADDRESS_LINE_AFTER, AUX_AFTER, SAID_PAST } from './person-name-words';

/** a sentence-start given name described as a person: "Priya is very reliable … depend on her" (a place or a product is rarely "very reliable" and "him") */
const IS_DESCRIBED = /^[ \t]+(?:is|was)[ \t]+(?:a[ \t]+)?(?:very|so|really|always|quite|extremely|such|too|never|incredibly|super|truly)\b/;
const PERSON_CUE = /\b(?:him|her|he|she|his|hers|person|guy|girl|boy|man|woman|colleague|friend)\b/i;
/** " is very …" after the word at `e`, and a word about a person in the next 120 characters */
export function describedPerson(text: string, e: number): boolean {
  const c = text.charCodeAt(e + 1);
  return (c === 105 || c === 119) && IS_DESCRIBED.test(text.slice(e, e + 24)) && PERSON_CUE.test(text.slice(e, e + 120));
}
/**
 * What only a person does or has, right after a name at a sentence start: the name then needs no
 * list ("Xiadani Orruk lives at…", "Tomasz Wrobel's wife", "Ilse Brandt will be speaking…").
 */
const PERSONAL_AFTER =
  /(?:(?:'s|’s)[ \t]+(?:killers?|murder(?:er)?|wife|husband|daughter|son|funeral|widow|widower|grave|birthday)\b|[ \t]+(?:(?:lives|lived)[ \t]+(?:at[ \t]+\d+|with[ \t]+(?:his|her|their)\b)|grew up|smiled|laughed|nodded|shouted|yelled|screamed|whispered|sighed|passed away|married|resigned|graduated|worked as|studied at|is the keynote speaker|had given|began (?:writing|painting|singing|acting|composing))\b)/y;
/** only blanks (and a comma) between `pos` and the end of its line */
export function lineEndsAt(text: string, pos: number): boolean {
  let i = pos;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 44)) i++;
  return i < text.length && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13);
}
/** nothing, or the end of a sentence or a line, before `pos` */
export function sentenceStartAt(text: string, pos: number): boolean {
  const p = prevChar(text, pos);
  return p === -1 || p === 46 || p === 33 || p === 63 || p === 10;
}
/** the first letters of PERSONAL_AFTER's verbs (lower case ASCII): most words are ruled out before the regex */
const PERSONAL_HEADS = new Set([...'lgsnywpmrihb'].map((c) => c.charCodeAt(0)));
const personalAfter = (text: string, e: number): boolean => {
  const c = text.charCodeAt(e);
  if (c === 32 ? !PERSONAL_HEADS.has(text.charCodeAt(e + 1)) : c !== 39 && c !== 0x2019) return false;
  PERSONAL_AFTER.lastIndex = e;
  return PERSONAL_AFTER.test(text);
};
/** the street line of an address block right after the end of a name's line */
export function addressLineAfter(text: string, end: number): boolean {
  ADDRESS_LINE_AFTER.lastIndex = end;
  return ADDRESS_LINE_AFTER.test(text);
}

interface Before {
  /** up to 3 words before, nearest first, lower case ('.' stripped): the callers read three */
  words: string[];
  colon: boolean;
  comma: boolean;
  /** only blanks (or a signature dash) between the line start and the name */
  lineStart: boolean;
  dash: boolean;
}
/** What stands before `pos` on its line: the nearest words and the punctuation right before the name. One bounded backward scan. */
export function beforeOf(text: string, pos: number, lineStart: number): Before {
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


/** The line before `lineStart`, skipping blank lines (at most 3). */
export function previousLine(text: string, lineStart: number): string {
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
export function emailLocals(text: string, ats: number[], locals: string[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let b = at;
    while (b > 0 && at - b < 64 && isLocalChar(text.charCodeAt(b - 1))) b--;
    ats.push(at);
    locals.push(b < at ? text.slice(b, at).toLowerCase() : '');
  }
}

/** Local parts of the e-mail addresses within `radius` of [s, e) (the '@' positions are sorted). */
export function nearbyLocals(ats: readonly number[], localParts: readonly string[], s: number, e: number, radius: number): string[] {
  const out: string[] = [];
  for (let i = lowerBound(ats, s - radius); i < ats.length && ats[i]! <= e + radius; i++) if (localParts[i]!.length > 0) out.push(localParts[i]!);
  return out;
}

/** "A, B, C and D": 3-8 single capitalised words separated by commas, the last after "and"/"or"/"&" (sticky, bounded). */
const NAME_LIST = /\p{Lu}[\p{Ll}'’-]+(?:,[ \t]{1,3}\p{Lu}[\p{Ll}'’-]+){1,7},?[ \t]{1,3}(?:and|or|&)[ \t]{1,3}\p{Lu}[\p{Ll}'’-]+(?![\p{L}\d])/uy;
const LIST_ITEM = /\p{Lu}[\p{Ll}'’-]+/gu;
/**
 * The items of a list of names starting at `start`, or undefined: at least 3 items, and all of them
 * but one (lower case) pass `isName`, so that a list of products, places or days is left alone.
 */
export function nameList(text: string, start: number, isName: (lower: string) => boolean, minUnlistedFirst = 4): [number, number][] | undefined {
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

/** a verb then "its" or "their": said of a country, a firm or a team ("Georgia raised its rate", "Nike confirmed their layoffs") */
const ITS_AFTER = /^[ \t]+\p{Ll}+[ \t]+(?:its|their)\b/u;
/** A past verb of speaking or of what someone did at a meeting right after `end`, not one said of a country or a firm ("Georgia raised its rate"). */
export function pastVerbOfPerson(text: string, end: number): boolean {
  return SAID_PAST.test(text.slice(end, end + 14)) && !ITS_AFTER.test(text.slice(end, end + 30));
}
/** words after which a capitalised English word is the word, or a title's: "the Grant", "for Review" */
const AFTER_NO_NAME = new Set('a an the this that these those our your their its of for in on at to from by with into onto my his her'.split(' '));
/**
 * A capitalised word at [s, e) that is also an English word, read as the name it was seen in: before
 * what only a person does ("to" and a verb, a modal, a past verb of speaking, an auxiliary and what it
 * tells, a possessive), after a semicolon, a word in lower case that is no article or preposition, or
 * at a sentence start ("; Hart to chase", "Grant raised …", "Grant's report"; not "Item,Price,Qty",
 * "the Grant", "; Wood is expensive").
 */
export function wordAsName(text: string, s: number, e: number): boolean {
  // what only a person does after it: "Hart to chase", "Hart said", "Grant's report", "Hart has been off"
  const c = text.charCodeAt(e);
  if (!(((c === 39 || c === 0x2019) && text.charCodeAt(e + 1) === 115) || PERSON_NEXT.test(text.slice(e, e + 16)) || SAID_PAST.test(text.slice(e, e + 14)) ||
    AUX_AFTER.test(text.slice(e, e + 24)))) return false;
  const p = prevChar(text, s);
  if (p === 59) return true;
  if (isLower(p)) {
    // the word before in lower case, and no article, determiner or preposition ("Harry Potter", "the Grant")
    let i = s - 1;
    while (i > 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
    const we = i + 1;
    while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
    return isLower(text.charCodeAt(i)) && !AFTER_NO_NAME.has(text.slice(i, we));
  }
  return p === -1 || p === 46 || p === 33 || p === 63 || p === 10;
}
/** "to" and a verb, or a modal, after a word read as a name: "Hart to chase the contractor", "Hart will send it" */
const PERSON_NEXT = /^[ \t]+(?:to[ \t]+\p{Ll}{2,}|will|would|can|could|should|must|and I|and me)\b/u;

/** The start of the `k`-th word before `pos` (blanks between). */
export function wordsBack(text: string, pos: number, k: number): number {
  let i = pos;
  for (let j = 0; j < k; j++) {
    while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
    while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

export { personalAfter };
