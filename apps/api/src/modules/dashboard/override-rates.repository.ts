import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

/** Reads the hourly warning/override rollups (DecisionOverrideRollup) of one organization. */
@Injectable()
export class OverrideRatesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Per service: the '*' rows, which count each warning once whatever the subject's groups. */
  byService(organizationId: string, since: Date, until: Date) {
    return this.prisma.$queryRaw<{ slug: string; warned: bigint; overridden: bigint }[]>`
      SELECT "providerSlug" AS slug, sum("warned") AS warned, sum("overridden") AS overridden
      FROM "DecisionOverrideRollup"
      WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} AND "bucket" < ${until} AND "subjectGroup" = '*'
      GROUP BY 1 ORDER BY warned DESC, slug LIMIT 50`;
  }

  /** Per group of the subject (a person in two groups counts in both). */
  byGroup(organizationId: string, since: Date, until: Date) {
    return this.prisma.$queryRaw<{ group: string; warned: bigint; overridden: bigint }[]>`
      SELECT "subjectGroup" AS "group", sum("warned") AS warned, sum("overridden") AS overridden
      FROM "DecisionOverrideRollup"
      WHERE "organizationId" = ${organizationId}::uuid AND "bucket" >= ${since} AND "bucket" < ${until} AND "subjectGroup" <> '*'
      GROUP BY 1 ORDER BY warned DESC, "group" LIMIT 50`;
  }

  providerNames(organizationId: string, slugs: string[]) {
    return this.prisma.provider.findMany({ where: { organizationId, slug: { in: slugs } }, select: { slug: true, name: true } });
  }
}
