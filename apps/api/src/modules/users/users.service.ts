import { requireStepUp } from '../auth/mfa/step-up';
import type { BulkResultOutput, userCreate, UserBulkInput, UserInvitedOutput, userUpdate } from '@airlock/contracts';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { AccountService } from '../auth/account.service';
import type { Actor, UserAuth } from '../auth/auth-context';
import { actorOf } from '../auth/auth-context';
import { hashPassword } from '../auth/password-hasher';
import { PasswordPolicy } from '../auth/password-policy.service';
import { SessionService } from '../auth/session.service';
import type { MailMessage } from '../mail/mailer';
import { type UserRow, UsersRepository } from './users.repository';
import { userAudit, userOut } from './users.serializers';

type CreateInput = z.infer<typeof userCreate>;

/**
 * Said when the invitation was created (and audited) but its mail did not leave: the user stays
 * invited (`invitationPending`), the owner resends once mail works. The cause is in the server log.
 */
export const INVITATION_NOT_SENT = 'The invitation was created but could not be mailed (the mail server refused it or could not be reached; the server log says why). Resend it once mail works.';
type UpdateInput = z.infer<typeof userUpdate>;

/**
 * Users of one organization. No hard delete (disable instead, which keeps the audit trail's
 * actors meaningful). Invariants, checked under row locks inside the transaction:
 * - the organization keeps at least one enabled owner who can sign in (password or SSO identity; no
 *   demoting or disabling the last one);
 * - an owner cannot disable themselves;
 * - a user's groups exist in the organization.
 * Disabling a user or changing their role ends their sessions in the same transaction.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordPolicy,
  ) {}

  list(...args: Parameters<UsersRepository['list']>) {
    return this.users.list(...args);
  }

  async get(organizationId: string, id: string) {
    const u = await this.users.find(organizationId, id);
    if (!u) throw AppError.notFound('User');
    return userOut(u);
  }

  private async assertGroups(organizationId: string, groups: readonly string[]): Promise<void> {
    const missing = await this.users.missingGroups(organizationId, groups);
    if (missing.length) throw AppError.validation(missing.map((g) => ({ path: 'groups', message: `"${g}" is not a group of this organization` })));
  }

  /** With a password the user can sign in at once; without one they receive an invitation mail. */
  async create(organizationId: string, actor: Actor, input: CreateInput): Promise<UserInvitedOutput> {
    if (input.password !== undefined) await this.passwords.assertAcceptable(input.password, { email: input.email, name: input.name }, 'password');
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    const groups = [...new Set(input.groups)];
    let mail: MailMessage | null = null;
    const created = await this.transactions.run(async () => {
      // E-mails are unique across organizations (sign-in needs only the e-mail).
      if (await this.users.emailTaken(input.email)) throw AppError.conflict('A user with this e-mail address already exists');
      await this.assertGroups(organizationId, groups);
      const row = await this.users.create({ organizationId, email: input.email, name: input.name, role: input.role, groups, passwordHash });
      let invitationExpiresAt: Date | null = null;
      if (!passwordHash) {
        const invitation = await this.accounts.issueInvitation(row, actor);
        mail = invitation.mail;
        invitationExpiresAt = invitation.expiresAt;
      }
      await this.audit.record({
        organizationId,
        actor,
        action: 'user.create',
        entityType: 'User',
        entityId: row.id,
        after: { ...userAudit(row), invitation: invitationExpiresAt ? { expiresAt: invitationExpiresAt } : null },
      });
      return (await this.users.find(organizationId, row.id))!;
    });
    const invitationSent = mail ? await this.accounts.deliver(mail) : false;
    return { ...userOut(created), invitationSent, ...(mail && !invitationSent ? { invitationError: INVITATION_NOT_SENT } : {}) };
  }

  async update(organizationId: string, caller: UserAuth, id: string, input: UpdateInput) {
    const actor = actorOf(caller);
    return this.transactions.run(async () => {
      if (!(await this.users.lock(organizationId, id))) throw AppError.notFound('User');
      const before = (await this.users.find(organizationId, id))!;
      const data: { name?: string; role?: UpdateInput['role']; groups?: string[]; disabled?: boolean } = {};
      if (input.name !== undefined && input.name !== before.name) data.name = input.name;
      if (input.role !== undefined && input.role !== before.role) data.role = input.role;
      // Making someone an owner is one of the most sensitive actions: a fresh second factor first.
      if (data.role === 'owner') requireStepUp(caller);
      if (input.disabled !== undefined && input.disabled !== before.disabled) data.disabled = input.disabled;
      if (input.groups !== undefined && [...input.groups].sort().join('\n') !== [...before.groups].sort().join('\n')) {
        await this.assertGroups(organizationId, input.groups);
        data.groups = [...input.groups];
      }
      if (Object.keys(data).length === 0) return userOut(before);

      if (before.ssoSubject !== null && (data.role !== undefined || data.groups !== undefined)) await this.assertNotProviderOwned(organizationId, before, data);
      if (data.disabled === true && id === caller.userId) throw AppError.unprocessable('You cannot disable your own account');
      const losesOwner = before.role === 'owner' && !before.disabled && ((data.role !== undefined && data.role !== 'owner') || data.disabled === true);
      // SSO-only keeps one owner with a password for when the provider is down: not this one away.
      if (losesOwner && (await this.users.isSsoOnlyBreakGlass(organizationId, id))) {
        throw AppError.unprocessable(`${before.email} is the break-glass owner of single sign-on only: name another break-glass owner on the Single sign-on page first`);
      }
      if (losesOwner) {
        const owners = await this.users.lockActiveOwners(organizationId);
        if (owners.every((o) => o === id)) {
          throw AppError.unprocessable('This is the last owner who can sign in: make another user owner first (one who has set a password or signs in with SSO)');
        }
      }

      const after = await this.users.update(id, data);
      const endsSessions = data.disabled === true || data.role !== undefined;
      const sessionsEnded = endsSessions ? await this.sessions.destroyAllForUser(organizationId, id) : 0;
      await this.audit.record({
        organizationId,
        actor,
        action: data.disabled === true ? 'user.disable' : data.disabled === false ? 'user.enable' : 'user.update',
        entityType: 'User',
        entityId: id,
        before: pick(userAudit(before), Object.keys(data)),
        after: { ...pick(userAudit(after), Object.keys(data)), ...(endsSessions ? { sessionsEnded } : {}) },
      });
      return userOut(after);
    });
  }

  /**
   * Disables, enables or changes the role of several users: each as a single edit (the same rules:
   * SSO-owned role 409, the last owner and the break-glass owner kept; its own audit event and
   * sessions ended), all in one transaction, so one refusal changes nobody; the refusal names the
   * user. An id that is not one of the organization's users is a 404. The caller's own account is
   * left out of a role change or a disabling (refused, 422).
   */
  async bulkUpdate(organizationId: string, caller: UserAuth, input: UserBulkInput): Promise<BulkResultOutput> {
    const unique = [...new Set(input.ids)];
    const change: UpdateInput = input.role !== undefined ? { role: input.role } : { disabled: input.disabled };
    if (unique.includes(caller.userId) && (change.role !== undefined || change.disabled === true)) {
      throw AppError.unprocessable('You cannot change your own role or disable your own account: leave yourself out of the selection');
    }
    if (change.role === 'owner') requireStepUp(caller);
    return this.transactions.run(async () => {
      const emails = await this.users.emailsOf(organizationId, unique);
      if (emails.size !== unique.length) throw AppError.notFound(`User ${unique.find((id) => !emails.has(id))}`);
      for (const id of unique) {
        try {
          await this.update(organizationId, caller, id, change);
        } catch (err) {
          if (err instanceof AppError) throw new AppError(err.code, `${emails.get(id)}: ${err.message}`, err.details, err.headers);
          throw err;
        }
      }
      return { updated: unique.length, ids: unique };
    });
  }

  /**
   * While single sign-on is on, every sign-in of an SSO user sets their role and their membership of
   * the groups that list provider groups again. A change here would silently come undone at the next
   * sign-in, so it is refused (409) naming what the identity provider owns; the name, being disabled
   * and the groups Airlock alone manages stay editable. The console shows these fields read-only.
   */
  private async assertNotProviderOwned(organizationId: string, before: UserRow, data: { role?: unknown; groups?: string[] }): Promise<void> {
    const synced = await this.users.ssoSyncedGroups(organizationId);
    if (synced === null) return;
    const was = new Set(before.groups);
    const will = new Set(data.groups ?? before.groups);
    const groups = synced.filter((g) => was.has(g) !== will.has(g)).sort();
    const fields = [...(data.role !== undefined ? ['role'] : []), ...(groups.length ? ['groups'] : [])];
    if (!fields.length) return;
    const owned = [...(data.role !== undefined ? ['role'] : []), ...(groups.length ? [`membership of ${groups.map((g) => `"${g}"`).join(', ')}`] : [])];
    throw AppError.conflict(
      `${before.email} signs in through single sign-on: the identity provider owns their ${owned.join(' and ')}, which the next sign-in sets again. Change them at the identity provider or in the mappings of the Single sign-on page; the name, disabling and the other groups stay editable here.`,
      { providerOwned: fields, groups },
    );
  }

  private async assertUser(organizationId: string, id: string): Promise<void> {
    if (!(await this.users.find(organizationId, id))) throw AppError.notFound('User');
  }

  /** A user's sessions, for an owner (the caller's own current session is marked). */
  async listSessions(caller: UserAuth, id: string) {
    await this.assertUser(caller.organizationId, id);
    return this.sessions.listForUser(caller.organizationId, id, caller.sessionId);
  }

  async endSession(caller: UserAuth, id: string, sessionId: string) {
    await this.assertUser(caller.organizationId, id);
    return this.sessions.endOne(caller.organizationId, actorOf(caller), id, sessionId, caller.sessionId);
  }

  async endAllSessions(caller: UserAuth, id: string) {
    await this.assertUser(caller.organizationId, id);
    return this.sessions.endAll(caller.organizationId, actorOf(caller), id);
  }

  /** A fresh invitation for a user who has not set a password yet (the previous link stops working). */
  async resendInvitation(organizationId: string, actor: Actor, id: string): Promise<UserInvitedOutput> {
    const { mail, row } = await this.transactions.run(async () => {
      if (!(await this.users.lock(organizationId, id))) throw AppError.notFound('User');
      const u = (await this.users.find(organizationId, id))!;
      if (u.disabled) throw AppError.unprocessable('This user is disabled; enable them first');
      if (u.passwordHash || u.ssoSubject) throw AppError.unprocessable('This user already signs in; they can reset their password from the sign-in page');
      const invitation = await this.accounts.issueInvitation(u, actor);
      await this.audit.record({ organizationId, actor, action: 'user.invite', entityType: 'User', entityId: id, after: { expiresAt: invitation.expiresAt } });
      return { mail: invitation.mail, row: (await this.users.find(organizationId, id))! };
    });
    const invitationSent = await this.accounts.deliver(mail);
    return { ...userOut(row), invitationSent, ...(invitationSent ? {} : { invitationError: INVITATION_NOT_SENT }) };
  }
}

function pick(o: Record<string, unknown>, keys: string[]): Prisma.InputJsonObject {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Prisma.InputJsonObject;
}
