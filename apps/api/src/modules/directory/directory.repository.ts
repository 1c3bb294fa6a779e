import { Injectable } from '@nestjs/common';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { DataClass, Group, NetworkZone, Prisma } from '../../generated/prisma/client';
import type { CrudOps } from './audited-crud';

/** The filter of the zone, group and data class lists: ids (react-admin's getMany) and a search text. */
export interface NameFilter {
  id?: string[];
  q?: string;
}

/** Network zones, groups and data classes: every query scoped to the organization. */
@Injectable()
export class DirectoryRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  readonly zones: CrudOps<NetworkZone> = {
    find: (organizationId, id) => this.db.networkZone.findFirst({ where: { organizationId, id } }),
    create: (organizationId, data) =>
      this.db.networkZone.create({ data: { ...(data as Prisma.NetworkZoneUncheckedCreateInput), organizationId } }),
    update: (organizationId, id, data) => this.db.networkZone.update({ where: { id, organizationId }, data: data as Prisma.NetworkZoneUncheckedUpdateInput }),
    remove: (organizationId, id) => this.db.networkZone.delete({ where: { id, organizationId } }),
  };

  readonly groups: CrudOps<Group> = {
    find: (organizationId, id) => this.db.group.findFirst({ where: { organizationId, id } }),
    create: (organizationId, data) => this.db.group.create({ data: { ...(data as Prisma.GroupUncheckedCreateInput), organizationId } }),
    update: (organizationId, id, data) => this.db.group.update({ where: { id, organizationId }, data: data as Prisma.GroupUncheckedUpdateInput }),
    remove: (organizationId, id) => this.db.group.delete({ where: { id, organizationId } }),
  };

  readonly dataClasses: CrudOps<DataClass> = {
    find: (organizationId, id) => this.db.dataClass.findFirst({ where: { organizationId, id } }),
    create: (organizationId, data) =>
      this.db.dataClass.create({ data: { ...(data as Prisma.DataClassUncheckedCreateInput), organizationId, builtin: false } }),
    update: (organizationId, id, data) => this.db.dataClass.update({ where: { id, organizationId }, data: data as Prisma.DataClassUncheckedUpdateInput }),
    remove: (organizationId, id) => this.db.dataClass.delete({ where: { id, organizationId } }),
  };

  listZones(organizationId: string, f: NameFilter, sort: Sort, page: Page) {
    const where = { organizationId, ...idIn(f.id), ...searchText(f.q, ['name', 'description']) };
    return this.prisma.$transaction([
      this.prisma.networkZone.findMany({ where, orderBy: orderOf(sort), ...page }),
      this.prisma.networkZone.count({ where }),
    ]);
  }

  listGroups(organizationId: string, f: NameFilter, sort: Sort, page: Page) {
    const where = { organizationId, ...idIn(f.id), ...searchText(f.q, ['name', 'description']) };
    return this.prisma.$transaction([
      this.prisma.group.findMany({ where, orderBy: orderOf(sort), ...page }),
      this.prisma.group.count({ where }),
    ]);
  }

  listDataClasses(organizationId: string, f: NameFilter, sort: Sort, page: Page) {
    const where = { organizationId, ...idIn(f.id), ...searchText(f.q, ['key', 'name']) };
    return this.prisma.$transaction([
      this.prisma.dataClass.findMany({ where, orderBy: orderOf(sort), ...page }),
      this.prisma.dataClass.count({ where }),
    ]);
  }

  /** How many draft rules (conditions or exceptions) and custom detectors name a data class. */
  async dataClassUsage(organizationId: string, key: string): Promise<{ rules: number; detectors: number }> {
    const [rules, detectors] = await Promise.all([
      this.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PolicyRule" WHERE "organizationId" = ${organizationId}::uuid
        AND ("conditions"->'dataClasses' ? ${key} OR EXISTS (SELECT 1 FROM jsonb_array_elements("exceptions") e WHERE e->'dataClasses' ? ${key}))`,
      this.db.customDetector.count({ where: { organizationId, dataClass: key } }),
    ]);
    return { rules: Number(rules[0]?.n ?? 0), detectors };
  }

  groupMemberCount(organizationId: string, name: string): Promise<number> {
    return this.db.user.count({ where: { organizationId, groups: { has: name } } });
  }
}
