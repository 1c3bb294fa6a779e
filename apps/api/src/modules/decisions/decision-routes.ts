import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { batchRequest, decisionRequest } from '@airlock/contracts';
import { toErrorResponse } from '../../common/error-response';
import { parseOr400 } from '../../common/zod-pipe';
import type { AccessRule } from '../auth/access.decorators';
import { ApiKeyGate } from '../auth/api-key-gate';
import { decisionJson } from './decision-json';
import { DecisionService } from './decision.service';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The two hot routes of the decision API, registered on Fastify directly rather than through a Nest
 * controller: measured on this machine, Nest's per-request machinery (execution context, guard and
 * pipe plumbing) cost more than the decision itself (docs/adr/0007-native-decision-routes.md).
 * They keep every rule the rest of the API follows: the same API-key gate as AccessGuard, the same
 * zod contracts, the same error envelope (errors reach Nest's exception filter through the Fastify
 * error handler Nest installs), and they are listed in NATIVE_ROUTES so the route x role matrix and
 * the fuzz tests cover them like every other route.
 */
export const NATIVE_ROUTES: readonly { method: 'POST'; path: string; rule: AccessRule; takesBody: boolean }[] = [
  { method: 'POST', path: '/v1/decisions', rule: { kind: 'api_key', scope: 'decide' }, takesBody: true },
  { method: 'POST', path: '/v1/decisions/batch', rule: { kind: 'api_key', scope: 'decide' }, takesBody: true },
];

@Injectable()
export class DecisionRoutes {
  constructor(
    private readonly gate: ApiKeyGate,
    private readonly decisions: DecisionService,
  ) {}

  register(fastify: FastifyInstance): void {
    fastify.post('/v1/decisions', (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.gate.check(request, 'decide');
      const req = parseOr400(decisionRequest, request.body ?? {});
      // Serialised here, reusing the JSON of the policy's shared objects (decision-json.ts).
      void reply.type(JSON_TYPE).send(decisionJson(this.decisions.decideOne(client, req)));
    });

    /** Up to 100 decisions; each item answers on its own (an error in one does not fail the others). */
    fastify.post('/v1/decisions/batch', (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.gate.check(request, 'decide');
      const input = parseOr400(batchRequest, request.body ?? {});
      void reply.send({
        items: input.items.map(({ correlationId, ...req }) => {
          try {
            return this.decisions.decideOne(client, req, correlationId);
          } catch (err) {
            const res = toErrorResponse(err);
            return { correlationId, status: res.status, ...res.body };
          }
        }),
      });
    });
  }
}
