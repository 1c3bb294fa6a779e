/**
 * RFC 5424 syslog messages and RFC 6587 octet-counting framing, written by hand (ADR 0024): the
 * header (PRI, VERSION 1, TIMESTAMP, HOSTNAME, APP-NAME, PROCID, MSGID), structured data whose
 * PARAM-VALUEs escape `"`, `\` and `]`, and the MSG. Over TCP and TLS (RFC 5425) each message is
 * sent as `<length in octets> <message>`, so a message may contain line breaks.
 */

export interface SdElement {
  /** SD-ID: `name@<private enterprise number>` for a private element. */
  id: string;
  params: [name: string, value: string][];
}

export interface SyslogMessage {
  facility: number;
  severity: number;
  timestamp: Date;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  structuredData: SdElement[];
  msg: string;
}

/** Syslog severities (RFC 5424 section 6.2.1). */
export const SEVERITY = { emergency: 0, alert: 1, critical: 2, error: 3, warning: 4, notice: 5, informational: 6, debug: 7 } as const;

/**
 * A header field: printable US-ASCII (33-126) only, at most `max` characters, `-` when empty (the
 * NILVALUE). Anything else is replaced by `_` rather than refused: a host name is not ours to reject.
 */
export function headerField(value: string, max: number): string {
  const clean = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean.length ? clean : '-';
}

/** An SD-NAME (SD-ID or PARAM-NAME): printable US-ASCII except `=`, space, `]` and `"`; 1-32 characters. */
export function sdName(value: string): string {
  const clean = value.replace(/[^\x21-\x7e]|[= \]"]/g, '_').slice(0, 32);
  if (!clean) throw new Error('An SD-NAME cannot be empty');
  return clean;
}

/** A PARAM-VALUE: `"`, `\` and `]` escaped with a backslash (RFC 5424 section 6.3.3). UTF-8 is allowed. */
export function sdValue(value: string): string {
  return value.replace(/["\\\]]/g, (c) => `\\${c}`);
}

export function structuredData(elements: readonly SdElement[]): string {
  if (!elements.length) return '-';
  return elements
    .map((e) => `[${sdName(e.id)}${e.params.map(([n, v]) => ` ${sdName(n)}="${sdValue(v)}"`).join('')}]`)
    .join('');
}

/** The RFC 5424 message (no framing, no trailing line break). */
export function formatSyslog(m: SyslogMessage): string {
  if (!Number.isInteger(m.facility) || m.facility < 0 || m.facility > 23) throw new Error(`Facility ${m.facility} is not 0-23`);
  if (!Number.isInteger(m.severity) || m.severity < 0 || m.severity > 7) throw new Error(`Severity ${m.severity} is not 0-7`);
  const pri = m.facility * 8 + m.severity;
  const head = `<${pri}>1 ${m.timestamp.toISOString()} ${headerField(m.hostname, 255)} ${headerField(m.appName, 48)} ${headerField(m.procId, 128)} ${headerField(m.msgId, 32)} ${structuredData(m.structuredData)}`;
  return m.msg ? `${head} ${m.msg}` : head;
}

/** RFC 6587 octet counting: `MSG-LEN SP SYSLOG-MSG`, the length in octets of the UTF-8 message. */
export function octetFrame(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}

/** Splits a stream of octet-counted frames (tests and the docs' examples); `rest` is an incomplete tail. */
export function readOctetFrames(data: Buffer): { messages: string[]; rest: Buffer } {
  const messages: string[] = [];
  let at = 0;
  for (;;) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const len = Number(data.subarray(at, space).toString('ascii'));
    if (!Number.isInteger(len) || len <= 0) throw new Error(`Bad frame length at ${at}`);
    if (space + 1 + len > data.length) break;
    messages.push(data.subarray(space + 1, space + 1 + len).toString('utf8'));
    at = space + 1 + len;
  }
  return { messages, rest: data.subarray(at) };
}

/** Parses the header and structured data of an RFC 5424 message (tests): the inverse of formatSyslog. */
export function parseSyslog(message: string): Omit<SyslogMessage, 'timestamp' | 'facility' | 'severity'> & { pri: number; timestamp: string } {
  const m = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) /.exec(message);
  if (!m) throw new Error(`Not an RFC 5424 message: ${message.slice(0, 80)}`);
  let i = m[0].length;
  const elements: SdElement[] = [];
  if (message[i] === '-') i += 1;
  else {
    while (message[i] === '[') {
      i += 1;
      const idEnd = message.slice(i).search(/[ \]]/);
      const id = message.slice(i, i + idEnd);
      i += idEnd;
      const params: [string, string][] = [];
      while (message[i] === ' ') {
        const eq = message.indexOf('="', i);
        const name = message.slice(i + 1, eq);
        i = eq + 2;
        let value = '';
        while (message[i] !== '"') {
          if (message[i] === '\\' && ['"', '\\', ']'].includes(message[i + 1]!)) {
            value += message[i + 1];
            i += 2;
          } else value += message[i++];
          if (i >= message.length) throw new Error('Unterminated PARAM-VALUE');
        }
        i += 1;
        params.push([name, value]);
      }
      if (message[i] !== ']') throw new Error('Unterminated SD-ELEMENT');
      i += 1;
      elements.push({ id, params });
    }
  }
  const msg = message[i] === ' ' ? message.slice(i + 1) : '';
  return { pri: Number(m[1]), timestamp: m[2]!, hostname: m[3]!, appName: m[4]!, procId: m[5]!, msgId: m[6]!, structuredData: elements, msg };
}
