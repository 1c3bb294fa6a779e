import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { Transactions } from '../../../database/transactions';
import type { SsoConnection } from '../../../generated/prisma/client';
import type { Role } from '../../../generated/prisma/enums';
import { AuditService } from '../../audit/audit.service';
import type { Actor, RequestOrigin } from '../auth-context';
import type { SignedInUser } from '../auth.service';
import { AirlockOidcStrategy, OIDC_SESSION_KEY, type PassportOutcome, type PassportRequest, runPassport } from './oidc-passport';
import { claimValues, displayName, mappedRole, syncedGroups } from './sso-claims';
import { SsoConnectionRepository } from './sso-connection.repository';
import { type SsoState, SsoStateSealer } from './sso-state-cookie';

/** Why an SSO sign-in was refused: the code travels to the sign-in page as ?sso_error=<code>. */
export type SsoRefusal =
  | 'not_configured'
  | 'provider_unreachable'
  | 'state_invalid'
  | 'provider_error'
  | 'no_email'
  | 'email_unverified'
  | 'other_organization'
  | 'linked_to_other_identity'
  | 'not_provisioned'
  | 'disabled';

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    message: string,
    /** The organization whose sign-in was refused, when known (its audit log records the refusal). */
    readonly organizationId?: string,
    /** The e-mail the provider sent, when it got that far. */
    readonly email?: string,
  ) {
    super(message);
  }

  inOrganization(organizationId: string): SsoRefused {
    return this.organizationId ? this : new SsoRefused(this.reason, this.message, organizationId, this.email);
  }
}

/** Provisioning acts as the system, on behalf of the sign-in request (whose origin the audit keeps). */
const ssoActor = (origin?: RequestOrigin): Actor => ({ type: 'system', id: null, label: 'single sign-on', origin });
const DISCOVERY_TTL_MS = 3_600_000;

interface CachedConfig {
  key: string;
  at: number;
  config: Promise<client.Configuration>;
}

/**
 * OpenID Connect sign-in through openid-client's passport strategy: discovery per connection
 * (cached an hour), the authorization request with PKCE + state + nonce sealed in a cookie, the
 * code exchange and ID token checks, then provisioning: link or create the user, map the groups
 * claim to Airlock groups and to a role.
 */
