/**
 * A server-sent events parser for upstream streams (the WHATWG event-stream format): fed the bytes as
 * they come, it returns each complete event (each block up to a blank line, comments too) with its
 * raw text, so an event the gateway does not change is forwarded byte for byte. Pure: no I/O.
 */
export interface SseEvent {
  /** The `event:` field, or null. */
  event: string | null;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The event's text as received, its terminating blank line included. */
  raw: string;
}

/** At most this many characters may wait for the end of one event (a larger event is an error). */
export const MAX_EVENT_CHARS = 4 * 1024 * 1024;

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;
const STREAM = { stream: true } as const;

export class SseParser {
  private buffer = '';
  /** Where the search for the blank line that ends the first event resumes (what is before was searched). */
  private scanned = 0;
  private readonly decoder = new TextDecoder('utf-8');

  /**
   * Feeds bytes (or text); returns the events completed by them (added to `out` when given). The
   * buffer is searched from where the last search stopped, and cut once per call rather than once
   * per event.
   */
  push(chunk: Uint8Array | string, out: SseEvent[] = []): SseEvent[] {
    const buf = this.buffer + (typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, STREAM));
    let start = 0;
    let from = this.scanned;
    for (;;) {
      const at = blankLineAt(buf, from);
      if (at === -1) break;
      const after = at + blankLineLength(buf, at);
      out.push(parseEvent(buf, start, at, buf.slice(start, after)));
      start = from = after;
    }
    this.buffer = start === 0 ? buf : buf.slice(start);
    // a blank line may begin in the last three characters and end in what comes next
    this.scanned = Math.max(0, this.buffer.length - 3);
    if (this.buffer.length > MAX_EVENT_CHARS) throw new Error(`An upstream event is larger than ${MAX_EVENT_CHARS} characters`);
    return out;
  }

  /** What is left at the end of the stream (an event without its blank line still counts). */
  end(): SseEvent[] {
    this.buffer += this.decoder.decode();
    const rest = this.buffer;
    this.buffer = '';
    this.scanned = 0;
    if (!rest.trim()) return [];
    return [parseEvent(rest, 0, rest.length, rest.endsWith('\n\n') ? rest : `${rest.replace(/\n?$/, '\n')}\n`)];
  }
}

/**
 * Where the first blank line after `from` begins (the end of an event's last line), or -1: the
 * first of `\r\n\r\n`, `\n\n`, `\r\r`, `\r\n\n` or `\n\r\n` in `buf`, as a regular expression
 * with those alternatives in that order finds it.
 */
export function blankLineAt(buf: string, from: number): number {
  const n = buf.length;
  for (let i = from; i < n - 1; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF) {
      const d = buf.charCodeAt(i + 1);
      if (d === LF || (d === CR && i + 2 < n && buf.charCodeAt(i + 2) === LF)) return i;
    } else if (c === CR) {
      const d = buf.charCodeAt(i + 1);
      if (d === CR) return i;
      if (d === LF && i + 2 < n) {
        const e = buf.charCodeAt(i + 2);
        if (e === LF || (e === CR && i + 3 < n && buf.charCodeAt(i + 3) === LF)) return i;
      }
    }
  }
  return -1;
}

/** The length of the blank line blankLineAt found at `at`. */
function blankLineLength(buf: string, at: number): number {
  if (buf.charCodeAt(at) === LF) return buf.charCodeAt(at + 1) === LF ? 2 : 3;
  const d = buf.charCodeAt(at + 1);
  if (d === CR) return 2;
  return buf.charCodeAt(at + 2) === LF ? 3 : 4;
}

/**
 * The event of the block buf[start, end) (lines ended by CRLF, LF or CR; `raw` its text as received).
 * A block with no event or data (a comment: a keep-alive, OpenRouter's `: OPENROUTER PROCESSING`
 * sent while a model thinks; bare `id:` or `retry:` fields) is an event with no data, passed on as
 * it is: the SDKs ignore them, and dropping them left a caller's connection silent for as long as a
 * model thought, for proxies and clients to time out.
 */
function parseEvent(buf: string, start: number, end: number, raw: string): SseEvent {
  let event: string | null = null;
  let data: string | null = null;
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = lineStart;
    let colon = -1;
    for (; lineEnd < end; lineEnd++) {
      const c = buf.charCodeAt(lineEnd);
      if (c === LF || c === CR) break;
      if (c === COLON && colon === -1) colon = lineEnd;
    }
    if (lineEnd > lineStart && colon !== lineStart) {
      const nameEnd = colon === -1 ? lineEnd : colon;
      const isData = nameEnd - lineStart === 4 && buf.startsWith('data', lineStart);
      if (isData || (nameEnd - lineStart === 5 && buf.startsWith('event', lineStart))) {
        let valueStart = colon === -1 ? lineEnd : colon + 1;
        if (valueStart < lineEnd && buf.charCodeAt(valueStart) === SPACE) valueStart++;
        const value = buf.slice(valueStart, lineEnd);
        if (!isData) event = value;
        else data = data === null ? value : `${data}\n${value}`;
      }
    }
    // past the line's end: CRLF, LF or CR
    lineStart = lineEnd + (buf.charCodeAt(lineEnd) === CR && lineEnd + 1 < end && buf.charCodeAt(lineEnd + 1) === LF ? 2 : 1);
  }
  // an event field alone is an event with empty data
  return { event, data: data ?? '', raw };
}

/** One event as text: `event:` when named, then the data (one line: JSON never holds a raw newline). */
export function formatSse(data: string, event?: string | null): string {
  return `${event ? `event: ${event}\n` : ''}data: ${data}\n\n`;
}
