import { HttpError } from 'react-admin';
import type { Role } from '@airlock/contracts/constants';
import type { MeOutput } from '@airlock/contracts/types';
import { httpClient, setCsrfToken } from '../api/http';

export type { Role };

/** GET /api/auth/me (libs/contracts meOutput). */
export type Me = MeOutput;

let me: Me | null = null;
let fetchedAt = 0;
let inflight: Promise<Me> | null = null;
const MAX_AGE_MS = 60_000;

const ORG_KEY = 'airlock.orgSlug';
const HINT_KEY = 'airlock.signedIn';

/**
 * The session cookie is HttpOnly, so the page cannot see it. A hint in localStorage says whether
 * this browser signed in, so a first visit goes straight to the sign-in page instead of asking
 * GET /api/auth/me for a certain 401. The server stays the judge: a stale hint costs one 401.
 */
export function setSessionHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage unavailable: every check then asks the server.
  }
}

export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) !== null;
  } catch {
    return true;
  }
}

/** The signed-in user, from GET /api/auth/me (cached for a minute; checkAuth refreshes it). */
export function loadMe(force = false): Promise<Me> {
  if (!force && me && Date.now() - fetchedAt < MAX_AGE_MS) return Promise.resolve(me);
  inflight ??= httpClient('/api/auth/me')
    .then(({ json }) => {
      me = json as Me;
      setSessionHint(true);
      fetchedAt = Date.now();
      setCsrfToken(me.csrfToken);
      try {
        localStorage.setItem(ORG_KEY, me.organization.slug);
      } catch {
        // Private mode: the SSO button then needs the slug typed in.
      }
      return me;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

export function currentMe(): Me | null {
  return me;
}

export function forgetMe(): void {
  setSessionHint(false);
  me = null;
  fetchedAt = 0;
  setCsrfToken(null);
}

export function knownOrgSlug(): string {
  try {
    return localStorage.getItem(ORG_KEY) ?? '';
  } catch {
    return '';
  }
}

export function isUnauthenticated(err: unknown): boolean {
  return err instanceof HttpError && err.status === 401;
}
