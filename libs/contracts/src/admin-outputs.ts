import { z } from 'zod';
import { catalogFactChange, providerOutput } from './catalog';
import { DETECTOR_KINDS, PROVIDER_STATUSES } from './constants';
import { finding } from './decisions';
import { auditChangeOutput } from './audit';
import { QUERYABLE_INSTANT_MESSAGE, queryableInstant } from './common';

/**
 * The answers of the admin routes that had no output schema of their own: the directory (zones,
 * groups, data classes), detectors, policy versions and rollout, catalog releases, the audit log
 * and the dashboard. Serializers `satisfies` these types, so the OpenAPI document (built from
 * these schemas) cannot drift from what the API sends.
 */

export const zoneOutput = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), cidrs: z.array(z.string()), createdAt: z.string(), updatedAt: z.string() });
export type ZoneOutput = z.infer<typeof zoneOutput>;

export const groupOutput = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), ssoGroups: z.array(z.string()), createdAt: z.string(), updatedAt: z.string() });
export type GroupOutput = z.infer<typeof groupOutput>;

export const dataClassOutput = z.object({ id: z.string(), key: z.string(), name: z.string(), description: z.string().nullable(), builtin: z.boolean(), createdAt: z.string(), updatedAt: z.string() });
export type DataClassOutput = z.infer<typeof dataClassOutput>;

export const detectorOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(DETECTOR_KINDS),
  dataClass: z.string(),
  patterns: z.array(z.string()),
  patternCount: z.number(),
  caseSensitive: z.boolean(),
  wholeWord: z.boolean(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DetectorOutput = z.infer<typeof detectorOutput>;

/** POST /api/detectors/test, /api/detectors/:id/test: what the detector finds in the sample, and how long it took. */
export const detectorTestOutput = z.object({ findings: z.array(finding), micros: z.number() });
export type DetectorTestOutput = z.infer<typeof detectorTestOutput>;

/** GET /api/detectors/builtin: the built-in detectors. */
export const builtinDetectorOutput = z.object({ id: z.string(), dataClass: z.string(), description: z.string() });
export type BuiltinDetectorOutput = z.infer<typeof builtinDetectorOutput>;

/** A published policy version, without its content. */
export const policyVersionSummaryOutput = z.object({
  id: z.string(),
  number: z.number(),
  contentHash: z.string(),
  authorLabel: z.string(),
  note: z.string(),
  /** The version this one rolled back to, when it is a rollback. */
  rollbackOf: z.number().nullable(),
  createdAt: z.string(),
  ruleCount: z.number().optional(),
});
export type PolicyVersionSummaryOutput = z.infer<typeof policyVersionSummaryOutput>;

/** GET /api/policy-versions/:id: the version with the snapshot it published. */
export const policyVersionOutput = policyVersionSummaryOutput.extend({
  rules: z.unknown(),
  catalog: z.unknown(),
  zones: z.unknown(),
  detectors: z.unknown(),
  settings: z.unknown(),
});
export type PolicyVersionOutput = z.infer<typeof policyVersionOutput>;

/** GET /api/policy/status: the version in force, what this instance serves, whether the draft differs. */
export const policyStatusOutput = z.object({
  version: policyVersionSummaryOutput.nullable(),
  servingVersion: z.number().nullable(),
  /** Null when the caller may not read the draft. */
  draftChanged: z.boolean().nullable(),
});
export type PolicyStatusOutput = z.infer<typeof policyStatusOutput>;

/** GET /api/policy/rollout?version=N: which running instances serve version N (or newer). */
export const rolloutOutput = z.object({
  version: z.number(),
  instances: z.array(
    z.object({
      id: z.string(),
      hostname: z.string(),
      state: z.enum(['live', 'gone', 'stopped']),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      servingVersion: z.number().nullable(),
      upToDate: z.boolean(),
    }),
  ),
  /** Every live instance serves it. */
  complete: z.boolean(),
});
export type RolloutOutput = z.infer<typeof rolloutOutput>;

/** POST /api/providers/:id/block: the service, blocked, the version that published it and its rollout so far. */
export const blockNowOutput = z.object({
  provider: providerOutput,
  version: z.object({ id: z.string(), number: z.number(), note: z.string(), createdAt: z.string() }),
  rollout: rolloutOutput,
});
export type BlockNowOutput = z.infer<typeof blockNowOutput>;

/** A built-in catalog release's change to a service's risk score, explained. */
export const catalogRiskChange = z.looseObject({ slug: z.string(), explanation: z.string() });
export type CatalogRiskChange = z.infer<typeof catalogRiskChange>;

/** GET /api/catalog/release: what built-in catalog releases changed since the last review, and the stale profiles. */
export const catalogReleaseOutput = z.object({
  builtinRelease: z.object({ id: z.string(), date: z.string().nullable(), notes: z.string().nullable() }),
  appliedRelease: z.object({ id: z.string(), date: z.string().nullable(), appliedAt: z.string() }).nullable(),
  lastReviewedAt: z.string().nullable(),
  pending: z.array(
    z.object({
      id: z.string(),
      releaseId: z.string(),
      releaseDate: z.string().nullable(),
      previousRelease: z.string().nullable(),
      appliedAt: z.string(),
      changes: z.array(catalogFactChange),
      riskChanges: z.array(catalogRiskChange),
    }),
  ),
  sourceMaxAgeDays: z.number(),
  staleProfiles: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), status: z.enum(PROVIDER_STATUSES), oldestSourceAsOf: z.string().nullable() })),
});
export type CatalogReleaseOutput = z.infer<typeof catalogReleaseOutput>;

