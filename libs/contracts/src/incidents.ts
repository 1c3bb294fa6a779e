import { z } from 'zod';
import { isoDateTime, line, QUERYABLE_INSTANT_MESSAGE, queryableInstant, slug, text, uuid } from './common';
import {
  CLOSURE_REASONS,
  INCIDENT_SEVERITIES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  NOTIFICATION_DECISIONS,
  REPORT_DATA_KINDS,
  type ReportDataKind,
  TOOL_REQUEST_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
} from './constants';

// Incidents: employees report, decision clients file, analysts triage. Webhooks notify.

export const incidentStatus = z.enum(INCIDENT_STATUSES);
export const incidentSeverity = z.enum(INCIDENT_SEVERITIES);
export const closureReason = z.enum(CLOSURE_REASONS);
export const incidentSource = z.enum(INCIDENT_SOURCES);
export const notificationDecision = z.enum(NOTIFICATION_DECISIONS);

export const reportDataKind = z.enum(REPORT_DATA_KINDS.map((k) => k.key) as [ReportDataKind, ...ReportDataKind[]]);

/** Not in the future (a minute of clock skew allowed). */
const pastDateTime = isoDateTime.refine((v) => Date.parse(v) <= Date.now() + 60_000, 'must not be in the future').refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE);

// --- Employee portal ------------------------------------------------------------------------------

export const portalIncidentInput = z
  .strictObject({
    /** A catalog service id, or "other" with `otherService`. */
    providerId: z.union([uuid, z.literal('other')]),
    otherService: line(200).optional(),
    dataKinds: z.array(reportDataKind).min(1, 'pick at least one (or "not_sure")').max(REPORT_DATA_KINDS.length),
    occurredAt: pastDateTime.optional(),
    description: text(5000).refine((s) => s.trim().length > 0, 'must not be empty'),
    /** When true nothing links the report to the reporter; a status code is shown once instead. */
    anonymous: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.providerId === 'other' && !v.otherService)
      ctx.addIssue({ code: 'custom', path: ['otherService'], message: 'name the service when you pick "other"' });
    if (v.providerId !== 'other' && v.otherService)
      ctx.addIssue({ code: 'custom', path: ['otherService'], message: 'only with providerId "other"' });
  });
export type PortalIncidentInput = z.infer<typeof portalIncidentInput>;

export const portalIncidentCreated = z.object({
  /** Absent for anonymous reports: they are followed with the status token only. */
  id: z.string().optional(),
  number: z.number(),
  status: incidentStatus,
  anonymous: z.boolean(),
  /** Anonymous reports only, shown once: GET /api/portal/incidents/status/<token>. */
  statusToken: z.string().optional(),
  statusUrl: z.string().optional(),
  message: z.string(),
  nextSteps: z.array(z.string()),
});
export type PortalIncidentCreated = z.infer<typeof portalIncidentCreated>;

export const portalIncidentOutput = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  description: z.string(),
  service: z.string().nullable(),
  dataClasses: z.array(z.string()),
  status: incidentStatus,
  statusExplanation: z.string(),
  occurredAt: z.string().nullable(),
  reportedAt: z.string(),
  updatedAt: z.string(),
});

/**
 * The anonymous status page asks with the status code in the body (POST), never in the URL: a URL
 * lands in the browser history of a managed laptop and in proxy logs, and would link the report to
 * the person.
 */
export const statusTokenInput = z.strictObject({ token: z.string().trim().min(1).max(200) });
export type StatusTokenInput = z.infer<typeof statusTokenInput>;

/** The anonymous reporter answers the team through the status page (the code proves the report). */
export const reporterMessageInput = z.strictObject({
  token: z.string().trim().min(1).max(200),
  body: text(4000).refine((s) => s.trim().length > 0, 'must not be empty'),
});
export type ReporterMessageInput = z.infer<typeof reporterMessageInput>;

