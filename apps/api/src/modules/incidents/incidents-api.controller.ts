import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { apiIncidentInput, type ApiIncidentInput } from '@airlock/contracts';
import { body } from '../../common/zod-pipe';
import { ApiKeyScope, CurrentClient } from '../auth/access.decorators';
import type { ApiClientAuth } from '../auth/auth-context';
import { IdempotencyService } from './idempotency.service';
import { IncidentsService } from './incidents.service';

/** Decision clients file incidents (e.g. when a user overrides a warning). Scope incidents:write. */
@Controller('v1/incidents')
export class IncidentsApiController {
  constructor(private readonly incidents: IncidentsService) {}

  @ApiKeyScope('incidents:write')
  @Post()
  async create(
    @CurrentClient() client: ApiClientAuth,
    @Body(body(apiIncidentInput)) input: ApiIncidentInput,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.incidents.createFromApi(client, input, IdempotencyService.parseKey(key));
    void reply.status(result.statusCode);
    if (result.replayed) void reply.header('idempotency-replayed', 'true');
    return result.body;
  }
}
