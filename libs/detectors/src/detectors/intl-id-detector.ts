import { forEachWindow, type Detector } from '../detector';
import type { Finding } from '../finding';
import { scanLabelled, scanNear } from './national-id-detector';
import {
  brCpfValid,
  czBirthNumberValid,
  dkCprValid,
  fiHetuValid,
  frNirValid,
  inPanValid,
  itCodiceFiscaleValid,
  mxCurpValid,
  nhsNumberValid,
  nlBsnValid,
  noFodselsnummerValid,
  plPeselValid,
  sePersonnummerValid,
  zaIdValid,
} from '../national-ids';

/** 943 476 5919: three, three and four digits, blanks or hyphens or none. */
const NHS = /(?<![\d-])\d{3}([ -]?)\d{3}\1\d{4}(?![\d-])/g;
/** 2 55 08 14 168 025 38, compact or grouped by blanks or dots (Corsica: 2A / 2B). */
const NIR = /(?<![\dA-Za-z])[1-478][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[ABab])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\dA-Za-z])/g;
/** 1112.22.333 or 111 222 333 or 111222333 */
const BSN = /(?<![\d.-])\d{4}([ .]?)\d{2}\1\d{3}(?!\d|[.-]\d)/g;
const DIGITS_11 = /(?<![\d.-])\d{11}(?!\d|[.-]\d)/g;
/** 111.444.777-35: the CPF's own layout, found without a context word */
const CPF_FORMATTED = /(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d-])/g;
/** a CPF dotted or not, for a labelled value whose check digits fail (scanLabelled) */
const CPF_ANY = /(?<![\d.])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![\d-])/g;
/** 800101 5009 087, compact or grouped */
const ZA_ID = /(?<![\d-])\d{6}([ -]?)\d{4}\1\d{3}(?![\d-])/g;
/**
 * An Italian codice fiscale (16: six letters, the year's digits, a month letter, ...) or a Mexican
 * CURP (18: four letters, six digits, H/M/X, ...), in one pass: both start with four letters. Upper
 * case, as both are issued and printed: a case-insensitive pattern cost 7 ms per MB of prose against
 * 0.4 (irregexp cannot skip ahead to a capital).
 */
const CF_OR_CURP = /(?<![A-Za-z0-9])[A-Z]{4}(?:[A-Z]{2}\d{2}[ABCDEHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]|\d{6}[HMX][A-Z]{5}[A-Z\d]\d)(?![A-Za-z0-9])/g;

/** A Swedish personnummer: (YY)YYMMDD, a hyphen or plus (or none), four digits */
const SE_ID = /(?<![\d-])(?:\d{2})?\d{6}[-+]?\d{4}(?![\d-])/g;
/**
 * 19850612-3861: the twelve-digit form with its hyphen, found without a context word; born before
 * 2020 (a file's "20240512-1432" is a date and a time).
 */
const SE_ID_LONG = /(?<![\d-])(?:19\d{2}|20[01]\d)\d{4}-\d{4}(?![\d-])/g;
/** A Finnish henkilötunnus: 131052-308T (century sign, three digits, check character), read near its word */
const FI_HETU = /(?<![\dA-Za-z_./-])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y](?![\dA-Za-z])/g;
/** A Czech or Slovak birth number: 850612/4417, or compact */
const CZ_RC = /(?<![\d/-])\d{6}\/?\d{3,4}(?![\d/-])/g;
/** An Indian PAN: ABCPE1234F */
const IN_PAN = /(?<![A-Za-z0-9])[A-Z]{5}\d{4}[A-Z](?![A-Za-z0-9])/g;
/** A Danish CPR number: 010190-1234, or compact */
const DK_CPR = /(?<![\d-])\d{6}-?\d{4}(?![\d-])/g;

const compact = (s: string): string => s.replace(/[ .-]/g, '').toUpperCase();

/**
 * National identity and health numbers of the UK (NHS / CHI), France (NIR), the Netherlands (BSN),
 * Poland (PESEL), Brazil (CPF), South Africa, Italy (codice fiscale), Mexico (CURP), Sweden, Norway,
 * Finland, Denmark, Czechia and Slovakia (rodné číslo) and India (PAN), each with its check digit or
 * structure (national-ids.ts). Digit-only numbers need a context word nearby (their digits alone are
 * as common as order numbers); a CPF in its dotted layout, a codice fiscale, a CURP and a Swedish
 * number in its twelve-digit hyphenated form carry their own structure and are reported without one.
 * A Danish CPR number has no check digit: a date near a CPR word. Right after its label, a number of
 * the shape whose check digit fails is reported at a lower confidence (scanLabelled).
 */
