import { compilePolicy } from './policy-compiler';
import { PolicyCompileError } from './policy-compile-error';
import { requiredDataClasses } from './required-data-classes';
import { FIXTURE_CATALOG, FIXTURE_ZONES, request } from './testing/fixtures';
import type { Conditions, DecisionRequest, PolicyRule } from './types';

/** expect.stringContaining, typed (it returns `any`). */
const containing = (text: string): string => expect.stringContaining(text) as string;

function rule(id: string, when: Conditions, extra: Partial<PolicyRule> = {}): PolicyRule {
  return { id, priority: 100, enabled: true, when, effect: 'block', message: `${id} matched`, ...extra };
}

/** Does a single block rule with these conditions match the request? */
function matches(when: Conditions, req: DecisionRequest, unless?: Conditions[]): boolean {
  const evaluator = compilePolicy([rule('r', when, { unless })], FIXTURE_CATALOG, FIXTURE_ZONES);
  return evaluator.evaluate(req).effect === 'block';
}

const at = (url: string, overrides: Partial<DecisionRequest> = {}): DecisionRequest => request({ destination: { url }, ...overrides });

type Row = [string, Conditions, DecisionRequest, boolean];

describe('conditions', () => {
  const cases: Record<string, Row[]> = {
    providers: [
      ['slug by host', { providers: ['deepseek'] }, at('https://chat.deepseek.com/'), true],
      ['slug by wildcard host', { providers: ['deepseek'] }, at('https://cdn.static.deepseek.com/'), true],
      ['any of several', { providers: ['mistral', 'deepseek'] }, at('https://chat.deepseek.com/'), true],
      ['slug by provider', { providers: ['openai'] }, request({ destination: { provider: 'openai' } }), true],
      ['slug case-insensitive', { providers: ['OpenAI'] }, request({ destination: { provider: 'OPENAI' } }), true],
      ['other provider', { providers: ['deepseek'] }, at('https://chatgpt.com/'), false],
      ['more specific wildcard belongs to another provider', { providers: ['deepseek'] }, at('https://x.labs.deepseek.com/'), false],
      ['bare apex of a wildcard', { providers: ['deepseek'] }, at('https://deepseek.com/'), false],
      ['evil prefix', { providers: ['deepseek'] }, at('https://evildeepseek.com/'), false],
      ['evil suffix', { providers: ['deepseek'] }, at('https://chat.deepseek.com.evil.net/'), false],
      ['other TLD', { providers: ['deepseek'] }, at('https://chat.deepseek.co/'), false],
      ['unknown destination', { providers: ['deepseek'] }, at('https://unknown-ai.example/'), false],
      ['empty list is not set', { providers: [] }, at('https://chatgpt.com/'), true],
    ],
    providerStatus: [
      ['blocked', { providerStatus: ['blocked'] }, at('https://chat.deepseek.com/'), true],
      ['approved', { providerStatus: ['approved'] }, at('https://chatgpt.com/'), true],
      ['restricted', { providerStatus: ['restricted'] }, at('https://claude.ai/'), true],
      ['under_review', { providerStatus: ['under_review'] }, at('https://chat.mistral.ai/'), true],
      ['unknown host, prompt', { providerStatus: ['unknown'] }, at('https://new-ai.example/'), true],
      ['unknown host, upload', { providerStatus: ['unknown'] }, at('https://new-ai.example/', { action: 'upload' }), true],
      ['unknown slug', { providerStatus: ['unknown'] }, request({ destination: { provider: 'not-in-catalog' } }), true],
      ['unknown host, access: not an AI destination', { providerStatus: ['unknown'] }, at('https://news.example/', { action: 'access' }), false],
      ['unknown is not approved', { providerStatus: ['approved'] }, at('https://new-ai.example/'), false],
      ['known provider is not unknown', { providerStatus: ['unknown'] }, at('https://chatgpt.com/'), false],
      ['other status', { providerStatus: ['blocked', 'restricted'] }, at('https://chatgpt.com/'), false],
      ['empty list is not set', { providerStatus: [] }, at('https://news.example/', { action: 'access' }), true],
    ],
    dataCountries: [
      ['stores in CN', { dataCountries: ['CN'] }, at('https://chat.deepseek.com/'), true],
      ['any of its countries', { dataCountries: ['SE'] }, at('https://chat.mistral.ai/'), true],
      ['lowercase condition', { dataCountries: ['cn'] }, at('https://kimi.example/'), true],
      ['not there', { dataCountries: ['CN'] }, at('https://chatgpt.com/'), false],
      ['HQ is not storage', { dataCountries: ['SG', 'CN'] }, at('https://claude.ai/'), false],
      ['unknown destination has no countries', { dataCountries: ['CN'] }, at('https://new-ai.example/'), false],
    ],
    hqCountries: [
      ['HQ in CN', { hqCountries: ['CN'] }, at('https://chat.deepseek.com/'), true],
      ['HQ in SG', { hqCountries: ['SG'] }, at('https://kimi.example/'), true],
      ['storage is not HQ', { hqCountries: ['CN'] }, at('https://kimi.example/'), false],
      ['unknown destination', { hqCountries: ['US'] }, at('https://new-ai.example/'), false],
    ],
    trainsOnInputs: [
      ['yes', { trainsOnInputs: ['yes'] }, at('https://chat.deepseek.com/'), true],
      ['opt_out', { trainsOnInputs: ['yes', 'opt_out'] }, at('https://chatgpt.com/'), true],
      ['no is not opt_out', { trainsOnInputs: ['yes', 'opt_out'] }, at('https://claude.ai/'), false],
      ['no', { trainsOnInputs: ['no'] }, at('https://claude.ai/'), true],
      ['unknown destination', { trainsOnInputs: ['yes', 'opt_out', 'no'] }, at('https://new-ai.example/'), false],
    ],
    zeroRetentionOffer: [
      ['true', { zeroRetentionOffer: true }, at('https://chatgpt.com/'), true],
      ['false', { zeroRetentionOffer: false }, at('https://chat.deepseek.com/'), true],
      ['true vs false', { zeroRetentionOffer: true }, at('https://chat.deepseek.com/'), false],
      ['false vs true', { zeroRetentionOffer: false }, at('https://chatgpt.com/'), false],
      ['unknown destination', { zeroRetentionOffer: false }, at('https://new-ai.example/'), false],
    ],
    restrictedJurisdiction: [
      ['HQ and storage in CN', { restrictedJurisdiction: true }, at('https://chat.deepseek.com/'), true],
      ['storage only in CN', { restrictedJurisdiction: true }, at('https://kimi.example/'), true],
      ['nowhere restricted', { restrictedJurisdiction: true }, at('https://chatgpt.com/'), false],
      ['false: nowhere restricted', { restrictedJurisdiction: false }, at('https://chatgpt.com/'), true],
      ['false vs storage in CN', { restrictedJurisdiction: false }, at('https://kimi.example/'), false],
      ['unknown destination: true', { restrictedJurisdiction: true }, at('https://new-ai.example/'), false],
      ['unknown destination: false', { restrictedJurisdiction: false }, at('https://new-ai.example/'), false],
    ],
    unknownAiDestination: [
      ['unknown host, prompt', { unknownAiDestination: true }, at('https://new-ai.example/'), true],
      ['unknown slug, access', { unknownAiDestination: true }, request({ action: 'access', destination: { provider: 'nope' } }), true],
      ['unknown host, access', { unknownAiDestination: true }, at('https://news.example/', { action: 'access' }), false],
      ['catalog host', { unknownAiDestination: true }, at('https://chatgpt.com/'), false],
      ['false: catalog host', { unknownAiDestination: false }, at('https://chatgpt.com/'), true],
      ['false: not an AI destination', { unknownAiDestination: false }, at('https://news.example/', { action: 'access' }), true],
      ['false vs unknown', { unknownAiDestination: false }, at('https://new-ai.example/'), false],
    ],
    actions: [
      ['prompt', { actions: ['prompt'] }, request(), true],
      ['any of', { actions: ['access', 'upload'] }, request({ action: 'upload' }), true],
      ['other action', { actions: ['upload'] }, request(), false],
      ['unrecognized action', { actions: ['access', 'prompt', 'upload'] }, request({ action: 'delete' as never }), false],
      ['empty list is not set', { actions: [] }, request({ action: 'access' }), true],
    ],
    channels: [
      ['web', { channels: ['web'] }, request({ context: { channel: 'web' } }), true],
      ['any of', { channels: ['ide', 'cli'] }, request({ context: { channel: 'cli' } }), true],
      ['other channel', { channels: ['web'] }, request({ context: { channel: 'api' } }), false],
      ['no channel given', { channels: ['web'] }, request(), false],
      ['unrecognized channel', { channels: ['web'] }, request({ context: { channel: 'fax' as never } }), false],
    ],
    accountTypes: [
      ['work account', { accountTypes: ['business'] }, request({ context: { accountType: 'business' } }), true],
      ['any of', { accountTypes: ['consumer', 'api'] }, request({ context: { accountType: 'api' } }), true],
      ['other account type', { accountTypes: ['consumer'] }, request({ context: { accountType: 'business' } }), false],
      ['none stated is not consumer', { accountTypes: ['consumer'] }, request(), false],
      ['unknown: none stated', { accountTypes: ['unknown'] }, request(), true],
      ['unknown: context without an account type', { accountTypes: ['unknown'] }, request({ context: { channel: 'web' } }), true],
      ['unknown is not a stated type', { accountTypes: ['unknown'] }, request({ context: { accountType: 'consumer' } }), false],
      ['consumer or unknown, consumer', { accountTypes: ['consumer', 'unknown'] }, request({ context: { accountType: 'consumer' } }), true],
      ['consumer or unknown, work', { accountTypes: ['consumer', 'unknown'] }, request({ context: { accountType: 'business' } }), false],
      ['unrecognized type counts as unknown', { accountTypes: ['unknown'] }, request({ context: { accountType: 'personal' as never } }), true],
      ['unrecognized type is no stated type', { accountTypes: ['consumer', 'business', 'api'] }, request({ context: { accountType: 'personal' as never } }), false],
      ['empty list is not set', { accountTypes: [] }, request({ context: { accountType: 'consumer' } }), true],
    ],
    networkZones: [
      ['by IPv4', { networkZones: ['corporate'] }, request({ context: { ip: '10.1.2.3' } }), true],
      ['by nested zone', { networkZones: ['lab'] }, request({ context: { ip: '10.9.0.1' } }), true],
      ['by IPv6', { networkZones: ['corporate'] }, request({ context: { ip: 'fd00::1' } }), true],
      ['by IPv4-mapped IPv6', { networkZones: ['corporate'] }, request({ context: { ip: '::ffff:10.1.2.3' } }), true],
      ['named by the client', { networkZones: ['guest'] }, request({ context: { networkZone: 'guest' } }), true],
      ['named zone not defined', { networkZones: ['branch'] }, request({ context: { networkZone: 'branch' } }), true],
      ['named plus IP', { networkZones: ['vpn'] }, request({ context: { ip: '10.1.2.3', networkZone: 'vpn' } }), true],
      ['IPv6 outside', { networkZones: ['corporate'] }, request({ context: { ip: '2001:db8::1' } }), false],
      ['IPv4 outside', { networkZones: ['corporate'] }, request({ context: { ip: '11.1.2.3' } }), false],
      ['outer zone is not inner', { networkZones: ['lab'] }, request({ context: { ip: '10.1.2.3' } }), false],
      ['no ip', { networkZones: ['corporate'] }, request(), false],
      ['garbage ip', { networkZones: ['corporate'] }, request({ context: { ip: '10.1.2' } }), false],
      ['zone names are exact', { networkZones: ['corporate'] }, request({ context: { networkZone: 'Corporate' } }), false],
      ['resolved zones (replay)', { networkZones: ['vpn'] }, request({ context: { networkZones: ['corporate', 'vpn'] } }), true],
      ['resolved zones, none matching', { networkZones: ['vpn'] }, request({ context: { networkZones: ['guest'] } }), false],
    ],
    groups: [
      ['member', { groups: ['legal'] }, request({ subject: { groups: ['eng', 'legal'] } }), true],
      ['any of', { groups: ['legal', 'hr'] }, request({ subject: { groups: ['hr'] } }), true],
      ['not a member', { groups: ['legal'] }, request({ subject: { groups: ['eng'] } }), false],
      ['no groups', { groups: ['legal'] }, request({ subject: { id: 'u1' } }), false],
      ['no subject', { groups: ['legal'] }, request(), false],
      ['group names match case-insensitively (request)', { groups: ['legal'] }, request({ subject: { groups: ['Legal'] } }), true],
      ['group names match case-insensitively (rule)', { groups: ['LEGAL'] }, request({ subject: { groups: ['legal'] } }), true],
      ['a group name is not a prefix', { groups: ['legal'] }, request({ subject: { groups: ['legal-ops'] } }), false],
    ],
    dataClasses: [
      ['present', { dataClasses: ['credentials'] }, request({ dataClasses: ['credentials'] }), true],
      ['any of', { dataClasses: ['personal_data', 'health_data'] }, request({ dataClasses: ['source_code', 'health_data'] }), true],
      ['custom class', { dataClasses: ['client_names'] }, request({ dataClasses: ['client_names'] }), true],
      ['request in uppercase', { dataClasses: ['credentials'] }, request({ dataClasses: ['CREDENTIALS'] }), true],
      ['absent', { dataClasses: ['credentials'] }, request({ dataClasses: ['source_code'] }), false],
      ['none found', { dataClasses: ['credentials'] }, request({ dataClasses: [] }), false],
      ['not given', { dataClasses: ['credentials'] }, request(), false],
    ],
    'several conditions (all must hold)': [
      ['all hold', { actions: ['prompt'], dataClasses: ['credentials'], providerStatus: ['approved'] }, request({ dataClasses: ['credentials'] }), true],
      ['one fails', { actions: ['upload'], dataClasses: ['credentials'], providerStatus: ['approved'] }, request({ dataClasses: ['credentials'] }), false],
      ['status and attribute', { providerStatus: ['unknown'], dataCountries: ['CN'] }, at('https://new-ai.example/'), false],
      ['no conditions: always', {}, at('https://news.example/', { action: 'access' }), true],
    ],
  };

  for (const [condition, rows] of Object.entries(cases)) {
    describe(condition, () => {
      it.each(rows)('%s', (_name, when, req, expected) => {
        expect(matches(when, req)).toBe(expected);
      });
    });
  }
});

