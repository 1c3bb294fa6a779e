import type { CatalogProvider, NetworkZone, PolicyException, PolicyRule } from '@airlock/policy-engine';
import { z } from 'zod';
import { DETECTOR_KINDS, type DetectorKind, EFFECTS, PROVIDER_STATUSES } from './constants';
import { bundleException } from './extension';

/** One exception as /v1/bundle carries it: a person by the directory's salted hash of the e-mail, never in clear. */
export type BundleException = Omit<PolicyException, 'subjectEmail'>;

/**
 * The organization's people and their groups, hashed (GET /v1/bundle `directory`): a client can
 * resolve a subject's groups locally without learning who is in the organization.
 */
export interface DirectoryBundle {
  /** Per organization and installation (base64url); hashes of one organization mean nothing in another. */
  salt: string;
  groups: string[];
  /** Subject key (libs/sdk subjectKey) → indexes into `groups`. */
  subjects: Record<string, number[]>;
}

/** A custom detector as the bundle carries it (enabled ones only). */
export interface BundleDetector {
  id: string;
  name: string;
  kind: DetectorKind;
  dataClass: string;
  patterns: string[];
  caseSensitive: boolean;
  wholeWord: boolean;
  enabled: boolean;
}

/**
 * What GET /v1/bundle returns: the published policy version as the server compiled it, for local
 * evaluation (libs/sdk LocalDecider). The server's handler is typed with it and the SDK imports it,
 * so the two cannot drift apart.
 */
export interface PolicyBundle {
  policyVersion: number;
  contentHash: string;
  publishedAt: string;
  rules: PolicyRule[];
  catalog: CatalogProvider[];
  zones: NetworkZone[];
  detectors: {
    classes: string[];
    settings: {
      allowEmailDomains: string[];
      markings: string[];
      defaultPhoneRegion: string;
      /** absent from servers before they existed */
      allowedValues?: { value: string; dataClass?: string }[];
      classThresholds?: Record<string, number>;
    };
    custom: BundleDetector[];
  };
  settings: { restrictedJurisdictions: string[]; decisionTtlSeconds: number };
  /** The organization's people and their groups, hashed (absent from servers before it existed). */
  directory?: DirectoryBundle;
  /** What the key's API client may assert (absent from servers before it existed: everything). */
  client?: { mayAssertGroups: boolean; mayAssertIp: boolean; mayAssertZones: 'any' | string[] };
  /**
   * Time-limited exceptions in force (absent from servers before they existed): people by the
   * directory's salted hash of their e-mail (subjectKey), each with its expiry, checked at decision time.
   */
  exceptions?: BundleException[];
  /**
   * Host patterns (exact `a.b` or `*.a.b`) beyond the catalog where a client that watches a fixed
   * set of hosts (the browser extension) must watch too: the known AI services outside the catalog
   * (the dated list the server ships) when an enabled rule matches unknown AI destinations
   * (`unknownAiDestination: true`, `providerStatus: ['unknown']`, or a `noneOf` about the service that
   * such a destination passes, e.g. `noneOf.providerStatus: ['approved']`), else empty. A request there is
   * decided as an unknown AI destination. Absent from servers before it existed.
   */
  watchHosts?: string[];
}

/**
 * The bundle's outline for the OpenAPI document: the engine's rule, provider and zone objects are
 * described by libs/policy-engine's types (PolicyBundle above), not repeated here.
 */
export const policyBundleOutput = z.object({
  policyVersion: z.number(),
  contentHash: z.string(),
  publishedAt: z.string(),
  rules: z
    .array(z.looseObject({ id: z.string(), priority: z.number(), enabled: z.boolean(), effect: z.enum(EFFECTS), message: z.string() }))
    .describe('The published rules (libs/policy-engine PolicyRule: also when, unless, description, guidanceUrl)'),
  catalog: z
    .array(z.looseObject({ slug: z.string(), name: z.string(), status: z.enum(PROVIDER_STATUSES), domains: z.array(z.string()) }))
    .describe('The catalog the rules were compiled against (libs/policy-engine CatalogProvider)'),
  zones: z.array(z.object({ name: z.string(), cidrs: z.array(z.string()) })),
  detectors: z.object({
    classes: z.array(z.string()),
    settings: z.object({
      allowEmailDomains: z.array(z.string()),
      markings: z.array(z.string()),
      defaultPhoneRegion: z.string(),
      allowedValues: z.array(z.object({ value: z.string(), dataClass: z.string().optional() })).optional(),
      classThresholds: z.record(z.string(), z.number()).optional(),
    }),
    custom: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(DETECTOR_KINDS),
        dataClass: z.string(),
        patterns: z.array(z.string()),
        caseSensitive: z.boolean(),
        wholeWord: z.boolean(),
        enabled: z.boolean(),
      }),
    ),
  }),
  settings: z.object({ restrictedJurisdictions: z.array(z.string()), decisionTtlSeconds: z.number() }),
  directory: z.object({ salt: z.string(), groups: z.array(z.string()), subjects: z.record(z.string(), z.array(z.number())) }).optional(),
  client: z.object({ mayAssertGroups: z.boolean(), mayAssertIp: z.boolean(), mayAssertZones: z.union([z.literal('any'), z.array(z.string())]) }).optional(),
  exceptions: z.array(bundleException).optional(),
  watchHosts: z.array(z.string()).optional().describe('Hosts beyond the catalog to watch as unknown AI destinations (the known AI services list, when a rule matches unknown AI destinations)'),
});

/**
 * Compile-time check: every PolicyBundle fits the outline the document publishes (rules and catalog
 * entries are open objects there: the spread gives them the index signature an interface lacks).
 */
export const _bundleFitsOutline = (bundle: PolicyBundle): z.infer<typeof policyBundleOutput> => ({
  ...bundle,
  rules: bundle.rules.map((r) => ({ ...r })),
  catalog: bundle.catalog.map((c) => ({ ...c })),
});
