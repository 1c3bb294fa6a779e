/**
 * The texts of an HTTP body a proxy passes through ICAP, and the body rebuilt with some of them
 * changed: JSON (every string value, as the AI services' chat APIs carry the prompt in their own
 * shapes), form-urlencoded fields, multipart parts (file parts apart, for an `upload` decision),
 * plain text. Pure, no Node built-in besides Buffer; unit-tested in icap-bodies.spec.ts.
 */

/** A text in the body that can be replaced. */
export interface TextSlot {
  get(): string;
  set(value: string): void;
}

/** A file in a multipart body. `text` only when its bytes are UTF-8 text (the only files that can be rewritten). */
export interface FileSlot {
  fileName: string;
  mimeType: string | undefined;
  text: TextSlot | null;
  bytes: number;
  /** The file's bytes (a view into the body), for reading the text of a PDF or an office file. */
  data: Buffer;
}

export interface BodyTexts {
  kind: 'json' | 'form' | 'multipart' | 'text' | 'binary';
  /** Texts sent as the prompt (decided together as one `prompt`). */
  texts: TextSlot[];
  /** Files (each decided as an `upload`). */
  files: FileSlot[];
  /** The body with the slots' current values. */
  serialize(): Buffer;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as UTF-8 text, or null when it is not valid UTF-8 or holds NUL bytes (binary). */
export function asText(body: Buffer | Uint8Array): string | null {
  if (body.includes(0)) return null;
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}

/** `type/subtype` in lower case and the parameters of a Content-Type value. */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  if (!value) return { type: '', params: {} };
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq === -1) continue;
    const k = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params[k] = v;
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Every string value of a JSON document (not the keys), walked without recursion. */
function jsonSlots(root: unknown): { holder: { root: unknown }; slots: TextSlot[] } {
  const holder = { root };
  const slots: TextSlot[] = [];
  const stack: [Record<string | number, unknown>, string | number][] = [[holder as unknown as Record<string, unknown>, 'root']];
  while (stack.length) {
    const [parent, key] = stack.pop()!;
    const value = parent[key];
    if (typeof value === 'string') {
      slots.push({ get: () => parent[key] as string, set: (v) => void (parent[key] = v) });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value as unknown as Record<number, unknown>, i]);
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([value as Record<string, unknown>, keys[i]!]);
    }
  }
  return { holder, slots };
}

function textBody(text: string): BodyTexts {
  let current = text;
  return {
    kind: 'text',
    texts: text.length ? [{ get: () => current, set: (v) => void (current = v) }] : [],
    files: [],
    serialize: () => Buffer.from(current, 'utf8'),
  };
}

function formBody(text: string): BodyTexts {
  const params = new URLSearchParams(text);
  const entries = [...params.entries()];
  let changed = false;
  return {
    kind: 'form',
    texts: entries.map((e) => ({
      get: () => e[1],
      set: (v) => {
        e[1] = v;
        changed = true;
      },
    })),
    files: [],
    serialize: () => (changed ? Buffer.from(new URLSearchParams(entries).toString(), 'utf8') : Buffer.from(text, 'utf8')),
  };
}

interface Part {
  headerBytes: Buffer;
  headers: Record<string, string>;
  body: Buffer;
  replaced: string | null;
}

