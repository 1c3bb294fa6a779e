import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors';
import type { ApiClientAuth, ApiScope, AuthContext, UserAuth } from './auth-context';
import type { Permission } from './permissions';

/**
 * Every route declares who may call it; a route without a declaration is refused (fail closed),
 * and a test walks every route to check each has one.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'session'; permission: Permission }
  | { kind: 'api_key'; scope: ApiScope }
  | { kind: 'session_or_api_key'; permission: Permission; scope: ApiScope };

export const ACCESS_KEY = 'airlock:access';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** A signed-in user (session cookie) whose role grants the permission. */
export const Authenticated = (opts: { permission: Permission }): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'session', permission: opts.permission } satisfies AccessRule);

/** A decision client presenting an API key with the scope (Authorization: Bearer ak_...). */
export const ApiKeyScope = (scope: ApiScope): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'api_key', scope } satisfies AccessRule);

/** Either a signed-in user with the permission or an API key with the scope. */
export const SessionOrApiKey = (opts: { permission: Permission; scope: ApiScope }): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'session_or_api_key', ...opts } satisfies AccessRule);

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
