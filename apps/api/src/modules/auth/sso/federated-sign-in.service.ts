import { Injectable, Logger } from '@nestjs/common';
import { Transactions } from '../../../database/transactions';
import type { SsoConnection } from '../../../generated/prisma/client';
import type { Role } from '../../../generated/prisma/enums';
import { AuditService } from '../../audit/audit.service';
import type { Actor, RequestOrigin } from '../auth-context';
import type { SignedInUser } from '../auth.service';
import { mappedRole, syncedGroups } from './sso-claims';
import { SsoConnectionRepository } from './sso-connection.repository';
import { type SsoRefusal, SsoRefused } from './sso-refused';

/**
 * Who the identity provider says signed in, whatever the protocol: OpenID Connect's claims and a
 * SAML assertion's NameID and attributes both come down to this.
 */
export interface FederatedIdentity {
  /** The identity provider: the OIDC issuer, or the SAML IdP's entity id. */
  issuer: string;
  /** Its stable id for the person: the OIDC `sub`, or the SAML NameID. */
  subject: string;
  /** As the provider sent it (trimmed and lower-cased here); null when it sent none. */
  email: string | null;
  /** OIDC's email_verified; null when the provider says nothing (SAML). */
  emailVerified: boolean | null;
  /** The display name for a new account. */
  name: string;
  /** The provider's group values (the groups claim, the groups attribute). */
  groups: string[];
}

/** What a test sign-in found (the console's "Try a sign-in"); nothing is written. */
export interface SsoTestResult {
  organizationId: string;
  protocol: string;
  issuer: string;
  subject: string;
  email: string | null;
  name: string;
  providerGroups: string[];
  role: Role;
  airlockGroups: string[];
  ok: boolean;
  outcome: 'existing' | 'link' | 'create' | 'refused';
  account: string | null;
  reason?: SsoRefusal;
  message?: string;
}

/** Provisioning acts as the system, on behalf of the sign-in request (whose origin the audit keeps). */
export const ssoActor = (origin?: RequestOrigin): Actor => ({ type: 'system', id: null, label: 'single sign-on', origin });

/** The part of an e-mail address after the last @, lower-cased. */
export const emailDomain = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * The one end of every federated sign-in (OpenID Connect and SAML): find, link or create the
 * Airlock account, then make its role and SSO-managed groups follow the provider. The protocols
 * only differ in how they prove who signed in; what that means for the account is decided here.
 */
