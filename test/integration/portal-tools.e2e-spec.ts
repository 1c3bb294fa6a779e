import { portalToolsOutput } from '@airlock/contracts';
import { createUser } from '../support/security';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * GET /api/portal/tools: what the portal needs to search by domain, to state training once (the
 * catalog's per-account facts) and to name the services an employee may use instead of one they may not.
 */
describe('portal: Which AI services may I use?', () => {
  let t: TestApp;
  let admin: Session;
  let employee: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    await createUser(t, { email: 'pat@portal-tools.test', role: 'employee', password: 'pats password is long enough' });
    employee = await t.login('pat@portal-tools.test', 'pats password is long enough');
    const set = async (slug: string, status: string, statusReason: string) => {
      const p = (await admin.json<any[]>(`/api/providers?filter=${encodeURIComponent(JSON.stringify({ q: slug }))}`)).find((x) => x.slug === slug);
      await admin.json(`/api/providers/${p.id}`, { method: 'PUT', json: { status, statusReason } });
    };
    await set('openai-chatgpt', 'approved', 'Enterprise agreement with no training on our data');
    await set('anthropic-claude', 'approved', 'Enterprise agreement with no training on our data');
    await set('openai-api', 'approved', 'API under the enterprise agreement');
    await set('deepseek', 'blocked', 'Stored in China');
    await admin.json('/api/policy/publish', { method: 'POST', json: { note: 'portal tools' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const tools = async () => portalToolsOutput.parse(await employee.json<unknown>('/api/portal/tools')).tools;

  it('names the services to use instead of a blocked one, those reached the same ways first', async () => {
    const list = await tools();
    const deepseek = list.find((x) => x.slug === 'deepseek')!;
    expect(deepseek.status).toBe('blocked');
    // DeepSeek is a web, mobile and API service: ChatGPT and Claude (web, mobile) before the API only
    expect(deepseek.alternatives.slice(0, 2).sort()).toEqual(['anthropic-claude', 'openai-chatgpt']);
    expect(deepseek.alternatives.length).toBeLessThanOrEqual(3);
    expect(deepseek.alternatives).not.toContain('deepseek');
    for (const slug of deepseek.alternatives) expect(list.find((x) => x.slug === slug)!.status).toBe('approved');
    // a service one may use suggests nothing
    expect(list.find((x) => x.slug === 'openai-chatgpt')!.alternatives).toEqual([]);
  });

  it('carries the domains (for the search) and the per-account training facts', async () => {
    const list = await tools();
    const deepseek = list.find((x) => x.slug === 'deepseek')!;
    expect(deepseek.domains).toContain('chat.deepseek.com');
    expect(deepseek.accountTraining).toEqual([]);
    const chatgpt = list.find((x) => x.slug === 'openai-chatgpt')!;
    expect(chatgpt.trainsOnInputs).toBe('opt_out');
    expect(chatgpt.accountTraining).toEqual(
      expect.arrayContaining([
        { kind: 'consumer', name: expect.any(String), trainsOnInputs: 'opt_out' },
        { kind: 'business', name: expect.any(String), trainsOnInputs: 'no' },
      ]),
    );
  });

  it('suggests the usable services for one not reviewed yet too', async () => {
    const unreviewed = (await tools()).filter((x) => x.status === 'under_review');
    expect(unreviewed.length).toBeGreaterThan(0);
    expect(unreviewed.every((x) => x.alternatives.length > 0)).toBe(true);
  });
});
