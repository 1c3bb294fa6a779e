import { iso } from '../../common/list-response';
import type { AuditEventOutput } from '@airlock/contracts';
import type { AuditEvent } from '../../generated/prisma/client';
import { csvCell } from '../incidents/incidents-csv';
import { auditDiff, changesText } from './audit-diff';

/** An event with its acting user's current name (null for API clients, the system, a deleted user). */
export type AuditEventWithActor = AuditEvent & { actorName: string | null };

export function toAuditOutput(e: AuditEventWithActor): AuditEventOutput {
  const diff = auditDiff(e.before, e.after);
  return {
    id: e.id,
    seq: e.seq,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    changes: diff.changes,
    changesTruncated: diff.truncated,
    requestId: e.requestId,
    ip: e.ip,
    createdAt: iso(e.createdAt),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/** GET /api/audit-events/export.csv: one line per event; `changes` is the readable diff in one line. */
export const AUDIT_CSV_COLUMNS = [
  'seq',
  'time',
  'actor_type',
  'actor_id',
  'actor',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'changes',
  'before',
  'after',
  'request_id',
  'ip',
  'hash',
] as const;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** One CSV line (RFC 4180, formula-looking cells prefixed: see csvCell). */
export function auditCsvLine(e: AuditEventWithActor): string {
  return (
    [
      e.seq,
      e.createdAt.toISOString(),
      e.actorType,
      e.actorId,
      e.actorLabel,
      e.actorName,
      e.action,
      e.entityType,
      e.entityId,
      changesText(auditDiff(e.before, e.after)),
      json(e.before),
      json(e.after),
      e.requestId,
      e.ip,
      e.hash,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}
