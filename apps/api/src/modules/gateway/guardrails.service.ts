import { Injectable } from '@nestjs/common';
import { type DecisionRequestInput, type DecisionResponse, type GuardOutput, type GuardRequest, type LitellmGuardrailOutput, type LitellmGuardrailRequest, slug } from '@airlock/contracts';
import { redact } from '@airlock/detectors';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import type { ApiClientAuth } from '../auth/auth-context';
import { DecisionService } from '../decisions/decision.service';
import { jsonForInspection } from './dialects';
import { maskLabel } from './lookback';

const SEPARATOR = '\n\n';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a guardrail call's texts go: a catalog provider slug, from the body or X-Airlock-Provider. */
function providerOf(candidates: unknown[]): string {
  for (const c of candidates) if (typeof c === 'string' && slug.safeParse(c).success) return c;
  throw AppError.validation([{ path: 'provider', message: 'name the AI provider (a catalog slug such as openai) the texts go to' }], 'Which provider the texts go to is unknown');
}

/**
 * Lakera's detector types name personal identifiers `pii/<kind>` (pii/email, pii/iban_code...), and
 * gateways that use Lakera mask the spans of `pii/*` findings; Airlock's classes that hold such
 * identifiers answer under that prefix, the others as `<class>/<detector>`.
 */
const PII_CLASSES = new Set(['personal_data', 'government_id', 'financial']);
function lakeraDetectorType(dataClass: string, detector: string): string {
  return PII_CLASSES.has(dataClass) ? `pii/${detector}` : `${dataClass}/${detector}`;
}

