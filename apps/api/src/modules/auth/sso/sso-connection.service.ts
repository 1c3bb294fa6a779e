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
function out(c: SsoConnection & { organization: { slug: string } }, sso: SsoSignInService, publicUrl: string, usage: { users: number; lastSignInAt: Date | null }) {
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
    organizationSlug: c.organization.slug,
    /** Register this as the redirect URI at the identity provider. */
    callbackUrl: sso.callbackUrl(),
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
    if (!c) return { id: null, configured: false, callbackUrl: this.sso.callbackUrl() };
    return out(c, this.sso, publicUrl, await this.repo.ssoUsage(organizationId));
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
    const saved = await this.transactions.run(async () => {
      const before = await this.repo.findForUpdate(organizationId);
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
      });
      const { organization: _org, ...after } = row;
      await this.audit.record({
        organizationId,
        actor,
        action: before ? 'sso_connection.update' : 'sso_connection.create',
        entityType: 'SsoConnection',
        entityId: row.id,
        before: before ?? undefined,
        after: { ...after, clientSecretChanged: data.clientSecret !== undefined && data.clientSecret !== before?.clientSecret },
      });
      return row;
    });
    this.sso.invalidate(saved.id);
    return out(saved, this.sso, publicUrl, await this.repo.ssoUsage(organizationId));
  }
}
