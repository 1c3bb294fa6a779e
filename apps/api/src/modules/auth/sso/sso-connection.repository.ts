import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../database/prisma.service';
import { Transactions } from '../../../database/transactions';
import type { Prisma } from '../../../generated/prisma/client';
import type { Role } from '../../../generated/prisma/enums';

const userFields = { id: true, organizationId: true, email: true, name: true, role: true, groups: true, disabled: true, ssoIssuer: true, ssoSubject: true } as const;

/** SSO connections, the SSO side of users, and the installation secret that seals the SSO state cookie. */
@Injectable()
export class SsoConnectionRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  findByOrganization(organizationId: string) {
    return this.prisma.ssoConnection.findUnique({ where: { organizationId }, include: { organization: { select: { slug: true } }, breakGlassUser: { select: { email: true } } } });
  }

  /** How many people of the organization sign in through SSO, and the latest sign-in of any of them. */
  async ssoUsage(organizationId: string): Promise<{ users: number; lastSignInAt: Date | null }> {
    const where = { organizationId, ssoSubject: { not: null } };
    const [users, latest] = await Promise.all([this.prisma.user.count({ where }), this.prisma.user.aggregate({ where, _max: { lastLoginAt: true } })]);
    return { users, lastSignInAt: latest._max.lastLoginAt };
  }

  /** Enabled connections to an issuer, with their organization's slug (an issuer may serve several organizations). */
  enabledByIssuer(issuers: string[]) {
    return this.prisma.ssoConnection.findMany({ where: { issuer: { in: issuers }, enabled: true }, include: { organization: { select: { slug: true } } }, take: 2 });
  }

  findByOrganizationSlug(slug: string) {
    return this.prisma.ssoConnection.findFirst({ where: { organization: { slug } } });
  }

  /** Whether an organization (by slug) has SSO-only on through an enabled connection; false for an unknown slug. */
  async ssoOnlyBySlug(slug: string): Promise<boolean> {
    const c = await this.prisma.ssoConnection.findFirst({ where: { organization: { slug }, enabled: true, ssoOnly: true }, select: { id: true } });
    return c !== null;
  }

  findForUpdate(organizationId: string) {
    return this.db.ssoConnection.findUnique({ where: { organizationId } });
  }

  upsert(organizationId: string, data: Omit<Prisma.SsoConnectionUncheckedCreateInput, 'organizationId'>) {
    return this.db.ssoConnection.upsert({ where: { organizationId }, create: { ...data, organizationId }, update: data, include: { organization: { select: { slug: true } }, breakGlassUser: { select: { email: true } } } });
  }

  /** A user of the organization by id or e-mail, locked (FOR UPDATE) while the setting naming them is saved. */
  async lockBreakGlassCandidate(organizationId: string, ref: string): Promise<{ id: string; email: string; role: Role; disabled: boolean; hasPassword: boolean } | null> {
    const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
    const rows = isId
      ? await this.db.$queryRaw<{ id: string; email: string; role: Role; disabled: boolean; hasPassword: boolean }[]>`SELECT id, email, role, disabled, ("passwordHash" IS NOT NULL) AS "hasPassword" FROM "User" WHERE "organizationId" = ${organizationId}::uuid AND id = ${ref}::uuid FOR UPDATE`
      : await this.db.$queryRaw<{ id: string; email: string; role: Role; disabled: boolean; hasPassword: boolean }[]>`SELECT id, email, role, disabled, ("passwordHash" IS NOT NULL) AS "hasPassword" FROM "User" WHERE "organizationId" = ${organizationId}::uuid AND email = ${ref.toLowerCase()} FOR UPDATE`;
    return rows[0] ?? null;
  }

  userBySubject(issuer: string, subject: string) {
    return this.db.user.findUnique({ where: { ssoIssuer_ssoSubject: { ssoIssuer: issuer, ssoSubject: subject } }, select: userFields });
  }

  userByEmail(email: string) {
    return this.db.user.findUnique({ where: { email }, select: userFields });
  }

  createUser(data: { organizationId: string; email: string; name: string; role: Role; groups: string[]; ssoIssuer: string; ssoSubject: string }) {
    return this.db.user.create({ data, select: userFields });
  }

  updateUser(id: string, data: { role?: Role; groups?: string[]; ssoIssuer?: string; ssoSubject?: string }) {
    return this.db.user.update({ where: { id }, data, select: userFields });
  }

  /** Groups of the organization that name SSO group values (Group.ssoGroups): their membership follows the IdP. */
  ssoManagedGroups(organizationId: string) {
    return this.db.group.findMany({ where: { organizationId, NOT: { ssoGroups: { isEmpty: true } } }, select: { name: true, ssoGroups: true } });
  }

  /**
   * Locks the organization's enabled owners (FOR UPDATE) and returns the ids of those who can sign
   * in (a password set or an SSO identity): an invited owner who never accepted cannot run the
   * organization, so does not count towards "the last owner".
   */
  async lockActiveOwners(organizationId: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ id: string; canSignIn: boolean }[]>`SELECT id, ("passwordHash" IS NOT NULL OR "ssoSubject" IS NOT NULL) AS "canSignIn" FROM "User" WHERE "organizationId" = ${organizationId}::uuid AND role = 'owner' AND disabled = false FOR UPDATE`;
    return rows.filter((r) => r.canSignIn).map((r) => r.id);
  }

  /** A random secret generated once per installation and shared by every instance. */
  async instanceSecret(name: string, generated: string): Promise<string> {
    await this.prisma.instanceSecret.upsert({ where: { name }, create: { name, value: generated }, update: {} });
    return (await this.prisma.instanceSecret.findUniqueOrThrow({ where: { name } })).value;
  }
}
