import { Injectable } from '@nestjs/common';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';
import { PrismaService, type Tx } from '../../database/prisma.service';
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
  constructor(private readonly prisma: PrismaService) {}

  readonly zones: CrudOps<NetworkZone> = {
    find: (tx, organizationId, id) => tx.networkZone.findFirst({ where: { organizationId, id } }),
    create: (tx, organizationId, data) =>
      tx.networkZone.create({ data: { ...(data as Prisma.NetworkZoneUncheckedCreateInput), organizationId } }),
    update: (tx, id, data) => tx.networkZone.update({ where: { id }, data: data as Prisma.NetworkZoneUncheckedUpdateInput }),
    remove: (tx, id) => tx.networkZone.delete({ where: { id } }),
  };

  readonly groups: CrudOps<Group> = {
    find: (tx, organizationId, id) => tx.group.findFirst({ where: { organizationId, id } }),
    create: (tx, organizationId, data) => tx.group.create({ data: { ...(data as Prisma.GroupUncheckedCreateInput), organizationId } }),
    update: (tx, id, data) => tx.group.update({ where: { id }, data: data as Prisma.GroupUncheckedUpdateInput }),
    remove: (tx, id) => tx.group.delete({ where: { id } }),
  };

  readonly dataClasses: CrudOps<DataClass> = {
    find: (tx, organizationId, id) => tx.dataClass.findFirst({ where: { organizationId, id } }),
    create: (tx, organizationId, data) =>
      tx.dataClass.create({ data: { ...(data as Prisma.DataClassUncheckedCreateInput), organizationId, builtin: false } }),
    update: (tx, id, data) => tx.dataClass.update({ where: { id }, data: data as Prisma.DataClassUncheckedUpdateInput }),
    remove: (tx, id) => tx.dataClass.delete({ where: { id } }),
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
  async dataClassUsage(tx: Tx, organizationId: string, key: string): Promise<{ rules: number; detectors: number }> {
    const [rules, detectors] = await Promise.all([
      tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PolicyRule" WHERE "organizationId" = ${organizationId}::uuid
        AND ("conditions"->'dataClasses' ? ${key} OR EXISTS (SELECT 1 FROM jsonb_array_elements("exceptions") e WHERE e->'dataClasses' ? ${key}))`,
      tx.customDetector.count({ where: { organizationId, dataClass: key } }),
    ]);
    return { rules: Number(rules[0]?.n ?? 0), detectors };
  }

  groupMemberCount(tx: Tx, organizationId: string, name: string): Promise<number> {
    return tx.user.count({ where: { organizationId, groups: { has: name } } });
  }
}
