import fc from 'fast-check';
import { compilePolicy, compileZones, PolicyCompileError, type PolicyRule } from '@airlock/policy-engine';
import { zoneInput } from './catalog';
import { ruleInput } from './policy';

/**
 * One validator: the draft API (these zod schemas) and the policy compiler accept exactly the same
 * rule ids, group and zone names and guidance links (libs/policy-engine policy-fields.ts), so a
 * draft the API took never fails to publish on one of them, and nothing the compiler would take is
 * refused by the API. And what the API stores (e.g. a group name in lower case) compiles.
 */
const compiles = (rule: Partial<PolicyRule>): boolean => {
  try {
    compilePolicy([{ id: 'r', priority: 1, enabled: true, effect: 'block', message: 'm', when: {}, ...rule } as PolicyRule], []);
    return true;
  } catch (err) {
    if (err instanceof PolicyCompileError) return false;
    throw err;
  }
};
const apiRule = (input: Record<string, unknown>) => ruleInput.safeParse({ ruleId: 'r', priority: 1, effect: 'block', message: 'm', ...input });

const CHARS = [...'abcxyzABCXYZ0189', '-', '_', '.', ':', '/', ' ', '#', '?', 'é', 'ß', '\u0000', '\t'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 140 }).map((c) => c.join(''));
const SAMPLES = [
  '',
  'a',
  'no-credentials',
  'No-Credentials',
  'gdpr:art9.health',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  '-lead',
  'trail-',
  'a--b',
  'a_b-c',
  'Legal',
  'LEGAL',
  'legal team',
  'no-matching-rule',
  'https://intranet.example/ai-policy',
  'http://intranet.example/ai policy',
  '/ai-policy',
  '//evil.example',
  'ftp://x.example',
  'javascript:alert(1)',
];
const cases = <T>(values: fc.Arbitrary<T>) => fc.sample(values, { numRuns: 300, seed: 13 });
const all = [...SAMPLES, ...cases(text)];

describe('the draft API and the policy compiler agree', () => {
  it.each([
    ['rule ids', (v: string) => apiRule({ ruleId: v }), (v: string) => compiles({ id: v }), (out: any) => compiles({ id: out.ruleId })],
    [
      'group names in rules',
      (v: string) => apiRule({ conditions: { groups: [v] } }),
      (v: string) => compiles({ when: { groups: [v] } }),
      (out: any) => compiles({ when: out.conditions }),
    ],
    [
      'zone names in rules',
      (v: string) => apiRule({ conditions: { networkZones: [v] } }),
      (v: string) => compiles({ when: { networkZones: [v] } }),
      (out: any) => compiles({ when: out.conditions }),
    ],
    [
      'group names in none-of lists',
      (v: string) => apiRule({ exceptions: [{ noneOf: { groups: [v] } }] }),
      (v: string) => compiles({ unless: [{ noneOf: { groups: [v] } }] }),
      (out: any) => compiles({ unless: out.exceptions }),
    ],
    [
      'zone names in none-of lists',
      (v: string) => apiRule({ conditions: { noneOf: { networkZones: [v] } } }),
      (v: string) => compiles({ when: { noneOf: { networkZones: [v] } } }),
      (out: any) => compiles({ when: out.conditions }),
    ],
    ['guidance links', (v: string) => apiRule({ guidanceUrl: v }), (v: string) => compiles({ guidanceUrl: v }), (out: any) => compiles({ guidanceUrl: out.guidanceUrl })],
  ] as const)('%s', (_what, api, compiler, storedCompiles) => {
    const disagreements: string[] = [];
    for (const v of all) {
      const parsed = api(v);
      if (parsed.success !== compiler(v)) disagreements.push(`${JSON.stringify(v)}: API ${parsed.success}, compiler ${!parsed.success}`);
      else if (parsed.success && !storedCompiles(parsed.data)) disagreements.push(`${JSON.stringify(v)}: stored as ${JSON.stringify(parsed.data)}, which does not compile`);
    }
    expect(disagreements).toEqual([]);
  });

  it('zone definitions', () => {
    const zoneCompiles = (name: string) => {
      try {
        compileZones([{ name, cidrs: ['10.0.0.0/8'] }]);
        return true;
      } catch (err) {
        if (err instanceof PolicyCompileError) return false;
        throw err;
      }
    };
    const disagreements = all.filter((v) => zoneInput.safeParse({ name: v, cidrs: ['10.0.0.0/8'] }).success !== zoneCompiles(v));
    expect(disagreements).toEqual([]);
  });

  it('keeps what was valid before on both sides: every slug the API always took, and the ids only the compiler took', () => {
    for (const id of ['no-credentials', 'a_b-c', 'x'.repeat(64), 'gdpr:art9.health', 'No-Credentials', 'x'.repeat(128)]) {
      expect({ id, api: apiRule({ ruleId: id }).success, compiler: compiles({ id }) }).toEqual({ id, api: true, compiler: true });
    }
    expect(apiRule({ conditions: { groups: ['Legal'] } }).data?.conditions.groups).toEqual(['legal']);
    expect(apiRule({ conditions: { noneOf: { groups: ['Legal'] } } }).data?.conditions.noneOf?.groups).toEqual(['legal']);
    // A rule stored before none-of existed is unchanged; a boolean or an unknown key in noneOf is refused.
    expect(apiRule({ conditions: { providerStatus: ['unknown'], unknownAiDestination: true } }).data?.conditions).toEqual({ providerStatus: ['unknown'], unknownAiDestination: true });
    expect(apiRule({ conditions: { noneOf: { zeroRetentionOffer: true } } }).success).toBe(false);
    expect(apiRule({ conditions: { noneOf: { noneOf: {} } } }).success).toBe(false);
    expect(apiRule({ guidanceUrl: '/ai-policy' }).success).toBe(true);
    expect(apiRule({ ruleId: 'no-matching-rule' }).error?.issues[0]?.message).toMatch(/reserved/);
  });
});
