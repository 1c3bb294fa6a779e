/**
 * The deobfuscation passes that find their runs from cheap hints (normalize.ts's view B calls them):
 * text typed a character at a time, words or digits spelled with hyphens or dots, slash-separated
 * card digits, O and I typed for 0 and 1, e-mails written backwards, spaced hex dumps, and the
 * patterns of the other passes of this kind (grouped AWS key ids, `[…].join('')`, HTML comments inside
 * a value, emoji separators). Each run is walked once, however many hints it holds: linear.
 */

/** An edit of the deobfuscated view: text[s, e) reads as `r`. */
export interface Edit {
  s: number;
  e: number;
  r: string;
}

/** Digit groups joined by slashes ("4111/1111/1111/1111"), 13-19 digits in all (a date has 8). */
const SLASHED_DIGITS = /\d{1,6}(?:\/\d{1,6}){2,18}(?![\w/])/y;
/** An AWS access key id in groups of four with a blank or hyphen ("AKIA IOSF ODNN 7EXA MPLE"). */
export const GROUPED_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)(?:[ \t-][A-Z2-7]{4}){4}(?![A-Za-z0-9])/g;
/**
 * Quoted parts in an array joined with an empty string: `['AKIA3KD7', 'QP2XLMRT4WZQ'].join('')`.
 * A comma before every part but the first (so the blanks between parts split one way only).
 */
export const JOINED_ARRAY = /\[[ \t]*(["'`])[^"'`\n\\]{0,200}\1(?:[ \t]*,[ \t]*(["'`])[^"'`\n\\]{0,200}\2){1,30}[ \t]*(?:,[ \t]*)?\][ \t]*\.join\([ \t]*(["'`])\3[ \t]*\)/g;
export const QUOTED_PART = /(["'`])([^"'`\n\\]*)\1/g;
/**
 * The same joined the Python way, by an empty separator first: `''.join(['sk-', 'live', '_abc…'])`,
 * `"".join(("AKIA", "…"))` (a list or a tuple). As JOINED_ARRAY: a comma before every part but the first.
 */
export const PY_JOINED = /(["'])\1[ \t]*\.join\([ \t]*[[(][ \t]*(["'])[^"'`\n\\]{0,200}\2(?:[ \t]*,[ \t]*(["'])[^"'`\n\\]{0,200}\3){1,30}[ \t]*(?:,[ \t]*)?[\])][ \t]*\)/g;
/**
 * A Python format string of `%s` only, filled from a tuple of quoted parts: `'%s%s' % ('AKIA…', '…')`.
 * The number of parts must be the number of `%s` (checked by the caller).
 */
export const PERCENT_JOINED = /(["'])((?:%s){2,30})\1[ \t]*%[ \t]*\([ \t]*(["'])[^"'`\n\\]{0,200}\3(?:[ \t]*,[ \t]*(["'])[^"'`\n\\]{0,200}\4){1,29}[ \t]*(?:,[ \t]*)?\)/g;
/** The parts of a PY_JOINED or PERCENT_JOINED match (after its opening bracket), joined; undefined when a `%s` count does not match. */
export function joinedParts(match: string, from: number, percents = 0): string | undefined {
  const parts = [...match.slice(from).matchAll(QUOTED_PART)].map((q) => q[2]!);
  return percents > 0 && parts.length !== percents ? undefined : parts.join('');
}
/**
 * Text typed a character at a time with one blank between ("M a r i a m   H a s s a n", "K i w i -
 * 7 7 - S u n s e t !", "0 7 4 8 8   2 1 9"): six such characters or more in all (counted when it is
 * joined); a wider gap (two to four blanks) is a word break and stays one blank.
 */
const LETTER_SPACED = /[^\s](?: [^\s])+(?: {2,4}[^\s](?: [^\s])*)*(?![^\s:=,;.!?)])/y;
/** its hint, " x y ": a regex starting with a blank (a test per blank in JavaScript cost three times as much) */
const LETTER_SPACED_HINT = / [^\s] [^\s] /g;
/**
 * A word spelled with hyphens between its letters ("s-c-h-i-z-o-p-h-r-e-n-i-a"), five letters or more.
 * Found from its hint ("-x-y-", by indexOf): a Unicode-class regex tried at every letter cost 24 ms per MB.
 */
