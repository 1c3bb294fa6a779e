// Loaded on demand (PasswordStrength.tsx imports it dynamically): the dictionaries are most of a
// megabyte, needed only on the few forms where a password is chosen. The same packages and
// threshold as the API (apps/api/src/modules/auth/password-strength.ts), which has the last word.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_SCORE = 3;

export interface Estimate {
  /** 0 to 4 (zxcvbn); the API accepts 3 and above. */
  score: number;
  /** On the bundled list of most common passwords, as a whole. */
  common: boolean;
  warning: string | null;
  suggestions: string[];
}

const zxcvbn = new ZxcvbnFactory({
  // Bounded work: zxcvbn's l33t matcher is combinatorial (a 256-character random password took
  // seconds with the defaults); the first 64 characters decide, with at most 4 l33t substitutions.
  maxLength: 64,
  l33tMaxSubstitutions: 4,
  translations: zxcvbnEn.translations,
  graphs: zxcvbnCommon.adjacencyGraphs,
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
});

export function estimate(password: string, userInputs: readonly string[]): Estimate {
  const inputs = [...new Set(userInputs.flatMap((i) => [i, ...i.toLowerCase().split(/[^a-z0-9]+/)]).filter((i) => i.length >= 3)), 'airlock'];
  const result = zxcvbn.check(password, inputs);
  const [only, ...rest] = result.sequence;
  const common = rest.length === 0 && only?.pattern === 'dictionary' && only.dictionaryName === 'passwords-common' && !only.l33t && !only.reversed;
  return { score: common ? 0 : result.score, common, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
