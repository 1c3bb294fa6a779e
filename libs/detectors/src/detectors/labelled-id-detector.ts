import { type Detector, type Scan } from '../detector';
import type { Finding } from '../finding';
import { InvalidChecksum, InvalidComponent } from 'stdnum/lib/cjs/exceptions';
import type { Validator } from 'stdnum/lib/cjs/types';
import * as arCuit from 'stdnum/lib/cjs/ar/cuit';
import * as atVnr from 'stdnum/lib/cjs/at/vnr';
import * as auTfn from 'stdnum/lib/cjs/au/tfn';
import * as beNn from 'stdnum/lib/cjs/be/nn';
import * as bgEgn from 'stdnum/lib/cjs/bg/egn';
import * as chSsn from 'stdnum/lib/cjs/ch/ssn';
import * as clRut from 'stdnum/lib/cjs/cl/rut';
import * as cnRic from 'stdnum/lib/cjs/cn/ric';
import * as coNit from 'stdnum/lib/cjs/co/nit';
import * as deSvnr from 'stdnum/lib/cjs/de/svnr';
import * as doCedula from 'stdnum/lib/cjs/do/cedula';
import * as ecCi from 'stdnum/lib/cjs/ec/ci';
import * as eeIk from 'stdnum/lib/cjs/ee/ik';
import * as esNss from 'stdnum/lib/cjs/es/nss';
import * as frNif from 'stdnum/lib/cjs/fr/nif';
import * as grVat from 'stdnum/lib/cjs/gr/vat';
import * as gbUtr from 'stdnum/lib/cjs/gb/utr';
import * as grAmka from 'stdnum/lib/cjs/gr/amka';
import * as hkHkid from 'stdnum/lib/cjs/hk/hkid';
import * as hrOib from 'stdnum/lib/cjs/hr/oib';
import * as idNpwp from 'stdnum/lib/cjs/id/npwp';
import * as iePps from 'stdnum/lib/cjs/ie/pps';
import * as ilIdnr from 'stdnum/lib/cjs/il/idnr';
import * as isKennitala from 'stdnum/lib/cjs/is/kennitala';
import * as kePin from 'stdnum/lib/cjs/ke/pin';
import * as krRrn from 'stdnum/lib/cjs/kr/rrn';
import * as ltAsmens from 'stdnum/lib/cjs/lt/asmens';
import * as mxRfc from 'stdnum/lib/cjs/mx/rfc';
import * as myNric from 'stdnum/lib/cjs/my/nric';
import * as nzIrd from 'stdnum/lib/cjs/nz/ird';
import * as pkCnic from 'stdnum/lib/cjs/pk/cnic';
import * as plNip from 'stdnum/lib/cjs/pl/nip';
import * as ptCc from 'stdnum/lib/cjs/pt/cc';
import * as ptNif from 'stdnum/lib/cjs/pt/nif';
import * as roCnp from 'stdnum/lib/cjs/ro/cnp';
import * as rsJmbg from 'stdnum/lib/cjs/rs/jmbg';
import * as ruInn from 'stdnum/lib/cjs/ru/inn';
import * as thIdnr from 'stdnum/lib/cjs/th/idnr';
import * as trTckimlik from 'stdnum/lib/cjs/tr/tckimlik';
import * as twNatid from 'stdnum/lib/cjs/tw/natid';
import * as uaRntrc from 'stdnum/lib/cjs/ua/rntrc';
import * as uyCedula from 'stdnum/lib/cjs/uy/cedula';
import * as vnMst from 'stdnum/lib/cjs/vn/mst';
import { LABELLED_IDS, scannedLabel } from './labelled-ids';
import {
  aeEid, arDni, auMedicare, bdNid, brPis, brRg, deKvnr, drivingLicence, egNid, huTaj, huTaxId, idCardNine, idNik, inUan, irMelli, jpMyNumber, mxNss, ngElevenDigits, personal, phPagIbig, phPhilHealth, phSss, phTin,
  plDowod, ptSns, roCi, ruSnils, saNid, sgNric, tzNida, usMbi, vnBhxh, vnCccd,
} from './more-id-validators';
import { LABELLED, placeholderDigits, saidInvalid } from './national-id-detector';

