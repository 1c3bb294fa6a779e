import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';
import type { Prisma } from '../../generated/prisma/client';

export interface WebhookFilter {
  id?: string[];
  q?: string;
  enabled?: boolean;
}
export interface DeliveryFilter {
  webhookId: string;
  id?: string[];
  status?: 'pending' | 'succeeded' | 'failed';
  event?: string;
}

@Injectable()
export class WebhooksRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  list(organizationId: string, f: WebhookFilter, sort: Sort, page: Page) {
    const w: Prisma.WebhookWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...(f.enabled !== undefined ? { enabled: f.enabled } : {}),
      ...searchText(f.q, ['name', 'url']),
    };
    return this.prisma.$transaction([
      this.prisma.webhook.findMany({ where: w, orderBy: [orderOf(sort), { id: 'asc' }], ...page }),
      this.prisma.webhook.count({ where: w }),
    ]);
  }

  find(organizationId: string, id: string) {
    return this.db.webhook.findFirst({ where: { organizationId, id } });
  }

  create(data: Prisma.WebhookUncheckedCreateInput) {
    return this.db.webhook.create({ data });
  }

  update(id: string, data: Prisma.WebhookUncheckedUpdateInput) {
    return this.db.webhook.update({ where: { id }, data });
  }

  delete(id: string) {
    return this.db.webhook.delete({ where: { id } });
  }

  subscribers(organizationId: string, event: string) {
    return this.db.webhook.findMany({ where: { organizationId, enabled: true, events: { has: event } }, select: { id: true } });
  }

  createDeliveries(rows: Prisma.WebhookDeliveryUncheckedCreateInput[]) {
    return this.db.webhookDelivery.createManyAndReturn({ data: rows });
  }

  listDeliveries(organizationId: string, f: DeliveryFilter, sort: Sort, page: Page) {
    const w: Prisma.WebhookDeliveryWhereInput = {
      organizationId,
      webhookId: f.webhookId,
      ...idIn(f.id),
      ...(f.status ? { status: f.status } : {}),
      ...(f.event ? { event: f.event } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.webhookDelivery.findMany({ where: w, orderBy: [orderOf(sort), { id: 'asc' }], ...page }),
      this.prisma.webhookDelivery.count({ where: w }),
    ]);
  }

  /**
   * Claims up to `limit` due deliveries for this instance: rows locked by another instance's claim
   * are skipped (FOR UPDATE SKIP LOCKED), and the claimed ones get a lease (nextAttemptAt moved to
   * `leaseUntil`) so a crash mid-delivery only delays them.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      WITH due AS (
        SELECT id FROM "WebhookDelivery"
        WHERE status = 'pending' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "WebhookDelivery" d SET "nextAttemptAt" = ${leaseUntil}
      FROM due WHERE d.id = due.id
      RETURNING d.id::text AS id`;
    return rows.map((r) => r.id);
  }

  forDelivery(ids: string[]) {
    return this.prisma.webhookDelivery.findMany({
      where: { id: { in: ids } },
      include: { webhook: { select: { id: true, url: true, secret: true, enabled: true } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  recordAttempt(id: string, data: Prisma.WebhookDeliveryUncheckedUpdateInput) {
    return this.prisma.webhookDelivery.update({ where: { id }, data });
  }

  /** Which of these organizations have an enabled webhook subscribed to `event`. */
  async organizationsSubscribedTo(organizationIds: string[], event: string): Promise<Set<string>> {
    if (!organizationIds.length) return new Set();
    const rows = await this.db.webhook.findMany({
      where: { organizationId: { in: organizationIds }, enabled: true, events: { has: event } },
      select: { organizationId: true },
      distinct: ['organizationId'],
    });
    return new Set(rows.map((r) => r.organizationId));
  }

  /** One instance's counts of closed windows (the `decisions.blocked` summary adds them up). */
  saveTallies(rows: { organizationId: string; windowStart: Date; instanceId: string; counts: object }[]) {
    return this.db.blockedDecisionTally.createMany({
      data: rows.map((r) => ({ ...r, counts: r.counts as Prisma.InputJsonValue })),
    });
  }

  /** Whether any instance's counts of a window that started at or before `cutoff` wait (indexed, no lock). */
  async talliesDue(cutoff: Date): Promise<boolean> {
    return (await this.prisma.blockedDecisionTally.findFirst({ where: { windowStart: { lte: cutoff } }, select: { id: true } })) !== null;
  }

  /**
   * Takes (deletes and returns) every instance's counts of the windows that started at or before
   * `cutoff`, under a transaction-scoped advisory lock: two instances taking at once run one after
   * the other, and the second finds nothing, so each window is summed up and sent once. Call it in
   * the transaction that queues the summaries (Transactions.run).
   */
  async takeTallies(cutoff: Date) {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('airlock:webhook-blocked-decisions', 0))`;
    return this.db.$queryRaw<{ organizationId: string; windowStart: Date; instanceId: string; counts: unknown }[]>`
      DELETE FROM "BlockedDecisionTally" WHERE "windowStart" <= ${cutoff}
      RETURNING "organizationId"::text AS "organizationId", "windowStart", "instanceId", counts`;
  }
}
