import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DECISION_LOG_COLUMNS, type DecisionLogBatch } from './decision-log.batch';

const COPY_SQL = `COPY "DecisionLog" (${DECISION_LOG_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;

/**
 * Where decision log batches go: PostgreSQL's COPY, the cheapest way in for both sides (measured:
 * the ingest of every decision runs on the same cores as the API), then the hourly rollups, in one
 * transaction. It holds its own small pool of plain pg connections because COPY is not something
 * Prisma speaks; everything else about decision logs reads through Prisma.
 */
@Injectable()
export class DecisionLogStore implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 2, connectionTimeoutMillis: 5_000, statement_timeout: 60_000 });
    // An idle connection dropped by the server must not crash the process; the next batch reconnects.
    this.pool.on('error', () => undefined);
  }

  async insert(batch: DecisionLogBatch): Promise<void> {
    if (batch.size === 0) return;
    const rollups = batch.rollupRows();
    const classRollups = batch.classRollupRows();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await pipeline(Readable.from([batch.copyText()]), client.query(copyFrom(COPY_SQL)));
      if (rollups.count.length) {
        await client.query(
          `INSERT INTO "DecisionRollup" ("organizationId", "bucket", "providerSlug", "action", "effect", "count")
           SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::"DecisionAction"[], $5::"Effect"[], $6::int[])
           ON CONFLICT ("organizationId", "bucket", "providerSlug", "action", "effect")
           DO UPDATE SET "count" = "DecisionRollup"."count" + EXCLUDED."count"`,
          [rollups.organizationId, rollups.bucket, rollups.providerSlug, rollups.action, rollups.effect, rollups.count],
        );
      }
      if (classRollups.count.length) {
        await client.query(
          `INSERT INTO "DecisionClassRollup" ("organizationId", "bucket", "dataClass", "effect", "count")
           SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::"Effect"[], $5::int[])
           ON CONFLICT ("organizationId", "bucket", "dataClass", "effect")
           DO UPDATE SET "count" = "DecisionClassRollup"."count" + EXCLUDED."count"`,
          [classRollups.organizationId, classRollups.bucket, classRollups.dataClass, classRollups.effect, classRollups.count],
        );
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
