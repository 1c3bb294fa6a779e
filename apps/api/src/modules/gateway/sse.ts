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

/**
 * A block without an event or data: comments (`: keep-alive`, OpenRouter's `: OPENROUTER PROCESSING`
 * sent while a model thinks) and bare `id:` or `retry:` fields. Passed on as they are: the SDKs
 * ignore them, and dropping them left a caller's connection silent for as long as a model thought,
 * for proxies and clients to time out.
 */
const NO_DATA: Omit<SseEvent, 'raw'> = { event: null, data: '' };

/** At most this many characters may wait for the end of one event (a larger event is an error). */
export const MAX_EVENT_CHARS = 4 * 1024 * 1024;

export class SseParser {
  private buffer = '';
  private readonly decoder = new TextDecoder('utf-8');

  /** Feeds bytes (or text); returns the events completed by them. */
  push(chunk: Uint8Array | string): SseEvent[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const out: SseEvent[] = [];
    for (;;) {
      const end = eventEnd(this.buffer);
      if (end === null) break;
      const raw = this.buffer.slice(0, end.after);
      this.buffer = this.buffer.slice(end.after);
      // a block with no event or data (a comment: a keep-alive) goes on as it is, with no data
      out.push({ ...(parseEvent(raw.slice(0, end.at)) ?? NO_DATA), raw });
    }
    if (this.buffer.length > MAX_EVENT_CHARS) throw new Error(`An upstream event is larger than ${MAX_EVENT_CHARS} characters`);
    return out;
  }

  /** What is left at the end of the stream (an event without its blank line still counts). */
  end(): SseEvent[] {
    this.buffer += this.decoder.decode();
    const rest = this.buffer;
    this.buffer = '';
    if (!rest.trim()) return [];
    return [{ ...(parseEvent(rest) ?? NO_DATA), raw: rest.endsWith('\n\n') ? rest : `${rest.replace(/\n?$/, '\n')}\n` }];
  }
}

/** Where the first blank line ends an event: `at` the end of its last line, `after` past the blank line. */
function eventEnd(buf: string): { at: number; after: number } | null {
  const m = /\r\n\r\n|\n\n|\r\r|\r\n\n|\n\r\n/.exec(buf);
  if (!m) return null;
  return { at: m.index, after: m.index + m[0].length };
}

function parseEvent(block: string): Omit<SseEvent, 'raw'> | null {
  let event: string | null = null;
  const data: string[] = [];
  let any = false;
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') {
      event = value;
      any = true;
    } else if (field === 'data') {
      data.push(value);
      any = true;
    }
  }
  return any ? { event, data: data.join('\n') } : null;
}

/** One event as text: `event:` when named, then the data (one line: JSON never holds a raw newline). */
export function formatSse(data: string, event?: string | null): string {
  return `${event ? `event: ${event}\n` : ''}data: ${data}\n\n`;
}
