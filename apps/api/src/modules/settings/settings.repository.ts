import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';

/** The organization row: its name, slug and settings (JSON, read through `readOrgSettings`). */
@Injectable()
export class SettingsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  get(organizationId: string) {
    return this.db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { id: true, name: true, slug: true, settings: true },
    });
  }

  update(organizationId: string, data: { settings: Prisma.InputJsonValue; name?: string }) {
    return this.db.organization.update({ where: { id: organizationId }, data });
  }
}
