import { DATA_CLASS_ID_PATTERN } from './data-classes';
import { DEFAULT_POLICY_SETTINGS } from './default-policy';
import { extractHost, normalizeDomainPattern } from './destination';
import { DomainIndex } from './domain-index';
import { EFFECT_RANK } from './effect';
import { PolicyCompileError } from './policy-compile-error';
import {
  ACTIONS,
  CHANNELS,
  EFFECTS,
  PROVIDER_STATUSES,
  PROVIDER_STATUS_CONDITIONS,
  TRAINS_ON_INPUTS,
  type Action,
  type CatalogProvider,
  type Conditions,
  type Decision,
  type DecisionDestination,
  type DecisionProvider,
  type DecisionReason,
  type DecisionRequest,
  type DestinationInput,
  type Effect,
  type NetworkZone,
  type PolicyIssue,
  type PolicyRule,
  type PolicySettings,
  type ProviderStatus,
  type TrainsOnInputs,
} from './types';
import { compileZones } from './zones';

/** Where a request goes, as the evaluator resolved it. */
export interface ResolvedDestination extends DecisionDestination {
  /** The catalog entry (normalized: lowercase slug, punycode domains, uppercase countries), or null. */
  provider: Readonly<CatalogProvider> | null;
}

/** A compiled policy: evaluate requests against it, many times, fast. */
export interface Evaluator {
  /** Decides a request. Never throws: garbage input yields host null and the rules decide. */
  evaluate(request: DecisionRequest): Decision;
  /**
   * Resolves a URL, host or `{ url | host | provider }` against the catalog. `action` only matters for
   * destinations outside the catalog: `access` makes them "not an AI destination", `prompt` and
   * `upload` an unknown AI destination.
   */
  resolveDestination(input: string | DestinationInput, action?: Action): ResolvedDestination;
  /** Names of the zones whose CIDRs contain `ip` (frozen, shared). */
  zonesFor(ip: string): readonly string[];
  /** Things that compile but are probably mistakes: unknown provider slugs or zone names, ... */
  readonly warnings: readonly PolicyIssue[];
  /** Data class ids referenced by any enabled rule (in `when` or `unless`): the detectors worth running. */
  readonly classesReferenced: ReadonlySet<string>;
  /** Some enabled rule has no data-class condition in `when`, so it can match whatever the content holds. */
  readonly dataClassAgnostic: boolean;
  /** Ids of the enabled rules in evaluation order (most severe effect first, then priority). */
  readonly ruleIds: readonly string[];
  readonly settings: Readonly<PolicySettings>;
}

// ---------------------------------------------------------------------------------------------------
// Evaluation context: one per evaluator, refilled on every call (evaluate is synchronous).

interface EvalContext {
  actionBit: number;
  channelBit: number;
  /** Index into the compiled catalog, or -1. */
  providerIndex: number;
  unknownAi: boolean;
  zones: readonly string[];
  groups: readonly string[];
  dataClasses: readonly string[];
}

type Predicate = (ctx: EvalContext) => boolean;

const ALWAYS: Predicate = () => true;
const EMPTY: readonly string[] = Object.freeze([]);

function actionBit(action: unknown): number {
  switch (action) {
    case 'access':
      return 1;
    case 'prompt':
      return 2;
    case 'upload':
      return 4;
    case 'response':
      return 8;
    default:
      return 0;
  }
}

function channelBit(channel: unknown): number {
  switch (channel) {
    case 'web':
      return 1;
    case 'desktop':
      return 2;
    case 'mobile':
      return 4;
    case 'api':
      return 8;
    case 'ide':
      return 16;
    case 'cli':
      return 32;
    default:
      return 0;
  }
}

