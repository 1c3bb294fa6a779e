import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { consoleReturnPath, ssoConnectionPut, ssoConnectionTestInput, ssoInitiateQuery, ssoStartQuery } from '@airlock/contracts';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { body, parseOr400 } from '../../../common/zod-pipe';
import { Authenticated, CurrentUser, Public, RateLimit, StepUp } from '../access.decorators';
import { actorOf, type UserAuth } from '../auth-context';
import { originOf } from '../auth.controller';
import { AuthService } from '../auth.service';
import { clearSsoCookie, readSessionCookie, readSsoCookie, setSessionCookie, setSsoCookie } from '../cookies';
import { SsoConnectionService } from './sso-connection.service';
import { SsoRefused, SsoSignInService } from './sso-sign-in.service';
import { SSO_STATE_TTL_SECONDS } from './sso-state-cookie';

/**
 * SSO has a per-address budget of its own, larger than the password sign-in's: an SSO sign-in is two
 * requests (start and callback), and a whole office signs in behind one NAT address at nine.
 */
const SSO_LIMIT = { perMinute: (c: AppConfig) => c.ssoRateLimitPerIp, bucket: 'sso' };

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

  private async refused(reply: FastifyReply, request: FastifyRequest, err: unknown) {
    if (!(err instanceof SsoRefused)) throw err;
    await this.sso.recordRefusal(err, originOf(request));
    void reply.header('cache-control', 'no-store');
    return reply.redirect(`${this.config.publicUrl}/#/login?sso_error=${err.reason}`, 302);
  }

  @Public()
  @RateLimit(SSO_LIMIT)
  @Get('start')
  async start(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { org, returnTo } = parseOr400(ssoStartQuery, query, 'Say which organization signs in: ?org=<slug>');
    return this.begin(org, returnTo, request, reply);
  }

  /**
   * What the sign-in page may say about an organization it was opened for (?org=): whether it signs
   * in with single sign-on only. An unknown organization answers like one without SSO-only.
   */
  @Public()
  @RateLimit(SSO_LIMIT)
  @Get('organization')
  async organization(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { org } = parseOr400(ssoStartQuery.pick({ org: true }), query, 'Say which organization: ?org=<slug>');
    void reply.header('cache-control', 'no-store');
    return { ssoOnly: await this.sso.ssoOnly(org) };
  }

  /**
   * Sign-in started at the identity provider (an app tile: OpenID Connect third-party-initiated
   * login): the organization from the issuer, then the usual flow, with the provider's login_hint
   * and, when it points into the console, its target_link_uri kept.
   */
  @Public()
  @RateLimit(SSO_LIMIT)
  @Get('initiate')
  async initiate(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { iss, login_hint, target_link_uri } = parseOr400(ssoInitiateQuery, query, 'A sign-in started by the identity provider must name its issuer: ?iss=<issuer URL>');
    const org = await this.sso.organizationForIssuer(iss);
    if (!org) {
      void reply.header('cache-control', 'no-store');
      return reply.redirect(`${this.config.publicUrl}/#/login?sso_error=choose_organization`, 302);
    }
    return this.begin(org, returnPathOf(target_link_uri, this.config.publicUrl), request, reply, login_hint);
  }

  private async begin(org: string, returnTo: string | undefined, request: FastifyRequest, reply: FastifyReply, loginHint?: string) {
    try {
      const { redirectTo, sealedState } = await this.sso.start(org, { ...passportRequest(request), ...(loginHint ? { loginHint } : {}) }, returnTo);
      setSsoCookie(reply, request, sealedState, SSO_STATE_TTL_SECONDS, this.config.cookieSecure);
      void reply.header('cache-control', 'no-store');
      return reply.redirect(redirectTo, 302);
    } catch (err) {
      return this.refused(reply, request, err);
    }
  }

  @Public()
  @RateLimit(SSO_LIMIT)
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
      return reply.redirect(`${this.config.publicUrl}/#${user.returnTo ?? '/'}`, 302);
    } catch (err) {
      return this.refused(reply, request, err);
    }
  }
}

/** The console path a provider's target_link_uri points to, when it points into this console. */
export function returnPathOf(target: string | undefined, publicUrl: string): string | undefined {
  if (!target) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(publicUrl).origin) return undefined;
  const path = url.hash.startsWith('#/') ? url.hash.slice(1) : url.pathname;
  const parsed = consoleReturnPath.safeParse(path);
  return parsed.success && path !== '/' ? parsed.data : undefined;
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
