import type { Decision, DecisionReason } from '@airlock/policy-engine';

/** What an escalated reason says before the rule's own message. */
export const REDACT_WITHOUT_TEXT_MESSAGE =
  'Cannot redact content that was not inspected: send the text so it can be redacted. Airlock did not find the data ' +
  'this rule masks in text it read (the data classes were declared by the client or implied by the file name, or ' +
  'no text was sent), so it cannot make a masked version and blocks the request instead.';

/** One escalated reason per rule reason (the engine's reasons are frozen and shared). */
const escalatedReasons = new WeakMap<DecisionReason, DecisionReason>();
/** One escalated list per shared reason list (a rule matching alone shares its list). */
const escalatedLists = new WeakMap<readonly DecisionReason[], readonly DecisionReason[]>();

function escalatedReason(r: DecisionReason): DecisionReason {
  if (r.effect !== 'redact') return r;
  let out = escalatedReasons.get(r);
  if (out === undefined) {
    out = Object.freeze({
      ruleId: r.ruleId,
      effect: 'block' as const,
      message: `${REDACT_WITHOUT_TEXT_MESSAGE} Why it would be masked: ${r.message}`,
      ...(r.guidanceUrl !== undefined ? { guidanceUrl: r.guidanceUrl } : {}),
      escalated: 'redact_without_text' as const,
    });
    escalatedReasons.set(r, out);
  }
  return out;
}

/**
 * `redact` becomes `block`. No block reason matched (the effect would have been block), so the
 * redacting reasons lead the list and, now blocking, keep it in order of severity.
 */
export function escalateRedaction(decision: Decision): Decision {
  const reasons = decision.reasons;
  let escalated = escalatedLists.get(reasons);
  if (escalated === undefined) {
    escalated = Object.freeze(reasons.map(escalatedReason));
    if (Object.isFrozen(reasons)) escalatedLists.set(reasons, escalated);
  }
  // The evaluator's result is a fresh object per call (only its parts are shared): change it in place.
  decision.effect = 'block';
  decision.reasons = escalated;
  return decision;
}
