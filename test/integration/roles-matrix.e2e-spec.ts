/**
 * Route x role matrix. Every route is discovered from the running app (Nest's module container,
 * cross-checked against Fastify's own route table), so routes added later are covered without
 * touching this file. For each route and each principal the expected outcome follows from the
 * route's declared access rule and the PERMISSIONS table alone:
 * - not allowed: 401 for anonymous callers (or a credential of the wrong kind), 403 for a role
 *   without the permission or a key without the scope; never 2xx;
 * - allowed: neither 401 nor 403 (the request itself may still be a 400/404: ids are unknown, and
 *   bodies are empty so nothing is changed by accident), and never 5xx.
 */
import { randomUUID } from 'node:crypto';
import { PERMISSIONS, type Permission } from '../../apps/api/src/modules/auth/permissions';
import { ApiKeyRegistry } from '../../apps/api/src/modules/api-clients/api-key-registry.service';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import type { Role } from '../../apps/api/src/generated/prisma/enums';
import type { AccessRule } from '../../apps/api/src/modules/auth/access.decorators';
import { scopeMet } from '../../apps/api/src/modules/auth/auth-context';
import { anonymous, bearer, bodyText, createUser, type DiscoveredRoute, discoverRoutes, fastifyRoutes, fillPath, isErrorBodyFor, mintSession, type Principal } from '../support/security';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

/** SSO routes a browser navigates to: their refusals are redirects to the sign-in page. */
const SSO_NAVIGATION = /^\/api\/auth\/sso\/(start|callback|initiate|test)$/;

const ROLES: Role[] = ['owner', 'admin', 'analyst', 'auditor', 'employee'];

type Caller = { kind: 'anonymous' } | { kind: 'user'; role: Role } | { kind: 'key'; scopes: string[] };

function expected(rule: AccessRule, caller: Caller): 'allowed' | 401 | 403 {
  const roleHas = (role: Role, p: Permission) => (PERMISSIONS[p] as readonly Role[]).includes(role);
  switch (rule.kind) {
    case 'public':
      return 'allowed';
    case 'session':
      if (caller.kind !== 'user') return 401;
      return roleHas(caller.role, rule.permission) ? 'allowed' : 403;
    case 'api_key':
      if (caller.kind !== 'key') return 401;
      return scopeMet(caller.scopes, rule.scope) ? 'allowed' : 403;
    case 'session_or_api_key':
      if (caller.kind === 'anonymous') return 401;
      if (caller.kind === 'key') return scopeMet(caller.scopes, rule.scope) ? 'allowed' : 403;
      return roleHas(caller.role, rule.permission) ? 'allowed' : 403;
    case 'mfa_pending':
      // The second step of a sign-in: only a pending sign-in's cookie, which no principal here has.
      return 401;
  }
}

