import { Inject, Injectable } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { guardRequest, litellmGuardrailRequest } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { parseOr400 } from '../../common/zod-pipe';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ApiKeyRegistry } from '../api-clients/api-key-registry.service';
import type { AccessRule } from '../auth/access.decorators';
import { ApiKeyGate } from '../auth/api-key-gate';
import type { ApiClientAuth } from '../auth/auth-context';
import type { GatewayEndpoint } from './dialects';
import { GatewayService } from './gateway.service';
import { GuardrailsService } from './guardrails.service';

const GATEWAY_ROUTES: { path: string; endpoint: GatewayEndpoint }[] = [
  { path: '/gateway/openai/v1/chat/completions', endpoint: 'chat' },
  { path: '/gateway/openai/v1/responses', endpoint: 'responses' },
  { path: '/gateway/openai/v1/embeddings', endpoint: 'embeddings' },
  { path: '/gateway/anthropic/v1/messages', endpoint: 'messages' },
];

/** The guardrail endpoints answer in the API's envelope; listed for the route x role matrix and the fuzz tests. */
export const GATEWAY_NATIVE_ROUTES: readonly { method: 'POST'; path: string; rule: AccessRule; takesBody: boolean }[] = [
  { method: 'POST', path: '/v1/guard', rule: { kind: 'api_key', scope: 'gateway' }, takesBody: true },
  { method: 'POST', path: '/v1/guardrails/litellm/beta/litellm_basic_guardrail_api', rule: { kind: 'api_key', scope: 'gateway' }, takesBody: true },
];

/**
 * The AI gateway's routes (OpenAI- and Anthropic-compatible, answering errors in each API's own
 * format) and the guardrail endpoints, registered on Fastify directly like the decision routes
 * (streaming needs the raw response). Callers use an API key with the `gateway` scope, sent as
 * `Authorization: Bearer` (the OpenAI SDK) or `x-api-key` (the Anthropic SDK).
 */
@Injectable()
export class GatewayRoutes {
  constructor(
    private readonly keys: ApiKeyRegistry,
    private readonly gate: ApiKeyGate,
    private readonly gateway: GatewayService,
    private readonly guardrails: GuardrailsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The key from `Authorization: Bearer` or `x-api-key`, with the gateway scope, charged to its rate limit. */
  private authenticate(request: FastifyRequest): ApiClientAuth {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    const header = request.headers['x-api-key'];
    const presented = bearer ?? (typeof header === 'string' ? header.trim() : undefined);
    if (!presented) throw new AppError('unauthenticated', 'Send an Airlock API key with the gateway scope as Authorization: Bearer <key> or x-api-key: <key>');
    const auth = this.keys.authenticate(presented);
    if (!auth) throw new AppError('unauthenticated', 'The API key is unknown, expired or revoked');
    if (!auth.scopes.includes('gateway')) throw AppError.forbidden('The API key lacks the "gateway" scope');
    this.gate.charge(auth, 1);
    return auth;
  }

  register(fastify: FastifyInstance): void {
    const bodyLimit = this.config.gatewayMaxBodyBytes;
    for (const { path, endpoint } of GATEWAY_ROUTES) {
      const errorHandler = (error: FastifyError | Error, _request: FastifyRequest, reply: FastifyReply) => {
        const { status, body, headers } = GatewayService.errorReply(endpoint, error);
        if (reply.sent || reply.raw.headersSent) return;
        void reply.code(status).headers(headers).type('application/json').send(JSON.stringify(body));
      };
      fastify.post(path, { bodyLimit, errorHandler }, async (request, reply) => {
        const client = this.authenticate(request);
        await this.gateway.handle(endpoint, client, request, reply);
        return reply;
      });
    }

    const provider = (request: FastifyRequest) => {
      const v = request.headers['x-airlock-provider'];
      return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
    };
    const guard = async (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.authenticate(request);
      const body = parseOr400(guardRequest, request.body ?? {});
      return reply.send(await this.guardrails.guard(client, body, provider(request), request.id, request.ip));
    };
    // Lakera's clients post to {base}/v2/guard; Airlock's own path is /v1/guard.
    fastify.post('/v1/guard', { bodyLimit }, guard);
    fastify.post('/v2/guard', { bodyLimit }, guard);
    fastify.post('/v1/guardrails/litellm/beta/litellm_basic_guardrail_api', { bodyLimit }, async (request, reply) => {
      const client = this.authenticate(request);
      const body = parseOr400(litellmGuardrailRequest, request.body ?? {});
      return reply.send(await this.guardrails.litellm(client, body, provider(request), request.id, request.ip));
    });
  }
}
