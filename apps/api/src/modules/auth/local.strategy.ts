import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { AppError } from '../../common/errors';
import { AuthService, type SignedInUser } from './auth.service';

/** passport-local: e-mail and password from the JSON body, checked by AuthService. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<SignedInUser> {
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 320 || password.length > 1024) {
      throw AppError.validation([{ path: 'email', message: 'and password must be strings' }]);
    }
    return this.auth.checkPassword(email, password, request.ip);
  }
}
