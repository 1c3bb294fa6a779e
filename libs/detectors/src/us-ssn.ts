/** Numbers that are publicly known and never valid (Woolworth wallet card, advertising samples). */
const RETIRED = new Set(['078051120', '219099999', '123456789']);

/**
 * US Social Security number issuing rules: area not 000, 666 or 900-999; group not 00; serial not 0000.
 * `digits` is the 9 digits without separators.
 */
export function usSsnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  return !RETIRED.has(digits);
}

/** US ITIN: 9xx-GG-xxxx with group 50-65, 70-88, 90-92 or 94-99. */
export function usItinValid(digits: string): boolean {
  if (!/^9\d{8}$/.test(digits)) return false;
  const g = Number(digits.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}
