import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { PrismaService } from '../../database/prisma.service';
import type { Role } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import type { UserAuth } from './auth-context';
import { LoginThrottleService } from './login-throttle.service';
import { burnVerifyTime, verifyPassword } from './password-hasher';
import { PERMISSIONS, type Permission, roleHas } from './permissions';
import { SessionService } from './session.service';

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
    private readonly prisma: PrismaService,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks a local password. Unknown e-mail, disabled user, SSO-only user and wrong password all
   * answer the same, after the same argon2 work, and all count towards the e-mail's lockout.
   */
  async checkPassword(emailRaw: string, password: string, _ip: string): Promise<SignedInUser> {
    const email = emailRaw.trim().toLowerCase();
    await this.throttle.claimAttempt(email);
    const user = await this.prisma.user.findUnique({
      where: { email },
      select: { id: true, organizationId: true, email: true, role: true, passwordHash: true, disabled: true, mfaEnabled: true },
    });
    const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
    if (!user || !ok || user.disabled) {
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
    const user = await this.prisma.user.findFirst({ where: { organizationId, id: userId }, select: { id: true, organizationId: true, email: true, role: true, disabled: true } });
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
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
      await this.audit.record(tx, {
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

  async me(auth: UserAuth) {
    const org = await this.prisma.organization.findUniqueOrThrow({ where: { id: auth.organizationId }, select: { id: true, name: true, slug: true } });
    const sso = await this.prisma.ssoConnection.findUnique({ where: { organizationId: auth.organizationId }, select: { enabled: true } });
    return {
      user: { id: auth.userId, email: auth.email, name: auth.name, role: auth.role, groups: auth.groups },
      mfa: { enabled: auth.mfaEnabled, enrolmentRequired: auth.mfaEnrolmentRequired, sessionMethod: auth.method },
      organization: { ...org, ssoEnabled: sso?.enabled ?? false },
      permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleHas(auth.role, p)),
      csrfToken: auth.csrfToken,
    };
  }
}
