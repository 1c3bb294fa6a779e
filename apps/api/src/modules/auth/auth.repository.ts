import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';
import { SSO_ONLY_SELECT } from './sso/sso-only';

/** What signing in reads and writes: the user behind an e-mail or id, the last sign-in, and what `/me` shows. */
@Injectable()
export class AuthRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The user of an e-mail, in any organization (e-mails are unique across the installation). */
  userForPassword(email: string) {
    return this.transactions.db.user.findUnique({
      where: { email },
      select: { id: true, organizationId: true, email: true, role: true, passwordHash: true, disabled: true, mfaEnabled: true, ...SSO_ONLY_SELECT },
    });
  }

  user(organizationId: string, userId: string) {
    return this.transactions.db.user.findFirst({ where: { organizationId, id: userId }, select: { id: true, organizationId: true, email: true, role: true, disabled: true } });
  }

  async touchLastLogin(organizationId: string, userId: string, at: Date): Promise<void> {
    await this.transactions.db.user.updateMany({ where: { organizationId, id: userId }, data: { lastLoginAt: at } });
  }

  /** The organization's name and slug, and whether its SSO connection is on. */
  async organization(organizationId: string): Promise<{ id: string; name: string; slug: string; ssoEnabled: boolean }> {
    const db = this.transactions.db;
    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, slug: true } });
    const sso = await db.ssoConnection.findUnique({ where: { organizationId }, select: { enabled: true } });
    return { ...org, ssoEnabled: sso?.enabled ?? false };
  }
}
