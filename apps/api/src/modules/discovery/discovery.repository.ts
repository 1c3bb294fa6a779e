import { Injectable } from '@nestjs/common';
import type { DiscoveryCell } from '@airlock/discovery';
import { Prisma } from '../../generated/prisma/client';
import { Transactions } from '../../database/transactions';

export interface ImportProgress {
  bytesProcessed: number;
  lines: number;
  records: number;
  aiRecords: number;
  ignoredLines: number;
  badLines: number;
  badSamples: { line: number; reason: string }[];
  format: string | null;
  firstSeen: number | null;
  lastSeen: number | null;
}

/** A filter over the usage rows: the organization, a UTC day range, optionally a zone and a group. */
export interface UsageFilter {
  since: string;
  until: string;
  zone?: string;
  group?: string;
}

const IMPORT_SELECT = {
  id: true, uploadId: true, fileName: true, format: true, status: true, error: true, totalBytes: true, bytesProcessed: true, lines: true,
  records: true, aiRecords: true, ignoredLines: true, badLines: true, badSamples: true, firstSeen: true, lastSeen: true, namesShown: true,
  createdById: true, apiClientId: true, startedAt: true, finishedAt: true,
} as const;

/** Usage cells written per statement (see addUsage). */
const USAGE_CELLS_PER_STATEMENT = 500;

/**
 * Discovery's tables: the imports and their per-day usage counts, every query scoped to the
 * organization. Usage rows of an import that has not completed are never counted (the summary
 * joins completed imports only), and a failed import's rows are deleted.
 */
@Injectable()
export class DiscoveryRepository {
  constructor(private readonly tx: Transactions) {}

  private get db() {
    return this.tx.db;
  }

  catalog(organizationId: string) {
    return this.db.provider.findMany({ where: { organizationId }, select: { slug: true, name: true, status: true, domains: true } });
  }

  zones(organizationId: string) {
    return this.db.networkZone.findMany({ where: { organizationId }, select: { name: true, cidrs: true }, orderBy: { createdAt: 'asc' } });
  }

  directory(organizationId: string) {
    return this.db.user.findMany({ where: { organizationId, disabled: false }, select: { email: true, groups: true } });
  }

