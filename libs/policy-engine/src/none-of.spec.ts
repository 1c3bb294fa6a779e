import fc from 'fast-check';
import { compilePolicy } from './policy-compiler';
import { type PolicyCompileError } from './policy-compile-error';
import { requiredDataClasses } from './required-data-classes';
import { FIXTURE_CATALOG, FIXTURE_ZONES, request } from './testing/fixtures';
import { ACCOUNT_TYPE_CONDITIONS, ACTIONS, CHANNELS, type Conditions, type DecisionRequest, type ListConditionKey, type PolicyRule, PROVIDER_STATUS_CONDITIONS, TRAINS_ON_INPUTS } from './types';

/** "Is none of" (`noneOf`): the list conditions negated, in `when` and in `unless`. */

function rule(id: string, when: Conditions, extra: Partial<PolicyRule> = {}): PolicyRule {
  return { id, priority: 100, enabled: true, when, effect: 'block', message: `${id} matched`, ...extra };
}

function matches(when: Conditions, req: DecisionRequest, unless?: Conditions[]): boolean {
  return compilePolicy([rule('r', when, { unless })], FIXTURE_CATALOG, FIXTURE_ZONES).evaluate(req).effect === 'block';
}

const at = (url: string, overrides: Partial<DecisionRequest> = {}): DecisionRequest => request({ destination: { url }, ...overrides });
const UNKNOWN_AI = at('https://new-ai.example/');
const NOT_AI = at('https://news.example/', { action: 'access' });

type Row = [string, Conditions, DecisionRequest, boolean];

