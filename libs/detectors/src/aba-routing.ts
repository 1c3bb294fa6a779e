/**
 * US ABA routing transit number: 9 digits, weights 3-7-1 sum to a multiple of 10, and the first two
 * digits in a Federal Reserve range (00-12 banks, 21-32 thrifts, 61-72 electronic, 80 traveller's cheques).
 */
export function abaRoutingValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const p = Number(digits.slice(0, 2));
  if (!(p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  if (digits === '000000000') return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * w[i % 3]!;
  return sum % 10 === 0;
}
