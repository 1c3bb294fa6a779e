/**
 * PostgreSQL COPY text format (https://www.postgresql.org/docs/current/sql-copy.html): tab between
 * columns, newline between rows, \N for NULL, and backslash escapes for backslash, tab, newline and
 * carriage return. Arrays use their text form {"a","b"}, each element double-quoted with " and \
 * escaped, and the whole array then escaped like any other value.
 */
export type CopyValue = string | number | boolean | Date | null | readonly string[];

function escapeText(s: string): string {
  // Fast path: most values (uuids, slugs, enums) need no escaping.
  if (!/[\\\t\n\r]/.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function arrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Frozen lists are shared between decisions (the engine's zone lists and matched rule ids): encode
 * each once. A list that is not frozen (a request's own groups) is encoded every time.
 */
const frozenLists = new WeakMap<readonly string[], string>();

function listValue(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  let encoded = frozenLists.get(values);
  if (encoded === undefined) {
    encoded = escapeText(arrayLiteral(values));
    if (Object.isFrozen(values)) frozenLists.set(values, encoded);
  }
  return encoded;
}

export function copyValue(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  return listValue(v);
}

export function copyRows(rows: readonly (readonly CopyValue[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(copyValue).join('\t')}\n`;
  return out;
}
