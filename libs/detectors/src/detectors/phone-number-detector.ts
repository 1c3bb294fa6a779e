import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Detector } from '../detector';
import type { KeywordHits } from '../keyword-scan';
import { forEachColumnCell } from '../table-fields';

/**
 * Phone-shaped candidates: international (+CC or 00CC; ungrouped too, "+5511987214530"), grouped national numbers, "(area) number",
 * the area code and a slash as Germany writes it ("030/1234567", "+49 151/23456789"),
 * and bare 10-11 digit runs (the last only with a phone word nearby). Not after a colon (a time, a
 * port): a phone word's colon ("Tel:0171 …") and a colon before '+' ("Tel：＋49 …", read NFKC-folded)
 * are tried on their own (CANDIDATE_AT), the lookbehind kept simple for the regex's fast scan.
 */
const CANDIDATE =
  /(?<![\w+./:#$€£@-])(?:\+\d{8,15}|(?:\+\d{1,3}[ ])?0?\d{2,4}\/[ ]?\d{6,9}(?:[ -]\d{2,6})?|(?:\+|00)\d{1,3}[ .-]?(?:\(0?\d{1,5}\)[ .-]?)?\d{1,10}(?:[ .-]\d{2,8}){0,4}|\(\d{2,5}\)[ .-]?\d{2,5}(?:[ .-]\d{2,8}){0,3}|1[ .-]\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}|\d{2,6}(?:[ .-]\d{2,8}){1,4}|\d{10,11})(?!(?!x\d)[\w-]|[./:]\d)/g;
/** the same, sticky and without the lookbehind: at a position after a phone word's colon or before '+' after a colon */
const CANDIDATE_AT =
  /(?:\+\d{8,15}|(?:\+\d{1,3}[ ])?0?\d{2,4}\/[ ]?\d{6,9}(?:[ -]\d{2,6})?|(?:\+|00)\d{1,3}[ .-]?(?:\(0?\d{1,5}\)[ .-]?)?\d{1,10}(?:[ .-]\d{2,8}){0,4}|\(\d{2,5}\)[ .-]?\d{2,5}(?:[ .-]\d{2,8}){0,3}|1[ .-]\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}|\d{2,6}(?:[ .-]\d{2,8}){1,4}|\d{10,11})(?!(?!x\d)[\w-]|[./:]\d)/y;
/** an extension right after the number: "x769", "ext. 12" (sticky, at the number's end) */
const EXTENSION = /[ \t]?(?:x|ext\.?)[ \t]?\d{1,6}(?![\w-])/y;
/**
 * Written the North American way: 3-3-4 digits with separators, the area code in parentheses or not,
 * after "+1", "1" or "001" (the international prefix dialled from most countries). Numbers from forms
 * and fiction are often not assigned ("(898) 666-3621"): such a shape is read with a phone word near,
 * an extension, the "+1"/"001" prefix or the area code in parentheses, even when it is no valid number
 * (the area code starts with 2-9 as every North American one does: not "(111) 111-1111").
 */
const NANP_SHAPE = /^(?:(?:\+1|001|1)[ .-]?)?(?:\([2-9]\d{2}\)[ .-]?|[2-9]\d{2}[.-])\d{3}[.-]\d{4}$/;
const DATE_LIKE = /^(?:(?:19|20)\d{2}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ](?:19|20)\d{2})/;