/** A message between the team and an anonymous reporter: who wrote it is "team" or "you", no names. */
export const reporterThreadMessage = z.object({
  id: z.string(),
  from: z.enum(['team', 'reporter']),
  body: z.string(),
  createdAt: z.string(),
});

export const incidentStatusOutput = z.object({
  number: z.number(),
  status: incidentStatus,
  statusExplanation: z.string(),
  updatedAt: z.string(),
  /** The questions of the team and the reporter's answers, oldest first. */
  messages: z.array(reporterThreadMessage),
  /** False once the report is closed: no more answers through the status page. */
  canReply: z.boolean(),
});

export const incidentOptionsOutput = z.object({
  dataKinds: z.array(z.object({ key: z.string(), label: z.string(), dataClasses: z.array(z.string()) })),
  services: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), status: z.string() })),
});

// --- Decision clients (/v1/incidents, scope incidents:write) -----------------------------------------

export const apiIncidentInput = z.strictObject({
  /** The decision this is about (e.g. the user overrode its warning). */
  decisionId: uuid.optional(),
  /** A catalog slug; an unknown one is kept as free text. */
  provider: slug.optional(),
  dataClasses: z.array(slug).max(50).default([]),
  subject: z.strictObject({ id: line(256).optional(), email: z.email().max(320).optional() }).optional(),
  title: line(300).optional(),
  description: text(5000).default(''),
  occurredAt: pastDateTime.optional(),
});
export type ApiIncidentInput = z.infer<typeof apiIncidentInput>;

// --- Analysts (/api/incidents) ------------------------------------------------------------------------

export const incidentCreate = z
  .strictObject({
    title: line(300),
    description: text(10_000).default(''),
    providerId: uuid.nullable().optional(),
    providerOther: line(200).nullable().optional(),
    dataClasses: z.array(slug).max(50).default([]),
    /** Omit to take the suggested severity. */
    severity: incidentSeverity.optional(),
    occurredAt: pastDateTime.nullable().optional(),
    /** When the organization became aware; defaults to now (the report time). */
    awareAt: pastDateTime.optional(),
    assigneeId: uuid.nullable().optional(),
  })
  .refine((v) => !(v.providerId && v.providerOther), { path: ['providerOther'], message: 'give providerId or providerOther, not both' });
export type IncidentCreate = z.infer<typeof incidentCreate>;

/** Every field optional; a status change to `closed` needs closureReason (see the transition rules). */
export const incidentUpdate = z.strictObject({
  title: line(300).optional(),
  description: text(10_000).optional(),
  providerId: uuid.nullable().optional(),
  providerOther: line(200).nullable().optional(),
  dataClasses: z.array(slug).max(50).optional(),
  severity: incidentSeverity.optional(),
  status: incidentStatus.optional(),
  closureReason: closureReason.nullable().optional(),
  riskAcceptedUntil: isoDateTime.nullable().optional(),
  duplicateOfId: uuid.nullable().optional(),
  assigneeId: uuid.nullable().optional(),
  occurredAt: pastDateTime.nullable().optional(),
  awareAt: pastDateTime.optional(),
  /**
   * Why the incident is resolved or closed while checklist tasks are still open: required then (422
   * without it), recorded in the status event of the timeline and in the audit event.
   */
  openTasksReason: text(2000)
    .refine((s) => s.trim().length > 0, 'must not be empty')
    .optional(),
});
export type IncidentUpdate = z.infer<typeof incidentUpdate>;

/**
 * The notification decision of a personal-data breach: the authority was notified (when, under
 * which reference) or not (and why). Recording it stops the 72-hour clock; it can be corrected,
 * each change in the timeline and the audit log.
 */
export const notificationDecisionInput = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('notified'),
    notifiedAt: pastDateTime,
    reference: line(200).optional(),
  }),
  z.strictObject({
    decision: z.literal('not_notified'),
    reason: text(2000).refine((s) => s.trim().length > 0, 'must not be empty'),
  }),
]);
export type NotificationDecisionInput = z.infer<typeof notificationDecisionInput>;

