import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

/** The organization row: its name, slug and settings (JSON, read through `readOrgSettings`). */
@Injectable()
export class SettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  get(organizationId: string, db: Tx = this.prisma) {
    return db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { id: true, name: true, slug: true, settings: true },
    });
  }

  update(tx: Tx, organizationId: string, data: { settings: Prisma.InputJsonValue; name?: string }) {
    return tx.organization.update({ where: { id: organizationId }, data });
  }
}