@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger('Sso');
  private readonly configs = new Map<string, CachedConfig>();

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SsoConnectionRepository,
    private readonly sealer: SsoStateSealer,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  callbackUrl(): string {
    return `${this.config.publicUrl}/api/auth/sso/callback`;
  }

  /**
   * RP-initiated logout: the identity provider's end_session_endpoint with client_id and
   * post_logout_redirect_uri (the console, which shows the sign-in page), for a user who signed in through SSO. Null when the
   * connection is off, the provider offers no end_session_endpoint, or discovery fails (the local
   * sign-out has happened anyway). No id_token_hint: sessions do not keep the ID token.
   */
  async endSessionUrl(organizationId: string): Promise<string | null> {
    const conn = await this.repo.findByOrganization(organizationId);
    if (!conn?.enabled) return null;
    try {
      const config = await this.discover(conn);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, { client_id: conn.clientId, post_logout_redirect_uri: this.postLogoutRedirectUri() }).href;
    } catch (err) {
      this.logger.warn(`No provider logout for organization ${organizationId}: ${(err as Error).message}`);
      return null;
    }
  }

  /** Whether the organization of this slug signs in with SSO only (false for an unknown slug: no enumeration). */
  ssoOnly(orgSlug: string): Promise<boolean> {
    return this.repo.ssoOnlyBySlug(orgSlug);
  }

  /**
   * Where the identity provider sends the browser after its logout: register it there. The console's
   * root, which shows the sign-in page to a signed-out browser: providers refuse a redirect URI with
   * a fragment (`/#/login`), as OAuth redirect URIs must not have one.
   */
  postLogoutRedirectUri(): string {
    return `${this.config.publicUrl}/`;
  }

  /** Forgets a connection's discovered configuration (after it changed). */
  invalidate(connectionId: string): void {
    this.configs.delete(connectionId);
  }

  private discover(conn: SsoConnection): Promise<client.Configuration> {
    const key = `${conn.issuer}|${conn.clientId}|${conn.clientSecret}|${conn.updatedAt.getTime()}`;
    const cached = this.configs.get(conn.id);
    if (cached && cached.key === key && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const insecure = new URL(conn.issuer).protocol === 'http:';
    const config = client
      .discovery(new URL(conn.issuer), conn.clientId, undefined, client.ClientSecretBasic(conn.clientSecret), {
        timeout: 10,
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        this.configs.delete(conn.id);
        throw err;
      });
    this.configs.set(conn.id, { key, at: Date.now(), config });
    return config;
  }

  private async strategyFor(conn: SsoConnection, verify: ConstructorParameters<typeof AirlockOidcStrategy>[1]): Promise<AirlockOidcStrategy> {
    let config: client.Configuration;
    try {
      config = await this.discover(conn);
    } catch (err) {
      this.logger.warn(`OpenID discovery of ${conn.issuer} failed: ${(err as Error).message}`);
      throw new SsoRefused('provider_unreachable', 'The identity provider could not be reached');
    }
    return new AirlockOidcStrategy({ config, callbackURL: this.callbackUrl(), scope: conn.scopes, name: `oidc-${conn.id}` }, verify, this.config.publicUrl);
  }

  /** The identity provider's authorization URL and the sealed state for the cookie. */
  async start(orgSlug: string, req: Omit<PassportRequest, 'session'>, returnTo?: string): Promise<{ redirectTo: string; sealedState: string }> {
    const conn = await this.repo.findByOrganizationSlug(orgSlug);
    if (!conn?.enabled) throw new SsoRefused('not_configured', 'Single sign-on is not set up for this organization');
    const strategy = await this.strategyFor(conn, () => undefined);
    const session: Record<string, unknown> = {};
    const outcome = await runPassport(strategy, { ...req, session });
    const checks = session[OIDC_SESSION_KEY];
    if (outcome.kind !== 'redirect' || !checks || typeof checks !== 'object') {
      this.logger.warn(`SSO start for ${orgSlug} did not redirect: ${describe(outcome)}`);
      throw new SsoRefused('provider_error', 'The sign-in with the identity provider could not start');
    }
    const sealedState = await this.sealer.seal({ organizationId: conn.organizationId, connectionId: conn.id, checks: checks as Record<string, unknown>, ...(returnTo ? { returnTo } : {}) });
    return { redirectTo: outcome.url, sealedState };
  }

  /**
   * The organization whose connection names this issuer, for a sign-in the identity provider
   * started (its app tile): null when none, or when several organizations use the same issuer
   * (Google's, say) and the person must say which on the sign-in page.
   */
  async organizationForIssuer(issuer: string): Promise<string | null> {
    const withoutSlash = issuer.replace(/\/+$/, '');
    const found = await this.repo.enabledByIssuer([withoutSlash, `${withoutSlash}/`]);
    return found.length === 1 ? found[0]!.organization.slug : null;
  }

  /** Completes the sign-in on the way back from the identity provider; `returnTo` is where the console opens. */
  async callback(sealed: string | undefined, req: Omit<PassportRequest, 'session'>, origin?: RequestOrigin): Promise<SignedInUser & { returnTo?: string }> {
    const state: SsoState | null = await this.sealer.open(sealed);
    if (!state) throw new SsoRefused('state_invalid', 'The sign-in expired or did not start here; start it again');
    const conn = await this.repo.findByOrganization(state.organizationId);
    if (!conn?.enabled || conn.id !== state.connectionId) throw new SsoRefused('not_configured', 'Single sign-on is not set up for this organization', state.organizationId);
    const signedIn = await this.complete(conn, state, req, origin);
    return state.returnTo ? { ...signedIn, returnTo: state.returnTo } : signedIn;
  }

  private async complete(conn: SsoConnection, state: SsoState, req: Omit<PassportRequest, 'session'>, origin?: RequestOrigin): Promise<SignedInUser> {

    let refusal: SsoRefused | null = null;
    const strategy = await this.strategyFor(conn, (tokens, verified) => {
      this.verify(conn, tokens, origin).then(
        (user) => verified(null, user),
        (err: unknown) => {
          if (err instanceof SsoRefused) {
            refusal = err;
            verified(null, false, { message: err.message });
          } else verified(err as Error);
        },
      );
    });
    const outcome = await runPassport(strategy, { ...req, session: { [OIDC_SESSION_KEY]: state.checks } });
    if (outcome.kind === 'success') return outcome.user as SignedInUser;
    if (refusal) throw (refusal as SsoRefused).inOrganization(conn.organizationId);
    this.logger.warn(`SSO callback for organization ${conn.organizationId} refused: ${describe(outcome)}`);
    throw new SsoRefused('provider_error', 'The identity provider response was refused', conn.organizationId);
  }

  /** The claims of the ID token, completed from the userinfo endpoint when email or groups are missing. */
  private async claimsOf(conn: SsoConnection, tokens: Parameters<ConstructorParameters<typeof AirlockOidcStrategy>[1]>[0]): Promise<Record<string, unknown>> {
    const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
    if (typeof idClaims.sub !== 'string') throw new SsoRefused('provider_error', 'The identity provider sent no ID token');
    if (idClaims.email !== undefined && idClaims[conn.groupsClaim] !== undefined) return idClaims;
    if (!tokens.access_token) return idClaims;
    const config = await this.discover(conn);
    const info = (await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)) as Record<string, unknown>;
    return { ...info, ...idClaims };
  }

  private async verify(conn: SsoConnection, tokens: Parameters<ConstructorParameters<typeof AirlockOidcStrategy>[1]>[0], origin?: RequestOrigin): Promise<SignedInUser> {
    const claims = await this.claimsOf(conn, tokens);
    const config = await this.discover(conn);
    return this.provision(conn, config.serverMetadata().issuer, claims, origin);
  }

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
   * Finds the user by (issuer, subject); else links the user with the same verified e-mail in this
   * organization; else creates one when just-in-time provisioning is on. Then syncs the role
   * (highest mapped, else the default; the last enabled owner is never demoted) and the groups
   * that follow the IdP. Everything in one transaction with its audit events.
   */
  async provision(conn: SsoConnection, issuer: string, claims: Record<string, unknown>, origin?: RequestOrigin): Promise<SignedInUser> {
    const actor = ssoActor(origin);
    const subject = claims.sub as string;
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    const values = claimValues(claims[conn.groupsClaim]);
    const mappings = (conn.roleMappings ?? {}) as Record<string, Role>;
    const roleFromIdp = mappedRole(values, mappings) ?? conn.defaultRole;

    return this.transactions.run(async () => {
      let user = await this.repo.userBySubject(issuer, subject);
      if (user && user.organizationId !== conn.organizationId) throw new SsoRefused('other_organization', 'This identity belongs to another organization', conn.organizationId, email ?? undefined);
      const managed = await this.repo.ssoManagedGroups(conn.organizationId);

      if (!user) {
        if (!email || email.length > 320 || !email.includes('@')) throw new SsoRefused('no_email', 'The identity provider sent no e-mail address', conn.organizationId, email ?? undefined);
        if (claims.email_verified === false || claims.email_verified === 'false') throw new SsoRefused('email_unverified', 'The identity provider says this e-mail address is not verified', conn.organizationId, email ?? undefined);
        const byEmail = await this.repo.userByEmail(email);
        if (byEmail) {
          if (byEmail.organizationId !== conn.organizationId) throw new SsoRefused('other_organization', 'This e-mail address belongs to another organization', conn.organizationId, email ?? undefined);
          if (byEmail.ssoSubject && (byEmail.ssoIssuer !== issuer || byEmail.ssoSubject !== subject)) {
            throw new SsoRefused('linked_to_other_identity', 'This account is linked to another single sign-on identity', conn.organizationId, email ?? undefined);
          }
          if (byEmail.disabled) throw new SsoRefused('disabled', 'This account is disabled', conn.organizationId, email ?? undefined);
          user = await this.repo.updateUser(byEmail.id, { ssoIssuer: issuer, ssoSubject: subject });
          await this.audit.record({ organizationId: conn.organizationId, actor, action: 'user.sso_link', entityType: 'User', entityId: user.id, after: { ssoIssuer: issuer, ssoSubject: subject } });
        } else {
          if (!conn.allowJit) throw new SsoRefused('not_provisioned', 'No Airlock account exists for this e-mail address; ask an owner to create one', conn.organizationId, email ?? undefined);
          user = await this.repo.createUser({
            organizationId: conn.organizationId,
            email,
            name: displayName(claims, email),
            role: roleFromIdp,
            groups: syncedGroups([], values, managed),
            ssoIssuer: issuer,
            ssoSubject: subject,
          });
          await this.audit.record({ organizationId: conn.organizationId, actor, action: 'user.create', entityType: 'User', entityId: user.id, after: { ...user, provisionedBy: 'sso' } });
          return { id: user.id, organizationId: user.organizationId, email: user.email, role: user.role };
        }
      }

      if (user.disabled) throw new SsoRefused('disabled', 'This account is disabled', conn.organizationId, email ?? undefined);

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

function describe(outcome: PassportOutcome): string {
  switch (outcome.kind) {
    case 'redirect':
      return 'redirect';
    case 'success':
      return 'success';
    case 'fail':
      return `failed: ${outcome.message}`;
    case 'error':
      return `error: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`;
  }
}
