import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DecisionRequestInput, type DecisionResponse, slug } from '@airlock/contracts';
import type { LocalDecision } from '@airlock/decision-core';
import { redact } from '@airlock/detectors';
import { z } from 'zod';
import { toErrorResponse } from '../../common/error-response';
import type { ApiClientAuth } from '../auth/auth-context';
import { type DeferredDecision, DecisionService, type OffLoopOptions, type PreparedChecks } from '../decisions/decision.service';
import { OFF_LOOP_TEXT_CHARS } from '../decisions/text-inspection.pool';
import {
  ENDPOINT_DIALECT,
  ERROR_KIND_BY_STATUS,
  type ErrorKind,
  endedFields,
  errorBody,
  fieldEvent,
  type GatewayEndpoint,
  requestTexts,
  responseTexts,
  streamErrorEvent,
  streamTexts,
  type TextRef,
  type Usage,
  usageOf,
} from './dialects';
import { GatewayTrafficService } from './gateway-traffic.service';
import { LookbackScanner, maskPiece, type WindowVerdict } from './lookback';
import { formatSse, type SseEvent, SseParser } from './sse';
import { callUpstream, readBody } from './upstream-client';
import { GatewayUpstreamsService, type ResolvedUpstream } from './upstreams.service';
import { PlaceholderVault, type StreamRestorer } from './vault';

/** Between the texts of one request when they are decided together (placeholders stay unique across them). */
const SEPARATOR = '\n\n';
/** Largest non-streamed upstream answer the gateway reads. */
const MAX_UPSTREAM_BODY = 32 * 1024 * 1024;
const UPSTREAM_PATHS: Record<GatewayEndpoint, string> = {
  chat: '/chat/completions',
  responses: '/responses',
  embeddings: '/embeddings',
  messages: '/v1/messages',
};
/** Upstream answer headers passed on to the caller (request ids, rate limits, retry advice). */
const PASSED_HEADERS = /^(retry-after|retry-after-ms|x-request-id|request-id|openai-processing-ms|openai-version|x-ratelimit-.*|anthropic-ratelimit-.*)$/i;
/** Caller headers passed on to the upstream (API versions and betas). */
const FORWARDED_HEADERS = ['anthropic-version', 'anthropic-beta', 'openai-beta', 'idempotency-key'];
const HELD_MARKER = '@@airlock-held-text@@';

// eslint-disable-next-line no-control-regex -- refuses control characters in a header value
const subjectHeader = z.union([z.email().max(320), z.string().trim().min(1).max(256).regex(/^[^\u0000-\u001f\u007f]*$/)]);

/** A field's pieces of one upstream read, decided together: their texts to send, in order. */
interface Taken {
  effect: WindowVerdict['effect'];
  texts: string[];
}

/** A gateway failure answered in the API's own error format. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly kind: ErrorKind,
    message: string,
    readonly code: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface CallState {
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
  /** Writes the call's decision (its prompt) to the log, once; see logCall. */
  logPrompt: ((tokens: Usage | null) => void) | null;
  /** The call's outcome was recorded (see record): nothing more goes to the log or the rollups. */
  ended: boolean;
}

/**
 * The decision request of one side of a call. Fields are assigned rather than added with
 * `...(text ? { content } : {})`: V8 copies a conditional spread through a slow generic path.
 */
function requestOf(base: CallState['base'], action: 'prompt' | 'response', text: string): DecisionRequestInput {
  // Assigned, not spread: a spread copies through V8's slow generic path (1% of a gateway call's CPU).
  const input: DecisionRequestInput = { action, destination: base.destination };
  if (base.context) input.context = base.context;
  if (base.subject) input.subject = base.subject;
  if (text) input.content = { text };
  return input;
}

/**
 * The AI gateway's request path: decide every text of the request as a `prompt` to the upstream's
 * provider, block or forward (placeholders in place of redacted values, the values kept in a
 * per-request vault), then inspect the answer (each streamed piece with a look-back window) as a
 * `response`, and restore the placeholders for the caller. Text is never stored or logged: the
 * decision log gets metadata and a keyed hash, the rollups counts.
 */
@Injectable()
export class GatewayService {
  constructor(
    private readonly decisions: DecisionService,
    private readonly upstreams: GatewayUpstreamsService,
    private readonly traffic: GatewayTrafficService,
  ) {}

