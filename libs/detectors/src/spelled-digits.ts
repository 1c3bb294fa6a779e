import type { Edit } from './deobfuscation-runs';

/**
 * Digits spelled out in words (a deobfuscation pass of normalize.ts's view B): "six zero one one …"
 * read as "6011…", so the card, SSN and phone detectors see the value.
 */

/** Digits spelled out in words, and the words around them: 0-9, DOUBLE/TRIPLE (the next digit twice or three times), PLUS (a '+' first). */
const DOUBLE = 10, TRIPLE = 11, PLUS = 12;
/** A word's letters (lower case, at most six) as one number, base 27: a look-up without a string. */
const wordKey = (text: string, s: number, e: number): number => {
  let k = 0;
  for (let i = s; i < e; i++) k = k * 27 + ((text.charCodeAt(i) | 32) - 96);
  return k;
};
const SPELLED_WORDS = new Map<number, number>();
for (const [w, v] of Object.entries({ zero: 0, oh: 0, o: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, double: DOUBLE, triple: TRIPLE, plus: PLUS })) SPELLED_WORDS.set(wordKey(w, 0, w.length), v);
const SPELLED_WORD_MAX = 6;
/** The fewest and most digits a spelled run must have: a phone number, an SSN or a card (not "one or two things", a count or a year). */
const SPELLED_MIN_DIGITS = 7, SPELLED_MAX_DIGITS = 19;
/** The first and the last letters of those words (either case), a cheap test before the look-up. */
const SPELLED_FIRST = new Uint8Array(128), SPELLED_LAST = new Uint8Array(128);
for (const ch of 'zotfsendp') SPELLED_FIRST[ch.charCodeAt(0)] = SPELLED_FIRST[ch.toUpperCase().charCodeAt(0)] = 1;
for (const ch of 'ohertxns') SPELLED_LAST[ch.charCodeAt(0)] = SPELLED_LAST[ch.toUpperCase().charCodeAt(0)] = 1;
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isWordChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 64;

/**
 * Digits spelled out in English words ("six zero one one …", "five two nine, four one, seven seven
 * three six", "plus four four, seven eight two three, …"): zero/oh/o, one … nine, "double"/"triple"
 * before a digit word, "plus" before the first, separated by blanks with at most one comma or hyphen
 * between two words. A comma or hyphen starts a new group; the run reads as its digits, the groups
 * joined by '-' (the dashed shapes the SSN, phone and card detectors read), or as one number when
 * every group is one digit ("six-zero-one-one-…"). Only 7-19 digits, and not a count up or down
 * ("one two three four five six seven"). Found from `wordStarts`, the digit words of the text's keyword
 * index (keyword-scan.ts; a run holds one: only a run of bare "o" has none, and seven of them are no
 * value): each one not inside the last run expands to its whole run; linear.
 */
