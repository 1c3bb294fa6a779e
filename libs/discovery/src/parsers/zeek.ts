import { anyTimeToMs, byteCount, epochToMs, plausibleTime, present } from '../fields';
import type { LineParser, LineResult, ParserOptions } from '../types';

/*
 * Zeek's http.log, dns.log and ssl.log (HTTPS: the TLS server name, which is where AI services
 * are seen, as http.log sees only plain HTTP), in both of Zeek's writers:
 * - ASCII/TSV: `#separator \x09`, `#fields ts uid id.orig_h ...`, then one tab-separated record a
 *   line, `-` for unset and `(empty)` for empty fields;
 * - JSON (`LogAscii::use_json=T`): one object a line, `ts` as epoch seconds or ISO 8601.
 * The destination is `host` (http), `query` (dns) or `server_name` (ssl); the user is http.log's
 * `username`; bytes out are http.log's `request_body_len`.
 */

interface Columns {
  ts: number;
  ip: number;
  host: number;
  user: number;
  bytes: number;
}

function columnsOf(fields: string[]): Columns | null {
  const at = (name: string) => fields.indexOf(name);
  const host = at('host') !== -1 ? at('host') : at('query') !== -1 ? at('query') : at('server_name');
  if (at('ts') === -1 || host === -1) return null;
  return { ts: at('ts'), ip: at('id.orig_h'), host, user: at('username'), bytes: at('request_body_len') };
}

function unescapeSeparator(text: string): string {
  return text.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function zeekTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') return epochToMs(value) ?? anyTimeToMs(value);
  return null;
}

export function zeekParser(options: ParserOptions = {}): LineParser {
  const now = options.now ?? Date.now();
  let separator = '\t';
  let columns: Columns | null = null;
  let fieldCount = 0;
  const json = (text: string): LineResult => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { bad: 'not valid JSON' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { bad: 'not a JSON object' };
    const o = parsed as Record<string, unknown>;
    const id = typeof o.id === 'object' && o.id !== null ? (o.id as Record<string, unknown>) : {};
    const str = (v: unknown) => (typeof v === 'string' ? present(v) : null);
    const time = zeekTime(o.ts);
    if (time === null) return { bad: 'no "ts" time' };
    if (!plausibleTime(time, now)) return { bad: 'the time is before 2000 or in the future' };
    if (!('host' in o) && !('query' in o) && !('server_name' in o)) return { bad: 'neither "host" (http.log), "query" (dns.log) nor "server_name" (ssl.log)' };
    const destination = str(o.host) ?? str(o.query) ?? str(o.server_name);
    if (destination === null) return null;
    const bytes = typeof o.request_body_len === 'number' && o.request_body_len >= 0 ? Math.floor(o.request_body_len) : null;
    return { time, destination, user: str(o.username), ip: str(o['id.orig_h']) ?? str(id.orig_h), bytesOut: bytes };
  };
  return {
    format: 'zeek',
    parse(line: string): LineResult {
      if (line.length === 0) return null;
      if (line.charCodeAt(0) === 0x7b /* { */) return json(line.trim());
      if (line.charCodeAt(0) === 0x23 /* # */) {
        if (line.startsWith('#separator ')) separator = unescapeSeparator(line.slice(11).trim()) || '\t';
        else if (line.startsWith('#fields')) {
          const fields = line.split(separator).slice(1);
          fieldCount = fields.length;
          columns = columnsOf(fields);
          if (columns === null) return { bad: 'the #fields header has no ts and no host, query or server_name field: not an http, dns or ssl log' };
        }
        return null;
      }
      if (line.trim() === '') return null;
      if (columns === null) return { bad: 'a record before any #fields header (or a log other than http, dns or ssl)' };
      const cells = line.split(separator);
      if (cells.length !== fieldCount) return { bad: `expected ${fieldCount} fields as #fields says, found ${cells.length}` };
      const time = epochToMs(cells[columns.ts]!);
      if (time === null) return { bad: 'the ts field is not a Unix time' };
      if (!plausibleTime(time, now)) return { bad: 'the time is before 2000 or in the future' };
      const destination = present(cells[columns.host]);
      if (destination === null) return null;
      const bytes = columns.bytes === -1 ? null : byteCount(cells[columns.bytes]);
      if (bytes === undefined) return { bad: 'request_body_len is not a number' };
      return {
        time,
        destination,
        user: columns.user === -1 ? null : present(cells[columns.user]),
        ip: columns.ip === -1 ? null : present(cells[columns.ip]),
        bytesOut: bytes,
      };
    },
  };
}
