/**
 * The policy engine's vocabulary. Plain data types only: the API and the admin UI mirror them as zod
 * schemas in libs/contracts, and the SDK evaluates the same shapes locally.
 */

/** What happens to a request. Severity order: block > redact > warn > allow (see EFFECT_RANK). */
export type Effect = 'allow' | 'warn' | 'redact' | 'block';
export const EFFECTS: readonly Effect[] = ['allow', 'warn', 'redact', 'block'];

/** What the client is about to do: open the service, send a prompt, or upload a file. */
/** `response`: an AI service's answer on its way back to the caller (the gateway's after-check). */
export type Action = 'access' | 'prompt' | 'upload' | 'response';
export const ACTIONS: readonly Action[] = ['access', 'prompt', 'upload', 'response'];

/** Through what the request is made. */
export type Channel = 'web' | 'desktop' | 'mobile' | 'api' | 'ide' | 'cli';
export const CHANNELS: readonly Channel[] = ['web', 'desktop', 'mobile', 'api', 'ide', 'cli'];

/**
 * The kind of account the person is signed in with at the destination, as the enforcement point
 * sees it: a personal (consumer) account, a work or school (business) account, or an API key. The
 * catalog records, per service, how the tiers differ and which signals tell them apart (a sign-in
 * host, a tenant header); the client that sees such a signal states it in `context.accountType`.
 */
export type AccountType = 'consumer' | 'business' | 'api';
export const ACCOUNT_TYPES: readonly AccountType[] = ['consumer', 'business', 'api'];
/** `'unknown'` in a condition means: the request states no account type. */
export type AccountTypeCondition = AccountType | 'unknown';
export const ACCOUNT_TYPE_CONDITIONS: readonly AccountTypeCondition[] = [...ACCOUNT_TYPES, 'unknown'];

/** The organization's verdict on a catalog provider. */
export type ProviderStatus = 'approved' | 'restricted' | 'under_review' | 'blocked';
export const PROVIDER_STATUSES: readonly ProviderStatus[] = ['approved', 'restricted', 'under_review', 'blocked'];

/** `'unknown'` in a condition means: an AI destination that is not in the catalog. */
export type ProviderStatusCondition = ProviderStatus | 'unknown';
export const PROVIDER_STATUS_CONDITIONS: readonly ProviderStatusCondition[] = [...PROVIDER_STATUSES, 'unknown'];

/** Whether the provider trains its models on what users send: always, unless the user opts out, never. */
export type TrainsOnInputs = 'yes' | 'opt_out' | 'no';
export const TRAINS_ON_INPUTS: readonly TrainsOnInputs[] = ['yes', 'opt_out', 'no'];

/** A data class id: one of BUILTIN_DATA_CLASSES or an organization's custom lowercase slug. */
export type DataClassId = string;

/** One AI service in the organization's catalog (the subset of attributes the policy can test). */
export interface CatalogProvider {
  slug: string;
  name: string;
  vendor?: string;
  status: ProviderStatus;
  statusReason?: string;
  /**
   * Hosts that belong to the provider: exact (`chat.deepseek.com`) or wildcard (`*.deepseek.com`, which
   * matches subdomains at any depth but not the bare apex `deepseek.com`). Unicode hosts are accepted
   * and compared in punycode; IP literals match only that literal.
   */
  domains: string[];
  channels: Channel[];
  /** ISO 3166-1 alpha-2 country code of the headquarters. */
  hqCountry: string;
  /** ISO 3166-1 alpha-2 country codes where the provider stores data. */
  dataCountries: string[];
  trainsOnInputs: TrainsOnInputs;
  zeroRetentionOffer: boolean;
  /** 0..100, see computeRiskScore; reported back in decisions, never used for matching. */
  riskScore?: number;
}

/** A named set of networks, e.g. `corporate`, `vpn`, `guest`. CIDRs are IPv4 or IPv6. */
export interface NetworkZone {
  name: string;
  cidrs: string[];
}