export function spelledDigits(text: string, edits: Edit[], wordStarts: readonly number[]): void {
  const n = text.length;
  /** The kind of the word [s, e) (a whole word: no letter, digit, '_' or '@' glued), or -1. */
  const kindOf = (s: number, e: number): number => {
    if (e - s > SPELLED_WORD_MAX || e === s || (s > 0 && isWordChar(text.charCodeAt(s - 1))) || (e < n && isWordChar(text.charCodeAt(e)))) return -1;
    return SPELLED_WORDS.get(wordKey(text, s, e)) ?? -1;
  };
  /** The end of the word starting at `s` (letters, at most SPELLED_WORD_MAX + 1 read). */
  const wordEnd = (s: number): number => {
    let e = s;
    while (e < n && e - s <= SPELLED_WORD_MAX && isAsciiLetter(text.charCodeAt(e))) e++;
    return e;
  };
  /** The separator after `e`: its end (the next word's start), with `group` set when it holds a comma or hyphen; -1 when it is none. */
  let group = false;
  const sepEnd = (e: number): number => {
    let i = e, marks = 0;
    while (i < n && i - e < 4) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 45) marks++;
      else if (c !== 32 && c !== 9) break;
      i++;
    }
    group = marks > 0;
    return i === e || marks > 1 || i - e > 3 || i >= n || !isAsciiLetter(text.charCodeAt(i)) ? -1 : i;
  };
  /** The start of the word before the separator that ends at `s`, or -1. */
  const wordBefore = (s: number, floor: number): number => {
    let i = s, marks = 0;
    while (i > floor && s - i < 4) {
      const c = text.charCodeAt(i - 1);
      if (c === 44 || c === 45) marks++;
      else if (c !== 32 && c !== 9) break;
      i--;
    }
    if (i === s || marks > 1 || s - i > 3) return -1;
    let w = i;
    while (w > floor && i - w <= SPELLED_WORD_MAX && isAsciiLetter(text.charCodeAt(w - 1))) w--;
    return w < i && kindOf(w, i) >= 0 ? w : -1;
  };
  let floor = 0;
  /** The run through the digit word at `ws`, if it is one: back to its first word, then forward word by word. */
  const runFrom = (ws: number): void => {
    if (SPELLED_FIRST[text.charCodeAt(ws)] !== 1) return;
    const we = wordEnd(ws);
    if (SPELLED_LAST[text.charCodeAt(we - 1)] !== 1 || kindOf(ws, we) < 0) return;
    let b = wordBefore(ws, floor);
    if (b < 0) {
      // a digit word alone ("one of the", "two weeks"), most of prose's: at most one digit, never a
      // value; the same floor as the loop below leaves, without a run
      const next = sepEnd(we);
      if (next < 0 || kindOf(next, wordEnd(next)) < 0) {
        floor = we;
        return;
      }
    }
    for (; b >= 0; b = wordBefore(ws, floor)) ws = b;
    const run = new SpelledRun(edits);
    let w = ws;
    for (;;) {
      const e = wordEnd(w);
      const k = kindOf(w, e);
      if (k < 0) break;
      run.word(k, w, e);
      floor = e;
      const next = sepEnd(e);
      if (next < 0) break;
      if (group) run.groupBreak();
      w = next;
    }
    run.flush();
  };
  for (const s of wordStarts) if (s >= floor) runFrom(s);
}

/** The digits of a run of spelled words, read word by word; each candidate (a '+' or a break starts a new one) is emitted as an edit when it may be a value. */
class SpelledRun {
  private start = -1;
  private end = -1;
  private plus = false;
  private repeat = 1;
  private groups: string[] = [];
  private digits = 0;
  private newGroup = false;
  constructor(private readonly edits: Edit[]) {}

  word(k: number, s: number, e: number): void {
    if (k === PLUS) {
      this.flush();
      this.start = s;
      this.plus = true;
      return;
    }
    if (this.start < 0) this.start = s;
    if (k === DOUBLE || k === TRIPLE) {
      this.repeat = k === DOUBLE ? 2 : 3;
      return;
    }
    const d = String(k).repeat(this.repeat);
    if (this.groups.length === 0 || this.newGroup) this.groups.push(d);
    else this.groups[this.groups.length - 1] += d;
    this.digits += this.repeat;
    this.repeat = 1;
    this.newGroup = false;
    this.end = e;
  }

  /** A comma or hyphen between two words: the next digit starts a group. */
  groupBreak(): void {
    if (this.groups.length > 0) this.newGroup = true;
  }

  flush(): void {
    if (this.end > this.start && this.digits >= SPELLED_MIN_DIGITS && this.digits <= SPELLED_MAX_DIGITS) {
      const all = this.groups.join('');
      let up = true, down = true;
      for (let i = 1; i < all.length; i++) {
        const d = all.charCodeAt(i) - all.charCodeAt(i - 1);
        if (d !== 1) up = false;
        if (d !== -1) down = false;
      }
      const r = (this.plus ? '+' : '') + (this.groups.every((g) => g.length === 1) ? all : this.groups.join('-'));
      if (!up && !down) this.edits.push({ s: this.start, e: this.end, r });
    }
    this.start = -1;
    this.end = -1;
    this.plus = false;
    this.repeat = 1;
    this.groups = [];
    this.digits = 0;
    this.newGroup = false;
  }
}
