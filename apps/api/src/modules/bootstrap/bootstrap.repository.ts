import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';

/**
 * What the first start writes: the organization and everything it starts with. Every call runs in
 * the bootstrap's transaction (`Transactions.db`), under its advisory lock.
 */
@Injectable()
export class BootstrapRepository {
  constructor(private readonly transactions: Transactions) {}

  private get db() {
    return this.transactions.db;
  }

  /** Serialises the first start of several instances for the rest of the transaction. */
  async lock(): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('airlock:bootstrap', 0))`;
  }

  /** The first organization (an installation starts with one), or null before the first start. */
  firstOrganization() {
    return this.db.organization.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } });
  }

  createOrganization(data: { name: string; slug: string; settings: Prisma.InputJsonValue }) {
    return this.db.organization.create({ data });
  }

  createOwner(data: { organizationId: string; email: string; name: string; passwordHash: string }) {
    return this.db.user.create({ data: { ...data, role: 'owner' } });
  }

  createDataClasses(data: Prisma.DataClassCreateManyInput[]) {
    return this.db.dataClass.createMany({ data });
  }

  createProviders(data: Prisma.ProviderCreateManyInput[]) {
    return this.db.provider.createMany({ data });
  }

  createZone(data: { organizationId: string; name: string; description: string; cidrs: string[] }) {
    return this.db.networkZone.create({ data });
  }

  createRules(data: Prisma.PolicyRuleCreateManyInput[]) {
    return this.db.policyRule.createMany({ data });
  }

  async keyExists(keyHash: string): Promise<boolean> {
    return (await this.db.apiKey.findUnique({ where: { keyHash }, select: { id: true } })) !== null;
  }

  /** An API client with one key (the bootstrap key), and NOTIFY airlock_api_keys at commit. */
  async createClientWithKey(
    organizationId: string,
    client: { name: string; description: string; scopes: string[] },
    key: { prefix: string; keyHash: string },
  ) {
    const row = await this.db.apiClient.create({ data: { organizationId, ...client } });
    await this.db.apiKey.create({ data: { organizationId, apiClientId: row.id, ...key } });
    await this.db.$executeRaw`SELECT pg_notify('airlock_api_keys', ${organizationId})`;
    return row;
  }
}