function anyIn(values: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < values.length; i++) if (set.has(values[i] as string)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Catalog

interface ProviderEntry {
  index: number;
  slug: string;
  status: ProviderStatus;
  hqCountry: string;
  dataCountries: readonly string[];
  trainsOnInputs: TrainsOnInputs;
  zeroRetentionOffer: boolean;
  /** HQ or a data country is in settings.restrictedJurisdictions. */
  restricted: boolean;
  output: DecisionProvider;
  provider: Readonly<CatalogProvider>;
}

const COUNTRY = /^[A-Za-z]{2}$/;

/** What a rule's guidanceUrl may be; the draft API's schema (libs/contracts) uses the same check. */
export const GUIDANCE_URL_RULE = 'must be an http(s) URL or a path starting with "/", without spaces';
export function isGuidanceUrl(value: string): boolean {
  return value.length <= 2048 && /^(https?:\/\/[^\s/?#]+[^\s]*|\/(?!\/)[^\s]*)$/i.test(value);
}

type Path = (string | number)[];

class Issues {
  readonly problems: PolicyIssue[] = [];
  readonly warnings: PolicyIssue[] = [];
  problem(path: Path, message: string): void {
    this.problems.push({ path, message });
  }
  warn(path: Path, message: string): void {
    this.warnings.push({ path, message });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function listOfCountries(value: unknown, path: Path, issues: Issues): string[] {
  if (!Array.isArray(value)) {
    issues.problem(path, 'must be a list of ISO 3166-1 alpha-2 country codes');
    return [];
  }
  const out: string[] = [];
  value.forEach((code: unknown, i) => {
    if (typeof code === 'string' && COUNTRY.test(code)) out.push(code.toUpperCase());
    else issues.problem([...path, i], `${JSON.stringify(code)} is not an ISO 3166-1 alpha-2 country code`);
  });
  return out;
}

function compileCatalog(
  catalog: readonly CatalogProvider[],
  restricted: ReadonlySet<string>,
  issues: Issues,
): { entries: ProviderEntry[]; bySlug: Map<string, ProviderEntry>; domains: DomainIndex<ProviderEntry> } {
  const entries: ProviderEntry[] = [];
  const bySlug = new Map<string, ProviderEntry>();
  const domains = new DomainIndex<ProviderEntry>();
  if (!Array.isArray(catalog)) {
    issues.problem(['catalog'], 'the catalog must be a list of providers');
    return { entries, bySlug, domains };
  }
  catalog.forEach((raw: unknown, i) => {
    const path: Path = ['catalog', i];
    if (!isObject(raw)) {
      issues.problem(path, 'a provider must be an object');
      return;
    }
    const before = issues.problems.length;
    const p = raw as Partial<CatalogProvider>;
    const slug = isNonEmptyString(p.slug) && !/\s/.test(p.slug) ? p.slug.toLowerCase() : null;
    if (slug === null) issues.problem([...path, 'slug'], 'a provider needs a slug without spaces');
    else if (bySlug.has(slug)) issues.problem([...path, 'slug'], `provider "${slug}" is already in the catalog`);
    if (!isNonEmptyString(p.name)) issues.problem([...path, 'name'], 'a provider needs a name');
    if (!oneOf(PROVIDER_STATUSES, p.status)) {
      issues.problem([...path, 'status'], `status must be one of ${PROVIDER_STATUSES.join(', ')}`);
    }
    if (!oneOf(TRAINS_ON_INPUTS, p.trainsOnInputs)) {
      issues.problem([...path, 'trainsOnInputs'], `trainsOnInputs must be one of ${TRAINS_ON_INPUTS.join(', ')}`);
    }
    if (typeof p.zeroRetentionOffer !== 'boolean') issues.problem([...path, 'zeroRetentionOffer'], 'must be true or false');
    // Unknown headquarters (absent, null or "", as the catalog API allows) is '': no country matches it.
    const hqUnknown = p.hqCountry === undefined || p.hqCountry === null || p.hqCountry === '';
    const hq = hqUnknown ? '' : typeof p.hqCountry === 'string' && COUNTRY.test(p.hqCountry) ? p.hqCountry.toUpperCase() : null;
    if (hq === null) issues.problem([...path, 'hqCountry'], 'must be an ISO 3166-1 alpha-2 country code (or absent when unknown)');
    const dataCountries = listOfCountries(p.dataCountries, [...path, 'dataCountries'], issues);
    if (!Array.isArray(p.channels)) issues.problem([...path, 'channels'], 'must be a list of channels');
    else {
      p.channels.forEach((c: unknown, j) => {
        if (!oneOf(CHANNELS, c)) issues.problem([...path, 'channels', j], `channel must be one of ${CHANNELS.join(', ')}`);
      });
    }
    if (p.riskScore !== undefined && p.riskScore !== null) {
      if (typeof p.riskScore !== 'number' || !(p.riskScore >= 0 && p.riskScore <= 100)) {
        issues.problem([...path, 'riskScore'], 'must be a number from 0 to 100');
      }
    }
    const patterns: { pattern: { wildcard: boolean; host: string }; j: number }[] = [];
    if (!Array.isArray(p.domains)) issues.problem([...path, 'domains'], 'must be a list of domains');
    else {
      p.domains.forEach((d: unknown, j) => {
        const pattern = normalizeDomainPattern(d);
        if ('error' in pattern) issues.problem([...path, 'domains', j], pattern.error);
        else patterns.push({ pattern, j });
      });
    }
    if (issues.problems.length > before || slug === null || hq === null) return;

    const provider: Readonly<CatalogProvider> = Object.freeze({
      ...(p as CatalogProvider),
      slug,
      domains: Object.freeze(patterns.map(({ pattern }) => (pattern.wildcard ? `*.${pattern.host}` : pattern.host))) as string[],
      channels: Object.freeze([...(p.channels as string[])]) as CatalogProvider['channels'],
      hqCountry: hq,
      dataCountries: Object.freeze(dataCountries) as string[],
    });
    const entry: ProviderEntry = {
      index: entries.length,
      slug,
      status: provider.status,
      hqCountry: hq,
      dataCountries: provider.dataCountries,
      trainsOnInputs: provider.trainsOnInputs,
      zeroRetentionOffer: provider.zeroRetentionOffer,
      restricted: restricted.has(hq) || dataCountries.some((c) => restricted.has(c)),
      output: Object.freeze({
        slug,
        name: provider.name,
        status: provider.status,
        riskScore: typeof provider.riskScore === 'number' ? provider.riskScore : null,
      }),
      provider,
    };
    entries.push(entry);
    bySlug.set(slug, entry);
    for (const { pattern, j } of patterns) {
      const existing = domains.add(pattern, entry);
      if (existing !== undefined && existing !== entry) {
        const text = pattern.wildcard ? `*.${pattern.host}` : pattern.host;
        issues.warn([...path, 'domains', j], `"${text}" is already listed by provider "${existing.slug}"; that one is used`);
      }
    }
  });
  return { entries, bySlug, domains };
}

// ---------------------------------------------------------------------------------------------------
// Conditions

interface CompileEnv {
  issues: Issues;
  providers: readonly ProviderEntry[];
  bySlug: ReadonlyMap<string, ProviderEntry>;
  zoneNames: ReadonlySet<string>;
}

interface CompiledConditions {
  predicate: Predicate;
  /** Data class ids the block tests, if it tests any. */
  dataClasses: readonly string[] | null;
  /** No condition set: the block always holds. */
  empty: boolean;
}

const CONDITION_KEYS: readonly (keyof Conditions)[] = [
  'providers',
  'providerStatus',
  'dataCountries',
  'hqCountries',
  'trainsOnInputs',
  'zeroRetentionOffer',
  'restrictedJurisdiction',
  'unknownAiDestination',
  'actions',
  'channels',
  'networkZones',
  'groups',
  'dataClasses',
];

/** Reads a list condition; undefined or empty -> null (not set). Problems are reported per element. */
function readList<T extends string>(
  value: unknown,
  path: Path,
  issues: Issues,
  check: (item: string) => T | string | null,
  expected: string,
): T[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    issues.problem(path, `must be a list of ${expected}`);
    return null;
  }
  const out: T[] = [];
  value.forEach((item: unknown, i) => {
    const ok = typeof item === 'string' ? check(item) : null;
    if (ok === null) issues.problem([...path, i], `${JSON.stringify(item)} is not ${expected}`);
    else out.push(ok as T);
  });
  return out.length === 0 ? null : out;
}

function readBoolean(value: unknown, path: Path, issues: Issues): boolean | null {
  if (value === undefined) return null;
  if (typeof value !== 'boolean') {
    issues.problem(path, 'must be true or false');
    return null;
  }
  return value;
}

function enumCheck<T extends string>(allowed: readonly T[]): (item: string) => T | null {
  return (item) => ((allowed as readonly string[]).includes(item) ? (item as T) : null);
}

const checkCountry = (item: string): string | null => (COUNTRY.test(item) ? item.toUpperCase() : null);
const checkName = (item: string): string | null => (item.trim() === '' ? null : item);
/** Group names match case-insensitively (a directory or an IdP may spell `Legal` where a rule says `legal`). */
const checkGroup = (item: string): string | null => (item.trim() === '' ? null : item.toLowerCase());
const checkSlug = (item: string): string | null => (item.trim() === '' || /\s/.test(item) ? null : item.toLowerCase());
const checkDataClass = (item: string): string | null => {
  const id = item.toLowerCase();
  return DATA_CLASS_ID_PATTERN.test(id) ? id : null;
};

/**
 * Turns a conditions block into a predicate that checks only the conditions it sets, cheapest first.
 * Every condition about the provider's attributes is folded, at compile time, into one lookup table
 * indexed by catalog position: evaluation does a single array read for all of them.
 */
function compileConditions(raw: unknown, path: Path, env: CompileEnv): CompiledConditions {
  const { issues } = env;
  if (!isObject(raw)) {
    issues.problem(path, 'conditions must be an object');
    return { predicate: ALWAYS, dataClasses: null, empty: true };
  }
  for (const key of Object.keys(raw)) {
    if (!(CONDITION_KEYS as readonly string[]).includes(key)) {
      issues.problem([...path, key], `unknown condition "${key}"; known conditions are ${CONDITION_KEYS.join(', ')}`);
    }
  }
  const c = raw as Conditions;
  const at = (key: keyof Conditions): Path => [...path, key];

  const providers = readList(c.providers, at('providers'), issues, checkSlug, 'a provider slug');
  const statuses = readList(c.providerStatus, at('providerStatus'), issues, enumCheck(PROVIDER_STATUS_CONDITIONS), `one of ${PROVIDER_STATUS_CONDITIONS.join(', ')}`);
  const dataCountries = readList(c.dataCountries, at('dataCountries'), issues, checkCountry, 'an ISO 3166-1 alpha-2 country code');
  const hqCountries = readList(c.hqCountries, at('hqCountries'), issues, checkCountry, 'an ISO 3166-1 alpha-2 country code');
  const trains = readList(c.trainsOnInputs, at('trainsOnInputs'), issues, enumCheck(TRAINS_ON_INPUTS), `one of ${TRAINS_ON_INPUTS.join(', ')}`);
  const zeroRetention = readBoolean(c.zeroRetentionOffer, at('zeroRetentionOffer'), issues);
  const restrictedJurisdiction = readBoolean(c.restrictedJurisdiction, at('restrictedJurisdiction'), issues);
  const unknownAi = readBoolean(c.unknownAiDestination, at('unknownAiDestination'), issues);
  const actions = readList(c.actions, at('actions'), issues, enumCheck(ACTIONS), `one of ${ACTIONS.join(', ')}`);
  const channels = readList(c.channels, at('channels'), issues, enumCheck(CHANNELS), `one of ${CHANNELS.join(', ')}`);
  const zones = readList(c.networkZones, at('networkZones'), issues, checkName, 'a zone name');
  const groups = readList(c.groups, at('groups'), issues, checkGroup, 'a group name');
  const dataClasses = readList(c.dataClasses, at('dataClasses'), issues, checkDataClass, 'a data class id (lowercase slug)');

  providers?.forEach((slug, i) => {
    if (!env.bySlug.has(slug)) issues.warn([...at('providers'), i], `provider "${slug}" is not in the catalog; this never matches until it is added`);
  });
  zones?.forEach((zone, i) => {
    if (!env.zoneNames.has(zone)) issues.warn([...at('networkZones'), i], `zone "${zone}" is not defined; it matches only when a client names it`);
  });

  const checks: Predicate[] = [];
  if (actions !== null) {
    let mask = 0;
    for (const a of actions) mask |= actionBit(a);
    checks.push((ctx) => (ctx.actionBit & mask) !== 0);
  }
  if (unknownAi !== null) checks.push(unknownAi ? (ctx) => ctx.unknownAi : (ctx) => !ctx.unknownAi);

  const providerConditionSet =
    providers !== null ||
    statuses !== null ||
    dataCountries !== null ||
    hqCountries !== null ||
    trains !== null ||
    zeroRetention !== null ||
    restrictedJurisdiction !== null;
  if (providerConditionSet) {
    const table = new Uint8Array(env.providers.length);
    for (const p of env.providers) {
      const holds =
        (providers === null || providers.includes(p.slug)) &&
        (statuses === null || statuses.includes(p.status)) &&
        (dataCountries === null || p.dataCountries.some((country) => dataCountries.includes(country))) &&
        (hqCountries === null || hqCountries.includes(p.hqCountry)) &&
        (trains === null || trains.includes(p.trainsOnInputs)) &&
        (zeroRetention === null || p.zeroRetentionOffer === zeroRetention) &&
        (restrictedJurisdiction === null || p.restricted === restrictedJurisdiction);
      table[p.index] = holds ? 1 : 0;
    }
    // An unknown AI destination has a status ('unknown') and nothing else.
    const unknownHolds =
      statuses !== null &&
      statuses.includes('unknown') &&
      providers === null &&
      dataCountries === null &&
      hqCountries === null &&
      trains === null &&
      zeroRetention === null &&
      restrictedJurisdiction === null;
    checks.push(
      unknownHolds
        ? (ctx) => (ctx.providerIndex >= 0 ? table[ctx.providerIndex] === 1 : ctx.unknownAi)
        : (ctx) => ctx.providerIndex >= 0 && table[ctx.providerIndex] === 1,
    );
  }
  if (channels !== null) {
    let mask = 0;
    for (const ch of channels) mask |= channelBit(ch);
    checks.push((ctx) => (ctx.channelBit & mask) !== 0);
  }
  if (dataClasses !== null) {
    const set = new Set(dataClasses);
    checks.push((ctx) => anyIn(ctx.dataClasses, set));
  }
  if (groups !== null) {
    const set = new Set(groups);
    checks.push((ctx) => anyIn(ctx.groups, set));
  }
  if (zones !== null) {
    const set = new Set(zones);
    checks.push((ctx) => anyIn(ctx.zones, set));
  }

  let predicate: Predicate;
  if (checks.length === 0) predicate = ALWAYS;
  else if (checks.length === 1) predicate = checks[0] as Predicate;
  else if (checks.length === 2) {
    const [a, b] = checks as [Predicate, Predicate];
    predicate = (ctx) => a(ctx) && b(ctx);
  } else {
    predicate = (ctx) => {
      for (let i = 0; i < checks.length; i++) if (!(checks[i] as Predicate)(ctx)) return false;
      return true;
    };
  }
  return { predicate, dataClasses, empty: checks.length === 0 };
}

// ---------------------------------------------------------------------------------------------------
// Rules

interface CompiledRule {
  id: string;
  priority: number;
  effect: Effect;
  matches: Predicate;
  reason: DecisionReason;
  /** `[reason]`, shared by every decision this rule alone matches. */
  only: readonly DecisionReason[];
  dataClasses: string[];
  dataClassAgnostic: boolean;
}

const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const NO_MATCH_ID = 'no-matching-rule';
const RULE_KEYS = ['id', 'priority', 'enabled', 'description', 'when', 'unless', 'effect', 'message', 'guidanceUrl'];

function compileRules(rules: readonly PolicyRule[], env: CompileEnv): CompiledRule[] {
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
    if (typeof r.id !== 'string' || !RULE_ID.test(r.id)) {
      issues.problem([...path, 'id'], 'a rule needs an id: a slug of letters, digits, "-", "_", "." or ":"');
    } else if (r.id === NO_MATCH_ID) {
      issues.problem([...path, 'id'], `"${NO_MATCH_ID}" is reserved for decisions no rule matched`);
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
    compiled.push({
      id: r.id,
      priority: r.priority as number,
      effect: r.effect,
      matches,
      reason,
      only: Object.freeze([reason]),
      dataClasses: [...classes],
      dataClassAgnostic: when.dataClasses === null,
    });
  });
  return compiled;
}

function readSettings(settings: PolicySettings, issues: Issues): Readonly<PolicySettings> {
  if (!isObject(settings)) {
    issues.problem(['settings'], 'settings must be an object');
    return DEFAULT_POLICY_SETTINGS;
  }
  const restricted = listOfCountries(settings.restrictedJurisdictions, ['settings', 'restrictedJurisdictions'], issues);
  return Object.freeze({ ...settings, restrictedJurisdictions: Object.freeze([...new Set(restricted)]) as string[] });
}

// ---------------------------------------------------------------------------------------------------
// compilePolicy

const NO_MATCH_REASONS: readonly DecisionReason[] = Object.freeze([
  Object.freeze({ ruleId: NO_MATCH_ID, effect: 'allow' as const, message: 'No policy rule matched this request, so it is allowed.' }),
]);

function byEvaluationOrder(a: CompiledRule, b: CompiledRule): number {
  return EFFECT_RANK[b.effect] - EFFECT_RANK[a.effect] || a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Lowercases data class ids if needed; the request's own array when it already is clean. */
/** A list of names in lower case (the same array when it already is): data classes, group names. */
function lowerNames(value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) return EMPTY;
  for (let i = 0; i < value.length; i++) {
    const c: unknown = value[i];
    if (typeof c !== 'string' || c.toLowerCase() !== c) {
      const out: string[] = [];
      for (const item of value as unknown[]) if (typeof item === 'string') out.push(item.toLowerCase());
      return out;
    }
  }
  return value as string[];
}

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
  const { entries, bySlug, domains } = compileCatalog(catalog, restricted, issues);
  const zoneMatcher = compileZones(zones, issues.problems, issues.warnings);
  const compiled = compileRules(rules, { issues, providers: entries, bySlug, zoneNames: zoneMatcher.names });
  if (issues.problems.length > 0) throw new PolicyCompileError(issues.problems);
  compiled.sort(byEvaluationOrder);

  const ruleCount = compiled.length;
  const predicates = compiled.map((r) => r.matches);
  const effects = compiled.map((r) => r.effect);
  const reasonsOf = compiled.map((r) => r.reason);
  const onlyOf = compiled.map((r) => r.only);
  const classesReferenced = new Set<string>();
  for (const r of compiled) for (const dc of r.dataClasses) classesReferenced.add(dc);

  const ctx: EvalContext = { actionBit: 0, channelBit: 0, providerIndex: -1, unknownAi: false, zones: EMPTY, groups: EMPTY, dataClasses: EMPTY };

  /**
   * Resolves the destination into ctx.providerIndex / ctx.unknownAi and returns the host. The host
   * (from `url`, else `host`) wins over a `provider` slug: it is where the data really goes. A slug
   * is used when there is no host or the host is not in the catalog (e.g. a gateway's own hostname).
   */
  function resolveInto(destination: unknown, sendsData: boolean, into: EvalContext): string | null {
    let host: string | null = null;
    let entry: ProviderEntry | undefined;
    let claimedAi = false;
    if (typeof destination === 'object' && destination !== null) {
      const d = destination as DestinationInput;
      if (d.url !== undefined) host = extractHost(d.url);
      if (host === null && d.host !== undefined) host = extractHost(d.host);
      if (host !== null) entry = domains.lookup(host);
      if (entry === undefined && typeof d.provider === 'string' && d.provider !== '') {
        entry = bySlug.get(d.provider.trim().toLowerCase());
        claimedAi = true;
      }
    } else if (typeof destination === 'string') {
      host = extractHost(destination);
      if (host !== null) entry = domains.lookup(host);
    }
    if (entry !== undefined) {
      into.providerIndex = entry.index;
      into.unknownAi = false;
    } else {
      into.providerIndex = -1;
      into.unknownAi = claimedAi || sendsData;
    }
    return host;
  }

  function evaluate(request: DecisionRequest): Decision {
    const req: Partial<DecisionRequest> = typeof request === 'object' && request !== null ? request : {};
    const action = req.action;
    const bit = actionBit(action);
    ctx.actionBit = bit;
    // Anything but `access` (including an unrecognized action) says data is leaving.
    const host = resolveInto(req.destination, bit !== 1, ctx);

    const context = req.context;
    let zones = EMPTY;
    if (typeof context === 'object' && context !== null) {
      ctx.channelBit = channelBit(context.channel);
      zones = zoneMatcher.zonesFor(context.ip);
      const named = context.networkZone;
      if (typeof named === 'string' && named !== '' && !zones.includes(named)) zones = [...zones, named];
      // Zones already resolved elsewhere (the impact preview replays logged decisions this way).
      const list = context.networkZones;
      if (Array.isArray(list)) {
        for (const z of list) if (typeof z === 'string' && z !== '' && !zones.includes(z)) zones = [...zones, z];
      }
    } else {
      ctx.channelBit = 0;
    }
    ctx.zones = zones;
    const subject = req.subject;
    ctx.groups = typeof subject === 'object' && subject !== null ? lowerNames(subject.groups) : EMPTY;
    const dataClasses = lowerNames(req.dataClasses);
    ctx.dataClasses = dataClasses;

    // Rules are sorted most severe first, so the first match decides the effect and the matches come
    // out already in reporting order.
    let first = -1;
    let many: DecisionReason[] | null = null;
    for (let i = 0; i < ruleCount; i++) {
      if (!(predicates[i] as Predicate)(ctx)) continue;
      if (first === -1) first = i;
      else if (many === null) many = [reasonsOf[first] as DecisionReason, reasonsOf[i] as DecisionReason];
      else many.push(reasonsOf[i] as DecisionReason);
    }
    const providerIndex = ctx.providerIndex;
    const unknownAi = ctx.unknownAi;
    ctx.groups = EMPTY; // do not keep the caller's arrays alive
    ctx.dataClasses = EMPTY;
    ctx.zones = EMPTY;
    return {
      effect: first === -1 ? 'allow' : (effects[first] as Effect),
      reasons: first === -1 ? NO_MATCH_REASONS : many !== null ? many : (onlyOf[first] as readonly DecisionReason[]),
      provider: providerIndex >= 0 ? (entries[providerIndex] as ProviderEntry).output : null,
      destination: { host, aiDestination: providerIndex >= 0 || unknownAi, unknownAi },
      networkZones: zones,
      dataClasses,
    };
  }

  function resolveDestination(input: string | DestinationInput, action: Action = 'access'): ResolvedDestination {
    const scratch: EvalContext = { ...ctx };
    const host = resolveInto(input, actionBit(action) !== 1, scratch);
    const entry = scratch.providerIndex >= 0 ? entries[scratch.providerIndex] : undefined;
    return {
      host,
      provider: entry?.provider ?? null,
      aiDestination: entry !== undefined || scratch.unknownAi,
      unknownAi: scratch.unknownAi,
    };
  }

  return Object.freeze({
    evaluate,
    resolveDestination,
    zonesFor: (ip: string) => zoneMatcher.zonesFor(ip),
    warnings: Object.freeze(issues.warnings.slice()),
    classesReferenced,
    dataClassAgnostic: compiled.some((r) => r.dataClassAgnostic),
    ruleIds: Object.freeze(compiled.map((r) => r.id)),
    settings: cleanSettings,
  });
}
