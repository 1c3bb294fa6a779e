import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

/**
 * The `ApiInstance` rows: one per running API instance, with the policy version it serves per
 * organization. Installation data, not an organization's: the rollout view reads every row and
 * keeps only the calling organization's version from each.
 */
@Injectable()
export class InstanceRepository {
  constructor(private readonly prisma: PrismaService) {}

  heartbeat(row: { id: string; hostname: string; startedAt: Date; lastSeenAt: Date; expiresAt: Date; policyVersions: Prisma.InputJsonValue }) {
    const { id, hostname, startedAt, ...live } = row;
    return this.prisma.apiInstance.upsert({
      where: { id },
      create: { id, hostname, startedAt, ...live },
      update: { ...live, stoppedAt: null },
    });
  }

  /** Instances seen since `since`, oldest start first. */
  seenSince(since: Date) {
    return this.prisma.apiInstance.findMany({ where: { lastSeenAt: { gte: since } }, orderBy: { startedAt: 'asc' } });
  }

  forgetSeenBefore(before: Date) {
    return this.prisma.apiInstance.deleteMany({ where: { lastSeenAt: { lt: before } } });
  }

  markStopped(id: string, at: Date) {
    return this.prisma.apiInstance.updateMany({ where: { id }, data: { stoppedAt: at, expiresAt: at, lastSeenAt: at } });
  }
}
