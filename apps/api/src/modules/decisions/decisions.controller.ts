import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiKeyScope, CurrentClient } from '../auth/access.decorators';
import type { ApiClientAuth } from '../auth/auth-context';
import { DecisionService } from './decision.service';

/**
 * The decision API's bundle for local evaluation. The decision routes themselves are native Fastify
 * routes (decision-routes.ts).
 */
@Controller('v1')
export class DecisionsController {
  constructor(private readonly decisions: DecisionService) {}

  @ApiKeyScope('bundle')
  @Get('bundle')
  bundle(@CurrentClient() client: ApiClientAuth, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const { etag, body: bundle } = this.decisions.bundle(client);
    void reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
      void reply.status(304);
      return undefined;
    }
    return bundle;
  }
}