  async handle(endpoint: GatewayEndpoint, client: ApiClientAuth, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const started = performance.now();
    const dialect = ENDPOINT_DIALECT[endpoint];
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GatewayError(400, 'invalid_request', 'The body must be a JSON object', 'invalid_body');
    const json = body as Record<string, unknown>;
    const upstreamName = headerOf(request, 'x-airlock-upstream');
    const upstream = await this.upstreams.pick(client.organizationId, dialect, upstreamName);
    if (!upstream)
      throw new GatewayError(404, 'not_found', upstreamName ? `No enabled ${dialect} upstream named "${upstreamName}" in this organization` : `No enabled ${dialect} upstream is configured for this organization (Gateway > Upstreams in the console)`, 'no_upstream');
    const state: CallState = {
      endpoint,
      client,
      upstream,
      // The gateway calls the provider's API with the organization's key: an API account, always.
      base: { destination: { provider: upstream.providerSlug }, context: { channel: 'api', accountType: 'api' }, ...subjectOf(request) },
      requestId: request.id,
      ip: request.ip,
      vault: new PlaceholderVault(),
      started,
      own: 0,
      redacted: false,
      usage: null,
      logPrompt: null,
      ended: false,
    };
    try {
      await this.forward(state, json, request, reply);
    } finally {
      // Every way out of a call logs its decision: one that ended without a record (the caller went
      // away mid-answer, an unreadable answer) without tokens, since its count is not the call's.
      if (!state.ended) {
        state.ended = true;
        this.logCall(state, null);
      }
    }
  }

  private async forward(state: CallState, json: Record<string, unknown>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { endpoint, upstream, started } = state;

    // The caller went away: so does the upstream request (or it is not made: a long prompt is
    // inspected off the event loop, and the caller may leave meanwhile).
    let call: ReturnType<typeof callUpstream> | null = null;
    let gone = false;
    const onClose = () => {
      if (reply.raw.writableFinished) return;
      gone = true;
      call?.abort();
    };
    reply.raw.once('close', onClose);

    // Before: every text of the request, decided together as one prompt.
    const texts = requestTexts(endpoint, json);
    const joined = texts.map((t) => t.get()).join(SEPARATOR);
    const decision = await this.decidePrompt(state, joined);
    if (gone) return;
    if (decision.effect === 'block') {
      this.record(state, { blocked: true });
      throw new GatewayError(403, 'permission', blockMessage(decision, 'request'), 'airlock_policy_block');
    }
    if (decision.effect === 'redact') this.redactRequest(state, texts, joined, decision);

    const stream = json.stream === true;
    const payload = JSON.stringify(json);
    state.own += performance.now() - started;
    const upstreamCall = callUpstream(upstream, UPSTREAM_PATHS[endpoint], this.upstreamHeaders(request, upstream, stream), payload);
    call = upstreamCall;
    let res: IncomingMessage;
    const timeout = setTimeout(() => upstreamCall.abort(), upstream.timeoutMs);
    try {
      res = await upstreamCall.response;
    } catch (err) {
      clearTimeout(timeout);
      this.record(state, { upstreamError: true });
      if (reply.raw.destroyed) return;
      const timedOut = performance.now() - started >= upstream.timeoutMs - 5;
      if (timedOut) throw new GatewayError(504, 'timeout', `The upstream ${upstream.name} did not answer within ${upstream.timeoutMs / 1000} s`, 'upstream_timeout');
      throw new GatewayError(502, 'upstream', `The upstream ${upstream.name} could not be reached (${(err as Error).message})`, 'upstream_unreachable');
    }
    clearTimeout(timeout);
    const status = res.statusCode ?? 502;
    const passed = passedHeaders(res);
    const type = String(res.headers['content-type'] ?? '');
    if (status >= 400) {
      // Upstream errors go to the caller as they are: status, body, retry advice.
      const raw = await readBody(res, MAX_UPSTREAM_BODY).catch(() => Buffer.from(''));
      this.record(state, { upstreamError: true });
      void reply.code(status).headers({ ...passed, 'content-type': type || 'application/json' }).send(raw);
      return;
    }
    if (type.startsWith('text/event-stream')) {
      await this.relayStream(state, res, reply, status, passed);
      return;
    }
    const raw = await readBody(res, MAX_UPSTREAM_BODY);
    const t0 = performance.now();
    let answer: Record<string, unknown>;
    try {
      answer = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      this.record(state, { upstreamError: true });
      throw new GatewayError(502, 'upstream', `The upstream ${upstream.name} answered with a body that is not JSON`, 'upstream_bad_body');
    }
    state.usage = usageOf(endpoint, answer);
    // After: the answer's texts, decided together as one response.
    const out = responseTexts(endpoint, answer);
    // Its log entry is written with the call's record, after the answer went out.
    // The upstream has answered (and been paid): a long answer the inspection thread cannot take now
    // is decided on the event loop rather than failed.
    const answered = await this.decideLater(state, 'response', out.map((t) => t.get()).join(SEPARATOR), { inlineWhenBusy: true });
    const logAnswer = () => answered.log(null);
    const verdict = answered.response;
    if (verdict.effect === 'block') {
      this.record(state, { blocked: true }, logAnswer);
      throw new GatewayError(403, 'permission', blockMessage(verdict, 'answer'), 'airlock_policy_block_response');
    }
    let changed = verdict.effect === 'redact';
    if (changed) maskTexts(out, verdict);
    if (state.vault.size)
      for (const t of out) {
        const before = t.get();
        const after = state.vault.restore(before);
        if (after !== before) {
          t.set(after);
          changed = true;
        }
      }
    state.own += performance.now() - t0;
    // Nothing masked or restored: the upstream's bytes as they came.
    void reply.code(status).headers({ ...passed, 'content-type': 'application/json' }).send(changed ? JSON.stringify(answer) : raw);
    this.record(state, {}, logAnswer);
  }

