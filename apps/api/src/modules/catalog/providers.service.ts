import { Injectable } from '@nestjs/common';
import { type ProviderCreate, readOrgSettings } from '@airlock/contracts';
import { computeRiskScore, normalizeDomainPattern } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import type { Prisma, Provider } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { providerFromRow } from '../policy/policy-snapshot';
import { PolicyRuntime } from '../policy/policy-runtime.service';
import { PolicyService } from '../policy/policy.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { ProvidersRepository } from './providers.repository';
import { Transactions } from '../../database/transactions';

type ProviderFields = Partial<ProviderCreate>;

/**
 * The organization's AI service catalog. Edits are part of the draft and take effect on publish,
 * except the emergency block, which publishes at once in the same transaction.
 */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: ProvidersRepository,
    private readonly audit: AuditService,
    private readonly policy: PolicyService,
    private readonly runtime: PolicyRuntime,
    private readonly webhooks: WebhooksService,
  ) {}

  list(...args: Parameters<ProvidersRepository['list']>) {
    return this.repo.list(...args);
  }

  async get(organizationId: string, id: string) {
    const row = await this.repo.find(organizationId, id);
    if (!row) throw AppError.notFound('Provider');
    return row;
  }

  /** Normalises domains (lower case, punycode) and refuses ones the engine would not match. */
  private domains(input: string[]): string[] {
    const problems: { path: string; message: string }[] = [];
    const out = input.map((d, i) => {
      const n = normalizeDomainPattern(d);
      if ('error' in n) {
        problems.push({ path: `domains.${i}`, message: n.error });
        return d;
      }
      return n.wildcard ? `*.${n.host}` : n.host;
    });
    if (problems.length) throw AppError.validation(problems);
    return [...new Set(out)];
  }

  private async withRisk(organizationId: string, merged: Omit<Provider, 'riskScore' | 'riskFactors'> | ProviderFields & Record<string, unknown>) {
    const settings = readOrgSettings((await this.repo.orgSettings(organizationId)).settings);
    const m = merged as ProviderFields;
    const risk = computeRiskScore(
      {
        hqCountry: m.hqCountry ?? '',
        dataCountries: m.dataCountries ?? [],
        trainsOnInputs: m.trainsOnInputs ?? 'yes',
        zeroRetentionOffer: m.zeroRetentionOffer ?? false,
        retentionDays: m.retentionDays ?? null,
        collects: m.collects ?? [],
        sharesWith: m.sharesWith ?? [],
        certifications: m.certifications ?? [],
      },
      { restrictedJurisdictions: settings.restrictedJurisdictions },
    );
    return { riskScore: risk.score, riskFactors: risk.factors as unknown as Prisma.InputJsonValue };
  }

  async create(organizationId: string, actor: Actor, input: ProviderCreate) {
    return this.transactions.run(async () => {
      const domains = this.domains(input.domains);
      const risk = await this.withRisk(organizationId, input);
      const row = await this.repo.create({
        organizationId,
        ...input,
        domains,
        sources: input.sources as Prisma.InputJsonValue,
        statusChangedAt: new Date(),
        builtin: false,
        ...risk,
      });
      await this.audit.record({ organizationId, actor, action: 'provider.create', entityType: 'Provider', entityId: row.id, after: row });
      return row;
    });
  }

  async update(organizationId: string, actor: Actor, id: string, input: ProviderFields) {
    return this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('Provider');
      const domains = input.domains ? this.domains(input.domains) : undefined;
      const merged = { ...before, ...input };
      const risk = await this.withRisk(organizationId, merged);
      const row = await this.repo.update(id, {
        ...input,
        ...(domains ? { domains } : {}),
        ...(input.sources ? { sources: input.sources as Prisma.InputJsonValue } : {}),
        ...(input.status && input.status !== before.status ? { statusChangedAt: new Date() } : {}),
        ...risk,
      });
      await this.audit.record({ organizationId, actor, action: 'provider.update', entityType: 'Provider', entityId: id, before, after: row });
      return row;
    });
  }

  /**
   * Several services' status in the draft, with one reason: each as a single edit (the same
   * update and its own audit event), all in one transaction; an id that is not one of the
   * organization's services is a 404 and nothing is changed.
   */
  async bulkStatus(organizationId: string, actor: Actor, ids: string[], status: ProviderCreate['status'], statusReason: string) {
    const unique = [...new Set(ids)];
    return this.transactions.run(async () => {
      const found = await this.repo.existingIds(organizationId, unique);
      if (found.size !== unique.length) throw AppError.notFound(`Provider ${unique.find((id) => !found.has(id))}`);
      for (const id of unique) await this.update(organizationId, actor, id, { status, statusReason });
      return { updated: unique.length, ids: unique };
    });
  }

  async remove(organizationId: string, actor: Actor, id: string) {
    return this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('Provider');
      await this.repo.delete(id);
      await this.audit.record({ organizationId, actor, action: 'provider.delete', entityType: 'Provider', entityId: id, before });
      return before;
    });
  }

  /**
   * The emergency brake: blocks the provider in the draft and publishes, in one transaction, the
   * version in force with only that provider blocked (added when it is not in it yet), so it is in
   * force everywhere within a second (NOTIFY) whatever state the rest of the draft is in: a draft
   * that does not compile, or unfinished edits, neither stop nor ride along with the block.
   */
  async blockNow(organizationId: string, actor: Actor, id: string, reason: string) {
    return this.transactions.run(
      async () => {
        const before = await this.repo.find(organizationId, id);
        if (!before) throw AppError.notFound('Provider');
        const row = await this.repo.update(id, { status: 'blocked', statusReason: reason, statusChangedAt: new Date() });
        await this.audit.record({ organizationId, actor, action: 'provider.block_now', entityType: 'Provider', entityId: id, before, after: row });
        const blocked = providerFromRow(row);
        const version = await this.policy.publish(organizationId, actor, `Block now: ${row.name} — ${reason}`, {
          allowUnchanged: true,
          cause: 'block_now',
          amendPublished: (published) => ({
            ...published,
            catalog: published.catalog.some((p) => p.slug === row.slug)
              ? published.catalog.map((p) => (p.slug === row.slug ? { ...p, status: 'blocked' as const, statusReason: reason } : p))
              : [...published.catalog, blocked].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
          }),
        });
        await this.webhooks.providerBlocked(organizationId, actor, row, reason, version.number, row.statusChangedAt ?? new Date());
        // In force on this instance once committed; the others load it from their NOTIFY.
        await this.transactions.afterCommit(() => this.runtime.sync());
        return { provider: row, version };
      },
      { timeout: 30_000 },
    );
  }
}
