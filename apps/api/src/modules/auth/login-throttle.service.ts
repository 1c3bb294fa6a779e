import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { LoginThrottleRepository } from './login-throttle.repository';
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
  constructor(private readonly repo: LoginThrottleRepository) {}

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
    if (await this.repo.claim(key, now, windowFloor, MAX_FAILURES)) return;
    const lockedUntil = await this.repo.lockedUntil(key);
    const until = lockedUntil?.getTime() ?? now.getTime() + LOCK_MS;
    const wait = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    throw new AppError('rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s)`, undefined, {
      'retry-after': String(wait),
    });
  }

  /** The claimed attempt failed: with MAX_FAILURES attempts in the window, the e-mail is locked. */
  async recordFailure(email: string): Promise<void> {
    const lockedUntil = new Date(Date.now() + LOCK_MS);
    await this.repo.lock(this.key(email), MAX_FAILURES, lockedUntil);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.repo.clear(this.key(email));
  }
}
