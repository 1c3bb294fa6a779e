/**
 * Normalisation before detection (issue 20). Two derived views of a text, each with a mapping of its
 * offsets back to the original so that a finding masks the WHOLE original value (zero-width
 * characters, escapes and concatenation joints inside it included):
 *
 * - `foldCharacters` (view A, structure-preserving, all detectors run on it): NFKC per code point
 *   (fullwidth and mathematical letters/digits, ligatures), zero-width and other invisible format
 *   characters removed, Unicode dashes/minus to '-', Unicode spaces to ' ', curly quotes to straight
 *   ones, decimal digits of other scripts to ASCII, and look-alike (confusable) Cyrillic/Greek letters
 *   folded to Latin when they touch ASCII letters or digits (a mixed-script token; whole Cyrillic or
 *   Greek words are left alone); a run of 8 or more Unicode tag characters, invisible but read by
 *   language models as the ASCII they shadow, decoded between blanks. Pure-ASCII text is returned
 *   unchanged without a copy.
 * - `deobfuscate` (view B, built on view A; the point detectors run on windows around its edits):
 *   string-concatenation joints removed (`"AKIA" + "..."`, `'a' 'b'`, across a line break), values
 *   broken by a line break joined, base64 runs (up to three times encoded) and hex runs that decode
 *   to printable UTF-8 text decoded, `\uXXXX` / `\u{X}` / `\xNN` / JSON `\/` and `\"` escapes, URL `%XX`
 *   escapes and HTML character references decoded, and
 *   spelled-out e-mail separators (`[at]`, `(dot)`, `name at host dot com`) replaced; digits typed
 *   one at a time (`4 1 1 1 …`) or in slash-separated groups, 13-19 of them, joined; AWS key ids in
 *   groups of four joined; quoted parts of an array joined with `.join('')` joined; text typed a
 *   character at a time with blanks between and words spelled with hyphens between their letters
 *   joined; HTML comments inside a value removed; hex dumps with blanks between the bytes decoded;
 *   words spelled with dots, emoji used as separators, O and I typed for 0 and 1 in digit groups,
 *   defanged "[.]" / "(@)" and e-mail addresses written backwards undone; text typed with wider gaps
 *   or a padded separator between characters, Python joins (`''.join([...])`, `'%s%s' % (...)`),
 *   card groups with padded, unusual or mixed separators and vendor tokens written backwards (`…-ks`)
 *   read as the value (deobfuscation-runs.ts), and digits spelled in English words (`six zero one …`,
 *   spelled-digits.ts).
 *
 * Everything is one pass (or a few) of linear regexes and loops: no nested unbounded quantifiers.
 * No Node built-ins nor web globals (atob, TextDecoder): this runs in the extension and in bare contexts.
 */
import { base64Bytes, utf8 } from './base64';
import { KeywordHits } from './keyword-scan';
import { spelledDigits } from './spelled-digits';
import { TOKEN_PREFIXES } from './detectors/token-prefix-detector';
import {
  DOT_SPELLED,
  emojiJoints,
  type Edit,
  GROUPED_KEY_ID,
  HTML_COMMENT,
  HYPHEN_SPELLED,
  JOINED_ARRAY,
  PERCENT_JOINED,
  PY_JOINED,
  QUOTED_PART,
  SPACED_OR_LOOKALIKE,
  digitLookalikes,
  hasEmoji,
  joinedParts,
  letterSpaced,
  mixedGroups,
  reversedEmails,
  reversedTokens,
  saidBackwards,
  separatedGroups,
  slashedDigits,
  spacedHex,
  spelledWith,
  wideSpaced,
} from './deobfuscation-runs';

/** An edit: view range [d0, d1) stands for original range [o0, o1). Edits are sorted, non-overlapping. */
export class OffsetMap {
  private readonly d0: number[] = [];
  private readonly d1: number[] = [];
  private readonly o0: number[] = [];
  private readonly o1: number[] = [];

  get size(): number {
    return this.d0.length;
  }

