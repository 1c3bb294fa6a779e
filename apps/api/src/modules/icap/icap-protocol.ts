/**
 * ICAP (RFC 3507) on the wire, with no Nest and no socket: the request head, the Encapsulated
 * header, the encapsulated HTTP heads, the chunked body with its preview and `ieof`, and the
 * answers. Everything here is a pure function or a small state machine fed with bytes, unit-tested
 * in icap-protocol.spec.ts; icap-connection.ts drives it on a socket.
 */

export const ICAP_METHODS = ['OPTIONS', 'REQMOD', 'RESPMOD'] as const;
export type IcapMethod = (typeof ICAP_METHODS)[number];

/** Longest ICAP head, encapsulated HTTP heads included, the listener reads. */
export const MAX_HEAD_BYTES = 64 * 1024;
/** Longest chunk-size line (size, extensions, CRLF) and trailer line. */
const MAX_CHUNK_LINE = 1024;
const MAX_HEADERS = 200;

const CRLF = Buffer.from('\r\n');
const CRLFCRLF = Buffer.from('\r\n\r\n');

/** A request the listener cannot read: answered with `status` (400 unless said otherwise), then the connection closes. */
export class IcapProtocolError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Header fields in their order, names as sent; lookups are case-insensitive. */
export class HeaderList {
  constructor(readonly fields: [string, string][] = []) {}

  get(name: string): string | undefined {
    const lower = name.toLowerCase();
    const values = this.fields.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
    return values.length ? values.join(', ') : undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, value: string): void {
    this.delete(name);
    this.fields.push([name, value]);
  }

  delete(name: string): void {
    const lower = name.toLowerCase();
    for (let i = this.fields.length - 1; i >= 0; i--) if (this.fields[i]![0].toLowerCase() === lower) this.fields.splice(i, 1);
  }

  toString(): string {
    return this.fields.map(([n, v]) => `${n}: ${v}\r\n`).join('');
  }
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// eslint-disable-next-line no-control-regex -- refuses control characters other than tab in a field value
const FIELD_VALUE = /^[^\u0000-\u0008\u000a-\u001f\u007f]*$/;

/** Header lines (no start line), obs-fold refused. */
function parseFields(lines: string[], what: string): HeaderList {
  if (lines.length > MAX_HEADERS) throw new IcapProtocolError(`The ${what} has more than ${MAX_HEADERS} header fields`);
  const fields: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new IcapProtocolError(`The ${what} has a header line without a name and a colon`);
    const name = line.slice(0, colon);
    if (!TOKEN.test(name)) throw new IcapProtocolError(`The ${what} has a header field name that is not a token`);
    const value = line.slice(colon + 1).trim();
    if (!FIELD_VALUE.test(value)) throw new IcapProtocolError(`The ${what} has a control character in the value of ${name}`);
    fields.push([name, value]);
  }
  return new HeaderList(fields);
}

export interface EncapsulatedPart {
  name: 'req-hdr' | 'res-hdr' | 'req-body' | 'res-body' | 'null-body' | 'opt-body';
  offset: number;
}

/**
 * `Encapsulated: req-hdr=0, req-body=412` (RFC 3507 4.4.1): offsets ascending, at most one body
 * part and last, heads only before it; what each method may carry.
 */
