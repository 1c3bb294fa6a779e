import type { DecisionReport, DecisionResponse } from '@airlock/contracts';
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
  subjectKey,
  toDecisionResponse,
} from '@airlock/decision-core';
import { type CompiledExceptions, compileExceptions } from '@airlock/policy-engine';
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
  /**
   * Report the decisions made here to the server (POST /v1/decisions/report) so its decision log
   * and dashboard include them: queued, sent every `reportSeconds` (default 5) or at 500, and on
   * stop(). Only decisions about a named person (subject.email) are reported; a batch the server
   * could not take stays queued (up to 10,000) and is sent again. Default false.
   */
  report?: boolean;
  reportSeconds?: number;
}

type ReportedItem = DecisionReport['decisions'][number];
const REPORT_BATCH = 500;
const REPORT_QUEUE_MAX = 10_000;

/**
 * Decides in-process from the published policy bundle, as feature-flag SDKs do: no network on the
 * decision path, the same code as the server (libs/decision-core). The bundle is
 * refreshed in the background; when a refresh fails the last good policy keeps answering.
 * Decisions made locally are logged by the server only when `report` is set.
 */
export class LocalDecider {
  private policy: DecisionPolicy | null = null;
  private directory: SubjectDirectory | null = null;
  private rights: AssertionRights = ASSERT_EVERYTHING;
  private bundle: PolicyBundle | null = null;
  private etag: string | undefined;
  private timer: ReturnType<typeof setInterval> | null = null;
  private watching: AbortController | null = null;
  private exceptions: CompiledExceptions | null = null;
  private reports: ReportedItem[] = [];
  private reportTimer: ReturnType<typeof setInterval> | null = null;
  private reporting: Promise<void> | null = null;

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
    if (options.report) {
      d.reportTimer = setInterval(() => void d.flushReports(), (options.reportSeconds ?? 5) * 1000);
      d.reportTimer.unref?.();
    }
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
    // Time-limited exceptions: people named by the directory's salted hash of their e-mail.
    const salt = b.directory?.salt;
    this.exceptions = b.exceptions?.length
      ? compileExceptions(b.exceptions, (email) => (salt === undefined ? `\u0000${email}` : subjectKey(salt, 'email', email)))
      : null;
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
    const now = Date.now();
    const r = decideLocally(this.policy, resolved.request, this.exceptions ? { exceptions: this.exceptions, now } : undefined);
    const email = resolved.request.subject?.email;
    // The server resolves the service again from a URL or host (a provider slug alone: the host it resolved to).
    const d = request.destination;
    const destination = d.url !== undefined ? { url: d.url } : d.host !== undefined ? { host: d.host } : r.decision.destination.host ? { host: r.decision.destination.host } : null;
    if (this.options.report && email && destination && this.reports.length < REPORT_QUEUE_MAX) {
      this.reports.push({
        id: globalThis.crypto.randomUUID(),
        at: new Date(now).toISOString(),
        action: request.action,
        destination,
        subject: { email },
        effect: r.decision.effect,
        reasons: r.decision.reasons.map((x) => ({ ruleId: x.ruleId, effect: x.effect, ...(x.exception ? { exception: { id: x.exception.id } } : {}) })),
        findingClasses: [...r.decision.dataClasses],
        findingCount: r.findings.length,
        policyVersion: this.bundle.policyVersion,
        source: 'sdk',
        ...(request.context?.channel ? { channel: request.context.channel } : {}),
      });
      if (this.reports.length >= REPORT_BATCH) void this.flushReports();
    }
    return toDecisionResponse(r, {
      action: request.action,
      ipSource: resolved.ipSource,
      policyVersion: this.bundle.policyVersion,
      decisionTtlSeconds: this.bundle.settings.decisionTtlSeconds,
      evaluatedAt: new Date(now).toISOString(),
    });
  }

  /**
   * Sends the queued decision reports now (one batch at a time). A batch the server refused as a
   * whole (network, 5xx, 429) goes back to the queue; sending it again is safe (ids are idempotent).
   */
  flushReports(): Promise<void> {
    this.reporting ??= (async () => {
      try {
        while (this.reports.length > 0) {
          const batch = this.reports.splice(0, REPORT_BATCH);
          try {
            await this.client.reportDecisions(batch);
          } catch (err) {
            // A 4xx other than 429 would fail again: drop the batch rather than hold the queue.
            if (!(err instanceof AirlockError) || err.status === 429 || err.status >= 500) this.reports.unshift(...batch);
            this.options.onError?.(err);
            return;
          }
        }
      } finally {
        this.reporting = null;
      }
    })();
    return this.reporting;
  }

  /** Reports waiting to be sent. */
  get pendingReports(): number {
    return this.reports.length;
  }

  stop(): void {
    if (this.reportTimer) clearInterval(this.reportTimer);
    this.reportTimer = null;
    if (this.reports.length) void this.flushReports();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watching?.abort();
    this.watching = null;
  }
}