const NANP = new Set(['US', 'CA']);
/** Regions tried for national numbers with a trunk prefix 0 that are not valid in the default region. */
const TRUNK_ZERO_REGIONS = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'CH', 'AT', 'AU', 'IN', 'IE', 'SE', 'PL', 'NZ', 'ZA', 'NG', 'KE', 'JP', 'KR', 'TR', 'BR', 'AR', 'FI', 'IL', 'PK', 'PH', 'TH', 'MY', 'ID', 'EG', 'VN'];
/** Regions whose national numbers have no trunk prefix (Spain 612 345 678, Italy 347 123 4567...): tried only next to a phone word. */
const NO_TRUNK_REGIONS = ['ES', 'IT', 'PT', 'PL', 'DK', 'NO', 'GR', 'CZ', 'LU', 'SG', 'HK', 'MX', 'BR', 'IS', 'CN', 'IN'];
/** "+44 655 169 138": a country code, then groups of exactly three digits */
const THOUSANDS = /^\+\d{1,3}(?:[ ,.]\d{3})+$/;
/** a Brazilian postcode (CEP), not a phone number */
const CEP = /^\d{5}-\d{3}$/;
/** Brazil's own shape, the area code in brackets and a hyphen before the last four digits: "(11) 98765-4321", "(21) 3456-7890" */
const BR_SHAPE = /^\(\d{2}\) ?\d{4,5}-\d{4}$/;
/** North American numbering plan shape: [1] NXX NXX XXXX with N = 2-9. */
function nanpPlausible(d: string): boolean {
  const n = d.length === 11 && d[0] === '1' ? d.slice(1) : d;
  return n.length === 10 && n[0]! >= '2' && n[3]! >= '2';
}

/** North American numbers are written 3-3-4 (or 1-3-3-4, or ten digits): "2024-000123" is not one. */
function nanpGrouping(g: number[]): boolean {
  const k = g.join('-');
  return k === '3-3-4' || k === '1-3-3-4' || k === '10' || k === '11' || k === '3-7' || k === '1-10';
}

/** A number's grade (phoneGrade): a valid number of a business's service line, toll-free, shared-cost, premium or universal access (SERVICE_LINE_TYPES), */
const SERVICE = 3;
/** a valid one of any other type, */
const VALID = 2;
/** or a possible one (a valid length for its country, in a range not assigned); 0 neither. */
const POSSIBLE = 1;
/**
 * Numbers that no person holds: a business's hotline or switchboard ("1-800-…", "0800 …", "0120-…",
 * "400-…", "0345 …"), by libphonenumber-js's number type. Found and not reported: not personal data.
 */
const SERVICE_LINE_TYPES = new Set(['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN']);

/** True when three quarters or more of the TRUNK_ZERO_REGIONS that read national number `raw` as valid read it as a service line. */
function mostlyServiceLines(raw: string): boolean {
  let valid = 0, service = 0;
  for (const r of TRUNK_ZERO_REGIONS) {
    const grade = phoneGrade(raw, r);
    if (grade >= VALID) valid++;
    if (grade === SERVICE) service++;
  }
  return service >= 0.75 * valid;
}

