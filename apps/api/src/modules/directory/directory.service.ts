import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { DataClass, Group, NetworkZone, Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { AuditedCrud } from './audited-crud';

/** Network zones, groups and data classes: small, audited, organization-scoped resources. */
@Injectable()
export class DirectoryService {
  readonly zones: AuditedCrud<NetworkZone>;
  readonly groups: AuditedCrud<Group>;
  readonly dataClasses: AuditedCrud<DataClass>;

  constructor(
    readonly prisma: PrismaService,
    audit: AuditService,
  ) {
    this.zones = new AuditedCrud<NetworkZone>(prisma, audit, { type: 'NetworkZone', label: 'Network zone', action: 'zone' }, {
      find: (tx, organizationId, id) => tx.networkZone.findFirst({ where: { organizationId, id } }),
      create: (tx, organizationId, data) => tx.networkZone.create({ data: { ...(data as Prisma.NetworkZoneUncheckedCreateInput), organizationId } }),
      update: (tx, id, data) => tx.networkZone.update({ where: { id }, data: data as Prisma.NetworkZoneUncheckedUpdateInput }),
      remove: (tx, id) => tx.networkZone.delete({ where: { id } }),
    });
    this.groups = new AuditedCrud<Group>(prisma, audit, { type: 'Group', label: 'Group', action: 'group' }, {
      find: (tx, organizationId, id) => tx.group.findFirst({ where: { organizationId, id } }),
      create: (tx, organizationId, data) => tx.group.create({ data: { ...(data as Prisma.GroupUncheckedCreateInput), organizationId } }),
      update: (tx, id, data) => tx.group.update({ where: { id }, data: data as Prisma.GroupUncheckedUpdateInput }),
      remove: (tx, id) => tx.group.delete({ where: { id } }),
    });
    this.dataClasses = new AuditedCrud<DataClass>(prisma, audit, { type: 'DataClass', label: 'Data class', action: 'data_class' }, {
      find: (tx, organizationId, id) => tx.dataClass.findFirst({ where: { organizationId, id } }),
      create: (tx, organizationId, data) => tx.dataClass.create({ data: { ...(data as Prisma.DataClassUncheckedCreateInput), organizationId, builtin: false } }),
      update: (tx, id, data) => tx.dataClass.update({ where: { id }, data: data as Prisma.DataClassUncheckedUpdateInput }),
      remove: (tx, id) => tx.dataClass.delete({ where: { id } }),
    });
  }

  /** A built-in class cannot be removed; a class still used by rules or detectors neither. */
  async assertDataClassRemovable(tx: Tx, organizationId: string, dc: DataClass): Promise<void> {
    if (dc.builtin) throw AppError.unprocessable(`"${dc.key}" is a built-in data class and cannot be removed`);
    const [rules, detectors] = await Promise.all([
      tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "PolicyRule" WHERE "organizationId" = ${organizationId}::uuid
        AND ("conditions"->'dataClasses' ? ${dc.key} OR EXISTS (SELECT 1 FROM jsonb_array_elements("exceptions") e WHERE e->'dataClasses' ? ${dc.key}))`,
      tx.customDetector.count({ where: { organizationId, dataClass: dc.key } }),
    ]);
    const ruleCount = Number(rules[0]?.n ?? 0);
    if (ruleCount || detectors) {
      throw AppError.conflict(`"${dc.key}" is still used by ${ruleCount} rule(s) and ${detectors} detector(s)`);
    }
  }

  async assertGroupRemovable(tx: Tx, organizationId: string, g: Group): Promise<void> {
    const users = await tx.user.count({ where: { organizationId, groups: { has: g.name } } });
    if (users) throw AppError.conflict(`Group "${g.name}" still has ${users} member(s)`);
  }
}
