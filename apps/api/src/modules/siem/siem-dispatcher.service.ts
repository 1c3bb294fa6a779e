import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { BackgroundJobs } from '../../common/background-jobs';
import { repoPath } from '../../common/paths';
import type { SiemDestination } from '../../generated/prisma/client';
import { MetricsService } from '../metrics/metrics.service';
import { InstanceRegistry } from '../policy/instance-registry.service';
import { SecretsService } from '../secrets/secrets.service';
import { createDelivery, type DeliveryDeps, type DestinationRuntimeConfig, type SiemDelivery } from './siem-delivery';
import type { SiemEvent, SiemEventType, SiemOrigin } from './siem-events';
import { organizationOf } from './siem-events';
import type { HttpPreset, SiemBodyFormat } from './siem-format';
import { SiemRepository, type StatusRow } from './siem.repository';
import { SiemTap, type SiemSink } from './siem-tap';
import { SiemUrlGuard } from './siem-url-guard';

/** How often each instance re-reads the destinations (a change on another instance), and writes its counts. */
const CONFIG_POLL_MS = 10_000;
const STATUS_MS = 2_000;
/** Counts of instances not heard of for a week are forgotten. */
const FORGET_STATUS_MS = 7 * 86_400_000;
/** How long shutdown waits for the queues to empty. */
const DRAIN_MS = 3_000;
const RESEND_WINDOW_MS = 2_000;

export const sealContext = {
  token: (id: string) => `siem-token:${id}`,
  clientKey: (id: string) => `siem-client-key:${id}`,
};

/**
 * This instance's SIEM streams: a delivery per enabled destination of every organization (its
 * queue, its connection or HTTP batches, its counts), fed by SiemTap. Each instance sends what it
 * produced; the buffers are in memory, `AIRLOCK_SIEM_BUFFER` events per destination. Destinations
 * are re-read every ten seconds and at once after a change on this instance; the counts go to
 * SiemDeliveryStatus every two seconds, one row per destination and instance.
 */