/** RFC 7578 multipart/form-data: the parts between the boundaries; null when the body is not one. */
function multipartBody(body: Buffer, boundary: string): BodyTexts | null {
  if (!boundary || boundary.length > 200) return null;
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const first = body.indexOf(delimiter);
  if (first === -1) return null;
  const preamble = body.subarray(0, first);
  const parts: Part[] = [];
  let pos = first + delimiter.length;
  let epilogue: Buffer = Buffer.alloc(0);
  let closed = false;
  const next = Buffer.from(`\r\n--${boundary}`, 'latin1');
  while (pos < body.length) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) {
      closed = true;
      epilogue = body.subarray(pos + 2);
      break;
    }
    // transport padding, then CRLF
    let p = pos;
    while (body[p] === 0x20 || body[p] === 0x09) p++;
    if (body[p] !== 0x0d || body[p + 1] !== 0x0a) return null;
    p += 2;
    const headEnd = body.indexOf('\r\n\r\n', p, 'latin1');
    const emptyHead = body[p] === 0x0d && body[p + 1] === 0x0a;
    const bodyStart = emptyHead ? p + 2 : headEnd === -1 ? -1 : headEnd + 4;
    if (bodyStart === -1) return null;
    const end = body.indexOf(next, bodyStart);
    if (end === -1) return null;
    const headerBytes = body.subarray(p, bodyStart);
    const headers: Record<string, string> = {};
    for (const line of headerBytes.toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headerBytes, headers, body: body.subarray(bodyStart, end), replaced: null });
    pos = end + next.length;
  }
  if (!closed) return null;
  const texts: TextSlot[] = [];
  const files: FileSlot[] = [];
  for (const part of parts) {
    const disposition = parseContentType(`x;${(part.headers['content-disposition'] ?? '').split(';').slice(1).join(';')}`).params;
    const fileName = disposition['filename*'] ? decodeExtValue(disposition['filename*']) : disposition.filename;
    const text = asText(part.body);
    const slot: TextSlot | null =
      text === null
        ? null
        : {
            get: () => part.replaced ?? text,
            set: (v) => void (part.replaced = v),
          };
    if (fileName !== undefined) files.push({ fileName, mimeType: part.headers['content-type'], text: slot, bytes: part.body.length, data: part.body });
    else if (slot && text) texts.push(slot);
  }
  return {
    kind: 'multipart',
    texts,
    files,
    serialize: () => {
      const out: Buffer[] = [preamble];
      for (const part of parts) {
        out.push(delimiter, Buffer.from('\r\n'), part.headerBytes, part.replaced === null ? part.body : Buffer.from(part.replaced, 'utf8'), Buffer.from('\r\n'));
      }
      out.push(delimiter, Buffer.from('--'), epilogue);
      return Buffer.concat(out);
    },
  };
}

/** RFC 5987 `UTF-8''name%20x`. */
function decodeExtValue(v: string): string {
  const m = /^[^']*'[^']*'(.*)$/.exec(v);
  try {
    return decodeURIComponent(m ? m[1]! : v);
  } catch {
    return v;
  }
}

/**
 * The texts of a body by its Content-Type. A body whose declared type does not fit (JSON that does
 * not parse, a multipart without its boundary) and any other type is read as plain text when it is
 * UTF-8, so a mislabelled body is still inspected; binary bodies give no text (`binary`).
 */
export function bodyTexts(contentType: string | undefined, body: Buffer): BodyTexts {
  const { type, params } = parseContentType(contentType);
  if (type === 'multipart/form-data' || type === 'multipart/mixed') {
    const parsed = multipartBody(body, params.boundary ?? '');
    if (parsed) return parsed;
  }
  const text = asText(body);
  if (text === null) return { kind: 'binary', texts: [], files: [], serialize: () => body };
  if (type === 'application/x-www-form-urlencoded') return formBody(text);
  if (type === 'application/json' || type.endsWith('+json') || (type === '' || type === 'text/plain') && /^\s*[[{]/.test(text)) {
    let root: unknown;
    try {
      root = JSON.parse(text);
    } catch {
      return textBody(text);
    }
    if (typeof root !== 'object' || root === null) return textBody(text);
    const { holder, slots } = jsonSlots(root);
    let changed = false;
    return {
      kind: 'json',
      texts: slots.map((s) => ({
        get: s.get,
        set: (v) => {
          changed = true;
          s.set(v);
        },
      })),
      files: [],
      serialize: () => (changed ? Buffer.from(JSON.stringify(holder.root), 'utf8') : body),
    };
  }
  return textBody(text);
}

/** A masked span of the joined text (a placeholder from the redaction). */
export interface MaskSpan {
  start: number;
  end: number;
  placeholder: string;
}

/**
 * Applies masks found in `texts` joined by `separator` back to each text: a span that crosses
 * from one text into the next is masked in both.
 */
export function maskJoined(texts: readonly string[], separator: string, spans: readonly MaskSpan[]): string[] {
  const out: string[] = [];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // One pass over texts and spans together (linear: a body can hold many texts and many findings).
  let first = 0;
  let offset = 0;
  for (const text of texts) {
    const end = offset + text.length;
    while (first < sorted.length && sorted[first]!.end <= offset) first++;
    let result = '';
    let pos = 0;
    for (let k = first; k < sorted.length && sorted[k]!.start < end; k++) {
      const s = sorted[k]!;
      if (s.end <= offset) continue;
      const from = Math.max(s.start - offset, 0);
      const to = Math.min(s.end - offset, text.length);
      if (from < pos) {
        pos = Math.max(pos, to);
        continue;
      }
      result += text.slice(pos, from) + s.placeholder;
      pos = to;
    }
    out.push(pos === 0 && result === '' ? text : result + text.slice(pos));
    offset = end + separator.length;
  }
  return out;
}
