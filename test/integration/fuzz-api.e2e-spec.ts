/**
 * Property-based fuzzing of every endpoint (discovered from the running app) with fast-check:
 * malformed JSON, wrong types, huge strings within and beyond the body limits, unknown fields,
 * odd unicode (lone surrogates, bidi marks, NUL), bad ids and bad list queries. Properties:
 * no 5xx, ever; every error in the one envelope { error: { code, message } }; a body over the
 * limit is 413; a body with an unknown field is never accepted (no mass assignment).
 * Requests carry valid credentials (an owner session, the bootstrap key) so that they get past
 * the guard and reach validation; a fixed seed keeps runs reproducible.
 */
import { randomUUID } from 'node:crypto';
import { OPERATIONS } from '../../apps/api/src/openapi/operations';
import fc from 'fast-check';
import { BODY_LIMITS } from '../../apps/api/src/server';
import { FILE_MAX_BYTES_DEFAULT, GATEWAY_MAX_BODY_DEFAULT } from '../../apps/api/src/config/config';
import { anonymous, bearer, bodyText, type DiscoveredRoute, discoverRoutes, isErrorBodyFor, leaksInternals, mintPending, mintSession, type Minted, type Principal } from '../support/security';
import { ApiKeyRegistry } from '../../apps/api/src/modules/api-clients/api-key-registry.service';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

const SEED = 20261129;
/** SCIM routes take only a key of a client with the scim scope (alone), made in beforeAll. */
const SCIM_KEY = 'ak_fuzz_scim_key_0123456789abcdef';
/** The guardrail endpoints need the `gateway` scope (the bootstrap key has the others). */
const GATEWAY_KEY = 'ak_fuzz_gateway_key_0123456789abcdef';
const WORKERS = 4;
const RUNS_PER_WORKER = 2600;

/** Strings that make parsers, validators and databases unhappy. */
const NASTY = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e\u202dltr-rtl',
  '\u200f\u200e',
  '\ufeff',
  'e\u0301\u0301\u0301',
  '💥🧨',
  '\\',
  '"',
  "'; DROP TABLE \"User\"; --",
  '<script>alert(1)</script>',
  '${7*7}',
  '../../etc/passwd',
  '%00',
  '%',
  '__proto__',
  'constructor',
  ' ',
  '',
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
];

/** No URL-shaped strings: nothing generated here may make the API call out (webhooks, SSO discovery). */
const safe = (s: string) => s.replace(/:\/\//g, ':/');

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }).map(safe) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }).map(safe) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY), fc.string({ maxLength: 10 })).map(([a, b]) => safe(a + b + a)) },
);

const FIELD_NAMES = [
  'name', 'email', 'password', 'role', 'groups', 'disabled', 'scopes', 'cidrs', 'description', 'effect', 'message', 'priority', 'conditions', 'exceptions',
  'slug', 'domains', 'status', 'reason', 'token', 'currentPassword', 'newPassword', 'issuer', 'clientId', 'clientSecret', 'roleMappings', 'action',
  'destination', 'content', 'context', 'subject', 'items', 'patterns', 'kind', 'dataClass', 'sample', 'title', 'body', 'done', 'overlapHours', 'expiresAt',
  'note', 'id', 'createdAt', 'organizationId', 'passwordHash', 'isAdmin',
];

const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), nastyString), tie('value'), { maxKeys: 4 }),
  ),
})).value;

type Body = { kind: 'none' } | { kind: 'raw'; text: string; contentType: string | null; tag: string } | { kind: 'sized'; bytes: number; overLimit: boolean };

const contentTypes = fc.constantFrom<string | null>('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', null);

