import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD = 30;
const DIGITS = 6;
/** One step either side of now: clocks drift, and a code typed at the end of its step arrives in the next. */
export const TOTP_WINDOW = 1;

function totpOf(secretBase32: string, label = '', issuer = 'Airlock'): TOTP {
  return new TOTP({ issuer, label, issuerInLabel: true, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: DIGITS, period: TOTP_PERIOD });
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, account: string, issuer: string): string {
  return totpOf(secretBase32, account, issuer).toString();
}

/**
 * The time step whose code this is (within ±TOTP_WINDOW of `now`), or null when it matches none.
 * The caller must refuse a step it already accepted (replay): see MfaService.
 */
export function matchTotpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return null;
  return TOTP.counter({ period: TOTP_PERIOD, timestamp: now }) + delta;
}

/** The code of a step (tests, and the unit spec's RFC 6238 vectors). */
export function totpCodeAt(secretBase32: string, timestamp: number): string {
  return totpOf(secretBase32).generate({ timestamp });
}
