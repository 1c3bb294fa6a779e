import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import type { UserAuth } from '../auth/auth-context';
import { AuditService } from './audit.service';
import { toAuditOutput } from './audit.serializers';

const auditFilter = z.strictObject({
  id: idList.optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
});

@Controller('api/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Authenticated({ permission: 'audit.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['seq', 'createdAt', 'action'], defaultSort: ['seq', 'desc'], filter: auditFilter });
    const result = await this.audit.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'audit-events', q.page, result, toAuditOutput);
  }

  /** Recomputes the hash chain and names the first broken link. */
  @Authenticated({ permission: 'audit.read' })
  @Get('verify')
  verify(@CurrentUser() user: UserAuth) {
    return this.audit.verify(user.organizationId);
  }

  @Authenticated({ permission: 'audit.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const e = await this.audit.findOne(user.organizationId, id);
    if (!e) throw AppError.notFound('Audit event');
    return toAuditOutput(e);
  }
}
