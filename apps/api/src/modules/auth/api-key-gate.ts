import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors';
import { RateLimiter } from '../../common/rate-limiter';
import { ApiKeyRegistry } from '../api-clients/api-key-registry.service';
import type { ApiClientAuth } from './auth-context';

/**
 * The API-key check, shared by the global AccessGuard (Nest routes) and the decision API's native
 * Fastify routes (decision-routes.ts): Bearer key known, unexpired, unrevoked, with the scope, and
 * within its own rate limit. Memory only.
 */
@Injectable()
export class ApiKeyGate {
  private readonly keyLimiter = new RateLimiter('api-key');

  constructor(private readonly apiKeys: ApiKeyRegistry) {}

  /** The shared registry entry: read-only, and without the request's origin (see checkWithOrigin). */
  check(request: FastifyRequest, scope: string): ApiClientAuth {
    const presented = bearerOf(request);
    if (!presented) throw new AppError('unauthenticated', 'Send an API key as Authorization: Bearer <key>');
    const auth = this.apiKeys.authenticate(presented);
    if (!auth) throw new AppError('unauthenticated', 'The API key is unknown, expired or revoked');
    if (!auth.scopes.includes(scope)) throw AppError.forbidden(`The API key lacks the "${scope}" scope`);
    if (auth.rateLimitPerMinute) {
      const wait = this.keyLimiter.take(auth.keyId, auth.rateLimitPerMinute);
      if (wait) {
        throw new AppError('rate_limited', `This API key is limited to ${auth.rateLimitPerMinute} requests per minute; retry in ${wait}s`, undefined, {
          'retry-after': String(wait),
        });
      }
    }
    return auth;
  }

  /** As check(), with the request's origin for the audit log (on a copy: the entry is shared). */
  checkWithOrigin(request: FastifyRequest, scope: string): ApiClientAuth {
    return { ...this.check(request, scope), requestId: request.id, ip: request.ip };
  }
}

/** The Bearer token: undefined without an Authorization header, '' when it is not a Bearer one. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : '';
}
