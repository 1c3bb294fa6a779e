import { Injectable } from '@nestjs/common';
import { readOrgSettings } from '@airlock/contracts';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';
import { Prisma } from '../../generated/prisma/client';
import type { DecisionAction, Effect } from '../../generated/prisma/enums';
import { dataClassFromRow, detectorFromRow, type DirectorySnapshot, groupFromRow, type PolicySnapshot, providerFromRow, ruleFromRow, zoneFromRow } from './policy-snapshot';

export interface RuleFilter {
  id?: string[];
  q?: string;
  effect?: Effect;
  enabled?: boolean;
}

/** What the impact replays read of a logged decision (ReplayedLog): metadata only, the log holds no content. */
const REPLAY_COLUMNS = Prisma.sql`d."id", d."time", d."providerSlug", d."destinationHost", d."action"::text AS "action", d."channel", d."networkZones", d."subjectGroups", d."dataClasses"`;
type ReplayRow = { id: string; time: Date; providerSlug: string | null; destinationHost: string | null; action: DecisionAction; channel: string | null; networkZones: string[]; subjectGroups: string[]; dataClasses: string[] };

@Injectable()
export class PolicyRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  async latestVersionNumbers(): Promise<{ organizationId: string; number: number }[]> {
    return this.prisma.$queryRaw<{ organizationId: string; number: number }[]>`
      SELECT DISTINCT ON ("organizationId") "organizationId"::text AS "organizationId", "number"
      FROM "PolicyVersion" ORDER BY "organizationId", "number" DESC`;
  }

  async findVersion(organizationId: string, number: number) {
    const v = await this.db.policyVersion.findUnique({ where: { organizationId_number: { organizationId, number } } });
    if (!v) return null;
    const snapshot: PolicySnapshot = {
      rules: v.rules as unknown as PolicySnapshot['rules'],
      catalog: v.catalog as unknown as PolicySnapshot['catalog'],
      zones: v.zones as unknown as PolicySnapshot['zones'],
      detectors: v.detectors as unknown as PolicySnapshot['detectors'],
      settings: readOrgSettings(v.settings),
      ...(v.directory ? { directory: v.directory as unknown as DirectorySnapshot } : {}),
    };
    return { ...v, snapshot };
  }

  latestVersion(organizationId: string) {
    return this.db.policyVersion.findFirst({
      where: { organizationId },
      orderBy: { number: 'desc' },
      select: { id: true, number: true, contentHash: true, createdAt: true, authorLabel: true, note: true, rollbackOf: true },
    });
  }

  /** The draft: current rules, catalog, zones, detectors and settings, and the directory as it is. */
  async draftSnapshot(organizationId: string): Promise<PolicySnapshot> {
    const [rules, providers, zones, detectors, org, directory] = await Promise.all([
      this.db.policyRule.findMany({ where: { organizationId }, orderBy: [{ priority: 'asc' }, { ruleId: 'asc' }] }),
      this.db.provider.findMany({ where: { organizationId }, orderBy: { slug: 'asc' } }),
      this.db.networkZone.findMany({ where: { organizationId }, orderBy: { name: 'asc' } }),
      this.db.customDetector.findMany({ where: { organizationId }, orderBy: { name: 'asc' } }),
      this.db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } }),
      this.draftDirectory(organizationId),
    ]);
    return {
      rules: rules.map(ruleFromRow),
      catalog: providers.map(providerFromRow),
      zones: zones.map(zoneFromRow),
      detectors: detectors.map(detectorFromRow),
      settings: readOrgSettings(org.settings),
      directory,
    };
  }

  /** Groups and data classes as they are now (in force: they are not published). */
  async draftDirectory(organizationId: string): Promise<DirectorySnapshot> {
    const [groups, dataClasses] = await Promise.all([
      this.db.group.findMany({ where: { organizationId }, orderBy: { name: 'asc' }, select: { name: true, description: true, ssoGroups: true } }),
      this.db.dataClass.findMany({ where: { organizationId }, orderBy: { key: 'asc' }, select: { key: true, name: true, description: true, builtin: true } }),
    ]);
    return { groups: groups.map(groupFromRow), dataClasses: dataClasses.map(dataClassFromRow) };
  }

  /** Data class names by key, to say "client information" rather than `client_info`. */
  async dataClassLabels(organizationId: string): Promise<Map<string, string>> {
    const rows = await this.prisma.dataClass.findMany({ where: { organizationId }, select: { key: true, name: true } });
    return new Map(rows.map((r) => [r.key, r.name]));
  }

  async lockPublishing(organizationId: string): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`publish:${organizationId}`}, 0))`;
  }

  createVersion(data: Prisma.PolicyVersionUncheckedCreateInput) {
    return this.db.policyVersion.create({ data });
  }

  /** Delivered to every instance when the transaction commits. */
  async notifyPublished(organizationId: string, number: number): Promise<void> {
    await this.db.$executeRaw`SELECT pg_notify('airlock_policy', ${`${organizationId}:${number}`})`;
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

  findRule(organizationId: string, id: string) {
    return this.db.policyRule.findFirst({ where: { organizationId, id } });
  }

  createRule(data: Prisma.PolicyRuleUncheckedCreateInput) {
    return this.db.policyRule.create({ data });
  }

  updateRule(organizationId: string, id: string, data: Prisma.PolicyRuleUncheckedUpdateInput) {
    return this.db.policyRule.update({ where: { id, organizationId }, data });
  }

  deleteRule(organizationId: string, id: string) {
    return this.db.policyRule.delete({ where: { id, organizationId } });
  }

  async replaceRules(organizationId: string, rows: Prisma.PolicyRuleUncheckedCreateInput[]) {
    await this.db.policyRule.deleteMany({ where: { organizationId } });
    return this.db.policyRule.createMany({ data: rows });
  }

  /**
   * The newest `limit` logged decisions of the window, newest first, in pages of `pageSize` read on
   * the table's key (organizationId, time, id) backwards, each page after the last row of the one
   * before (keyset, never OFFSET): memory and the time spent turning a page into objects (the event
   * loop's, see PolicyService.replayRecent) stay bounded, whatever `limit` is. Raw SQL: Prisma's
   * findMany took ~4x the Node CPU per row to map the same page.
   */
  async *recentDecisions(organizationId: string, limit: number, window: { since?: Date; until?: Date } = {}, pageSize = 1000): AsyncGenerator<ReplayRow[]> {
    let after: { time: Date; id: string } | null = null;
    for (let left = limit; left > 0; ) {
      const take = Math.min(pageSize, left);
      const where = [Prisma.sql`d."organizationId" = ${organizationId}::uuid`];
      if (window.since) where.push(Prisma.sql`d."time" >= ${window.since}`);
      if (window.until) where.push(Prisma.sql`d."time" <= ${window.until}`);
      if (after) where.push(Prisma.sql`(d."time", d."id") < (${after.time}, ${after.id}::uuid)`);
      const page = await this.prisma.$queryRaw<ReplayRow[]>`SELECT ${REPLAY_COLUMNS} FROM "DecisionLog" d
        WHERE ${Prisma.join(where, ' AND ')} ORDER BY d."time" DESC, d."id" DESC LIMIT ${take}`;
      if (page.length) yield page;
      if (page.length < take) return;
      left -= page.length;
      const last = page[page.length - 1]!;
      after = { time: last.time, id: last.id };
    }
  }
}
