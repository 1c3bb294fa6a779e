import { Injectable } from '@nestjs/common';
import { Transactions } from '../../database/transactions';

/**
 * The `LoginThrottle` rows: sign-in attempts per hashed e-mail. Not tenant data (the key is a hash
 * of the e-mail, counted whether or not an account exists), so nothing here is per organization.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Claims one attempt in one statement (INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING):
   * true when claimed, false when the key is locked or `maxFailures` attempts of the window are
   * already claimed. A row starts afresh when its window or its lock has run out.
   */
  async claim(key: string, now: Date, windowFloor: Date, maxFailures: number): Promise<boolean> {
    const claimed = await this.transactions.db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "LoginThrottle" AS t (key, failures, "windowStart", "lockedUntil") VALUES (${key}, 1, ${now}, NULL)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t."lockedUntil" <= ${now} OR t."windowStart" < ${windowFloor} THEN 1 ELSE t.failures + 1 END,
        "windowStart" = CASE WHEN t."lockedUntil" <= ${now} OR t."windowStart" < ${windowFloor} THEN ${now} ELSE t."windowStart" END,
        "lockedUntil" = CASE WHEN t."lockedUntil" <= ${now} THEN NULL ELSE t."lockedUntil" END
      WHERE t."lockedUntil" <= ${now} OR (t."lockedUntil" IS NULL AND (t."windowStart" < ${windowFloor} OR t.failures < ${maxFailures}))
      RETURNING failures`;
    return claimed.length > 0;
  }

  async lockedUntil(key: string): Promise<Date | null> {
    const row = await this.transactions.db.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
    return row?.lockedUntil ?? null;
  }

  /** Locks the key when it has `maxFailures` attempts and no lock yet. */
  lock(key: string, maxFailures: number, lockedUntil: Date) {
    return this.transactions.db.loginThrottle.updateMany({ where: { key, failures: { gte: maxFailures }, lockedUntil: null }, data: { lockedUntil } });
  }

  clear(key: string) {
    return this.transactions.db.loginThrottle.deleteMany({ where: { key } });
  }
}