export function parseEncapsulated(value: string | undefined, method: IcapMethod): EncapsulatedPart[] {
  if (value === undefined) {
    if (method === 'OPTIONS') return [];
    throw new IcapProtocolError('The Encapsulated header is missing');
  }
  const parts: EncapsulatedPart[] = [];
  for (const item of value.split(',')) {
    const m = /^\s*(req-hdr|res-hdr|req-body|res-body|null-body|opt-body)=(\d{1,9})\s*$/.exec(item);
    if (!m) throw new IcapProtocolError(`The Encapsulated header is not a list of part=offset (${value.slice(0, 100)})`);
    parts.push({ name: m[1] as EncapsulatedPart['name'], offset: Number(m[2]) });
  }
  if (parts.length === 0) throw new IcapProtocolError('The Encapsulated header is empty');
  const bodies = parts.filter((p) => /body$/.test(p.name));
  if (bodies.length !== 1 || parts[parts.length - 1] !== bodies[0]) throw new IcapProtocolError('The Encapsulated header must end with exactly one body part (req-body, res-body, null-body or opt-body)');
  if (parts[0]!.offset !== 0) throw new IcapProtocolError('The first Encapsulated part must start at offset 0');
  for (let i = 1; i < parts.length; i++) if (parts[i]!.offset <= parts[i - 1]!.offset) throw new IcapProtocolError('The Encapsulated offsets must increase');
  const names = parts.map((p) => p.name).join(',');
  const allowed: Record<IcapMethod, RegExp> = {
    REQMOD: /^req-hdr,(req-body|null-body)$|^req-body$|^null-body$/,
    RESPMOD: /^(req-hdr,)?(res-hdr,)?(res-body|null-body)$/,
    OPTIONS: /^(opt-body|null-body)$/,
  };
  if (!allowed[method].test(names)) throw new IcapProtocolError(`Encapsulated parts ${names} are not valid in ${method}`);
  return parts;
}

export interface IcapRequestHead {
  method: IcapMethod;
  uri: string;
  /** The URI's path ('/reqmod') and query. */
  path: string;
  query: URLSearchParams;
  headers: HeaderList;
  encapsulated: EncapsulatedPart[];
  /** Bytes of the encapsulated HTTP heads that follow the ICAP head (the body part's offset). */
  sectionsLength: number;
  /** `Preview: n` (null: the whole body follows at once). */
  preview: number | null;
  /** The client takes a 204 outside a preview (`Allow: 204`). */
  allow204: boolean;
  /** The body part, or null (null-body, or none). */
  body: 'req-body' | 'res-body' | 'opt-body' | null;
}

/** The ICAP request head (the bytes before the first blank line, without it). */
export function parseIcapHead(head: Buffer): IcapRequestHead {
  const text = head.toString('latin1');
  const lines = text.split('\r\n');
  const first = lines.shift() ?? '';
  const m = /^([A-Z]+) (\S+) (ICAP\/\d\.\d)$/.exec(first);
  if (!m) throw new IcapProtocolError('The request line is not "METHOD icap://host/service ICAP/1.0"');
  const [, method, uri, version] = m as unknown as [string, string, string, string];
  if (version !== 'ICAP/1.0') throw new IcapProtocolError(`${version} is not supported; this server speaks ICAP/1.0`, 505);
  if (!(ICAP_METHODS as readonly string[]).includes(method)) throw new IcapProtocolError(`The method ${method} is not implemented (OPTIONS, REQMOD, RESPMOD)`, 501);
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new IcapProtocolError('The request URI is not an absolute icap:// URI');
  }
  if (url.protocol !== 'icap:' && url.protocol !== 'icaps:') throw new IcapProtocolError('The request URI is not an icap:// URI');
  const headers = parseFields(lines, 'ICAP request');
  const icapMethod = method as IcapMethod;
  const encapsulated = parseEncapsulated(headers.get('Encapsulated'), icapMethod);
  const last = encapsulated[encapsulated.length - 1];
  const previewValue = headers.get('Preview');
  let preview: number | null = null;
  if (previewValue !== undefined) {
    if (!/^\d{1,9}$/.test(previewValue)) throw new IcapProtocolError('The Preview header is not a byte count');
    preview = Number(previewValue);
  }
  const allow = (headers.get('Allow') ?? '').split(',').map((s) => s.trim());
  const body = last && last.name !== 'null-body' ? (last.name as IcapRequestHead['body']) : null;
  return {
    method: icapMethod,
    uri,
    path: url.pathname,
    query: url.searchParams,
    headers,
    encapsulated,
    sectionsLength: last ? last.offset : 0,
    preview: body ? preview : null,
    allow204: allow.includes('204'),
    body,
  };
}

