import { compileCatalog } from './catalog-compiler';
import { byEvaluationOrder, compileRules } from './condition-compiler';
import { DEFAULT_POLICY_SETTINGS } from './default-policy';
import { createEvaluator, type Evaluator } from './evaluator';
import { PolicyCompileError } from './policy-compile-error';
import type { CatalogProvider, NetworkZone, PolicyRule, PolicySettings } from './types';
import { Issues, readSettings } from './validation';
import { compileZones } from './zones';

/**
 * compilePolicy, in four rooms:
 *  - validation.ts and policy-fields.ts: what a valid policy is (policy-fields' identifier and link
 *    rules are also the API's), every problem collected with its path;
 *  - catalog-compiler.ts: the provider catalog validated and indexed by domain and slug;
 *  - condition-compiler.ts: rules and their conditions turned into predicates, in evaluation order;
 *  - evaluator.ts: the Evaluator that decides requests against them.
 */
export type { Evaluator, ResolvedDestination } from './evaluator';
export { GUIDANCE_URL_RULE, isGuidanceUrl } from './policy-fields';

/**
 * Compiles rules against a catalog and network zones. All the work happens here: domains indexed,
 * CIDRs parsed, every rule turned into a predicate over precomputed sets and lookup tables, rules
 * sorted into the order their reasons are reported. Disabled rules are validated, then skipped.
 *
 * @throws PolicyCompileError listing every invalid value (bad CIDR, unknown effect or condition,
 *   duplicate rule id, malformed provider, ...). Unknown provider slugs and zone names in rules are
 *   not errors: see `evaluator.warnings`.
 */
export function compilePolicy(
  rules: readonly PolicyRule[],
  catalog: readonly CatalogProvider[],
  zones: readonly NetworkZone[] = [],
  settings: PolicySettings = DEFAULT_POLICY_SETTINGS,
): Evaluator {
  const issues = new Issues();
  const cleanSettings = readSettings(settings, issues);
  const restricted = new Set(cleanSettings.restrictedJurisdictions);
  const catalogIndex = compileCatalog(catalog, restricted, issues);
  const zoneMatcher = compileZones(zones, issues.problems, issues.warnings);
  const compiled = compileRules(rules, { issues, providers: catalogIndex.entries, bySlug: catalogIndex.bySlug, zoneNames: zoneMatcher.names });
  if (issues.problems.length > 0) throw new PolicyCompileError(issues.problems);
  compiled.sort(byEvaluationOrder);
  return createEvaluator(compiled, catalogIndex, zoneMatcher, cleanSettings, issues.warnings);
}
