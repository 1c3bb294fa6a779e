import type { DecisionResponse } from '@airlock/contracts/types';
import type { Effect, ReasonEscalation } from '@airlock/contracts/constants';

export interface EngineRule {
  id: string;
  priority: number;
  enabled: boolean;
  description?: string | null;
  when?: Record<string, unknown>;
  unless?: Record<string, unknown>[];
  effect: Effect;
  message: string;
  guidanceUrl?: string | null;
  /** `redact_without_text`: the rule asked for redact, nothing inspected could be masked, so it blocks. */
  escalated?: ReasonEscalation;
}

export interface PolicyDiff {
  from?: number;
  to?: number | 'draft';
  rules: { added: EngineRule[]; removed: EngineRule[]; changed: { id: string; fields: { path: string; before: unknown; after: unknown }[] }[] };
  catalog: { slug: string; before: string | null; after: string | null }[];
  zones: { name: string; before: string[] | null; after: string[] | null }[];
  settingsChanged: boolean;
  unchanged: boolean;
}

/** A decision as the API answers it (simulator: draft and published side by side). */
export type Decision = DecisionResponse;
export type Reason = DecisionResponse['reasons'][number];

export interface SimulateResponse {
  draft: Decision;
  published: Decision | null;
  differs: boolean;
  warnings: { path: (string | number)[]; message: string }[];
}

export interface ImpactResponse {
  replayed: number;
  changed: number;
  unchanged: number;
  from: string | null;
  to: string | null;
  transitions: { before: string; after: string; count: number }[];
  rulesNewlyMatching: { ruleId: string; count: number }[];
  rulesNoLongerMatching: { ruleId: string; count: number }[];
  byDestination: { destination: string; changed: number; total: number }[];
  examples: { decisionId: string; time: string; destination: string; action: string; before: string; after: string; ruleIds: string[] }[];
}