export const HYPHEN_SPELLED = /[\p{L}\d](?:-[\p{L}\d]){4,}(?![\p{L}\d-])/uy;
const LETTER_OR_DIGIT = /[\p{L}\d]/u;
/** An HTML comment inside a value ("anna.weber<!-- x -->@<!-- y -->firma.de"): between two non-blank characters, up to 100 characters. */
export const HTML_COMMENT = /(?<=[^\s<>])<!--[^\n]{0,100}?-->(?=[^\s<>])/g;
/** A word spelled with dots between its letters ("p.a.s.s.w.o.r.d"): as HYPHEN_SPELLED */
export const DOT_SPELLED = /[\p{L}\d](?:\.[\p{L}\d]){4,}(?![\p{L}\d]|\.[\p{L}\d])/uy;
/** Emoji (and their modifiers) standing between two letters or digits as separators ("4111🔸1111🔸…"); read only where the text has an emoji (a surrogate pair of the emoji planes) */
export const hasEmoji = (text: string): boolean => text.indexOf('\uD83C') !== -1 || text.indexOf('\uD83D') !== -1 || text.indexOf('\uD83E') !== -1;
// (variation selectors and joiners are gone already: view A removes them; U+20E3 is the keycap mark)
const EMOJI_RUN = /(?:[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}]|\u20E3)+/uy;
/** A code unit that can start an emoji of EMOJI_RUN: ©, ®, U+203C-2BFF, four CJK symbols, the high surrogates of U+1F000-1FFFF. */
const emojiStart = (c: number): boolean =>
  (c >= 0x203c && c <= 0x2bff) || (c >= 0xd83c && c <= 0xd83f) || c === 0xa9 || c === 0xae || c === 0x3030 || c === 0x303d || c === 0x3297 || c === 0x3299;
/** The code point that ends right before `i`, as a string. */
function codePointBefore(text: string, i: number): string {
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
}
/**
 * Emoji used as separators inside a word or a number ("4539🔹1670", "pass🔥word"): each run of them
 * with a letter or digit on both sides is removed. The regex runs only where such a character starts
 * (a scan of the code units finds them), not at every position of the text behind a lookbehind.
 */
export function emojiJoints(text: string, edits: Edit[]): void {
  for (let i = 1; i < text.length; i++) {
    if (!emojiStart(text.charCodeAt(i))) continue;
    EMOJI_RUN.lastIndex = i;
    if (!EMOJI_RUN.test(text)) continue;
    const end = EMOJI_RUN.lastIndex;
    if (end < text.length && LETTER_OR_DIGIT.test(codePointBefore(text, i)) && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(end)!))) {
      edits.push({ s: i, e: end, r: '' });
    }
    i = end - 1;
  }
}
/**
 * Digits with the letters O and I (or l) typed for 0 and 1 ("4O11 1lll 2284 6I32"): a run of digit
 * groups with at least six digits, found from a hint (a digit next to one of those letters).
 */
const DIGIT_LOOKALIKE_HINT = /\d[OoIl]|[OoIl]\d/g;
const DIGIT_LOOKALIKE = /[\dOoIl]{2,}(?:[ .-][\dOoIl]{2,}){0,5}(?![\p{L}\d])/uy;
const LOOKALIKE_CHAR = (c: number): boolean => (c >= 48 && c <= 57) || c === 79 || c === 111 || c === 73 || c === 108;
/** An e-mail address written backwards ("moc.elpmaxe@nhoj"): a reversed top-level domain first */
const REVERSED_EMAIL = /(?:moc|gro|ten|ude|vog|lim|oi|oc|ed|rf|se|ti|ln|lp|eb|ta|hc|es|on|kd|if|ei|ku|ua|ac|ni|pj|rb|xm|az|gn|ek|zn|gs|kh|nc|ur|rt)(?:\.[\w-]{1,63}){1,4}@[\w.+%-]{1,64}(?![\w@])/iy;
const EMAIL_CHAR = /[\w.-]/;

