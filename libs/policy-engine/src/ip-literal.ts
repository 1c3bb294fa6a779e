import ipaddr from 'ipaddr.js';

/**
 * Parses an IP literal the way clients send it: dotted-quad IPv4 (strict: no octal, hex or short
 * forms), IPv6 with or without brackets and with an optional zone id (`fe80::1%eth0`). An IPv4-mapped
 * IPv6 address (`::ffff:10.1.2.3`) comes back as the IPv4 address it maps. Returns null for anything
 * else; never throws.
 */
export function parseIpLiteral(input: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let s = input;
  if (s.length > 2 && s.charCodeAt(0) === 0x5b /* [ */ && s.charCodeAt(s.length - 1) === 0x5d /* ] */) s = s.slice(1, -1);
  if (s.indexOf(':') !== -1) {
    const zone = s.indexOf('%');
    if (zone !== -1) s = s.slice(0, zone);
    if (!ipaddr.IPv6.isValid(s)) return null;
    const v6 = ipaddr.IPv6.parse(s);
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  }
  if (!ipaddr.IPv4.isValidFourPartDecimal(s)) return null;
  return ipaddr.IPv4.parse(s);
}

/** The canonical text of an IP literal (RFC 5952 for IPv6, no brackets), or null if it is not one. */
export function canonicalIpLiteral(input: string): string | null {
  const ip = parseIpLiteral(input);
  return ip === null ? null : ip.toString();
}