export const intlIdDetector: Detector = {
  entries: [
    { id: 'uk-nhs-number', dataClass: 'government_id', description: 'UK NHS and Scottish CHI numbers (modulus 11, with context)' },
    { id: 'fr-nir', dataClass: 'government_id', description: 'French social security numbers (NIR, key mod 97, with context)' },
    { id: 'nl-bsn', dataClass: 'government_id', description: 'Dutch citizen service numbers (BSN, elfproef, with context)' },
    { id: 'pl-pesel', dataClass: 'government_id', description: 'Polish PESEL numbers (birth date and check digit, with context)' },
    { id: 'br-cpf', dataClass: 'government_id', description: 'Brazilian CPF numbers (two check digits; undotted with context)' },
    { id: 'za-id-number', dataClass: 'government_id', description: 'South African identity numbers (birth date and Luhn, with context)' },
    { id: 'it-codice-fiscale', dataClass: 'government_id', description: 'Italian tax codes (codice fiscale, check letter)' },
    { id: 'mx-curp', dataClass: 'government_id', description: 'Mexican CURP (birth date, state and check digit)' },
    { id: 'se-personnummer', dataClass: 'government_id', description: 'Swedish personal identity numbers (date and Luhn; 10 digits with context)' },
    { id: 'no-fodselsnummer', dataClass: 'government_id', description: 'Norwegian national identity numbers (two check digits, with context)' },
    { id: 'fi-hetu', dataClass: 'government_id', description: 'Finnish personal identity codes (century sign and check character, with context)' },
    { id: 'dk-cpr', dataClass: 'government_id', description: 'Danish CPR numbers (date, with context)' },
    { id: 'cz-birth-number', dataClass: 'government_id', description: 'Czech and Slovak birth numbers (rodné číslo: date and modulus 11, with context)' },
    { id: 'in-pan', dataClass: 'government_id', description: 'Indian PAN (permanent account numbers, with context)' },
  ],
  detect(scan, out) {
    const { text } = scan;
    // the same check as Canada's SIN or India's Aadhaar (a valid number near a context word); a NIR
    // found near both a NIR word and "social security" twice is one finding after resolveOverlaps
    scanNear(scan, out, 'nhs', NHS, 'uk-nhs-number', 0.95, nhsNumberValid);
    scanNear(scan, out, 'nir', NIR, 'fr-nir', 0.95, frNirValid);
    scanNear(scan, out, 'ssn', NIR, 'fr-nir', 0.95, frNirValid);
    scanNear(scan, out, 'bsn', BSN, 'nl-bsn', 0.95, nlBsnValid);
    scanNear(scan, out, 'pesel', DIGITS_11, 'pl-pesel', 0.95, plPeselValid);
    scanNear(scan, out, 'cpf', DIGITS_11, 'br-cpf', 0.95, brCpfValid);
    scanNear(scan, out, 'zaid', ZA_ID, 'za-id-number', 0.95, zaIdValid);
    scanNear(scan, out, 'nordicid', SE_ID, 'se-personnummer', 0.95, (d) => sePersonnummerValid(d.replace('+', '')));
    scanNear(scan, out, 'nordicid', DIGITS_11, 'no-fodselsnummer', 0.95, noFodselsnummerValid);
    scanNear(scan, out, 'cpr', DK_CPR, 'dk-cpr', 0.9, dkCprValid);
    scanNear(scan, out, 'rodne', CZ_RC, 'cz-birth-number', 0.95, czBirthNumberValid);
    scanNear(scan, out, 'pan', IN_PAN, 'in-pan', 0.9, inPanValid);
    // layouts specific enough without a context word (each has a hyphen), unless found near one already
    if (text.indexOf('-') !== -1) {
      alone(text, out, CPF_FORMATTED, 'br-cpf', 0.9, brCpfValid);
      alone(text, out, SE_ID_LONG, 'se-personnummer', 0.85, sePersonnummerValid);
    }
    // a Finnish code near its word (its check character leaves a date and a time, "240102-1300", possible)
    forEachWindow(scan, 'nordicid', 50, 50, (ws, win) => {
      FI_HETU.lastIndex = 0;
      let h: RegExpExecArray | null;
      while ((h = FI_HETU.exec(win)) !== null) {
        const start = ws + h.index, end = start + h[0].length;
        if (fiHetuValid(h[0].toUpperCase()) && scan.keywords.near('nordicid', start, end, 50, 20)) out.push({ dataClass: 'government_id', detector: 'fi-hetu', start, end, confidence: 0.95 });
      }
    });
    CF_OR_CURP.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CF_OR_CURP.exec(text)) !== null) {
      const value = m[0];
      const curp = value.length === 18;
      if (!(curp ? mxCurpValid(value) : itCodiceFiscaleValid(value))) continue;
      out.push({ dataClass: 'government_id', detector: curp ? 'mx-curp' : 'it-codice-fiscale', start: m.index, end: m.index + m[0].length, confidence: 0.95 });
    }
    // last, right after their label, the same shapes with a check digit that fails (national-id-detector.ts)
    scanLabelled(scan, out, 'nhs', NHS, 'uk-nhs-number');
    scanLabelled(scan, out, 'nir', NIR, 'fr-nir');
    scanLabelled(scan, out, 'bsn', BSN, 'nl-bsn');
    scanLabelled(scan, out, 'pesel', DIGITS_11, 'pl-pesel');
    scanLabelled(scan, out, 'cpf', CPF_ANY, 'br-cpf');
    scanLabelled(scan, out, 'zaid', ZA_ID, 'za-id-number');
    scanLabelled(scan, out, 'nordicid', DIGITS_11, 'no-fodselsnummer');
    scanLabelled(scan, out, 'nordicid', SE_ID, 'se-personnummer');
    scanLabelled(scan, out, 'rodne', CZ_RC, 'cz-birth-number');
  },
};

/** Every match of `re` whose digits pass `valid`, reported at `confidence` unless the same detector found one there already. */
function alone(text: string, out: Finding[], re: RegExp, detector: string, confidence: number, valid: (digits: string) => boolean): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index, end = start + m[0].length;
    if (!valid(compact(m[0])) || out.some((f) => f.detector === detector && f.start === start)) continue;
    out.push({ dataClass: 'government_id', detector, start, end, confidence });
  }
}
