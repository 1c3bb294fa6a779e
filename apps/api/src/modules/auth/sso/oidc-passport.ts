import type { IncomingHttpHeaders } from 'node:http';
import * as client from 'openid-client';
import { Strategy, type AuthenticateOptions, type VerifyFunction } from 'openid-client/passport';
import { Passport } from 'passport';

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
    return params;
  }
}

/** The few request fields passport and the strategy read, from Fastify's request. */
export interface PassportRequest {
  method: string;
  url: string;
  originalUrl: string;
  headers: IncomingHttpHeaders;
  /** Holds the strategy's checks: filled from the sealed cookie on the way back, read after the redirect. */
  session: Record<string, unknown>;
}

export type PassportOutcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'success'; user: unknown }
  | { kind: 'fail'; message: string }
  | { kind: 'error'; error: unknown };

/** A private passport instance: nothing registered globally, no passport session support. */
const passport = new Passport();

/**
 * Runs a strategy through passport.authenticate and turns what passport does to the response
 * (res.statusCode, setHeader('Location'), end()) into a value that the Fastify handler acts on.
 * A fresh object inherits from the strategy for every request, as passport does for named
 * strategies, so concurrent sign-ins never share success/fail/redirect callbacks.
 */
export function runPassport(strategy: Strategy, req: PassportRequest): Promise<PassportOutcome> {
  return new Promise((resolve) => {
    const headers = new Map<string, string>();
    const res = {
      statusCode: 200,
      setHeader(name: string, value: string) {
        headers.set(name.toLowerCase(), String(value));
      },
      end() {
        const location = headers.get('location');
        resolve(location ? { kind: 'redirect', url: location } : { kind: 'fail', message: 'The identity provider flow did not complete' });
      },
    };
    const perRequest = Object.create(strategy) as Strategy;
    const middleware = passport.authenticate(perRequest, { session: false }, (err: unknown, user: unknown, info: unknown) => {
      if (err) resolve({ kind: 'error', error: err });
      else if (!user) resolve({ kind: 'fail', message: messageOf(info) });
      else resolve({ kind: 'success', user });
    }) as (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
    try {
      middleware(req, res, (err?: unknown) => resolve({ kind: 'error', error: err ?? new Error('passport passed the request on') }));
    } catch (err) {
      resolve({ kind: 'error', error: err });
    }
  });
}

function messageOf(info: unknown): string {
  if (info && typeof info === 'object' && 'message' in info && typeof info.message === 'string') return info.message;
  return typeof info === 'string' ? info : 'Sign-in refused';
}
