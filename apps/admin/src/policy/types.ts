import type { DecisionResponse, EngineRuleOutput, ImpactOutput, PolicyDiffOutput, SimulatedDecisionOutput, SimulateOutput } from '@airlock/contracts/types';

/** A rule of a published version (the compiled policy's `when` / `unless`). */
export type EngineRule = EngineRuleOutput;

/** GET /api/policy/draft-diff and /api/policy-versions/:id/diff. */
export type PolicyDiff = PolicyDiffOutput;

/** A decision as the simulator answers it (the decision response less what only a logged decision has). */
export type Decision = SimulatedDecisionOutput;
export type Reason = DecisionResponse['reasons'][number];

/** POST /api/policy/simulate: the draft and the published policy side by side. */
export type SimulateResponse = SimulateOutput;

/** POST /api/policy/impact. */
export type ImpactResponse = ImpactOutput;
