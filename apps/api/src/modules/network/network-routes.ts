import { Injectable } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DecisionResponse } from '@airlock/contracts';
import { toErrorResponse } from '../../common/error-response';
import { AppError } from '../../common/errors';
import { ApiKeyRegistry } from '../api-clients/api-key-registry.service';
import type { AccessRule } from '../auth/access.decorators';
import { ApiKeyGate } from '../auth/api-key-gate';
import { type ApiClientAuth, type ApiScope, scopeMet } from '../auth/auth-context';
import { ENVOY_PREFIX, headerSafe, type OriginalRequest, originalFromEnvoy, originalFromNginx, prefersHtml } from './authz';
import { renderBlockPage } from './block-page';
import { EXPORT_FORMATS, etagMatches, type ExportFormat } from './exports';
import { NetworkService } from './network.service';
import { inputOfBody, inputOfQuery, MISSING_INPUT_WARNING, toOpaError } from './opa';

/** A decision about one destination: the network scope, or the decision scope that can ask anything. */
export const AUTHZ_SCOPES = ['network', 'decide'] as const satisfies readonly ApiScope[];
/** The exports say which services are blocked: the network scope, or the bundle scope that carries the whole catalog. */
export const EXPORT_SCOPES = ['network', 'bundle'] as const satisfies readonly ApiScope[];

/** The methods Envoy's check request may carry (the original request's); others are refused with 404 by the router. */
export const ENVOY_METHODS = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'] as const;

type NativeRoute = { method: string; path: string; rule: AccessRule; takesBody: boolean };
const authz: AccessRule = { kind: 'api_key', scope: AUTHZ_SCOPES };
const exportsRule: AccessRule = { kind: 'api_key', scope: EXPORT_SCOPES };

/** For the OpenAPI document, the route x role matrix and the fuzz tests (like NATIVE_ROUTES). */
export const NETWORK_NATIVE_ROUTES: readonly NativeRoute[] = [
  { method: 'GET', path: '/v1/authz', rule: authz, takesBody: false },
  { method: 'POST', path: '/v1/authz', rule: authz, takesBody: false },
  { method: 'GET', path: '/v1/authz/blocked', rule: authz, takesBody: false },
  // The original path always starts with '/', so Envoy's check path is always under the prefix.
  ...ENVOY_METHODS.map((method) => ({ method, path: `${ENVOY_PREFIX}/*`, rule: authz, takesBody: false })),
  { method: 'GET', path: '/v1/data/airlock/decision', rule: authz, takesBody: false },
  { method: 'POST', path: '/v1/data/airlock/decision', rule: authz, takesBody: true },
  { method: 'GET', path: '/v1/data/airlock/allow', rule: authz, takesBody: false },
  { method: 'POST', path: '/v1/data/airlock/allow', rule: authz, takesBody: true },
  { method: 'GET', path: '/v1/data/*', rule: authz, takesBody: false },
  { method: 'POST', path: '/v1/data/*', rule: authz, takesBody: true },
  { method: 'GET', path: '/v1/exports/:format', rule: exportsRule, takesBody: false },
];

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined;
}

/** The headers that tell a gateway (and, through it, the client) what was decided. */
function decisionHeaders(d: DecisionResponse): Record<string, string> {
  const h: Record<string, string> = { 'x-airlock-decision-id': d.decisionId, 'x-airlock-effect': d.effect };
  const counted = d.reasons.filter((r) => r.effect !== 'allow');
  if (counted.length) h['x-airlock-rules'] = headerSafe(counted.map((r) => r.ruleId).join(','), 1024);
  const first = d.reasons.find((r) => r.effect === d.effect) ?? counted[0];
  if (first && d.effect !== 'allow') h['x-airlock-reason'] = headerSafe(first.message);
  if (d.provider) h['x-airlock-service'] = headerSafe(d.provider.slug, 128);
  return h;
}

/** The deny body in the API's envelope (Envoy passes it to the client; nginx ignores it). */
function denyJson(d: DecisionResponse): string {
  const first = d.reasons.find((r) => r.effect === 'block');
  return JSON.stringify({
    error: {
      code: 'forbidden',
      message: `Blocked by the organization's AI policy${first ? `: ${first.message}` : ''}`,
      details: { decisionId: d.decisionId, effect: d.effect, provider: d.provider ?? null, reasons: d.reasons.map((r) => ({ ruleId: r.ruleId, effect: r.effect, message: r.message, ...(r.guidanceUrl ? { guidanceUrl: r.guidanceUrl } : {}) })) },
    },
  });
}

/**
 * The network's enforcement points, registered on Fastify directly like the decision and gateway
 * routes: the gateways' authorization subrequests need any method and path (Envoy), answers with
 * no body (nginx's 204) and OPA's own answer and error shapes (docs/integrations/).
 * The API key comes from `X-Airlock-Key` when present (Envoy forwards the original request's
 * Authorization header, which belongs to the user), else from `Authorization: Bearer`.
 */
@Injectable()
export class NetworkRoutes {
  constructor(
    private readonly keys: ApiKeyRegistry,
    private readonly gate: ApiKeyGate,
    private readonly network: NetworkService,
  ) {}

  private authenticate(request: FastifyRequest, scopes: readonly ApiScope[]): ApiClientAuth {
    const own = header(request, 'x-airlock-key')?.trim();
    if (!own) return this.gate.check(request, scopes);
    const auth = this.keys.authenticate(own);
    if (!auth) throw new AppError('unauthenticated', 'The API key in X-Airlock-Key is unknown, expired or revoked');
    if (!scopeMet(auth.scopes, scopes)) throw AppError.forbidden(`The API key lacks a scope for this route (one of: ${scopes.join(', ')})`);
    this.gate.charge(auth, 1);
    return auth;
  }