/** POST /api/catalog/review: the releases marked reviewed. */
export const catalogReviewOutput = z.object({ reviewed: z.array(z.string()), changes: z.number(), reviewedAt: z.string() });
export type CatalogReviewOutput = z.infer<typeof catalogReviewOutput>;

/** An event of the tamper-evident audit log (hash chain: prevHash → hash). */
export const auditEventOutput = z.object({
  id: z.string(),
  seq: z.number(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  /** The acting user's name now (null for API clients, the system, a deleted user). */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** Before → after field by field (at most AUDIT_CHANGES_MAX; `changesTruncated` says when more differ). */
  changes: z.array(auditChangeOutput),
  changesTruncated: z.boolean(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  prevHash: z.string().nullable(),
  hash: z.string(),
});
export type AuditEventOutput = z.infer<typeof auditEventOutput>;

/** GET /api/audit-events/verify: the hash chain checked from the first event; the first broken link, if any. */
export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBroken: z.object({ seq: z.number(), id: z.string(), reason: z.string() }).nullable(),
});
export type AuditVerifyOutput = z.infer<typeof auditVerifyOutput>;

const effectCounts = { allow: z.number(), warn: z.number(), redact: z.number(), block: z.number() };

/**
 * The dashboard's period: the last `days` days (whole UTC days, today included), or `from`-`to`
 * (instants). `to` defaults to now, `from` to 30 days before `to`.
 */
export const dashboardPeriodQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).optional(),
  from: z.iso.datetime({ offset: true }).refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE).optional(),
  to: z.iso.datetime({ offset: true }).refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE).optional(),
});
export type DashboardPeriodQuery = z.infer<typeof dashboardPeriodQuery>;

/** GET /api/dashboard?days=N or ?from=&to=: decisions, services, data classes and incidents of the period. */
export const dashboardOutput = z.object({
  days: z.number(),
  /** The period the figures cover (from inclusive, to exclusive), and the chart's step. */
  from: z.string(),
  to: z.string(),
  granularity: z.enum(['hour', 'day']),
  totals: z.object({ decisions: z.number(), ...effectCounts }),
  decisionsByDay: z.array(z.object({ day: z.string(), ...effectCounts })),
  topProviders: z.array(z.object({ slug: z.string(), name: z.string(), status: z.string(), total: z.number(), blocked: z.number(), warned: z.number(), redacted: z.number() })),
  /** AI services seen in imported logs (discovery), not in the decisions. */
  discoveredServices: z.array(
    z.object({ key: z.string(), slug: z.string(), name: z.string(), inCatalog: z.boolean(), status: z.string().nullable(), requests: z.number(), users: z.number(), source: z.literal('discovery') }),
  ),
  dataClasses: z.array(z.object({ dataClass: z.string(), count: z.number(), blockedOrRedacted: z.number() })),
  incidents: z.object({
    openBySeverity: z.record(z.string(), z.number()),
    nearDeadline: z.array(
      z.object({ id: z.string(), number: z.number(), title: z.string(), severity: z.string(), status: z.string(), notificationDeadline: z.string(), overdue: z.boolean(), hoursLeft: z.number() }),
    ),
    mttaHours: z.number().nullable(),
    mttrHours: z.number().nullable(),
    /** The incidents reported in the period: how many, still open, past the 72-hour clock, medians. */
    period: z.object({
      reported: z.number(),
      open: z.number(),
      overdue: z.number(),
      resolved: z.number(),
      medianHoursToResolve: z.number().nullable(),
      notified: z.number(),
      medianHoursToNotify: z.number().nullable(),
    }),
  }),
});
export type DashboardOutput = z.infer<typeof dashboardOutput>;

const overrideRate = { warned: z.number(), overridden: z.number(), rate: z.number() };

/** GET /api/dashboard/overrides?days=N: of the warnings shown, how many people continued with a reason. */
export const overrideRatesOutput = z.object({
  days: z.number(),
  totals: z.object(overrideRate),
  byService: z.array(z.object({ slug: z.string(), name: z.string(), ...overrideRate })),
  byGroup: z.array(z.object({ group: z.string(), ...overrideRate })),
});
export type OverrideRatesOutput = z.infer<typeof overrideRatesOutput>;

export const ONBOARDING_STEPS = ['catalog', 'zones', 'sso', 'apiKey', 'extension', 'policy'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** GET /api/dashboard/checklist: a new organization's first steps, each computed from its data. */
export const onboardingChecklistOutput = z.object({
  items: z.array(z.object({ key: z.enum(ONBOARDING_STEPS), done: z.boolean(), count: z.number().nullable() })),
  done: z.boolean(),
  dismissed: z.boolean(),
});
export type OnboardingChecklistOutput = z.infer<typeof onboardingChecklistOutput>;
