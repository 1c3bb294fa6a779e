import { type Session, startTestApp, type TestApp } from '../support/test-app';

/** Custom detectors through the admin API, and content inspection in decisions. */
describe('custom detectors and inspection', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a regular expression RE2 cannot run, with the reason', async () => {
    const res = await admin.request('/api/detectors', {
      method: 'POST',
      json: { name: 'backref', kind: 'regex', dataClass: 'client_information', patterns: ['(a+)\\1'] },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('validation_failed');
    expect(JSON.stringify(body.error.details)).toMatch(/RE2|escape|backreference/i);
    const unknownClass = await admin.request('/api/detectors', { method: 'POST', json: { name: 'x', kind: 'keywords', dataClass: 'no_such_class', patterns: ['x'] } });
    expect(unknownClass.status).toBe(400);
  });

  it('tests a pattern against sample text without saving it, in linear time', async () => {
    const r = await admin.json<any>('/api/detectors/test', {
      method: 'POST',
      json: { sample: 'Account ACME-004211 and ACME-99 belong to Globex.', detector: { name: 'accounts', kind: 'regex', dataClass: 'client_information', patterns: ['ACME-\\d{6}'] } },
    });
    expect(r.findings).toEqual([expect.objectContaining({ dataClass: 'client_information', start: 8, end: 19 })]);
    const slow = await admin.json<any>('/api/detectors/test', {
      method: 'POST',
      json: { sample: `${'a'.repeat(50_000)}!`, detector: { name: 'evil', kind: 'regex', dataClass: 'client_information', patterns: ['(a+)+$'] } },
    });
    expect(slow.micros).toBeLessThan(2_000_000);
  });

  it('finds client names from a dictionary in decisions once published, and redacts them', async () => {
    const dc = await admin.json<any>('/api/data-classes', { method: 'POST', json: { key: 'project_codenames', name: 'Project code names' } });
    expect(dc.key).toBe('project_codenames');
    const names = Array.from({ length: 5000 }, (_, i) => `Client${i} Holdings`);
    names.push('Globex Corporation');
    const det = await admin.json<any>('/api/detectors', { method: 'POST', json: { name: 'clients', kind: 'dictionary', dataClass: 'client_information', patterns: names } });
    expect(det.patternCount).toBe(5001);
    const text = 'Summarise the Globex Corporation renewal for Client42 Holdings.';
    const before = (await (await t.decide({ action: 'prompt', destination: { provider: 'perplexity' }, content: { text } })).json()) as any;
    expect(before.dataClasses).not.toContain('client_information');
    await admin.json('/api/policy/publish', { method: 'POST', json: { note: 'client dictionary' } });
    const after = (await (await t.decide({ action: 'prompt', destination: { provider: 'perplexity' }, content: { text } })).json()) as any;
    expect(after.effect).toBe('block');
    expect(after.findings.filter((f: any) => f.dataClass === 'client_information')).toHaveLength(2);
    expect(after.reasons.map((r: any) => r.ruleId)).toContain('no-confidential-unapproved');
  });

  it('disables a detector: it stops finding after the next publish', async () => {
    const [det] = await admin.json<any[]>('/api/detectors?filter={"q":"clients"}');
    await admin.json(`/api/detectors/${det.id}`, { method: 'PUT', json: { enabled: false } });
    await admin.json('/api/policy/publish', { method: 'POST', json: { note: 'disable client dictionary' } });
    const r = (await (await t.decide({ action: 'prompt', destination: { provider: 'perplexity' }, content: { text: 'Globex Corporation' } })).json()) as any;
    expect(r.findings.filter((f: any) => f.dataClass === 'client_information')).toHaveLength(0);
  });

  it('runs only the detectors the policy needs', async () => {
    const text = 'mail me at dana.whitfield@fabrikam-mail.com, token ghp_1234567890abcdefghijklmnopqrstuvwxyz';
    const all = (await (await t.decide({ action: 'prompt', destination: { provider: 'perplexity' }, content: { text } })).json()) as any;
    expect(new Set(all.findings.map((f: any) => f.dataClass))).toEqual(new Set(['personal_data', 'credentials']));
    // Disable every rule that looks at personal data: the e-mail detector is no longer run.
    const rules = await admin.json<any[]>('/api/rules?range=[0,100]');
    for (const r of rules.filter((x) => JSON.stringify(x.conditions.dataClasses ?? []).includes('personal_data'))) {
      await admin.json(`/api/rules/${r.id}`, { method: 'PUT', json: { enabled: false } });
    }
    await admin.json('/api/policy/publish', { method: 'POST', json: { note: 'no personal data rule' } });
    const fewer = (await (await t.decide({ action: 'prompt', destination: { provider: 'perplexity' }, content: { text } })).json()) as any;
    expect(new Set(fewer.findings.map((f: any) => f.dataClass))).toEqual(new Set(['credentials']));
  });

  it('lists the built-in detectors for the console', async () => {
    const builtin = await admin.json<any[]>('/api/detectors/builtin');
    expect(builtin.length).toBeGreaterThan(30);
    expect(builtin.map((d) => d.id)).toEqual(expect.arrayContaining(['email', 'payment-card', 'iban', 'us-ssn', 'aws-access-key-id']));
  });
});
