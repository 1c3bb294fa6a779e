/**
 * German tax identification number (Steuerliche Identifikationsnummer): 11 digits, first not 0, in the
 * first 10 digits exactly one digit occurs two or three times, check digit by ISO 7064 MOD 11,10.
 */
export function deSteuerIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) counts[digits.charCodeAt(i) - 48]!++;
  const repeated = counts.filter((c) => c > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  return deSteuerIdCheckDigit(digits.slice(0, 10)) === digits.charCodeAt(10) - 48;
}

export function deSteuerIdCheckDigit(first10: string): number {
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (first10.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}
