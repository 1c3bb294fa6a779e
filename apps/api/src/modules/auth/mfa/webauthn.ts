import type { AppConfig } from '../../../config/config';

/** The relying party: its id is AIRLOCK_PUBLIC_URL's host, the only origin accepted is that URL's. */
export function relyingParty(config: AppConfig): { id: string; origin: string; name: string } {
  const url = new URL(config.publicUrl);
  return { id: url.hostname, origin: url.origin, name: 'Airlock' };
}

/** WebAuthn challenges live two minutes (the browser's own timeout is one). */
export const WEBAUTHN_CHALLENGE_SECONDS = 120;
export const WEBAUTHN_TIMEOUT_MS = 60_000;
export const MAX_PASSKEYS = 10;