  private upstreamHeaders(request: FastifyRequest, upstream: ResolvedUpstream, stream: boolean): Record<string, string> {
    const h: Record<string, string> = { 'content-type': 'application/json', accept: stream ? 'text/event-stream' : 'application/json', 'user-agent': 'airlock-gateway' };
    for (const name of FORWARDED_HEADERS) {
      const v = headerOf(request, name);
      if (v !== undefined) h[name] = v;
    }
    if (upstream.api === 'anthropic') {
      h['x-api-key'] = upstream.apiKey;
      h['anthropic-version'] ??= '2023-06-01';
    } else h.authorization = `Bearer ${upstream.apiKey}`;
    return h;
  }

  /** The texts with the redacting rules' findings replaced by placeholders, the values kept in the vault. */
  private redactRequest(state: CallState, texts: TextRef[], joined: string, decision: DecisionResponse): void {
    const classes = new Set(decision.redactedClasses ?? []);
    const masked = decision.findings.filter((f) => classes.has(f.dataClass));
    const { placeholders } = redact(joined, masked);
    for (const p of placeholders) state.vault.set(p.placeholder, joined.slice(p.start, p.end));
    let offset = 0;
    let k = 0;
    for (const t of texts) {
      const text = t.get();
      const end = offset + text.length;
      let out = '';
      let pos = 0;
      while (k < placeholders.length && placeholders[k]!.start < end) {
        const p = placeholders[k]!;
        const s = Math.max(p.start - offset, 0);
        const e = Math.min(p.end - offset, text.length);
        if (s >= pos) out += text.slice(pos, s) + p.placeholder;
        pos = Math.max(pos, e);
        if (p.end > end) break; // spans into the next text: that part is masked there too
        k++;
      }
      t.set(out + text.slice(pos));
      offset = end + SEPARATOR.length;
    }
    state.redacted = true;
  }

  /**
   * The request's decision, whose log entry waits for the answer (the call's row carries the tokens
   * the upstream reports); logCall writes it.
   */
  private async decidePrompt(state: CallState, text: string): Promise<DecisionResponse> {
    const deferred = await this.decideLater(state, 'prompt', text);
    state.logPrompt = deferred.log;
    return deferred.response;
  }

  /**
   * A decision whose log entry is written when its `log` is called (DecisionService.decideDeferred);
   * a long text is inspected off the event loop (decideDeferredAsync), a short one at once.
   */
  private decideLater(state: CallState, action: 'prompt' | 'response', text: string, opts?: OffLoopOptions): DeferredDecision | Promise<DeferredDecision> {
    const input = requestOf(state.base, action, text);
    try {
      const deferred = this.decisions.decideDeferredAsync(state.client, input, state.requestId, state.ip, opts);
      return deferred instanceof Promise ? deferred.catch(rethrowForGateway) : deferred;
    } catch (err) {
      return rethrowForGateway(err);
    }
  }

  /** The call's decision to the log (the first call wins; later ones do nothing). */
  private logCall(state: CallState, tokens: Usage | null): void {
    const log = state.logPrompt;
    if (!log) return;
    state.logPrompt = null;
    log(tokens);
  }

