import type { Effect } from './types';

/** Severity of each effect: the higher, the more restrictive. */
export const EFFECT_RANK: Readonly<Record<Effect, number>> = Object.freeze({ allow: 0, warn: 1, redact: 2, block: 3 });

/** The more restrictive of two effects (block > redact > warn > allow). */
export function mostRestrictive(a: Effect, b: Effect): Effect {
  return EFFECT_RANK[b] > EFFECT_RANK[a] ? b : a;
}

const EXPLANATIONS: Readonly<Record<Effect, string>> = Object.freeze({
  allow: 'The request may go ahead.',
  warn: 'The request may go ahead, but the user is shown why it is risky first.',
  redact: 'The request may go ahead only with the sensitive data masked.',
  block: 'The request is stopped.',
});

/** One plain-English sentence saying what an effect does to the request (for the admin UI and CLI). */
export function explainEffect(effect: Effect): string {
  return EXPLANATIONS[effect];
}