  add(d0: number, d1: number, o0: number, o1: number): void {
    this.d0.push(d0);
    this.d1.push(d1);
    this.o0.push(o0);
    this.o1.push(o1);
  }

  /** Index of the last edit with d0 <= pos, or -1. */
  private find(pos: number): number {
    let lo = 0, hi = this.d0.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.d0[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Original offset of the view character at `pos` (its first original code unit). */
  start(pos: number): number {
    const k = this.find(pos);
    if (k < 0) return pos;
    if (pos < this.d1[k]!) return this.o0[k]!;
    return this.o1[k]! + (pos - this.d1[k]!);
  }

  /** Original end offset (exclusive) of a view range ending at `end` (exclusive, > 0). */
  end(end: number): number {
    const last = end - 1;
    const k = this.find(last);
    if (k < 0) return end;
    if (last < this.d1[k]!) return this.o1[k]!;
    return this.o1[k]! + (last - this.d1[k]!) + 1;
  }

  /** True when the view range [s, e) contains or touches the inside of an edit. */
  touchesEdit(s: number, e: number): boolean {
    let k = this.find(e - 1);
    for (; k >= 0 && this.d1[k]! >= s; k--) {
      const a = this.d0[k]!, b = this.d1[k]!;
      if (a === b ? s < a && a < e : a < e && s < b) return true;
    }
    return false;
  }

  /** The edits' view ranges, for windowing. */
  ranges(): { d0: readonly number[]; d1: readonly number[] } {
    return { d0: this.d0, d1: this.d1 };
  }
}

export interface TextView {
  text: string;
  /** undefined when the view is the original text */
  map: OffsetMap | undefined;
}

/** Map a view range to the original (identity when `map` is undefined). */
export function toOriginal(map: OffsetMap | undefined, start: number, end: number): [number, number] {
  if (!map) return [start, end];
  return [map.start(start), map.end(end)];
}

// ---------------------------------------------------------------- view A: characters

/** Invisible format characters used to break up values. */
function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206f) ||
    cp === 0xfeff || cp === 0x00ad || cp === 0x180e || cp === 0x034f || cp === 0x061c || cp === 0x115f || cp === 0x1160 || cp === 0x3164 ||
    cp === 0xffa0 || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0000 && cp <= 0xe007f) || (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Zero code points of decimal digit blocks outside ASCII (NFKC leaves these alone). */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10];

