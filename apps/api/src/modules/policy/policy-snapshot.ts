import { createHash } from 'node:crypto';
import type { OrgSettings } from '@airlock/contracts';
import { canonicalJson, type CatalogProvider, type Channel, type NetworkZone, type PolicyRule } from '@airlock/policy-engine';
import type { Conditions } from '@airlock/policy-engine';
import type { CustomDetector, Prisma, NetworkZone as ZoneRow, PolicyRule as RuleRow, Provider } from '../../generated/prisma/client';

/** A custom detector as the detectors lib takes it. */
export interface DetectorSnapshot {
  id: string;
  name: string;
  kind: 'keywords' | 'dictionary' | 'regex';
  dataClass: string;
  patterns: string[];
  caseSensitive: boolean;
  wholeWord: boolean;
  enabled: boolean;
}

/**
 * Everything a published policy version freezes: the rules and the catalog, zones, detectors and
 * settings they were compiled against. The decision path compiles exactly this.
 */
export interface PolicySnapshot {
  rules: PolicyRule[];
  catalog: CatalogProvider[];
  zones: NetworkZone[];
  detectors: DetectorSnapshot[];
  settings: OrgSettings;
}

export function ruleFromRow(r: RuleRow): PolicyRule {
  return {
    id: r.ruleId,
    priority: r.priority,
    enabled: r.enabled,
    ...(r.description ? { description: r.description } : {}),
    when: (r.conditions ?? {}) as Conditions,
    unless: (r.exceptions ?? []) as Conditions[],
    effect: r.effect,
    message: r.message,
    ...(r.guidanceUrl ? { guidanceUrl: r.guidanceUrl } : {}),
  };
}

/** The inverse of ruleFromRow: an engine rule as a draft row of the organization. */
export function ruleToRow(organizationId: string, r: PolicyRule): Prisma.PolicyRuleUncheckedCreateInput {
  return {
    organizationId,
    ruleId: r.id,
    priority: r.priority,
    enabled: r.enabled,
    description: r.description ?? null,
    conditions: r.when as unknown as Prisma.InputJsonValue,
    exceptions: (r.unless ?? []) as unknown as Prisma.InputJsonValue,
    effect: r.effect,
    message: r.message,
    guidanceUrl: r.guidanceUrl ?? null,
  };
}

export function providerFromRow(p: Provider): CatalogProvider {
  return {
    slug: p.slug,
    name: p.name,
    ...(p.vendor ? { vendor: p.vendor } : {}),
    status: p.status,
    ...(p.statusReason ? { statusReason: p.statusReason } : {}),
    domains: p.domains,
    channels: p.channels as Channel[],
    hqCountry: p.hqCountry ?? '',
    dataCountries: p.dataCountries,
    trainsOnInputs: p.trainsOnInputs,
    zeroRetentionOffer: p.zeroRetentionOffer,
    riskScore: p.riskScore,
  };
}

export function zoneFromRow(z: ZoneRow): NetworkZone {
  return { name: z.name, cidrs: z.cidrs };
}

export function detectorFromRow(d: CustomDetector): DetectorSnapshot {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    dataClass: d.dataClass,
    patterns: d.patterns,
    caseSensitive: d.caseSensitive,
    wholeWord: d.wholeWord,
    enabled: d.enabled,
  };
}

/** SHA-256 of the canonical snapshot: equal content, equal hash, whatever the row order. */
export function snapshotHash(s: PolicySnapshot): string {
  const sorted = {
    rules: [...s.rules].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)),
    catalog: [...s.catalog].sort((a, b) => a.slug.localeCompare(b.slug)),
    zones: [...s.zones].sort((a, b) => a.name.localeCompare(b.name)),
    detectors: [...s.detectors].sort((a, b) => a.name.localeCompare(b.name)),
    settings: s.settings,
  };
  return createHash('sha256').update(canonicalJson(sorted)).digest('hex');
}
