import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { batchRequest, decisionReport, decisionRequest, REPORT_MAX_BYTES } from '@airlock/contracts';
import { toErrorResponse } from '../../common/error-response';
import { AppError } from '../../common/errors';
import { parseOr400 } from '../../common/zod-pipe';
import type { AccessRule } from '../auth/access.decorators';
import { ApiKeyGate } from '../auth/api-key-gate';
import { decisionJson } from './decision-json';
import { DecisionService } from './decision.service';
import { DecisionReportService } from './decision-report.service';

/** Who may report decisions it made locally: the extension, and the SDK's LocalDecider (a bundle key). */
export const REPORT_SCOPES = ['extension', 'bundle'] as const;

const JSON_TYPE = 'application/json; charset=utf-8';
/** The text of all the items of one batch together (a single decision carries up to 1 MiB). */
export const BATCH_MAX_TEXT = 2 * 1024 * 1024;
/** Characters of text decided between two returns to the event loop in a batch. */
const YIELD_EVERY_CHARS = 128 * 1024;

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
  { method: 'POST', path: '/v1/decisions/report', rule: { kind: 'api_key', scope: REPORT_SCOPES }, takesBody: true },
];

@Injectable()
export class DecisionRoutes {
  constructor(
    private readonly gate: ApiKeyGate,
    private readonly decisions: DecisionService,
    private readonly reports: DecisionReportService,
  ) {}

  register(fastify: FastifyInstance): void {
    fastify.post('/v1/decisions', (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.gate.check(request, 'decide');
      const req = parseOr400(decisionRequest, request.body ?? {});
      // Serialised here, reusing the JSON of the policy's shared objects (decision-json.ts).
      // The connection's address is worked out only when the client sent none (request.ip applies AIRLOCK_TRUST_PROXY).
      const connectionIp = req.context?.ip === undefined ? request.ip : undefined;
      // a long text is inspected off the event loop first: the answer is then a promise (decideOneAsync)
      const answer = this.decisions.decideOneAsync(client, req, undefined, connectionIp);
      if (answer instanceof Promise) return answer.then((r) => reply.type(JSON_TYPE).send(decisionJson(r)));
      void reply.type(JSON_TYPE).send(decisionJson(answer));
    });

    /**
     * Up to 100 decisions; each item answers on its own (an item the decision refuses does not fail
     * the others; a body that does not match the contract fails whole with 400). Each item counts
     * against the key's rate limit; the text of all items together is bounded (BATCH_MAX_TEXT), and
     * the items are decided in slices that give the event loop back in between, so a large batch
     * does not hold up every other request.
     */
    fastify.post('/v1/decisions/batch', async (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.gate.check(request, 'decide', 0);
      const input = parseOr400(batchRequest, request.body ?? {});
      let text = 0;
      for (const item of input.items) text += item.content?.text?.length ?? 0;
      if (text > BATCH_MAX_TEXT) {
        throw new AppError('payload_too_large', `The items of a batch may carry at most ${BATCH_MAX_TEXT / 1024 / 1024} MiB of text together (this one: ${(text / 1024 / 1024).toFixed(1)} MiB); send several batches`);
      }
      this.gate.charge(client, input.items.length);
      const items: unknown[] = [];
      let sinceYield = 0;
      const connectionIp = request.ip;
      for (const { correlationId, ...req } of input.items) {
        try {
          items.push(await this.decisions.decideOneAsync(client, req, correlationId, connectionIp));
        } catch (err) {
          const res = toErrorResponse(err);
          items.push({ correlationId, status: res.status, ...res.body });
        }
        sinceYield += 1 + (req.content?.text?.length ?? 0);
        if (sinceYield >= YIELD_EVERY_CHARS) {
          sinceYield = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      return reply.send({ items });
    });

    /**
     * Decisions a local evaluator made itself, up to REPORT_MAX_ITEMS per call and REPORT_MAX_BYTES
     * of body (413 beyond); each item counts against the key's rate limit like a batch's. 202 with
     * how many were logged, how many were already (a batch sent again) and which were refused and why.
     */
    fastify.post('/v1/decisions/report', { bodyLimit: REPORT_MAX_BYTES }, async (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.gate.check(request, REPORT_SCOPES, 0);
      const input = parseOr400(decisionReport, request.body ?? {});
      this.gate.charge(client, input.decisions.length);
      const result = await this.reports.report(client, input);
      return reply.status(202).send(result);
    });
  }
}