  async showNames(organizationId: string): Promise<boolean> {
    const org = await this.db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { discoveryShowNames: true } });
    return org.discoveryShowNames;
  }

  async setShowNames(organizationId: string, showNames: boolean): Promise<void> {
    await this.db.organization.update({ where: { id: organizationId }, data: { discoveryShowNames: showNames } });
  }

  createImport(organizationId: string, data: { createdById: string | null; apiClientId: string | null; uploadId: string | null; fileName: string | null; format: string | null; totalBytes: number | null; namesShown: boolean }) {
    return this.db.discoveryImport.create({ data: { organizationId, ...data, totalBytes: data.totalBytes === null ? null : BigInt(data.totalBytes) }, select: { id: true } });
  }

  async progress(organizationId: string, id: string, p: ImportProgress): Promise<void> {
    await this.db.discoveryImport.updateMany({ where: { organizationId, id }, data: this.figures(p) });
  }

  async finish(organizationId: string, id: string, p: ImportProgress, outcome: { status: 'completed' | 'failed'; error?: string }): Promise<void> {
    await this.db.discoveryImport.updateMany({ where: { organizationId, id }, data: { ...this.figures(p), status: outcome.status, error: outcome.error ?? null, finishedAt: new Date() } });
  }

  private figures(p: ImportProgress) {
    return {
      bytesProcessed: BigInt(p.bytesProcessed),
      lines: p.lines,
      records: p.records,
      aiRecords: p.aiRecords,
      ignoredLines: p.ignoredLines,
      badLines: p.badLines,
      badSamples: p.badSamples as unknown as Prisma.InputJsonValue,
      format: p.format,
      firstSeen: p.firstSeen === null ? null : new Date(p.firstSeen),
      lastSeen: p.lastSeen === null ? null : new Date(p.lastSeen),
    };
  }

  /**
   * Adds cells to an import's counts (a cell already there gets the sums, earliest and latest
   * times), USAGE_CELLS_PER_STATEMENT at a time: the cells of a statement are turned into JSON in
   * one synchronous step, and 2,000 of them held the event loop for tens of milliseconds.
   */
  async addUsage(organizationId: string, importId: string, cells: readonly DiscoveryCell[]): Promise<void> {
    for (let i = 0; i < cells.length; i += USAGE_CELLS_PER_STATEMENT) {
      const batch = cells.slice(i, i + USAGE_CELLS_PER_STATEMENT).map((c) => ({
        day: c.day, host: c.host, subject: c.subject ?? '', zones: c.zones, groups: c.groups, requests: c.requests,
        bytesOut: c.bytesOut, firstSeen: new Date(c.firstSeen).toISOString(), lastSeen: new Date(c.lastSeen).toISOString(),
      }));
      await this.db.$executeRaw`
        INSERT INTO "DiscoveryUsage" ("organizationId", "importId", "day", "host", "subject", "zones", "groups", "requests", "bytesOut", "firstSeen", "lastSeen")
        SELECT ${organizationId}::uuid, ${importId}::uuid, x."day", x."host", x."subject", x."zones", x."groups", x."requests", x."bytesOut", x."firstSeen", x."lastSeen"
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x("day" date, "host" text, "subject" text, "zones" text[], "groups" text[], "requests" int, "bytesOut" bigint, "firstSeen" timestamptz, "lastSeen" timestamptz)
        ON CONFLICT ("importId", "day", "host", "subject", "zones") DO UPDATE SET
          "requests" = "DiscoveryUsage"."requests" + EXCLUDED."requests",
          "bytesOut" = CASE WHEN EXCLUDED."bytesOut" IS NULL THEN "DiscoveryUsage"."bytesOut" ELSE COALESCE("DiscoveryUsage"."bytesOut", 0) + EXCLUDED."bytesOut" END,
          "firstSeen" = LEAST("DiscoveryUsage"."firstSeen", EXCLUDED."firstSeen"),
          "lastSeen" = GREATEST("DiscoveryUsage"."lastSeen", EXCLUDED."lastSeen")`;
    }
  }

  async deleteUsage(organizationId: string, importId: string): Promise<void> {
    await this.db.discoveryUsage.deleteMany({ where: { organizationId, importId } });
  }

  listImports(organizationId: string, filter: { uploadId?: string }, limit: number) {
    return this.db.discoveryImport.findMany({
      where: { organizationId, ...(filter.uploadId ? { uploadId: filter.uploadId } : {}) },
      orderBy: { startedAt: 'desc' },
      take: limit,
      select: IMPORT_SELECT,
    });
  }

  findImport(organizationId: string, id: string) {
    return this.db.discoveryImport.findFirst({ where: { organizationId, id }, select: IMPORT_SELECT });
  }

  async deleteImport(organizationId: string, id: string): Promise<boolean> {
    const { count } = await this.db.discoveryImport.deleteMany({ where: { organizationId, id } });
    return count > 0;
  }

  /** Who imported: users' e-mails and API clients' names. */
  async actors(organizationId: string, userIds: string[], clientIds: string[]) {
    const [users, clients] = await Promise.all([
      userIds.length ? this.db.user.findMany({ where: { organizationId, id: { in: userIds } }, select: { id: true, email: true } }) : [],
      clientIds.length ? this.db.apiClient.findMany({ where: { organizationId, id: { in: clientIds } }, select: { id: true, name: true } }) : [],
    ]);
    return { users, clients };
  }

  private where(organizationId: string, f: UsageFilter): Prisma.Sql {
    const c = [
      Prisma.sql`u."organizationId" = ${organizationId}::uuid`,
      Prisma.sql`u."day" BETWEEN ${f.since}::date AND ${f.until}::date`,
      Prisma.sql`i."status" = 'completed'`,
    ];
    if (f.zone) c.push(Prisma.sql`${f.zone} = ANY(u."zones")`);
    if (f.group) c.push(Prisma.sql`${f.group} = ANY(u."groups")`);
    return Prisma.join(c, ' AND ');
  }

  private from(organizationId: string, f: UsageFilter): Prisma.Sql {
    return Prisma.sql`FROM "DiscoveryUsage" u JOIN "DiscoveryImport" i ON i."id" = u."importId" AND i."organizationId" = u."organizationId" WHERE ${this.where(organizationId, f)}`;
  }

  /** The distinct hosts in the range (few: AI hosts only). */
  async hosts(organizationId: string, f: UsageFilter): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ host: string }[]>`SELECT DISTINCT u."host" ${this.from(organizationId, f)}`;
    return rows.map((r) => r.host);
  }

  /** Figures per service key, given each host's key. */
  byService(organizationId: string, f: UsageFilter, hosts: string[], keys: string[]) {
    return this.db.$queryRaw<{ key: string; requests: bigint; bytesOut: bigint | null; users: bigint; firstSeen: Date; lastSeen: Date; hosts: string[] }[]>`
      WITH m("host", "key") AS (SELECT * FROM unnest(${hosts}::text[], ${keys}::text[]))
      SELECT m."key", SUM(u."requests") AS "requests", SUM(u."bytesOut") AS "bytesOut", COUNT(DISTINCT NULLIF(u."subject", '')) AS "users",
             MIN(u."firstSeen") AS "firstSeen", MAX(u."lastSeen") AS "lastSeen", ARRAY_AGG(DISTINCT u."host") AS "hosts"
      FROM "DiscoveryUsage" u JOIN "DiscoveryImport" i ON i."id" = u."importId" AND i."organizationId" = u."organizationId" JOIN m ON m."host" = u."host"
      WHERE ${this.where(organizationId, f)}
      GROUP BY m."key"`;
  }

  /** The zones each service key was used from. */
  zonesByService(organizationId: string, f: UsageFilter, hosts: string[], keys: string[]) {
    return this.db.$queryRaw<{ key: string; zone: string }[]>`
      WITH m("host", "key") AS (SELECT * FROM unnest(${hosts}::text[], ${keys}::text[]))
      SELECT DISTINCT m."key", z AS "zone"
      FROM "DiscoveryUsage" u JOIN "DiscoveryImport" i ON i."id" = u."importId" AND i."organizationId" = u."organizationId" JOIN m ON m."host" = u."host"
      CROSS JOIN LATERAL unnest(u."zones") AS z
      WHERE ${this.where(organizationId, f)}`;
  }

  /** Per day and service key: requests, bytes, distinct people. */
  byDay(organizationId: string, f: UsageFilter, hosts: string[], keys: string[]) {
    return this.db.$queryRaw<{ day: Date; key: string; requests: bigint; bytesOut: bigint | null; users: bigint }[]>`
      WITH m("host", "key") AS (SELECT * FROM unnest(${hosts}::text[], ${keys}::text[]))
      SELECT u."day", m."key", SUM(u."requests") AS "requests", SUM(u."bytesOut") AS "bytesOut", COUNT(DISTINCT NULLIF(u."subject", '')) AS "users"
      FROM "DiscoveryUsage" u JOIN "DiscoveryImport" i ON i."id" = u."importId" AND i."organizationId" = u."organizationId" JOIN m ON m."host" = u."host"
      WHERE ${this.where(organizationId, f)}
      GROUP BY u."day", m."key"
      ORDER BY u."day", m."key"`;
  }

  async totals(organizationId: string, f: UsageFilter) {
    const [row] = await this.db.$queryRaw<{ users: bigint; imports: bigint }[]>`
      SELECT COUNT(DISTINCT NULLIF(u."subject", '')) AS "users", COUNT(DISTINCT u."importId") AS "imports" ${this.from(organizationId, f)}`;
    return { users: Number(row?.users ?? 0), imports: Number(row?.imports ?? 0) };
  }

  /** The zones and groups present in the range (the page's filter choices). */
  async facets(organizationId: string, f: UsageFilter) {
    const base: UsageFilter = { since: f.since, until: f.until };
    const [zones, groups] = await Promise.all([
      this.db.$queryRaw<{ v: string }[]>`SELECT DISTINCT z AS "v" FROM "DiscoveryUsage" u JOIN "DiscoveryImport" i ON i."id" = u."importId" CROSS JOIN LATERAL unnest(u."zones") AS z WHERE ${this.where(organizationId, base)} ORDER BY 1`,
      this.db.$queryRaw<{ v: string }[]>`SELECT DISTINCT g AS "v" FROM "DiscoveryUsage" u JOIN "DiscoveryImport" i ON i."id" = u."importId" CROSS JOIN LATERAL unnest(u."groups") AS g WHERE ${this.where(organizationId, base)} ORDER BY 1`,
    ]);
    return { zones: zones.map((r) => r.v), groups: groups.map((r) => r.v) };
  }
}