/** E-mail addresses written backwards, read from each '@' (a regex tried at every position cost 2 ms per MB). */
export function reversedEmails(text: string, edits: Edit[]): void {
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let st = at;
    while (st > lastEnd && at - st <= 320 && EMAIL_CHAR.test(text[st - 1]!)) st--;
    if (st > 0 && text[st - 1] === '@') continue;
    REVERSED_EMAIL.lastIndex = st;
    const m = REVERSED_EMAIL.exec(text);
    if (m === null) continue;
    lastEnd = st + m[0].length;
    edits.push({ s: st, e: lastEnd, r: [...m[0]].reverse().join('') });
  }
}

/** A hex dump with a blank between the bytes ("73 6b 2d 70 …"), 16 bytes or more; found from its hint (four bytes between blanks). */
// (printable text's bytes are 0x20-0x7e: each starts with a digit 2-7, which rejects prose fast)
const SPACED_HEX_HINT = / [2-7][0-9a-fA-F] [2-7][0-9a-fA-F] [2-7][0-9a-fA-F] [2-7][0-9a-fA-F] /g;
const SPACED_HEX = /[0-9a-fA-F]{2}(?: [0-9a-fA-F]{2}){15,}(?![\w])/y;
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/**
 * Runs of `sticky` found from the matches of `hint`: `back` walks from a hint's index to where the run
 * would start, `forward` from there to where it ends (the run's shape, whether `sticky` matches it or
 * not), `sticky` is tried at the start if it may start there, and the hint search goes on after the
 * run: each run is walked once, however many hints it holds (linear).
 */
function hinted(
  text: string,
  hint: RegExp | { char: string; at: (i: number) => boolean },
  run: { back: (at: number) => number; forward: (from: number) => number; mayStart: (at: number) => boolean; sticky: RegExp },
  fn: (s: number, e: number) => void,
): void {
  let from = 0;
  const next = (): number => {
    if (hint instanceof RegExp) {
      hint.lastIndex = from;
      const h = hint.exec(text);
      return h === null ? -1 : h.index;
    }
    // a character the run must hold, then a test around it: indexOf skips most of the text natively
    for (let i = text.indexOf(hint.char, from); i !== -1; i = text.indexOf(hint.char, i + 1)) if (hint.at(i)) return i;
    return -1;
  };
  for (let h = next(); h !== -1; h = next()) {
    const s = run.back(h);
    const end = run.forward(s);
    from = Math.max(h + 1, end);
    if (!run.mayStart(s)) continue;
    run.sticky.lastIndex = s;
    if (run.sticky.test(text) && run.sticky.lastIndex <= end + 1) fn(s, run.sticky.lastIndex);
  }
}
/**
 * Words spelled with `sep` between their letters ("s-c-h-i-z-o", "p.a.s.s"), found from "-x-y-" (by
 * indexOf), walked back over "x-" pairs and forward over "-x" pairs; the first letter must not follow
 * a letter, digit or `sep`. `sticky` checks the run (HYPHEN_SPELLED, DOT_SPELLED).
 */
export function spelledWith(text: string, sep: string, sticky: RegExp, edits: Edit[]): void {
  const c = sep.charCodeAt(0);
  const letterAt = (i: number): boolean => i >= 0 && i < text.length && LETTER_OR_DIGIT.test(text[i]!);
  const run = {
    back: (at: number): number => {
      let st = at - 1;
      while (st >= 2 && text.charCodeAt(st - 1) === c && letterAt(st - 2)) st -= 2;
      return st;
    },
    forward: (from: number): number => {
      let e = from + 1;
      while (text.charCodeAt(e) === c && letterAt(e + 1)) e += 2;
      return e;
    },
    mayStart: (st: number): boolean => st === 0 || !(text.charCodeAt(st - 1) === c || letterAt(st - 1)),
    sticky,
  };
  const hint = { char: sep, at: (i: number) => text.charCodeAt(i + 2) === c && text.charCodeAt(i + 4) === c && letterAt(i + 1) && letterAt(i + 3) };
  hinted(text, hint, run, (st, e) => {
    const r = text.slice(st, e).split(sep).join('');
    // digits alone only at a card's length ("4-5-3-9-…"; not "1.2.3.4.5" or scores "3-1-2-0-1")
    if (!/^\d+$/.test(r) || (r.length >= 13 && r.length <= 19)) edits.push({ s: st, e, r });
  });
}

