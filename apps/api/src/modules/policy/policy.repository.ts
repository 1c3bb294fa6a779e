import { Injectable } from '@nestjs/common';
import { readOrgSettings } from '@airlock/contracts';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';
import type { Prisma } from '../../generated/prisma/client';
import type { Effect } from '../../generated/prisma/enums';
import { detectorFromRow, type PolicySnapshot, providerFromRow, ruleFromRow, zoneFromRow } from './policy-snapshot';

export interface RuleFilter {
  id?: string[];
  q?: string;
  effect?: Effect;
  enabled?: boolean;
}

@Injectable()
export class PolicyRepository {
  constructor(private readonly prisma: PrismaService) {}

  async latestVersionNumbers(): Promise<{ organizationId: string; number: number }[]> {
    return this.prisma.$queryRaw<{ organizationId: string; number: number }[]>`
      SELECT DISTINCT ON ("organizationId") "organizationId"::text AS "organizationId", "number"
      FROM "PolicyVersion" ORDER BY "organizationId", "number" DESC`;
  }

  async findVersion(organizationId: string, number: number, db: Tx = this.prisma) {
    const v = await db.policyVersion.findUnique({ where: { organizationId_number: { organizationId, number } } });
    if (!v) return null;
    const snapshot: PolicySnapshot = {
      rules: v.rules as unknown as PolicySnapshot['rules'],
      catalog: v.catalog as unknown as PolicySnapshot['catalog'],
      zones: v.zones as unknown as PolicySnapshot['zones'],
      detectors: v.detectors as unknown as PolicySnapshot['detectors'],
      settings: readOrgSettings(v.settings),
    };
    return { ...v, snapshot };
  }

  latestVersion(organizationId: string, db: Tx = this.prisma) {
    return db.policyVersion.findFirst({
      where: { organizationId },
      orderBy: { number: 'desc' },
      select: { id: true, number: true, contentHash: true, createdAt: true, authorLabel: true, note: true, rollbackOf: true },
    });
  }

  /** The draft: current rules, catalog, zones, detectors and settings. */
  async draftSnapshot(organizationId: string, db: Tx = this.prisma): Promise<PolicySnapshot> {
    const [rules, providers, zones, detectors, org] = await Promise.all([
      db.policyRule.findMany({ where: { organizationId }, orderBy: [{ priority: 'asc' }, { ruleId: 'asc' }] }),
      db.provider.findMany({ where: { organizationId }, orderBy: { slug: 'asc' } }),
      db.networkZone.findMany({ where: { organizationId }, orderBy: { name: 'asc' } }),
      db.customDetector.findMany({ where: { organizationId }, orderBy: { name: 'asc' } }),
      db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } }),
    ]);
    return {
      rules: rules.map(ruleFromRow),
      catalog: providers.map(providerFromRow),
      zones: zones.map(zoneFromRow),
      detectors: detectors.map(detectorFromRow),
      settings: readOrgSettings(org.settings),
    };
  }

  /** Data class names by key, to say "client information" rather than `client_info`. */
  async dataClassLabels(organizationId: string): Promise<Map<string, string>> {
    const rows = await this.prisma.dataClass.findMany({ where: { organizationId }, select: { key: true, name: true } });
    return new Map(rows.map((r) => [r.key, r.name]));
  }

  async lockPublishing(tx: Tx, organizationId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`publish:${organizationId}`}, 0))`;
  }

  createVersion(tx: Tx, data: Prisma.PolicyVersionUncheckedCreateInput) {
    return tx.policyVersion.create({ data });
  }

  /** Delivered to every instance when the transaction commits. */
  async notifyPublished(tx: Tx, organizationId: string, number: number): Promise<void> {
    await tx.$executeRaw`SELECT pg_notify('airlock_policy', ${`${organizationId}:${number}`})`;
  }

  listVersions(organizationId: string, _filter: Record<string, never>, sort: Sort, page: Page) {
    return this.prisma.$transaction([
      this.prisma.policyVersion.findMany({
        where: { organizationId },
        orderBy: orderOf(sort),
        ...page,
        select: { id: true, number: true, contentHash: true, authorLabel: true, note: true, rollbackOf: true, createdAt: true, rules: true },
      }),
      this.prisma.policyVersion.count({ where: { organizationId } }),
    ]);
  }

  findVersionById(organizationId: string, id: string) {
    return this.prisma.policyVersion.findFirst({ where: { organizationId, id } });
  }

  // Rules (the draft) ----------------------------------------------------------------------------

  listRules(organizationId: string, f: RuleFilter, sort: Sort, page: Page) {
    const w: Prisma.PolicyRuleWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...(f.effect ? { effect: f.effect } : {}),
      ...(f.enabled !== undefined ? { enabled: f.enabled } : {}),
      ...searchText(f.q, ['ruleId', 'message']),
    };
    return this.prisma.$transaction([
      this.prisma.policyRule.findMany({ where: w, orderBy: [orderOf(sort), { ruleId: 'asc' }], ...page }),
      this.prisma.policyRule.count({ where: w }),
    ]);
  }

  findRule(organizationId: string, id: string, db: Tx = this.prisma) {
    return db.policyRule.findFirst({ where: { organizationId, id } });
  }

  createRule(tx: Tx, data: Prisma.PolicyRuleUncheckedCreateInput) {
    return tx.policyRule.create({ data });
  }

  updateRule(tx: Tx, id: string, data: Prisma.PolicyRuleUncheckedUpdateInput) {
    return tx.policyRule.update({ where: { id }, data });
  }

  deleteRule(tx: Tx, id: string) {
    return tx.policyRule.delete({ where: { id } });
  }

  replaceRules(tx: Tx, organizationId: string, rows: Prisma.PolicyRuleUncheckedCreateInput[]) {
    return tx.policyRule.deleteMany({ where: { organizationId } }).then(() => tx.policyRule.createMany({ data: rows }));
  }

  /** The last `limit` decisions, newest first, with what a replay needs (never content). */
  recentDecisions(organizationId: string, limit: number) {
    return this.prisma.decisionLog.findMany({
      where: { organizationId },
      // The table's key (organizationId, time, id), read backwards.
      orderBy: [{ time: 'desc' }, { id: 'desc' }],
      take: limit,
      select: {
        id: true,
        time: true,
        providerSlug: true,
        destinationHost: true,
        action: true,
        channel: true,
        networkZones: true,
        subjectGroups: true,
        dataClasses: true,
        effect: true,
        ruleIds: true,
        policyVersion: true,
      },
    });
  }
}
