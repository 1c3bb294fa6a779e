/**
 * CSV (RFC 4180) safe to open in a spreadsheet: every cell quoted when it holds a comma, quote or
 * line break, quotes doubled, and text cells that a spreadsheet would run as a formula (starting
 * with = + - @, or a tab / carriage return) prefixed with a single quote (OWASP CSV injection).
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