/** The validators (stdnum, python-stdnum's port) of each id of labelled-ids.ts */
const VALIDATORS: Readonly<Record<string, readonly Validator[]>> = {
  'pt-nif': [ptNif], 'pt-cc': [personal(ptCc)], 'be-nn': [beNn], 'mx-rfc': [mxRfc], 'cl-rut': [clRut], 'ar-cuit': [arCuit],
  'tr-tckimlik': [trTckimlik], 'cn-ric': [cnRic], 'tw-natid': [twNatid], 'kr-rrn': [krRrn], 'my-nric': [myNric], 'au-tfn': [auTfn],
  'gb-utr': [gbUtr], 'ie-pps': [iePps], 'ro-cnp': [roCnp], 'gr-amka': [grAmka], 'hk-hkid': [hkHkid], 'il-idnr': [ilIdnr],
  'hr-oib': [hrOib], 'bg-egn': [bgEgn], 'lt-asmens': [ltAsmens], 'ee-ik': [eeIk], 'is-kennitala': [isKennitala],
  'ua-rntrc': [uaRntrc], 'ru-inn': [ruInn], 'ch-ahv': [chSsn], 'at-vnr': [atVnr], 'de-svnr': [deSvnr], 'es-nss': [esNss],
  'fr-nif': [frNif], 'th-idnr': [thIdnr], 'id-npwp': [idNpwp], 'ke-pin': [kePin], 'co-nit': [coNit],
  'latam-cedula': [ecCi, uyCedula, doCedula], 'yu-jmbg': [rsJmbg], 'pk-cnic': [pkCnic], 'nz-ird': [nzIrd],
  'ru-snils': [ruSnils], 'au-medicare': [auMedicare], 'ae-eid': [aeEid], 'br-pis': [brPis], 'id-nik': [idNik], 'vn-cccd': [vnCccd],
  'sa-nid': [saNid], 'eg-nid': [egNid], 'hu-taxid': [huTaxId], 'hu-taj': [huTaj], 'jp-mynumber': [jpMyNumber], 'br-rg': [brRg], 'ph-sss': [phSss],
  'ph-tin': [phTin], 'ph-philhealth': [phPhilHealth], 'ph-pagibig': [phPagIbig], 'in-uan': [inUan], 'vn-mst': [personal(vnMst)], 'vn-bhxh': [vnBhxh],
  'gr-afm': [personal(grVat)], 'pl-nip': [personal(plNip)], 'driving-licence': [drivingLicence],
  'sg-nric': [sgNric], 'pl-dowod': [plDowod], 'de-kvnr': [deKvnr], 'us-mbi': [usMbi], 'ng-bvn': [ngElevenDigits],
  'mx-nss': [mxNss], 'ir-melli': [irMelli], 'tz-nida': [tzNida], 'bd-nid': [bdNid], 'pt-sns': [ptSns], 'bg-idcard': [idCardNine], 'ua-idcard': [idCardNine],
  'ro-ci': [roCi], 'ar-dni': [arDni],
};

/** label (lower case) -> the ids it can name, and whether it is a weak or a generic label */
const BY_LABEL = new Map<string, { ids: string[]; weak: boolean; generic: boolean }>();
for (const { id, labels, weak, generic } of LABELLED_IDS) {
  for (const label of labels) {
    const key = scannedLabel(label);
    const e = BY_LABEL.get(key) ?? { ids: [], weak: false, generic: false };
    e.ids.push(id);
    if (weak?.includes(label)) e.weak = true;
    if (generic?.includes(label)) e.generic = true;
    BY_LABEL.set(key, e);
  }
}

/**
 * Between a label and its value (sticky): blanks and punctuation, a "no." or "number", a "is" ("RUT: ",
 * "CNP nr. ", "NIF n.º ", which the scanned view has as "n.o"), an aside in brackets ("Driver's licence (LA):",
 * "UAN (PF):", "NSS (IMSS):", "SIN (for the credit check):").
 */
