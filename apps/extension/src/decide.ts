// The one module through which the extension reaches the decision core (libs/decision-core: compile a
// policy bundle, decide a request, resolve the subject), the same code the server decides with.
import type { PolicyBundle } from '@airlock/contracts';
import { compileExceptions, type CompiledExceptions } from '@airlock/policy-engine';
import {
  BundleDirectory,
  compileDecisionPolicy,
  decideLocally,
  resolveRequest,
  type ContentRequest,
  type DecisionPolicy,
  type LocalDecision,
  subjectKey,
  type SubjectDirectory,
} from '@airlock/decision-core';

export type { CompiledExceptions, ContentRequest, DecisionPolicy, LocalDecision, PolicyBundle };

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

/**
 * The bundle's time-limited exceptions, compiled for the browser's user: people are named in the
 * bundle by the directory's salted hash of their e-mail, and the service worker worked out the
 * user's (userKey), so the page matches without hashing. Null when there are none.
 */
export function compileBundleExceptions(b: PolicyBundle, email: string | undefined, key: string | undefined): CompiledExceptions | null {
  if (!b.exceptions?.length) return null;
  const me = email?.trim().toLowerCase();
  return compileExceptions(b.exceptions, (e) => (key !== undefined && me !== undefined && e.trim().toLowerCase() === me ? key : `\u0000${e}`));
}

/** The user's key in the bundle's hashed directory (what exceptions name people by), as the server computes it. */
export function userKey(bundle: PolicyBundle, email: string | undefined): string | undefined {
  const salt = bundle.directory?.salt;
  return salt !== undefined && email ? subjectKey(salt, 'email', email) : undefined;
}

/**
 * One local decision, the subject's groups resolved as the server would, honouring the
 * exceptions (each compared with the clock now: an expired one lifts nothing).
 */
export function decide(policy: DecisionPolicy, directory: SubjectDirectory | null, request: ContentRequest, exceptions?: CompiledExceptions | null, now = Date.now()): LocalDecision {
  return decideLocally(policy, resolveRequest(request, directory).request, exceptions ? { exceptions, now } : undefined);
}

/**
 * Whether a block or redact rule that looks at content (data classes) could apply to this request:
 * when none can, what a file holds cannot change the answer.
 */
export function contentCanMatter(policy: DecisionPolicy, directory: SubjectDirectory | null, request: ContentRequest): boolean {
  const { content: _content, ...rest } = resolveRequest(request, directory).request;
  return policy.evaluator.contentCanMatter(rest, ['block', 'redact']);
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