describe('unless exceptions', () => {
  const base: Conditions = { dataClasses: ['personal_data'] };
  const pd = (url: string, extra: Partial<DecisionRequest> = {}): DecisionRequest => at(url, { dataClasses: ['personal_data'], ...extra });

  it.each<[string, Conditions[] | undefined, DecisionRequest, boolean]>([
    ['no exceptions', undefined, pd('https://chatgpt.com/'), true],
    ['empty exception list', [], pd('https://chatgpt.com/'), true],
    ['exception holds', [{ providerStatus: ['approved'] }], pd('https://chatgpt.com/'), false],
    ['exception does not hold', [{ providerStatus: ['approved'] }], pd('https://chat.mistral.ai/'), true],
    ['"unless approved" does not hold for an unknown destination', [{ providerStatus: ['approved'] }], pd('https://new-ai.example/'), true],
    ['"unless approved" does not hold for a non-AI destination', [{ providerStatus: ['approved'] }], pd('https://news.example/', { action: 'access' }), true],
    ['first of two holds', [{ providerStatus: ['approved'] }, { groups: ['legal'] }], pd('https://chatgpt.com/'), false],
    ['second of two holds', [{ providerStatus: ['approved'] }, { groups: ['legal'] }], pd('https://chat.mistral.ai/', { subject: { groups: ['legal'] } }), false],
    ['neither of two holds', [{ providerStatus: ['approved'] }, { groups: ['legal'] }], pd('https://chat.mistral.ai/', { subject: { groups: ['eng'] } }), true],
    ['an exception needs all its conditions', [{ groups: ['legal'], networkZones: ['corporate'] }], pd('https://chat.mistral.ai/', { subject: { groups: ['legal'] } }), true],
    [
      'an exception with all its conditions',
      [{ groups: ['legal'], networkZones: ['corporate'] }],
      pd('https://chat.mistral.ai/', { subject: { groups: ['legal'] }, context: { ip: '10.0.0.1' } }),
      false,
    ],
    ['rule does not match anyway', [{ providerStatus: ['blocked'] }], at('https://chatgpt.com/'), false],
  ])('%s', (_name, unless, req, expected) => {
    expect(matches(base, req, unless)).toBe(expected);
  });
});

