import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { GatewayTrafficOutput, GatewayTrafficRow } from '@airlock/contracts';
import { BackgroundJobs } from '../../common/background-jobs';
import { GatewayRepository, type UsageRow } from './upstreams.repository';

/** What one gateway call adds to the hourly rollups (metadata only: never text). */
export interface GatewayCallRecord {
  organizationId: string;
  providerSlug: string;
  apiClientId: string;
  endpoint: string;
  blocked: boolean;
  redacted: boolean;
  upstreamError: boolean;
  streamed: boolean;
  inputTokens: number;
  outputTokens: number;
  addedMillis: number;
}

const FLUSH_MS = 2_000;
/** Distinct (organization, hour, provider, client, route) rows held at most; beyond, calls are counted as dropped. */
const MAX_ROWS = 10_000;

/**
 * Gateway traffic per provider and API client: counted in memory per call and added to the hourly
 * `GatewayUsageRollup` every two seconds (one transaction, the `gateway-traffic` background job), so
 * the gateway's path never waits for the database. A flush that fails keeps its counts for the next
 * one; the last flush runs at shutdown.
 */
@Injectable()
export class GatewayTrafficService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('GatewayTraffic');
  private pending = new Map<string, UsageRow>();
  private flushing: Promise<void> | null = null;
  dropped = 0;

  constructor(
    private readonly repo: GatewayRepository,
    private readonly jobs: BackgroundJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('gateway-traffic', FLUSH_MS, () => {
      if (this.pending.size) void this.flush();
    });
  }

  record(call: GatewayCallRecord): void {
    const bucket = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const key = `${call.organizationId}|${bucket.getTime()}|${call.providerSlug}|${call.apiClientId}|${call.endpoint}`;
    let row = this.pending.get(key);
    if (!row) {
      if (this.pending.size >= MAX_ROWS) {
        this.dropped++;
        return;
      }
      row = { organizationId: call.organizationId, bucket, providerSlug: call.providerSlug, apiClientId: call.apiClientId, endpoint: call.endpoint, calls: 0, blocked: 0, redacted: 0, upstreamErrors: 0, streamed: 0, inputTokens: 0, outputTokens: 0, addedMillis: 0 };
      this.pending.set(key, row);
    }
    row.calls++;
    if (call.blocked) row.blocked++;
    if (call.redacted) row.redacted++;
    if (call.upstreamError) row.upstreamErrors++;
    if (call.streamed) row.streamed++;
    row.inputTokens += call.inputTokens;
    row.outputTokens += call.outputTokens;
    row.addedMillis += Math.round(call.addedMillis);
  }

  /** Writes what is pending (also at shutdown). */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const rows = [...this.pending.values()];
    if (!rows.length) return;
    this.pending = new Map();
    this.flushing = this.repo
      .addUsage(rows)
      .catch((err: unknown) => {
        this.logger.warn(`Gateway usage not written yet (${(err as Error).message}); retrying`);
        for (const r of rows) {
          const key = `${r.organizationId}|${r.bucket.getTime()}|${r.providerSlug}|${r.apiClientId}|${r.endpoint}`;
          const cur = this.pending.get(key);
          if (!cur) this.pending.set(key, r);
          else for (const f of ['calls', 'blocked', 'redacted', 'upstreamErrors', 'streamed', 'inputTokens', 'outputTokens', 'addedMillis'] as const) cur[f] += r[f];
        }
      })
      .finally(() => (this.flushing = null));
    return this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    this.jobs.stop('gateway-traffic');
    await this.flush();
  }

  /** Per AI service (catalog slug) and API client over the last `hours`. */
  /** The last `hours`, or the hours from `range.from` up to `range.to` (the dashboard's period). */
  async traffic(organizationId: string, hours: number, range?: { from: Date; to: Date }): Promise<GatewayTrafficOutput> {
    await this.flush();
    const since = new Date(Math.floor(((range?.from.getTime() ?? Date.now() - hours * 3_600_000)) / 3_600_000) * 3_600_000);
    if (range) hours = Math.max(1, Math.ceil((range.to.getTime() - since.getTime()) / 3_600_000));
    const { rows, names } = await this.repo.traffic(organizationId, since, range?.to);
    const items = rows.map((r) => {
      const calls = r._sum.calls ?? 0;
      return {
        providerSlug: r.providerSlug,
        apiClientId: r.apiClientId,
        apiClientName: names.get(r.apiClientId) ?? null,
        calls,
        blocked: r._sum.blocked ?? 0,
        redacted: r._sum.redacted ?? 0,
        upstreamErrors: r._sum.upstreamErrors ?? 0,
        streamed: r._sum.streamed ?? 0,
        inputTokens: Number(r._sum.inputTokens ?? 0),
        outputTokens: Number(r._sum.outputTokens ?? 0),
        avgAddedMs: calls ? Math.round((Number(r._sum.addedMillis ?? 0) / calls) * 100) / 100 : null,
      } satisfies GatewayTrafficRow;
    });
    items.sort((a, b) => b.calls - a.calls || a.providerSlug.localeCompare(b.providerSlug));
    return { since: since.toISOString(), hours, items };
  }
}