/**
 * Cyrillic, Greek and other letters that look like Latin ones (a compact subset of Unicode's
 * confusables.txt, the entries that matter for ASCII identifiers, keys and addresses).
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  'а': 'a', 'в': 'B', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'M', 'н': 'H', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 'T', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i',
  'ї': 'i', 'ј': 'j', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h', 'ո': 'n', 'ѵ': 'v', 'ɡ': 'g', 'ӏ': 'l',
  'А': 'A', 'В': 'B', 'Е': 'E', 'Ё': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'У': 'Y', 'Х': 'X', 'Ѕ': 'S', 'І': 'I',
  'Ї': 'I', 'Ј': 'J', 'Ԁ': 'D', 'Ԛ': 'Q', 'Ԝ': 'W', 'Һ': 'H', 'Ӏ': 'I', 'Ь': 'b', 'З': '3', 'б': '6',
  // Greek
  'α': 'a', 'ο': 'o', 'ν': 'v', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'ι': 'i', 'κ': 'k', 'χ': 'x', 'ϲ': 'c', 'ϳ': 'j',
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'Ϲ': 'C',
  // Latin look-alikes and symbols
  'ı': 'i', 'ȷ': 'j', 'ℓ': 'l', 'ǀ': 'l', 'ꓲ': 'I', 'ꓳ': 'O', 'Ꭺ': 'A', 'Ᏼ': 'B', 'Ꮯ': 'C', 'Ꭼ': 'E', 'Ꮋ': 'H', 'Ꮶ': 'K', 'Ꮇ': 'M', 'Ꮲ': 'P', 'Ꭲ': 'T',
  '＠': '@', '﹫': '@', '․': '.', '。': '.', '｡': '.', '٫': '.', '٬': ',', '‚': ',',
};

const foldCache = new Map<number, string>();
/** The folded form of one non-ASCII code point (before the confusable step). */
function foldCodePoint(cp: number): string {
  let r = foldCache.get(cp);
  if (r !== undefined) return r;
  const ch = String.fromCodePoint(cp);
  if (isInvisible(cp)) r = '';
  else if ((cp >= 0x2010 && cp <= 0x2015) || cp === 0x2212 || cp === 0xfe58 || cp === 0xfe63 || cp === 0xff0d || cp === 0x2043 || cp === 0x2e3a || cp === 0x2e3b) r = '-';
  else if (cp === 0x00a0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0x1680) r = ' ';
  else if (cp === 0x2018 || cp === 0x2019 || cp === 0x201b || cp === 0x2032 || cp === 0xff07) r = "'";
  else if (cp === 0x201c || cp === 0x201d || cp === 0x201f || cp === 0x2033 || cp === 0xff02) r = '"';
  else {
    r = ch;
    for (const z of DIGIT_ZEROS) if (cp >= z && cp <= z + 9) { r = String(cp - z); break; }
    if (r === ch) {
      const n = ch.normalize('NFKC');
      // keep NFKC only when it gives ASCII or a short form (fullwidth, math alphanumerics, ligatures, circled digits)
      if (n !== ch && n.length <= 3 && !/[\u0300-\u036f]/.test(n)) r = n;
    }
  }
  if (foldCache.size < 20000) foldCache.set(cp, r);
  return r;
}

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const NON_ASCII = /[\u0080-\uffff]+/g;
/** Unicode tag characters that shadow printable ASCII (U+E0020-U+E007E), and the shortest run decoded rather than removed. */
const TAG_FIRST = 0xe0020, TAG_LAST = 0xe007e, TAG_RUN_MIN = 8;

/**
 * View A. Returns the text itself (map undefined) when it is ASCII. Linear: one regex pass finds
 * the non-ASCII runs; each code point of a run is folded through a bounded cache.
 */
export function foldCharacters(text: string): TextView {
  NON_ASCII.lastIndex = 0;
  let m = NON_ASCII.exec(text);
  if (!m) return { text, map: undefined };
  const map = new OffsetMap();
  let out = '';
  let pos = 0;
  for (; m; m = NON_ASCII.exec(text)) {
    const runStart = m.index, runEnd = runStart + m[0].length;
    out += text.slice(pos, runStart);
    // fold every code point; confusables only when the run is glued to ASCII letters/digits
    const folded: string[] = [];
    const widths: number[] = [];
    let anyAsciiAlnum = (runStart > 0 && isAsciiAlnum(text.charCodeAt(runStart - 1))) || (runEnd < text.length && isAsciiAlnum(text.charCodeAt(runEnd)));
    for (let i = runStart; i < runEnd; ) {
      const cp = text.codePointAt(i)!;
      if (cp >= TAG_FIRST && cp <= TAG_LAST) {
        // Unicode tag characters: invisible, but read by language models as the ASCII they shadow
        // ("ASCII smuggling"). A run long enough to carry a value is decoded between blanks; a short
        // one (an emoji flag's region code) is removed like any invisible character.
        let j = i, ascii = '';
        for (let t = cp; t >= TAG_FIRST && t <= TAG_LAST && j < runEnd; t = text.codePointAt(j) ?? 0) {
          ascii += String.fromCharCode(t - 0xe0000);
          j += 2;
        }
        if (ascii.length >= TAG_RUN_MIN) {
          folded.push(` ${ascii} `);
          widths.push(j - i);
          anyAsciiAlnum = true;
          i = j;
          continue;
        }
      }
      const w = cp > 0xffff ? 2 : 1;
      const f = foldCodePoint(cp);
      if (!anyAsciiAlnum && f.length > 0 && isAsciiAlnum(f.charCodeAt(0))) anyAsciiAlnum = true;
      folded.push(f);
      widths.push(w);
      i += w;
    }
    let o = runStart;
    for (let j = 0; j < folded.length; j++) {
      let f = folded[j]!;
      const w = widths[j]!;
      if (anyAsciiAlnum) {
        const c = CONFUSABLES[f];
        if (c !== undefined) f = c;
      } else if (f === '＠' || f === '﹫') f = '@';
      const src = text.slice(o, o + w);
      if (f !== src) map.add(out.length, out.length + f.length, o, o + w);
      out += f;
      o += w;
    }
    pos = runEnd;
  }
  out += text.slice(pos);
  return map.size === 0 ? { text, map: undefined } : { text: out, map };
}

