import {
  GUIDANCE_URL_MAX_LENGTH,
  GUIDANCE_URL_RULE,
  isGuidanceUrl,
  NAME_MAX_LENGTH,
  NAME_PATTERN,
  NAME_RULE,
  NO_MATCH_RULE_ID,
  NO_MATCH_RULE_ID_RULE,
  RULE_ID_MAX_LENGTH,
  RULE_ID_PATTERN,
  RULE_ID_RULE,
} from '@airlock/policy-engine';
import { z } from 'zod';
import { countryCode, line, QUERYABLE_INSTANT_MESSAGE, queryableInstant, slug, text, updateOf } from './common';
import { ACCOUNT_TYPE_CONDITIONS, ACCOUNT_TYPES, ACTIONS, CHANNELS, EFFECTS, MAX_CONTENT_BYTES, PROVIDER_STATUS_CONDITIONS, PROVIDER_STATUSES, TRAINS_ON_INPUTS } from './constants';

export { MAX_CONTENT_BYTES };

export const effect = z.enum(EFFECTS);
export const action = z.enum(ACTIONS);
export const channel = z.enum(CHANNELS);
export const providerStatus = z.enum(PROVIDER_STATUSES);
export const trainsOnInputs = z.enum(TRAINS_ON_INPUTS);
/** consumer, business or api: a decision request's `context.accountType` (the catalog's accountType object lists one tier). */
export const accountKind = z.enum(ACCOUNT_TYPES);

// The policy's identifiers and links: libs/policy-engine's policy-fields.ts, the rules the compiler
// applies at publish (policy-fields.spec.ts in this library checks that both accept the same).
/** A rule id: letters of either case, digits, -, _, . and :, up to 128; not the reserved no-matching-rule. */
export const ruleId = z
  .string()
  .max(RULE_ID_MAX_LENGTH, RULE_ID_RULE)
  .regex(RULE_ID_PATTERN, RULE_ID_RULE)
  .refine((id) => id !== NO_MATCH_RULE_ID, NO_MATCH_RULE_ID_RULE);
/** A network zone name: a lowercase slug, compared exactly. */
export const zoneName = z.string().max(NAME_MAX_LENGTH, NAME_RULE).regex(NAME_PATTERN, NAME_RULE);
/** A group name in a rule: compared without regard to case, so stored in lower case (`Legal` is `legal`). */
export const ruleGroupName = z.string().max(NAME_MAX_LENGTH, NAME_RULE).toLowerCase().regex(NAME_PATTERN, NAME_RULE);
/** A rule's guidance link: an http(s) URL or a path on the console's site. */
export const guidanceUrl = z.string().max(GUIDANCE_URL_MAX_LENGTH).refine(isGuidanceUrl, GUIDANCE_URL_RULE);

const list = <T extends z.ZodType>(item: T) => z.array(item).max(200).optional();

/** The list conditions (libs/policy-engine LIST_CONDITION_KEYS): any-of in a block, none-of in its `noneOf`. */
const listConditions = {
  providers: list(slug),
  providerStatus: list(z.enum(PROVIDER_STATUS_CONDITIONS)),
  dataCountries: list(countryCode),
  hqCountries: list(countryCode),
  trainsOnInputs: list(trainsOnInputs),
  actions: list(action),
  channels: list(channel),
  /** The request's `context.accountType`; `unknown` matches a request that states none. */
  accountTypes: list(z.enum(ACCOUNT_TYPE_CONDITIONS)),
  networkZones: list(zoneName),
  groups: list(ruleGroupName),
  dataClasses: list(slug),
};

/**
 * "Is none of": the same lists, each holding when the request has none of its values (every list
 * set must hold). Where the request has no value to compare, see libs/policy-engine's
 * `Conditions.noneOf`: e.g. `providerStatus` holds for an unknown AI service but never for a
 * destination that is not an AI service.
 */
export const noneOfConditions = z.strictObject(listConditions);

/** Mirrors libs/policy-engine's Conditions; unknown keys are refused. */
export const conditions = z.strictObject({
  ...listConditions,
  zeroRetentionOffer: z.boolean().optional(),
  restrictedJurisdiction: z.boolean().optional(),
  unknownAiDestination: z.boolean().optional(),
  noneOf: noneOfConditions.optional(),
});
export type Conditions = z.infer<typeof conditions>;

