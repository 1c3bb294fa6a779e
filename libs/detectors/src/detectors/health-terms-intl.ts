import { AhoCorasick } from '../aho-corasick';
import type { HealthCategory, HealthTerm } from '../data/health-vocabulary';
import {
  INTL_CONDITIONS, INTL_CONDITIONS_AMBIGUOUS, INTL_MEDICATIONS, INTL_MEDICATIONS_AMBIGUOUS, INTL_PROCEDURES, INTL_PROCEDURES_AMBIGUOUS, INTL_UPPER_ONLY,
} from '../data/health-vocabulary-intl';
import {
  MORE_CONDITIONS, MORE_CONDITIONS_AMBIGUOUS, MORE_MEDICATIONS, MORE_MEDICATIONS_AMBIGUOUS, MORE_PROCEDURES, MORE_PROCEDURES_AMBIGUOUS,
} from '../data/health-vocabulary-intl-more';
import {
  EXTRA_CONDITIONS, EXTRA_CONDITIONS_AMBIGUOUS, EXTRA_MEDICATIONS, EXTRA_MEDICATIONS_AMBIGUOUS, EXTRA_PROCEDURES, EXTRA_PROCEDURES_AMBIGUOUS,
} from '../data/health-vocabulary-intl-extra';

/**
 * The health vocabulary of some fifty more languages (data/health-vocabulary-intl.ts,
 * data/health-vocabulary-intl-more.ts and data/health-vocabulary-intl-extra.ts), found word by word in
 * a text that is not in English. It is not in the shared keyword automaton: merged, the two
 * vocabularies would pass the automaton's 32,767 states and double its 8 MB transition table, for
 * every text, the extension's included; a lookup of each word (and of the phrases a word opens) in a
 * hash set costs nothing on English text, which the main vocabulary covers, and a pass over the words
 * on the rest.
 */

/** lower-case phrase (single spaces, straight apostrophes) -> category and tier */
const TERMS = new Map<string, HealthTerm>();
/** the first words of the phrases, and their first two, three... words: a word that opens none is passed over at once, a phrase read no further than the vocabulary goes */
const PREFIXES = new Set<string>();
let maxWords = 1;
const upper = new Set(INTL_UPPER_ONLY.split('|'));
/** a character of a script written without blanks between words (Chinese, Japanese, Thai, Burmese) or with particles glued to them (Korean) */
const UNSPACED = /[\u0e00-\u0e7f\u1000-\u109f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** the terms of those scripts, found inside the text's runs of letters rather than word by word */
const UNSPACED_TERMS: string[] = [];
const add = (list: string, category: HealthCategory, ambiguous: boolean): void => {
  for (const raw of list.split('|')) {
    const w = raw.replace(/’/g, "'");
    if (w === '' || TERMS.has(w)) continue;
    TERMS.set(w, { category, ambiguous, upper: upper.has(w) });
    if (UNSPACED.test(w)) {
      UNSPACED_TERMS.push(w);
      continue;
    }
    const words = w.split(' ');
    for (let n = 1; n < words.length; n++) PREFIXES.add(words.slice(0, n).join(' '));
    PREFIXES.add(w);
    maxWords = Math.max(maxWords, words.length);
  }
};
for (const [medications, medicationsAmbiguous, conditions, conditionsAmbiguous, procedures, proceduresAmbiguous] of [
  [INTL_MEDICATIONS, INTL_MEDICATIONS_AMBIGUOUS, INTL_CONDITIONS, INTL_CONDITIONS_AMBIGUOUS, INTL_PROCEDURES, INTL_PROCEDURES_AMBIGUOUS],
  [MORE_MEDICATIONS, MORE_MEDICATIONS_AMBIGUOUS, MORE_CONDITIONS, MORE_CONDITIONS_AMBIGUOUS, MORE_PROCEDURES, MORE_PROCEDURES_AMBIGUOUS],
  [EXTRA_MEDICATIONS, EXTRA_MEDICATIONS_AMBIGUOUS, EXTRA_CONDITIONS, EXTRA_CONDITIONS_AMBIGUOUS, EXTRA_PROCEDURES, EXTRA_PROCEDURES_AMBIGUOUS],
]) {
  add(medications!, 'medication', false);
  add(medicationsAmbiguous!, 'medication', true);
  add(conditions!, 'medical-condition', false);
  add(conditionsAmbiguous!, 'medical-condition', true);
  add(procedures!, 'medical-procedure', false);
  add(proceduresAmbiguous!, 'medical-procedure', true);
}
/** the hashes of the phrases' first words (the lookup before a word is cut out of the text) */
const PREFIX_HASHES = new Set<number>();
for (const p of PREFIXES) {
  if (p.includes(' ')) continue;
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) h = hashUnit(h, p.charCodeAt(i));
  PREFIX_HASHES.add(h >>> 0);
}
let unspaced: AhoCorasick | undefined;