/** An encapsulated HTTP request or response head. */
export interface HttpHead {
  /** 'GET /path HTTP/1.1' or 'HTTP/1.1 200 OK'. */
  startLine: string;
  headers: HeaderList;
}

export function parseHttpHead(bytes: Buffer, what: 'request' | 'response'): HttpHead {
  const text = bytes.toString('latin1');
  if (!text.endsWith('\r\n\r\n')) throw new IcapProtocolError(`The encapsulated HTTP ${what} head does not end with a blank line where the Encapsulated offsets say`);
  const lines = text.slice(0, -4).split('\r\n');
  const startLine = lines.shift() ?? '';
  const valid = what === 'request' ? /^[A-Za-z]+ \S+ HTTP\/\d\.\d$/ : /^HTTP\/\d\.\d \d{3}( .*)?$/;
  if (!valid.test(startLine)) throw new IcapProtocolError(`The encapsulated HTTP ${what} line is not valid`);
  return { startLine, headers: parseFields(lines, `encapsulated HTTP ${what}`) };
}

export function serializeHttpHead(head: HttpHead): Buffer {
  return Buffer.from(`${head.startLine}\r\n${head.headers.toString()}\r\n`, 'latin1');
}

/** Method and target of an HTTP request head. */
export function requestLine(head: HttpHead): { method: string; target: string } {
  const [method = '', target = ''] = head.startLine.split(' ');
  return { method: method.toUpperCase(), target };
}

/**
 * The URL the request goes to: the absolute target a proxy passes, or `Host` with the path
 * (`https` when the proxy says the request came through a bumped TLS connection, which its
 * absolute URL then shows anyway). CONNECT gives `https://host:port/`.
 */
export function requestUrl(head: HttpHead): string | null {
  const { method, target } = requestLine(head);
  if (method === 'CONNECT') {
    return /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/.test(target) ? `https://${target}/` : null;
  }
  if (/^https?:\/\//i.test(target)) return target;
  const host = head.headers.get('Host');
  if (!host || !target.startsWith('/')) return null;
  return `http://${host}${target}`;
}

/**
 * The user name in a proxy's X-Authenticated-User value: `WinNT://DOMAIN/alice`, `Local://alice`,
 * `LDAP://host/cn=...` and `DOMAIN\\alice` give the last part; anything else is taken as it is.
 */
export function proxyUserName(value: string): string {
  let v = value.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  if (v !== value && v.includes('/')) v = v.slice(v.lastIndexOf('/') + 1);
  if (v.includes('\\')) v = v.slice(v.lastIndexOf('\\') + 1);
  return v.trim();
}

export interface ChunkResult {
  /** Body bytes decoded from this push. */
  data: Buffer[];
  /** The terminating zero-size chunk was read: `ieof` says the body ended inside a preview. */
  done: false | { ieof: boolean };
  /** Bytes after the terminating chunk (the next request on the connection). */
  rest: Buffer | null;
}

/**
 * Incremental decoder of an ICAP chunked body (RFC 3507 4.4.1 uses HTTP/1.1 chunking, with the
 * `ieof` extension on the last chunk of a preview that holds the whole body). Bounded: a chunk-size
 * line or a trailer line over 1 KiB is an error, and data is handed out as it arrives.
 */
export class ChunkedDecoder {
  private state: 'size' | 'data' | 'data-crlf' | 'trailer' = 'size';
  private line: Buffer = Buffer.alloc(0);
  private remaining = 0;
  private ieof = false;
  private finished = false;

  push(input: Buffer): ChunkResult {
    if (this.finished) throw new IcapProtocolError('Data after the end of the chunked body');
    const data: Buffer[] = [];
    let pos = 0;
    while (pos < input.length) {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, input.length - pos);
        data.push(input.subarray(pos, pos + take));
        pos += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'data-crlf';
        continue;
      }
      // A line: size, the CRLF after data, or a trailer line.
      const nl = input.indexOf(0x0a, pos);
      const end = nl === -1 ? input.length : nl + 1;
      this.line = this.line.length ? Buffer.concat([this.line, input.subarray(pos, end)]) : input.subarray(pos, end);
      pos = end;
      if (nl === -1) {
        if (this.line.length > MAX_CHUNK_LINE) throw new IcapProtocolError('A chunk-size line is longer than 1 KiB');
        continue;
      }
      const line = this.line.toString('latin1');
      this.line = Buffer.alloc(0);
      if (!line.endsWith('\r\n')) throw new IcapProtocolError('A chunk line does not end with CRLF');
      const content = line.slice(0, -2);
      if (this.state === 'data-crlf') {
        if (content !== '') throw new IcapProtocolError('A chunk is longer than its size says');
        this.state = 'size';
      } else if (this.state === 'size') {
        const m = /^([0-9A-Fa-f]{1,8})[ \t]*(;.*)?$/.exec(content);
        if (!m) throw new IcapProtocolError('A chunk-size line is not a hexadecimal size');
        const size = parseInt(m[1]!, 16);
        const extensions = (m[2] ?? '').split(';').map((e) => e.trim().toLowerCase());
        if (size === 0) {
          this.ieof = extensions.includes('ieof');
          this.state = 'trailer';
        } else {
          this.remaining = size;
          this.state = 'data';
        }
      } else {
        // trailer: ends with an empty line
        if (content === '') {
          this.finished = true;
          return { data, done: { ieof: this.ieof }, rest: pos < input.length ? input.subarray(pos) : null };
        }
      }
    }
    return { data, done: false, rest: null };
  }
}

