import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CacheItem, type CacheProvider, type Profile, SAML, type SamlConfig, SamlStatusError, ValidateInResponseTo } from '@node-saml/node-saml';
import { Strategy as SamlStrategy, type VerifiedCallback, type VerifyWithoutRequest } from '@node-saml/passport-saml';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { SsoConnection } from '../../../generated/prisma/client';
import type { RequestOrigin } from '../auth-context';
import type { SignedInUser } from '../auth.service';
import { type PassportOutcome, type PassportRequest, runPassport } from '../passport-adapter';
import { FederatedSignIn, type SsoTestResult } from './federated-sign-in.service';
import { samlIdentity, SamlIdentityError } from './saml-identity';
import { generateSamlKeys } from './saml-keys';
import { SsoConnectionRepository } from './sso-connection.repository';
import { type SsoRefusal, SsoRefused } from './sso-refused';
import { SSO_STATE_TTL_SECONDS, type SsoState, SsoStateSealer } from './sso-state-cookie';

/** The NameID format Airlock asks for: none in particular (the IdP's application decides; a transient one is refused). */
const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
/** Clocks of the identity provider and Airlock may differ this much. */
const CLOCK_SKEW_MS = 60_000;
/** How long an AuthnRequest may be answered: the sealed state's lifetime. */
const REQUEST_TTL_MS = SSO_STATE_TTL_SECONDS * 1000;

/**
 * node-saml's store of AuthnRequest ids, for one request: filled from (and read into) the sealed
 * state cookie, so the response must answer the request this browser started, on any instance. The
 * one-time use across instances is the database's (SamlResponseUse), not this.
 */
class SealedRequestCache implements CacheProvider {
  saved: { id: string; instant: string } | null = null;

  constructor(private readonly known: { id: string; instant: string } | null = null) {}

  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    this.saved = { id: key, instant: value };
    return { value, createdAt: Date.now() };
  }

  async getAsync(key: string): Promise<string | null> {
    return this.known && this.known.id === key ? this.known.instant : null;
  }

  async removeAsync(key: string | null): Promise<string | null> {
    return key;
  }
}

/** node-saml's and passport-saml's failures, as the reason the sign-in page puts in words. */
function refusalOf(err: unknown): { reason: SsoRefusal; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof SamlStatusError) return { reason: 'provider_error', message: `The identity provider refused the sign-in: ${message.replace(/^SAML provider returned /, '')}` };
  if (/InResponseTo is missing/i.test(message)) return { reason: 'unsolicited', message: 'The identity provider sent a sign-in Airlock did not ask for (IdP-initiated): start it from Airlock' };
  if (/InResponseTo/i.test(message)) return { reason: 'state_invalid', message: 'The response does not answer the sign-in started in this browser' };
  if (/signature/i.test(message)) return { reason: 'signature_invalid', message: 'The response is not signed by the identity provider\'s certificate' };
  if (/expired|not yet valid|too old/i.test(message)) return { reason: 'response_expired', message: 'The identity provider\'s assertion is expired or not yet valid (check both clocks)' };
  if (/audience/i.test(message)) return { reason: 'audience_mismatch', message: 'The assertion is meant for another service provider (its audience is not this organization\'s entity id)' };
  if (/subject confirmation/i.test(message)) return { reason: 'response_expired', message: 'The assertion\'s subject confirmation has expired' };
  return { reason: 'provider_error', message: `The identity provider's response was refused: ${message.slice(0, 200)}` };
}

/**
 * SAML 2.0 sign-in through passport-saml (node-saml underneath): the AuthnRequest (HTTP-Redirect,
 * signed with the organization's SP key) with its id sealed in a cookie, the response at the ACS
 * (HTTP-POST) — signed assertion required, audience, validity window and InResponseTo checked by
 * node-saml, the issuer, the recipient and one-time use here — then the same account rules as
 * OpenID Connect (FederatedSignIn).
 */
@Injectable()
export class SamlSignInService {
  private readonly logger = new Logger('Saml');
  private readonly keysInFlight = new Map<string, Promise<{ privateKey: string; certificate: string }>>();

  constructor(
    private readonly repo: SsoConnectionRepository,
    private readonly sealer: SsoStateSealer,
    private readonly federated: FederatedSignIn,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The organization's service provider entity id (also the metadata's address). */
  entityId(slug: string): string {
    return `${this.config.publicUrl}/api/auth/sso/saml/${slug}`;
  }

  acsUrl(slug: string): string {
    return `${this.entityId(slug)}/acs`;
  }

  sloUrl(slug: string): string {
    return `${this.entityId(slug)}/slo`;
  }

  metadataUrl(slug: string): string {
    return `${this.entityId(slug)}/metadata`;
  }

  /** The organization's SP key pair, made (once, whatever the number of instances) on first use. */
  spKeys(organizationId: string): Promise<{ privateKey: string; certificate: string }> {
    let pending = this.keysInFlight.get(organizationId);
    if (!pending) {
      pending = (async () => {
        const stored = await this.repo.samlSpKeys(organizationId);
        if (stored) return stored;
        return this.repo.keepSamlSpKeys(organizationId, await generateSamlKeys(new URL(this.config.publicUrl).hostname));
      })().finally(() => this.keysInFlight.delete(organizationId));
      this.keysInFlight.set(organizationId, pending);
    }
    return pending;
  }

