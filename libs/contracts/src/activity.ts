import { z } from 'zod';
import { line, QUERYABLE_INSTANT_MESSAGE, queryableInstant, slug } from './common';
import { ACTIONS, DECISION_SOURCES, EFFECTS, PROVIDER_STATUSES } from './constants';
import { ruleGroupName, zoneName } from './policy';
import { RULE_ID_MAX_LENGTH, RULE_ID_PATTERN, RULE_ID_RULE } from '@airlock/policy-engine';

/**
 * The Activity page: the decision log (metadata only, as stored) filtered and paged by its key.
 * Every filter is one value (effect: a comma-separated list), compared for equality with what the
 * log stored; array columns (rules, data classes, zones, groups) match when they contain the value.
 */
/** A rule id as logged (no-matching-rule included: the log never stores it, so it finds nothing). */
const ruleId = z.string().max(RULE_ID_MAX_LENGTH, RULE_ID_RULE).regex(RULE_ID_PATTERN, RULE_ID_RULE);
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T00:00:00Z' }).refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE);

const filterShape = {
  since: instant.optional(),
  until: instant.optional(),
  effect: z
    .preprocess((v) => (Array.isArray(v) ? v.join(',') : v), z.string().max(40))
    .transform((s: string) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.enum(EFFECTS, { message: `each effect must be one of ${EFFECTS.join(', ')}` })).min(1, 'name at least one effect'))
    .optional(),
  action: z.enum(ACTIONS).optional(),
  /** An AI service of the catalog, by slug. */
  service: slug.optional(),
  /** The destination host as logged (an unknown AI destination has no service). */
  host: z
    .string()
    .max(253)
    .regex(/^[a-z0-9.-]+(?::\d{1,5})?$/i, 'must be a host name')
    .transform((h) => h.toLowerCase())
    .optional(),
  rule: ruleId.optional(),
  dataClass: slug.optional(),
  zone: zoneName.optional(),
  group: ruleGroupName.optional(),
  /** The subject as logged: the e-mail or the user id the client sent. */
  subject: line(320).optional(),
  channel: line(32).optional(),
  apiClient: z.uuid({ message: 'must be an API client id (a UUID)' }).optional(),
  source: z.enum(DECISION_SOURCES).optional(),
};

function checkRange(v: { since?: string; until?: string }, ctx: z.RefinementCtx) {
  if (v.since && v.until && Date.parse(v.since) > Date.parse(v.until)) ctx.addIssue({ code: 'custom', path: ['since'], message: 'since must not be after until' });
}

export const activityFilter = z.strictObject(filterShape).superRefine(checkRange);
export type ActivityFilter = z.output<typeof activityFilter>;

export const ACTIVITY_PAGE_MAX = 200;
/** Most rows one CSV export holds (it says so in its last line when it stopped there). */
export const ACTIVITY_EXPORT_MAX = 100_000;

export const activityPageQuery = z
  .strictObject({
    ...filterShape,
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(ACTIVITY_PAGE_MAX).default(50),
  })
  .superRefine(checkRange);
export type ActivityPageQuery = z.output<typeof activityPageQuery>;

export const activityEntryOutput = z.object({
  id: z.string(),
  time: z.string(),
  effect: z.enum(EFFECTS),
  action: z.enum(ACTIONS),
  service: z.object({ slug: z.string(), name: z.string(), status: z.enum(PROVIDER_STATUSES).nullable() }).nullable(),
  destinationHost: z.string().nullable(),
  channel: z.string().nullable(),
  networkZones: z.array(z.string()),
  subjectId: z.string().nullable(),
  subjectGroups: z.array(z.string()),
  ruleIds: z.array(z.string()),
  dataClasses: z.array(z.string()),
  apiClient: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  policyVersion: z.number(),
  source: z.string(),
  overrideReason: z.string().nullable(),
  /** An AI gateway call's tokens as its upstream reported them (on the call's prompt decision); null otherwise. */
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
});
export type ActivityEntryOutput = z.infer<typeof activityEntryOutput>;

export const activityPageOutput = z.object({
  items: z.array(activityEntryOutput),
  /** Pass as `cursor` for the next (older) page; null when this page is the last. */
  nextCursor: z.string().nullable(),
});
export type ActivityPageOutput = z.infer<typeof activityPageOutput>;

export const activityReason = z.object({
  ruleId: z.string(),
  /** The rule as it was in the policy version that decided (null: not in that version, e.g. a local evaluator's). */
  effect: z.enum(EFFECTS).nullable(),
  message: z.string().nullable(),
  description: z.string().nullable(),
  guidanceUrl: z.string().nullable(),
});

export const activityDetailOutput = activityEntryOutput.extend({
  reasons: z.array(activityReason),
  correlationId: z.string().nullable(),
  latencyMicros: z.number(),
  staleSeconds: z.number().nullable(),
  /** Whether a keyed hash of the text was logged (the text never is). */
  contentHashed: z.boolean(),
});
export type ActivityDetailOutput = z.infer<typeof activityDetailOutput>;

/** `time`: the decision's, as the list gave it (finds any row by its key; optional for UUIDv7 ids). */
export const activityDetailQuery = z.strictObject({ time: instant.optional() });

export const unknownDestinationsQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(30) });

/** A host outside the catalog that decisions sent prompts, uploads or answers to. */
export const unknownDestinationOutput = z.object({
  host: z.string(),
  decisions: z.number(),
  blocked: z.number(),
  warned: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
});
export type UnknownDestinationOutput = z.infer<typeof unknownDestinationOutput>;

export const searchQuery = z.strictObject({ q: z.string().trim().min(2, 'type at least 2 characters').max(100) });

export const searchOutput = z.object({
  services: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), status: z.enum(PROVIDER_STATUSES) })),
  rules: z.array(z.object({ id: z.string(), ruleId: z.string(), description: z.string().nullable() })),
  incidents: z.array(z.object({ id: z.string(), number: z.number(), title: z.string() })),
  users: z.array(z.object({ id: z.string(), name: z.string().nullable(), email: z.string() })),
  apiClients: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SearchOutput = z.infer<typeof searchOutput>;
