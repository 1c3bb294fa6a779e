import { forEachWindow, type Detector } from '../detector';
import { usItinValid, usSsnValid } from '../us-ssn';

/** 123-45-6789, and with blanks or dots (those two need an SSN word nearby) */
const DASHED = /(?<![\d.-])\d{3}([-. ])\d{2}\1\d{4}(?![\d-]|\.\d)/g;
const BARE = /(?<![\d-])\d{9}(?![\d-])/g;

/**
 * US Social Security numbers and ITINs under the issuing rules. 123-45-6789 (dashed) is reported
 * alone; spaced, dotted or bare 9 digits need an SSN word nearby; ITINs (9xx) need an ITIN/taxpayer word.
 */
export const usSsnDetector: Detector = {
  entries: [
    { id: 'us-ssn', dataClass: 'government_id', description: 'US Social Security numbers (issuing rules, context for undashed)' },
    { id: 'us-itin', dataClass: 'government_id', description: 'US Individual Taxpayer Identification Numbers (with context)' },
  ],
  detect(scan, out) {
    const { text, keywords } = scan;
    const ssnCtx = keywords.has('ssn');
    const itinCtx = keywords.has('itin');
    const re = DASHED;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const digits = m[0].replace(/\D/g, '');
      const end = m.index + m[0].length;
      if (usSsnValid(digits)) {
        const ctx = ssnCtx && keywords.near('ssn', m.index, end, 50, 20);
        if (m[1] !== '-' && !ctx) continue;
        out.push({ dataClass: 'government_id', detector: 'us-ssn', start: m.index, end, confidence: ctx ? 0.98 : 0.85 });
      } else if (itinCtx && usItinValid(digits) && keywords.near('itin', m.index, end, 50, 20)) {
        out.push({ dataClass: 'government_id', detector: 'us-itin', start: m.index, end, confidence: 0.95 });
      }
    }
    // undashed numbers only next to their context words
    for (const kind of ['ssn', 'itin'] as const) {
      forEachWindow(scan, kind, 40, 50, (ws, win) => {
        BARE.lastIndex = 0;
        let b: RegExpExecArray | null;
        while ((b = BARE.exec(win)) !== null) {
          const start = ws + b.index, end = start + 9;
          const valid = kind === 'ssn' ? usSsnValid(b[0]) : usItinValid(b[0]);
          if (!valid || !keywords.near(kind, start, end, 40, 10)) continue;
          out.push({ dataClass: 'government_id', detector: kind === 'ssn' ? 'us-ssn' : 'us-itin', start, end, confidence: 0.85 });
        }
      });
    }
  },
};
