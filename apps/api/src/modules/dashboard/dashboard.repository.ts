import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { IncidentStatus } from '../../generated/prisma/enums';

/**
 * What the dashboard reads of one organization: the hourly decision rollups (raw SQL: grouped
 * sums over the rollup tables) and the incident figures.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Decisions per UTC day and effect since `since`. */
  decisionsByDay(organizationId: string, since: Date) {
    return this.prisma.$queryRaw<{ day: Date; effect: string; n: bigint }[]>`
        SELECT date_trunc('day', "bucket" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day, "effect"::text AS effect, sum("count") AS n
        FROM "DecisionRollup" WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since}
        GROUP BY 1, 2 ORDER BY 1`;
  }

  /** The twelve busiest AI services since `since`, with their blocked, warned and redacted counts. */
  topProviders(organizationId: string, since: Date) {
    return this.prisma.$queryRaw<{ slug: string; total: bigint; blocked: bigint; warned: bigint; redacted: bigint }[]>`
        SELECT "providerSlug" AS slug, sum("count") AS total,
               sum("count") FILTER (WHERE "effect" = 'block') AS blocked,
               sum("count") FILTER (WHERE "effect" = 'warn') AS warned,
               sum("count") FILTER (WHERE "effect" = 'redact') AS redacted
        FROM "DecisionRollup" WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} AND "providerSlug" <> ''
        GROUP BY 1 ORDER BY total DESC LIMIT 12`;
  }

  /** Decisions per data class since `since`, and how many of them were blocked or redacted. */
  dataClasses(organizationId: string, since: Date) {
    return this.prisma.$queryRaw<{ dataClass: string; n: bigint; blocked: bigint }[]>`
        SELECT "dataClass", sum("count") AS n, sum("count") FILTER (WHERE "effect" IN ('block', 'redact')) AS blocked
        FROM "DecisionClassRollup" WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since}
        GROUP BY 1 ORDER BY n DESC`;
  }

  /** Decisions per effect since `since`. */
  totalsByEffect(organizationId: string, since: Date) {
    return this.prisma.$queryRaw<{ effect: string; n: bigint }[]>`
        SELECT "effect"::text AS effect, sum("count") AS n FROM "DecisionRollup"
        WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} GROUP BY 1`;
  }

  openIncidentsBySeverity(organizationId: string, open: readonly IncidentStatus[]) {
    return this.prisma.incident.groupBy({ by: ['severity'], where: { organizationId, status: { in: [...open] } }, _count: { _all: true } });
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

  /** Mean hours to acknowledge and to resolve, over the incidents reported in the last 90 days. */
  responseTimes(organizationId: string) {
    return this.prisma.$queryRaw<{ mtta: number | null; mttr: number | null }[]>`
        SELECT avg(extract(epoch FROM ("acknowledgedAt" - "reportedAt")) / 3600)::float8 AS mtta,
               avg(extract(epoch FROM ("resolvedAt" - "reportedAt")) / 3600)::float8 AS mttr
        FROM "Incident" WHERE "organizationId" = ${organizationId}::uuid AND "reportedAt" >= now() - interval '90 days'`;
  }

  providers(organizationId: string, slugs: string[]) {
    return this.prisma.provider.findMany({ where: { organizationId, slug: { in: slugs } }, select: { slug: true, name: true, status: true } });
  }
}
