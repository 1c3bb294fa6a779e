import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Serialises appends per organization for the rest of the transaction. */
  async lockChain(tx: Tx, organizationId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${organizationId}`}, 0))`;
  }

  last(tx: Tx, organizationId: string) {
    return tx.auditEvent.findFirst({ where: { organizationId }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  }

  insert(tx: Tx, data: Prisma.AuditEventUncheckedCreateInput) {
    return tx.auditEvent.create({ data });
  }

  page(organizationId: string, afterSeq: number, take: number) {
    return this.prisma.auditEvent.findMany({ where: { organizationId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take });
  }

  list(organizationId: string, where: Prisma.AuditEventWhereInput, orderBy: Prisma.AuditEventOrderByWithRelationInput, skip: number, take: number) {
    const w = { ...where, organizationId };
    return this.prisma.$transaction([
      this.prisma.auditEvent.findMany({ where: w, orderBy, skip, take }),
      this.prisma.auditEvent.count({ where: w }),
    ]);
  }

  findOne(organizationId: string, id: string) {
    return this.prisma.auditEvent.findFirst({ where: { organizationId, id } });
  }
}
