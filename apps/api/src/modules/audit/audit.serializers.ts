import { iso } from '../../common/list-response';
import type { AuditEventOutput } from '@airlock/contracts';
import type { AuditEvent } from '../../generated/prisma/client';

export function toAuditOutput(e: AuditEvent): AuditEventOutput {
  return {
    id: e.id,
    seq: e.seq,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
    ip: e.ip,
    createdAt: iso(e.createdAt),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
