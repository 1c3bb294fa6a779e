import * as client from 'openid-client';
import { Strategy, type AuthenticateOptions, type VerifyFunction } from 'openid-client/passport';

/** Where the strategy keeps its checks (PKCE verifier, state, nonce) in the per-request "session". */
export const OIDC_SESSION_KEY = 'oidc';

/**
 * openid-client's passport Strategy with two changes:
 * - the current URL is built from AIRLOCK_PUBLIC_URL, never from the Host header a client sends;
 * - every authorization request carries a random `state` and `nonce` besides PKCE (the stock
 *   strategy sends `state` only to servers without PKCE): defence in depth against login CSRF and
 *   ID token replay, both checked on the way back.
 */
export class AirlockOidcStrategy extends Strategy {
  constructor(
    options: { config: client.Configuration; callbackURL: string; scope: string; name: string },
    verify: VerifyFunction,
    private readonly publicUrl: string,
  ) {
    super({ ...options, sessionKey: OIDC_SESSION_KEY, passReqToCallback: false }, verify);
  }

  override currentUrl(req: Parameters<Strategy['currentUrl']>[0]): URL {
    return new URL(req.url ?? '/', this.publicUrl);
  }

  override authorizationRequestParams<T extends AuthenticateOptions>(req: Parameters<Strategy['authorizationRequestParams']>[0], options: T) {
    const params = new URLSearchParams(super.authorizationRequestParams(req, options));
    params.set('state', client.randomState());
    params.set('nonce', client.randomNonce());
    // Third-party-initiated login: the provider said who is signing in; hand it back so they need not type it.
    const hint = (req as { loginHint?: unknown }).loginHint;
    if (typeof hint === 'string' && hint) params.set('login_hint', hint);
    return params;
  }
}

export { type PassportOutcome, type PassportRequest, runPassport } from '../passport-adapter';
