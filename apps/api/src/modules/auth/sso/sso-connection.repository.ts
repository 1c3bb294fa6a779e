import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../database/prisma.service';
import { Transactions } from '../../../database/transactions';
import type { Prisma } from '../../../generated/prisma/client';
import type { Role } from '../../../generated/prisma/enums';

const userFields = { id: true, organizationId: true, email: true, name: true, role: true, groups: true, disabled: true, ssoIssuer: true, ssoSubject: true, provisionedBy: true } as const;

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

  async organizationSlug(organizationId: string): Promise<string> {
    return (await this.prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { slug: true } })).slug;
  }

  /** How many people of the organization sign in through SSO, and the latest sign-in of any of them. */
  async ssoUsage(organizationId: string): Promise<{ users: number; lastSignInAt: Date | null }> {
    const where = { organizationId, ssoSubject: { not: null } };
    const [users, latest] = await Promise.all([this.prisma.user.count({ where }), this.prisma.user.aggregate({ where, _max: { lastLoginAt: true } })]);
    return { users, lastSignInAt: latest._max.lastLoginAt };
  }

  /** Enabled connections to an issuer, with their organization's slug (an issuer may serve several organizations). */
  enabledByIssuer(issuers: string[]) {
    return this.prisma.ssoConnection.findMany({ where: { issuer: { in: issuers }, enabled: true, protocol: 'oidc' }, include: { organization: { select: { slug: true } } }, take: 2 });
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

  /** The SSO identity a user signed in with (for SAML's logout request). */
  ssoIdentityOf(userId: string) {
    return this.prisma.user.findUnique({ where: { id: userId }, select: { ssoIssuer: true, ssoSubject: true } });
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

  /** Whether the organization has verified this e-mail domain (DNS TXT record). */
  async domainVerifiedFor(organizationId: string, domain: string): Promise<boolean> {
    const row = await this.db.organizationDomain.findFirst({ where: { organizationId, domain, verifiedAt: { not: null } }, select: { id: true } });
    return row !== null;
  }

  /**
   * The enabled SSO connection of the organization that verified this e-mail domain, with its
   * slug (home-realm discovery); null when no organization verified it or its SSO is off.
   */
  async enabledConnectionForVerifiedDomain(domain: string) {
    const row = await this.prisma.organizationDomain.findFirst({
      where: { domain, verifiedAt: { not: null } },
      select: { organization: { select: { slug: true, ssoConnection: { select: { enabled: true, protocol: true, issuer: true, samlIdpEntityId: true } } } } },
    });
    const conn = row?.organization.ssoConnection;
    if (!row || !conn?.enabled) return null;
    return { slug: row.organization.slug, protocol: conn.protocol };
  }

  /**
   * Records a SAML response as consumed; false when it already was (a replay), on this instance or
   * another. Expired records are dropped on the way.
   */
  async consumeSamlResponse(key: string, expiresAt: Date): Promise<boolean> {
    await this.prisma.samlResponseUse.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    const inserted = await this.prisma.$executeRaw`INSERT INTO "SamlResponseUse" ("key", "expiresAt") VALUES (${key}, ${expiresAt}) ON CONFLICT ("key") DO NOTHING`;
    return inserted === 1;
  }

  /** The SAML key pair of the organization's connection, or null when none was made yet. */
  async samlSpKeys(organizationId: string): Promise<{ privateKey: string; certificate: string } | null> {
    const row = await this.prisma.ssoConnection.findUnique({ where: { organizationId }, select: { samlSpPrivateKey: true, samlSpCertificate: true } });
    return row?.samlSpPrivateKey && row.samlSpCertificate ? { privateKey: row.samlSpPrivateKey, certificate: row.samlSpCertificate } : null;
  }

  /**
   * Stores a key pair for the organization's connection unless one is there already (a connection
   * row is made, switched off and unconfigured, when none exists: the SP metadata comes before the setup), and
   * answers the one stored (the first writer wins when two instances race).
   */
  async keepSamlSpKeys(organizationId: string, keys: { privateKey: string; certificate: string }): Promise<{ privateKey: string; certificate: string }> {
    await this.prisma.$executeRaw`INSERT INTO "SsoConnection" ("id", "organizationId", "enabled", "protocol", "samlSpPrivateKey", "samlSpCertificate", "updatedAt")
      VALUES (gen_random_uuid(), ${organizationId}::uuid, false, 'oidc', ${keys.privateKey}, ${keys.certificate}, now())
      ON CONFLICT ("organizationId") DO UPDATE SET "samlSpPrivateKey" = COALESCE("SsoConnection"."samlSpPrivateKey", EXCLUDED."samlSpPrivateKey"),
        "samlSpCertificate" = CASE WHEN "SsoConnection"."samlSpPrivateKey" IS NULL THEN EXCLUDED."samlSpCertificate" ELSE "SsoConnection"."samlSpCertificate" END`;
    return (await this.samlSpKeys(organizationId))!;
  }

  /** The organization's id by its slug (SAML routes name the organization in their path). */
  async organizationIdBySlug(slug: string): Promise<string | null> {
    return (await this.prisma.organization.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
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
