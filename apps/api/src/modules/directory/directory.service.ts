import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { DataClass, Group, NetworkZone } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { AuditedCrud } from './audited-crud';
import { DirectoryRepository } from './directory.repository';

/** Network zones, groups and data classes: small, audited, organization-scoped resources. */
@Injectable()
export class DirectoryService {
  readonly zones: AuditedCrud<NetworkZone>;
  readonly groups: AuditedCrud<Group>;
  readonly dataClasses: AuditedCrud<DataClass>;

  constructor(
    transactions: Transactions,
    audit: AuditService,
    private readonly repo: DirectoryRepository,
  ) {
    this.zones = new AuditedCrud<NetworkZone>(transactions, audit, { type: 'NetworkZone', label: 'Network zone', action: 'zone' }, repo.zones);
    this.groups = new AuditedCrud<Group>(transactions, audit, { type: 'Group', label: 'Group', action: 'group' }, repo.groups);
    this.dataClasses = new AuditedCrud<DataClass>(
      transactions,
      audit,
      { type: 'DataClass', label: 'Data class', action: 'data_class' },
      repo.dataClasses,
    );
  }

  listZones(...args: Parameters<DirectoryRepository['listZones']>) {
    return this.repo.listZones(...args);
  }

  listGroups(...args: Parameters<DirectoryRepository['listGroups']>) {
    return this.repo.listGroups(...args);
  }

  listDataClasses(...args: Parameters<DirectoryRepository['listDataClasses']>) {
    return this.repo.listDataClasses(...args);
  }

  removeGroup(organizationId: string, actor: Actor, id: string) {
    return this.groups.remove(organizationId, actor, id, (g) => this.assertGroupRemovable(organizationId, g));
  }

  removeDataClass(organizationId: string, actor: Actor, id: string) {
    return this.dataClasses.remove(organizationId, actor, id, (dc) => this.assertDataClassRemovable(organizationId, dc));
  }

  /** A built-in class cannot be removed; a class still used by rules or detectors neither. */
  private async assertDataClassRemovable(organizationId: string, dc: DataClass): Promise<void> {
    if (dc.builtin) throw AppError.unprocessable(`"${dc.key}" is a built-in data class and cannot be removed`);
    const { rules, detectors } = await this.repo.dataClassUsage(organizationId, dc.key);
    if (rules || detectors) {
      throw AppError.conflict(`"${dc.key}" is still used by ${rules} rule(s) and ${detectors} detector(s)`);
    }
  }

  private async assertGroupRemovable(organizationId: string, g: Group): Promise<void> {
    const users = await this.repo.groupMemberCount(organizationId, g.name);
    if (users) throw AppError.conflict(`Group "${g.name}" still has ${users} member(s)`);
  }
}
