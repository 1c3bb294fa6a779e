import { BloomFilter } from '../bloom';
import { COMMON_WORD_NAMES, GIVEN_NAMES, GIVEN_NAMES_K } from '../data/names';
import { fold } from './capitalised-runs';

let given: { names: BloomFilter; common: Set<string> } | undefined;

/**
 * True when `word` (any case) is a listed given name that is not also an everyday word ("Ravi",
 * "Jenna"; not "Sales", "Will", "Grace"), for detectors other than the name detector that need to
 * know a name when they see one (health-detector.ts: "Ravi is recovering from a stroke"). The list
 * (data/names.ts) is read on first use.
 */
export function isGivenName(word: string): boolean {
  given ??= { names: BloomFilter.fromBase64(GIVEN_NAMES, GIVEN_NAMES_K), common: new Set(COMMON_WORD_NAMES.split(' ')) };
  const lower = word.toLowerCase();
  return !given.common.has(lower) && (given.names.has(lower) || given.names.has(fold(lower, lower)));
}
