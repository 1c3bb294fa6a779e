import { createHash } from 'node:crypto';
import type { OrgSettings } from '@airlock/contracts';
import { canonicalJson, type CatalogProvider, type Channel, type NetworkZone, type PolicyRule } from '@airlock/policy-engine';
import type { Conditions } from '@airlock/policy-engine';
import type { CustomDetector, DataClass, Group, Prisma, NetworkZone as ZoneRow, PolicyRule as RuleRow, Provider } from '../../generated/prisma/client';

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

/** A group as a version records it: the name rules use, and the SSO groups that put people in it. */
export interface GroupSnapshot {
  name: string;
  description?: string;
  /** SSO group claim values that map to it, sorted. */
  ssoGroups: string[];
}

/** A data class as a version records it: the key rules and detectors use, and the name people read. */
export interface DataClassSnapshot {
  key: string;
  name: string;
  description?: string;
  builtin: boolean;
}

/**
 * The directory's part of a version: groups and data classes. They are in force when saved (a group's
 * SSO mapping at the next sign-in, a class's name at once), not at a publish; a version records them
 * as they were when it was published, so the publish preview and the version diff show their changes.
 */
export interface DirectorySnapshot {
  groups: GroupSnapshot[];
  dataClasses: DataClassSnapshot[];
}

/**
 * Everything a published policy version freezes: the rules and the catalog, zones, detectors and
 * settings they were compiled against (the decision path compiles exactly these), and the directory
 * (groups, data classes) as it was. `directory` is missing in versions published before it was
 * recorded.
 */
export interface PolicySnapshot {
  rules: PolicyRule[];
  catalog: CatalogProvider[];
  zones: NetworkZone[];
  detectors: DetectorSnapshot[];
  settings: OrgSettings;
  directory?: DirectorySnapshot;
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

export function groupFromRow(g: Pick<Group, 'name' | 'description' | 'ssoGroups'>): GroupSnapshot {
  return { name: g.name, ...(g.description ? { description: g.description } : {}), ssoGroups: [...g.ssoGroups].sort() };
}

export function dataClassFromRow(c: Pick<DataClass, 'key' | 'name' | 'description' | 'builtin'>): DataClassSnapshot {
  return { key: c.key, name: c.name, ...(c.description ? { description: c.description } : {}), builtin: c.builtin };
}

/**
 * SHA-256 of the canonical snapshot: equal content, equal hash, whatever the row order. The
 * directory counts when the snapshot has one (`withDirectory`, the default), so a version published
 * before it was recorded keeps its hash; pass false to compare such a version with a newer snapshot.
 */
export function snapshotHash(s: PolicySnapshot, withDirectory = true): string {
  const sorted = {
    rules: [...s.rules].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)),
    catalog: [...s.catalog].sort((a, b) => a.slug.localeCompare(b.slug)),
    zones: [...s.zones].sort((a, b) => a.name.localeCompare(b.name)),
    detectors: [...s.detectors].sort((a, b) => a.name.localeCompare(b.name)),
    settings: s.settings,
    ...(withDirectory && s.directory
      ? {
          directory: {
            groups: [...s.directory.groups].sort((a, b) => a.name.localeCompare(b.name)),
            dataClasses: [...s.directory.dataClasses].sort((a, b) => a.key.localeCompare(b.key)),
          },
        }
      : {}),
  };
  return createHash('sha256').update(canonicalJson(sorted)).digest('hex');
}

/** Whether two snapshots hold the same content (the directory compared only when both recorded it). */
export function sameSnapshot(a: PolicySnapshot, b: PolicySnapshot): boolean {
  const both = Boolean(a.directory && b.directory);
  return snapshotHash(a, both) === snapshotHash(b, both);
}
