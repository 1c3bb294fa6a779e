import { InvalidChecksum, InvalidFormat, InvalidLength } from 'stdnum/lib/cjs/exceptions';
import { luhnValid } from '../luhn';
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

/** A date given as year, month and day is a real one (and not in the future of a birth date: year <= 2099). */
function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Saudi national id (1…) or residence permit, iqama (2…): 10 digits under a Luhn check */
export const saNid = validator('Saudi national identity number', 'رقم الهوية الوطنية', 'NID', (v) => {
  const bad = digitsOnly(v, 10);
  if (bad) return bad;
  if (v[0] !== '1' && v[0] !== '2') return fail(new InvalidFormat());
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(v[i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0 ? ok(v) : fail(new InvalidChecksum());
});

/** the governorates of Egypt's national id (digits 8-9) */
const EG_GOVERNORATES = new Set([1, 2, 3, 4, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33, 34, 35, 88]);
/** Egyptian national id: 14 digits, the century (2: 1900s, 3: 2000s), the date of birth (6), the governorate (2), a serial (4) and a check digit whose rule is not published */
export const egNid = validator('Egyptian national identity number', 'الرقم القومي', 'NID', (v) => {
  const bad = digitsOnly(v, 14);
  if (bad) return bad;
  const century = v[0] === '2' ? 1900 : v[0] === '3' ? 2000 : 0;
  if (!century || !realDate(century + Number(v.slice(1, 3)), Number(v.slice(3, 5)), Number(v.slice(5, 7))) || !EG_GOVERNORATES.has(Number(v.slice(7, 9)))) return fail(new InvalidFormat());
  return ok(v);
});

/** Hungarian tax id (adóazonosító jel): 10 digits, an 8, the days from 1867-01-01 to the birth date (5), a serial (3), digit i × i mod 11 */
export const huTaxId = validator('Hungarian tax identification number', 'Adóazonosító jel', 'adóazonosító', (v) => {
  const bad = digitsOnly(v, 10);
  if (bad) return bad;
  if (v[0] !== '8') return fail(new InvalidFormat());
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(v[i]) * (i + 1);
  return sum % 11 === Number(v[9]) ? ok(v) : fail(new InvalidChecksum());
});

/** Hungarian social insurance number (TAJ): 9 digits, the ninth the first eight weighted 3 7 3 7… mod 10 */
export const huTaj = validator('Hungarian social insurance number', 'TAJ-szám', 'TAJ', (v) => {
  const bad = digitsOnly(v, 9);
  if (bad) return bad;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(v[i]) * (i % 2 === 0 ? 3 : 7);
  return sum % 10 === Number(v[8]) ? ok(v) : fail(new InvalidChecksum());
});

/** Japan's individual number (My Number): 12 digits, the last 11 − (Σ digit × weight mod 11) over the eleven before it (weights 6…2, 7…2 from the left), 0 for a remainder of 0 or 1 */
export const jpMyNumber = validator('Japanese individual number', 'マイナンバー', 'My Number', (v) => {
  const bad = digitsOnly(v, 12);
  if (bad) return bad;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(v[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === Number(v[11]) ? ok(v) : fail(new InvalidChecksum());
});

/** São Paulo's RG: 8 digits and a check character, 11 − (Σ digit × 2…9 mod 11), 10 written X, 11 written 0 */
export const brRg = validator('Brazilian identity card number (RG, São Paulo)', 'Registro Geral', 'RG', (v) => {
  if (!/^\d{8}[\dX]$/i.test(v)) return fail(/^\d{8}[\dX]$/i.test(v.slice(0, 9)) ? new InvalidLength() : new InvalidFormat());
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(v[i]) * (i + 2);
  const r = 11 - (sum % 11);
  const check = r === 10 ? 'X' : r === 11 ? '0' : String(r);
  return check === v[8]!.toUpperCase() ? ok(v) : fail(new InvalidChecksum());
});

/** Numbers with no published check: the Philippines' SSS (10 digits), TIN (12), PhilHealth and Pag-IBIG (12), Viet Nam's social insurance book (10) */
const digitsOf = (name: string, localName: string, abbreviation: string, ...lengths: number[]): Validator =>
  validator(name, localName, abbreviation, (v) => digitsOnly(v, ...lengths) ?? (/^(\d)\1+$/.test(v) ? fail(new InvalidFormat()) : ok(v)));
export const phSss = digitsOf('Philippine Social Security System number', 'SSS number', 'SSS', 10);
// (twelve digits, the branch code included: nine would read a US employer number "94-1234567" after "Federal TIN")
export const phTin = digitsOf('Philippine taxpayer identification number', 'TIN', 'TIN', 12);
export const phPhilHealth = digitsOf('PhilHealth identification number', 'PhilHealth ID', 'PIN', 12);
export const phPagIbig = digitsOf('Pag-IBIG membership id', 'Pag-IBIG MID', 'MID', 12);
/** India's UAN: twelve digits from 100 (not a Pakistani "UAN" phone number, "021-111-123-456") */
export const inUan = validator('Indian universal account number (provident fund)', 'UAN', 'UAN', (v) => digitsOnly(v, 12) ?? (/^10[01]\d{9}$/.test(v) ? ok(v) : fail(new InvalidFormat())));
export const vnBhxh = digitsOf('Vietnamese social insurance number', 'Mã số BHXH', 'BHXH', 10);

/** A driving licence: 5 to 16 letters and digits, at least 5 digits (the US states' formats and most others; the UK's 16 characters) */
export const drivingLicence = validator('Driving licence number', 'Driving licence', 'DL', (v) =>
  /^(?=(?:\D*\d){5})[A-Z0-9]{5,16}$/i.test(v) && !/^(\d)\1+$/.test(v) ? ok(v) : fail(new InvalidFormat()),
);

/** Singapore's NRIC and FIN: S, T, F, G or M, seven digits weighted 2 7 6 5 4 3 2 (+4 for T and G, +3 for M), a check letter from the sum mod 11 */
export const sgNric = validator('Singapore NRIC/FIN', 'NRIC', 'NRIC', (v) => {
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(v.toUpperCase());
  if (m === null) return fail(new InvalidFormat());
  const w = [2, 7, 6, 5, 4, 3, 2];
  let sum = m[1] === 'T' || m[1] === 'G' ? 4 : m[1] === 'M' ? 3 : 0;
  for (let i = 0; i < 7; i++) sum += Number(m[2]![i]) * w[i]!;
  const letters = m[1] === 'S' || m[1] === 'T' ? 'JZIHGFEDCBA' : m[1] === 'M' ? 'KLJNPQRTUWX' : 'XWUTRQPNMLK';
  return letters[sum % 11] === m[3] ? ok(v.toUpperCase()) : fail(new InvalidChecksum());
});

/** A Polish identity card: a series of three letters and six digits, the first digit a check of the rest weighted 7 3 1 _ 7 3 1 7 3 (letters A=10 … Z=35) */
export const plDowod = validator('Polish identity card number', 'Numer dowodu osobistego', 'DO', (v) => {
  const u = v.toUpperCase();
  if (!/^[A-Z]{3}\d{6}$/.test(u)) return fail(new InvalidFormat());
  const w = [7, 3, 1, 0, 7, 3, 1, 7, 3];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (i < 3 ? u.charCodeAt(i) - 55 : Number(u[i])) * w[i]!;
  return sum % 10 === Number(u[3]) ? ok(u) : fail(new InvalidChecksum());
});

/** A German health insurance number (Krankenversichertennummer): a letter and nine digits, the last a check of the letter's two digits (A=01) and the next eight weighted 1 2 1 2 …, digit sums added, mod 10 */
export const deKvnr = validator('German health insurance number', 'Krankenversichertennummer', 'KVNR', (v) => {
  const u = v.toUpperCase();
  if (!/^[A-Z]\d{9}$/.test(u)) return fail(new InvalidFormat());
  const d = String(u.charCodeAt(0) - 64).padStart(2, '0') + u.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const p = Number(d[i]) * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return sum % 10 === Number(u[9]) ? ok(u) : fail(new InvalidChecksum());
});

/**
 * The US Medicare Beneficiary Identifier: eleven characters, a digit 1-9 first, then letters (not S,
 * L, O, I, B, Z), digits and either in fixed places ("1EG4-TE5-MK73"); no check digit.
 */
export const usMbi = validator('US Medicare Beneficiary Identifier', 'MBI', 'MBI', (v) => {
  const L = '[AC-HJKMNP-RT-Y]', A = '[AC-HJKMNP-RT-Y0-9]';
  return new RegExp(`^[1-9]${L}${A}\\d${L}${A}\\d${L}${L}\\d\\d$`).test(v.toUpperCase()) ? ok(v.toUpperCase()) : fail(new InvalidFormat());
});

/** Nigeria's BVN and NIN: eleven digits, no published check */
export const ngElevenDigits = validator('Nigerian BVN or NIN', 'BVN/NIN', 'BVN', (v) => (/^\d{11}$/.test(v) && !/^(\d)\1+$/.test(v) ? ok(v) : fail(new InvalidFormat())));

/** A stdnum validator whose number names a person as often as a firm (a Greek AFM, a Polish NIP, a Vietnamese MST) or that stdnum takes for a firm's (a Portuguese citizen card): read as a person's */
export function personal(v: Validator): Validator {
  return { ...v, validate: (value) => {
    const r = v.validate(value);
    return r.isValid ? { ...r, isIndividual: true, isCompany: false } : r;
  } };
}

/** Mexico's IMSS social security number (NSS): 11 digits, the last a Luhn check of the ten before it */
export const mxNss = validator('Mexican social security number', 'Número de Seguridad Social', 'NSS', (v) => digitsOnly(v, 11) ?? (luhnValid(v) ? ok(v) : fail(new InvalidChecksum())));

/** Iran's national code (کد ملی): 10 digits, the last r = Σ digit × (10 − position) mod 11 over the nine before it, r itself when r < 2, else 11 − r */
export const irMelli = validator('Iranian national code', 'کد ملی', 'Code Melli', (v) => {
  const bad = digitsOnly(v, 10);
  if (bad) return bad;
  if (/^(\d)\1+$/.test(v)) return fail(new InvalidFormat());
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(v[i]) * (10 - i);
  const r = sum % 11;
  return Number(v[9]) === (r < 2 ? r : 11 - r) ? ok(v) : fail(new InvalidChecksum());
});

/** Tanzania's NIDA number: 20 digits, the holder's date of birth (YYYYMMDD) first, then codes and a serial; no published check */
export const tzNida = validator('Tanzanian national identification number', 'Namba ya NIDA', 'NIN', (v) =>
  digitsOnly(v, 20) ?? (realDate(Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8))) && Number(v.slice(0, 4)) >= 1900 ? ok(v) : fail(new InvalidFormat())),
);

/** Numbers with no published check, read right after their label only: Bangladesh's NID (10, 13 or 17 digits), Portugal's SNS user number (9), Bulgaria's and Ukraine's identity cards (9) */
export const bdNid = digitsOf('Bangladeshi national identity card number', 'জাতীয় পরিচয়পত্র', 'NID', 10, 13, 17);
export const ptSns = digitsOf('Portuguese national health service user number', 'Número de utente', 'SNS', 9);
export const idCardNine = digitsOf('Identity card number', 'Лична карта / ID-картка', 'ID', 9);
/** Romania's identity card: a series of two letters and six digits ("RX 482913") */
export const roCi = validator('Romanian identity card number', 'Carte de identitate', 'CI', (v) => (/^[A-Z]{2}\d{6}$/i.test(v) ? ok(v.toUpperCase()) : fail(new InvalidFormat())));
/** Argentina's DNI in its dotted form ("30.495.827"): seven or eight digits; the dots are checked by the caller's value, the digits here */
export const arDni = validator('Argentine national identity document', 'Documento Nacional de Identidad', 'DNI', (v) => (/^\d{7,8}$/.test(v) && !/^(\d)\1+$/.test(v) ? ok(v) : fail(new InvalidFormat())));
