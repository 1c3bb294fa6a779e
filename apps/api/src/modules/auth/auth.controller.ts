import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { invitationAccept, type LoginOutput, type LogoutOutput, type OkMessageOutput, type OkOutput, passwordChange, passwordResetConfirm, passwordResetRequest } from '@airlock/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { body } from '../../common/zod-pipe';
import { AllowedBeforeMfaEnrolment, Authenticated, CurrentUser, Public, RateLimit } from './access.decorators';
import { AccountService } from './account.service';
import type { RequestOrigin, UserAuth } from './auth-context';
import { AuthService, type SignedInUser } from './auth.service';
import { clearSessionCookie, readSessionCookie, setMfaCookie, setSessionCookie } from './cookies';
import { LocalAuthGuard } from './local-auth.guard';
import { MfaService } from './mfa/mfa.service';
import { PENDING_SIGN_IN_SECONDS, PendingSignInService } from './mfa/pending-sign-in.service';
import { SamlSignInService } from './sso/saml-sign-in.service';
import { SsoSignInService } from './sso/sso-sign-in.service';

/** Every way of proving who you are shares one per-address budget (AIRLOCK_LOGIN_RATE_LIMIT_PER_IP). */
export const SIGN_IN_LIMIT = { perMinute: (c: AppConfig) => c.loginRateLimitPerIp, bucket: 'sign-in' };
/** Mails and token redemption: fewer, since each may send a mail or hash a password. */
const ACCOUNT_MAIL_LIMIT = { perMinute: 10, bucket: 'account-mail' };
const TOKEN_LIMIT = { perMinute: 20, bucket: 'account-token' };

/** Where a public request came from, for the audit events it causes. */
export function originOf(request: FastifyRequest): RequestOrigin {
  return { requestId: request.id, ip: request.ip };
}

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountService,
    private readonly pending: PendingSignInService,
    private readonly mfa: MfaService,
    private readonly sso: SsoSignInService,
    private readonly saml: SamlSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * { email, password } -> session cookie; the body tells who signed in and the CSRF token. A user
   * with a second factor gets no session yet: a 5-minute MFA pending cookie and `mfaRequired` with
   * the methods to offer (POST /api/auth/mfa/sign-in completes it).
   */
  @Public()
  @RateLimit(SIGN_IN_LIMIT)
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  async login(@Req() request: FastifyRequest & { user: SignedInUser }, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    if (request.user.mfaEnabled) {
      const pending = await this.pending.create(request.user);
      setMfaCookie(reply, request, pending.token, PENDING_SIGN_IN_SECONDS, this.config.cookieSecure);
      return { ok: false, mfaRequired: true, methods: await this.mfa.methodsOf(request.user.organizationId, request.user.id), expiresAt: pending.expiresAt.toISOString() } satisfies LoginOutput;
    }
    const session = await this.auth.startSession(request.user, {
      ip: request.ip,
      requestId: request.id,
      userAgent: request.headers['user-agent'],
      method: 'password',
      previousToken: readSessionCookie(request, this.config.cookieSecure),
    });
    setSessionCookie(reply, request, session.token, session.expiresAt, this.config.cookieSecure);
    void reply.header('cache-control', 'no-store');
    return { ok: true, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() } satisfies LoginOutput;
  }

  /**
   * Ends the session. A session opened through SSO also gets `endSessionUrl`: the identity
   * provider's logout (RP-initiated logout), where the console sends the browser next so that the
   * provider's session ends too and the next SSO sign-in asks again.
   */
  @Authenticated({ permission: 'portal' })
  @AllowedBeforeMfaEnrolment()
  @Post('logout')
  @HttpCode(200)
  async logout(@CurrentUser() user: UserAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.logout(user);
    clearSessionCookie(reply);
    void reply.header('cache-control', 'no-store');
    // OpenID Connect's end-session endpoint, or SAML's single logout (a signed LogoutRequest for the person's NameID).
    const endSessionUrl =
      user.method === 'sso' ? ((await this.sso.endSessionUrl(user.organizationId)) ?? (await this.saml.endSessionUrl(user.organizationId, user.userId))) : null;
    return (endSessionUrl ? { ok: true, endSessionUrl } : { ok: true }) satisfies LogoutOutput;
  }

  @Authenticated({ permission: 'portal' })
  @AllowedBeforeMfaEnrolment()
  @Get('me')
  me(@CurrentUser() user: UserAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.auth.me(user);
  }

  /** Always 202 with the same body, whether or not the e-mail has an account (no account enumeration). */
  @Public()
  @RateLimit(ACCOUNT_MAIL_LIMIT)
  @Post('password-reset/request')
  @HttpCode(202)
  requestPasswordReset(@Req() request: FastifyRequest, @Body(body(passwordResetRequest)) input: z.infer<typeof passwordResetRequest>) {
    this.accounts.requestPasswordReset(input.email, originOf(request));
    return { ok: true, message: 'If this e-mail has an Airlock account, a link to reset its password is on its way. The link works once, for one hour.' } satisfies OkMessageOutput;
  }

  @Public()
  @RateLimit(TOKEN_LIMIT)
  @Post('password-reset/confirm')
  @HttpCode(200)
  async confirmPasswordReset(@Req() request: FastifyRequest, @Body(body(passwordResetConfirm)) input: z.infer<typeof passwordResetConfirm>) {
    await this.accounts.confirmPasswordReset(input.token, input.password, originOf(request));
    return { ok: true } satisfies OkOutput;
  }

  @Public()
  @RateLimit(TOKEN_LIMIT)
  @Post('invitations/accept')
  @HttpCode(200)
  async acceptInvitation(@Req() request: FastifyRequest, @Body(body(invitationAccept)) input: z.infer<typeof invitationAccept>) {
    await this.accounts.acceptInvitation(input.token, input.password, input.name, originOf(request));
    return { ok: true } satisfies OkOutput;
  }

  /** Changes the signed-in user's own password; their other sessions end. */
  @Authenticated({ permission: 'portal' })
  @RateLimit({ perMinute: 10, bucket: 'password-change' })
  @Post('password')
  @HttpCode(200)
  async changePassword(@CurrentUser() user: UserAuth, @Body(body(passwordChange)) input: z.infer<typeof passwordChange>) {
    await this.accounts.changePassword(user, input.currentPassword, input.newPassword);
    return { ok: true } satisfies OkOutput;
  }
}
