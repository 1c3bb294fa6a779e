import { Injectable } from '@nestjs/common';
import { idIn, orderOf, type Page, type Sort } from '../../common/list-query';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { CustomDetector, Prisma } from '../../generated/prisma/client';
import type { DetectorKind } from '../../generated/prisma/enums';
import type { CrudOps } from '../directory/audited-crud';

export interface DetectorFilter {
  id?: string[];
  q?: string;
  kind?: DetectorKind;
  enabled?: boolean;
}

/** Custom detectors: every query scoped to the organization. */
@Injectable()
export class DetectorsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  readonly crud: CrudOps<CustomDetector> = {
    find: (organizationId, id) => this.db.customDetector.findFirst({ where: { organizationId, id } }),
    create: (organizationId, data) =>
      this.db.customDetector.create({ data: { ...(data as Prisma.CustomDetectorUncheckedCreateInput), organizationId } }),
    update: (organizationId, id, data) => this.db.customDetector.update({ where: { id, organizationId }, data: data as Prisma.CustomDetectorUncheckedUpdateInput }),
    remove: (organizationId, id) => this.db.customDetector.delete({ where: { id, organizationId } }),
  };

  list(organizationId: string, f: DetectorFilter, sort: Sort, page: Page) {
    const where: Prisma.CustomDetectorWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.enabled !== undefined ? { enabled: f.enabled } : {}),
      ...(f.q ? { name: { contains: f.q, mode: 'insensitive' as const } } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.customDetector.findMany({ where, orderBy: orderOf(sort), ...page }),
      this.prisma.customDetector.count({ where }),
    ]);
  }

  async dataClassExists(organizationId: string, key: string): Promise<boolean> {
    return !!(await this.db.dataClass.findUnique({ where: { organizationId_key: { organizationId, key } }, select: { id: true } }));
  }
}
