import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import { idIn, orderOf, type Page, type Sort } from '../../common/list-query';
import type { Prisma } from '../../generated/prisma/client';

export interface AuditFilter {
  id?: string[];
  /** A prefix: `policy.` lists every policy action. */
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  since?: string;
  until?: string;
}

@Injectable()
export class AuditRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  /** Serialises appends per organization for the rest of the current transaction (`Transactions.db`). */
  async lockChain(organizationId: string): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${organizationId}`}, 0))`;
  }

  last(organizationId: string) {
    return this.db.auditEvent.findFirst({ where: { organizationId }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  }

  insert(data: Prisma.AuditEventUncheckedCreateInput) {
    return this.db.auditEvent.create({ data });
  }

  page(organizationId: string, afterSeq: number, take: number) {
    return this.prisma.auditEvent.findMany({ where: { organizationId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take });
  }

  list(organizationId: string, f: AuditFilter, sort: Sort, page: Page) {
    const w: Prisma.AuditEventWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...(f.action ? { action: { startsWith: f.action } } : {}),
      ...(f.entityType ? { entityType: f.entityType } : {}),
      ...(f.entityId ? { entityId: f.entityId } : {}),
      ...(f.actorId ? { actorId: f.actorId } : {}),
      ...(f.since || f.until ? { createdAt: { ...(f.since ? { gte: new Date(f.since) } : {}), ...(f.until ? { lte: new Date(f.until) } : {}) } } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.auditEvent.findMany({ where: w, orderBy: orderOf(sort), ...page }),
      this.prisma.auditEvent.count({ where: w }),
    ]);
  }

  findOne(organizationId: string, id: string) {
    return this.prisma.auditEvent.findFirst({ where: { organizationId, id } });
  }
}