/**
 * What a rule tests. Every condition that is set must hold; a list means any-of; an empty list counts
 * as not set. Conditions about the provider (providers, providerStatus other than 'unknown',
 * dataCountries, hqCountries, trainsOnInputs, zeroRetentionOffer, restrictedJurisdiction) never hold
 * when the destination has no catalog provider. `noneOf` holds the same lists negated ("is none of").
 */
export interface Conditions {
  /** Provider slugs. */
  providers?: string[];
  /** The provider's status; `'unknown'` matches an AI destination that is not in the catalog. */
  providerStatus?: ProviderStatusCondition[];
  /** The provider stores data in any of these countries. */
  dataCountries?: string[];
  /** The provider is headquartered in any of these countries. */
  hqCountries?: string[];
  trainsOnInputs?: TrainsOnInputs[];
  zeroRetentionOffer?: boolean;
  /**
   * true: the provider's HQ or any of its data countries is in settings.restrictedJurisdictions;
   * false: none is.
   */
  restrictedJurisdiction?: boolean;
  /** true: the destination is an AI destination that is not in the catalog; false: it is not. */
  unknownAiDestination?: boolean;
  actions?: Action[];
  channels?: Channel[];
  /**
   * The account type the request states (`context.accountType`); `'unknown'` matches a request that
   * states none. E.g. a Copilot rule that blocks `['consumer', 'unknown']` lets only work accounts
   * through on a host personal and work accounts share.
   */
  accountTypes?: AccountTypeCondition[];
  /** Zone names; the request is in a zone by its IP or because the client names it. */
  networkZones?: string[];
  /** The subject's groups (any-of). */
  groups?: string[];
  /** Any of these data classes is present in the request. */
  dataClasses?: DataClassId[];
  /**
   * "Is none of": each list set here must have no value in common with the request (every one of
   * them must hold, like the any-of lists beside it; an exception in `unless` is how to say "not
   * all of these"). An empty list counts as not set. Where the request has no value to compare:
   * - about the service: `providers` and `providerStatus` hold for any AI destination, an unknown
   *   one included (it is none of the catalog's services; its status is `'unknown'`), never for a
   *   destination that is not an AI service; `dataCountries`, `hqCountries` and `trainsOnInputs`
   *   hold only for a catalog service (the catalog is where they are known);
   * - about the request: an action, channel or account type that is not stated is none of those
   *   listed (`'unknown'` names a missing account type, as in `accountTypes`); no zone, no group or
   *   no data class found is none of those listed.
   */
  noneOf?: NoneOfConditions;
}

/** The conditions that are lists: each is any-of in `Conditions`, and none-of in `Conditions.noneOf`. */
export type ListConditionKey =
  | 'providers'
  | 'providerStatus'
  | 'dataCountries'
  | 'hqCountries'
  | 'trainsOnInputs'
  | 'actions'
  | 'channels'
  | 'accountTypes'
  | 'networkZones'
  | 'groups'
  | 'dataClasses';
export const LIST_CONDITION_KEYS: readonly ListConditionKey[] = [
  'providers',
  'providerStatus',
  'dataCountries',
  'hqCountries',
  'trainsOnInputs',
  'actions',
  'channels',
  'accountTypes',
  'networkZones',
  'groups',
  'dataClasses',
];
/** The conditions that are true or false (negated by `false`, never in `noneOf`). */
export type BooleanConditionKey = 'zeroRetentionOffer' | 'restrictedJurisdiction' | 'unknownAiDestination';
export const BOOLEAN_CONDITION_KEYS: readonly BooleanConditionKey[] = ['zeroRetentionOffer', 'restrictedJurisdiction', 'unknownAiDestination'];

/** "Is none of" lists: see `Conditions.noneOf`. */
export type NoneOfConditions = Pick<Conditions, ListConditionKey>;

