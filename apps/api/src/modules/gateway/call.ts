import type { DecisionRequestInput } from '@airlock/contracts';
import type { ApiClientAuth } from '../auth/auth-context';
import type { PreparedChecks } from '../decisions/decision.service';
import type { GatewayEndpoint, TextRef, Usage } from './dialects';
import { maskPiece, type WindowVerdict } from './lookback';
import type { ResolvedUpstream } from './upstreams.service';
import type { PlaceholderVault } from './vault';

/** Between the texts of one request when they are decided together (placeholders stay unique across them). */
export const SEPARATOR = '\n\n';

/** One gateway call, from the request to its record. */
export interface CallState {
  endpoint: GatewayEndpoint;
  client: ApiClientAuth;
  upstream: ResolvedUpstream;
  base: Omit<DecisionRequestInput, 'action' | 'content'>;
  requestId: string;
  ip: string;
  vault: PlaceholderVault;
  started: number;
  /** Milliseconds the gateway itself spent (decisions, rewriting), for the added-latency figure. */
  own: number;
  redacted: boolean;
  /** Tokens as the upstream reported them so far; null until it does. */
  usage: Usage | null;
  /** The look-back checks of a streamed answer (see GatewayService.windowCheck); null until prepared. */
  checks: PreparedChecks | null;
  /** Writes the call's decision (its prompt) to the log, once; see logCall. */
  logPrompt: ((tokens: Usage | null) => void) | null;
  /** The call's outcome was recorded (see record): nothing more goes to the log or the rollups. */
  ended: boolean;
}

/** What a call ended with, for its record and the traffic counts. */
export interface CallOutcome {
  blocked?: boolean;
  upstreamError?: boolean;
  streamed?: boolean;
}

/**
 * The decision request of one side of a call. Fields are assigned rather than added with
 * `...(text ? { content } : {})`: V8 copies a conditional spread through a slow generic path.
 */
export function requestOf(base: CallState['base'], action: 'prompt' | 'response', text: string): DecisionRequestInput {
  const input: DecisionRequestInput = { action, destination: base.destination };
  if (base.context) input.context = base.context;
  if (base.subject) input.subject = base.subject;
  if (text) input.content = { text };
  return input;
}

/** Masks the findings of the redacting rules in texts decided together (joined with SEPARATOR). */
export function maskTexts(texts: TextRef[], verdict: WindowVerdict): void {
  let offset = 0;
  for (const t of texts) {
    const text = t.get();
    const end = offset + text.length;
    const local = verdict.findings.filter((f) => f.start < end && f.end > offset).map((f) => ({ ...f, start: Math.max(f.start - offset, 0), end: Math.min(f.end - offset, text.length) }));
    if (local.length) t.set(maskPiece(text, 0, { ...verdict, findings: local }));
    offset = end + SEPARATOR.length;
  }
}
