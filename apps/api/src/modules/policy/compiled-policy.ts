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

/**
 * The last few snapshots compiled, by organization and content hash. The same content is compiled
 * again and again: every simulation and impact preview of an unchanged draft, the publish of that
 * draft, and the reload of the version it becomes; with large dictionary detectors one compile holds
 * the worker for half a second. Compiled policies are immutable, so sharing one is safe; `contentHash`
 * must be the snapshot's snapshotHash (callers pass it; a version's is stored with it).
 */
const COMPILED_CACHE_SIZE = 4;
const compiledCache = new Map<string, ReturnType<typeof compileDecisionPolicy>>();

/** Compiles a published (or draft) snapshot with libs/decision-core, as local evaluation compiles the bundle. */
export function compileSnapshot(organizationId: string, version: number, contentHash: string, snapshot: PolicySnapshot): CompiledPolicy {
  const key = `${organizationId} ${contentHash}`;
  let policy = compiledCache.get(key);
  if (policy !== undefined) compiledCache.delete(key); // most recently used last
  else {
    policy = compileDecisionPolicy({
      rules: snapshot.rules,
      catalog: snapshot.catalog,
      zones: snapshot.zones,
      custom: snapshot.detectors,
      settings: snapshot.settings,
    });
    if (compiledCache.size >= COMPILED_CACHE_SIZE) compiledCache.delete(compiledCache.keys().next().value!);
  }
  compiledCache.set(key, policy);
  return { organizationId, version, contentHash, ...policy, snapshot, compiledAt: new Date() };
}