/** Card digits in slash-separated groups ("4111/1111/1111/1111"), 13-19 digits in all, found from each '/' between two digits (by indexOf: a slash is rare in prose). */
export function slashedDigits(text: string, edits: Edit[]): void {
  const digitAt = (i: number): boolean => i >= 0 && i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  const slashed = {
    back: (at: number): number => {
      let st = at;
      while (st > 0 && (digitAt(st - 1) || (text.charCodeAt(st - 1) === 47 && digitAt(st - 2)))) st--;
      return st;
    },
    forward: (from: number): number => {
      let e = from;
      while (digitAt(e) || (text.charCodeAt(e) === 47 && digitAt(e + 1))) e++;
      return e;
    },
    mayStart: (st: number): boolean => st === 0 || !/[\w/]/.test(text[st - 1]!),
    sticky: SLASHED_DIGITS,
  };
  hinted(text, { char: '/', at: (i) => digitAt(i - 1) && digitAt(i + 1) }, slashed, (st, e) => {
    const digits = text.slice(st, e).replace(/\//g, '');
    if (digits.length >= 13 && digits.length <= 19) edits.push({ s: st, e, r: digits });
  });
}

/** Text typed a character at a time (LETTER_SPACED), found from " x y " (LETTER_SPACED_HINT) and walked back over single characters. */
export function letterSpaced(text: string, edits: Edit[]): void {
  const blankAt = (i: number): boolean => i < text.length && text.charCodeAt(i) === 32;
  const solidAt = (i: number): boolean => i >= 0 && i < text.length && !/\s/.test(text[i]!);
  const spaced = {
    back: (at: number): number => {
      let st = at + 1;
      while (st >= 2 && blankAt(st - 1) && solidAt(st - 2) && !solidAt(st - 3)) st -= 2;
      return st;
    },
    forward: (from: number): number => {
      let e = from;
      for (;;) {
        if (!solidAt(e) || solidAt(e + 1)) break;
        let gap = 0;
        while (blankAt(e + 1 + gap) && gap < 5) gap++;
        if (gap === 0 || gap > 4 || !solidAt(e + 1 + gap)) return e + 1;
        e += 1 + gap;
      }
      return e + 1;
    },
    mayStart: (st: number): boolean => st >= 0 && !solidAt(st - 1),
    sticky: LETTER_SPACED,
  };
  hinted(text, LETTER_SPACED_HINT, spaced, (st, e) => spacedWords(text.slice(st, e).split(/ {2,4}/).map((w) => w.replace(/ /g, '')), st, e, edits));
}

/** a word typed with the same separator between all its letters ("4-1-1-1", "s.m.i.t.h", "4|1|1|1"), once its blanks are gone */
const SEPARATED_LETTERS = /^[\p{L}\d](?:([-.|/_:~*])[\p{L}\d])(?:\1[\p{L}\d]){3,}$/u;
/**
 * The words of a run typed a character at a time, its blanks removed: one edit, when there are six
 * characters or more. A word with a separator between every two characters ("4 - 1 - 1 - 1 …", "s . m
 * i t h" is not one) loses its separators. Digits alone are a list of small numbers ("scores: 3 4 5 2
 * 1 4") unless grouped by word gaps ("0 7 9 0 0   5 1 2") or as long as a card.
 */
function spacedWords(words: string[], st: number, e: number, edits: Edit[]): void {
  const joined = words.map((w) => (w.length >= 9 && SEPARATED_LETTERS.test(w) ? w.replace(/[-.|/_:~*]/g, '') : w));
  const n = joined.reduce((k, w) => k + w.length, 0);
  const digitsOnly = joined.every((w) => /^\d+$/.test(w));
  if (n >= 6 && (!digitsOnly || joined.length > 1 || (n >= 13 && n <= 19))) edits.push({ s: st, e, r: joined.join(' ') });
}

/** its hint: three characters, each alone between two gaps of two or three blanks, or of a tab ("a  b  c", "4\t1\t1") */
const WIDE_SPACED_HINT = /(?: {2,3}|\t)[^\s](?: {2,3}|\t)[^\s](?: {2,3}|\t)[^\s](?=\s|$)/g;
const isBlank = (c: number): boolean => c === 32 || c === 9;
const PUNCTUATION = /[:=,;.!?)]/;
/**
 * Text typed a character at a time with a wider gap between the characters: two or three blanks or a
 * tab ("s  k  -  l  i  v  e", "4\t1\t1\t1"). The gap after the run's first character is its unit;
 * a character follows each unit gap, a longer gap of blanks (up to four units) is a word break, and
 * anything else ends the run. Found from WIDE_SPACED_HINT, walked back over single characters and
 * forward once: linear.
 */
