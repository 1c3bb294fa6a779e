import type { CompiledCatalog, ProviderEntry } from './catalog-compiler';
import { extractHost } from './destination';
import type { CompiledRule } from './condition-compiler';
import { NO_MATCH_RULE_ID } from './policy-fields';
import type { Action, CatalogProvider, Decision, DecisionDestination, DecisionReason, DecisionRequest, DestinationInput, Effect, PolicyIssue, PolicySettings } from './types';
import type { ZoneMatcher } from './zones';

/**
 * Evaluation: the compiled rules, catalog and zones behind the Evaluator interface. evaluate() is
 * the decision path: one context object refilled per call, rules tried most severe first, shared
 * frozen answers (reasons, provider) never copied.
 */

// ---------------------------------------------------------------------------------------------------
// Evaluation context: one per evaluator, refilled on every call (evaluate is synchronous).

export interface EvalContext {
  actionBit: number;
  channelBit: number;
  /** The stated account type's bit (accountTypeBit): unknown when none is stated. */
  accountBit: number;
  /** Index into the compiled catalog, or -1. */
  providerIndex: number;
  unknownAi: boolean;
  zones: readonly string[];
  groups: readonly string[];
  dataClasses: readonly string[];
}

export type Predicate = (ctx: EvalContext) => boolean;

export const ALWAYS: Predicate = () => true;
const EMPTY: readonly string[] = Object.freeze([]);

