import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { BreachedPasswords } from './breached-passwords';
import { passwordProblems } from './password-hasher';
import { passwordStrengthProblems } from './password-strength';

/** Who is choosing the password: their words count as easy guesses. */
export interface PasswordOwner {
  email: string;
  name?: string | null;
  organization?: string | null;
}

/**
 * The one check every password a user chooses goes through (invitation, reset, change, a user
 * created with a password): length and the simple rules (password-hasher.ts), then the bundled list
 * of common passwords and zxcvbn's estimate (password-strength.ts), then, when
 * AIRLOCK_PASSWORD_BREACH_CHECK is on, Have I Been Pwned (breached-passwords.ts, fail-open).
 * A refused password is a 400 whose details say why.
 */
@Injectable()
export class PasswordPolicy {
  private readonly breaches: BreachedPasswords | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.breaches = config.passwordBreachCheck ? new BreachedPasswords({ rangeUrl: config.passwordBreachUrl }) : null;
  }

  /** Every reason the password is refused (empty when it is accepted). */
  async problems(password: string, owner: PasswordOwner): Promise<string[]> {
    const basic = passwordProblems(password, owner.email);
    if (basic.length) return basic;
    const weak = passwordStrengthProblems(password, [owner.email, owner.name ?? '', owner.organization ?? '']);
    if (weak.length) return weak;
    const seen = this.breaches ? await this.breaches.timesSeen(password) : null;
    if (seen) return [`has appeared in data breaches ${seen.toLocaleString('en-US')} time${seen === 1 ? '' : 's'} (Have I Been Pwned): choose another`];
    return [];
  }

  /** Throws the 400 (`validation_failed`, the field named `path`) when the password is refused. */
  async assertAcceptable(password: string, owner: PasswordOwner, path: string): Promise<void> {
    const problems = await this.problems(password, owner);
    if (problems.length) throw AppError.validation(problems.map((message) => ({ path, message })), 'The password is too weak');
  }
}
