import { z } from 'zod';
import { ACTIONS, EFFECTS, NOT_COUNTED_REASONS } from './constants';
import { decisionResponse, finding } from './decisions';
import { conditions, effect } from './policy';

/**
 * What the policy tools answer: the simulator (`POST /api/policy/simulate`), the impact preview
 * (`POST /api/policy/impact`) and the diffs (`GET /api/policy/draft-diff`,
 * `GET /api/policy-versions/:id/diff`). The API's services `satisfies` these types and the console
 * imports them from `@airlock/contracts/types`.
 */

/** A rule as the compiled policy holds it (`when` / `unless`, not the draft's `conditions` / `exceptions`). */
export const engineRuleOutput = z.object({
  id: z.string(),
  priority: z.number(),
  enabled: z.boolean(),
  description: z.string().optional(),
  when: conditions,
  unless: z.array(conditions).optional(),
  effect,
  message: z.string(),
  guidanceUrl: z.string().optional(),
});
export type EngineRuleOutput = z.infer<typeof engineRuleOutput>;

/** A custom detector as a diff shows it: what it finds and where, not its patterns. */
export const detectorDiffView = z.object({
  kind: z.string(),
  dataClass: z.string(),
  /** The data class's name (its key when the class is unknown). */
  dataClassLabel: z.string(),
  /** How many patterns (the patterns themselves may be sensitive and are not repeated). */
  patterns: z.number(),
  enabled: z.boolean(),
  caseSensitive: z.boolean(),
  wholeWord: z.boolean(),
});

/**
 * What changed between two policies: every part that can change a decision (rules, AI service
 * profiles, custom detectors, network zones, settings, groups and data classes), each also said in
 * plain words in `summary`.
 */
export const policyDiffOutput = z.object({
  /** The older version's number. */
  from: z.number(),
  /** The newer version's number, or `draft`. */
  to: z.union([z.number(), z.literal('draft')]),
  rules: z.object({
    added: z.array(engineRuleOutput),
    removed: z.array(engineRuleOutput),
    changed: z.array(z.object({ id: z.string(), fields: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })) })),
  }),
  /** AI services whose status (before/after; null: not in the catalog) or decision-relevant profile fields changed. */
  catalog: z.array(
    z.object({ slug: z.string(), name: z.string(), before: z.string().nullable(), after: z.string().nullable(), fields: z.array(z.string()) }),
  ),
  /** Custom detectors added, removed or changed (matched by name; `fields` names what changed). */
  detectors: z.array(
    z.object({
      name: z.string(),
      change: z.enum(['added', 'removed', 'changed']),
      before: detectorDiffView.nullable(),
      after: detectorDiffView.nullable(),
      fields: z.array(z.string()),
    }),
  ),
  zones: z.array(z.object({ name: z.string(), before: z.array(z.string()).nullable(), after: z.array(z.string()).nullable() })),
  /**
   * Groups added, removed or changed (description, the SSO groups mapped to them). Groups and data
   * classes are in force when saved; a version records them as they were when it was published.
   */
  groups: z.array(
    z.object({
      name: z.string(),
      change: z.enum(['added', 'removed', 'changed']),
      before: z.object({ description: z.string().nullable(), ssoGroups: z.array(z.string()) }).nullable(),
      after: z.object({ description: z.string().nullable(), ssoGroups: z.array(z.string()) }).nullable(),
      fields: z.array(z.string()),
    }),
  ),
  /** Data classes added, removed or changed (name, description), by key. */
  dataClasses: z.array(
    z.object({
      key: z.string(),
      change: z.enum(['added', 'removed', 'changed']),
      before: z.object({ name: z.string(), description: z.string().nullable() }).nullable(),
      after: z.object({ name: z.string(), description: z.string().nullable() }).nullable(),
      fields: z.array(z.string()),
    }),
  ),
  /** false when one side is a version published before groups and data classes were recorded: their changes are then not shown. */
  directoryCompared: z.boolean(),
  /** Settings whose value changed, with their plain names. */
  settings: z.array(z.object({ key: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() })),
  settingsChanged: z.boolean(),
  /** Every change above in plain words, one line each ("1 detector added: Clients — 4 patterns → client information"). */
  summary: z.array(z.string()),
  unchanged: z.boolean(),
});
export type PolicyDiffOutput = z.infer<typeof policyDiffOutput>;

/** The simulator's answer for one policy: the decision response less what only a logged decision has. */
export const simulatedDecisionOutput = decisionResponse.pick({
  effect: true,
  reasons: true,
  provider: true,
  destination: true,
  networkZones: true,
  dataClasses: true,
  findings: true,
  redactedText: true,
  redactedClasses: true,
}).extend({
  /**
   * Simulator only (never in a decision answer): values a detector found that did not count, and
   * why: an allowed value of the settings, a documented test number (4111 1111 1111 1111), or under
   * the class's minimum confidence (`threshold`).
   */
  notCounted: z.array(finding.extend({ reason: z.enum(NOT_COUNTED_REASONS), threshold: z.number() })),
});
export type SimulatedDecisionOutput = z.infer<typeof simulatedDecisionOutput>;

