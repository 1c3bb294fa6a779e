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
import { type CallOutcome, type CallState, maskTexts, requestOf, SEPARATOR } from './call';
import { dropLogprobs, ENDPOINT_DIALECT, ERROR_KIND_BY_STATUS, type ErrorKind, errorBody, type GatewayEndpoint, inspectedText, requestTexts, responseTexts, streamErrorEvent, type TextRef, uninspectableInput, type Usage, usageOf } from './dialects';
import { GatewayTrafficService } from './gateway-traffic.service';
import type { WindowVerdict } from './lookback';
import { type RelayHost, relayStream } from './stream-relay';
import { callUpstream, decodedBody, readBody, UpstreamReadError } from './upstream-client';
import { GatewayUpstreamsService, type ResolvedUpstream } from './upstreams.service';
import { PlaceholderVault } from './vault';

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

// eslint-disable-next-line no-control-regex -- refuses control characters in a header value
const subjectHeader = z.union([z.email().max(320), z.string().trim().min(1).max(256).regex(/^[^\u0000-\u001f\u007f]*$/)]);

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

/**
 * The AI gateway's request path: decide every text of the request as a `prompt` to the upstream's
 * provider, block or forward (placeholders in place of redacted values, the values kept in a
 * per-request vault), then inspect the answer (each streamed piece with a look-back window) as a
 * `response`, and restore the placeholders for the caller. Text is never stored or logged: the
 * decision log gets metadata and a keyed hash, the rollups counts.
 */
@Injectable()
export class GatewayService {
  /** The gateway's decisions and records as the stream relay asks for them. */
  private readonly relayHost: RelayHost = {
    windowCheck: (state) => this.windowCheck(state),
    wholeVerdict: (state, text) => this.wholeVerdict(state, text),
    blockStream: (state, text, reason) => this.blockStream(state, text, reason),
    logAnswer: (state, text) => this.logAnswer(state, text),
    record: (state, what, first, now) => this.record(state, what, first, now),
  };

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
      checks: null,
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

    // Before: every text of the request, decided together as one prompt. Input the gateway cannot
    // read as text (embeddings given as token ids) is refused rather than forwarded uninspected.
    const unreadable = uninspectableInput(endpoint, json);
    if (unreadable) throw new GatewayError(400, 'invalid_request', unreadable, 'input_not_inspectable');
    const texts = tooDeep(() => requestTexts(endpoint, json));
    const joined = texts.map(inspectedText).join(SEPARATOR);
    const decision = await this.decidePrompt(state, joined);
    if (gone) return;
    if (decision.effect === 'block') {
      this.record(state, { blocked: true });
      throw new GatewayError(403, 'permission', blockMessage(decision, 'request'), 'airlock_policy_block');
    }
    if (decision.effect === 'redact') this.redactRequest(state, texts, joined, decision);

