import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    // A data class and a group's SSO mapping are in force when saved, and recorded by the next version.
    await admin.json('/api/data-classes', { method: 'POST', json: { key: 'client_names', name: 'Client names' } });
    await admin.json('/api/groups', { method: 'POST', json: { name: 'advisers', ssoGroups: ['Advisers'] } });
    expect(await draftDiff()).toMatchObject({ unchanged: false, directoryCompared: true, summary: ['1 group added: advisers (SSO groups Advisers)', '1 data class added: Client names'] });
    expect((await admin.json<any>('/api/policy/status')).draftChanged).toBe(true);

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
      groups: [{ name: 'advisers', change: 'added', before: null, after: { description: null, ssoGroups: ['Advisers'] }, fields: [] }],
      dataClasses: [{ key: 'client_names', change: 'added', before: null, after: { name: 'Client names', description: null }, fields: [] }],
      directoryCompared: true,
      summary: [
        '1 detector added: Clients — 4 patterns → Client names',
        'Network zone head-office added: 10.20.0.0/16',
        'Restricted jurisdictions: CN → CN, RU',
        '1 group added: advisers (SSO groups Advisers)',
        '1 data class added: Client names',
      ],
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
    const [advisers] = await admin.json<any[]>('/api/groups?filter={"q":"advisers"}');
    await admin.json(`/api/groups/${advisers.id}`, { method: 'PUT', json: { ssoGroups: ['Advisers', 'Advisers-EU'], description: 'Client advisers' } });
    const [names] = await admin.json<any[]>('/api/data-classes?filter={"q":"client_names"}');
    await admin.json(`/api/data-classes/${names.id}`, { method: 'PUT', json: { name: 'Client names (deal teams)' } });
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
      'clients-warn: Warn when the data is Client names (deal teams)',
      `${chatgpt.name}: under review → approved; status reason changed`,
      'Detector Clients changed: 4 → 6 patterns, disabled',
      'Network zone head-office removed',
      'Group advisers: SSO groups Advisers-EU added; description changed',
      'Data class Client names (deal teams): renamed Client names → Client names (deal teams)',
    ]);
    expect(d.groups).toEqual([
      { name: 'advisers', change: 'changed', before: { description: null, ssoGroups: ['Advisers'] }, after: { description: 'Client advisers', ssoGroups: ['Advisers', 'Advisers-EU'] }, fields: ['description', 'ssoGroups'] },
    ]);
    expect(d.dataClasses).toEqual([
      { key: 'client_names', change: 'changed', before: { name: 'Client names', description: null }, after: { name: 'Client names (deal teams)', description: null }, fields: ['name'] },
    ]);
    // Against an older version, both steps' changes add up.
    const [latest] = await admin.json<any[]>('/api/policy-versions?sort=["number","DESC"]');
    const across = await admin.json<any>(`/api/policy-versions/${latest.id}/diff?against=1`);
    expect(across.detectors).toEqual([expect.objectContaining({ name: 'Clients', change: 'added', after: expect.objectContaining({ patterns: 6, enabled: false }) })]);
    expect(across.zones).toEqual([]);
    expect(across.settings.map((s: any) => s.key)).toEqual(['restrictedJurisdictions']);
  });

  it('publishes a change to groups alone, and refuses an unchanged draft after it', async () => {
    const [advisers] = await admin.json<any[]>('/api/groups?filter={"q":"advisers"}');
    await admin.json(`/api/groups/${advisers.id}`, { method: 'DELETE' });
    expect((await draftDiff()).summary).toEqual(['1 group removed: advisers']);
    const v = await publish('Advisers merged into sales');
    const { d } = await latestVersionDiff();
    expect(d.groups).toEqual([{ name: 'advisers', change: 'removed', before: { description: 'Client advisers', ssoGroups: ['Advisers', 'Advisers-EU'] }, after: null, fields: [] }]);
    expect(d.summary).toEqual(['1 group removed: advisers']);
    const again = await admin.request('/api/policy/publish', { method: 'POST', json: { note: 'again' } });
    expect(again.status).toBe(409);
    expect(v.number).toBeGreaterThan(3);
  });

  it('records the directory in the latest version on upgrade, in the shape the API writes', async () => {
    // What the migration did to versions published before the directory was recorded.
    const migration = readFileSync(join(__dirname, '../../prisma/migrations/20261203160000_policy_version_directory/migration.sql'), 'utf8');
    const update = migration.slice(migration.indexOf('UPDATE "PolicyVersion"'));
    await admin.json('/api/groups', { method: 'POST', json: { name: 'deal-team', description: 'M&A', ssoGroups: ['Zeta', 'Alpha'] } });
    await publish('Deal team');
    await t.prisma.$executeRawUnsafe('UPDATE "PolicyVersion" SET "directory" = NULL');
    // A version without the directory: compared without it, nothing to show.
    expect(await draftDiff()).toMatchObject({ unchanged: true, directoryCompared: false });
    expect((await admin.request('/api/policy/publish', { method: 'POST', json: { note: 'nothing new' } })).status).toBe(409);
    await t.prisma.$executeRawUnsafe(update);
    const versions = await t.prisma.policyVersion.findMany({ orderBy: { number: 'desc' }, select: { number: true, directory: true } });
    expect(versions[0]!.directory).not.toBeNull();
    expect(versions.slice(1).every((v) => v.directory === null)).toBe(true);
    // Recorded as the API records it: the draft is the same, groups and classes compared.
    expect(await draftDiff()).toMatchObject({ unchanged: true, directoryCompared: true, summary: [] });
    expect((await admin.request('/api/policy/publish', { method: 'POST', json: { note: 'nothing new' } })).status).toBe(409);
    const [team] = await admin.json<any[]>('/api/groups?filter={"q":"deal-team"}');
    await admin.json(`/api/groups/${team.id}`, { method: 'PUT', json: { ssoGroups: ['Alpha'] } });
    expect((await draftDiff()).summary).toEqual(['Group deal-team: SSO groups Zeta removed']);
  });
});