export function wideSpaced(text: string, edits: Edit[]): void {
  const n = text.length;
  const solidAt = (i: number): boolean => i >= 0 && i < n && !/\s/.test(text[i]!);
  /** the blank run at `i` (spaces and tabs), at most `max` long */
  const gapAt = (i: number, max: number): number => {
    let k = 0;
    while (k <= max && i + k < n && isBlank(text.charCodeAt(i + k))) k++;
    return k;
  };
  WIDE_SPACED_HINT.lastIndex = 0;
  let h: RegExpExecArray | null;
  let done = 0;
  while ((h = WIDE_SPACED_HINT.exec(text)) !== null) {
    if (h.index < done) continue;
    const unitLen = gapAt(h.index, 3);
    const unit = text.slice(h.index, h.index + unitLen);
    const wordGap = (g: number, at: number): boolean => g > unitLen && g <= 4 * unitLen + 1 && text.slice(at, at + unitLen) === unit.slice(0, unitLen);
    // back: single characters behind unit gaps or word gaps
    let st = h.index + unitLen; // the hint's first character
    for (;;) {
      let g = 0;
      while (st - 1 - g >= 0 && isBlank(text.charCodeAt(st - 1 - g)) && g <= 4 * unitLen + 1) g++;
      const c = st - 1 - g;
      if (g === 0 || !solidAt(c) || solidAt(c - 1)) break;
      if (!(g === unitLen && text.slice(c + 1, st) === unit) && !wordGap(g, c + 1)) break;
      st = c;
    }
    // forward: the words, each a run of characters with a unit gap between
    const words: string[] = [];
    let word = '';
    let e = st;
    for (;;) {
      word += text[e];
      const g = gapAt(e + 1, 4 * unitLen + 2);
      const next = e + 1 + g;
      if (g === 0 || !solidAt(next)) break;
      // the last character may have a punctuation mark after it ("… 1  2.")
      const last = solidAt(next + 1);
      if (last && !(PUNCTUATION.test(text[next + 1]!) && !solidAt(next + 2))) break;
      if (g === unitLen && text.slice(e + 1, next) === unit) e = next;
      else if (wordGap(g, e + 1)) {
        words.push(word);
        word = '';
        e = next;
      } else break;
      if (last) {
        word += text[e];
        break;
      }
    }
    words.push(word);
    e++;
    done = e;
    WIDE_SPACED_HINT.lastIndex = Math.max(e, h.index + 1);
    spacedWords(words, st, e, edits);
  }
}

/**
 * Any hint of letterSpaced, wideSpaced, digitLookalikes or spacedHex: one scan of a text instead of
 * four (most texts hold none of them; each of those passes edits only where its own hint matches).
 */
export const SPACED_OR_LOOKALIKE = new RegExp([LETTER_SPACED_HINT, WIDE_SPACED_HINT, DIGIT_LOOKALIKE_HINT, SPACED_HEX_HINT].map((r) => `(?:${r.source})`).join('|'));

