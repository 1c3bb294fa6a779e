import { z } from 'zod';
import { line, slug, text, updateOf } from './common';
import { API_SCOPES } from './constants';

export const apiScope = z.enum(API_SCOPES);

export const apiClientCreate = z.strictObject({
  name: line(100),
  description: text(1000).nullable().optional(),
  scopes: z
    .array(apiScope)
    .min(1)
    .max(API_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'must not repeat a scope')
    .refine((s) => !s.includes('scim') || s.length === 1, 'the scim scope must be the only scope of its client (use a separate client for decisions)'),
  /** Requests per minute; null: not throttled. */
  rateLimitPerMinute: z.number().int().min(1).max(10_000_000).nullable().default(null),
  /**
   * What the client may assert in a decision request (docs/security.md, "What a decision request
   * trusts"). A new client may assert nothing unless told: its subjects' groups come from the
   * directory and its zones from its connection's address. Clients created before these settings
   * existed (and the bootstrap key) may assert everything, as they could before.
   */
  mayAssertGroups: z.boolean().default(false),
  /** `context.ip` accepted (a proxy or gateway deciding for others); else the connection's address is used. */
  mayAssertIp: z.boolean().default(false),
  /** Zones the client may name in `context.networkZone`: "any", or a list of zone names ([] = none). */
  mayAssertZones: z
    .union([z.literal('any'), z.array(slug).max(100).refine((s) => new Set(s).size === s.length, 'must not repeat a zone')])
    .default([]),
  /** When the first key expires (ISO date-time in the future); null: never. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export const apiClientUpdate = updateOf(apiClientCreate.omit({ expiresAt: true }), ['keys', 'revokedAt', 'lastUsedAt', 'expiresAt', 'keyPrefix']);
export const apiKeyRotate = z.strictObject({
  /** How long the previous keys keep working, so clients can switch without downtime. */
  overlapHours: z.number().min(0).max(24 * 30).default(24),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

/** One key of an API client as the API shows it: its prefix only, never the key or its hash. */
export const apiKeyOutput = z.object({
  id: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Neither revoked nor expired. */
  active: z.boolean(),
});
export type ApiKeyOutput = z.infer<typeof apiKeyOutput>;

/** An API client as the API shows it (GET /api/api-clients). */
export const apiClientOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The scopes as stored (API_SCOPES when written through this API). */
  scopes: z.array(z.string()),
  rateLimitPerMinute: z.number().nullable(),
  mayAssertGroups: z.boolean(),
  mayAssertIp: z.boolean(),
  mayAssertZones: z.union([z.literal('any'), z.array(z.string())]),
  revokedAt: z.string().nullable(),
  /** The latest use of any of its keys. */
  lastUsedAt: z.string().nullable(),
  /** The prefix of an active key, to recognise it in logs. */
  keyPrefix: z.string().nullable(),
  keys: z.array(apiKeyOutput),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApiClientOutput = z.infer<typeof apiClientOutput>;
/** The create and rotate answers: the client and its new key, shown this once. */
export const apiClientWithKeyOutput = apiClientOutput.extend({ key: z.string() });
export type ApiClientWithKeyOutput = z.infer<typeof apiClientWithKeyOutput>;
