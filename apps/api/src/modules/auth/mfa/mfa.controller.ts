import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { emptyInput, passkeyRegisterInput, secondFactorInput, type SessionStartedOutput, totpConfirmInput } from '@airlock/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AppError } from '../../../common/errors';
import { body } from '../../../common/zod-pipe';
import { AllowedBeforeMfaEnrolment, Authenticated, CurrentUser, MfaPending, RateLimit, StepUp } from '../access.decorators';
import type { PendingAuth, UserAuth } from '../auth-context';
import { SIGN_IN_LIMIT } from '../auth.controller';
import { AuthService } from '../auth.service';
import { clearMfaCookie, readSessionCookie, setSessionCookie } from '../cookies';
import { MfaService } from './mfa.service';

/** Step-up attempts: proving a factor again, limited per address on top of the per-e-mail lockout. */
const STEP_UP_LIMIT = { perMinute: 10, bucket: 'step-up' };

function pendingOf(request: FastifyRequest): PendingAuth {
  if (!request.pending) throw new AppError('unauthenticated', 'Sign in with your e-mail and password first');
  return request.pending;
}

/**
 * Multi-factor sign-in for local accounts: the second step of a password sign-in (MFA pending
 * cookie), the signed-in user's own factors (TOTP, passkeys, recovery codes) and step-up.
 */
@Controller('api/auth/mfa')
@AllowedBeforeMfaEnrolment()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- second step of a sign-in ----

  /** WebAuthn options for signing in with a passkey (the challenge is kept with the pending sign-in). */
  @MfaPending()
  @RateLimit(SIGN_IN_LIMIT)
  @Post('sign-in/passkey-options')
  @HttpCode(200)
  async signInPasskeyOptions(@Req() request: FastifyRequest, @Body(body(emptyInput)) _input: z.infer<typeof emptyInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.mfa.signInPasskeyOptions(pendingOf(request));
  }

  /** { method: totp | recovery_code | passkey, ... } -> the session cookie, as POST /api/auth/login answers without MFA. */
  @MfaPending()
  @RateLimit(SIGN_IN_LIMIT)
  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Req() request: FastifyRequest, @Body(body(secondFactorInput)) input: z.infer<typeof secondFactorInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    const pending = pendingOf(request);
    await this.mfa.completeSignIn(pending, input);
    const user = await this.auth.signedInUser(pending.organizationId, pending.userId);
    const session = await this.auth.startSession(user, {
      ip: request.ip,
      requestId: request.id,
      userAgent: request.headers['user-agent'],
      method: 'password',
      secondFactor: input.method,
      previousToken: readSessionCookie(request, this.config.cookieSecure),
    });
    clearMfaCookie(reply);
    setSessionCookie(reply, request, session.token, session.expiresAt, this.config.cookieSecure);
    void reply.header('cache-control', 'no-store');
    return { ok: true, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() } satisfies SessionStartedOutput;
  }

  // ---- the signed-in user's own factors ----

  @Authenticated({ permission: 'portal' })
  @Get()
  status(@CurrentUser() user: UserAuth, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.mfa.status(user);
  }

  /** A new TOTP secret: otpauth URI, QR code (SVG data URL) and the secret to type in. Confirm with a first code. */
  @Authenticated({ permission: 'portal' })
  @StepUp()
  @Post('totp')
  @HttpCode(200)
  startTotp(@CurrentUser() user: UserAuth, @Body(body(emptyInput)) _input: z.infer<typeof emptyInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.mfa.startTotp(user);
  }

  /** The first code confirms the app; the account's first factor returns its 10 recovery codes (only here). */
  @Authenticated({ permission: 'portal' })
  @RateLimit(STEP_UP_LIMIT)
  @StepUp()
  @Post('totp/confirm')
  @HttpCode(200)
  confirmTotp(@CurrentUser() user: UserAuth, @Body(body(totpConfirmInput)) input: z.infer<typeof totpConfirmInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.mfa.confirmTotp(user, input.code);
  }

  @Authenticated({ permission: 'portal' })
  @StepUp()
  @Delete('totp')
  removeTotp(@CurrentUser() user: UserAuth) {
    return this.mfa.removeTotp(user);
  }

  /** WebAuthn options to register a passkey (the challenge is kept with the session, single use). */
  @Authenticated({ permission: 'portal' })
  @StepUp()
  @Post('passkeys/options')
  @HttpCode(200)
  passkeyOptions(@CurrentUser() user: UserAuth, @Body(body(emptyInput)) _input: z.infer<typeof emptyInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.mfa.passkeyRegistrationOptions(user);
  }

  @Authenticated({ permission: 'portal' })
  @StepUp()
  @Post('passkeys')
  registerPasskey(@CurrentUser() user: UserAuth, @Body(body(passkeyRegisterInput)) input: z.infer<typeof passkeyRegisterInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.mfa.registerPasskey(user, input.name, input.response);
  }

  @Authenticated({ permission: 'portal' })
  @StepUp()
  @Delete('passkeys/:id')
  removePasskey(@CurrentUser() user: UserAuth, @Param('id', ParseUUIDPipe) id: string) {
    return this.mfa.removePasskey(user, id);
  }

  /** Ten new recovery codes replace the old ones (shown once). */
  @Authenticated({ permission: 'portal' })
  @StepUp()
  @Post('recovery-codes')
  @HttpCode(200)
  regenerateRecoveryCodes(@CurrentUser() user: UserAuth, @Body(body(emptyInput)) _input: z.infer<typeof emptyInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.mfa.regenerateRecoveryCodes(user);
  }

  // ---- step-up ----

  @Authenticated({ permission: 'portal' })
  @RateLimit(STEP_UP_LIMIT)
  @Post('step-up/passkey-options')
  @HttpCode(200)
  stepUpPasskeyOptions(@CurrentUser() user: UserAuth, @Body(body(emptyInput)) _input: z.infer<typeof emptyInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('cache-control', 'no-store');
    return this.mfa.stepUpPasskeyOptions(user);
  }

  /** A fresh second factor: for the next 5 minutes this session may do the most sensitive actions. */
  @Authenticated({ permission: 'portal' })
  @RateLimit(STEP_UP_LIMIT)
  @Post('step-up')
  @HttpCode(200)
  stepUp(@CurrentUser() user: UserAuth, @Body(body(secondFactorInput)) input: z.infer<typeof secondFactorInput>) {
    return this.mfa.stepUp(user, input);
  }
}
