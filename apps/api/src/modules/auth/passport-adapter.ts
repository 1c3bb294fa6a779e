import type { IncomingHttpHeaders } from 'node:http';
import { Passport } from 'passport';

/** Anything with passport's authenticate(req, options) (typings of strategies disagree on `this`). */
export interface AnyStrategy {
  authenticate(...args: never[]): unknown;
}

/** The few request fields passport and the strategies read, taken from Fastify's request. */
export interface PassportRequest {
  method: string;
  url: string;
  originalUrl: string;
  headers: IncomingHttpHeaders;
  body?: unknown;
  query?: unknown;
  /** A login_hint to pass to the identity provider (third-party-initiated SSO). */
  loginHint?: string;
  /**
   * Strategy state between two requests (openid-client keeps its PKCE verifier, state and nonce
   * here): filled from the sealed SSO cookie on the way back, read after the redirect. No session store.
   */
  session: Record<string, unknown>;
}

export type PassportOutcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'success'; user: unknown }
  | { kind: 'fail'; message: string }
  | { kind: 'error'; error: unknown };

/**
 * A private passport instance: no strategy is looked up by name in the process-wide registry, so
 * two Nest applications in one process (tests) never call each other's services.
 */
const passport = new Passport();

/**
 * Runs a strategy through passport.authenticate and turns what passport does to the response
 * (res.statusCode, setHeader('Location'), end()) into a value the Fastify handler acts on.
 * A fresh object inherits from the strategy for every request, as passport does for named
 * strategies, so concurrent requests never share success/fail/redirect callbacks.
 */
export function runPassport(strategy: AnyStrategy, req: PassportRequest): Promise<PassportOutcome> {
  return new Promise((resolve) => {
    const headers = new Map<string, string>();
    const res = {
      statusCode: 200,
      setHeader(name: string, value: string) {
        headers.set(name.toLowerCase(), String(value));
      },
      end() {
        const location = headers.get('location');
        resolve(location ? { kind: 'redirect', url: location } : { kind: 'fail', message: 'Authentication did not complete' });
      },
    };
    const perRequest = Object.create(strategy) as Parameters<typeof passport.authenticate>[0];
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
  return typeof info === 'string' ? info : 'Authentication refused';
}
