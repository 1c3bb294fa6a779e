/**
 * The look-back window of a streamed answer: each new piece is inspected together with the end of
 * what came before it, so a value split across two pieces is found when the piece that completes it
 * arrives, before that piece is sent on. A value to be masked that reaches the end of what has
 * arrived may not be complete (`Frida` of `Friday`, `jane@x.co` of `jane@x.com`): it is held back
 * until the next piece or the end of the field says what it is. Pure: the inspection is a function
 * given to it.
 */
export interface WindowFinding {
  start: number;
  end: number;
  dataClass: string;
  detector: string;
}

export interface WindowVerdict {
  effect: 'allow' | 'warn' | 'redact' | 'block';
  findings: readonly WindowFinding[];
  /** Classes the verdict masks (with `redact`). */
  redactedClasses?: readonly string[];
  /** Why (blocking rules' messages). */
  reason?: string;
}

export type InspectWindow = (text: string) => WindowVerdict;

export interface PieceResult {
  /** The piece to send on (masked where the verdict redacts); '' when blocked. */
  text: string;
  blocked: boolean;
  reason?: string;
  effect: WindowVerdict['effect'];
}

/** Characters of earlier text inspected with each new piece. */
export const DEFAULT_LOOKBACK = 1024;
/** The most text held back at the end of what has arrived (a longer open value is masked as it is). */
export const MAX_HELD = 256;
/**
 * A masked value followed to the window's end by no more than this many letters, digits, blanks,
 * apostrophes or hyphens may still continue ("Frida L" of "Frida Lindqvist", "+44 20 7946 " of a
 * longer number): it is held too.
 */
