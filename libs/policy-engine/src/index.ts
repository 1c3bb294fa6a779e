/**
 * @airlock/policy-engine: compile a policy against the provider catalog and network zones once,
 * then decide requests in microseconds. Pure TypeScript (no framework, no Node built-ins) so the API,
 * the SDK's local evaluation and the benchmarks run the same code.
 */
export * from './types';
export { EFFECT_RANK, explainEffect, mostRestrictive } from './effect';
export { BUILTIN_DATA_CLASSES, BUILTIN_DATA_CLASS_IDS, DATA_CLASS_ID_PATTERN, type BuiltinDataClassId, type DataClassInfo } from './data-classes';
export { extractHost, normalizeDomainPattern, type DomainPattern } from './destination';
export { DomainIndex } from './domain-index';
export { compileZones, ZONE_CACHE_SIZE, ZoneMatcher } from './zones';
export { PolicyCompileError, formatIssuePath } from './policy-compile-error';
export { compilePolicy, type Evaluator, type ResolvedDestination } from './policy-compiler';
export {
  GUIDANCE_URL_MAX_LENGTH,
  GUIDANCE_URL_RULE,
  groupName,
  isGuidanceUrl,
  isName,
  NAME_MAX_LENGTH,
  NAME_PATTERN,
  NAME_RULE,
  NO_MATCH_RULE_ID,
  NO_MATCH_RULE_ID_RULE,
  RULE_ID_MAX_LENGTH,
  RULE_ID_PATTERN,
  RULE_ID_RULE,
  ruleIdProblem,
} from './policy-fields';
export { requiredDataClasses, type RequiredDataClasses } from './required-data-classes';
export { DEFAULT_POLICY_RULE_IDS, DEFAULT_POLICY_SETTINGS, defaultPolicyRules } from './default-policy';
export { computeRiskScore, RISK_POINTS, type RiskAttributes, type RiskFactor, type RiskScore } from './risk-score';
export { diffPolicies, type FieldChange, type PolicyDiff, type RuleChange } from './policy-diff';
export { canonicalJson, canonicalPolicyJson } from './canonical-policy-json';
export { compileExceptions, plainEmailKey, type CompiledExceptions, type ExceptionSubject, type PolicyException } from './exceptions';
