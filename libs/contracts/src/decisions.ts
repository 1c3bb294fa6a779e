import { z } from 'zod';
import { line } from './common';
import { BATCH_MAX, IP_SOURCES, REASON_ESCALATIONS } from './constants';
import { action, decisionRequestShape, effect, providerStatus } from './policy';

export const decisionRequest = decisionRequestShape;

export type DecisionRequest = z.infer<typeof decisionRequest>;

export const batchRequest = z.strictObject({
  items: z
    .array(decisionRequestShape.extend({ correlationId: line(200) }))
    .min(1)
    .max(BATCH_MAX, `at most ${BATCH_MAX} items per batch`),
});

export const finding = z.object({
  dataClass: z.string(),
  detector: z.string(),
  start: z.number(),
  end: z.number(),
  confidence: z.number(),
});

export const decisionResponse = z.object({
  decisionId: z.string(),
  requestId: z.string().optional(),
  correlationId: z.string().optional(),
  effect,
  reasons: z.array(
    z.object({
      ruleId: z.string(),
      effect,
      message: z.string(),
      guidanceUrl: z.string().optional(),
      /** `redact_without_text`: the rule asked for redact, but nothing inspected could be masked, so it blocks. */
      escalated: z.enum(REASON_ESCALATIONS).optional(),
      /** A time-limited exception lifted this rule (the reason's effect is then `allow`; `effect` here is the rule's). */
      exception: z.object({ id: z.string(), expiresAt: z.string(), reason: z.string(), effect }).optional(),
    }),
  ),
  provider: z.object({ slug: z.string(), name: z.string(), status: providerStatus, riskScore: z.number().nullable() }).nullable(),
  destination: z.object({ host: z.string().nullable(), aiDestination: z.boolean(), unknownAi: z.boolean() }),
  action,
  networkZones: z.array(z.string()),
  /**
   * Which address the network zones were looked up for: `context` (the request's `context.ip`, the
   * client's word), `connection` (the address of the connection, with AIRLOCK_TRUST_PROXY applied),
   * `none` (no address: local evaluation without `context.ip`).
   */
  ipSource: z.enum(IP_SOURCES),
  dataClasses: z.array(z.string()),
  findings: z.array(finding),
  /** With `redact` only: the text to send instead, the findings of the redacting rules' classes masked. */
  redactedText: z.string().optional(),
  /** With `redact` only: the data classes whose findings `redactedText` masks. */
  redactedClasses: z.array(z.string()).optional(),
  policyVersion: z.number(),
  /** How long the client may reuse this answer for the same request (0: do not cache). */
  ttlSeconds: z.number(),
  evaluatedAt: z.string(),
  /** Present when the policy in memory could not be checked against the database recently. */
  stale: z.object({ since: z.string(), seconds: z.number() }).optional(),
});
export type DecisionResponse = z.infer<typeof decisionResponse>;
