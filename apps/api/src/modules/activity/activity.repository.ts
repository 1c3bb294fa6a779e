import { Injectable } from '@nestjs/common';
import type { ActivityFilter } from '@airlock/contracts';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../database/prisma.service';

/** One decision log row as the Activity page reads it (never the content hash itself). */
export interface ActivityRow {
  id: string;
  time: Date;
  apiClientId: string | null;
  policyVersion: number;
  providerSlug: string | null;
  destinationHost: string | null;
  action: 'access' | 'prompt' | 'upload' | 'response';
  channel: string | null;
  networkZones: string[];
  subjectId: string | null;
  subjectGroups: string[];
  effect: 'allow' | 'warn' | 'redact' | 'block';
  ruleIds: string[];
  dataClasses: string[];
  correlationId: string | null;
  latencyMicros: number;
  staleSeconds: number | null;
  source: string;
  overrideReason: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  contentHashed: boolean;
}

/** Where a page starts: strictly older than this (time, id) in the key's order. */
export interface Keyset {
  time: Date;
  id: string;
}

const COLUMNS = Prisma.sql`d."id", d."time", d."apiClientId", d."policyVersion", d."providerSlug", d."destinationHost", d."action"::text AS "action",
  d."channel", d."networkZones", d."subjectId", d."subjectGroups", d."effect"::text AS "effect", d."ruleIds", d."dataClasses",
  d."correlationId", d."latencyMicros", d."staleSeconds", d."source", d."overrideReason",
  d."inputTokens", d."outputTokens", (d."contentHmac" IS NOT NULL) AS "contentHashed"`;

/**
 * The longest a read of the decision log may run. A filter the indexes cannot serve (a rare rule
 * over a long time range) walks the organization's rows in the key's order until it has a page; past
 * this it is cancelled and the caller is asked to narrow the range, instead of holding a connection.
 */
export const ACTIVITY_STATEMENT_TIMEOUT_MS = 5_000;

/**
 * Reads of the decision log for the Activity page, every one scoped to the organization and ordered
 * by the log's key (organizationId, time, id) newest first: a page is a backward scan of that key
 * (or of an index that ends in it: effect, service, subject) from the cursor, LIMIT n + 1. No
 * OFFSET and no count: the cost of a page does not grow with the log.
 */
