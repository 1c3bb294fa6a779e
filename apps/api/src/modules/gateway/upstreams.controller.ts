import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { gatewayApi, gatewayUpstreamCreate, type GatewayUpstreamCreate, gatewayUpstreamUpdate, QUERYABLE_INSTANT_MESSAGE, queryableInstant } from '@airlock/contracts';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body, parseOr400 } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { GatewayTrafficService } from './gateway-traffic.service';
import { GatewayUpstreamsService } from './upstreams.service';
import { toUpstreamOutput } from './upstreams.serializers';

const upstreamFilter = z.strictObject({ id: idList.optional(), q: z.string().max(200).optional(), api: gatewayApi.optional() });
/** The last `hours` (default a week), or from-to (the dashboard's period, at most 366 days). */
const trafficQuery = z
  .strictObject({
    hours: z.coerce.number().int().min(1).max(24 * 90).optional(),
    from: z.iso.datetime({ offset: true }).refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE).optional(),
    to: z.iso.datetime({ offset: true }).refine(queryableInstant, QUERYABLE_INSTANT_MESSAGE).optional(),
  })
  .refine((q) => q.hours === undefined || (q.from === undefined && q.to === undefined), { message: 'give either hours or from/to', path: ['hours'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'must be before to', path: ['from'] })
  .refine((q) => !q.from || Date.parse(q.to ?? new Date().toISOString()) - Date.parse(q.from) <= 367 * 86_400_000, { message: 'the period can be at most 366 days long', path: ['from'] });

/** The AI gateway's upstreams (react-admin conventions; keys write-only) and its traffic. */
@Controller('api/gateway')
export class GatewayUpstreamsController {
  constructor(
    private readonly upstreams: GatewayUpstreamsService,
    private readonly traffic: GatewayTrafficService,
  ) {}

  @Authenticated({ permission: 'gateway.read' })
  @Get('upstreams')
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, { sortable: ['name', 'api', 'providerSlug', 'createdAt', 'enabled'], defaultSort: ['name', 'asc'], filter: upstreamFilter });
    const result = await this.upstreams.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'gateway-upstreams', q.page, result, toUpstreamOutput);
  }

  @Authenticated({ permission: 'gateway.read' })
  @Get('upstreams/:id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    const row = await this.upstreams.find(user.organizationId, id);
    if (!row) throw AppError.notFound('Gateway upstream');
    return toUpstreamOutput(row);
  }

  @Authenticated({ permission: 'gateway.write' })
  @Post('upstreams')
  async create(@CurrentUser() user: UserAuth, @Body(body(gatewayUpstreamCreate)) input: GatewayUpstreamCreate) {
    return toUpstreamOutput(await this.upstreams.create(user.organizationId, actorOf(user), input));
  }

  @Authenticated({ permission: 'gateway.write' })
  @Put('upstreams/:id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(gatewayUpstreamUpdate)) input: Partial<GatewayUpstreamCreate>) {
    return toUpstreamOutput(await this.upstreams.update(user.organizationId, actorOf(user), id, input));
  }

  @Authenticated({ permission: 'gateway.write' })
  @Delete('upstreams/:id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toUpstreamOutput(await this.upstreams.remove(user.organizationId, actorOf(user), id));
  }

  /** Gateway traffic per AI service and API client over the last `hours` (default a week). */
  @Authenticated({ permission: 'dashboard.read' })
  @Get('traffic')
  async trafficPerProviderAndKey(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    const q = parseOr400(trafficQuery, query);
    return this.traffic.traffic(user.organizationId, q.hours ?? 24 * 7, q.from ? { from: new Date(q.from), to: q.to ? new Date(q.to) : new Date() } : undefined);
  }
}