// ---------------------------------------------------------------- view B: deobfuscation


/** `"abc" + "def"`, `'abc' . 'def'`, `"abc" "def"`, across a line break too: the joint between two quoted parts */
const CONCAT_EDGE = /[\w@.+/=%:-]/;
// (blanks, then an operator and its blanks: two blank runs around an optional operator tried every
// split of a long blank run, quadratic in its length)
const CONCAT = /(["'`])[ \t]*(?:(?:\+|\.|&|\|\||\+=)[ \t]*)?(?:\\?\r?\n[ \t]*(?:(?:\+|\.|&)[ \t]*)?)?\1(?=[\w@.+/=%:-])/g;
/** the rest of a value at the start of the next line: base64/hex-like characters, then a blank, quote, bracket or the end (not `NAME=value`, not `SOME_NAME`) */
const CONTINUATION = /^[A-Za-z0-9+/-]{4,}={0,2}(?=$|[\s"'`,;)\]])/;
/** Digit groups that end a line (a card or account number's first half), the last one's separator kept or not. */
const DIGIT_GROUPS_TAIL = /(?:^|[^\d -])[ \t]*\d{3,6}(?:[ -]\d{3,6}){0,3}-?$/;
/** Digit groups that start the next line, then the line's end or anything but a letter, digit or hyphen ("… 9855 thanks"). */
const DIGIT_GROUPS_LINE = /^\d{3,6}(?:[ -]\d{3,6}){0,3}(?![\dA-Za-z-])/;
function restOfLine(text: string, from: number): string {
  const nl = text.indexOf('\n', from);
  const to = nl === -1 ? text.length : nl;
  return to - from > 200 ? '' : text.slice(from, to).replace(/\r$/, '');
}

/** True when text[s, e) is hex digits only. */
function isHexRun(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102))) return false;
  }
  return true;
}

/** 0 = not base64, 1 = base64 alphabet, 2 = also part of a wider token ('_', '-', '.') */
const B64 = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/]/.test(ch)) B64[c] = 1;
  else if (ch === '_' || ch === '-' || ch === '=') B64[c] = 2;
}
const b64Class = (c: number): number => (c < 128 ? B64[c]! : 0);

/**
 * Base64 runs of >= 16 characters (length a multiple of 4 with its padding) that stand alone (not a
 * part of an identifier with '_' or '-'), with lower case and upper case or digits. One loop.
 */
