import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { SsoConnection } from '../../../generated/prisma/client';
import type { RequestOrigin } from '../auth-context';
import type { SignedInUser } from '../auth.service';
import { type FederatedIdentity, FederatedSignIn, type SsoTestResult } from './federated-sign-in.service';
import { AirlockOidcStrategy, OIDC_SESSION_KEY, type PassportOutcome, type PassportRequest, runPassport } from './oidc-passport';
import { claimValues, displayName } from './sso-claims';
import { SsoConnectionRepository } from './sso-connection.repository';
import { SsoRefused } from './sso-refused';
import { type SsoState, SsoStateSealer } from './sso-state-cookie';

export { SsoRefused, type SsoRefusal } from './sso-refused';

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
    private readonly repo: SsoConnectionRepository,
    private readonly sealer: SsoStateSealer,
    private readonly federated: FederatedSignIn,
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
    if (!conn?.enabled || conn.protocol !== 'oidc') return null;
    try {
      const config = await this.discover(conn);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, { client_id: conn.clientId ?? '', post_logout_redirect_uri: this.postLogoutRedirectUri() }).href;
    } catch (err) {
      this.logger.warn(`No provider logout for organization ${organizationId}: ${(err as Error).message}`);
      return null;
    }
  }

  /** The organization's connection, by the organization's slug (whichever protocol). */
  connectionBySlug(slug: string): Promise<SsoConnection | null> {
    return this.repo.findByOrganizationSlug(slug);
  }

  organizationSlug(organizationId: string): Promise<string> {
    return this.repo.organizationSlug(organizationId);
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
    if (!conn.issuer || !conn.clientId || !conn.clientSecret) return Promise.reject(new Error('The OpenID Connect connection is not complete'));
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
  async start(conn: SsoConnection, orgSlug: string, req: Omit<PassportRequest, 'session'>, returnTo?: string, test = false): Promise<{ redirectTo: string; sealedState: string }> {
    const strategy = await this.strategyFor(conn, () => undefined);
    const session: Record<string, unknown> = {};
    const outcome = await runPassport(strategy, { ...req, session });
    const checks = session[OIDC_SESSION_KEY];
    if (outcome.kind !== 'redirect' || !checks || typeof checks !== 'object') {
      this.logger.warn(`SSO start for ${orgSlug} did not redirect: ${describe(outcome)}`);
      throw new SsoRefused('provider_error', 'The sign-in with the identity provider could not start');
    }
    const sealedState = await this.sealer.seal({ organizationId: conn.organizationId, connectionId: conn.id, checks: checks as Record<string, unknown>, ...(returnTo ? { returnTo } : {}), ...(test ? { test } : {}) });
    return { redirectTo: outcome.url, sealedState };
  }

  /**
   * The organization whose connection names this issuer, for a sign-in the identity provider
   * started (its app tile): null when none, or when several organizations use the same issuer
   * (Google's, say) and the person must say which on the sign-in page.
   */
  async organizationForIssuer(issuer: string): Promise<string | null> {
    const withoutSlash = issuer.replace(/\/+$/, '');
    const found = (await this.repo.enabledByIssuer([withoutSlash, `${withoutSlash}/`])).filter((c) => c.protocol === 'oidc');
    return found.length === 1 ? found[0]!.organization.slug : null;
  }

  /** Completes the sign-in on the way back from the identity provider; `returnTo` is where the console opens. */
  async callback(sealed: string | undefined, req: Omit<PassportRequest, 'session'>, origin?: RequestOrigin): Promise<(SignedInUser & { returnTo?: string }) | { test: SsoTestResult }> {
    const state: SsoState | null = await this.sealer.open(sealed);
    if (!state) throw new SsoRefused('state_invalid', 'The sign-in expired or did not start here; start it again');
    const conn = await this.repo.findByOrganization(state.organizationId);
    if (!conn || (!conn.enabled && !state.test) || conn.protocol !== 'oidc' || conn.id !== state.connectionId) throw new SsoRefused('not_configured', 'Single sign-on is not set up for this organization', state.organizationId);
    const signedIn = await this.complete(conn, state, req, origin);
    if ('test' in signedIn) return signedIn;
    return state.returnTo ? { ...signedIn, returnTo: state.returnTo } : signedIn;
  }

  private async complete(conn: SsoConnection, state: SsoState, req: Omit<PassportRequest, 'session'>, origin?: RequestOrigin): Promise<SignedInUser | { test: SsoTestResult }> {

    let refusal: SsoRefused | null = null;
    const strategy = await this.strategyFor(conn, (tokens, verified) => {
      this.verify(conn, tokens, origin, state.test === true).then(
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
    if (outcome.kind === 'success') return outcome.user as SignedInUser | { test: SsoTestResult };
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

  private async verify(conn: SsoConnection, tokens: Parameters<ConstructorParameters<typeof AirlockOidcStrategy>[1]>[0], origin: RequestOrigin | undefined, test: boolean): Promise<SignedInUser | { test: SsoTestResult }> {
    const claims = await this.claimsOf(conn, tokens);
    const config = await this.discover(conn);
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    const identity: FederatedIdentity = {
        issuer: config.serverMetadata().issuer,
        subject: claims.sub as string,
        email,
        emailVerified: claims.email_verified === false || claims.email_verified === 'false' ? false : claims.email_verified === true || claims.email_verified === 'true' ? true : null,
        name: displayName(claims, email ?? ''),
        groups: claimValues(claims[conn.groupsClaim]),
    };
    return test ? { test: await this.federated.preview(conn, identity) } : this.federated.complete(conn, identity, origin);
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