/** libphonenumber-js costs ~15 µs a call: remember recent answers (bounded). */
const cache = new Map<string, number>();
function phoneGrade(raw: string, region: string | undefined): number {
  const key = (region ?? '+') + raw;
  let v = cache.get(key);
  if (v === undefined) {
    const pn = parsePhoneNumberFromString(raw, region as CountryCode | undefined);
    v = pn === undefined ? 0 : pn.isValid() ? (SERVICE_LINE_TYPES.has(pn.getType() ?? '') ? SERVICE : VALID) : pn.isPossible() ? POSSIBLE : 0;
    if (cache.size >= 5000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

/** Lengths of the parts between runs of ' ', '.', '-', '(', ')', '+' (what split, filter(Boolean) and map(length) gave), in one loop. */
function groupsOf(s: string): number[] {
  const out: number[] = [];
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 46 || c === 45 || c === 40 || c === 41 || c === 43 || c === 47) {
      if (run > 0) out.push(run);
      run = 0;
    } else run++;
  }
  if (run > 0) out.push(run);
  return out;
}

/** Number of ASCII digits (what \d matches) in `s`. */
function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** the word of a reference, an order or a booking right before a number */
const REFERENCE_BEFORE = /(?:^|[^\p{L}])(?:ref|reference|order|obj|objednávka|zamówienie|invoice|inv|faktura|factura|rechnung|ticket|case|booking|tracking|awb|pnr|bestellung|commande|pedido|aktenzeichen|az|geschäftszeichen|vorgang|akte)\.?[ \t]*(?:no\.?|nr\.?|#|n°|č\.)?[ \t:#-]*$/iu;
/**
 * the rest of a parcel's tracking code before the digits: a UPS "1Z" code's groups ("1Z 999 AA1 01 2345 6784"), or a tracking
 * word and groups of capitals and digits
 */
const TRACKING_BEFORE = /(?:(?<![A-Za-z0-9])1Z(?:[ \t]?[A-Z0-9]){0,14}|(?:[Tt]racking|TRACKING|AWB|[Ss]endungsnummer|[Rr]astreamento|[Ss]eguimiento)(?:[ \t]*(?:[Nn]o\.?|[Nn]r\.?|#|:))?(?=(?:[ \t]+[A-Z]{0,5}\d)|[ \t]+[A-Z]{1,5}[ \t]+\d)(?:[ \t]+[A-Z0-9]{1,6}){1,4})[ \t]*$/u;

/** a table's phone column: its label is a phone word alone ("telefon", "Phone", "Số điện thoại", "tlf.") */
const PHONE_LABEL = /^(?:(?:home|work|mobile|cell|contact)?[ _-]?(?:phone|tel\.?|telephone|mobile|cell)(?:[ _-]?(?:no\.?|number|nr|#))?|telefon|telefono|teléfono|telefone|téléphone|telefoon|tlf\.?|tel\.?|mobil|handy|puhelin|τηλέφωνο|телефон|tel\.? ?no|no\.? ?hp|số điện thoại|điện thoại|sđt|sími|電話|电话|手机|携帯電話|전화번호|휴대폰|연락처)$/i;

/** Where the cells of the tables' phone columns start: their values are read as after a phone word. */
function phoneColumnCells(text: string, keywords: KeywordHits): Set<number> | undefined {
  let cells: Set<number> | undefined;
  forEachColumnCell(text, keywords.hits('phone').starts, (header) => PHONE_LABEL.test(header.label.trim()), (a) => (cells ??= new Set()).add(a));
  return cells;
}

/** Phone numbers in national and international formats, validated with libphonenumber-js (max metadata). */
export const phoneNumberDetector: Detector = {
  entries: [{ id: 'phone-number', dataClass: 'personal_data', description: 'Phone numbers (validated with libphonenumber-js)' }],
  detect({ text, settings, keywords }, out) {
    const column = keywords.has('phone') ? phoneColumnCells(text, keywords) : undefined;
    const consider = (index: number, raw: string): void => {
      // (set when the region that reads the number as valid, the first of those tried, reads it as a
      // business's service line: dropped)
      let service = false;
      const validPhone = (number: string, region: string | undefined): boolean => {
        const grade = phoneGrade(number, region);
        service = grade === SERVICE;
        return grade >= VALID;
      };
      // most candidates fail on their digit count: counted before the digits are copied out
      const nd = digitCount(raw);
      if (nd < 7 || nd > 15) return;
      const digits = raw.replace(/\D/g, '');
      if (DATE_LIKE.test(raw)) return;
      const g = groupsOf(raw);
      const intl = raw[0] === '+' || raw.startsWith('00');
      const formatted = g.length > 1 || raw.includes('(');
      if (!intl) {
        if (/^\d{3}-\d{2}-\d{4}$/.test(raw)) return; // SSN shape
        if (CEP.test(raw)) return; // a Brazilian postcode
        if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(raw)) return; // IPv4 shape
        if (g.length >= 4 && g.every((x) => x === 4)) return; // card-like blocks
      }
      // a reference's number ("ref 4012 883 227", "obj. 2024-5531"), however near a phone word the next number's is
      if (!intl && (REFERENCE_BEFORE.test(text.slice(Math.max(0, index - 20), index)) || TRACKING_BEFORE.test(text.slice(Math.max(0, index - 48), index)))) return;
      const context = keywords.near('phone', index, index + raw.length, 40, 10) || (column !== undefined && column.has(index));
      if (!formatted && !intl && !context) return;
      // an international number without blanks ("+5511987214530"): next to a phone word, or a value after a colon or in quotes (JSON), not a build's "+20240512345"
      if (intl && !formatted && raw[0] === '+' && !context && !/["':=][ \t]*$/.test(text.slice(Math.max(0, index - 3), index))) return;
      EXTENSION.lastIndex = index + raw.length;
      const extEnd = EXTENSION.test(text) ? EXTENSION.lastIndex : index + raw.length;
      const nanpShape = NANP_SHAPE.test(raw) && (context || extEnd > index + raw.length || raw[0] === '+' || raw.startsWith('00') || raw[0] === '(' || raw.startsWith('1('));
      let confidence = intl ? 0.9 : formatted ? 0.8 : 0.75;
      if (nanpShape) {
        if (!(intl ? validPhone('+' + raw.replace(/^(?:\+|00)/, ''), undefined) : validPhone(raw, 'US'))) confidence = 0.7;
      } else if (intl) {
        // "0049 30 …": the international prefix 00 is "+" to the parser. A number of a possible length
        // for its country in a range not (yet) assigned is still written as a phone number ("+44 7911
        // 482305" in a signature): reported when grouped like one, or next to a phone word.
        const grade = phoneGrade(raw[0] === '+' ? raw : '+' + raw.slice(2), undefined);
        // (not a placeholder of one or two digits repeated: "+1 111 111 1111")
        // only after a '+' ("0092 1205 1691" is as often a reference), and not in groups of three after
        // the country code, which are thousands ("+44 655 169 138 SEK")
        if (grade === 0 || (grade === POSSIBLE && ((!formatted && !context) || new Set(digits).size < 4 || raw[0] !== '+' || THOUSANDS.test(raw)))) return;
        if (grade === SERVICE) return;
        if (grade === POSSIBLE) confidence = 0.7;
      } else {
        const home = settings.defaultPhoneRegion;
        const homeOk = (!NANP.has(home) || (nanpPlausible(digits) && nanpGrouping(g))) && validPhone(raw, home);
        if (!homeOk) {
          // a national number with a trunk '0' and phone-like grouping: valid in one of the common
          // regions that dial with a leading 0 (lower confidence: the region is a guess)
          const trunk = digits[0] === '0' && formatted && TRUNK_ZERO_REGIONS.some((r) => r !== home && validPhone(raw, r));
          // without a trunk '0' the region is a bigger guess: only with a phone word right before
          // (a guess that a service line's type would not survive: "512 448 903" is a shared-cost number in
          // Spain, the first region tried, and a mobile in Poland)
          const noTrunk =
            !trunk && digits[0] !== '0' && ((context && NO_TRUNK_REGIONS.some((r) => r !== home && phoneGrade(raw, r) >= VALID)) || (home !== 'BR' && BR_SHAPE.test(raw) && phoneGrade(raw, 'BR') >= VALID));
          // (the first region to read a trunk number as valid is a guess too: "0917 284 6631", a mobile in the
          // Philippines, is a premium-rate number in Britain; a service line it is when most of the regions
          // that read it as valid read it so: "0800 100 2030")
          // (and only when the service prefix is written as a group of its own, "0800 100 2030": not "080 091 0420", a Thai mobile)
          if (service && trunk) service = g[0]! >= 4 && mostlyServiceLines(raw);
          else service = false;
          if (!trunk && !noTrunk) return;
          confidence = noTrunk ? 0.6 : 0.7;
        }
      }
      if (service) return;
      if (context) confidence = Math.min(0.98, confidence + 0.1);
      out.push({ dataClass: 'personal_data', detector: 'phone-number', start: index, end: extEnd, confidence });
    };
    const re = CANDIDATE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) consider(m.index, m[0]);
    // after a colon: a phone word's ("Tel:0171 552 3098"), or any before '+' ("phone:+44 …"; not a time or a port)
    for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
      const next = text.charCodeAt(i + 1);
      if (!(next === 43 || (next >= 48 && next <= 57)) || (i > 0 && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57)) continue;
      if (next !== 43 && !keywords.near('phone', i, i, 6, 0)) continue;
      CANDIDATE_AT.lastIndex = i + 1;
      const c = CANDIDATE_AT.exec(text);
      if (c !== null) consider(i + 1, c[0]);
    }
  },
};
