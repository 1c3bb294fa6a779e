import { z } from 'zod';
import { countryCode, httpsUrl, isoDate, line, slug, text, updateOf } from './common';
import { ACCOUNT_TYPES, COLLECTED_DATA, DETECTOR_KINDS, DETECTOR_MAX_PATTERN_LENGTH, DETECTOR_MAX_PATTERNS } from './constants';
import { channel, effect, providerStatus, trainsOnInputs, zoneName } from './policy';

/** A host name or a "*." wildcard, as the catalog stores domains (IDN allowed, IP literals too). */
export const domainPattern = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine((d) => !/[\s/?#@]/.test(d) && !/^[a-z]+:/i.test(d), 'must be a host name or *.domain, without scheme or path')
  .refine((d) => !d.slice(d.startsWith('*.') ? 2 : 0).includes('*'), 'only a leading "*." wildcard is allowed');

/** What a source backs up: the catalog check requires one for training, retention and storage. */
export const SOURCE_TOPICS = ['training', 'retention', 'storage', 'sharing', 'collection', 'certifications', 'domains', 'account_types', 'other'] as const;
export const sourceTopic = z.enum(SOURCE_TOPICS);
/**
 * Who published the source: the provider itself (its policy, help centre, trust centre), a regulator,
 * a third party (press, researchers: marked as such in the console), or an independent audit with no
 * public page (then `url` may be absent).
 */
export const SOURCE_KINDS = ['provider', 'regulator', 'third_party', 'audit'] as const;
export const sourceKind = z.enum(SOURCE_KINDS);

export const providerSource = z
  .strictObject({
    fact: line(200),
    url: httpsUrl.optional(),
    asOf: isoDate,
    topic: sourceTopic.optional(),
    kind: sourceKind.optional(),
  })
  .refine((s) => s.url !== undefined || s.kind === 'audit', { message: 'a source needs a url unless it is an audit', path: ['url'] });

/** A fact no stored source could confirm: the catalog says so rather than guess. */
export const unknownFact = z.strictObject({ topic: sourceTopic, note: text(1000) });

/** How someone's use of one tier can be told from another's by an enforcement point. */
export const TIER_SIGNAL_KINDS = ['host', 'header', 'sign_in_host', 'tenant_restriction', 'other'] as const;
export const tierSignal = z.strictObject({
  kind: z.enum(TIER_SIGNAL_KINDS),
  /** The host, header name (and what its value is), or sign-in host. */
  value: line(300),
  note: text(1000).optional(),
});

/** One account type of a service whose consumer and business tiers handle data differently. */
/** The same kinds a decision request's `context.accountType` states (ACCOUNT_TYPES). */
export const ACCOUNT_KINDS = ACCOUNT_TYPES;
export const accountType = z.strictObject({
  kind: z.enum(ACCOUNT_KINDS),
  name: line(200),
  plans: z.array(line(100)).max(20).default([]),
  trainsOnInputs: trainsOnInputs.optional(),
  retention: text(1000).optional(),
  certifications: z.array(line(100)).max(50).default([]),
  notes: text(2000).optional(),
  /** What tells this tier apart: hosts only it uses, a tenant header a proxy can add, its sign-in hosts. */
  signals: z.array(tierSignal).max(20).default([]),
});

/**
 * A host the service uses that also serves other services (or other tiers), so a domain rule cannot
 * separate them. `inDomains` says whether the host is also in `domains` (blocking the service blocks
 * the others on it too) or deliberately left out (blocking it would break the others).
 */
export const sharedHost = z.strictObject({
  host: domainPattern,
  sharedWith: z.array(line(200)).min(1).max(20),
  inDomains: z.boolean().default(false),
  note: text(1000).optional(),
});

const providerFields = {
  slug,
  name: line(200),
  vendor: line(300).nullable().optional(),
  description: text(4000).nullable().optional(),
  website: httpsUrl.nullable().optional(),
  domains: z.array(domainPattern).min(1).max(200),
  channels: z.array(channel).max(6).default([]),
  hqCountry: countryCode.nullable().optional(),
  dataCountries: z.array(countryCode).max(100).default([]),
  trainsOnInputs,
  retention: text(2000).nullable().optional(),
  retentionDays: z.number().int().min(0).max(36_500).nullable().optional(),
  zeroRetentionOffer: z.boolean().default(false),
  collects: z.array(z.enum(COLLECTED_DATA)).max(COLLECTED_DATA.length).default([]),
  sharesWith: z.array(line(300)).max(50).default([]),
  certifications: z.array(line(100)).max(50).default([]),
  enterpriseOffering: text(2000).nullable().optional(),
  notes: text(8000).nullable().optional(),
  sources: z.array(providerSource).max(50).default([]),
  unknownFacts: z.array(unknownFact).max(20).default([]),
  accountTypes: z.array(accountType).max(10).default([]),
  sharedHosts: z.array(sharedHost).max(50).default([]),
  status: providerStatus.default('under_review'),
  statusReason: text(2000).nullable().optional(),
};

export const providerCreate = z.strictObject(providerFields);
export const providerUpdate = updateOf(providerCreate, ['statusChangedAt', 'riskScore', 'riskFactors', 'builtin', 'catalogVersion', 'staleSources', 'oldestSourceAsOf']);
export type ProviderCreate = z.infer<typeof providerCreate>;

/**
 * The built-in catalog file (prisma/seed/catalog.json). `catalogVersion` is the release id; a new
 * release (a new id) reaches every organization's copy at the next start (docs/catalog.md).
 */
export const builtinCatalog = z.object({
  catalogVersion: z.string(),
  releaseDate: isoDate.optional(),
  releaseNotes: text(4000).optional(),
  providers: z.array(
    z.object({
      ...providerFields,
      status: providerStatus.optional(),
      slug: z.string(),
      retentionDays: z.number().int().nullable(),
      website: z.string().nullable().optional(),
    }),
  ),
});

/** The facts a catalog release owns in an organization's copy (never status, statusReason or the org's own edits). */
export const CATALOG_FACT_FIELDS = [
  'name',
  'vendor',
  'description',
  'website',
  'domains',
  'channels',
  'hqCountry',
  'dataCountries',
  'trainsOnInputs',
  'retention',
  'retentionDays',
  'zeroRetentionOffer',
  'collects',
  'sharesWith',
  'certifications',
  'enterpriseOffering',
  'notes',
  'sources',
  'unknownFacts',
  'accountTypes',
  'sharedHosts',
] as const;
export type CatalogFactField = (typeof CATALOG_FACT_FIELDS)[number];

/** One changed fact of one service in a catalog release, as the "what changed" page shows it. */
export const catalogFactChange = z.object({
  slug: z.string(),
  name: z.string(),
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  /** The release's source for the new value (same topic), when it has one. */
  source: providerSource.nullable().optional(),
  /** 'applied': the copy now says `to`; 'kept_own_edit': the organization had edited it, its value stays. */
  outcome: z.enum(['applied', 'kept_own_edit', 'added', 'withdrawn']),
  /** One plain sentence, e.g. "Mistral Le Chat: training on inputs changed from no to opt_out, source https://…". */
  summary: z.string().optional(),
});
export type CatalogFactChange = z.infer<typeof catalogFactChange>;

/** POST /api/catalog/review: the admin has read the changes (up to the release in force). */
export const catalogReviewInput = z.strictObject({ note: text(1000).optional() });

export const blockNowInput = z.strictObject({ reason: line(1000) });

/** POST /api/providers/bulk-status: several services' status in the draft at once, with the reason. */
export const providerBulkStatusInput = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(200),
  status: providerStatus,
  statusReason: text(2000).refine((v) => v.trim().length > 0, 'must say why'),
});
export type ProviderBulkStatusInput = z.infer<typeof providerBulkStatusInput>;
export const providerBulkStatusOutput = z.object({ updated: z.number(), ids: z.array(z.string()) });
export type ProviderBulkStatusOutput = z.infer<typeof providerBulkStatusOutput>;

