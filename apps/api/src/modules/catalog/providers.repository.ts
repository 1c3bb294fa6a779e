import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import { idIn, orderOf, type Page, type Sort } from '../../common/list-query';
import type { Prisma } from '../../generated/prisma/client';
import type { ProviderStatus, TrainsOnInputs } from '../../generated/prisma/enums';

export interface ProviderFilter {
  id?: string[];
  q?: string;
  status?: ProviderStatus | ProviderStatus[];
  trainsOnInputs?: TrainsOnInputs;
  dataCountry?: string;
  hqCountry?: string;
  minRisk?: number;
}

@Injectable()
export class ProvidersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  list(organizationId: string, f: ProviderFilter, sort: Sort, page: Page) {
    const w: Prisma.ProviderWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...(f.status ? { status: { in: Array.isArray(f.status) ? f.status : [f.status] } } : {}),
      ...(f.trainsOnInputs ? { trainsOnInputs: f.trainsOnInputs } : {}),
      ...(f.dataCountry ? { dataCountries: { has: f.dataCountry } } : {}),
      ...(f.hqCountry ? { hqCountry: f.hqCountry } : {}),
      ...(f.minRisk !== undefined ? { riskScore: { gte: f.minRisk } } : {}),
      ...(f.q
        ? {
            OR: [
              { name: { contains: f.q, mode: 'insensitive' as const } },
              { vendor: { contains: f.q, mode: 'insensitive' as const } },
              { slug: { contains: f.q.toLowerCase() } },
              { domains: { has: f.q.toLowerCase() } },
            ],
          }
        : {}),
    };
    return this.prisma.$transaction([
      this.prisma.provider.findMany({ where: w, orderBy: [orderOf(sort), { slug: 'asc' }], ...page }),
      this.prisma.provider.count({ where: w }),
    ]);
  }

  find(organizationId: string, id: string) {
    return this.db.provider.findFirst({ where: { organizationId, id } });
  }

  /** The ids among `ids` that are this organization's services. */
  async existingIds(organizationId: string, ids: string[]): Promise<Set<string>> {
    return new Set((await this.db.provider.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true } })).map((r) => r.id));
  }

  findBySlug(organizationId: string, slug: string) {
    return this.db.provider.findUnique({ where: { organizationId_slug: { organizationId, slug } } });
  }

  create(data: Prisma.ProviderUncheckedCreateInput) {
    return this.db.provider.create({ data });
  }

  update(id: string, data: Prisma.ProviderUncheckedUpdateInput) {
    return this.db.provider.update({ where: { id }, data });
  }

  delete(id: string) {
    return this.db.provider.delete({ where: { id } });
  }

  orgSettings(organizationId: string) {
    return this.db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  }
}
