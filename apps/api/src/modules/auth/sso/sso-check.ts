import type { SsoConnectionCheck } from '@airlock/contracts';
import * as client from 'openid-client';

const DISCOVERY_TIMEOUT_SECONDS = 10;

export interface SsoCheckInput {
  issuer: string;
  clientId?: string;
  scopes?: string;
  groupsClaim?: string;
}

/**
 * OpenID discovery of an issuer, as the sign-in will do it, turned into what an admin needs to see:
 * whether it answered, the endpoints it names, and what in the connection it does not advertise
 * (scopes, the groups claim, PKCE). Never throws: a failure is `ok: false` with the reason in words.
 */
export async function checkOidcIssuer(input: SsoCheckInput): Promise<SsoConnectionCheck> {
  const started = Date.now();
  const base = { issuer: input.issuer };
  let config: client.Configuration;
  try {
    const insecure = new URL(input.issuer).protocol === 'http:';
    config = await client.discovery(new URL(input.issuer), input.clientId || 'airlock-connection-check', undefined, client.None(), {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
  } catch (err) {
    return { ...base, ok: false, durationMs: Date.now() - started, message: discoveryFailure(input.issuer, err) };
  }
  const meta = config.serverMetadata();
  const listedScopes = Array.isArray(meta.scopes_supported) ? meta.scopes_supported : null;
  const scopes = (input.scopes ?? 'openid email profile').split(' ').filter(Boolean);
  const listedClaims = Array.isArray(meta.claims_supported) ? meta.claims_supported : null;
  return {
    ...base,
    ok: true,
    durationMs: Date.now() - started,
    authorizationEndpoint: meta.authorization_endpoint,
    tokenEndpoint: meta.token_endpoint,
    userinfoEndpoint: meta.userinfo_endpoint,
    endSessionEndpoint: meta.end_session_endpoint,
    pkceS256: Array.isArray(meta.code_challenge_methods_supported) ? meta.code_challenge_methods_supported.includes('S256') : false,
    unlistedScopes: listedScopes ? scopes.filter((s) => !listedScopes.includes(s)) : [],
    groupsClaimListed: listedClaims && input.groupsClaim ? listedClaims.includes(input.groupsClaim) : null,
  };
}

/** openid-client's and undici's errors, in words an identity admin can act on. */
export function discoveryFailure(issuer: string, err: unknown): string {
  // openid-client wraps fetch's TypeError, which wraps the socket's error: look down the chain.
  type Failure = { code?: string; message?: string; cause?: unknown; status?: number; name?: string };
  const chain: Failure[] = [];
  for (let at = err as Failure | undefined; at && typeof at === 'object' && chain.length < 5; at = at.cause as Failure | undefined) chain.push(at);
  const e = chain[0] ?? {};
  const code = chain.map((c) => c.code).find((c) => c && !c.startsWith('OAUTH_')) ?? e.code;
  const text = chain.map((c) => `${c.code ?? ''} ${c.name ?? ''} ${c.message ?? ''}`).join(' ');
  const wellKnown = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host of ${issuer} does not resolve from the Airlock server: check the issuer URL.`;
  if (code === 'ECONNREFUSED') return `Nothing accepts connections at ${issuer}: check the issuer URL and port.`;
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || /TimeoutError|AbortError|timed? ?out|aborted/i.test(text))
    return `${issuer} did not answer within ${DISCOVERY_TIMEOUT_SECONDS} s.`;
  if (/certificate|self[- ]signed|CERT_|SSL|TLS/i.test(text))
    return `The TLS certificate of ${issuer} is not trusted by the Airlock server.`;
  const status = chain.map((c) => c.status).find((s) => typeof s === 'number');
  if (status === 404) return `No OpenID discovery document at ${wellKnown} (HTTP 404): the issuer URL is probably not the issuer.`;
  if (typeof status === 'number') return `${wellKnown} answered HTTP ${status}.`;
  if (e.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') return `The discovery document at ${wellKnown} names a different issuer: enter the issuer exactly as the provider writes it (with or without the final slash).`;
  if (e.code === 'OAUTH_RESPONSE_IS_NOT_JSON' || e.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || e.code === 'OAUTH_INVALID_RESPONSE')
    return `${wellKnown} did not answer with an OpenID discovery document.`;
  return `OpenID discovery of ${issuer} failed: ${e.message ?? String(err)}`;
}
