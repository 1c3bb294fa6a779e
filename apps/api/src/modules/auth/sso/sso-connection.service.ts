import { Injectable } from '@nestjs/common';
import { type Role, type samlMetadataImport, type SamlMetadataOutput, SSO_CONNECTION_READ_ONLY, type SsoConnectionCheck, type SsoConnectionOutput, type ssoConnectionPut, type ssoConnectionTestInput } from '@airlock/contracts';
import type { z } from 'zod';
import { AppError } from '../../../common/errors';
import { iso } from '../../../common/list-response';
import { Transactions } from '../../../database/transactions';
import type { Prisma, SsoConnection } from '../../../generated/prisma/client';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../auth-context';
import { certificateInfo, normalizeCertificate, parseIdpMetadata, SamlMetadataError } from './saml-metadata';
import { SamlMetadataFetcher } from './saml-metadata-fetcher';
import { SamlSignInService } from './saml-sign-in.service';
import { checkOidcIssuer } from './sso-check';
import { SsoConnectionRepository } from './sso-connection.repository';
import { SsoSignInService } from './sso-sign-in.service';

/** What to register at a SAML identity provider for this organization (shown before anything is set up). */
function samlServiceProvider(saml: SamlSignInService, slug: string) {
  return { entityId: saml.entityId(slug), acsUrl: saml.acsUrl(slug), sloUrl: saml.sloUrl(slug), metadataUrl: saml.metadataUrl(slug) };
}

/** The certificates as the page shows them; one that cannot be read is reported, not thrown. */
function certificatesOf(pems: readonly string[]) {
  return pems.map((pem) => {
    try {
      return certificateInfo(pem);
    } catch {
      return { subject: '(unreadable certificate)', notAfter: '', expired: true, expiresSoon: false, sha256: '' };
    }
  });
}

