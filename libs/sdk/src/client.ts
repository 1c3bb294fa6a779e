import type { DecisionReport, DecisionReportResponse, DecisionResponse, PolicyBundle } from '@airlock/contracts';
import type { ContentRequest } from '@airlock/decision-core';

export interface AirlockClientOptions {
  /** e.g. https://airlock.example.com */
  baseUrl: string;
  /** An API key with the scopes you use (decide, bundle, incidents:write). */
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** What GET /v1/bundle returns: the server's own type (libs/contracts), not a copy. */
export type { PolicyBundle };

/** An error answer of the API, in its one envelope. */
export class AirlockError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AirlockError';
  }
}

/** The decision API over HTTP. */
export class AirlockClient {
  private readonly base: string;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: AirlockClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  private async call(path: string, init: { method: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }): Promise<Response> {
    const res = await this.fetchImpl(this.base + path, {
      method: init.method,
      headers: {
        authorization: `Bearer ${this.options.apiKey}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal ?? AbortSignal.timeout(this.timeoutMs),
    });
    if (res.status >= 400) {
      let body: { error?: { code?: string; message?: string; details?: unknown } } = {};
      try {
        body = (await res.json()) as typeof body;
      } catch {
        // not JSON
      }
      const retry = Number(res.headers.get('retry-after'));
      throw new AirlockError(res.status, body.error?.code ?? 'http_error', body.error?.message ?? `HTTP ${res.status}`, body.error?.details, Number.isFinite(retry) ? retry : undefined);
    }
    return res;
  }

  async decide(request: ContentRequest & { requestId?: string }): Promise<DecisionResponse> {
    return (await (await this.call('/v1/decisions', { method: 'POST', body: request })).json()) as DecisionResponse;
  }

  async decideBatch(items: (ContentRequest & { correlationId: string })[]): Promise<(DecisionResponse | { correlationId: string; status: number; error: { code: string; message: string } })[]> {
    const body = (await (await this.call('/v1/decisions/batch', { method: 'POST', body: { items } })).json()) as { items: never[] };
    return body.items;
  }

  /**
   * Reports decisions made locally (POST /v1/decisions/report, scope `bundle` or `extension`) so the
   * server's decision log and dashboard include them; sending a batch again logs nothing twice.
   */
  async reportDecisions(decisions: DecisionReport['decisions']): Promise<DecisionReportResponse> {
    return (await (await this.call('/v1/decisions/report', { method: 'POST', body: { decisions } })).json()) as DecisionReportResponse;
  }

  /** Files an incident (scope incidents:write); the idempotency key makes a retry safe. */
  async reportIncident(input: Record<string, unknown>, idempotencyKey?: string): Promise<unknown> {
    return (await this.call('/v1/incidents', { method: 'POST', body: input, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {} })).json();
  }

  /** The published policy for local evaluation; `undefined` when `etag` is still current (304). */
  async fetchBundle(etag?: string): Promise<{ bundle: PolicyBundle; etag: string } | undefined> {
    const res = await this.call('/v1/bundle', { method: 'GET', headers: etag ? { 'if-none-match': etag } : {} });
    if (res.status === 304) return undefined;
    return { bundle: (await res.json()) as PolicyBundle, etag: res.headers.get('etag') ?? '' };
  }

  /**
   * Follows GET /v1/bundle/events (server-sent events) until `signal` aborts or the server ends the
   * stream: `onPolicy` gets each announced version and ETag, the current one first. Resolves when
   * the stream ends (the caller reconnects); rejects on an HTTP error answer. Uses only fetch and
   * web streams, so it runs in Node and in a browser.
   */
  async watchBundle(onPolicy: (event: { policyVersion: number; etag: string }) => void, signal: AbortSignal): Promise<void> {
    const res = await this.call('/v1/bundle/events', { method: 'GET', headers: { accept: 'text/event-stream' }, signal });
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += value;
      let end: number;
      while ((end = buffered.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end).replace(/^\r?\n\r?\n/, '');
        const event = parseServerSentEvent(block);
        if (event.type === 'policy' && event.data) {
          try {
            onPolicy(JSON.parse(event.data) as { policyVersion: number; etag: string });
          } catch {
            // A malformed event is skipped; the next poll catches up.
          }
        } else if (event.type === 'end') {
          await reader.cancel().catch(() => undefined);
          return;
        }
      }
    }
  }
}

/** One event block of a text/event-stream (comments and unknown fields ignored). */
export function parseServerSentEvent(block: string): { type: string; data: string } {
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  return { type, data: data.join('\n') };
}
