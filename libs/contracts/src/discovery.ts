import { z } from 'zod';
import { DISCOVERY_FORMATS, DISCOVERY_IMPORT_STATUSES, PROVIDER_STATUSES } from './constants';
import { ruleGroupName, zoneName } from './policy';

/**
 * Shadow-AI discovery (docs/integrations/discovery.md): logs the organization already has are
 * imported as a stream; only AI hosts, counts and pseudonymised people are kept.
 */

/** POST /api/discovery/imports query: the body is the log file itself (any size, streamed). */
export const discoveryImportQuery = z.strictObject({
  format: z.enum(['auto', ...DISCOVERY_FORMATS], { message: `must be auto or one of ${DISCOVERY_FORMATS.join(', ')}` }).default('auto'),
  /** The file's name, as shown in the list of imports. */
  name: z
    .string()
    .max(255)
    // eslint-disable-next-line no-control-regex -- the pattern exists to refuse control characters
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
    .optional(),
  /** An id the client chose, to follow the import's progress (GET /api/discovery/imports?uploadId=) before the answer arrives. */
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _').optional(),
  /** The file's size in bytes, for the progress of an upload sent without Content-Length (chunked). */
  size: z.coerce.number().int().min(0).max(2 ** 50).optional(),
});
export type DiscoveryImportQuery = z.output<typeof discoveryImportQuery>;

export const discoveryImportOutput = z.object({
  id: z.string(),
  uploadId: z.string().nullable(),
  fileName: z.string().nullable(),
  format: z.enum(DISCOVERY_FORMATS).nullable(),
  status: z.enum(DISCOVERY_IMPORT_STATUSES),
  error: z.string().nullable(),
  totalBytes: z.number().nullable(),
  bytesProcessed: z.number(),
  lines: z.number(),
  records: z.number(),
  aiRecords: z.number(),
  ignoredLines: z.number(),
  badLines: z.number(),
  /** The first bad lines: their numbers and why (never their text). */
  badSamples: z.array(z.object({ line: z.number(), reason: z.string() })),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  namesShown: z.boolean(),
  createdBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type DiscoveryImportOutput = z.infer<typeof discoveryImportOutput>;

export const discoveryImportsQuery = z.strictObject({
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const day = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });

/** The Discovery page's filters: a UTC day range (default the last 30 days), a zone, a group. */
export const discoveryFilter = z
  .strictObject({
    since: day.optional(),
    until: day.optional(),
    zone: zoneName.optional(),
    group: ruleGroupName.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.since && v.until && v.since > v.until) ctx.addIssue({ code: 'custom', path: ['since'], message: 'since must not be after until' });
  });
export type DiscoveryFilter = z.output<typeof discoveryFilter>;

export const discoveredServiceOutput = z.object({
  /** `catalog:<slug>` or `known:<slug>`. */
  key: z.string(),
  slug: z.string(),
  name: z.string(),
  /** In the catalog (with its status), or a known AI service outside it (flagged for review). */
  inCatalog: z.boolean(),
  status: z.enum(PROVIDER_STATUSES).nullable(),
  /** For a known service outside the catalog: what it is, its domains and the source that says so. */
  known: z
    .object({ category: z.string(), domains: z.array(z.string()), source: z.object({ url: z.string(), kind: z.string(), asOf: z.string(), note: z.string().optional() }) })
    .nullable(),
  hosts: z.array(z.string()),
  requests: z.number(),
  /** Null when none of the logs recorded upload sizes. */
  bytesOut: z.number().nullable(),
  users: z.number(),
  zones: z.array(z.string()),
  firstSeen: z.string(),
  lastSeen: z.string(),
});
export type DiscoveredServiceOutput = z.infer<typeof discoveredServiceOutput>;

export const discoverySummaryOutput = z.object({
  since: z.string(),
  until: z.string(),
  totals: z.object({ services: z.number(), unknownServices: z.number(), requests: z.number(), bytesOut: z.number().nullable(), users: z.number(), imports: z.number() }),
  services: z.array(discoveredServiceOutput),
  /** Per UTC day: requests and bytes, in all and per service key. */
  byDay: z.array(z.object({ day: z.string(), requests: z.number(), bytesOut: z.number().nullable(), byService: z.record(z.string(), z.number()) })),
  /** Filter choices: the zones and groups present in the figures. */
  zones: z.array(z.string()),
  groups: z.array(z.string()),
});
export type DiscoverySummaryOutput = z.infer<typeof discoverySummaryOutput>;

/** GET/PUT /api/discovery/settings: people by name instead of keyed hashes in later imports. */
export const discoverySettings = z.strictObject({ showNames: z.boolean() });
export type DiscoverySettings = z.output<typeof discoverySettings>;

/** GET /api/discovery/known-services: AI services Airlock knows of outside the built-in catalog, with their sources. */
export const knownAiServicesOutput = z.object({
  version: z.string(),
  asOf: z.string(),
  services: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      domains: z.array(z.string()),
      category: z.string(),
      source: z.object({ url: z.string(), kind: z.enum(['provider', 'third_party']), asOf: z.string(), note: z.string().optional() }),
    }),
  ),
});
export type KnownAiServicesOutput = z.infer<typeof knownAiServicesOutput>;
