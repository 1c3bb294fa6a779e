import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

@Injectable()
export class ProvidersRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(organizationId: string, where: Prisma.ProviderWhereInput, orderBy: Prisma.ProviderOrderByWithRelationInput, skip: number, take: number) {
    const w = { ...where, organizationId };
    return this.prisma.$transaction([
      this.prisma.provider.findMany({ where: w, orderBy: [orderBy, { slug: 'asc' }], skip, take }),
      this.prisma.provider.count({ where: w }),
    ]);
  }

  find(organizationId: string, id: string, db: Tx = this.prisma) {
    return db.provider.findFirst({ where: { organizationId, id } });
  }

  findBySlug(organizationId: string, slug: string, db: Tx = this.prisma) {
    return db.provider.findUnique({ where: { organizationId_slug: { organizationId, slug } } });
  }

  create(tx: Tx, data: Prisma.ProviderUncheckedCreateInput) {
    return tx.provider.create({ data });
  }

  update(tx: Tx, id: string, data: Prisma.ProviderUncheckedUpdateInput) {
    return tx.provider.update({ where: { id }, data });
  }

  delete(tx: Tx, id: string) {
    return tx.provider.delete({ where: { id } });
  }

  orgSettings(organizationId: string, db: Tx = this.prisma) {
    return db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  }
}