function base64Runs(text: string, fn: (s: number, e: number) => void, hexFn: (s: number, e: number, from: number) => void): void {
  const n = text.length;
  // any run of >= 16 base64 characters covers a position p with p % 16 === 15: probe only those,
  // expand around a hit, and go on after the run (prose costs about one word per probe)
  let floor = 0;
  for (let p = 15; p < n; ) {
    if (b64Class(text.charCodeAt(p)) !== 1) {
      p += 16;
      continue;
    }
    let s = p;
    while (s > floor && b64Class(text.charCodeAt(s - 1)) === 1) s--;
    let i = p + 1;
    while (i < n && b64Class(text.charCodeAt(i)) === 1) i++;
    if (i - s >= 16) {
      let lower = false, other = false, hex = (i - s) % 2 === 0;
      for (let k = s; k < i && (hex || !(lower && other)); k++) {
        const c = text.charCodeAt(k);
        if (c >= 97 && c <= 122) lower = true;
        else other = true;
        if (hex && !((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) hex = false;
      }
      // hex-encoded text (`xxd -p`, a hex dump of a config line): digits and both kinds of letter; it
      // may be assigned (`KEY_HEX=4149…`: an '=' before it, as base64 below) or written with 0x
      const hexFrom = !hex && text.charCodeAt(s) === 48 && (text.charCodeAt(s + 1) | 32) === 120 && (i - s) % 2 === 0 && isHexRun(text, s + 2, i) ? s + 2 : hex ? s : -1;
      if (hexFrom >= 0 && i - hexFrom >= 24 && (s === 0 || b64Class(text.charCodeAt(s - 1)) === 0 || text.charCodeAt(s - 1) === 61) && (i === n || b64Class(text.charCodeAt(i)) === 0)) hexFn(s, i, hexFrom);
      let e = i;
      let pad = 0;
      while (pad < 2 && e < n && text.charCodeAt(e) === 61) {
        e++;
        pad++;
      }
      const before = s > 0 ? b64Class(text.charCodeAt(s - 1)) : 0;
      const after = e < n ? b64Class(text.charCodeAt(e)) : 0;
      if ((e - s) % 4 === 0 && (before === 0 || text.charCodeAt(s - 1) === 61) && after === 0 && lower && other) fn(s, e);
      // a token glued by '_' or '-' is an identifier, not a payload: skip the rest of it
      if (after === 2 && text.charCodeAt(e) !== 61) while (i < n && b64Class(text.charCodeAt(i)) !== 0) i++;
    }
    floor = i;
    // next probe: the first position >= i that is 15 mod 16 (a later run of >= 16 covers one)
    p = i + ((15 - (i % 16) + 16) % 16);
  }
}

/** A line break inside a value: a wrapped key or token, or card/account digit groups continued on the next line. */
function wrappedAt(text: string, nl: number, edits: Edit[]): void {
  // the break: optional '\\' continuation and blanks before, blanks and quote markers after
  let s = nl;
  if (s > 0 && text.charCodeAt(s - 1) === 13) s--;
  while (s > 0 && (text.charCodeAt(s - 1) === 32 || text.charCodeAt(s - 1) === 9)) s--;
  if (s > 0 && text.charCodeAt(s - 1) === 92) s--;
  let e = nl + 1;
  while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9 || text.charCodeAt(e) === 62 || text.charCodeAt(e) === 35)) e++;
  if (s === 0 || e >= text.length) return;
  // "4556-7375-" + "8689-9855": digit groups whose separator is left at the line's end join without a blank
  if (text.charCodeAt(s - 1) === 45 && s > 1 && isDigit(text.charCodeAt(s - 2)) && isDigit(text.charCodeAt(e))) {
    const lineStart = text.lastIndexOf('\n', s - 1);
    if (s - lineStart <= 48 && DIGIT_GROUPS_TAIL.test(text.slice(lineStart + 1, s)) && DIGIT_GROUPS_LINE.test(restOfLine(text, e))) edits.push({ s, e, r: '' });
    return;
  }
  const last = text.charCodeAt(s - 1);
  if (!isAsciiAlnum(last) || !isAsciiAlnum(text.charCodeAt(e))) return;
  // the token before the break (at most 64 characters back)
  let t = s;
  let digits = false, letters = false;
  while (t > 0 && s - t < 64 && b64Class(text.charCodeAt(t - 1)) !== 0) {
    const c = text.charCodeAt(t - 1);
    if (c >= 48 && c <= 57) digits = true;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters = true;
    t--;
  }
  if (!digits) return;
  // the next line is read (a copy) only when one of the two tests below needs it
  if (s - t >= 8 && letters && CONTINUATION.test(restOfLine(text, e))) {
    // the token before mixes letters and digits (not prose); the next line is the rest of the value only
    edits.push({ s, e, r: '' });
    return;
  }
  const lineStart = text.lastIndexOf('\n', s - 1);
  if (s - lineStart > 48) return;
  if (DIGIT_GROUPS_TAIL.test(text.slice(lineStart + 1, s)) && DIGIT_GROUPS_LINE.test(restOfLine(text, e))) edits.push({ s, e, r: ' ' });
}
/**
 * wrappedAt at every line break. A function of its own that ends with its loop: deobfuscate, when
 * V8 optimised it while this loop ran on a long text (on-stack replacement), had no type feedback
 * yet for the calls after the loop, and that kept code was thrown away there on later calls.
 */
