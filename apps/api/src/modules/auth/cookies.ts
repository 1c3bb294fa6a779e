import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session cookie. `__Host-` binds it to this exact origin (Secure, Path=/, no Domain); browsers
 * accept Secure cookies from http://localhost too. On plain HTTP to another host the prefix cannot
 * be used, so the cookie falls back to a plain name (and the boot log warns to put HTTPS in front).
 */
export const SECURE_COOKIE = '__Host-airlock_session';
export const PLAIN_COOKIE = 'airlock_session';
/** The short-lived, encrypted state of one SSO sign-in in progress (sso-state-cookie.ts). */
export const SSO_SECURE_COOKIE = '__Host-airlock_sso';
export const SSO_PLAIN_COOKIE = 'airlock_sso';
/** The same sealed state for a SAML sign-in: sent back with the identity provider's cross-site form POST. */
export const SAML_SECURE_COOKIE = '__Host-airlock_saml';
export const SAML_PLAIN_COOKIE = 'airlock_saml';
/** A password sign-in waiting for its second factor (random token; the database keeps its SHA-256). */
export const MFA_SECURE_COOKIE = '__Host-airlock_mfa';
export const MFA_PLAIN_COOKIE = 'airlock_mfa';

function isLocalHost(request: FastifyRequest): boolean {
  const host = (request.hostname ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host.endsWith('.localhost');
}

function usesSecureName(request: FastifyRequest, secureConfigured: boolean): boolean {
  return secureConfigured || request.protocol === 'https' || isLocalHost(request);
}

export function sessionCookieName(request: FastifyRequest, secureConfigured: boolean): string {
  return usesSecureName(request, secureConfigured) ? SECURE_COOKIE : PLAIN_COOKIE;
}

/**
 * The session token, read only under the name this request would have set. Where the `__Host-`
 * name is in use, a plain-named cookie is ignored: a sibling subdomain or a man in the middle on
 * plain HTTP can plant a plain cookie (cookie tossing), but never a `__Host-` one.
 */
export function readSessionCookie(request: FastifyRequest, secureConfigured: boolean): string | undefined {
  return request.cookies?.[sessionCookieName(request, secureConfigured)];
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: Date, secureConfigured: boolean): void {
  const name = sessionCookieName(request, secureConfigured);
  void reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: name === SECURE_COOKIE,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SECURE_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
  void reply.clearCookie(PLAIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}

export function ssoCookieName(request: FastifyRequest, secureConfigured: boolean): string {
  return usesSecureName(request, secureConfigured) ? SSO_SECURE_COOKIE : SSO_PLAIN_COOKIE;
}

/**
 * SameSite=Lax: the identity provider sends the browser back with a top-level GET, which carries
 * Lax cookies; a cross-site POST or sub-request does not.
 */
export function setSsoCookie(reply: FastifyReply, request: FastifyRequest, value: string, maxAgeSeconds: number, secureConfigured: boolean): void {
  const name = ssoCookieName(request, secureConfigured);
  void reply.setCookie(name, value, { path: '/', httpOnly: true, sameSite: 'lax', secure: name === SSO_SECURE_COOKIE, maxAge: maxAgeSeconds });
}

export function readSsoCookie(request: FastifyRequest, secureConfigured: boolean): string | undefined {
  return request.cookies?.[ssoCookieName(request, secureConfigured)];
}

export function clearSsoCookie(reply: FastifyReply): void {
  void reply.clearCookie(SSO_SECURE_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
  void reply.clearCookie(SSO_PLAIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}

export function samlCookieName(request: FastifyRequest, secureConfigured: boolean): string {
  return usesSecureName(request, secureConfigured) ? SAML_SECURE_COOKIE : SAML_PLAIN_COOKIE;
}

/**
 * SameSite=None: SAML's HTTP-POST binding brings the browser back with a form POST from the
 * identity provider's site, which carries no Lax cookie. What protects the sign-in is the sealed
 * AuthnRequest id inside (the response must answer it) and the response's signature, not the
 * cookie's SameSite. None requires Secure, so a plain-HTTP installation (no __Host- name) falls back
 * to Lax, with which only an identity provider on the same site can complete a sign-in.
 */
export function setSamlCookie(reply: FastifyReply, request: FastifyRequest, value: string, maxAgeSeconds: number, secureConfigured: boolean): void {
  const name = samlCookieName(request, secureConfigured);
  const secure = name === SAML_SECURE_COOKIE;
  void reply.setCookie(name, value, { path: '/', httpOnly: true, sameSite: secure ? 'none' : 'lax', secure, maxAge: maxAgeSeconds });
}

export function readSamlCookie(request: FastifyRequest, secureConfigured: boolean): string | undefined {
  return request.cookies?.[samlCookieName(request, secureConfigured)];
}

export function clearSamlCookie(reply: FastifyReply): void {
  void reply.clearCookie(SAML_SECURE_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'none' });
  void reply.clearCookie(SAML_PLAIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
}

export function mfaCookieName(request: FastifyRequest, secureConfigured: boolean): string {
  return usesSecureName(request, secureConfigured) ? MFA_SECURE_COOKIE : MFA_PLAIN_COOKIE;
}

/** SameSite=Strict: only this console's own requests carry the pending sign-in. */
export function setMfaCookie(reply: FastifyReply, request: FastifyRequest, value: string, maxAgeSeconds: number, secureConfigured: boolean): void {
  const name = mfaCookieName(request, secureConfigured);
  void reply.setCookie(name, value, { path: '/', httpOnly: true, sameSite: 'strict', secure: name === MFA_SECURE_COOKIE, maxAge: maxAgeSeconds });
}

export function readMfaCookie(request: FastifyRequest, secureConfigured: boolean): string | undefined {
  return request.cookies?.[mfaCookieName(request, secureConfigured)];
}

export function clearMfaCookie(reply: FastifyReply): void {
  void reply.clearCookie(MFA_SECURE_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'strict' });
  void reply.clearCookie(MFA_PLAIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}
