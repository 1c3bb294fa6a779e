import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { PrismaService } from '../../database/prisma.service';
import { sha256Hex } from './tokens';

export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

/**
 * Failed sign-ins counted per e-mail (hashed), whether or not the account exists, in the database
 * so the count holds across instances. After MAX_FAILURES within 15 minutes the e-mail is locked
 * for 15 minutes; the answer is the same for known and unknown e-mails.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly prisma: PrismaService) {}

  private key(email: string): string {
    return sha256Hex(`login:${email.trim().toLowerCase()}`);
  }

  async assertNotLocked(email: string): Promise<void> {
    const row = await this.prisma.loginThrottle.findUnique({ where: { key: this.key(email) } });
    const until = row?.lockedUntil?.getTime() ?? 0;
    if (until > Date.now()) {
      const wait = Math.ceil((until - Date.now()) / 1000);
      throw new AppError('rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s)`, undefined, {
        'retry-after': String(wait),
      });
    }
  }

  async recordFailure(email: string): Promise<void> {
    const key = this.key(email);
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil },
        update: { failures: lockedUntil ? 0 : failures, windowStart: fresh || lockedUntil ? now : row!.windowStart, lockedUntil },
      });
    });
  }

  async recordSuccess(email: string): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: this.key(email) } });
  }
}
