import { compileExceptions, type PolicyException } from './exceptions';
import { compilePolicy } from './policy-compiler';
import { FIXTURE_CATALOG, FIXTURE_ZONES } from './testing/fixtures';
import type { DecisionRequest, PolicyRule } from './types';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const LATER = '2026-12-03T12:00:00.000Z';
const SOONER = '2026-12-02T13:00:00.000Z';
const EARLIER = '2026-12-01T12:00:00.000Z';

const rules: PolicyRule[] = [
  { id: 'no-credentials', priority: 10, enabled: true, when: { dataClasses: ['credentials'] }, effect: 'block', message: 'No secrets' },
  { id: 'no-personal', priority: 20, enabled: true, when: { dataClasses: ['personal_data', 'financial'] }, effect: 'redact', message: 'Mask personal data' },
  { id: 'blocked-providers', priority: 30, enabled: true, when: { providerStatus: ['blocked'] }, effect: 'block', message: 'Blocked service' },
  { id: 'coach', priority: 40, enabled: true, when: { dataClasses: ['source_code'] }, effect: 'warn', message: 'Careful with code' },
];
const evaluator = compilePolicy(rules, FIXTURE_CATALOG, FIXTURE_ZONES);

function decide(url: string, dataClasses: string[], subject: DecisionRequest['subject'] = { email: 'ana@example.com', groups: ['research'] }) {
  return { decision: evaluator.evaluate({ action: 'prompt', destination: { url }, subject, dataClasses }), subject };
}

function ex(over: Partial<PolicyException>): PolicyException {
  return { id: 'e1', provider: null, dataClass: null, reason: 'pilot', expiresAt: LATER, ...over };
}

