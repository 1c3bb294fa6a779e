import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { loginInput } from '@airlock/contracts';
import { parseOr400 } from '../../common/zod-pipe';

/** Validates the login body (400 with the bad fields) before passport-local checks it. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.body = parseOr400(loginInput, request.body ?? {}, 'Sign-in needs an e-mail and a password');
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    return user;
  }
}
