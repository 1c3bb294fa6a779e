/**
 * The one definition of what a policy's identifiers and links may be: the policy compiler checks
 * rules against it when it compiles (publish, PolicyRuntime, the SDK, the browser extension) and the
 * draft API's zod schemas (libs/contracts) use the same patterns and messages, so a draft the API
 * accepted never fails to publish on one of these, and the reverse.
 * libs/contracts/src/policy-fields.spec.ts checks that the two agree (property-based, through
 * compilePolicy and the draft API's ruleInput and zoneInput).
 *
 * Where the two used to disagree, the wider rule was kept when it was safe (nothing stored before
 * can stop compiling; see docs/architecture.md, "Policy semantics"):
 *  - rule ids: the compiler's (letters of either case, digits, `-`, `_`, `.`, `:`, up to 128), which
 *    every id the API ever stored (a lowercase slug of up to 64) satisfies; `no-matching-rule` is
 *    reserved for decisions no rule matched, in both;
 *  - guidance URLs: an http(s) URL or a site path starting with `/`;
 *  - group and zone names: a lowercase slug (the API's rule), because a name is also a key elsewhere:
 *    Group rows, User.groups (SCIM and SSO write slugs), API clients' zone rights and the decision
 *    request's `subject.groups` and `context.networkZone` only ever hold slugs, so a rule naming
 *    anything else could never match. Group names compare without regard to case, so a rule's
 *    `Legal` is the group `legal` (the API stores it in lower case).
 */

/** Rule ids: the id reported as a decision's reason, stable across versions. */
export const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const RULE_ID_MAX_LENGTH = 128;
export const RULE_ID_RULE = 'must be 1 to 128 letters, digits, "-", "_", "." or ":", starting with a letter or digit';
/** The reason of a decision no rule matched: no rule may take this id. */
export const NO_MATCH_RULE_ID = 'no-matching-rule';
export const NO_MATCH_RULE_ID_RULE = `"${NO_MATCH_RULE_ID}" is reserved for decisions no rule matched`;

/** Why `value` cannot be a rule id, or null when it can. */
export function ruleIdProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !RULE_ID_PATTERN.test(value)) return RULE_ID_RULE;
  return value === NO_MATCH_RULE_ID ? NO_MATCH_RULE_ID_RULE : null;
}

/** Group and network zone names (and provider slugs and data class keys in the API): a lowercase slug. */
export const NAME_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
export const NAME_MAX_LENGTH = 64;
export const NAME_RULE = 'must be lowercase letters and digits separated by - or _';

export function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= NAME_MAX_LENGTH && NAME_PATTERN.test(value);
}

/** A group name as rules and the directory compare it: any case, compared in lower case. */
export function groupName(value: string): string | null {
  const lower = value.toLowerCase();
  return isName(lower) ? lower : null;
}

/** What a rule's guidanceUrl may be. */
export const GUIDANCE_URL_MAX_LENGTH = 2048;
export const GUIDANCE_URL_RULE = 'must be an http(s) URL or a path starting with "/", without spaces';
export function isGuidanceUrl(value: string): boolean {
  return value.length <= GUIDANCE_URL_MAX_LENGTH && /^(https?:\/\/[^\s/?#]+[^\s]*|\/(?!\/)[^\s]*)$/i.test(value);
}
