import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { DecisionAction, Effect } from '../../generated/prisma/enums';
import { SingleFlight } from '../../common/single-flight';
import { MetricsService } from '../metrics/metrics.service';
import { DecisionLogStore } from './decision-log.store';

export interface DecisionLogEntry {
  id: string;
  time: Date;
  organizationId: string;
  apiClientId: string | null;
  policyVersion: number;
  providerSlug: string | null;
  destinationHost: string | null;
  action: DecisionAction;
  channel: string | null;
  networkZones: readonly string[];
  subjectId: string | null;
  subjectGroups: readonly string[];
  effect: Effect;
  ruleIds: readonly string[];
  dataClasses: readonly string[];
  contentHmac: string | null;
  correlationId: string | null;
  latencyMicros: number;
  staleSeconds: number | null;
}

const BATCH = 1000;

/**
 * Decision logs leave the request path: `push` only appends to a bounded in-memory buffer; a timer
 * writes batches (COPY plus the hourly rollups the dashboard reads, see DecisionLogStore). When the
 * buffer is full new entries are dropped and counted (airlock_decision_log_dropped_total), so a slow
 * or absent database never slows decisions down. The buffer is flushed on shutdown.
 */
@Injectable()
export class DecisionLogWriter implements OnModuleDestroy {
  private readonly logger = new Logger('DecisionLog');
  private buffer: DecisionLogEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  dropped = 0;
  written = 0;

  constructor(
    private readonly store: DecisionLogStore,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.metrics.registerGauge('airlock_decision_log_buffer', 'Decision log entries waiting to be written', () => this.buffer.length);
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.config.decisionLogFlushMs);
    this.timer.unref();
  }

  push(entry: DecisionLogEntry): void {
    if (this.buffer.length >= this.config.decisionLogBuffer) {
      this.dropped += 1;
      this.metrics.decisionLogDropped.inc();
      return;
    }
    this.buffer.push(entry);
    if (this.buffer.length >= BATCH) void this.flush();
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** Writes everything buffered so far; concurrent calls share one flush. */
  flush(): Promise<void> {
    return this.flusher.run();
  }

  private readonly flusher = new SingleFlight(async () => {
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, BATCH);
      try {
        await this.write(batch);
      } catch (err) {
        // Keep the entries for the next attempt (the buffer bound still applies).
        this.logger.warn(`Could not write ${batch.length} decision logs: ${(err as Error).message}`);
        return;
      }
      this.buffer.splice(0, batch.length);
      this.written += batch.length;
    }
  });

  /** Writes entries directly (bulk loads such as the demo history), in batches, with their rollups. */
  async writeNow(entries: DecisionLogEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH) await this.write(entries.slice(i, i + BATCH));
  }

  private async write(batch: DecisionLogEntry[]): Promise<void> {
    await this.store.insert(batch);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
    if (this.buffer.length) this.logger.warn(`${this.buffer.length} decision logs could not be written before shutdown`);
  }
}
