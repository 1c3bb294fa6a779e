import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { consoleReturnPath, samlMetadataImport, ssoConnectionPut, ssoConnectionTestInput, ssoDiscoverQuery, type SsoDiscoveryOutput, ssoDomainInput, ssoInitiateQuery, type SsoOrganizationOutput, ssoStartQuery, ssoTestResultInput, ssoTestResultOutput } from '@airlock/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { body, parseOr400 } from '../../../common/zod-pipe';
import { AppError } from '../../../common/errors';
import { Authenticated, CurrentUser, Public, RateLimit, SamlBinding, StepUp } from '../access.decorators';
import { actorOf, type UserAuth } from '../auth-context';
import { originOf } from '../auth.controller';
import { AuthService } from '../auth.service';
import { clearSamlCookie, clearSsoCookie, readSamlCookie, readSessionCookie, readSsoCookie, setSamlCookie, setSessionCookie, setSsoCookie } from '../cookies';
import { emailDomain, FederatedSignIn } from './federated-sign-in.service';
import { SamlSignInService } from './saml-sign-in.service';
import { SsoConnectionService } from './sso-connection.service';
import { SsoDomainsService } from './sso-domains.service';
import { SsoRefused, SsoSignInService } from './sso-sign-in.service';
import { SSO_STATE_TTL_SECONDS, SsoStateSealer } from './sso-state-cookie';

/**
 * SSO has a per-address budget of its own, larger than the password sign-in's: an SSO sign-in is two
 * requests (start and callback), and a whole office signs in behind one NAT address at nine.
 */
const SSO_LIMIT = { perMinute: (c: AppConfig) => c.ssoRateLimitPerIp, bucket: 'sso' };
const ORG_SLUG = /^[a-z0-9][a-z0-9-]{0,47}$/;

/**
 * Browser navigations, not API calls: both answer with a redirect. Success lands on the console
 * (`/#/`) with the session cookie set; a refusal lands on the sign-in page with ?sso_error=<code>.
 */
