import type { Hit } from './health-detector';

/**
 * A drug of any language and script named by its dose, for the health detector (health-detector.ts):
 * the word right before a dose in milligrams ("dimetilfumarato 240 mg", "سوفوسبوفير 400 مجم").
 */

/** a dose in milligrams or micrograms after a number, in the scripts of the vocabularies ("240 mg", "75 мг", "400 مجم", "5毫克") */
const MG_DOSE = /\d(?:[.,]\d+)?[ \t\u00a0]?(?:mg|mcg|µg|μg|мг|мкг|مجم|ملغ|毫克)(?![\p{L}\p{N}])/iu;
/** each such dose, from its first digit (the scan tries only digits) */
const DOSES = /(?<![\d.,])\d+(?:[.,]\d+)?[ \t\u00a0]?(?:mg|mcg|µg|μg|мг|мкг|مجم|ملغ|毫克)(?![\p{L}\p{N}])/giu;
/** the word right before a dose, read on the 32 characters before it (group 1): "Ticagrelor 90 mg", "سوفوسبوفير 400 مجم" */
const WORD_BEFORE_DOSE = /(?<![\p{L}\p{N}])(\p{L}[\p{L}\p{M}-]{4,29})[ \t\u00a0]+$/u;
/** words before a dose that name no drug: the dose's own words, a meal's or a pack's, and small words of the languages */
const NOT_DRUG = new Set(`dose doses dosis dosage dosierung tablet tablets tablette tabletten comprimé comprimés compresse comprimido comprimidos capsule capsules kapsel
  kapseln cápsula cápsulas daily total maximum minimum about approx approximately each every taking taken plus with from contains containing between
  sodium natrium caffeine koffein cafeína protein proteine calcium kalzium calories kalorien sugar zucker iron eisen serving portion
  täglich diario giornaliero quotidien dziennie ежедневно около примерно всего`.split(/\s+/));

/**
 * Words right before a dose in milligrams (DOSES, WORD_BEFORE_DOSE), as medication hits: a drug of any language
 * the vocabularies do not hold, in a text that states a dose (the detector's rules then decide).
 */
export function dosedWords(text: string): Hit[] {
  if (!MG_DOSE.test(text)) return [];
  const out: Hit[] = [];
  DOSES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOSES.exec(text)) !== null) {
    const from = Math.max(0, m.index - 32);
    const b = WORD_BEFORE_DOSE.exec(text.slice(from, m.index));
    if (b === null) continue;
    const w = b[1]!;
    if (NOT_DRUG.has(w.toLowerCase()) || !/[aeiouyáéíóúäöüаеиоуыэюяαεηιουω\u0600-\u06ff\u4e00-\u9fff]/iu.test(w)) continue;
    const start = from + b.index;
    out.push({ start, end: start + w.length, detector: 'medication', ambiguous: false, term: w.toLowerCase(), dosed: true });
  }
  return out;
}
