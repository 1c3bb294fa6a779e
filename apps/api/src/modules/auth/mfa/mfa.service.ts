import { Inject, Injectable } from '@nestjs/common';
import { type MfaStatusOutput, type OkOutput, type PasskeyAddedOutput, RECOVERY_CODE_COUNT, type RecoveryCodesOutput, type SecondFactorInput, type StepUpOutput, type TotpConfirmedOutput, type TotpSetupOutput, type WebauthnOptionsOutput, type WebauthnResponse } from '@airlock/contracts';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import QRCode from 'qrcode';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AppError } from '../../../common/errors';
import { Transactions } from '../../../database/transactions';
import { AuditService } from '../../audit/audit.service';
import { SecretsService } from '../../secrets/secrets.service';
import { type Actor, actorOf, type PendingAuth, type UserAuth } from '../auth-context';
import { LoginThrottleService } from '../login-throttle.service';
import { SessionRepository } from '../session.repository';
import { MfaRepository } from './mfa.repository';
import { newRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { matchTotpStep, newTotpSecret, totpUri } from './totp';
import { MAX_PASSKEYS, relyingParty, WEBAUTHN_CHALLENGE_SECONDS, WEBAUTHN_TIMEOUT_MS } from './webauthn';

const WRONG_FACTOR = 'That did not work: check the code (or use another factor) and try again';

/** Who is proving a factor, and where the WebAuthn challenge of the attempt lives. */
interface Prover {
  organizationId: string;
  userId: string;
  email: string;
  /** The challenge issued for this attempt (taken once), or null when none is outstanding. */
  takeChallenge(): Promise<string | null>;
}

export type SecondFactorMethod = SecondFactorInput['method'];

/**
 * Second factors of local accounts: TOTP (sealed secret, ±1 step, replay refused), single-use
 * recovery codes (hashed) and passkeys (WebAuthn). Proving a factor (second step of a sign-in,
 * step-up) counts towards the e-mail's sign-in lockout like a password attempt.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: MfaRepository,
    private readonly sessions: SessionRepository,
    private readonly secrets: SecretsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The factors a user can sign in with (the second step offers these). */
  async methodsOf(organizationId: string, userId: string): Promise<SecondFactorMethod[]> {
    const [totp, passkeys, codes] = await Promise.all([this.repo.totp(organizationId, userId), this.repo.passkeys(organizationId, userId), this.repo.recoveryCodesLeft(organizationId, userId)]);
    const methods: SecondFactorMethod[] = [];
    if (totp?.confirmedAt) methods.push('totp');
    if (passkeys.length) methods.push('passkey');
    if (codes > 0) methods.push('recovery_code');
    return methods;
  }

  async status(auth: UserAuth): Promise<MfaStatusOutput> {
    const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
      this.repo.totp(auth.organizationId, auth.userId),
      this.repo.passkeys(auth.organizationId, auth.userId),
      this.repo.recoveryCodesLeft(auth.organizationId, auth.userId),
    ]);
    return {
      enabled: Boolean(totp?.confirmedAt) || passkeys.length > 0,
      enrolmentRequired: auth.mfaEnrolmentRequired,
      appliesToThisSession: auth.method === 'password',
      totp: totp?.confirmedAt ? { confirmedAt: totp.confirmedAt.toISOString() } : null,
      passkeys: passkeys.map((p) => ({ id: p.id, name: p.name, deviceType: p.deviceType, backedUp: p.backedUp, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null })),
      recoveryCodesLeft,
      steppedUpAt: auth.mfaAt?.toISOString() ?? null,
    };
  }

  // ---- TOTP enrolment ----

  /** A new secret for the user's authenticator app (replacing an unconfirmed one): the URI, its QR code, the secret for typing. */
  async startTotp(auth: UserAuth): Promise<TotpSetupOutput> {
    const secret = newTotpSecret();
    const sealed = await this.secrets.seal(secret, auth.userId);
    if (!(await this.repo.startTotp(auth.organizationId, auth.userId, sealed))) {
      throw AppError.conflict('An authenticator app is already set up: remove it first to set up another');
    }
    const org = await this.repo.organizationName(auth.organizationId);
    const uri = totpUri(secret, auth.email, `Airlock (${org.name})`);
    // SVG: a few milliseconds (a PNG goes through zlib), and sharp at any size.
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUri: uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  }

  /** The first code confirms the app. The first factor of an account comes with its recovery codes (shown once). */
  async confirmTotp(auth: UserAuth, code: string): Promise<TotpConfirmedOutput> {
    const totp = await this.repo.totp(auth.organizationId, auth.userId);
    if (!totp || totp.confirmedAt) throw AppError.conflict('Start the set-up of an authenticator app first');
    const step = matchTotpStep(await this.secrets.open(totp.secretSealed, auth.userId), code);
    if (step === null) throw AppError.unprocessable('That code does not match: check the app shows "Airlock" and that this device’s clock is right');
    return this.transactions.run(async () => {
      if ((await this.repo.confirmTotp(auth.organizationId, auth.userId, step)).count !== 1) throw AppError.conflict('Start the set-up of an authenticator app first');
      const recoveryCodes = await this.afterFactorAdded(auth, 'mfa.totp.enrol', { totp: true });
      return { ok: true, recoveryCodes };
    });
  }

  async removeTotp(auth: UserAuth): Promise<OkOutput> {
    return this.transactions.run(async () => {
      if ((await this.repo.deleteTotp(auth.organizationId, auth.userId)).count === 0) throw AppError.notFound('Authenticator app');
      await this.afterFactorRemoved(auth, 'mfa.totp.remove', { totp: true });
      return { ok: true };
    });
  }

  // ---- passkeys ----

  async passkeyRegistrationOptions(auth: UserAuth): Promise<WebauthnOptionsOutput> {
    const existing = await this.repo.passkeys(auth.organizationId, auth.userId);
    if (existing.length >= MAX_PASSKEYS) throw AppError.unprocessable(`At most ${MAX_PASSKEYS} passkeys per account: remove one first`);
    const rp = relyingParty(this.config);
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: auth.email,
      userDisplayName: auth.name || auth.email,
      userID: new TextEncoder().encode(auth.userId),
      attestationType: 'none',
      timeout: WEBAUTHN_TIMEOUT_MS,
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await this.sessions.setWebauthnChallenge(auth.sessionId, options.challenge, new Date(Date.now() + WEBAUTHN_CHALLENGE_SECONDS * 1000));
    return { ...options };
  }

  async registerPasskey(auth: UserAuth, name: string, response: WebauthnResponse): Promise<PasskeyAddedOutput> {
    const challenge = await this.sessions.takeWebauthnChallenge(auth.sessionId, new Date());
    if (!challenge) throw AppError.unprocessable('The passkey request expired or was already used: start again');
    const rp = relyingParty(this.config);
    let verified;
    try {
      verified = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: false,
      });
    } catch {
      throw AppError.unprocessable('The passkey could not be verified');
    }
    if (!verified.verified) throw AppError.unprocessable('The passkey could not be verified');
    const info = verified.registrationInfo;
    if (await this.repo.credentialIdTaken(info.credential.id)) throw AppError.conflict('This passkey is already registered');
    return this.transactions.run(async () => {
      const row = await this.repo.createPasskey({
        organizationId: auth.organizationId,
        userId: auth.userId,
        credentialId: info.credential.id,
        publicKey: new Uint8Array(info.credential.publicKey),
        counter: info.credential.counter,
        transports: (info.credential.transports ?? []).slice(0, 10),
        name,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
      });
      const recoveryCodes = await this.afterFactorAdded(auth, 'mfa.passkey.add', { passkey: { id: row.id, name } }, row.id);
      return { id: row.id, name: row.name, recoveryCodes };
    });
  }

  async removePasskey(auth: UserAuth, id: string): Promise<OkOutput> {
    return this.transactions.run(async () => {
      if ((await this.repo.deletePasskey(auth.organizationId, auth.userId, id)).count === 0) throw AppError.notFound('Passkey');
      await this.afterFactorRemoved(auth, 'mfa.passkey.remove', { passkey: { id } }, id);
      return { ok: true };
    });
  }

  /** New recovery codes replace every old one (shown once). */
  async regenerateRecoveryCodes(auth: UserAuth): Promise<RecoveryCodesOutput> {
    if (!auth.mfaEnabled) throw AppError.conflict('Set up an authenticator app or a passkey first');
    return this.transactions.run(async () => {
      const recoveryCodes = await this.issueRecoveryCodes(auth.organizationId, auth.userId);
      await this.audit.record({ organizationId: auth.organizationId, actor: actorOf(auth), action: 'mfa.recovery_codes.regenerate', entityType: 'User', entityId: auth.userId, after: { count: recoveryCodes.length } });
      return { recoveryCodes };
    });
  }

  // ---- proving a factor: the second step of a sign-in, and step-up ----

  /** WebAuthn options for the passkey step of a pending sign-in. */
  async signInPasskeyOptions(pending: PendingAuth): Promise<WebauthnOptionsOutput> {
    const options = await this.authenticationOptions(pending.organizationId, pending.userId);
    await this.repo.setPendingChallenge(pending.pendingId, options.challenge);
    return { ...options };
  }

  /** Checks the factor of a pending sign-in; the caller then consumes the pending sign-in and opens the session. */
  /**
   * The second step of a sign-in: the factor is checked, and the pending sign-in is used up. At most
   * one session per pending sign-in: of two racing completions, one gets it.
   */
  async completeSignIn(pending: PendingAuth, input: SecondFactorInput): Promise<void> {
    await this.verifySignIn(pending, input);
    if ((await this.repo.consumePending(pending.pendingId, new Date())).count !== 1) {
      throw new AppError('unauthenticated', 'This sign-in was already completed or has expired: sign in again');
    }
  }

  async verifySignIn(pending: PendingAuth, input: SecondFactorInput): Promise<void> {
    await this.prove(
      {
        organizationId: pending.organizationId,
        userId: pending.userId,
        email: pending.email,
        takeChallenge: async () => {
          const c = pending.webauthnChallenge;
          return c && (await this.repo.takePendingChallenge(pending.pendingId, c)).count === 1 ? c : null;
        },
      },
      input,
    );
  }

  async stepUpPasskeyOptions(auth: UserAuth): Promise<WebauthnOptionsOutput> {
    const options = await this.authenticationOptions(auth.organizationId, auth.userId);
    await this.sessions.setWebauthnChallenge(auth.sessionId, options.challenge, new Date(Date.now() + WEBAUTHN_CHALLENGE_SECONDS * 1000));
    return { ...options };
  }

  /** A fresh proof of a factor in this session: the next STEP_UP_SECONDS allow the most sensitive actions. */
  async stepUp(auth: UserAuth, input: SecondFactorInput): Promise<StepUpOutput> {
    if (auth.method !== 'password') throw AppError.unprocessable('Single sign-on sessions confirm with the identity provider, not here');
    if (!auth.mfaEnabled) throw AppError.conflict('Set up an authenticator app or a passkey first');
    await this.prove(
      { organizationId: auth.organizationId, userId: auth.userId, email: auth.email, takeChallenge: () => this.sessions.takeWebauthnChallenge(auth.sessionId, new Date()) },
      input,
    );
    const at = new Date();
    await this.transactions.run(async () => {
      await this.sessions.markMfa(auth.sessionId, at);
      await this.audit.record({ organizationId: auth.organizationId, actor: actorOf(auth), action: 'auth.step_up', entityType: 'User', entityId: auth.userId, after: { method: input.method } });
    });
    return { ok: true, steppedUpAt: at.toISOString() };
  }

  /**
   * One attempt at a factor, counted like a password attempt: claimed before checking (429 while
   * the e-mail is locked), a failure may lock the e-mail, a success clears the count.
   */
  private async prove(who: Prover, input: SecondFactorInput): Promise<void> {
    await this.throttle.claimAttempt(who.email);
    let ok = false;
    try {
      ok = await this.check(who, input);
    } finally {
      if (!ok) await this.throttle.recordFailure(who.email);
    }
    if (!ok) throw new AppError('unauthenticated', WRONG_FACTOR);
    await this.throttle.recordSuccess(who.email);
  }

  private async check(who: Prover, input: SecondFactorInput): Promise<boolean> {
    switch (input.method) {
      case 'totp': {
        const totp = await this.repo.totp(who.organizationId, who.userId);
        if (!totp?.confirmedAt) return false;
        const step = matchTotpStep(await this.secrets.open(totp.secretSealed, who.userId), input.code);
        // A code of a step already used (or older than one used) is refused: no replay in its window.
        return step !== null && (await this.repo.claimTotpStep(who.organizationId, who.userId, step)).count === 1;
      }
      case 'recovery_code':
        return (await this.repo.consumeRecoveryCode(who.organizationId, who.userId, recoveryCodeHash(who.userId, input.code))).count === 1;
      case 'passkey': {
        const challenge = await who.takeChallenge();
        if (!challenge) return false;
        const passkey = await this.repo.passkeyByCredentialId(who.organizationId, who.userId, input.response.id);
        if (!passkey) return false;
        const rp = relyingParty(this.config);
        try {
          const result = await verifyAuthenticationResponse({
            response: input.response as AuthenticationResponseJSON,
            expectedChallenge: challenge,
            expectedOrigin: rp.origin,
            expectedRPID: rp.id,
            credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports },
            requireUserVerification: false,
          });
          if (!result.verified) return false;
          await this.repo.usePasskey(who.organizationId, passkey.id, result.authenticationInfo.newCounter);
          return true;
        } catch {
          return false;
        }
      }
    }
  }

  private async authenticationOptions(organizationId: string, userId: string) {
    const passkeys = await this.repo.passkeys(organizationId, userId);
    if (!passkeys.length) throw AppError.conflict('No passkey is registered for this account');
    return generateAuthenticationOptions({
      rpID: relyingParty(this.config).id,
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
      userVerification: 'preferred',
      timeout: WEBAUTHN_TIMEOUT_MS,
    });
  }

  private async issueRecoveryCodes(organizationId: string, userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.repo.replaceRecoveryCodes(organizationId, userId, codes.map((c) => recoveryCodeHash(userId, c)));
    return codes;
  }

  /** After a factor is added: the user's flag, recovery codes with the first factor, this session counts as proven, the audit event. */
  private async afterFactorAdded(auth: UserAuth, action: string, after: Record<string, unknown>, entityId = auth.userId): Promise<string[] | null> {
    await this.repo.refreshMfaEnabled(auth.organizationId, auth.userId);
    const recoveryCodes = auth.mfaEnabled ? null : await this.issueRecoveryCodes(auth.organizationId, auth.userId);
    await this.sessions.markMfa(auth.sessionId, new Date());
    await this.audit.record({ organizationId: auth.organizationId, actor: actorOf(auth), action, entityType: 'User', entityId, after: { ...after, recoveryCodesIssued: Boolean(recoveryCodes) } });
    return recoveryCodes;
  }

  /** After a factor is removed: without any left, the recovery codes go too; the last factor of a role that requires MFA stays. */
  private async afterFactorRemoved(auth: UserAuth, action: string, before: Record<string, unknown>, entityId = auth.userId): Promise<void> {
    const enabled = await this.repo.refreshMfaEnabled(auth.organizationId, auth.userId);
    if (!enabled) {
      const org = await this.repo.organizationSettings(auth.organizationId);
      const required = (org.settings as { mfaRequiredRoles?: unknown } | null)?.mfaRequiredRoles;
      if (auth.method === 'password' && Array.isArray(required) && required.includes(auth.role)) {
        throw AppError.unprocessable('Your organization requires a second factor for your role: add another one before removing the last');
      }
      await this.repo.deleteRecoveryCodes(auth.organizationId, auth.userId);
    }
    const actor: Actor = actorOf(auth);
    await this.audit.record({ organizationId: auth.organizationId, actor, action, entityType: 'User', entityId, before });
  }
}
