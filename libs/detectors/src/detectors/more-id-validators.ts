import { InvalidChecksum, InvalidFormat, InvalidLength } from 'stdnum/lib/cjs/exceptions';
import type { ValidateReturn, Validator } from 'stdnum/lib/cjs/types';

/**
 * Validators in stdnum's shape for ids stdnum does not have: Russia's SNILS, Australia's Medicare
 * number, the UAE's Emirates ID, Brazil's PIS/PASEP, Indonesia's NIK and Viet Nam's citizen
 * identity card (CCCD). The first four carry a check digit; the last two none, so they are checked
 * for what their digits encode (a province, a date of birth, a century) and read after a label only.
 * The input is compact: the label detector has taken blanks, dots and dashes out.
 */

const ok = (compact: string): ValidateReturn => ({ isValid: true, compact, isIndividual: true, isCompany: false });
const fail = (error: InvalidChecksum | InvalidFormat | InvalidLength): ValidateReturn => ({ isValid: false, error });
const digitsOnly = (v: string, ...lengths: number[]): ValidateReturn | undefined =>
  !/^\d+$/.test(v) ? fail(new InvalidFormat()) : lengths.includes(v.length) ? undefined : fail(new InvalidLength());

function validator(name: string, localName: string, abbreviation: string, validate: (v: string) => ValidateReturn): Validator {
  return { name, localName, abbreviation, compact: (v) => v.replace(/[\s.-]/g, ''), format: (v) => v, validate: (v) => validate(v.replace(/[\s.-]/g, '')) };
}

/** SNILS: 9 digits and a check number of two, the sum of digit × (9 − position) mod 101 (100 and 101 give 00) */
export const ruSnils = validator('Russian insurance account number', 'СНИЛС', 'SNILS', (v) => {
  const bad = digitsOnly(v, 11);
  if (bad) return bad;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(v[i]) * (9 - i);
  const check = sum % 101 % 100;
  return check === Number(v.slice(9)) ? ok(v) : fail(new InvalidChecksum());
});

/** Medicare card: 10 digits (11 with the person's number on the card), the first 2-6, the ninth weighted 1 3 7 9 over the first eight */
export const auMedicare = validator('Australian Medicare number', 'Medicare card number', 'Medicare', (v) => {
  const bad = digitsOnly(v, 10, 11);
  if (bad) return bad;
  if (v[0]! < '2' || v[0]! > '6') return fail(new InvalidFormat());
  const w = [1, 3, 7, 9, 1, 3, 7, 9];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(v[i]) * w[i]!;
  return sum % 10 === Number(v[8]) ? ok(v) : fail(new InvalidChecksum());
});

/** Emirates ID: 784, the year of birth and a serial, 15 digits under a Luhn check */
export const aeEid = validator('Emirates ID number', 'رقم الهوية', 'EID', (v) => {
  const bad = digitsOnly(v, 15);
  if (bad) return bad;
  if (!v.startsWith('784')) return fail(new InvalidFormat());
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let d = Number(v[14 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0 ? ok(v) : fail(new InvalidChecksum());
});

/** PIS/PASEP/NIT: 11 digits, the last 11 − (weighted sum mod 11), 10 and 11 giving 0 */
export const brPis = validator('Brazilian PIS/PASEP number', 'PIS/PASEP', 'PIS', (v) => {
  const bad = digitsOnly(v, 11);
  if (bad) return bad;
  if (/^(\d)\1{10}$/.test(v)) return fail(new InvalidFormat());
  const w = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(v[i]) * w[i]!;
  const r = 11 - (sum % 11);
  return (r >= 10 ? 0 : r) === Number(v[10]) ? ok(v) : fail(new InvalidChecksum());
});

/** the two-digit codes of Indonesia's provinces, as the NIK starts with them */
const ID_PROVINCES = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97]);
/** NIK: 16 digits, a province, regency and district (6), the day of birth (+40 for women), month and year (6), a serial (4, not 0000) */
export const idNik = validator('Indonesian population identity number', 'Nomor Induk Kependudukan', 'NIK', (v) => {
  const bad = digitsOnly(v, 16);
  if (bad) return bad;
  const day = Number(v.slice(6, 8)) % 40, month = Number(v.slice(8, 10));
  if (!ID_PROVINCES.has(Number(v.slice(0, 2))) || day < 1 || day > 31 || month < 1 || month > 12 || v.slice(12) === '0000') return fail(new InvalidFormat());
  return ok(v);
});

/** CCCD: 12 digits, a province (001-096), a digit for sex and century (0-9), the year of birth (2), a serial (6) */
export const vnCccd = validator('Vietnamese citizen identity card number', 'Căn cước công dân', 'CCCD', (v) => {
  const bad = digitsOnly(v, 12);
  if (bad) return bad;
  const province = Number(v.slice(0, 3));
  if (province < 1 || province > 96 || v.slice(6) === '000000') return fail(new InvalidFormat());
  return ok(v);
});
