import { anyTimeToMs, byteCount, guessDelimiter, monthIndex, plausibleTime, present, splitDelimited } from '../fields';
import type { LineParser, LineResult, ParserOptions } from '../types';

/*
 * Zscaler Internet Access web logs as the Nanolog Streaming Service (NSS) sends them. A feed's
 * output format is set by the admin from field variables (help.zscaler.com, "NSS Feed Output
 * Format: Web Logs"); the parsers read the two layouts feeds use:
 * - CSV (or tab-separated, which Zscaler recommends): the default web feed,
 *   `"%s{time}","%s{login}","%s{proto}","%s{eurl}","%s{action}","%s{appname}","%s{appclass}",
 *   "%d{reqsize}","%d{respsize}",...,"%s{cip}",...` (34 fields; cip is the 22nd), or any order when
 *   the file starts with a header line naming the fields (time, login, eurl or url, host or ehost,
 *   cip, reqsize);
 * - JSON lines, `{ "sourcetype" : "zscalernss-web", "event" : { ... } }`, with either the field
 *   names themselves (`time`, `login`, `eurl`, `cip`, `reqsize`: the Elastic integration's
 *   format) or the names the Splunk, Sumo Logic and Datadog guides use (`datetime`, `user`, `url`,
 *   `hostname`, `ClientIP`, `requestsize`), or Sentinel's (`dhost`, `src`, `suser`).
 * Times without a zone (`Mon Jun 20 15:29:11 2022`) are taken as UTC: set the feed's time zone to GMT.
 */

/** Positions in the default web feed (0-based). */
const DEFAULT = { time: 0, login: 1, url: 3, reqsize: 7, cip: 21 } as const;
const DEFAULT_FIELDS = 34;

const NAMES = {
  time: ['time', 'datetime', 'timegenerated', 'epochtime', 'logged time', 'timestamp'],
  user: ['login', 'user', 'elogin', 'suser', 'ologin'],
  ip: ['cip', 'clientip', 'client ip', 'src', 'sourceip'],
  host: ['host', 'ehost', 'hostname', 'dhost', 'server name'],
  url: ['eurl', 'url', 'request'],
  bytes: ['reqsize', 'requestsize', 'request size', 'throttlereqsize'],
} as const;

/** Names only Zscaler's feeds use. */
const ZSCALER_NAMES = ['login', 'elogin', 'eurl', 'cip', 'reqsize', 'respsize', 'ehost', 'clientip', 'requestsize', 'urlcat', 'urlclass', 'appclass', 'appname', 'dlpeng'];

/** `Mon Jun 20 15:29:11 2022` (%s{time}), or any ISO-like or epoch time. */
export function zscalerTimeToMs(text: string): number | null {
  const m = /^(?:[A-Za-z]{3} )?([A-Za-z]{3}) +(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (\d{4})$/.exec(text.trim());
  if (m) {
    const month = monthIndex(m[1]!);
    if (month === undefined) return null;
    return Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  }
  return anyTimeToMs(text);
}

function pick(get: (name: string) => string | undefined, names: readonly string[]): string | null {
  for (const n of names) {
    const v = present(get(n));
    if (v !== null) return v;
  }
  return null;
}

function recordOf(get: (name: string) => string | undefined, now: number): LineResult {
  const timeText = pick(get, NAMES.time);
  if (timeText === null) return { bad: 'no time field' };
  const time = zscalerTimeToMs(timeText);
  if (time === null) return { bad: 'the time field is not a time Zscaler writes' };
  if (!plausibleTime(time, now)) return { bad: 'the time is before 2000 or in the future' };
  const destination = pick(get, NAMES.host) ?? pick(get, NAMES.url);
  if (destination === null) return { bad: 'no host or URL field' };
  const bytes = byteCount(pick(get, NAMES.bytes));
  if (bytes === undefined) return { bad: 'the request size is not a number' };
  return { time, destination, user: pick(get, NAMES.user), ip: pick(get, NAMES.ip), bytesOut: bytes };
}

export function zscalerCsvParser(options: ParserOptions = {}): LineParser {
  const now = options.now ?? Date.now();
  let header: Map<string, number> | null = null;
  let delimiter: string | null = null;
  let first = true;
  return {
    format: 'zscaler-csv',
    parse(line: string): LineResult {
      if (line.trim() === '') return null;
      delimiter ??= guessDelimiter(line);
      const cells = splitDelimited(line, delimiter);
      if (cells === null) return { bad: 'a quoted field is not closed' };
      if (first) {
        first = false;
        const names = cells.map((c) => c.trim().toLowerCase().replace(/^%[a-z0-9]*\{|\}$/g, ''));
        const known = (list: readonly string[]) => names.some((n) => list.includes(n));
        // A header with Zscaler's own field names (a generic `time,user,host` header is the plain CSV's).
        if (known(NAMES.time) && (known(NAMES.url) || known(NAMES.host)) && known(ZSCALER_NAMES)) {
          header = new Map(names.map((n, i) => [n, i]));
          return null;
        }
      }
      if (header !== null) {
        const h = header;
        return recordOf((name) => {
          const i = h.get(name);
          return i === undefined ? undefined : cells[i];
        }, now);
      }
      if (cells.length < DEFAULT.cip + 1) return { bad: `expected the default web feed's ${DEFAULT_FIELDS} fields, found ${cells.length}` };
      const byName: Record<string, number> = { time: DEFAULT.time, login: DEFAULT.login, eurl: DEFAULT.url, reqsize: DEFAULT.reqsize, cip: DEFAULT.cip };
      return recordOf((name) => {
        const i = byName[name];
        return i === undefined ? undefined : cells[i];
      }, now);
    },
  };
}

export function zscalerJsonParser(options: ParserOptions = {}): LineParser {
  const now = options.now ?? Date.now();
  return {
    format: 'zscaler-json',
    parse(line: string): LineResult {
      const text = line.trim();
      if (text === '' || text === '[' || text === ']') return null;
      // A syslog header before the JSON (an NSS feed over syslog), and a trailing comma (a JSON array).
      const start = text.indexOf('{');
      if (start === -1) return { bad: 'not a JSON object' };
      let parsed: unknown;
      try {
        parsed = JSON.parse(text.slice(start).replace(/,\s*$/, ''));
      } catch {
        return { bad: 'not valid JSON' };
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { bad: 'not a JSON object' };
      const outer = parsed as Record<string, unknown>;
      const event = typeof outer.event === 'object' && outer.event !== null && !Array.isArray(outer.event) ? (outer.event as Record<string, unknown>) : outer;
      const lower = new Map<string, unknown>();
      for (const [k, v] of Object.entries(event)) lower.set(k.toLowerCase(), v);
      return recordOf((name) => {
        const v = lower.get(name);
        return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
      }, now);
    },
  };
}
