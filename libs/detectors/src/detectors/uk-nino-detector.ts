import { forEachWindow, type Detector } from '../detector';
import { ukNinoValid } from '../uk-nino';

const RE = /(?<![A-Za-z0-9])[A-Z]{2}([ -]?)\d{2}\1\d{2}\1\d{2}\1[A-D](?![A-Za-z0-9])/g;
/** the same in any case ("nr-62-19-84-d"), read only near a National Insurance word */
const RE_ANY_CASE = /(?<![A-Za-z0-9])[A-Za-z]{2}([ -]?)\d{2}\1\d{2}\1\d{2}\1[A-Da-d](?![A-Za-z0-9])/g;

/**
 * Right after a bare "NI" ("NI", "NI:", "NI no", "N.I. number is", in any case): a number in any case
 * and spacing ("NI qq 12 34 56 c" shape). Sticky at the end of the word; the number must follow at
 * once, so "ni" as a word of prose (Spanish, French, a chemical symbol) is never read further.
 */
const AFTER_NI = /[ \t]*(?:[:#=-][ \t]*)?(?:(?:no|nr|num|number)\.?[ \t]*(?:[:#][ \t]*)?|(?:is|was)[ \t]+)?([A-Za-z]{2}([ -]?)\d{2}\2\d{2}\2\d{2}\2[A-Da-d])(?![A-Za-z0-9])/iy;

/** UK National Insurance numbers with the prefix rules (QQ 12 34 56 C; spaced or not; in lower case near a National Insurance word or right after a bare "NI"). */
export const ukNinoDetector: Detector = {
  entries: [{ id: 'uk-national-insurance-number', dataClass: 'government_id', description: 'UK National Insurance numbers (prefix rules)' }],
  detect(scan, out) {
    const { text, keywords } = scan;
    const re = RE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (!ukNinoValid(m[0])) continue;
      const end = m.index + m[0].length;
      const ctx = keywords.near('nino', m.index, end, 50, 20);
      out.push({ dataClass: 'government_id', detector: 'uk-national-insurance-number', start: m.index, end, confidence: ctx ? 0.98 : 0.8 });
    }
    // in any case, only in the windows around a National Insurance word
    forEachWindow(scan, 'nino', 20, 50, (ws, win) => {
      RE_ANY_CASE.lastIndex = 0;
      let w: RegExpExecArray | null;
      while ((w = RE_ANY_CASE.exec(win)) !== null) {
        const start = ws + w.index, end = start + w[0].length;
        if (w[0] === w[0].toUpperCase() || !ukNinoValid(w[0]) || !keywords.near('nino', start, end, 50, 20)) continue;
        out.push({ dataClass: 'government_id', detector: 'uk-national-insurance-number', start, end, confidence: 0.9 });
      }
    });
    // right after a bare "NI" (not a word of the National Insurance kind: read here only)
    const ni = keywords.hits('ni');
    for (let i = 0; i < ni.starts.length; i++) {
      AFTER_NI.lastIndex = ni.ends[i]!;
      const a = AFTER_NI.exec(text);
      if (a === null || !ukNinoValid(a[1]!)) continue;
      const end = a.index + a[0].length;
      out.push({ dataClass: 'government_id', detector: 'uk-national-insurance-number', start: end - a[1]!.length, end, confidence: 0.93 });
    }
  },
};