describe('compileExceptions / apply', () => {
  test('a person x service x class exception turns that block into allow and says so in the reasons', () => {
    const set = compileExceptions([ex({ subjectEmail: 'Ana@Example.com', provider: 'openai', dataClass: 'credentials' })]);
    const { decision, subject } = decide('https://chatgpt.com/', ['credentials']);
    expect(decision.effect).toBe('block');
    const out = set.apply(decision, subject, rules, NOW);
    expect(out.effect).toBe('allow');
    expect(out.reasons).toEqual([
      { ruleId: 'no-credentials', effect: 'allow', message: 'No secrets', exception: { id: 'e1', expiresAt: LATER, reason: 'pilot', effect: 'block' } },
    ]);
  });

  test('another person, another service, another class or an expired exception lifts nothing', () => {
    const cases: PolicyException[] = [
      ex({ subjectEmail: 'bob@example.com', dataClass: 'credentials' }),
      ex({ subjectEmail: 'ana@example.com', provider: 'mistral', dataClass: 'credentials' }),
      ex({ subjectEmail: 'ana@example.com', dataClass: 'personal_data' }),
      ex({ subjectEmail: 'ana@example.com', dataClass: 'credentials', expiresAt: EARLIER }),
      ex({ subjectGroup: 'sales' }),
    ];
    for (const c of cases) {
      const { decision, subject } = decide('https://chatgpt.com/', ['credentials']);
      expect(compileExceptions([c]).apply(decision, subject, rules, NOW).effect).toBe('block');
    }
  });

  test('expiry is checked against now at each decision: no reload or publish needed', () => {
    const set = compileExceptions([ex({ subjectEmail: 'ana@example.com', expiresAt: SOONER })]);
    expect(set.apply(decide('https://chatgpt.com/', ['credentials']).decision, { email: 'ana@example.com' }, rules, NOW).effect).toBe('allow');
    const after = Date.parse(SOONER);
    expect(set.apply(decide('https://chatgpt.com/', ['credentials']).decision, { email: 'ana@example.com' }, rules, after).effect).toBe('block');
    expect(set.nextExpiry(NOW)).toBe(after);
    expect(set.nextExpiry(after)).toBeNull();
  });

  test('a group exception applies to the subject of that group, case aside', () => {
    const set = compileExceptions([ex({ subjectGroup: 'Research', dataClass: 'source_code' })]);
    const { decision, subject } = decide('https://chatgpt.com/', ['source_code']);
    expect(decision.effect).toBe('warn');
    expect(set.apply(decision, subject, rules, NOW).effect).toBe('allow');
  });

  test('only the covered rule is lifted: the effect is recomputed from what is left', () => {
    const set = compileExceptions([ex({ subjectEmail: 'ana@example.com', dataClass: 'credentials' })]);
    const { decision, subject } = decide('https://chatgpt.com/', ['credentials', 'source_code']);
    const out = set.apply(decision, subject, rules, NOW);
    expect(out.effect).toBe('warn');
    expect(out.reasons.map((r) => [r.ruleId, r.effect])).toEqual([
      ['coach', 'warn'],
      ['no-credentials', 'allow'],
    ]);
  });

  test('a rule that names several classes is lifted only when each class present is covered', () => {
    const onlyPersonal = compileExceptions([ex({ subjectEmail: 'ana@example.com', dataClass: 'personal_data' })]);
    const both = decide('https://chatgpt.com/', ['personal_data', 'financial']);
    expect(onlyPersonal.apply(both.decision, both.subject, rules, NOW).effect).toBe('redact');
    const one = decide('https://chatgpt.com/', ['personal_data']);
    expect(onlyPersonal.apply(one.decision, one.subject, rules, NOW).effect).toBe('allow');
    const twoGrants = compileExceptions([
      ex({ id: 'a', subjectEmail: 'ana@example.com', dataClass: 'personal_data', expiresAt: LATER }),
      ex({ id: 'b', subjectGroup: 'research', dataClass: 'financial', expiresAt: SOONER }),
    ]);
    const again = decide('https://chatgpt.com/', ['personal_data', 'financial']);
    const out = twoGrants.apply(again.decision, again.subject, rules, NOW);
    expect(out.effect).toBe('allow');
    // The grant that ends first is the one reported: the rule applies again when it expires.
    expect(out.reasons[0]!.exception).toMatchObject({ id: 'b', effect: 'redact' });
  });

  test('a rule that tests no data class (a blocked service) needs an exception of any class', () => {
    const classOnly = compileExceptions([ex({ subjectEmail: 'ana@example.com', provider: 'deepseek', dataClass: 'credentials' })]);
    const access = { decision: evaluator.evaluate({ action: 'access', destination: { url: 'https://chat.deepseek.com/' } }), subject: { email: 'ana@example.com' } };
    expect(classOnly.apply(access.decision, access.subject, rules, NOW).effect).toBe('block');
    const anyClass = compileExceptions([ex({ subjectEmail: 'ana@example.com', provider: 'deepseek' })]);
    const again = evaluator.evaluate({ action: 'access', destination: { url: 'https://chat.deepseek.com/' } });
    expect(anyClass.apply(again, access.subject, rules, NOW).effect).toBe('allow');
  });

  test('people named by a hashed key match through the key function the caller gives', () => {
    const keyOf = (email: string) => `h:${email.toLowerCase()}`;
    const set = compileExceptions([ex({ subjectKey: 'h:ana@example.com' })], keyOf);
    const { decision, subject } = decide('https://chatgpt.com/', ['credentials']);
    expect(set.apply(decision, subject, rules, NOW).effect).toBe('allow');
  });

  test('nothing to do: no subject, an allow, an empty set, or an exception without person or group', () => {
    const set = compileExceptions([ex({ subjectEmail: 'ana@example.com' }), ex({ id: 'x' })]);
    expect(set.size).toBe(1);
    const { decision } = decide('https://chatgpt.com/', ['credentials']);
    expect(set.apply(decision, undefined, rules, NOW)).toBe(decision);
    const allowed = decide('https://chatgpt.com/', []);
    expect(set.apply(allowed.decision, allowed.subject, rules, NOW)).toBe(allowed.decision);
    expect(compileExceptions([]).apply(decision, { email: 'ana@example.com' }, rules, NOW)).toBe(decision);
  });
});
