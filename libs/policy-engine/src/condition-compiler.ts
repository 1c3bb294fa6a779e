import type { ProviderEntry } from './catalog-compiler';
import { EFFECT_RANK } from './effect';
import { accountTypeBit, actionBit, ALWAYS, channelBit, type Predicate } from './evaluator';
import { GUIDANCE_URL_RULE, isGuidanceUrl, NO_MATCH_RULE_ID, NO_MATCH_RULE_ID_RULE, ruleIdProblem } from './policy-fields';
import {
  ACCOUNT_TYPE_CONDITIONS,
  ACTIONS,
  BOOLEAN_CONDITION_KEYS,
  CHANNELS,
  EFFECTS,
  LIST_CONDITION_KEYS,
  PROVIDER_STATUS_CONDITIONS,
  TRAINS_ON_INPUTS,
  type Conditions,
  type DecisionReason,
  type Effect,
  type ListConditionKey,
  type PolicyRule,
} from './types';
import {
  checkCountry,
  checkDataClass,
  checkGroup,
  checkSlug,
  checkZoneName,
  enumCheck,
  type Issues,
  isNonEmptyString,
  isObject,
  oneOf,
  type Path,
  readBoolean,
  readList,
} from './validation';

/**
 * Condition compilation: every rule's `when` and `unless` blocks become predicates over the
 * evaluation context (bit masks, sets and one lookup table per block for all the provider
 * conditions), and rules are put in the order the evaluator tries them.
 */

