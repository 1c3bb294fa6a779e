import { randomUUID } from 'node:crypto';
import { ModulesContainer } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { type AppRoute, discoverAppRoutes } from '../../apps/api/src/openapi/routes';
import { PendingSignInService } from '../../apps/api/src/modules/auth/mfa/pending-sign-in.service';
import { hashPassword } from '../../apps/api/src/modules/auth/password-hasher';
import { SessionService } from '../../apps/api/src/modules/auth/session.service';
import type { Role } from '../../apps/api/src/generated/prisma/enums';
import type { TestApp } from './test-app';

export type DiscoveredRoute = AppRoute;

/**
 * Every route of the running app, found by walking Nest's module container plus the native
 * decision routes (apps/api/src/openapi/routes.ts, which the OpenAPI document is built from), so
 * routes other modules add later are included without editing any list. `fastifyRoutes`
 * cross-checks this against what Fastify serves.
 */
export function discoverRoutes(t: TestApp): DiscoveredRoute[] {
  return discoverAppRoutes(t.app.get(ModulesContainer));
}

/** What Fastify itself serves (parsed from printRoutes), without HEAD/OPTIONS, static assets and the SPA fallback. */
export function fastifyRoutes(t: TestApp): { method: string; path: string }[] {
  const fastify = t.app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const text = fastify.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const out: { method: string; path: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^([│ ]*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      out.push({ method, path });
    }
  }
  // find-my-way prints a wildcard route (`/v1/authz/envoy/*`) as a bare `*` under whatever node
  // happens to hold it, losing the static part of its path: those lines cannot be named, and the
  // wildcard routes are checked with hasRoute() instead (wildcardRoutesServed).
  return out.filter((r) => !r.path.includes('*')).filter((r) => /^\/(api|v1|scim|docs)\//.test(r.path) || ['/healthz', '/readyz', '/metrics', '/docs', '/openapi.json'].includes(r.path));
}

/** The discovered wildcard routes Fastify does not serve (fastifyRoutes cannot list them): should be []. */
export function wildcardRoutesNotServed(t: TestApp, routes: { method: string; path: string }[]): string[] {
  const fastify = t.app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  return routes.filter((r) => r.path.includes('*') && !fastify.hasRoute({ method: r.method as 'GET', url: r.path })).map((r) => `${r.method} ${r.path}`);
}

/** A route path with its params filled (unknown ids by default: nothing found, nothing changed). */
export function fillPath(route: DiscoveredRoute, values: Record<string, string> = {}): string {
  return route.path.replace(/:([A-Za-z0-9_]+)(\|:[A-Za-z0-9_]+)*/g, (_, name: string) => encodeURIComponent(values[name] ?? (name === 'number' ? '999999' : name === 'token' ? 'not-a-real-token-0000000000' : randomUUID())));
}

export interface Principal {
  label: string;
  headers(method: string): Record<string, string>;
}

export interface Minted {
  userId: string;
  email: string;
  cookie: string;
  csrfToken: string;
  principal: Principal;
}

/** Creates a user with a password (argon2id, as the product does). */
export async function createUser(t: TestApp, opts: { organizationId?: string; email: string; role: Role; password?: string; name?: string; groups?: string[] }) {
  const organizationId = opts.organizationId ?? (await t.prisma.organization.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
  return t.prisma.user.create({
    data: {
      organizationId,
      email: opts.email,
      name: opts.name ?? opts.email.split('@')[0]!,
      role: opts.role,
      groups: opts.groups ?? [],
      passwordHash: opts.password ? await hashPassword(opts.password) : null,
    },
  });
}

/**
 * A server-side session for the user, made by the product's own SessionService (no sign-in round
 * trip: the per-address sign-in limit is for people, not for a test that needs hundreds).
 */
export async function mintSession(t: TestApp, user: { id: string; organizationId: string; email: string }, label = user.email): Promise<Minted> {
  const s = await t.app.get(SessionService).create(user, { ip: '127.0.0.1', userAgent: 'test' });
  const cookie = `__Host-airlock_session=${s.token}`;
  return {
    userId: user.id,
    email: user.email,
    cookie,
    csrfToken: s.csrfToken,
    principal: {
      label,
      headers: (method) => ({ cookie, ...(['GET', 'HEAD'].includes(method) ? {} : { 'x-csrf-token': s.csrfToken }) }),
    },
  };
}

/** A password sign-in waiting for its second factor (the MFA pending cookie), made by the product's own service. */
export async function mintPending(t: TestApp, user: { id: string; organizationId: string }, label = 'mfa pending'): Promise<Principal> {
  const { token } = await t.app.get(PendingSignInService).create(user);
  const cookie = `__Host-airlock_mfa=${token}`;
  return { label, headers: () => ({ cookie }) };
}

export function bearer(label: string, key: string): Principal {
  return { label, headers: () => ({ authorization: `Bearer ${key}` }) };
}

export const anonymous: Principal = { label: 'anonymous', headers: () => ({}) };

/** The one error envelope: { error: { code, message, details? } } and nothing else at the top. */
export function isErrorEnvelope(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error') return false;
  const e = (body as { error: unknown }).error;
  if (!e || typeof e !== 'object') return false;
  const err = e as Record<string, unknown>;
  return typeof err.code === 'string' && err.code.length > 0 && typeof err.message === 'string' && Object.keys(err).every((k) => ['code', 'message', 'details'].includes(k));
}

/** SCIM's error format (RFC 7644 3.12), which /scim answers with instead of the envelope. */
export function isScimError(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  return (
    Array.isArray(b.schemas) &&
    b.schemas.length === 1 &&
    b.schemas[0] === 'urn:ietf:params:scim:api:messages:2.0:Error' &&
    typeof b.status === 'string' &&
    /^[45]\d\d$/.test(b.status) &&
    typeof b.detail === 'string' &&
    Object.keys(b).every((k) => ['schemas', 'status', 'scimType', 'detail'].includes(k))
  );
}

/** The error body a route must answer with: SCIM's format under /scim, the one envelope everywhere else. */
export function isErrorBodyFor(path: string, body: unknown): boolean {
  if (path.startsWith('/v1/data/')) return isOpaError(body);
  return path.startsWith('/scim/') ? isScimError(body) : isErrorEnvelope(body);
}

/** OPA's error format ({"code", "message", "errors"?}), which the OPA-compatible /v1/data API answers with. */
export function isOpaError(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const e = body as Record<string, unknown>;
  return typeof e.code === 'string' && e.code.length > 0 && typeof e.message === 'string' && Object.keys(e).every((k) => ['code', 'message', 'errors'].includes(k));
}

/**
 * A response's body as text; a server-sent events stream (`GET /v1/bundle/events`) never ends, so
 * only its headers are read and the stream is cancelled.
 */
export async function bodyText(res: Response): Promise<string> {
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await res.body?.cancel();
    return '';
  }
  return res.text();
}

/** Signs of a leaked stack trace or internal detail in a response body. */
export function leaksInternals(text: string): boolean {
  return /\n\s+at [\w$.<>]+ \(|node_modules|\/work\/|apps\/api\/src|PrismaClient|prisma\.[a-z]+\.|Invalid `|SELECT .* FROM|TypeError:|ReferenceError:/.test(text);
}

export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
