import { Injectable, Logger } from '@nestjs/common';
import { type CatalogFactChange, type CatalogReleaseOutput, type CatalogReviewOutput, type CatalogRiskChange, readOrgSettings } from '@airlock/contracts';
import { computeRiskScore, type RiskFactor } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { Prisma, Provider } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { type BuiltinCatalog, loadBuiltinCatalog } from '../bootstrap/builtin-catalog';
import { providerFromRow } from '../policy/policy-snapshot';
import { PolicyService } from '../policy/policy.service';
import {
  describeChange,
  editedFieldsFromAudit,
  explainRiskChange,
  type Facts,
  factsOfEntry,
  isStale,
  mergeRelease,
  oldestKeySourceAsOf,
  type RiskChange,
  sourceFor,
} from './catalog-release';
import { CatalogReleaseRepository } from './catalog-release.repository';

export const CATALOG_RELEASE_ACTOR: Actor = { type: 'system', id: null, label: 'system (catalog release)' };

type Entry = BuiltinCatalog['providers'][number];

function riskOf(f: Facts, restrictedJurisdictions: string[]) {
  return computeRiskScore(
    {
      hqCountry: (f.hqCountry as string | null) ?? '',
      dataCountries: (f.dataCountries as string[]) ?? [],
      trainsOnInputs: f.trainsOnInputs as 'yes' | 'opt_out' | 'no',
      zeroRetentionOffer: Boolean(f.zeroRetentionOffer),
      retentionDays: (f.retentionDays as number | null) ?? null,
      collects: (f.collects as string[]) ?? [],
      sharesWith: (f.sharesWith as string[]) ?? [],
      certifications: (f.certifications as string[]) ?? [],
    },
    { restrictedJurisdictions },
  );
}

function factsOfRow(p: Provider): Facts {
  return factsOfEntry(p as unknown as Record<string, unknown>);
}

/** The Prisma data for a new built-in row (every organization's copy starts under review). */
export function builtinRowData(organizationId: string, entry: Entry, releaseId: string, restrictedJurisdictions: string[]): Prisma.ProviderUncheckedCreateInput {
  const facts = factsOfEntry(entry as unknown as Record<string, unknown>);
  const risk = riskOf(facts, restrictedJurisdictions);
  return {
    organizationId,
    slug: entry.slug,
    name: entry.name,
    vendor: entry.vendor ?? null,
    description: entry.description ?? null,
    website: entry.website ?? null,
    domains: entry.domains,
    channels: entry.channels,
    hqCountry: entry.hqCountry ?? null,
    dataCountries: entry.dataCountries,
    trainsOnInputs: entry.trainsOnInputs,
    retention: entry.retention ?? null,
    retentionDays: entry.retentionDays,
    zeroRetentionOffer: entry.zeroRetentionOffer,
    collects: entry.collects,
    sharesWith: entry.sharesWith,
    certifications: entry.certifications,
    enterpriseOffering: entry.enterpriseOffering ?? null,
    notes: entry.notes ?? null,
    sources: entry.sources as Prisma.InputJsonValue,
    unknownFacts: entry.unknownFacts as Prisma.InputJsonValue,
    accountTypes: entry.accountTypes as Prisma.InputJsonValue,
    sharedHosts: entry.sharedHosts as Prisma.InputJsonValue,
    catalogBaseline: facts as Prisma.InputJsonValue,
    status: 'under_review',
    riskScore: risk.score,
    riskFactors: risk.factors as unknown as Prisma.InputJsonValue,
    builtin: true,
    catalogVersion: releaseId,
  };
}

function updateData(update: Partial<Facts>): Prisma.ProviderUncheckedUpdateInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(update)) out[k] = v;
  return out as Prisma.ProviderUncheckedUpdateInput;
}

export interface AppliedRelease {
  organizationId: string;
  releaseId: string;
  changes: number;
  riskChanges: number;
  added: number;
}

/**
 * Built-in catalog releases reaching organizations. At every start, each organization whose copy
 * does not have the release yet gets it: facts updated (never statuses, never the organization's own
 * edits), new services added under review, risk scores recomputed with the reason they moved, and a
 * CatalogUpdate row listing what changed for an admin to review. The (organization, release) row is
 * unique and written under an advisory lock, so instances starting together apply it once.
 */
@Injectable()
export class CatalogReleaseService {
  private readonly logger = new Logger('CatalogRelease');

  constructor(
    private readonly transactions: Transactions,
    private readonly repo: CatalogReleaseRepository,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
  ) {}

  /** Applies the built-in release to every organization that does not have it (idempotent). */
  async applyToAll(catalog: BuiltinCatalog = loadBuiltinCatalog()): Promise<AppliedRelease[]> {
    const results: AppliedRelease[] = [];
    for (const org of await this.repo.organizationsWithout(catalog.catalogVersion)) {
      const applied = await this.applyToOrganization(org.id, catalog);
      if (!applied) continue;
      results.push(applied);
      if (applied.changes || applied.added) {
        this.logger.log(`Catalog release ${applied.releaseId} reached organization ${org.id}: ${applied.changes} changes, ${applied.added} new services, ${applied.riskChanges} risk scores moved`);
      }
    }
    return results;
  }