/** O and I (or l) typed for 0 and 1 in digit groups (DIGIT_LOOKALIKE), from a digit next to one of those letters. */
export function digitLookalikes(text: string, edits: Edit[]): void {
  const lookalike = {
    back: (at: number): number => {
      let st = at;
      while (st > 0 && (LOOKALIKE_CHAR(text.charCodeAt(st - 1)) || (st > 1 && /[ .-]/.test(text[st - 1]!) && LOOKALIKE_CHAR(text.charCodeAt(st - 2))))) st--;
      return st;
    },
    forward: (from: number): number => {
      let e = from;
      while (e < text.length && (LOOKALIKE_CHAR(text.charCodeAt(e)) || (/[ .-]/.test(text[e]!) && LOOKALIKE_CHAR(text.charCodeAt(e + 1))))) e++;
      return e;
    },
    mayStart: (st: number): boolean => st === 0 || !LETTER_OR_DIGIT.test(text[st - 1]!),
    sticky: DIGIT_LOOKALIKE,
  };
  hinted(text, DIGIT_LOOKALIKE_HINT, lookalike, (st, e) => {
    const run = text.slice(st, e);
    let digits = 0;
    for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= 48 && run.charCodeAt(i) <= 57) digits++;
    const letters = run.replace(/[\d .-]/g, '').length;
    if (digits >= 6 && letters > 0 && letters * 3 <= digits) edits.push({ s: st, e, r: run.replace(/[Oo]/g, '0').replace(/[Il]/g, '1') });
  });
}

/** Hex dumps with a blank between the bytes (SPACED_HEX): "xx " bytes back to the first, " xx" forward; the first must not follow a word character. */
export function spacedHex(text: string, edits: Edit[], decodeHex: (hex: string) => string | undefined): void {
  const bytes = {
    back: (at: number): number => {
      let st = at + 1;
      while (st >= 3 && text.charCodeAt(st - 1) === 32 && isHex(text.charCodeAt(st - 2)) && isHex(text.charCodeAt(st - 3))) st -= 3;
      return st;
    },
    forward: (from: number): number => {
      let e = from + 2;
      while (text.charCodeAt(e) === 32 && isHex(text.charCodeAt(e + 1)) && isHex(text.charCodeAt(e + 2))) e += 3;
      return e;
    },
    mayStart: (st: number): boolean => st === 0 || !/\w/.test(text[st - 1]!),
    sticky: SPACED_HEX,
  };
  hinted(text, SPACED_HEX_HINT, bytes, (st, e) => {
    const hex = text.slice(st, e).replace(/ /g, '');
    const r = decodeHex(hex);
    if (r !== undefined) edits.push({ s: st, e, r });
  });
}

/**
 * Card digits in groups with a separator that has blanks around it, or that the card detector does
 * not read: "4539 | 1670 | 2284 | 6132", "4539 - 1670 - 2284 - 6132", "4539 : 1670 : …". The first
 * group has four digits, the separator is the same each time, 13-19 digits in all; the groups become
 * blank-separated, so the card detector checks their shape.
 */
const SEPARATED_GROUPS = /\d{4}([ \t]*[|:~*•·\\/][ \t]*|[ \t]+[._-][ \t]+)\d{2,6}\1\d{4,5}(?:\1\d{1,4}){0,2}(?!\d)/y;
/**
 * its hint: four digits and a separator of SEPARATED_GROUPS (the part that is not in the card
 * detector's own shapes). `\d\d\d\d`, not `\d{4}`: irregexp skips ahead on a fixed run of classes
 * but not on a counted one (2.5 times faster on prose).
 */
const SEPARATED_GROUPS_HINT = /\d\d\d\d(?:[ \t]*[|:~*•·\\/][ \t]*|[ \t]+[._-][ \t]+)\d/g;

/** Card digit groups with a separator of SEPARATED_GROUPS; not a row of a table whose cells are split by the same separator ("| 4539 | 1670 | … |"). */
export function separatedGroups(text: string, edits: Edit[]): void {
  SEPARATED_GROUPS_HINT.lastIndex = 0;
  let h: RegExpExecArray | null;
  while ((h = SEPARATED_GROUPS_HINT.exec(text)) !== null) {
    const st = h.index;
    // the first group's start: no digit, letter or separator glued before it
    if (st > 0 && /[\w|:~*•·\\/.-]/.test(text[st - 1]!)) {
      SEPARATED_GROUPS_HINT.lastIndex = st + 4;
      continue;
    }
    SEPARATED_GROUPS.lastIndex = st;
    const m = SEPARATED_GROUPS.exec(text);
    if (m === null) {
      SEPARATED_GROUPS_HINT.lastIndex = st + 4;
      continue;
    }
    const e = st + m[0].length;
    SEPARATED_GROUPS_HINT.lastIndex = e;
    const sep = m[1]!.trim();
    // a table row: the same separator before the first group or after the last one ("| 4539 | … |")
    let b = st;
    while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--;
    let a = e;
    while (a < text.length && isBlank(text.charCodeAt(a))) a++;
    if ((b > 0 && text[b - 1] === sep) || text[a] === sep || /^[\w]/.test(text[e] ?? '')) continue;
    const groups = m[0].split(m[1]!);
    const digits = groups.join('').length;
    if (digits >= 13 && digits <= 19) edits.push({ s: st, e, r: groups.join(' ') });
  }
}

