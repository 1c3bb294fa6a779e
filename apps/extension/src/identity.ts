// Who the browser's user is, for the decisions the extension makes and reports. Three sources, set by
// the managed policy's identitySource:
// - 'profile' (the default): the e-mail of the browser profile signed in to Google (chrome.identity);
//   when the profile gives none, the person's Airlock sign-in, then userEmail;
// - 'airlock': the person's Airlock sign-in (console or portal session, password or SSO), asked of the
//   server with the extension's API key and the session cookie; signed out, userEmail;
// - 'managed': userEmail from the policy, as is.
// The e-mail never comes from a page: the profile's is the browser's, Airlock's is the server's
// verified answer (GET /v1/extension/identity). Pure functions, unit-tested in identity.spec.ts.

export type IdentitySource = 'profile' | 'managed' | 'airlock';
/** Where the e-mail in use came from; 'none': nobody known (rules naming groups do not apply). */
export type IdentityVia = 'profile' | 'airlock' | 'managed' | 'none';

/** What GET /v1/extension/identity answered (libs/contracts ExtensionIdentity), or why it could not be asked. */
export type AirlockSignIn = { signedIn: true; email: string; name?: string; method?: 'password' | 'sso' } | { signedIn: false; reason?: string };

export interface Identity {
  email?: string;
  via: IdentityVia;
  /** Whether signing in to Airlock would give (or change) the identity: the popup then offers it. */
  signInUseful: boolean;
}

/** The managed policy's identitySource; without one, 'managed' when a userEmail is set (as before 'airlock' existed), else 'profile'. */
export function parseIdentitySource(raw: unknown, userEmail: string | undefined): IdentitySource {
  if (raw === 'profile' || raw === 'managed' || raw === 'airlock') return raw;
  return userEmail ? 'managed' : 'profile';
}

/** Whether the server must be asked who is signed in (only when its answer can be the identity). */
export function needsAirlockSignIn(source: IdentitySource, profileEmail: string | undefined): boolean {
  return source === 'airlock' || (source === 'profile' && !profileEmail);
}

const clean = (e: string | undefined): string | undefined => {
  const v = e?.trim().toLowerCase();
  return v ? v : undefined;
};

/**
 * The identity from what each source gave: `profileEmail` (chrome.identity, '' or undefined when
 * the profile is not signed in), `airlock` (the server's answer, undefined when not asked or not
 * reachable) and the policy's `userEmail` (the configured fallback).
 */
export function resolveIdentity(source: IdentitySource, given: { profileEmail?: string; airlock?: AirlockSignIn; userEmail?: string }): Identity {
  const profile = clean(given.profileEmail);
  const airlock = given.airlock?.signedIn ? clean(given.airlock.email) : undefined;
  const fallback = clean(given.userEmail);
  const pick = (...options: [string | undefined, IdentityVia][]): { email?: string; via: IdentityVia } => {
    for (const [email, via] of options) if (email) return { email, via };
    return { via: 'none' };
  };
  switch (source) {
    case 'managed':
      return { ...pick([fallback, 'managed']), signInUseful: false };
    case 'airlock':
      return { ...pick([airlock, 'airlock'], [fallback, 'managed']), signInUseful: !airlock };
    case 'profile':
      return { ...pick([profile, 'profile'], [airlock, 'airlock'], [fallback, 'managed']), signInUseful: !profile && !airlock };
  }
}

/** The server's answer, checked: anything but a well-formed signed-in answer counts as signed out. */
export function readAirlockSignIn(body: unknown): AirlockSignIn {
  if (typeof body !== 'object' || body === null) return { signedIn: false, reason: 'bad_answer' };
  const b = body as Record<string, unknown>;
  if (b.signedIn === true && typeof b.email === 'string' && b.email.includes('@')) {
    return { signedIn: true, email: b.email, name: typeof b.name === 'string' ? b.name : undefined, method: b.method === 'sso' ? 'sso' : b.method === 'password' ? 'password' : undefined };
  }
  return { signedIn: false, reason: typeof b.reason === 'string' ? b.reason : undefined };
}
