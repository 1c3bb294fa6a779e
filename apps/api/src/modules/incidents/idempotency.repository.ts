import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims the key for this transaction. A concurrent transaction holding the same key makes this
   * INSERT wait until it commits (then nothing is inserted) or rolls back (then this one claims it).
   */
  async claim(tx: Tx, organizationId: string, scope: string, key: string, requestHash: string): Promise<boolean> {
    const inserted = await tx.$executeRaw`
      INSERT INTO "IdempotencyKey" ("organizationId", scope, key, "requestHash", "statusCode", response, "createdAt")
      VALUES (${organizationId}::uuid, ${scope}, ${key}, ${requestHash}, 0, '{}'::jsonb, now())
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  find(tx: Tx, organizationId: string, scope: string, key: string) {
    return tx.idempotencyKey.findUnique({ where: { organizationId_scope_key: { organizationId, scope, key } } });
  }

  complete(tx: Tx, organizationId: string, scope: string, key: string, statusCode: number, response: Prisma.InputJsonValue) {
    return tx.idempotencyKey.update({
      where: { organizationId_scope_key: { organizationId, scope, key } },
      data: { statusCode, response },
    });
  }

  deleteOne(tx: Tx, organizationId: string, scope: string, key: string, createdBefore: Date) {
    return tx.idempotencyKey.deleteMany({ where: { organizationId, scope, key, createdAt: { lt: createdBefore } } });
  }

  /** Forgets the answers this module remembered longer than the retention. */
  purge(scopePrefix: string, createdBefore: Date) {
    return this.prisma.idempotencyKey.deleteMany({ where: { scope: { startsWith: scopePrefix }, createdAt: { lt: createdBefore } } });
  }
}
