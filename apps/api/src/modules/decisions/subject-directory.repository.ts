import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

/** A person as the directory reads them. */
export interface DirectoryUserRow {
  id: string;
  email: string;
  groups: string[];
  /** "updatedAt" in ms since the epoch (a number: no Date per row to parse and collect). */
  updatedMs: number;
}

const PAGE_COLUMNS = `id, email, groups, (extract(epoch FROM "updatedAt") * 1000)::float8 AS "updatedMs"`;

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

  /**
   * The organization's enabled users with their groups, in id order, in pages of `pageSize` read
   * each after the last id of the one before (keyset, never OFFSET): an organization of 100,000
   * people is never one result turned into objects at once, which would hold the event loop (see
   * SubjectDirectoryService.load). On the pg pool, not Prisma: turning a page of 2,000 rows into
   * objects took Prisma's $queryRaw 40-80 ms of the event loop, pg a few.
   */
  async *enabledUsers(organizationId: string, pageSize = 1000): AsyncGenerator<DirectoryUserRow[]> {
    let after: string | null = null;
    for (;;) {
      const page = after === null ? this.firstPage(organizationId, pageSize) : this.pageAfter(organizationId, after, pageSize);
      const rows: DirectoryUserRow[] = (await page).rows;
      if (rows.length) yield rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  private firstPage(organizationId: string, pageSize: number) {
    return this.prisma.pool.query<DirectoryUserRow>(`SELECT ${PAGE_COLUMNS} FROM "User" WHERE "organizationId" = $1 AND NOT disabled ORDER BY id LIMIT $2`, [organizationId, pageSize]);
  }

  private pageAfter(organizationId: string, after: string, pageSize: number) {
    return this.prisma.pool.query<DirectoryUserRow>(`SELECT ${PAGE_COLUMNS} FROM "User" WHERE "organizationId" = $1 AND NOT disabled AND id > $2 ORDER BY id LIMIT $3`, [organizationId, after, pageSize]);
  }
}
