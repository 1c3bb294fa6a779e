import type { Detector } from '../detector';
import { abaRoutingValid } from '../aba-routing';
import { IBAN_LENGTHS } from '../iban';

const NINE = /(?<![\d-])\d{9}(?![\d-])/g;
const BIC = /(?<![A-Za-z0-9])[A-Z]{4}([A-Z]{2})[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?(?![A-Za-z0-9])/g;
const BIC_ONLY_COUNTRIES = new Set(['US', 'CA', 'AU', 'NZ', 'JP', 'CN', 'HK', 'SG', 'IN', 'KR', 'MX', 'ZA', 'AR', 'CL', 'CO', 'PE', 'TW', 'TH', 'MY', 'ID', 'PH', 'VN', 'NG', 'KE', 'MA']);

/** US ABA routing numbers (checksum) next to routing/ABA words; SWIFT/BIC codes next to SWIFT/BIC words. */
export const bankRoutingDetector: Detector = {
  entries: [
    { id: 'aba-routing-number', dataClass: 'financial', description: 'US ABA routing numbers (checksum, with context)' },
    { id: 'swift-bic', dataClass: 'financial', description: 'SWIFT/BIC codes (with context)' },
  ],
  detect({ text, keywords }, out) {
    let m: RegExpExecArray | null;
    if (keywords.has('routing')) {
      const re = new RegExp(NINE);
      while ((m = re.exec(text)) !== null) {
        if (!abaRoutingValid(m[0]) || !keywords.near('routing', m.index, m.index + 9, 40, 10)) continue;
        out.push({ dataClass: 'financial', detector: 'aba-routing-number', start: m.index, end: m.index + 9, confidence: 0.92 });
      }
    }
    if (keywords.has('swift')) {
      const re = new RegExp(BIC);
      while ((m = re.exec(text)) !== null) {
        const cc = m[1]!;
        if (IBAN_LENGTHS[cc] === undefined && !BIC_ONLY_COUNTRIES.has(cc)) continue;
        if (!keywords.near('swift', m.index, m.index + m[0].length, 30, 5)) continue;
        out.push({ dataClass: 'financial', detector: 'swift-bic', start: m.index, end: m.index + m[0].length, confidence: 0.88 });
      }
    }
  },
};
