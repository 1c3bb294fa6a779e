import { Injectable } from '@nestjs/common';
import { idIn, orderOf, type Page, type Sort } from '../../common/list-query';
import { PrismaService, type Tx } from '../../database/prisma.service';
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
  constructor(private readonly prisma: PrismaService) {}

  readonly crud: CrudOps<CustomDetector> = {
    find: (tx, organizationId, id) => tx.customDetector.findFirst({ where: { organizationId, id } }),
    create: (tx, organizationId, data) =>
      tx.customDetector.create({ data: { ...(data as Prisma.CustomDetectorUncheckedCreateInput), organizationId } }),
    update: (tx, id, data) => tx.customDetector.update({ where: { id }, data: data as Prisma.CustomDetectorUncheckedUpdateInput }),
    remove: (tx, id) => tx.customDetector.delete({ where: { id } }),
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

  async dataClassExists(tx: Tx, organizationId: string, key: string): Promise<boolean> {
    return !!(await tx.dataClass.findUnique({ where: { organizationId_key: { organizationId, key } }, select: { id: true } }));
  }
}