@Controller('api/auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoSignInService,
    private readonly saml: SamlSignInService,
    private readonly federated: FederatedSignIn,
    private readonly domains: SsoDomainsService,
    private readonly sealer: SsoStateSealer,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async refused(reply: FastifyReply, request: FastifyRequest, err: unknown, test = false) {
    if (!(err instanceof SsoRefused)) throw err;
    void reply.header('cache-control', 'no-store');
    // 303 after SAML's form POST: the browser follows with a GET.
    const status = request.method === 'POST' ? 303 : 302;
    // A test sign-in from the console reports to its window; it is nobody's refused sign-in.
    if (test) return reply.redirect(`${this.config.publicUrl}/#/sso-test?error=${err.reason}`, status);
    await this.federated.recordRefusal(err, originOf(request));
    return reply.redirect(`${this.config.publicUrl}/#/login?sso_error=${err.reason}`, status);
  }

  /** Whether the sealed state in this cookie is a test sign-in's (read before the services open it). */
  private async isTest(sealed: string | undefined): Promise<boolean> {
    return (await this.sealer.open(sealed))?.test === true;
  }

  /**
   * The session for a user the identity provider vouched for, then the console (at the deep link
   * kept through the sign-in); a test sign-in instead goes to the console's report, sealed.
   */
  private async signedIn(request: FastifyRequest, reply: FastifyReply, outcome: Awaited<ReturnType<SsoSignInService['callback']>>) {
    const status = request.method === 'POST' ? 303 : 302;
    void reply.header('cache-control', 'no-store');
    if ('test' in outcome) {
      const sealed = await this.sealer.seal({ organizationId: outcome.test.organizationId, connectionId: 'test-result', checks: { ...outcome.test } });
      return reply.redirect(`${this.config.publicUrl}/#/sso-test?r=${sealed}`, status);
    }
    const user = outcome;
    const session = await this.auth.startSession(user, {
      ip: request.ip,
      requestId: request.id,
      userAgent: request.headers['user-agent'],
      method: 'sso',
      previousToken: readSessionCookie(request, this.config.cookieSecure),
    });
    setSessionCookie(reply, request, session.token, session.expiresAt, this.config.cookieSecure);
    return reply.redirect(`${this.config.publicUrl}/#${user.returnTo ?? '/'}`, status);
  }

  @Public()
  @RateLimit(SSO_LIMIT)
  @Get('start')
  async start(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { org, returnTo, login_hint } = parseOr400(ssoStartQuery, query, 'Say which organization signs in: ?org=<slug>');
    return this.begin(org, returnTo, request, reply, login_hint);
  }

  /**
   * Home-realm discovery: the organization whose single sign-on an e-mail address signs in with,
   * when its domain is verified for an organization whose SSO is on; `{ sso: false }` otherwise
   * (the sign-in page then asks for the password). Says nothing about whether the address has an account.
   */
  @Public()
  @RateLimit(SSO_LIMIT)
  @Get('discover')
  async discover(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { email } = parseOr400(ssoDiscoverQuery, query, 'Give the e-mail address: ?email=<address>');
    void reply.header('cache-control', 'no-store');
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { sso: false } satisfies SsoDiscoveryOutput;
    const found = await this.domains.discover(emailDomain(email));
    return found ? { sso: true, org: found.slug, protocol: found.protocol, startUrl: `/api/auth/sso/start?org=${encodeURIComponent(found.slug)}&login_hint=${encodeURIComponent(email)}` } satisfies SsoDiscoveryOutput : ({ sso: false } satisfies SsoDiscoveryOutput);
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
    return { ssoOnly: await this.sso.ssoOnly(org) } satisfies SsoOrganizationOutput;
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

  /**
   * The console's "Try a sign-in" (a popup): the organization's sign-in with its saved settings, on
   * or off, that ends on a report of what the provider sent and what Airlock would do, signing
   * nobody in and changing no account.
   */
  @Authenticated({ permission: 'settings.write' })
  @RateLimit(SSO_LIMIT)
  @Get('test')
  async testSignIn(@CurrentUser() user: UserAuth, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.begin(await this.sso.organizationSlug(user.organizationId), undefined, request, reply, undefined, true);
  }

  /** Opens a test sign-in's sealed report for the console (the caller's organization only). */
  @Authenticated({ permission: 'settings.read' })
  @Post('test/result')
  @HttpCode(200)
  async testResult(@CurrentUser() user: UserAuth, @Body(body(ssoTestResultInput)) input: z.infer<typeof ssoTestResultInput>) {
    const opened = await this.sealer.open(input.r);
    if (!opened || opened.connectionId !== 'test-result' || opened.organizationId !== user.organizationId) {
      throw AppError.unprocessable('This test sign-in report has expired (10 minutes) or is not of your organization: try the sign-in again.');
    }
    return ssoTestResultOutput.parse(opened.checks);
  }

  /** Starts the sign-in with the organization's protocol: OpenID Connect's authorization request, or a SAML AuthnRequest. */
  private async begin(org: string, returnTo: string | undefined, request: FastifyRequest, reply: FastifyReply, loginHint?: string, test = false) {
    try {
      const conn = await this.sso.connectionBySlug(org);
      if (!conn || (!conn.enabled && !test)) throw new SsoRefused('not_configured', 'Single sign-on is not set up for this organization', conn?.organizationId);
      if (conn.protocol === 'saml') {
        const { redirectTo, sealedState } = await this.saml.start(conn, org, passportRequest(request), returnTo, loginHint, test);
        setSamlCookie(reply, request, sealedState, SSO_STATE_TTL_SECONDS, this.config.cookieSecure);
        void reply.header('cache-control', 'no-store');
        return reply.redirect(redirectTo, 302);
      }
      const { redirectTo, sealedState } = await this.sso.start(conn, org, { ...passportRequest(request), ...(loginHint ? { loginHint } : {}) }, returnTo, test);
      setSsoCookie(reply, request, sealedState, SSO_STATE_TTL_SECONDS, this.config.cookieSecure);
      void reply.header('cache-control', 'no-store');
      return reply.redirect(redirectTo, 302);
    } catch (err) {
      return this.refused(reply, request, err, test);
    }
  }

  /**
   * SAML's assertion consumer service (HTTP-POST binding): the identity provider's page posts the
   * signed response here, cross-site by design (@SamlBinding).
   */
  @SamlBinding()
  @RateLimit(SSO_LIMIT)
  @Post('saml/:org/acs')
  async samlAcs(@Param('org') org: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const sealed = readSamlCookie(request, this.config.cookieSecure);
    clearSamlCookie(reply);
    const test = await this.isTest(sealed);
    try {
      if (!ORG_SLUG.test(org)) throw new SsoRefused('not_configured', 'No such organization');
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
      if (typeof body.SAMLResponse !== 'string' || body.SAMLResponse.length === 0) throw new SsoRefused('provider_error', 'The identity provider posted no SAMLResponse');
      const user = await this.saml.acs(org, sealed, { ...passportRequest(request), body: { SAMLResponse: body.SAMLResponse, RelayState: typeof body.RelayState === 'string' ? body.RelayState : undefined } }, originOf(request));
      return await this.signedIn(request, reply, user);
    } catch (err) {
      return this.refused(reply, request, err, test);
    }
  }

  /** The organization's SAML service provider metadata (entity id, ACS and logout URLs, signing certificate): public, for the identity provider. */
  @Public()
  @RateLimit(SSO_LIMIT)
  @Get('saml/:org/metadata')
  async samlMetadata(@Param('org') org: string, @Query('download') download: unknown, @Res() reply: FastifyReply) {
    const xml = ORG_SLUG.test(org) ? await this.saml.metadata(org) : null;
    if (!xml) throw AppError.notFound('Organization');
    void reply.header('content-type', 'application/samlmetadata+xml; charset=utf-8').header('cache-control', 'no-cache');
    if (download !== undefined) void reply.header('content-disposition', `attachment; filename="airlock-${org}-saml-metadata.xml"`);
    return reply.send(xml);
  }

  /**
   * Where the identity provider sends the browser after a single logout Airlock started (its
   * LogoutResponse, Redirect or POST binding): the Airlock session has already ended, so this only
   * shows the sign-in page. Logout requests the provider starts are not acted on (docs/sso.md).
   */
  @SamlBinding()
  @RateLimit(SSO_LIMIT)
  @Get('saml/:org/slo')
  samlSloGet(@Res() reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return reply.redirect(`${this.config.publicUrl}/`, 302);
  }

  @SamlBinding()
  @RateLimit(SSO_LIMIT)
  @Post('saml/:org/slo')
  samlSloPost(@Res() reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return reply.redirect(`${this.config.publicUrl}/`, 303);
  }

  @Public()
  @RateLimit(SSO_LIMIT)
  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const sealed = readSsoCookie(request, this.config.cookieSecure);
    clearSsoCookie(reply);
    const test = await this.isTest(sealed);
    try {
      const user = await this.sso.callback(sealed, passportRequest(request), originOf(request));
      return await this.signedIn(request, reply, user);
    } catch (err) {
      return this.refused(reply, request, err, test);
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

  /** Reads the identity provider's SAML metadata (from its URL, or the uploaded XML) into the form's fields, saving nothing. */
  @Authenticated({ permission: 'settings.write' })
  @Post('saml-metadata')
  @HttpCode(200)
  samlMetadata(@Body(body(samlMetadataImport)) input: z.infer<typeof samlMetadataImport>) {
    return this.connections.importSamlMetadata(input);
  }

  @Authenticated({ permission: 'settings.write' })
  @StepUp()
  @Put()
  put(@CurrentUser() user: UserAuth, @Body(body(ssoConnectionPut)) input: z.infer<typeof ssoConnectionPut>) {
    return this.connections.put(user.organizationId, actorOf(user), input, this.config.publicUrl);
  }
}

/** The organization's e-mail domains, verified by a DNS TXT record (home-realm discovery, account linking). */
@Controller('api/sso-domains')
export class SsoDomainsController {
  constructor(private readonly domains: SsoDomainsService) {}

  @Authenticated({ permission: 'settings.read' })
  @Get()
  list(@CurrentUser() user: UserAuth) {
    return this.domains.list(user.organizationId);
  }

  @Authenticated({ permission: 'settings.write' })
  @Post()
  add(@CurrentUser() user: UserAuth, @Body(body(ssoDomainInput)) input: z.infer<typeof ssoDomainInput>) {
    return this.domains.add(user.organizationId, actorOf(user), input.domain);
  }

  /** Looks the TXT record up now (AIRLOCK_DNS_SERVERS, else the system's resolvers). */
  @Authenticated({ permission: 'settings.write' })
  @StepUp()
  @Post(':id/verify')
  @HttpCode(200)
  verify(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return this.domains.verify(user.organizationId, actorOf(user), id);
  }

  @Authenticated({ permission: 'settings.write' })
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    await this.domains.remove(user.organizationId, actorOf(user), id);
  }
}
