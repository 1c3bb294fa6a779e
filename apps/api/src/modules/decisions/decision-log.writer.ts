import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PrismaService } from '../../database/prisma.service';
import type { DecisionAction, Effect } from '../../generated/prisma/enums';
import { SingleFlight } from '../../common/single-flight';
import { MetricsService } from '../metrics/metrics.service';

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
 * writes batches (one multi-row INSERT plus the hourly rollups the dashboard reads). When the
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
    private readonly prisma: PrismaService,
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

  /**
   * One statement per batch: the rows travel as one JSON parameter (JSON.stringify is native and
   * cheap; an ORM bulk insert of a thousand rows would hold the event loop for tens of
   * milliseconds), PostgreSQL expands them with jsonb_to_recordset, inserts them and adds their
   * counts to the hourly rollups in the same transaction.
   */
  private async write(batch: DecisionLogEntry[]): Promise<void> {
    const rows = JSON.stringify(batch);
    await this.prisma.$executeRaw`
      WITH batch AS (
        SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS x(
          "id" uuid, "time" timestamptz, "organizationId" uuid, "apiClientId" uuid, "policyVersion" int,
          "providerSlug" text, "destinationHost" text, "action" "DecisionAction", "channel" text, "networkZones" text[],
          "subjectId" text, "subjectGroups" text[], "effect" "Effect", "ruleIds" text[], "dataClasses" text[],
          "contentHmac" text, "correlationId" text, "latencyMicros" int, "staleSeconds" int)
      ),
      logged AS (
        INSERT INTO "DecisionLog" ("id", "time", "organizationId", "apiClientId", "policyVersion", "providerSlug", "destinationHost",
          "action", "channel", "networkZones", "subjectId", "subjectGroups", "effect", "ruleIds", "dataClasses", "contentHmac",
          "correlationId", "latencyMicros", "staleSeconds")
        SELECT "id", "time", "organizationId", "apiClientId", "policyVersion", "providerSlug", "destinationHost", "action", "channel",
          "networkZones", "subjectId", "subjectGroups", "effect", "ruleIds", "dataClasses", "contentHmac", "correlationId",
          "latencyMicros", "staleSeconds" FROM batch
      ),
      rollup AS (
        INSERT INTO "DecisionRollup" ("organizationId", "bucket", "providerSlug", "action", "effect", "count")
        SELECT "organizationId", date_trunc('hour', "time" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
               COALESCE("providerSlug", 'host:' || "destinationHost", ''), "action", "effect", count(*)
        FROM batch GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT ("organizationId", "bucket", "providerSlug", "action", "effect")
        DO UPDATE SET "count" = "DecisionRollup"."count" + EXCLUDED."count"
      )
      INSERT INTO "DecisionClassRollup" ("organizationId", "bucket", "dataClass", "effect", "count")
      SELECT "organizationId", date_trunc('hour', "time" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', dc, "effect", count(*)
      FROM batch, unnest("dataClasses") AS dc GROUP BY 1, 2, 3, 4
      ON CONFLICT ("organizationId", "bucket", "dataClass", "effect")
      DO UPDATE SET "count" = "DecisionClassRollup"."count" + EXCLUDED."count"`;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
    if (this.buffer.length) this.logger.warn(`${this.buffer.length} decision logs could not be written before shutdown`);
  }
}
