import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { ToolRequestStatus } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { PortalRepository } from './portal.repository';

/** Employees ask for a tool to be reviewed; the security team approves or rejects, audited. */
@Injectable()
export class ToolRequestsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: PortalRepository,
    private readonly audit: AuditService,
  ) {}

  request(user: UserAuth, input: { toolName: string; url?: string; providerId?: string; reason: string }) {
    return this.transactions.run(async () => {
      if (input.providerId && !(await this.repo.serviceExists(user.organizationId, input.providerId))) {
        throw AppError.validation([{ path: 'providerId', message: 'is not a service of this organization' }]);
      }
      const row = await this.repo.createToolRequest({
        organizationId: user.organizationId,
        requesterId: user.userId,
        toolName: input.toolName,
        url: input.url ?? null,
        providerId: input.providerId ?? null,
        reason: input.reason,
      });
      await this.audit.record({
        organizationId: user.organizationId,
        actor: actorOf(user),
        action: 'tool_request.create',
        entityType: 'ToolRequest',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }

  mine(user: UserAuth) {
    return this.repo.requestsOf(user.organizationId, user.userId);
  }

  list(...args: Parameters<PortalRepository['listToolRequests']>) {
    return this.repo.listToolRequests(...args);
  }

  async get(organizationId: string, id: string) {
    const row = await this.repo.findToolRequest(organizationId, id);
    if (!row) throw AppError.notFound('Service request');
    return row;
  }

  resolve(user: UserAuth, id: string, input: { status: ToolRequestStatus; resolutionNote?: string | null }) {
    return this.transactions.run(async () => {
      const before = await this.repo.findToolRequest(user.organizationId, id);
      if (!before) throw AppError.notFound('Service request');
      const after = await this.repo.updateToolRequest(user.organizationId, id, { status: input.status, resolutionNote: input.resolutionNote ?? null });
      await this.audit.record({
        organizationId: user.organizationId,
        actor: actorOf(user),
        action: 'tool_request.update',
        entityType: 'ToolRequest',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
