import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { SubjectDirectoryService } from '../../apps/api/src/modules/decisions/subject-directory.service';
import { AirlockClient, AirlockError, LocalDecider } from '../../libs/sdk/src';
import { BOOTSTRAP_KEY, type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue #24 (decisions resolve the person) and security issue #12 finding 11 (what a decision
 * request asserts): the subject's groups come from the directory (console memberships here; SSO
 * sign-in writes the same User.groups), the client's groups only add to them when its API client may
 * assert groups, the connection's address decides the zones when the client sends none, and an
 * assertion the client may not make is a 403. Through /v1/decisions, /v1/decisions/batch and the
 * SDK's local evaluation.
 */
const LEGAL_EMAIL = 'lena.legal@airlock.test';
const INTRANET = { action: 'access', destination: { host: 'intranet.example' } } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('subjects resolved from the directory, and what a client may assert', () => {
  let t: TestApp;
  let owner: Session;
  let legalUser: { id: string };
  /** May assert nothing (the default of a client created through the API). */
  let strictKey: string;
  let strictId: string;

  const decide = async (body: unknown, key = BOOTSTRAP_KEY, headers: Record<string, string> = {}) => {
    const res = await t.request('/v1/decisions', { method: 'POST', json: body, headers: { authorization: `Bearer ${key}`, ...headers } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const batch = async (items: unknown[], key = BOOTSTRAP_KEY) => {
    const res = await t.request('/v1/decisions/batch', { method: 'POST', json: { items }, headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: any[] }).items;
  };
  /** Waits (up to 5 s) until `check` holds: NOTIFY reaches the directory within moments. */
  const eventually = async (check: () => Promise<boolean>) => {
    const until = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('did not happen within 5 s');
      await sleep(100);
    }
  };

  beforeAll(async () => {
    // One trusted proxy hop: the address is the last X-Forwarded-For entry.
    t = await startTestApp({ AIRLOCK_TRUST_PROXY: '1' });
    owner = await t.login();
    await owner.json('/api/groups', { method: 'POST', json: { name: 'legal', description: 'Legal department' } });
    await owner.json('/api/zones', { method: 'POST', json: { name: 'branch', cidrs: ['198.51.100.0/24'] } });
    // Intranet access is blocked, except for legal; a zone rule to see which address was used.
    await owner.json('/api/rules', {
      method: 'POST',
      json: { ruleId: 'intranet-legal-only', priority: 10, effect: 'block', message: 'Legal only', conditions: { actions: ['access'] }, exceptions: [{ groups: ['legal'] }] },
    });
    await owner.json('/api/rules', {
      method: 'POST',
      json: { ruleId: 'branch-warning', priority: 20, effect: 'warn', message: 'From the branch office', conditions: { networkZones: ['branch'] } },
    });
    await owner.json('/api/policy/publish', { method: 'POST', json: { note: 'subject directory test' } });
    legalUser = await owner.json('/api/users', { method: 'POST', json: { email: LEGAL_EMAIL, name: 'Lena Legal', role: 'employee', groups: ['legal'] } });
    const strict = await owner.json('/api/api-clients', { method: 'POST', json: { name: 'extension', scopes: ['decide', 'bundle'] } });
    strictKey = strict.key;
    strictId = strict.id;
    expect(strict).toMatchObject({ mayAssertGroups: false, mayAssertIp: false, mayAssertZones: [] });
    await eventually(async () => (await decide({ ...INTRANET, subject: { email: LEGAL_EMAIL } })).body.effect === 'allow');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a member of legal (console membership) gets the legal exception without sending groups, by e-mail in any case or by id', async () => {
    for (const subject of [{ email: LEGAL_EMAIL }, { email: LEGAL_EMAIL.toUpperCase() }, { id: legalUser.id }]) {
      for (const key of [BOOTSTRAP_KEY, strictKey]) {
        const r = await decide({ ...INTRANET, subject }, key);
        expect({ subject, status: r.status, effect: r.body.effect }).toEqual({ subject, status: 200, effect: 'allow' });
      }
    }
    const someone = await decide({ ...INTRANET, subject: { email: 'someone@airlock.test' } }, strictKey);
    expect(someone.body.reasons.map((r: any) => r.ruleId)).toEqual(['intranet-legal-only']);
  });

  it('the batch route resolves the same way', async () => {
    const items = await batch(
      [
        { correlationId: 'legal', ...INTRANET, subject: { email: LEGAL_EMAIL } },
        { correlationId: 'other', ...INTRANET, subject: { email: 'someone@airlock.test' } },
        { correlationId: 'asserts', ...INTRANET, subject: { email: 'someone@airlock.test', groups: ['legal'] } },
      ],
      strictKey,
    );
    expect(items.map((i) => [i.correlationId, i.effect ?? i.status])).toEqual([
      ['legal', 'allow'],
      ['other', 'block'],
      ['asserts', 403],
    ]);
    expect(items[2].error.code).toBe('forbidden');
  });

  it('a client that may not assert groups cannot add legal by sending it (403); one that may, can', async () => {
    const refused = await decide({ ...INTRANET, subject: { email: 'someone@airlock.test', groups: ['legal'] } }, strictKey);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', details: [{ path: 'subject.groups' }] });
    expect(refused.body.error.message).toContain('may not assert groups');
    // The bootstrap client (and every client created before the setting) may: its groups add to the directory's.
    expect((await decide({ ...INTRANET, subject: { email: 'someone@airlock.test', groups: ['legal'] } })).body.effect).toBe('allow');
    expect((await decide({ ...INTRANET, subject: { groups: ['legal'] } })).body.effect).toBe('allow');
  });

  it("uses the connection's address for the zones when the client sends none (AIRLOCK_TRUST_PROXY=1, X-Forwarded-For)", async () => {
    const fromBranch = await decide(INTRANET, strictKey, { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' });
    expect(fromBranch.body).toMatchObject({ ipSource: 'connection', networkZones: ['branch'] });
    expect(fromBranch.body.reasons.map((r: any) => r.ruleId)).toEqual(['intranet-legal-only', 'branch-warning']);
    // Only the last hop is trusted: a client-written first entry does not count.
    const spoofed = await decide(INTRANET, strictKey, { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' });
    expect(spoofed.body).toMatchObject({ ipSource: 'connection', networkZones: [] });
    // A client that may assert its address: context.ip wins, and the answer says so.
    const asserted = await decide({ ...INTRANET, context: { ip: '198.51.100.1' } }, BOOTSTRAP_KEY, { 'x-forwarded-for': '203.0.113.9' });
    expect(asserted.body).toMatchObject({ ipSource: 'context', networkZones: ['branch'] });
    const items = await batch([{ correlationId: 'a', ...INTRANET }], strictKey);
    expect(items[0]).toMatchObject({ ipSource: 'connection' });
  });

  it('refuses an address or a zone the client may not assert, and accepts them once an admin allows it', async () => {
    const ip = await decide({ ...INTRANET, context: { ip: '198.51.100.1' } }, strictKey);
    expect(ip.status).toBe(403);
    expect(ip.body.error.details).toEqual([expect.objectContaining({ path: 'context.ip' })]);
    const zone = await decide({ ...INTRANET, context: { networkZone: 'branch' } }, strictKey);
    expect(zone.status).toBe(403);
    expect(zone.body.error.details).toEqual([expect.objectContaining({ path: 'context.networkZone' })]);

    const updated = await owner.json(`/api/api-clients/${strictId}`, { method: 'PUT', json: { mayAssertIp: true, mayAssertZones: ['branch'] } });
    expect(updated).toMatchObject({ mayAssertGroups: false, mayAssertIp: true, mayAssertZones: ['branch'] });
    expect((await decide({ ...INTRANET, context: { ip: '198.51.100.1' } }, strictKey)).body).toMatchObject({ ipSource: 'context', networkZones: ['branch'] });
    expect((await decide({ ...INTRANET, context: { networkZone: 'branch' } }, strictKey)).status).toBe(200);
    expect((await decide({ ...INTRANET, context: { networkZone: 'corporate' } }, strictKey)).status).toBe(403);
    await owner.json(`/api/api-clients/${strictId}`, { method: 'PUT', json: { mayAssertIp: false, mayAssertZones: [] } });
  });

  it("the SDK's local evaluation agrees: directory from the bundle (hashed), the same refusals", async () => {
    const bundle = (await (await t.request('/v1/bundle', { headers: { authorization: `Bearer ${strictKey}` } })).json()) as any;
    expect(JSON.stringify(bundle.directory)).not.toContain(LEGAL_EMAIL);
    expect(JSON.stringify(bundle.directory)).not.toContain(legalUser.id);
    expect(bundle.client).toEqual({ mayAssertGroups: false, mayAssertIp: false, mayAssertZones: [] });

    const local = await LocalDecider.start(new AirlockClient({ baseUrl: t.url, apiKey: strictKey }), { watch: false });
    try {
      for (const subject of [{ email: LEGAL_EMAIL }, { email: 'Lena.Legal@Airlock.Test' }, { id: legalUser.id }, { email: 'someone@airlock.test' }]) {
        const server = (await decide({ ...INTRANET, subject }, strictKey)).body;
        const mine = local.decide({ ...INTRANET, subject });
        expect({ subject, effect: mine.effect, reasons: mine.reasons.map((r) => r.ruleId) }).toEqual({ subject, effect: server.effect, reasons: server.reasons.map((r: any) => r.ruleId) });
      }
      expect(() => local.decide({ ...INTRANET, subject: { groups: ['legal'] } })).toThrow(AirlockError);
      expect(() => local.decide({ ...INTRANET, context: { ip: '10.0.0.1' } })).toThrow(/may not assert an IP address/);
    } finally {
      local.stop();
    }
  });

  it('after the membership is removed, the next decisions (and the bundle) no longer get the exception within seconds', async () => {
    const etagBefore = (await t.request('/v1/bundle', { headers: { authorization: `Bearer ${strictKey}` } })).headers.get('etag');
    const removedAt = Date.now();
    await owner.json(`/api/users/${legalUser.id}`, { method: 'PUT', json: { groups: [] } });
    await eventually(async () => (await decide({ ...INTRANET, subject: { email: LEGAL_EMAIL } }, strictKey)).body.effect === 'block');
    expect(Date.now() - removedAt).toBeLessThan(5000);
    const items = await batch([{ correlationId: 'x', ...INTRANET, subject: { id: legalUser.id } }], strictKey);
    expect(items[0].effect).toBe('block');
    const etagAfter = (await t.request('/v1/bundle', { headers: { authorization: `Bearer ${strictKey}` } })).headers.get('etag');
    expect(etagAfter).not.toBe(etagBefore);
    const local = await LocalDecider.start(new AirlockClient({ baseUrl: t.url, apiKey: strictKey }), { watch: false });
    try {
      expect(local.decide({ ...INTRANET, subject: { email: LEGAL_EMAIL } }).effect).toBe('block');
    } finally {
      local.stop();
    }
    await owner.json(`/api/users/${legalUser.id}`, { method: 'PUT', json: { groups: ['legal'] } });
    await eventually(async () => (await decide({ ...INTRANET, subject: { email: LEGAL_EMAIL } }, strictKey)).body.effect === 'allow');
  });

  it('the bundle is gzipped for clients that accept it: the same JSON, the same ETag, Vary: Accept-Encoding', async () => {
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${t.url}/v1/bundle`, { headers: { authorization: `Bearer ${strictKey}`, ...headers } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const plain = await get({});
    const zipped = await get({ 'accept-encoding': 'gzip, deflate, br' });
    const refused = await get({ 'accept-encoding': 'gzip;q=0, *' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    for (const r of [plain, zipped, refused]) {
      expect(r.status).toBe(200);
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(r.headers.etag).toBe(plain.headers.etag);
    }
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(refused.body.equals(plain.body)).toBe(true);
    expect(JSON.parse(plain.body.toString('utf8')).directory.salt).toEqual(expect.any(String));
    // A revalidation with the ETag of either is a 304.
    expect((await get({ 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) })).status).toBe(304);
  });

  it("tenant isolation: another organization's e-mail resolves to nothing here, and this one's to nothing there", async () => {
    const p = t.prisma;
    const b = await p.organization.create({ data: { name: 'Tenant B', slug: 'tenant-b-directory' } });
    await p.group.create({ data: { organizationId: b.id, name: 'legal' } });
    await p.user.create({ data: { organizationId: b.id, email: 'bob.legal@tenant-b.test', name: 'Bob', role: 'employee', groups: ['legal'] } });
    // Organization B's own directory knows Bob (checked in memory, once the notification arrived).
    const directory = t.app.get(SubjectDirectoryService);
    await eventually(async () => directory.get(b.id)?.directory.groupsOf({ email: 'bob.legal@tenant-b.test' }) !== undefined);
    expect(directory.get(b.id)?.directory.groupsOf({ email: LEGAL_EMAIL })).toBeUndefined();
    // Through this organization's key, Bob is nobody.
    const r = await decide({ ...INTRANET, subject: { email: 'bob.legal@tenant-b.test' } }, strictKey);
    expect(r.body.effect).toBe('block');
  });
});
