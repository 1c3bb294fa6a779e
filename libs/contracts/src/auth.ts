import { z } from 'zod';
import { line, slug, updateOf } from './common';
import { ROLES, SESSION_METHODS, SSO_PROTOCOLS, USER_READ_ONLY_FIELDS } from './constants';

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

/**
 * POST /api/users/bulk: disable, enable or change the role of several users (one change at a time:
 * `disabled` or `role`). One object rather than a union, so a 400 names the bad field.
 */
export const userBulkInput = z
  .strictObject({ ids: z.array(z.uuid()).min(1).max(200), disabled: z.boolean().optional(), role: role.optional() })
  .refine((v) => (v.disabled === undefined) !== (v.role === undefined), { message: 'give either disabled or role (one change at a time)', path: ['disabled'] });
export type UserBulkInput = z.infer<typeof userBulkInput>;

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

/** A URL of the identity provider's: https, or http only on this machine (development, tests); a query is allowed (Google's SSO URL has one). */
export const idpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine((u) => {
    const url = URL.canParse(u) ? new URL(u) : null;
    return url !== null && (url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname));
  }, 'must be an https:// URL (http:// only for a provider on this machine)')
  .refine((u) => !u.includes('#'), 'must not have a fragment');

/** A SAML attribute name as identity providers write them (`email`, a claim URI, an OID); empty means "the usual names". */
const samlAttributeName = z
  .string()
  .trim()
  .max(256)
  .regex(/^[\x20-\x7e]*$/, 'must be printable ASCII')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

/** An X.509 certificate in PEM or bare base64 (as IdP metadata and consoles show it). */
const certificateText = z.string().trim().min(64, 'is too short to be a certificate').max(20_000).regex(/^[A-Za-z0-9+/=\s-]+$/, 'must be a PEM or base64 certificate');

/**
 * The organization's single sign-on connection: OpenID Connect or SAML 2.0 (`protocol`). Fields of
 * the protocol not in use may be left out: the stored ones are kept, so switching back needs no
 * retyping. The OIDC client secret is write-only: omit it to keep the stored one.
 */
const ssoConnectionFields = z.strictObject({
  protocol: z.enum(SSO_PROTOCOLS).default('oidc'),
  issuer: issuerUrl.optional(),
  clientId: z.string().trim().min(1).max(500).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional(),
  clientSecret: z.string().min(1).max(2000).regex(/^[\x20-\x7e]+$/, 'must be printable ASCII').optional(),
  scopes: scopeList.default('openid email profile'),
  /** The claim (ID token or userinfo) holding the user's groups, e.g. "groups" or "roles". */
  groupsClaim: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_.:/-]+$/, 'must be a claim name').default('groups'),
  /** SAML: the identity provider's entity id (the Issuer of its assertions). */
  samlIdpEntityId: z.string().trim().min(1).max(1024).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional(),
  /** SAML: the identity provider's single sign-on URL (HTTP-Redirect binding). */
  samlSsoUrl: idpUrl.optional(),
  /** SAML: the identity provider's single logout URL (HTTP-Redirect binding); null: it has none. */
  samlSloUrl: idpUrl.nullable().optional(),
  /** SAML: the identity provider's signing certificates (two while it rolls its key over). */
  samlIdpCertificates: z.array(certificateText).min(1, 'needs the identity provider\'s signing certificate').max(5).optional(),
  /** SAML: where the identity provider's metadata was loaded from (kept to show and reload). */
  samlMetadataUrl: idpUrl.nullable().optional(),
  /** SAML attribute names for the e-mail, the display name and the groups; null: the usual names (docs/sso.md). */
  samlEmailAttribute: samlAttributeName,
  samlNameAttribute: samlAttributeName,
  samlGroupsAttribute: samlAttributeName,
  /** { "<group value>": "<role>" }: the highest mapped role wins, otherwise defaultRole. */
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

/** What the chosen protocol cannot do without (the other protocol's fields may be absent). */
function requireProtocolFields(c: { protocol: (typeof SSO_PROTOCOLS)[number]; issuer?: string; clientId?: string; samlIdpEntityId?: string; samlSsoUrl?: string }, ctx: z.RefinementCtx): void {
  const need = c.protocol === 'oidc' ? (['issuer', 'clientId'] as const) : (['samlIdpEntityId', 'samlSsoUrl'] as const);
  for (const key of need) if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: `is required for ${c.protocol === 'oidc' ? 'OpenID Connect' : 'SAML'}` });
}