const bodyArb = (route: DiscoveredRoute): fc.Arbitrary<Body> => {
  const limit =
    route.path === '/v1/decisions/batch'
      ? BODY_LIMITS.batch
      : route.path === '/v1/decisions/report'
        ? BODY_LIMITS.report
        : route.path === '/v1/decisions' || route.path === '/api/policy/simulate' || route.path.startsWith('/v1/data/airlock/')
          ? BODY_LIMITS.decision
          : /^\/(gateway\/|v[12]\/guard)/.test(route.path)
            ? GATEWAY_MAX_BODY_DEFAULT
            : route.path === '/v1/decisions/file'
              ? FILE_MAX_BYTES_DEFAULT
              : BODY_LIMITS.default;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    // Malformed JSON: a prefix of a valid document, or garbage.
    {
      weight: 3,
      arbitrary: fc
        .tuple(jsonish, fc.nat(), contentTypes)
        .map(([v, cut, ct]): Body => {
          const text = JSON.stringify(v) ?? 'undefined';
          return { kind: 'raw', text: text.slice(0, Math.max(0, text.length - 1 - (cut % Math.max(1, text.length)))) + (cut % 3 === 0 ? '}' : ''), contentType: ct, tag: 'malformed' };
        }),
    },
    // Wrong types: any JSON value where an object is expected, with the usual field names.
    { weight: 5, arbitrary: fc.tuple(jsonish, contentTypes).map(([v, ct]): Body => ({ kind: 'raw', text: JSON.stringify(v) ?? 'null', contentType: ct, tag: 'wrong-types' })) },
    // Unknown fields.
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.dictionary(fc.constantFrom(...FIELD_NAMES), jsonish, { maxKeys: 3 }), fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !FIELD_NAMES.includes(k) && k !== '__proto__'))
        .map(([known, extra]): Body => ({ kind: 'raw', text: JSON.stringify({ ...known, [`zz_${extra}`]: 1 }), contentType: 'application/json', tag: 'unknown-field' })),
    },
    // Huge: within the route's body limit, or beyond it (the batch route's 16 MB is left to a few fixed cases).
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.boolean(), fc.integer({ min: 1, max: 64 * 1024 }))
        .filter(([over]) => !over || limit <= BODY_LIMITS.decision)
        .map(([over, extra]): Body => ({ kind: 'sized', bytes: over ? limit + extra : Math.max(16, limit - 1024 - extra), overLimit: over })),
    },
  );
};

const idArb = (realIds: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realIds) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 4, arbitrary: nastyString },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '99999999999999999999', '1.5', 'x'.repeat(250), `${randomUUID()}x`, randomUUID().toUpperCase()) },
  );

const queryArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc
      .record(
        {
          sort: fc.oneof(fc.constant('["name","ASC"]'), fc.constant('["createdAt","desc"]'), jsonish.map((v) => JSON.stringify(v) ?? ''), nastyString),
          range: fc.oneof(fc.constant('[0,9]'), fc.tuple(fc.integer(), fc.integer()).map((r) => JSON.stringify(r)), jsonish.map((v) => JSON.stringify(v) ?? ''), nastyString),
          filter: fc.oneof(fc.constant('{}'), fc.constant('{"q":"\\u0000"}'), jsonish.map((v) => JSON.stringify(v) ?? ''), nastyString),
          [`zz${'_'}`]: nastyString,
        },
        { requiredKeys: [] },
      )
      .map((q) => {
        const parts: string[] = [];
        for (const [k, v] of Object.entries(q)) {
          try {
            parts.push(`${k}=${encodeURIComponent(v)}`);
          } catch {
            parts.push(`${k}=%EF%BF%BD`);
          }
        }
        return parts.length ? `?${parts.join('&')}` : '';
      }),
  },
);

function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    // A lone surrogate cannot be percent-encoded as UTF-8; send the replacement character's bytes.
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

