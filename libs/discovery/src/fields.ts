/** Small helpers shared by the parsers: times, empty values, CSV cells, numbers. */

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

/** Earliest time accepted (2000-01-01): an earlier one is a misread field, not a log. */
export const MIN_TIME = Date.UTC(2000, 0, 1);
/** How far past "now" a time may be (clock skew, time zones). */
export const MAX_FUTURE_MS = 2 * 86_400_000;

export function monthIndex(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

/** Values logs write for "nothing": `-`, empty, `None`, `NA`, `N/A`, Zeek's `(empty)`. */
export function present(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const v = value.trim();
  if (v === '' || v === '-' || v === '(empty)' || v === '""') return null;
  const lower = v.toLowerCase();
  if (lower === 'none' || lower === 'na' || lower === 'n/a' || lower === 'null' || lower === 'unknown') return null;
  return v;
}

/** A non-negative integer byte count, or null (absent); undefined when the text is not a number. */
export function byteCount(value: string | undefined | null): number | null | undefined {
  const v = present(value);
  if (v === null) return null;
  if (!/^\d{1,15}$/.test(v)) return undefined;
  return Number(v);
}

/** Epoch seconds (with a fraction) or milliseconds, as text. */
export function epochToMs(text: string): number | null {
  if (!/^\d{9,13}(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  // 13 digits: milliseconds; up to 11: seconds.
  return text.indexOf('.') === -1 && text.length >= 12 ? n : Math.round(n * 1000);
}

/**
 * ISO 8601 and its common log spellings: `2026-12-03T10:00:00Z`, `2026-12-03 10:00:00.123`,
 * `2026-12-03T10:00:00+01:00`, `26-12-03 10:00:00` (two-digit year). Without an offset: UTC.
 */
export function isoToMs(text: string): number | null {
  const m = /^(\d{2}|\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i.exec(text);
  if (!m) return null;
  const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  let t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
  const zone = m[8];
  if (zone && /^[+-]/.test(zone)) {
    const z = zone.replace(':', '');
    const offset = (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000;
    t += zone.startsWith('+') ? -offset : offset;
  }
  return validDate(t, Number(m[2]), Number(m[3])) ? t : null;
}

function validDate(t: number, month: number, day: number): boolean {
  if (Number.isNaN(t)) return false;
  const d = new Date(t);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && !Number.isNaN(d.getTime());
}

/** Any time the parsers accept in a free field (CSV, JSON): epoch seconds or ms, or ISO 8601. */
export function anyTimeToMs(text: string): number | null {
  const v = text.trim();
  return epochToMs(v) ?? isoToMs(v);
}

/** A timestamp without a year (`Dec  3 10:00:00`): the year that puts it no more than a day after `now`. */
export function yearlessToMs(month: number, day: number, h: number, min: number, s: number, ms: number, now: number): number {
  const year = new Date(now).getUTCFullYear();
  const t = Date.UTC(year, month, day, h, min, s, ms);
  return t > now + 86_400_000 ? Date.UTC(year - 1, month, day, h, min, s, ms) : t;
}

/** Whether a time is plausible for a log: after 2000 and not more than two days ahead of now. */
export function plausibleTime(t: number, now: number): boolean {
  return Number.isFinite(t) && t >= MIN_TIME && t <= now + MAX_FUTURE_MS;
}

/**
 * One delimited line into cells: `"quoted, with ""escapes"""` or bare cells. Returns null for an
 * unterminated quote (the line was cut).
 */
export function splitDelimited(line: string, delimiter: string): string[] | null {
  const cells: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    if (i < n && line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q === -1) return null;
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept (lenient, as spreadsheets are).
      const next = line.indexOf(delimiter, j);
      cells.push(next === -1 ? value + line.slice(j) : value + line.slice(j, next));
      if (next === -1) return cells;
      i = next + delimiter.length;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next === -1) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, next));
      i = next + delimiter.length;
    }
  }
}

/** The delimiter a CSV-like line most likely uses: tab, semicolon or comma (outside quotes). */
export function guessDelimiter(line: string): string {
  let tabs = 0;
  let semis = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted) {
      if (c === 0x09) tabs++;
      else if (c === 0x3b) semis++;
      else if (c === 0x2c) commas++;
    }
  }
  if (tabs > 0 && tabs >= commas) return '\t';
  if (semis > commas) return ';';
  return ',';
}

/** An IPv4 or IPv6 literal (loosely: the zone matcher checks it properly). */
export function looksLikeIp(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || (/^[0-9a-f:.]+$/i.test(text) && text.includes(':') && text.length >= 2);
}