  private decide(state: CallState, action: 'prompt' | 'response', text: string, log: boolean): DecisionResponse {
    const input = requestOf(state.base, action, text);
    try {
      return this.decisions.decideOne(state.client, input, state.requestId, state.ip, { log });
    } catch (err) {
      return rethrowForGateway(err);
    }
  }

  /**
   * A streamed answer stopped by a block: its decision to the log, the call recorded, and the error
   * event that ends the stream. The caller is told the logged decision's id, unless `text` is long
   * enough to be inspected off the event loop: then it is logged when that is done and the look-back
   * window's reason is told.
   */
  private blockStream(state: CallState, text: string, windowReason: string | undefined): string {
    let message = windowReason ?? 'Airlock blocked this answer';
    if (text.length < OFF_LOOP_TEXT_CHARS) {
      const logged = this.decide(state, 'response', text, true);
      if (logged.effect === 'block') message = blockMessage(logged, 'answer');
    } else this.logAnswer(state, text);
    this.record(state, { blocked: true, streamed: true });
    return streamErrorEvent(state.endpoint, message, 'airlock_policy_block_response');
  }

  /**
   * A streamed answer's decision for the log alone (the caller has had its verdict from the
   * look-back checks): a long answer is inspected off the event loop and logged when that is done;
   * a failure then only costs the log entry, as the answer has gone out.
   */
  private logAnswer(state: CallState, text: string): void {
    try {
      const logged = this.decisions.decideOneAsync(state.client, requestOf(state.base, 'response', text), state.requestId, state.ip, { inlineWhenBusy: true });
      if (logged instanceof Promise) logged.catch(() => undefined);
    } catch {
      // the answer went out; only its log entry is lost (an unloaded policy, a text over the limit)
    }
  }

  /**
   * The check of a streamed answer's windows, prepared once per stream (policy, subject and zones
   * resolved once; no log entry per window). When no text can change a block or a redaction for a
   * `response` to this provider (no such rule can apply), every window gets the verdict without text
   * and the detectors do not run on the pieces at all.
   */
  private windowCheck(state: CallState): (text: string) => WindowVerdict {
    let checks: PreparedChecks;
    try {
      checks = this.decisions.prepare(state.client, { ...state.base, action: 'response' }, state.ip);
    } catch (err) {
      return rethrowForGateway(err);
    }
    const verdict = ({ decision, findings, redactedClasses }: LocalDecision): WindowVerdict => windowVerdictOf(decision.effect, decision.reasons, findings, redactedClasses);
    if (!checks.contentMatters) {
      const fixed = verdict(checks.baseline);
      return () => fixed;
    }
    return (text) => {
      try {
        return verdict(checks.check(text));
      } catch (err) {
        return rethrowForGateway(err);
      }
    };
  }

  /**
   * The verdict on a long whole text of a streamed answer (the Responses API repeats the answer in
   * its closing events), inspected off the event loop. No log entry: the answer's one decision is
   * logged when it ends (see relayStream). A thread that refuses the text (busy) has it decided on
   * the event loop: the upstream was paid for this answer.
   */
  private wholeVerdict(state: CallState, text: string): Promise<WindowVerdict> {
    try {
      const decided = this.decisions.decideOneAsync(state.client, requestOf(state.base, 'response', text), state.requestId, state.ip, { log: false, inlineWhenBusy: true });
      return Promise.resolve(decided).then((d) => windowVerdictOf(d.effect, d.reasons, d.findings, d.redactedClasses), rethrowForGateway);
    } catch (err) {
      return Promise.reject(err).catch(rethrowForGateway);
    }
  }

  /** Relays a server-sent event stream: each text piece inspected with look-back, then restored. */
  private relayStream(state: CallState, res: IncomingMessage, reply: FastifyReply, status: number, passed: Record<string, string>): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(status, { ...passed, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
    const parser = new SseParser();
    const scanners = new Map<string, LookbackScanner>();
    const restorers = new Map<string, StreamRestorer>();
    /** Per field still holding a partial placeholder: an event to carry the rest at the end. */
    const templates = new Map<string, string>();
    const endpoint = state.endpoint;
    let stopped = false;
    let idle: NodeJS.Timeout | null = null;
    const armIdle = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => {
        if (stopped) return;
        stopped = true;
        raw.write(streamErrorEvent(endpoint, `The upstream ${state.upstream.name} sent nothing for ${state.upstream.timeoutMs / 1000} s`, 'upstream_timeout'));
        res.destroy();
        raw.end();
      }, state.upstream.timeoutMs);
    };
    armIdle();

