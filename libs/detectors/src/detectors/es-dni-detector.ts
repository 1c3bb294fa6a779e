import type { Detector } from '../detector';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const RE = /(?<![A-Za-z0-9])([XYZ]?)(\d{7,8})[- ]?([A-Z])(?![A-Za-z0-9])/g;
const CONTEXT = /\b(?:dni|nie|nif|documento|d\.n\.i)\b/i;

/** Spanish DNI (8 digits + check letter, mod 23) and NIE (X/Y/Z + 7 digits + letter). */
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
  detect({ text }, out) {
    RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RE.exec(text)) !== null) {
      if (!esDniValid(m[0])) continue;
      const end = m.index + m[0].length;
      const ctx = CONTEXT.test(text.slice(Math.max(0, m.index - 40), m.index));
      out.push({ dataClass: 'government_id', detector: 'es-dni', start: m.index, end, confidence: ctx ? 0.95 : 0.7 });
    }
  },
};
