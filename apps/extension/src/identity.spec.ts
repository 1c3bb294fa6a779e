import { needsAirlockSignIn, parseIdentitySource, readAirlockSignIn, resolveIdentity } from './identity';

const signedIn = { signedIn: true as const, email: 'Ana.Research@Example.com' };
const signedOut = { signedIn: false as const, reason: 'no_session' };

describe('the extension’s identity sources', () => {
  it('reads identitySource, defaulting as before airlock existed', () => {
    expect(parseIdentitySource('airlock', undefined)).toBe('airlock');
    expect(parseIdentitySource('profile', 'x@example.com')).toBe('profile');
    expect(parseIdentitySource(undefined, 'x@example.com')).toBe('managed');
    expect(parseIdentitySource(undefined, undefined)).toBe('profile');
    expect(parseIdentitySource('sso', undefined)).toBe('profile');
  });

  it('profile: the browser profile’s e-mail first, then the Airlock sign-in, then userEmail', () => {
    expect(resolveIdentity('profile', { profileEmail: 'p@example.com', airlock: signedIn, userEmail: 'm@example.com' })).toEqual({ email: 'p@example.com', via: 'profile', signInUseful: false });
    expect(resolveIdentity('profile', { profileEmail: '', airlock: signedIn, userEmail: 'm@example.com' })).toEqual({ email: 'ana.research@example.com', via: 'airlock', signInUseful: false });
    expect(resolveIdentity('profile', { profileEmail: '', airlock: signedOut, userEmail: 'M@example.com ' })).toEqual({ email: 'm@example.com', via: 'managed', signInUseful: true });
    expect(resolveIdentity('profile', { airlock: undefined })).toEqual({ via: 'none', signInUseful: true });
    expect(needsAirlockSignIn('profile', 'p@example.com')).toBe(false);
    expect(needsAirlockSignIn('profile', '')).toBe(true);
    expect(needsAirlockSignIn('profile', undefined)).toBe(true);
  });

  it('airlock: the sign-in, else the configured fallback; never the profile', () => {
    expect(resolveIdentity('airlock', { profileEmail: 'p@example.com', airlock: signedIn, userEmail: 'm@example.com' })).toEqual({ email: 'ana.research@example.com', via: 'airlock', signInUseful: false });
    expect(resolveIdentity('airlock', { profileEmail: 'p@example.com', airlock: signedOut, userEmail: 'm@example.com' })).toEqual({ email: 'm@example.com', via: 'managed', signInUseful: true });
    expect(resolveIdentity('airlock', { profileEmail: 'p@example.com', airlock: signedOut })).toEqual({ via: 'none', signInUseful: true });
    expect(needsAirlockSignIn('airlock', 'p@example.com')).toBe(true);
  });

  it('managed: userEmail as is', () => {
    expect(resolveIdentity('managed', { profileEmail: 'p@example.com', airlock: signedIn, userEmail: 'm@example.com' })).toEqual({ email: 'm@example.com', via: 'managed', signInUseful: false });
    expect(needsAirlockSignIn('managed', undefined)).toBe(false);
  });

  it('takes only a well-formed signed-in answer from the server', () => {
    expect(readAirlockSignIn({ signedIn: true, email: 'a@example.com', method: 'sso' })).toEqual({ signedIn: true, email: 'a@example.com', method: 'sso', name: undefined });
    expect(readAirlockSignIn({ signedIn: true })).toEqual({ signedIn: false, reason: undefined });
    expect(readAirlockSignIn({ signedIn: false, reason: 'session_ended' })).toEqual({ signedIn: false, reason: 'session_ended' });
    expect(readAirlockSignIn('nope')).toEqual({ signedIn: false, reason: 'bad_answer' });
  });
});