/** A message from the team to an anonymous reporter, shown on the status page (never a name). */
export const messageToReporterInput = z.strictObject({ body: text(4000).refine((s) => s.trim().length > 0, 'must not be empty') });

export const commentInput = z.strictObject({ body: text(10_000).refine((s) => s.trim().length > 0, 'must not be empty') });
export const taskToggleInput = z.strictObject({ done: z.boolean() });

export const incidentFilter = z.strictObject({
  id: z.array(uuid).max(1000).optional(),
  status: z.union([incidentStatus, z.array(incidentStatus).max(INCIDENT_STATUSES.length)]).optional(),
  severity: z.union([incidentSeverity, z.array(incidentSeverity).max(INCIDENT_SEVERITIES.length)]).optional(),
  providerId: uuid.optional(),
  dataClass: slug.optional(),
  /** A user id, or "unassigned". */
  assigneeId: z.union([uuid, z.literal('unassigned')]).optional(),
  overdue: z.boolean().optional(),
  dueSoon: z.boolean().optional(),
  source: incidentSource.optional(),
  /** Reported in [reportedSince, reportedUntil): the dashboard's period. */
  reportedSince: isoDateTime.refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE).optional(),
  reportedUntil: isoDateTime.refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE).optional(),
  q: z.string().max(200).optional(),
});
export type IncidentFilter = z.infer<typeof incidentFilter>;

/** POST /api/incidents/bulk-assign: several incidents to one analyst (null: unassigned). */
export const incidentBulkAssignInput = z.strictObject({ ids: z.array(uuid).min(1).max(200), assigneeId: uuid.nullable() });
export type IncidentBulkAssignInput = z.infer<typeof incidentBulkAssignInput>;
export const bulkResultOutput = z.object({ updated: z.number(), ids: z.array(z.string()) });
export type BulkResultOutput = z.infer<typeof bulkResultOutput>;

const personRef = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const incidentTaskOutput = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  detail: z.string().nullable(),
  position: z.number(),
  done: z.boolean(),
  doneById: z.string().nullable(),
  doneByLabel: z.string().nullable(),
  doneAt: z.string().nullable(),
});

export const incidentOutput = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  description: z.string(),
  providerId: z.string().nullable(),
  provider: z
    .object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      status: z.string(),
      riskScore: z.number(),
      website: z.string().nullable(),
    })
    .nullable(),
  providerOther: z.string().nullable(),
  dataClasses: z.array(z.string()),
  severity: incidentSeverity,
  suggestedSeverity: incidentSeverity,
  status: incidentStatus,
  allowedTransitions: z.array(incidentStatus),
  closureReason: closureReason.nullable(),
  riskAcceptedUntil: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assignee: personRef.nullable(),
  reporter: personRef.nullable(),
  anonymous: z.boolean(),
  source: incidentSource,
  apiClientId: z.string().nullable(),
  decisionId: z.string().nullable(),
  occurredAt: z.string().nullable(),
  awareAt: z.string(),
  reportedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  personalDataInvolved: z.boolean(),
  notificationDeadline: z.string().nullable(),
  /** Null until the decision about notifying the authority is recorded. */
  notificationDecision: notificationDecision.nullable(),
  notifiedAt: z.string().nullable(),
  notificationReference: z.string().nullable(),
  notificationRationale: z.string().nullable(),
  notificationDecidedAt: z.string().nullable(),
  notificationDecidedBy: z.string().nullable(),
  /** An anonymous portal report with a status code: the team can write to the reporter. */
  reporterReachable: z.boolean(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  duplicateOfId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** GET one only. */
  tasks: z.array(incidentTaskOutput).optional(),
  duplicateOf: z.object({ id: z.string(), number: z.number(), title: z.string() }).nullable().optional(),
});
export type IncidentOutput = z.infer<typeof incidentOutput>;

