const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

/**
 * A copy of `s` that shares no memory with the text it was cut from. Lines are slices of a decoded
 * chunk (64 KiB or more), and V8 keeps the whole chunk alive for as long as any slice of it lives:
 * a string kept past its line (a map key, a stored host or person) must be copied, or every distinct
 * host or person would hold a chunk.
 */
export function own(s: string): string {
  return s.length <= 12 ? s : DECODER.decode(ENCODER.encode(s));
}

/** Longest line read (bytes): longer lines are counted as bad and skipped up to the next newline. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Turns a byte stream into lines without holding more than one line and one chunk: chunks go in,
 * each complete line comes out once with its 1-based number. `\n` and `\r\n` end lines; invalid
 * UTF-8 becomes U+FFFD. A line over MAX_LINE_BYTES is reported through `onOverlong` (its number,
 * never its text) and skipped.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private skipping = false;
  private lineNo = 0;

  constructor(
    private readonly onLine: (line: string, lineNo: number) => void,
    private readonly onOverlong: (lineNo: number) => void,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  /** Lines read so far. */
  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Uint8Array): void {
    let from = 0;
    if (this.skipping) {
      // The rest of an overlong line: up to its newline.
      const nl = chunk.indexOf(0x0a);
      if (nl === -1) return;
      this.finish(new Uint8Array(0));
      from = nl + 1;
    }
    const last = chunk.lastIndexOf(0x0a);
    if (last < from) {
      this.hold(chunk.subarray(from));
      return;
    }
    // Every complete line of the chunk decoded at once (the bytes after the last newline wait for
    // the next chunk, so no UTF-8 sequence is cut), then split: one decode per chunk, not per line.
    const first = chunk.indexOf(0x0a, from);
    if (this.pendingBytes > 0) {
      this.finish(chunk.subarray(from, first));
      from = first + 1;
    }
    if (from <= last) {
      const text = this.decoder.decode(chunk.subarray(from, last));
      let at = 0;
      for (;;) {
        const nl = text.indexOf('\n', at);
        const line = nl === -1 ? text.slice(at) : text.slice(at, nl);
        this.emit(line);
        if (nl === -1) break;
        at = nl + 1;
      }
    }
    this.hold(chunk.subarray(last + 1));
  }

  /** A complete line of text: `\r` dropped, an overlong one counted instead (its length in UTF-16 units, at most its bytes). */
  private emit(line: string): void {
    this.lineNo++;
    if (line.length > this.maxLineBytes) {
      this.onOverlong(this.lineNo);
      return;
    }
    this.onLine(line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line, this.lineNo);
  }

  /** The last line, when the input does not end with a newline. */
  end(): void {
    if (this.pendingBytes > 0 || this.skipping) this.finish(new Uint8Array(0));
  }

  private hold(part: Uint8Array): void {
    if (part.length === 0) return;
    if (this.skipping) return;
    if (this.pendingBytes + part.length > this.maxLineBytes) {
      this.skipping = true;
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    // Copy: the caller may reuse its buffer.
    this.pending.push(part.slice());
    this.pendingBytes += part.length;
  }

  private finish(tail: Uint8Array): void {
    this.lineNo++;
    if (this.skipping || this.pendingBytes + tail.length > this.maxLineBytes) {
      this.skipping = false;
      this.pending = [];
      this.pendingBytes = 0;
      this.onOverlong(this.lineNo);
      return;
    }
    let bytes = tail;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pendingBytes + tail.length);
      let at = 0;
      for (const p of this.pending) {
        bytes.set(p, at);
        at += p.length;
      }
      bytes.set(tail, at);
      this.pending = [];
      this.pendingBytes = 0;
    }
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    this.onLine(this.decoder.decode(bytes.subarray(0, end)), this.lineNo);
  }
}
