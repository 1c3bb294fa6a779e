import { Injectable } from '@nestjs/common';
import { SSO_CONNECTION_READ_ONLY, type SsoConnectionCheck, type ssoConnectionPut, type ssoConnectionTestInput } from '@airlock/contracts';
import type { z } from 'zod';
import { AppError } from '../../../common/errors';
import { iso } from '../../../common/list-response';
import { Transactions } from '../../../database/transactions';
import type { Prisma, SsoConnection } from '../../../generated/prisma/client';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../auth-context';
import { checkOidcIssuer } from './sso-check';
import { SsoConnectionRepository } from './sso-connection.repository';
import { SsoSignInService } from './sso-sign-in.service';

/** The connection as the admin API shows it: the client secret never leaves, only whether one is set. */
function out(c: SsoConnection & { organization: { slug: string }; breakGlassUser: { email: string } | null }, sso: SsoSignInService, publicUrl: string, usage: { users: number; lastSignInAt: Date | null }) {
  return {
    id: c.id,
    configured: true,
    issuer: c.issuer,
    clientId: c.clientId,
    clientSecretSet: c.clientSecret.length > 0,
    scopes: c.scopes,
    groupsClaim: c.groupsClaim,
    roleMappings: c.roleMappings,
    defaultRole: c.defaultRole,
    allowJit: c.allowJit,
    enabled: c.enabled,
    ssoOnly: c.ssoOnly,
    /** The break-glass owner's e-mail (what the form shows and sends back), and id. */
    breakGlassOwner: c.breakGlassUser?.email ?? null,
    breakGlassUserId: c.breakGlassUserId,
    organizationSlug: c.organization.slug,
    /** Register this as the redirect URI at the identity provider. */
    callbackUrl: sso.callbackUrl(),
    /** Register this as the post-logout redirect URI at the identity provider (RP-initiated logout). */
    postLogoutRedirectUri: sso.postLogoutRedirectUri(),
    /** Where the sign-in page sends users to sign in with SSO. */
    startUrl: `${publicUrl}/api/auth/sso/start?org=${encodeURIComponent(c.organization.slug)}`,
    /** The sign-in page with the organization filled in: the link to give people. */
    signInUrl: `${publicUrl}/#/login?org=${encodeURIComponent(c.organization.slug)}`,
    /** People who sign in through SSO, and the latest such sign-in. */
    ssoUsers: usage.users,
    lastSignInAt: usage.lastSignInAt ? iso(usage.lastSignInAt) : null,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

@Injectable()
export class SsoConnectionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SsoConnectionRepository,
    private readonly audit: AuditService,
    private readonly sso: SsoSignInService,
  ) {}

  async get(organizationId: string, publicUrl: string) {
    const c = await this.repo.findByOrganization(organizationId);
    // Not set up yet: the callback URL is what the admin registers at the identity provider first.
    if (!c) return { id: null, configured: false, callbackUrl: this.sso.callbackUrl(), postLogoutRedirectUri: this.sso.postLogoutRedirectUri() };
    return out(c, this.sso, publicUrl, await this.repo.ssoUsage(organizationId));
  }

  /**
   * The break-glass owner's id: the named one (id or e-mail, this organization's user, an enabled
   * owner with a password, locked until the transaction ends), the stored one when not named, none
   * when null. SSO-only cannot be on without one.
   */
  private async breakGlass(organizationId: string, named: string | null | undefined, stored: string | null, ssoOnly: boolean): Promise<string | null> {
    const ref = named === undefined ? stored : named === null || named === '' ? null : named;
    if (!ref) {
      if (ssoOnly) throw AppError.unprocessable('Single sign-on only needs a break-glass owner: name an owner who keeps a password, for when the identity provider is down.');
      return null;
    }
    const user = await this.repo.lockBreakGlassCandidate(organizationId, ref);
    if (!user) throw AppError.unprocessable(`The break-glass owner "${ref}" is not a user of this organization.`);
    if (!ssoOnly && named === undefined) return user.id;
    if (user.disabled) throw AppError.unprocessable(`The break-glass owner ${user.email} is disabled: name an enabled owner.`);
    if (user.role !== 'owner') throw AppError.unprocessable(`The break-glass owner ${user.email} is not an owner: name an owner.`);
    if (!user.hasPassword) throw AppError.unprocessable(`The break-glass owner ${user.email} has no password (signs in through single sign-on or has not accepted the invitation): name an owner with a password.`);
    return user.id;
  }

  /** "Test connection": discovery of the issuer as the form has it, nothing saved. */
  test(input: z.infer<typeof ssoConnectionTestInput>): Promise<SsoConnectionCheck> {
    return checkOidcIssuer(input);
  }

  /** Creates or replaces the connection; the secret is kept when omitted, and masked in the audit log. */
  async put(organizationId: string, actor: Actor, input: z.infer<typeof ssoConnectionPut>, publicUrl: string) {
    const fields: Record<string, unknown> = { ...input };
    for (const k of SSO_CONNECTION_READ_ONLY) delete fields[k];
    const data = fields as Omit<z.infer<typeof ssoConnectionPut>, (typeof SSO_CONNECTION_READ_ONLY)[number]>;
    // An enabled connection must work: the issuer answers discovery as the sign-in will ask it.
    // Turned off, the settings are kept unchecked (set up now, switch on when the provider is ready).
    if (data.enabled) {
      const check = await checkOidcIssuer(data);
      if (!check.ok) throw AppError.unprocessable(`${check.message} Nothing was saved; fix the issuer, or save with single sign-on turned off.`, { check });
    }
    if (data.ssoOnly && !data.enabled) {
      throw AppError.unprocessable('Single sign-on only needs single sign-on turned on and its connection checked: turn it on, or leave "SSO only" off.');
    }
    const saved = await this.transactions.run(async () => {
      const before = await this.repo.findForUpdate(organizationId);
      const breakGlassUserId = await this.breakGlass(organizationId, data.breakGlassOwner, before?.breakGlassUserId ?? null, data.ssoOnly);
      const clientSecret = data.clientSecret ?? before?.clientSecret;
      if (!clientSecret) throw AppError.validation([{ path: 'clientSecret', message: 'is required when creating the connection' }]);
      const row = await this.repo.upsert(organizationId, {
        // As entered: some issuers end with a slash (Auth0) and discovery compares them exactly.
        issuer: data.issuer,
        clientId: data.clientId,
        clientSecret,
        scopes: data.scopes,
        groupsClaim: data.groupsClaim,
        roleMappings: data.roleMappings as Prisma.InputJsonValue,
        defaultRole: data.defaultRole,
        allowJit: data.allowJit,
        enabled: data.enabled,
        ssoOnly: data.ssoOnly,
        breakGlassUserId,
      });
      const { organization: _org, breakGlassUser: _bg, ...after } = row;
      await this.audit.record({
        organizationId,
        actor,
        action: before ? 'sso_connection.update' : 'sso_connection.create',
        entityType: 'SsoConnection',
        entityId: row.id,
        before: before ?? undefined,
        after: { ...after, clientSecretChanged: data.clientSecret !== undefined && data.clientSecret !== before?.clientSecret },
      });
      if ((before?.ssoOnly ?? false) !== row.ssoOnly || (row.ssoOnly && before?.breakGlassUserId !== row.breakGlassUserId)) {
        await this.audit.record({
          organizationId,
          actor,
          action: row.ssoOnly ? 'sso_connection.sso_only_on' : 'sso_connection.sso_only_off',
          entityType: 'SsoConnection',
          entityId: row.id,
          before: { ssoOnly: before?.ssoOnly ?? false, breakGlassUserId: before?.breakGlassUserId ?? null },
          after: { ssoOnly: row.ssoOnly, breakGlassUserId: row.breakGlassUserId, breakGlassOwner: row.breakGlassUser?.email ?? null },
        });
      }
      return row;
    });
    this.sso.invalidate(saved.id);
    return out(saved, this.sso, publicUrl, await this.repo.ssoUsage(organizationId));
  }
}