export function actionBit(action: unknown): number {
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

export function channelBit(channel: unknown): number {
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

/** An account type's bit; anything but consumer, business or api (including none) is unknown. */
export function accountTypeBit(accountType: unknown): number {
  switch (accountType) {
    case 'consumer':
      return 1;
    case 'business':
      return 2;
    case 'api':
      return 4;
    default:
      return 8;
  }
}
const UNKNOWN_ACCOUNT = 8;

// ---------------------------------------------------------------------------------------------------

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
  /**
   * Whether the content can change the answer for a request like this one (same action, destination,
   * context and subject): true when an enabled rule with one of `effects` (block and redact by default:
   * the effects that stop or change what is sent) may apply depending on the data classes found, or
   * redacts. false means every such rule applies or not whatever the text holds, so inspecting more
   * text of the request cannot give a different block or redaction: the AI gateway then skips its
   * per-chunk inspection of a streamed answer. Conservative: exceptions that look at data classes are
   * assumed not to hold. `dataClasses` of the request are ignored.
   */
  contentCanMatter(request: DecisionRequest, effects?: readonly Effect[]): boolean;
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

/** Combinations of matching rules whose reason list an evaluator keeps (see combinedReasons). */
const MAX_SHARED_COMBINATIONS = 4096;

const NO_MATCH_REASONS: readonly DecisionReason[] = Object.freeze([
  Object.freeze({ ruleId: NO_MATCH_RULE_ID, effect: 'allow' as const, message: 'No policy rule matched this request, so it is allowed.' }),
]);

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
 * The evaluator of compiled rules (already in evaluation order, see byEvaluationOrder), a compiled
 * catalog and zones.
 */
export function createEvaluator(
  compiled: readonly CompiledRule[],
  { entries, bySlug, domains }: CompiledCatalog,
  zoneMatcher: ZoneMatcher,
  cleanSettings: Readonly<PolicySettings>,
  warnings: readonly PolicyIssue[],
): Evaluator {
  const ruleCount = compiled.length;
  const predicates = compiled.map((r) => r.matches);
  const ruleEffects = compiled.map((r) => r.effect);
  const reasonsOf = compiled.map((r) => r.reason);
  const onlyOf = compiled.map((r) => r.only);
  /**
   * The reason list of each combination of matching rules seen so far (key: their indexes), frozen
   * and shared like a single rule's, so that every consumer that caches per list (the answer's JSON,
   * the log's rule ids and their COPY text, escalation) hits its cache instead of meeting a fresh
   * array, and a WeakMap entry, on every decision two rules match. Bounded: past
   * MAX_SHARED_COMBINATIONS new combinations get a list of their own.
   */
  const combinations = new Map<string, readonly DecisionReason[]>();
  function combinedReasons(matched: string): readonly DecisionReason[] {
    let list = combinations.get(matched);
    if (list === undefined) {
      list = Object.freeze(matched.split(',').map((i) => reasonsOf[Number(i)] as DecisionReason));
      if (combinations.size < MAX_SHARED_COMBINATIONS) combinations.set(matched, list);
    }
    return list;
  }
  const contentMattersOf = compiled.map((r) => r.contentMatters);
  const classesReferenced = new Set<string>();
  for (const r of compiled) for (const dc of r.dataClasses) classesReferenced.add(dc);

  const ctx: EvalContext = { actionBit: 0, channelBit: 0, accountBit: UNKNOWN_ACCOUNT, providerIndex: -1, unknownAi: false, zones: EMPTY, groups: EMPTY, dataClasses: EMPTY };

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

  /** Fills ctx from the request (all but the data classes); returns the host. */
  function fill(req: Partial<DecisionRequest>): string | null {
    const bit = actionBit(req.action);
    ctx.actionBit = bit;
    // Anything but `access` (including an unrecognized action) says data is leaving.
    const host = resolveInto(req.destination, bit !== 1, ctx);

    const context = req.context;
    let zones = EMPTY;
    if (typeof context === 'object' && context !== null) {
      ctx.channelBit = channelBit(context.channel);
      ctx.accountBit = accountTypeBit(context.accountType);
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
      ctx.accountBit = UNKNOWN_ACCOUNT;
    }
    ctx.zones = zones;
    const subject = req.subject;
    ctx.groups = typeof subject === 'object' && subject !== null ? lowerNames(subject.groups) : EMPTY;
    return host;
  }

  function contentCanMatter(request: DecisionRequest, effects: readonly Effect[] = ['block', 'redact']): boolean {
    const req: Partial<DecisionRequest> = typeof request === 'object' && request !== null ? request : {};
    fill(req);
    ctx.dataClasses = EMPTY;
    let out = false;
    for (let i = 0; i < ruleCount; i++) {
      if (!effects.includes(ruleEffects[i] as Effect)) continue;
      if ((contentMattersOf[i] as Predicate)(ctx)) {
        out = true;
        break;
      }
    }
    ctx.groups = EMPTY;
    ctx.zones = EMPTY;
    return out;
  }

  function evaluate(request: DecisionRequest): Decision {
    const req: Partial<DecisionRequest> = typeof request === 'object' && request !== null ? request : {};
    const host = fill(req);
    const zones = ctx.zones;
    const dataClasses = lowerNames(req.dataClasses);
    ctx.dataClasses = dataClasses;

    // Rules are sorted most severe first, so the first match decides the effect and the matches come
    // out already in reporting order.
    let first = -1;
    let matched = '';
    for (let i = 0; i < ruleCount; i++) {
      if (!(predicates[i] as Predicate)(ctx)) continue;
      if (first === -1) first = i;
      else matched = matched === '' ? `${first},${i}` : `${matched},${i}`;
    }
    const providerIndex = ctx.providerIndex;
    const unknownAi = ctx.unknownAi;
    ctx.groups = EMPTY; // do not keep the caller's arrays alive
    ctx.dataClasses = EMPTY;
    ctx.zones = EMPTY;
    return {
      effect: first === -1 ? 'allow' : (ruleEffects[first] as Effect),
      reasons: first === -1 ? NO_MATCH_REASONS : matched === '' ? (onlyOf[first] as readonly DecisionReason[]) : combinedReasons(matched),
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
    contentCanMatter,
    resolveDestination,
    zonesFor: (ip: string) => zoneMatcher.zonesFor(ip),
    warnings: Object.freeze(warnings.slice()),
    classesReferenced,
    dataClassAgnostic: compiled.some((r) => r.dataClassAgnostic),
    ruleIds: Object.freeze(compiled.map((r) => r.id)),
    settings: cleanSettings,
  });
}
