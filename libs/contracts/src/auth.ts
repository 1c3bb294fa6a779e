import { z } from 'zod';
import { line, slug, updateOf } from './common';
import { ROLES, USER_READ_ONLY_FIELDS } from './constants';

export const role = z.enum(ROLES);

export const loginInput = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export const passwordSchema = z.string().min(12, 'must be at least 12 characters').max(256);

/** Single-use tokens from invitation and password-reset mails: 32 random bytes, base64url. */
const userToken = z
  .string()
  .min(10)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a token from an Airlock mail');

export const userCreate = z.strictObject({
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  name: line(200),
  role,
  groups: z.array(slug).max(100).default([]),
  /** Omit to send an invitation instead. */
  password: passwordSchema.optional(),
});

/** What an owner may change on a user. E-mail and sign-in facts are read-only (react-admin sends them back; they are dropped). */
const userEditable = z.strictObject({
  name: line(200),
  role,
  groups: z.array(slug).max(100).refine((g) => new Set(g).size === g.length, 'must not repeat a group'),
  disabled: z.boolean(),
});
export const userUpdate = updateOf(userEditable, USER_READ_ONLY_FIELDS);

export const passwordResetRequest = z.strictObject({ email: z.string().trim().min(3).max(320) });
export const passwordResetConfirm = z.strictObject({ token: userToken, password: passwordSchema });
export const invitationAccept = z.strictObject({ token: userToken, password: passwordSchema, name: line(200).optional() });
export const passwordChange = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema });

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An OpenID issuer: https, or http only for a provider on this very machine (development, tests). */
export const issuerUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine((u) => {
    // Refinements run even when the URL format check failed: parse defensively.
    const url = URL.canParse(u) ? new URL(u) : null;
    return url !== null && (url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname));
  }, 'must be an https:// URL (http:// only for a provider on this machine)')
  .refine((u) => !/[?#]/.test(u), 'must not have a query or fragment');

const scopeList = z
  .string()
  .trim()
  .max(1000)
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be scope names separated by single spaces')
  .refine((s) => s.split(' ').includes('openid'), 'must include "openid"');

/** The organization's OpenID Connect connection. The client secret is write-only: omit it to keep the stored one. */
export const ssoConnectionInput = z.strictObject({
  issuer: issuerUrl,
  clientId: z.string().trim().min(1).max(500).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  clientSecret: z.string().min(1).max(2000).regex(/^[\x20-\x7e]+$/, 'must be printable ASCII').optional(),
  scopes: scopeList.default('openid email profile'),
  /** The claim (ID token or userinfo) holding the user's groups, e.g. "groups" or "roles". */
  groupsClaim: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_.:/-]+$/, 'must be a claim name').default('groups'),
  /** { "<group claim value>": "<role>" }: the highest mapped role wins, otherwise defaultRole. */
  roleMappings: z
    .record(z.string().min(1).max(256), role)
    .refine((m) => Object.keys(m).length <= 200, 'must map at most 200 values')
    .default({}),
  defaultRole: role.default('employee'),
  /** Create users on their first SSO sign-in (just-in-time provisioning). */
  allowJit: z.boolean().default(true),
  enabled: z.boolean().default(true),
  /**
   * SSO-only: passwords refused (sign-in, reset, invitation) for everyone of the organization but
   * the break-glass owner. Needs the connection enabled (and so checked) and a break-glass owner.
   */
  ssoOnly: z.boolean().default(false),
  /**
   * The owner who keeps signing in with a password when SSO-only is on (for when the identity
   * provider is down): a user id or an e-mail of an enabled owner with a password. null clears it;
   * omitted keeps the stored one.
   */
  breakGlassOwner: z.string().trim().max(320).nullable().optional(),
});
/** Read-only fields of the connection's output, accepted and dropped on PUT (react-admin sends the record back). */
export const SSO_CONNECTION_READ_ONLY = ['id', 'configured', 'createdAt', 'updatedAt', 'clientSecretSet', 'callbackUrl', 'startUrl', 'signInUrl', 'organizationSlug', 'ssoUsers', 'lastSignInAt', 'breakGlassUserId', 'postLogoutRedirectUri'] as const;
export const ssoConnectionPut = ssoConnectionInput.extend(
  Object.fromEntries(SSO_CONNECTION_READ_ONLY.map((k) => [k, z.unknown().optional()])) as Record<(typeof SSO_CONNECTION_READ_ONLY)[number], z.ZodOptional<z.ZodUnknown>>,
);

/**
 * "Test connection": OpenID discovery of the issuer as the form has it now, before saving. The
 * secret may be left out (the stored one is kept; discovery does not need it).
 */
export const ssoConnectionTestInput = z.strictObject({
  issuer: issuerUrl,
  clientId: z.string().trim().max(500).optional(),
  scopes: scopeList.optional(),
  groupsClaim: z.string().trim().max(100).optional(),
});

/** What discovery found, in the words the SSO page shows; `ok: false` carries the reason. */
export const ssoConnectionCheckOutput = z.object({
  ok: z.boolean(),
  /** Why the check failed, in plain words. */
  message: z.string().optional(),
  issuer: z.string(),
  durationMs: z.number(),
  authorizationEndpoint: z.string().optional(),
  tokenEndpoint: z.string().optional(),
  userinfoEndpoint: z.string().optional(),
  /** Where RP-initiated logout sends the browser, when the provider offers it. */
  endSessionEndpoint: z.string().optional(),
  /** Whether the provider advertises PKCE with S256 (Airlock always uses it). */
  pkceS256: z.boolean().optional(),
  /** Scopes asked for that the provider does not list in scopes_supported (it may still accept them). */
  unlistedScopes: z.array(z.string()).optional(),
  /** Whether claims_supported lists the groups claim; null when the provider publishes no list. */
  groupsClaimListed: z.boolean().nullable().optional(),
});
export type SsoConnectionCheck = z.infer<typeof ssoConnectionCheckOutput>;

/**
 * Where the console should open after sign-in: a path of its own (`/incidents/42/show`), never
 * another site (`//evil.example`, `/\\evil.example`, a scheme) — an open redirect otherwise.
 */
export const consoleReturnPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[\x21-\x7e]*$/, 'must be a path of the console, starting with one /');

export const ssoStartQuery = z.strictObject({
  org: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be an organization slug'),
  returnTo: consoleReturnPath.optional(),
});

/**
 * OpenID Connect third-party-initiated login (Core 1.0 §4): the identity provider's app tile sends
 * the browser here with its issuer, and optionally who is signing in and where they were going.
 */
export const ssoInitiateQuery = z.object({
  iss: z.string().url().max(2048),
  login_hint: z.string().max(320).optional(),
  target_link_uri: z.string().max(2048).optional(),
});

/** A user as the API shows it (GET /api/users): never the password hash, the SSO subject or tokens. */
export const userOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  groups: z.array(z.string()),
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  sso: z.boolean(),
  invitationPending: z.boolean(),
  invitationExpiresAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserOutput = z.infer<typeof userOutput>;
