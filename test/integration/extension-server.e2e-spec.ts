import { randomUUID } from 'node:crypto';
import { REPORT_MAX_ITEMS } from '../../libs/contracts/src';
import { IncidentsService } from '../../apps/api/src/modules/incidents/incidents.service';
import { AirlockClient, LocalDecider } from '../../libs/sdk/src';
import { createUser, mintSession } from '../support/security';
import { BOOTSTRAP_KEY, type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue #14, the server's part: the `extension` API key scope, POST /v1/decisions/report (what a
 * local evaluator decided, logged like the API's own decisions), overrides (a warning continued past
 * with a reason: logged, counted in the dashboard's override rates, an incident when the
 * organization wants one) and time-limited exceptions (granted in the console, honoured by the
 * server's decisions and carried in /v1/bundle, until they expire or are revoked).
 */
const ANA = 'ana.research@airlock.test';
const AWS_KEY = 'AKIAZ3MHQ7TNVX5KQ2PB';
const CHATGPT = 'https://chatgpt.com/';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('extension server: scope, decision reports, overrides, exceptions', () => {
  let t: TestApp;
  let owner: Session;
  let extensionKey: string;
  let chatgptId: string;

  const report = async (decisions: unknown[], key = extensionKey) => {
    const res = await t.request('/v1/decisions/report', { method: 'POST', json: { decisions }, headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const item = (over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    at: new Date().toISOString(),
    action: 'prompt',
    destination: { url: CHATGPT },
    subject: { email: ANA },
    effect: 'block',
    reasons: [{ ruleId: 'no-credentials', effect: 'block' }],
    findingClasses: ['credentials'],
    findingCount: 1,
    policyVersion: 2,
    source: 'extension',
    ...over,
  });
  const anaPrompt = () => ({ action: 'prompt', destination: { url: CHATGPT }, subject: { email: ANA }, content: { text: `my key is ${AWS_KEY}` } });
  const decide = async (body: unknown) => (await t.decide(body)).json() as Promise<any>;
  const eventually = async (check: () => Promise<boolean>, ms = 5000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`did not happen within ${ms} ms`);
      await sleep(100);
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.login();
    await owner.json('/api/groups', { method: 'POST', json: { name: 'research', description: 'Research' } });
    await owner.json('/api/users', { method: 'POST', json: { email: ANA, name: 'Ana', role: 'employee', groups: ['research'] } });
    const client = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'browser extension', scopes: ['extension'] } });
    extensionKey = client.key;
    const providers = await owner.json('/api/providers?filter=' + encodeURIComponent(JSON.stringify({ q: 'chatgpt' })));
    chatgptId = providers.find((p: any) => p.slug === 'openai-chatgpt').id;
    // Approved, so that nothing but the credentials rule stands between Ana and ChatGPT.
    await owner.json(`/api/providers/${chatgptId}`, { method: 'PUT', json: { status: 'approved' } });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'extension server test' } });
    // The directory knows Ana (NOTIFY on the User row) before the tests report for her.
    await eventually(async () => (await report([item()])).body.accepted === 1);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the extension scope', () => {
    it('fetches the bundle and its events, reports, and nothing else of the decision API', async () => {
      const bundle = await t.request('/v1/bundle', { headers: { authorization: `Bearer ${extensionKey}` } });
      expect(bundle.status).toBe(200);
      expect(((await bundle.json()) as any).exceptions).toEqual([]);
      const decision = await t.decide(anaPrompt(), extensionKey);
      expect(decision.status).toBe(403);
      const events = await t.request('/v1/bundle/events', { headers: { authorization: `Bearer ${extensionKey}` }, signal: AbortSignal.timeout(2000) });
      expect(events.status).toBe(200);
      expect(events.headers.get('content-type')).toContain('text/event-stream');
      await events.body?.cancel();
    });

    it('may sit beside the decision scopes, never beside scim', async () => {
      const res = await owner.request('/api/api-clients', { method: 'POST', json: { name: 'bad', scopes: ['extension', 'scim'] } });
      expect(res.status).toBe(400);
      const ok = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'ext and decide', scopes: ['extension', 'decide'] } });
      expect(ok.scopes).toEqual(['extension', 'decide']);
    });
  });

  describe('POST /v1/decisions/report', () => {
    it('logs each decision once (a batch sent again is not logged twice), marked as the extension’s, with the override reason', async () => {
      const block = item();
      const override = item({ effect: 'warn', reasons: [{ ruleId: 'warn-creative-training', effect: 'warn' }], findingClasses: ['creative_work'], override: { reason: 'Client approved this draft' } });
      const first = await report([block, override]);
      expect(first).toEqual({ status: 202, body: { accepted: 2, duplicates: 0, rejected: [] } });
      const again = await report([block, override]);
      expect(again).toEqual({ status: 202, body: { accepted: 0, duplicates: 2, rejected: [] } });
      const rows = await t.prisma.decisionLog.findMany({ where: { correlationId: { in: [block.id, override.id] } }, orderBy: { effect: 'asc' } });
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => [r.effect, r.source, r.overrideReason, r.providerSlug, r.subjectId, r.subjectGroups, r.dataClasses])).toEqual([
        ['warn', 'extension', 'Client approved this draft', 'openai-chatgpt', ANA, ['research'], ['creative_work']],
        ['block', 'extension', null, 'openai-chatgpt', ANA, ['research'], ['credentials']],
      ]);
      expect(rows[1]!.time.toISOString()).toBe(new Date(block.at).toISOString());
    });

    it('refuses items one by one: clock skew, too old, a person of another organization, an unpublished version', async () => {
      const b = await t.prisma.organization.create({ data: { name: 'Tenant B', slug: 'tenant-b-ext' } });
      await createUser(t, { organizationId: b.id, email: 'bob@tenant-b.test', role: 'employee', groups: ['research'] });
      const good = item();
      const res = await report([
        item({ at: new Date(Date.now() + 3600_000).toISOString() }),
        item({ at: new Date(Date.now() - 8 * 86_400_000).toISOString() }),
        item({ subject: { email: 'bob@tenant-b.test' } }),
        item({ subject: { email: 'nobody@elsewhere.test' } }),
        item({ policyVersion: 999 }),
        good,
      ]);
      expect(res.status).toBe(202);
      expect(res.body.accepted).toBe(1);
      expect(res.body.rejected.map((r: any) => [r.index, r.code])).toEqual([
        [0, 'clock_skew'],
        [1, 'too_old'],
        [2, 'unknown_subject'],
        [3, 'unknown_subject'],
        [4, 'unknown_policy_version'],
      ]);
      // Nothing was logged for tenant B, nor under B's person.
      expect(await t.prisma.decisionLog.count({ where: { organizationId: b.id } })).toBe(0);
      expect(await t.prisma.decisionLog.count({ where: { subjectId: 'bob@tenant-b.test' } })).toBe(0);
    });

    it('answers 4xx with a clear message for bad input, a wrong key, too many items and a body too large', async () => {
      const bad = await report([item({ effect: 'block', override: { reason: 'go' } })]);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('only a warn can be overridden');
      expect((await report([item({ id: 'not-a-uuid' })])).status).toBe(400);
      expect((await report([item({ text: 'the prompt' })])).status).toBe(400);
      expect((await report([])).status).toBe(400);
      expect((await report([item({ override: { reason: 'x'.repeat(501) }, effect: 'warn' })])).status).toBe(400);
      const many = await report(Array.from({ length: REPORT_MAX_ITEMS + 1 }, () => item()));
      expect(many.status).toBe(400);
      expect(JSON.stringify(many.body)).toContain(`at most ${REPORT_MAX_ITEMS}`);
      const huge = await t.request('/v1/decisions/report', {
        method: 'POST',
        json: { decisions: [item({ destination: { url: `https://chatgpt.com/${'a'.repeat(600 * 1024)}` } })] },
        headers: { authorization: `Bearer ${extensionKey}` },
      });
      expect(huge.status).toBe(413);
      expect((await t.request('/v1/decisions/report', { method: 'POST', json: { decisions: [item()] } })).status).toBe(401);
      const decideOnly = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'proxy', scopes: ['decide'] } });
      expect((await report([item()], decideOnly.key)).status).toBe(403);
      // The SDK's LocalDecider reports with its bundle key.
      expect((await report([item({ source: 'sdk' })], BOOTSTRAP_KEY)).body.accepted).toBe(1);
    });

    it('charges every item against the key’s rate limit, like a batch', async () => {
      const limited = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'limited extension', scopes: ['extension'], rateLimitPerMinute: 5 } });
      expect((await report([item(), item(), item()], limited.key)).status).toBe(202);
      const over = await report([item(), item(), item()], limited.key);
      expect(over.status).toBe(429);
      expect(over.body.error.message).toContain('batch counts each item');
    });
  });

  describe('overrides', () => {
    it('open an incident when the organization asks for it, and show in the override rates per service and group', async () => {
      const org = await t.prisma.organization.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
      // The overrides reported by the tests above, while the setting was off, open nothing.
      expect(await t.app.get(IncidentsService).flushAutomaticIncidents()).toBe(0);
      const settings = await owner.json('/api/settings');
      await owner.json('/api/settings', { method: 'PUT', json: { ...settings, autoIncidentOnOverride: true } });
      const override = item({ effect: 'warn', reasons: [{ ruleId: 'coach-unreviewed', effect: 'warn' }], findingClasses: ['source_code'], override: { reason: 'Reviewing a public snippet' } });
      expect((await report([override])).body.accepted).toBe(1);
      expect(await t.app.get(IncidentsService).flushAutomaticIncidents()).toBe(1);
      const incident = await t.prisma.incident.findFirstOrThrow({ where: { organizationId: org.id, source: 'automatic', title: { startsWith: 'Warning overridden' } } });
      expect(incident.description).toContain('Reviewing a public snippet');
      expect(incident.dataClasses).toEqual(['source_code']);
      // The same person, service and class within the hour: no second incident.
      await report([item({ ...override, id: randomUUID() })]);
      expect(await t.app.get(IncidentsService).flushAutomaticIncidents()).toBe(0);

      const rates = await owner.json('/api/dashboard/overrides?days=7');
      const chatgpt = rates.byService.find((s: any) => s.slug === 'openai-chatgpt');
      // Three warnings reported so far in this file (one in the first report test, two here), all overridden.
      expect(chatgpt).toMatchObject({ name: 'OpenAI ChatGPT', warned: 3, overridden: 3, rate: 1 });
      expect(rates.byGroup).toEqual([{ group: 'research', warned: 3, overridden: 3, rate: 1 }]);
      // A warning without an override lowers the rate.
      await report([item({ effect: 'warn', reasons: [{ ruleId: 'coach-unreviewed', effect: 'warn' }], findingClasses: [] })]);
      const after = await owner.json('/api/dashboard/overrides?days=7');
      expect(after.byService.find((s: any) => s.slug === 'openai-chatgpt')).toMatchObject({ warned: 4, overridden: 3, rate: 0.75 });
      expect(after.totals).toMatchObject({ warned: 4, overridden: 3 });
    });
  });

  describe('time-limited exceptions', () => {
    it('only admins and owners grant; staff read; employees do not', async () => {
      for (const [role, grant, read] of [
        ['admin', 200, 200],
        ['analyst', 403, 200],
        ['auditor', 403, 200],
        ['employee', 403, 403],
      ] as const) {
        const user = await createUser(t, { email: `${role}.exceptions@airlock.test`, role });
        const s = await mintSession(t, user);
        const headers = s.principal.headers('POST');
        const created = await t.request('/api/exceptions', {
          method: 'POST',
          json: { subjectGroup: 'research', dataClass: 'source_code', reason: `granted by ${role}`, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
          headers,
        });
        expect({ role, status: created.status }).toEqual({ role, status: grant === 200 ? 201 : grant });
        const list = await t.request('/api/exceptions', { headers: s.principal.headers('GET') });
        expect({ role, status: list.status }).toEqual({ role, status: read });
        if (grant === 200) {
          const { id } = (await created.json()) as any;
          expect((await t.request(`/api/exceptions/${id}/revoke`, { method: 'POST', headers })).status).toBe(200);
        }
      }
    });

    it('refuse what makes no sense, with the field named', async () => {
      const bad = async (json: unknown) => {
        const res = await owner.request('/api/exceptions', { method: 'POST', json });
        return { status: res.status, message: ((await res.json()) as any).error.message as string };
      };
      const future = new Date(Date.now() + 3600_000).toISOString();
      expect(await bad({ subjectEmail: ANA, subjectGroup: 'research', reason: 'x', expiresAt: future })).toMatchObject({ status: 400, message: expect.stringContaining('either a person') });
      expect(await bad({ reason: 'x', expiresAt: future })).toMatchObject({ status: 400 });
      expect(await bad({ subjectEmail: ANA, reason: 'x', expiresAt: new Date(Date.now() - 1000).toISOString() })).toMatchObject({ status: 400, message: expect.stringContaining('expiresAt must be in the future') });
      expect(await bad({ subjectEmail: ANA, reason: 'x', expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() })).toMatchObject({ status: 400, message: expect.stringContaining('366 days') });
      expect(await bad({ subjectEmail: ANA, providerId: randomUUID(), reason: 'x', expiresAt: future })).toMatchObject({ status: 400, message: expect.stringContaining('providerId') });
      expect(await bad({ subjectEmail: ANA, expiresAt: future })).toMatchObject({ status: 400 });
    });

    it('turn a block into allow for that person x service x class, say so in the reasons and the bundle, until revoked; audited', async () => {
      expect((await decide(anaPrompt())).effect).toBe('block');
      const etagBefore = (await t.request('/v1/bundle', { headers: { authorization: `Bearer ${extensionKey}` } })).headers.get('etag');
      const expiresAt = new Date(Date.now() + 3600_000).toISOString();
      const granted = await owner.json('/api/exceptions', {
        method: 'POST',
        json: { subjectEmail: ANA.toUpperCase(), providerId: chatgptId, dataClass: 'credentials', reason: 'Rotating leaked test keys with the vendor', expiresAt },
      });
      expect(granted).toMatchObject({ subjectEmail: ANA, providerSlug: 'openai-chatgpt', status: 'active', createdByLabel: 'owner@airlock.test' });

      const allowed = await decide(anaPrompt());
      expect(allowed.effect).toBe('allow');
      expect(allowed.reasons).toEqual([
        expect.objectContaining({ ruleId: 'no-credentials', effect: 'allow', exception: { id: granted.id, expiresAt: new Date(expiresAt).toISOString(), reason: 'Rotating leaked test keys with the vendor', effect: 'block' } }),
      ]);
      // Someone else, or another service, is still blocked.
      expect((await decide({ ...anaPrompt(), subject: { email: 'someone@airlock.test' } })).effect).toBe('block');
      expect((await decide({ ...anaPrompt(), destination: { url: 'https://claude.ai/' } })).effect).toBe('block');

      const bundleRes = await t.request('/v1/bundle', { headers: { authorization: `Bearer ${extensionKey}` } });
      expect(bundleRes.headers.get('etag')).not.toBe(etagBefore);
      const bundle = (await bundleRes.json()) as any;
      expect(bundle.exceptions).toEqual([
        { id: granted.id, subjectKey: expect.any(String), provider: 'openai-chatgpt', dataClass: 'credentials', reason: 'Rotating leaked test keys with the vendor', expiresAt: new Date(expiresAt).toISOString() },
      ]);
      // The person is named by the directory's salted hash, never in clear.
      expect(JSON.stringify(bundle.exceptions)).not.toContain('ana.research');

      const active = await owner.json('/api/exceptions?filter=' + encodeURIComponent(JSON.stringify({ status: 'active' })));
      expect(active.map((e: any) => e.id)).toContain(granted.id);

      const revoked = await owner.json(`/api/exceptions/${granted.id}/revoke`, { method: 'POST' });
      expect(revoked).toMatchObject({ status: 'revoked', revokedByLabel: 'owner@airlock.test' });
      expect((await decide(anaPrompt())).effect).toBe('block');
      expect((await owner.request(`/api/exceptions/${granted.id}/revoke`, { method: 'POST' })).status).toBe(409);
      const revokedList = await owner.json('/api/exceptions?filter=' + encodeURIComponent(JSON.stringify({ status: 'revoked' })));
      expect(revokedList.map((e: any) => e.id)).toContain(granted.id);

      const audit = await owner.json('/api/audit-events?filter=' + encodeURIComponent(JSON.stringify({ entityType: 'PolicyException' })));
      const mine = audit.filter((a: any) => a.entityId === granted.id).map((a: any) => a.action);
      expect(mine.sort()).toEqual(['exception.grant', 'exception.revoke']);
    });

    it('the SDK’s local evaluation honours the bundle’s exceptions (people by hash) and reports its decisions', async () => {
      const granted = await owner.json('/api/exceptions', {
        method: 'POST',
        json: { subjectEmail: ANA, providerId: chatgptId, dataClass: 'credentials', reason: 'Local evaluation check', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      });
      const decider = await LocalDecider.start(new AirlockClient({ baseUrl: t.url, apiKey: BOOTSTRAP_KEY }), { watch: false, report: true, reportSeconds: 3600 });
      try {
        const local = decider.decide(anaPrompt() as any);
        const server = await decide(anaPrompt());
        expect(local.effect).toBe('allow');
        expect(local.reasons).toEqual(server.reasons);
        expect(decider.decide({ ...anaPrompt(), subject: { email: 'someone@airlock.test' } } as any).effect).toBe('block');
        // Only decisions about a known person are reported; the one about someone@ is refused by the server.
        expect(decider.pendingReports).toBe(2);
        await decider.flushReports();
        expect(decider.pendingReports).toBe(0);
        const logged = await t.prisma.decisionLog.findMany({ where: { source: 'sdk', subjectId: ANA, effect: 'allow' } });
        expect(logged.length).toBeGreaterThanOrEqual(1);
        await owner.json(`/api/exceptions/${granted.id}/revoke`, { method: 'POST' });
        await decider.refresh();
        expect(decider.decide(anaPrompt() as any).effect).toBe('block');
      } finally {
        decider.stop();
      }
    });

    it('a group exception reaches another running instance within seconds, and expiry takes effect without a publish', async () => {
      const second = await startTestApp({}, { shareDatabaseWith: t });
      try {
        const onSecond = async () => ((await second.decide(anaPrompt())).json() as Promise<any>).then((d) => d.effect as string);
        await eventually(async () => (await onSecond()) === 'block');
        const expiresAt = new Date(Date.now() + 4000).toISOString();
        await owner.json('/api/exceptions', { method: 'POST', json: { subjectGroup: 'research', dataClass: 'credentials', reason: 'Incident drill', expiresAt } });
        const granted = Date.now();
        await eventually(async () => (await onSecond()) === 'allow', 3000);
        expect(Date.now() - granted).toBeLessThan(3000);
        expect((await decide(anaPrompt())).effect).toBe('allow');
        // No publish, no revocation: the evaluator compares expiresAt with now.
        await sleep(Math.max(0, Date.parse(expiresAt) - Date.now() + 50));
        expect((await decide(anaPrompt())).effect).toBe('block');
        expect(await onSecond()).toBe('block');
        const expired = await owner.json('/api/exceptions?filter=' + encodeURIComponent(JSON.stringify({ status: 'expired' })));
        expect(expired.map((e: any) => e.reason)).toContain('Incident drill');
      } finally {
        await second.close();
      }
    });
  });

  describe('GET /v1/extension/identity (identitySource airlock)', () => {
    const identity = async (headers: Record<string, string>) => {
      const res = await t.request('/v1/extension/identity', { headers });
      return { status: res.status, body: (await res.json()) as any };
    };

    it('answers the e-mail of the session the browser sends with the extension key, never without both', async () => {
      const ana = await t.prisma.user.findFirstOrThrow({ where: { email: ANA } });
      const session = await mintSession(t, ana);
      const key = { authorization: `Bearer ${extensionKey}` };
      expect(await identity({ ...key, cookie: session.cookie })).toEqual({ status: 200, body: { signedIn: true, email: ANA, name: 'Ana', method: 'password' } });
      expect(await identity(key)).toEqual({ status: 200, body: { signedIn: false, reason: 'no_session' } });
      expect(await identity({ ...key, cookie: '__Host-airlock_session=not-a-session' })).toEqual({ status: 200, body: { signedIn: false, reason: 'session_ended' } });
      // The session alone (a page, a script) is not enough, nor a key without the extension scope.
      expect((await identity({ cookie: session.cookie })).status).toBe(401);
      const decideOnly = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'decide only', scopes: ['decide'] } });
      expect((await identity({ authorization: `Bearer ${decideOnly.key}`, cookie: session.cookie })).status).toBe(403);
      // Signed out: the session is gone.
      await t.request('/api/auth/logout', { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
      expect((await identity({ ...key, cookie: session.cookie })).body).toEqual({ signedIn: false, reason: 'session_ended' });
    });

    it('does not take a session of another organization as one of the key’s people', async () => {
      const c = await t.prisma.organization.create({ data: { name: 'Tenant C', slug: 'tenant-c-ext' } });
      const carol = await createUser(t, { organizationId: c.id, email: 'carol@tenant-c.test', role: 'employee' });
      const session = await mintSession(t, carol);
      expect((await identity({ authorization: `Bearer ${extensionKey}`, cookie: session.cookie })).body).toEqual({ signedIn: false, reason: 'other_organization' });
    });
  });

  describe('/v1/bundle watchHosts (unknown AI destinations)', () => {
    const bundle = async () => {
      const res = await t.request('/v1/bundle', { headers: { authorization: `Bearer ${extensionKey}` } });
      return { etag: res.headers.get('etag'), body: (await res.json()) as any };
    };

    it('carries the known AI services outside the catalog while a rule matches unknown AI destinations', async () => {
      // The default policy's coach-unreviewed rule matches providerStatus 'unknown'.
      const before = await bundle();
      expect(before.body.watchHosts).toEqual(expect.arrayContaining(['phind.com', '*.phind.com', 'openrouter.ai']));
      const catalogDomains = new Set(before.body.catalog.flatMap((p: any) => p.domains));
      expect(before.body.watchHosts.filter((h: string) => catalogDomains.has(h))).toEqual([]);

      const rules = await owner.json<any[]>('/api/rules?range=[0,200]');
      const unknownRules = rules.filter((r) => r.enabled && (r.conditions.unknownAiDestination === true || (r.conditions.providerStatus ?? []).includes('unknown')));
      expect(unknownRules.length).toBeGreaterThan(0);
      for (const r of unknownRules) await owner.json(`/api/rules/${r.id}`, { method: 'PUT', json: { enabled: false } });
      await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'no unknown AI rule' } });
      await eventually(async () => (await bundle()).body.watchHosts.length === 0);
      const without = await bundle();
      expect(without.etag).not.toBe(before.etag);

      // An unknownAiDestination rule published in the console brings them back.
      await owner.json('/api/rules', { method: 'POST', json: { ruleId: 'no-secrets-unknown-ai', priority: 5, conditions: { unknownAiDestination: true, dataClasses: ['credentials'] }, effect: 'block', message: 'Not to AI services outside the catalog.' } });
      await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'unknown AI rule' } });
      await eventually(async () => (await bundle()).body.watchHosts.includes('phind.com'));
      for (const r of unknownRules) await owner.json(`/api/rules/${r.id}`, { method: 'PUT', json: { enabled: true } });
    });
  });
});
