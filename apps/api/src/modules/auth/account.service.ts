import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Transactions } from '../../database/transactions';
import type { UserTokenKind } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import { MAILER, type MailMessage, type Mailer } from '../mail/mailer';
import { invitationMail, passwordResetMail } from './account-mails';
import { type Actor, actorOf, type RequestOrigin, type UserAuth } from './auth-context';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { PasswordPolicy } from './password-policy.service';
import { SessionService } from './session.service';
import { passwordAllowed } from './sso/sso-only';
import { UserTokenRepository } from './user-token.repository';
import { randomToken, sha256Hex } from './tokens';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
export const PASSWORD_RESET_TTL_MS = 3_600_000;
/** Reset mails per account per hour, whatever the number of requesting addresses (no mail bombing). */
const RESET_MAILS_PER_HOUR = 3;
const INVALID_LINK = 'This link is invalid, already used or expired; ask for a new one';

/**
 * Local accounts' credentials: invitations, password resets and password changes.
 * Tokens are 256 random bits, mailed as a link, stored only as their SHA-256, single-use and
 * expiring (invitation 7 days, reset 1 hour). Setting a password through a token or changing it
 * ends the user's other sessions.
 */
@Injectable()
export class AccountService {
  private readonly logger = new Logger('Accounts');
  /** Background reset requests still running (tests and shutdown can wait for them). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly transactions: Transactions,
    private readonly tokens: UserTokenRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
    private readonly passwords: PasswordPolicy,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async issue(user: { id: string; organizationId: string }, kind: UserTokenKind, ttlMs: number) {
    const now = new Date();
    await this.tokens.expireOutstanding(user.id, kind, now);
    const token = randomToken(32);
    const row = await this.tokens.create({ organizationId: user.organizationId, userId: user.id, kind, tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + ttlMs) });
    return { token, expiresAt: row.expiresAt };
  }

  /**
   * Creates an invitation inside the caller's transaction (which also writes the audit event) and
   * returns the mail to send once that transaction has committed.
   */
  async issueInvitation(user: { id: string; organizationId: string; email: string; name: string }, invitedBy: Actor): Promise<{ mail: MailMessage; expiresAt: Date }> {
    const { token, expiresAt } = await this.issue(user, 'invitation', INVITATION_TTL_MS);
    const org = await this.tokens.organizationName(user.organizationId);
    const link = `${this.config.publicUrl}/#/accept-invite?token=${token}`;
    return { mail: invitationMail({ to: user.email, name: user.name, organization: org.name, link, invitedBy: invitedBy.label, expiresAt }), expiresAt };
  }

  /** Sends a mail after the change that caused it committed; a delivery failure is logged, not thrown. */
  async deliver(mail: MailMessage): Promise<boolean> {
    try {
      await this.mailer.send(mail);
      return true;
    } catch (err) {
      this.logger.error(`Could not send "${mail.subject}": ${(err as Error).message}`);
      return false;
    }
  }

