import { z } from 'zod';
import { isoDateTime, line, slug, uuid } from './common';
import { EXCEPTION_STATUSES } from './constants';
import { action, channel, effect } from './policy';

/**
 * What a local evaluator (the browser extension, the SDK's LocalDecider) reports about decisions it
 * made itself, so the decision log and the dashboard stay complete: POST /v1/decisions/report.
 * Never the text: only what the log keeps (classes, a count of findings, rules, the effect).
 */
export const REPORT_MAX_ITEMS = 500;
/** Largest body of a report (bytes); a full batch of realistic items is well under it. */
export const REPORT_MAX_BYTES = 512 * 1024;
/** How old a reported decision may be (an extension that was offline flushes its queue later). */
export const REPORT_MAX_AGE_SECONDS = 7 * 86_400;
/** How far ahead of the server's clock a reported decision may be (clock skew). */
export const REPORT_MAX_AHEAD_SECONDS = 300;
export const OVERRIDE_REASON_MAX = 500;
export const REPORT_SOURCES = ['extension', 'sdk'] as const;

export const reportedDecision = z
  .strictObject({
    /** The client's id for this decision (a UUID): a batch sent again is not logged twice. */
    id: uuid,
    /** When the client decided (ISO date-time with offset). */
    at: isoDateTime,
    action,
    destination: z.union([z.strictObject({ url: z.string().min(1).max(4096) }), z.strictObject({ host: z.string().min(1).max(1024) })]),
    subject: z.strictObject({ email: z.email().max(320) }),
    effect,
    reasons: z
      .array(
        z.strictObject({
          ruleId: slug,
          effect,
          /** The exception that lifted this rule (its id), as the bundle named it. */
          exception: z.strictObject({ id: uuid }).optional(),
        }),
      )
      .max(100),
    findingClasses: z.array(slug).max(50),
    findingCount: z.number().int().min(0).max(1_000_000),
    /** A justified continue: the user was warned and went ahead, giving this reason. */
    override: z.strictObject({ reason: line(OVERRIDE_REASON_MAX) }).optional(),
    policyVersion: z.number().int().min(0),
    source: z.enum(REPORT_SOURCES),
    channel: channel.optional(),
  })
  .refine((d) => !d.override || d.effect === 'warn', { message: 'only a warn can be overridden (override given with another effect)', path: ['override'] });
export type ReportedDecision = z.infer<typeof reportedDecision>;

export const decisionReport = z.strictObject({
  decisions: z.array(reportedDecision).min(1).max(REPORT_MAX_ITEMS, `at most ${REPORT_MAX_ITEMS} decisions per report`),
});
export type DecisionReport = z.infer<typeof decisionReport>;

export const decisionReportResponse = z.object({
  /** Items logged now. */
  accepted: z.number(),
  /** Items whose id was reported before (not logged again). */
  duplicates: z.number(),
  /** Items refused one by one (the others are logged): index in the batch, id, why. */
  rejected: z.array(z.object({ index: z.number(), id: z.string(), code: z.string(), message: z.string() })),
});
export type DecisionReportResponse = z.infer<typeof decisionReportResponse>;

/** Longest an exception may run; a longer need is a policy change, not an exception. */
export const EXCEPTION_MAX_DAYS = 366;

/**
 * A time-limited exception: one person (e-mail) or one group x one service (catalog provider) or
 * any x one data class or any, until `expiresAt`, for a stated reason. Granted, then revoked or
 * left to expire; never edited (grant a new one).
 */
export const exceptionCreate = z
  .strictObject({
    subjectEmail: z.email().max(320).nullable().default(null),
    subjectGroup: slug.nullable().default(null),
    /** A provider of the organization's catalog; null: any service. */
    providerId: uuid.nullable().default(null),
    /** null: any data class. */
    dataClass: slug.nullable().default(null),
    reason: line(500),
    expiresAt: isoDateTime,
  })
  .refine((e) => (e.subjectEmail === null) !== (e.subjectGroup === null), {
    message: 'name either a person (subjectEmail) or a group (subjectGroup), not both',
    path: ['subjectEmail'],
  });
export type ExceptionCreate = z.infer<typeof exceptionCreate>;

export const exceptionOutput = z.object({
  id: z.string(),
  subjectEmail: z.string().nullable(),
  subjectGroup: z.string().nullable(),
  providerId: z.string().nullable(),
  providerSlug: z.string().nullable(),
  dataClass: z.string().nullable(),
  reason: z.string(),
  expiresAt: z.string(),
  status: z.enum(EXCEPTION_STATUSES),
  createdById: z.string().nullable(),
  createdByLabel: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedByLabel: z.string().nullable(),
});
export type ExceptionOutput = z.infer<typeof exceptionOutput>;

/** One exception as /v1/bundle carries it: a person by the directory's salted hash of the e-mail. */
export const bundleException = z.object({
  id: z.string(),
  subjectKey: z.string().optional(),
  subjectGroup: z.string().optional(),
  provider: z.string().nullable(),
  dataClass: z.string().nullable(),
  reason: z.string(),
  expiresAt: z.string(),
});

/**
 * GET /v1/extension/identity: who is signed in to Airlock in this browser, for the extension's
 * `identitySource: 'airlock'`. The extension sends its API key (scope `extension`) and the browser
 * sends the person's session cookie; the e-mail is the session's, verified by the server (password
 * or SSO sign-in), never one a page or the extension asserted.
 */
export const extensionIdentityOutput = z.object({
  signedIn: z.boolean(),
  /** The signed-in person's e-mail (lower-case), when signedIn. */
  email: z.email().optional(),
  name: z.string().optional(),
  /** How the session was opened. */
  method: z.enum(['password', 'sso']).optional(),
  /** Why nobody is signed in: no session cookie, an ended session, or a session of another organization than the key's. */
  reason: z.enum(['no_session', 'session_ended', 'other_organization']).optional(),
});
export type ExtensionIdentity = z.infer<typeof extensionIdentityOutput>;
