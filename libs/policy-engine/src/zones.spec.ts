import { PolicyCompileError } from './policy-compile-error';
import type { PolicyIssue } from './types';
import { compileZones } from './zones';
import { FIXTURE_ZONES } from './testing/fixtures';

/** expect.stringContaining, typed (it returns `any`). */
const containing = (text: string): string => expect.stringContaining(text) as string;

describe('ZoneMatcher.zonesFor', () => {
  const zones = compileZones([
    ...FIXTURE_ZONES,
    { name: 'mapped', cidrs: ['::ffff:172.16.0.0/108'] },
    { name: 'single', cidrs: ['198.51.100.9', '2001:db8:ffff::9'] },
  ]);

  it.each([
    ['10.1.2.3', ['corporate']],
    ['10.9.1.1', ['corporate', 'lab']],
    ['10.255.255.255', ['corporate']],
    ['11.0.0.1', []],
    ['9.255.255.255', []],
    ['192.168.100.77', ['vpn']],
    ['192.168.101.1', []],
    // IPv6
    ['fd00::1', ['corporate']],
    ['fdff:ffff::1', ['corporate']],
    ['FD12:3456::1', ['corporate']],
    ['fe80::1', []],
    ['2001:db8::1', []],
    ['2001:db8:100::42', ['vpn']],
    ['2001:db8:101::42', []],
    ['[fd00::1]', ['corporate']],
    ['fd00::1%eth0', ['corporate']],
    // IPv4-mapped IPv6 counts as IPv4, and mapped ranges match plain IPv4
    ['::ffff:10.1.2.3', ['corporate']],
    ['::ffff:a01:203', ['corporate']],
    ['::ffff:11.1.2.3', []],
    ['172.16.5.5', ['mapped']],
    ['::ffff:172.16.5.5', ['mapped']],
    ['172.32.0.1', []],
    // single addresses
    ['198.51.100.9', ['single']],
    ['198.51.100.10', []],
    ['2001:db8:ffff::9', ['single']],
    // garbage is in no zone
    ['', []],
    ['not-an-ip', []],
    ['10.1.2', []],
    ['010.1.2.3', []],
    ['10.1.2.3/8', []],
    ['999.1.2.3', []],
  ])('%s is in %j', (ip, expected) => {
    expect(zones.zonesFor(ip)).toEqual(expected);
  });

  it.each([[undefined], [null], [42], [{}]])('%j is in no zone', (ip) => {
    expect(zones.zonesFor(ip)).toEqual([]);
  });

  it('returns the same frozen array for the same ip (cached)', () => {
    const first = zones.zonesFor('10.9.9.9');
    expect(zones.zonesFor('10.9.9.9')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('lists every zone name, including zones without CIDRs', () => {
    expect([...zones.names]).toEqual(['corporate', 'lab', 'vpn', 'guest', 'mapped', 'single']);
  });
});

describe('compileZones validation', () => {
  it.each([
    [[{ name: 'x', cidrs: ['10.0.0.0/33'] }], ['zones', 0, 'cidrs', 0], 'at most 32'],
    [[{ name: 'x', cidrs: ['fd00::/129'] }], ['zones', 0, 'cidrs', 0], 'at most 128'],
    [[{ name: 'x', cidrs: ['10.0.0/8'] }], ['zones', 0, 'cidrs', 0], 'not a valid IPv4'],
    [[{ name: 'x', cidrs: ['fd00:::/8'] }], ['zones', 0, 'cidrs', 0], 'not a valid IPv6'],
    [[{ name: 'x', cidrs: ['10.0.0.0/x'] }], ['zones', 0, 'cidrs', 0], 'prefix length'],
    [[{ name: 'x', cidrs: ['corporate'] }], ['zones', 0, 'cidrs', 0], 'not a valid IPv4'],
    [[{ name: 'x', cidrs: [42] }], ['zones', 0, 'cidrs', 0], 'string'],
    [[{ name: 'x', cidrs: '10.0.0.0/8' }], ['zones', 0, 'cidrs'], 'list'],
    [[{ name: '', cidrs: [] }], ['zones', 0, 'name'], 'name'],
    [[{ name: 'x', cidrs: [] }, { name: 'x', cidrs: [] }], ['zones', 1, 'name'], 'already defined'],
  ])('%j -> problem at %j', (input, path, message) => {
    const problems: PolicyIssue[] = [];
    compileZones(input as never, problems);
    expect(problems).toEqual([{ path, message: containing(message) }]);
  });

  it('throws PolicyCompileError listing every problem when no problem list is given', () => {
    expect(() => compileZones([{ name: 'a', cidrs: ['10.0.0.0/33', 'bogus'] }])).toThrow(PolicyCompileError);
    try {
      compileZones([{ name: 'a', cidrs: ['10.0.0.0/33', 'bogus'] }]);
    } catch (e) {
      expect((e as PolicyCompileError).problems.map((p) => p.path)).toEqual([
        ['zones', 0, 'cidrs', 0],
        ['zones', 0, 'cidrs', 1],
      ]);
      expect((e as Error).message).toContain('zones[0].cidrs[1]');
    }
  });

  it('warns about host bits but still matches the whole network', () => {
    const warnings: PolicyIssue[] = [];
    const zones = compileZones([{ name: 'x', cidrs: ['10.1.2.3/8'] }], [], warnings);
    expect(warnings).toEqual([{ path: ['zones', 0, 'cidrs', 0], message: containing('10.0.0.0/8') }]);
    expect(zones.zonesFor('10.200.0.1')).toEqual(['x']);
  });
});