describe('route x role matrix', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  const callers: { caller: Caller; principal: () => Promise<Principal> }[] = [];

  beforeAll(async () => {
    // Distinct client addresses per request (X-Forwarded-For, trusted here) keep the per-address
    // limits out of the way: this test is about permissions, security.e2e-spec.ts about limits.
    t = await startTestApp({ AIRLOCK_TRUST_PROXY: 'true' });
    routes = discoverRoutes(t);
    const org = await t.prisma.organization.findFirstOrThrow();
    for (const role of ROLES) {
      const user = role === 'owner' ? await t.prisma.user.findFirstOrThrow({ where: { role: 'owner' } }) : await createUser(t, { email: `${role}@matrix.test`, role });
      // A fresh session for every request: some allowed requests end it (logout).
      callers.push({ caller: { kind: 'user', role }, principal: async () => (await mintSession(t, user, role)).principal });
    }
    callers.push({ caller: { kind: 'anonymous' }, principal: async () => anonymous });
    const keys: { label: string; scopes: string[]; key: string }[] = [
      { label: 'api key without scopes', scopes: [], key: `ak_matrix_noscope_${randomUUID()}` },
      { label: 'api key with scope bundle', scopes: ['bundle'], key: `ak_matrix_bundle_${randomUUID()}` },
      { label: 'api key with scope extension', scopes: ['extension'], key: `ak_matrix_extension_${randomUUID()}` },
    ];
    for (const k of keys) {
      const client = await t.prisma.apiClient.create({ data: { organizationId: org.id, name: k.label, scopes: k.scopes } });
      await t.prisma.apiKey.create({ data: { organizationId: org.id, apiClientId: client.id, prefix: k.key.slice(0, 11), keyHash: sha256Hex(k.key) } });
      callers.push({ caller: { kind: 'key', scopes: k.scopes }, principal: async () => bearer(k.label, k.key) });
    }
    await t.app.get(ApiKeyRegistry).reload();
    callers.push({ caller: { kind: 'key', scopes: ['decide', 'bundle', 'incidents:write'] }, principal: async () => bearer('api key with every scope', BOOTSTRAP_KEY) });
  });

  afterAll(async () => {
    await t?.close();
  });

  test('every route declares an access rule', () => {
    const undeclared = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(undeclared).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  test('the walk over Nest finds every API route Fastify serves', () => {
    const nest = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const served = fastifyRoutes(t);
    // find-my-way prints two param names at one position as ":id|:number"; either spelling counts.
    const variants = (path: string) => {
      const m = /(:[A-Za-z0-9_]+(?:\|:[A-Za-z0-9_]+)+)/.exec(path);
      return m ? m[1]!.split('|').map((alt) => path.replace(m[1]!, alt)) : [path];
    };
    const missing = served.filter((r) => !variants(r.path).some((v) => nest.has(`${r.method} ${v}`)));
    expect(served.length).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  test('a user with a second factor and no fresh one in the session gets 403 step_up_required on every @StepUp route they may call', async () => {
    const stepUpRoutes = routes.filter((r) => r.stepUp);
    expect(stepUpRoutes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/api-clients', 'POST /api/api-clients/:id/rotate', 'PUT /api/sso-connection', 'DELETE /api/auth/mfa/passkeys/:id', 'DELETE /api/auth/mfa/totp']),
    );
    const owner = await createUser(t, { email: 'owner-with-mfa@matrix.test', role: 'owner' });
    await t.prisma.user.update({ where: { id: owner.id }, data: { mfaEnabled: true } });
    const wrong: string[] = [];
    let ip = 0;
    for (const route of stepUpRoutes) {
      const s = await mintSession(t, owner);
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
      const res = await fetch(t.url + fillPath(route), {
        method: route.method,
        headers: { ...s.principal.headers(route.method), 'x-forwarded-for': `198.19.0.${++ip}`, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
        body: hasBody ? '{}' : undefined,
      });
      const body = (await res.json()) as { error?: { code: string } };
      if (res.status !== 403 || body.error?.code !== 'step_up_required') wrong.push(`${route.method} ${route.path}: ${res.status} ${JSON.stringify(body).slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  test('each route answers each principal as its access rule and the role table say', async () => {
    const started = Date.now();
    const pairs = routes.filter((r) => r.rule).flatMap((route) => callers.map((c) => ({ route, ...c })));
    const failures: string[] = [];
    const tally = { allowed: 0, 401: 0, 403: 0 };
    let next = 0;
    let ip = 0;
    const worker = async () => {
      while (next < pairs.length) {
        const { route, caller, principal } = pairs[next++]!;
        const want = expected(route.rule!, caller);
        const p = await principal();
        const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
        ip += 1;
        const res = await fetch(t.url + fillPath(route), {
          method: route.method,
          redirect: 'manual',
          headers: { ...p.headers(route.method), 'x-forwarded-for': `198.18.${(ip >> 8) & 255}.${ip & 255}`, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
          body: hasBody ? '{}' : undefined,
        });
        const text = await bodyText(res);
        const where = `${route.method} ${route.path} as ${p.label}: expected ${want}, got ${res.status} ${text.slice(0, 160)}`;
        if (res.status >= 500) failures.push(where);
        else if (want === 'allowed') {
          if (res.status === 401 || res.status === 403) failures.push(where);
        } else if (res.status === 302 && SSO_NAVIGATION.test(route.path)) {
          // A browser navigation (the SSO test sign-in opens in a popup) is refused with a redirect to
          // the sign-in page that says why, not with JSON (common/error.filter.ts).
          const code = want === 401 ? 'unauthenticated' : 'forbidden';
          if (!(res.headers.get('location') ?? '').endsWith(`/#/login?sso_error=${code}`)) failures.push(`${where} -> ${res.headers.get('location')}`);
        } else {
          if (res.status !== want) failures.push(where);
          else if (!isErrorBodyFor(route.path, JSON.parse(text))) failures.push(`${where} (not the error envelope, or SCIM's error under /scim)`);
        }
        tally[want] += 1;
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    console.log(
      `route x role matrix: ${pairs.length} route x principal pairs checked (${routes.length} routes x ${callers.length} principals; ` +
        `${tally.allowed} allowed, ${tally[401]} expected 401, ${tally[403]} expected 403) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(failures).toEqual([]);
    // Over 1,200 pairs: more than jest's default minute on a busy two-core machine.
  }, 240_000);
});