  /**
   * Starts a password reset and returns at once: the caller answers 202 the same way, in the same
   * time, whether or not the e-mail belongs to an account. The work happens in the background.
   */
  requestPasswordReset(emailRaw: string, origin?: RequestOrigin): void {
    const job = this.resetInBackground(emailRaw.trim().toLowerCase(), origin)
      .catch((err: Error) => this.logger.error(`Password reset request failed: ${err.message}`))
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  /** Resolves when every password reset request accepted so far has been handled. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async resetInBackground(email: string, origin?: RequestOrigin): Promise<void> {
    const user = await this.tokens.findUserByEmail(email);
    // Unknown, disabled, or signing in through SSO only (a local password would bypass the IdP).
    // Nor when the organization is SSO-only and this is not its break-glass owner.
    if (!user || user.disabled || (!user.passwordHash && user.ssoSubject) || !passwordAllowed(user.organization.ssoConnection, user.id)) return;
    const issued = await this.transactions.run(async () => {
      // Counted under the user's row lock, so concurrent requests cannot all pass the cap.
      await this.tokens.lockUser(user.id);
      const recent = await this.tokens.countSince(user.id, 'password_reset', new Date(Date.now() - 3_600_000));
      if (recent >= RESET_MAILS_PER_HOUR) {
        this.logger.warn(`Password reset for user ${user.id} not sent: ${recent} already sent in the last hour`);
        return null;
      }
      const fresh = await this.issue(user, 'password_reset', PASSWORD_RESET_TTL_MS);
      await this.audit.record({
        organizationId: user.organizationId,
        actor: { type: 'anonymous', id: null, label: 'password reset request', origin },
        action: 'user.password_reset_requested',
        entityType: 'User',
        entityId: user.id,
        after: { expiresAt: fresh.expiresAt },
      });
      return fresh;
    });
    if (!issued) return;
    const { token, expiresAt } = issued;
    await this.deliver(passwordResetMail({ to: user.email, name: user.name, link: `${this.config.publicUrl}/#/reset-password?token=${token}`, expiresAt }));
  }

  confirmPasswordReset(token: string, password: string, origin?: RequestOrigin): Promise<void> {
    return this.redeem('password_reset', token, password, undefined, origin);
  }

  acceptInvitation(token: string, password: string, name?: string, origin?: RequestOrigin): Promise<void> {
    return this.redeem('invitation', token, password, name, origin);
  }

  /** Sets the password through a mailed token: single use (the first of two racing requests wins), ends every session. */
  private async redeem(kind: UserTokenKind, token: string, password: string, name?: string, origin?: RequestOrigin): Promise<void> {
    const now = new Date();
    const row = await this.tokens.findByHash(sha256Hex(token));
    if (!row || row.kind !== kind || row.usedAt || row.expiresAt.getTime() <= now.getTime() || row.user.disabled) {
      throw new AppError('bad_request', INVALID_LINK);
    }
    // The token proves the mailbox, so saying why is no enumeration: the person signs in with SSO instead.
    if (!passwordAllowed(row.user.organization.ssoConnection, row.userId)) {
      throw AppError.unprocessable('This organization signs in with single sign-on: no password can be set. Sign in through your identity provider.');
    }
    await this.passwords.assertAcceptable(password, { email: row.user.email, name: name ?? row.user.name }, 'password');
    const passwordHash = await hashPassword(password);
    await this.transactions.run(async () => {
      if ((await this.tokens.consume(row.id, new Date())) !== 1) throw new AppError('bad_request', INVALID_LINK);
      await this.tokens.expireOutstanding(row.userId, kind, new Date());
      await this.tokens.setPassword(row.userId, passwordHash, name);
      const ended = await this.sessions.destroyAllForUser(row.organizationId, row.userId);
      await this.audit.record({
        organizationId: row.organizationId,
        actor: { type: 'user', id: row.userId, label: row.user.email, origin },
        action: kind === 'invitation' ? 'user.invitation_accept' : 'user.password_reset',
        entityType: 'User',
        entityId: row.userId,
        after: { password: 'set', sessionsEnded: ended, ...(name ? { name } : {}) },
      });
    });
    // Proving control of the mailbox lifts a sign-in lockout.
    await this.throttle.recordSuccess(row.user.email);
  }

  /**
   * Changes the signed-in user's password after checking the current one. Wrong answers count
   * towards the sign-in lockout, so a stolen session cannot guess the password faster than the
   * sign-in form. The user's other sessions end; this one stays.
   */
  async changePassword(auth: UserAuth, currentPassword: string, newPassword: string): Promise<void> {
    await this.throttle.claimAttempt(auth.email);
    const user = await this.tokens.findUserPassword(auth.userId);
    if (!user || user.disabled) throw new AppError('unauthenticated', 'Sign in first');
    if (!user.passwordHash) throw AppError.unprocessable('Your account signs in through single sign-on and has no password to change');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.throttle.recordFailure(auth.email);
      throw AppError.validation([{ path: 'currentPassword', message: 'is not your current password' }]);
    }
    await this.throttle.recordSuccess(auth.email);
    await this.passwords.assertAcceptable(newPassword, { email: user.email, name: user.name }, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.transactions.run(async () => {
      await this.tokens.setPassword(auth.userId, passwordHash);
      await this.tokens.expireOutstanding(auth.userId, 'password_reset', new Date());
      const ended = await this.sessions.destroyAllForUser(auth.organizationId, auth.userId, { exceptSessionId: auth.sessionId });
      await this.audit.record({
        organizationId: auth.organizationId,
        actor: actorOf(auth),
        action: 'user.password_change',
        entityType: 'User',
        entityId: auth.userId,
        after: { password: 'changed', otherSessionsEnded: ended },
      });
    });
  }
}