  register(fastify: FastifyInstance): void {
    // nginx auth_request: 204 allow (warn included: a gateway cannot show a warning), 403 block.
    const nginx = (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.authenticate(request, AUTHZ_SCOPES);
      const d = this.network.decideOriginal(client, originalFromNginx(request.headers), request.ip);
      void reply.headers(decisionHeaders(d)).header('cache-control', 'no-store');
      if (d.effect === 'block') return reply.code(403).type(JSON_TYPE).send(denyJson(d));
      return reply.code(204).send();
    };
    fastify.get('/v1/authz', nginx);
    fastify.post('/v1/authz', nginx);

    // The explanation page nginx's error_page proxies to (docs/integrations/nginx.md).
    fastify.get('/v1/authz/blocked', (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.authenticate(request, AUTHZ_SCOPES);
      const rules = (header(request, 'x-airlock-rules') ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, 50);
      let host: string | null;
      try {
        host = originalFromNginx(request.headers).host;
      } catch {
        host = null;
      }
      const page = this.network.explain(client, rules, host, header(request, 'x-airlock-decision-id')?.trim() ?? null);
      void reply.header('cache-control', 'no-store');
      if (prefersHtml(header(request, 'accept'))) return reply.type(HTML_TYPE).send(renderBlockPage(page));
      return reply.type(JSON_TYPE).send(JSON.stringify(page));
    });

    // Envoy's HTTP ext_authz: path_prefix /v1/authz/envoy, the original method, path and Host.
    // 200 allow; 403 deny, with a page for browsers (Envoy passes status, headers and body on).
    const envoy = (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.authenticate(request, AUTHZ_SCOPES);
      const original: OriginalRequest = originalFromEnvoy(request.method, request.url, request.headers);
      const d = this.network.decideOriginal(client, original, request.ip);
      void reply.headers(decisionHeaders(d)).header('cache-control', 'no-store');
      if (d.effect !== 'block') return reply.code(200).send();
      if (prefersHtml(header(request, 'accept'))) {
        const page = this.network.explain(client, d.reasons.filter((r) => r.effect === 'block').map((r) => r.ruleId), original.host, d.decisionId);
        return reply.code(403).type(HTML_TYPE).send(renderBlockPage(page));
      }
      return reply.code(403).type(JSON_TYPE).send(denyJson(d));
    };
    // The check request's body (with_request_body) is not needed: read and dropped whatever its type.
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _body, done) => done(null, undefined));
      scope.route({ method: [...ENVOY_METHODS, 'HEAD', 'OPTIONS'], url: `${ENVOY_PREFIX}/*`, exposeHeadRoute: false, handler: envoy });
    });

    // OPA's Data API: answers and errors in OPA's shapes (@styra/opa and other OPA clients).
    const opaErrors = (error: FastifyError | Error, _request: FastifyRequest, reply: FastifyReply) => {
      const res = toErrorResponse(error);
      void reply.code(res.status).headers(res.headers).type(JSON_TYPE).send(JSON.stringify(toOpaError(res.status, res.body.error.message, res.body.error.details)));
    };
    const evaluate = (request: FastifyRequest, document: 'decision' | 'allow' | null, input: { present: true; input: unknown } | { present: false }) => {
      const client = this.authenticate(request, AUTHZ_SCOPES);
      // A document Airlock does not have is undefined, as OPA answers: no `result`.
      if (document === null) return {};
      if (!input.present) return { warning: MISSING_INPUT_WARNING };
      const d = this.network.decideInput(client, input.input, request.ip);
      return { decision_id: d.decisionId, result: document === 'decision' ? d : d.effect !== 'block' };
    };
    for (const document of ['decision', 'allow'] as const) {
      fastify.post(`/v1/data/airlock/${document}`, { errorHandler: opaErrors }, (request, reply) =>
        reply.type(JSON_TYPE).send(JSON.stringify(evaluate(request, document, inputOfBody(request.body)))),
      );
      fastify.get(`/v1/data/airlock/${document}`, { errorHandler: opaErrors }, (request, reply) =>
        reply.type(JSON_TYPE).send(JSON.stringify(evaluate(request, document, inputOfQuery((request.query as Record<string, unknown>).input)))),
      );
    }
    fastify.post('/v1/data/*', { errorHandler: opaErrors }, (request, reply) => {
      inputOfBody(request.body);
      return reply.type(JSON_TYPE).send(JSON.stringify(evaluate(request, null, { present: false })));
    });
    fastify.get('/v1/data/*', { errorHandler: opaErrors }, (request, reply) => reply.type(JSON_TYPE).send(JSON.stringify(evaluate(request, null, { present: false }))));

    // DNS, proxy and PAC exports with ETag / 304.
    fastify.get('/v1/exports/:format', (request: FastifyRequest, reply: FastifyReply) => {
      const client = this.authenticate(request, EXPORT_SCOPES);
      const format = (request.params as { format: string }).format;
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new AppError('not_found', `No export format ${JSON.stringify(format.slice(0, 40))}; the formats are ${EXPORT_FORMATS.join(', ')}`);
      }
      const out = this.network.exportFor(client, format as ExportFormat, request.query as Record<string, unknown>);
      void reply.header('etag', out.etag).header('cache-control', 'no-cache').header('vary', 'Authorization, X-Airlock-Key');
      if (etagMatches(header(request, 'if-none-match'), out.etag)) return reply.code(304).send();
      return reply.type(out.contentType).header('content-disposition', `inline; filename="${out.filename}"`).send(out.body);
    });
  }
}
