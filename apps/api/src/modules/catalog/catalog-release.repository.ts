import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

/** Catalog releases as applied to each organization (CatalogUpdate) and the rows they touch. */
@Injectable()
export class CatalogReleaseRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Serialises release application across instances for the transaction's duration. */
  async lock(tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('airlock:catalog-release', 0))`;
  }

  organizationsWithout(releaseId: string) {
    return this.prisma.organization.findMany({
      where: { catalogUpdates: { none: { releaseId } } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  hasRelease(tx: Tx, organizationId: string, releaseId: string) {
    return tx.catalogUpdate.findUnique({ where: { organizationId_releaseId: { organizationId, releaseId } }, select: { id: true } });
  }

  latest(organizationId: string, db: Tx = this.prisma) {
    return db.catalogUpdate.findFirst({ where: { organizationId }, orderBy: { appliedAt: 'desc' } });
  }

  create(tx: Tx, data: Prisma.CatalogUpdateUncheckedCreateInput) {
    return tx.catalogUpdate.create({ data });
  }

  unreviewed(organizationId: string, db: Tx = this.prisma) {
    return db.catalogUpdate.findMany({ where: { organizationId, reviewedAt: null }, orderBy: { appliedAt: 'asc' } });
  }

  lastReviewed(organizationId: string) {
    return this.prisma.catalogUpdate.findFirst({ where: { organizationId, reviewedAt: { not: null } }, orderBy: { reviewedAt: 'desc' } });
  }

  markReviewed(tx: Tx, organizationId: string, ids: string[], reviewedById: string | null, note: string | null) {
    return tx.catalogUpdate.updateMany({ where: { organizationId, id: { in: ids } }, data: { reviewedAt: new Date(), reviewedById, reviewNote: note } });
  }

  builtinProviders(tx: Tx, organizationId: string) {
    return tx.provider.findMany({ where: { organizationId, builtin: true } });
  }

  allSlugs(tx: Tx, organizationId: string) {
    return tx.provider.findMany({ where: { organizationId }, select: { slug: true, builtin: true } });
  }

  /** The built-in entry left the catalog: the organization's row stays, marked withdrawn. */
  markWithdrawn(tx: Tx, organizationId: string, id: string) {
    return tx.provider.update({ where: { id, organizationId }, data: { catalogVersion: 'withdrawn' } });
  }

  updateProvider(tx: Tx, organizationId: string, id: string, data: Prisma.ProviderUncheckedUpdateInput) {
    return tx.provider.update({ where: { id, organizationId }, data });
  }

  createProvider(tx: Tx, data: Prisma.ProviderUncheckedCreateInput) {
    return tx.provider.create({ data });
  }

  providerEdits(tx: Tx, organizationId: string, providerIds: string[]) {
    return tx.auditEvent.findMany({
      where: { organizationId, entityType: 'Provider', action: 'provider.update', entityId: { in: providerIds } },
      select: { entityId: true, before: true, after: true },
    });
  }

  providersForStaleness(organizationId: string) {
    return this.prisma.provider.findMany({ where: { organizationId }, select: { id: true, slug: true, name: true, sources: true, status: true }, orderBy: { name: 'asc' } });
  }

  orgSettings(organizationId: string, db: Tx = this.prisma) {
    return db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  }
}
