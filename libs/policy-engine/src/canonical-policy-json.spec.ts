import { canonicalJson, canonicalPolicyJson } from './canonical-policy-json';
import { defaultPolicyRules } from './default-policy';

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[undefined, 1], '[null,1]'],
    ['é"', '"é\\""'],
  ])('%j -> %s', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
  });
});

describe('canonicalPolicyJson', () => {
  it('does not depend on key order or on the order rules come in', () => {
    const rules = defaultPolicyRules();
    const shuffled = [...rules].reverse().map((r) => Object.fromEntries(Object.entries(r).reverse()) as typeof r);
    expect(canonicalPolicyJson(shuffled, { restrictedJurisdictions: ['CN'] })).toBe(canonicalPolicyJson(rules, { restrictedJurisdictions: ['CN'] }));
  });

  it('changes with any content change', () => {
    const rules = defaultPolicyRules();
    const json = canonicalPolicyJson(rules, { restrictedJurisdictions: ['CN'] });
    expect(canonicalPolicyJson(rules, { restrictedJurisdictions: ['CN', 'RU'] })).not.toBe(json);
    const edited = defaultPolicyRules();
    edited[3]!.enabled = false;
    expect(canonicalPolicyJson(edited, { restrictedJurisdictions: ['CN'] })).not.toBe(json);
    expect(JSON.parse(json)).toEqual({ rules, settings: { restrictedJurisdictions: ['CN'] } });
  });
});
