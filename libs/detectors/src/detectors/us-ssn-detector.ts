import type { Detector } from '../detector';
import { usItinValid, usSsnValid } from '../us-ssn';

const DASHED = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g;
const BARE = /(?<![\d-])\d{9}(?![\d-])/g;

/**
 * US Social Security numbers and ITINs under the issuing rules. 123-45-6789 (dashed) is reported
 * alone; spaced or bare 9 digits need an SSN word nearby; ITINs (9xx) need an ITIN/taxpayer word.
 */
export const usSsnDetector: Detector = {
  entries: [
    { id: 'us-ssn', dataClass: 'government_id', description: 'US Social Security numbers (issuing rules, context for undashed)' },
    { id: 'us-itin', dataClass: 'government_id', description: 'US Individual Taxpayer Identification Numbers (with context)' },
  ],
  detect({ text, keywords }, out) {
    const ssnCtx = keywords.has('ssn');
    const itinCtx = keywords.has('itin');
    const re = new RegExp(DASHED);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const digits = m[0].replace(/\D/g, '');
      const end = m.index + m[0].length;
      if (usSsnValid(digits)) {
        const ctx = ssnCtx && keywords.near('ssn', m.index, end, 50, 20);
        if (m[1] === ' ' && !ctx) continue;
        out.push({ dataClass: 'government_id', detector: 'us-ssn', start: m.index, end, confidence: ctx ? 0.98 : 0.85 });
      } else if (itinCtx && usItinValid(digits) && keywords.near('itin', m.index, end, 50, 20)) {
        out.push({ dataClass: 'government_id', detector: 'us-itin', start: m.index, end, confidence: 0.95 });
      }
    }
    if (!ssnCtx && !itinCtx) return;
    const bare = new RegExp(BARE);
    while ((m = bare.exec(text)) !== null) {
      const end = m.index + 9;
      if (ssnCtx && usSsnValid(m[0]) && keywords.near('ssn', m.index, end, 40, 10)) {
        out.push({ dataClass: 'government_id', detector: 'us-ssn', start: m.index, end, confidence: 0.85 });
      } else if (itinCtx && usItinValid(m[0]) && keywords.near('itin', m.index, end, 40, 10)) {
        out.push({ dataClass: 'government_id', detector: 'us-itin', start: m.index, end, confidence: 0.85 });
      }
    }
  },
};
