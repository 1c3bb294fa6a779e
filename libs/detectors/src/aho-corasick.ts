export interface AhoCorasickOptions {
  /** default false: ASCII and single-code-unit Unicode letters are folded to lower case */
  caseSensitive?: boolean;
  /**
   * default true: a match must not be glued to a letter, digit or underscore on either side; 'start':
   * on its start's side only (a Korean word takes its particle after it: "계좌번호는")
   */
  wholeWord?: boolean | 'start';
}

export interface AhoCorasickMatch {
  start: number;
  end: number;
  /** index into the pattern list */
  pattern: number;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
const foldCache = new Map<number, number>();

function fold(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let f = foldCache.get(c);
  if (f === undefined) {
    const l = String.fromCharCode(c).toLowerCase();
    f = l.length === 1 ? l.charCodeAt(0) : c;
    foldCache.set(c, f);
  }
  return f;
}

function isWord(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

/**
 * Aho-Corasick automaton over UTF-16 code units: finds every dictionary entry in one pass over the
 * text, however many entries there are (O(text + matches) after an O(total pattern length) build).
 * Written here rather than taken from npm: the maintained package we tried (modern-ahocorasick) is
 * grapheme-based and did not finish a whole-word search of 1 MB against 10,000 entries in minutes.
 *
 * The trie's transitions: most nodes of a dictionary's trie have one child (the rest of a word), so
 * a node keeps its only child in typed arrays (`oneChar`, `oneChild`) and gets a Map only once it
 * branches. A Map per node made 144,000 entries (eight dictionaries of 18,000) take 1.5-2 s to
 * build, most of it allocating and collecting 1.5 million Maps, in the worker answering decisions.
 */
export class AhoCorasick {
  /** the character of a node's only child (-1: none, or the node branches: see `many`) */
  private readonly oneChar: Int32Array;
  private readonly oneChild: Int32Array;
  /** the children of a node that branches: maps[branch[node]] (-1: the node does not branch) */
  private readonly branch: Int32Array;
  private readonly maps: Map<number, number>[] = [];
  private readonly fail: Int32Array;
  /** pattern index ending at this node, or -1 */
  private readonly output: Int32Array;
  /** nearest node on the fail chain that has an output, or -1 */
  private readonly dict: Int32Array;
  private readonly lengths: number[] = [];
  private readonly caseSensitive: boolean;
  private readonly wholeWord: boolean | 'start';

  constructor(patterns: readonly string[], options: AhoCorasickOptions = {}) {
    this.caseSensitive = options.caseSensitive ?? false;
    this.wholeWord = options.wholeWord ?? true;
    // at most one node per pattern character, plus the root
    let capacity = 1;
    for (const p of patterns) capacity += p.length;
    this.oneChar = new Int32Array(capacity).fill(-1);
    this.oneChild = new Int32Array(capacity);
    this.branch = new Int32Array(capacity).fill(-1);
    this.fail = new Int32Array(capacity);
    this.output = new Int32Array(capacity).fill(-1);
    this.dict = new Int32Array(capacity).fill(-1);
    let nodes = 1;
    patterns.forEach((p, idx) => {
      this.lengths.push(p.length);
      if (p.length === 0) return;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = this.caseSensitive ? p.charCodeAt(i) : fold(p.charCodeAt(i));
        let nxt = this.child(node, c);
        if (nxt === -1) {
          nxt = nodes++;
          this.addChild(node, c, nxt);
        }
        node = nxt;
      }
      if (this.output[node] === -1) this.output[node] = idx;
    });
    // breadth-first: fail links and dictionary-suffix links
    const queue = new Int32Array(nodes);
    let tail = 0;
    this.forEachChild(0, (_, child) => (queue[tail++] = child));
    for (let qi = 0; qi < tail; qi++) {
      const node = queue[qi]!;
      this.forEachChild(node, (c, child) => {
        let f = this.fail[node]!;
        while (f !== 0 && this.child(f, c) === -1) f = this.fail[f]!;
        const target = this.child(f, c);
        this.fail[child] = target !== -1 && target !== child ? target : 0;
        const fc = this.fail[child]!;
        this.dict[child] = this.output[fc] !== -1 ? fc : this.dict[fc]!;
        queue[tail++] = child;
      });
    }
  }

  /** The child of `node` by character `c`, or -1. */
  private child(node: number, c: number): number {
    const one = this.oneChar[node]!;
    if (one === c) return this.oneChild[node]!;
    if (one !== -1) return -1;
    const b = this.branch[node]!;
    return b === -1 ? -1 : (this.maps[b]!.get(c) ?? -1);
  }

  private addChild(node: number, c: number, child: number): void {
    const b = this.branch[node]!;
    if (b !== -1) this.maps[b]!.set(c, child);
    else if (this.oneChar[node] === -1) {
      this.oneChar[node] = c;
      this.oneChild[node] = child;
    } else {
      // the second child: the node branches from now on
      this.branch[node] = this.maps.length;
      this.maps.push(new Map([[this.oneChar[node]!, this.oneChild[node]!], [c, child]]));
      this.oneChar[node] = -1;
    }
  }

  private forEachChild(node: number, f: (c: number, child: number) => void): void {
    const one = this.oneChar[node]!;
    if (one !== -1) f(one, this.oneChild[node]!);
    else if (this.branch[node] !== -1) this.maps[this.branch[node]!]!.forEach((child, c) => f(c, child));
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Matches in text order; at each end position the longest entry that passes the word-boundary check. */
  search(text: string): AhoCorasickMatch[] {
    const out: AhoCorasickMatch[] = [];
    const { fail, output, dict, lengths } = this;
    const cs = this.caseSensitive;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = cs ? text.charCodeAt(i) : fold(text.charCodeAt(i));
      let nxt = this.child(node, c);
      while (nxt === -1 && node !== 0) {
        node = fail[node]!;
        nxt = this.child(node, c);
      }
      node = nxt === -1 ? 0 : nxt;
      if (node === 0) continue;
      let o = output[node] !== -1 ? node : dict[node]!;
      while (o !== -1) {
        const p = output[o]!;
        const end = i + 1;
        const start = end - lengths[p]!;
        if (!this.wholeWord || this.boundaryOk(text, start, end)) {
          out.push({ start, end, pattern: p });
          break;
        }
        o = dict[o]!;
      }
    }
    return out;
  }

  private boundaryOk(text: string, start: number, end: number): boolean {
    if (start > 0 && isWord(text.charCodeAt(start - 1)) && isWord(text.charCodeAt(start))) return false;
    if (this.wholeWord !== 'start' && end < text.length && isWord(text.charCodeAt(end)) && isWord(text.charCodeAt(end - 1))) return false;
    return true;
  }
}
