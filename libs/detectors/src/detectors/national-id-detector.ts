import { ID_LABEL_WORDS } from './labelled-ids';
import { forEachWindow, lowerBound, type Detector, type Scan } from '../detector';
import type { Finding } from '../finding';
import type { KeywordKind } from '../keyword-scan';
import { deSteuerIdValid } from '../de-steuer-id';
import { luhnValid } from '../luhn';
import { verhoeffValid } from '../verhoeff';
import { forEachColumnCell, type TableHeader } from '../table-fields';

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

/** The confidence of an id's shape right after its label, its check digit failing (scanLabelled) */
export const LABELLED = 0.85;
/** Between a label and its value: blanks and punctuation, a "no." or "number", a "is", an aside in brackets ("CPF: ", "DNI nº ", "passport number is ", "SIN (for the credit check): "). */
const LABEL_GAP = /^[ \t:#.=(\-\u2013\u2014]*(?:\([^()\n]{1,40}\)[ \t:#.=\-\u2013\u2014]*)?(?:(?:no|nr|num|number|nummer|numéro|número|n°|nº|is|was)\.?[ \t:#.=(\-\u2013\u2014]*){0,2}$/i;
/** labels that name no country's id (a "personal number" is as often a phone number): they need a valid check digit */
const GENERIC_LABELS = new Set(['personal number', 'id number', 'id no', 'id no.', 'id nr', 'identity number', 'personal identity number']);

/** A word of `kind` ends at most 64 characters before `start`, with only LABEL_GAP between: the value is labelled. */
export function labelledAt(scan: Scan, kind: KeywordKind, start: number): boolean {
  const { starts, ends } = scan.keywords.hits(kind);
  const lo = lowerBound(starts, start);
  for (let i = lo - 1; i >= 0 && i >= lo - 3; i--) {
    const e = ends[i]!;
    if (e <= start && start - e <= 64 && LABEL_GAP.test(scan.text.slice(e, start)) && !GENERIC_LABELS.has(scan.text.slice(starts[i]!, e).toLowerCase())) return true;
  }
  return false;
}

/** said of the value nearby: it is no real id ("SIN 875 209 748 is not valid", "a fake CPF", "test DNI") */
const INVALID_WORDS = /\b(?:not valid|invalid|fails|failed|fake|dummy|example|sample|test|made[ -]up|placeholder|fictional|fictitious|bogus)\b/i;
export function saidInvalid(text: string, start: number, end: number): boolean {
  return INVALID_WORDS.test(text.slice(Math.max(0, start - 30), Math.min(text.length, end + 40)));
}

/** One digit repeated or counting up ("111.111.111-11", "123456789"): a placeholder, not a mistyped id. */
export function placeholderDigits(value: string): boolean {
  const d = value.replace(/\D/g, '');
  let same = true, counting = true;
  for (let i = 1; i < d.length; i++) {
    if (d[i] !== d[0]) same = false;
    if (d.charCodeAt(i) !== 48 + ((d.charCodeAt(i - 1) - 47) % 10)) counting = false;
  }
  return same || (counting && d.length >= 6) || /^1234567/.test(d);
}

/**
 * Values of an id's shape right after its label whose check digit fails: a number mistyped, or made
 * up for a test, is still given as that person's id ("CPF: 347.821.906-52"). Reported at a lower
 * confidence (0.85) than a valid one, unless an id was found there already or the text says it is
 * none ("is not valid", "a fake"); the label outweighs a phone number's shape (0.7-0.8).
 */
export function scanLabelled(scan: Scan, out: Finding[], kind: KeywordKind, re: RegExp, detector: string): void {
  if (!scan.keywords.has(kind)) return;
  // the ids found so far, by start: a candidate is checked against them with a pointer that only moves
  // forward (candidates come in text order), not against every finding (quadratic on a list of ids)
  const found = out.filter((f) => f.dataClass === 'government_id').sort((a, b) => a.start - b.start);
  let k = 0, reach = -1;
  forEachWindow(scan, kind, 0, 80, (ws, win) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(win)) !== null) {
      const start = ws + m.index, end = start + m[0].length;
      while (k < found.length && found[k]!.start < end) reach = Math.max(reach, found[k++]!.end);
      if (reach > start || !labelledAt(scan, kind, start) || placeholderDigits(m[0]) || saidInvalid(scan.text, start, end)) continue;
      out.push({ dataClass: 'government_id', detector, start, end, confidence: LABELLED });
      reach = Math.max(reach, end);
    }
  });
}

