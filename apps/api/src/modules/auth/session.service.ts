import { Inject, Injectable } from '@nestjs/common';
import type { SessionOutput } from '@airlock/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Actor, UserAuth } from './auth-context';
import { SessionRepository } from './session.repository';
import { randomToken, sha256Hex } from './tokens';
import { summarizeUserAgent } from './user-agent';

/** Organization.settings.mfaRequiredRoles, read without parsing the whole settings object on every request. */
function mfaRequiredFor(settings: unknown, role: string): boolean {
  const roles = settings && typeof settings === 'object' ? (settings as { mfaRequiredRoles?: unknown }).mfaRequiredRoles : undefined;
  return Array.isArray(roles) && roles.includes(role);
}

const TOUCH_EVERY_MS = 60_000;

/**
 * Server-side sessions: the cookie carries 256 random bits, the database only their SHA-256, so
 * logging out or disabling a user ends the session at once on every instance.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: { id: string; organizationId: string }, meta: { ip?: string; userAgent?: string; method?: 'password' | 'sso'; mfaAt?: Date | null }) {
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(Date.now() + this.config.sessionHours * 3_600_000);
    await this.sessions.create({
      id: sha256Hex(token),
      organizationId: user.organizationId,
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300),
      method: meta.method ?? 'password',
      mfaAt: meta.mfaAt ?? null,
    });
    return { token, csrfToken, expiresAt };
  }

  /** The user behind a session token, or null when unknown, expired, or the user is disabled. */
  /**
   * `touch: false` leaves no trace of this request on the session row (lastSeenAt): the employee
   * portal's incident routes use it so that an anonymous report cannot be timed back to a session.
   */
  async resolve(token: string, { touch = true }: { touch?: boolean } = {}): Promise<UserAuth | null> {
    if (!token || token.length > 200) return null;
    const id = sha256Hex(token);
    const row = await this.sessions.findWithUser(id);
    if (!row) return null;
    const now = Date.now();
    if (row.expiresAt.getTime() <= now || row.user.disabled) {
      await this.sessions.delete(id);
      return null;
    }
    if (touch && now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(id, new Date(now));
    const method = row.method === 'sso' ? 'sso' : 'password';
    return {
      kind: 'user',
      organizationId: row.organizationId,
      userId: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.user.role,
      groups: row.user.groups,
      sessionId: id,
      csrfToken: row.csrfToken,
      method,
      mfaEnabled: row.user.mfaEnabled,
      mfaAt: row.mfaAt,
      mfaEnrolmentRequired: method === 'password' && !row.user.mfaEnabled && mfaRequiredFor(row.organization.settings, row.user.role),
    };
  }

  /** Ends the session a cookie token names, if any (a new sign-in replaces the browser's old session). */
  async destroyToken(token: string | undefined): Promise<void> {
    if (token && token.length <= 200) await this.sessions.delete(sha256Hex(token));
  }

  async destroy(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }

  /**
   * Ends every session of the user at once (disabled, role changed, password reset), inside the
   * caller's transaction when given so the change and the sign-out commit together.
   */
  /** Ends every session of the user (but `exceptSessionId`), in the current transaction if there is one. */
  async destroyAllForUser(organizationId: string, userId: string, opts: { exceptSessionId?: string } = {}): Promise<number> {
    return (await this.sessions.deleteForUser(organizationId, userId, { exceptId: opts.exceptSessionId })).count;
  }

  /**
   * A user's live sessions as the API shows them: the public id (never the token's hash), when it
   * started and was last seen (to the minute), the address and a summary of the user agent, and
   * whether it is `currentSessionId` (the caller's own).
   */
  async listForUser(organizationId: string, userId: string, currentSessionId?: string): Promise<SessionOutput[]> {
    const rows = await this.sessions.activeOf(organizationId, userId, new Date());
    return rows.map((r) => ({
      id: r.publicId,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      ip: r.ip,
      userAgent: r.userAgent,
      device: summarizeUserAgent(r.userAgent),
      current: r.id === currentSessionId,
    }) satisfies SessionOutput);
  }

  /**
   * Ends one session of the user (its public id), audited in the same transaction; 404 when the
   * user has no such session (another user's or another organization's included). Returns whether
   * it was `currentSessionId`.
   */
  async endOne(organizationId: string, actor: Actor, userId: string, publicId: string, currentSessionId?: string): Promise<{ wasCurrent: boolean }> {
    return this.transactions.run(async () => {
      const ended = await this.sessions.deleteOne(organizationId, userId, publicId);
      if (!ended) throw AppError.notFound('Session');
      await this.audit.record({
        organizationId,
        actor,
        action: 'session.end',
        entityType: 'Session',
        entityId: publicId,
        before: { userId, ip: ended.ip, device: summarizeUserAgent(ended.userAgent) },
      });
      return { wasCurrent: ended.id === currentSessionId };
    });
  }

  /** Ends every session of the user but `exceptSessionId` (none: all of them), audited. */
  async endAll(organizationId: string, actor: Actor, userId: string, exceptSessionId?: string): Promise<{ ended: number }> {
    return this.transactions.run(async () => {
      const ended = await this.destroyAllForUser(organizationId, userId, { exceptSessionId });
      await this.audit.record({
        organizationId,
        actor,
        action: exceptSessionId ? 'session.end_others' : 'session.end_all',
        entityType: 'User',
        entityId: userId,
        after: { sessionsEnded: ended },
      });
      return { ended };
    });
  }

  async purgeExpired(): Promise<number> {
    return (await this.sessions.deleteExpired(new Date())).count;
  }
}