function wrappedBreaks(text: string, edits: Edit[]): void {
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) wrappedAt(text, nl, edits);
}
/**
 * `\uXXXX`, `\u{X}`, `\xNN`, and JSON's `\/` (PHP's json_encode writes every '/' so: keys and URLs in
 * JSON dumps) and `\"` (JSON inside a JSON string, a log line's payload: `{\"cnp\":\"1960523170015\"}`).
 */
const ESCAPES = /(?:\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\}|\\x[0-9a-fA-F]{2}|\\[/"])+/g;
const PERCENT = /(?:%[0-9a-fA-F]{2})+/g;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(commat|period|amp|lt|gt|quot|apos|nbsp|lowbar|hyphen|dash|plus|equals|colon));/g;
const NAMED: Record<string, string> = { commat: '@', period: '.', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lowbar: '_', hyphen: '-', dash: '-', plus: '+', equals: '=', colon: ':' };
/** "[at]", "(dot)", and the defanged "[.]", "(@)" of security reports */
const BRACKETED = /(?:\[|\(|\{|<)[ \t]*(at|dot|\.|@)[ \t]*(?:\]|\)|\}|>)/gi;
const SPELLED = /(?<![\w.@-])([A-Za-z0-9._%+-]{1,64})((?:[ \t]+dot[ \t]+[A-Za-z0-9_%+-]{1,64}){0,4})[ \t]+at[ \t]+([A-Za-z0-9-]{1,63})((?:[ \t]+dot[ \t]+[A-Za-z0-9-]{1,63}){1,4})(?![\w@-])/gi;

/** Printable text: no control characters but tab/newline, and mostly letters, digits, punctuation. */
function printable(s: string): boolean {
  if (s.length === 0) return false;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return false;
    if (c === 0x7f || c === 0xfffd) return false;
    if (c > 32) letters++;
  }
  return letters >= Math.min(4, s.length);
}

function decodeBase64(b64: string, depth = 0): string | undefined {
  // most runs are binary (keys, hashes, images): the first 12 characters tell, before decoding the rest
  const head = base64Bytes(b64.slice(0, 12));
  if (!head) return undefined;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xff || c === 0xfe) return undefined;
  }
  const bytes = base64Bytes(b64);
  const s = bytes && utf8(bytes);
  if (s === undefined || !printable(s)) return undefined;
  // base64 of base64 (a value encoded twice): one more level, then the text as it is
  return depth < 2 && s.length >= 16 && s.length % 4 === 0 && BASE64_WHOLE.test(s) ? (decodeBase64(s, depth + 1) ?? s) : s;
}
const BASE64_WHOLE = /^[A-Za-z0-9+/]+={0,2}$/;

/** Hex digits that decode to printable UTF-8 text (hashes and keys decode to binary: the first bytes tell). */
function decodeHex(text: string, s: number, e: number): string | undefined {
  const bytes = new Uint8Array((e - s) >> 1);
  for (let k = 0; k < bytes.length; k++) {
    const b = parseInt(text.slice(s + 2 * k, s + 2 * k + 2), 16);
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f || b === 0xff || b === 0xfe) return undefined;
    bytes[k] = b;
  }
  const str = utf8(bytes);
  return str !== undefined && printable(str) ? str : undefined;
}

