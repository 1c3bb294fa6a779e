import { forEachWindow, type Detector } from '../detector';
import { abaRoutingValid } from '../aba-routing';
import { IBAN_LENGTHS } from '../iban';
import { forEachColumnCell } from '../table-fields';

const NINE = /(?<![\d-])\d{9}(?![\d-])/g;
const BIC = /(?<![A-Za-z0-9])[A-Z]{4}([A-Z]{2})[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?(?![A-Za-z0-9])/g;
const BIC_ONLY_COUNTRIES = new Set(['US', 'CA', 'AU', 'NZ', 'JP', 'CN', 'HK', 'SG', 'IN', 'KR', 'MX', 'ZA', 'AR', 'CL', 'CO', 'PE', 'TW', 'TH', 'MY', 'ID', 'PH', 'VN', 'NG', 'KE', 'MA']);

/** a table's routing column ("routing", "routing_number", "ABA", "RTN") */
const ROUTING_LABEL = /^(?:bank[ _-]?)?(?:routing|aba|rtn)(?:[ _-]?(?:number|num|no\.?|nr|#))?$/i;
/** India's IFSC (a bank's four letters, a 0, a branch of six) and Russia's BIK (9 digits from 04), after their label */
const IFSC = /(?<![A-Za-z0-9])[A-Z]{4}0[A-Z0-9]{6}(?![A-Za-z0-9])/g;
const BIK = /(?<![\d-])04\d{7}(?![\d-])/g;

/** US ABA routing numbers (checksum) next to routing/ABA words or in a table's routing column; SWIFT/BIC codes next to SWIFT/BIC words; IFSC and BIK codes after theirs. */
export const bankRoutingDetector: Detector = {
  entries: [
    { id: 'aba-routing-number', dataClass: 'financial', description: 'US ABA routing numbers (checksum, with context)' },
    { id: 'swift-bic', dataClass: 'financial', description: 'SWIFT/BIC codes (with context)' },
  ],
  detect(scan, out) {
    const { keywords } = scan;
    forEachWindow(scan, 'routing', 40, 50, (ws, win) => {
      NINE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = NINE.exec(win)) !== null) {
        const start = ws + m.index;
        if (!abaRoutingValid(m[0]) || !keywords.near('routing', start, start + 9, 40, 10)) continue;
        out.push({ dataClass: 'financial', detector: 'aba-routing-number', start, end: start + 9, confidence: 0.92 });
      }
    });
    // a table's routing column: its cells with a valid checksum
    forEachColumnCell(scan.text, keywords.hits('routing').starts, (header) => ROUTING_LABEL.test(header.label.trim()), (a, b) => {
      if (b - a === 9 && abaRoutingValid(scan.text.slice(a, b))) out.push({ dataClass: 'financial', detector: 'aba-routing-number', start: a, end: b, confidence: 0.9 });
    });
    for (const [kind, re] of [['ifsc', IFSC], ['bik', BIK]] as const) {
      // a table's IFSC or BIK column: its cells of that form
      forEachColumnCell(scan.text, keywords.hits(kind).starts, (header) => /^(?:ifsc|bik|бик)(?:[ _-]?(?:code|no\.?))?$/i.test(header.label.trim()), (a, b) => {
        re.lastIndex = 0;
        const m = re.exec(scan.text.slice(a, b));
        if (m !== null && m[0].length === b - a) out.push({ dataClass: 'financial', detector: 'swift-bic', start: a, end: b, confidence: 0.85 });
      });
      forEachWindow(scan, kind, 0, 30, (ws, win) => {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(win)) !== null) {
          const start = ws + m.index, end = start + m[0].length;
          if (keywords.near(kind, start, end, 20, 0)) out.push({ dataClass: 'financial', detector: 'swift-bic', start, end, confidence: 0.85 });
        }
      });
    }
    forEachWindow(scan, 'swift', 10, 40, (ws, win) => {
      BIC.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BIC.exec(win)) !== null) {
        const cc = m[1]!;
        const start = ws + m.index, end = start + m[0].length;
        if (IBAN_LENGTHS[cc] === undefined && !BIC_ONLY_COUNTRIES.has(cc)) continue;
        if (!keywords.near('swift', start, end, 30, 5)) continue;
        out.push({ dataClass: 'financial', detector: 'swift-bic', start, end, confidence: 0.88 });
      }
    });
  },
};
