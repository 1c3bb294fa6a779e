import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors';
import { RateLimiter } from '../../common/rate-limiter';
import { RateLimitSharing } from '../../common/rate-limit-sharing';
import { ApiKeyRegistry } from '../api-clients/api-key-registry.service';
import { MetricsService } from '../metrics/metrics.service';
import { type ApiClientAuth, type ScopeRequirement, scopeMet } from './auth-context';

/**
 * The API-key check, shared by the global AccessGuard (Nest routes) and the decision API's native
 * Fastify routes (decision-routes.ts): Bearer key known, unexpired, unrevoked, with the scope, and
 * within its own rate limit. Memory only.
 */
@Injectable()
export class ApiKeyGate {
  private readonly keyLimiter: RateLimiter;

  constructor(
    private readonly apiKeys: ApiKeyRegistry,
    private readonly metrics: MetricsService,
    sharing: RateLimitSharing,
  ) {
    this.keyLimiter = new RateLimiter('api-key', undefined, sharing.peers('api-key'));
  }

  /**
   * The shared registry entry: read-only, and without the request's origin (see checkWithOrigin).
   * `cost` is what the request counts against the key's rate limit (a batch: its items; 0 when the
   * caller charges it later with charge(), once it knows the count).
   */
  check(request: FastifyRequest, scope: ScopeRequirement, cost = 1): ApiClientAuth {
    const presented = bearerOf(request);
    if (!presented) throw new AppError('unauthenticated', 'Send an API key as Authorization: Bearer <key>');
    const auth = this.apiKeys.authenticate(presented);
    if (!auth) throw new AppError('unauthenticated', 'The API key is unknown, expired or revoked');
    if (!scopeMet(auth.scopes, scope)) {
      throw AppError.forbidden(typeof scope === 'string' ? `The API key lacks the "${scope}" scope` : `The API key lacks a scope for this route (one of: ${scope.join(', ')})`);
    }
    if (cost > 0) this.charge(auth, cost);
    return auth;
  }

  /** Counts `cost` requests against the key's own rate limit; 429 with Retry-After beyond it. */
  charge(auth: ApiClientAuth, cost: number): void {
    if (!auth.rateLimitPerMinute) return;
    const wait = this.keyLimiter.take(auth.keyId, auth.rateLimitPerMinute, Date.now(), cost);
    if (wait === 0) return;
    this.metrics.rateLimited.key.inc();
    if (wait === Infinity) {
      throw new AppError('rate_limited', `This API key is limited to ${auth.rateLimitPerMinute} requests per minute and a batch counts each item: a batch of ${cost} can never fit, send smaller ones`);
    }
    throw new AppError('rate_limited', `This API key is limited to ${auth.rateLimitPerMinute} requests per minute (a batch counts each item); retry in ${wait}s`, undefined, {
      'retry-after': String(wait),
    });
  }

  /** As check(), with the request's origin for the audit log (on a copy: the entry is shared). */
  checkWithOrigin(request: FastifyRequest, scope: ScopeRequirement): ApiClientAuth {
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
