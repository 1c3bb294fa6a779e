/**
 * Whole-word keyword search for a fixed vocabulary, case-insensitive: a trie walked from each word
 * start ('_' and '-' separate words, so DB_PASSWORD contains "password").
 *
 * Every pattern begins at a word start, so no Aho-Corasick failure links are needed: the scan
 * touches each character once to find word starts, and walks the trie from a word only when the
 * word can be a pattern's first word (a one-bit-per-hash filter of the first words, checked once the
 * word is read: most words of prose are rejected by one table read instead of a walk of two to four
 * levels). Word starts inside a pattern ("date of birth") are marked in the trie with a BOUNDARY
 * symbol, fed to the walk before any character that follows a non-word character, so "update of
 * birth" cannot match. Linear: a walk is bounded by the longest pattern.
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

/**
 * The first-word filter: bit (hash >>> 16) is set for the hash of each pattern's first word (its
 * symbols up to the first non-word character). 8 KB; a few thousand first words set a few percent of
 * its bits, so a word that is no pattern's first word is almost always rejected here.
 */
const FILTER_WORDS = 1 << 11;
const FNV_SEED = 0x811c9dc5 | 0;
/** FNV-1a over symbols: the same for a pattern's word and for the text's, since both read symOf's symbols */
const mix = (h: number, sym: number): number => Math.imul(h ^ sym, 0x01000193);
const filterHas = (filter: Uint32Array, h: number): boolean => (filter[h >>> 21]! & (1 << ((h >>> 16) & 31))) !== 0;

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
  /** the first-word filter (FILTER_WORDS words of 32 bits) */
  private readonly firstWords = new Uint32Array(FILTER_WORDS);

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
          // (a word character's and a non-word character's symbols stay apart: the filter relies on it)
          if (u.length === 1 && u.charCodeAt(0) !== c && u.toLowerCase().charCodeAt(0) === c && isWord(u.charCodeAt(0)) === isWord(c)) this.symOf[u.charCodeAt(0)] = nSym;
          // Turkish 'İ' (its small form is two code units, "i" and a dot above): read as 'i' ("DOĞUM TARİHİ", "GİZLİDİR")
          if (c === 0x69) this.symOf[0x130] = nSym;
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
      if (p.length > 0 && isWord(p.charCodeAt(0))) {
        let h = FNV_SEED;
        for (let i = 0; i < p.length && isWord(p.charCodeAt(i)); i++) h = mix(h, this.symOf[p.charCodeAt(i)]!);
        this.firstWords[h >>> 21]! |= 1 << ((h >>> 16) & 31);
      }
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
    const { goto, symOf, stride, firstWords } = this;
    const len = text.length;
    const rootB = goto[BOUNDARY]!; // every pattern starts with BOUNDARY
    let lastEnd = 0;
    let i = 0;
    // invariant at the top of the loop: i is a start (i = 0 or text[i - 1] is not a word character)
    while (i < len) {
      const c = text.charCodeAt(i);
      if (!(c < 128 ? WORD[c] === 1 : isWord(c))) {
        // a non-word character after another: "©", "(c)" start so
        const node = i >= lastEnd ? goto[rootB * stride + symOf[c]!]! : -1;
        if (node > 0) lastEnd = this.walk(text, i, node, lastEnd, onMatch);
        i++;
        continue;
      }
      // a word: read to its end, its symbols hashed; a pattern can start here only when the text
      // there spells the pattern's first word, so a word whose hash is not in the filter is skipped
      let h = mix(FNV_SEED, symOf[c]!);
      let j = i + 1;
      for (; j < len; j++) {
        const d = text.charCodeAt(j);
        if (!(d < 128 ? WORD[d] === 1 : isWord(d))) break;
        h = mix(h, symOf[d]!);
      }
      if (i >= lastEnd && filterHas(firstWords, h)) {
        const node = goto[rootB * stride + symOf[c]!]!;
        if (node > 0) lastEnd = this.walk(text, i, node, lastEnd, onMatch);
      }
      // the character that ends the word is not a start, the next one is
      i = j + 1;
    }
  }

  /**
   * The walk from start `i` (at `node`, its first character read): reports the longest pattern that
   * ends on a word end and returns its end, or `lastEnd` when there is none.
   */
  private walk(text: string, i: number, node: number, lastEnd: number, onMatch: (start: number, end: number, pattern: number) => void): number {
    const { goto, out, lengths, symOf, stride } = this;
    const len = text.length;
    let best = -1;
    let j = i;
    const c = text.charCodeAt(i);
    let w = c < 128 ? WORD[c] === 1 : isWord(c);
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
    }
    if (best === -1) return lastEnd;
    const end = i + lengths[best]!;
    onMatch(i, end, best);
    return end;
  }
}
