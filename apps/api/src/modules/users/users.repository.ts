import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import { idIn, orderOf, type Page, searchText, type Sort } from '../../common/list-query';
import type { Prisma } from '../../generated/prisma/client';
import type { Role } from '../../generated/prisma/enums';

/** Pending invitations are read with the user, for the list and the detail. */
const withInvitation = (now: Date) =>
  ({
    tokens: { where: { kind: 'invitation', usedAt: null, expiresAt: { gt: now } }, select: { expiresAt: true }, orderBy: { expiresAt: 'desc' }, take: 1 },
  }) as const;

export interface UserFilter {
  id?: string[];
  q?: string;
  role?: Role | Role[];
  disabled?: boolean;
  group?: string;
}

export type UserRow = Prisma.UserGetPayload<{ include: ReturnType<typeof withInvitation> }>;

@Injectable()
export class UsersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  list(organizationId: string, f: UserFilter, sort: Sort, page: Page) {
    const w: Prisma.UserWhereInput = {
      organizationId,
      ...idIn(f.id),
      ...searchText(f.q, ['email', 'name']),
      ...(f.role ? { role: { in: Array.isArray(f.role) ? f.role : [f.role] } } : {}),
      ...(f.disabled !== undefined ? { disabled: f.disabled } : {}),
      ...(f.group ? { groups: { has: f.group } } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.user.findMany({ where: w, orderBy: [orderOf(sort), { id: 'asc' }], ...page, include: withInvitation(new Date()) }),
      this.prisma.user.count({ where: w }),
    ]);
  }

  find(organizationId: string, id: string) {
    return this.db.user.findFirst({ where: { organizationId, id }, include: withInvitation(new Date()) });
  }

  /** The e-mails of the users among `ids` that are this organization's, by id. */
  async emailsOf(organizationId: string, ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.db.user.findMany({ where: { organizationId, id: { in: ids } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  }

  /** Locks the row (FOR UPDATE) so concurrent changes to the same user serialise. */
  async lock(organizationId: string, id: string): Promise<boolean> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE "organizationId" = ${organizationId}::uuid AND id = ${id}::uuid FOR UPDATE`;
    return rows.length === 1;
  }

  emailTaken(email: string) {
    return this.db.user.findUnique({ where: { email }, select: { id: true } });
  }

  async missingGroups(organizationId: string, names: readonly string[]): Promise<string[]> {
    if (!names.length) return [];
    const found = await this.db.group.findMany({ where: { organizationId, name: { in: [...names] } }, select: { name: true } });
    const have = new Set(found.map((g) => g.name));
    return names.filter((n) => !have.has(n));
  }

  /**
   * The groups whose membership single sign-on sets at every sign-in (those listing provider
   * groups), or null while the organization's single sign-on is off (then nothing is overwritten).
   */
  async ssoSyncedGroups(organizationId: string): Promise<string[] | null> {
    if ((await this.db.ssoConnection.count({ where: { organizationId, enabled: true } })) === 0) return null;
    const rows = await this.db.group.findMany({ where: { organizationId, NOT: { ssoGroups: { isEmpty: true } } }, select: { name: true } });
    return rows.map((g) => g.name);
  }

  /** Whether the user is the break-glass owner of the organization's SSO-only connection (SSO on). */
  async isSsoOnlyBreakGlass(organizationId: string, userId: string): Promise<boolean> {
    return (await this.db.ssoConnection.count({ where: { organizationId, enabled: true, ssoOnly: true, breakGlassUserId: userId } })) > 0;
  }

  /**
   * Locks the organization's enabled owners (FOR UPDATE) and returns the ids of those who can sign
   * in (a password set or an SSO identity): an invited owner who never accepted cannot run the
   * organization, so does not count towards "the last owner".
   */
  async lockActiveOwners(organizationId: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ id: string; canSignIn: boolean }[]>`SELECT id, ("passwordHash" IS NOT NULL OR "ssoSubject" IS NOT NULL) AS "canSignIn" FROM "User" WHERE "organizationId" = ${organizationId}::uuid AND role = 'owner' AND disabled = false ORDER BY id FOR UPDATE`;
    return rows.filter((r) => r.canSignIn).map((r) => r.id);
  }

  create(data: { organizationId: string; email: string; name: string; role: Role; groups: string[]; passwordHash: string | null }) {
    return this.db.user.create({ data, include: withInvitation(new Date()) });
  }

  update(id: string, data: { name?: string; role?: Role; groups?: string[]; disabled?: boolean }) {
    return this.db.user.update({ where: { id }, data, include: withInvitation(new Date()) });
  }
}
