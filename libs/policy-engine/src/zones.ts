import ipaddr from 'ipaddr.js';
import { parseIpLiteral } from './ip-literal';
import { PolicyCompileError } from './policy-compile-error';
import type { NetworkZone, PolicyIssue } from './types';
import { isName, NAME_RULE } from './policy-fields';

type Range<T> = [T, number];

export interface CompiledZone {
  name: string;
  v4: Range<ipaddr.IPv4>[];
  v6: Range<ipaddr.IPv6>[];
}

const EMPTY: readonly string[] = Object.freeze([]);

/** How many distinct client IPs keep their zone list cached. */
export const ZONE_CACHE_SIZE = 10_000;

/**
 * Parses one CIDR (or a single address, taken as /32 or /128). An IPv4-mapped IPv6 range
 * (`::ffff:10.0.0.0/104`) becomes the IPv4 range it maps, so it matches IPv4 clients.
 */
function parseRange(text: string): { v4: Range<ipaddr.IPv4> } | { v6: Range<ipaddr.IPv6> } | { error: string } {
  const slash = text.indexOf('/');
  const addrText = slash === -1 ? text : text.slice(0, slash);
  const bitsText = slash === -1 ? null : text.slice(slash + 1);
  if (bitsText !== null && !/^\d{1,3}$/.test(bitsText)) return { error: `"${text}" has an invalid prefix length` };
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  if (addrText.includes(':')) {
    if (!ipaddr.IPv6.isValid(addrText) || addrText.includes('%')) return { error: `"${text}" is not a valid IPv6 CIDR` };
    addr = ipaddr.IPv6.parse(addrText);
  } else {
    if (!ipaddr.IPv4.isValidFourPartDecimal(addrText)) return { error: `"${text}" is not a valid IPv4 CIDR` };
    addr = ipaddr.IPv4.parse(addrText);
  }
  const max = addr.kind() === 'ipv4' ? 32 : 128;
  const bits = bitsText === null ? max : Number(bitsText);
  if (bits > max) return { error: `"${text}": the prefix length must be at most ${max}` };
  if (addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress() && bits >= 96) {
    return { v4: [addr.toIPv4Address(), bits - 96] };
  }
  return addr instanceof ipaddr.IPv4 ? { v4: [addr, bits] } : { v6: [addr, bits] };
}

/**
 * The organization's network zones, compiled: CIDRs parsed once, lookups by IP cached (bounded; the
 * oldest entries are dropped first). Build it with compileZones.
 */
export class ZoneMatcher {
  /** Every zone name, including zones without CIDRs (which clients can only name). */
  readonly names: ReadonlySet<string>;
  private recent = new Map<string, readonly string[]>();
  private older = new Map<string, readonly string[]>();

  constructor(private readonly zones: readonly CompiledZone[]) {
    this.names = new Set(zones.map((z) => z.name));
  }

  /**
   * Names of every zone whose CIDRs contain `ip` (in declaration order). IPv4-mapped IPv6 counts as
   * IPv4; brackets and an IPv6 zone id (`%eth0`) are ignored. An invalid or missing IP is in no zone.
   * The returned array is frozen and shared between calls.
   */
  zonesFor(ip: unknown): readonly string[] {
    if (typeof ip !== 'string' || ip.length === 0 || ip.length > 64 || this.zones.length === 0) return EMPTY;
    let zones = this.recent.get(ip);
    if (zones !== undefined) return zones;
    zones = this.older.get(ip) ?? this.compute(ip);
    // Two generations instead of a strict LRU: O(1), no per-hit bookkeeping, and an IP seen in
    // either generation stays cached. At most ZONE_CACHE_SIZE entries in all.
    if (this.recent.size >= ZONE_CACHE_SIZE / 2) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(ip, zones);
    return zones;
  }

  private compute(ip: string): readonly string[] {
    const addr = parseIpLiteral(ip.trim());
    if (addr === null) return EMPTY;
    let names: string[] | null = null;
    for (const zone of this.zones) {
      if (contains(zone, addr)) (names ??= []).push(zone.name);
    }
    return names === null ? EMPTY : Object.freeze(names);
  }
}

function contains(zone: CompiledZone, addr: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (addr instanceof ipaddr.IPv4) {
    for (const range of zone.v4) if (addr.match(range)) return true;
  } else {
    for (const range of zone.v6) if (addr.match(range)) return true;
  }
  return false;
}

/**
 * Compiles zones. Problems (invalid or duplicate name, invalid CIDR) and warnings (a CIDR with host
 * bits set) are appended to the given lists with paths under `zones`; without a `problems` list,
 * any problem throws PolicyCompileError.
 */
export function compileZones(zones: readonly NetworkZone[], problems?: PolicyIssue[], warnings: PolicyIssue[] = []): ZoneMatcher {
  if (problems === undefined) {
    const found: PolicyIssue[] = [];
    const matcher = compileZones(zones, found, warnings);
    if (found.length > 0) throw new PolicyCompileError(found);
    return matcher;
  }
  const compiled: CompiledZone[] = [];
  if (!Array.isArray(zones)) {
    problems.push({ path: ['zones'], message: 'zones must be a list' });
    return new ZoneMatcher(compiled);
  }
  const seen = new Map<string, number>();
  zones.forEach((zone: unknown, i) => {
    if (typeof zone !== 'object' || zone === null) {
      problems.push({ path: ['zones', i], message: 'a zone must be an object with a name and cidrs' });
      return;
    }
    const { name, cidrs } = zone as Partial<NetworkZone>;
    if (!isName(name)) {
      problems.push({ path: ['zones', i, 'name'], message: `a zone needs a name that ${NAME_RULE}` });
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push({ path: ['zones', i, 'name'], message: `zone "${name}" is already defined at zones[${first}]` });
      return;
    }
    seen.set(name, i);
    const entry: CompiledZone = { name, v4: [], v6: [] };
    if (!Array.isArray(cidrs)) {
      problems.push({ path: ['zones', i, 'cidrs'], message: 'cidrs must be a list of CIDR strings' });
      return;
    }
    cidrs.forEach((cidr: unknown, j) => {
      const path = ['zones', i, 'cidrs', j];
      if (typeof cidr !== 'string') {
        problems.push({ path, message: 'a CIDR must be a string' });
        return;
      }
      const range = parseRange(cidr.trim());
      if ('error' in range) {
        problems.push({ path, message: range.error });
        return;
      }
      const [addr, bits] = 'v4' in range ? range.v4 : range.v6;
      const text = `${addr.toString()}/${bits}`;
      const base = addr instanceof ipaddr.IPv4 ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
      if (base.toString() !== addr.toString()) {
        warnings.push({ path, message: `"${cidr}" has host bits set; it is read as ${base.toString()}/${bits}` });
      }
      if ('v4' in range) entry.v4.push(range.v4);
      else entry.v6.push(range.v6);
    });
    compiled.push(entry);
  });
  return new ZoneMatcher(compiled);
}
