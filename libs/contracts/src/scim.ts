import { z } from 'zod';

/**
 * SCIM 2.0 (RFC 7643 resources, RFC 7644 protocol) as Airlock serves it at /scim/v2. Bodies are
 * checked against the attributes of the schemas Airlock advertises: an attribute those schemas
 * define but Airlock does not keep (title, phoneNumbers, the enterprise extension...) is accepted
 * and ignored, as identity providers send them; an attribute no advertised schema defines is a 400.
 */
export const SCIM_SCHEMA = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

export const SCIM_MEDIA_TYPE = 'application/scim+json';
/** The most resources one list page returns (advertised as filter.maxResults). */
export const SCIM_MAX_RESULTS = 200;

/* eslint-disable no-control-regex -- these patterns exist to refuse control characters */
const scimText = (max: number) => z.string().max(max).regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');
/* eslint-enable no-control-regex */

/** SCIM booleans; Microsoft Entra ID sends "True"/"False" strings in PATCH values. */
export const scimBoolean = z.union([z.boolean(), z.string().regex(/^(true|false)$/i, 'must be true or false')]).transform((v) => (typeof v === 'boolean' ? v : v.toLowerCase() === 'true'));

const schemasOf = (required: string) =>
  z
    .array(z.string().max(200))
    .min(1)
    .max(10)
    .refine((s) => s.includes(required), `must include "${required}"`);

export const scimName = z.strictObject({
  formatted: scimText(200).nullable().optional(),
  familyName: scimText(200).nullable().optional(),
  givenName: scimText(200).nullable().optional(),
  middleName: scimText(200).nullable().optional(),
  honorificPrefix: scimText(100).nullable().optional(),
  honorificSuffix: scimText(100).nullable().optional(),
});

export const scimEmail = z.strictObject({
  value: scimText(320),
  type: scimText(40).optional(),
  primary: scimBoolean.optional(),
  display: scimText(320).optional(),
});

/** Attributes of the core User schema that Airlock accepts but does not keep. */
const IGNORED_USER_ATTRIBUTES = [
  'nickName',
  'profileUrl',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'phoneNumbers',
  'ims',
  'photos',
  'addresses',
  'entitlements',
  'roles',
  'x509Certificates',
] as const;

const ignored = Object.fromEntries(IGNORED_USER_ATTRIBUTES.map((k) => [k, z.unknown().optional()])) as Record<(typeof IGNORED_USER_ATTRIBUTES)[number], z.ZodOptional<z.ZodUnknown>>;

/** A User as POST and PUT send it. Read-only attributes (id, meta, groups) and `password` are ignored. */
export const scimUserInput = z.strictObject({
  schemas: schemasOf(SCIM_SCHEMA.user),
  id: z.unknown().optional(),
  meta: z.unknown().optional(),
  groups: z.unknown().optional(),
  /** Never stored: SCIM-provisioned users sign in with SSO (Okta sends one in its own tests). */
  password: z.unknown().optional(),
  externalId: scimText(500).nullable().optional(),
  userName: scimText(320).trim().min(1),
  name: scimName.nullable().optional(),
  displayName: scimText(200).nullable().optional(),
  emails: z.array(scimEmail).max(20).nullable().optional(),
  active: scimBoolean.optional(),
  ...ignored,
  [SCIM_SCHEMA.enterpriseUser]: z.record(z.string().max(100), z.unknown()).optional(),
});
export type ScimUserInput = z.output<typeof scimUserInput>;

/** Every top-level attribute name a User body may carry, for case-insensitive matching (RFC 7643 2.1). */
export const SCIM_USER_ATTRIBUTES = Object.keys(scimUserInput.shape);

export const scimMember = z.strictObject({
  value: scimText(100),
  display: scimText(320).optional(),
  type: scimText(20).optional(),
  $ref: scimText(2048).nullable().optional(),
});

