import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';

/** Catalog releases as applied to each organization (CatalogUpdate) and the rows they touch. */
@Injectable()
export class CatalogReleaseRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  /** Serialises release application across instances for the transaction's duration. */
  async lock(): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('airlock:catalog-release', 0))`;
  }

  organizationsWithout(releaseId: string) {
    return this.prisma.organization.findMany({
      where: { catalogUpdates: { none: { releaseId } } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  hasRelease(organizationId: string, releaseId: string) {
    return this.db.catalogUpdate.findUnique({ where: { organizationId_releaseId: { organizationId, releaseId } }, select: { id: true } });
  }

  latest(organizationId: string) {
    return this.db.catalogUpdate.findFirst({ where: { organizationId }, orderBy: { appliedAt: 'desc' } });
  }

  create(data: Prisma.CatalogUpdateUncheckedCreateInput) {
    return this.db.catalogUpdate.create({ data });
  }

  unreviewed(organizationId: string) {
    return this.db.catalogUpdate.findMany({ where: { organizationId, reviewedAt: null }, orderBy: { appliedAt: 'asc' } });
  }

  lastReviewed(organizationId: string) {
    return this.prisma.catalogUpdate.findFirst({ where: { organizationId, reviewedAt: { not: null } }, orderBy: { reviewedAt: 'desc' } });
  }

  markReviewed(organizationId: string, ids: string[], reviewedById: string | null, note: string | null) {
    return this.db.catalogUpdate.updateMany({ where: { organizationId, id: { in: ids } }, data: { reviewedAt: new Date(), reviewedById, reviewNote: note } });
  }

  builtinProviders(organizationId: string) {
    return this.db.provider.findMany({ where: { organizationId, builtin: true } });
  }

  allSlugs(organizationId: string) {
    return this.db.provider.findMany({ where: { organizationId }, select: { slug: true, builtin: true } });
  }

  /** The built-in entry left the catalog: the organization's row stays, marked withdrawn. */
  markWithdrawn(organizationId: string, id: string) {
    return this.db.provider.update({ where: { id, organizationId }, data: { catalogVersion: 'withdrawn' } });
  }

  updateProvider(organizationId: string, id: string, data: Prisma.ProviderUncheckedUpdateInput) {
    return this.db.provider.update({ where: { id, organizationId }, data });
  }

  createProvider(data: Prisma.ProviderUncheckedCreateInput) {
    return this.db.provider.create({ data });
  }

  providerEdits(organizationId: string, providerIds: string[]) {
    return this.db.auditEvent.findMany({
      where: { organizationId, entityType: 'Provider', action: 'provider.update', entityId: { in: providerIds } },
      select: { entityId: true, before: true, after: true },
    });
  }

  providersForStaleness(organizationId: string) {
    return this.prisma.provider.findMany({ where: { organizationId }, select: { id: true, slug: true, name: true, sources: true, status: true }, orderBy: { name: 'asc' } });
  }

  orgSettings(organizationId: string) {
    return this.db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  }
}
