import type { Inspector } from '@airlock/detectors';
import type { Evaluator, PolicyRule } from '@airlock/policy-engine';
import { compileDecisionPolicy } from '@airlock/decision-core';
import type { PolicySnapshot } from './policy-snapshot';

/** A policy ready to answer: the evaluator and the content inspector it needs. */
export interface CompiledPolicy {
  organizationId: string;
  version: number;
  contentHash: string;
  evaluator: Evaluator;
  /** null when no enabled rule looks at data classes: requests with text then pay nothing for it. */
  inspector: Inspector | null;
  rules: readonly PolicyRule[];
  snapshot: PolicySnapshot;
  compiledAt: Date;
}

/** Compiles a published (or draft) snapshot with libs/decision-core, as local evaluation compiles the bundle. */
export function compileSnapshot(organizationId: string, version: number, contentHash: string, snapshot: PolicySnapshot): CompiledPolicy {
  const policy = compileDecisionPolicy({
    rules: snapshot.rules,
    catalog: snapshot.catalog,
    zones: snapshot.zones,
    custom: snapshot.detectors,
    settings: snapshot.settings,
  });
  return { organizationId, version, contentHash, ...policy, snapshot, compiledAt: new Date() };
}