/** The connection as the admin API shows it: the client secret and the SP private key never leave, only whether a secret is set. */
function out(
  c: SsoConnection & { organization: { slug: string }; breakGlassUser: { email: string } | null },
  sso: SsoSignInService,
  saml: SamlSignInService,
  publicUrl: string,
  usage: { users: number; lastSignInAt: Date | null },
): SsoConnectionOutput {
  return {
    id: c.id,
    configured: c.protocol === 'oidc' ? !!c.issuer : !!c.samlIdpEntityId,
    protocol: c.protocol,
    issuer: c.issuer,
    clientId: c.clientId,
    clientSecretSet: !!c.clientSecret,
    scopes: c.scopes,
    groupsClaim: c.groupsClaim,
    samlIdpEntityId: c.samlIdpEntityId,
    samlSsoUrl: c.samlSsoUrl,
    samlSloUrl: c.samlSloUrl,
    samlIdpCertificates: c.samlIdpCertificates,
    samlCertificates: certificatesOf(c.samlIdpCertificates),
    samlMetadataUrl: c.samlMetadataUrl,
    samlMetadataFetchedAt: c.samlMetadataFetchedAt ? iso(c.samlMetadataFetchedAt) : null,
    samlEmailAttribute: c.samlEmailAttribute,
    samlNameAttribute: c.samlNameAttribute,
    samlGroupsAttribute: c.samlGroupsAttribute,
    /** SAML: what to register at the identity provider (or give it as metadata). */
    saml: samlServiceProvider(saml, c.organization.slug),
    roleMappings: c.roleMappings as Record<string, Role>,
    defaultRole: c.defaultRole,
    allowJit: c.allowJit,
    enabled: c.enabled,
    ssoOnly: c.ssoOnly,
    /** The break-glass owner's e-mail (what the form shows and sends back), and id. */
    breakGlassOwner: c.breakGlassUser?.email ?? null,
    breakGlassUserId: c.breakGlassUserId,
    organizationSlug: c.organization.slug,
    /** Register this as the redirect URI at the identity provider (OpenID Connect). */
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
    private readonly saml: SamlSignInService,
    private readonly metadataFetcher: SamlMetadataFetcher,
  ) {}

  async get(organizationId: string, publicUrl: string): Promise<SsoConnectionOutput> {
    const c = await this.repo.findByOrganization(organizationId);
    // Not set up yet: the callback URL (OIDC) or the SP entity id and ACS URL (SAML) are what the admin registers at the identity provider first.
    if (!c) {
      const slug = await this.repo.organizationSlug(organizationId);
      return { id: null, configured: false, callbackUrl: this.sso.callbackUrl(), postLogoutRedirectUri: this.sso.postLogoutRedirectUri(), organizationSlug: slug, saml: samlServiceProvider(this.saml, slug) };
    }
    return out(c, this.sso, this.saml, publicUrl, await this.repo.ssoUsage(organizationId));
  }

  /**
   * "Load metadata": the identity provider's SAML metadata from its URL (SSRF-guarded) or its XML,
   * turned into the connection's fields; nothing saved. Unusable metadata is a 422 with the reason.
   */
  async importSamlMetadata(input: z.infer<typeof samlMetadataImport>): Promise<SamlMetadataOutput> {
    try {
      const xml = input.url ? await this.metadataFetcher.fetch(input.url) : input.xml!;
      const meta = parseIdpMetadata(xml);
      return {
        samlIdpEntityId: meta.entityId,
        samlSsoUrl: meta.ssoUrl,
        samlSloUrl: meta.sloUrl,
        samlIdpCertificates: meta.certificates,
        samlMetadataUrl: input.url ?? null,
        certificates: certificatesOf(meta.certificates),
      };
    } catch (err) {
      if (err instanceof SamlMetadataError) throw AppError.unprocessable(err.message);
      throw err;
    }
  }

  /** SAML's "test connection": the certificates read, with their expiry; the URLs were checked by the schema. */
  private testSaml(input: z.infer<typeof ssoConnectionTestInput>): SsoConnectionCheck {
    const started = Date.now();
    const base = { issuer: input.samlIdpEntityId ?? '', durationMs: 0 };
    if (!input.samlIdpEntityId || !input.samlSsoUrl) return { ...base, ok: false, message: 'Enter the identity provider\'s entity id and single sign-on URL, or load its metadata.' };
    if (!input.samlIdpCertificates?.length) return { ...base, ok: false, message: 'Enter the identity provider\'s signing certificate, or load its metadata: Airlock checks every assertion\'s signature with it.' };
    let pems: string[];
    try {
      pems = input.samlIdpCertificates.map(normalizeCertificate);
    } catch (err) {
      return { ...base, ok: false, message: (err as Error).message };
    }
    const certificates = certificatesOf(pems);
    const usable = certificates.filter((c) => !c.expired);
    return {
      ...base,
      ok: usable.length > 0,
      durationMs: Date.now() - started,
      authorizationEndpoint: input.samlSsoUrl,
      certificates,
      ...(usable.length ? {} : { message: 'Every signing certificate has expired: get the current one from the identity provider (its metadata).' }),
    };
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
  async test(input: z.infer<typeof ssoConnectionTestInput>): Promise<SsoConnectionCheck> {
    if (input.protocol === 'saml') return this.testSaml(input);
    return checkOidcIssuer({ ...input, issuer: input.issuer! });
  }

  /** Creates or replaces the connection; the secret is kept when omitted, and masked in the audit log. */
  async put(organizationId: string, actor: Actor, input: z.infer<typeof ssoConnectionPut>, publicUrl: string): Promise<SsoConnectionOutput> {
    const fields: Record<string, unknown> = { ...input };
    for (const k of SSO_CONNECTION_READ_ONLY) delete fields[k];
    const data = fields as Omit<z.infer<typeof ssoConnectionPut>, (typeof SSO_CONNECTION_READ_ONLY)[number]>;
    // An enabled connection must work: the OIDC issuer answers discovery as the sign-in will ask it;
    // SAML's certificates are readable and not all expired. Turned off, the settings are kept
    // unchecked (set up now, switch on when the provider is ready).
    let samlCertificates: string[] | undefined;
    if (data.protocol === 'saml' && data.samlIdpCertificates) {
      try {
        samlCertificates = data.samlIdpCertificates.map(normalizeCertificate);
      } catch (err) {
        throw AppError.validation([{ path: 'samlIdpCertificates', message: (err as Error).message }]);
      }
    }
    if (data.enabled && data.protocol === 'oidc') {
      const check = await checkOidcIssuer({ ...data, issuer: data.issuer! });
      if (!check.ok) throw AppError.unprocessable(`${check.message} Nothing was saved; fix the issuer, or save with single sign-on turned off.`, { check });
    }
    if (data.ssoOnly && !data.enabled) {
      throw AppError.unprocessable('Single sign-on only needs single sign-on turned on and its connection checked: turn it on, or leave "SSO only" off.');
    }
    const saved = await this.transactions.run(async () => {
      const before = await this.repo.findForUpdate(organizationId);
      const breakGlassUserId = await this.breakGlass(organizationId, data.breakGlassOwner, before?.breakGlassUserId ?? null, data.ssoOnly);
      const clientSecret = data.clientSecret ?? before?.clientSecret ?? null;
      if (data.protocol === 'oidc' && !clientSecret) throw AppError.validation([{ path: 'clientSecret', message: 'is required when creating the connection' }]);
      const certificates = samlCertificates ?? before?.samlIdpCertificates ?? [];
      if (data.protocol === 'saml') {
        if (!certificates.length) throw AppError.validation([{ path: 'samlIdpCertificates', message: 'needs the identity provider\'s signing certificate' }]);
        if (data.enabled && certificatesOf(certificates).every((c) => c.expired)) {
          throw AppError.unprocessable('Every signing certificate of the identity provider has expired: no assertion could be accepted. Nothing was saved; load the current metadata, or save with single sign-on turned off.');
        }
      }
      const metadataUrl = data.samlMetadataUrl === undefined ? (before?.samlMetadataUrl ?? null) : data.samlMetadataUrl;
      const row = await this.repo.upsert(organizationId, {
        protocol: data.protocol,
        // As entered: some issuers end with a slash (Auth0) and discovery compares them exactly.
        issuer: data.issuer ?? before?.issuer ?? null,
        clientId: data.clientId ?? before?.clientId ?? null,
        clientSecret,
        scopes: data.scopes,
        groupsClaim: data.groupsClaim,
        samlIdpEntityId: data.samlIdpEntityId ?? before?.samlIdpEntityId ?? null,
        samlSsoUrl: data.samlSsoUrl ?? before?.samlSsoUrl ?? null,
        samlSloUrl: data.samlSloUrl === undefined ? (before?.samlSloUrl ?? null) : data.samlSloUrl,
        samlIdpCertificates: certificates,
        samlMetadataUrl: metadataUrl,
        samlMetadataFetchedAt: data.samlMetadataUrl && data.samlMetadataUrl !== before?.samlMetadataUrl ? new Date() : metadataUrl ? (before?.samlMetadataFetchedAt ?? null) : null,
        samlEmailAttribute: data.samlEmailAttribute === undefined ? (before?.samlEmailAttribute ?? null) : data.samlEmailAttribute,
        samlNameAttribute: data.samlNameAttribute === undefined ? (before?.samlNameAttribute ?? null) : data.samlNameAttribute,
        samlGroupsAttribute: data.samlGroupsAttribute === undefined ? (before?.samlGroupsAttribute ?? null) : data.samlGroupsAttribute,
        roleMappings: data.roleMappings as Prisma.InputJsonValue,
        defaultRole: data.defaultRole,
        allowJit: data.allowJit,
        enabled: data.enabled,
        ssoOnly: data.ssoOnly,
        breakGlassUserId,
      });
      const { organization: _org, breakGlassUser: _bg, samlSpPrivateKey: _key, ...after } = row;
      const { samlSpPrivateKey: _beforeKey, ...beforeShown } = before ?? { samlSpPrivateKey: null };
      await this.audit.record({
        organizationId,
        actor,
        action: before ? 'sso_connection.update' : 'sso_connection.create',
        entityType: 'SsoConnection',
        entityId: row.id,
        before: before ? beforeShown : undefined,
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
    return out(saved, this.sso, this.saml, publicUrl, await this.repo.ssoUsage(organizationId));
  }
}