export const incidentEventOutput = z.object({
  id: z.string(),
  incidentId: z.string(),
  type: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  data: z.unknown(),
  createdAt: z.string(),
});

export const incidentMetricsOutput = z.object({
  total: z.number(),
  open: z.number(),
  byStatus: z.record(incidentStatus, z.number()),
  bySeverity: z.record(incidentSeverity, z.number()),
  overdue: z.number(),
  dueSoon: z.number(),
  windowDays: z.number(),
  meanHoursToAcknowledge: z.number().nullable(),
  meanHoursToResolve: z.number().nullable(),
  acknowledgedInWindow: z.number(),
  resolvedInWindow: z.number(),
});

// --- Webhooks ------------------------------------------------------------------------------------

export const webhookEvent = z.enum(WEBHOOK_EVENTS);

const webhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine((u) => {
    try {
      const p = new URL(u);
      return !p.username && !p.password;
    } catch {
      return false;
    }
  }, 'must not contain a user name or password');

export const webhookCreate = z.strictObject({
  name: line(200),
  url: webhookUrl,
  events: z.array(webhookEvent).min(1).max(WEBHOOK_EVENTS.length),
  enabled: z.boolean().default(true),
});
export const webhookUpdate = webhookCreate.partial();
export type WebhookCreate = z.infer<typeof webhookCreate>;

export const webhookOutput = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only in the answer to create and rotate-secret: shown once. */
  secret: z.string().optional(),
  /**
   * Only in the answer to create and update: what was saved but will not work yet, in words (e.g. a
   * host name that does not resolve yet). Deliveries check the address again each time.
   */
  warnings: z.array(z.string()).optional(),
});

/** How a published version came to be: a publish, a rollback, Block now or a catalog release. */
export const WEBHOOK_PUBLISH_CAUSES = ['publish', 'rollback', 'block_now', 'catalog_release'] as const;

/** `policy.published`: a new policy version is in force. */
export const webhookPolicyPublishedData = z.object({
  version: z.object({
    id: z.string(),
    number: z.number(),
    note: z.string(),
    /** Who published: the person's e-mail, an API client's name or `system`. */
    author: z.object({ type: z.enum(['user', 'api_client', 'system', 'anonymous']), label: z.string() }),
    cause: z.enum(WEBHOOK_PUBLISH_CAUSES),
    /** The version whose rules a rollback published again; null otherwise. */
    rollbackOf: z.number().nullable(),
    contentHash: z.string(),
    publishedAt: z.string(),
    counts: z.object({ rules: z.number(), services: z.number(), blockedServices: z.number(), zones: z.number() }),
    url: z.string(),
  }),
});

/** `provider.blocked`: Block now on an AI service (in force at once, as `version`). */
export const webhookProviderBlockedData = z.object({
  service: z.object({ id: z.string(), slug: z.string(), name: z.string(), url: z.string() }),
  reason: z.string(),
  blockedBy: z.object({ type: z.enum(['user', 'api_client', 'system', 'anonymous']), label: z.string() }),
  blockedAt: z.string(),
  /** The policy version that put the block in force. */
  version: z.number(),
});

/**
 * `decisions.blocked`: how many decisions were blocked in one window (a minute), counted by AI
 * service, rule, channel and group, added up over every API instance. Metadata only: never a
 * prompt's text, a person or a destination URL. Each list is the 100 largest, largest first.
 */
export const webhookDecisionsBlockedData = z.object({
  windowStart: z.string(),
  windowEnd: z.string(),
  total: z.number(),
  /** `service: null` counts destinations that are not in the catalog. */
  byService: z.array(z.object({ service: z.string().nullable(), count: z.number() })),
  /** A decision blocked by several rules counts for each. */
  byRule: z.array(z.object({ rule: z.string(), count: z.number() })),
  /** `channel: null` counts decisions whose client said no channel. */
  byChannel: z.array(z.object({ channel: z.string().nullable(), count: z.number() })),
  /** The person's groups; a person in several groups counts for each. */
  byGroup: z.array(z.object({ group: z.string(), count: z.number() })),
  /** True when a list was cut (more than 100 entries, or too many distinct values in the window to count them all). */
  truncated: z.boolean(),
  /** How many API instances' counts are in this summary. */
  instances: z.number(),
  url: z.string(),
});