/** The kinds whose words head a table's column of ids ("TaxID", "SSN", "Passport No", "CPF"). */
const ID_COLUMN_KINDS: readonly KeywordKind[] = ['idcolumn', 'natid', 'rodne', 'ssn', 'steuer', 'passport', 'nino', 'cpf', 'dni', 'nordicid', 'nir', 'pesel', 'bsn', 'aadhaar', 'sin', 'itin', 'nhs', 'zaid'];
/** such a column's label, without blanks, '_', '-', '.' and '#', in lower case */
const ID_LABEL = new Set(
  `taxid tin taxnumber taxno taxidnumber ssn socialsecurity socialsecuritynumber socialsecurityno nationalid nationalidnumber nationalidno nin nino ninumber
  nationalinsurance nationalinsurancenumber nationalinsuranceno idnumber idno idnr personalid personalnumber personnummer fødselsnummer fodselsnummer hetu
  pan panno pannumber n°ss nºss noss n°sécu numsecu dninie nienif паспорт паспорта
  henkilötunnus cpf curp rfc birthnumber dni nie nif pesel bsn nir passport passportno passportnumber passportnr aadhaar aadhaarnumber steuerid steueridentifikationsnummer
  sin itin nhs nhsnumber nhsno governmentid govid idcard identitynumber rodnecislo rodnéčíslo
  rut cuit cuil tckn tckimlik tckimlikno kimlikno cnp amka oib egn pps ppsn tfn utr nric mykad hkid cnic ird ahv ahvnr svnr nss inn rrn npwp cedula cédula jmbg
  sécuritésociale securitesociale sécu secu insee seguridadsocial afiliaciónss afiliacionss afiliación segurosocial sozialversicherung dowodu dowódosobisty`.split(/\s+/),
);
// and every label of labelled-ids.ts, as the column's header writes it ("ИНН", "СНИЛС", "Số CCCD", "TAJ-szám")
for (const label of ID_LABEL_WORDS) ID_LABEL.add(label.replace(/[\s_.#-]+/g, ''));
/** an id column's label, or one with a word for "number" before or after it ("N° sécurité sociale", "Nr PESEL", "NRIC No") */
function idLabel(l: string): boolean {
  if (ID_LABEL.has(l)) return true;
  const bare = l.replace(NUMBER_BEFORE, '').replace(NUMBER_AFTER, '');
  // (four letters at least: "UTR No", "NIF No" head a payment's reference or a firm's tax number as often)
  return bare.length >= 4 && bare !== l && ID_LABEL.has(bare);
}
const NUMBER_BEFORE = /^(?:n°|nº|no|nr|num|numero|numéro|número|numer|nummer|номер|số)(?:de|do|da|di|del|du|dela|ya)?/u;
const NUMBER_AFTER = /(?:no|nr|num|number|numero|numéro|número|numer|nummer|номер)$/u;
/** a cell that can be an id: letters, digits, blanks, '.', '/' and '-', five digits or more, 6-24 characters */
const ID_CELL = /^(?=(?:[^\d]*\d){5})[A-Za-z0-9][A-Za-z0-9 ./-]{4,22}[A-Za-z0-9]$/;
/** a firm's or a system's number in such a column: an internal reference (INV-100234, EMP-00123), a VAT number (GB123456789), a US EIN (12-3456789) */
const NOT_PERSON_ID = /^(?:[A-Za-z]{2,5}[-_]\d+|[A-Z]{2}\d{8,12}|\d{2}-\d{7})$/;
/** India's PAN: five letters (the fourth the holder's kind: P a person), four digits, a letter */
const PAN_CELL = /^[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z]$/;
/** a date or a time, which a cell of such a column may hold instead ("2023-01-02", "02/01/2023") */
const DATE_CELL = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * The cells of a table's column labelled as an id ("EmpID,Name,TaxID,…" then a row per person): the
 * header is the label, whatever the country's format or its check digit, as for an id right after its
 * label. Below the confidence of the detectors that know a format (0.8): where one of them reads a
 * cell (a valid CPF, an SSN), its finding is the one kept.
 */
function idColumns(scan: Scan, out: Finding[]): void {
  const { text } = scan;
  // the hits of all those kinds in text order, for one walk over the lines (TableHeaders)
  let starts: number[] | undefined;
  for (const kind of ID_COLUMN_KINDS) {
    const hits = scan.keywords.hits(kind).starts;
    // (a loop, not push(...hits): spreading 125,000 hits or more overflows the call stack)
    if (hits.length > 0) {
      starts ??= [];
      for (const h of hits) starts.push(h);
    }
  }
  if (starts === undefined) return;
  starts.sort((a, b) => a - b);
  // (the label without what brackets add to it: "Паспорт (ID-картка)", "SSN (US)")
  const label = (header: TableHeader): string => header.label.toLowerCase().replace(/\s*\([^)]*\)\s*$/, '').replace(/[\s_.#-]+/g, '');
  forEachColumnCell(text, starts, (header) => idLabel(label(header)), (a, b, header) => {
    const v = text.slice(a, b);
    // a PAN column holds India's PAN ("OPRPS6245R") or, in payments, a card's number (the card detector's)
    if (/^pan(?:no|number)?$/.test(label(header)) ? PAN_CELL.test(v) : ID_CELL.test(v) && !DATE_CELL.test(v) && !NOT_PERSON_ID.test(v) && !placeholderDigits(v)) {
      out.push({ dataClass: 'government_id', detector: 'id-number-column', start: a, end: b, confidence: 0.8 });
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
    { id: 'id-number-column', dataClass: 'government_id', description: "Values in a table's column labelled as a national id, tax id or passport number" },
  ],
  detect(scan, out) {
    scanNear(scan, out, 'sin', SIN, 'ca-sin', 0.92, (d) => d[0] !== '0' && d[0] !== '8' && luhnValid(d));
    scanNear(scan, out, 'aadhaar', AADHAAR, 'in-aadhaar', 0.95, verhoeffValid);
    scanNear(scan, out, 'steuer', STEUER, 'de-steuer-id', 0.93, deSteuerIdValid);
    scanLabelled(scan, out, 'sin', SIN, 'ca-sin');
    scanLabelled(scan, out, 'aadhaar', AADHAAR, 'in-aadhaar');
    scanLabelled(scan, out, 'steuer', STEUER, 'de-steuer-id');
    idColumns(scan, out);
  },
};
