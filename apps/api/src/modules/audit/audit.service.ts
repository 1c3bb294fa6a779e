import { Injectable } from '@nestjs/common';
import type { AuditVerifyOutput } from '@airlock/contracts';
import { Transactions } from '../../database/transactions';
import type { AuditFilter } from '@airlock/contracts';
import type { Page, Sort } from '../../common/list-query';
import { TimeSlice } from '../../common/time-slice';
import type { AuditEvent, Prisma } from '../../generated/prisma/client';
import type { Actor } from '../auth/auth-context';
import { auditHash, GENESIS_HASH, maskSecrets } from './audit-hash';
import { type AuditEventText, AuditRepository } from './audit.repository';
import { AUDIT_CSV_COLUMNS, auditCsvLine, type AuditEventWithActor, toAuditOutput } from './audit.serializers';
import { SiemTap } from '../siem/siem-tap';

export interface AuditEntry {
  organizationId: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Anonymous incident reports keep no trace of where they came from. */
  omitRequestOrigin?: boolean;
}

/** Events whose ids a CSV export reads per query (keyset on the sequence number). */
const AUDIT_EXPORT_BATCH = 1000;
/**
 * Full events read per query, for the list, the export and the chain's check: an event can carry
 * two snapshots of ~40 KB (a policy with its rules), so a query of a thousand of them was tens of
 * megabytes to hold and seconds to parse at once.
 */
const AUDIT_READ_CHUNK = 50;
/**
 * The chain's check reads about this much snapshot text per query: a thousand small events, or a
 * few dozen large ones (a page of 200 policy snapshots still held the worker for 130 ms at once).
 */
const AUDIT_VERIFY_PAGE_BYTES = 2_000_000;

/** How many events the next page of the chain's check reads, from the size of the last one's. */
export function nextVerifyPage(page: readonly Pick<AuditEventText, 'before' | 'after'>[]): number {
  if (!page.length) return 1000;
  const bytes = page.reduce((n, e) => n + (e.before?.length ?? 0) + (e.after?.length ?? 0), 0);
  return Math.max(10, Math.min(1000, Math.floor((AUDIT_VERIFY_PAGE_BYTES * page.length) / Math.max(1, bytes))));
}
/**
 * Reading the log hands over what it did and lets other requests in at least this often: a line
 * of an event with large snapshots takes ~0.4 ms to diff and quote (and as long to parse and hash),
 * so a whole batch at once would hold the worker, and the decisions it answers, for seconds.
 */
const AUDIT_SLICE_MS = 5;

/** The snapshots of an event read as text (AuditRepository), parsed: one row's work, between pauses. */
function parsed(e: AuditEventText): AuditEvent {
  return {
    ...e,
    before: e.before === null ? null : (JSON.parse(e.before) as Prisma.JsonValue),
    after: e.after === null ? null : (JSON.parse(e.after) as Prisma.JsonValue),
    createdAt: new Date(e.createdAt),
  };
}

/** The chain's check, as GET /api/audit-events/verify answers it. */
export type ChainVerification = AuditVerifyOutput;