@Injectable()
export class ActivityRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The WHERE clause of a filter (shared by the page, the export and the EXPLAIN test). */
  static where(organizationId: string, f: ActivityFilter, after?: Keyset): Prisma.Sql {
    const c: Prisma.Sql[] = [Prisma.sql`d."organizationId" = ${organizationId}::uuid`];
    if (f.since) c.push(Prisma.sql`d."time" >= ${new Date(f.since)}`);
    if (f.until) c.push(Prisma.sql`d."time" <= ${new Date(f.until)}`);
    if (after) c.push(Prisma.sql`(d."time", d."id") < (${after.time}, ${after.id}::uuid)`);
    if (f.effect?.length === 1) c.push(Prisma.sql`d."effect" = ${f.effect[0]}::"Effect"`);
    else if (f.effect?.length) c.push(Prisma.sql`d."effect" IN (${Prisma.join(f.effect.map((e) => Prisma.sql`${e}::"Effect"`))})`);
    if (f.action) c.push(Prisma.sql`d."action" = ${f.action}::"DecisionAction"`);
    if (f.service) c.push(Prisma.sql`d."providerSlug" = ${f.service}`);
    if (f.host) c.push(Prisma.sql`d."destinationHost" = ${f.host}`);
    if (f.subject) c.push(Prisma.sql`d."subjectId" = ${f.subject}`);
    if (f.channel) c.push(Prisma.sql`d."channel" = ${f.channel}`);
    if (f.apiClient) c.push(Prisma.sql`d."apiClientId" = ${f.apiClient}::uuid`);
    if (f.source) c.push(Prisma.sql`d."source" = ${f.source}`);
    if (f.rule) c.push(Prisma.sql`${f.rule} = ANY(d."ruleIds")`);
    if (f.dataClass) c.push(Prisma.sql`${f.dataClass} = ANY(d."dataClasses")`);
    if (f.zone) c.push(Prisma.sql`${f.zone} = ANY(d."networkZones")`);
    if (f.group) c.push(Prisma.sql`${f.group} = ANY(d."subjectGroups")`);
    return Prisma.join(c, ' AND ');
  }

  static pageSql(organizationId: string, f: ActivityFilter, limit: number, after?: Keyset): Prisma.Sql {
    return Prisma.sql`SELECT ${COLUMNS} FROM "DecisionLog" d WHERE ${ActivityRepository.where(organizationId, f, after)}
      ORDER BY d."time" DESC, d."id" DESC LIMIT ${limit}`;
  }

  /** Up to `limit` rows older than `after`, newest first, under the statement timeout. */
  page(organizationId: string, f: ActivityFilter, limit: number, after?: Keyset): Promise<ActivityRow[]> {
    return this.bounded<ActivityRow[]>(ActivityRepository.pageSql(organizationId, f, limit, after));
  }

  /**
   * One decision by its id and its time, within `slackMs` (0 when the caller knows the row's time; a
   * minute around the millisecond a UUIDv7 carries, which is the row's or a moment after it).
   */
  async findOne(organizationId: string, id: string, around: Date, slackMs: number): Promise<ActivityRow | null> {
    const from = new Date(around.getTime() - slackMs);
    const to = new Date(around.getTime() + slackMs);
    const rows = await this.prisma.$queryRaw<ActivityRow[]>`SELECT ${COLUMNS} FROM "DecisionLog" d
      WHERE d."organizationId" = ${organizationId}::uuid AND d."time" BETWEEN ${from} AND ${to} AND d."id" = ${id}::uuid LIMIT 1`;
    return rows[0] ?? null;
  }

  /** The rules of a published version (for the reasons of a decision it made). */
  async versionRules(organizationId: string, number: number): Promise<unknown> {
    const v = await this.prisma.policyVersion.findUnique({ where: { organizationId_number: { organizationId, number } }, select: { rules: true } });
    return v?.rules ?? null;
  }

  providers(organizationId: string, slugs: string[]) {
    if (!slugs.length) return Promise.resolve([]);
    return this.prisma.provider.findMany({ where: { organizationId, slug: { in: slugs } }, select: { slug: true, name: true, status: true } });
  }

  apiClients(organizationId: string, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.prisma.apiClient.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true, name: true } });
  }

  /** Every domain pattern of the organization's catalog (to leave out hosts added since). */
  async catalogDomains(organizationId: string): Promise<string[]> {
    const rows = await this.prisma.provider.findMany({ where: { organizationId }, select: { domains: true } });
    return rows.flatMap((r) => r.domains);
  }

  /**
   * Hosts outside the catalog that prompts, uploads or answers went to, from the hourly rollups
   * (the writer counts a decision without a service under `host:<host>`), so this never scans the log.
   */
  unknownDestinations(organizationId: string, since: Date) {
    return this.prisma.$queryRaw<{ host: string; decisions: bigint; blocked: bigint; warned: bigint; firstSeen: Date; lastSeen: Date }[]>`
      SELECT substr("providerSlug", 6) AS host, sum("count") AS decisions,
             coalesce(sum("count") FILTER (WHERE "effect" = 'block'), 0) AS blocked,
             coalesce(sum("count") FILTER (WHERE "effect" = 'warn'), 0) AS warned,
             min("bucket") AS "firstSeen", max("bucket") AS "lastSeen"
      FROM "DecisionRollup"
      WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} AND "providerSlug" LIKE 'host:%'
        AND "action" IN ('prompt', 'upload', 'response')
      GROUP BY 1 ORDER BY decisions DESC, host LIMIT 500`;
  }

  /**
   * Runs a query in a short transaction of its own (never a caller's: SET LOCAL would outlive the
   * read there) whose statements are cancelled after ACTIVITY_STATEMENT_TIMEOUT_MS.
   */
  private bounded<T>(query: Prisma.Sql): Promise<T> {
    return this.prisma.$transaction(async (client) => {
      await client.$executeRawUnsafe(`SET LOCAL statement_timeout = ${ACTIVITY_STATEMENT_TIMEOUT_MS}`);
      return client.$queryRaw<T>(query);
    });
  }
}