export interface PolicyRule {
  /** Stable, author-given slug; reported as the reason. */
  id: string;
  /** Lower first: orders reasons of the same effect and the rule list. */
  priority: number;
  enabled: boolean;
  description?: string;
  when: Conditions;
  /** Exceptions: the rule does not apply if ANY exception's conditions all hold. */
  unless?: Conditions[];
  effect: Effect;
  /** Shown to the user: why, and what to do instead. */
  message: string;
  guidanceUrl?: string;
}

export interface PolicySettings {
  /** ISO 3166-1 alpha-2 codes whose laws compel disclosure to the state. Default `['CN']`. */
  restrictedJurisdictions: string[];
}

/** Where the data goes: a URL, a host (may carry a port), or a provider slug chosen by the client. */
export interface DestinationInput {
  url?: string;
  host?: string;
  provider?: string;
}

export interface DecisionRequest {
  action: Action;
  destination: DestinationInput;
  subject?: { id?: string; email?: string; groups?: string[] };
  /**
   * `networkZone`: a zone the client names; `networkZones`: zones resolved elsewhere (e.g. a logged
   * decision replayed by the impact preview). Both are added to the zones found for `ip`.
   * `accountType`: the kind of account used at the destination, as the client saw it (absent or
   * unrecognized: unknown).
   */
  context?: { ip?: string; channel?: Channel; networkZone?: string; networkZones?: readonly string[]; accountType?: AccountType };
  /** Data classes found in the content (by the API's detectors or by the client). */
  dataClasses?: DataClassId[];
}

export interface DecisionReason {
  ruleId: string;
  effect: Effect;
  message: string;
  guidanceUrl?: string;
  /**
   * Set when the rule's effect was changed by the decision, not by the rule: `redact_without_text`
   * means the rule asked for `redact` but the data to mask was not in text Airlock inspected, so the
   * reason (and the decision) is `block` (libs/decision-core decideLocally).
   */
  escalated?: ReasonEscalation;
  /**
   * Set when a time-limited exception lifted the rule for this subject, service and data class
   * (libs/policy-engine exceptions.ts): the reason's effect is then `allow`, and `effect` here is
   * the rule's own effect that the exception set aside.
   */
  exception?: ReasonException;
}

/** The exception that lifted a rule, as a reason reports it. */
export interface ReasonException {
  id: string;
  /** ISO date-time; the rule applies again from then on, without a publish. */
  expiresAt: string;
  reason: string;
  /** What the rule would have done without the exception. */
  effect: Effect;
}

/** Why a reason's effect is not the rule's. */
export type ReasonEscalation = 'redact_without_text';
export const REASON_ESCALATIONS: readonly ReasonEscalation[] = ['redact_without_text'];

export interface DecisionProvider {
  slug: string;
  name: string;
  status: ProviderStatus;
  /** null when the catalog entry has no risk score. */
  riskScore: number | null;
}

export interface DecisionDestination {
  /** Normalized host (lowercase, punycode, no port or trailing dot; IPv6 without brackets), or null. */
  host: string | null;
  /** A catalog provider, or an unknown destination the client sends data to. */
  aiDestination: boolean;
  /** An AI destination that is not in the catalog. */
  unknownAi: boolean;
}

/**
 * The answer. Arrays and nested objects may be shared between decisions (they are frozen): treat a
 * decision as read-only.
 */
export interface Decision {
  effect: Effect;
  /** Every matched rule, most severe first, then by priority; or one `no-matching-rule` reason. */
  reasons: readonly DecisionReason[];
  provider: DecisionProvider | null;
  destination: DecisionDestination;
  /** Zones the request is in: by IP, plus the zone the client named. */
  networkZones: readonly string[];
  /** The data classes the decision considered. */
  dataClasses: readonly string[];
}

/** A problem found while compiling; `path` locates it in the input, as zod issue paths do. */
export interface PolicyIssue {
  path: (string | number)[];
  message: string;
}
