import { Injectable } from '@nestjs/common';
import type { AuditVerifyOutput } from '@airlock/contracts';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import type { Actor } from '../auth/auth-context';
import { auditHash, GENESIS_HASH, maskSecrets } from './audit-hash';
import { AuditRepository } from './audit.repository';
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

  list(...args: Parameters<AuditRepository['list']>) {
    return this.audit.list(...args);
  }

  findOne(organizationId: string, id: string) {
    return this.audit.findOne(organizationId, id);
  }
}
