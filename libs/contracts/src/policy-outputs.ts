import { z } from 'zod';
import { ACTIONS, EFFECTS } from './constants';
import { decisionResponse } from './decisions';
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
 * profiles, custom detectors, network zones, settings), each also said in plain words in `summary`.
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

/** The draft replayed against the last logged decisions: which answers would change, and how. */
export const impactOutput = z.object({
  replayed: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  /** The oldest and newest replayed decision's time (ISO 8601), null when none was logged. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  transitions: z.array(z.object({ before: z.enum(EFFECTS), after: z.enum(EFFECTS), count: z.number() })),
  rulesNewlyMatching: z.array(z.object({ ruleId: z.string(), count: z.number() })),
  rulesNoLongerMatching: z.array(z.object({ ruleId: z.string(), count: z.number() })),
  byDestination: z.array(z.object({ destination: z.string(), changed: z.number(), total: z.number() })),
  examples: z.array(
    z.object({
      decisionId: z.string(),
      time: z.string(),
      destination: z.string(),
      action: z.enum(ACTIONS),
      before: z.enum(EFFECTS),
      after: z.enum(EFFECTS),
      ruleIds: z.array(z.string()),
    }),
  ),
});
export type ImpactOutput = z.infer<typeof impactOutput>;
