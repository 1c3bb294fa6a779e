import { Client } from 'pg';
import { impactOutput, policyDiffOutput, simulateOutput } from '@airlock/contracts';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

/** Draft rules, publish, versions, diff, rollback, simulator, impact preview, emergency block. */
describe('policy lifecycle', () => {
  let t: TestApp;
  let admin: Session;
  let base = 0;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    // Every service starts under review: approve ChatGPT so its answers depend on the rules alone.
    const chatgpt = (await admin.json<any[]>('/api/providers?filter={"q":"openai-chatgpt"}')).find((p) => p.slug === 'openai-chatgpt');
    await admin.json(`/api/providers/${chatgpt.id}`, { method: 'PUT', json: { status: 'approved', statusReason: 'Enterprise agreement' } });
    base = (await admin.json<any>('/api/policy/publish', { method: 'POST', json: { note: 'Approve ChatGPT' } })).number;
  });
  afterAll(async () => {
    await t?.close();
  });

  const effectFor = async (body: unknown) => ((await (await t.decide(body)).json()) as any).effect as string;
  const providerId = async (slug: string) => (await admin.json<any[]>(`/api/providers?filter=${encodeURIComponent(JSON.stringify({ q: slug }))}`)).find((p) => p.slug === slug).id as string;

  it('lists the draft rules in react-admin conventions', async () => {
    const res = await admin.request('/api/rules?sort=["priority","ASC"]&range=[0,2]');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('rules 0-2/9');
    const rows = (await res.json()) as any[];
    expect(rows.map((r) => r.ruleId)).toEqual(['no-credentials', 'no-health-data-unapproved', 'no-personal-data-unapproved']);
    expect(Object.keys(rows[0])).not.toContain('organizationId');
  });

  it('refuses to publish an unchanged draft and a draft that does not compile', async () => {
    const same = await admin.request('/api/policy/publish', { method: 'POST', json: { note: 'nothing new' } });
    expect(same.status).toBe(409);
    // The draft API and the compiler share one validator (libs/policy-engine policy-fields.ts): the
    // API refuses what would not compile...
    const bad = await admin.request('/api/rules', {
      method: 'POST',
      json: { ruleId: 'no-matching-rule', priority: 5, effect: 'block', message: 'reserved id', conditions: { actions: ['upload'] } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/ruleId.*reserved/);
    // ...and a rule that reached the draft another way still stops publishing, naming the problem.
    const organizationId = (await t.prisma.organization.findFirstOrThrow()).id;
    const rule = await t.prisma.policyRule.create({
      data: { organizationId, ruleId: 'no-matching-rule', priority: 5, effect: 'block', message: 'reserved id', conditions: { actions: ['upload'] } },
    });
    const refused = await admin.request('/api/policy/publish', { method: 'POST', json: { note: 'broken' } });
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as any).error;
    expect(error.message).toMatch(/does not compile/);
    expect(JSON.stringify(error.details)).toMatch(/reserved/);
    await admin.json(`/api/rules/${rule.id}`, { method: 'DELETE' });
  });

  it('publishes a new rule as a new version, answers with it at once, and keeps older versions intact', async () => {
    expect(base).toBe(2);
    const body = { action: 'prompt', destination: { provider: 'openai-chatgpt' }, subject: { groups: ['interns'] } };
    expect(await effectFor(body)).toBe('allow');
    await admin.json('/api/rules', {
      method: 'POST',
      json: { ruleId: 'interns-no-ai', priority: 5, effect: 'block', message: 'Interns may not use AI services yet.', conditions: { groups: ['interns'], actions: ['prompt', 'upload'] } },
    });
    const diff = await admin.json<any>('/api/policy/draft-diff');
    expect(diff.rules.added.map((r: any) => r.id)).toEqual(['interns-no-ai']);
    // The answer is exactly the contract's shape (parsing drops unknown keys, so nothing extra either).
    expect(policyDiffOutput.parse(diff)).toEqual(diff);
    const v2 = await admin.json<any>('/api/policy/publish', { method: 'POST', json: { note: 'Block interns' } });
    expect(v2).toMatchObject({ number: 3, note: 'Block interns', authorLabel: 'owner@airlock.test' });
    expect(v2.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const r = (await (await t.decide(body)).json()) as any;
    expect(r).toMatchObject({ effect: 'block', policyVersion: 3 });
    expect(r.reasons[0]).toMatchObject({ ruleId: 'interns-no-ai', message: 'Interns may not use AI services yet.' });
    const versions = await admin.json<any[]>('/api/policy-versions');
    expect(versions.map((v) => v.number)).toEqual([3, 2, 1]);
    const v1 = await admin.json<any>(`/api/policy-versions/${versions[1].id}`);
    expect(v1.rules.map((x: any) => x.id)).not.toContain('interns-no-ai');
    const d = await admin.json<any>(`/api/policy-versions/${versions[0].id}/diff`);
    expect(d.rules.added.map((x: any) => x.id)).toEqual(['interns-no-ai']);
    expect(policyDiffOutput.parse(d)).toEqual(d);
  });

  it('simulates a request under the draft and the published policy side by side', async () => {
    const rules = await admin.json<any[]>('/api/rules?filter={"q":"interns-no-ai"}');
    await admin.json(`/api/rules/${rules[0].id}`, { method: 'PUT', json: { effect: 'warn', message: 'Interns: think twice.' } });
    const sim = await admin.json<any>('/api/policy/simulate', {
      method: 'POST',
      json: { request: { action: 'prompt', destination: { url: 'https://chatgpt.com/' }, subject: { groups: ['interns'] }, content: { text: 'hello' } } },
    });
    expect(sim.published).toMatchObject({ effect: 'block', policyVersion: 3 });
    expect(sim.draft.effect).toBe('warn');
    expect(sim.draft.reasons[0]).toMatchObject({ ruleId: 'interns-no-ai', message: 'Interns: think twice.' });
    expect(sim.differs).toBe(true);
    expect(simulateOutput.parse(sim)).toEqual(sim);
    // The draft is not in force until published.
    expect(await effectFor({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, subject: { groups: ['interns'] } })).toBe('block');
  });

  it('previews the impact of the draft on logged decisions', async () => {
    for (let i = 0; i < 5; i++) await t.decide({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, subject: { groups: ['interns'] } });
    for (let i = 0; i < 3; i++) await t.decide({ action: 'access', destination: { provider: 'openai-chatgpt' } });
    await new Promise((r) => setTimeout(r, 400));
    const impact = await admin.json<any>('/api/policy/impact', { method: 'POST', json: { limit: 1000 } });
    expect(impact.replayed).toBeGreaterThanOrEqual(8);
    expect(impact.transitions).toEqual(expect.arrayContaining([{ before: 'block', after: 'warn', count: expect.any(Number) }]));
    const blockToWarn = impact.transitions.find((x: any) => x.before === 'block' && x.after === 'warn');
    expect(blockToWarn.count).toBeGreaterThanOrEqual(5);
    expect(impact.byDestination[0]).toMatchObject({ destination: 'openai-chatgpt' });
    expect(impact.examples[0]).toMatchObject({ before: 'block', after: 'warn' });
    expect(impactOutput.parse(impact)).toEqual(impact);
  });

  it('rolls back to an older version: its rules become the draft and a new version', async () => {
    const versions = await admin.json<any[]>('/api/policy-versions');
    const v3 = await admin.json<any>('/api/policy-versions/2/rollback', { method: 'POST', json: { note: 'Back before the intern rule' } });
    expect(v3).toMatchObject({ number: versions[0].number + 1, rollbackOf: 2 });
    expect(await effectFor({ action: 'prompt', destination: { provider: 'openai-chatgpt' }, subject: { groups: ['interns'] } })).toBe('allow');
    const rules = await admin.json<any[]>('/api/rules?range=[0,100]');
    expect(rules.map((r) => r.ruleId)).not.toContain('interns-no-ai');
    expect((await admin.request('/api/policy-versions/999/rollback', { method: 'POST', json: {} })).status).toBe(404);
  });

  it('blocks a provider now: in force on another instance within a second, shown in the rollout', async () => {
    const second = await startTestApp({}, { shareDatabaseWith: t });
    try {
      const body = { action: 'access', destination: { url: 'https://www.perplexity.ai/' } };
      expect(((await (await second.decide(body)).json()) as any).effect).toBe('warn');
      const id = await providerId('perplexity');
      const started = Date.now();
      const res = await admin.json<any>(`/api/providers/${id}/block`, { method: 'POST', json: { reason: 'Leaked chats found online' } });
      expect(res.provider).toMatchObject({ status: 'blocked', statusReason: 'Leaked chats found online' });
      expect(res.version.number).toBeGreaterThan(1);
      let effect = '';
      while (Date.now() - started < 1000) {
        effect = ((await (await second.decide(body)).json()) as any).effect;
        if (effect === 'block') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(effect).toBe('block');
      const elapsed = Date.now() - started;
      console.log(`Block now reached the second instance in ${elapsed} ms`);
      let rollout: any;
      for (let i = 0; i < 30; i++) {
        rollout = await admin.json<any>(`/api/policy/rollout?version=${res.version.number}`);
        if (rollout.complete && rollout.instances.length >= 2) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(rollout.instances.length).toBeGreaterThanOrEqual(2);
      expect(rollout.complete).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('keeps deciding from the last-known-good policy when the database is unreachable, and says how stale', async () => {
    const dbName = new URL(t.databaseUrl).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.AIRLOCK_TEST_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]);
      await new Promise((r) => setTimeout(r, 2500));
      const res = await t.decide({ action: 'access', destination: { url: 'https://chat.deepseek.com' } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      expect(body.effect).not.toBe('allow');
      expect(body.stale).toMatchObject({ seconds: expect.any(Number) });
      expect(body.ttlSeconds).toBe(0);
    } finally {
      await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    let stale: unknown = 'x';
    for (let i = 0; i < 40 && stale !== undefined; i++) {
      await new Promise((r) => setTimeout(r, 250));
      stale = ((await (await t.decide({ action: 'access', destination: { host: 'a.example' } })).json()) as any).stale;
    }
    expect(stale).toBeUndefined();
  });

  it('writes an audit event for every change, chained', async () => {
    const events = await admin.json<any[]>('/api/audit-events?range=[0,200]');
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['rule.create', 'rule.update', 'rule.delete', 'policy.publish', 'policy.rollback', 'provider.block_now']) expect(actions).toContain(a);
    const verify = await admin.json<any>('/api/audit-events/verify');
    expect(verify).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.checked).toBe(events.length);
  });
});