/** One chunk of an ICAP body (nothing for an empty buffer). */
export function encodeChunk(data: Buffer): Buffer {
  if (data.length === 0) return Buffer.alloc(0);
  return Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`, 'latin1'), data, CRLF]);
}

export const LAST_CHUNK = Buffer.from('0\r\n\r\n', 'latin1');

/** Finds the end of a head (`\r\n\r\n`) in `buf`: the index after it, or -1. */
export function headEnd(buf: Buffer, from = 0): number {
  const i = buf.indexOf(CRLFCRLF, Math.max(0, from - 3));
  return i === -1 ? -1 : i + 4;
}

const REASONS: Record<number, string> = {
  100: 'Continue',
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'ICAP Service Not Found',
  405: 'Method Not Allowed for Service',
  408: 'Request Timeout',
  413: 'Request Entity Too Large',
  500: 'Server Error',
  501: 'Method Not Implemented',
  503: 'Service Overloaded',
  505: 'ICAP Version Not Supported by Server',
};

/** An ICAP answer head: status line, the given headers (ISTag, Encapsulated...), blank line. */
export function icapHead(status: number, headers: [string, string][]): Buffer {
  let out = `ICAP/1.0 ${status} ${REASONS[status] ?? 'Status'}\r\n`;
  for (const [n, v] of headers) out += `${n}: ${v}\r\n`;
  return Buffer.from(`${out}\r\n`, 'latin1');
}

/**
 * A whole ICAP answer that carries an HTTP message: the ICAP head with the Encapsulated offsets,
 * the HTTP head, the body in one chunk and the last chunk.
 */
export function icapMessage(status: number, headers: [string, string][], part: 'req' | 'res', httpHead: HttpHead, body: Buffer | null): Buffer {
  const http = serializeHttpHead(httpHead);
  const encapsulated = body === null ? `${part}-hdr=0, null-body=${http.length}` : `${part}-hdr=0, ${part}-body=${http.length}`;
  const parts = [icapHead(status, [...headers, ['Encapsulated', encapsulated]]), http];
  if (body !== null) parts.push(encodeChunk(body), LAST_CHUNK);
  return Buffer.concat(parts);
}
