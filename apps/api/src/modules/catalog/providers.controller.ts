import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { blockNowInput, type BlockNowOutput, countryCode, providerBulkStatusInput, type ProviderBulkStatusInput, type ProviderBulkStatusOutput, providerCreate, type ProviderCreate, providerStatus, providerUpdate, trainsOnInputs } from '@airlock/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idList, parseListQuery } from '../../common/list-query';
import { listResponse } from '../../common/list-response';
import { body, parseOr400 } from '../../common/zod-pipe';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { InstanceRegistry } from '../policy/instance-registry.service';
import { ProvidersService } from './providers.service';
import { toProviderOutput } from './providers.serializers';

const providerFilter = z.strictObject({
  id: idList.optional(),
  q: z.string().max(200).optional(),
  status: z.union([providerStatus, z.array(providerStatus).max(4)]).optional(),
  trainsOnInputs: trainsOnInputs.optional(),
  dataCountry: countryCode.optional(),
  hqCountry: countryCode.optional(),
  minRisk: z.number().int().min(0).max(100).optional(),
});

@Controller('api')
export class ProvidersController {
  constructor(
    private readonly providers: ProvidersService,
    private readonly instances: InstanceRegistry,
  ) {}

  @Authenticated({ permission: 'catalog.read' })
  @Get('providers')
  async list(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseListQuery(query, {
      sortable: ['name', 'slug', 'status', 'riskScore', 'updatedAt', 'hqCountry', 'trainsOnInputs'],
      defaultSort: ['name', 'asc'],
      filter: providerFilter,
    });
    const result = await this.providers.list(user.organizationId, q.filter, q.sort, q.page);
    return listResponse(reply, 'providers', q.page, result, toProviderOutput);
  }

  @Authenticated({ permission: 'catalog.read' })
  @Get('providers/:id')
  async get(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toProviderOutput(await this.providers.get(user.organizationId, id));
  }

  @Authenticated({ permission: 'catalog.write' })
  @Post('providers')
  async create(@CurrentUser() user: UserAuth, @Body(body(providerCreate)) input: ProviderCreate) {
    return toProviderOutput(await this.providers.create(user.organizationId, actorOf(user), input));
  }

  /** Several services' status in the draft at once (the list's bulk action): one transaction, an audit event each. */
  @Authenticated({ permission: 'catalog.write' })
  @Post('providers/bulk-status')
  @HttpCode(200)
  async bulkStatus(@CurrentUser() user: UserAuth, @Body(body(providerBulkStatusInput)) input: ProviderBulkStatusInput): Promise<ProviderBulkStatusOutput> {
    return this.providers.bulkStatus(user.organizationId, actorOf(user), input.ids, input.status, input.statusReason);
  }

  @Authenticated({ permission: 'catalog.write' })
  @Put('providers/:id')
  async update(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(providerUpdate)) input: Partial<ProviderCreate>) {
    return toProviderOutput(await this.providers.update(user.organizationId, actorOf(user), id, input));
  }

  @Authenticated({ permission: 'catalog.write' })
  @Delete('providers/:id')
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return toProviderOutput(await this.providers.remove(user.organizationId, actorOf(user), id));
  }

  /** Emergency block: blocks and publishes at once; the answer says which instances already have it. */
  @Authenticated({ permission: 'policy.publish' })
  @Post('providers/:id/block')
  @HttpCode(201)
  async blockNow(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string, @Body(body(blockNowInput)) input: z.infer<typeof blockNowInput>) {
    const { provider, version } = await this.providers.blockNow(user.organizationId, actorOf(user), id, input.reason);
    return {
      provider: toProviderOutput(provider),
      version: { id: version.id, number: version.number, note: version.note, createdAt: version.createdAt.toISOString() },
      rollout: await this.instances.rollout(user.organizationId, version.number),
    } satisfies BlockNowOutput;
  }

  /** Which running instances serve version N (or newer): polled by the console after a publish. */
  @Authenticated({ permission: 'policy.read' })
  @Get('policy/rollout')
  async rollout(@CurrentUser() user: UserAuth, @Query() query: Record<string, unknown>) {
    const { version } = parseOr400(z.strictObject({ version: z.coerce.number().int().min(1) }), query);
    return this.instances.rollout(user.organizationId, version);
  }
}