describe('evaluate', () => {
  const rules: PolicyRule[] = [
    rule('warn-b', { actions: ['prompt'] }, { effect: 'warn', priority: 20 }),
    rule('warn-a', { actions: ['prompt'] }, { effect: 'warn', priority: 10 }),
    rule('redact', { dataClasses: ['personal_data'] }, { effect: 'redact', priority: 5, guidanceUrl: 'https://intranet.example/ai' }),
    rule('block-late', { dataClasses: ['credentials'] }, { effect: 'block', priority: 90 }),
    rule('allow-first', { actions: ['prompt'] }, { effect: 'allow', priority: 1 }),
    rule('disabled-block', { actions: ['prompt'] }, { effect: 'block', priority: 0, enabled: false }),
  ];
  const evaluator = compilePolicy(rules, FIXTURE_CATALOG, FIXTURE_ZONES);

  it('combines effects most-restrictive-wins and lists every matched rule by severity, then priority', () => {
    const decision = evaluator.evaluate(request({ dataClasses: ['personal_data', 'credentials'] }));
    expect(decision.effect).toBe('block');
    expect(decision.reasons.map((r) => [r.ruleId, r.effect])).toEqual([
      ['block-late', 'block'],
      ['redact', 'redact'],
      ['warn-a', 'warn'],
      ['warn-b', 'warn'],
      ['allow-first', 'allow'],
    ]);
    expect(decision.reasons[1]).toEqual({ ruleId: 'redact', effect: 'redact', message: 'redact matched', guidanceUrl: 'https://intranet.example/ai' });
    expect(decision.reasons[0]).not.toHaveProperty('guidanceUrl');
  });

  it.each<[string, DecisionRequest, string]>([
    ['warn beats allow', request(), 'warn'],
    ['redact beats warn', request({ dataClasses: ['personal_data'] }), 'redact'],
    ['block beats redact', request({ dataClasses: ['personal_data', 'credentials'] }), 'block'],
    ['an allow rule alone', request({ action: 'access', dataClasses: [] }), 'allow'],
  ])('%s', (_name, req, effect) => {
    expect(evaluator.evaluate(req).effect).toBe(effect);
  });

  it('skips disabled rules', () => {
    expect(evaluator.ruleIds).not.toContain('disabled-block');
    expect(evaluator.evaluate(request()).reasons.map((r) => r.ruleId)).not.toContain('disabled-block');
  });

  it('says so when no rule matched', () => {
    const decision = evaluator.evaluate(request({ action: 'access' }));
    expect(decision.effect).toBe('allow');
    expect(decision.reasons).toEqual([{ ruleId: 'no-matching-rule', effect: 'allow', message: containing('No policy rule matched') }]);
  });

  it('reports the provider, destination, zones and data classes', () => {
    const decision = evaluator.evaluate({
      action: 'prompt',
      destination: { url: 'https://Chat.DeepSeek.com.:443/a/chat?x=1' },
      context: { ip: '10.9.0.1', networkZone: 'guest' },
      dataClasses: ['source_code'],
    });
    expect(decision.provider).toEqual({ slug: 'deepseek', name: 'DeepSeek', status: 'blocked', riskScore: 100 });
    expect(decision.destination).toEqual({ host: 'chat.deepseek.com', aiDestination: true, unknownAi: false });
    expect(decision.networkZones).toEqual(['corporate', 'lab', 'guest']);
    expect(decision.dataClasses).toEqual(['source_code']);
    expect(evaluator.evaluate(request({ destination: { provider: 'mistral' } })).provider).toEqual({
      slug: 'mistral',
      name: 'Le Chat',
      status: 'under_review',
      riskScore: null,
    });
  });

  it.each<[string, DecisionRequest, { host: string | null; aiDestination: boolean; unknownAi: boolean }, string | null]>([
    ['catalog host', at('https://chatgpt.com/'), { host: 'chatgpt.com', aiDestination: true, unknownAi: false }, 'openai'],
    ['unknown host, access: not an AI destination', at('https://news.example/', { action: 'access' }), { host: 'news.example', aiDestination: false, unknownAi: false }, null],
    ['unknown host, prompt: unknown AI', at('https://new-ai.example/'), { host: 'new-ai.example', aiDestination: true, unknownAi: true }, null],
    ['unknown host, upload: unknown AI', at('https://new-ai.example/', { action: 'upload' }), { host: 'new-ai.example', aiDestination: true, unknownAi: true }, null],
    ['unknown slug, access: unknown AI', request({ action: 'access', destination: { provider: 'brand-new' } }), { host: null, aiDestination: true, unknownAi: true }, null],
    ['host field with port', request({ destination: { host: 'CHATGPT.com:443' } }), { host: 'chatgpt.com', aiDestination: true, unknownAi: false }, 'openai'],
    ['IDN host', at('https://bücher.example/'), { host: 'xn--bcher-kva.example', aiDestination: true, unknownAi: false }, 'buecher-ai'],
    ['punycode host', at('https://xn--bcher-kva.example/'), { host: 'xn--bcher-kva.example', aiDestination: true, unknownAi: false }, 'buecher-ai'],
    ['IPv4 literal in the catalog', at('http://203.0.113.7:8080/v1'), { host: '203.0.113.7', aiDestination: true, unknownAi: false }, 'self-hosted'],
    ['IPv6 literal in the catalog', request({ destination: { host: '[2001:db8:0::7]:443' } }), { host: '2001:db8::7', aiDestination: true, unknownAi: false }, 'self-hosted'],
    ['unbracketed IPv6 literal', request({ destination: { host: '2001:db8::7' } }), { host: '2001:db8::7', aiDestination: true, unknownAi: false }, 'self-hosted'],
    ['IP literal not in the catalog', at('http://203.0.113.8/', { action: 'access' }), { host: '203.0.113.8', aiDestination: false, unknownAi: false }, null],
    ['host wins over a conflicting slug', request({ destination: { url: 'https://chat.deepseek.com/', provider: 'openai' } }), { host: 'chat.deepseek.com', aiDestination: true, unknownAi: false }, 'deepseek'],
    ['slug for a host outside the catalog (gateway)', request({ destination: { url: 'https://llm-gw.internal/', provider: 'openai' } }), { host: 'llm-gw.internal', aiDestination: true, unknownAi: false }, 'openai'],
    ['garbage url, prompt', request({ destination: { url: 'http://[::1' } }), { host: null, aiDestination: true, unknownAi: true }, null],
    ['garbage url, access', request({ action: 'access', destination: { url: '::::' } }), { host: null, aiDestination: false, unknownAi: false }, null],
    ['bad url, good host', request({ destination: { url: 'nope://', host: 'chatgpt.com' } }), { host: 'chatgpt.com', aiDestination: true, unknownAi: false }, 'openai'],
  ])('destination: %s', (_name, req, destination, slug) => {
    const decision = evaluator.evaluate(req);
    expect(decision.destination).toEqual(destination);
    expect(decision.provider?.slug ?? null).toBe(slug);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['empty object', {}],
    ['no destination', { action: 'prompt' }],
    ['destination is a number', { action: 'prompt', destination: 7 }],
    ['url is an object', { action: 'prompt', destination: { url: { href: 'x' } } }],
    ['context of wrong types', { action: 'access', destination: { url: 'https://chatgpt.com' }, context: { ip: 7, channel: [], networkZone: {} } }],
    ['subject groups not a list', { action: 'prompt', destination: {}, subject: { groups: 'legal' } }],
    ['dataClasses with non-strings', { action: 'prompt', destination: {}, dataClasses: [1, null, 'Credentials'] }],
    ['dataClasses not a list', { action: 'prompt', destination: {}, dataClasses: 'credentials' }],
  ])('never throws on garbage: %s', (_name, garbage) => {
    const decision = evaluator.evaluate(garbage as DecisionRequest);
    expect(['allow', 'warn', 'redact', 'block']).toContain(decision.effect);
    expect(decision.reasons.length).toBeGreaterThan(0);
  });

  it('keeps no state between decisions', () => {
    const inZone = request({ context: { ip: '10.1.2.3' }, subject: { groups: ['legal'] }, dataClasses: ['personal_data'] });
    const zoneRule = compilePolicy([rule('z', { networkZones: ['corporate'] }), rule('g', { groups: ['legal'] }), rule('d', { dataClasses: ['personal_data'] })], FIXTURE_CATALOG, FIXTURE_ZONES);
    expect(zoneRule.evaluate(inZone).reasons).toHaveLength(3);
    expect(zoneRule.evaluate(request()).reasons.map((r) => r.ruleId)).toEqual(['no-matching-rule']);
  });

  it('shares one frozen reason list per combination of matching rules', () => {
    const three = compilePolicy([rule('z', { networkZones: ['corporate'] }), rule('g', { groups: ['legal'] }), rule('d', { dataClasses: ['personal_data'] })], FIXTURE_CATALOG, FIXTURE_ZONES);
    const both = request({ context: { ip: '10.1.2.3' }, subject: { groups: ['legal'] } });
    const first = three.evaluate(both).reasons;
    expect(first.map((r) => r.ruleId).sort()).toEqual(['g', 'z']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(three.evaluate(both).reasons).toBe(first);
    const all = three.evaluate(request({ context: { ip: '10.1.2.3' }, subject: { groups: ['legal'] }, dataClasses: ['personal_data'] })).reasons;
    expect(all.map((r) => r.ruleId).sort()).toEqual(['d', 'g', 'z']);
    expect(all).not.toBe(first);
    expect(three.evaluate(request({ subject: { groups: ['legal'] }, dataClasses: ['personal_data'] })).reasons.map((r) => r.ruleId).sort()).toEqual(['d', 'g']);
  });

  it('returns read-only shared pieces, so one caller cannot corrupt the next decision', () => {
    const one = evaluator.evaluate(request({ action: 'access', dataClasses: ['personal_data'] }));
    expect(one.reasons.map((r) => r.ruleId)).toEqual(['redact']);
    const none = evaluator.evaluate(request({ action: 'access' }));
    for (const shared of [one.reasons, one.reasons[0], one.provider, none.reasons, none.reasons[0]]) {
      expect(Object.isFrozen(shared)).toBe(true);
    }
  });
});

describe('resolveDestination and zonesFor', () => {
  const evaluator = compilePolicy([], FIXTURE_CATALOG, FIXTURE_ZONES);

  it('resolves a URL string, normalizing the catalog entry', () => {
    const resolved = evaluator.resolveDestination('https://a.b.chatgpt.com/x');
    expect(resolved).toMatchObject({ host: 'a.b.chatgpt.com', aiDestination: true, unknownAi: false });
    expect(resolved.provider).toMatchObject({ slug: 'openai', hqCountry: 'US', domains: ['chatgpt.com', '*.chatgpt.com', '*.openai.com'] });
    expect(evaluator.resolveDestination('bücher.example').provider?.domains).toEqual(['xn--bcher-kva.example']);
  });

  it('uses the action only for destinations outside the catalog', () => {
    expect(evaluator.resolveDestination('news.example')).toEqual({ host: 'news.example', provider: null, aiDestination: false, unknownAi: false });
    expect(evaluator.resolveDestination('news.example', 'prompt')).toEqual({ host: 'news.example', provider: null, aiDestination: true, unknownAi: true });
    expect(evaluator.resolveDestination({ provider: 'claude' }, 'upload').provider?.slug).toBe('claude');
  });

  it('finds zones by IP', () => {
    expect(evaluator.zonesFor('10.9.0.1')).toEqual(['corporate', 'lab']);
    expect(evaluator.zonesFor('2001:db8::1')).toEqual([]);
  });
});

describe('compile errors', () => {
  const ok = rule('ok', { actions: ['prompt'] });

  it.each<[string, unknown[], unknown[], unknown[], (string | number)[], string]>([
    ['unknown effect', [{ ...ok, effect: 'deny' }], FIXTURE_CATALOG, [], ['rules', 0, 'effect'], 'unknown effect'],
    ['duplicate rule id', [ok, { ...ok }], FIXTURE_CATALOG, [], ['rules', 1, 'id'], 'duplicate rule id "ok"'],
    ['reserved rule id', [{ ...ok, id: 'no-matching-rule' }], FIXTURE_CATALOG, [], ['rules', 0, 'id'], 'reserved'],
    ['missing id', [{ ...ok, id: '' }], FIXTURE_CATALOG, [], ['rules', 0, 'id'], 'needs an id'],
    ['priority not a number', [{ ...ok, priority: '1' }], FIXTURE_CATALOG, [], ['rules', 0, 'priority'], 'finite number'],
    ['enabled not a boolean', [{ ...ok, enabled: 'yes' }], FIXTURE_CATALOG, [], ['rules', 0, 'enabled'], 'true or false'],
    ['empty message', [{ ...ok, message: ' ' }], FIXTURE_CATALOG, [], ['rules', 0, 'message'], 'message'],
    ['javascript: guidance link', [{ ...ok, guidanceUrl: 'javascript:alert(1)' }], FIXTURE_CATALOG, [], ['rules', 0, 'guidanceUrl'], 'http(s)'],
    ['unknown rule field', [{ ...ok, then: 'block' }], FIXTURE_CATALOG, [], ['rules', 0, 'then'], 'unknown rule field'],
    ['missing when', [{ ...ok, when: undefined }], FIXTURE_CATALOG, [], ['rules', 0, 'when'], 'must be an object'],
    ['misspelt condition', [rule('x', { dataClass: ['credentials'] } as Conditions)], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'dataClass'], 'unknown condition'],
    ['unknown action', [rule('x', { actions: ['download' as never] })], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'actions', 0], 'one of access'],
    ['unknown channel', [rule('x', { channels: ['fax' as never] })], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'channels', 0], 'one of web'],
    ['unknown account type', [rule('x', { accountTypes: ['personal' as never] })], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'accountTypes', 0], 'one of consumer, business, api, unknown'],
    ['unknown status', [rule('x', { providerStatus: ['ok' as never] })], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'providerStatus', 0], 'one of approved'],
    ['bad country', [rule('x', { dataCountries: ['China'] })], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'dataCountries', 0], 'alpha-2'],
    ['list not a list', [rule('x', { groups: 'legal' as never })], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'groups'], 'must be a list'],
    ['boolean not a boolean', [rule('x', { restrictedJurisdiction: 'yes' as never })], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'restrictedJurisdiction'], 'true or false'],
    ['bad data class id', [rule('x', { dataClasses: ['client names'] })], FIXTURE_CATALOG, [], ['rules', 0, 'when', 'dataClasses', 0], 'data class id'],
    ['bad exception', [rule('x', {}, { unless: [{ actions: ['nope' as never] }] })], FIXTURE_CATALOG, [], ['rules', 0, 'unless', 0, 'actions', 0], 'one of access'],
    ['unless not a list', [rule('x', {}, { unless: { actions: ['prompt'] } as never })], FIXTURE_CATALOG, [], ['rules', 0, 'unless'], 'list'],
    ['invalid disabled rule', [{ ...ok, enabled: false, effect: 'deny' }], FIXTURE_CATALOG, [], ['rules', 0, 'effect'], 'unknown effect'],
    ['bad CIDR', [ok], FIXTURE_CATALOG, [{ name: 'corporate', cidrs: ['10.0.0.0/40'] }], ['zones', 0, 'cidrs', 0], 'at most 32'],
    ['duplicate provider', [ok], [FIXTURE_CATALOG[0], FIXTURE_CATALOG[0]], [], ['catalog', 1, 'slug'], 'already in the catalog'],
    ['bad provider status', [ok], [{ ...FIXTURE_CATALOG[0], status: 'ok' }], [], ['catalog', 0, 'status'], 'status must be'],
    ['bad provider domain', [ok], [{ ...FIXTURE_CATALOG[0], domains: ['https://chat.deepseek.com/'] }], [], ['catalog', 0, 'domains', 0], 'not a host name'],
    ['bad provider country', [ok], [{ ...FIXTURE_CATALOG[0], hqCountry: 'PRC' }], [], ['catalog', 0, 'hqCountry'], 'alpha-2'],
    ['bad risk score', [ok], [{ ...FIXTURE_CATALOG[0], riskScore: 101 }], [], ['catalog', 0, 'riskScore'], '0 to 100'],
  ])('%s', (_name, rules, catalog, zones, path, message) => {
    let error: unknown;
    try {
      compilePolicy(rules as PolicyRule[], catalog as never, zones as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyCompileError);
    expect((error as PolicyCompileError).problems).toContainEqual({ path, message: containing(message) });
    expect((error as PolicyCompileError).code).toBe('policy_invalid');
  });

  it('lists every problem at once, with paths in the message', () => {
    let error: PolicyCompileError | undefined;
    try {
      compilePolicy(
        [
          { ...ok, effect: 'deny' as never },
          { ...ok, when: { actions: ['nope' as never], channels: ['fax' as never] } },
        ],
        FIXTURE_CATALOG,
        [{ name: 'corporate', cidrs: ['bogus'] }],
        { restrictedJurisdictions: ['China'] },
      );
    } catch (e) {
      error = e as PolicyCompileError;
    }
    expect(error?.problems.map((p) => p.path)).toEqual([
      ['settings', 'restrictedJurisdictions', 0],
      ['zones', 0, 'cidrs', 0],
      ['rules', 0, 'effect'],
      ['rules', 1, 'id'],
      ['rules', 1, 'when', 'actions', 0],
      ['rules', 1, 'when', 'channels', 0],
    ]);
    expect(error?.message).toContain('rules[1].when.channels[0]');
  });
});

