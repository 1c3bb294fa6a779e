import { ApiKeyRegistry } from '../../apps/api/src/modules/api-clients/api-key-registry.service';
import { sha256Hex } from '../../apps/api/src/modules/auth/tokens';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BOOTSTRAP_KEY, type Session, startTestApp, type TestApp } from '../support/test-app';
import { captureLogLines } from '../support/log-capture';

/**
 * The employee side of incidents end to end: the report form's options, named and anonymous
 * reports, what each employee can see, the status code, Idempotency-Key, and /v1/incidents.
 */
describe('incidents: employee portal and decision clients', () => {
  let t: TestApp;
  let orgId: string;
  let eve: { id: string; email: string; s: Session };
  let dan: { id: string; email: string; s: Session };
  let analyst: Session;
  let deepseekId: string;
  let logLines: string[] = [];

  async function addUser(email: string, role: 'employee' | 'analyst') {
    const owner = await t.prisma.user.findFirstOrThrow({ where: { email: ADMIN_EMAIL } });
    const u = await t.prisma.user.create({
      data: { organizationId: owner.organizationId, email, name: email.split('@')[0]!, role, passwordHash: owner.passwordHash },
    });
    return { id: u.id, email, s: await t.login(email, ADMIN_PASSWORD) };
  }

  beforeAll(async () => {
    // Request logs are on at info: the anonymous test checks what they would say.
    t = await startTestApp({ AIRLOCK_LOG_LEVEL: 'info' });
    // Capture every log line the app writes (Fastify's request logs and Nest's), from now on.
    logLines = captureLogLines(t);

    orgId = (await t.prisma.organization.findFirstOrThrow()).id;
    eve = await addUser('eve@airlock.test', 'employee');
    dan = await addUser('dan@airlock.test', 'employee');
    analyst = (await addUser('sam@airlock.test', 'analyst')).s;
    deepseekId = (await t.prisma.provider.findFirstOrThrow({ where: { slug: 'deepseek' } })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const report = (s: Session, json: unknown, headers: Record<string, string> = {}) =>
    s.request('/api/portal/incidents', { method: 'POST', json, headers });

  it('offers plain-words data kinds mapped to data classes, and the catalog services', async () => {
    const o = await eve.s.json('/api/portal/incident-options');
    expect(o.dataKinds).toEqual(
      expect.arrayContaining([
        { key: 'passwords_keys', label: 'Passwords, API keys or tokens', dataClasses: ['credentials'] },
        expect.objectContaining({ key: 'customer_data', dataClasses: ['client_information', 'personal_data'] }),
        expect.objectContaining({ key: 'health', dataClasses: ['health_data'] }),
        expect.objectContaining({ key: 'not_sure', dataClasses: [] }),
      ]),
    );
    expect(o.dataKinds).toHaveLength(10);
    expect(o.services).toEqual(expect.arrayContaining([{ id: deepseekId, slug: 'deepseek', name: 'DeepSeek', status: 'under_review' }]));
  });

  it('files a named report, says what happens next, and shows it to its reporter only', async () => {
    const res = await report(eve.s, {
      providerId: deepseekId,
      dataKinds: ['passwords_keys', 'customer_data'],
      description: 'Pasted a config file with the prod DB password.',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ number: expect.any(Number), status: 'new', anonymous: false, id: expect.any(String) });
    expect(body.statusToken).toBeUndefined();
    expect(body.message).toContain(`#${body.number}`);
    expect(body.nextSteps.join(' ')).toMatch(/Change the password/);
    expect(body.nextSteps.join(' ')).toMatch(/delete the conversation from DeepSeek/);
    expect(body.nextSteps.join(' ')).toMatch(/72 hours/);

    const mineRes = await eve.s.request('/api/portal/incidents');
    expect(mineRes.headers.get('content-range')).toMatch(/^incidents 0-0\/1$/);
    const mine = (await mineRes.json()) as any[];
    expect(mine).toEqual([
      expect.objectContaining({
        id: body.id,
        number: body.number,
        status: 'new',
        service: 'DeepSeek',
        dataClasses: ['credentials', 'client_information', 'personal_data'],
      }),
    ]);
    expect(mine[0].statusExplanation).toMatch(/security team/);
    // Allow-listed: no analyst fields.
    expect(Object.keys(mine[0]).sort()).toEqual([
      'dataClasses',
      'description',
      'id',
      'number',
      'occurredAt',
      'reportedAt',
      'service',
      'status',
      'statusExplanation',
      'title',
      'updatedAt',
    ]);
    expect((await eve.s.json(`/api/portal/incidents/${body.id}`)).number).toBe(body.number);

    // Dan sees none of it.
    expect(await dan.s.json('/api/portal/incidents')).toEqual([]);
    const other = await dan.s.request(`/api/portal/incidents/${body.id}`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as any).error.code).toBe('not_found');

    // The analyst sees who reported it.
    const full = await analyst.json(`/api/incidents/${body.id}`);
    expect(full.reporter).toEqual({ id: eve.id, name: 'eve', email: eve.email });
    expect(full.title).toBe('Passwords, API keys or tokens and 1 more shared with DeepSeek');
    expect(full.source).toBe('portal');
    expect(JSON.stringify(full)).not.toMatch(/statusTokenHash/);
  });

  it("an employee cannot reach the analysts' API", async () => {
    expect((await eve.s.request('/api/incidents')).status).toBe(403);
  });

  it('refuses a report that does not say which service, or names one not in the catalog', async () => {
    const a = await report(eve.s, { providerId: 'other', dataKinds: ['not_sure'], description: 'x' });
    expect(a.status).toBe(400);
    expect(((await a.json()) as any).error.details).toEqual([expect.objectContaining({ path: 'otherService' })]);
    const b = await report(eve.s, { providerId: '00000000-0000-4000-8000-000000000000', dataKinds: ['not_sure'], description: 'x' });
    expect(b.status).toBe(400);
    const c = await report(eve.s, { providerId: deepseekId, dataKinds: [], description: 'x' });
    expect(c.status).toBe(400);
    const d = await report(eve.s, { providerId: deepseekId, dataKinds: ['not_sure'], description: 'x', reporterId: eve.id });
    expect(d.status).toBe(400);
  });

  describe('an anonymous report', () => {
    let body: any;
    let lines: string[];

    beforeAll(async () => {
      const from = logLines.length;
      const res = await report(
        eve.s,
        {
          providerId: 'other',
          otherService: 'Some AI bot',
          dataKinds: ['health'],
          description: 'A colleague pasted a sick note with a diagnosis.',
          anonymous: true,
        },
        { 'idempotency-key': 'anon-key-0001' },
      );
      expect(res.status).toBe(201);
      body = await res.json();
      // Let any asynchronous log line of the request arrive.
      await new Promise((r) => setTimeout(r, 200));
      lines = logLines.slice(from);
    });

    it('returns a status code once, and no incident id', () => {
      expect(body).toMatchObject({ anonymous: true, status: 'new', statusToken: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
      expect(body.id).toBeUndefined();
      // The status page's address, without the code: no URL ever carries it.
      expect(body.statusUrl).toMatch(/\/#\/status$/);
      expect(body.statusUrl).not.toContain(body.statusToken);
      expect(body.nextSteps.join(' ')).toMatch(/shown only this once/);
    });

    it('keeps no trace of the reporter in the incident, its timeline, its audit event or the idempotency record', async () => {
      const row = await t.prisma.incident.findFirstOrThrow({ where: { number: body.number, organizationId: orgId } });
      expect(row).toMatchObject({
        reporterId: null,
        anonymous: true,
        source: 'portal',
        providerOther: 'Some AI bot',
        dataClasses: ['health_data'],
      });
      expect(row.statusTokenHash).toBe(sha256Hex(body.statusToken));
      const events = await t.prisma.incidentEvent.findMany({ where: { incidentId: row.id } });
      expect(events.map((e) => [e.type, e.actorId, e.actorLabel])).toEqual([['created', null, 'anonymous reporter']]);
      const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityType: 'Incident', entityId: row.id } });
      expect(audit).toMatchObject({
        action: 'incident.create',
        actorType: 'anonymous',
        actorId: null,
        actorLabel: 'anonymous reporter',
        ip: null,
        requestId: null,
      });
      const idem = await t.prisma.idempotencyKey.findMany({ where: { organizationId: orgId, scope: { contains: 'anonymous' } } });
      expect(idem).toHaveLength(1);
      expect(idem[0]!.key).not.toBe('anon-key-0001');
      const everything = JSON.stringify({ row, events, audit, idem });
      for (const trace of [eve.id, eve.email, '127.0.0.1', body.statusToken]) expect(everything).not.toContain(trace);
    });

    it('writes no log line about the request or the reporter', async () => {
      const joined = lines.join('');
      for (const trace of [eve.id, eve.email, '/api/portal/incidents', '127.0.0.1']) expect(joined).not.toContain(trace);
      // The capture works: an ordinary request is logged, with its path and address.
      const from = logLines.length;
      await eve.s.json('/api/auth/me');
      await new Promise((r) => setTimeout(r, 200));
      expect(logLines.slice(from).join('')).toContain('/api/auth/me');
    });

    const statusOf = (token: string) => t.request('/api/portal/incidents/status', { method: 'POST', json: { token } });

    it('is followed with its status code (in the body, never the URL) at a public endpoint, and only with the right one', async () => {
      const res = await statusOf(body.statusToken);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const s = (await res.json()) as any;
      expect(Object.keys(s).sort()).toEqual(['canReply', 'messages', 'number', 'status', 'statusExplanation', 'updatedAt']);
      expect(s).toMatchObject({ number: body.number, status: 'new', messages: [], canReply: true });
      expect(s.statusExplanation).toMatch(/Received/);
      const wrong = await statusOf('A'.repeat(32));
      expect(wrong.status).toBe(404);
      expect(((await wrong.json()) as any).error.code).toBe('not_found');
      expect((await statusOf('short')).status).toBe(404);
      expect((await t.request('/api/portal/incidents/status', { method: 'POST', json: {} })).status).toBe(400);
      // The old address with the code in the path is gone.
      expect((await t.request(`/api/portal/incidents/status/${body.statusToken}`)).status).not.toBe(200);

      // The analysts' change shows up in plain words.
      const id = (await t.prisma.incident.findFirstOrThrow({ where: { number: body.number, organizationId: orgId } })).id;
      await analyst.json(`/api/incidents/${id}`, { method: 'PUT', json: { status: 'investigating' } });
      const after = (await (await statusOf(body.statusToken)).json()) as any;
      expect(after.status).toBe('investigating');
      expect(after.statusExplanation).toMatch(/working on it/);
    });

    it("does not appear among the reporter's own reports, and its id is not reachable from the portal", async () => {
      const mine = (await eve.s.json('/api/portal/incidents')) as any[];
      expect(mine.map((i) => i.number)).not.toContain(body.number);
      const id = (await t.prisma.incident.findFirstOrThrow({ where: { number: body.number, organizationId: orgId } })).id;
      expect((await eve.s.request(`/api/portal/incidents/${id}`)).status).toBe(404);
      const full = await analyst.json(`/api/incidents/${id}`);
      expect(full).toMatchObject({ anonymous: true, reporter: null });
    });

    it('a retried anonymous submission returns the same answer, status code included, and files nothing new', async () => {
      const count = await t.prisma.incident.count();
      const again = await report(
        eve.s,
        {
          providerId: 'other',
          otherService: 'Some AI bot',
          dataKinds: ['health'],
          description: 'A colleague pasted a sick note with a diagnosis.',
          anonymous: true,
        },
        { 'idempotency-key': 'anon-key-0001' },
      );
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotency-replayed')).toBe('true');
      expect(await again.json()).toEqual(body);
      expect(await t.prisma.incident.count()).toBe(count);
    });
  });

  describe('Idempotency-Key', () => {
    const input = { dataKinds: ['source_code'], description: 'Pasted a module into the chat.' };

    it('answers a retry with the first response and creates one incident; a different body is a 409', async () => {
      const json = { ...input, providerId: deepseekId };
      const before = await t.prisma.incident.count();
      const first = await report(eve.s, json, { 'idempotency-key': 'k-123' });
      const second = await report(eve.s, json, { 'idempotency-key': 'k-123' });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      const a = await first.json();
      expect(await second.json()).toEqual(a);
      expect(await t.prisma.incident.count()).toBe(before + 1);

      const changed = await report(eve.s, { ...json, description: 'Something else' }, { 'idempotency-key': 'k-123' });
      expect(changed.status).toBe(409);
      expect(((await changed.json()) as any).error.message).toMatch(/different request/);
      expect(await t.prisma.incident.count()).toBe(before + 1);

      // Keys are per user: Dan's same key is his own submission.
      const dans = await report(dan.s, json, { 'idempotency-key': 'k-123' });
      expect(dans.status).toBe(201);
      expect(((await dans.json()) as any).number).not.toBe((a as any).number);
    });

    it('holds when the same submission races itself', async () => {
      const json = { ...input, providerId: deepseekId, description: 'Raced' };
      const before = await t.prisma.incident.count();
      const answers = await Promise.all([1, 2, 3].map(() => report(eve.s, json, { 'idempotency-key': 'race-1' })));
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
      const bodies = await Promise.all(answers.map((r) => r.json()));
      expect(new Set(bodies.map((b: any) => b.number)).size).toBe(1);
      expect(await t.prisma.incident.count()).toBe(before + 1);
    });

    it('refuses a malformed key', async () => {
      const res = await report(eve.s, { ...input, providerId: deepseekId }, { 'idempotency-key': 'has space' });
      expect(res.status).toBe(400);
    });
  });

  describe('POST /v1/incidents', () => {
    let keyWithoutScope: string;
    beforeAll(async () => {
      keyWithoutScope = 'ak_test_decide_only_0123456789abcdef';
      const client = await t.prisma.apiClient.create({ data: { organizationId: orgId, name: 'proxy', scopes: ['decide'] } });
      await t.prisma.apiKey.create({
        data: { organizationId: orgId, apiClientId: client.id, prefix: 'ak_test_deci', keyHash: sha256Hex(keyWithoutScope) },
      });
      await t.app.get(ApiKeyRegistry).reload();
    });
    const file = (body: unknown, key?: string, headers: Record<string, string> = {}) =>
      t.request('/v1/incidents', {
        method: 'POST',
        json: body,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      });
    const input = {
      decisionId: '11111111-2222-4333-8444-555555555555',
      provider: 'deepseek',
      dataClasses: ['personal_data'],
      subject: { email: 'user7@example.com' },
      description: 'The user overrode the warning.',
    };

    it('needs an API key with the incidents:write scope', async () => {
      expect((await file(input)).status).toBe(401);
      const noScope = await file(input, keyWithoutScope);
      expect(noScope.status).toBe(403);
      expect(((await noScope.json()) as any).error.message).toMatch(/incidents:write/);
      // A session is not enough either: this is the decision clients' API.
      expect((await analyst.request('/v1/incidents', { method: 'POST', json: input })).status).toBe(401);
    });

    it('files an incident from a decision client, idempotently', async () => {
      const res = await file(input, BOOTSTRAP_KEY, { 'idempotency-key': 'v1-key-1' });
      expect(res.status).toBe(201);
      const body = (await res.json()) as any;
      expect(body).toMatchObject({ number: expect.any(Number), status: 'new', severity: 'high', notificationDeadline: expect.any(String) });
      const again = await file(input, BOOTSTRAP_KEY, { 'idempotency-key': 'v1-key-1' });
      expect(await again.json()).toEqual(body);
      const full = await analyst.json(`/api/incidents/${body.id}`);
      expect(full).toMatchObject({
        source: 'api',
        decisionId: input.decisionId,
        provider: { slug: 'deepseek' },
        dataClasses: ['personal_data'],
        reporter: null,
        title: 'Personal data sent to DeepSeek',
      });
      const events = await analyst.json(`/api/incidents/${body.id}/events`);
      expect(events[0]).toMatchObject({
        type: 'created',
        actorLabel: 'api client bootstrap',
        data: expect.objectContaining({ subject: { email: 'user7@example.com' } }),
      });
      expect((await file({ ...input, description: 'changed' }, BOOTSTRAP_KEY, { 'idempotency-key': 'v1-key-1' })).status).toBe(409);
    });

    it('keeps an unknown service slug as free text', async () => {
      const res = await file({ provider: 'shadow-ai-tool', dataClasses: ['source_code'] }, BOOTSTRAP_KEY);
      const body = (await res.json()) as any;
      expect((await analyst.json(`/api/incidents/${body.id}`)).providerOther).toBe('shadow-ai-tool');
    });
  });
});
