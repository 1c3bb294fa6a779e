import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ssoConnectionPut, ssoConnectionTestInput, ssoStartQuery } from '@airlock/contracts';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { body, parseOr400 } from '../../../common/zod-pipe';
import { Authenticated, CurrentUser, Public, RateLimit, StepUp } from '../access.decorators';
import { actorOf, type UserAuth } from '../auth-context';
import { originOf, SIGN_IN_LIMIT } from '../auth.controller';
import { AuthService } from '../auth.service';
import { clearSsoCookie, readSessionCookie, readSsoCookie, setSessionCookie, setSsoCookie } from '../cookies';
import { SsoConnectionService } from './sso-connection.service';
import { SsoRefused, SsoSignInService } from './sso-sign-in.service';
import { SSO_STATE_TTL_SECONDS } from './sso-state-cookie';

/**
 * Browser navigations, not API calls: both answer with a redirect. Success lands on the console
 * (`/#/`) with the session cookie set; a refusal lands on the sign-in page with ?sso_error=<code>.
 */
@Controller('api/auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoSignInService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private refused(reply: FastifyReply, err: unknown) {
    if (!(err instanceof SsoRefused)) throw err;
    void reply.header('cache-control', 'no-store');
    return reply.redirect(`${this.config.publicUrl}/#/login?sso_error=${err.reason}`, 302);
  }

  @Public()
  @RateLimit(SIGN_IN_LIMIT)
  @Get('start')
  async start(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { org } = parseOr400(ssoStartQuery, query, 'Say which organization signs in: ?org=<slug>');
    try {
      const { redirectTo, sealedState } = await this.sso.start(org, passportRequest(request));
      setSsoCookie(reply, request, sealedState, SSO_STATE_TTL_SECONDS, this.config.cookieSecure);
      void reply.header('cache-control', 'no-store');
      return reply.redirect(redirectTo, 302);
    } catch (err) {
      return this.refused(reply, err);
    }
  }

  @Public()
  @RateLimit(SIGN_IN_LIMIT)
  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const sealed = readSsoCookie(request, this.config.cookieSecure);
    clearSsoCookie(reply);
    try {
      const user = await this.sso.callback(sealed, passportRequest(request), originOf(request));
      const session = await this.auth.startSession(user, {
        ip: request.ip,
        requestId: request.id,
        userAgent: request.headers['user-agent'],
        method: 'sso',
        previousToken: readSessionCookie(request, this.config.cookieSecure),
      });
      setSessionCookie(reply, request, session.token, session.expiresAt, this.config.cookieSecure);
      void reply.header('cache-control', 'no-store');
      return reply.redirect(`${this.config.publicUrl}/#/`, 302);
    } catch (err) {
      return this.refused(reply, err);
    }
  }
}

function passportRequest(request: FastifyRequest) {
  return { method: request.method, url: request.url, originalUrl: request.url, headers: request.headers };
}

/** The organization's OpenID Connect connection (one per organization). */
@Controller('api/sso-connection')
export class SsoConnectionController {
  constructor(
    private readonly connections: SsoConnectionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Authenticated({ permission: 'settings.read' })
  @Get()
  get(@CurrentUser() user: UserAuth) {
    return this.connections.get(user.organizationId, this.config.publicUrl);
  }

  /** Runs OpenID discovery of the issuer in the body (the form as it is), saving nothing. */
  @Authenticated({ permission: 'settings.write' })
  @Post('test')
  @HttpCode(200)
  test(@Body(body(ssoConnectionTestInput)) input: z.infer<typeof ssoConnectionTestInput>) {
    return this.connections.test(input);
  }

  @Authenticated({ permission: 'settings.write' })
  @StepUp()
  @Put()
  put(@CurrentUser() user: UserAuth, @Body(body(ssoConnectionPut)) input: z.infer<typeof ssoConnectionPut>) {
    return this.connections.put(user.organizationId, actorOf(user), input, this.config.publicUrl);
  }
}
