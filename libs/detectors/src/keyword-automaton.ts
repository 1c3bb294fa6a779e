/**
 * Whole-word keyword search for a fixed vocabulary, case-insensitive: a trie walked from each word
 * start ('_' and '-' separate words, so DB_PASSWORD contains "password").
 *
 * Every pattern begins at a word start, so no Aho-Corasick failure links are needed: the scan
 * touches each character once to find word starts, and from each one walks the trie only as far as
 * the text still spells a pattern prefix (usually one or two characters). Word starts inside a
 * pattern ("date of birth") are marked in the trie with a BOUNDARY symbol, fed to the walk before
 * any character that follows a non-word character, so "update of birth" cannot match. The hot part
 * of the trie (its first levels) stays in cache. Linear: a walk is bounded by the longest pattern.
 * Used for the built-in context words; organization dictionaries use AhoCorasick.
 */

/**
 * Word characters (letters and digits, ASCII and Unicode): 1 = word, 2 = not a word, 0 = not yet
 * known (non-ASCII code units are classified on first sight, so loading the module stays cheap).
 */
const WORD = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
const UNICODE_WORD = /[\p{L}\p{N}]/u;
function isWord(c: number): boolean {
  let w = WORD[c]!;
  if (w === 0) {
    w = UNICODE_WORD.test(String.fromCharCode(c)) ? 1 : 2;
    WORD[c] = w;
  }
  return w === 1;
}

const BOUNDARY = 1;

export class KeywordAutomaton {
  /** symbol of every UTF-16 code unit (0 = in no pattern; 1 = BOUNDARY, never a character) */
  private readonly symOf = new Uint8Array(65536);
  private readonly stride: number;
  /** goto[node * stride + symbol] = child node, or -1 (nodes numbered breadth-first) */
  private readonly goto: Int16Array;
  /** the pattern ending at each node (the longest when several), or -1 */
  private readonly out: Int32Array;
  private readonly lengths: number[];
  private readonly maxLength: number;

  constructor(patterns: readonly string[]) {
    const lowered = patterns.map((p) => p.toLowerCase());
    let nSym = 2;
    for (const p of lowered) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (this.symOf[c] === 0) {
          if (nSym > 255) throw new RangeError('KeywordAutomaton: too many distinct characters');
          this.symOf[c] = nSym;
          // its capital too, when that capital's small letter is this one (not 'I' for the dotless 'ı')
          const u = String.fromCharCode(c).toUpperCase();
          if (u.length === 1 && u.charCodeAt(0) !== c && u.toLowerCase().charCodeAt(0) === c) this.symOf[u.charCodeAt(0)] = nSym;
          nSym++;
        }
      }
    }
    let stride = 1;
    while (stride < nSym) stride <<= 1;
    this.stride = stride;
    this.lengths = lowered.map((p) => p.length);
    this.maxLength = Math.max(0, ...this.lengths);
    const rows: number[] = new Array<number>(stride).fill(-1);
    const out: number[] = [-1];
    lowered.forEach((p, idx) => {
      let node = 0;
      const step = (s: number): void => {
        let nxt = rows[node * stride + s]!;
        if (nxt === -1) {
          nxt = out.length;
          out.push(-1);
          for (let k = 0; k < stride; k++) rows.push(-1);
          rows[node * stride + s] = nxt;
        }
        node = nxt;
      };
      for (let i = 0; i < p.length; i++) {
        if (i === 0 || !isWord(p.charCodeAt(i - 1))) step(BOUNDARY);
        step(this.symOf[p.charCodeAt(i)]!);
      }
      if (out[node] === -1 || this.lengths[out[node]!]! < p.length) out[node] = idx;
    });
    // renumber nodes breadth-first so the shallow nodes, where almost every walk ends, share cache lines
    const n = out.length;
    const order: number[] = [0];
    const newId = new Int32Array(n).fill(-1);
    newId[0] = 0;
    for (let qi = 0; qi < order.length; qi++) {
      const node = order[qi]!;
      for (let sy = 0; sy < stride; sy++) {
        const child = rows[node * stride + sy]!;
        if (child > 0 && newId[child] === -1) {
          newId[child] = order.length;
          order.push(child);
        }
      }
    }
    if (n > 32767) throw new RangeError('KeywordAutomaton: vocabulary too large');
    this.goto = new Int16Array(n * stride).fill(-1);
    this.out = new Int32Array(n).fill(-1);
    for (let old = 0; old < n; old++) {
      const id = newId[old]!;
      this.out[id] = out[old]!;
      for (let sy = 0; sy < stride; sy++) {
        const child = rows[old * stride + sy]!;
        this.goto[id * stride + sy] = child > 0 ? newId[child]! : -1;
      }
    }
  }

  /**
   * Whole-word matches in text order: from each word start the longest pattern that ends on a word
   * end. A match starting inside the previous one is dropped ("confidential" in "strictly confidential").
   */
  search(text: string, onMatch: (start: number, end: number, pattern: number) => void): void {
    const { goto, out, lengths, symOf, stride } = this;
    const len = text.length;
    const rootB = goto[BOUNDARY]!; // every pattern starts with BOUNDARY
    let lastEnd = 0;
    let i = 0;
    // invariant at the top of the loop: i is a start (i = 0 or text[i - 1] is not a word character)
    while (i < len) {
      const c = text.charCodeAt(i);
      const cw = c < 128 ? WORD[c] === 1 : isWord(c);
      let node = i >= lastEnd ? goto[rootB * stride + symOf[c]!]! : -1;
      // what the walk below learns about the word starting at i (when cw): text[i, wordTo) are word
      // characters, and wordEnd is the first non-word character after i once the walk has read it
      let wordTo = i + 1;
      let wordEnd = -1;
      if (node > 0) {
        let best = -1;
        let j = i;
        let w = cw;
        for (;;) {
          const p = out[node]!;
          if (p !== -1) {
            if (j + 1 >= len || !w) best = p;
            else {
              const cn = text.charCodeAt(j + 1);
              if (!(cn < 128 ? WORD[cn] === 1 : isWord(cn))) best = p;
            }
          }
          if (++j >= len) break;
          const cj = text.charCodeAt(j);
          if (!w) {
            node = goto[node * stride + BOUNDARY]!;
            if (node <= 0) break;
          }
          node = goto[node * stride + symOf[cj]!]!;
          if (node <= 0) break;
          w = cj < 128 ? WORD[cj] === 1 : isWord(cj);
          if (wordTo === j) {
            if (w) wordTo = j + 1;
            else wordEnd = j;
          }
        }
        if (best !== -1) {
          const end = i + lengths[best]!;
          onMatch(i, end, best);
          lastEnd = end;
        }
      }
      if (!cw) i++;
      else if (wordEnd !== -1) i = wordEnd + 1;
      else {
        // skip the rest of the word (not read again where the walk has read it); the character that
        // ends it is not a start, the next one is
        i = wordTo;
        while (i < len) {
          const d = text.charCodeAt(i);
          if (!(d < 128 ? WORD[d] === 1 : isWord(d))) break;
          i++;
        }
        i++;
      }
    }
  }
}
