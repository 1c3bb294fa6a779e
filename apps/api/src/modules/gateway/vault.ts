/**
 * The per-request vault: the values the gateway replaced with placeholders in what it forwarded,
 * so that the answer coming back can carry the originals again for the caller. It lives for one
 * request in memory and is never stored or logged.
 */
/**
 * A placeholder as redact() makes them: `[TYPE_n]`, the type a detector's name or the data class's
 * key in capitals (a class key may start with a digit: `[3RD_PARTY_1]`).
 */
const PLACEHOLDER = /\[[A-Z0-9][A-Z0-9_]*_\d+\]/g;
/**
 * The longest placeholder a stream may hold back while waiting for its end: a type of up to 64
 * characters (a data class key's limit), `_`, a number, the brackets.
 */
const MAX_PLACEHOLDER = 80;

export class PlaceholderVault {
  private readonly values = new Map<string, string>();

  set(placeholder: string, value: string): void {
    this.values.set(placeholder, value);
  }

  get size(): number {
    return this.values.size;
  }

  /**
   * The text with every known placeholder replaced by its value (unknown ones stay as they are);
   * `json` when the text is JSON (tool-call arguments, the placeholder inside one of its strings):
   * the value goes in escaped, so that a quote, a backslash or a line break in it keeps the JSON whole.
   */
  restore(text: string, json = false): string {
    if (this.values.size === 0 || text.indexOf('[') === -1) return text;
    return text.replace(PLACEHOLDER, (ph) => {
      const value = this.values.get(ph);
      return value === undefined ? ph : json ? JSON.stringify(value).slice(1, -1) : value;
    });
  }

  /** A restorer for one streamed text field (a placeholder may arrive split across chunks); `json` as for restore. */
  stream(json = false): StreamRestorer {
    return new StreamRestorer(this, json);
  }
}

/**
 * Restores placeholders in a text that arrives in pieces: a piece ending in what could be the start
 * of a placeholder (`[EMA`) keeps that tail back until the next piece says whether it is one.
 */
export class StreamRestorer {
  private held = '';

  constructor(
    private readonly vault: PlaceholderVault,
    private readonly json = false,
  ) {}

  /** The restored text that is safe to emit now. */
  push(piece: string): string {
    if (this.vault.size === 0) return piece;
    const text = this.held + piece;
    const open = text.lastIndexOf('[');
    if (open !== -1 && text.length - open <= MAX_PLACEHOLDER && /^\[[A-Z0-9_]*$/.test(text.slice(open))) {
      this.held = text.slice(open);
      return this.vault.restore(text.slice(0, open), this.json);
    }
    this.held = '';
    return this.vault.restore(text, this.json);
  }

  /** What is still held back (at the end of the field). */
  flush(): string {
    const rest = this.held;
    this.held = '';
    return this.vault.restore(rest, this.json);
  }

  get holding(): boolean {
    return this.held.length > 0;
  }
}
