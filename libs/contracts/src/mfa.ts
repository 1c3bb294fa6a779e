import { z } from 'zod';
import { line } from './common';

/** A six-digit TOTP code (RFC 6238, 30-second steps). Spaces typed by the user are ignored. */
export const totpCode = z
  .string()
  .max(20)
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows'));

/** A recovery code as shown at enrolment (xxxxx-xxxxx); case, spaces and dashes do not matter. */
export const recoveryCode = z
  .string()
  .max(40)
  .transform((s) => s.replace(/[\s-]+/g, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9]{10}$/, 'must be one of your recovery codes (like abcde-12345)'));

const b64url = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*={0,2}$/, 'must be base64url');

/** The JSON a browser's WebAuthn call returns (@simplewebauthn/browser), for registration or authentication. */
export const webauthnResponse = z.strictObject({
  id: b64url(1024).min(1),
  rawId: b64url(1024).min(1),
  type: z.literal('public-key'),
  response: z.strictObject({
    clientDataJSON: b64url(8192),
    attestationObject: b64url(65536).optional(),
    authenticatorData: b64url(65536).optional(),
    signature: b64url(8192).optional(),
    userHandle: b64url(1024).nullable().optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(8192).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).nullable().optional(),
  clientExtensionResults: z.record(z.string().max(64), z.unknown()).refine((r) => Object.keys(r).length <= 20, 'too many extensions').default({}),
});
export type WebauthnResponse = z.infer<typeof webauthnResponse>;

/** A second factor: at sign-in (after the password) and for a step-up before a sensitive action. */
export const secondFactorInput = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('totp'), code: totpCode }),
  z.strictObject({ method: z.literal('recovery_code'), code: recoveryCode }),
  z.strictObject({ method: z.literal('passkey'), response: webauthnResponse }),
]);
export type SecondFactorInput = z.infer<typeof secondFactorInput>;

export const totpConfirmInput = z.strictObject({ code: totpCode });
export const passkeyRegisterInput = z.strictObject({ name: line(100).default('Passkey'), response: webauthnResponse });
/** Routes that take no parameters still take JSON (public mutations must): an empty object. */
export const emptyInput = z.strictObject({});