export const ssoConnectionInput = ssoConnectionFields.superRefine(requireProtocolFields);
/** Read-only fields of the connection's output, accepted and dropped on PUT (react-admin sends the record back). */
export const SSO_CONNECTION_READ_ONLY = [
  'id',
  'configured',
  'createdAt',
  'updatedAt',
  'clientSecretSet',
  'callbackUrl',
  'startUrl',
  'signInUrl',
  'organizationSlug',
  'ssoUsers',
  'lastSignInAt',
  'breakGlassUserId',
  'postLogoutRedirectUri',
  'saml',
  'samlMetadataFetchedAt',
  'samlCertificates',
] as const;
export const ssoConnectionPut = ssoConnectionFields
  .extend(Object.fromEntries(SSO_CONNECTION_READ_ONLY.map((k) => [k, z.unknown().optional()])) as Record<(typeof SSO_CONNECTION_READ_ONLY)[number], z.ZodOptional<z.ZodUnknown>>)
  .superRefine(requireProtocolFields);

/**
 * Load the identity provider's SAML metadata: from its URL (fetched by the server, public
 * addresses only unless AIRLOCK_SSO_ALLOW_PRIVATE allows) or as the XML file's text (an upload).
 * Nothing is saved: the answer fills the form.
 */
export const samlMetadataImport = z
  .strictObject({
    url: idpUrl.optional(),
    xml: z.string().min(1).max(1_000_000, 'must be at most 1 MB of XML').optional(),
  })
  .refine((v) => (v.url === undefined) !== (v.xml === undefined), 'send either the metadata URL (url) or its XML (xml)');

/** One signing certificate as the SSO page shows it. */
export const samlCertificateInfo = z.object({
  subject: z.string(),
  notAfter: z.string(),
  expired: z.boolean(),
  /** Expires within 30 days. */
  expiresSoon: z.boolean(),
  sha256: z.string(),
});
export type SamlCertificateInfo = z.infer<typeof samlCertificateInfo>;

/** What the metadata says, in the connection's field names. */
export const samlMetadataOutput = z.object({
  samlIdpEntityId: z.string(),
  samlSsoUrl: z.string(),
  samlSloUrl: z.string().nullable(),
  samlIdpCertificates: z.array(z.string()),
  samlMetadataUrl: z.string().nullable(),
  certificates: z.array(samlCertificateInfo),
});
export type SamlMetadataOutput = z.infer<typeof samlMetadataOutput>;

/** A domain name as people type it (`Corp.Example.com.`), kept lower-case, in ASCII (punycode), without the final dot. */
export const domainName = z
  .string()
  .trim()
  .min(3)
  .max(253)
  .transform((v) => v.toLowerCase().replace(/\.$/, ''))
  .transform((v, ctx) => {
    // URL does what browsers do to a host: IDNA to punycode, lower case; anything but a bare name is refused.
    const host = !/[/:@?#\\\s]/.test(v) && URL.canParse(`http://${v}/`) ? new URL(`http://${v}/`).hostname : '';
    const labels = host.split('.');
    const ok = host.length > 0 && host.length <= 253 && labels.length >= 2 && labels.every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: 'must be a domain name such as example.com (no scheme, path, port or address)' });
      return z.NEVER;
    }
    return host;
  });

export const ssoDomainInput = z.strictObject({ domain: domainName });

/** A verified (or waiting) e-mail domain of the organization. */
export const ssoDomainOutput = z.object({
  id: z.string(),
  domain: z.string(),
  /** The TXT record to publish at the domain. */
  txtRecordName: z.string(),
  txtRecordValue: z.string(),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  /** Why the last check failed, in words. */
  lastCheckError: z.string().nullable(),
  createdAt: z.string(),
});
export type SsoDomainOutput = z.infer<typeof ssoDomainOutput>;

/** The sealed report of a test sign-in (the console's "Try a sign-in"), as the console got it in its URL. */
export const ssoTestResultInput = z.strictObject({ r: z.string().min(10).max(8192).regex(/^[A-Za-z0-9._-]+$/, 'is not a test sign-in report') });

/** Home-realm discovery: where an e-mail signs in (the sign-in page asks before showing the password). */
export const ssoDiscoverQuery = z.strictObject({ email: z.string().trim().min(3).max(320) });

/**
 * "Test connection": OpenID discovery of the issuer as the form has it now, before saving. The
 * secret may be left out (the stored one is kept; discovery does not need it).
 */
