import { firstMatch, type Detector } from '../detector';

/** (or a Russian passport's series and number: "4510 823947", "45 12 № 738291") */
const VALUE = /(?<![A-Za-z0-9])(?:\d{2} ?\d{2} (?:(?:№|No\.?) ?)?\d{6}|(?=[A-Z0-9]{0,8}\d)[A-Z0-9]{6,9})(?![A-Za-z0-9])/g;
/** the words a label may have between it and its value: "Passport No. 123", "passport number is: X", "Паспорт: серия 45 12" */
const GAP_WORDS = /\b(?:no|nr|num|number|n°|id|is|was|of|nummer|numéro|número)\b\.?|(?:серия|серії|series|série|serie|seria)(?![\p{L}])|№/giu;
/** a passport's usual number: one or two letters and six to eight digits ("K48201937", "ZU1284760") */
const LETTERS_DIGITS = /^[A-Z]{1,2}\d{6,8}$/;
/** the words between a passport's word and a colon that still name the passport's number: "on file for immigration counsel" (not a reference's, a ticket's or an appointment's) */
const FILE_WORDS = new Set('on file for in the our my his her their records record copy scan scanned attached holder counsel immigration details is was of'.split(' '));
/** a date written as digits (20240517), which a bracketed aside may leave right after the word */
const DIGIT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/** Passport numbers: 6-9 uppercase letters/digits (at least one digit) within 40 characters after a passport word (or a residence permit's). */
export const passportNumberDetector: Detector = {
  entries: [{ id: 'passport-number', dataClass: 'government_id', description: 'Passport numbers next to passport words' }],
  detect({ text, keywords }, out) {
    if (!keywords.has('passport')) return;
    const { ends } = keywords.hits('passport');
    let lastEnd = -1;
    for (const e of ends) {
      const from = Math.max(e, lastEnd);
      const m = firstMatch(VALUE, text, from, from + 60);
      if (!m || m.index - e > 40) continue;
      // between the word and the value only labels: "Passport No. 123", "passport number is: X", an aside in brackets;
      // or a few words and a colon before a passport's usual number ("Passport on file for immigration counsel: K48201937")
      const gap = text.slice(e, m.index).replace(GAP_WORDS, '').replace(/\([^()\n]{0,30}\)/, '');
      const fileWords = /^[ \p{Ll}]{0,40}:[ \t]*$/u.test(gap) && gap.split(/[\s:]+/).every((w) => w === '' || FILE_WORDS.has(w));
      if (!/^[\s:#.\-–—=()]*$/.test(gap) && !(gap !== text.slice(e, m.index) && /^[\s,:#.\-–—=()]*$/.test(gap)) && !(fileWords && LETTERS_DIGITS.test(m[0]))) continue;
      if (DIGIT_DATE.test(m[0])) continue;
      const digits = m[0].replace(/\D/g, '').length;
      if (digits < 1 || /^(?:19|20)\d{2}$/.test(m[0])) continue;
      out.push({ dataClass: 'government_id', detector: 'passport-number', start: m.index, end: m.index + m[0].length, confidence: 0.88 });
      lastEnd = m.index + m[0].length;
    }
  },
};