/** The body of every delivery: `data` is one of the webhook*Data shapes, by `event`. */
export const webhookEnvelope = z.object({ id: z.string(), event: z.string(), createdAt: z.string(), data: z.record(z.string(), z.unknown()) });

export const webhookDeliveryOutput = z.object({
  id: z.string(),
  webhookId: z.string(),
  event: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  payload: z.unknown(),
});

export type PortalIncidentOutput = z.infer<typeof portalIncidentOutput>;
export type IncidentStatusOutput = z.infer<typeof incidentStatusOutput>;
export type IncidentOptionsOutput = z.infer<typeof incidentOptionsOutput>;
export type IncidentTaskOutput = z.infer<typeof incidentTaskOutput>;
export type IncidentEventOutput = z.infer<typeof incidentEventOutput>;
export type IncidentMetricsOutput = z.infer<typeof incidentMetricsOutput>;
export type WebhookOutput = z.infer<typeof webhookOutput>;
export type WebhookDeliveryOutput = z.infer<typeof webhookDeliveryOutput>;
export type WebhookPolicyPublishedData = z.infer<typeof webhookPolicyPublishedData>;
export type WebhookProviderBlockedData = z.infer<typeof webhookProviderBlockedData>;
export type WebhookDecisionsBlockedData = z.infer<typeof webhookDecisionsBlockedData>;
export type WebhookPublishCause = (typeof WEBHOOK_PUBLISH_CAUSES)[number];

// --- Service requests (/api/portal/tool-requests, /api/tool-requests) ---------------------------------

export const toolRequestStatus = z.enum(TOOL_REQUEST_STATUSES);
export const toolRequestOutput = z.object({
  id: z.string(),
  toolName: z.string(),
  url: z.string().nullable(),
  providerId: z.string().nullable(),
  reason: z.string(),
  status: toolRequestStatus,
  resolutionNote: z.string().nullable(),
  requesterId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ToolRequestOutput = z.infer<typeof toolRequestOutput>;
/** An employee asks for an AI service to be reviewed (POST /api/portal/tool-requests). */
export const toolRequestInput = z.strictObject({
  toolName: line(200),
  url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  providerId: uuid.optional(),
  reason: text(2000).min(1),
});
export type ToolRequestInput = z.infer<typeof toolRequestInput>;
/** The security team approves or rejects it (PUT /api/tool-requests/:id). */
export const toolRequestResolution = z.strictObject({
  status: toolRequestStatus,
  resolutionNote: text(2000).nullable().optional(),
  // react-admin sends the record back: read-only fields are accepted and ignored.
  id: z.unknown().optional(),
  toolName: z.unknown().optional(),
  url: z.unknown().optional(),
  reason: z.unknown().optional(),
  providerId: z.unknown().optional(),
  requesterId: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
});
export type ToolRequestResolution = z.infer<typeof toolRequestResolution>;
/** What the portal answers to a new service request: the request and a thank-you line. */
export const toolRequestCreated = toolRequestOutput.extend({ message: z.string() });
export type ToolRequestCreated = z.infer<typeof toolRequestCreated>;

/** GET /api/incidents/:id/similar: incidents that look like the same event (same service, reporter and data classes, within a day). */
export const similarIncidentOutput = incidentOutput.extend({
  similarity: z.object({ sharedDataClasses: z.array(z.string()), hoursApart: z.number(), reasons: z.array(z.string()) }),
});
export type SimilarIncidentOutput = z.infer<typeof similarIncidentOutput>;
