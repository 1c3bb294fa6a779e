import ipaddr from 'ipaddr.js';

/** Octets of a canonical dotted quad (`10.1.2.3`; not `010.1.2.3`, `10.1.2` nor `0x0a.1.2.3`), or null. */
export function parseDottedQuad(s: string): number[] | null {
  const octets: number[] = [];
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || value > 255 || octets.length === 4) return null;
      octets.push(value);
      digits = 0;
      value = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits === 1 && value === 0) return null; // leading zero
      if (++digits > 3) return null;
      value = value * 10 + (c - 0x30);
    } else {
      return null;
    }
  }
  return octets.length === 4 ? octets : null;
}

/**
 * Parses an IP literal the way clients send it: dotted-quad IPv4 (strict: no octal, hex or short
 * forms), IPv6 with or without brackets and with an optional zone id (`fe80::1%eth0`). An IPv4-mapped
 * IPv6 address (`::ffff:10.1.2.3`) comes back as the IPv4 address it maps. Returns null for anything
 * else; never throws.
 */
export function parseIpLiteral(input: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let s = input;
  if (s.length > 2 && s.charCodeAt(0) === 0x5b /* [ */ && s.charCodeAt(s.length - 1) === 0x5d /* ] */) s = s.slice(1, -1);
  if (s.indexOf(':') === -1) {
    const octets = parseDottedQuad(s);
    return octets === null ? null : new ipaddr.IPv4(octets);
  }
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  let v6: ipaddr.IPv6;
  try {
    v6 = ipaddr.IPv6.parse(s); // one parse; isValid() + parse() would parse twice
  } catch {
    return null;
  }
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/** The canonical text of an IP literal (RFC 5952 for IPv6, no brackets), or null if it is not one. */
export function canonicalIpLiteral(input: string): string | null {
  const ip = parseIpLiteral(input);
  return ip === null ? null : ip.toString();
}