function decodeEscapes(run: string): string | undefined {
  let out = '';
  for (let i = 0; i < run.length; ) {
    if (run[i + 1] === '/' || run[i + 1] === '"') {
      out += run[i + 1];
      i += 2;
    } else if (run[i + 1] === 'x') {
      out += String.fromCharCode(parseInt(run.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (run[i + 2] === '{') {
      const close = run.indexOf('}', i);
      const cp = parseInt(run.slice(i + 3, close), 16);
      if (cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
      i = close + 1;
    } else {
      out += String.fromCharCode(parseInt(run.slice(i + 2, i + 6), 16));
      i += 6;
    }
  }
  return printable(out) ? out : undefined;
}

function decodePercent(run: string): string | undefined {
  try {
    const s = decodeURIComponent(run);
    return printable(s) || s === ' ' ? s : undefined;
  } catch {
    return undefined;
  }
}

/** The characters a spelled-out address (SPELLED) is made of: every match lies inside one run of them. */
const isSpelledChar = (c: number): boolean =>
  isAsciiAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 32 || c === 9;
const DOT_WORD = /[ \t]dot[ \t]/gi;

/**
 * `name at host dot com`: each " at " / " dot " separator becomes '@' / '.'. SPELLED only runs on the
 * runs of address characters that contain a " dot " (most prose has none: no regex attempt at every
 * word start of the whole text); the character before and after a run go with it, so the lookarounds
 * see what they would see in the whole text. Each run is scanned once: linear.
 */
function spelledAddresses(text: string, edits: Edit[]): void {
  const n = text.length;
  let done = 0; // runs end before this offset have been scanned
  DOT_WORD.lastIndex = 0;
  let d: RegExpExecArray | null;
  while ((d = DOT_WORD.exec(text)) !== null) {
    if (d.index < done) continue;
    let s = d.index;
    while (s > done && isSpelledChar(text.charCodeAt(s - 1))) s--;
    let e = d.index + d[0].length;
    while (e < n && isSpelledChar(text.charCodeAt(e))) e++;
    done = e;
    DOT_WORD.lastIndex = e;
    const from = s > 0 ? s - 1 : 0;
    const run = text.slice(from, Math.min(n, e + 1));
    SPELLED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SPELLED.exec(run)) !== null) {
      // each " at " / " dot " separator becomes '@' / '.'
      const base = from + m.index;
      const sep = /[ \t]+(at|dot)[ \t]+/gi;
      let k: RegExpExecArray | null;
      while ((k = sep.exec(m[0])) !== null) edits.push({ s: base + k.index, e: base + k.index + k[0].length, r: k[1]!.toLowerCase() === 'at' ? '@' : '.' });
    }
  }
}

/** "[at]", "(dot)", "[.]" (BRACKETED): '@' or '.', the blanks around them removed too */
function bracketedSeparators(text: string, edits: Edit[]): void {
  BRACKETED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKETED.exec(text)) !== null) {
    let s = m.index, e = m.index + m[0].length;
    while (s > 0 && (text.charCodeAt(s - 1) === 32 || text.charCodeAt(s - 1) === 9)) s--;
    while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e++;
    const w = m[1]!.toLowerCase();
    edits.push({ s, e, r: w === 'at' || w === '@' ? '@' : '.' });
  }
}

/** Two blanks side by side (a test: faster than indexOf('  '), which stops at every blank) */
const DOUBLE_BLANK = / {2}/;

/**
 * View B, on the (already folded) text: the edits above applied. `map` maps view B offsets to the
 * input's; undefined when there was nothing to undo.
 */
