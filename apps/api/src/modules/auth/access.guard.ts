import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../common/errors';
import { RateLimiter } from '../../common/rate-limiter';
import { RateLimitSharing } from '../../common/rate-limit-sharing';
import { MetricsService } from '../metrics/metrics.service';
import { QUIET_REQUEST_LOG } from '../../common/quiet-request-log';
import { ACCESS_KEY, type AccessRule, MFA_ENROLMENT_KEY, RATE_LIMIT_KEY, type RateLimitRule, STEP_UP_KEY } from './access.decorators';
import { ApiKeyGate, bearerOf } from './api-key-gate';
import type { ApiClientAuth, PendingAuth, ScopeRequirement, UserAuth } from './auth-context';
import { readMfaCookie, readSessionCookie } from './cookies';
import { PendingSignInService } from './mfa/pending-sign-in.service';
import { requireStepUp } from './mfa/step-up';
import { type Permission, roleHas } from './permissions';
import { SessionService } from './session.service';
import { safeEqual } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one global guard. Reads the route's declared access (access.decorators.ts) and:
 * - API keys: Bearer key known, unexpired, unrevoked, with the scope; the key's own rate limit;
 * - sessions: cookie -> server-side session -> user not disabled, role has the permission, and on
 *   every mutation a CSRF token equal to the session's plus a same-origin check;
 * - per-IP rate limit on everything not authenticated by an API key;
 * - a stricter per-IP limit of its own on routes that declare @RateLimit (sign-in, password reset).
 * A route that declares nothing is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly ipLimiter: RateLimiter;
  private readonly routeLimiter: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly apiKeyGate: ApiKeyGate,
    private readonly metrics: MetricsService,
    private readonly pending: PendingSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    sharing: RateLimitSharing,
  ) {
    this.ipLimiter = new RateLimiter('ip', undefined, sharing.peers('ip'));
    this.routeLimiter = new RateLimiter('route', undefined, sharing.peers('route'));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.ruleOf(context);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.auth = null;
    if (!rule) throw AppError.forbidden('This endpoint declares no access rule');
    // NUL never belongs in a URL, raw or JSON-escaped inside react-admin's sort/range/filter
    // parameters (which are JSON); PostgreSQL refuses it in text, so it must not reach a query.
    if (containsNul(request.query) || containsNul(request.params)) {
      throw AppError.validation([{ path: 'query', message: 'must not contain NUL characters' }]);
    }
    const limit = this.limitOf(context);
    if (limit) this.limitRoute(request, limit, `${context.getClass().name}.${context.getHandler().name}`);

    switch (rule.kind) {
      case 'public':
        if (rule.probe) return true;
        this.limitIp(request);
        // No session to protect, but a cross-site form must not sign a victim in as the attacker
        // (login CSRF) or act on their behalf: refuse mutations from another origin, and take only
        // JSON, which a form (or a form re-posted by a 307 redirect) cannot send.
        if (!SAFE_METHODS.has(request.method) && !rule.crossSiteForm) {
          this.checkOrigin(request);
          requireJson(request);
        }
        return true;
      case 'api_key':
        request.auth = this.requireApiKey(request, rule.scope);
        return true;
      case 'session':
        this.limitIp(request);
        request.auth = await this.requireSession(request, rule.permission);
        this.checkMfa(context, request.auth);
        return true;
      case 'session_or_api_key':
        if (bearerOf(request) !== undefined) {
          request.auth = this.requireApiKey(request, rule.scope);
        } else {
          this.limitIp(request);
          request.auth = await this.requireSession(request, rule.permission);
          this.checkMfa(context, request.auth);
        }
        return true;
      case 'mfa_pending':
        this.limitIp(request);
        if (!SAFE_METHODS.has(request.method)) {
          this.checkOrigin(request);
          requireJson(request);
        }
        request.pending = await this.requirePending(request);
        return true;
    }
  }

  /**
   * A user whose role requires MFA and who has none may only enrol (and see who they are, and sign
   * out); the most sensitive routes need a second factor proven within the last minutes (step-up).
   */
  private checkMfa(context: ExecutionContext, auth: UserAuth): void {
    if (auth.mfaEnrolmentRequired && !this.metadataOf(this.enrolmentAllowed, MFA_ENROLMENT_KEY, context)) {
      throw new AppError('mfa_enrolment_required', 'Your organization requires a second factor for your role: set one up first (Account security)');
    }
    if (this.metadataOf(this.stepUps, STEP_UP_KEY, context)) requireStepUp(auth);
  }

  private async requirePending(request: FastifyRequest): Promise<PendingAuth> {
    const token = readMfaCookie(request, this.config.cookieSecure);
    const pending = token ? await this.pending.resolve(token) : null;
    if (!pending) throw new AppError('unauthenticated', 'Sign in with your e-mail and password first (or again: the second step lasts 5 minutes)');
    pending.requestId = request.id;
    pending.ip = request.ip;
    return pending;
  }

  /** Route metadata never changes after boot: read it once per handler, not on every request. */
  private readonly rules = new WeakMap<object, AccessRule | null>();
  private readonly limits = new WeakMap<object, RateLimitRule | null>();
  private readonly stepUps = new WeakMap<object, boolean | null>();
  private readonly enrolmentAllowed = new WeakMap<object, boolean | null>();
  private ruleOf(context: ExecutionContext): AccessRule | undefined {
    return this.metadataOf(this.rules, ACCESS_KEY, context);
  }
  private limitOf(context: ExecutionContext): RateLimitRule | undefined {
    return this.metadataOf(this.limits, RATE_LIMIT_KEY, context);
  }
  private metadataOf<T>(cache: WeakMap<object, T | null>, key: string, context: ExecutionContext): T | undefined {
    const handler = context.getHandler();
    let value = cache.get(handler);
    if (value === undefined) {
      value = this.reflector.getAllAndOverride<T | undefined>(key, [handler, context.getClass()]) ?? null;
      cache.set(handler, value);
    }
    return value ?? undefined;
  }

  private limitIp(request: FastifyRequest): void {
    const wait = this.ipLimiter.take(`ip:${request.ip}`, this.config.rateLimitPerIp);
    if (wait) this.metrics.rateLimited.ip.inc();
    if (wait) throw new AppError('rate_limited', `Too many requests from this address; retry in ${wait}s`, undefined, { 'retry-after': String(wait) });
  }

  private limitRoute(request: FastifyRequest, rule: RateLimitRule, routeName: string): void {
    const perMinute = typeof rule.perMinute === 'function' ? rule.perMinute(this.config) : rule.perMinute;
    const wait = this.routeLimiter.take(`${rule.bucket ?? routeName}:${request.ip}`, perMinute);
    if (wait) this.metrics.rateLimited.route.inc();
    if (wait) throw new AppError('rate_limited', `Too many attempts from this address; retry in ${wait}s`, undefined, { 'retry-after': String(wait) });
  }

  private checkOrigin(request: FastifyRequest): void {
    if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('csrf_failed', 'Cross-site requests are not allowed (Sec-Fetch-Site: cross-site)');
    if (!originAllowed(request, this.config)) throw new AppError('csrf_failed', `Requests from ${String(request.headers.origin).slice(0, 200)} are not allowed`);
  }

  private requireApiKey(request: FastifyRequest, scope: ScopeRequirement): ApiClientAuth {
    return this.apiKeyGate.checkWithOrigin(request, scope);
  }

  private async requireSession(request: FastifyRequest, permission: Permission): Promise<UserAuth> {
    const token = readSessionCookie(request, this.config.cookieSecure);
    const quiet = (request.routeOptions?.config as unknown as Record<string, unknown> | undefined)?.[QUIET_REQUEST_LOG] === true;
    const auth = token ? await this.sessions.resolve(token, { touch: !quiet }) : null;
    if (!auth) throw new AppError('unauthenticated', 'Sign in first');
    if (!SAFE_METHODS.has(request.method)) this.checkCsrf(request, auth);
    if (!roleHas(auth.role, permission)) throw AppError.forbidden(`Your role (${auth.role}) does not allow this`);
    auth.requestId = request.id;
    auth.ip = request.ip;
    return auth;
  }

  /** Double defence for cookie-authenticated mutations: a same-origin request and the session's CSRF token. */
  private checkCsrf(request: FastifyRequest, auth: UserAuth): void {
    this.checkOrigin(request);
    const header = request.headers['x-csrf-token'];
    const sent = Array.isArray(header) ? header[0] : header;
    if (!sent || !safeEqual(sent, auth.csrfToken)) {
      throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header (GET /api/auth/me returns it)');
    }
  }
}

/**
 * Browsers send Origin on cross-origin requests; it must be this API's own origin or a configured
 * one. `null` is what sandboxed frames, data: pages and cross-origin redirects send: never ours.
 */
function originAllowed(request: FastifyRequest, config: AppConfig): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === config.publicUrl || config.corsOrigins.includes(origin) || origin === `${request.protocol}://${request.host}`;
}

/** Public mutations take JSON only: an HTML form can send urlencoded, multipart or text/plain, never JSON. */
function requireJson(request: FastifyRequest): void {
  const type = request.headers['content-type'];
  const mediaType = typeof type === 'string' ? type.split(';')[0]!.trim().toLowerCase() : '';
  if (mediaType !== 'application/json') throw new AppError('unsupported_media_type', 'Send this request as JSON (Content-Type: application/json)');
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || /\\u0000/i.test(value);
  if (depth > 4 || !value || typeof value !== 'object') return false;
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