/** A draft rule as admins write it. `ruleId` is the stable id reported as the reason. */
export const ruleInput = z.strictObject({
  ruleId,
  priority: z.number().int().min(0).max(1_000_000),
  enabled: z.boolean().default(true),
  description: text(2000).optional().nullable(),
  conditions: conditions.default({}),
  exceptions: z.array(conditions).max(50).default([]),
  effect,
  message: line(1000),
  // The policy compiler's own check, so the draft never holds a link that would stop publishing.
  guidanceUrl: guidanceUrl.optional().nullable(),
});
export const ruleUpdate = updateOf(ruleInput);
export type RuleInput = z.infer<typeof ruleInput>;

export const ruleOutput = z.object({
  id: z.string(),
  ruleId: z.string(),
  priority: z.number(),
  enabled: z.boolean(),
  description: z.string().nullable(),
  conditions,
  exceptions: z.array(conditions),
  effect,
  message: z.string(),
  guidanceUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleOutput = z.infer<typeof ruleOutput>;

export const publishInput = z.strictObject({ note: line(500) });
export const rollbackInput = z.strictObject({ note: line(500).optional() });

export const policySettings = z.strictObject({
  restrictedJurisdictions: z.array(countryCode).max(50),
});

/** A request to the simulator: a decision request (content given as data classes or text). */
export const simulateInput = z.strictObject({
  request: z.lazy(() => decisionRequestShape),
});

const impactInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T00:00:00Z' }).refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE);

/**
 * Impact preview: the published policy and the draft replayed over the same logged decisions (the
 * newest `limit` of the time window `since`..`until`, both optional), reporting where they differ.
 */
export const impactInput = z
  .strictObject({
    limit: z.number().int().min(1).max(50_000).default(5000),
    since: impactInstant.optional(),
    until: impactInstant.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.since && v.until && Date.parse(v.since) > Date.parse(v.until)) ctx.addIssue({ code: 'custom', path: ['since'], message: 'since must not be after until' });
  });

/**
 * The rule editor's impact count: the recent logged decisions replayed under the draft with this
 * one rule as it is being edited (not saved), against the draft without it (and, for a saved rule,
 * against the draft as saved). `replaces` names the draft rule being edited (absent: a new rule).
 * Only what decides matching is sent: the conditions, the exceptions, the effect and the switch.
 */
export const ruleImpactInput = z.strictObject({
  replaces: ruleId.optional(),
  /** The edit's switch: `matched` and `changed` count the rule as if enabled; the comparison with the saved rule takes it as it is. */
  enabled: z.boolean().default(true),
  conditions: conditions.default({}),
  exceptions: z.array(conditions).max(50).default([]),
  effect,
  limit: z.number().int().min(1).max(20_000).default(5000),
});
export type RuleImpactInput = z.infer<typeof ruleImpactInput>;

// Shared with decisions.ts (declared here to keep the simulator's input identical to the API's).
export const decisionRequestShape = z.strictObject({
  requestId: line(200).optional(),
  action,
  destination: z.union([
    z.strictObject({ url: z.string().min(1).max(4096) }),
    z.strictObject({ host: z.string().min(1).max(1024) }),
    z.strictObject({ provider: slug }),
  ]),
  subject: z
    .strictObject({
      id: line(256).optional(),
      email: z.email().max(320).optional(),
      groups: z.array(slug).max(100).optional(),
    })
    .optional(),
  context: z
    .strictObject({
      ip: z.union([z.ipv4(), z.ipv6()]).optional(),
      channel: channel.optional(),
      networkZone: slug.optional(),
      /**
       * The kind of account the person uses at the destination, as the client saw it (e.g. the
       * extension reading the signed-in tenant, a proxy seeing a tenant header): the client's word,
       * like `channel`. Rules test it with `accountTypes`; absent means unknown.
       */
      accountType: accountKind.optional(),
    })
    .optional(),
  content: z
    .strictObject({
      /** Inspected, never stored. Over MAX_CONTENT_BYTES is refused with 413 before parsing. */
      text: z.string().optional(),
      fileName: line(512).optional(),
      mimeType: line(255).optional(),
      dataClasses: z.array(slug).max(50).optional(),
    })
    .optional(),
});
export type DecisionRequestInput = z.infer<typeof decisionRequestShape>;
