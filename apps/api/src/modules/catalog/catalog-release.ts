import { CATALOG_FACT_FIELDS, type CatalogFactChange, type CatalogFactField, type providerSource } from '@airlock/contracts';
import type { z } from 'zod';
import type { RiskFactor } from '@airlock/policy-engine';

/**
 * How a built-in catalog release reaches an organization's copy (pure: no Prisma, no Nest).
 *
 * Three values per fact: the organization's current value, the baseline (the built-in value the
 * last release applied) and the new release's value. A fact whose current value differs from its
 * baseline is the organization's own edit and is never overwritten; any other fact takes the
 * release's value. Status and status reason are not facts: a release never touches them.
 */

export type Facts = Record<CatalogFactField, unknown>;
type Source = z.infer<typeof providerSource>;

/** A built-in catalog entry as facts, with the defaults the contract gives missing fields. */
export function factsOfEntry(entry: Record<string, unknown>): Facts {
  const listDefault = new Set(['domains', 'channels', 'dataCountries', 'collects', 'sharesWith', 'certifications', 'sources', 'unknownFacts', 'accountTypes', 'sharedHosts']);
  const out = {} as Facts;
  for (const f of CATALOG_FACT_FIELDS) {
    const v = entry[f];
    out[f] = v === undefined ? (listDefault.has(f) ? [] : f === 'zeroRetentionOffer' ? false : null) : v;
  }
  return out;
}

/** Canonical JSON (sorted keys) so two equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
export const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** Which source topic backs a field, so a change can name its source. */
const FIELD_TOPIC: Partial<Record<CatalogFactField, string>> = {
  trainsOnInputs: 'training',
  retention: 'retention',
  retentionDays: 'retention',
  zeroRetentionOffer: 'retention',
  dataCountries: 'storage',
  hqCountry: 'storage',
  sharesWith: 'sharing',
  collects: 'collection',
  certifications: 'certifications',
  domains: 'domains',
  sharedHosts: 'domains',
  accountTypes: 'account_types',
};

const FIELD_LABEL: Partial<Record<CatalogFactField, string>> = {
  trainsOnInputs: 'training on inputs',
  retentionDays: 'retention (days)',
  zeroRetentionOffer: 'zero-retention offer',
  dataCountries: 'storage countries',
  hqCountry: 'headquarters',
  sharesWith: 'sharing',
  collects: 'data collected',
  enterpriseOffering: 'enterprise offering',
  accountTypes: 'account types',
  sharedHosts: 'shared hosts',
  unknownFacts: 'unknown facts',
};

export function sourceFor(field: CatalogFactField, sources: unknown): Source | null {
  const topic = FIELD_TOPIC[field];
  if (!topic || !Array.isArray(sources)) return null;
  const matching = (sources as Source[]).filter((s) => s && s.topic === topic);
  if (!matching.length) return null;
  return [...matching].sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0))[0]!;
}

