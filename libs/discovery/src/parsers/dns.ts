import { epochToMs, isoToMs, looksLikeIp, monthIndex, plausibleTime, yearlessToMs } from '../fields';
import type { LineParser, LineResult, ParserOptions } from '../types';

/**
 * The time at the start of a resolver log line, and where the rest begins. Accepts BIND's
 * `03-Dec-2026 10:00:00.123` (print-time yes), ISO 8601 (print-time iso8601 / iso8601-utc),
 * Unbound's `[1733220000]` and syslog's `Dec  3 10:00:00` (no year) followed by a host name.
 */
function leadingTime(text: string, now: number): { time: number; rest: string } | null {
  let m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? /.exec(text);
  if (m) {
    const month = monthIndex(m[2]!);
    if (month === undefined) return null;
    return { time: Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), Number((m[7] ?? '0').padEnd(3, '0'))), rest: text.slice(m[0].length) };
  }
  m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?) /.exec(text);
  if (m) {
    const time = isoToMs(m[1]!);
    return time === null ? null : { time, rest: text.slice(m[0].length) };
  }
  m = /^\[(\d{9,11}(?:\.\d+)?)\] /.exec(text);
  if (m) {
    const time = epochToMs(m[1]!);
    return time === null ? null : { time, rest: text.slice(m[0].length) };
  }
  m = /^([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? /.exec(text);
  if (m) {
    const month = monthIndex(m[1]!);
    if (month === undefined) return null;
    const ms = Number((m[6] ?? '0').slice(0, 3).padEnd(3, '0'));
    return { time: yearlessToMs(month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), ms, now), rest: text.slice(m[0].length) };
  }
  return null;
}

const BIND_QUERY = /client (?:@0x[0-9a-f]+ )?([0-9a-fA-F:.]+)#\d+(?: \([^)]*\))?: (?:view [^:]+: )?query: (\S+) (\S+) (\S+)/;

/**
 * BIND's query log (`category queries`), from its own file or through syslog:
 * `03-Dec-2026 10:00:00.123 queries: info: client @0x7f1c2c0a8b60 10.1.2.3#53422 (chat.openai.com): query: chat.openai.com IN A +E(0)K (10.0.0.53)`.
 * Lines of other categories are skipped; a query line that cannot be read is a bad line.
 */
export function bindParser(options: ParserOptions = {}): LineParser {
  const now = options.now ?? Date.now();
  return {
    format: 'bind',
    parse(line: string): LineResult {
      const text = line.trim();
      if (text === '' || text.indexOf('query: ') === -1) return null;
      const m = BIND_QUERY.exec(text);
      if (!m) return { bad: 'a query line without "client <address>#<port>: query: <name> <class> <type>"' };
      const lead = leadingTime(text, now);
      if (lead === null) return { bad: 'no time at the start of the line (enable print-time in the logging channel)' };
      if (!plausibleTime(lead.time, now)) return { bad: 'the time is before 2000 or in the future' };
      return { time: lead.time, destination: m[2]!, user: null, ip: m[1]!, bytesOut: null };
    },
  };
}

const UNBOUND_QUERY = /^([0-9a-fA-F:.]+) (\S+) (\S+) (\S+)(?: (\S+) ([\d.]+) (\d) (\d+))?$/;
const UNBOUND_LOCAL = /^(\S+) (\S+) ([0-9a-fA-F:.]+)@\d+ (\S+) (\S+) (\S+)$/;

/**
 * Unbound's query log (`log-queries: yes`): `[1733220000] unbound[1234:0] info: 10.1.2.3 chat.openai.com. A IN`,
 * with `log-time-ascii` (`Dec 03 10:00:00 unbound[1234:0] info: ...`) or through syslog; also the
 * answers of `log-replies` (`... A IN NOERROR 0.000000 0 56`, counted only when the log has no
 * query lines, so both options on do not count each query twice) and `log-local-actions`
 * (`info: openai.com. always_refuse 10.1.2.3@53422 chat.openai.com. A IN`: a query a local zone
 * answered, such as Airlock's own block list).
 */
export function unboundParser(options: ParserOptions = {}): LineParser {
  const now = options.now ?? Date.now();
  return {
    format: 'unbound',
    parse(line: string): LineResult {
      const text = line.trim();
      const at = text.indexOf(' info: ');
      if (text === '' || at === -1 || text.indexOf('unbound') === -1) return null;
      const body = text.slice(at + 7);
      let ip: string;
      let name: string;
      let reply = false;
      const q = UNBOUND_QUERY.exec(body);
      const l = q ? null : UNBOUND_LOCAL.exec(body);
      if (q && looksLikeIp(q[1]!)) {
        ip = q[1]!;
        name = q[2]!;
        reply = q[5] !== undefined;
      } else if (l && looksLikeIp(l[3]!)) {
        ip = l[3]!;
        name = l[4]!;
      } else {
        const firstToken = body.split(' ', 1)[0] ?? '';
        // A message that starts with an address is a query line Unbound wrote: unreadable means bad.
        if (looksLikeIp(firstToken)) return { bad: 'a query line without "<address> <name> <type> <class>"' };
        return null;
      }
      const lead = leadingTime(text, now);
      if (lead === null) return { bad: 'no time at the start of the line' };
      if (!plausibleTime(lead.time, now)) return { bad: 'the time is before 2000 or in the future' };
      return { time: lead.time, destination: name, user: null, ip, bytesOut: null, ...(reply ? { reply: true } : {}) };
    },
  };
}
