const NOT_ALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/**
 * UK National Insurance number: two prefix letters (first not D, F, I, Q, U, V; second not D, F, I,
 * O, Q, U, V; not BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A-D. Spaces are ignored.
 */
export function ukNinoValid(value: string): boolean {
  const v = value.replace(/[\s-]+/g, '').toUpperCase();
  const m = /^([A-Z])([A-Z])\d{6}[A-D]$/.exec(v);
  if (!m) return false;
  const a = m[1]!, b = m[2]!;
  if ('DFIQUV'.includes(a) || 'DFIOQUV'.includes(b)) return false;
  return !NOT_ALLOCATED.has(a + b);
}