/** Arabic's clitics written as one word with the noun: "and", "with/in", "for", "like", "so", the article, and their pairs ("بالربو", "والسكري") */
const ARABIC_PROCLITIC = /^(?:وال|بال|كال|فال|لل|ال|و|ب|ل|ك|ف)/;
/** the word without an Arabic proclitic (and the tatweel stretching it: "بـالربو"), as the vocabulary lists the noun; undefined if none */
function arabicBase(word: string): { base: string; cut: number } | undefined {
  const c = word.charCodeAt(0);
  if (c < 0x0600 || c > 0x06ff) return undefined;
  const m = ARABIC_PROCLITIC.exec(word);
  if (m === null) return undefined;
  let cut = m[0].length;
  while (word.charCodeAt(cut) === 0x0640) cut++;
  // (after "ب", "ل", "و"... the article may follow the tatweel: "بـالربو")
  if (m[0].length === 1 && word.startsWith('ال', cut)) cut += 2;
  return cut < word.length - 1 ? { base: word.slice(cut), cut } : undefined;
}

/**
 * A word: letters (marks too), digits, and apostrophes or hyphens inside ("d'angoisse", "down-syndrom",
 * "covid-19"). Read with a table of the code units that are word characters (`[\p{L}\p{M}\d]`, made
 * on first use from one pass of that regex over the Basic Multilingual Plane; a surrogate ends a word,
 * as an emoji does): a regex of Unicode classes cost ~200 ns a word here, most of this pass.
 */
