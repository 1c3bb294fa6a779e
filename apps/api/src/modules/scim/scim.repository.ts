import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { orderOf, type Page, type Sort } from '../../common/list-query';

const userSelect = {
  id: true,
  organizationId: true,
  email: true,
  name: true,
  role: true,
  groups: true,
  disabled: true,
  externalId: true,
  provisionedBy: true,
  ssoSubject: true,
  passwordHash: true,
  createdAt: true,
  updatedAt: true,
} as const;
export type ScimUserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

const groupSelect = { id: true, organizationId: true, name: true, displayName: true, externalId: true, createdAt: true, updatedAt: true } as const;
export type ScimGroupRow = Prisma.GroupGetPayload<{ select: typeof groupSelect }>;

/** What a SCIM user filter can name (RFC 7644 `eq` on one attribute; none: every user). */
export interface ScimUserFilter {
  email?: string;
  externalId?: string;
  id?: string;
}

/** What a SCIM group filter can name. */
export interface ScimGroupFilter {
  displayName?: string;
  externalId?: string;
  id?: string;
}

/** SCIM lists in creation order (then id), so startIndex pages are stable. */
export const SCIM_ORDER: Sort = { field: 'createdAt', order: 'asc' };

/**
 * The rows SCIM reads and writes. Every method takes the organization first and filters by it;
 * users deleted through SCIM (`scimDeletedAt`) are invisible here, as if gone.
 */