export const zoneInput = z.strictObject({
  name: zoneName,
  description: text(1000).nullable().optional(),
  cidrs: z.array(z.union([z.cidrv4(), z.cidrv6()], { error: 'must be an IPv4 or IPv6 CIDR (e.g. 10.0.0.0/8, fd00::/8)' })).min(1).max(1000),
});
export const zoneUpdate = updateOf(zoneInput);

export const groupInput = z.strictObject({
  name: slug,
  description: text(1000).nullable().optional(),
  ssoGroups: z.array(line(256)).max(100).default([]),
});
/** A group's name is what rules and users refer to: it cannot change (create a new group instead). */
export const groupUpdate = updateOf(groupInput.omit({ name: true }), ['name']);

export const dataClassInput = z.strictObject({
  key: slug,
  name: line(100),
  description: text(1000).nullable().optional(),
});
export const dataClassUpdate = updateOf(dataClassInput.omit({ key: true }), ['key', 'builtin']);

export const detectorInput = z.strictObject({
  name: line(100),
  description: text(1000).nullable().optional(),
  kind: z.enum(DETECTOR_KINDS),
  dataClass: slug,
  patterns: z.array(z.string().min(1).max(DETECTOR_MAX_PATTERN_LENGTH)).min(1).max(DETECTOR_MAX_PATTERNS),
  caseSensitive: z.boolean().default(false),
  wholeWord: z.boolean().default(true),
  enabled: z.boolean().default(true),
});
export const detectorUpdate = updateOf(detectorInput, ['patternCount']);
export const detectorTestInput = z.strictObject({
  sample: z.string().max(100_000),
  detector: detectorInput.optional(),
});

