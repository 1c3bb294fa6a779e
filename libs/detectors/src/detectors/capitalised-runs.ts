/**
 * The tokenizer of the person-name detector (person-name-detector.ts): character classes, the scan
 * for runs of capitalised words on a line (forEachCapitalisedRun) and the tokens it hands over, and
 * the small text helpers the scan and its context rules share (fold, prevChar). The arrow functions
 * are exported in one list at the end: an `export const` would be read back as a property of
 * `exports` by the hot loops of this module (tsc's CommonJS output).
 */
import { HONORIFICS, HONORIFIC_HEADS, PARTICLES } from './person-name-words';

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
const isLetter = (c: number): boolean => (c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : (classOf(c) & 1) !== 0);

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
  if (isLetter(prev) || (isGlue(prev) && !(prev === 62 && quoteMarksOnly(text, s - 1)))) return false;
  const next = e < text.length ? text.charCodeAt(e) : 32;
  if (next === 40 || next === 95 || next === 64 || (next >= 48 && next <= 57)) return false;
  if ((next === 46 || next === 47 || next === 92) && e + 1 < text.length && isLetter(text.charCodeAt(e + 1))) return false;
  return true;
}

/** only e-mail quote marks ('>') and blanks between the line start and `i` (at most 8 characters back): ">Anna Berg", "> >Anna" */
function quoteMarksOnly(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && i - j < 8) {
    const c = text.charCodeAt(j - 1);
    if (c === 10) return true;
    if (c !== 62 && c !== 32 && c !== 9) return false;
    j--;
  }
  return j === 0;
}

/**
 * Runs of 1-4 capitalised words ("Anna", "Pryce-Evans", "O'Brien", "McDonald", "Fernández") on
 * one line, separated by blanks, with name particles (de, van, bin...) between; `fn` gets each run.
 * A regex finds the capitals; each character is looked at a bounded number of times.
 * `skip(start)` is asked right before `fn` would get a run: a run the caller has already dealt with
 * (a speaker label, a list item) is not copied into tokens (a third of the runs of a dense text).
 */
export function forEachCapitalisedRun(
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
    // particles after a known word, or a hyphenated given name known by its first part ("Pieter-Jan de Smedt")
    let particlesAfter = known0;
    if (!known0) for (let h = s + 2; h < e - 1; h++) if (text.charCodeAt(h) === 45) {
      particlesAfter = known(s, h);
      break;
    }
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
          // (a blank, not a tab: "Audrey\tM\tJohn Smith" is three cells, a size between two names)
          if (we === q + 1 && !initial) {
            let r = we;
            if (r < n && text.charCodeAt(r) === 46) r++;
            if (r < n && text.charCodeAt(r) === 32) {
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
        if (!particlesAfter || particles >= 2 || !isLower(c)) break;
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
      let q = s, r = s, titled = false;
      // (a family name's particles between: "Mr. de Vries", "meneer van der Berg")
      for (let k = 0; k < 3 && !titled; k++) {
        while (q > 0 && q > r - 3 && (text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 46)) q--;
        r = q;
        // (a hyphen inside: "г-н", "г-жа"; one letter of another script: Greek "κ.")
        while (r > 0 && q - r < 10 && (isLetter(text.charCodeAt(r - 1)) || (text.charCodeAt(r - 1) === 45 && r > 1 && isLetter(text.charCodeAt(r - 2)) && text.charCodeAt(r - 2) >= 0x370))) r--;
        titled = (q - r >= 2 || (q - r === 1 && text.charCodeAt(r) >= 0x370)) && q - r <= 9 && honorificHead(text, r) && HONORIFICS.has(text.slice(r, q).toLowerCase());
        if (titled || q - r > 3 || !PARTICLES.has(text.slice(r, q))) break;
        q = r;
      }
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
      // (folded set to undefined here: a token gets one shape, whether foldedOf fills it in or not)
      toks.push({ start: ss[k]!, end: es[k]!, word, lower: word.toLowerCase(), folded: undefined });
    }
    fn(toks);
  }
}

/** "name is" / "name's" right before a word (read on the 12 characters before it) */
const NAME_IS = /\b(?:sur)?name(?:[ \t]+is|'s|’s|\?)[ \t]{1,3}$/i;
/** "name is" / "name's" / "name?" right before `pos`; the regex runs only after an 's' or a '?' */
export function nameIsBefore(text: string, pos: number): boolean {
  const p = prevChar(text, pos);
  return (p === 115 || p === 83 || p === 63) && NAME_IS.test(text.slice(Math.max(0, pos - 12), pos));
}
/** the nearest character before `pos` that is not a blank, or -1 at the start of the text */
export function prevChar(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i === 0 ? -1 : text.charCodeAt(i - 1);
}
/**
 * False when the word of 2+ letters at `r` cannot be an honorific in any case, found without a
 * slice and toLowerCase per sentence start: two ASCII letters lower-case to themselves | 32, at the
 * same places, so an honorific must begin with them. Other first letters are left to the full test.
 */
function honorificHead(text: string, r: number): boolean {
  const c0 = text.charCodeAt(r), c1 = text.charCodeAt(r + 1);
  return c0 >= 128 || c1 >= 128 || HONORIFIC_HEADS.has(((c0 | 32) << 8) | (c1 | 32));
}

/**
 * `s` without accents, lower case, 'ß' written 'ss' as the name lists have it ("Weiß", "Voß"); `lower`
 * is s.toLowerCase(), returned as is when s is ASCII (no second copy).
 */
export function fold(s: string, lower: string): string {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) > 0x7f) ascii = false;
  return ascii ? lower : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss');
}

export interface Tok { start: number; end: number; word: string; lower: string; folded?: string }
/** The token without accents, lower case (computed once per token; the lower-case form when it is ASCII). */
const foldedOf = (x: Tok): string => (x.folded ??= fold(x.word, x.lower));

export { foldedOf, isLetter, isLower, isUpper };
