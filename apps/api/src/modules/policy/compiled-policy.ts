import { compileInspector, type Inspector } from '@airlock/detectors';
import { compilePolicy, type Evaluator, requiredDataClasses } from '@airlock/policy-engine';
import type { PolicySnapshot } from './policy-snapshot';

/** A policy ready to answer: the evaluator and the content inspector it needs. */
export interface CompiledPolicy {
  organizationId: string;
  version: number;
  contentHash: string;
  evaluator: Evaluator;
  /** null when no enabled rule looks at data classes: requests with text then pay nothing for it. */
  inspector: Inspector | null;
  snapshot: PolicySnapshot;
  compiledAt: Date;
}

/**
 * Compiles a snapshot. The inspector runs only the detectors for data classes some rule references
 * (requiredDataClasses); custom detectors of other classes are skipped too.
 */
export function compileSnapshot(
  organizationId: string,
  version: number,
  contentHash: string,
  snapshot: PolicySnapshot,
): CompiledPolicy {
  const evaluator = compilePolicy(snapshot.rules, snapshot.catalog, snapshot.zones, {
    restrictedJurisdictions: snapshot.settings.restrictedJurisdictions,
  });
  const { classes } = requiredDataClasses(evaluator);
  const inspector =
    classes.length === 0
      ? null
      : compileInspector({
          classes,
          allowEmailDomains: snapshot.settings.allowEmailDomains,
          markings: snapshot.settings.markings,
          defaultPhoneRegion: snapshot.settings.defaultPhoneRegion,
          custom: snapshot.detectors.filter((d) => d.enabled),
        });
  return { organizationId, version, contentHash, evaluator, inspector, snapshot, compiledAt: new Date() };
}