describe('fuzzing every endpoint', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let realIds: string[];
  let owner: Minted;
  let pending: Principal;
  let ownerRow: { id: string; organizationId: string; email: string };

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_TRUST_PROXY: 'true', AIRLOCK_RATE_LIMIT_PER_IP: '1000000' });
    routes = discoverRoutes(t).filter((r) => r.rule);
    const p = t.prisma;
    ownerRow = await p.user.findFirstOrThrow({ where: { role: 'owner' } });
    owner = await mintSession(t, ownerRow);
    pending = await mintPending(t, ownerRow);
    realIds = [
      (await p.provider.findFirstOrThrow()).id,
      (await p.policyRule.findFirstOrThrow()).id,
      (await p.networkZone.findFirstOrThrow()).id,
      (await p.dataClass.findFirstOrThrow()).id,
      // A client of its own: the fuzzer may revoke or rotate it; the bootstrap key must keep working.
      (await p.apiClient.create({ data: { organizationId: ownerRow.organizationId, name: 'fuzz-client', scopes: ['decide'] } })).id,
      (await p.policyVersion.findFirstOrThrow()).id,
      (await p.auditEvent.findFirstOrThrow()).id,
      (await p.group.create({ data: { organizationId: ownerRow.organizationId, name: 'fuzz-group' } })).id,
      (await p.user.create({ data: { organizationId: ownerRow.organizationId, email: 'fuzz@example.com', name: 'Fuzz', role: 'analyst' } })).id,
      '1',
    ];
    const scimClient = await p.apiClient.create({ data: { organizationId: ownerRow.organizationId, name: 'fuzz-scim', scopes: ['scim'] } });
    await p.apiKey.create({ data: { organizationId: ownerRow.organizationId, apiClientId: scimClient.id, prefix: SCIM_KEY.slice(0, 11), keyHash: sha256Hex(SCIM_KEY) } });
    const gatewayClient = await p.apiClient.create({ data: { organizationId: ownerRow.organizationId, name: 'fuzz-gateway', scopes: ['gateway'] } });
    await p.apiKey.create({ data: { organizationId: ownerRow.organizationId, apiClientId: gatewayClient.id, prefix: GATEWAY_KEY.slice(0, 11), keyHash: sha256Hex(GATEWAY_KEY) } });
    await t.app.get(ApiKeyRegistry).reload();
  });

  afterAll(async () => {
    await t?.close();
  });

  const principalFor = (route: DiscoveredRoute): Principal => {
    switch (route.rule!.kind) {
      case 'public':
        return anonymous;
      case 'api_key':
        return route.rule!.scope === 'scim' ? bearer('scim key', SCIM_KEY) : route.rule!.scope === 'gateway' ? bearer('gateway key', GATEWAY_KEY) : bearer('bootstrap key', BOOTSTRAP_KEY);
      case 'session':
      case 'session_or_api_key':
        return owner.principal;
      case 'mfa_pending':
        return pending;
    }
  };

  test('no 5xx, every error in the envelope, 413 beyond the body limit, unknown fields never accepted', async () => {
    const started = Date.now();
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    const byTag = new Map<string, number>();
    let requests = 0;
    let sessionsMinted = 1;
    let knownFrameworkErrors = 0;

    const requestArb = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        ids: fc.array(idArb(realIds), { minLength: route.params.length, maxLength: route.params.length }),
        query: queryArb,
        body: ['GET', 'HEAD'].includes(route.method) ? fc.constant<Body>({ kind: 'none' }) : bodyArb(route),
      }),
    );

    const fire = async ({ route, ids, query, body }: { route: DiscoveredRoute; ids: string[]; query: string; body: Body }) => {
      let i = 0;
      const path = route.path.replace(/:([A-Za-z0-9_]+)(\|:[A-Za-z0-9_]+)*/g, () => encodeSegment(ids[i++] ?? 'x'));
      const headers: Record<string, string> = { ...principalFor(route).headers(route.method), 'x-forwarded-for': `100.64.${(requests >> 8) & 255}.${requests & 255}` };
      let payload: string | Buffer | undefined;
      let tag = 'no-body';
      if (body.kind === 'raw') {
        payload = body.text;
        tag = body.tag;
        if (body.contentType) headers['content-type'] = body.contentType;
      } else if (body.kind === 'sized') {
        tag = body.overLimit ? 'over-limit' : 'near-limit';
        // Exactly body.bytes long: {"name":""} is 11 bytes.
        payload = JSON.stringify({ name: 'x'.repeat(Math.max(0, body.bytes - 11)) });
        headers['content-type'] = 'application/json';
      }
      requests += 1;
      byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
      const res = await fetch(t.url + path + query, { method: route.method, headers, body: payload, redirect: 'manual' });
      const text = await bodyText(res);
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      const where = () => `${route.method} ${path.slice(0, 120)}${query.slice(0, 120)} [${tag}${payload !== undefined ? `, ${String(payload).slice(0, 80)}` : ''}] -> ${res.status} ${text.slice(0, 200)}`;
      // Known bug outside auth (reported; test.failing in security-hardening.e2e-spec.ts): Fastify's
      // router answers some malformed URLs (a path parameter over 200 characters: 414) in its own
      // body. Counted apart, so that a new failure of any other kind still fails this test.
      if (res.status === 414 && text.includes('"FST_ERR_MAX_PARAM_LENGTH"')) {
        knownFrameworkErrors += 1;
        return;
      }
      if (res.status >= 500) failures.push(where());
      if (res.status >= 400) {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON
        }
        if (!isErrorBodyFor(route.path, parsed)) failures.push(`not the envelope (SCIM's error format under /scim): ${where()}`);
        if (leaksInternals(text)) failures.push(`leaks internals: ${where()}`);
      }
      // A path the router refuses (a parameter over 200 characters: 414; a segment that matches no
      // route: 404) is answered before any body is read, so those need not be 413.
      const refusedPath = res.status === 414 || (res.status === 404 && text.includes('No such endpoint'));
      // SAML's HTTP-POST endpoints are browser navigations: their refusals, 413 included, are a 303
      // to the sign-in page that says why (common/error.filter.ts).
      const ssoRefusal = res.status === 303 && (res.headers.get('location') ?? '').endsWith('/#/login?sso_error=payload_too_large');
      if (tag === 'over-limit' && res.status !== 413 && res.status !== 401 && res.status !== 403 && !refusedPath && !ssoRefusal) failures.push(`over the limit but not 413: ${where()}`);
      if (tag === 'unknown-field' && route.takesBody && res.status < 300 && (headers['content-type'] ?? '').startsWith('application/json')) failures.push(`unknown field accepted: ${where()}`);
      // An allowed fuzz request may have ended the owner's session (logout): start a new one.
      if (res.status === 401 && route.rule!.kind === 'session' && !['/api/auth/password'].includes(route.path)) {
        const check = await fetch(`${t.url}/api/auth/me`, { headers: { cookie: owner.cookie } });
        if (check.status === 401) {
          owner = await mintSession(t, ownerRow);
          sessionsMinted += 1;
        }
      }
    };

    await Promise.all(
      Array.from({ length: WORKERS }, (_, w) =>
        fc.assert(
          fc.asyncProperty(requestArb, async (req) => {
            await fire(req);
            return true;
          }),
          { seed: SEED + w, numRuns: RUNS_PER_WORKER, endOnFailure: true },
        ),
      ),
    );

    // The batch route's 16 MB limit, a few times rather than thousands.
    for (const batch of routes.filter((r) => r.path === '/v1/decisions/batch')) {
      for (let k = 0; k < 2; k++) {
        await fire({ route: batch, ids: [], query: '', body: { kind: 'sized', bytes: BODY_LIMITS.batch + 1024 * (k + 1), overLimit: true } });
      }
    }

    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${requests} generated requests over ${routes.length} routes in ${seconds.toFixed(1)} s (seed ${SEED}, ${WORKERS} workers); ` +
        `by kind: ${[...byTag].map(([k, v]) => `${k} ${v}`).join(', ')}; by status: ${[...byStatus].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s} x${c}`).join(', ')}; ` +
        `${failures.length} failures; ${knownFrameworkErrors} known framework-error bodies (414, reported); owner sessions minted: ${sessionsMinted}`,
    );
    expect(requests).toBeGreaterThanOrEqual(10_000);
    expect(failures.slice(0, 25)).toEqual([]);
  }, 300_000);

  test('a body with an unknown field is refused by every route that reads a body (no mass assignment)', async () => {
    const withBody = routes.filter((r) => r.takesBody);
    // The fuzz run above may have outlived the pending sign-in (5 minutes): a fresh one.
    pending = await mintPending(t, ownerRow);
    expect(withBody.length).toBeGreaterThan(20);
    const accepted: string[] = [];
    // Routes that take multipart/form-data (a file) get the unknown field in their JSON part.
    const multipart = new Set(Object.entries(OPERATIONS).flatMap(([key, info]) => (info.consumes === 'multipart/form-data' ? [key] : [])));
    for (const route of withBody) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)(\|:[A-Za-z0-9_]+)*/g, () => randomUUID());
      const extra = { zz_not_a_field: true, organizationId: randomUUID() };
      let body: string | FormData = JSON.stringify(extra);
      const headers: Record<string, string> = { ...principalFor(route).headers(route.method), 'content-type': 'application/json' };
      if (multipart.has(`${route.method} ${route.path}`)) {
        body = new FormData();
        body.append('request', JSON.stringify({ destination: { host: 'chat.example' }, ...extra }));
        body.append('file', new Blob(['hello']), 'a.txt');
        delete headers['content-type'];
      }
      const res = await fetch(t.url + path, { method: route.method, headers, body });
      if (res.status !== 400) accepted.push(`${route.method} ${route.path} -> ${res.status} ${(await res.text()).slice(0, 120)}`);
    }
    expect(accepted).toEqual([]);
  });
});