export const ssoConnectionTestInput = z.strictObject({
  protocol: z.enum(SSO_PROTOCOLS).default('oidc'),
  issuer: issuerUrl.optional(),
  clientId: z.string().trim().max(500).optional(),
  scopes: scopeList.optional(),
  groupsClaim: z.string().trim().max(100).optional(),
  samlIdpEntityId: z.string().trim().max(1024).optional(),
  samlSsoUrl: idpUrl.optional(),
  samlIdpCertificates: z.array(certificateText).max(5).optional(),
}).superRefine((c, ctx) => {
  if (c.protocol === 'oidc' && !c.issuer) ctx.addIssue({ code: 'custom', path: ['issuer'], message: 'is required for OpenID Connect' });
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
  /** SAML: the signing certificates, read. */
  certificates: z.array(samlCertificateInfo).optional(),
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
  /** Who is signing in (the e-mail typed on the sign-in page), passed on to the identity provider. */
  login_hint: z.string().max(320).optional(),
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

/** A signed-in session (GET /api/auth/sessions, GET /api/users/:id/sessions): never its token. */
export const sessionOutput = z.object({
  /** The session's public id (DELETE …/sessions/:id), not the cookie's token. */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The browser and system in words ("Firefox on Linux"). */
  device: z.string(),
  /** The session this request was made with. */
  current: z.boolean(),
});
export type SessionOutput = z.infer<typeof sessionOutput>;

/** GET /api/auth/me: the signed-in user, the organization, what the role may do and the CSRF token. */
export const meOutput = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role, groups: z.array(z.string()) }),
  organization: z.object({ id: z.string(), name: z.string(), slug: z.string(), ssoEnabled: z.boolean() }),
  mfa: z.object({ enabled: z.boolean(), enrolmentRequired: z.boolean(), sessionMethod: z.enum(SESSION_METHODS) }),
  /** The permissions of the user's role (apps/api permissions.ts), for the console's menus. */
  permissions: z.array(z.string()),
  /** Sent back as X-CSRF-Token on every change made with the session. */
  csrfToken: z.string(),
});
export type MeOutput = z.infer<typeof meOutput>;

/** What a SAML identity provider is given for this organization (entity id, ACS, single logout, metadata). */
export const samlServiceProviderOutput = z.object({ entityId: z.string(), acsUrl: z.string(), sloUrl: z.string(), metadataUrl: z.string() });
export type SamlServiceProviderOutput = z.infer<typeof samlServiceProviderOutput>;

/**
 * GET/PUT /api/sso-connection: the connection as the API shows it; the client secret and the SP
 * private key never come back (only whether a secret is set). Before any set-up, only what to
 * register at the identity provider.
 */
export const ssoConnectionOutput = z.union([
  z.object({
    id: z.null(),
    configured: z.literal(false),
    callbackUrl: z.string(),
    postLogoutRedirectUri: z.string(),
    organizationSlug: z.string(),
    saml: samlServiceProviderOutput,
  }),
  z.object({
    id: z.string(),
    configured: z.boolean(),
    protocol: z.enum(SSO_PROTOCOLS),
    issuer: z.string().nullable(),
    clientId: z.string().nullable(),
    clientSecretSet: z.boolean(),
    scopes: z.string(),
    groupsClaim: z.string(),
    samlIdpEntityId: z.string().nullable(),
    samlSsoUrl: z.string().nullable(),
    samlSloUrl: z.string().nullable(),
    samlIdpCertificates: z.array(z.string()),
    samlCertificates: z.array(samlCertificateInfo),
    samlMetadataUrl: z.string().nullable(),
    samlMetadataFetchedAt: z.string().nullable(),
    samlEmailAttribute: z.string().nullable(),
    samlNameAttribute: z.string().nullable(),
    samlGroupsAttribute: z.string().nullable(),
    saml: samlServiceProviderOutput,
    /** Identity provider group → Airlock role. */
    roleMappings: z.record(z.string(), role),
    defaultRole: role,
    allowJit: z.boolean(),
    enabled: z.boolean(),
    ssoOnly: z.boolean(),
    /** The break-glass owner's e-mail (what the form shows and sends back), and id. */
    breakGlassOwner: z.string().nullable(),
    breakGlassUserId: z.string().nullable(),
    organizationSlug: z.string(),
    callbackUrl: z.string(),
    postLogoutRedirectUri: z.string(),
    startUrl: z.string(),
    signInUrl: z.string(),
    ssoUsers: z.number(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
]);
export type SsoConnectionOutput = z.infer<typeof ssoConnectionOutput>;

/** POST /api/auth/sso/test/result: what a test sign-in found and what a real one would do; nothing was written. */
export const ssoTestResultOutput = z.object({
  organizationId: z.string(),
  protocol: z.string(),
  issuer: z.string(),
  subject: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  providerGroups: z.array(z.string()),
  role,
  airlockGroups: z.array(z.string()),
  ok: z.boolean(),
  outcome: z.enum(['existing', 'link', 'create', 'refused']),
  account: z.string().nullable(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type SsoTestResultOutput = z.infer<typeof ssoTestResultOutput>;
