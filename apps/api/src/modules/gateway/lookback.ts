/**
 * The look-back window of a streamed answer: each new piece is inspected together with the end of
 * what came before it, so a value split across two pieces is found when the piece that completes it
 * arrives, before that piece is sent on. Pure: the inspection is a function given to it.
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

export class LookbackScanner {
  private tail = '';
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
    const window = this.tail + piece;
    const verdict = this.inspect(window);
    this.note(verdict.effect);
    if (verdict.effect === 'block') return { text: '', blocked: true, reason: verdict.reason, effect: 'block' };
    let out = piece;
    if (verdict.effect === 'redact') out = maskPiece(window, this.tail.length, verdict);
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
    return this.inspect(this.tail + text);
  }

  /** Accepts a piece already inspected (see preview) as it is. */
  pass(piece: string, effect: WindowVerdict['effect'] = 'allow'): PieceResult {
    if (!piece) return { text: '', blocked: false, effect: 'allow' };
    this.note(effect);
    this.accept(piece);
    return { text: piece, blocked: false, effect };
  }

  /** The whole text accepted so far. */
  text(): string {
    return this.accepted.join('');
  }

  private note(effect: WindowVerdict['effect']): void {
    const rank = { allow: 0, warn: 1, redact: 2, block: 3 } as const;
    if (rank[effect] > rank[this.worst]) this.worst = effect;
  }
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