    /**
     * The held-back text of the fields `which` selects (all when omitted), as events of their own:
     * what the look-back scanner held (decided now as it is) and a partial placeholder. A block
     * found then stops the stream (`stopped`) with its error event.
     */
    const flushHeld = (which?: (key: string) => boolean): string => {
      let out = '';
      for (const [key, template] of templates) {
        if (which && !which(key)) continue;
        templates.delete(key);
        const scanner = scanners.get(key)!;
        const restorer = restorers.get(key)!;
        const last = scanner.flush();
        if (last.blocked) {
          stopped = true;
          return out + this.blockStream(state, scanner.text(), last.reason);
        }
        const rest = restorer.push(last.text) + restorer.flush();
        if (rest) out += template.replace(JSON.stringify(HELD_MARKER), () => JSON.stringify(rest));
      }
      return out;
    };

    /** The held text's events, then the event itself, unless what was held stopped the stream. */
    const afterHeld = (held: string, raw: string): string => (stopped ? held : held + raw);

    const check = this.windowCheck(state);
    let lastWhole: { text: string; verdict: WindowVerdict } | null = null;
    const scannerOf = (key: string): LookbackScanner => {
      let scanner = scanners.get(key);
      if (!scanner) scanners.set(key, (scanner = new LookbackScanner(check)));
      return scanner;
    };

    /** One event, its JSON parsed once and its text fields found (data null: passed on as it is). */
    interface Parsed {
      ev: SseEvent;
      data: Record<string, unknown> | null;
      deltas: TextRef[];
      wholes: TextRef[];
    }
    const NO_REFS: TextRef[] = [];
    const parse = (ev: SseEvent): Parsed => {
      if (ev.data === '[DONE]') return { ev, data: null, deltas: NO_REFS, wholes: NO_REFS };
      let data: unknown;
      try {
        data = JSON.parse(ev.data);
      } catch {
        return { ev, data: null, deltas: NO_REFS, wholes: NO_REFS };
      }
      if (typeof data !== 'object' || data === null) return { ev, data: null, deltas: NO_REFS, wholes: NO_REFS };
      const json = data as Record<string, unknown>;
      return { ev, data: json, ...streamTexts(endpoint, ev.event, json) };
    };

    /**
     * The pieces of one read of the upstream, decided together per field with one inspection of
     * their window (LookbackScanner.take): each piece's text to send, masked where the verdict
     * redacts. A field whose window would block is left out: its pieces are checked one by one, so
     * a block still stops before the piece that completes the value.
     */
    const decideRead = (batch: Parsed[]): Map<string, Taken> | null => {
      const pieces = new Map<string, string[]>();
      for (const p of batch)
        for (const ref of p.deltas) {
          const key = ref.key ?? '';
          const list = pieces.get(key);
          if (list) list.push(ref.get());
          else pieces.set(key, [ref.get()]);
        }
      let taken: Map<string, Taken> | null = null;
      for (const [key, list] of pieces) {
        if (list.length < 2) continue;
        const t = scannerOf(key).take(list);
        if (t) (taken ??= new Map()).set(key, t);
      }
      return taken;
    };

