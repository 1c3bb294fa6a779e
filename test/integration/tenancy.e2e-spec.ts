/**
 * Tenant isolation. A second organization (B) gets one of everything; then every route with an id
 * in its path (discovered from the running app, so new modules are covered) is tried with the other
 * organization's ids and credentials, in both directions: 404 (or a 4xx before any lookup), never
 * data and never a change. Lists never show the other's rows, and the decision API with B's key
 * never sees A's policy.
 */
import { randomUUID } from 'node:crypto';
import { PolicyService } from '../../apps/api/src/modules/policy/policy.service';
import { ApiKeyRegistry } from '../../apps/api/src/modules/api-clients/api-key-registry.service';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { createUser, type DiscoveredRoute, discoverRoutes, mintSession, type Minted } from '../support/security';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

const MARKER = 'TENANT-B-MARKER';
/** Path params that are ids of rows (the others, a version number or a status token, are not tenant ids). */
const ID_PARAMS = (name: string) => name === 'id' || name.endsWith('Id');
/**
 * Bodies that pass validation, for the routes where `{}` is refused before the row is looked up, so
 * the attempt reaches the organization check. Other routes get `{}`; a route missing here still
 * must not answer with data, but its 400 proves less: add it.
 */
const VALID_BODIES: Record<string, unknown> = {
  'PUT /api/tool-requests/:id': { status: 'rejected', resolutionNote: 'x' },
  'PUT /api/incidents/:id/tasks/:taskId': { done: true },
  'POST /api/providers/:id/block': { reason: 'x' },
  'POST /api/incidents/:id/comments': { body: 'x' },
  'POST /api/detectors/:id/test': { sample: 'x' },
};