/** A catalog entry as the API shows it (GET /api/providers). */
export const providerOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  vendor: z.string().nullable(),
  description: z.string().nullable(),
  website: z.string().nullable(),
  domains: z.array(z.string()),
  channels: z.array(z.string()),
  hqCountry: z.string().nullable(),
  dataCountries: z.array(z.string()),
  trainsOnInputs: trainsOnInputs,
  retention: z.string().nullable(),
  retentionDays: z.number().nullable(),
  zeroRetentionOffer: z.boolean(),
  collects: z.array(z.string()),
  sharesWith: z.array(z.string()),
  certifications: z.array(z.string()),
  enterpriseOffering: z.string().nullable(),
  notes: z.string().nullable(),
  sources: z.array(providerSource),
  /** Facts no source confirms. */
  unknownFacts: z.array(unknownFact),
  /** How consumer and business tiers differ and what tells them apart. */
  accountTypes: z.array(accountType),
  /** Hosts a domain block cannot separate from other services. */
  sharedHosts: z.array(sharedHost),
  /** The as-of date of the oldest source of a training, retention, storage or sharing fact. */
  oldestSourceAsOf: z.string().nullable(),
  /** True when that source is older than the organization's catalogSourceMaxAgeDays. */
  staleSources: z.boolean(),
  status: providerStatus,
  statusReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  riskScore: z.number(),
  /** Why the score is what it is (positive points raise it). */
  riskFactors: z.array(z.object({ id: z.string(), points: z.number(), explanation: z.string() })),
  builtin: z.boolean(),
  catalogVersion: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProviderOutput = z.infer<typeof providerOutput>;

/**
 * An AI service as the employee portal shows it (GET /api/portal/tools, "Which AI services may I
 * use?"): the catalog's facts in plain words and what the published policy answers the asking
 * employee (their groups) for access, prompts, uploads and each built-in data class.
 */
export const portalToolOutput = z.object({
  slug: z.string(),
  name: z.string(),
  vendor: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  status: providerStatus,
  statusLabel: z.string(),
  statusReason: z.string().nullable(),
  riskScore: z.number().nullable(),
  storesDataIn: z.array(z.string()),
  trainsOnInputs: trainsOnInputs,
  access: effect,
  prompt: effect,
  upload: effect,
  dataClasses: z.array(z.object({ dataClass: z.string(), label: z.string(), effect, message: z.string().nullable() })),
  summary: z.string(),
  /** Hosts and `*.` patterns (the portal's search matches them). */
  domains: z.array(z.string()),
  /** Training per kind of account where the catalog knows it (work accounts often differ from personal ones). */
  accountTraining: z.array(z.object({ kind: z.enum(ACCOUNT_TYPES), name: z.string(), trainsOnInputs })),
  /**
   * When this employee may not use the service: the services they may use instead (slugs, at most
   * three), approved before restricted, then those reached the same ways (web, desktop, IDE, API…).
   */
  alternatives: z.array(z.string()),
});
export type PortalToolOutput = z.infer<typeof portalToolOutput>;
/** GET /api/portal/tools: every catalog service, approved first, and the policy version that answered. */
export const portalToolsOutput = z.object({ policyVersion: z.number(), tools: z.array(portalToolOutput) });
export type PortalToolsOutput = z.infer<typeof portalToolsOutput>;
