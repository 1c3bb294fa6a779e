import { base64Bytes, toBase64 } from './base64';

/**
 * A Bloom filter over lower-case strings (for the shipped name lists: a compact encoding, ~10 bits a
 * name for a false-positive rate near 1%). Built by scripts/build-name-data.mjs with this same code;
 * read at run time from base64 (no Node built-ins: runs in the extension too).
 */

/** The second hash of the last `hashRange` (kept here so a lookup allocates nothing). */
let secondHash = 0;

/**
 * FNV-1a over the UTF-16 code units of `text[s, e)`, and a second, independent mix for double
 * hashing (left in `secondHash`). With `foldAscii`, A-Z count as a-z and any non-ASCII unit gives -1
 * (the caller lower-cases that string properly).
 */
function hashRange(text: string, s: number, e: number, foldAscii: boolean): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = s; i < e; i++) {
    let c = text.charCodeAt(i);
    if (foldAscii) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) return -1;
    }
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  h2 = Math.imul(h2 ^ (h2 >>> 15), 0x2c1b3c6d);
  secondHash = (h2 >>> 0) | 1;
  return h1 >>> 0;
}

export class BloomFilter {
  constructor(
    readonly bits: Uint8Array,
    readonly k: number,
  ) {}

  static create(count: number, bitsPerKey = 10): BloomFilter {
    const m = Math.max(64, Math.ceil((count * bitsPerKey) / 8) * 8);
    return new BloomFilter(new Uint8Array(m / 8), Math.max(1, Math.round(bitsPerKey * Math.LN2)));
  }

  add(s: string): void {
    const a = hashRange(s, 0, s.length, false);
    const b = secondHash;
    const m = this.bits.length * 8;
    for (let i = 0; i < this.k; i++) {
      const p = ((a + Math.imul(i, b)) >>> 0) % m;
      this.bits[p >>> 3]! |= 1 << (p & 7);
    }
  }

  has(s: string): boolean {
    return this.probe(hashRange(s, 0, s.length, false), secondHash);
  }

  /** `has(text.slice(s, e).toLowerCase())` without building the string (ASCII folded inline). */
  hasRange(text: string, s: number, e: number): boolean {
    const a = hashRange(text, s, e, true);
    return a < 0 ? this.has(text.slice(s, e).toLowerCase()) : this.probe(a, secondHash);
  }

  private probe(a: number, b: number): boolean {
    const m = this.bits.length * 8;
    for (let i = 0; i < this.k; i++) {
      const p = ((a + Math.imul(i, b)) >>> 0) % m;
      if ((this.bits[p >>> 3]! & (1 << (p & 7))) === 0) return false;
    }
    return true;
  }

  toBase64(): string {
    return toBase64(this.bits);
  }

  static fromBase64(b64: string, k: number): BloomFilter {
    return new BloomFilter(base64Bytes(b64) ?? new Uint8Array(8), k);
  }
}
