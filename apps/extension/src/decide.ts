// The one module through which the extension reaches the decision core (compile a policy bundle,
// decide a request, resolve the subject). Today these live in libs/sdk's source; when the core
// moves to its own browser-buildable library, only the imports below change.
import { compileDecisionPolicy } from '../../../libs/sdk/src/compile';
import { decideLocally, type ContentRequest, type DecisionPolicy, type LocalDecision } from '../../../libs/sdk/src/local-decide';
import { resolveRequest, type SubjectDirectory } from '../../../libs/sdk/src/subject';
import type { PolicyBundle } from '../../../libs/sdk/src/client';

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
 * The subject's key in the bundle's directory (libs/sdk subjectKey): SHA-256 over the salt and the
 * lower-cased e-mail, base64url, first 22 characters. WebCrypto here (async), Node's crypto there.
 */
export async function subjectGroups(bundle: PolicyBundle, email: string | undefined): Promise<string[]> {
  const dir = bundle.directory;
  if (!dir || !email) return [];
  const data = new TextEncoder().encode(`${dir.salt}\nemail:${email.trim().toLowerCase()}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  let bin = '';
  for (const b of digest) bin += String.fromCharCode(b);
  const key = btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 22);
  const ids = dir.subjects[key];
  if (!ids) return [];
  return ids.map((i) => dir.groups[i]?.toLowerCase()).filter((g): g is string => g !== undefined);
}