describe('tenant isolation', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let ownerA: Minted;
  let ownerB: Minted;
  const keyB = `ak_tenant_b_${randomUUID()}`;
  let orgA: string;
  let orgB: string;
  const idsA: Record<string, string> = {};
  const idsB: Record<string, string> = {};

  /** Everything organization B owns, as rows, to compare before and after the attempts. */
  const snapshotB = async () => {
    const where = { organizationId: orgB };
    const p = t.prisma;
    return JSON.stringify(
      await Promise.all([
        p.provider.findMany({ where }),
        p.policyRule.findMany({ where }),
        p.networkZone.findMany({ where }),
        p.group.findMany({ where }),
        p.dataClass.findMany({ where }),
        p.customDetector.findMany({ where }),
        p.apiClient.findMany({ where }),
        // lastUsedAt is written in batches after a key is used (by this test's own setup too).
        p.apiKey.findMany({ where, omit: { lastUsedAt: true } }),
        p.incident.findMany({ where }),
        p.incidentTask.findMany({ where }),
        p.user.findMany({ where, select: { id: true, role: true, disabled: true, groups: true, name: true, passwordHash: true, updatedAt: true } }),
        p.toolRequest.findMany({ where }),
        p.webhook.findMany({ where }),
        p.policyException.findMany({ where }),
        p.policyVersion.findMany({ where, select: { id: true, number: true } }),
      ]),
    );
  };

  beforeAll(async () => {
    t = await startTestApp({ AIRLOCK_TRUST_PROXY: 'true' });
    routes = discoverRoutes(t);
    const p = t.prisma;
    const a = await p.organization.findFirstOrThrow();
    orgA = a.id;
    const ownerRowA = await p.user.findFirstOrThrow({ where: { organizationId: orgA, role: 'owner' } });
    ownerA = await mintSession(t, ownerRowA, 'owner A');
    idsA.user = ownerRowA.id;
    idsA.provider = (await p.provider.findFirstOrThrow({ where: { organizationId: orgA } })).id;
    idsA.rule = (await p.policyRule.findFirstOrThrow({ where: { organizationId: orgA } })).id;
    idsA.zone = (await p.networkZone.findFirstOrThrow({ where: { organizationId: orgA } })).id;
    idsA.dataClass = (await p.dataClass.findFirstOrThrow({ where: { organizationId: orgA } })).id;
    idsA.apiClient = (await p.apiClient.findFirstOrThrow({ where: { organizationId: orgA } })).id;
    idsA.apiKey = (await p.apiKey.findFirstOrThrow({ where: { organizationId: orgA } })).id;
    idsA.policyVersion = (await p.policyVersion.findFirstOrThrow({ where: { organizationId: orgA } })).id;
    idsA.group = (await p.group.create({ data: { organizationId: orgA, name: 'a-group' } })).id;
    idsA.detector = (await p.customDetector.create({ data: { organizationId: orgA, name: 'a-detector', kind: 'keywords', dataClass: 'company_confidential', patterns: ['project a'] } })).id;

    // Organization B, with one of everything.
    const b = await p.organization.create({ data: { name: 'Tenant B', slug: 'tenant-b' } });
    orgB = b.id;
    const ownerRowB = await createUser(t, { organizationId: orgB, email: 'owner@tenant-b.test', role: 'owner', password: 'tenant b owner password' });
    ownerB = await mintSession(t, ownerRowB, 'owner B');
    idsB.user = ownerRowB.id;
    idsB.employee = (await createUser(t, { organizationId: orgB, email: 'employee@tenant-b.test', role: 'employee', name: `${MARKER} employee` })).id;
    const provider = await p.provider.create({
      data: { organizationId: orgB, slug: 'b-secret-ai', name: `${MARKER} Secret AI`, domains: ['secret-ai.tenant-b.test'], channels: ['web'], trainsOnInputs: 'no', status: 'approved', hqCountry: 'DE', dataCountries: ['DE'] },
    });
    idsB.provider = provider.id;
    idsB.rule = (await p.policyRule.create({ data: { organizationId: orgB, ruleId: 'tenant-b-rule', priority: 1, conditions: {}, exceptions: [], effect: 'warn', message: `${MARKER} rule` } })).id;
    idsB.zone = (await p.networkZone.create({ data: { organizationId: orgB, name: 'b-zone', description: MARKER, cidrs: ['192.168.77.0/24'] } })).id;
    idsB.group = (await p.group.create({ data: { organizationId: orgB, name: 'b-group', description: MARKER, ssoGroups: ['b'] } })).id;
    idsB.dataClass = (await p.dataClass.create({ data: { organizationId: orgB, key: 'b_class', name: `${MARKER} class` } })).id;
    idsB.detector = (await p.customDetector.create({ data: { organizationId: orgB, name: 'b-detector', description: MARKER, kind: 'keywords', dataClass: 'b_class', patterns: ['tenant b secret'] } })).id;
    const client = await p.apiClient.create({ data: { organizationId: orgB, name: `${MARKER} client`, scopes: ['decide', 'bundle', 'incidents:write'] } });
    idsB.apiClient = client.id;
    idsB.apiKey = (await p.apiKey.create({ data: { organizationId: orgB, apiClientId: client.id, prefix: keyB.slice(0, 11), keyHash: sha256Hex(keyB) } })).id;
    const now = new Date();
    const incident = await p.incident.create({
      data: { organizationId: orgB, number: 1, title: `${MARKER} incident`, severity: 'high', suggestedSeverity: 'high', source: 'analyst', awareAt: now, reportedAt: now, providerId: provider.id, statusTokenHash: sha256Hex(`b-status-${randomUUID()}`) },
    });
    idsB.incident = incident.id;
    idsB.incidentEvent = (await p.incidentEvent.create({ data: { organizationId: orgB, incidentId: incident.id, type: 'comment', actorLabel: MARKER, data: { text: MARKER } } })).id;
    idsB.incidentTask = (await p.incidentTask.create({ data: { organizationId: orgB, incidentId: incident.id, key: 'b-task', label: `${MARKER} task`, position: 0 } })).id;
    idsB.toolRequest = (await p.toolRequest.create({ data: { organizationId: orgB, requesterId: idsB.employee, toolName: `${MARKER} tool`, reason: MARKER } })).id;
    idsB.webhook = (await p.webhook.create({ data: { organizationId: orgB, name: `${MARKER} hook`, url: 'https://hooks.tenant-b.test/x', secret: 'b-webhook-secret', events: ['incident.created'] } })).id;
    idsB.exception = (
      await p.policyException.create({
        data: { organizationId: orgB, subjectGroup: 'b-group', providerId: provider.id, reason: `${MARKER} exception`, expiresAt: new Date(Date.now() + 86_400_000), createdByLabel: MARKER },
      })
    ).id;
    const published = await t.app.get(PolicyService).publish(orgB, { type: 'system', id: null, label: 'test' }, `${MARKER} policy`);
    idsB.policyVersion = (await p.policyVersion.findFirstOrThrow({ where: { organizationId: orgB, number: published.number } })).id;
    idsB.auditEvent = (await p.auditEvent.findFirstOrThrow({ where: { organizationId: orgB } })).id;
    await t.app.get(ApiKeyRegistry).reload();
    // Wait for the policy runtime to load B's first version (NOTIFY, or the 1 s poll).
    for (let i = 0; i < 50; i++) {
      if ((await t.decide({ action: 'access', destination: { provider: 'b-secret-ai' } }, keyB)).status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  const send = async (session: Minted, method: string, path: string, n: number, body: unknown = {}) => {
    const hasBody = !['GET', 'HEAD', 'DELETE'].includes(method);
    const res = await fetch(t.url + path, {
      method,
      headers: { ...session.principal.headers(method), 'x-forwarded-for': `198.19.${(n >> 8) & 255}.${n & 255}`, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      body: hasBody ? JSON.stringify(body) : undefined,
      // The answer of this server is what is judged: a redirect (GET /api/auth/sso/test starts a
      // sign-in, or sends the browser back to the console's public URL) is not followed.
      redirect: 'manual',
    });
    return { status: res.status, text: await res.text() };
  };

  test("every route with an id, tried with the other organization's ids: never data, never a change", async () => {
    const started = Date.now();
    // Session routes: API-key routes (SCIM) answer for the key's organization, tried in scim.e2e-spec.ts.
    const byId = routes.filter((r) => r.params.some(ID_PARAMS) && r.rule?.kind !== 'public' && r.rule?.kind !== 'api_key');
    expect(byId.length).toBeGreaterThan(20);
    // B's key was used in beforeAll: write its last use now, not in the middle of this test (the
    // registry flushes every 15 s, and a slow machine can take longer than that here).
    await t.app.get(ApiKeyRegistry).flushUsage();
    const before = await snapshotB();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let pairs = 0;
    const attempts: { session: Minted; route: DiscoveredRoute; path: string; foreign: string[] }[] = [];
    for (const [session, foreign] of [
      [ownerA, idsB],
      [ownerB, idsA],
    ] as const) {
      for (const route of byId) {
        for (const id of Object.values(foreign)) {
          // Every id param gets the other organization's ids (a key id of B for :keyId, and so on).
          const path = route.path.replace(/:([A-Za-z0-9_]+)(\|:[A-Za-z0-9_]+)*/g, (_, name: string) => {
            if (!ID_PARAMS(name)) return name === 'number' ? '1' : 'x';
            if (name === 'keyId') return foreign.apiKey!;
            if (name === 'taskId') return foreign.incidentTask ?? id;
            return id;
          });
          attempts.push({ session, route, path, foreign: Object.values(foreign) });
        }
      }
    }
    let next = 0;
    const worker = async () => {
      while (next < attempts.length) {
        const n = next++;
        const { session, route, path, foreign } = attempts[n]!;
        const known = VALID_BODIES[`${route.method} ${route.path}`];
        const { status, text } = await send(session, route.method, path, n, known ?? {});
        pairs += 1;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const where = `${route.method} ${path} as ${session.principal.label}: ${status} ${text.slice(0, 200)}`;
        if (status < 400 || status >= 500) failures.push(where);
        else if (foreign.some((id) => text.includes(id)) || text.includes(MARKER) || text.includes('tenant-b')) failures.push(`${where} (leaks the other organization)`);
        else if (![400, 404, 409, 422].includes(status) || (known !== undefined && status !== 404)) failures.push(where);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(failures).toEqual([]);
    expect(await snapshotB()).toBe(before);
    const notFound = statuses.get(404) ?? 0;
    console.log(
      `tenant isolation: ${pairs} cross-tenant (route, foreign id) requests tried on ${byId.length} routes in both directions: ` +
        `${[...statuses].map(([s, c]) => `${c} x ${s}`).join(', ')}; 0 answered with the other organization's data; in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(notFound / pairs).toBeGreaterThan(0.8);
    // About 1,900 requests: over jest's default minute on a busy two-core machine.
  }, 240_000);

  test("lists never return the other organization's rows, even when asked for its ids", async () => {
    const lists = routes.filter((r) => r.method === 'GET' && r.params.length === 0 && r.path.startsWith('/api/') && r.rule?.kind === 'session');
    let checked = 0;
    const failures: string[] = [];
    for (const [session, foreign, markers] of [
      [ownerA, idsB, [MARKER, 'tenant-b']],
      [ownerB, idsA, ['owner@airlock.test', 'corporate', 'deepseek']],
    ] as const) {
      for (const route of lists) {
        for (const query of ['', `?filter=${encodeURIComponent(JSON.stringify({ id: Object.values(foreign) }))}`]) {
          const { status, text } = await send(session, 'GET', route.path + query, checked);
          checked += 1;
          if (status >= 500) failures.push(`${route.path}${query} as ${session.principal.label}: ${status}`);
          if (Object.values(foreign).some((id) => text.includes(id)) || markers.some((m) => text.includes(m))) {
            failures.push(`${route.path}${query} as ${session.principal.label} shows the other organization: ${text.slice(0, 200)}`);
          }
        }
      }
    }
    console.log(`tenant isolation: ${checked} list requests (${lists.length} list routes, both organizations, with and without the other's ids as filter) showed none of the other's rows`);
    expect(failures).toEqual([]);
  });

  test("the decision API with B's key sees B's policy and catalog only, and A's key never B's", async () => {
    const asB = (await (await t.decide({ action: 'access', destination: { provider: 'deepseek' } }, keyB)).json()) as any;
    expect(asB.provider).toBeNull();
    expect(asB.reasons.map((r: { ruleId: string }) => r.ruleId)).toEqual(['tenant-b-rule']);
    const bProvider = (await (await t.decide({ action: 'access', destination: { provider: 'b-secret-ai' } }, keyB)).json()) as any;
    expect(bProvider.provider).toMatchObject({ slug: 'b-secret-ai' });

    const asA = await t.decide({ action: 'access', destination: { provider: 'b-secret-ai' } }, BOOTSTRAP_KEY);
    const textA = await asA.text();
    expect(asA.status).toBe(200);
    expect(textA).not.toContain(MARKER);
    expect(textA).not.toContain('tenant-b-rule');
    expect(JSON.parse(textA).provider).toBeNull();
    const aDeepseek = (await (await t.decide({ action: 'access', destination: { provider: 'deepseek' } }, BOOTSTRAP_KEY)).json()) as any;
    expect(aDeepseek.provider).toMatchObject({ slug: 'deepseek' });
    expect(aDeepseek.reasons.map((r: { ruleId: string }) => r.ruleId)).not.toContain('tenant-b-rule');

    const bundleB = await (await t.request('/v1/bundle', { headers: { authorization: `Bearer ${keyB}` } })).text();
    expect(bundleB).toContain('b-secret-ai');
    expect(bundleB).not.toContain('"deepseek"');
    const bundleA = await (await t.request('/v1/bundle', { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } })).text();
    expect(bundleA).not.toContain(MARKER);
    expect(bundleA).not.toContain('b-secret-ai');
  });
});