describe('warnings', () => {
  it('warns, without failing, about unknown provider slugs and zone names and exceptions that always hold', () => {
    const evaluator = compilePolicy(
      [rule('a', { providers: ['openai', 'gone'] }), rule('b', { networkZones: ['branch'] }), rule('c', { actions: ['prompt'] }, { unless: [{}] })],
      FIXTURE_CATALOG,
      FIXTURE_ZONES,
    );
    expect(evaluator.warnings).toEqual([
      { path: ['rules', 0, 'when', 'providers', 1], message: containing('"gone" is not in the catalog') },
      { path: ['rules', 1, 'when', 'networkZones', 0], message: containing('"branch" is not defined') },
      { path: ['rules', 2, 'unless', 0], message: containing('never applies') },
    ]);
    expect(evaluator.evaluate(request()).reasons.map((r) => r.ruleId)).toEqual(['a']);
  });

  it('warns about a domain listed by two providers and keeps the first', () => {
    const copy = { ...FIXTURE_CATALOG[2]!, slug: 'openai-copy', domains: ['chatgpt.com'] };
    const evaluator = compilePolicy([], [...FIXTURE_CATALOG, copy], []);
    expect(evaluator.warnings).toEqual([{ path: ['catalog', FIXTURE_CATALOG.length, 'domains', 0], message: containing('"openai"') }]);
    expect(evaluator.resolveDestination('chatgpt.com').provider?.slug).toBe('openai');
  });
});