describe('none-of conditions', () => {
  const cases: Record<string, Row[]> = {
    providers: [
      ['another service', { noneOf: { providers: ['deepseek'] } }, at('https://chatgpt.com/'), true],
      ['the service named', { noneOf: { providers: ['deepseek'] } }, at('https://chat.deepseek.com/'), false],
      ['one of several named', { noneOf: { providers: ['mistral', 'openai'] } }, at('https://chatgpt.com/'), false],
      ['by slug, case-insensitive', { noneOf: { providers: ['OpenAI'] } }, request({ destination: { provider: 'openai' } }), false],
      ['a subdomain of a wildcard is the service', { noneOf: { providers: ['deepseek'] } }, at('https://cdn.static.deepseek.com/'), false],
      ['a more specific wildcard is another service', { noneOf: { providers: ['deepseek'] } }, at('https://x.labs.deepseek.com/'), true],
      ['an unknown AI destination is none of them', { noneOf: { providers: ['openai'] } }, UNKNOWN_AI, true],
      ['a destination that is not an AI service: never', { noneOf: { providers: ['openai'] } }, NOT_AI, false],
      ['empty list is not set', { noneOf: { providers: [] } }, at('https://chatgpt.com/'), true],
    ],
    providerStatus: [
      ['not approved: restricted', { noneOf: { providerStatus: ['approved'] } }, at('https://claude.ai/'), true],
      ['not approved: blocked', { noneOf: { providerStatus: ['approved'] } }, at('https://chat.deepseek.com/'), true],
      ['not approved: approved', { noneOf: { providerStatus: ['approved'] } }, at('https://chatgpt.com/'), false],
      ['not approved: an unknown AI destination', { noneOf: { providerStatus: ['approved'] } }, UNKNOWN_AI, true],
      ['not approved: an unknown slug', { noneOf: { providerStatus: ['approved'] } }, request({ destination: { provider: 'brand-new' } }), true],
      ['not approved: not an AI destination', { noneOf: { providerStatus: ['approved'] } }, NOT_AI, false],
      ['not unknown: a catalog service', { noneOf: { providerStatus: ['unknown'] } }, at('https://chat.deepseek.com/'), true],
      ['not unknown: an unknown AI destination', { noneOf: { providerStatus: ['unknown'] } }, UNKNOWN_AI, false],
      ['not approved or unknown: unknown', { noneOf: { providerStatus: ['approved', 'unknown'] } }, UNKNOWN_AI, false],
      ['not approved or unknown: under review', { noneOf: { providerStatus: ['approved', 'unknown'] } }, at('https://chat.mistral.ai/'), true],
    ],
    dataCountries: [
      ['stores nowhere listed', { noneOf: { dataCountries: ['CN'] } }, at('https://chatgpt.com/'), true],
      ['stores in one of them', { noneOf: { dataCountries: ['CN'] } }, at('https://chat.deepseek.com/'), false],
      ['one of its countries is enough to fail', { noneOf: { dataCountries: ['CN'] } }, at('https://kimi.example/'), false],
      ['lowercase condition', { noneOf: { dataCountries: ['cn'] } }, at('https://kimi.example/'), false],
      ['an unknown AI destination: its countries are not known', { noneOf: { dataCountries: ['CN'] } }, UNKNOWN_AI, false],
      ['not an AI destination', { noneOf: { dataCountries: ['CN'] } }, NOT_AI, false],
    ],
    hqCountries: [
      ['headquartered elsewhere', { noneOf: { hqCountries: ['CN'] } }, at('https://kimi.example/'), true],
      ['headquartered there', { noneOf: { hqCountries: ['CN'] } }, at('https://chat.deepseek.com/'), false],
      ['an unknown AI destination', { noneOf: { hqCountries: ['CN'] } }, UNKNOWN_AI, false],
    ],
    trainsOnInputs: [
      ['does not train', { noneOf: { trainsOnInputs: ['yes', 'opt_out'] } }, at('https://claude.ai/'), true],
      ['trains unless opted out', { noneOf: { trainsOnInputs: ['yes', 'opt_out'] } }, at('https://chatgpt.com/'), false],
      ['an unknown AI destination', { noneOf: { trainsOnInputs: ['yes'] } }, UNKNOWN_AI, false],
    ],
    actions: [
      ['another action', { noneOf: { actions: ['upload'] } }, request(), true],
      ['the action named', { noneOf: { actions: ['prompt', 'upload'] } }, request({ action: 'upload' }), false],
      ['an unrecognized action is none of them', { noneOf: { actions: ['access', 'prompt', 'upload'] } }, request({ action: 'delete' as never }), true],
    ],
    channels: [
      ['another channel', { noneOf: { channels: ['api'] } }, request({ context: { channel: 'web' } }), true],
      ['the channel named', { noneOf: { channels: ['api', 'cli'] } }, request({ context: { channel: 'cli' } }), false],
      ['no channel stated is none of them', { noneOf: { channels: ['api'] } }, request(), true],
    ],
    accountTypes: [
      ['a work account is not personal', { noneOf: { accountTypes: ['consumer'] } }, request({ context: { accountType: 'business' } }), true],
      ['a personal account', { noneOf: { accountTypes: ['consumer'] } }, request({ context: { accountType: 'consumer' } }), false],
      ['none stated is not personal', { noneOf: { accountTypes: ['consumer'] } }, request(), true],
      ['none stated is unknown', { noneOf: { accountTypes: ['unknown'] } }, request(), false],
      ['an unrecognized type is unknown', { noneOf: { accountTypes: ['unknown'] } }, request({ context: { accountType: 'personal' as never } }), false],
      ['a stated type is not unknown', { noneOf: { accountTypes: ['unknown'] } }, request({ context: { accountType: 'api' } }), true],
    ],
    networkZones: [
      ['outside the zone', { noneOf: { networkZones: ['guest'] } }, request({ context: { ip: '10.1.2.3' } }), true],
      ['inside by address', { noneOf: { networkZones: ['corporate'] } }, request({ context: { ip: '10.1.2.3' } }), false],
      ['inside a nested zone', { noneOf: { networkZones: ['lab'] } }, request({ context: { ip: '10.9.0.1' } }), false],
      ['named by the client', { noneOf: { networkZones: ['guest'] } }, request({ context: { networkZone: 'guest' } }), false],
      ['resolved zones (replay)', { noneOf: { networkZones: ['vpn'] } }, request({ context: { networkZones: ['corporate', 'vpn'] } }), false],
      ['no address: in no zone', { noneOf: { networkZones: ['corporate'] } }, request(), true],
    ],
    groups: [
      ['not a member', { noneOf: { groups: ['legal'] } }, request({ subject: { groups: ['eng'] } }), true],
      ['a member', { noneOf: { groups: ['legal', 'hr'] } }, request({ subject: { groups: ['eng', 'hr'] } }), false],
      ['case-insensitive (request)', { noneOf: { groups: ['legal'] } }, request({ subject: { groups: ['Legal'] } }), false],
      ['case-insensitive (rule)', { noneOf: { groups: ['LEGAL'] } }, request({ subject: { groups: ['legal'] } }), false],
      ['a group name is not a prefix', { noneOf: { groups: ['legal'] } }, request({ subject: { groups: ['legal-ops'] } }), true],
      ['no subject is in no group', { noneOf: { groups: ['legal'] } }, request(), true],
    ],
    dataClasses: [
      ['another class', { noneOf: { dataClasses: ['public_info'] } }, request({ dataClasses: ['credentials'] }), true],
      ['the class found', { noneOf: { dataClasses: ['credentials', 'health_data'] } }, request({ dataClasses: ['source_code', 'health_data'] }), false],
      ['request in uppercase', { noneOf: { dataClasses: ['credentials'] } }, request({ dataClasses: ['CREDENTIALS'] }), false],
      ['nothing found', { noneOf: { dataClasses: ['credentials'] } }, request({ dataClasses: [] }), true],
      ['not given', { noneOf: { dataClasses: ['credentials'] } }, request(), true],
    ],
    'with any-of conditions (all must hold)': [
      ['health data to a service that is not approved', { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } }, at('https://claude.ai/', { dataClasses: ['health_data'] }), true],
      ['health data to an approved service', { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } }, at('https://chatgpt.com/', { dataClasses: ['health_data'] }), false],
      ['no health data', { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } }, at('https://claude.ai/', { dataClasses: ['source_code'] }), false],
      ['the same list both ways: any-of minus none-of', { providerStatus: ['restricted', 'under_review'], noneOf: { providers: ['claude'] } }, at('https://claude.ai/'), false],
      ['the same list both ways, another service', { providerStatus: ['restricted', 'under_review'], noneOf: { providers: ['claude'] } }, at('https://kimi.example/'), true],
      ['unknown status and none-of providers: an unknown AI destination', { providerStatus: ['unknown'], noneOf: { providers: ['openai'] } }, UNKNOWN_AI, true],
      ['every none-of list must hold', { noneOf: { groups: ['legal'], channels: ['api'] } }, request({ subject: { groups: ['legal'] }, context: { channel: 'web' } }), false],
      ['every none-of list holds', { noneOf: { groups: ['legal'], channels: ['api'] } }, request({ subject: { groups: ['eng'] }, context: { channel: 'web' } }), true],
    ],
  };

  for (const [condition, rows] of Object.entries(cases)) {
    describe(condition, () => {
      it.each(rows)('%s', (_name, when, req, expected) => {
        expect(matches(when, req)).toBe(expected);
      });
    });
  }

  it('in an exception: block health data unless the person is in none of legal', () => {
    const when: Conditions = { dataClasses: ['health_data'] };
    const unless: Conditions[] = [{ noneOf: { networkZones: ['corporate'] } }];
    // "...unless the request comes from outside the corporate network" (then another rule handles it).
    expect(matches(when, request({ dataClasses: ['health_data'], context: { ip: '10.1.2.3' } }), unless)).toBe(true);
    expect(matches(when, request({ dataClasses: ['health_data'], context: { ip: '11.1.2.3' } }), unless)).toBe(false);
  });
});

