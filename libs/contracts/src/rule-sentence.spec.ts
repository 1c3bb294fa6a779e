import { BOOLEAN_CONDITION_KEYS, LIST_CONDITION_KEYS } from '@airlock/policy-engine';
import { conditions, noneOfConditions } from './policy';
import { CONDITION_BOOLEAN_KEYS, CONDITION_LIST_KEYS, type ConditionsShape } from './rule-conditions';
import { describeConditions, describeRule, inSentence, type ValueLabel } from './rule-sentence';

const NAMES: Record<string, Record<string, string>> = {
  providers: { 'openai-chatgpt': 'ChatGPT', 'anthropic-claude': 'Claude', 'google-gemini': 'Gemini', deepseek: 'DeepSeek' },
  dataClasses: { health_data: 'health data', credentials: 'credentials', personal_data: 'personal data', acme_clients: 'Acme clients' },
  dataCountries: { CN: 'China', RU: 'Russia' },
  hqCountries: { CN: 'China' },
};
const label: ValueLabel = (key, value) => NAMES[key]?.[value];

describe('describeRule', () => {
  it.each<[string, { effect: string; conditions?: ConditionsShape; exceptions?: ConditionsShape[] }, string]>([
    [
      'the example of the issue',
      { effect: 'block', conditions: { dataClasses: ['health_data'], noneOf: { providerStatus: ['approved'] } }, exceptions: [{ groups: ['legal'] }] },
      'Block when the data is health data and the service is not approved, unless the person is in legal',
    ],
    ['no condition: every request', { effect: 'warn' }, 'Warn every request'],
    ['no condition, with an exception', { effect: 'block', conditions: {}, exceptions: [{ providerStatus: ['approved'] }] }, 'Block every request, unless the service is approved'],
    ['two values: or', { effect: 'block', conditions: { providers: ['openai-chatgpt', 'deepseek'] } }, 'Block when the service is ChatGPT or DeepSeek'],
    ['three values: commas, then or', { effect: 'redact', conditions: { dataClasses: ['credentials', 'health_data', 'personal_data'] } }, 'Redact when the data is credentials, health data or personal data'],
    ['none of one value', { effect: 'allow', conditions: { noneOf: { groups: ['legal'] } } }, 'Allow when the person is not in legal'],
    ['none of two values: neither, nor', { effect: 'warn', conditions: { noneOf: { providers: ['openai-chatgpt', 'anthropic-claude'] } } }, 'Warn when the service is neither ChatGPT nor Claude'],
    [
      'none of three values',
      { effect: 'warn', conditions: { noneOf: { providers: ['openai-chatgpt', 'anthropic-claude', 'google-gemini'] } } },
      'Warn when the service is none of ChatGPT, Claude and Gemini',
    ],
    [
      'any-of and none-of of the same list',
      { effect: 'block', conditions: { providerStatus: ['restricted', 'under_review'], noneOf: { providers: ['anthropic-claude'] } } },
      'Block when the service is not Claude and the service is restricted or under review',
    ],
    [
      'several exceptions',
      { effect: 'block', conditions: { actions: ['upload'] }, exceptions: [{ providerStatus: ['approved'], channels: ['api'] }, { groups: ['legal', 'hr'] }] },
      'Block when the action is a file upload, unless the service is approved and the request comes through the API, or unless the person is in legal or hr',
    ],
    [
      'an exception without conditions says what it does',
      { effect: 'block', conditions: { actions: ['prompt'] }, exceptions: [{}] },
      'Block when the action is a prompt, unless anything (an exception without conditions always holds, so the rule never applies)',
    ],
    [
      'booleans beside the lists about the same thing',
      { effect: 'block', conditions: { restrictedJurisdiction: true, networkZones: ['corporate'], unknownAiDestination: false, zeroRetentionOffer: false } },
      'Block when the destination is not an AI service outside the catalog and the service is in a restricted jurisdiction and the service offers no zero retention and the network zone is corporate',
    ],
    [
      'the words of the fixed lists',
      {
        effect: 'warn',
        conditions: {
          providerStatus: ['unknown', 'under_review'],
          trainsOnInputs: ['yes', 'opt_out'],
          channels: ['ide', 'cli'],
          accountTypes: ['consumer', 'unknown'],
          noneOf: { actions: ['access'] },
        },
      },
      "Warn when the action is not opening the service and the service is unknown (not in the catalog) or under review and the service's training on inputs is always on or on unless opted out and the request comes through an IDE or a command line and the person uses a personal account or an unstated account type",
    ],
    [
      'countries by name, and none of them',
      { effect: 'block', conditions: { dataCountries: ['CN', 'RU'], noneOf: { hqCountries: ['CN'] } } },
      'Block when the service stores data in China or Russia and the service is not headquartered in China',
    ],
    [
      'stores data in none of two countries',
      { effect: 'warn', conditions: { noneOf: { dataCountries: ['CN', 'RU'] } } },
      'Warn when the service stores data in neither China nor Russia',
    ],
    ['a name the caller does not know is said as it is', { effect: 'block', conditions: { providers: ['brand-new'] } }, 'Block when the service is brand-new'],
    ['empty lists are not set', { effect: 'block', conditions: { providers: [], noneOf: { groups: [] } } }, 'Block every request'],
    [
      'long lists: five named, the rest counted',
      { effect: 'block', conditions: { groups: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], noneOf: { networkZones: ['z1', 'z2', 'z3', 'z4', 'z5', 'z6'] } } },
      'Block when the network zone is none of z1, z2, z3, z4, z5 and 1 more and the person is in a, b, c, d, e or 2 more',
    ],
  ])('%s', (_name, rule, sentence) => {
    expect(describeRule(rule, label)).toBe(sentence);
  });

  it('says every condition key, any-of and none-of', () => {
    for (const key of CONDITION_LIST_KEYS) {
      expect(describeConditions({ [key]: ['x'] }, label)).toHaveLength(1);
      expect(describeConditions({ noneOf: { [key]: ['x'] } }, label)).toHaveLength(1);
    }
    for (const key of CONDITION_BOOLEAN_KEYS) {
      const [yes, no] = [describeConditions({ [key]: true }), describeConditions({ [key]: false })];
      expect(yes).toHaveLength(1);
      expect(no).toHaveLength(1);
      expect(yes).not.toEqual(no);
    }
  });

  it('reads a stored rule that is missing parts, or holds something unexpected, without throwing', () => {
    expect(describeRule({ effect: 'block', conditions: null, exceptions: null })).toBe('Block every request');
    expect(describeRule({ effect: 'block', conditions: { groups: 'legal' as never, noneOf: null as never } })).toBe('Block every request');
    expect(describeRule({ effect: 'quarantine' })).toBe('quarantine every request');
  });
});

describe('inSentence', () => {
  it.each([
    ['Health data', 'health data'],
    ['Government IDs', 'government IDs'],
    ['Credentials', 'credentials'],
    ['ID numbers', 'ID numbers'],
    ['X', 'X'],
    ['', ''],
  ])('%s → %s', (name, expected) => {
    expect(inSentence(name)).toBe(expected);
  });
});

describe('the condition keys', () => {
  it('are the policy engine’s, and the draft API’s', () => {
    expect([...CONDITION_LIST_KEYS].sort()).toEqual([...LIST_CONDITION_KEYS].sort());
    expect([...CONDITION_BOOLEAN_KEYS].sort()).toEqual([...BOOLEAN_CONDITION_KEYS].sort());
    expect(Object.keys(conditions.shape).sort()).toEqual([...CONDITION_LIST_KEYS, ...CONDITION_BOOLEAN_KEYS, 'noneOf'].sort());
    expect(Object.keys(noneOfConditions.shape).sort()).toEqual([...CONDITION_LIST_KEYS].sort());
  });
});
