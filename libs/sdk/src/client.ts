import type { DecisionResponse } from '@airlock/contracts';
import type { CustomDetectorDef } from '@airlock/detectors';
import type { CatalogProvider, NetworkZone, PolicyRule } from '@airlock/policy-engine';
import type { ContentRequest } from './local-decide';

export interface AirlockClientOptions {
  /** e.g. https://airlock.example.com */
  baseUrl: string;
  /** An API key with the scopes you use (decide, bundle, incidents:write). */
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** What GET /v1/bundle returns. */
export interface PolicyBundle {
  policyVersion: number;
  contentHash: string;
  publishedAt: string;
  rules: PolicyRule[];
  catalog: CatalogProvider[];
  zones: NetworkZone[];
  detectors: { classes: string[]; settings: { allowEmailDomains: string[]; markings: string[]; defaultPhoneRegion: string }; custom: CustomDetectorDef[] };
  settings: { restrictedJurisdictions: string[]; decisionTtlSeconds: number };
}

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

  private async call(path: string, init: { method: string; body?: unknown; headers?: Record<string, string> }): Promise<Response> {
    const res = await this.fetchImpl(this.base + path, {
      method: init.method,
      headers: {
        authorization: `Bearer ${this.options.apiKey}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(this.timeoutMs),
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
}
