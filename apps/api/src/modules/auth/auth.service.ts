import { Injectable } from '@nestjs/common';
import type { MeOutput } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { Role } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import type { UserAuth } from './auth-context';
import { AuthRepository } from './auth.repository';
import { LoginThrottleService } from './login-throttle.service';
import { burnVerifyTime, verifyPassword } from './password-hasher';
import { PERMISSIONS, type Permission, roleHas } from './permissions';
import { SessionService } from './session.service';
import { passwordAllowed } from './sso/sso-only';

export interface SignedInUser {
  id: string;
  organizationId: string;
  email: string;
  role: Role;
  /** The user has a second factor: the password alone opens no session (auth.controller.ts). */
  mfaEnabled?: boolean;
}

const WRONG = 'Wrong e-mail or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly transactions: Transactions,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks a local password. Unknown e-mail, disabled user, SSO-only user (no password, or an
   * SSO-only organization and not its break-glass owner) and wrong password all
   * answer the same, after the same argon2 work, and all count towards the e-mail's lockout.
   */
  async checkPassword(emailRaw: string, password: string, _ip: string): Promise<SignedInUser> {
    const email = emailRaw.trim().toLowerCase();
    await this.throttle.claimAttempt(email);
    const user = await this.repo.userForPassword(email);
    const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
    // SSO-only organization: only its break-glass owner signs in with a password; everyone else gets
    // the same answer as a wrong password (the sign-in page says "single sign-on" only from ?org=).
    if (!user || !ok || user.disabled || !passwordAllowed(user.organization.ssoConnection, user.id)) {
      await this.throttle.recordFailure(email);
      throw new AppError('unauthenticated', WRONG);
    }
    // With a second factor the attempt stays counted until that factor is proven too (mfa.service.ts),
    // so that knowing the password does not reset the lockout between guesses at the code.
    if (!user.mfaEnabled) await this.throttle.recordSuccess(email);
    return { id: user.id, organizationId: user.organizationId, email: user.email, role: user.role, mfaEnabled: user.mfaEnabled };
  }

  /** The user a completed pending sign-in belongs to (refused if disabled meanwhile). */
  async signedInUser(organizationId: string, userId: string): Promise<SignedInUser> {
    const user = await this.repo.user(organizationId, userId);
    if (!user || user.disabled) throw new AppError('unauthenticated', WRONG);
    return { id: user.id, organizationId: user.organizationId, email: user.email, role: user.role };
  }

  /**
   * Opens a server-side session for a user who just proved who they are. A session the browser
   * already had (`previousToken`) ends: a sign-in always starts from a fresh token.
   */
  async startSession(
    user: SignedInUser,
    meta: { ip?: string; requestId?: string; userAgent?: string; method: 'password' | 'sso'; secondFactor?: 'totp' | 'recovery_code' | 'passkey'; previousToken?: string },
  ) {
    await this.sessions.destroyToken(meta.previousToken);
    const session = await this.sessions.create(user, { ...meta, mfaAt: meta.secondFactor ? new Date() : null });
    await this.transactions.run(async () => {
      await this.repo.touchLastLogin(user.organizationId, user.id, new Date());
      await this.audit.record({
        organizationId: user.organizationId,
        actor: { type: 'user', id: user.id, label: user.email, origin: { requestId: meta.requestId, ip: meta.ip } },
        action: 'auth.login',
        entityType: 'User',
        entityId: user.id,
        after: { method: meta.method, ...(meta.secondFactor ? { secondFactor: meta.secondFactor } : {}) },
      });
    });
    return session;
  }

  async logout(auth: UserAuth): Promise<void> {
    await this.sessions.destroy(auth.sessionId);
  }

  async me(auth: UserAuth): Promise<MeOutput> {
    const organization = await this.repo.organization(auth.organizationId);
    return {
      user: { id: auth.userId, email: auth.email, name: auth.name, role: auth.role, groups: auth.groups },
      mfa: { enabled: auth.mfaEnabled, enrolmentRequired: auth.mfaEnrolmentRequired, sessionMethod: auth.method },
      organization,
      permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleHas(auth.role, p)),
      csrfToken: auth.csrfToken,
    } satisfies MeOutput;
  }
}
