import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { WEBHOOK_DELIVERY_STATUSES, webhookCreate, type WebhookCreate, webhookUpdate } from '@airlock/contracts';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { WebhooksService } from './webhooks.service';
import { toDeliveryOutput, toWebhookOutput } from './webhooks.serializers';

const webhookFilter = z.strictObject({ id: idList.optional(), q: z.string().max(200).optional(), enabled: z.boolean().optional() });
const deliveryFilter = z.strictObject({
  id: idList.optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  event: z.string().max(100).optional(),
});

/**
 * Signed webhooks on incident, policy and block events, in react-admin's conventions. The secret is
 * shown once; create and update answer `warnings` for a target saved that will not work yet.
 */
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Authenticated({ permission: 'webhooks.read' })
  @Get()
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, {
      sortable: ['name', 'createdAt', 'updatedAt', 'enabled'],
      defaultSort: ['name', 'asc'],
      filter: webhookFilter,
    });
    const result = await this.webhooks.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'webhooks', q.page, result, (w) => toWebhookOutput(w));
  }

  @Authenticated({ permission: 'webhooks.read' })
  @Get(':id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const row = await this.webhooks.find(user.organizationId, id);
    if (!row) throw AppError.notFound('Webhook');
    return toWebhookOutput(row);
  }

  @Authenticated({ permission: 'webhooks.write' })
  @Post()
  async create(@CurrentUser() user: UserAuth, @Body(body(webhookCreate)) input: WebhookCreate) {
    const { row, secret, warnings } = await this.webhooks.create(user.organizationId, actorOf(user), input);
    return toWebhookOutput(row, secret, warnings);
  }

  @Authenticated({ permission: 'webhooks.write' })
  @Put(':id')
  async update(
    @CurrentUser() user: UserAuth,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(body(webhookUpdate)) input: Partial<WebhookCreate>,
  ) {
    const { row, warnings } = await this.webhooks.update(user.organizationId, actorOf(user), id, input);
    return toWebhookOutput(row, undefined, warnings);
  }

  @Authenticated({ permission: 'webhooks.write' })
  @Delete(':id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toWebhookOutput(await this.webhooks.remove(user.organizationId, actorOf(user), id));
  }

  @Authenticated({ permission: 'webhooks.write' })
  @Post(':id/rotate-secret')
  @HttpCode(200)
  async rotateSecret(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const { row, secret } = await this.webhooks.rotateSecret(user.organizationId, actorOf(user), id);
    return toWebhookOutput(row, secret);
  }

  @Authenticated({ permission: 'webhooks.write' })
  @Post(':id/test')
  @HttpCode(202)
  async test(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toDeliveryOutput(await this.webhooks.sendTest(user.organizationId, actorOf(user), id));
  }

  /** The delivery log: each event sent, its attempts, the last status code or error. */
  @Authenticated({ permission: 'webhooks.read' })
  @Get(':id/deliveries')
  async deliveries(
    @CurrentUser() user: UserAuth,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const q = parseListQuery(query, {
      sortable: ['createdAt', 'status', 'attempts'],
      defaultSort: ['createdAt', 'desc'],
      filter: deliveryFilter,
    });
    const result = await this.webhooks.deliveries(user.organizationId, { ...q.filter, webhookId: id }, q.sort, q.page);
    return listResponse(reply, 'webhook-deliveries', q.page, result, toDeliveryOutput);
  }
}
