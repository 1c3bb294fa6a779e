import type { Detector } from '../detector';
import { ipv4IsNonPersonal, ipv4IsPrivate, ipv6IsNonPersonal, ipv6Valid, parseIpv4 } from '../ip-address';

const V4 = /(?<![\w.:\-/])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\w|\.\d|-)/g;
const V6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]{2,38}(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})?(?![\w:])/g;
const VERSION_BEFORE = /(?:\bv|version|ver\.?|release|build|firmware|node|python|java|chrome|firefox|safari|edge|android|ios|macos|windows|kernel|sdk|api|@)[ \t:=]*$/i;
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
      const re = new RegExp(V4);
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const o = parseIpv4(m[0]);
        if (!o || ipv4IsNonPersonal(o) || PUBLIC_RESOLVERS.has(m[0])) continue;
        if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
        const ctx = keywords.near('ip', m.index, m.index + m[0].length, 40, 15);
        let confidence = ipv4IsPrivate(o) ? 0.55 : 0.65;
        if (ctx) confidence += 0.25;
        if (!ctx && o.every((x) => x < 10)) confidence = 0.3; // 1.2.3.4-like: a version more often than an address
        out.push({ dataClass: 'personal_data', detector: 'ip-address', start: m.index, end: m.index + m[0].length, confidence });
      }
    }
    if (text.indexOf(':') !== -1 && (text.indexOf('::') !== -1 || /[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/i.test(text))) {
      const re = new RegExp(V6);
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const v = m[0];
        if (!ipv6Valid(v) || ipv6IsNonPersonal(v)) continue;
        const groups = v.split(':').filter(Boolean).length;
        if (groups < 3 || !/\d/.test(v)) continue;
        const ctx = keywords.near('ip', m.index, m.index + v.length, 40, 15);
        out.push({ dataClass: 'personal_data', detector: 'ip-address', start: m.index, end: m.index + v.length, confidence: ctx ? 0.9 : 0.7 });
      }
    }
  },
};
