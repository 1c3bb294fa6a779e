import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';

/** The list's filter (exceptions.controller.ts exceptionFilter), as of a moment (what has expired depends on it). */
export interface ExceptionFilter {
  id?: string[];
  q?: string;
  status?: 'active' | 'expired' | 'revoked';
  providerId?: string;
  asOf: Date;
}

const withProvider = { provider: { select: { slug: true } } } as const;

/** Data access for time-limited exceptions (PolicyException); every query names the organization. */
@Injectable()
export class ExceptionsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  list(organizationId: string, f: ExceptionFilter, sort: Sort, page: Page) {
    const now = f.asOf;
    const and: Prisma.PolicyExceptionWhereInput[] = [];
    if (f.providerId) and.push({ providerId: f.providerId });
    if (f.status === 'active') and.push({ revokedAt: null, expiresAt: { gt: now } });
    if (f.status === 'expired') and.push({ revokedAt: null, expiresAt: { lte: now } });
    if (f.status === 'revoked') and.push({ revokedAt: { not: null } });
    const w: Prisma.PolicyExceptionWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...searchText(f.q, ['subjectEmail', 'subjectGroup', 'reason', 'dataClass']),
      AND: and,
    };
    return this.prisma.$transaction([
      this.prisma.policyException.findMany({ where: w, orderBy: [orderOf(sort), { id: 'asc' }], ...page, include: withProvider }),
      this.prisma.policyException.count({ where: w }),
    ]);
  }

  find(organizationId: string, id: string) {
    return this.db.policyException.findFirst({ where: { organizationId, id }, include: withProvider });
  }

  findProvider(organizationId: string, id: string) {
    return this.db.provider.findFirst({ where: { organizationId, id }, select: { id: true, slug: true } });
  }

  findGroup(organizationId: string, name: string) {
    return this.db.group.findFirst({ where: { organizationId, name: { equals: name, mode: 'insensitive' } }, select: { id: true } });
  }

  create(data: Prisma.PolicyExceptionUncheckedCreateInput) {
    return this.db.policyException.create({ data, include: withProvider });
  }

  revoke(organizationId: string, id: string, at: Date, byLabel: string) {
    return this.db.policyException.update({ where: { id, organizationId }, data: { revokedAt: at, revokedByLabel: byLabel }, include: withProvider });
  }

  /** The exceptions in force in one organization (not revoked, not expired), with their service's slug. */
  active(organizationId: string, now: Date) {
    return this.prisma.policyException.findMany({
      where: { organizationId, revokedAt: null, expiresAt: { gt: now } },
      include: withProvider,
      orderBy: { id: 'asc' },
    });
  }

  /** What the fallback poll compares per organization: exceptions in force, newest grant, newest revocation. */
  pollKeys() {
    return this.prisma.$queryRaw<{ organizationId: string; active: bigint; created: Date | null; revoked: Date | null }[]>`
      SELECT "organizationId", count(*) FILTER (WHERE "revokedAt" IS NULL AND "expiresAt" > now()) AS active,
             max("createdAt") AS created, max("revokedAt") AS revoked
      FROM "PolicyException" GROUP BY 1`;
  }
}
