import { claimValues, displayName, mappedRole, syncedGroups } from './sso-claims';

describe('claimValues', () => {
  test.each([
    [['a', 'b', 'a'], ['a', 'b']],
    ['single', ['single']],
    [['ok', 1, null, '', { x: 1 }, 'x'.repeat(257)], ['ok']],
    [undefined, []],
    [42, []],
    [{ groups: ['a'] }, []],
  ])('%j -> %j', (claim, expected) => {
    expect(claimValues(claim)).toEqual(expected);
  });
});

describe('mappedRole: the highest mapped role wins, unmapped values count for nothing', () => {
  const mappings = { admins: 'admin', auditors: 'auditor', owners: 'owner', staff: 'employee' } as const;
  test.each([
    [['auditors', 'admins'], 'admin'],
    [['staff', 'owners', 'auditors'], 'owner'],
    [['staff'], 'employee'],
    [['unknown'], null],
    [[], null],
    // Prototype keys are not mappings.
    [['constructor', '__proto__', 'toString'], null],
  ])('%j -> %s', (values, expected) => {
    expect(mappedRole(values, mappings)).toBe(expected);
  });
});

describe('syncedGroups: SSO-managed groups follow the claim, the others stay', () => {
  const managed = [
    { name: 'engineering', ssoGroups: ['eng', 'eng-contractors'] },
    { name: 'finance', ssoGroups: ['fin'] },
  ];
  test.each([
    [[], ['eng'], ['engineering']],
    [['engineering', 'local'], [], ['local']],
    [['finance'], ['eng-contractors'], ['engineering']],
    [['local'], ['fin', 'eng', 'unrelated'], ['engineering', 'finance', 'local']],
    // Case does not matter (providers spell groups as they like); spaces do.
    [[], ['Eng', 'eng '], ['engineering']],
    [[], ['eng '], []],
  ])('%j with %j -> %j', (current, values, expected) => {
    expect(syncedGroups(current, values, managed)).toEqual(expected);
  });
});

describe('displayName', () => {
  test.each([
    [{ name: 'Ada Lovelace' }, 'Ada Lovelace'],
    [{ given_name: 'Ada', family_name: 'Lovelace' }, 'Ada Lovelace'],
    [{ preferred_username: 'ada' }, 'ada'],
    [{}, 'ada@example.com'],
    [{ name: '\u0000\u001f  ' }, 'ada@example.com'],
    [{ name: 'x'.repeat(300) }, 'x'.repeat(200)],
  ])('%j -> %s', (claims, expected) => {
    expect(displayName(claims, 'ada@example.com')).toBe(expected);
  });
});

describe('group values compare without regard to case', () => {
  test('a mapping typed in lower case matches the provider spelling it otherwise, and the higher role of two spellings wins', () => {
    expect(mappedRole(['Airlock-Admins'], { 'airlock-admins': 'admin' })).toBe('admin');
    expect(mappedRole(['ÉQUIPE-LÉGALE'], { 'équipe-légale': 'analyst' })).toBe('analyst');
    expect(mappedRole(['staff'], { Staff: 'employee', STAFF: 'auditor' })).toBe('auditor');
  });

  test('groups that follow the provider match its values in any case', () => {
    expect(syncedGroups([], ['ENG'], [{ name: 'engineering', ssoGroups: ['eng'] }])).toEqual(['engineering']);
    expect(syncedGroups(['engineering'], ['Finance'], [{ name: 'engineering', ssoGroups: ['eng'] }, { name: 'finance', ssoGroups: ['FINANCE'] }])).toEqual(['finance']);
  });
});
