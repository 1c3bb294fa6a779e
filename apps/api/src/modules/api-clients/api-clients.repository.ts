import { Injectable } from '@nestjs/common';
import { idIn, type ListResult, orderOf, type Page, type Sort } from '../../common/list-query';
import { PrismaService } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';

const withKeys = { keys: { orderBy: { createdAt: 'desc' as const } } };

export interface ApiClientFilter {
  id?: string[];
  q?: string;
  revoked?: boolean;
}

export type ApiClientRow = Prisma.ApiClientGetPayload<{ include: typeof withKeys }>;

/**
 * Decision clients and their keys, every query scoped to the organization. Reads and writes go
 * through the current transaction (`Transactions.db`) when the caller runs in one.
 */
@Injectable()
export class ApiClientsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  private get db() {
    return this.transactions.db;
  }

  list(organizationId: string, f: ApiClientFilter, sort: Sort, page: Page): Promise<ListResult<ApiClientRow>> {
    const w: Prisma.ApiClientWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...(f.revoked === true ? { revokedAt: { not: null } } : f.revoked === false ? { revokedAt: null } : {}),
      ...(f.q ? { name: { contains: f.q, mode: 'insensitive' as const } } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.apiClient.findMany({ where: w, orderBy: orderOf(sort), ...page, include: withKeys }),
      this.prisma.apiClient.count({ where: w }),
    ]);
  }

  findWithKeys(organizationId: string, id: string) {
    return this.db.apiClient.findFirst({ where: { organizationId, id }, include: withKeys });
  }

  find(organizationId: string, id: string) {
    return this.db.apiClient.findFirst({ where: { organizationId, id } });
  }

  findWithAllKeys(organizationId: string, id: string) {
    return this.db.apiClient.findFirst({ where: { organizationId, id }, include: { keys: true } });
  }

  create(data: Prisma.ApiClientUncheckedCreateInput) {
    return this.db.apiClient.create({ data });
  }

  update(organizationId: string, id: string, data: Prisma.ApiClientUpdateInput) {
    return this.db.apiClient.update({ where: { id, organizationId }, data });
  }

  createKey(data: { organizationId: string; apiClientId: string; prefix: string; keyHash: string; expiresAt: Date | null }) {
    return this.db.apiKey.create({ data });
  }

  liveKeys(organizationId: string, apiClientId: string) {
    return this.db.apiKey.findMany({ where: { organizationId, apiClientId, revokedAt: null } });
  }

  findKey(organizationId: string, apiClientId: string, id: string) {
    return this.db.apiKey.findFirst({ where: { organizationId, apiClientId, id } });
  }

  setKeyExpiry(organizationId: string, id: string, expiresAt: Date) {
    return this.db.apiKey.updateMany({ where: { organizationId, id }, data: { expiresAt } });
  }

  revokeKey(organizationId: string, id: string, revokedAt: Date) {
    return this.db.apiKey.updateMany({ where: { organizationId, id }, data: { revokedAt } });
  }

  revokeLiveKeys(organizationId: string, apiClientId: string, revokedAt: Date) {
    return this.db.apiKey.updateMany({ where: { organizationId, apiClientId, revokedAt: null }, data: { revokedAt } });
  }

  /** NOTIFY airlock_api_keys (sent at commit when in a transaction): every instance reloads its keys. */
  async notifyKeysChanged(organizationId: string): Promise<void> {
    await this.db.$executeRaw`SELECT pg_notify('airlock_api_keys', ${organizationId})`;
  }

  /** Every live key of every organization, for the in-memory registry (the decision path's lookup). */
  liveKeysForRegistry() {
    return this.db.apiKey.findMany({
      where: { revokedAt: null, client: { revokedAt: null } },
      select: {
        id: true,
        keyHash: true,
        expiresAt: true,
        organizationId: true,
        client: { select: { id: true, name: true, scopes: true, rateLimitPerMinute: true, mayAssertGroups: true, mayAssertIp: true, mayAssertAnyZone: true, mayAssertZones: true } },
      },
    });
  }

  /** Records when keys were last used, in one statement for the whole batch (a later time wins). */
  async recordUsage(ids: string[], times: string[]): Promise<void> {
    await this.db.$executeRaw`
        UPDATE "ApiKey" AS k SET "lastUsedAt" = GREATEST(COALESCE(k."lastUsedAt", v.t), v.t)
        FROM (SELECT unnest(${ids}::uuid[]) AS id, unnest(${times}::timestamptz[]) AS t) AS v
        WHERE k.id = v.id`;
  }
}