  /** The service provider metadata to give the identity provider (entity id, ACS, SLO, signing certificate). */
  async metadata(slug: string): Promise<string | null> {
    const organizationId = await this.repo.organizationIdBySlug(slug);
    if (!organizationId) return null;
    const keys = await this.spKeys(organizationId);
    return new SAML(this.options(null, slug, keys, new SealedRequestCache())).generateServiceProviderMetadata(null, keys.certificate);
  }

  private options(conn: SsoConnection | null, slug: string, keys: { privateKey: string; certificate: string }, cache: CacheProvider): SamlConfig {
    return {
      issuer: this.entityId(slug),
      audience: this.entityId(slug),
      callbackUrl: this.acsUrl(slug),
      logoutCallbackUrl: this.sloUrl(slug),
      entryPoint: conn?.samlSsoUrl ?? undefined,
      logoutUrl: conn?.samlSloUrl ?? undefined,
      idpCert: conn?.samlIdpCertificates.length ? conn.samlIdpCertificates : 'none',
      idpIssuer: conn?.samlIdpEntityId ?? undefined,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: REQUEST_TTL_MS,
      cacheProvider: cache,
      acceptedClockSkewMs: CLOCK_SKEW_MS,
      identifierFormat: NAMEID_UNSPECIFIED,
      // Asking for PasswordProtectedTransport makes Entra ID refuse people who signed in with MFA or passwordless.
      disableRequestedAuthnContext: true,
      privateKey: keys.privateKey,
      publicCert: keys.certificate,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      generateUniqueId: () => `_${randomBytes(20).toString('hex')}`,
    };
  }

  private usable(conn: SsoConnection | null, test = false): conn is SsoConnection & { samlIdpEntityId: string; samlSsoUrl: string } {
    return !!conn && (conn.enabled || test) && conn.protocol === 'saml' && !!conn.samlIdpEntityId && !!conn.samlSsoUrl && conn.samlIdpCertificates.length > 0;
  }

  /** The identity provider's sign-in URL with the signed AuthnRequest, and the sealed state for the cookie. */
  async start(conn: SsoConnection, slug: string, req: Omit<PassportRequest, 'session'>, returnTo?: string, loginHint?: string, test = false): Promise<{ redirectTo: string; sealedState: string }> {
    if (!this.usable(conn, test)) throw new SsoRefused('not_configured', 'Single sign-on is not set up for this organization', conn.organizationId);
    const keys = await this.spKeys(conn.organizationId);
    const cache = new SealedRequestCache();
    const strategy = new SamlStrategy({ ...this.options(conn, slug, keys, cache), name: `saml-${conn.id}` }, ignore, ignore);
    const outcome = await runPassport(strategy, { ...req, query: {}, body: undefined, session: {} });
    if (outcome.kind !== 'redirect' || !cache.saved) {
      this.logger.warn(`SAML start for ${slug} did not redirect: ${describe(outcome)}`);
      throw new SsoRefused('provider_error', 'The sign-in with the identity provider could not start', conn.organizationId);
    }
    const url = new URL(outcome.url);
    // Entra ID takes a login_hint on the SAML sign-in URL too (others ignore it); it is outside the signed parameters.
    if (loginHint) url.searchParams.set('login_hint', loginHint);
    const sealedState = await this.sealer.seal({
      organizationId: conn.organizationId,
      connectionId: conn.id,
      checks: { samlRequestId: cache.saved.id, issuedAt: cache.saved.instant },
      ...(returnTo ? { returnTo } : {}),
      ...(test ? { test } : {}),
    });
    return { redirectTo: url.toString(), sealedState };
  }

