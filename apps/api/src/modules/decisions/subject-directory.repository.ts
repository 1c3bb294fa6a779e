import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

/** What the in-memory directory of people reads: each organization's enabled users and groups. */
@Injectable()
export class SubjectDirectoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Per organization (all of them: the poll that covers a lost NOTIFY), the newest update and the
   * number of its enabled users; raw SQL for one grouped query over the installation.
   */
  changeMarks() {
    return this.prisma.$queryRaw<{ organizationId: string; latest: Date | null; users: bigint }[]>`
      SELECT o.id AS "organizationId", max(u."updatedAt") AS latest, count(u.id) AS users
      FROM "Organization" o LEFT JOIN "User" u ON u."organizationId" = o.id AND NOT u.disabled
      GROUP BY o.id`;
  }

  /** The organization's enabled users with their groups, in id order. */
  enabledUsers(organizationId: string) {
    return this.prisma.user.findMany({
      where: { organizationId, disabled: false },
      select: { id: true, email: true, groups: true, updatedAt: true },
      orderBy: { id: 'asc' },
    });
  }
}