function short(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.length ? value.join(', ') : 'none';
    return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** "Mistral Le Chat: training on inputs changed from no to opt_out, source https://…". */
export function describeChange(c: Omit<CatalogFactChange, 'summary'>): string {
  const label = FIELD_LABEL[c.field as CatalogFactField] ?? c.field;
  const src = c.source ? `, source ${c.source.url ?? `${c.source.kind ?? 'audit'} (${c.source.asOf})`}` : '';
  switch (c.outcome) {
    case 'added':
      return `${c.name}: added to the catalog (under review)${src}`;
    case 'withdrawn':
      return `${c.name}: no longer in the built-in catalog; your entry and its status are kept`;
    case 'kept_own_edit':
      return `${c.name}: the catalog now says ${label} is ${short(c.to)}; your own value (${short(c.from)}) is kept${src}`;
    case 'applied':
      return `${c.name}: ${label} changed from ${short(c.from)} to ${short(c.to)}${src}`;
  }
}

export interface MergeInput {
  slug: string;
  name: string;
  current: Facts;
  /** The built-in facts the last release applied; null for rows seeded before releases were tracked. */
  baseline: Facts | null;
  /** For rows without a baseline: the fields the organization edited (from its audit log). */
  editedFields: ReadonlySet<string>;
  next: Facts;
}

export interface MergeResult {
  /** Only the fields to write. */
  update: Partial<Facts>;
  changes: (CatalogFactChange & { summary: string })[];
}

export function mergeRelease(input: MergeInput): MergeResult {
  const update: Partial<Facts> = {};
  const changes: (CatalogFactChange & { summary: string })[] = [];
  for (const field of CATALOG_FACT_FIELDS) {
    const cur = input.current[field];
    const nxt = input.next[field];
    if (same(cur, nxt)) continue;
    const base = input.baseline ? input.baseline[field] : undefined;
    const edited = input.baseline ? !same(cur, base) : input.editedFields.has(field);
    const source = sourceFor(field, input.next.sources);
    if (edited) {
      // The catalog did not change this fact since the organization edited it: nothing to say.
      if (input.baseline && same(base, nxt)) continue;
      const c = { slug: input.slug, name: input.name, field, from: cur, to: nxt, source, outcome: 'kept_own_edit' as const };
      changes.push({ ...c, summary: describeChange(c) });
      continue;
    }
    update[field] = nxt;
    // Sources are listed with each change they back; their own churn is not a change to review.
    if (field === 'sources') continue;
    const c = { slug: input.slug, name: input.name, field, from: cur, to: nxt, source, outcome: 'applied' as const };
    changes.push({ ...c, summary: describeChange(c) });
  }
  return { update, changes };
}

/** Which fields an organization changed, from the before/after of its provider.update audit events. */
export function editedFieldsFromAudit(events: readonly { before: unknown; after: unknown }[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    for (const f of CATALOG_FACT_FIELDS) if (f in after && !same(before[f], after[f])) out.add(f);
  }
  return out;
}

export interface RiskChange {
  slug: string;
  name: string;
  from: number;
  to: number;
  added: RiskFactor[];
  removed: RiskFactor[];
  explanation: string;
}

/** Why a risk score moved: the factors that appeared or went away. */
export function explainRiskChange(slug: string, name: string, from: { score: number; factors: RiskFactor[] }, to: { score: number; factors: RiskFactor[] }): RiskChange | null {
  const key = (f: RiskFactor) => `${f.id}:${f.points}`;
  const before = new Set(from.factors.map(key));
  const after = new Set(to.factors.map(key));
  const added = to.factors.filter((f) => !before.has(key(f)));
  const removed = from.factors.filter((f) => !after.has(key(f)));
  if (from.score === to.score && !added.length && !removed.length) return null;
  const parts = [
    ...added.map((f) => `${f.points > 0 ? '+' : ''}${f.points}: ${f.explanation}`),
    ...removed.map((f) => `no longer ${f.points > 0 ? '+' : ''}${f.points}: ${f.explanation}`),
  ];
  return { slug, name, from: from.score, to: to.score, added, removed, explanation: `${name}: risk ${from.score} → ${to.score}. ${parts.join(' ')}`.trim() };
}

/**
 * How old a profile's key facts are: for each of training, retention and storage the newest source,
 * then the oldest of those three (null when none is sourced).
 */
export function oldestKeySourceAsOf(sources: unknown): string | null {
  if (!Array.isArray(sources)) return null;
  const newest = new Map<string, string>();
  for (const s of sources as Source[]) {
    if (!s || !s.topic || !['training', 'retention', 'storage'].includes(s.topic)) continue;
    const prev = newest.get(s.topic!);
    if (!prev || s.asOf > prev) newest.set(s.topic!, s.asOf);
  }
  if (!newest.size) return null;
  return [...newest.values()].sort()[0]!;
}

export function isStale(asOf: string | null, maxAgeDays: number, now = new Date()): boolean {
  if (!asOf) return false;
  return now.getTime() - Date.parse(`${asOf}T00:00:00Z`) > maxAgeDays * 86_400_000;
}
