import { readOrgSettings } from '@airlock/contracts';
import { diffSnapshots } from './policy-diff';
import type { PolicySnapshot } from './policy-snapshot';

const base = (): PolicySnapshot => ({
  rules: [{ id: 'r1', priority: 10, enabled: true, when: {}, effect: 'warn', message: 'Careful' }],
  catalog: [
    {
      slug: 'chatgpt',
      name: 'ChatGPT',
      status: 'under_review',
      domains: ['chatgpt.com'],
      channels: ['web'],
      hqCountry: 'US',
      dataCountries: ['US'],
      trainsOnInputs: 'opt_out',
      zeroRetentionOffer: false,
      riskScore: 40,
    },
  ],
  zones: [{ name: 'office', cidrs: ['10.0.0.0/8'] }],
  detectors: [],
  settings: readOrgSettings({}),
});

const labels = new Map([['client_info', 'client information']]);

describe('diffSnapshots', () => {
  it('says nothing changed for equal snapshots', () => {
    const d = diffSnapshots(base(), base(), 1, 'draft', labels);
    expect(d.unchanged).toBe(true);
    expect(d.summary).toEqual([]);
    expect(d.detectors).toEqual([]);
    expect(d.settings).toEqual([]);
  });

  it('names a new detector with its pattern count and data class label', () => {
    const b = base();
    b.detectors = [{ id: 'x', name: 'Clients', kind: 'keywords', dataClass: 'client_info', patterns: ['a', 'b', 'c', 'd'], caseSensitive: false, wholeWord: true, enabled: true }];
    const d = diffSnapshots(base(), b, 1, 'draft', labels);
    expect(d.unchanged).toBe(false);
    expect(d.detectors).toEqual([
      expect.objectContaining({ name: 'Clients', change: 'added', before: null, after: expect.objectContaining({ patterns: 4, dataClassLabel: 'client information' }) }),
    ]);
    expect(d.summary).toEqual(['1 detector added: Clients — 4 patterns → client information']);
  });

  it('describes a changed and a removed detector, a zone, a service and settings', () => {
    const a = base();
    a.detectors = [
      { id: 'x', name: 'Clients', kind: 'keywords', dataClass: 'client_info', patterns: ['a', 'b'], caseSensitive: false, wholeWord: true, enabled: true },
      { id: 'y', name: 'Old', kind: 'regex', dataClass: 'secret', patterns: ['z'], caseSensitive: false, wholeWord: true, enabled: true },
    ];
    const b = base();
    b.detectors = [{ ...a.detectors[0]!, patterns: ['a', 'b', 'c'], enabled: false }];
    b.zones = [{ name: 'office', cidrs: ['10.0.0.0/8', '192.168.0.0/16'] }];
    b.catalog = [{ ...b.catalog[0]!, status: 'approved', domains: ['chatgpt.com', 'chat.openai.com'] }];
    b.settings = { ...b.settings, restrictedJurisdictions: ['CN', 'RU'], decisionTtlSeconds: 30 };
    const d = diffSnapshots(a, b, 3, 4, labels);
    expect(d.detectors.map((x) => [x.name, x.change, x.fields])).toEqual([
      ['Clients', 'changed', ['patterns', 'enabled']],
      ['Old', 'removed', []],
    ]);
    expect(d.catalog).toEqual([{ slug: 'chatgpt', name: 'ChatGPT', before: 'under_review', after: 'approved', fields: ['domains'] }]);
    expect(d.settings.map((s) => s.key).sort()).toEqual(['decisionTtlSeconds', 'restrictedJurisdictions']);
    expect(d.settingsChanged).toBe(true);
    expect(d.summary).toEqual([
      'ChatGPT: under review → approved; domains changed',
      'Detector Clients changed: 2 → 3 patterns, disabled',
      '1 detector removed: Old (1 pattern → secret)',
      'Network zone office: 192.168.0.0/16 added',
      'Restricted jurisdictions: CN → CN, RU',
      'Decision cache time (seconds): 60 → 30',
    ]);
  });

  it('ignores the order of CIDRs and lists rules in words', () => {
    const a = base();
    a.zones = [{ name: 'office', cidrs: ['10.0.0.0/8', '192.168.0.0/16'] }];
    const b = base();
    b.zones = [{ name: 'office', cidrs: ['192.168.0.0/16', '10.0.0.0/8'] }];
    b.rules = [{ ...b.rules[0]!, effect: 'block' }, { id: 'r2', priority: 20, enabled: true, when: {}, effect: 'allow', message: 'ok' }];
    const d = diffSnapshots(a, b, 1, 2, labels);
    expect(d.zones).toEqual([]);
    expect(d.summary).toEqual(['1 rule added: r2 (allow)', 'r2: Allow every request', 'Rule r1 changed: effect — now: Block every request']);
  });

  it('says an added rule, and a rule whose conditions changed, in one sentence with the names people read', () => {
    const a = base();
    a.rules.push({ id: 'r3', priority: 30, enabled: true, when: { providers: ['chatgpt'] }, effect: 'warn', message: 'Careful' });
    const b = base();
    b.rules = [
      { ...b.rules[0]!, message: 'Be careful' },
      {
        id: 'no-health',
        priority: 20,
        enabled: true,
        when: { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } },
        unless: [{ groups: ['legal'] }],
        effect: 'block',
        message: 'No health data',
      },
      { id: 'r3', priority: 30, enabled: false, when: { noneOf: { providers: ['chatgpt'], dataCountries: ['CN'] } }, effect: 'warn', message: 'Careful' },
    ];
    const d = diffSnapshots(a, b, 1, 'draft', new Map([['health_data', 'Health data']]));
    expect(d.summary).toEqual([
      '1 rule added: no-health (block)',
      'no-health: Block when the data is health data and the service is not approved, unless the person is in legal',
      'Rule r1 changed: message',
      'Rule r3 changed: enabled, when — now: Warn when the service is not ChatGPT and the service does not store data in China (disabled)',
    ]);
    expect(d.rules.changed.find((c) => c.id === 'r3')!.fields.map((f) => f.path)).toEqual(['enabled', 'when.noneOf', 'when.providers']);
  });

  it('says when only the order of address ranges differs', () => {
    const a = base();
    a.zones = [{ name: 'office', cidrs: ['10.0.0.0/8', '192.168.0.0/16'] }];
    const b = base();
    b.zones = [{ name: 'office', cidrs: ['192.168.0.0/16', '10.0.0.0/8'] }];
    const d = diffSnapshots(a, b, 1, 'draft', labels);
    expect(d.unchanged).toBe(false);
    expect(d.summary).toEqual(['No change to decisions: only the order of entries or internal identifiers differ']);
  });

  it('names groups and data classes added, removed and changed, in words', () => {
    const a = base();
    a.directory = {
      groups: [
        { name: 'sales', ssoGroups: ['Sales-EU', 'Sales-Old'] },
        { name: 'interns', description: 'Summer interns', ssoGroups: [] },
      ],
      dataClasses: [
        { key: 'client_info', name: 'Client info', builtin: false },
        { key: 'personal_data', name: 'Personal data', builtin: true },
      ],
    };
    const b = base();
    b.directory = {
      groups: [
        { name: 'sales', ssoGroups: ['Sales-EU', 'Sales-US'] },
        { name: 'legal', ssoGroups: ['Legal-Team'] },
      ],
      dataClasses: [
        { key: 'client_info', name: 'Client information', builtin: false },
        { key: 'personal_data', name: 'Personal data', builtin: true },
        { key: 'merger_docs', name: 'Merger documents', description: 'Deal rooms', builtin: false },
      ],
    };
    const d = diffSnapshots(a, b, 1, 'draft', labels);
    expect(d.directoryCompared).toBe(true);
    expect(d.unchanged).toBe(false);
    expect(d.groups.map((g) => [g.name, g.change, g.fields])).toEqual([
      ['interns', 'removed', []],
      ['legal', 'added', []],
      ['sales', 'changed', ['ssoGroups']],
    ]);
    expect(d.groups[2]).toMatchObject({ before: { description: null, ssoGroups: ['Sales-EU', 'Sales-Old'] }, after: { ssoGroups: ['Sales-EU', 'Sales-US'] } });
    expect(d.dataClasses.map((c) => [c.key, c.change, c.fields])).toEqual([
      ['client_info', 'changed', ['name']],
      ['merger_docs', 'added', []],
    ]);
    expect(d.summary).toEqual([
      'Group sales: SSO groups Sales-US added; SSO groups Sales-Old removed',
      '1 group added: legal (SSO groups Legal-Team)',
      '1 group removed: interns',
      'Data class Client information: renamed Client info → Client information',
      '1 data class added: Merger documents',
    ]);
  });

  it('leaves groups and data classes out against a version that did not record them', () => {
    const b = base();
    b.directory = { groups: [{ name: 'legal', ssoGroups: [] }], dataClasses: [] };
    const d = diffSnapshots(base(), b, 1, 'draft', labels);
    expect(d).toMatchObject({ directoryCompared: false, unchanged: true, groups: [], dataClasses: [], summary: [] });
  });
});