export const scimGroupInput = z.strictObject({
  schemas: schemasOf(SCIM_SCHEMA.group),
  id: z.unknown().optional(),
  meta: z.unknown().optional(),
  externalId: scimText(500).nullable().optional(),
  displayName: scimText(200).trim().min(1),
  members: z.array(scimMember).max(10_000).nullable().optional(),
});
export type ScimGroupInput = z.output<typeof scimGroupInput>;
export const SCIM_GROUP_ATTRIBUTES = Object.keys(scimGroupInput.shape);

export const scimPatchOperation = z.strictObject({
  /** Case-insensitive: Microsoft Entra ID sends "Add", "Replace", "Remove". */
  op: z
    .string()
    .regex(/^(add|replace|remove)$/i, 'must be add, replace or remove')
    .transform((o) => o.toLowerCase() as 'add' | 'replace' | 'remove'),
  path: scimText(500).optional(),
  value: z.unknown().optional(),
});
export type ScimPatchOperation = z.output<typeof scimPatchOperation>;

export const scimPatch = z.strictObject({
  schemas: schemasOf(SCIM_SCHEMA.patchOp),
  Operations: z.array(scimPatchOperation).min(1).max(1000),
});
export type ScimPatch = z.output<typeof scimPatch>;

/** GET /Users and /Groups: filter, 1-based startIndex, count (RFC 7644 3.4.2). */
export const scimListQuery = z.strictObject({
  filter: z.string().max(1000).optional(),
  startIndex: z.coerce.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
  count: z.coerce.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
  attributes: z.string().max(1000).optional(),
  excludedAttributes: z.string().max(1000).optional(),
});
/** GET one resource may name attributes too. */
export const scimGetQuery = scimListQuery.pick({ attributes: true, excludedAttributes: true });

/** A resource's `meta` (RFC 7643 3.1). */
export const scimMeta = z.object({ resourceType: z.string(), created: z.string(), lastModified: z.string(), location: z.string() });

/**
 * A SCIM User as the API answers it (RFC 7643 4.1). `attributes` / `excludedAttributes` project it:
 * only `schemas`, `id` and `meta` are always there.
 */
export const scimUserOutput = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  externalId: z.string().optional(),
  userName: z.string().optional(),
  name: z.object({ formatted: z.string(), givenName: z.string(), familyName: z.string() }).optional(),
  displayName: z.string().optional(),
  emails: z.array(z.object({ value: z.string(), type: z.string(), primary: z.boolean() })).optional(),
  active: z.boolean().optional(),
  groups: z.array(z.object({ value: z.string(), display: z.string(), $ref: z.string() })).optional(),
  meta: scimMeta,
});
export type ScimUserOutput = z.infer<typeof scimUserOutput>;

/** A SCIM Group (RFC 7643 4.2), projected like a User. */
export const scimGroupOutput = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  externalId: z.string().optional(),
  displayName: z.string().optional(),
  members: z.array(z.object({ value: z.string(), display: z.string(), type: z.string(), $ref: z.string() })).optional(),
  meta: scimMeta,
});
export type ScimGroupOutput = z.infer<typeof scimGroupOutput>;

/** A ListResponse (RFC 7644 3.4.2) of `resource`. */
export const scimListOutput = <T extends z.ZodType>(resource: T) =>
  z.object({ schemas: z.array(z.string()), totalResults: z.number(), startIndex: z.number(), itemsPerPage: z.number(), Resources: z.array(resource) });
export const scimUserListOutput = scimListOutput(scimUserOutput);
export const scimGroupListOutput = scimListOutput(scimGroupOutput);

/** The discovery documents (ServiceProviderConfig, ResourceTypes, Schemas; RFC 7643 5-7): their own schemas, kept open. */
export const scimDiscoveryDocument = z.looseObject({ schemas: z.array(z.string()) });
export type ScimDiscoveryDocument = z.infer<typeof scimDiscoveryDocument>;
export const scimDiscoveryListOutput = scimListOutput(scimDiscoveryDocument);
