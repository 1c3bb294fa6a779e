import { Inject, Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SingleFlight } from '../../common/single-flight';
import { MetricsService } from '../metrics/metrics.service';
import { DecisionLogBatch, type DecisionLogEntry } from './decision-log.batch';
import { DecisionLogStore } from './decision-log.store';
import { BackgroundJobs } from '../../common/background-jobs';
import { SiemTap } from '../siem/siem-tap';
import { BlockedDecisionsDigest } from '../webhooks/blocked-decisions.service';

export type { DecisionLogEntry } from './decision-log.batch';

const BATCH = 1000;
/**
 * While a write is in flight the next batch keeps filling, up to this many entries: a transaction
 * costs the same seven round trips whatever its size, so when the writer falls behind (an event loop
 * busy with requests, a slow database) bigger transactions let it catch up instead of dropping.
 * Measured at 200 connections on two cores: with 1,000-entry batches each worker wrote ~1,500
 * entries/s against ~3,000 decided, and dropped half of them once the buffer was full.
 */
const MAX_BATCH = 10_000;

/**
 * Decision logs leave the request path: `push` turns the entry into its COPY line and counts its
 * rollups in the current batch (DecisionLogBatch), nothing more; a timer writes the batches (COPY
 * plus the hourly rollups the dashboard reads, see DecisionLogStore). When the buffer is full new
 * entries are dropped and counted (airlock_decision_log_dropped_total), so a slow or absent
 * database never slows decisions down. The buffer is flushed on shutdown.
 */
@Injectable()
export class DecisionLogWriter implements OnModuleDestroy {
  private readonly logger = new Logger('DecisionLog');
  /** Batches of BATCH entries waiting to be written, oldest first; `current` fills up behind them. */
  private readonly sealed: DecisionLogBatch[] = [];
  private current = new DecisionLogBatch(BATCH);
  private buffered = 0;
  dropped = 0;
  written = 0;

  constructor(
    private readonly store: DecisionLogStore,
    private readonly metrics: MetricsService,
    private readonly jobs: BackgroundJobs,
    private readonly siem: SiemTap,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(BlockedDecisionsDigest) private readonly blocked: BlockedDecisionsDigest | null = null,
  ) {
    this.metrics.registerGauge('airlock_decision_log_buffer', 'Decision log entries waiting to be written', () => this.buffered);
  }

  start(): void {
    this.jobs.every('decision-log-flush', this.config.decisionLogFlushMs, () => this.flush());
  }

  push(entry: DecisionLogEntry): void {
    // The SIEM streams get the entry whether or not the log's buffer has room (an enqueue, nothing more).
    this.siem.decision(entry);
    // The decisions.blocked webhook's per-minute counts (memory only, O(1)), full buffer or not.
    if (entry.effect === 'block' && this.blocked !== null) this.blocked.count(entry);
    if (this.buffered >= this.config.decisionLogBuffer) {
      this.dropped += 1;
      this.metrics.decisionLogDropped.inc();
      return;
    }
    this.current.add(entry);
    this.buffered += 1;
    if (this.current.size >= (this.flusher.busy ? MAX_BATCH : BATCH)) {
      this.seal();
      void this.flush();
    }
  }

  poolStats(): { total: number; idle: number; waiting: number } {
    return this.store.poolStats();
  }

  get pending(): number {
    return this.buffered;
  }

  /** Writes everything buffered so far; concurrent calls share one flush. */
  flush(): Promise<void> {
    return this.flusher.run({ again: true });
  }

  private seal(): void {
    if (this.current.size === 0) return;
    this.sealed.push(this.current);
    this.current = new DecisionLogBatch(BATCH);
  }

  private readonly flusher = new SingleFlight(async () => {
    this.seal();
    while (this.sealed.length > 0) {
      const batch = this.sealed[0]!;
      let result: { written: number; discarded: number };
      try {
        result = await this.store.insert(batch);
      } catch (err) {
        // Keep the batch for the next attempt (the buffer bound still applies).
        this.metrics.decisionLogWriteFailures.inc();
        this.logger.warn(`Could not write ${batch.size} decision logs: ${(err as Error).message}`);
        return;
      }
      this.sealed.shift();
      this.buffered -= batch.size;
      this.written += result.written;
      this.metrics.decisionLogWritten.inc(result.written);
      this.countDiscarded(result.discarded);
      batch.release();
    }
  });

  /** Writes entries directly (bulk loads such as the demo history), in batches, with their rollups. */
  async writeNow(entries: readonly DecisionLogEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = new DecisionLogBatch(BATCH);
      for (const e of entries.slice(i, i + BATCH)) batch.add(e);
      this.countDiscarded((await this.store.insert(batch)).discarded);
      batch.release();
    }
  }

  /** Rows whose organization no longer exists: dropped like a full buffer's, and said why. */
  private countDiscarded(discarded: number): void {
    if (discarded === 0) return;
    this.dropped += discarded;
    this.metrics.decisionLogDropped.inc(discarded);
    this.logger.warn(`Discarded ${discarded} decision logs of organizations that no longer exist`);
  }

  async onModuleDestroy(): Promise<void> {
    this.jobs.stop('decision-log-flush');
    await this.flush();
    if (this.buffered) this.logger.warn(`${this.buffered} decision logs could not be written before shutdown`);
  }
}