let wordUnits: Uint8Array | undefined;
function wordTable(): Uint8Array {
  if (wordUnits !== undefined) return wordUnits;
  const t = new Uint8Array(65536);
  // (in blocks of 4,096 code units: one call spreading 60,000 arguments can overflow a browser's stack)
  const units = (from: number, to: number): string => String.fromCharCode(...Array.from({ length: to - from }, (_, i) => from + i));
  for (let from = 0; from < 0x10000; from += 4096) {
    if (from >= 0xd800 && from < 0xe000) continue;
    const block = units(from, from + 4096);
    for (const m of block.matchAll(/[\p{L}\p{M}\d]+/gu)) for (let i = 0; i < m[0].length; i++) t[block.charCodeAt(m.index! + i)] = 1;
  }
  wordUnits = t;
  return t;
}
/** an apostrophe or hyphen inside a word */
const joins = (c: number): boolean => c === 39 || c === 0x2019 || c === 45;
/** a word's FNV-1a hash over its code units, as PREFIX_HASHES has each prefix's first word */
function hashUnit(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
/**
 * the commonest words of English that are no common words of the other languages read ("die", "was", "also" and "come" are
 * German's and Italian's): a text with many of them is read by the main vocabulary only
 */
const ENGLISH_WORDS = new Set(
  `the and of to is that for it with on be are as this have you not my we at by from or an can i he she has had they their there what which when your
  could should would about been were them than then because into only other some these those our who how why where very more just its did do does may
  might must each any up out if but all one two new first way like time see know get make work said same even here back down over right while being used
  against before after own much many such well also will`.split(/\s+/),
);

/** a word's hash as englishText computes it (lower-case ASCII letters; FNV-1a, 32 bits) */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const ENGLISH_HASHES = new Set([...ENGLISH_WORDS].map(wordHash));

/**
 * True when the text reads as English: in its first 1,000 characters at least one word in six is one
 * of English's commonest (prose and messages have one in three or more; other languages almost none).
 * Words are hashed as they are read, no string is made (a few µs for a 2 KB prompt: the regex this
 * replaced took ~18).
 */
export function englishText(text: string): boolean {
  const to = Math.min(text.length, 1000);
  let words = 0, english = 0, h = 0x811c9dc5, len = 0, ascii = true;
  for (let i = 0; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (letter || c > 0x7f || c === 39 || (c >= 48 && c <= 57)) {
      if (letter) h = Math.imul(h ^ (c | 32), 0x01000193);
      else ascii = false;
      len++;
      continue;
    }
    if (len > 0) {
      words++;
      // (a dozen already, one word in six or more: English, whatever follows)
      if (ascii && len <= 8 && ENGLISH_HASHES.has(h >>> 0) && ++english >= 12 && english * 6 >= words) return true;
    }
    h = 0x811c9dc5;
    len = 0;
    ascii = true;
  }
  return words === 0 || english * 6 >= words;
}

export interface IntlHealthHit { start: number; end: number; term: string; info: HealthTerm }

/** the next word of a phrase, one or more blanks on (sticky; group 1 the word) */
const NEXT_WORD = /[ \t]+([\p{L}\p{M}\d]+(?:['’-][\p{L}\p{M}\d]+)*)/uy;

/** The terms of the vocabulary in `text`, the longest at each word, in text order (one pass over its words, no word kept; two may overlap). */
export function intlHealthTerms(text: string): IntlHealthHit[] {
  const out: IntlHealthHit[] = [];
  // Lower-cased once, the whole text (each word's own toLowerCase was most of this pass's cost), unless
  // that moves an offset (a letter whose lower case is two characters: "İ"); then word by word.
  let lower = text.toLowerCase();
  const whole = lower.length === text.length;
  if (whole && lower.indexOf('’') !== -1) lower = lower.replace(/’/g, "'");
  const source = whole ? lower : text;
  const keyOf = whole ? (w: string): string => w : (w: string): string => w.toLowerCase().replace(/’/g, "'");
  const table = wordTable();
  const n = source.length;
  for (let i = 0; i < n; ) {
    if (table[source.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    // one word [ws, i), hashed as it is read
    const ws = i;
    let h = 0x811c9dc5;
    for (;;) {
      const c = source.charCodeAt(i);
      if (i < n && table[c] === 1) {
        h = hashUnit(h, c);
        i++;
      } else if (i + 1 < n && joins(c) && table[source.charCodeAt(i + 1)] === 1) {
        h = hashUnit(h, c);
        i++;
      } else break;
    }
    const first = source.charCodeAt(ws);
    const arabic = first >= 0x0600 && first <= 0x06ff;
    // (the hashes are of lower-cased words: a text whose lower case moved an offset is looked up word by word)
    if (whole && !PREFIX_HASHES.has(h >>> 0) && !arabic) continue;
    let key = keyOf(source.slice(ws, i));
    let at = ws;
    if (!PREFIXES.has(key)) {
      const ar = arabic ? arabicBase(key) : undefined;
      if (ar === undefined || !PREFIXES.has(ar.base)) continue;
      key = ar.base;
      at += ar.cut;
    }
    let end = i;
    let found: { end: number; key: string } | undefined = TERMS.has(key) ? { end, key } : undefined;
    // the longer phrases this word opens, its words one blank apart ("zapalenie płuc", "tiểu đường"), as far as the vocabulary has such phrases
    for (let k = 2; k <= maxWords; k++) {
      NEXT_WORD.lastIndex = end;
      const w = NEXT_WORD.exec(source);
      if (w === null) break;
      key += ' ' + keyOf(w[1]!);
      if (!PREFIXES.has(key)) break;
      end = NEXT_WORD.lastIndex;
      if (TERMS.has(key)) found = { end, key };
    }
    if (found === undefined) continue;
    const info = TERMS.get(found.key)!;
    if (info.upper && text.slice(at, found.end) !== text.slice(at, found.end).toUpperCase()) continue;
    // (on from the next word, not past the phrase: a longer one may start inside it, "po operaci slepého střeva";
    // the detector keeps the better of two that overlap)
    out.push({ start: at, end: found.end, term: found.key, info });
  }
  return UNSPACED_TERMS.length > 0 && UNSPACED.test(text) ? withUnspaced(text, out) : out;
}

/** `out` and the terms of the unspaced scripts in `text` (the longest at each place, none overlapping), in text order */
function withUnspaced(text: string, out: IntlHealthHit[]): IntlHealthHit[] {
  unspaced ??= new AhoCorasick(UNSPACED_TERMS, { caseSensitive: true, wholeWord: false });
  const hits = unspaced.search(text).sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  for (const h of hits) {
    if (h.start < reach) continue;
    const term = UNSPACED_TERMS[h.pattern]!;
    out.push({ start: h.start, end: h.end, term, info: TERMS.get(term)! });
    reach = h.end;
  }
  return out.sort((a, b) => a.start - b.start);
}