/**
 * The tamper-evident audit log. `record` runs inside the caller's transaction (the change and its
 * event commit together), appends under a per-organization lock and chains each event to the
 * previous one by hash. The table refuses UPDATE, DELETE and TRUNCATE (see the init migration).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly transactions: Transactions,
    private readonly siem: SiemTap,
  ) {}

  /**
   * Appends in the current transaction (`Transactions.run`: the caller's, so the change and its
   * event commit together, or one of its own outside any).
   */
  record(entry: AuditEntry): Promise<void> {
    return this.transactions.run(async () => {
      await this.audit.lockChain(entry.organizationId);
      const last = await this.audit.last(entry.organizationId);
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const req = entry.omitRequestOrigin ? undefined : entry.actor.origin;
      const fields = {
        organizationId: entry.organizationId,
        seq,
        actorType: entry.actor.type,
        actorId: entry.actor.id,
        actorLabel: entry.actor.label,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        before: entry.before === undefined ? null : maskSecrets(entry.before),
        after: entry.after === undefined ? null : maskSecrets(entry.after),
        requestId: req?.requestId ?? null,
        ip: req?.ip ?? null,
        createdAt: new Date(),
      };
      const row = await this.audit.insert({
        ...fields,
        before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
        after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
        prevHash,
        hash: auditHash(prevHash, fields),
      });
      // To the SIEM streams once committed (a rolled-back change leaves no event there either).
      await this.transactions.afterCommit(() => this.siem.audit(row));
    });
  }

  /**
   * Recomputes the whole chain and names the first broken link, a page of events at a time,
   * pausing between events (TimeSlice): a log of tens of thousands of events, or of large
   * snapshots, is seconds of hashing.
   */
  async verify(organizationId: string): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    const slice = new TimeSlice(AUDIT_SLICE_MS);
    let take = 100;
    for (;;) {
      const page = await this.audit.page(organizationId, expectedSeq - 1, take);
      take = nextVerifyPage(page);
      if (page.length === 0) return { ok: true, checked, firstBroken: null };
      for (const text of page) {
        if (slice.due()) await slice.pause();
        const e = parsed(text);
        const broken = (reason: string): ChainVerification => ({ ok: false, checked, firstBroken: { seq: e.seq, id: e.id, reason } });
        if (e.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing (next is ${e.seq})`);
        if (e.prevHash !== prevHash) return broken('its prevHash does not match the previous event');
        const recomputed = auditHash(prevHash, e);
        if (recomputed !== e.hash) return broken('its content does not match its hash (it was changed)');
        prevHash = e.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
  }

  /**
   * A page of the log with the acting users' names, as the JSON text of the list's array, written
   * a few events at a time with pauses (TimeSlice): a page of a thousand events with policy
   * snapshots is tens of megabytes to parse, diff and serialise. The ids and the count are read
   * before anything is sent, so a bad query is an error answer rather than a broken one.
   */
  async list(organizationId: string, filter: AuditFilter, sort: Sort, page: Page): Promise<{ count: number; total: number; json: AsyncIterable<string> }> {
    const [rows, total] = await this.audit.list(organizationId, filter, sort, page);
    const events = this.events(organizationId, rows.map((r) => r.id));
    async function* json(): AsyncGenerator<string> {
      const slice = new TimeSlice(AUDIT_SLICE_MS);
      let chunk = '[';
      let first = true;
      for await (const e of events) {
        chunk += (first ? '' : ',') + JSON.stringify(toAuditOutput(e));
        first = false;
        if (slice.due()) {
          yield chunk;
          chunk = '';
          await slice.pause();
        }
      }
      yield chunk + ']';
    }
    return { count: rows.length, total, json: json() };
  }

  /**
   * The matching events as CSV, newest first, their ids read AUDIT_EXPORT_BATCH at a time on the
   * sequence number and the events themselves AUDIT_READ_CHUNK at a time (memory stays bounded
   * whatever the log's size). The first batch is read before anything is sent, so a failure is an
   * error answer rather than a broken download; the export is itself recorded in the log (who took
   * a copy of it, with which filters).
   */
  async export(organizationId: string, actor: Actor, filter: AuditFilter): Promise<AsyncIterable<string>> {
    const first = await this.audit.exportPage(organizationId, filter, null, AUDIT_EXPORT_BATCH);
    await this.record({ organizationId, actor, action: 'audit.export', entityType: 'AuditLog', after: { filter } });
    const events = (ids: string[]) => this.events(organizationId, ids);
    const next = (beforeSeq: number) => this.audit.exportPage(organizationId, filter, beforeSeq, AUDIT_EXPORT_BATCH);
    async function* lines(): AsyncGenerator<string> {
      yield AUDIT_CSV_COLUMNS.join(',') + '\r\n';
      let rows = first;
      const slice = new TimeSlice(AUDIT_SLICE_MS);
      for (;;) {
        let chunk = '';
        for await (const e of events(rows.map((r) => r.id))) {
          chunk += auditCsvLine(e);
          if (slice.due()) {
            yield chunk;
            chunk = '';
            await slice.pause();
          }
        }
        if (chunk) yield chunk;
        if (rows.length < AUDIT_EXPORT_BATCH) return;
        rows = await next(rows[rows.length - 1]!.seq);
      }
    }
    return lines();
  }

  /**
   * These events in this order with their actors' names, read AUDIT_READ_CHUNK at a time and parsed
   * one by one, pausing when due (the caller's work on each event counts towards the same slices).
   */
  private async *events(organizationId: string, ids: readonly string[]): AsyncGenerator<AuditEventWithActor> {
    const slice = new TimeSlice(AUDIT_SLICE_MS);
    for (let from = 0; from < ids.length; from += AUDIT_READ_CHUNK) {
      const wanted = ids.slice(from, from + AUDIT_READ_CHUNK);
      const rows = await this.audit.byIds(organizationId, wanted);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const names = await this.audit.userNames(organizationId, rows.filter((r) => r.actorType === 'user' && r.actorId).map((r) => r.actorId!));
      for (const id of wanted) {
        const text = byId.get(id);
        if (!text) continue;
        if (slice.due()) await slice.pause();
        const e = parsed(text);
        yield { ...e, actorName: e.actorType === 'user' && e.actorId ? (names.get(e.actorId) ?? null) : null };
      }
    }
  }

  async findOne(organizationId: string, id: string): Promise<AuditEventWithActor | null> {
    const row = await this.audit.findOne(organizationId, id);
    return row ? (await this.withActors(organizationId, [row]))[0]! : null;
  }

  private async withActors(organizationId: string, rows: AuditEvent[]): Promise<AuditEventWithActor[]> {
    const names = await this.audit.userNames(organizationId, rows.filter((r) => r.actorType === 'user' && r.actorId).map((r) => r.actorId!));
    return rows.map((r) => ({ ...r, actorName: r.actorType === 'user' && r.actorId ? (names.get(r.actorId) ?? null) : null }));
  }
}
