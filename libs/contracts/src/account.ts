import { z } from 'zod';
import { SECOND_FACTOR_METHODS, SSO_PROTOCOLS } from './constants';
import { userOutput } from './auth';

/**
 * The answers of the sign-in and account routes (POST /api/auth/login, the second factor, the
 * user's own sessions and factors). The console reads their types from `@airlock/contracts/types`.
 */

/** A change that answers only that it was made. */
export const okOutput = z.object({ ok: z.literal(true) });
export type OkOutput = z.infer<typeof okOutput>;

/** A change that answers a sentence for the person (the same whatever the outcome, where that matters). */
export const okMessageOutput = z.object({ ok: z.literal(true), message: z.string() });
export type OkMessageOutput = z.infer<typeof okMessageOutput>;

/** A session was opened: the CSRF token to send back on changes (the token itself is in the cookie). */
export const sessionStartedOutput = z.object({ ok: z.literal(true), csrfToken: z.string(), expiresAt: z.string() });
export type SessionStartedOutput = z.infer<typeof sessionStartedOutput>;

/** POST /api/auth/login: a session, or (a user with a second factor) the factors to ask for next. */
export const loginOutput = z.union([
  sessionStartedOutput,
  z.object({ ok: z.literal(false), mfaRequired: z.literal(true), methods: z.array(z.enum(SECOND_FACTOR_METHODS)), expiresAt: z.string() }),
]);
export type LoginOutput = z.infer<typeof loginOutput>;

/** POST /api/auth/logout: an SSO session also gets the identity provider's logout to open next. */
export const logoutOutput = z.object({ ok: z.literal(true), endSessionUrl: z.string().optional() });
export type LogoutOutput = z.infer<typeof logoutOutput>;

/** DELETE of one session: `signedOut` when it was the caller's own (the cookie is cleared). */
export const sessionEndedOutput = z.object({ ok: z.literal(true), signedOut: z.boolean() });
export type SessionEndedOutput = z.infer<typeof sessionEndedOutput>;

/** Ending several sessions at once: how many ended. */
export const sessionsEndedOutput = z.object({ ended: z.number() });
export type SessionsEndedOutput = z.infer<typeof sessionsEndedOutput>;

/** GET /api/auth/mfa: the signed-in user's own second factors. */
export const mfaStatusOutput = z.object({
  enabled: z.boolean(),
  /** The organization asks for a second factor and this user has none yet. */
  enrolmentRequired: z.boolean(),
  /** Second factors guard password sign-ins only (SSO sessions confirm with the identity provider). */
  appliesToThisSession: z.boolean(),
  totp: z.object({ confirmedAt: z.string() }).nullable(),
  passkeys: z.array(z.object({ id: z.string(), name: z.string(), deviceType: z.string(), backedUp: z.boolean(), createdAt: z.string(), lastUsedAt: z.string().nullable() })),
  recoveryCodesLeft: z.number(),
  steppedUpAt: z.string().nullable(),
});
export type MfaStatusOutput = z.infer<typeof mfaStatusOutput>;

/** POST /api/auth/mfa/totp: a new authenticator app secret, as a URI, a QR code (SVG data URL) and text. */
export const totpSetupOutput = z.object({ secret: z.string(), otpauthUri: z.string(), qrCode: z.string() });
export type TotpSetupOutput = z.infer<typeof totpSetupOutput>;

/** A factor was added: the account's first factor comes with its recovery codes (shown here only). */
export const totpConfirmedOutput = z.object({ ok: z.literal(true), recoveryCodes: z.array(z.string()).nullable() });
export type TotpConfirmedOutput = z.infer<typeof totpConfirmedOutput>;
export const passkeyAddedOutput = z.object({ id: z.string(), name: z.string(), recoveryCodes: z.array(z.string()).nullable() });
export type PasskeyAddedOutput = z.infer<typeof passkeyAddedOutput>;
export const recoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesOutput = z.infer<typeof recoveryCodesOutput>;

/** WebAuthn options for the browser (PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON of WebAuthn Level 3). */
export const webauthnOptionsOutput = z.looseObject({ challenge: z.string(), timeout: z.number().optional() });
export type WebauthnOptionsOutput = z.infer<typeof webauthnOptionsOutput>;

/** POST /api/auth/mfa/step-up: this session may do the most sensitive actions for the next five minutes. */
export const stepUpOutput = z.object({ ok: z.literal(true), steppedUpAt: z.string() });
export type StepUpOutput = z.infer<typeof stepUpOutput>;

/** GET /api/auth/sso/discover: where an address signs in (home-realm discovery). */
export const ssoDiscoveryOutput = z.union([
  z.object({ sso: z.literal(false) }),
  z.object({ sso: z.literal(true), org: z.string(), protocol: z.enum(SSO_PROTOCOLS), startUrl: z.string() }),
]);
export type SsoDiscoveryOutput = z.infer<typeof ssoDiscoveryOutput>;

/** GET /api/auth/sso/organization: whether the organization signs in through SSO only. */
export const ssoOrganizationOutput = z.object({ ssoOnly: z.boolean() });
export type SsoOrganizationOutput = z.infer<typeof ssoOrganizationOutput>;

/** POST /api/users/:id/invitation (and POST /api/users): the user, and whether the invitation mail went out. */
export const userInvitedOutput = userOutput.extend({ invitationSent: z.boolean(), invitationError: z.string().optional() });
export type UserInvitedOutput = z.infer<typeof userInvitedOutput>;
