import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DECISION_LOG_COLUMNS, DecisionLogBatch, type DecisionLogEntry } from './decision-log.batch';

const UNIQUE_VIOLATION = '23505';

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
    this.pool = new Pool({
      connectionString: config.databaseUrl,
      max: 2,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 60_000,
      // A server that stops answering fails the batch (kept for the next flush) instead of holding it.
      query_timeout: Math.max(65_000, config.databaseQueryTimeoutMs),
      application_name: 'airlock-decision-log',
    });
    // An idle connection dropped by the server must not crash the process; the next batch reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Connections of this pool (for the metrics). */
  poolStats(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  /**
   * Writes a batch in one transaction. The table has no foreign key to Organization (its per-row
   * check was a third of PostgreSQL's cost per decision, ADR 0009): the batch's organizations are
   * checked here once, and locked as the foreign key would have (KEY SHARE, until commit). Rows of
   * an organization deleted since its decisions are discarded and counted, not retried forever.
   *
   * A batch is one transaction, so it is written whole or not at all; when the connection is lost
   * after the COMMIT reached the server but before its answer came back, the retry finds the rows
   * there (a unique violation on the log's key, whose ids are unique per decision) and counts the
   * batch as written instead of failing on it forever or writing it twice.
   */
  async insert(input: DecisionLogBatch): Promise<{ written: number; discarded: number }> {
    if (input.size === 0) return { written: 0, discarded: 0 };
    try {
      return await this.insertOnce(input);
    } catch (err) {
      if ((err as { code?: unknown }).code === UNIQUE_VIOLATION && input.attempts > 1) return { written: input.size, discarded: 0 };
      throw err;
    }
  }

  private async insertOnce(input: DecisionLogBatch): Promise<{ written: number; discarded: number }> {
    input.attempts += 1;
    const client = await this.pool.connect();
    // A checked-out client has no error listener of the pool's: PostgreSQL ending the connection
    // between two statements of this transaction (a restart, a failover, pg_terminate_backend) emits
    // 'error' on it, which, unheard, would end the process. Heard, the next statement fails, the
    // batch stays buffered for the next flush, and the broken connection is thrown away on release.
    const connection: { lost: Error | null } = { lost: null };
    const onError = (err: Error) => (connection.lost = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const organizationIds = input.organizationIds();
      const found = await client.query<{ id: string }>('SELECT "id" FROM "Organization" WHERE "id" = ANY($1::uuid[]) FOR KEY SHARE', [organizationIds]);
      const gone = new Set(organizationIds);
      for (const { id } of found.rows) gone.delete(id);
      const batch = gone.size ? input.without(gone) : input;
      if (batch.size === 0) {
        await client.query('COMMIT');
        return { written: 0, discarded: input.size };
      }
      await this.writeRows(client, batch);
      await client.query('COMMIT');
      return { written: batch.size, discarded: input.size - batch.size };
    } catch (err) {
      if (!connection.lost) await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.removeListener('error', onError);
      // Passing an error destroys the connection instead of returning it to the pool.
      client.release(connection.lost ?? undefined);
    }
  }

  /** COPY of the batch's rows, then its rollups, on a client inside a transaction. */
  private async writeRows(client: PoolClient, batch: DecisionLogBatch): Promise<void> {
    const rollups = batch.rollupRows();
    const classRollups = batch.classRollupRows();
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
    const overrides = batch.overrideRollupRows();
    if (overrides.warned.length) {
      await client.query(
        `INSERT INTO "DecisionOverrideRollup" ("organizationId", "bucket", "providerSlug", "subjectGroup", "warned", "overridden")
         SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::int[])
         ON CONFLICT ("organizationId", "bucket", "providerSlug", "subjectGroup")
         DO UPDATE SET "warned" = "DecisionOverrideRollup"."warned" + EXCLUDED."warned",
                       "overridden" = "DecisionOverrideRollup"."overridden" + EXCLUDED."overridden"`,
        [overrides.organizationId, overrides.bucket, overrides.providerSlug, overrides.subjectGroup, overrides.warned, overrides.overridden],
      );
    }
  }

  /**
   * Decisions a local evaluator reported (POST /v1/decisions/report), written at once rather than
   * buffered, so the answer can say they are logged: in one transaction, their ids are recorded in
   * ReportedDecision (those already there are a batch sent again, and skipped), then the new rows
   * and their rollups are written. Returns the ids that were new. The organization is checked and
   * locked as for every batch.
   */
  async insertReported(organizationId: string, entries: readonly { reportedId: string; entry: DecisionLogEntry }[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const client = await this.pool.connect();
    const connection: { lost: Error | null } = { lost: null };
    const onError = (err: Error) => (connection.lost = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const org = await client.query('SELECT "id" FROM "Organization" WHERE "id" = $1::uuid FOR KEY SHARE', [organizationId]);
      if (org.rowCount === 0) {
        await client.query('ROLLBACK');
        return new Set();
      }
      const fresh = await client.query<{ id: string }>(
        `INSERT INTO "ReportedDecision" ("organizationId", "id", "time")
         SELECT $1::uuid, * FROM unnest($2::uuid[], $3::timestamptz[])
         ON CONFLICT DO NOTHING RETURNING "id"::text AS id`,
        [organizationId, entries.map((e) => e.reportedId), entries.map((e) => e.entry.time.toISOString())],
      );
      const ids = new Set(fresh.rows.map((r) => r.id));
      const batch = new DecisionLogBatch(ids.size);
      for (const e of entries) if (ids.has(e.reportedId)) batch.add(e.entry);
      if (batch.size > 0) await this.writeRows(client, batch);
      await client.query('COMMIT');
      batch.release();
      return ids;
    } catch (err) {
      if (!connection.lost) await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.removeListener('error', onError);
      client.release(connection.lost ?? undefined);
    }
  }

  /** Forgets reported ids older than the report window (a report that old is refused anyway). */
  async pruneReported(before: Date): Promise<number> {
    const res = await this.pool.query('DELETE FROM "ReportedDecision" WHERE "time" < $1', [before.toISOString()]);
    return res.rowCount ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    // Closing an application twice (a bounded close, then the usual one) must not throw here.
    if (!this.pool.ended) await this.pool.end();
  }
}
