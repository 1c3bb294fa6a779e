import type { ExceptionOutput } from '@airlock/contracts';
import type { PolicyException } from '../../generated/prisma/client';

type Row = PolicyException & { provider: { slug: string } | null };

export function exceptionStatus(row: Pick<PolicyException, 'revokedAt' | 'expiresAt'>, now = new Date()): ExceptionOutput['status'] {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

export function toExceptionOutput(row: Row, now = new Date()): ExceptionOutput {
  return {
    id: row.id,
    subjectEmail: row.subjectEmail,
    subjectGroup: row.subjectGroup,
    providerId: row.providerId,
    providerSlug: row.provider?.slug ?? null,
    dataClass: row.dataClass,
    reason: row.reason,
    expiresAt: row.expiresAt.toISOString(),
    status: exceptionStatus(row, now),
    createdById: row.createdById,
    createdByLabel: row.createdByLabel,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedByLabel: row.revokedByLabel,
  };
}

/** What the audit log keeps of an exception. */
export function exceptionAuditView(row: Row) {
  const { createdAt: _c, ...rest } = toExceptionOutput(row);
  return rest;
}
