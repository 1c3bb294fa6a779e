import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';
import { Transactions } from '../../database/transactions';

@Injectable()
export class SessionRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  create(data: { id: string; organizationId: string; userId: string; csrfToken: string; expiresAt: Date; ip?: string; userAgent?: string; method?: string; mfaAt?: Date | null }) {
    return this.prisma.session.create({ data });
  }

  findWithUser(id: string) {
    return this.prisma.session.findUnique({
      where: { id },
      include: {
        user: { select: { id: true, email: true, name: true, role: true, groups: true, disabled: true, organizationId: true, mfaEnabled: true } },
        organization: { select: { settings: true } },
      },
    });
  }

  /** A second factor was proven in this session now (sign-in or step-up). */
  markMfa(id: string, at: Date) {
    return this.db.session.updateMany({ where: { id }, data: { mfaAt: at } });
  }

  setWebauthnChallenge(id: string, challenge: string, expiresAt: Date) {
    return this.prisma.session.updateMany({ where: { id }, data: { webauthnChallenge: challenge, webauthnChallengeExpiresAt: expiresAt } });
  }

  /** Takes the session's WebAuthn challenge (single use: of two racing requests one gets it). */
  async takeWebauthnChallenge(id: string, now: Date): Promise<string | null> {
    const row = await this.prisma.session.findUnique({ where: { id }, select: { webauthnChallenge: true, webauthnChallengeExpiresAt: true } });
    if (!row?.webauthnChallenge) return null;
    const taken = await this.prisma.session.updateMany({ where: { id, webauthnChallenge: row.webauthnChallenge }, data: { webauthnChallenge: null, webauthnChallengeExpiresAt: null } });
    if (taken.count !== 1 || !row.webauthnChallengeExpiresAt || row.webauthnChallengeExpiresAt <= now) return null;
    return row.webauthnChallenge;
  }

  touch(id: string, at: Date) {
    return this.prisma.session.updateMany({ where: { id }, data: { lastSeenAt: at } });
  }

  delete(id: string) {
    return this.prisma.session.deleteMany({ where: { id } });
  }

  /** Every session of the user (but `exceptId`), in the current transaction if there is one. */
  deleteForUser(organizationId: string, userId: string, opts: { exceptId?: string } = {}) {
    return this.db.session.deleteMany({ where: { organizationId, userId, ...(opts.exceptId ? { id: { not: opts.exceptId } } : {}) } });
  }

  /** The user's sessions that have not expired, newest first. */
  activeOf(organizationId: string, userId: string, now: Date) {
    return this.prisma.session.findMany({
      where: { organizationId, userId, expiresAt: { gt: now } },
      orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, publicId: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
      take: 200,
    });
  }

  /** Ends one session of the user by its public id; the deleted row's token hash, or null when there was none. */
  async deleteOne(organizationId: string, userId: string, publicId: string): Promise<{ id: string; ip: string | null; userAgent: string | null } | null> {
    const row = await this.db.session.findFirst({ where: { organizationId, userId, publicId }, select: { id: true, ip: true, userAgent: true } });
    if (!row) return null;
    await this.db.session.deleteMany({ where: { id: row.id } });
    return row;
  }

  deleteExpired(now: Date) {
    return this.prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}
