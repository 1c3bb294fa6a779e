import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { apiClientCreate, apiClientUpdate, type ApiClientWithKeyOutput, apiKeyRotate } from '@airlock/contracts';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser, StepUp } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { ApiClientsService } from './api-clients.service';
import { toApiClientOutput } from './api-clients.serializers';

const filter = z.strictObject({ id: idList.optional(), q: z.string().max(200).optional(), revoked: z.boolean().optional() });

@Controller('api/api-clients')
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Authenticated({ permission: 'apiClients.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['name', 'createdAt'], defaultSort: ['createdAt', 'desc'], filter });
    const result = await this.clients.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'api-clients', q.page, result, toApiClientOutput);
  }

  @Authenticated({ permission: 'apiClients.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toApiClientOutput(await this.clients.get(user.organizationId, id));
  }

  /** The key is in this response only. */
  @Authenticated({ permission: 'apiClients.write' })
  @StepUp()
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(apiClientCreate)) input: z.infer<typeof apiClientCreate>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { client, key } = await this.clients.create(user.organizationId, actorOf(user), input);
    void reply.header('cache-control', 'no-store');
    return { ...toApiClientOutput(client), key } satisfies ApiClientWithKeyOutput;
  }

  @Authenticated({ permission: 'apiClients.write' })
  @Put(':id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(apiClientUpdate)) input: z.infer<typeof apiClientUpdate>) {
    return toApiClientOutput(await this.clients.update(user.organizationId, actorOf(user), id, input));
  }

  @Authenticated({ permission: 'apiClients.write' })
  @StepUp()
  @Post(':id/rotate')
  @HttpCode(200)
  async rotate(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(apiKeyRotate)) input: z.infer<typeof apiKeyRotate>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { client, key } = await this.clients.rotate(user.organizationId, actorOf(user), id, input);
    void reply.header('cache-control', 'no-store');
    return { ...toApiClientOutput(client), key } satisfies ApiClientWithKeyOutput;
  }

  @Authenticated({ permission: 'apiClients.write' })
  @Post(':id/revoke')
  @HttpCode(200)
  async revoke(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toApiClientOutput(await this.clients.revoke(user.organizationId, actorOf(user), id));
  }

  @Authenticated({ permission: 'apiClients.write' })
  @Post(':id/keys/:keyId/revoke')
  @HttpCode(200)
  async revokeKey(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Param('keyId', ParseUUIDPipe) keyId: string) {
    return toApiClientOutput(await this.clients.revokeKey(user.organizationId, actorOf(user), id, keyId));
  }
}
