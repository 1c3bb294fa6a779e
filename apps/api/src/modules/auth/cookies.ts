import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session cookie. `__Host-` binds it to this exact origin (Secure, Path=/, no Domain); browsers
 * accept Secure cookies from http://localhost too. On plain HTTP to another host the prefix cannot
 * be used, so the cookie falls back to a plain name (and the boot log warns to put HTTPS in front).
 */
export const SECURE_COOKIE = '__Host-airlock_session';
export const PLAIN_COOKIE = 'airlock_session';

function isLocalHost(request: FastifyRequest): boolean {
  const host = (request.hostname ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host.endsWith('.localhost');
}

export function sessionCookieName(request: FastifyRequest, secureConfigured: boolean): string {
  return secureConfigured || request.protocol === 'https' || isLocalHost(request) ? SECURE_COOKIE : PLAIN_COOKIE;
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies?.[SECURE_COOKIE] ?? request.cookies?.[PLAIN_COOKIE];
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
