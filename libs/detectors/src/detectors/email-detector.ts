import type { Detector } from '../detector';

/** RFC 2606 / RFC 6761 reserved names: documentation addresses, never a person's. */
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/i;
const FILE_TLD = /^(?:png|jpe?g|gif|svg|webp|bmp|ico|js|ts|css|html?|json|py|rb|go|rs|java|md|txt|pdf|zip|gz|tar|lock|yml|yaml|xml|csv|exe|dll|so)$/i;

function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
}
function isDomainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** The domain part of `domain` is the allowlisted domain or a subdomain of it. */
export function domainAllowed(domain: string, allow: readonly string[]): boolean {
  const d = domain.toLowerCase();
  for (const a of allow) {
    const x = a.toLowerCase().replace(/^@/, '');
    if (d === x || d.endsWith('.' + x)) return true;
  }
  return false;
}

/** An address at a reserved documentation domain (jane@example.com): never a person's. */
export function isDocumentationAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at !== -1 && RESERVED_DOMAIN.test(address.slice(at + 1));
}

/**
 * E-mail addresses, found from each '@'. Skipped (not reported): the organization's own domains
 * (allowEmailDomains). Reserved documentation domains (example.com, .test, .invalid, localhost) are
 * reported with confidence 0.3, under the default threshold: not counted, and explained as test values.
 */
export const emailDetector: Detector = {
  entries: [{ id: 'email', dataClass: 'personal_data', description: 'E-mail addresses' }],
  detect({ text, settings }, out) {
    let at = text.indexOf('@');
    let lastEnd = 0;
    while (at !== -1) {
      let s = at;
      while (s > lastEnd && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
      while (s < at && (text.charCodeAt(s) === 46 || text.charCodeAt(s) === 39)) s++;
      let e = at + 1;
      while (e < text.length && e - at < 255 && isDomainChar(text.charCodeAt(e))) e++;
      while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
      const next = at + 1;
      if (s < at && e > at + 1) {
        const local = text.slice(s, at);
        const domain = text.slice(at + 1, e);
        const labels = domain.split('.');
        const tld = labels[labels.length - 1]!;
        const okDomain =
          labels.length >= 2 &&
          labels.every((l) => l.length > 0 && l.length <= 63 && l[0] !== '-' && l[l.length - 1] !== '-') &&
          /^[A-Za-z]{2,24}$/.test(tld) &&
          !FILE_TLD.test(tld);
        // scheme://user@host or scheme://user:pass@host is a URL's userinfo, not an e-mail address
        const inUserinfo = /:\/\/[^\s/@]*$/.test(text.slice(Math.max(0, s - 200), s));
        const okLocal = !local.includes('..') && !(local === 'git' && text.charCodeAt(e) === 58) && !inUserinfo;
        if (okDomain && okLocal && !domainAllowed(domain, settings.allowEmailDomains)) {
          // a documentation address is reported under the default threshold, as a test card is: not
          // counted, and listed by explain() as a test value
          out.push({ dataClass: 'personal_data', detector: 'email', start: s, end: e, confidence: RESERVED_DOMAIN.test(domain) ? 0.3 : 0.95 });
          lastEnd = e;
        }
      }
      at = text.indexOf('@', next);
    }
  },
};