describe('account types', () => {
  // The Copilot case of issue 26: the service is approved for work accounts; personal accounts on the
  // same host, and requests that do not say which account they use, are blocked.
  const rules = [rule('copilot-work-only', { providers: ['openai'], accountTypes: ['consumer', 'unknown'] }, { message: 'Use your work account' })];
  const evaluator = compilePolicy(rules, FIXTURE_CATALOG, FIXTURE_ZONES);
  const chat = (accountType?: 'consumer' | 'business' | 'api'): DecisionRequest =>
    at('https://chatgpt.com/', accountType === undefined ? {} : { context: { accountType } });

  it('lets only the stated account types through, and is not carried from one request to the next', () => {
    expect(evaluator.evaluate(chat('business')).effect).toBe('allow');
    expect(evaluator.evaluate(chat('consumer')).effect).toBe('block');
    expect(evaluator.evaluate(chat('business')).effect).toBe('allow');
    // The evaluator reuses one context: a request without one must not inherit the previous type.
    expect(evaluator.evaluate(chat()).effect).toBe('block');
    expect(evaluator.evaluate(chat('api')).effect).toBe('allow');
    expect(evaluator.evaluate({ ...chat(), context: { channel: 'web' } }).effect).toBe('block');
  });

  it('applies to the services the rule names only', () => {
    expect(evaluator.evaluate(at('https://chat.deepseek.com/', { context: { accountType: 'consumer' } })).effect).toBe('allow');
  });

  it('warns when a block for some account types lets requests that state none through', () => {
    const open = compilePolicy([rule('x', { providers: ['openai'], accountTypes: ['consumer'] })], FIXTURE_CATALOG, FIXTURE_ZONES);
    expect(open.warnings).toEqual([{ path: ['rules', 0, 'when', 'accountTypes'], message: containing('add "unknown"') }]);
    expect(evaluator.warnings).toEqual([]);
    expect(compilePolicy([rule('x', { accountTypes: ['consumer'] }, { effect: 'warn' })], FIXTURE_CATALOG, FIXTURE_ZONES).warnings).toEqual([]);
  });

  it('can be an exception: a rule lifted for work accounts', () => {
    const lifted = compilePolicy([rule('no-openai', { providers: ['openai'] }, { unless: [{ accountTypes: ['business'] }] })], FIXTURE_CATALOG, FIXTURE_ZONES);
    expect(lifted.evaluate(chat('business')).effect).toBe('allow');
    expect(lifted.evaluate(chat('consumer')).effect).toBe('block');
    expect(lifted.evaluate(chat()).effect).toBe('block');
  });
});

