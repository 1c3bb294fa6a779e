import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors';
import type { AppConfig } from '../../config/config';
import type { ApiClientAuth, AuthContext, ScopeRequirement, UserAuth } from './auth-context';
import type { Permission } from './permissions';

/**
 * Every route declares who may call it; a route without a declaration is refused (fail closed),
 * and a test walks every route to check each has one.
 */
export type AccessRule =
  | { kind: 'public'; probe?: boolean; crossSiteForm?: boolean }
  | { kind: 'session'; permission: Permission }
  | { kind: 'api_key'; scope: ScopeRequirement }
  | { kind: 'session_or_api_key'; permission: Permission; scope: ScopeRequirement }
  /** The second step of a password sign-in: the short-lived "MFA pending" cookie, no session yet. */
  | { kind: 'mfa_pending' };

export const ACCESS_KEY = 'airlock:access';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/**
 * A public route that takes a cross-site form POST by design: SAML's HTTP-POST binding, where the
 * identity provider's page posts the signed response (or logout message) to Airlock. The origin and
 * JSON-only checks of other public mutations are skipped; the message's signature and the sealed
 * request id it must answer are what protect it. Rate limits still apply.
 */
export const SamlBinding = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public', crossSiteForm: true } satisfies AccessRule);

/**
 * A public read for load balancers, supervisors and scrapers (health, readiness, metrics): outside
 * the per-address rate limit, so a flood from the balancer's address cannot fail its own checks.
 * Such routes must stay cheap and read-only.
 */
export const Probe = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public', probe: true } satisfies AccessRule);

/** A signed-in user (session cookie) whose role grants the permission. */
export const Authenticated = (opts: { permission: Permission }): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'session', permission: opts.permission } satisfies AccessRule);

/** A decision client presenting an API key with the scope, or one of the scopes (Authorization: Bearer ak_...). */
export const ApiKeyScope = (scope: ScopeRequirement): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'api_key', scope } satisfies AccessRule);

/** Either a signed-in user with the permission or an API key with the scope. */
export const SessionOrApiKey = (opts: { permission: Permission; scope: ScopeRequirement }): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'session_or_api_key', ...opts } satisfies AccessRule);

/** The second step of a password sign-in (the MFA pending cookie from POST /api/auth/login). */
export const MfaPending = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'mfa_pending' } satisfies AccessRule);

export const STEP_UP_KEY = 'airlock:step-up';
/**
 * One of the most sensitive actions: a user with a second factor must have proven it within the
 * last STEP_UP_SECONDS in this session, else 403 `step_up_required` (the console asks and retries).
 */
export const StepUp = (): MethodDecorator => SetMetadata(STEP_UP_KEY, true);

export const MFA_ENROLMENT_KEY = 'airlock:mfa-enrolment';
/**
 * A route a user who must enrol a second factor (their role requires one) may still call: who am
 * I, sign out, and the enrolment routes. Every other route answers 403 `mfa_enrolment_required`.
 */
export const AllowedBeforeMfaEnrolment = (): MethodDecorator & ClassDecorator => SetMetadata(MFA_ENROLMENT_KEY, true);

export const RATE_LIMIT_KEY = 'airlock:rate-limit';

export interface RateLimitRule {
  /** Requests per minute from one client address (a number, or read from the configuration). */
  perMinute: number | ((config: AppConfig) => number);
  /** Routes naming the same bucket share one budget (e.g. every way of signing in); default: the route's own. */
  bucket?: string;
}

/**
 * A per-address limit of its own for a sensitive endpoint (sign-in, password reset, status token
 * look-ups), on top of the general per-address limit. The guard reads it before anything else, so
 * a refused request costs no password hashing and no database work. Answers 429 with Retry-After.
 */
export const RateLimit = (rule: RateLimitRule): MethodDecorator & ClassDecorator => SetMetadata(RATE_LIMIT_KEY, rule);

function authOf(ctx: ExecutionContext): AuthContext | null {
  return ctx.switchToHttp().getRequest<FastifyRequest>().auth ?? null;
}

/** The caller, whatever kind. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = authOf(ctx);
  if (!auth) throw new AppError('unauthenticated', 'Sign in first');
  return auth;
});

/** The signed-in user (routes with @Authenticated). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserAuth => {
  const auth = authOf(ctx);
  if (auth?.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first');
  return auth;
});

/** The calling API client (routes with @ApiKeyScope). */
export const CurrentClient = createParamDecorator((_: unknown, ctx: ExecutionContext): ApiClientAuth => {
  const auth = authOf(ctx);
  if (auth?.kind !== 'api_client') throw new AppError('unauthenticated', 'Send an API key in Authorization: Bearer');
  return auth;
});
