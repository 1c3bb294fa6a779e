import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { loginInput } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { parseOr400 } from '../../common/zod-pipe';
import { LocalStrategy } from './local.strategy';
import { runPassport } from './passport-adapter';

/**
 * Validates the login body (400 with the bad fields), then runs passport-local through the same
 * small passport adapter as SSO, with this application's own strategy instance.
 */
@Injectable()
export class LocalAuthGuard implements CanActivate {
  constructor(private readonly local: LocalStrategy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: unknown }>();
    request.body = parseOr400(loginInput, request.body ?? {}, 'Sign-in needs an e-mail and a password');
    const outcome = await runPassport(this.local, { method: request.method, url: request.url, originalUrl: request.url, headers: request.headers, body: request.body, query: {}, session: {} });
    switch (outcome.kind) {
      case 'success':
        request.user = outcome.user;
        return true;
      case 'error':
        throw outcome.error;
      case 'fail':
      case 'redirect':
        throw new AppError('unauthenticated', 'Wrong e-mail or password');
    }
  }
}