/**
 * Card digit groups whose separators are mixed ("5105-7635 2322.8761"): the card detector reads one
 * separator used throughout. The groups of a card's shape (4-4-4-4, 4-6-5, …, the card detector's
 * own list), at least two different separators among ' ', '-' and '.'; they become blank-separated.
 * The first digit before the look-behind (a look-behind first cost Chromium a test per position).
 */
const MIXED_GROUPS = /\d(?<![\w.-]\d)\d{3}([ .-])\d{2,6}([ .-])\d{4,5}(?:([ .-])\d{1,4})?(?:([ .-])\d{1,4})?(?![\w]|[.-]\d)/g;
const CARD_SHAPES = /^(?:4-4-4|4-4-4-4(?:-[1-3])?|4-6-5|4-6-4|4-4-4-[1-3]|4-4-4-4-3)$/;
export function mixedGroups(text: string, edits: Edit[]): void {
  MIXED_GROUPS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MIXED_GROUPS.exec(text)) !== null) {
    const seps = m.slice(1).filter((x) => x !== undefined);
    if (seps.every((x) => x === seps[0])) continue;
    const groups = m[0].split(/[ .-]/);
    const digits = groups.join('').length;
    if (digits < 13 || digits > 19 || !CARD_SHAPES.test(groups.map((g) => g.length).join('-'))) continue;
    edits.push({ s: m.index, e: m.index + m[0].length, r: groups.join(' ') });
  }
}

/** The AWS access key id prefixes that are secrets (the other unique-id prefixes are rarely pasted backwards). */
const AWS_KEY_PREFIXES = ['AKIA', 'ASIA'];
const isTokenChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 45;
/** The shortest token read backwards (prefix included): vendor tokens are longer, a short word ending in "-ks" is not one. */
const REVERSED_TOKEN_MIN = 20;
/** How far back a reversed token is walked (the longest vendor tokens are about 250 characters). */
const REVERSED_TOKEN_MAX = 300;

/**
 * A vendor token written backwards ("y4RwATrJ…C0R-ks" for "sk-R0C…"): a long token (20 characters or
 * more, letters and digits) that ends with a reversed known prefix (`prefixes`: the token detector's
 * and AWS key ids'), read backwards. Found from its hint: the reversed prefixes that start with '-'
 * or '_' from each such character (the next character must be one a reversed prefix has there), the
 * others (".GS", "azIA", "AIKA") by indexOf of all but their first character, checked after (prose
 * is full of the '.' and 'a' they start with, and indexOf stops at each). The token is walked back
 * once, at most 300 characters.
 */
