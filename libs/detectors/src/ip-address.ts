/** Parse dotted-quad IPv4 (no leading zeros) into its four octets, or undefined. */
export function parseIpv4(s: string): [number, number, number, number] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out as [number, number, number, number];
}

/** RFC 5737 documentation ranges, loopback, unspecified, broadcast and netmask-like values. */
export function ipv4IsNonPersonal(o: readonly number[]): boolean {
  const [a, b, c] = o as [number, number, number, number];
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return true;
  if (a === 127 || a === 0 || a === 255 || a >= 224) return true;
  return false;
}

export function ipv4IsPrivate(o: readonly number[]): boolean {
  const [a, b] = o as [number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/** Validate textual IPv6 (RFC 4291 forms incl. '::' compression and an embedded IPv4 tail). */
export function ipv6Valid(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  const dbl = s.indexOf('::');
  if (dbl !== -1 && s.indexOf('::', dbl + 1) !== -1) return false;
  let groups = 0;
  const parts = dbl === -1 ? [s] : [s.slice(0, dbl), s.slice(dbl + 2)];
  for (let pi = 0; pi < parts.length; pi++) {
    const part = parts[pi]!;
    if (part === '') continue;
    const gs = part.split(':');
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i]!;
      if (i === gs.length - 1 && pi === parts.length - 1 && g.includes('.')) {
        if (!parseIpv4(g)) return false;
        groups += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) groups += 1;
      else return false;
    }
  }
  return dbl === -1 ? groups === 8 : groups <= 7;
}

/** RFC 3849 documentation prefix 2001:db8::/32, loopback ::1 and unspecified ::. */
export function ipv6IsNonPersonal(s: string): boolean {
  const l = s.toLowerCase();
  return l === '::1' || l === '::' || /^2001:0?db8:/.test(l) || l.startsWith('fe80:');
}
