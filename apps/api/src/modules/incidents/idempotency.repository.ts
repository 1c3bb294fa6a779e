import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';

@Injectable()
export class IdempotencyRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  /**
   * Claims the key for this transaction. A concurrent transaction holding the same key makes this
   * INSERT wait until it commits (then nothing is inserted) or rolls back (then this one claims it).
   */
  async claim(organizationId: string, scope: string, key: string, requestHash: string): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO "IdempotencyKey" ("organizationId", scope, key, "requestHash", "statusCode", response, "createdAt")
      VALUES (${organizationId}::uuid, ${scope}, ${key}, ${requestHash}, 0, '{}'::jsonb, now())
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  find(organizationId: string, scope: string, key: string) {
    return this.db.idempotencyKey.findUnique({ where: { organizationId_scope_key: { organizationId, scope, key } } });
  }

  complete(organizationId: string, scope: string, key: string, statusCode: number, response: Prisma.InputJsonValue) {
    return this.db.idempotencyKey.update({
      where: { organizationId_scope_key: { organizationId, scope, key } },
      data: { statusCode, response },
    });
  }

  deleteOne(organizationId: string, scope: string, key: string, createdBefore: Date) {
    return this.db.idempotencyKey.deleteMany({ where: { organizationId, scope, key, createdAt: { lt: createdBefore } } });
  }

  /** Forgets the answers this module remembered longer than the retention. */
  purge(scopePrefix: string, createdBefore: Date) {
    return this.prisma.idempotencyKey.deleteMany({ where: { scope: { startsWith: scopePrefix }, createdAt: { lt: createdBefore } } });
  }
}
