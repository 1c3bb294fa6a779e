import { BloomFilter } from '../bloom';

/**
 * A Bloom filter of names and a few more names as words beside it (data/names.ts: the Icelandic names
 * the package lists lack, each with a letter beyond ASCII; added to the filter they would move its
 * false positives onto other words). The words are read only for a word with such a letter, which
 * the filter's own hasRange hands to `has`: ASCII lookups, nearly all of English text, cost nothing more.
 */
export class NamesWithMore extends BloomFilter {
  private readonly more: Set<string>;
  constructor(base: BloomFilter, more: string) {
    super(base.bits, base.k);
    this.more = new Set(more.split(' ').filter((w) => w !== ''));
  }
  override has(s: string): boolean {
    if (super.has(s)) return true;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return this.more.has(s);
    return false;
  }
}
