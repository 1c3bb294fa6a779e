import { simulateOutput } from '@airlock/contracts';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * The simulator says what a detector found but the decision did not count, and why: a documented
 * test card number, an allowed value of the settings, a value under the class's minimum confidence.
 * The public decision answer stays as it was (no `notCounted`).
 */
describe('simulator: found but not counted', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });

  const text = 'Card 4111 1111 1111 1111 is the test card; call our desk on +44 20 7946 0958 or write to jane.roe@client-corp.com.';
  const request = { action: 'prompt', destination: { provider: 'mistral-le-chat' }, content: { text } };
  const simulate = async () => simulateOutput.parse(await admin.json<unknown>('/api/policy/simulate', { method: 'POST', json: { request } }));
  const spans = (list: { start: number; end: number; reason?: string }[]) => list.map((f) => [text.slice(f.start, f.end), ...(f.reason ? [f.reason] : [])]);

  it('lists a documented test card as not counted, with the reason, under the draft and the published policy', async () => {
    const sim = await simulate();
    for (const d of [sim.draft, sim.published!]) {
      expect(spans(d.notCounted)).toContainEqual(['4111 1111 1111 1111', 'test_value']);
      expect(d.notCounted.find((f) => f.reason === 'test_value')).toMatchObject({ dataClass: 'financial', detector: 'payment-card', threshold: 0.5 });
      expect(spans(d.findings)).toContainEqual(['jane.roe@client-corp.com']);
      expect(spans(d.findings)).not.toContainEqual(['4111 1111 1111 1111']);
    }
  });

  it('names an allowed value and a value under a raised threshold once they are in the draft', async () => {
    await admin.json('/api/settings', { method: 'PUT', json: { allowedValues: [{ value: '020 7946 0958', dataClass: 'personal_data', note: 'Front desk' }], classThresholds: { personal_data: 0.99 } } });
    try {
      const sim = await simulate();
      expect(spans(sim.draft.notCounted)).toEqual(
        expect.arrayContaining([
          ['4111 1111 1111 1111', 'test_value'],
          ['+44 20 7946 0958', 'allowed_value'],
          ['jane.roe@client-corp.com', 'below_threshold'],
        ]),
      );
      expect(sim.draft.notCounted.find((f) => f.reason === 'below_threshold')!.threshold).toBe(0.99);
      // the published policy does not have the settings yet: the address counts there
      expect(spans(sim.published!.findings)).toContainEqual(['jane.roe@client-corp.com']);
      expect(spans(sim.published!.notCounted)).not.toContainEqual(['+44 20 7946 0958', 'allowed_value']);
    } finally {
      await admin.json('/api/settings', { method: 'PUT', json: { allowedValues: [], classThresholds: {} } });
    }
  });

  it('lists an address at a documentation domain as a test value instead of dropping it silently', async () => {
    const doc = 'Write to jane.doe@example.com for the demo.';
    const sim = simulateOutput.parse(await admin.json<unknown>('/api/policy/simulate', { method: 'POST', json: { request: { ...request, content: { text: doc } } } }));
    expect(sim.draft.findings).toEqual([]);
    expect(sim.draft.notCounted.map((f) => [doc.slice(f.start, f.end), f.reason, f.detector])).toEqual([['jane.doe@example.com', 'test_value', 'email']]);
  });

  it('keeps the decision answer as it was: no notCounted outside the simulator', async () => {
    const res = await t.decide(request);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('notCounted');
    expect(JSON.stringify(body)).not.toContain('test_value');
  });

  it('answers an empty list without text', async () => {
    const sim = simulateOutput.parse(await admin.json<unknown>('/api/policy/simulate', { method: 'POST', json: { request: { action: 'prompt', destination: { provider: 'mistral-le-chat' } } } }));
    expect(sim.draft.notCounted).toEqual([]);
  });
});