@Injectable()
export class ScimRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  // --- users -------------------------------------------------------------------------------------

  /** Live users (not deleted through SCIM) matching the filter's one attribute, if any. */
  listUsers(organizationId: string, f: ScimUserFilter, sort: Sort, page: Page) {
    const w: Prisma.UserWhereInput = {
      organizationId,
      scimDeletedAt: null,
      ...(f.email !== undefined ? { email: f.email } : {}),
      ...(f.externalId !== undefined ? { externalId: f.externalId } : {}),
      ...(f.id !== undefined ? { id: f.id } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.user.findMany({ where: w, orderBy: [orderOf(sort), { id: 'asc' }], ...page, select: userSelect }),
      this.prisma.user.count({ where: w }),
    ]);
  }

  findUser(organizationId: string, id: string) {
    return this.db.user.findFirst({ where: { organizationId, id, scimDeletedAt: null }, select: userSelect });
  }

  /** Locks the user's row (FOR UPDATE); false when it is not a live user of the organization. */
  async lockUser(organizationId: string, id: string): Promise<boolean> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid AND "scimDeletedAt" IS NULL FOR UPDATE`;
    return rows.length === 1;
  }

  /** Who holds an e-mail, installation-wide (e-mails are unique across organizations). */
  emailHolder(email: string) {
    return this.db.user.findUnique({ where: { email }, select: { id: true, organizationId: true, scimDeletedAt: true } });
  }

  createUser(data: { organizationId: string; email: string; name: string; externalId: string | null; disabled: boolean }) {
    return this.db.user.create({ data: { ...data, role: 'employee', groups: [], passwordHash: null, provisionedBy: 'scim' }, select: userSelect });
  }

  /** `id` was locked by lockUser in this transaction (so it belongs to the organization). */
  updateUser(id: string, data: { email?: string; name?: string; externalId?: string | null; disabled?: boolean; scimDeletedAt?: Date | null }) {
    return this.db.user.update({ where: { id }, data, select: userSelect });
  }

  /** Enabled owners who can sign in, locked (the organization must keep one). */
  async lockActiveOwners(organizationId: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ id: string; canSignIn: boolean }[]>`SELECT id, ("passwordHash" IS NOT NULL OR "ssoSubject" IS NOT NULL) AS "canSignIn" FROM "User" WHERE "organizationId" = ${organizationId}::uuid AND role = 'owner' AND disabled = false ORDER BY id FOR UPDATE`;
    return rows.filter((r) => r.canSignIn).map((r) => r.id);
  }

  /** The organization's groups with these names (User.groups holds names). */
  groupsNamed(organizationId: string, names: readonly string[]) {
    if (!names.length) return Promise.resolve([] as ScimGroupRow[]);
    return this.db.group.findMany({ where: { organizationId, name: { in: [...names] } }, select: groupSelect });
  }

  /** Which of these ids are live users of the organization. */
  async liveUserIds(organizationId: string, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db.user.findMany({ where: { organizationId, id: { in: [...ids] }, scimDeletedAt: null }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }

  // --- groups ------------------------------------------------------------------------------------

  /** Groups matching the filter's one attribute, if any (a display name compares case-insensitively). */
  listGroups(organizationId: string, f: ScimGroupFilter, sort: Sort, page: Page) {
    const w: Prisma.GroupWhereInput = {
      organizationId,
      ...(f.displayName !== undefined
        ? { OR: [{ displayName: { equals: f.displayName, mode: 'insensitive' } }, { displayName: null, name: { equals: f.displayName, mode: 'insensitive' } }] }
        : {}),
      ...(f.externalId !== undefined ? { externalId: f.externalId } : {}),
      ...(f.id !== undefined ? { id: f.id } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.group.findMany({ where: w, orderBy: [orderOf(sort), { id: 'asc' }], ...page, select: groupSelect }),
      this.prisma.group.count({ where: w }),
    ]);
  }

  findGroup(organizationId: string, id: string) {
    return this.db.group.findFirst({ where: { organizationId, id }, select: groupSelect });
  }

  async lockGroup(organizationId: string, id: string): Promise<boolean> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`SELECT id FROM "Group" WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid FOR UPDATE`;
    return rows.length === 1;
  }

  /** A group whose SCIM display name is `displayName` (case-insensitive): its displayName, or its name when it has none. */
  groupWithDisplayName(organizationId: string, displayName: string, exceptId?: string) {
    return this.db.group.findFirst({
      where: {
        organizationId,
        ...(exceptId ? { id: { not: exceptId } } : {}),
        OR: [{ displayName: { equals: displayName, mode: 'insensitive' } }, { displayName: null, name: { equals: displayName, mode: 'insensitive' } }],
      },
      select: { id: true },
    });
  }

  async groupNamesLike(organizationId: string, base: string): Promise<Set<string>> {
    const rows = await this.db.group.findMany({ where: { organizationId, name: { startsWith: base } }, select: { name: true } });
    return new Set(rows.map((r) => r.name));
  }

  createGroup(data: { organizationId: string; name: string; displayName: string; externalId: string | null }) {
    return this.db.group.create({ data, select: groupSelect });
  }

  updateGroup(id: string, data: { displayName?: string; externalId?: string | null }) {
    return this.db.group.update({ where: { id }, data, select: groupSelect });
  }

  deleteGroup(id: string) {
    return this.db.group.delete({ where: { id } });
  }

  /**
   * Live members of a group (User.groups holds the group's name) in e-mail order, `take` after
   * `afterEmail` (keyset: e-mails are unique): a group can have 100,000 members, read a page at a time.
   */
  membersPage(organizationId: string, groupName: string, afterEmail: string | null, take: number) {
    return this.db.user.findMany({
      where: { organizationId, groups: { has: groupName }, scimDeletedAt: null, ...(afterEmail === null ? {} : { email: { gt: afterEmail } }) },
      select: { id: true, email: true },
      orderBy: { email: 'asc' },
      take,
    });
  }

  /** Adds the group to these users (set-based, organization-scoped); returns how many changed. */
  addMembers(organizationId: string, groupName: string, userIds: readonly string[]) {
    if (!userIds.length) return Promise.resolve(0);
    return this.db.$executeRaw`UPDATE "User" SET groups = array_append(groups, ${groupName}), "updatedAt" = now()
      WHERE "organizationId" = ${organizationId}::uuid AND id = ANY(${[...userIds]}::uuid[]) AND NOT (${groupName} = ANY(groups))`;
  }

  /** Removes the group from these users, or from every user when `userIds` is null (`@>`: the GIN index on groups finds them). */
  removeMembers(organizationId: string, groupName: string, userIds: readonly string[] | null) {
    if (userIds && !userIds.length) return Promise.resolve(0);
    return userIds
      ? this.db.$executeRaw`UPDATE "User" SET groups = array_remove(groups, ${groupName}), "updatedAt" = now()
          WHERE "organizationId" = ${organizationId}::uuid AND id = ANY(${[...userIds]}::uuid[]) AND groups @> ARRAY[${groupName}]::text[]`
      : this.db.$executeRaw`UPDATE "User" SET groups = array_remove(groups, ${groupName}), "updatedAt" = now()
          WHERE "organizationId" = ${organizationId}::uuid AND groups @> ARRAY[${groupName}]::text[]`;
  }
}
