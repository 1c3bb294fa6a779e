import { BloomFilter } from '../bloom';
import {
  ALL_NAMES, ALL_NAMES_K, COMMON_WORD_NAMES, ENGLISH_WORDS, ENGLISH_WORDS_K, GIVEN_NAMES, GIVEN_NAMES_K, ICELANDIC_GIVEN, ICELANDIC_NAMES, NOT_ALL_NAMES, NOT_GIVEN_NAMES,
  PLACE_NAMES, RARE_GIVEN_NAMES, RARE_GIVEN_NAMES_K,
} from '../data/names';
import { fold } from './capitalised-runs';

/**
 * A Bloom filter of names, a few more names as words beside it (data/names.ts: the Icelandic names
 * the package lists lack, each with a letter beyond ASCII; added to the filter they would move its
 * false positives onto other words), and the English words it answers yes for that are no names
 * ("security", "example": ~1% of English words), so that it is exact on English vocabulary. The
 * more words are read only for a word with such a letter, which the filter's own hasRange hands to
 * `has`: ASCII lookups, nearly all of English text, cost nothing more.
 */
export class NamesWithMore extends BloomFilter {
  private readonly more: Set<string>;
  private readonly not: Set<string>;
  /** the English words again, as a small filter of their own: a name is copied out only on its rare yes */
  private readonly notFilter: BloomFilter;
  constructor(base: BloomFilter, more: string, not: string) {
    super(base.bits, base.k);
    this.more = new Set(more.split(' ').filter((w) => w !== ''));
    this.not = new Set(not.split(' ').filter((w) => w !== ''));
    this.notFilter = BloomFilter.create(this.not.size, 16);
    for (const w of this.not) this.notFilter.add(w);
  }
  override has(s: string): boolean {
    if (super.has(s)) return !this.not.has(s);
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return this.more.has(s);
    return false;
  }
  override hasRange(text: string, s: number, e: number): boolean {
    return super.hasRange(text, s, e) && !(this.notFilter.hasRange(text, s, e) && this.not.has(text.slice(s, e).toLowerCase()));
  }
}

let lists: { given: BloomFilter; all: BloomFilter; rareGiven: BloomFilter; english: BloomFilter; common: Set<string>; places: Set<string> } | undefined;
/**
 * The name lists (data/names.ts), read on first use: given names, all names, the rarer given names no
 * other list has (read only for the first word of a full name: many are other words too), English
 * words, names that are everyday words, places.
 */
export function nameLists(): NonNullable<typeof lists> {
  lists ??= {
    given: new NamesWithMore(BloomFilter.fromBase64(GIVEN_NAMES, GIVEN_NAMES_K), ICELANDIC_GIVEN, NOT_GIVEN_NAMES),
    all: new NamesWithMore(BloomFilter.fromBase64(ALL_NAMES, ALL_NAMES_K), ICELANDIC_NAMES, NOT_ALL_NAMES),
    rareGiven: BloomFilter.fromBase64(RARE_GIVEN_NAMES, RARE_GIVEN_NAMES_K),
    english: BloomFilter.fromBase64(ENGLISH_WORDS, ENGLISH_WORDS_K),
    common: new Set(COMMON_WORD_NAMES.split(' ')),
    places: new Set(PLACE_NAMES.split('|')),
  };
  return lists;
}

/**
 * True when `word` (any case) is a listed given name that is not also an everyday word ("Ravi",
 * "Jenna"; not "Sales", "Will", "Grace"), for detectors other than the name detector that need to
 * know a name when they see one (health-detector.ts: "Ravi is recovering from a stroke").
 */
export function isGivenName(word: string): boolean {
  const { given, common } = nameLists();
  const lower = word.toLowerCase();
  return !common.has(lower) && (given.has(lower) || given.has(fold(lower, lower)));
}
