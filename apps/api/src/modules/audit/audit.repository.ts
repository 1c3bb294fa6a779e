import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import { idIn, orderOf, type Page, type Sort } from '../../common/list-query';
import type { AuditFilter } from '@airlock/contracts';
import { Prisma, type AuditEvent } from '../../generated/prisma/client';

/** The action filter: a family (`rule.`) lists every action of it, anything else one action. */
function actionWhere(action: string | undefined): Prisma.AuditEventWhereInput {
  if (!action) return {};
  return action.endsWith('.') ? { action: { startsWith: action } } : { action };
}

/**
 * An event as raw SQL reads it: the snapshots as JSON text, parsed by the caller one row at a time
 * (AuditService, between pauses). Prisma parses every row's JSON of a page in one go, which for a
 * page of policy snapshots (~40 KB each) held the worker for seconds.
 */
export type AuditEventText = Omit<AuditEvent, 'before' | 'after'> & { before: string | null; after: string | null };

const EVENT_COLUMNS_SQL = `id, "organizationId", seq, "actorType", "actorId", "actorLabel", action, "entityType", "entityId",
  before::text AS before, after::text AS after, "requestId", ip, "createdAt", "prevHash", hash`;
const EVENT_COLUMNS = Prisma.raw(EVENT_COLUMNS_SQL);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuditRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  /** Serialises appends per organization for the rest of the current transaction (`Transactions.db`). */
  async lockChain(organizationId: string): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${organizationId}`}, 0))`;
  }

  last(organizationId: string) {
    return this.db.auditEvent.findFirst({ where: { organizationId }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  }

  insert(data: Prisma.AuditEventUncheckedCreateInput) {
    return this.db.auditEvent.create({ data });
  }

  /** The chain in order, `take` events after `afterSeq`. */
  page(organizationId: string, afterSeq: number, take: number) {
    return this.prisma.$queryRaw<AuditEventText[]>`SELECT ${EVENT_COLUMNS} FROM "AuditEvent"
      WHERE "organizationId" = ${organizationId}::uuid AND seq > ${afterSeq} ORDER BY seq LIMIT ${take}`;
  }

  /** These events of the organization, in no particular order. */
  async byIds(organizationId: string, ids: readonly string[]): Promise<AuditEventText[]> {
    if (!ids.length) return [];
    // On the pg pool, not Prisma: Prisma turns a result into objects in one step once all of it has
    // arrived, which for 50 events with policy snapshots (megabytes of text) held the event loop
    // 140-240 ms; pg parses each row as its bytes arrive.
    const r = await this.prisma.pool.query<AuditEventText>(`SELECT ${EVENT_COLUMNS_SQL} FROM "AuditEvent" WHERE "organizationId" = $1 AND id = ANY($2::uuid[])`, [organizationId, ids]);
    return r.rows;
  }

  /**
   * The filter as a query, always inside the organization. Each filter has an index that starts
   * with the organization (see the AuditEvent model): seq for the order and keyset, createdAt for the
   * time range, actorId, action, and entityType with entityId.
   */
  private where(organizationId: string, f: AuditFilter): Prisma.AuditEventWhereInput {
    return {
      organizationId,
      ...idIn(f.id),
      ...actionWhere(f.action),
      ...(f.entityType ? { entityType: f.entityType } : {}),
      ...(f.entityId ? { entityId: f.entityId } : {}),
      ...(f.actorId ? { actorId: f.actorId } : {}),
      ...(f.actorType ? { actorType: f.actorType } : {}),
      ...(f.since || f.until ? { createdAt: { ...(f.since ? { gte: new Date(f.since) } : {}), ...(f.until ? { lte: new Date(f.until) } : {}) } } : {}),
    };
  }

  /** A page of the matching events' ids (the rows themselves: byIds, a few at a time) and how many match. */
  list(organizationId: string, f: AuditFilter, sort: Sort, page: Page) {
    const w = this.where(organizationId, f);
    return this.prisma.$transaction([
      this.prisma.auditEvent.findMany({ where: w, orderBy: orderOf(sort), ...page, select: { id: true } }),
      this.prisma.auditEvent.count({ where: w }),
    ]);
  }

  /** The matching events' ids newest first, `take` at a time below `beforeSeq` (keyset on the chain's sequence number). */
  exportPage(organizationId: string, f: AuditFilter, beforeSeq: number | null, take: number) {
    const w = this.where(organizationId, f);
    return this.prisma.auditEvent.findMany({ where: beforeSeq === null ? w : { AND: [w, { seq: { lt: beforeSeq } }] }, orderBy: { seq: 'desc' }, take, select: { id: true, seq: true } });
  }

  /** The names of the organization's users among these actor ids (API clients and others are not users). */
  async userNames(organizationId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const uuids = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (uuids.length === 0) return new Map();
    const rows = await this.prisma.user.findMany({ where: { organizationId, id: { in: uuids } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  findOne(organizationId: string, id: string) {
    return this.prisma.auditEvent.findFirst({ where: { organizationId, id } });
  }
}
