import { forEachWindow, type Detector, type Scan } from '../detector';
import type { Finding } from '../finding';
import type { KeywordKind } from '../keyword-scan';
import { deSteuerIdValid } from '../de-steuer-id';
import { luhnValid } from '../luhn';
import { verhoeffValid } from '../verhoeff';

const SIN = /(?<![\d-])\d{3}([ -]?)\d{3}\1\d{3}(?![\d-])/g;
const AADHAAR = /(?<![\d-])[2-9]\d{3}([ -]?)\d{4}\1\d{4}(?![\d-])/g;
const STEUER = /(?<![\d-])[1-9]\d(?: ?\d{3}){3}(?![\d-])/g;

/** Candidates of `re` near a context word of `kind`, reported when their digits are valid (also intl-id-detector.ts). */
export function scanNear(scan: Scan, out: Finding[], kind: KeywordKind, re: RegExp, detector: string, confidence: number, valid: (digits: string) => boolean): void {
  forEachWindow(scan, kind, 50, 50, (ws, win) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(win)) !== null) {
      const start = ws + m.index, end = start + m[0].length;
      if (!valid(m[0].replace(/[ .-]/g, '').toUpperCase()) || !scan.keywords.near(kind, start, end, 50, 20)) continue;
      out.push({ dataClass: 'government_id', detector, start, end, confidence });
    }
  });
}

/**
 * Checksum-backed national ids that need a context word, since their digits alone are common:
 * Canadian SIN (Luhn), Indian Aadhaar (Verhoeff), German Steuer-ID (ISO 7064 MOD 11,10).
 */
export const nationalIdDetector: Detector = {
  entries: [
    { id: 'ca-sin', dataClass: 'government_id', description: 'Canadian Social Insurance Numbers (Luhn, with context)' },
    { id: 'in-aadhaar', dataClass: 'government_id', description: 'Indian Aadhaar numbers (Verhoeff, with context)' },
    { id: 'de-steuer-id', dataClass: 'government_id', description: 'German tax identification numbers (with context)' },
  ],
  detect(scan, out) {
    scanNear(scan, out, 'sin', SIN, 'ca-sin', 0.92, (d) => d[0] !== '0' && d[0] !== '8' && luhnValid(d));
    scanNear(scan, out, 'aadhaar', AADHAAR, 'in-aadhaar', 0.95, verhoeffValid);
    scanNear(scan, out, 'steuer', STEUER, 'de-steuer-id', 0.93, deSteuerIdValid);
  },
};
