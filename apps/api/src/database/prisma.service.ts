import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaClient } from '../generated/prisma/client';
import { withSerialTransactions } from './serial-transactions';

export type { Prisma } from '../generated/prisma/client';

/** The Prisma client over the pg driver adapter. Only repositories use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      // One statement at a time per transaction (serial-transactions.ts: pg deprecates overlapping ones).
      adapter: withSerialTransactions(
        new PrismaPg({
          connectionString: config.databaseUrl,
          max: config.databasePoolSize,
          connectionTimeoutMillis: 5_000,
          // Bounded so a stuck statement cannot hold a connection forever.
          statement_timeout: 30_000,
        }),
      ),
    });
  }

  /** Last, after every module flushed what it buffers (decision logs, key usage) in onModuleDestroy. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

/** A Prisma transaction client, passed down from services to repositories. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends' | symbol
>;