    const handleEvent = ({ ev, data, deltas, wholes }: Parsed, taken: Map<string, Taken> | null): string | null => {
      if (ev.data === '[DONE]') return afterHeld(flushHeld(), ev.raw);
      if (data === null) return ev.raw;
      const usage = usageOf(endpoint, data);
      if (usage) state.usage = state.usage ? { input: Math.max(state.usage.input, usage.input), output: Math.max(state.usage.output, usage.output) } : usage;
      const ended = templates.size || deltas.length ? endedFields(endpoint, ev.event, data) : null;
      const endsField = (key: string) => ended === 'all' || (ended !== null && ended(key));

      // The whole text first (the Responses API repeats it in its closing events: output_text.done,
      // content_part.done, output_item.done, completed; one check for the same text): a block stops
      // the stream before anything held goes out.
      let whole: { joined: string; verdict: WindowVerdict } | null = null;
      if (wholes.length) {
        const joined = wholes.map((w) => w.get()).join(SEPARATOR);
        const verdict = lastWhole?.text === joined ? lastWhole.verdict : check(joined);
        lastWhole = { text: joined, verdict };
        if (verdict.effect === 'block') {
          stopped = true;
          return this.blockStream(state, joined, verdict.reason);
        }
        whole = { joined, verdict };
      }

      // What is held for fields this event ends goes out before it, except for the fields of its own
      // pieces (released with them below); an event with whole texts releases every field it may end.
      let prefix = '';
      if (templates.size && (ended || wholes.length)) {
        const own = deltas.length ? new Set(deltas.map((d) => d.key ?? '')) : null;
        const ends = ended === null || ended === 'all' ? null : ended;
        prefix = flushHeld((key) => !own?.has(key) && (ends === null || ends(key)));
        if (stopped) return prefix;
      }
      if (!deltas.length && !whole) return prefix + ev.raw;

      let changed = false;
      for (const ref of deltas) {
        const key = ref.key ?? '';
        const scanner = scannerOf(key);
        const piece = ref.get();
        const read = taken?.get(key);
        const result = read ? { text: read.texts.shift()!, blocked: false, reason: undefined, effect: read.effect } : scanner.push(piece);
        if (result.blocked) {
          stopped = true;
          // The answer up to the piece that completed the value goes to the log.
          return prefix + this.blockStream(state, scanner.text() + piece, result.reason);
        }
        let restorer = restorers.get(key);
        if (!restorer) restorers.set(key, (restorer = state.vault.stream()));
        let text = result.text;
        // The field's last piece (the same event ends it): nothing more can complete what is held.
        const last = endsField(key);
        if (last && scanner.holding) {
          const rest = scanner.flush();
          if (rest.blocked) {
            stopped = true;
            return prefix + this.blockStream(state, scanner.text(), rest.reason);
          }
          text += rest.text;
        }
        let restored = restorer.push(text);
        if (last) {
          restored += restorer.flush();
          templates.delete(key);
        }
        if (restored !== piece) {
          ref.set(restored);
          changed = true;
        }
        if ((restorer.holding || scanner.holding) && !templates.has(key)) {
          // An event of this field alone, to carry what is held when the field ends.
          templates.set(key, formatSse(JSON.stringify(fieldEvent(endpoint, data, key, HELD_MARKER)), ev.event));
        }
      }
      if (whole) {
        if (whole.verdict.effect === 'redact') maskTexts(wholes, whole.verdict);
        for (const w of wholes) {
          const before = w.get();
          const after = state.vault.restore(before);
          if (after !== before) w.set(after);
        }
        changed = true;
      }
      return prefix + (changed ? formatSse(JSON.stringify(data), ev.event) : ev.raw);
    };

    /** The joined whole texts of an event when they are long and not decided yet (see wholeOffLoop), else null. */
    const longWhole = ({ wholes }: Parsed): string | null => {
      if (!wholes.length) return null;
      const joined = wholes.map((w) => w.get()).join(SEPARATOR);
      return joined.length >= OFF_LOOP_TEXT_CHARS && lastWhole?.text !== joined ? joined : null;
    };

