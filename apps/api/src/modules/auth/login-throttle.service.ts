import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { PrismaService } from '../../database/prisma.service';
import { sha256Hex } from './tokens';

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

/**
 * Sign-in attempts counted per e-mail (hashed), whether or not the account exists, in the database
 * so the count holds across instances and addresses. An attempt is claimed **before** the password
 * is verified, in one statement (INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING): the
 * row lock serialises concurrent claims, so of a parallel burst at most MAX_FAILURES are verified
 * and the rest are refused without hashing. A failure with MAX_FAILURES attempts in the window
 * locks the e-mail for 15 minutes; a success clears the count. The answer is the same for known and
 * unknown e-mails.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly prisma: PrismaService) {}

  private key(email: string): string {
    return sha256Hex(`login:${email.trim().toLowerCase()}`);
  }

  /**
   * Claims one attempt for the e-mail, or throws 429 when it is locked or MAX_FAILURES attempts of
   * the current window are already claimed (in flight or failed). Call before verifying a password.
   */
  async claimAttempt(email: string): Promise<void> {
    const key = this.key(email);
    const now = new Date();
    const windowFloor = new Date(now.getTime() - WINDOW_MS);
    // A row starts afresh when its window or its lock has run out.
    const claimed = await this.prisma.$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" AS t (key, failures, "windowStart", "lockedUntil") VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t."lockedUntil" <= ${now} OR t."windowStart" < ${windowFloor} THEN 1 ELSE t.failures + 1 END,
        "windowStart" = CASE WHEN t."lockedUntil" <= ${now} OR t."windowStart" < ${windowFloor} THEN ${now} ELSE t."windowStart" END,
        "lockedUntil" = CASE WHEN t."lockedUntil" <= ${now} THEN NULL ELSE t."lockedUntil" END
      WHERE t."lockedUntil" <= ${now} OR (t."lockedUntil" IS NULL AND (t."windowStart" < ${windowFloor} OR t.failures < ${MAX_FAILURES}))
      RETURNING failures`;
    if (claimed.length) return;
    const row = await this.prisma.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
    const until = row?.lockedUntil?.getTime() ?? now.getTime() + LOCK_MS;
    const wait = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    throw new AppError('rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s)`, undefined, {
      'retry-after': String(wait),
    });
  }

  /** The claimed attempt failed: with MAX_FAILURES attempts in the window, the e-mail is locked. */
  async recordFailure(email: string): Promise<void> {
    const lockedUntil = new Date(Date.now() + LOCK_MS);
    await this.prisma.loginThrottle.updateMany({ where: { key: this.key(email), failures: { gte: MAX_FAILURES }, lockedUntil: null }, data: { lockedUntil } });
  }

  async recordSuccess(email: string): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: this.key(email) } });
  }
}
