// The one module through which the extension reaches the decision core (libs/decision-core: compile a
// policy bundle, decide a request, resolve the subject), the same code the server decides with.
import type { PolicyBundle } from '@airlock/contracts';
import {
  BundleDirectory,
  compileDecisionPolicy,
  decideLocally,
  resolveRequest,
  type ContentRequest,
  type DecisionPolicy,
  type LocalDecision,
  type SubjectDirectory,
} from '@airlock/decision-core';

export type { ContentRequest, DecisionPolicy, LocalDecision, PolicyBundle };

/** Compiles /v1/bundle for deciding (throws when the rules do not compile). */
export function compileBundle(b: PolicyBundle): DecisionPolicy {
  return compileDecisionPolicy({
    rules: b.rules,
    catalog: b.catalog,
    zones: b.zones,
    custom: b.detectors.custom,
    settings: { restrictedJurisdictions: b.settings.restrictedJurisdictions, ...b.detectors.settings },
  });
}

/**
 * A directory that knows one person: the browser's user, whose groups the service worker looked up
 * in the bundle's hashed directory (subjectGroups) so the page never hashes anything.
 */
export function userDirectory(email: string | undefined, groups: readonly string[]): SubjectDirectory {
  const lower = email?.trim().toLowerCase();
  return {
    groupsOf: (s) => (lower !== undefined && s.email?.trim().toLowerCase() === lower ? groups : undefined),
  };
}

/** One local decision, the subject's groups resolved as the server would. */
export function decide(policy: DecisionPolicy, directory: SubjectDirectory | null, request: ContentRequest): LocalDecision {
  return decideLocally(policy, resolveRequest(request, directory).request);
}

/**
 * The groups of the browser's user in the bundle's hashed directory (the server's subjectKey: the
 * same decision-core code), so the page itself never hashes anything.
 */
export async function subjectGroups(bundle: PolicyBundle, email: string | undefined): Promise<string[]> {
  const dir = bundle.directory;
  if (!dir || !email) return [];
  return [...(new BundleDirectory(dir).groupsOf({ email }) ?? [])];
}
