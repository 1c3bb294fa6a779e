import type { Detector } from '../detector';
import { deSteuerIdValid } from '../de-steuer-id';
import { luhnValid } from '../luhn';
import { verhoeffValid } from '../verhoeff';

const SIN = /(?<![\d-])\d{3}([ -]?)\d{3}\1\d{3}(?![\d-])/g;
const AADHAAR = /(?<![\d-])[2-9]\d{3}([ -]?)\d{4}\1\d{4}(?![\d-])/g;
const STEUER = /(?<![\d-])[1-9]\d(?: ?\d{3}){3}(?![\d-])/g;

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
  detect({ text, keywords }, out) {
    let m: RegExpExecArray | null;
    if (keywords.has('sin')) {
      const re = new RegExp(SIN);
      while ((m = re.exec(text)) !== null) {
        const d = m[0].replace(/\D/g, '');
        const end = m.index + m[0].length;
        if (d[0] === '0' || d[0] === '8' || !luhnValid(d) || !keywords.near('sin', m.index, end, 50, 20)) continue;
        out.push({ dataClass: 'government_id', detector: 'ca-sin', start: m.index, end, confidence: 0.92 });
      }
    }
    if (keywords.has('aadhaar')) {
      const re = new RegExp(AADHAAR);
      while ((m = re.exec(text)) !== null) {
        const d = m[0].replace(/\D/g, '');
        const end = m.index + m[0].length;
        if (!verhoeffValid(d) || !keywords.near('aadhaar', m.index, end, 50, 20)) continue;
        out.push({ dataClass: 'government_id', detector: 'in-aadhaar', start: m.index, end, confidence: 0.95 });
      }
    }
    if (keywords.has('steuer')) {
      const re = new RegExp(STEUER);
      while ((m = re.exec(text)) !== null) {
        const d = m[0].replace(/\D/g, '');
        const end = m.index + m[0].length;
        if (!deSteuerIdValid(d) || !keywords.near('steuer', m.index, end, 50, 20)) continue;
        out.push({ dataClass: 'government_id', detector: 'de-steuer-id', start: m.index, end, confidence: 0.93 });
      }
    }
  },
};
