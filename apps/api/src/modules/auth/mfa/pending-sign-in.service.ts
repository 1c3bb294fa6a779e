import { Injectable } from '@nestjs/common';
import type { PendingAuth } from '../auth-context';
import { randomToken, sha256Hex } from '../tokens';
import { MfaRepository } from './mfa.repository';

/** How long the second step of a sign-in may take. */
export const PENDING_SIGN_IN_SECONDS = 300;

/**
 * A password sign-in of a user with a second factor opens no session: it opens a pending sign-in
 * (random token in a short-lived cookie, its SHA-256 in the database) that only the second-step
 * routes accept, and that yields at most one session (consumed on success).
 */
@Injectable()
export class PendingSignInService {
  constructor(private readonly repo: MfaRepository) {}

  async create(user: { id: string; organizationId: string }): Promise<{ token: string; expiresAt: Date }> {
    const token = randomToken(32);
    const expiresAt = new Date(Date.now() + PENDING_SIGN_IN_SECONDS * 1000);
    await this.repo.deleteExpiredPending(new Date());
    await this.repo.createPending({ id: sha256Hex(token), organizationId: user.organizationId, userId: user.id, expiresAt });
    return { token, expiresAt };
  }

  async resolve(token: string): Promise<PendingAuth | null> {
    if (!token || token.length > 200) return null;
    const id = sha256Hex(token);
    const row = await this.repo.pendingWithUser(id);
    if (!row) return null;
    if (row.expiresAt.getTime() <= Date.now() || row.user.disabled) {
      await this.repo.deletePending(id);
      return null;
    }
    return { kind: 'mfa_pending', pendingId: id, organizationId: row.organizationId, userId: row.userId, email: row.user.email, webauthnChallenge: row.webauthnChallenge };
  }
}
