import type { DecisionResponse } from '@airlock/contracts';
import {
  ASSERT_EVERYTHING,
  type AssertionRights,
  BundleDirectory,
  bundleMaterial,
  compileDecisionPolicy,
  type ContentRequest,
  decideLocally,
  type DecisionPolicy,
  refusedAssertion,
  resolveRequest,
  type SubjectDirectory,
  toDecisionResponse,
} from '@airlock/decision-core';
import { AirlockError, type AirlockClient, type PolicyBundle } from './client';

export interface LocalDeciderOptions {
  /** How often to ask for a newer bundle (ETag: an unchanged policy costs a 304). Default 30 s. */
  refreshSeconds?: number;
  /**
   * Also follow the server's policy event stream (GET /v1/bundle/events), so a publish or an
   * emergency block is fetched within moments instead of at the next poll. The poll stays as the
   * fallback; the stream reconnects with backoff. Default true.
   */
  watch?: boolean;
  onError?: (err: unknown) => void;
}

/**
 * Decides in-process from the published policy bundle, as feature-flag SDKs do: no network on the
 * decision path, the same code as the server (libs/decision-core). The bundle is
 * refreshed in the background; when a refresh fails the last good policy keeps answering.
 * Decisions made locally are not logged by the server.
 */
export class LocalDecider {
  private policy: DecisionPolicy | null = null;
  private directory: SubjectDirectory | null = null;
  private rights: AssertionRights = ASSERT_EVERYTHING;
  private bundle: PolicyBundle | null = null;
  private etag: string | undefined;
  private timer: ReturnType<typeof setInterval> | null = null;
  private watching: AbortController | null = null;

  private constructor(
    private readonly client: AirlockClient,
    private readonly options: LocalDeciderOptions,
  ) {}

  static async start(client: AirlockClient, options: LocalDeciderOptions = {}): Promise<LocalDecider> {
    const d = new LocalDecider(client, options);
    await d.refresh();
    d.timer = setInterval(() => {
      d.refresh().catch((err: unknown) => d.options.onError?.(err));
    }, (options.refreshSeconds ?? 30) * 1000);
    d.timer.unref?.();
    if (options.watch ?? true) d.watch();
    return d;
  }

  /** Follows the policy event stream until stop(), reconnecting with backoff (1 s doubling to 30 s). */
  private watch(): void {
    const controller = new AbortController();
    this.watching = controller;
    let backoffMs = 1000;
    const loop = async () => {
      while (!controller.signal.aborted) {
        try {
          await this.client.watchBundle((event) => {
            backoffMs = 1000;
            if (event.etag !== this.etag) this.refresh().catch((err: unknown) => this.options.onError?.(err));
          }, controller.signal);
        } catch (err) {
          if (controller.signal.aborted) return;
          this.options.onError?.(err);
        }
        await new Promise((resolve) => {
          const t = setTimeout(resolve, backoffMs);
          (t as { unref?: () => void }).unref?.();
        });
        backoffMs = Math.min(backoffMs * 2, 30_000);
      }
    };
    void loop();
  }

  /** Fetches the bundle if it changed and compiles it. */
  async refresh(): Promise<boolean> {
    const got = await this.client.fetchBundle(this.etag);
    if (!got) return false;
    const b = got.bundle;
    this.policy = compileDecisionPolicy(bundleMaterial(b));
    // The directory (people's groups, hashed) and what this key's client may assert: the same
    // resolution as the server's. A server older than these fields sends neither.
    this.directory = b.directory ? new BundleDirectory(b.directory) : null;
    this.rights = b.client
      ? { groups: b.client.mayAssertGroups, ip: b.client.mayAssertIp, zones: b.client.mayAssertZones }
      : ASSERT_EVERYTHING;
    this.bundle = b;
    this.etag = got.etag;
    return true;
  }

  get policyVersion(): number | null {
    return this.bundle?.policyVersion ?? null;
  }

  /**
   * Decides as the server would for this API key: the subject's groups from the bundle's directory,
   * and an AirlockError (403, `forbidden`) for an assertion the key's client may not make. There is
   * no connection address here: without `context.ip` no zone comes from an address.
   */
  decide(request: ContentRequest): Omit<DecisionResponse, 'decisionId'> {
    if (!this.policy || !this.bundle) throw new Error('LocalDecider.start() has not loaded a policy');
    const refused = refusedAssertion(request, this.rights);
    if (refused) throw new AirlockError(403, 'forbidden', refused.message, [refused]);
    const resolved = resolveRequest(request, this.directory);
    return toDecisionResponse(decideLocally(this.policy, resolved.request), {
      action: request.action,
      ipSource: resolved.ipSource,
      policyVersion: this.bundle.policyVersion,
      decisionTtlSeconds: this.bundle.settings.decisionTtlSeconds,
      evaluatedAt: new Date().toISOString(),
    });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watching?.abort();
    this.watching = null;
  }
}