  /** Records, for a newly created organization, that its copy is the current release (nothing to review). */
  async recordInitialSeed(organizationId: string, catalog: BuiltinCatalog): Promise<void> {
    await this.repo.create({
      organizationId,
      releaseId: catalog.catalogVersion,
      releaseDate: catalog.releaseDate ?? null,
      previousRelease: null,
      changes: [],
      riskChanges: [],
      reviewedAt: new Date(),
      reviewNote: 'first seed',
    });
  }

  async applyToOrganization(organizationId: string, catalog: BuiltinCatalog): Promise<AppliedRelease | null> {
    const releaseId = catalog.catalogVersion;
    const result = await this.transactions.run(
      async () => {
        await this.repo.lock();
        if (await this.repo.hasRelease(organizationId, releaseId)) return null;
        const settings = readOrgSettings((await this.repo.orgSettings(organizationId)).settings);
        const previous = await this.repo.latest(organizationId);
        const rows = await this.repo.builtinProviders(organizationId);
        const ownSlugs = new Set((await this.repo.allSlugs(organizationId)).map((r) => r.slug));
        const legacy = rows.filter((r) => r.catalogBaseline === null);
        const edits = legacy.length ? await this.repo.providerEdits(organizationId, legacy.map((r) => r.id)) : [];
        const entries = new Map(catalog.providers.map((p) => [p.slug, p]));

        const changes: ReturnType<typeof mergeRelease>['changes'] = [];
        const riskChanges: RiskChange[] = [];
        const touched: Provider[] = [];
        for (const row of rows) {
          const entry = entries.get(row.slug);
          if (!entry) {
            // Withdrawn from the built-in catalog: the organization's entry and its status stay.
            if (row.catalogVersion !== 'withdrawn') {
              const c = { slug: row.slug, name: row.name, field: 'entry', from: row.catalogVersion, to: null, source: null, outcome: 'withdrawn' as const };
              changes.push({ ...c, summary: describeChange(c) });
              await this.repo.markWithdrawn(organizationId, row.id);
            }
            continue;
          }
          const next = factsOfEntry(entry as unknown as Record<string, unknown>);
          const current = factsOfRow(row);
          const edited = row.catalogBaseline === null ? editedFieldsFromAudit(edits.filter((e) => e.entityId === row.id)) : new Set<string>();
          const merged = mergeRelease({ slug: row.slug, name: row.name, current, baseline: (row.catalogBaseline as Facts | null) ?? null, editedFields: edited, next });
          changes.push(...merged.changes);
          const after = { ...current, ...merged.update } as Facts;
          const risk = riskOf(after, settings.restrictedJurisdictions);
          const riskChange = explainRiskChange(row.slug, row.name, { score: row.riskScore, factors: (row.riskFactors as unknown as RiskFactor[]) ?? [] }, risk);
          if (riskChange) riskChanges.push(riskChange);
          const updated = await this.repo.updateProvider(organizationId, row.id, {
            ...updateData(merged.update),
            catalogBaseline: next as Prisma.InputJsonValue,
            catalogVersion: releaseId,
            riskScore: risk.score,
            riskFactors: risk.factors as unknown as Prisma.InputJsonValue,
          });
          if (Object.keys(merged.update).length || riskChange) touched.push(updated);
        }

        const added: Provider[] = [];
        const builtinSlugs = new Set(rows.map((r) => r.slug));
        for (const entry of catalog.providers) {
          if (builtinSlugs.has(entry.slug)) continue;
          if (ownSlugs.has(entry.slug)) {
            // The organization made its own entry with this slug: it stays the organization's.
            const c = { slug: entry.slug, name: entry.name, field: 'entry', from: 'your own entry', to: entry.name, source: null, outcome: 'kept_own_edit' as const };
            changes.push({ ...c, summary: describeChange(c) });
            continue;
          }
          const row = await this.repo.createProvider({ ...builtinRowData(organizationId, entry, releaseId, settings.restrictedJurisdictions), statusChangedAt: new Date() });
          added.push(row);
          const c = { slug: entry.slug, name: entry.name, field: 'entry', from: null, to: entry.name, source: sourceFor('domains', entry.sources) ?? null, outcome: 'added' as const };
          changes.push({ ...c, summary: describeChange(c) });
        }

        const update = await this.repo.create({
          organizationId,
          releaseId,
          releaseDate: catalog.releaseDate ?? null,
          previousRelease: previous?.releaseId ?? rows[0]?.catalogVersion ?? null,
          changes: changes as unknown as Prisma.InputJsonValue,
          riskChanges: riskChanges as unknown as Prisma.InputJsonValue,
          // Nothing to review when nothing changed.
          reviewedAt: changes.length || riskChanges.length ? null : new Date(),
        });
        await this.audit.record({
          organizationId,
          actor: CATALOG_RELEASE_ACTOR,
          action: 'catalog.release_applied',
          entityType: 'CatalogUpdate',
          entityId: update.id,
          after: { releaseId, previousRelease: update.previousRelease, changes: changes.length, added: added.map((a) => a.slug), riskChanges: riskChanges.map((r) => ({ slug: r.slug, from: r.from, to: r.to })) },
        });
        return { applied: { organizationId, releaseId, changes: changes.length, riskChanges: riskChanges.length, added: added.length }, touched, added };
      },
      { timeout: 120_000 },
    );
    if (!result) return null;
    await this.publishFacts(organizationId, releaseId, result.touched, result.added);
    return result.applied;
  }

