import { readOrgSettings } from '@airlock/contracts';
import { compileSnapshot } from './compiled-policy';
import { type ReplayedLog, replayImpact } from './impact-replay';
import { type PolicySnapshot, snapshotHash } from './policy-snapshot';

const snapshot = (over: Partial<PolicySnapshot> = {}): PolicySnapshot => ({
  rules: [{ id: 'coach', priority: 10, enabled: true, when: { providerStatus: ['under_review'] }, effect: 'warn', message: 'Careful' }],
  catalog: [
    { slug: 'chatgpt', name: 'ChatGPT', status: 'approved', domains: ['chatgpt.com'], channels: ['web'], hqCountry: 'US', dataCountries: ['US'], trainsOnInputs: 'opt_out', zeroRetentionOffer: false },
    { slug: 'deepseek', name: 'DeepSeek', status: 'under_review', domains: ['chat.deepseek.com'], channels: ['web'], hqCountry: 'CN', dataCountries: ['CN'], trainsOnInputs: 'yes', zeroRetentionOffer: false },
  ],
  zones: [{ name: 'office', cidrs: ['10.0.0.0/8'] }],
  detectors: [],
  settings: readOrgSettings({}),
  ...over,
});

const side = (s: PolicySnapshot, version = 1) => ({ ...compileSnapshot('org', version, snapshotHash(s), s), snapshot: s });

let n = 0;
const log = (over: Partial<ReplayedLog> = {}): ReplayedLog => ({
  id: `d${++n}`,
  time: new Date(Date.UTC(2026, 11, 1, 12, 0, n)),
  providerSlug: 'deepseek',
  destinationHost: 'chat.deepseek.com',
  action: 'prompt',
  channel: 'web',
  networkZones: [],
  subjectGroups: [],
  dataClasses: [],
  ...over,
});

const opts = { against: 1, window: { since: null, until: null }, truncated: false };

describe('replayImpact', () => {
  it('reports nothing when the draft answers as the published policy, whatever the decisions were logged with', () => {
    const s = snapshot();
    // Logged as allowed before a Block now: the replay of both policies agrees, so no change is the draft's.
    const r = replayImpact(side(s), side(s), [log(), log({ providerSlug: 'chatgpt' })], opts);
    expect(r).toMatchObject({ replayed: 2, changed: 0, unchanged: 2, transitions: [], byDestination: [], byGroup: [], examples: [], limitations: [] });
  });

  it('counts only the differences between the published policy and the draft, by effect, rule, service and group', () => {
    const published = snapshot();
    const draft = snapshot({
      rules: [...published.rules, { id: 'interns-block', priority: 5, enabled: true, when: { groups: ['interns'] }, effect: 'block', message: 'No' }],
    });
    const logs = [
      log({ subjectGroups: ['interns', 'sales'] }),
      log({ subjectGroups: ['interns'], providerSlug: 'chatgpt', destinationHost: 'chatgpt.com' }),
      log({ subjectGroups: ['legal'] }),
      log(),
    ];
    const r = replayImpact(side(published), side(draft, 0), logs, opts);
    expect(r.changed).toBe(2);
    expect(r.transitions).toEqual([
      { before: 'allow', after: 'block', count: 1 },
      { before: 'warn', after: 'block', count: 1 },
    ]);
    expect(r.rulesNewlyMatching).toEqual([{ ruleId: 'interns-block', count: 2 }]);
    expect(r.rulesNoLongerMatching).toEqual([]);
    expect(r.byDestination).toEqual([
      { destination: 'deepseek', name: 'DeepSeek', changed: 1, total: 3 },
      { destination: 'chatgpt', name: 'ChatGPT', changed: 1, total: 1 },
    ]);
    expect(r.byGroup).toEqual([
      { group: 'interns', changed: 2, total: 2 },
      { group: 'sales', changed: 1, total: 1 },
    ]);
    expect(r.examples[0]).toMatchObject({ destination: 'deepseek', name: 'DeepSeek', before: 'warn', after: 'block', groups: ['interns', 'sales'], publishedRuleIds: ['coach'] });
    expect(r.examples[0]!.ruleIds).toEqual(['interns-block', 'coach']);
  });

  it('resolves a host the draft adds to the catalog', () => {
    const published = snapshot({ rules: [{ id: 'unknown-ai', priority: 1, enabled: true, when: { unknownAiDestination: true }, effect: 'warn', message: 'Unknown' }] });
    const draft = snapshot({ rules: published.rules, catalog: [...published.catalog, { ...published.catalog[1]!, slug: 'kimi', name: 'Kimi', domains: ['kimi.ai'] }] });
    const r = replayImpact(side(published), side(draft, 0), [log({ providerSlug: null, destinationHost: 'kimi.ai' })], opts);
    expect(r.transitions).toEqual([{ before: 'warn', after: 'allow', count: 1 }]);
    expect(r.byDestination[0]).toMatchObject({ destination: 'kimi.ai', name: 'Kimi' });
  });

  it('says what the log cannot tell: account types, zone networks, classes not looked for, changed detectors', () => {
    const published = snapshot();
    const draft = snapshot({
      rules: [
        ...published.rules,
        { id: 'personal-accounts', priority: 1, enabled: true, when: { accountTypes: ['consumer', 'unknown'] }, effect: 'block', message: 'Work accounts only' },
        { id: 'not-work-accounts', priority: 1, enabled: true, when: { noneOf: { accountTypes: ['business'] } }, effect: 'warn', message: 'Use a work account' },
        { id: 'health', priority: 2, enabled: true, when: { dataClasses: ['health_data'] }, effect: 'block', message: 'No health data' },
      ],
      zones: [{ name: 'office', cidrs: ['10.0.0.0/8', '192.168.0.0/16'] }],
      detectors: [{ id: 'x', name: 'Clients', kind: 'keywords', dataClass: 'client_info', patterns: ['acme'], caseSensitive: false, wholeWord: true, enabled: true }],
    });
    const r = replayImpact(side(published), side(draft, 0), [], { ...opts, classLabels: new Map([['health_data', 'Health data']]) });
    expect(r.limitations.map((l) => [l.code, l.items])).toEqual([
      ['account_type', ['not-work-accounts', 'personal-accounts']],
      ['zone_addresses', ['office']],
      ['classes_not_detected', ['Health data']],
      ['detectors_changed', ['Clients']],
    ]);
    expect(r.replayed).toBe(0);
    expect(r.from).toBeNull();
  });

  it('compares with allowing everything when nothing is published', () => {
    const r = replayImpact(null, side(snapshot(), 0), [log()], { ...opts, against: null });
    expect(r.transitions).toEqual([{ before: 'allow', after: 'warn', count: 1 }]);
    expect(r.limitations.map((l) => l.code)).toEqual(['no_published_policy']);
  });
});
