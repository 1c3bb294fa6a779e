import { Body, Controller, Get, Headers, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { batchRequest, decisionRequest, type DecisionRequestInput, type DecisionResponse } from '@airlock/contracts';
import type { z } from 'zod';
import { toErrorResponse } from '../../common/error-response';
import { body } from '../../common/zod-pipe';
import { ApiKeyScope, CurrentClient } from '../auth/access.decorators';
import type { ApiClientAuth } from '../auth/auth-context';
import { DecisionService } from './decision.service';

/** The decision API for clients on the network (browser extensions, proxies, gateways, scripts). */
@Controller('v1')
export class DecisionsController {
  constructor(private readonly decisions: DecisionService) {}

  @ApiKeyScope('decide')
  @Post('decisions')
  @HttpCode(200)
  decide(@CurrentClient() client: ApiClientAuth, @Body(body(decisionRequest)) req: DecisionRequestInput): DecisionResponse {
    return this.decisions.decideOne(client, req);
  }

  /** Up to 100 decisions; each item answers on its own (an error in one does not fail the others). */
  @ApiKeyScope('decide')
  @Post('decisions/batch')
  @HttpCode(200)
  batch(@CurrentClient() client: ApiClientAuth, @Body(body(batchRequest)) input: z.infer<typeof batchRequest>) {
    return {
      items: input.items.map(({ correlationId, ...req }) => {
        try {
          return this.decisions.decideOne(client, req, correlationId);
        } catch (err) {
          const res = toErrorResponse(err);
          return { correlationId, status: res.status, ...res.body };
        }
      }),
    };
  }

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