  /**
   * Puts the release's facts in force at once (new domains of a blocked service must block): the
   * version in force, with only the built-in entries' facts replaced and new services added, keeping
   * every status as published, like Block now. The rest of the draft neither stops it nor rides
   * along. If it cannot be published (e.g. it would not compile), the facts stay in the draft.
   */
  private async publishFacts(organizationId: string, releaseId: string, touched: Provider[], added: Provider[]): Promise<void> {
    if (!touched.length && !added.length) return;
    const bySlug = new Map([...touched, ...added].map((r) => [r.slug, r]));
    try {
      await this.policy.publish(organizationId, CATALOG_RELEASE_ACTOR, `Catalog release ${releaseId}: updated facts of the built-in services`, {
        allowUnchanged: true,
        cause: 'catalog_release',
        amendPublished: (published) => {
          const seen = new Set<string>();
          const catalog = published.catalog.map((p) => {
            const row = bySlug.get(p.slug);
            if (!row) return p;
            seen.add(p.slug);
            const { statusReason: _reason, ...fresh } = providerFromRow(row);
            return { ...fresh, status: p.status, ...(p.statusReason ? { statusReason: p.statusReason } : {}) };
          });
          for (const row of added) if (!seen.has(row.slug)) catalog.push(providerFromRow(row));
          catalog.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
          return { ...published, catalog };
        },
      });
    } catch (err) {
      this.logger.warn(`Catalog release ${releaseId} for organization ${organizationId} stays in the draft (not published): ${(err as Error).message}`);
    }
  }

  /** What changed since the last review, the stale profiles, and the release in force. */
  async status(organizationId: string): Promise<CatalogReleaseOutput> {
    const catalog = loadBuiltinCatalog();
    const settings = readOrgSettings((await this.repo.orgSettings(organizationId)).settings);
    const [current, pending, lastReviewed, providers] = await Promise.all([
      this.repo.latest(organizationId),
      this.repo.unreviewed(organizationId),
      this.repo.lastReviewed(organizationId),
      this.repo.providersForStaleness(organizationId),
    ]);
    const stale = providers
      .map((p) => ({ id: p.id, slug: p.slug, name: p.name, status: p.status, oldestSourceAsOf: oldestKeySourceAsOf(p.sources) }))
      .filter((p) => isStale(p.oldestSourceAsOf, settings.catalogSourceMaxAgeDays));
    return {
      builtinRelease: { id: catalog.catalogVersion, date: catalog.releaseDate ?? null, notes: catalog.releaseNotes ?? null },
      appliedRelease: current ? { id: current.releaseId, date: current.releaseDate, appliedAt: current.appliedAt.toISOString() } : null,
      lastReviewedAt: lastReviewed?.reviewedAt?.toISOString() ?? null,
      pending: pending.map((u) => ({
        id: u.id,
        releaseId: u.releaseId,
        releaseDate: u.releaseDate,
        previousRelease: u.previousRelease,
        appliedAt: u.appliedAt.toISOString(),
        changes: u.changes as CatalogFactChange[],
        riskChanges: u.riskChanges as CatalogRiskChange[],
      })),
      sourceMaxAgeDays: settings.catalogSourceMaxAgeDays,
      staleProfiles: stale,
    };
  }

  /** "Mark reviewed": every pending update is reviewed by this user, in the audit log. */
  async review(organizationId: string, actor: Actor, note: string | null): Promise<CatalogReviewOutput> {
    return this.transactions.run(async () => {
      const pending = await this.repo.unreviewed(organizationId);
      if (!pending.length) throw AppError.conflict('Nothing to review: every catalog release has been reviewed');
      await this.repo.markReviewed(organizationId, pending.map((u) => u.id), actor.type === 'user' ? actor.id : null, note);
      const changes = pending.reduce((n, u) => n + (Array.isArray(u.changes) ? u.changes.length : 0), 0);
      await this.audit.record({
        organizationId,
        actor,
        action: 'catalog.review',
        entityType: 'CatalogUpdate',
        entityId: pending[pending.length - 1]!.id,
        after: { releases: pending.map((u) => u.releaseId), changes, note },
      });
      return { reviewed: pending.map((u) => u.releaseId), changes, reviewedAt: new Date().toISOString() };
    });
  }
}
