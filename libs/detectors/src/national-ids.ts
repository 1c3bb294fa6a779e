/**
 * Check digits of national identity and health numbers (the published algorithms; each function
 * takes the number with its separators removed and upper-cased, and says whether it is a number the
 * issuer could have given).
 */

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;
const allDigits = (s: string, n: number): boolean => s.length === n && /^\d+$/.test(s);

/** UK NHS number (and Scotland's CHI number, the same rule): 10 digits, modulus 11 with weights 10..2. */
export function nhsNumberValid(d: string): boolean {
  if (!allDigits(d, 10)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitAt(d, i) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digitAt(d, 9);
}

/**
 * French NIR (numéro de sécurité sociale): sex, year, month, département (2A/2B for Corsica),
 * commune, order, then a key of 97 - (the 13 digits mod 97).
 */
export function frNirValid(d: string): boolean {
  if (d.length !== 15 || !/^[1-478]\d{4}(?:\d\d|2[AB])\d{8}$/.test(d)) return false;
  const month = Number(d.slice(3, 5));
  if (!((month >= 1 && month <= 12) || month >= 20)) return false;
  // Corsica: 2A counts as 19, 2B as 18 (the key was defined before the split)
  const body = d.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - (Number(body) % 97) === Number(d.slice(13));
}

/** Dutch BSN (burgerservicenummer): 9 digits, the "elfproef" with weights 9..2 and -1. */
export function nlBsnValid(d: string): boolean {
  if (!allDigits(d, 9) || d === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(d, i) * (9 - i);
  sum -= digitAt(d, 8);
  return sum % 11 === 0;
}

/** Polish PESEL: 11 digits, a birth date (the month carries the century) and a weighted check digit. */
export function plPeselValid(d: string): boolean {
  if (!allDigits(d, 11)) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += digitAt(d, i) * weights[i]!;
  if ((10 - (sum % 10)) % 10 !== digitAt(d, 10)) return false;
  const m = Number(d.slice(2, 4)) % 20;
  const day = Number(d.slice(4, 6));
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

/** Brazilian CPF: 11 digits, two modulus-11 check digits; numbers of one repeated digit are not issued. */
export function brCpfValid(d: string): boolean {
  if (!allDigits(d, 11) || /^(\d)\1{10}$/.test(d)) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += digitAt(d, i) * (n + 1 - i);
    const check = ((sum * 10) % 11) % 10;
    if (check !== digitAt(d, n)) return false;
  }
  return true;
}

/** South African identity number: 13 digits, a birth date YYMMDD, a citizenship digit 0-2 and a Luhn check digit. */
export function zaIdValid(d: string): boolean {
  if (!allDigits(d, 13)) return false;
  const month = Number(d.slice(2, 4)), day = Number(d.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31 || digitAt(d, 10) > 2) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) {
    let x = digitAt(d, 12 - i);
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}

/** Italian codice fiscale's values of a character in an odd position (1st, 3rd, ...), for 0-9 then A-Z. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const cfValue = (c: number): number => (c <= 57 ? c - 48 : c - 65);

/**
 * Italian codice fiscale: 6 letters (surname, name), year, month letter, day (+40 for women),
 * place code, check letter; digits may be replaced by letters L-V (omocodia).
 */
export function itCodiceFiscaleValid(s: string): boolean {
  if (!/^[A-Z]{6}[\dLMNP-V]{2}[ABCDEHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i);
    if (i % 2 === 0) sum += CF_ODD[c <= 57 ? c - 48 : c - 65]!;
    else sum += cfValue(c);
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}

/** Mexican states' codes in a CURP (NE: born abroad). */
const CURP_STATES = new Set('AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE'.split(' '));
const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** Mexican CURP: 18 characters (name letters, birth date, sex, state, consonants, a differentiator) and a check digit. */
export function mxCurpValid(s: string): boolean {
  if (!/^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$/.test(s) || !CURP_STATES.has(s.slice(11, 13))) return false;
  const month = Number(s.slice(6, 8)), day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_CHARS.indexOf(s[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === digitAt(s, 17);
}

/** A calendar date's month and day are plausible (day 1-31, month 1-12). */
const dateOk = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/**
 * Swedish personnummer (or samordningsnummer, day + 60): YYMMDD or YYYYMMDD, then four digits; the
 * last is a Luhn check over the ten digits from YYMMDD. `d`: 10 or 12 digits, the sign removed.
 */
export function sePersonnummerValid(d: string): boolean {
  if (!allDigits(d, 10) && !allDigits(d, 12)) return false;
  const t = d.slice(d.length - 10);
  const day = Number(t.slice(4, 6));
  if (!dateOk(Number(t.slice(2, 4)), day > 60 ? day - 60 : day)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let v = digitAt(t, i) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === 0;
}

/**
 * Norwegian fødselsnummer (or D-number, day + 40): DDMMYY and five digits, the last two modulus-11
 * check digits.
 */
export function noFodselsnummerValid(d: string): boolean {
  if (!allDigits(d, 11)) return false;
  const day = Number(d.slice(0, 2));
  if (!dateOk(Number(d.slice(2, 4)), day > 40 ? day - 40 : day)) return false;
  const check = (weights: number[]): number => {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += digitAt(d, i) * weights[i]!;
    const k = 11 - (sum % 11);
    return k === 11 ? 0 : k;
  };
  const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k1 !== 10 && k2 !== 10 && k1 === digitAt(d, 9) && k2 === digitAt(d, 10);
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/** Finnish henkilötunnus: DDMMYY, a century sign (+, -, A-F, U-Y), three digits and a check character (modulus 31). `s` upper case. */
export function fiHetuValid(s: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})[-+A-FU-Y](\d{3})([0-9A-Y])$/.exec(s);
  if (!m || !dateOk(Number(m[2]), Number(m[1]))) return false;
  return HETU_CHECK[Number(m[1]! + m[2]! + m[3]! + m[4]!) % 31] === m[5];
}

/** Danish CPR number: DDMMYY and four digits (no check digit since 2007): the date only. `d`: 10 digits. */
export function dkCprValid(d: string): boolean {
  return allDigits(d, 10) && dateOk(Number(d.slice(2, 4)), Number(d.slice(0, 2)));
}

/**
 * Czech and Slovak birth number (rodné číslo): YYMMDD (the month plus 50 for women, plus 20 or 70
 * when a day's numbers ran out, from 2004), then three digits (issued before 1954) or four, the ten
 * digits divisible by 11 (or the first nine leaving 10 and the last 0).
 */
export function czBirthNumberValid(value: string): boolean {
  const d = value.replace('/', '');
  if (!/^\d{9,10}$/.test(d)) return false;
  let month = Number(d.slice(2, 4));
  if (month > 70) month -= 70;
  else if (month > 50) month -= 50;
  else if (month > 20) month -= 20;
  const day = Number(d.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (d.length === 9) return Number(d.slice(0, 2)) < 54;
  const n = Number(d);
  return n % 11 === 0 || (Number(d.slice(0, 9)) % 11 === 10 && d[9] === '0');
}

/** Indian PAN: five letters (the fourth the holder's kind: P a person, C a company...), four digits, a letter. */
export function inPanValid(s: string): boolean {
  return /^[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]$/.test(s);
}