const OPEN_AFTER = 32;
const OPEN_TAIL = /^[\p{L}\p{N}\p{M} \t'\u2019-]*$/u;

export class LookbackScanner {
  private tail = '';
  /** Text that arrived, is not sent yet: a value to be masked reaches its end (see heldFrom). */
  private held = '';
  /** The most restrictive effect seen. */
  worst: WindowVerdict['effect'] = 'allow';
  /** Every piece's text as accepted (the whole field, for the decision logged at the end). */
  private readonly accepted: string[] = [];
  /** Why the last inspection blocked. */
  private blockReason: string | undefined;

  constructor(
    private readonly inspect: InspectWindow,
    private readonly lookback = DEFAULT_LOOKBACK,
  ) {}

  push(piece: string): PieceResult {
    if (!piece) return { text: '', blocked: false, effect: 'allow' };
    const r = this.decide([piece], true);
    if (r === null) {
      this.note('block');
      return { text: '', blocked: true, reason: this.blockReason, effect: 'block' };
    }
    return { text: r.texts[0]!, blocked: false, effect: r.effect };
  }

  /** The text held back, decided as it is (the field ended: nothing more can complete it). */
  flush(): PieceResult {
    if (!this.held) return { text: '', blocked: false, effect: 'allow' };
    const r = this.decide([''], false);
    if (r === null) {
      this.note('block');
      return { text: '', blocked: true, reason: this.blockReason, effect: 'block' };
    }
    return { text: r.texts[0]!, blocked: false, effect: r.effect };
  }

  /**
   * Pieces that arrived together (one read of the upstream), decided with one inspection of the
   * window they make: each piece's text to send (masked; what was held goes with the first, what is
   * held now is left out), or null when that window blocks. Nothing is accepted then: each piece is
   * to be pushed, so that the block stops before the piece that completes the value.
   */
  take(pieces: readonly string[]): { effect: WindowVerdict['effect']; texts: string[] } | null {
    return pieces.length ? this.decide(pieces, true) : { effect: 'allow', texts: [] };
  }

  /** Whether text is held back (see flush). */
  get holding(): boolean {
    return this.held.length > 0;
  }

  /**
   * Inspects the tail, the held text and `parts` as one window and accepts its new part, less what
   * `open` holds back at its end; null when the window blocks (nothing accepted).
   */
  private decide(parts: readonly string[], open: boolean): { effect: WindowVerdict['effect']; texts: string[] } | null {
    const from = this.tail.length;
    const window = this.tail + this.held + (parts.length === 1 ? parts[0]! : parts.join(''));
    const verdict = this.inspect(window);
    if (verdict.effect === 'block') {
      this.blockReason = verdict.reason;
      return null;
    }
    this.note(verdict.effect);
    const cut = verdict.effect === 'redact' && open ? heldFrom(window, from, verdict) : window.length;
    const texts = splitMasked(window, from, cut, parts, this.held.length, verdict.effect === 'redact' ? verdict : null);
    this.held = window.slice(cut);
    this.accept(texts.length === 1 ? texts[0]! : texts.join(''));
    return { effect: verdict.effect, texts };
  }

  private accept(out: string): void {
    this.accepted.push(out);
    const next = this.tail + out;
    this.tail = next.length > this.lookback ? next.slice(next.length - this.lookback) : next;
  }

  /** The whole text so far: accepted, then held back. */
  text(): string {
    return this.accepted.join('') + this.held;
  }

  private note(effect: WindowVerdict['effect']): void {
    const rank = { allow: 0, warn: 1, redact: 2, block: 3 } as const;
    if (rank[effect] > rank[this.worst]) this.worst = effect;
  }
}

/**
 * Where the text to hold back starts: at the first masked finding that reaches the window's end or
 * is followed only by a few word characters (OPEN_AFTER), and at any masked finding that overlaps
 * what is held, so none is cut in two; never before
 * `from` (what was sent is sent); the window's end when nothing is open or more than MAX_HELD
 * characters would be held.
 */
function heldFrom(window: string, from: number, verdict: WindowVerdict): number {
  const classes = verdict.redactedClasses ? new Set(verdict.redactedClasses) : null;
  const masked = verdict.findings.filter((f) => !classes || classes.has(f.dataClass));
  let cut = window.length;
  for (const f of masked) if (f.start < cut && (f.end >= window.length || (window.length - f.end <= OPEN_AFTER && OPEN_TAIL.test(window.slice(f.end))))) cut = f.start;
  if (cut === window.length) return cut;
  for (let moved = true; moved; ) {
    moved = false;
    for (const f of masked)
      if (f.start < cut && f.end > cut) {
        cut = f.start;
        moved = true;
      }
  }
  cut = Math.max(cut, from);
  return window.length - cut > MAX_HELD ? window.length : cut;
}

/** The new piece (window[from..]) with the part of each masked finding that falls in it replaced. */
/** What a masked value of a class becomes in an answer ([PERSONAL_DATA_REDACTED]). */
export const maskLabel = (dataClass: string): string => `[${dataClass.toUpperCase()}_REDACTED]`;

export function maskPiece(window: string, from: number, verdict: WindowVerdict): string {
  return splitMasked(window, from, window.length, [window.slice(from)], 0, verdict)[0]!;
}

/**
 * window[from, cut) cut at the pieces' bounds (the `held` characters before them go with the first),
 * with the masked findings of `verdict` (none when null) replaced: a finding's label in the piece
 * where its part after `from` starts, nothing of it in the pieces it runs on into. Overlapping
 * findings make one label.
 */
function splitMasked(window: string, from: number, cut: number, parts: readonly string[], held: number, verdict: WindowVerdict | null): string[] {
  const spans: { start: number; end: number; label: string }[] = [];
  if (verdict) {
    const classes = verdict.redactedClasses ? new Set(verdict.redactedClasses) : null;
    const found = verdict.findings
      .filter((f) => (!classes || classes.has(f.dataClass)) && f.end > from && f.start < cut)
      .map((f) => ({ start: Math.max(f.start, from), end: Math.min(f.end, cut), label: maskLabel(f.dataClass) }))
      .sort((a, b) => a.start - b.start);
    for (const f of found) {
      const last = spans[spans.length - 1];
      if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
      else spans.push(f);
    }
  }
  const out: string[] = [];
  let pos = from;
  let bound = from + held;
  let k = 0;
  for (const part of parts) {
    bound += part.length;
    const hi = Math.min(bound, cut);
    let text = '';
    while (pos < hi) {
      const span = spans[k];
      if (!span || span.start >= hi) {
        text += window.slice(pos, hi);
        pos = hi;
        break;
      }
      text += window.slice(pos, span.start) + span.label;
      pos = span.end;
      k++;
    }
    out.push(text);
  }
  return out;
}
