import type { Detector } from '../detector';
import { IBAN_LENGTHS, ibanMod97 } from '../iban';

// Any case: IBANs are typed in lower case too ("de89 3704 …"), and grouped by blanks or hyphens
// ("DE89-3704-…"), or broken over two lines by a mail client ("DE89 3704 0044\n0532 0130 00"); the
// country's exact length, the mod-97 check and the end of the token keep other words out.
const RE = /(?<![A-Za-z0-9-])([A-Za-z]{2})(\d{2})((?:(?:[ -]|\r?\n)?[A-Za-z0-9]){10,30})/g;
const SEPARATORS = /[ \r\n-]/g;

/** IBANs: country prefix, that country's length and mod-97 = 1; compact or in groups (blanks or hyphens), in any case. */
export const ibanDetector: Detector = {
  entries: [{ id: 'iban', dataClass: 'financial', description: 'IBANs (per-country length + mod-97)' }],
  detect({ text }, out) {
    const re = RE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const len = IBAN_LENGTHS[m[1]!.toUpperCase()];
      if (len === undefined) {
        re.lastIndex = m.index + 2;
        continue;
      }
      // consume exactly `len` alphanumerics from the match, stopping at the country's length
      let count = 0;
      let end = m.index;
      const s = m[0];
      for (let i = 0; i < s.length && count < len; i++) {
        if (s[i] !== ' ' && s[i] !== '-' && s[i] !== '\n' && s[i] !== '\r') count++;
        end = m.index + i + 1;
      }
      if (count !== len) {
        re.lastIndex = m.index + 2;
        continue;
      }
      const next = text.charCodeAt(end);
      const glued = (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
      const compact = text.slice(m.index, end).replace(SEPARATORS, '').toUpperCase();
      if (glued || ibanMod97(compact) !== 1) {
        re.lastIndex = m.index + 2;
        continue;
      }
      out.push({ dataClass: 'financial', detector: 'iban', start: m.index, end, confidence: 0.97 });
      re.lastIndex = end;
    }
  },
};