// ---------------------------------------------------------------------------------------------------
function anyIn(values: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < values.length; i++) if (set.has(values[i] as string)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Conditions

export interface CompileEnv {
  issues: Issues;
  providers: readonly ProviderEntry[];
  bySlug: ReadonlyMap<string, ProviderEntry>;
  zoneNames: ReadonlySet<string>;
}

export interface CompiledConditions {
  predicate: Predicate;
  /** Data class ids the block tests (any-of or none-of), if it tests any. */
  dataClasses: readonly string[] | null;
  /** The block holds only when some data class is found (it has an any-of `dataClasses`). */
  requiresDataClass: boolean;
  /** No condition set: the block always holds. */
  empty: boolean;
  /** The block's conditions other than the data classes (those that do not depend on the content). */
  contentFree: Predicate;
  /**
   * Where the block tests the account type so that a request stating none fails it (an any-of
   * without `unknown`, or a none-of with it), or null.
   */
  skipsUnstatedAccount: Path | null;
}

const CONDITION_KEYS: readonly string[] = [...LIST_CONDITION_KEYS, ...BOOLEAN_CONDITION_KEYS, 'noneOf'];

/** The list conditions of a block (any-of) or of its `noneOf` (none-of), validated and normalized. */
interface Lists {
  providers: string[] | null;
  /** Enum values, checked when read (as are trainsOnInputs, actions, channels and accountTypes). */
  providerStatus: string[] | null;
  dataCountries: string[] | null;
  hqCountries: string[] | null;
  trainsOnInputs: string[] | null;
  actions: string[] | null;
  channels: string[] | null;
  accountTypes: string[] | null;
  networkZones: string[] | null;
  groups: string[] | null;
  dataClasses: string[] | null;
}

const COUNTRY_CODE = 'an ISO 3166-1 alpha-2 country code';

function readLists(c: Record<string, unknown>, path: Path, env: CompileEnv, negated: boolean): Lists {
  const { issues } = env;
  const at = (key: ListConditionKey): Path => [...path, key];
  const lists: Lists = {
    providers: readList(c.providers, at('providers'), issues, checkSlug, 'a provider slug'),
    providerStatus: readList(c.providerStatus, at('providerStatus'), issues, enumCheck(PROVIDER_STATUS_CONDITIONS), `one of ${PROVIDER_STATUS_CONDITIONS.join(', ')}`),
    dataCountries: readList(c.dataCountries, at('dataCountries'), issues, checkCountry, COUNTRY_CODE),
    hqCountries: readList(c.hqCountries, at('hqCountries'), issues, checkCountry, COUNTRY_CODE),
    trainsOnInputs: readList(c.trainsOnInputs, at('trainsOnInputs'), issues, enumCheck(TRAINS_ON_INPUTS), `one of ${TRAINS_ON_INPUTS.join(', ')}`),
    actions: readList(c.actions, at('actions'), issues, enumCheck(ACTIONS), `one of ${ACTIONS.join(', ')}`),
    channels: readList(c.channels, at('channels'), issues, enumCheck(CHANNELS), `one of ${CHANNELS.join(', ')}`),
    accountTypes: readList(c.accountTypes, at('accountTypes'), issues, enumCheck(ACCOUNT_TYPE_CONDITIONS), `one of ${ACCOUNT_TYPE_CONDITIONS.join(', ')}`),
    networkZones: readList(c.networkZones, at('networkZones'), issues, checkZoneName, 'a zone name (lowercase letters and digits separated by - or _)'),
    groups: readList(c.groups, at('groups'), issues, checkGroup, 'a group name (letters and digits separated by - or _)'),
    dataClasses: readList(c.dataClasses, at('dataClasses'), issues, checkDataClass, 'a data class id (lowercase slug)'),
  };
  lists.providers?.forEach((slug, i) => {
    if (env.bySlug.has(slug)) return;
    issues.warn(
      [...at('providers'), i],
      negated ? `provider "${slug}" is not in the catalog; leaving it out changes nothing until it is added` : `provider "${slug}" is not in the catalog; this never matches until it is added`,
    );
  });
  lists.networkZones?.forEach((zone, i) => {
    if (env.zoneNames.has(zone)) return;
    issues.warn([...at('networkZones'), i], negated ? `zone "${zone}" is not defined; a request is in it only when a client names it` : `zone "${zone}" is not defined; it matches only when a client names it`);
  });
  return lists;
}

const NO_LISTS: Lists = {
  providers: null,
  providerStatus: null,
  dataCountries: null,
  hqCountries: null,
  trainsOnInputs: null,
  actions: null,
  channels: null,
  accountTypes: null,
  networkZones: null,
  groups: null,
  dataClasses: null,
};

/** The `noneOf` lists of a block: an object of list conditions only. */
function readNoneOf(raw: unknown, path: Path, env: CompileEnv): Lists {
  if (raw === undefined) return NO_LISTS;
  if (!isObject(raw)) {
    env.issues.problem(path, 'noneOf must be an object of list conditions');
    return NO_LISTS;
  }
  for (const key of Object.keys(raw)) {
    if ((LIST_CONDITION_KEYS as readonly string[]).includes(key)) continue;
    env.issues.problem(
      [...path, key],
      (BOOLEAN_CONDITION_KEYS as readonly string[]).includes(key)
        ? `"${key}" is true or false: set it to the other value instead of negating it in noneOf`
        : `unknown condition "${key}" in noneOf; it takes the lists ${LIST_CONDITION_KEYS.join(', ')}`,
    );
  }
  return readLists(raw, path, env, true);
}

function bits(values: readonly string[], bit: (value: string) => number): number {
  let mask = 0;
  for (const v of values) mask |= bit(v);
  return mask;
}
const accountBit = (a: string) => accountTypeBit(a === 'unknown' ? undefined : a);

/**
 * Whether the provider conditions set in a block hold for an AI destination outside the catalog: it
 * has the status `unknown` and no other attribute, so it is none of the catalog's services, and
 * neither holds nor fails to hold anything the catalog records about a service.
 */
function holdsForUnknownAi(any: Lists, none: Lists, zeroRetention: boolean | null, restricted: boolean | null): boolean {
  return (
    any.providers === null &&
    any.dataCountries === null &&
    any.hqCountries === null &&
    any.trainsOnInputs === null &&
    none.dataCountries === null &&
    none.hqCountries === null &&
    none.trainsOnInputs === null &&
    zeroRetention === null &&
    restricted === null &&
    (any.providerStatus === null || any.providerStatus.includes('unknown')) &&
    (none.providerStatus === null || !none.providerStatus.includes('unknown'))
  );
}

/**
 * Turns a conditions block into a predicate that checks only the conditions it sets, cheapest first.
 * Every condition about the provider's attributes, any-of and none-of, is folded at compile time into
 * one lookup table indexed by catalog position: evaluation does a single array read for all of them.
 */
function compileConditions(raw: unknown, path: Path, env: CompileEnv): CompiledConditions {
  const { issues } = env;
  if (!isObject(raw)) {
    issues.problem(path, 'conditions must be an object');
    return { predicate: ALWAYS, dataClasses: null, requiresDataClass: false, empty: true, contentFree: ALWAYS, skipsUnstatedAccount: null };
  }
  for (const key of Object.keys(raw)) {
    if (!CONDITION_KEYS.includes(key)) {
      issues.problem([...path, key], `unknown condition "${key}"; known conditions are ${CONDITION_KEYS.join(', ')}`);
    }
  }
  const c = raw as Conditions;
  const any = readLists(raw, path, env, false);
  const none = readNoneOf(c.noneOf, [...path, 'noneOf'], env);
  const zeroRetention = readBoolean(c.zeroRetentionOffer, [...path, 'zeroRetentionOffer'], issues);
  const restrictedJurisdiction = readBoolean(c.restrictedJurisdiction, [...path, 'restrictedJurisdiction'], issues);
  const unknownAi = readBoolean(c.unknownAiDestination, [...path, 'unknownAiDestination'], issues);

  const checks: Predicate[] = [];
  if (any.actions !== null) {
    const mask = bits(any.actions, actionBit);
    checks.push((ctx) => (ctx.actionBit & mask) !== 0);
  }
  if (none.actions !== null) {
    const mask = bits(none.actions, actionBit);
    checks.push((ctx) => (ctx.actionBit & mask) === 0);
  }
  if (unknownAi !== null) checks.push(unknownAi ? (ctx) => ctx.unknownAi : (ctx) => !ctx.unknownAi);

  const providerConditionSet =
    any.providers !== null ||
    any.providerStatus !== null ||
    any.dataCountries !== null ||
    any.hqCountries !== null ||
    any.trainsOnInputs !== null ||
    none.providers !== null ||
    none.providerStatus !== null ||
    none.dataCountries !== null ||
    none.hqCountries !== null ||
    none.trainsOnInputs !== null ||
    zeroRetention !== null ||
    restrictedJurisdiction !== null;
  if (providerConditionSet) {
    const inAny = <T>(list: readonly T[] | null, value: T) => list === null || list.includes(value);
    const inNone = <T>(list: readonly T[] | null, value: T) => list === null || !list.includes(value);
    const table = new Uint8Array(env.providers.length);
    for (const p of env.providers) {
      const holds =
        inAny(any.providers, p.slug) &&
        inNone(none.providers, p.slug) &&
        inAny(any.providerStatus, p.status) &&
        inNone(none.providerStatus, p.status) &&
        (any.dataCountries === null || p.dataCountries.some((country) => any.dataCountries!.includes(country))) &&
        (none.dataCountries === null || !p.dataCountries.some((country) => none.dataCountries!.includes(country))) &&
        inAny(any.hqCountries, p.hqCountry) &&
        inNone(none.hqCountries, p.hqCountry) &&
        inAny(any.trainsOnInputs, p.trainsOnInputs) &&
        inNone(none.trainsOnInputs, p.trainsOnInputs) &&
        (zeroRetention === null || p.zeroRetentionOffer === zeroRetention) &&
        (restrictedJurisdiction === null || p.restricted === restrictedJurisdiction);
      table[p.index] = holds ? 1 : 0;
    }
    checks.push(
      holdsForUnknownAi(any, none, zeroRetention, restrictedJurisdiction)
        ? (ctx) => (ctx.providerIndex >= 0 ? table[ctx.providerIndex] === 1 : ctx.unknownAi)
        : (ctx) => ctx.providerIndex >= 0 && table[ctx.providerIndex] === 1,
    );
  }
  if (any.channels !== null) {
    const mask = bits(any.channels, channelBit);
    checks.push((ctx) => (ctx.channelBit & mask) !== 0);
  }
  if (none.channels !== null) {
    const mask = bits(none.channels, channelBit);
    checks.push((ctx) => (ctx.channelBit & mask) === 0);
  }
  if (any.accountTypes !== null) {
    const mask = bits(any.accountTypes, accountBit);
    checks.push((ctx) => (ctx.accountBit & mask) !== 0);
  }
  if (none.accountTypes !== null) {
    const mask = bits(none.accountTypes, accountBit);
    checks.push((ctx) => (ctx.accountBit & mask) === 0);
  }
  if (any.groups !== null) {
    const set = new Set(any.groups);
    checks.push((ctx) => anyIn(ctx.groups, set));
  }
  if (none.groups !== null) {
    const set = new Set(none.groups);
    checks.push((ctx) => !anyIn(ctx.groups, set));
  }
  if (any.networkZones !== null) {
    const set = new Set(any.networkZones);
    checks.push((ctx) => anyIn(ctx.zones, set));
  }
  if (none.networkZones !== null) {
    const set = new Set(none.networkZones);
    checks.push((ctx) => !anyIn(ctx.zones, set));
  }
  const contentFree = all(checks);
  if (any.dataClasses !== null) {
    const set = new Set(any.dataClasses);
    checks.push((ctx) => anyIn(ctx.dataClasses, set));
  }
  if (none.dataClasses !== null) {
    const set = new Set(none.dataClasses);
    checks.push((ctx) => !anyIn(ctx.dataClasses, set));
  }
  const dataClasses = any.dataClasses === null && none.dataClasses === null ? null : [...new Set([...(any.dataClasses ?? []), ...(none.dataClasses ?? [])])];

  let skipsUnstatedAccount: Path | null = null;
  if (any.accountTypes !== null && !any.accountTypes.includes('unknown')) skipsUnstatedAccount = [...path, 'accountTypes'];
  else if (none.accountTypes?.includes('unknown')) skipsUnstatedAccount = [...path, 'noneOf', 'accountTypes'];

  return { predicate: all(checks), dataClasses, requiresDataClass: any.dataClasses !== null, empty: checks.length === 0, contentFree, skipsUnstatedAccount };
}

/** The conjunction of checks (the cheapest shape for 0, 1 and 2 of them). */
function all(list: readonly Predicate[]): Predicate {
  const checks = list.slice();
  if (checks.length === 0) return ALWAYS;
  if (checks.length === 1) return checks[0] as Predicate;
  if (checks.length === 2) {
    const [a, b] = checks as [Predicate, Predicate];
    return (ctx) => a(ctx) && b(ctx);
  }
  return (ctx) => {
    for (let i = 0; i < checks.length; i++) if (!(checks[i] as Predicate)(ctx)) return false;
    return true;
  };
}

// ---------------------------------------------------------------------------------------------------
// Rules

export interface CompiledRule {
  id: string;
  priority: number;
  effect: Effect;
  matches: Predicate;
  reason: DecisionReason;
  /** `[reason]`, shared by every decision this rule alone matches. */
  only: readonly DecisionReason[];
  dataClasses: string[];
  dataClassAgnostic: boolean;
  /**
   * Whether what the content holds can decide if this rule applies or what it does, given a request
   * whose other attributes hold `contentFree`: false when the rule's content-free conditions fail or
   * an exception without data classes holds (it never applies, whatever the text), else true when
   * it names data classes (in `when` or an exception) or redacts (it masks findings).
   */
  contentMatters: Predicate;
}

const RULE_KEYS = ['id', 'priority', 'enabled', 'description', 'when', 'unless', 'effect', 'message', 'guidanceUrl'];

export function compileRules(rules: readonly PolicyRule[], env: CompileEnv): CompiledRule[] {
  const { issues } = env;
  const compiled: CompiledRule[] = [];
  if (!Array.isArray(rules)) {
    issues.problem(['rules'], 'rules must be a list');
    return compiled;
  }
  const seen = new Map<string, number>();
  rules.forEach((raw: unknown, i) => {
    const path: Path = ['rules', i];
    if (!isObject(raw)) {
      issues.problem(path, 'a rule must be an object');
      return;
    }
    const r = raw as Partial<PolicyRule>;
    for (const key of Object.keys(r)) if (!RULE_KEYS.includes(key)) issues.problem([...path, key], `unknown rule field "${key}"`);
    const idProblem = ruleIdProblem(r.id);
    if (idProblem !== null || typeof r.id !== 'string') {
      issues.problem([...path, 'id'], r.id === NO_MATCH_RULE_ID ? NO_MATCH_RULE_ID_RULE : `a rule needs an id: it ${idProblem}`);
    } else if (seen.has(r.id)) {
      issues.problem([...path, 'id'], `duplicate rule id "${r.id}" (also rules[${seen.get(r.id)}])`);
    } else {
      seen.set(r.id, i);
    }
    if (typeof r.priority !== 'number' || !Number.isFinite(r.priority)) issues.problem([...path, 'priority'], 'priority must be a finite number');
    if (typeof r.enabled !== 'boolean') issues.problem([...path, 'enabled'], 'enabled must be true or false');
    if (!oneOf(EFFECTS, r.effect)) issues.problem([...path, 'effect'], `unknown effect ${JSON.stringify(r.effect)}; use one of ${EFFECTS.join(', ')}`);
    if (!isNonEmptyString(r.message)) issues.problem([...path, 'message'], 'a rule needs a user-facing message');
    if (r.description !== undefined && typeof r.description !== 'string') issues.problem([...path, 'description'], 'must be text');
    if (r.guidanceUrl !== undefined && (typeof r.guidanceUrl !== 'string' || !isGuidanceUrl(r.guidanceUrl))) {
      issues.problem([...path, 'guidanceUrl'], GUIDANCE_URL_RULE);
    }
    const when = compileConditions(r.when, [...path, 'when'], env);
    // A block or redact meant for some account types that skips requests stating none fails open:
    // most clients do not state one.
    if ((r.effect === 'block' || r.effect === 'redact') && when.skipsUnstatedAccount !== null) {
      const negated = when.skipsUnstatedAccount.includes('noneOf');
      issues.warn(
        when.skipsUnstatedAccount,
        `this rule does not apply to requests that state no account type (clients that cannot tell); ${negated ? 'take "unknown" out of the none-of list' : 'add "unknown"'} to apply it to them too`,
      );
    }
    const exceptions: CompiledConditions[] = [];
    if (r.unless !== undefined) {
      if (!Array.isArray(r.unless)) issues.problem([...path, 'unless'], 'unless must be a list of conditions');
      else {
        r.unless.forEach((u: unknown, j) => {
          const exception = compileConditions(u, [...path, 'unless', j], env);
          if (exception.empty && isObject(u)) {
            issues.warn([...path, 'unless', j], 'this exception sets no condition, so it always holds and the rule never applies');
          }
          exceptions.push(exception);
        });
      }
    }
    if (r.enabled !== true || !oneOf(EFFECTS, r.effect) || typeof r.id !== 'string') return;

    const whenMatches = when.predicate;
    const unlessMatches = exceptions.map((e) => e.predicate);
    let matches: Predicate;
    if (unlessMatches.length === 0) matches = whenMatches;
    else if (unlessMatches.length === 1) {
      const only = unlessMatches[0] as Predicate;
      matches = (ctx) => whenMatches(ctx) && !only(ctx);
    } else {
      matches = (ctx) => {
        if (!whenMatches(ctx)) return false;
        for (let k = 0; k < unlessMatches.length; k++) if ((unlessMatches[k] as Predicate)(ctx)) return false;
        return true;
      };
    }
    const reason: DecisionReason = Object.freeze(
      r.guidanceUrl === undefined
        ? { ruleId: r.id, effect: r.effect, message: r.message as string }
        : { ruleId: r.id, effect: r.effect, message: r.message as string, guidanceUrl: r.guidanceUrl },
    );
    const classes = new Set<string>(when.dataClasses ?? []);
    for (const e of exceptions) for (const dc of e.dataClasses ?? []) classes.add(dc);
    // Exceptions that do not look at data classes lift the rule whatever the content says.
    const fixedExceptions = exceptions.filter((e) => e.dataClasses === null).map((e) => e.predicate);
    const whenFree = when.contentFree;
    const dependsOnContent = classes.size > 0 || r.effect === 'redact';
    const contentMatters: Predicate = !dependsOnContent
      ? () => false
      : (ctx) => {
          if (!whenFree(ctx)) return false;
          for (let k = 0; k < fixedExceptions.length; k++) if ((fixedExceptions[k] as Predicate)(ctx)) return false;
          return true;
        };
    compiled.push({
      id: r.id,
      priority: r.priority as number,
      effect: r.effect,
      matches,
      reason,
      only: Object.freeze([reason]),
      dataClasses: [...classes],
      dataClassAgnostic: !when.requiresDataClass,
      contentMatters,
    });
  });
  return compiled;
}

/** Most severe effect first, then priority, then id: the order rules are tried and reasons reported. */
export function byEvaluationOrder(a: CompiledRule, b: CompiledRule): number {
  return EFFECT_RANK[b.effect] - EFFECT_RANK[a.effect] || a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
