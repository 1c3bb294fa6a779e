import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { IncidentStatus } from '../../generated/prisma/enums';

/**
 * What the dashboard reads of one organization: the hourly decision rollups (raw SQL: grouped
 * sums over the rollup tables, never the decision log) and the incident figures. Every period is
 * [since, until): the rollup buckets that start in it.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Decisions per UTC hour or day and effect in the period. */
  decisionsOverTime(organizationId: string, since: Date, until: Date, unit: 'hour' | 'day') {
    return this.prisma.$queryRaw<{ bucket: Date; effect: string; n: bigint }[]>`
        SELECT date_trunc(${unit}, "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket, "effect"::text AS effect, sum("count") AS n
        FROM "DecisionRollup" WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} AND "bucket" < ${until}
        GROUP BY 1, 2 ORDER BY 1`;
  }

  /** The twelve busiest AI services in the period, with their blocked, warned and redacted counts. */
  topProviders(organizationId: string, since: Date, until: Date) {
    return this.prisma.$queryRaw<{ slug: string; total: bigint; blocked: bigint; warned: bigint; redacted: bigint }[]>`
        SELECT "providerSlug" AS slug, sum("count") AS total,
               sum("count") FILTER (WHERE "effect" = 'block') AS blocked,
               sum("count") FILTER (WHERE "effect" = 'warn') AS warned,
               sum("count") FILTER (WHERE "effect" = 'redact') AS redacted
        FROM "DecisionRollup" WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} AND "bucket" < ${until} AND "providerSlug" <> ''
        GROUP BY 1 ORDER BY total DESC LIMIT 12`;
  }

  /** Decisions per data class in the period, and how many of them were blocked or redacted. */
  dataClasses(organizationId: string, since: Date, until: Date) {
    return this.prisma.$queryRaw<{ dataClass: string; n: bigint; blocked: bigint }[]>`
        SELECT "dataClass", sum("count") AS n, sum("count") FILTER (WHERE "effect" IN ('block', 'redact')) AS blocked
        FROM "DecisionClassRollup" WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} AND "bucket" < ${until}
        GROUP BY 1 ORDER BY n DESC`;
  }

  /** Decisions per effect in the period. */
  totalsByEffect(organizationId: string, since: Date, until: Date) {
    return this.prisma.$queryRaw<{ effect: string; n: bigint }[]>`
        SELECT "effect"::text AS effect, sum("count") AS n FROM "DecisionRollup"
        WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} AND "bucket" < ${until} GROUP BY 1`;
  }

  /** The incidents reported in the period that are still open, per severity. */
  openIncidentsBySeverity(organizationId: string, open: readonly IncidentStatus[], since: Date, until: Date) {
    return this.prisma.incident.groupBy({ by: ['severity'], where: { organizationId, status: { in: [...open] }, reportedAt: { gte: since, lt: until } }, _count: { _all: true } });
  }

  /** Up to ten unresolved incidents whose notification deadline is before `before`, soonest first. */
  incidentsNearDeadline(organizationId: string, statuses: readonly IncidentStatus[], before: Date) {
    return this.prisma.incident.findMany({
      where: { organizationId, status: { in: [...statuses] }, resolvedAt: null, notificationDeadline: { not: null, lte: before } },
      orderBy: { notificationDeadline: 'asc' },
      take: 10,
      select: { id: true, number: true, title: true, severity: true, status: true, notificationDeadline: true },
    });
  }

  /**
   * The incidents reported in the period: how many, still open, past the 72-hour clock at `now`
   * (open, no notification decision: as the incident list's "overdue"), mean hours to acknowledge
   * and to resolve, median hours to resolve and to notify the authority (from awareness).
   */
  incidentFigures(organizationId: string, open: readonly IncidentStatus[], since: Date, until: Date, now: Date) {
    return this.prisma.$queryRaw<
      { reported: bigint; open: bigint; overdue: bigint; resolved: bigint; notified: bigint; mtta: number | null; mttr: number | null; medianResolve: number | null; medianNotify: number | null }[]
    >`
        SELECT count(*) AS reported,
               count(*) FILTER (WHERE "status"::text = ANY(${[...open]}::text[])) AS open,
               count(*) FILTER (WHERE "status"::text = ANY(${[...open]}::text[]) AND "notificationDecision" IS NULL AND "notificationDeadline" < ${now}) AS overdue,
               count("resolvedAt") AS resolved,
               count("notifiedAt") AS notified,
               avg(extract(epoch FROM ("acknowledgedAt" - "reportedAt")) / 3600)::float8 AS mtta,
               avg(extract(epoch FROM ("resolvedAt" - "reportedAt")) / 3600)::float8 AS mttr,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ("resolvedAt" - "reportedAt")) / 3600))::float8 AS "medianResolve",
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ("notifiedAt" - "awareAt")) / 3600))::float8 AS "medianNotify"
        FROM "Incident" WHERE "organizationId" = ${organizationId}::uuid AND "reportedAt" >= ${since} AND "reportedAt" < ${until}`;
  }

  providers(organizationId: string, slugs: string[]) {
    return this.prisma.provider.findMany({ where: { organizationId, slug: { in: slugs } }, select: { slug: true, name: true, status: true } });
  }
}
