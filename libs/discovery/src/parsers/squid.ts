import { byteCount, epochToMs, monthIndex, plausibleTime, present } from '../fields';
import type { LineParser, LineResult, ParserOptions } from '../types';

/**
 * Squid's native access.log format (`logformat squid`, the default):
 * `time elapsed remotehost code/status bytes method URL rfc931 peerstatus/peerhost type`, e.g.
 * `1733220000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chat.openai.com:443 alice HIER_DIRECT/104.18.32.47 -`.
 * The bytes field is what Squid sent to the client (a download), so the native format has no
 * upload size: bytesOut is null.
 */
export function squidNativeParser(options: ParserOptions = {}): LineParser {
  const now = options.now ?? Date.now();
  return {
    format: 'squid',
    parse(line: string): LineResult {
      const text = line.trim();
      if (text === '' || text.startsWith('#')) return null;
      // The first eight fields are all that is read: `type` and anything a custom format appends are not split.
      const f = text.split(/\s+/, 8);
      if (f.length < 7) return { bad: `expected at least 7 fields (time elapsed client code/status bytes method URL), found ${f.length}` };
      const time = epochToMs(f[0]!);
      if (time === null) return { bad: 'the first field is not a Unix time (seconds.milliseconds)' };
      if (!plausibleTime(time, now)) return { bad: 'the time is before 2000 or in the future' };
      if (!/^[A-Z_]+\/\d{3}$/.test(f[3]!)) return { bad: 'the fourth field is not a result code/status such as TCP_MISS/200' };
      if (byteCount(f[4]) === undefined) return { bad: 'the size field is not a number' };
      const url = f[6]!;
      if (url === '-' || url === 'error:invalid-request') return null;
      return { time, destination: url, user: present(f[7]), ip: present(f[2]), bytesOut: null };
    },
  };
}

const CLF = /^(\S+) (\S+) (\S+) \[(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? ([+-]\d{4})\] "(\S+) (\S+)(?: [^"]*)?" (\d{3}|-) (\d+|-)/;

/**
 * The Common Log Format (Squid's `logformat common`, and `combined`, which adds referrer and user
 * agent): `10.1.2.3 - alice [03/Dec/2026:10:00:00 +0000] "CONNECT chat.openai.com:443 HTTP/1.1" 200 5230`.
 * The size is the answer's (a download): bytesOut is null.
 */
export function squidCommonParser(options: ParserOptions = {}): LineParser {
  const now = options.now ?? Date.now();
  return {
    format: 'squid-common',
    parse(line: string): LineResult {
      const text = line.trim();
      if (text === '' || text.startsWith('#')) return null;
      const m = CLF.exec(text);
      if (!m) return { bad: 'not in the common log format: client ident user [time] "method URL protocol" status bytes' };
      const month = monthIndex(m[5]!);
      if (month === undefined) return { bad: `"${m[5]!.slice(0, 3)}" is not a month` };
      const offset = m[11]!;
      const offsetMs = (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5))) * 60_000 * (offset.startsWith('-') ? -1 : 1);
      const time = Date.UTC(Number(m[6]), month, Number(m[4]), Number(m[7]), Number(m[8]), Number(m[9]), Number(m[10] ?? 0)) - offsetMs;
      if (!plausibleTime(time, now)) return { bad: 'the time is before 2000 or in the future' };
      const url = m[13]!;
      if (url === '-' || url === '*') return null;
      return { time, destination: url, user: present(m[3]) ?? present(m[2]), ip: present(m[1]), bytesOut: null };
    },
  };
}
