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

  constructor(
    private readonly inspect: InspectWindow,
    private readonly lookback = DEFAULT_LOOKBACK,
  ) {}

  push(piece: string): PieceResult {
    if (!piece) return { text: '', blocked: false, effect: 'allow' };
    return this.decide(this.tail + this.held + piece, true);
  }

  /** The text held back, decided as it is (the field ended: nothing more can complete it). */
  flush(): PieceResult {
    if (!this.held) return { text: '', blocked: false, effect: 'allow' };
    return this.decide(this.tail + this.held, false);
  }

  /** Whether text is held back (see flush). */
  get holding(): boolean {
    return this.held.length > 0;
  }

  /** Inspects the window and accepts its new part (from the tail's end), less what `open` holds back. */
  private decide(window: string, open: boolean): PieceResult {
    const from = this.tail.length;
    const verdict = this.inspect(window);
    this.note(verdict.effect);
    if (verdict.effect === 'block') return { text: '', blocked: true, reason: verdict.reason, effect: 'block' };
    let cut = window.length;
    if (verdict.effect === 'redact' && open) cut = heldFrom(window, from, verdict);
    this.held = window.slice(cut);
    let out: string;
    if (verdict.effect !== 'redact') out = window.slice(from, cut);
    else if (cut === window.length) out = maskPiece(window, from, verdict);
    else out = maskPiece(window.slice(0, cut), from, { ...verdict, findings: verdict.findings.filter((f) => f.end <= cut) });
    this.accept(out);
    return { text: out, blocked: false, effect: verdict.effect };
  }

  private accept(out: string): void {
    this.accepted.push(out);
    const next = this.tail + out;
    this.tail = next.length > this.lookback ? next.slice(next.length - this.lookback) : next;
  }

  /**
   * The verdict on what the window would be with `text` appended (the tail plus the text), without
   * accepting anything: the gateway inspects all the pieces of one read of the upstream at once,
   * then `pass`es them when that verdict neither blocks nor masks.
   */
  preview(text: string): WindowVerdict {
    return this.inspect(this.tail + this.held + text);
  }

  /** Accepts a piece already inspected (see preview) as it is, with what was held before it. */
  pass(piece: string, effect: WindowVerdict['effect'] = 'allow'): PieceResult {
    if (!piece) return { text: '', blocked: false, effect: 'allow' };
    this.note(effect);
    const out = this.held + piece;
    this.held = '';
    this.accept(out);
    return { text: out, blocked: false, effect };
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
export function maskPiece(window: string, from: number, verdict: WindowVerdict): string {
  const classes = verdict.redactedClasses ? new Set(verdict.redactedClasses) : null;
  const spans = verdict.findings
    .filter((f) => (!classes || classes.has(f.dataClass)) && f.end > from)
    .map((f) => ({ start: Math.max(f.start, from), end: f.end, label: `[${f.dataClass.toUpperCase()}_REDACTED]` }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let pos = from;
  for (const s of spans) {
    if (s.start < pos) {
      pos = Math.max(pos, s.end);
      continue;
    }
    out += window.slice(pos, s.start) + s.label;
    pos = s.end;
  }
  return out + window.slice(pos);
}