    return new Promise<void>((resolve) => {
      const finish = () => {
        if (idle) clearTimeout(idle);
        resolve();
      };
      const stop = () => {
        res.destroy();
        raw.end();
        finish();
      };
      const fail = (err: unknown): string => {
        stopped = true;
        return streamErrorEvent(endpoint, `The upstream stream could not be read: ${(err as Error).message}`, 'upstream_bad_stream');
      };
      /**
       * The bytes of one read of the upstream arrive as several 'data' events (one per chunk of its
       * chunked encoding, i.e. usually one per SSE event): they are gathered and handled together at
       * the end of the tick, so the events of one read are inspected as one window (see decideRead) and
       * written to the caller at once, without delaying any of them.
       */
      let pending: Buffer[] = [];
      let scheduled = false;
      /**
       * Events read and not handled yet, in order, each with its read's approvals. They wait only
       * while a long whole text (the Responses API's closing events) is inspected off the event
       * loop (`waiting`; the upstream is paused meanwhile).
       */
      const queue: { p: Parsed; taken: Map<string, Taken> | null }[] = [];
      let waiting = false;
      let upstreamEnded = false;
      let parserEnded = false;
      const drain = (): string => {
        scheduled = false;
        if (stopped) return '';
        const t0 = performance.now();
        let out = '';
        try {
          if (pending.length) {
            const chunks = pending;
            pending = [];
            const batch: Parsed[] = [];
            for (const chunk of chunks) for (const ev of parser.push(chunk)) batch.push(parse(ev));
            // A read is decided together after the text already handled: not while events wait.
            const taken = batch.length > 1 && !queue.length ? decideRead(batch) : null;
            for (const p of batch) queue.push({ p, taken });
          }
          if (upstreamEnded && !parserEnded) {
            parserEnded = true;
            for (const ev of parser.end()) queue.push({ p: parse(ev), taken: null });
          }
          while (queue.length && !waiting && !stopped) {
            const { p, taken } = queue[0]!;
            const long = longWhole(p);
            if (long !== null) {
              wholeOffLoop(long);
              break;
            }
            queue.shift();
            const text = handleEvent(p, taken);
            if (text) out += text;
          }
        } catch (err) {
          out += fail(err);
        }
        state.own += performance.now() - t0;
        return out;
      };
      const drainAndWrite = () => {
        const out = drain();
        if (out) raw.write(out);
        if (stopped) stop();
      };
      /** The verdict on a long whole text, from the inspection thread; the queue goes on with it. */
      const wholeOffLoop = (text: string) => {
        waiting = true;
        res.pause();
        // The upstream is paused, not silent: its idle timer waits too (re-armed when it resumes).
        if (idle) clearTimeout(idle);
        idle = null;
        const t0 = performance.now();
        this.wholeVerdict(state, text).then(
          (verdict) => {
            waiting = false;
            state.own += performance.now() - t0;
            lastWhole = { text, verdict };
            if (stopped || raw.destroyed) return;
            if (upstreamEnded) return complete();
            armIdle();
            res.resume();
            drainAndWrite();
          },
          (err: unknown) => {
            waiting = false;
            if (stopped || raw.destroyed) return;
            raw.write(fail(err));
            stop();
          },
        )
          // what went wrong in the continuation ends this stream, never the process
          .catch((err: unknown) => {
            if (!raw.destroyed && !raw.writableEnded) raw.write(fail(err));
            stop();
          });
      };
      /** The upstream's answer ended: the last events, what is held, the record, the end of the answer. */
      const complete = () => {
        let out = drain();
        if (waiting) {
          // a long whole text among the last events: completed when its verdict is in
          if (out) raw.write(out);
          return;
        }
        if (!stopped) {
          try {
            out += flushHeld();
          } catch (err) {
            // deciding what was held failed (the policy went away meanwhile): the stream ends with the error
            out += fail(err);
          }
        } else if (!res.destroyed) res.destroy();
        if (!stopped) {
          // The whole answer's decision, for the log, before the last write (after it, deferred like
          // the other records, measured no cheaper in bench/gateway.mjs, and dearer in some runs).
          const whole = [...scanners.values()].map((s) => s.text()).join(SEPARATOR);
          this.record(state, { streamed: true }, whole ? () => this.logAnswer(state, whole) : undefined, true);
        }
        // The last events and the end of the chunked answer in one write.
        if (out) raw.end(out);
        else raw.end();
        finish();
      };
      res.on('data', (chunk: Buffer) => {
        if (stopped) return;
        pending.push(chunk);
        if (!scheduled) {
          scheduled = true;
          armIdle();
          process.nextTick(drainAndWrite);
        }
      });
      res.on('end', () => {
        upstreamEnded = true;
        if (!waiting) complete();
      });
      res.on('error', () => {
        if (!stopped) this.record(state, { upstreamError: true, streamed: true });
        stopped = true;
        if (!raw.destroyed) raw.end();
        finish();
      });
      raw.once('close', () => {
        if (!res.complete) res.destroy();
        finish();
      });
    });
  }

  /**
   * The call's outcome (once): its decision to the log with the tokens reported so far, its counts to
   * the rollups, and `first` (a decision made for the log only). Unless `now`, off the response
   * path: the work runs after the answer's bytes went out (the socket's writes are flushed on the
   * next tick, before setImmediate), so the caller does not wait for the log's encoding or the counting.
   */
  private record(state: CallState, what: { blocked?: boolean; upstreamError?: boolean; streamed?: boolean }, first?: () => void, now = false): void {
    if (state.ended) return;
    state.ended = true;
    const usage = state.usage;
    const run = () => {
      try {
        first?.();
      } catch {
        // (the organization's policy went away meanwhile: the call is still logged and counted)
      }
      this.logCall(state, usage);
      this.count(state, usage, what);
    };
    if (now) run();
    else setImmediate(run);
  }

  private count(state: CallState, usage: Usage | null, what: { blocked?: boolean; upstreamError?: boolean; streamed?: boolean }): void {
    this.traffic.record({
      organizationId: state.client.organizationId,
      providerSlug: state.upstream.providerSlug,
      apiClientId: state.client.clientId,
      endpoint: state.endpoint,
      blocked: what.blocked ?? false,
      redacted: state.redacted,
      upstreamError: what.upstreamError ?? false,
      streamed: what.streamed ?? false,
      inputTokens: usage?.input ?? 0,
      outputTokens: usage?.output ?? 0,
      addedMillis: state.own,
    });
  }

  /** A failure in the API's own error format. */
  static errorReply(endpoint: GatewayEndpoint, err: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
    const dialect = ENDPOINT_DIALECT[endpoint];
    if (err instanceof GatewayError) return { status: err.status, body: errorBody(dialect, err.kind, err.message, err.code), headers: err.headers };
    const res = toErrorResponse(err);
    return { status: res.status, body: errorBody(dialect, ERROR_KIND_BY_STATUS(res.status), res.body.error.message, res.body.error.code), headers: res.headers };
  }
}

