import { impactOutput } from '@airlock/contracts';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * The impact preview replays the published policy and the draft over the same logged decisions: a
 * change already in force (Block now) is not the draft's; a time window; affected services and groups;
 * what the log cannot tell.
 */
describe('policy impact preview', () => {
  let t: TestApp;
  let admin: Session;
  let organizationId = '';
  const impact = (json: unknown) => admin.json<any>('/api/policy/impact', { method: 'POST', json });
  const providerId = async (slug: string) => (await admin.json<any[]>(`/api/providers?filter=${encodeURIComponent(JSON.stringify({ q: slug }))}`)).find((p) => p.slug === slug).id as string;
  const logged = async () => t.prisma.decisionLog.count({ where: { organizationId } });
  const waitForLog = async (count: number) => {
    for (let i = 0; i < 100 && (await logged()) < count; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await logged()).toBeGreaterThanOrEqual(count);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    organizationId = (await t.prisma.organization.findFirstOrThrow()).id;
    await admin.json(`/api/providers/${await providerId('openai-chatgpt')}`, { method: 'PUT', json: { status: 'approved', statusReason: 'Enterprise agreement' } });
    await admin.json('/api/policy/publish', { method: 'POST', json: { note: 'Approve ChatGPT' } });
    // DeepSeek is under review (coached), ChatGPT approved (allowed).
    for (let i = 0; i < 4; i++) await t.decide({ action: 'prompt', destination: { provider: 'deepseek' }, subject: { groups: ['sales'] } });
    for (let i = 0; i < 3; i++) await t.decide({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, subject: { groups: ['interns'] } });
    await waitForLog(7);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts nothing for a change already in force: a Block now is not the draft', async () => {
    const res = await admin.json<any>(`/api/providers/${await providerId('deepseek')}/block`, { method: 'POST', json: { reason: 'Stored chats in the open' } });
    const r = await impact({ limit: 1000 });
    expect(impactOutput.parse(r)).toEqual(r);
    expect(r.against).toBe(res.version.number);
    expect(r.replayed).toBe(7);
    // The four DeepSeek prompts were logged as warnings and are blocks now, under both policies.
    expect(r).toMatchObject({ changed: 0, unchanged: 7, transitions: [], byDestination: [], byGroup: [], truncated: false });
  });

  it('reports the draft against the published policy, by service and group', async () => {
    await admin.json('/api/rules', {
      method: 'POST',
      json: { ruleId: 'interns-no-prompts', priority: 5, effect: 'block', message: 'Interns may not send prompts yet.', conditions: { groups: ['interns'], actions: ['prompt'] } },
    });
    const r = await impact({ limit: 1000 });
    expect(r.changed).toBe(3);
    expect(r.transitions).toEqual([{ before: 'allow', after: 'block', count: 3 }]);
    expect(r.rulesNewlyMatching).toEqual([{ ruleId: 'interns-no-prompts', count: 3 }]);
    expect(r.byDestination).toEqual([{ destination: 'openai-chatgpt', name: 'OpenAI ChatGPT', changed: 3, total: 3 }]);
    expect(r.byGroup).toEqual([{ group: 'interns', changed: 3, total: 3 }]);
    expect(r.examples[0]).toMatchObject({ name: 'OpenAI ChatGPT', before: 'allow', after: 'block', groups: ['interns'], ruleIds: ['interns-no-prompts'], publishedRuleIds: [] });
    expect(r.limitations).toEqual([]);
  });

  it('replays a time window, newest first, and says when the window held more', async () => {
    const rows = await t.prisma.decisionLog.findMany({ where: { organizationId }, orderBy: { time: 'asc' }, select: { time: true } });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await impact({ since: future })).toMatchObject({ replayed: 0, changed: 0, from: null, to: null, window: { since: future, until: null } });
    const r = await impact({ limit: 2 });
    expect(r).toMatchObject({ replayed: 2, truncated: true });
    // The window's bounds are inclusive: the first four decisions (DeepSeek) only.
    const until = rows[3]!.time.toISOString();
    const w = await impact({ since: rows[0]!.time.toISOString(), until });
    expect(w).toMatchObject({ replayed: 4, changed: 0, truncated: false, from: rows[0]!.time.toISOString(), to: until });
  });

  it('refuses a bad window with a 400 naming the field', async () => {
    const bad = await admin.request('/api/policy/impact', { method: 'POST', json: { since: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/since must not be after until/);
    const notADate = await admin.request('/api/policy/impact', { method: 'POST', json: { since: 'yesterday' } });
    expect(notADate.status).toBe(400);
    expect(JSON.stringify(await notADate.json())).toMatch(/ISO 8601/);
    expect((await admin.request('/api/policy/impact', { method: 'POST', json: { limit: 50_001 } })).status).toBe(400);
  });

  it('says what the log cannot tell', async () => {
    await admin.json('/api/rules', {
      method: 'POST',
      json: { ruleId: 'work-accounts-only', priority: 6, effect: 'warn', message: 'Use your work account.', conditions: { accountTypes: ['consumer', 'unknown'], providers: ['openai-chatgpt'] } },
    });
    const zone = await admin.json<any>('/api/zones', { method: 'POST', json: { name: 'lab', cidrs: ['10.9.0.0/16'] } });
    const r = await impact({});
    expect(r.limitations.map((l: any) => [l.code, l.items])).toEqual([
      ['account_type', ['work-accounts-only']],
      ['zone_addresses', ['lab']],
    ]);
    expect(r.limitations[0].message).toMatch(/not logged/);
    await admin.json(`/api/zones/${zone.id}`, { method: 'DELETE' });
  });
});
