import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Authenticated, CurrentUser, Public } from './access.decorators';
import type { UserAuth } from './auth-context';
import { AuthService, type SignedInUser } from './auth.service';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { LocalAuthGuard } from './local-auth.guard';

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** { email, password } -> session cookie; the body tells who signed in and the CSRF token. */
  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  async login(@Req() request: FastifyRequest & { user: SignedInUser }, @Res({ passthrough: true }) reply: FastifyReply) {
    const session = await this.auth.startSession(request.user, { ip: request.ip, userAgent: request.headers['user-agent'], method: 'password' });
    setSessionCookie(reply, request, session.token, session.expiresAt, this.config.cookieSecure);
    return { ok: true, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  @Authenticated({ permission: 'portal' })
  @Post('logout')
  @HttpCode(200)
  async logout(@CurrentUser() user: UserAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.logout(user);
    clearSessionCookie(reply);
    return { ok: true };
  }

  @Authenticated({ permission: 'portal' })
  @Get('me')
  me(@CurrentUser() user: UserAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.auth.me(user);
  }
}
