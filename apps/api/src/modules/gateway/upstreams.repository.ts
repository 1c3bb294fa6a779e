import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';

/** Gateway upstreams and the gateway's usage rollups; every query scoped to the organization. */
@Injectable()
export class GatewayRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  list(organizationId: string, f: { id?: string[]; q?: string; api?: 'openai' | 'anthropic' }, sort: Sort, page: Page) {
    const w: Prisma.GatewayUpstreamWhereInput = { organizationId, ...idIn(f.id), ...(f.api ? { api: f.api } : {}), ...searchText(f.q, ['name', 'baseUrl']) };
    return this.prisma.$transaction([
      this.prisma.gatewayUpstream.findMany({ where: w, orderBy: [orderOf(sort), { id: 'asc' }], ...page }),
      this.prisma.gatewayUpstream.count({ where: w }),
    ]);
  }

  /** Every enabled upstream of the organization (the gateway's cache). */
  enabled(organizationId: string) {
    return this.prisma.gatewayUpstream.findMany({ where: { organizationId, enabled: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  find(organizationId: string, id: string) {
    return this.db.gatewayUpstream.findFirst({ where: { organizationId, id } });
  }

  providerExists(organizationId: string, slug: string) {
    return this.db.provider.findFirst({ where: { organizationId, slug }, select: { id: true } });
  }

  create(data: Prisma.GatewayUpstreamUncheckedCreateInput) {
    return this.db.gatewayUpstream.create({ data });
  }

  update(organizationId: string, id: string, data: Prisma.GatewayUpstreamUncheckedUpdateInput) {
    return this.db.gatewayUpstream.update({ where: { id, organizationId }, data });
  }

  delete(organizationId: string, id: string) {
    return this.db.gatewayUpstream.delete({ where: { id, organizationId } });
  }

  /** Adds hourly usage counts (one statement per row, sorted by key so two instances cannot deadlock). */
  async addUsage(rows: UsageRow[]): Promise<void> {
    if (!rows.length) return;
    const sorted = [...rows].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    await this.prisma.$transaction(
      sorted.map((r) =>
        this.prisma.$executeRaw`
          INSERT INTO "GatewayUsageRollup" ("organizationId", bucket, "providerSlug", "apiClientId", endpoint, calls, blocked, redacted, "upstreamErrors", streamed, "inputTokens", "outputTokens", "addedMillis")
          SELECT ${r.organizationId}::uuid, ${r.bucket}, ${r.providerSlug}, ${r.apiClientId}::uuid, ${r.endpoint}, ${r.calls}, ${r.blocked}, ${r.redacted}, ${r.upstreamErrors}, ${r.streamed}, ${r.inputTokens}, ${r.outputTokens}, ${r.addedMillis}
          WHERE EXISTS (SELECT 1 FROM "Organization" WHERE id = ${r.organizationId}::uuid)
          ON CONFLICT ("organizationId", bucket, "providerSlug", "apiClientId", endpoint) DO UPDATE SET
            calls = "GatewayUsageRollup".calls + EXCLUDED.calls,
            blocked = "GatewayUsageRollup".blocked + EXCLUDED.blocked,
            redacted = "GatewayUsageRollup".redacted + EXCLUDED.redacted,
            "upstreamErrors" = "GatewayUsageRollup"."upstreamErrors" + EXCLUDED."upstreamErrors",
            streamed = "GatewayUsageRollup".streamed + EXCLUDED.streamed,
            "inputTokens" = "GatewayUsageRollup"."inputTokens" + EXCLUDED."inputTokens",
            "outputTokens" = "GatewayUsageRollup"."outputTokens" + EXCLUDED."outputTokens",
            "addedMillis" = "GatewayUsageRollup"."addedMillis" + EXCLUDED."addedMillis"`,
      ),
    );
  }

  /** Traffic per provider and API client since `since`, with the clients' names. */
  async traffic(organizationId: string, since: Date, until?: Date) {
    const rows = await this.prisma.gatewayUsageRollup.groupBy({
      by: ['providerSlug', 'apiClientId'],
      where: { organizationId, bucket: { gte: since, ...(until ? { lt: until } : {}) } },
      _sum: { calls: true, blocked: true, redacted: true, upstreamErrors: true, streamed: true, inputTokens: true, outputTokens: true, addedMillis: true },
    });
    const clients = await this.prisma.apiClient.findMany({ where: { organizationId, id: { in: rows.map((r) => r.apiClientId) } }, select: { id: true, name: true } });
    return { rows, names: new Map(clients.map((c) => [c.id, c.name])) };
  }
}

export interface UsageRow {
  organizationId: string;
  bucket: Date;
  providerSlug: string;
  apiClientId: string;
  endpoint: string;
  calls: number;
  blocked: number;
  redacted: number;
  upstreamErrors: number;
  streamed: number;
  inputTokens: number;
  outputTokens: number;
  addedMillis: number;
}

const keyOf = (r: UsageRow) => `${r.organizationId}|${r.bucket.toISOString()}|${r.providerSlug}|${r.apiClientId}|${r.endpoint}`;
