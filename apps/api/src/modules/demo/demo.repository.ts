import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import type { ProviderStatus } from '../../generated/prisma/enums';

/** What the demo data writes into one organization, in the caller's transaction (`Transactions.db`). */
@Injectable()
export class DemoRepository {
  constructor(private readonly transactions: Transactions) {}

  private get db() {
    return this.transactions.db;
  }

  firstOwner(organizationId: string) {
    return this.db.user.findFirstOrThrow({ where: { organizationId, role: 'owner' }, orderBy: { createdAt: 'asc' } });
  }

  /** Which of these e-mails are enabled users of the organization (the demo users still there). */
  async enabledUsersAmong(organizationId: string, emails: readonly string[]): Promise<string[]> {
    const rows = await this.db.user.findMany({ where: { organizationId, email: { in: [...emails] }, disabled: false }, select: { email: true } });
    return rows.map((r) => r.email);
  }

  createGroups(organizationId: string, groups: readonly { name: string; description: string; ssoGroups: string[] }[]) {
    return this.db.group.createMany({ data: groups.map((g) => ({ organizationId, ...g })) });
  }

  createUser(data: Prisma.UserUncheckedCreateInput) {
    return this.db.user.create({ data });
  }

  createZones(organizationId: string, zones: readonly { name: string; description: string; cidrs: string[] }[]) {
    return this.db.networkZone.createMany({ data: zones.map((z) => ({ organizationId, ...z })) });
  }

  setProviderStatus(organizationId: string, slugs: string[], status: ProviderStatus, statusReason: string, at: Date) {
    return this.db.provider.updateMany({ where: { organizationId, slug: { in: slugs } }, data: { status, statusReason, statusChangedAt: at } });
  }
}