describe('requiredDataClasses', () => {
  it.each<[string, PolicyRule[], string[], boolean]>([
    ['no rules', [], [], false],
    ['from when and unless', [rule('a', { dataClasses: ['health_data', 'credentials'] }, { unless: [{ dataClasses: ['client_names'] }] })], ['client_names', 'credentials', 'health_data'], false],
    ['agnostic rule', [rule('a', { dataClasses: ['credentials'] }), rule('b', { providerStatus: ['blocked'] })], ['credentials'], true],
    ['disabled rules do not count', [rule('a', { dataClasses: ['credentials'] }, { enabled: false })], [], false],
  ])('%s', (_name, rules, classes, agnostic) => {
    const evaluator = compilePolicy(rules, FIXTURE_CATALOG, FIXTURE_ZONES);
    expect(requiredDataClasses(evaluator)).toEqual({ classes, dataClassAgnostic: agnostic });
    expect([...evaluator.classesReferenced].sort()).toEqual(classes);
  });
});

describe('contentCanMatter', () => {
  const response = (provider: string): DecisionRequest => ({ action: 'response', destination: { provider } });
  it.each<[string, PolicyRule[], DecisionRequest, boolean]>([
    ['no rules', [], response('mistral'), false],
    ['a block on data classes for responses', [rule('a', { dataClasses: ['credentials'], actions: ['response'] })], response('mistral'), true],
    ['a block on data classes for prompts only', [rule('a', { dataClasses: ['credentials'], actions: ['prompt'] })], response('mistral'), false],
    ['lifted by an exception without data classes', [rule('a', { dataClasses: ['personal_data'] }, { unless: [{ providerStatus: ['approved'] }] })], response('openai'), false],
    ['the same exception not holding', [rule('a', { dataClasses: ['personal_data'] }, { unless: [{ providerStatus: ['approved'] }] })], response('mistral'), true],
    ['an exception on data classes is assumed not to hold', [rule('a', { actions: ['response'] }, { unless: [{ dataClasses: ['public'] }] })], response('openai'), true],
    ['a redact without data classes masks whatever is found', [rule('a', { actions: ['response'] }, { effect: 'redact' })], response('openai'), true],
    ['a block without data classes decides the same whatever the text', [rule('a', { providerStatus: ['blocked'] })], response('deepseek'), false],
    ['warn and allow rules do not count', [rule('a', { dataClasses: ['credentials'] }, { effect: 'warn' }), rule('b', { dataClasses: ['credentials'] }, { effect: 'allow' })], response('mistral'), false],
    ['groups of the subject', [rule('a', { dataClasses: ['credentials'], groups: ['eng'] })], { ...response('mistral'), subject: { groups: ['eng'] } }, true],
    ['other groups', [rule('a', { dataClasses: ['credentials'], groups: ['eng'] })], { ...response('mistral'), subject: { groups: ['sales'] } }, false],
    ['disabled rules do not count', [rule('a', { dataClasses: ['credentials'] }, { enabled: false })], response('mistral'), false],
    ['account type of the request', [rule('a', { dataClasses: ['credentials'], accountTypes: ['consumer'] })], { ...response('mistral'), context: { accountType: 'consumer' } }, true],
    ['another account type', [rule('a', { dataClasses: ['credentials'], accountTypes: ['consumer'] })], { ...response('mistral'), context: { accountType: 'business' } }, false],
  ])('%s', (_name, rules, req, expected) => {
    const evaluator = compilePolicy(rules, FIXTURE_CATALOG, FIXTURE_ZONES);
    expect(evaluator.contentCanMatter(req)).toBe(expected);
    // The evaluation context is left clean: a decision afterwards is unaffected.
    expect(evaluator.evaluate({ ...req, dataClasses: [] }).effect).toBe(compilePolicy(rules, FIXTURE_CATALOG, FIXTURE_ZONES).evaluate({ ...req, dataClasses: [] }).effect);
  });

  it('asked for other effects', () => {
    const evaluator = compilePolicy([rule('a', { dataClasses: ['credentials'] }, { effect: 'warn' })], FIXTURE_CATALOG, FIXTURE_ZONES);
    expect(evaluator.contentCanMatter(response('mistral'), ['warn'])).toBe(true);
  });
});

describe('settings', () => {
  it('restricted jurisdictions come from the settings', () => {
    const rules = [rule('rj', { restrictedJurisdiction: true })];
    const withSg = compilePolicy(rules, FIXTURE_CATALOG, [], { restrictedJurisdictions: ['sg'] });
    expect(withSg.evaluate(at('https://kimi.example/')).effect).toBe('block');
    expect(withSg.evaluate(at('https://chat.deepseek.com/')).effect).toBe('allow');
    const none = compilePolicy(rules, FIXTURE_CATALOG, [], { restrictedJurisdictions: [] });
    expect(none.evaluate(at('https://chat.deepseek.com/')).effect).toBe('allow');
    expect(compilePolicy(rules, FIXTURE_CATALOG).evaluate(at('https://chat.deepseek.com/')).effect).toBe('block');
  });
});
