import { forEachWindow, type Detector } from '../detector';
import { LABELLED, labelledAt, placeholderDigits, saidInvalid } from './national-id-detector';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const RE = /(?<![A-Za-z0-9])([XYZ]?)(\d{7,8})[- ]?([A-Z])(?![A-Za-z0-9])/g;

/** Spanish DNI (8 digits + check letter, mod 23) and NIE (X/Y/Z + 7 digits + letter), next to DNI/NIE/NIF. */
export function esDniValid(value: string): boolean {
  const m = /^([XYZ]?)(\d{7,8})[- ]?([A-Z])$/.exec(value);
  if (!m) return false;
  const prefix = m[1] ? String('XYZ'.indexOf(m[1])) : '';
  const digits = prefix + m[2]!;
  if (digits.length !== 8) return false;
  return LETTERS[Number(digits) % 23] === m[3];
}

export const esDniDetector: Detector = {
  entries: [{ id: 'es-dni', dataClass: 'government_id', description: 'Spanish DNI / NIE numbers (mod-23 check letter)' }],
  detect(scan, out) {
    // 8 digits and a letter are common in product codes: only next to DNI/NIE/NIF words
    forEachWindow(scan, 'dni', 10, 50, (ws, win) => {
      RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RE.exec(win)) !== null) {
        const start = ws + m.index;
        // a check letter that fails: only right after the label ("DNI: 48291736K"; national-id-detector.ts)
        const valid = esDniValid(m[0]);
        if (!valid && (!labelledAt(scan, 'dni', start) || placeholderDigits(m[0]) || saidInvalid(scan.text, start, start + m[0].length))) continue;
        out.push({ dataClass: 'government_id', detector: 'es-dni', start, end: start + m[0].length, confidence: valid ? 0.95 : LABELLED });
      }
    });
  },
};
