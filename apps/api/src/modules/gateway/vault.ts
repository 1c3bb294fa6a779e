/**
 * The per-request vault: the values the gateway replaced with placeholders in what it forwarded,
 * so that the answer coming back can carry the originals again for the caller. It lives for one
 * request in memory and is never stored or logged.
 */
const PLACEHOLDER = /\[[A-Z][A-Z0-9_]*_\d+\]/g;
/** The longest placeholder a stream may hold back while waiting for its end. */
const MAX_PLACEHOLDER = 48;

export class PlaceholderVault {
  private readonly values = new Map<string, string>();

  set(placeholder: string, value: string): void {
    this.values.set(placeholder, value);
  }

  get size(): number {
    return this.values.size;
  }

  /** The text with every known placeholder replaced by its value (unknown ones stay as they are). */
  restore(text: string): string {
    if (this.values.size === 0 || text.indexOf('[') === -1) return text;
    return text.replace(PLACEHOLDER, (ph) => this.values.get(ph) ?? ph);
  }

  /** A restorer for one streamed text field (a placeholder may arrive split across chunks). */
  stream(): StreamRestorer {
    return new StreamRestorer(this);
  }
}

/**
 * Restores placeholders in a text that arrives in pieces: a piece ending in what could be the start
 * of a placeholder (`[EMA`) keeps that tail back until the next piece says whether it is one.
 */
export class StreamRestorer {
  private held = '';

  constructor(private readonly vault: PlaceholderVault) {}

  /** The restored text that is safe to emit now. */
  push(piece: string): string {
    if (this.vault.size === 0) return piece;
    const text = this.held + piece;
    const open = text.lastIndexOf('[');
    if (open !== -1 && text.length - open <= MAX_PLACEHOLDER && /^\[[A-Z0-9_]*$/.test(text.slice(open))) {
      this.held = text.slice(open);
      return this.vault.restore(text.slice(0, open));
    }
    this.held = '';
    return this.vault.restore(text);
  }

  /** What is still held back (at the end of the field). */
  flush(): string {
    const rest = this.held;
    this.held = '';
    return this.vault.restore(rest);
  }

  get holding(): boolean {
    return this.held.length > 0;
  }
}