@Injectable()
export class SiemDispatcher implements SiemSink, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Siem');
  private readonly byOrg = new Map<string, SiemDelivery[]>();
  private readonly byId = new Map<string, SiemDelivery>();
  private readonly written = new Map<string, number>();
  private readonly origin: SiemOrigin;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;

  constructor(
    private readonly repo: SiemRepository,
    private readonly secrets: SecretsService,
    private readonly guard: SiemUrlGuard,
    private readonly tap: SiemTap,
    private readonly instances: InstanceRegistry,
    private readonly jobs: BackgroundJobs,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.origin = { hostname: os.hostname(), instanceId: instances.id, version: airlockVersion(), consoleUrl: config.publicUrl };
    this.metrics.registerGauge('airlock_siem_queued', 'SIEM events waiting to be sent on this instance', () => this.total('queued'));
    this.metrics.registerGauge('airlock_siem_sent', 'SIEM events sent by this instance since it started', () => this.total('sent'));
    this.metrics.registerGauge('airlock_siem_dropped', 'SIEM events dropped by this instance (a full buffer, a refused item)', () => this.total('dropped'));
  }

  get originInfo(): SiemOrigin {
    return this.origin;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.tap.attach(this);
    try {
      await this.reload();
    } catch (err) {
      this.logger.warn(`Could not load the SIEM destinations: ${(err as Error).message}`);
    }
    this.jobs.every('siem-config-poll', CONFIG_POLL_MS, () => this.reload().catch((err: Error) => this.logger.debug(`SIEM reload failed: ${err.message}`)));
    this.jobs.every('siem-status', STATUS_MS, () => this.saveStatus().catch((err: Error) => this.logger.debug(`SIEM status not saved: ${err.message}`)));
  }

  async onModuleDestroy(): Promise<void> {
    this.jobs.stop('siem-config-poll');
    this.jobs.stop('siem-status');
    await Promise.all([...this.byId.values()].map((d) => d.drain(DRAIN_MS)));
    for (const d of this.byId.values()) {
      const left = d.close();
      if (left.length) this.logger.warn(`${left.length} SIEM events for "${d.config.name}" could not be sent before shutdown`);
    }
    await this.saveStatus(true).catch(() => undefined);
    this.tap.attach(null);
  }

  // --- SiemSink: the producers' side ------------------------------------------------------------------

  streams(organizationId: string): boolean {
    return this.byOrg.has(organizationId);
  }

  publish(event: SiemEvent): void {
    const list = this.byOrg.get(organizationOf(event));
    if (!list) return;
    for (const d of list) if (d.wants(event)) d.enqueue(event);
  }

  // --- Destinations -------------------------------------------------------------------------------------

  /** This instance's delivery of a destination (its live counts), if it runs one. */
  delivery(id: string): SiemDelivery | undefined {
    return this.byId.get(id);
  }

  /** Re-reads the enabled destinations; concurrent calls share one reload, plus one after it. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      try {
        do {
          this.reloadAgain = false;
          await this.reloadOnce();
        } while (this.reloadAgain);
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  private async reloadOnce(): Promise<void> {
    const rows = await this.repo.allEnabled();
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      const version = row.updatedAt.toISOString();
      const current = this.byId.get(row.id);
      if (current && current.config.version === version) continue;
      let config: DestinationRuntimeConfig;
      try {
        config = await this.runtimeConfig(row);
      } catch (err) {
        this.logger.warn(`SIEM destination "${row.name}" cannot be opened: ${(err as Error).message}`);
        continue;
      }
      const next = createDelivery(config, this.deps());
      if (current) next.adopt(current.close(), current.stats);
      this.byId.set(row.id, next);
    }
    for (const [id, d] of this.byId) {
      if (!seen.has(id)) {
        d.close();
        this.byId.delete(id);
        this.written.delete(id);
      }
    }
    this.byOrg.clear();
    for (const d of this.byId.values()) {
      const list = this.byOrg.get(d.config.organizationId);
      if (list) list.push(d);
      else this.byOrg.set(d.config.organizationId, [d]);
    }
  }

  deps(): DeliveryDeps {
    return {
      origin: this.origin,
      vet: (host, port, scheme) => this.guard.vetHost(host, port, scheme),
      capacity: this.config.siemBuffer,
      resendWindowMs: RESEND_WINDOW_MS,
      backoffBaseMs: 500,
      backoffMaxMs: this.config.siemBackoffMaxMs,
    };
  }

  /** The row with its secrets opened. */
  async runtimeConfig(row: SiemDestination): Promise<DestinationRuntimeConfig> {
    return {
      id: row.id,
      organizationId: row.organizationId,
      name: row.name,
      transport: row.transport as DestinationRuntimeConfig['transport'],
      format: row.format as SiemBodyFormat,
      host: row.host,
      port: row.port,
      facility: row.facility,
      httpPreset: row.httpPreset as HttpPreset | null,
      url: row.url,
      index: row.index,
      eventTypes: new Set(row.eventTypes as SiemEventType[]),
      decisionEffects: row.decisionEffects.length ? new Set(row.decisionEffects) : null,
      tls: {
        ca: row.caCert,
        cert: row.clientCert,
        key: row.clientKeySealed ? await this.secrets.open(row.clientKeySealed, sealContext.clientKey(row.id)) : null,
      },
      token: row.tokenSealed ? await this.secrets.open(row.tokenSealed, sealContext.token(row.id)) : null,
      version: row.updatedAt.toISOString(),
    };
  }

  // --- Counts -------------------------------------------------------------------------------------------

  private total(field: 'queued' | 'sent' | 'dropped'): number {
    let n = 0;
    for (const d of this.byId.values()) n += field === 'queued' ? d.queued : d.stats[field];
    return n;
  }

  /** Writes this instance's counts of the destinations that changed (or still hold events). */
  async saveStatus(all = false): Promise<void> {
    const now = new Date();
    const rows: StatusRow[] = [];
    for (const [id, d] of this.byId) {
      if (!all && this.written.get(id) === d.changes && d.queued === 0) continue;
      rows.push({
        destinationId: id,
        instanceId: this.instances.id,
        organizationId: d.config.organizationId,
        queued: d.queued,
        sent: d.stats.sent,
        dropped: d.stats.dropped,
        failures: d.stats.failures,
        lastSuccessAt: d.stats.lastSuccessAt,
        lastError: d.stats.lastError,
        lastErrorAt: d.stats.lastErrorAt,
        updatedAt: now,
      });
      this.written.set(id, d.changes);
    }
    if (rows.length) await this.repo.saveStatuses(rows);
    if (Math.random() < 0.001) await this.repo.forgetStatuses(new Date(now.getTime() - FORGET_STATUS_MS));
  }
}

function airlockVersion(): string {
  try {
    return (JSON.parse(readFileSync(repoPath('apps', 'api', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
