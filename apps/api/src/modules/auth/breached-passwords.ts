import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';

export const BREACH_CHECK_TIMEOUT_MS = 2_000;

/**
 * Have I Been Pwned's Pwned Passwords range API, by k-anonymity: only the first 5 hex characters of
 * the password's SHA-1 leave the server; the answer lists every known suffix with that prefix (with
 * padding, so its size says nothing either), and the match is made here. Optional
 * (AIRLOCK_PASSWORD_BREACH_CHECK), fail-open: when the service is slow (2 s) or unreachable the
 * password is judged by the local checks alone and a warning is logged.
 */
export class BreachedPasswords {
  private readonly logger = new Logger('Passwords');

  constructor(private readonly opts: { rangeUrl: string; timeoutMs?: number }) {}

  /** How often the password appears in known breaches; null when the service could not say. */
  async timesSeen(password: string): Promise<number | null> {
    const sha1 = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
    const prefix = sha1.slice(0, 5);
    const suffix = sha1.slice(5);
    try {
      const res = await fetch(this.opts.rangeUrl + prefix, {
        headers: { 'Add-Padding': 'true', 'User-Agent': 'Airlock password check' },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? BREACH_CHECK_TIMEOUT_MS),
        redirect: 'error',
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = await res.text();
      for (const line of body.split('\n')) {
        const [hashSuffix, count] = line.trim().split(':');
        if (hashSuffix?.toUpperCase() === suffix) return Number(count) || 0;
      }
      return 0;
    } catch (err) {
      const reason = (err as Error).name === 'TimeoutError' ? `no answer within ${this.opts.timeoutMs ?? BREACH_CHECK_TIMEOUT_MS} ms` : (err as Error).message;
      this.logger.warn(`The breached-password check could not be made (${reason}); the password was judged by the local checks only`);
      return null;
    }
  }
}
