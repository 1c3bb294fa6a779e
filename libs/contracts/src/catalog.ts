import { z } from 'zod';
import { countryCode, httpsUrl, isoDate, line, slug, text, updateOf } from './common';
import { COLLECTED_DATA, DETECTOR_KINDS } from './constants';
import { channel, providerStatus, trainsOnInputs } from './policy';

/** A host name or a "*." wildcard, as the catalog stores domains (IDN allowed, IP literals too). */
export const domainPattern = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine((d) => !/[\s/?#@]/.test(d) && !/^[a-z]+:/i.test(d), 'must be a host name or *.domain, without scheme or path')
  .refine((d) => !d.slice(d.startsWith('*.') ? 2 : 0).includes('*'), 'only a leading "*." wildcard is allowed');

export const providerSource = z.strictObject({ fact: line(200), url: httpsUrl, asOf: isoDate });

const providerFields = {
  slug,
  name: line(200),
  vendor: line(300).nullable().optional(),
  description: text(4000).nullable().optional(),
  website: httpsUrl.nullable().optional(),
  domains: z.array(domainPattern).min(1).max(200),
  channels: z.array(channel).max(6).default([]),
  hqCountry: countryCode.nullable().optional(),
  dataCountries: z.array(countryCode).max(100).default([]),
  trainsOnInputs,
  retention: text(2000).nullable().optional(),
  retentionDays: z.number().int().min(0).max(36_500).nullable().optional(),
  zeroRetentionOffer: z.boolean().default(false),
  collects: z.array(z.enum(COLLECTED_DATA)).max(COLLECTED_DATA.length).default([]),
  sharesWith: z.array(line(300)).max(50).default([]),
  certifications: z.array(line(100)).max(50).default([]),
  enterpriseOffering: text(2000).nullable().optional(),
  notes: text(8000).nullable().optional(),
  sources: z.array(providerSource).max(50).default([]),
  status: providerStatus.default('under_review'),
  statusReason: text(2000).nullable().optional(),
};

export const providerCreate = z.strictObject(providerFields);
export const providerUpdate = updateOf(providerCreate, ['statusChangedAt', 'riskScore', 'riskFactors', 'builtin', 'catalogVersion']);
export type ProviderCreate = z.infer<typeof providerCreate>;

/** The built-in catalog file (prisma/seed/catalog.json). */
export const builtinCatalog = z.object({
  catalogVersion: z.string(),
  providers: z.array(
    z.object({
      ...providerFields,
      status: providerStatus.optional(),
      slug: z.string(),
      retentionDays: z.number().int().nullable(),
      website: z.string().nullable().optional(),
    }),
  ),
});

export const blockNowInput = z.strictObject({ reason: line(1000) });

export const zoneInput = z.strictObject({
  name: slug,
  description: text(1000).nullable().optional(),
  cidrs: z.array(z.union([z.cidrv4(), z.cidrv6()], { error: 'must be an IPv4 or IPv6 CIDR (e.g. 10.0.0.0/8, fd00::/8)' })).min(1).max(1000),
});
export const zoneUpdate = updateOf(zoneInput);

export const groupInput = z.strictObject({
  name: slug,
  description: text(1000).nullable().optional(),
  ssoGroups: z.array(line(256)).max(100).default([]),
});
/** A group's name is what rules and users refer to: it cannot change (create a new group instead). */
export const groupUpdate = updateOf(groupInput.omit({ name: true }), ['name']);

export const dataClassInput = z.strictObject({
  key: slug,
  name: line(100),
  description: text(1000).nullable().optional(),
});
export const dataClassUpdate = updateOf(dataClassInput.omit({ key: true }), ['key', 'builtin']);

export const detectorInput = z.strictObject({
  name: line(100),
  description: text(1000).nullable().optional(),
  kind: z.enum(DETECTOR_KINDS),
  dataClass: slug,
  patterns: z.array(z.string().min(1).max(1000)).min(1).max(100_000),
  caseSensitive: z.boolean().default(false),
  wholeWord: z.boolean().default(true),
  enabled: z.boolean().default(true),
});
export const detectorUpdate = updateOf(detectorInput, ['patternCount']);
export const detectorTestInput = z.strictObject({
  sample: z.string().max(100_000),
  detector: detectorInput.optional(),
});

/** A catalog entry as the API shows it (GET /api/providers). */
export const providerOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  vendor: z.string().nullable(),
  description: z.string().nullable(),
  website: z.string().nullable(),
  domains: z.array(z.string()),
  channels: z.array(z.string()),
  hqCountry: z.string().nullable(),
  dataCountries: z.array(z.string()),
  trainsOnInputs: trainsOnInputs,
  retention: z.string().nullable(),
  retentionDays: z.number().nullable(),
  zeroRetentionOffer: z.boolean(),
  collects: z.array(z.string()),
  sharesWith: z.array(z.string()),
  certifications: z.array(z.string()),
  enterpriseOffering: z.string().nullable(),
  notes: z.string().nullable(),
  /** [{ fact, url, asOf }] (providerSource). */
  sources: z.unknown(),
  status: providerStatus,
  statusReason: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  riskScore: z.number(),
  /** Why the score is what it is: [{ factor, points, detail }]. */
  riskFactors: z.unknown(),
  builtin: z.boolean(),
  catalogVersion: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProviderOutput = z.infer<typeof providerOutput>;