// (the quotes of a JSON or YAML key and value: "cnp":"2950726121444")
const GAP = /["']?[ \t]*(?:\([^()\n]{1,40}\))?[ \t:#.=(\-\u2013\u2014]*["']?(?:(?:number|nummer|numéro|número|numer|num|nr|no|numarası|numarasi|n°|nº|n\.º|n\.o|is|was|es|é|este|est|ist|è)(?!\p{L})\.?[ \t:#.=(\-\u2013\u2014]*){0,2}/iuy;
/**
 * The value (sticky): letters, digits and '.', '/' or '-' between them, a blank only before a digit
 * or a capital and a digit ("1 23 45 678 901 23", "12 180685 K 125"; not "20-12345678-6 y su"), or
 * before two capitals and a digit that end it ("63520805 9 ZX7", a Portuguese citizen card; not "TEL 0721…", a next label), a
 * check character in brackets ("G123456(A)").
 */
const VALUE = /[A-Za-z0-9](?:[A-Za-z0-9./-]|[ ](?=\d|[A-Z][ ]?\d|[A-Z]{2}\d(?![A-Za-z0-9])))*(?:\([0-9A-Za-z]\))?/y;

/** a bank payment's reference before the label ("Payment UTR:", "NEFT UTR") */
const PAYMENT_BEFORE = /\b(?:payment|transaction|transfer|bank|neft|rtgs|imps|upi)[ \t]*$/i;
/** a firm's legal form before the label on its line */
const FIRM_BEFORE =
  /(?:^|[\s,(])(?:S\.?A\.?S?|SpA|S\.?R\.?L\.?|S\.?A\.?C\.?|Ltda?\.?|Limited|LLC|Inc\.?|Corp\.?|GmbH|AG|d\.d\.|d\.o\.o\.|PT|Tbk|B\.?V\.?|N\.?V\.?|SARL|SAS|Pty|Oy|AB|A\/S|Kft\.?|Zrt\.?|s\.r\.o\.|z o\.o\.|plc|PLC|Co\.|[Ss]p\. z o\.o\.|[Ss]p\. ?j\.|[Ss]p\. ?k\.|Α\.?Ε\.?|Ε\.?Π\.?Ε\.?|Ο\.?Ε\.?|Ι\.?Κ\.?Ε\.?|CÔNG TY|Công ty|TNHH|CỔ PHẦN)(?=[\s,.)]|$)/;
/** a Chilean RUT from 50,000,000 up is a firm's */
const firmRut = (id: string, compact: string): boolean => id === 'cl-rut' && Number(compact.slice(0, -1)) >= 50_000_000;

/**
 * National identity and tax numbers of another 30-odd countries (labelled-ids.ts), each right after
 * its label and checked by its country's validator (check digit, length, date of birth): a valid one
 * at 0.9, one of the right length and format whose check digit fails at LABELLED (0.85, a mistyped
 * or made-up number still given as someone's id), unless the label is a weak one, the digits are a
 * placeholder or the text says it is no real id. A weak label counts in capitals only ("NIT", not
 * "nit:"). A firm's number is left out: one the validator knows as a firm's (a Portuguese NIF
 * starting with 5, an Argentine CUIT 30-…, a Chilean RUT from 50 million up), one after a legal form
 * on its line ("Alpina S.A. NIT …"), a payment's reference ("Payment UTR"). An id another detector
 * found there already is not reported twice.
 */
export const labelledIdDetector: Detector = {
  entries: LABELLED_IDS.map(({ id }) => ({
    id,
    dataClass: 'government_id' as const,
    description: `${VALIDATORS[id]!.map((v) => `${v.name}${v.abbreviation ? ` (${v.abbreviation})` : ''}`).join(', ')}, after its label`,
  })),
  detect(scan, out) {
    const candidates: Finding[] = [];
    // (every label is a `natid` word of the keyword scan, also those another kind lists: "nif", "rfc")
    const { starts, ends } = scan.keywords.hits('natid');
    for (let i = 0; i < starts.length; i++) {
      const entry = BY_LABEL.get(scan.text.slice(starts[i]!, ends[i]!).toLowerCase());
      if (entry === undefined) continue;
      const f = labelledValue(scan, starts[i]!, ends[i]!, entry, candidates);
      if (f !== undefined) candidates.push(f);
    }
    if (candidates.length === 0) return;
    // against the ids found already, both in text order: one sweep (a check against every finding is
    // quadratic on an export of thousands of ids)
    candidates.sort((a, b) => a.start - b.start);
    const found = out.filter((x) => x.dataClass === 'government_id').sort((a, b) => a.start - b.start);
    let k = 0, reach = -1;
    for (const f of candidates) {
      while (k < found.length && found[k]!.start < f.end) reach = Math.max(reach, found[k++]!.end);
      if (reach > f.start) continue;
      out.push(f);
      reach = Math.max(reach, f.end);
    }
  },
};

/** The id right after a label at [labelStart, from), or undefined (and the valid ids further on pushed to `further`, when none is right after it). */
function labelledValue(scan: Scan, labelStart: number, from: number, { ids, weak, generic }: { ids: readonly string[]; weak: boolean; generic: boolean }, further: Finding[]): Finding | undefined {
  const { text } = scan;
  // a weak label in capitals only ("NIT", "RUN", "INN"; not "workflow run 17980831", "nit: 79664677"), and no label of a payment ("Payment UTR")
  if (weak && text.slice(labelStart, from) !== text.slice(labelStart, from).toUpperCase()) return undefined;
  if (PAYMENT_BEFORE.test(text.slice(Math.max(0, labelStart - 16), labelStart))) return undefined;
  // a firm's number: a legal form on the label's line before it ("Alpina S.A. NIT …", "Konzum d.d., OIB: …")
  // (at most 80 characters back: a search for the line's start would cross a whole one-line export each time)
  // (and on the two lines before it: a seller's block on an invoice, "ABC Sp. z o.o.\nul. Prosta 1\nNIP: …")
  const before = text.slice(Math.max(0, labelStart - 160), labelStart);
  const lines = before.split('\n');
  if (lines.slice(-3).some((l) => FIRM_BEFORE.test(l))) return undefined;
  const f = valueAfter(text, from, ids, weak || generic);
  if (f === undefined) validFurtherOn(text, from, ids, further);
  return f;
}

/** The id right after a label that ends at `from`, or undefined; `strict`: a weak or a generic label, whose value must be valid. */
function valueAfter(text: string, from: number, ids: readonly string[], strict: boolean): Finding | undefined {
  GAP.lastIndex = from;
  GAP.test(text);
  const start = GAP.lastIndex;
  if (start - from > 64) return undefined;
  VALUE.lastIndex = start;
  const m = VALUE.exec(text);
  if (m === null || m[0].length > 32) return undefined;
  const value = m[0].replace(/[./-]+$/, '');
  const end = start + value.length;
  const compact = value.replace(/[ ./()-]/g, '').toUpperCase();
  let digits = 0;
  for (let i = 0; i < compact.length; i++) if (compact.charCodeAt(i) >= 48 && compact.charCodeAt(i) <= 57) digits++;
  if (digits < (ids.includes('us-mbi') ? 5 : 6) || placeholderDigits(value)) return undefined;
  let checksumOnly: string | undefined;
  for (const id of ids) {
    if (RAW_SHAPE[id] !== undefined && !RAW_SHAPE[id].test(value)) continue;
    for (const v of VALIDATORS[id]!) {
      const r = v.validate(compact);
      if (r.isValid) return (r.isCompany && !r.isIndividual) || firmRut(id, compact) ? undefined : { dataClass: 'government_id', detector: id, start, end, confidence: 0.9 };
      // (the right format with a wrong check digit or part: "InvalidComponent" is an NPWP's tax office, say)
      if (r.error instanceof InvalidChecksum || r.error instanceof InvalidComponent) checksumOnly ??= id;
    }
  }
  if (checksumOnly === undefined || strict || saidInvalid(text, start, end)) return undefined;
  return { dataClass: 'government_id', detector: checksumOnly, start, end, confidence: LABELLED };
}

/**
 * A value given as such, not a number in a sentence ("the total was 2850618401232 units", "revenue:
 * 2850618401232 units sold"): before the line's end or a sentence's end, or after a colon or at a
 * line's start and not before a word in small Latin letters.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  let j = end;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  if (j >= text.length || '\r\n.。!！?？'.includes(text[j]!)) return true;
  let i = start;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  const b = i > 0 ? text[i - 1]! : '\n';
  const c = text.charCodeAt(j);
  return (b === ':' || b === '：' || b === '\n') && !(c >= 97 && c <= 122);
}

/**
 * ids whose valid numbers are rare among other numbers (a date of birth and a check digit, two check
 * digits, or a long number of a fixed structure): only these are read further on. One check digit alone
 * passes one number in ten or eleven: a phone number, a date or an invoice's number after "NIP: —" would.
 */
const RARE_VALID = new Set(['cn-ric', 'kr-rrn', 'tr-tckimlik', 'ro-cnp', 'bg-egn', 'ee-ik', 'lt-asmens', 'yu-jmbg', 'id-nik', 'th-idnr', 'vn-cccd', 'eg-nid', 'my-nric', 'ae-eid', 'pk-cnic', 'is-kennitala']);
/** the written shape an id must have after its label, where the validator's digits alone would admit a date or a code ("DNI: 12/03/2025") */
const RAW_SHAPE: Readonly<Record<string, RegExp>> = {
  'ar-dni': /^\d{1,2}\.\d{3}\.\d{3}$/,
  'pt-sns': /^\d{3} ?\d{3} ?\d{3}$/,
  'bg-idcard': /^\d{9}$/,
  'ua-idcard': /^\d{9}$/,
  'bd-nid': /^\d+$/,
  'tz-nida': /^\d{8}-?\d{5}-?\d{5}-?\d{2}$/,
};
/** a value's candidates further on: a run of digits (with '.', '/', '-' or blanks between groups) or a letter before digits */
const FURTHER = /(?<![\p{L}\p{N}])(?:[A-Za-z]{1,2}[ ]?)?\d(?:[\d./-]|[ ](?=\d))*(?:\d|[A-Za-z])(?![\p{L}\p{N}])/gu;

/**
 * The valid ids of the label's kinds further on, within 100 characters and two line breaks, when none
 * follows the label at once, each standing alone (standsAlone): the number in the next message of a
 * chat ("身份证号吧？\n妈妈：110105…", "NIK kamu berapa? [20/04/24 19.48] Rina: 3174…", "T.C. kimlik no
 * lazım dediler: 5019…"). Only a value its country's validator passes whole, of an id whose valid
 * numbers are rare (RARE_VALID); each is pushed to `out` at 0.85.
 */
function validFurtherOn(text: string, from: number, ids: readonly string[], out: Finding[]): void {
  if (!ids.some((id) => RARE_VALID.has(id))) return;
  // (up to the third line break: the message that asks, and the one or two that answer)
  let to = Math.min(text.length, from + 100);
  for (let i = from, breaks = 0; i < to; i++) if (text.charCodeAt(i) === 10 && ++breaks > 2) to = i;
  // (on the window's copy: a search of the text from `from` would run to its end when the window has no number)
  const win = text.slice(from, to);
  FURTHER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FURTHER.exec(win)) !== null) {
    const compact = m[0].replace(/[ ./-]/g, '').toUpperCase();
    if (compact.length < 8 || compact.length > 20 || placeholderDigits(m[0])) continue;
    const start = from + m.index, end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    for (const id of ids) {
      if (!RARE_VALID.has(id)) continue;
      const r = VALIDATORS[id]!.map((v) => v.validate(compact)).find((x) => x.isValid);
      if (r !== undefined && !(r.isCompany && !r.isIndividual) && !firmRut(id, compact) && !saidInvalid(text, start, end)) {
        out.push({ dataClass: 'government_id', detector: id, start, end, confidence: 0.85 });
        break;
      }
    }
  }
}
