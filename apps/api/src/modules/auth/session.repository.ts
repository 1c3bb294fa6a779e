import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../database/prisma.service';

@Injectable()
export class SessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { id: string; organizationId: string; userId: string; csrfToken: string; expiresAt: Date; ip?: string; userAgent?: string }) {
    return this.prisma.session.create({ data });
  }

  findWithUser(id: string) {
    return this.prisma.session.findUnique({
      where: { id },
      include: { user: { select: { id: true, email: true, name: true, role: true, groups: true, disabled: true, organizationId: true } } },
    });
  }

  touch(id: string, at: Date) {
    return this.prisma.session.updateMany({ where: { id }, data: { lastSeenAt: at } });
  }

  delete(id: string) {
    return this.prisma.session.deleteMany({ where: { id } });
  }

  /** Every session of the user (but `exceptId`), inside the caller's transaction when given. */
  deleteForUser(organizationId: string, userId: string, opts: { tx?: Tx; exceptId?: string } = {}) {
    const db = opts.tx ?? this.prisma;
    return db.session.deleteMany({ where: { organizationId, userId, ...(opts.exceptId ? { id: { not: opts.exceptId } } : {}) } });
  }

  deleteExpired(now: Date) {
    return this.prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}
