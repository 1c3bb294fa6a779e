import { Injectable } from '@nestjs/common';
import { EXCEPTION_MAX_DAYS, type ExceptionCreate } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { ExceptionRuntime } from './exception-runtime.service';
import { ExceptionsRepository } from './exceptions.repository';
import { exceptionAuditView } from './exceptions.serializers';

/**
 * Time-limited exceptions: granted and revoked (never edited), each with its audit event in the
 * same transaction. A trigger on the table notifies every instance, which reloads the organization's
 * exceptions (ExceptionRuntime); this instance reloads at once.
 */
@Injectable()
export class ExceptionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: ExceptionsRepository,
    private readonly audit: AuditService,
    private readonly runtime: ExceptionRuntime,
  ) {}

  list(...args: Parameters<ExceptionsRepository['list']>) {
    return this.repo.list(...args);
  }

  find(organizationId: string, id: string) {
    return this.repo.find(organizationId, id);
  }

  async create(organizationId: string, actor: Actor, input: ExceptionCreate, now = new Date()) {
    const expiresAt = new Date(input.expiresAt);
    if (expiresAt.getTime() <= now.getTime()) throw AppError.validation([{ path: 'expiresAt', message: 'must be in the future' }]);
    if (expiresAt.getTime() > now.getTime() + EXCEPTION_MAX_DAYS * 86_400_000) {
      throw AppError.validation([{ path: 'expiresAt', message: `must be at most ${EXCEPTION_MAX_DAYS} days ahead (a longer need is a policy change)` }]);
    }
    const row = await this.transactions.run(async () => {
      if (input.providerId && !(await this.repo.findProvider(organizationId, input.providerId))) {
        throw AppError.validation([{ path: 'providerId', message: 'is not a service of this organization’s catalog' }]);
      }
      const created = await this.repo.create({
        organizationId,
        subjectEmail: input.subjectEmail?.trim().toLowerCase() ?? null,
        subjectGroup: input.subjectGroup,
        providerId: input.providerId,
        dataClass: input.dataClass,
        reason: input.reason,
        expiresAt,
        createdById: actor.type === 'user' ? actor.id : null,
        createdByLabel: actor.label,
      });
      await this.audit.record({
        organizationId,
        actor,
        action: 'exception.grant',
        entityType: 'PolicyException',
        entityId: created.id,
        after: exceptionAuditView(created),
      });
      return created;
    });
    await this.runtime.reload(organizationId);
    return row;
  }

  async revoke(organizationId: string, actor: Actor, id: string, now = new Date()) {
    const row = await this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('Exception');
      if (before.revokedAt) throw AppError.conflict('This exception was already revoked');
      if (before.expiresAt.getTime() <= now.getTime()) throw AppError.conflict('This exception has already expired');
      const after = await this.repo.revoke(organizationId, id, now, actor.label);
      await this.audit.record({
        organizationId,
        actor,
        action: 'exception.revoke',
        entityType: 'PolicyException',
        entityId: id,
        before: exceptionAuditView(before),
        after: exceptionAuditView(after),
      });
      return after;
    });
    await this.runtime.reload(organizationId);
    return row;
  }
}
