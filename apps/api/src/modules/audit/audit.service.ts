import { Injectable } from '@nestjs/common';
import type { AuditVerifyOutput } from '@airlock/contracts';
import { Transactions } from '../../database/transactions';
import type { AuditFilter } from '@airlock/contracts';
import type { ListResult, Page, Sort } from '../../common/list-query';
import { TimeSlice } from '../../common/time-slice';
import type { AuditEvent, Prisma } from '../../generated/prisma/client';
import type { Actor } from '../auth/auth-context';
import { auditHash, GENESIS_HASH, maskSecrets } from './audit-hash';
import { AuditRepository } from './audit.repository';
import { AUDIT_CSV_COLUMNS, auditCsvLine, type AuditEventWithActor } from './audit.serializers';
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

/** Events read per query of a CSV export. */
const AUDIT_EXPORT_BATCH = 1000;
/**
 * The CSV export hands over what it wrote and lets other requests in at least this often: a line
 * of an event with large snapshots (a policy with its rules) takes ~0.4 ms to diff and quote, so a
 * whole batch at once would hold the worker — and the decisions it answers — for most of a second.
 */
const AUDIT_EXPORT_SLICE_MS = 5;

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

  /** Recomputes the whole chain and names the first broken link. */
  async verify(organizationId: string): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const page = await this.audit.page(organizationId, expectedSeq - 1, 1000);
      if (page.length === 0) return { ok: true, checked, firstBroken: null };
      for (const e of page) {
        const broken = (reason: string): ChainVerification => ({ ok: false, checked, firstBroken: { seq: e.seq, id: e.id, reason } });
        if (e.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing (next is ${e.seq})`);
        if (e.prevHash !== prevHash) return broken('its prevHash does not match the previous event');
        const recomputed = auditHash(prevHash, { ...e, before: e.before, after: e.after });
        if (recomputed !== e.hash) return broken('its content does not match its hash (it was changed)');
        prevHash = e.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
  }

  /** A page of the log with the acting users' names. */
  async list(organizationId: string, filter: AuditFilter, sort: Sort, page: Page): Promise<ListResult<AuditEventWithActor>> {
    const [rows, total] = await this.audit.list(organizationId, filter, sort, page);
    return [await this.withActors(organizationId, rows), total];
  }

  /**
   * The matching events as CSV, newest first, read AUDIT_EXPORT_BATCH at a time on the sequence
   * number (memory stays bounded whatever the log's size). The first batch is read before anything
   * is sent, so a failure is an error answer rather than a broken download; the export is itself
   * recorded in the log (who took a copy of it, with which filters).
   */
  async export(organizationId: string, actor: Actor, filter: AuditFilter): Promise<AsyncIterable<string>> {
    const first = await this.audit.exportPage(organizationId, filter, null, AUDIT_EXPORT_BATCH);
    await this.record({ organizationId, actor, action: 'audit.export', entityType: 'AuditLog', after: { filter } });
    const withActors = (rows: AuditEvent[]) => this.withActors(organizationId, rows);
    const next = (beforeSeq: number) => this.audit.exportPage(organizationId, filter, beforeSeq, AUDIT_EXPORT_BATCH);
    async function* lines(): AsyncGenerator<string> {
      yield AUDIT_CSV_COLUMNS.join(',') + '\r\n';
      let rows = first;
      for (;;) {
        let chunk = '';
        const slice = new TimeSlice(AUDIT_EXPORT_SLICE_MS);
        for (const e of await withActors(rows)) {
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

  async findOne(organizationId: string, id: string): Promise<AuditEventWithActor | null> {
    const row = await this.audit.findOne(organizationId, id);
    return row ? (await this.withActors(organizationId, [row]))[0]! : null;
  }

  private async withActors(organizationId: string, rows: AuditEvent[]): Promise<AuditEventWithActor[]> {
    const names = await this.audit.userNames(organizationId, rows.filter((r) => r.actorType === 'user' && r.actorId).map((r) => r.actorId!));
    return rows.map((r) => ({ ...r, actorName: r.actorType === 'user' && r.actorId ? (names.get(r.actorId) ?? null) : null }));
  }
}
