import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { line, text, toolRequestStatus, type ToolRequestOutput } from '@airlock/contracts';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { iso, listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import type { ToolRequest } from '../../generated/prisma/client';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import type { UserAuth } from '../auth/auth-context';
import { ToolRequestsService } from './tool-requests.service';
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
    private readonly requests: ToolRequestsService,
  ) {}

  @Authenticated({ permission: 'portal' })
  @Get('tools')
  list(@CurrentUser() user: UserAuth) {
    return this.tools.tools(user);
  }

  @Authenticated({ permission: 'portal' })
  @Post('tool-requests')
  async request(@CurrentUser() user: UserAuth, @Body(body(requestInput)) input: z.infer<typeof requestInput>) {
    const row = await this.requests.request(user, input);
    return { ...out(row), message: 'Thank you. The security team reviews requests and will get back to you; until then, use an approved tool.' };
  }

  @Authenticated({ permission: 'portal' })
  @Get('tool-requests')
  async mine(@CurrentUser() user: UserAuth) {
    return (await this.requests.mine(user)).map(out);
  }
}

/** Reviewing employees' tool requests. */
@Controller('api/tool-requests')
export class ToolRequestsController {
  constructor(private readonly requests: ToolRequestsService) {}

  @Authenticated({ permission: 'toolRequests.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, {
      sortable: ['createdAt', 'status', 'toolName'],
      defaultSort: ['createdAt', 'desc'],
      filter: z.strictObject({ id: idList.optional(), status: z.enum(['open', 'approved', 'rejected']).optional() }),
    });
    const result = await this.requests.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'tool-requests', q.page, result, out);
  }

  @Authenticated({ permission: 'toolRequests.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return out(await this.requests.get(user.organizationId, id));
  }

  @Authenticated({ permission: 'toolRequests.write' })
  @Put(':id')
  async resolve(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(resolveInput)) input: z.infer<typeof resolveInput>) {
    return out(await this.requests.resolve(user, id, input));
  }
}
