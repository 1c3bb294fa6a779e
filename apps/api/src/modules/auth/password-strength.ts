import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/**
 * zxcvbn's score runs from 0 to 4 by estimated guesses: 3 is "safely unguessable: moderate
 * protection from an offline slow-hash attack" (10^8 to 10^10 guesses). Sign-in is throttled per
 * e-mail and address and passwords are stored with argon2id, so an attacker guesses offline only
 * after stealing the database, and then at argon2's pace: 10^8 guesses is years of one core. Score 4
 * would also refuse many memorable passphrases people can actually type (NIST 800-63B asks for a
 * block list of common and compromised passwords, not for maximal strength).
 */
export const MIN_PASSWORD_SCORE = 3;

/** Built on first use: the dictionaries take a few hundred milliseconds and some megabytes. */
let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    // Bounded work: zxcvbn's l33t matcher is combinatorial (a 256-character random password took
    // seconds with the defaults); the first 64 characters decide, with at most 4 l33t substitutions.
    maxLength: 64,
    l33tMaxSubstitutions: 4,
    translations: zxcvbnEn.translations,
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  });
  return factory;
}

/** The password is, as a whole, one of the bundled list of most common passwords. */
function isCommonPassword(result: ZxcvbnResult): boolean {
  const [only, ...rest] = result.sequence;
  return rest.length === 0 && only?.pattern === 'dictionary' && only.dictionaryName === 'passwords-common' && !only.l33t && !only.reversed;
}

/**
 * What makes a password too easy to guess, as messages for a 400 (empty when it is strong enough):
 * "is among the most common passwords", or the estimate with zxcvbn's warning and suggestions.
 * `userInputs` (the e-mail, the name, the organization) count as known words.
 */
export function passwordStrengthProblems(password: string, userInputs: readonly string[] = []): string[] {
  const inputs = [...new Set(userInputs.flatMap((i) => [i, ...i.toLowerCase().split(/[^a-z0-9]+/)]).filter((i) => i.length >= 3)), 'airlock'];
  const result = estimator().check(password, inputs);
  if (isCommonPassword(result)) return ['is among the most common passwords'];
  if (result.score >= MIN_PASSWORD_SCORE) return [];
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s);
  return [`is too easy to guess (strength ${result.score} of 4, at least ${MIN_PASSWORD_SCORE} needed)${why.length ? `: ${why.join(' ')}` : ''}`];
}