    const stream = json.stream === true;
    const payload = tooDeep(() => JSON.stringify(json));
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
    let body: ReturnType<typeof decodedBody>;
    try {
      body = decodedBody(res);
    } catch (err) {
      res.destroy();
      this.record(state, { upstreamError: true });
      throw new GatewayError(502, 'upstream', `The upstream ${upstream.name}: ${(err as Error).message}`, 'upstream_bad_body');
    }
    if (status >= 400) {
      // Upstream errors go to the caller as they are: status, body, retry advice.
      const raw = await readBody(res, MAX_UPSTREAM_BODY, upstream.timeoutMs, body).catch((err: unknown) => err as Error);
      // the caller went away meanwhile (its close aborted the upstream request): no upstream error
      if (gone) return;
      this.record(state, { upstreamError: true });
      if (raw instanceof UpstreamReadError && raw.timedOut) throw this.unreadAnswer(upstream, raw);
      void reply
        .code(status)
        .headers({ ...passed, 'content-type': type || 'application/json' })
        .send(raw instanceof Error ? Buffer.from('') : raw);
      return;
    }
    if (type.startsWith('text/event-stream')) {
      await relayStream(this.relayHost, state, res, reply, status, passed, body);
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(res, MAX_UPSTREAM_BODY, upstream.timeoutMs, body);
    } catch (err) {
      if (gone) return;
      this.record(state, { upstreamError: true });
      throw this.unreadAnswer(upstream, err);
    }
    const t0 = performance.now();
    let answer: Record<string, unknown>;
    try {
      answer = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      answer = null as unknown as Record<string, unknown>;
    }
    // every API answers an object (null, a string or an array is no answer the SDKs can read)
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      this.record(state, { upstreamError: true });
      throw new GatewayError(502, 'upstream', `The upstream ${upstream.name} answered with a body that is not a JSON object`, 'upstream_bad_body');
    }
    state.usage = usageOf(endpoint, answer);
    // After: the answer's texts, decided together as one response.
    const all = responseTexts(endpoint, answer);
    // the request's own texts it repeats (instructions) are restored below, not decided again
    const out = all.some((t) => t.echo) ? all.filter((t) => !t.echo) : all;
    // Its log entry is written with the call's record, after the answer went out.
    // The upstream has answered (and been paid): a long answer the inspection thread cannot take now
    // is decided on the event loop rather than failed.
    const answered = await this.decideAnswer(state, out.map(inspectedText).join(SEPARATOR));
    const logAnswer = () => answered.log(null);
    const verdict = answered.response;
    if (verdict.effect === 'block') {
      this.record(state, { blocked: true }, logAnswer);
      throw new GatewayError(403, 'permission', blockMessage(verdict, 'answer'), 'airlock_policy_block_response');
    }
    let changed = verdict.effect === 'redact';
    if (changed) {
      maskTexts(out, verdict);
      dropLogprobs(endpoint, answer);
    }
    if (state.vault.size)
      for (const t of all) {
        const before = t.get();
        const after = state.vault.restore(before, t.json);
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

  /** An answer that could not be read (silent past the timeout, cut, too large, badly compressed) as the gateway's error. */
  private unreadAnswer(upstream: ResolvedUpstream, err: unknown): GatewayError {
    if (err instanceof UpstreamReadError && err.timedOut) return new GatewayError(504, 'timeout', `The upstream ${upstream.name} did not finish its answer: ${err.message}`, 'upstream_timeout');
    return new GatewayError(502, 'upstream', `The upstream ${upstream.name} did not send a whole answer: ${(err as Error).message}`, 'upstream_bad_body');
  }

  private upstreamHeaders(request: FastifyRequest, upstream: ResolvedUpstream, stream: boolean): Record<string, string> {
    // identity: an answer is read and inspected as it comes, without first undoing a compression
    const h: Record<string, string> = { 'content-type': 'application/json', accept: stream ? 'text/event-stream' : 'application/json', 'accept-encoding': 'identity', 'user-agent': 'airlock-gateway' };
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

  /**
   * The texts with the redacting rules' findings replaced by placeholders, the values kept in the
   * vault. `joined` is the texts as decided (inspectedText: JSON text read through its escapes, at
   * the same offsets); the values and what is forwarded come from the texts themselves.
   */
  private redactRequest(state: CallState, texts: TextRef[], joined: string, decision: DecisionResponse): void {
    const classes = new Set(decision.redactedClasses ?? []);
    const masked = decision.findings.filter((f) => classes.has(f.dataClass));
    const { text: maskedJoined, placeholders } = redact(joined, masked);
    state.redacted = true;
    // One plain text (a single message, the usual long prompt): the masked whole is its masked text.
    if (texts.length === 1 && !texts[0]!.json) {
      for (const p of placeholders) state.vault.set(p.placeholder, joined.slice(p.start, p.end));
      texts[0]!.set(maskedJoined);
      return;
    }
    let offset = 0;
    let k = 0;
    let stored = -1;
    for (const t of texts) {
      const text = t.get();
      const end = offset + text.length;
      let out = '';
      let pos = 0;
      while (k < placeholders.length && placeholders[k]!.start < end) {
        const p = placeholders[k]!;
        // the value as the first text it is in means it (JSON text: unescaped)
        if (k !== stored) {
          const value = p.start >= offset && p.end <= end ? text.slice(p.start - offset, p.end - offset) : joined.slice(p.start, p.end);
          state.vault.set(p.placeholder, valueOf(value, t.json === true));
          stored = k;
        }
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
      const deferred = this.decisions.decideDeferredAsync(state.client, input, state.requestId, state.ip, { ...opts, redactedText: false });
      return deferred instanceof Promise ? deferred.catch(rethrowForGateway) : deferred;
    } catch (err) {
      return rethrowForGateway(err);
    }
  }

  /**
   * A whole answer's decision (its log entry deferred). An answer with more text than a decision
   * takes is not passed on uninspected: a 502 that says so, where the decision's own 413 would
   * blame the caller's request.
   */
  private async decideAnswer(state: CallState, text: string): Promise<DeferredDecision> {
    try {
      return await this.decideLater(state, 'response', text, { inlineWhenBusy: true });
    } catch (err) {
      if (!(err instanceof GatewayError) || err.status !== 413) throw err;
      this.record(state, {});
      throw new GatewayError(502, 'upstream', `The upstream ${state.upstream.name}'s answer has more text than Airlock inspects (1 MiB): it was not passed on`, 'answer_too_large');
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
      return this.decisions.decideOne(state.client, input, state.requestId, state.ip, { log, redactedText: false });
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
   * a failure then only costs the log entry, as the answer has gone out. An answer the last
   * look-back check inspected whole (a short one) is not inspected again (`checked`).
   */
  private logAnswer(state: CallState, text: string): void {
    try {
      const logged = this.decisions.decideOneAsync(state.client, requestOf(state.base, 'response', text), state.requestId, state.ip, { inlineWhenBusy: true, redactedText: false, checked: state.checks ?? undefined });
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
    state.checks = checks;
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
      const decided = this.decisions.decideOneAsync(state.client, requestOf(state.base, 'response', text), state.requestId, state.ip, { log: false, inlineWhenBusy: true, redactedText: false });
      return Promise.resolve(decided).then((d) => windowVerdictOf(d.effect, d.reasons, d.findings, d.redactedClasses), rethrowForGateway);
    } catch (err) {
      return Promise.reject(err).catch(rethrowForGateway);
    }
  }

  /**
   * The call's outcome (once): its decision to the log with the tokens reported so far, its counts to
   * the rollups, and `first` (a decision made for the log only). Unless `now`, off the response
   * path: the work runs after the answer's bytes went out (the socket's writes are flushed on the
   * next tick, before setImmediate), so the caller does not wait for the log's encoding or the counting.
   */
  private record(state: CallState, what: CallOutcome, first?: () => void, now = false): void {
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

  private count(state: CallState, usage: Usage | null, what: CallOutcome): void {
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

/** A body nested deeper than the gateway can walk or write (the runtime's stack) is the caller's error, not the server's. */
function tooDeep<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof RangeError) throw new GatewayError(400, 'invalid_request', 'The body is nested too deeply to be inspected', 'body_too_deep');
    throw err;
  }
}

/**
 * A masked value as the caller meant it: found in JSON text (tool-call arguments), its escapes
 * (`\n`, `\u00e9`, `\"`) are undone, so that it is restored as such into plain text and escaped
 * again into JSON text; a span that is not a string's content stays as it was.
 */
function valueOf(raw: string, json: boolean): string {
  if (!json || raw.indexOf('\\') === -1) return raw;
  try {
    const v: unknown = JSON.parse(`"${raw}"`);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw;
  }
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
  const headers = res.headers;
  for (const k in headers) {
    const v = headers[k];
    if (v !== undefined && PASSED_HEADERS.test(k)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
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

