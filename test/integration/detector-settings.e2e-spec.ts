import { AirlockClient, LocalDecider } from '../../libs/sdk/src';
import { BOOTSTRAP_KEY, type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * The organization's allowed values and per-class confidence thresholds: set in the settings, in
 * force on publish, carried by the bundle, honoured the same by the server and a local evaluator.
 */
describe('allowed values and per-class thresholds', () => {
  let t: TestApp;
  let admin: Session;
  let client: AirlockClient;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
    client = new AirlockClient({ baseUrl: t.url, apiKey: BOOTSTRAP_KEY });
  });
  afterAll(async () => {
    await t?.close();
  });

  const text = 'Call our front desk on +44 20 7946 0958 or write to jane.roe@client-corp.com; card 4111 1111 1111 1111 is the test card.';
  const prompt = { action: 'prompt', destination: { provider: 'mistral-le-chat' }, content: { text } } as const;
  const publish = (note: string) => admin.json<any>('/api/policy/publish', { method: 'POST', json: { note } });

  it('refuses settings it cannot use, with the field and the reason', async () => {
    const bad = async (json: unknown) => {
      const res = await admin.request('/api/settings', { method: 'PUT', json });
      expect(res.status).toBe(400);
      return JSON.stringify(await res.json());
    };
    expect(await bad({ classThresholds: { personal_data: 2 } })).toContain('classThresholds');
    expect(await bad({ classThresholds: { 'Personal Data': 0.8 } })).toContain('classThresholds');
    expect(await bad({ allowedValues: [{ value: '- -' }] })).toContain('at least 3 letters or digits');
    expect(await bad({ allowedValues: Array.from({ length: 501 }, (_, i) => ({ value: `value-${i}` })) })).toContain('allowedValues');
  });

  it('leaves an allowed value in the text and still redacts the rest, once published', async () => {
    const before = await client.decide(prompt);
    expect(before.effect).toBe('redact');
    expect(before.redactedText).not.toContain('7946 0958');

    await admin.json('/api/settings', {
      method: 'PUT',
      json: { allowedValues: [{ value: '020 7946 0958', dataClass: 'personal_data', note: 'Front desk, on our website' }, { value: '4111111111111111' }] },
    });
    // A draft change: nothing moves until it is published, and the preview names it.
    expect((await client.decide(prompt)).redactedText).toBe(before.redactedText);
    const diff = await admin.json<any>('/api/policy/draft-diff');
    expect(diff.settings.map((s: any) => s.label)).toContain('Allowed values');
    expect(diff.summary).toContain('Allowed values: none → 020 7946 0958 (Personal data), 4111111111111111');
    await publish('front desk number and the test card are fine');

    const after = await client.decide(prompt);
    expect(after.effect).toBe('redact');
    expect(after.redactedText).toContain('+44 20 7946 0958');
    expect(after.redactedText).toContain('4111 1111 1111 1111');
    expect(after.redactedText).not.toContain('jane.roe@client-corp.com');
  });

  it('applies a per-class threshold without touching the other classes', async () => {
    const probe = { action: 'prompt', destination: { provider: 'mistral-le-chat' }, content: { text: 'Dear Maria Lopez, write to maria.lopez@gmail.com about invoice 42.' } } as const;
    const before = await client.decide(probe);
    const names = before.findings!.filter((f) => f.detector.startsWith('person-name'));
    expect(names.length).toBeGreaterThan(0);
    const surest = Math.max(...names.map((f) => f.confidence));
    const email = before.findings!.find((f) => f.detector === 'email')!;
    // above every name, below the e-mail address: names go, the address stays
    const threshold = Math.min(email.confidence, Math.round((surest + 0.01) * 100) / 100);
    expect(threshold).toBeGreaterThan(surest);
    await admin.json('/api/settings', { method: 'PUT', json: { classThresholds: { personal_data: threshold } } });
    expect((await admin.json<any>('/api/policy/draft-diff')).summary).toContain(`Minimum confidence per data class: none → Personal data: ${threshold}`);
    await publish('names only when sure');
    const after = await client.decide(probe);
    expect(after.findings!.filter((f) => f.detector.startsWith('person-name'))).toEqual([]);
    expect(after.findings!.some((f) => f.detector === 'email')).toBe(true);
    await admin.json('/api/settings', { method: 'PUT', json: { classThresholds: {} } });
    await publish('default thresholds');
  });

  it('carries both in the bundle (without the admins’ notes), and a local evaluator decides the same', async () => {
    const res = await t.request('/v1/bundle', { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    const bundle = (await res.json()) as any;
    expect(bundle.detectors.settings.allowedValues).toEqual([{ value: '020 7946 0958', dataClass: 'personal_data' }, { value: '4111111111111111' }]);
    expect(bundle.detectors.settings.classThresholds).toEqual({});
    expect(JSON.stringify(bundle)).not.toContain('Front desk');
    const local = await LocalDecider.start(client);
    try {
      const server = await client.decide(prompt);
      const mine = local.decide(prompt);
      expect({ effect: mine.effect, findings: mine.findings, redactedText: mine.redactedText }).toEqual({ effect: server.effect, findings: server.findings, redactedText: server.redactedText });
    } finally {
      local.stop();
    }
  });
});
