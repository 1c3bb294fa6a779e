import { policyDiffOutput } from '@airlock/contracts';
import { type Session, startTestApp, type TestApp } from '../support/test-app';

/**
 * The publish preview and the version diff name every change that can alter a decision (custom
 * detectors, zones, AI services, settings, rules), in plain words, and nothing else.
 */
describe('policy diff', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.close();
  });

  const draftDiff = async () => {
    const d = await admin.json<any>('/api/policy/draft-diff');
    expect(policyDiffOutput.parse(d)).toEqual(d);
    return d;
  };
  const latestVersionDiff = async () => {
    const [latest] = await admin.json<any[]>('/api/policy-versions?sort=["number","DESC"]');
    const d = await admin.json<any>(`/api/policy-versions/${latest.id}/diff`);
    expect(policyDiffOutput.parse(d)).toEqual(d);
    return { d, number: latest.number as number };
  };
  const publish = (note: string) => admin.json<any>('/api/policy/publish', { method: 'POST', json: { note } });

  it('starts with nothing to publish', async () => {
    const d = await draftDiff();
    expect(d.unchanged).toBe(true);
    expect(d.summary).toEqual([]);
  });

  it('lists a new detector, a zone and a setting in the preview and in the published version, and nothing else', async () => {
    // A data class and a group's SSO mapping are not part of the policy: they alone change nothing.
    await admin.json('/api/data-classes', { method: 'POST', json: { key: 'client_names', name: 'Client names' } });
    await admin.json('/api/groups', { method: 'POST', json: { name: 'advisers', ssoGroups: ['Advisers'] } });
    expect((await draftDiff()).unchanged).toBe(true);

    await admin.json('/api/detectors', {
      method: 'POST',
      json: { name: 'Clients', kind: 'dictionary', dataClass: 'client_names', patterns: ['Acme Corp', 'Globex', 'Initech', 'Umbrella'] },
    });
    await admin.json('/api/zones', { method: 'POST', json: { name: 'head-office', cidrs: ['10.20.0.0/16'] } });
    await admin.json('/api/settings', { method: 'PUT', json: { restrictedJurisdictions: ['CN', 'RU'] } });

    const expected = {
      rules: { added: [], removed: [], changed: [] },
      catalog: [],
      detectors: [
        {
          name: 'Clients',
          change: 'added',
          before: null,
          after: { kind: 'dictionary', dataClass: 'client_names', dataClassLabel: 'Client names', patterns: 4, enabled: true, caseSensitive: false, wholeWord: true },
          fields: [],
        },
      ],
      zones: [{ name: 'head-office', before: null, after: ['10.20.0.0/16'] }],
      settings: [{ key: 'restrictedJurisdictions', label: 'Restricted jurisdictions', before: ['CN'], after: ['CN', 'RU'] }],
      settingsChanged: true,
      summary: ['1 detector added: Clients — 4 patterns → Client names', 'Network zone head-office added: 10.20.0.0/16', 'Restricted jurisdictions: CN → CN, RU'],
      unchanged: false,
    };
    const preview = await draftDiff();
    expect(preview).toEqual({ from: 1, to: 'draft', ...expected });

    const v = await publish('Client names, head office, Russia');
    expect(v.number).toBe(2);
    const { d } = await latestVersionDiff();
    expect(d).toEqual({ from: 1, to: 2, ...expected });
    expect((await draftDiff()).unchanged).toBe(true);
  });

  it('lists a changed detector, a removed zone, an AI service and a rule between two published versions', async () => {
    const [det] = await admin.json<any[]>('/api/detectors?filter={"q":"Clients"}');
    await admin.json(`/api/detectors/${det.id}`, { method: 'PUT', json: { patterns: [...det.patterns, 'Hooli', 'Soylent'], enabled: false } });
    const [zone] = await admin.json<any[]>('/api/zones?filter={"q":"head-office"}');
    await admin.json(`/api/zones/${zone.id}`, { method: 'DELETE' });
    const chatgpt = (await admin.json<any[]>('/api/providers?filter={"q":"openai-chatgpt"}')).find((p) => p.slug === 'openai-chatgpt');
    await admin.json(`/api/providers/${chatgpt.id}`, { method: 'PUT', json: { status: 'approved', statusReason: 'Enterprise agreement' } });
    await admin.json('/api/rules', {
      method: 'POST',
      json: { ruleId: 'clients-warn', priority: 50, effect: 'warn', message: 'Client names: check the engagement letter.', conditions: { dataClasses: ['client_names'] } },
    });
    await publish('Tighten');
    const { d, number } = await latestVersionDiff();
    expect(number).toBe(3);
    expect(d.rules.added.map((r: any) => r.id)).toEqual(['clients-warn']);
    expect(d.detectors).toEqual([expect.objectContaining({ name: 'Clients', change: 'changed', fields: ['patterns', 'enabled'] })]);
    expect(d.zones).toEqual([{ name: 'head-office', before: ['10.20.0.0/16'], after: null }]);
    expect(d.catalog).toEqual([{ slug: 'openai-chatgpt', name: chatgpt.name, before: 'under_review', after: 'approved', fields: ['statusReason'] }]);
    expect(d.settings).toEqual([]);
    expect(d.summary).toEqual([
      '1 rule added: clients-warn (warn)',
      `${chatgpt.name}: under review → approved; status reason changed`,
      'Detector Clients changed: 4 → 6 patterns, disabled',
      'Network zone head-office removed',
    ]);
    // Against an older version, both steps' changes add up.
    const [latest] = await admin.json<any[]>('/api/policy-versions?sort=["number","DESC"]');
    const across = await admin.json<any>(`/api/policy-versions/${latest.id}/diff?against=1`);
    expect(across.detectors).toEqual([expect.objectContaining({ name: 'Clients', change: 'added', after: expect.objectContaining({ patterns: 6, enabled: false }) })]);
    expect(across.zones).toEqual([]);
    expect(across.settings.map((s: any) => s.key)).toEqual(['restrictedJurisdictions']);
  });
});
