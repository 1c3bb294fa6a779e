import { randomUUID } from 'node:crypto';
import { ruleImpactOutput } from '@airlock/contracts';
import { createUser, mintSession, type Minted } from '../support/security';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * The rule editor's impact count (POST /api/policy/rule-impact): one rule as it is being edited,
 * not saved, replayed over the organization's newest logged decisions with and without it. It
 * counts what the rule matches and what it changes (the most restrictive effect wins, so a rule
 * matching a decision another rule already blocks changes nothing), replaces the draft rule it
 * edits, names the problems of a rule that does not compile, and never sees another organization.
 */
describe('rule impact: one rule as edited, over the recent decisions', () => {
  let t: TestApp;
  let admin: Session;
  let organizationId = '';
  const ruleImpact = (json: unknown) => admin.json<any>('/api/policy/rule-impact', { method: 'POST', json });
  const providerId = async (slug: string) => (await admin.json<any[]>(`/api/providers?filter=${encodeURIComponent(JSON.stringify({ q: slug }))}`)).find((p) => p.slug === slug).id as string;
  const logged = async () => t.prisma.decisionLog.count({ where: { organizationId } });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    organizationId = (await t.prisma.organization.findFirstOrThrow()).id;
    // ChatGPT approved, Gemini restricted, DeepSeek blocked; the rest of the catalog under review.
    for (const [slug, status] of [
      ['openai-chatgpt', 'approved'],
      ['google-gemini', 'restricted'],
      ['deepseek', 'blocked'],
    ] as const) {
      await admin.json(`/api/providers/${await providerId(slug)}`, { method: 'PUT', json: { status, statusReason: 'rule impact test' } });
    }
    await admin.json('/api/policy/publish', { method: 'POST', json: { note: 'Statuses' } });
    const prompt = (provider: string, groups: string[], dataClasses: string[] = []) =>
      t.decide({ action: 'prompt', destination: { provider }, subject: { groups }, content: { dataClasses } });
    // 10 decisions: health data to ChatGPT (2, legal), to Gemini (2: sales, legal), to DeepSeek (1),
    // source code to Gemini (2, sales), plain prompts to ChatGPT (3, sales).
    await prompt('openai-chatgpt', ['legal'], ['health_data']);
    await prompt('openai-chatgpt', ['legal'], ['health_data']);
    await prompt('google-gemini', ['sales'], ['health_data']);
    await prompt('google-gemini', ['legal'], ['health_data']);
    await prompt('deepseek', ['sales'], ['health_data']);
    await prompt('google-gemini', ['sales'], ['source_code']);
    await prompt('google-gemini', ['sales'], ['source_code']);
    for (let i = 0; i < 3; i++) await prompt('openai-chatgpt', ['sales']);
    for (let i = 0; i < 100 && (await logged()) < 10; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await logged()).toBe(10);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts what a new rule with a none-of condition and an exception matches, and what it changes', async () => {
    // "Warn when the data is source code and the service is not approved, unless the person is in legal."
    const r = await ruleImpact({ conditions: { dataClasses: ['source_code'], noneOf: { providerStatus: ['approved'] } }, exceptions: [{ groups: ['legal'] }], effect: 'warn' });
    expect(ruleImpactOutput.parse(r)).toEqual(r);
    expect(r).toMatchObject({ replayed: 10, matched: 2, changed: 2, transitions: [{ before: 'allow', after: 'warn', count: 2 }], edit: null, truncated: false, warnings: [] });
    // The policy in force does not look for source code: only clients that stated it were logged with it.
    expect(r.limitations.map((l: any) => [l.code, l.items])).toEqual([['classes_not_detected', ['Source code']]]);
    expect(Date.parse(r.from)).toBeLessThanOrEqual(Date.parse(r.to));
  });

  it('changes nothing where a more restrictive rule already decides: the most restrictive effect wins', async () => {
    // The default no-health-data-unapproved rule blocks health data to Gemini and DeepSeek already.
    const r = await ruleImpact({ conditions: { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } }, effect: 'warn' });
    expect(r).toMatchObject({ matched: 3, changed: 0, transitions: [] });
    // The same rule as a block, unless the person is in legal: still nothing to change.
    expect(await ruleImpact({ conditions: { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } }, exceptions: [{ groups: ['legal'] }], effect: 'block' })).toMatchObject({
      matched: 2,
      changed: 0,
    });
    // Blocking health data to every service changes the two allowed prompts to ChatGPT.
    expect(await ruleImpact({ conditions: { dataClasses: ['health_data'] }, effect: 'block' })).toMatchObject({
      matched: 5,
      changed: 2,
      transitions: [{ before: 'allow', after: 'block', count: 2 }],
    });
  });

  it('replaces the draft rule it edits, and says what the edit changes from the rule as saved', async () => {
    const health = { dataClasses: ['health_data'] };
    // Unchanged: the rule blocks health data to Gemini (2) and DeepSeek (1, blocked anyway); the edit changes nothing.
    expect(await ruleImpact({ replaces: 'no-health-data-unapproved', conditions: health, exceptions: [{ providerStatus: ['approved'] }], effect: 'block' })).toMatchObject({
      matched: 3,
      changed: 2,
      edit: { changed: 0, transitions: [] },
    });
    // Narrowed to DeepSeek: it still matches one decision (already blocked), and the edit gives back Gemini's two.
    expect(await ruleImpact({ replaces: 'no-health-data-unapproved', conditions: { ...health, providers: ['deepseek'] }, effect: 'block' })).toMatchObject({
      matched: 1,
      changed: 0,
      edit: { changed: 2, transitions: [{ before: 'block', after: 'allow', count: 2 }] },
    });
    // Switched off: counted as if enabled, and the edit gives back the same two.
    expect(
      await ruleImpact({ replaces: 'no-health-data-unapproved', enabled: false, conditions: health, exceptions: [{ providerStatus: ['approved'] }], effect: 'block' }),
    ).toMatchObject({ matched: 3, changed: 2, edit: { changed: 2, transitions: [{ before: 'block', after: 'allow', count: 2 }] } });
    // A rule id that is not in the draft: 404 (someone deleted it meanwhile).
    const gone = await admin.request('/api/policy/rule-impact', { method: 'POST', json: { replaces: 'no-such-rule', effect: 'block' } });
    expect(gone.status).toBe(404);
  });

  it('counts only the newest `limit` decisions, and says so', async () => {
    const r = await ruleImpact({ conditions: { actions: ['prompt'] }, effect: 'warn', limit: 4 });
    expect(r).toMatchObject({ replayed: 4, matched: 4, truncated: true });
    expect((await admin.request('/api/policy/rule-impact', { method: 'POST', json: { effect: 'warn', limit: 20_001 } })).status).toBe(400);
  });

  it('names the warnings and problems of the rule by their place in it, and what the log cannot tell', async () => {
    const r = await ruleImpact({ conditions: { noneOf: { providers: ['not-in-catalog'], accountTypes: ['consumer'] }, dataClasses: ['creative_work_x'] }, effect: 'warn' });
    expect(r.warnings).toEqual([{ path: 'when.noneOf.providers.0', message: expect.stringContaining('not in the catalog') }]);
    expect(r.limitations.map((l: any) => [l.code, l.items])).toEqual([
      ['account_type', []],
      ['classes_not_detected', ['creative_work_x']],
    ]);
    const bad = await admin.request('/api/policy/rule-impact', { method: 'POST', json: { conditions: { noneOf: { zeroRetentionOffer: true } }, effect: 'block' } });
    expect(bad.status).toBe(400);
    const unknownKey = await admin.request('/api/policy/rule-impact', { method: 'POST', json: { effect: 'block', message: 'not taken here' } });
    expect(unknownKey.status).toBe(400);
  });

  it('is scoped to the organization: another organization sees its own decisions and rules only', async () => {
    const b = await t.prisma.organization.create({ data: { name: 'Rule impact B', slug: `rule-impact-b-${randomUUID().slice(0, 8)}` } });
    const ownerB: Minted = await mintSession(t, await createUser(t, { organizationId: b.id, email: 'owner@rule-impact-b.test', role: 'owner' }));
    const now = Date.now();
    await t.prisma.decisionLog.createMany({
      data: [0, 1].map((i) => ({
        id: randomUUID(),
        time: new Date(now - i * 1000),
        organizationId: b.id,
        policyVersion: 1,
        destinationHost: 'unknown-ai.example',
        action: 'prompt' as const,
        effect: 'allow' as const,
        dataClasses: ['source_code'],
        latencyMicros: 10,
      })),
    });
    const asB = (json: unknown) =>
      fetch(`${t.url}/api/policy/rule-impact`, { method: 'POST', headers: { ...ownerB.principal.headers('POST'), 'content-type': 'application/json' }, body: JSON.stringify(json) });
    const res = await asB({ conditions: { dataClasses: ['source_code'], noneOf: { providerStatus: ['approved'] } }, effect: 'block' });
    expect(res.status).toBe(200);
    // B's two decisions (an AI service outside its empty catalog is not approved), never A's ten.
    expect(await res.json()).toMatchObject({ replayed: 2, matched: 2, changed: 2 });
    // A's rule is not B's to replace.
    expect((await asB({ replaces: 'no-health-data-unapproved', effect: 'block' })).status).toBe(404);
  });

  it('is refused to people without the simulate permission', async () => {
    const employee = await mintSession(t, await createUser(t, { email: 'employee@rule-impact.test', role: 'employee' }));
    const res = await fetch(`${t.url}/api/policy/rule-impact`, { method: 'POST', headers: { ...employee.principal.headers('POST'), 'content-type': 'application/json' }, body: '{"effect":"block"}' });
    expect(res.status).toBe(403);
  });
});