export function reversedTokens(text: string, prefixes: readonly string[], edits: Edit[]): void {
  const { byFirst, seconds } = reversedPrefixes(prefixes);
  const n = text.length;
  const found: { s: number; e: number }[] = [];
  const tryAt = (i: number, rp: string): boolean => {
    const e = i + rp.length;
    if (!text.startsWith(rp, i) || (e < n && isTokenChar(text.charCodeAt(e)))) return false;
    const dots = rp.endsWith('GS'); // SendGrid: "SG.<22>.<43>" has dots inside
    let s = i, digit = false, letter = false;
    while (s > 0 && i - s <= REVERSED_TOKEN_MAX) {
      const c = text.charCodeAt(s - 1);
      if (!isTokenChar(c) && !(dots && c === 46)) break;
      if (c >= 48 && c <= 57) digit = true;
      else if ((c | 32) >= 97 && (c | 32) <= 122) letter = true;
      s--;
    }
    if (i - s > REVERSED_TOKEN_MAX || e - s < REVERSED_TOKEN_MIN || !digit || !letter) return false;
    found.push({ s, e });
    return true;
  };
  for (const [first, list] of byFirst) {
    const second = seconds.get(first);
    if (second !== undefined) {
      for (let i = text.indexOf(first); i !== -1; i = text.indexOf(first, i + 1)) {
        if (second[text.charCodeAt(i + 1)] !== 1) continue;
        for (const rp of list) if (tryAt(i, rp)) break;
      }
    } else {
      for (const rp of list) {
        const tail = rp.slice(1);
        for (let i = text.indexOf(tail, 1); i !== -1; i = text.indexOf(tail, i + 1)) if (text.charCodeAt(i - 1) === rp.charCodeAt(0)) tryAt(i - 1, rp);
      }
    }
  }
  for (const { s, e } of found) edits.push({ s, e, r: [...text.slice(s, e)].reverse().join('') });
}
interface ReversedPrefixes {
  /** '-' and '_' to the reversed prefixes that start with them, longest first; any other reversed prefix to itself */
  byFirst: Map<string, string[]>;
  /** '-' and '_' to a table of the characters their reversed prefixes have second */
  seconds: Map<string, Uint8Array>;
}
let reversedCache: { prefixes: readonly string[]; reversed: ReversedPrefixes } | undefined;
/** The reversed prefixes by their first character (made once per prefix list: a typed array made per call cost a microsecond). */
function reversedPrefixes(prefixes: readonly string[]): ReversedPrefixes {
  if (reversedCache?.prefixes === prefixes) return reversedCache.reversed;
  const byFirst = new Map<string, string[]>();
  for (const p of [...prefixes, ...AWS_KEY_PREFIXES]) {
    const rp = [...p].reverse().join('');
    const first = rp[0]!;
    const key = first === '-' || first === '_' ? first : rp;
    byFirst.set(key, [...(byFirst.get(key) ?? []), rp].sort((a, b) => b.length - a.length));
  }
  const seconds = new Map<string, Uint8Array>();
  for (const first of ['-', '_']) {
    const second = new Uint8Array(128);
    for (const rp of byFirst.get(first) ?? []) second[rp.charCodeAt(1)] = 1;
    seconds.set(first, second);
  }
  reversedCache = { prefixes, reversed: { byFirst, seconds } };
  return reversedCache.reversed;
}

/** the value after a word saying it is written backwards: groups of letters and digits with eight digits or more ("00 0310 … 98ED", a reversed IBAN), digits in groups, or letters, digits and separators with five digits or more, 6-40 characters (sticky) */
const BACKWARDS_VALUE = /(?=(?:[A-Za-z -]*\d){8})[A-Za-z0-9]{1,6}(?:[ -][A-Za-z0-9]{1,6}){2,8}(?![A-Za-z0-9])|\d(?:[ -]?\d){5,24}(?![A-Za-z0-9])|(?=[^\s]*(?:\d[^\s]*){5})[A-Za-z0-9][A-Za-z0-9.@_-]{4,38}[A-Za-z0-9]/y;

/**
 * A value the text says is written backwards ("ssn backwards so it's not stored: 0788-34-125"): the
 * first token with five digits or more within 60 characters after the word (`hintEnds`: the ends of
 * the keyword index's "backwards" words), read backwards.
 */
export function saidBackwards(text: string, hintEnds: readonly number[], edits: Edit[]): void {
  for (let h = 0; h < hintEnds.length && h < 20; h++) {
    const from = hintEnds[h]!;
    const to = Math.min(text.length, from + 60);
    for (let j = from; j < to; j++) {
      if (!isTokenChar(text.charCodeAt(j)) || (j > 0 && isTokenChar(text.charCodeAt(j - 1)))) continue;
      BACKWARDS_VALUE.lastIndex = j;
      const m = BACKWARDS_VALUE.exec(text);
      if (m === null || (j + m[0].length < text.length && isTokenChar(text.charCodeAt(j + m[0].length)))) continue;
      edits.push({ s: j, e: j + m[0].length, r: [...m[0]].reverse().join('') });
      break;
    }
  }
}
