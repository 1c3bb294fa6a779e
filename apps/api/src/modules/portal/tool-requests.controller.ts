import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { line, text, toolRequestStatus, type ToolRequestOutput } from '@airlock/contracts';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { idList, parseListQuery } from '../../common/list-query';
import { iso, listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { PrismaService } from '../../database/prisma.service';
import type { ToolRequest } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { ToolsService } from './tools.service';

const requestInput = z.strictObject({
  toolName: line(200),
  url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  providerId: z.uuid().optional(),
  reason: text(2000).min(1),
});
const resolveInput = z.strictObject({
  status: toolRequestStatus,
  resolutionNote: text(2000).nullable().optional(),
  // react-admin sends the record back: read-only fields are accepted and ignored.
  id: z.unknown().optional(),
  toolName: z.unknown().optional(),
  url: z.unknown().optional(),
  reason: z.unknown().optional(),
  providerId: z.unknown().optional(),
  requesterId: z.unknown().optional(),
  createdAt: z.unknown().optional(),
  updatedAt: z.unknown().optional(),
});

const out = (r: ToolRequest): ToolRequestOutput => ({
  id: r.id,
  toolName: r.toolName,
  url: r.url,
  providerId: r.providerId,
  reason: r.reason,
  status: r.status,
  resolutionNote: r.resolutionNote,
  requesterId: r.requesterId,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** The employee portal: the tools one may use, and asking for a tool to be reviewed. */
@Controller('api/portal')
export class PortalToolsController {
  constructor(
    private readonly tools: ToolsService,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  @Authenticated({ permission: 'portal' })
  @Get('tools')
  list(@CurrentUser() user: UserAuth) {
    return this.tools.tools(user);
  }

  @Authenticated({ permission: 'portal' })
  @Post('tool-requests')
  async request(@CurrentUser() user: UserAuth, @Body(body(requestInput)) input: z.infer<typeof requestInput>) {
    return this.prisma.$transaction(async (tx) => {
      if (input.providerId && !(await tx.provider.findFirst({ where: { organizationId: user.organizationId, id: input.providerId }, select: { id: true } }))) {
        throw AppError.validation([{ path: 'providerId', message: 'is not a service of this organization' }]);
      }
      const row = await tx.toolRequest.create({
        data: { organizationId: user.organizationId, requesterId: user.userId, toolName: input.toolName, url: input.url ?? null, providerId: input.providerId ?? null, reason: input.reason },
      });
      await this.audit.record(tx, { organizationId: user.organizationId, actor: actorOf(user), action: 'tool_request.create', entityType: 'ToolRequest', entityId: row.id, after: row });
      return { ...out(row), message: 'Thank you. The security team reviews requests and will get back to you; until then, use an approved tool.' };
    });
  }

  @Authenticated({ permission: 'portal' })
  @Get('tool-requests')
  async mine(@CurrentUser() user: UserAuth) {
    const rows = await this.prisma.toolRequest.findMany({ where: { organizationId: user.organizationId, requesterId: user.userId }, orderBy: { createdAt: 'desc' }, take: 100 });
    return rows.map(out);
  }
}

/** Reviewing employees' tool requests. */
@Controller('api/tool-requests')
export class ToolRequestsController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  @Authenticated({ permission: 'toolRequests.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, {
      sortable: ['createdAt', 'status', 'toolName'],
      defaultSort: ['createdAt', 'desc'],
      filter: z.strictObject({ id: idList.optional(), status: z.enum(['open', 'approved', 'rejected']).optional() }),
    });
    const where = { organizationId: user.organizationId, ...(q.filter.id ? { id: { in: q.filter.id } } : {}), ...(q.filter.status ? { status: q.filter.status } : {}) };
    const result = await this.prisma.$transaction([
      this.prisma.toolRequest.findMany({ where, orderBy: { [q.sortField]: q.sortOrder }, skip: q.skip, take: q.take }),
      this.prisma.toolRequest.count({ where }),
    ]);
    return listResponse(reply, 'tool-requests', q.skip, result, out);
  }

  @Authenticated({ permission: 'toolRequests.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const row = await this.prisma.toolRequest.findFirst({ where: { organizationId: user.organizationId, id } });
    if (!row) throw AppError.notFound('Tool request');
    return out(row);
  }

  @Authenticated({ permission: 'toolRequests.write' })
  @Put(':id')
  async resolve(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(resolveInput)) input: z.infer<typeof resolveInput>) {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.toolRequest.findFirst({ where: { organizationId: user.organizationId, id } });
      if (!before) throw AppError.notFound('Tool request');
      const after = await tx.toolRequest.update({ where: { id }, data: { status: input.status, resolutionNote: input.resolutionNote ?? null } });
      await this.audit.record(tx, { organizationId: user.organizationId, actor: actorOf(user), action: 'tool_request.update', entityType: 'ToolRequest', entityId: id, before, after });
      return out(after);
    });
  }
}
