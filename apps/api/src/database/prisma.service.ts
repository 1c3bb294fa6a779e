import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaClient } from '../generated/prisma/client';
import { withSerialTransactions } from './serial-transactions';
import type { TransactionStatus } from './transactions';

export type { Prisma } from '../generated/prisma/client';

/**
 * The Prisma client over the pg driver adapter, on a pg pool of our own: named in
 * pg_stat_activity (`airlock-api`), counted in the metrics, and with an error listener so that a
 * connection PostgreSQL ends while it sits idle (a restart, a failover) never ends the process.
 * Only repositories use it.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pool = new Pool({
      connectionString: config.databaseUrl,
      max: config.databasePoolSize,
      connectionTimeoutMillis: 5_000,
      // Bounded so a stuck statement cannot hold a connection forever (the server cancels it)...
      statement_timeout: 30_000,
      // ...and so a server that stops answering altogether cannot hold a request forever: the
      // statement fails here (503 to the caller), and its connection is thrown away or, inside a
      // transaction, catches up once the server answers again.
      query_timeout: config.databaseQueryTimeoutMs,
      application_name: 'airlock-api',
    });
    pool.on('error', () => undefined);
    // One statement at a time per transaction (serial-transactions.ts: pg deprecates overlapping ones).
    // Prisma's defaults (2 s to start a transaction, 5 s for all of it) are shorter than the pool's
    // connection timeout and a slow network's round trips: a write of ten statements over a 400 ms
    // round trip took 6 s and was rolled back. Past these, the caller gets 503 and nothing is kept.
    super({ adapter: withSerialTransactions(new PrismaPg(pool)), transactionOptions: { maxWait: 5_000, timeout: 15_000 } });
    this.pool = pool;
  }

  /** The id PostgreSQL gave transaction `tx` for its writes, or null while it has written nothing. */
  async writeTransactionId(tx: Tx): Promise<string | null> {
    const rows = await tx.$queryRaw<{ xid: string | null }[]>`SELECT txid_current_if_assigned()::text AS xid`;
    return rows[0]?.xid ?? null;
  }

  /**
   * What became of transaction `xid` (txid_status, PostgreSQL 10 and later), asked on a pool
   * connection of its own: null when the server no longer knows it.
   */
  async transactionStatus(xid: string): Promise<TransactionStatus> {
    const { rows } = await this.pool.query<{ status: TransactionStatus }>('SELECT txid_status($1::bigint) AS status', [xid]);
    return rows[0]?.status ?? null;
  }

  /** Last, after every module flushed what it buffers (decision logs, key usage) in onModuleDestroy. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    if (!this.pool.ended) await this.pool.end();
  }
}

/** A Prisma client inside or outside a transaction: what repositories read from `Transactions.db`. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends' | symbol
>;
