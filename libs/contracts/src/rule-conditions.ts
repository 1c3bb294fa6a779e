/**
 * The condition keys of a rule, zod-free (the console imports them through
 * `@airlock/contracts/rule-conditions`). The same keys as libs/policy-engine's LIST_CONDITION_KEYS
 * and BOOLEAN_CONDITION_KEYS (rule-conditions.spec.ts checks), in the order people read them: what
 * is sent, where to, then who and from where.
 */

/** Lists: any-of in a conditions block, none-of in its `noneOf`. */
export const CONDITION_LIST_KEYS = [
  'dataClasses',
  'actions',
  'providers',
  'providerStatus',
  'dataCountries',
  'hqCountries',
  'trainsOnInputs',
  'channels',
  'accountTypes',
  'networkZones',
  'groups',
] as const;
export type ConditionListKey = (typeof CONDITION_LIST_KEYS)[number];

/** True or false (the negation is the other value). */
export const CONDITION_BOOLEAN_KEYS = ['unknownAiDestination', 'restrictedJurisdiction', 'zeroRetentionOffer'] as const;
export type ConditionBooleanKey = (typeof CONDITION_BOOLEAN_KEYS)[number];

export type ConditionKey = ConditionListKey | ConditionBooleanKey;

/** A conditions block as stored (`conditions`, each of `exceptions`; the engine's `when` / `unless[i]`). */
export type ConditionsShape = Partial<Record<ConditionListKey, string[]>> &
  Partial<Record<ConditionBooleanKey, boolean>> & { noneOf?: Partial<Record<ConditionListKey, string[]>> };
