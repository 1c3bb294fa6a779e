import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  type PortalToolsOutput,
  type ToolRequestCreated,
  toolRequestInput,
  type ToolRequestInput,
  toolRequestResolution,
  type ToolRequestResolution,
  toolRequestStatus,
} from '@airlock/contracts';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import type { UserAuth } from '../auth/auth-context';
import { ToolRequestsService } from './tool-requests.service';
import { ToolsService } from './tools.service';
import { toToolRequestOutput } from './tool-requests.serializers';

/** The employee portal: the AI services one may use, and asking for a service to be reviewed (a service request). */
@Controller('api/portal')
export class PortalToolsController {
  constructor(
    private readonly tools: ToolsService,
    private readonly requests: ToolRequestsService,
  ) {}

  @Authenticated({ permission: 'portal' })
  @Get('tools')
  list(@CurrentUser() user: UserAuth): Promise<PortalToolsOutput> {
    return this.tools.tools(user);
  }

  @Authenticated({ permission: 'portal' })
  @Post('tool-requests')
  async request(@CurrentUser() user: UserAuth, @Body(body(toolRequestInput)) input: ToolRequestInput) {
    const row = await this.requests.request(user, input);
    return { ...toToolRequestOutput(row), message: 'Thank you. The security team reviews requests and will get back to you; until then, use an approved AI service.' } satisfies ToolRequestCreated;
  }

  @Authenticated({ permission: 'portal' })
  @Get('tool-requests')
  async mine(@CurrentUser() user: UserAuth) {
    return (await this.requests.mine(user)).map(toToolRequestOutput);
  }
}

/** Reviewing employees' service requests. */
@Controller('api/tool-requests')
export class ToolRequestsController {
  constructor(private readonly requests: ToolRequestsService) {}

  @Authenticated({ permission: 'toolRequests.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, {
      sortable: ['createdAt', 'status', 'toolName'],
      defaultSort: ['createdAt', 'desc'],
      filter: z.strictObject({ id: idList.optional(), status: toolRequestStatus.optional() }),
    });
    const result = await this.requests.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'tool-requests', q.page, result, toToolRequestOutput);
  }

  @Authenticated({ permission: 'toolRequests.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toToolRequestOutput(await this.requests.get(user.organizationId, id));
  }

  @Authenticated({ permission: 'toolRequests.write' })
  @Put(':id')
  async resolve(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(toolRequestResolution)) input: ToolRequestResolution) {
    return toToolRequestOutput(await this.requests.resolve(user, id, input));
  }
}
