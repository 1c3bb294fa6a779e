import { Injectable } from '@nestjs/common';
import { SSO_ONLY_SELECT } from './sso/sso-only';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';
import type { UserTokenKind } from '../../generated/prisma/enums';

@Injectable()
export class UserTokenRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  create(data: { organizationId: string; userId: string; kind: UserTokenKind; tokenHash: string; expiresAt: Date }) {
    return this.db.userToken.create({ data, select: { id: true, expiresAt: true } });
  }

  /** Unused tokens of that kind stop working (a new invitation or reset replaces the previous ones). */
  expireOutstanding(userId: string, kind: UserTokenKind, now: Date) {
    return this.db.userToken.updateMany({ where: { userId, kind, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  }

  findByHash(tokenHash: string) {
    return this.db.userToken.findUnique({
      where: { tokenHash },
      include: { user: { select: { id: true, organizationId: true, email: true, name: true, disabled: true, passwordHash: true, ssoSubject: true, ...SSO_ONLY_SELECT } } },
    });
  }

  /** Marks the token used if it still is usable; 1 when this call won the race, 0 otherwise. */
  async consume(id: string, now: Date): Promise<number> {
    return (await this.db.userToken.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })).count;
  }

  countSince(userId: string, kind: UserTokenKind, since: Date) {
    return this.db.userToken.count({ where: { userId, kind, createdAt: { gte: since } } });
  }

  /** Serialises token issuance per user for the rest of the transaction (FOR UPDATE on the user row). */
  async lockUser(userId: string): Promise<void> {
    await this.db.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  }

  findUserByEmail(email: string) {
    return this.prisma.user.findUnique({
      where: { email },
      select: { id: true, organizationId: true, email: true, name: true, disabled: true, passwordHash: true, ssoSubject: true, ...SSO_ONLY_SELECT },
    });
  }

  findUserPassword(userId: string) {
    return this.prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, passwordHash: true, disabled: true } });
  }

  setPassword(userId: string, passwordHash: string, name?: string) {
    return this.db.user.update({ where: { id: userId }, data: { passwordHash, ...(name ? { name } : {}) }, select: { id: true, email: true, name: true } });
  }

  organizationName(organizationId: string) {
    return this.db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
  }
}