/** `keywords`: the text's keyword index when the caller has made it (the inspector), else made here. */
export function deobfuscate(text: string, keywords: KeywordHits = new KeywordHits(text)): TextView {
  const edits: Edit[] = [];
  let m: RegExpExecArray | null;
  const run = (re: RegExp, fn: (m: RegExpExecArray) => string | undefined): void => {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const r = fn(m);
      if (r !== undefined) edits.push({ s: m.index, e: m.index + m[0].length, r });
    }
  };
  if (text.indexOf('"') !== -1 || text.indexOf("'") !== -1 || text.indexOf('`') !== -1) {
    run(CONCAT, (x) => (x.index > 0 && CONCAT_EDGE.test(text[x.index - 1]!) ? '' : undefined));
  }
  wrappedBreaks(text, edits);
  base64Runs(
    text,
    (s, e) => {
      const r = decodeBase64(text.slice(s, e));
      if (r !== undefined) edits.push({ s, e, r });
    },
    (s, e, from) => {
      const r = decodeHex(text, from, e);
      if (r !== undefined) edits.push({ s, e, r });
    },
  );
  if (text.indexOf('/') !== -1) slashedDigits(text, edits);
  // (an AWS key id starts with 'A': indexOf rules out most texts faster than the regex's scan)
  if (text.indexOf('A') !== -1) run(GROUPED_KEY_ID, (x) => x[0].replace(/[ \t-]/g, ''));
  if (text.indexOf('.join(') !== -1) {
    run(JOINED_ARRAY, (x) => [...x[0].matchAll(QUOTED_PART)].map((q) => q[2]).join(''));
    run(PY_JOINED, (x) => joinedParts(x[0], x[0].indexOf('(') + 1));
  }
  if (text.indexOf('%s%s') !== -1) run(PERCENT_JOINED, (x) => joinedParts(x[0], x[0].indexOf('('), x[2]!.length / 2));
  const spacedOrLookalike = SPACED_OR_LOOKALIKE.test(text);
  if (spacedOrLookalike) letterSpaced(text, edits);
  if (spacedOrLookalike && (DOUBLE_BLANK.test(text) || text.indexOf('\t') !== -1)) wideSpaced(text, edits);
  separatedGroups(text, edits);
  mixedGroups(text, edits);
  spelledDigits(text, edits, keywords.hits('digitword').starts);
  if (text.indexOf('-') !== -1) spelledWith(text, '-', HYPHEN_SPELLED, edits);
  if (text.indexOf('.') !== -1) spelledWith(text, '.', DOT_SPELLED, edits);
  if (hasEmoji(text)) emojiJoints(text, edits);
  if (spacedOrLookalike) digitLookalikes(text, edits);
  reversedEmails(text, edits);
  reversedTokens(text, TOKEN_PREFIXES, edits);
  saidBackwards(text, keywords.hits('backwards').ends, edits);
  if (text.indexOf('<!--') !== -1) run(HTML_COMMENT, () => '');
  if (spacedOrLookalike) spacedHex(text, edits, (hex) => decodeHex(hex, 0, hex.length));
  if (text.indexOf('\\') !== -1) run(ESCAPES, (x) => decodeEscapes(x[0]));
  if (text.indexOf('%') !== -1) run(PERCENT, (x) => decodePercent(x[0]));
  if (text.indexOf('&') !== -1) {
    run(ENTITY, (x) => {
      if (x[3]) return NAMED[x[3]];
      const cp = x[1] ? parseInt(x[1], 10) : parseInt(x[2]!, 16);
      return cp > 32 && cp <= 0x10ffff && cp !== 0x7f ? String.fromCodePoint(cp) : undefined;
    });
  }
  // (its opening brackets, by indexOf: most texts have none, and the regex's scan costs more)
  if (text.indexOf('[') !== -1 || text.indexOf('(') !== -1 || text.indexOf('{') !== -1 || text.indexOf('<') !== -1) bracketedSeparators(text, edits);
  spelledAddresses(text, edits);
  if (edits.length === 0) return { text, map: undefined };
  edits.sort((a, b) => a.s - b.s || b.e - a.e);
  const map = new OffsetMap();
  let out = '';
  let pos = 0;
  for (const ed of edits) {
    if (ed.s < pos) continue; // overlaps an earlier edit
    out += text.slice(pos, ed.s);
    map.add(out.length, out.length + ed.r.length, ed.s, ed.e);
    out += ed.r;
    pos = ed.e;
  }
  out += text.slice(pos);
  return { text: out, map };
}
