import { anyTimeToMs, byteCount, guessDelimiter, looksLikeIp, plausibleTime, present, splitDelimited } from '../fields';
import type { LineParser, LineResult, ParserOptions } from '../types';

const NAMES = {
  time: ['time', 'timestamp', 'date', 'datetime', 'ts', '@timestamp', 'event_time', 'time_utc'],
  who: ['user_or_ip', 'user or ip', 'who', 'subject', 'client'],
  user: ['user', 'username', 'user_name', 'login', 'email', 'upn', 'account'],
  ip: ['ip', 'client_ip', 'clientip', 'src_ip', 'source_ip', 'src', 'source', 'ip_address'],
  host: ['host', 'hostname', 'domain', 'destination', 'dest_host', 'dst_host', 'url', 'server_name', 'sni', 'fqdn'],
  bytes: ['bytes_out', 'bytesout', 'bytes out', 'bytes_sent', 'sent_bytes', 'out_bytes', 'upload_bytes', 'request_bytes', 'req_bytes', 'bytes', 'reqsize', 'request_size'],
} as const;

type Column = keyof typeof NAMES;

/**
 * A plain CSV: time, user or IP, host, bytes out. With a header line the columns may come in any
 * order and under the usual names (`timestamp`, `user`, `src_ip`, `domain`, `bytes_sent`...; a
 * `user_or_ip` column is read as an address when it is one); without one, the columns are taken in
 * that order (the bytes column is optional). Comma, semicolon or tab separated; quotes as in RFC 4180.
 * Times: ISO 8601 (UTC without an offset), or Unix seconds or milliseconds.
 */
export function csvParser(options: ParserOptions = {}): LineParser {
  const now = options.now ?? Date.now();
  let delimiter: string | null = null;
  let columns: Partial<Record<Column, number>> | null = null;
  let first = true;
  let positional = false;
  return {
    format: 'csv',
    parse(line: string): LineResult {
      if (line.trim() === '' || line.startsWith('#')) return null;
      delimiter ??= guessDelimiter(line);
      const cells = splitDelimited(line, delimiter);
      if (cells === null) return { bad: 'a quoted field is not closed' };
      if (first) {
        first = false;
        const names = cells.map((c) => c.trim().toLowerCase());
        if (anyTimeToMs(cells[0] ?? '') === null && names.some((n) => (NAMES.time as readonly string[]).includes(n))) {
          const found: Partial<Record<Column, number>> = {};
          for (const key of Object.keys(NAMES) as Column[]) {
            const i = names.findIndex((n) => (NAMES[key] as readonly string[]).includes(n));
            if (i !== -1) found[key] = i;
          }
          columns = found;
          if (found.host === undefined) return { bad: 'the header names no host column (host, domain, url...)' };
          return null;
        }
        columns = { time: 0, who: 1, host: 2, bytes: 3 };
        positional = true;
      }
      const c = columns!;
      if (c.host === undefined) return { bad: 'the header names no host column (host, domain, url...)' };
      const cell = (key: Column) => (c[key] === undefined ? undefined : cells[c[key]!]);
      if (cells.length < 3) return { bad: `expected at least 3 columns (time, user or IP, host), found ${cells.length}` };
      if (positional && cells.length > 4) return { bad: `expected 3 or 4 columns (time, user or IP, host, bytes out) without a header line, found ${cells.length}` };
      const timeText = present(cell('time'));
      if (timeText === null) return { bad: 'no time' };
      const time = anyTimeToMs(timeText);
      if (time === null) return { bad: 'the time is neither ISO 8601 nor a Unix time' };
      if (!plausibleTime(time, now)) return { bad: 'the time is before 2000 or in the future' };
      const destination = present(cell('host'));
      if (destination === null) return { bad: 'no host' };
      const bytes = byteCount(cell('bytes'));
      if (bytes === undefined) return { bad: 'the bytes column is not a whole number' };
      const who = present(cell('who'));
      let user = present(cell('user'));
      let ip = present(cell('ip'));
      if (who !== null) {
        if (looksLikeIp(who)) ip ??= who;
        else user ??= who;
      }
      return { time, destination, user, ip, bytesOut: bytes };
    },
  };
}
