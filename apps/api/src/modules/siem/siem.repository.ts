import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';
import type { Prisma } from '../../generated/prisma/client';

export interface SiemFilter {
  id?: string[];
  q?: string;
  enabled?: boolean;
  transport?: string;
}

export interface StatusRow {
  destinationId: string;
  instanceId: string;
  organizationId: string;
  queued: number;
  sent: number;
  dropped: number;
  failures: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  updatedAt: Date;
}

/** SIEM destinations and each instance's delivery counts; every query of an organization's rows scoped to it. */
@Injectable()
export class SiemRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  private get db(): Tx {
    return this.transactions.db;
  }

  list(organizationId: string, f: SiemFilter, sort: Sort, page: Page) {
    const w: Prisma.SiemDestinationWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...(f.enabled !== undefined ? { enabled: f.enabled } : {}),
      ...(f.transport ? { transport: f.transport } : {}),
      ...searchText(f.q, ['name', 'host', 'url']),
    };
    return this.prisma.$transaction([
      this.prisma.siemDestination.findMany({ where: w, orderBy: [orderOf(sort), { id: 'asc' }], ...page }),
      this.prisma.siemDestination.count({ where: w }),
    ]);
  }

  find(organizationId: string, id: string) {
    return this.db.siemDestination.findFirst({ where: { organizationId, id } });
  }

  nameTaken(organizationId: string, name: string, exceptId: string | null) {
    return this.db.siemDestination.findFirst({ where: { organizationId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  }

  create(data: Prisma.SiemDestinationUncheckedCreateInput) {
    return this.db.siemDestination.create({ data });
  }

  update(organizationId: string, id: string, data: Prisma.SiemDestinationUncheckedUpdateInput) {
    return this.db.siemDestination.update({ where: { id, organizationId }, data });
  }

  delete(organizationId: string, id: string) {
    return this.db.siemDestination.delete({ where: { id, organizationId } });
  }

  /** Every organization's enabled destinations (each instance's runtime). */
  allEnabled() {
    return this.prisma.siemDestination.findMany({ where: { enabled: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** Every instance's counts for the organization's destinations. */
  async statuses(organizationId: string, destinationIds: readonly string[]): Promise<StatusRow[]> {
    if (!destinationIds.length) return [];
    const rows = await this.prisma.siemDeliveryStatus.findMany({ where: { organizationId, destinationId: { in: [...destinationIds] } } });
    return rows.map((r) => ({ ...r, sent: Number(r.sent), dropped: Number(r.dropped), failures: Number(r.failures) }));
  }

  /** This instance's counts (destinations deleted meanwhile are skipped). */
  async saveStatuses(rows: readonly StatusRow[]): Promise<void> {
    for (const r of rows) {
      await this.prisma.$executeRaw`
        INSERT INTO "SiemDeliveryStatus" ("destinationId", "instanceId", "organizationId", queued, sent, dropped, failures, "lastSuccessAt", "lastError", "lastErrorAt", "updatedAt")
        SELECT ${r.destinationId}::uuid, ${r.instanceId}::uuid, ${r.organizationId}::uuid, ${r.queued}, ${r.sent}, ${r.dropped}, ${r.failures}, ${r.lastSuccessAt}, ${r.lastError}, ${r.lastErrorAt}, ${r.updatedAt}
        WHERE EXISTS (SELECT 1 FROM "SiemDestination" WHERE id = ${r.destinationId}::uuid)
        ON CONFLICT ("destinationId", "instanceId") DO UPDATE SET
          queued = EXCLUDED.queued, sent = EXCLUDED.sent, dropped = EXCLUDED.dropped, failures = EXCLUDED.failures,
          "lastSuccessAt" = EXCLUDED."lastSuccessAt", "lastError" = EXCLUDED."lastError", "lastErrorAt" = EXCLUDED."lastErrorAt",
          "updatedAt" = EXCLUDED."updatedAt"`;
    }
  }

  /** Counts of instances not heard of since `before` (long gone). */
  forgetStatuses(before: Date) {
    return this.prisma.siemDeliveryStatus.deleteMany({ where: { updatedAt: { lt: before } } });
  }
}