  /** The identity provider's response posted to the organization's ACS: the signed-in user, and where the console opens. */
  async acs(slug: string, sealed: string | undefined, req: Omit<PassportRequest, 'session'>, origin?: RequestOrigin): Promise<(SignedInUser & { returnTo?: string }) | { test: SsoTestResult }> {
    const conn = await this.repo.findByOrganizationSlug(slug);
    const state: SsoState | null = await this.sealer.open(sealed);
    const test = state?.test === true && state.organizationId === conn?.organizationId;
    if (!conn || !this.usable(conn, test)) throw new SsoRefused('not_configured', 'SAML single sign-on is not set up for this organization', conn?.organizationId);
    const request =
      state && state.organizationId === conn.organizationId && state.connectionId === conn.id && typeof state.checks.samlRequestId === 'string' && typeof state.checks.issuedAt === 'string'
        ? { id: state.checks.samlRequestId, instant: state.checks.issuedAt }
        : null;
    const keys = await this.spKeys(conn.organizationId);

    let refusal: SsoRefused | null = null;
    const strategy = new SamlStrategy(
      { ...this.options(conn, slug, keys, new SealedRequestCache(request)), name: `saml-${conn.id}` },
      ((profile: Profile | null, done: VerifiedCallback) => {
        this.verify(conn, slug, profile, origin, test).then(
          (user) => done(null, user as unknown as Record<string, unknown>),
          (err: unknown) => {
            if (err instanceof SsoRefused) {
              refusal = err;
              done(null, undefined, { message: err.message });
            } else done(err as Error);
          },
        );
      }) as VerifyWithoutRequest,
      ignore,
    );
    const outcome = await runPassport(strategy, { ...req, session: {} });
    if (outcome.kind === 'success') {
      const user = outcome.user as SignedInUser | { test: SsoTestResult };
      if ('test' in user) return user;
      return state?.returnTo && request ? { ...user, returnTo: state.returnTo } : user;
    }
    if (refusal) throw (refusal as SsoRefused).inOrganization(conn.organizationId);
    if (outcome.kind === 'error') {
      // node-saml checks InResponseTo first: without this browser's state every solicited answer is state_invalid.
      const { reason, message } = refusalOf(outcome.error);
      this.logger.warn(`SAML response for organization ${conn.organizationId} refused (${reason}): ${outcome.error instanceof Error ? outcome.error.message.slice(0, 300) : String(outcome.error)}`);
      throw new SsoRefused(reason, message, conn.organizationId);
    }
    this.logger.warn(`SAML response for organization ${conn.organizationId} refused: ${describe(outcome)}`);
    throw new SsoRefused('provider_error', 'The identity provider response was refused', conn.organizationId);
  }

  /** Checks node-saml leaves to the caller, one-time use, then the account. */
  private async verify(conn: SsoConnection & { samlIdpEntityId: string }, slug: string, profile: Profile | null, origin: RequestOrigin | undefined, test: boolean): Promise<SignedInUser | { test: SsoTestResult }> {
    if (!profile) throw new SsoRefused('provider_error', 'The identity provider sent no assertion');
    if (profile.issuer !== conn.samlIdpEntityId) {
      throw new SsoRefused('provider_error', `The assertion was issued by ${String(profile.issuer).slice(0, 200)}, not by the identity provider configured (${conn.samlIdpEntityId})`);
    }
    const assertion = profile.getAssertion?.() as { Assertion?: { Subject?: { SubjectConfirmation?: { SubjectConfirmationData?: { $?: { Recipient?: string } }[] }[] }[] } } | undefined;
    const recipients = (assertion?.Assertion?.Subject?.[0]?.SubjectConfirmation ?? []).flatMap((c) => (c.SubjectConfirmationData ?? []).map((d) => d.$?.Recipient)).filter((r): r is string => !!r);
    if (recipients.length && !recipients.includes(this.acsUrl(slug))) {
      throw new SsoRefused('audience_mismatch', 'The assertion is addressed to another assertion consumer service URL');
    }
    const inResponseTo = typeof profile.inResponseTo === 'string' ? profile.inResponseTo : null;
    if (!inResponseTo) throw new SsoRefused('unsolicited', 'The identity provider sent a sign-in Airlock did not ask for');
    const key = createHash('sha256').update(`${conn.id}\n${inResponseTo}`).digest('base64url');
    if (!(await this.repo.consumeSamlResponse(key, new Date(Date.now() + REQUEST_TTL_MS + CLOCK_SKEW_MS)))) {
      throw new SsoRefused('response_replayed', 'This sign-in response was already used: start the sign-in again');
    }
    let identity;
    try {
      identity = samlIdentity(conn.samlIdpEntityId, profile, { email: conn.samlEmailAttribute, name: conn.samlNameAttribute, groups: conn.samlGroupsAttribute });
    } catch (err) {
      if (err instanceof SamlIdentityError) throw new SsoRefused('provider_error', err.message);
      throw err;
    }
    return test ? { test: await this.federated.preview(conn, identity) } : this.federated.complete(conn, identity, origin);
  }

  /**
   * SP-initiated single logout: the identity provider's logout URL with a signed LogoutRequest for
   * the person (their NameID), for a user who signed in through SAML. Null when the connection is
   * not SAML, has no logout URL, or the user has no SAML identity (the local sign-out happened anyway).
   */
  async endSessionUrl(organizationId: string, userId: string): Promise<string | null> {
    const conn = await this.repo.findByOrganization(organizationId);
    if (!this.usable(conn) || !conn.samlSloUrl) return null;
    const user = await this.repo.ssoIdentityOf(userId);
    if (!user?.ssoSubject || user.ssoIssuer !== conn.samlIdpEntityId) return null;
    try {
      const keys = await this.spKeys(organizationId);
      const saml = new SAML(this.options(conn, conn.organization.slug, keys, new SealedRequestCache()));
      return await saml.getLogoutUrlAsync({ issuer: conn.samlIdpEntityId, nameID: user.ssoSubject, nameIDFormat: NAMEID_UNSPECIFIED }, '', {});
    } catch (err) {
      this.logger.warn(`No SAML logout for organization ${organizationId}: ${(err as Error).message}`);
      return null;
    }
  }
}

/** A verify function for the strategy's unused side (sign-on while starting, logout requests). */
const ignore: VerifyWithoutRequest = (_profile, done) => done(null, undefined);

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
