import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { type CopyValue, copyRows } from './copy-text';
import type { DecisionLogEntry } from './decision-log.writer';

const COLUMNS = [
  'id', 'time', 'organizationId', 'apiClientId', 'policyVersion', 'providerSlug', 'destinationHost', 'action', 'channel',
  'networkZones', 'subjectId', 'subjectGroups', 'effect', 'ruleIds', 'dataClasses', 'contentHmac', 'correlationId',
  'latencyMicros', 'staleSeconds',
] as const satisfies readonly (keyof DecisionLogEntry)[];

const COPY_SQL = `COPY "DecisionLog" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;

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

  async insert(batch: readonly DecisionLogEntry[]): Promise<void> {
    const rows: CopyValue[][] = batch.map((e) => COLUMNS.map((c) => e[c] as CopyValue));
    const rollups = new Map<string, [string, string, string, string, string, number]>();
    const classRollups = new Map<string, [string, string, string, string, number]>();
    for (const e of batch) {
      const bucket = new Date(Math.floor(e.time.getTime() / 3_600_000) * 3_600_000).toISOString();
      const provider = e.providerSlug ?? (e.destinationHost ? `host:${e.destinationHost}` : '');
      const key = `${e.organizationId}|${bucket}|${provider}|${e.action}|${e.effect}`;
      const r = rollups.get(key);
      if (r) r[5] += 1;
      else rollups.set(key, [e.organizationId, bucket, provider, e.action, e.effect, 1]);
      for (const dc of e.dataClasses) {
        const ck = `${e.organizationId}|${bucket}|${dc}|${e.effect}`;
        const c = classRollups.get(ck);
        if (c) c[4] += 1;
        else classRollups.set(ck, [e.organizationId, bucket, dc, e.effect, 1]);
      }
    }
    const col = <T extends unknown[]>(m: Map<string, T>, i: number) => [...m.values()].map((v) => v[i]);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await pipeline(Readable.from([copyRows(rows)]), client.query(copyFrom(COPY_SQL)));
      if (rollups.size) {
        await client.query(
          `INSERT INTO "DecisionRollup" ("organizationId", "bucket", "providerSlug", "action", "effect", "count")
           SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::"DecisionAction"[], $5::"Effect"[], $6::int[])
           ON CONFLICT ("organizationId", "bucket", "providerSlug", "action", "effect")
           DO UPDATE SET "count" = "DecisionRollup"."count" + EXCLUDED."count"`,
          [col(rollups, 0), col(rollups, 1), col(rollups, 2), col(rollups, 3), col(rollups, 4), col(rollups, 5)],
        );
      }
      if (classRollups.size) {
        await client.query(
          `INSERT INTO "DecisionClassRollup" ("organizationId", "bucket", "dataClass", "effect", "count")
           SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::"Effect"[], $5::int[])
           ON CONFLICT ("organizationId", "bucket", "dataClass", "effect")
           DO UPDATE SET "count" = "DecisionClassRollup"."count" + EXCLUDED."count"`,
          [col(classRollups, 0), col(classRollups, 1), col(classRollups, 2), col(classRollups, 3), col(classRollups, 4)],
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