@Injectable()
export class FederatedSignIn {
  private readonly logger = new Logger('Sso');

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SsoConnectionRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * A refused sign-in: in the organization's audit log when the organization is known (who, from
   * where, why), and in the server log always (reason and organization, never the e-mail).
   */
  async recordRefusal(refusal: SsoRefused, origin?: RequestOrigin): Promise<void> {
    this.logger.warn(`SSO sign-in refused (${refusal.reason})${refusal.organizationId ? ` for organization ${refusal.organizationId}` : ''}`);
    const organizationId = refusal.organizationId;
    if (!organizationId) return;
    await this.audit
      .record({
        organizationId,
        actor: ssoActor(origin),
        action: 'auth.sso_refused',
        entityType: 'SsoConnection',
        after: { reason: refusal.reason, ...(refusal.email ? { email: refusal.email } : {}) },
      })
      .catch((err: unknown) => this.logger.warn(`The refused SSO sign-in could not be audited: ${(err as Error).message}`));
  }

  /**
   * Finds the user by (issuer, subject); else links the user with the same e-mail in this
   * organization — only when the provider does not deny the address is verified and the
   * e-mail's domain is verified for the organization (or the account was provisioned by SCIM, that
   * is by the identity provider itself); else creates one when just-in-time provisioning is on.
   * Then syncs the role (highest mapped, else the default; the last enabled owner and SSO-only's
   * break-glass owner are never demoted) and the groups that follow the provider. Everything in one
   * transaction with its audit events.
   */
  /**
   * What a sign-in with this identity would do to the accounts, without doing it: the account it
   * signs in as (`existing`), links (`link`) or creates (`create`); a refusal is thrown. Reads only.
   */
  private async match(conn: SsoConnection, identity: FederatedIdentity, email: string | null, refuse: (reason: SsoRefusal, message: string) => SsoRefused) {
    const { issuer, subject } = identity;
    const user = await this.repo.userBySubject(issuer, subject);
    if (user) {
      if (user.organizationId !== conn.organizationId) throw refuse('other_organization', 'This identity belongs to another organization');
      if (user.disabled) throw refuse('disabled', 'This account is disabled');
      return { kind: 'existing' as const, user };
    }
    if (!email || email.length > 320 || !/^[^\s@]+@[^\s@]+$/.test(email)) throw refuse('no_email', 'The identity provider sent no e-mail address');
    if (identity.emailVerified === false) throw refuse('email_unverified', 'The identity provider says this e-mail address is not verified');
    const byEmail = await this.repo.userByEmail(email);
    if (!byEmail) {
      if (!conn.allowJit) throw refuse('not_provisioned', 'No Airlock account exists for this e-mail address; ask an owner to create one');
      return { kind: 'create' as const };
    }
    if (byEmail.organizationId !== conn.organizationId) throw refuse('other_organization', 'This e-mail address belongs to another organization');
    if (byEmail.ssoSubject && (byEmail.ssoIssuer !== issuer || byEmail.ssoSubject !== subject)) {
      throw refuse('linked_to_other_identity', 'This account is linked to another single sign-on identity');
    }
    // An account made in Airlock (a password, an invitation) becomes the provider's only when the
    // organization has proved it owns the e-mail's domain: otherwise whoever runs (or can rename
    // themselves in) the identity provider could take over any account by its address.
    const domain = emailDomain(email);
    if (byEmail.provisionedBy !== 'scim' && !(await this.repo.domainVerifiedFor(conn.organizationId, domain))) {
      throw refuse('domain_unverified', `An account with this e-mail address exists; it can be linked to single sign-on once the organization has verified the domain ${domain}`);
    }
    if (byEmail.disabled) throw refuse('disabled', 'This account is disabled');
    return { kind: 'link' as const, user: byEmail };
  }

  /**
   * The console's "Try a sign-in": what the provider sent and what Airlock would do with it (the
   * account, the role, the groups, or why it would refuse), with nothing written.
   */
  async preview(conn: SsoConnection, identity: FederatedIdentity): Promise<SsoTestResult> {
    const email = identity.email ? identity.email.trim().toLowerCase() : null;
    const managed = await this.repo.ssoManagedGroups(conn.organizationId);
    const base = {
      organizationId: conn.organizationId,
      protocol: conn.protocol,
      issuer: identity.issuer,
      subject: identity.subject,
      email,
      name: identity.name,
      providerGroups: identity.groups.slice(0, 200),
      role: mappedRole(identity.groups, (conn.roleMappings ?? {}) as Record<string, Role>) ?? conn.defaultRole,
      airlockGroups: syncedGroups([], identity.groups, managed),
    };
    try {
      const found = await this.match(conn, identity, email, (reason, message) => new SsoRefused(reason, message));
      return { ...base, ok: true, outcome: found.kind, account: found.kind === 'create' ? null : found.user.email };
    } catch (err) {
      if (!(err instanceof SsoRefused)) throw err;
      return { ...base, ok: false, outcome: 'refused', account: null, reason: err.reason, message: err.message };
    }
  }

  async complete(conn: SsoConnection, identity: FederatedIdentity, origin?: RequestOrigin): Promise<SignedInUser> {
    const actor = ssoActor(origin);
    const { issuer, subject } = identity;
    const email = identity.email ? identity.email.trim().toLowerCase() : null;
    const refuse = (reason: SsoRefusal, message: string) => new SsoRefused(reason, message, conn.organizationId, email ?? undefined);
    const values = identity.groups;
    const mappings = (conn.roleMappings ?? {}) as Record<string, Role>;
    const roleFromIdp = mappedRole(values, mappings) ?? conn.defaultRole;

    return this.transactions.run(async () => {
      const found = await this.match(conn, identity, email, refuse);
      const managed = await this.repo.ssoManagedGroups(conn.organizationId);
      if (found.kind === 'create') {
        const created = await this.repo.createUser({
          organizationId: conn.organizationId,
          email: email!,
          name: identity.name,
          role: roleFromIdp,
          groups: syncedGroups([], values, managed),
          ssoIssuer: issuer,
          ssoSubject: subject,
        });
        const { provisionedBy: _p, ...shown } = created;
        await this.audit.record({ organizationId: conn.organizationId, actor, action: 'user.create', entityType: 'User', entityId: created.id, after: { ...shown, provisionedBy: 'sso', protocol: conn.protocol } });
        return { id: created.id, organizationId: created.organizationId, email: created.email, role: created.role };
      }
      let user = found.user;
      if (found.kind === 'link') {
        user = await this.repo.updateUser(user.id, { ssoIssuer: issuer, ssoSubject: subject });
        await this.audit.record({ organizationId: conn.organizationId, actor, action: 'user.sso_link', entityType: 'User', entityId: user.id, after: { ssoIssuer: issuer, ssoSubject: subject, protocol: conn.protocol } });
      }

      let role = roleFromIdp;
      if (user.role === 'owner' && role !== 'owner') {
        const userId = user.id;
        const owners = await this.repo.lockActiveOwners(conn.organizationId);
        if (owners.every((id) => id === userId)) {
          this.logger.warn(`SSO would demote the last owner who can sign in (user ${userId}); the role stays owner`);
          role = 'owner';
        } else if (conn.ssoOnly && conn.breakGlassUserId === userId) {
          this.logger.warn(`SSO would demote the break-glass owner of SSO-only (user ${userId}); the role stays owner`);
          role = 'owner';
        }
      }
      const groups = syncedGroups(user.groups, values, managed);
      const changed = role !== user.role || groups.join('\n') !== [...user.groups].sort().join('\n');
      if (changed) {
        const before = user;
        user = await this.repo.updateUser(user.id, { role, groups });
        await this.audit.record({
          organizationId: conn.organizationId,
          actor,
          action: 'user.sso_sync',
          entityType: 'User',
          entityId: user.id,
          before: { role: before.role, groups: before.groups },
          after: { role: user.role, groups: user.groups },
        });
      }
      return { id: user.id, organizationId: user.organizationId, email: user.email, role: user.role };
    });
  }
}