/** A decision's error (an unloaded policy, a refused assertion, a full inspection queue) as the gateway's. */
function rethrowForGateway(err: unknown): never {
  const res = toErrorResponse(err);
  throw new GatewayError(res.status, ERROR_KIND_BY_STATUS(res.status), res.body.error.message, res.body.error.code, res.headers);
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined;
}

/** X-Airlock-User (an e-mail or an id) and X-Airlock-Groups (comma-separated; only for keys that may assert groups). */
function subjectOf(request: FastifyRequest): Pick<DecisionRequestInput, 'subject'> {
  const user = headerOf(request, 'x-airlock-user');
  const groupsHeader = headerOf(request, 'x-airlock-groups');
  if (user === undefined && groupsHeader === undefined) return {};
  const subject: NonNullable<DecisionRequestInput['subject']> = {};
  if (user !== undefined) {
    const u = subjectHeader.safeParse(user);
    if (!u.success) throw new GatewayError(400, 'invalid_request', 'X-Airlock-User must be an e-mail address or a user id', 'invalid_header');
    if (user.includes('@')) subject.email = u.data;
    else subject.id = u.data;
  }
  if (groupsHeader !== undefined) {
    const groups = groupsHeader.split(',').map((g) => g.trim().toLowerCase()).filter(Boolean);
    if (groups.length > 100 || !groups.every((g) => slug.safeParse(g).success))
      throw new GatewayError(400, 'invalid_request', 'X-Airlock-Groups must be a comma-separated list of group names (lowercase letters, digits, - and _)', 'invalid_header');
    subject.groups = groups;
  }
  return { subject };
}

function passedHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && PASSED_HEADERS.test(k)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function reasonsOf(reasons: readonly { effect: string; message: string }[]): string {
  return reasons
    .filter((r) => r.effect === 'block')
    .map((r) => r.message)
    .join(' ');
}

/** A decision as the verdict on a streamed answer's text (a block says why). */
function windowVerdictOf(effect: WindowVerdict['effect'], reasons: readonly { effect: string; message: string }[], findings: WindowVerdict['findings'], redactedClasses: WindowVerdict['redactedClasses']): WindowVerdict {
  return { effect, findings, redactedClasses, reason: effect === 'block' ? `Airlock blocked this answer: ${reasonsOf(reasons) || 'the policy does not allow it'}` : undefined };
}

function blockMessage(d: DecisionResponse, what: 'request' | 'answer'): string {
  return `Airlock blocked this ${what} (decision ${d.decisionId}): ${reasonsOf(d.reasons) || 'the policy does not allow it'}`;
}

/** Masks the findings of the redacting rules in texts decided together (joined with SEPARATOR). */
function maskTexts(texts: TextRef[], verdict: WindowVerdict): void {
  let offset = 0;
  for (const t of texts) {
    const text = t.get();
    const end = offset + text.length;
    const local = verdict.findings.filter((f) => f.start < end && f.end > offset).map((f) => ({ ...f, start: Math.max(f.start - offset, 0), end: Math.min(f.end - offset, text.length) }));
    if (local.length) t.set(maskPiece(text, 0, { ...verdict, findings: local }));
    offset = end + SEPARATOR.length;
  }
}