export const simulateOutput = z.object({
  draft: simulatedDecisionOutput,
  /** Null before the first publish. */
  published: simulatedDecisionOutput.extend({ policyVersion: z.number() }).nullable(),
  /** The effect or the reasons differ (or nothing is published). */
  differs: z.boolean(),
  /** The draft compiles, but with these warnings. */
  warnings: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
});
export type SimulateOutput = z.infer<typeof simulateOutput>;

/** What the impact replay cannot see, because the decision log does not store it (`IMPACT_LIMITATIONS`). */
export const IMPACT_LIMITATIONS = ['account_type', 'zone_addresses', 'classes_not_detected', 'detectors_changed', 'no_published_policy'] as const;

/**
 * The published policy and the draft replayed over the same logged decisions (their destination,
 * action, channel, zones, groups and data classes; content is never stored): where the two answers
 * differ, and how. `before` is the published policy's answer, `after` the draft's; the effect the
 * decision had when it was made is not compared (a Block now since then is not the draft's change).
 */
export const impactOutput = z.object({
  /** The published version replayed beside the draft (null: nothing is published yet). */
  against: z.number().nullable(),
  /** The window asked for (ISO 8601; null: open). */
  window: z.object({ since: z.string().nullable(), until: z.string().nullable() }),
  replayed: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  /** The window holds more decisions than were replayed (the newest `limit` were). */
  truncated: z.boolean(),
  /** The oldest and newest replayed decision's time (ISO 8601), null when none was logged. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Published effect → draft effect, with how many decisions. */
  transitions: z.array(z.object({ before: z.enum(EFFECTS), after: z.enum(EFFECTS), count: z.number() })),
  /** Rules the draft matches on decisions the published policy did not match them on, and the reverse. */
  rulesNewlyMatching: z.array(z.object({ ruleId: z.string(), count: z.number() })),
  rulesNoLongerMatching: z.array(z.object({ ruleId: z.string(), count: z.number() })),
  /** Affected AI services (or hosts outside the catalog): `changed` of `total` replayed decisions. */
  byDestination: z.array(z.object({ destination: z.string(), name: z.string(), changed: z.number(), total: z.number() })),
  /** Affected groups (null: decisions of people in no group, or of no known person). */
  byGroup: z.array(z.object({ group: z.string().nullable(), changed: z.number(), total: z.number() })),
  examples: z.array(
    z.object({
      decisionId: z.string(),
      time: z.string(),
      destination: z.string(),
      name: z.string(),
      action: z.enum(ACTIONS),
      groups: z.array(z.string()),
      before: z.enum(EFFECTS),
      after: z.enum(EFFECTS),
      /** The rules the draft matched. */
      ruleIds: z.array(z.string()),
      /** The rules the published policy matched. */
      publishedRuleIds: z.array(z.string()),
    }),
  ),
  /** What this replay could not take into account, in plain words (and the names concerned). */
  limitations: z.array(z.object({ code: z.enum(IMPACT_LIMITATIONS), message: z.string(), items: z.array(z.string()) })),
});
export type ImpactOutput = z.infer<typeof impactOutput>;

/**
 * What one rule, as edited, does to the recent logged decisions (`POST /api/policy/rule-impact`):
 * how many it matches, and how many get another effect than under the draft without it (the most
 * restrictive effect wins, so a rule changes a decision only where it is more restrictive than every
 * other rule that matches it). `matched` and `changed` count the rule as if enabled.
 */
export const ruleImpactOutput = z.object({
  replayed: z.number(),
  /** Decisions the rule matches (its conditions hold and no exception does). */
  matched: z.number(),
  /** Decisions whose effect differs with the rule from without it. */
  changed: z.number(),
  /** Effect without the rule → effect with it, with how many decisions. */
  transitions: z.array(z.object({ before: z.enum(EFFECTS), after: z.enum(EFFECTS), count: z.number() })),
  /**
   * Editing a saved rule (`replaces`): the decisions whose effect differs between the draft as
   * saved and the draft as edited (the edit's `enabled` included), which also counts what a
   * loosened rule no longer matches. Null for a new rule.
   */
  edit: z.object({ changed: z.number(), transitions: z.array(z.object({ before: z.enum(EFFECTS), after: z.enum(EFFECTS), count: z.number() })) }).nullable(),
  /** More decisions were logged than `limit`: the newest were replayed. */
  truncated: z.boolean(),
  /** The oldest and newest replayed decision's time (ISO 8601), null when none was logged. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Compile warnings about the rule (e.g. a service not in the catalog), paths relative to it (`when.noneOf.providers.0`). */
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
  /** What the replay cannot take into account, as for the impact preview. */
  limitations: z.array(z.object({ code: z.enum(IMPACT_LIMITATIONS), message: z.string(), items: z.array(z.string()) })),
});
export type RuleImpactOutput = z.infer<typeof ruleImpactOutput>;
