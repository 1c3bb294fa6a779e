import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinCatalog } from '../../libs/contracts/src';
import { type CatalogProvider, defaultPolicyRules, type PolicyRule, type ProviderStatus } from '../../libs/policy-engine/src';
import { type ContentRequest, MemoryDirectory, type PolicyMaterial } from '../../libs/decision-core/src';

/**
 * test/fixtures/decision-spec.json: requests and the answers every evaluation must give. The unit
 * tests run it through libs/decision-core (from its sources and from its browser bundle) and the
 * SDK's LocalDecider; the integration test through /v1/decisions, the batch route, LocalDecider and
 * the CLI, on an organization set up as `policy` says.
 */
export interface DecisionSpec {
  policy: {
    statuses: Record<string, ProviderStatus>;
    zones: { name: string; cidrs: string[] }[];
    settings: PolicyMaterial['settings'] & { decisionTtlSeconds: number };
    /** Added to the default rules. */
    rules: PolicyRule[];
    /** The organization's people (console memberships). */
    directory: { email: string; name: string; groups: string[] }[];
  };
  cases: SpecCase[];
}

export interface SpecReason {
  ruleId: string;
  effect: string;
  escalated?: string;
}

export interface SpecCase {
  name: string;
  /** Expressible with `airlock decide` (a URL, text and data classes): also run through the CLI. */
  cli?: boolean;
  request: ContentRequest;
  expect: {
    effect: string;
    reasons: SpecReason[];
    findingClasses: string[];
    /** The organization's TTL when the answer depended on no content, else 0. */
    ttlSeconds: number;
    redactedText?: string;
    redactedClasses?: string[];
  };
}

const ROOT = path.join(__dirname, '..', '..');

export function loadDecisionSpec(): DecisionSpec {
  return JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'decision-spec.json'), 'utf8')) as DecisionSpec;
}

/** The policy the spec describes, as the SDK compiles it: default rules, the built-in catalog with the spec's statuses. */
export function specPolicyMaterial(spec: DecisionSpec): PolicyMaterial {
  const seed = builtinCatalog.parse(JSON.parse(readFileSync(path.join(ROOT, 'prisma', 'seed', 'catalog.json'), 'utf8')));
  const catalog: CatalogProvider[] = seed.providers.map((p) => ({
    slug: p.slug,
    name: p.name,
    status: spec.policy.statuses[p.slug] ?? 'under_review',
    domains: p.domains,
    channels: p.channels,
    hqCountry: p.hqCountry ?? '',
    dataCountries: p.dataCountries,
    trainsOnInputs: p.trainsOnInputs,
    zeroRetentionOffer: p.zeroRetentionOffer,
  }));
  return {
    rules: [...defaultPolicyRules({ restrictedJurisdictions: spec.policy.settings.restrictedJurisdictions }), ...spec.policy.rules],
    catalog,
    zones: spec.policy.zones,
    custom: [],
    settings: {
      restrictedJurisdictions: spec.policy.settings.restrictedJurisdictions,
      allowEmailDomains: spec.policy.settings.allowEmailDomains,
      markings: spec.policy.settings.markings,
      defaultPhoneRegion: spec.policy.settings.defaultPhoneRegion,
    },
  };
}

/** The spec's directory as the server holds it (ids made up: the cases name people by e-mail). */
export function specDirectory(spec: DecisionSpec): MemoryDirectory {
  return new MemoryDirectory(spec.policy.directory.map((p, i) => ({ id: `spec-person-${i}`, email: p.email, groups: p.groups })));
}

/** What an answer (server JSON, LocalDecider, CLI output) is compared on. */
export interface AnswerLike {
  effect: string;
  reasons: readonly { ruleId: string; effect: string; escalated?: string }[];
  findings: readonly { dataClass: string }[];
  ttlSeconds: number;
  redactedText?: string;
  redactedClasses?: readonly string[];
}

export function summarise(a: AnswerLike): SpecCase['expect'] {
  return {
    effect: a.effect,
    reasons: a.reasons.map((r) => ({ ruleId: r.ruleId, effect: r.effect, ...(r.escalated !== undefined ? { escalated: r.escalated } : {}) })),
    findingClasses: [...new Set(a.findings.map((f) => f.dataClass))].sort(),
    ttlSeconds: a.ttlSeconds,
    ...(a.redactedText !== undefined ? { redactedText: a.redactedText } : {}),
    ...(a.redactedClasses !== undefined ? { redactedClasses: [...a.redactedClasses] } : {}),
  };
}

/** `airlock decide` arguments for a case marked `cli` (URL, action, text, data classes). */
export function cliArgs(c: SpecCase): string[] {
  const url = c.request.destination.url;
  if (!url || c.request.context || c.request.subject || c.request.content?.fileName) throw new Error(`case "${c.name}" cannot be expressed with the CLI`);
  const args = ['decide', '--url', url, '--action', c.request.action];
  if (c.request.content?.text !== undefined) args.push('--text', c.request.content.text);
  for (const dc of c.request.content?.dataClasses ?? []) args.push('--data-class', dc);
  return args;
}