/** The index of the span (of `spans`) that holds position `pos`, by bisection: a 1 MiB text can have thousands of findings. */
function spanAt(where: readonly { start: number; end: number }[], pos: number): number {
  let lo = 0;
  let hi = where.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (where[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function spans(texts: string[]): { start: number; end: number }[] {
  let offset = 0;
  return texts.map((t) => {
    const s = { start: offset, end: offset + t.length };
    offset = s.end + SEPARATOR.length;
    return s;
  });
}

/**
 * Airlock as a guardrail for gateways that already exist: LiteLLM's Generic Guardrail API and a
 * Lakera Guard v2 shaped `/v1/guard`. The texts of a call are decided together (as a `prompt`, or a
 * `response` for LiteLLM's post-call hook) through the decision service, so they are logged like
 * every decision (metadata only).
 */
@Injectable()
export class GuardrailsService {
  constructor(private readonly decisions: DecisionService) {}

  /** A long text is inspected off the event loop (DecisionService.decideOneAsync). */
  private decide(client: ApiClientAuth, action: 'prompt' | 'response', provider: string, text: string, email: string | undefined, requestId: string, ip: string): DecisionResponse | Promise<DecisionResponse> {
    const subject = email && z.email().safeParse(email).success ? { subject: { email } } : {};
    const input: DecisionRequestInput = { action, destination: { provider }, context: { channel: 'api', accountType: 'api' }, ...subject, ...(text ? { content: { text } } : {}) };
    // the texts are masked here, from the findings: no redacted text is built
    return this.decisions.decideOneAsync(client, input, requestId, ip, { redactedText: false });
  }

  /**
   * LiteLLM: BLOCKED with the reason, GUARDRAIL_INTERVENED with the texts masked (and the tool calls,
   * when a value to mask was in their arguments), or NONE. The tool calls' arguments (and a custom
   * tool call's input) are decided with the texts: a secret in them blocks like one in a message.
   */
  async litellm(client: ApiClientAuth, body: LitellmGuardrailRequest, headerProvider: string | undefined, requestId: string, ip: string): Promise<LitellmGuardrailOutput> {
    const params = body.additional_provider_specific_params ?? {};
    const provider = providerOf([params.provider, headerProvider]);
    const email = body.request_data?.user_api_key_user_email;
    const texts = body.texts;
    // a function call's arguments (JSON text), a custom tool call's freeform input
    const toolCalls = (body.tool_calls ?? []).map((tc) => (isObj(tc) && isObj(tc.function) ? { ...tc, function: { ...tc.function } } : isObj(tc) && isObj(tc.custom) ? { ...tc, custom: { ...tc.custom } } : tc));
    const args: { holder: Record<string, unknown>; field: string; text: string; json: boolean }[] = [];
    for (const tc of toolCalls) {
      if (!isObj(tc)) continue;
      if (isObj(tc.function) && typeof tc.function.arguments === 'string' && tc.function.arguments) args.push({ holder: tc.function, field: 'arguments', text: tc.function.arguments, json: true });
      else if (isObj(tc.custom) && typeof tc.custom.input === 'string' && tc.custom.input) args.push({ holder: tc.custom, field: 'input', text: tc.custom.input, json: false });
    }
    const all = [...texts, ...args.map((a) => a.text)];
    // the arguments are JSON text: decided through their escapes, at the same offsets (masks apply to them as they are)
    const joined = args.length ? [...texts, ...args.map((a) => (a.json ? jsonForInspection(a.text) : a.text))].join(SEPARATOR) : all.join(SEPARATOR);
    const action = body.input_type === 'response' ? 'response' : 'prompt';
    const d = await this.decide(client, action, provider, joined, typeof email === 'string' ? email : undefined, requestId, ip);
    if (d.effect === 'block') {
      return { action: 'BLOCKED' as const, blocked_reason: `Airlock (decision ${d.decisionId}): ${d.reasons.filter((r) => r.effect === 'block').map((r) => r.message).join(' ')}` };
    }
    if (d.effect === 'redact') {
      const classes = new Set(d.redactedClasses ?? []);
      const masked = d.findings.filter((f) => classes.has(f.dataClass));
      const { placeholders } = redact(joined, masked);
      const out = spans(all).map(({ start, end }, i) => {
        const text = all[i]!;
        let s = '';
        let pos = 0;
        for (const p of placeholders) {
          if (p.end <= start || p.start >= end) continue;
          const a = Math.max(p.start - start, 0);
          if (a >= pos) s += text.slice(pos, a) + p.placeholder;
          pos = Math.max(pos, Math.min(p.end - start, text.length));
        }
        return s + text.slice(pos);
      });
      let toolsChanged = false;
      args.forEach((a, i) => {
        const next = out[texts.length + i]!;
        if (next !== a.text) {
          a.holder[a.field] = next;
          toolsChanged = true;
        }
      });
      return { action: 'GUARDRAIL_INTERVENED' as const, texts: out.slice(0, texts.length), ...(toolsChanged ? { tool_calls: toolCalls } : {}) };
    }
    return { action: 'NONE' as const };
  }

  /** Lakera Guard v2 shaped: flagged (block or redact), with the findings per message when asked. */
  async guard(client: ApiClientAuth, body: GuardRequest, headerProvider: string | undefined, requestId: string, ip: string): Promise<GuardOutput> {
    const provider = providerOf([body.metadata?.provider, headerProvider]);
    const texts = body.messages.map((m) => m.content);
    const joined = texts.join(SEPARATOR);
    const user = body.metadata?.user_id;
    const d = await this.decide(client, 'prompt', provider, joined, typeof user === 'string' ? user : undefined, requestId, ip);
    const flagged = d.effect === 'block' || d.effect === 'redact';
    const where = spans(texts);
    const messageOf = (pos: number) => spanAt(where, pos);
    const out: GuardOutput = { flagged, metadata: { request_uuid: d.decisionId } };
    if (body.payload) {
      out.payload = d.findings.map((f) => {
        const m = messageOf(f.start);
        const s = where[m]!;
        // the value as masked: a finding covers it whole
        return { start: f.start - s.start, end: Math.min(f.end, s.end) - s.start, text: maskLabel(f.dataClass), detector_type: lakeraDetectorType(f.dataClass, f.detector), labels: [f.dataClass], message_id: m };
      });
    }
    if (body.breakdown) {
      const byClass = new Map<string, number>();
      for (const f of d.findings) if (!byClass.has(f.dataClass)) byClass.set(f.dataClass, messageOf(f.start));
      out.breakdown = [
        ...d.reasons.filter((r) => r.ruleId !== 'no-matching-rule').map((r) => ({ project_id: body.project_id ?? 'airlock', policy_id: `airlock-v${d.policyVersion}`, detector_id: r.ruleId, detector_type: `airlock/${r.effect}`, detected: r.effect === 'block' || r.effect === 'redact', message_id: 0 })),
        ...[...byClass].map(([cls, m]) => ({ project_id: body.project_id ?? 'airlock', policy_id: `airlock-v${d.policyVersion}`, detector_id: cls, detector_type: `data_class/${cls}`, detected: true, message_id: m })),
      ];
    }
    if (body.dev_info) out.dev_info = { effect: d.effect, reasons: d.reasons.map((r) => ({ ruleId: r.ruleId, effect: r.effect, message: r.message })) };
    return out;
  }
}
