import type { Detector } from '../detector';
import { ipv4IsNonPersonal, ipv4IsPrivate, ipv6IsNonPersonal, ipv6Valid, parseIpv4 } from '../ip-address';

const V4 = /(?<![\w.:\-/])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\w|\.\d|-)/g;
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isWordish(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
}
// (each a word of its own: "server 13.235.88.19" ends in "ver" and is no version)
const VERSION_BEFORE = /\b(?:v|version|ver\.?|release|build|firmware|node|python|java|chrome|firefox|safari|edge|android|ios|macos|windows|kernel|sdk|api)[ \t:=]*$/i;
const VERSION_NEAR = /(?:^|[^A-Za-z])(?:upgrad\w*|updat\w*|downgrad\w*|bump\w*|patch\w*|hotfix\w*|changelog|fixed in|roll(?:ed)? ?back|releases?|versions?|firmware|installed|pinned|requires?|semver)(?:[^A-Za-z]|$)(?![^\n]*\b(?:ip|host|server|address|login|ssh)\b)/i;
const PUBLIC_RESOLVERS = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '208.67.222.222']);

/**
 * IPv4 and IPv6 addresses (lower confidence: personal data only when tied to a person or device).
 * Skipped: RFC 5737 / RFC 3849 documentation ranges, loopback, unspecified, broadcast, public DNS
 * resolvers, and dotted numbers preceded by a version word.
 */
export const ipAddressDetector: Detector = {
  entries: [{ id: 'ip-address', dataClass: 'personal_data', description: 'IPv4 and IPv6 addresses (not documentation ranges or version strings)' }],
  detect({ text, keywords }, out) {
    if (text.indexOf('.') !== -1) {
      const re = V4;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const o = parseIpv4(m[0]);
        if (!o || ipv4IsNonPersonal(o) || PUBLIC_RESOLVERS.has(m[0])) continue;
        if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
        // "upgrade from 10.4.3.2 to 10.4.3.7", "bumped to 2.14.0.1": a version word in the sentence before
        if (VERSION_NEAR.test(text.slice(Math.max(0, m.index - 50), m.index))) continue;
        // a network in CIDR notation (10.20.0.0/16) is infrastructure, not a host (a /32 is one host: "81.2.69.142/32" in an allow-list)
        if (/^\/(?!32(?!\d))\d{1,2}(?!\d)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
        const ctx = keywords.near('ip', m.index, m.index + m[0].length, 40, 15);
        let confidence = ipv4IsPrivate(o) ? 0.55 : 0.65;
        if (ctx) confidence += 0.25;
        if (!ctx && o.every((x) => x < 10)) confidence = 0.3; // 1.2.3.4-like: a version more often than an address
        out.push({ dataClass: 'personal_data', detector: 'ip-address', start: m.index, end: m.index + m[0].length, confidence });
      }
    }
    // IPv6: from each ':' expand over hex digits, ':' and '.', then validate
    let c = text.indexOf(':');
    let lastEnd = 0;
    while (c !== -1) {
      if (c < lastEnd || !(isHex(text.charCodeAt(c + 1)) || text.charCodeAt(c + 1) === 58) || !(isHex(text.charCodeAt(c - 1)) || text.charCodeAt(c - 1) === 58)) {
        c = text.indexOf(':', c + 1);
        continue;
      }
      let s = c;
      while (s > 0 && c - s < 40 && (isHex(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 58)) s--;
      let e = c + 1;
      while (e < text.length && e - s < 46 && (isHex(text.charCodeAt(e)) || text.charCodeAt(e) === 58 || text.charCodeAt(e) === 46)) e++;
      while (e > c && (text.charCodeAt(e - 1) === 46)) e--;
      lastEnd = e;
      c = text.indexOf(':', e);
      if (isWordish(text.charCodeAt(s - 1)) || isWordish(text.charCodeAt(e))) continue;
      const v = text.slice(s, e);
      if (!ipv6Valid(v) || ipv6IsNonPersonal(v)) continue;
      if (v.split(':').filter(Boolean).length < 3 || !/\d/.test(v)) continue;
      const ctx = keywords.near('ip', s, e, 40, 15);
      out.push({ dataClass: 'personal_data', detector: 'ip-address', start: s, end: e, confidence: ctx ? 0.9 : 0.7 });
    }
  },
};