describe('none-of is the negation of any-of', () => {
  // Requests over every attribute a condition reads: catalog services, an unknown AI destination
  // and a destination that is not an AI service; every action, channel and account type, stated or not.
  const destinations = [
    ...FIXTURE_CATALOG.map((p) => ({ provider: p.slug })),
    { url: 'https://new-ai.example/' },
    { url: 'https://news.example/' },
  ];
  const requestArb = fc.record({
    action: fc.constantFrom(...ACTIONS),
    destination: fc.constantFrom(...destinations),
    subject: fc.record({ groups: fc.subarray(['legal', 'hr', 'eng']) }),
    context: fc.record(
      {
        channel: fc.constantFrom(...CHANNELS),
        accountType: fc.constantFrom('consumer' as const, 'business' as const, 'api' as const),
        networkZones: fc.subarray(['corporate', 'vpn', 'guest']),
      },
      { requiredKeys: [] },
    ),
    dataClasses: fc.subarray(['credentials', 'health_data', 'source_code']),
  }) as fc.Arbitrary<DecisionRequest>;
  const values: Record<ListConditionKey, readonly string[]> = {
    providers: FIXTURE_CATALOG.map((p) => p.slug),
    providerStatus: PROVIDER_STATUS_CONDITIONS,
    dataCountries: ['CN', 'US', 'FR', 'SG'],
    hqCountries: ['CN', 'US', 'FR'],
    trainsOnInputs: TRAINS_ON_INPUTS,
    actions: ACTIONS,
    channels: CHANNELS,
    accountTypes: ACCOUNT_TYPE_CONDITIONS,
    networkZones: ['corporate', 'vpn', 'guest'],
    groups: ['legal', 'hr', 'eng'],
    dataClasses: ['credentials', 'health_data', 'source_code'],
  };
  const SERVICE_KEYS: readonly ListConditionKey[] = ['providers', 'providerStatus', 'dataCountries', 'hqCountries', 'trainsOnInputs'];
  const CATALOG_ONLY: readonly ListConditionKey[] = ['dataCountries', 'hqCountries', 'trainsOnInputs'];

  for (const key of Object.keys(values) as ListConditionKey[]) {
    it(`${key}: none-of holds exactly where any-of does not, among the requests that have a value for it`, () => {
      fc.assert(
        fc.property(fc.subarray([...values[key]], { minLength: 1 }), requestArb, (list, req) => {
          const evaluator = compilePolicy([rule('any', { [key]: list }), rule('none', { noneOf: { [key]: list } }, { effect: 'warn' })], FIXTURE_CATALOG, FIXTURE_ZONES);
          const ids = evaluator.evaluate(req).reasons.map((r) => r.ruleId);
          const resolved = evaluator.resolveDestination(req.destination, req.action);
          const hasValue = !SERVICE_KEYS.includes(key) || (CATALOG_ONLY.includes(key) ? resolved.provider !== null : resolved.aiDestination);
          if (hasValue) expect(ids.includes('none')).toBe(!ids.includes('any'));
          else expect([ids.includes('any'), ids.includes('none')]).toEqual([false, false]);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('none-of: validation, warnings and what the policy needs', () => {
  const compile = (when: Conditions, extra: Partial<PolicyRule> = {}) => compilePolicy([rule('r', when, extra)], FIXTURE_CATALOG, FIXTURE_ZONES);
  const problemsOf = (when: unknown) => {
    try {
      compile(when as Conditions);
    } catch (err) {
      return (err as PolicyCompileError).problems;
    }
    return [];
  };

  it.each<[string, unknown, (string | number)[], string]>([
    ['not an object', { noneOf: ['approved'] }, ['rules', 0, 'when', 'noneOf'], 'noneOf must be an object'],
    ['a boolean condition', { noneOf: { zeroRetentionOffer: true } }, ['rules', 0, 'when', 'noneOf', 'zeroRetentionOffer'], 'set it to the other value'],
    ['an unknown condition', { noneOf: { colour: ['red'] } }, ['rules', 0, 'when', 'noneOf', 'colour'], 'unknown condition "colour" in noneOf'],
    ['a bad value', { noneOf: { providerStatus: ['approved', 'fine'] } }, ['rules', 0, 'when', 'noneOf', 'providerStatus', 1], '"fine" is not one of'],
    ['not a list', { noneOf: { groups: 'legal' } }, ['rules', 0, 'when', 'noneOf', 'groups'], 'must be a list'],
    ['nested noneOf', { noneOf: { noneOf: {} } }, ['rules', 0, 'when', 'noneOf', 'noneOf'], 'unknown condition "noneOf" in noneOf'],
  ])('refuses %s', (_name, when, path, message) => {
    const problems = problemsOf(when);
    expect(problems).toEqual([{ path, message: expect.stringContaining(message) as string }]);
  });

  it('warns about a service or zone it does not know, saying what leaving it out does', () => {
    const warnings = compile({ noneOf: { providers: ['nope'], networkZones: ['branch'] } }).warnings;
    expect(warnings).toEqual([
      { path: ['rules', 0, 'when', 'noneOf', 'providers', 0], message: expect.stringContaining('leaving it out changes nothing') as string },
      { path: ['rules', 0, 'when', 'noneOf', 'networkZones', 0], message: expect.stringContaining('only when a client names it') as string },
    ]);
  });

  it('warns when a block leaves out requests that state no account type', () => {
    expect(compile({ noneOf: { accountTypes: ['business', 'unknown'] } }).warnings).toEqual([
      { path: ['rules', 0, 'when', 'noneOf', 'accountTypes'], message: expect.stringContaining('take "unknown" out of the none-of list') as string },
    ]);
    expect(compile({ noneOf: { accountTypes: ['business'] } }).warnings).toEqual([]);
    expect(compile({ noneOf: { accountTypes: ['business', 'unknown'] } }, { effect: 'warn' }).warnings).toEqual([]);
  });

  it('runs the detectors of the classes a none-of names, and a rule with only none-of classes can match without any', () => {
    const evaluator = compile({ noneOf: { dataClasses: ['health_data'] } });
    expect(requiredDataClasses(evaluator)).toEqual({ classes: ['health_data'], dataClassAgnostic: true });
    const both = compile({ dataClasses: ['credentials'], noneOf: { dataClasses: ['health_data'] } });
    expect(requiredDataClasses(both)).toEqual({ classes: ['credentials', 'health_data'], dataClassAgnostic: false });
  });

  it('says the content can matter when an exception looks at a none-of class', () => {
    const exceptNoHealth = compilePolicy([rule('r', { providers: ['openai'] }, { unless: [{ noneOf: { dataClasses: ['health_data'] } }] })], FIXTURE_CATALOG, FIXTURE_ZONES);
    expect(exceptNoHealth.contentCanMatter(at('https://chatgpt.com/'))).toBe(true);
    const exceptLegal = compilePolicy([rule('r', { providers: ['openai'] }, { unless: [{ noneOf: { groups: ['legal'] } }] })], FIXTURE_CATALOG, FIXTURE_ZONES);
    expect(exceptLegal.contentCanMatter(at('https://chatgpt.com/'))).toBe(false);
  });

  it('keeps rules without none-of exactly as before: an empty noneOf is not set', () => {
    const plain = compile({ providerStatus: ['unknown'] });
    const withEmpty = compile({ providerStatus: ['unknown'], noneOf: {} });
    for (const req of [UNKNOWN_AI, NOT_AI, at('https://chatgpt.com/')]) expect(withEmpty.evaluate(req).effect).toBe(plain.evaluate(req).effect);
    expect(withEmpty.warnings).toEqual([]);
  });
});
