import { STEP_UP_SECONDS } from '@airlock/contracts';
import { AppError } from '../../../common/errors';
import type { UserAuth } from '../auth-context';

/**
 * Step-up: before the most sensitive actions (owner accounts, API keys, SSO settings, the MFA
 * requirement, removing a factor) a user who has a second factor must have proven it within the
 * last STEP_UP_SECONDS in this session. A user without one has nothing to step up with (require MFA
 * for their role to close that); SSO sessions are the identity provider's business.
 */
export function stepUpNeeded(auth: UserAuth, now = Date.now()): boolean {
  if (auth.method !== 'password' || !auth.mfaEnabled) return false;
  return !auth.mfaAt || now - auth.mfaAt.getTime() > STEP_UP_SECONDS * 1000;
}

export function requireStepUp(auth: UserAuth): void {
  if (stepUpNeeded(auth)) {
    throw new AppError('step_up_required', `Confirm it is you: enter a code from your authenticator app or use a passkey (needed within ${STEP_UP_SECONDS / 60} minutes before this action)`);
  }
}
