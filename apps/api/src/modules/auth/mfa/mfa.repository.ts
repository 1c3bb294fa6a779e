import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../../database/prisma.service';
import { Transactions } from '../../../database/transactions';

/** Second factors and pending sign-ins. Every query names the organization (and the user). */
@Injectable()
export class MfaRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transactions: Transactions,
  ) {}

  /** The current transaction's client (Transactions.run), or the plain client outside one. */
  private get db(): Tx {
    return this.transactions.db;
  }

  organizationName(organizationId: string) {
    return this.prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
  }

  organizationSettings(organizationId: string) {
    return this.db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  }

  totp(organizationId: string, userId: string) {
    return this.prisma.totpFactor.findFirst({ where: { organizationId, userId } });
  }

  /** A new, unconfirmed secret replaces an unconfirmed one; a confirmed factor is never overwritten here. */
  async startTotp(organizationId: string, userId: string, secretSealed: string): Promise<boolean> {
    const existing = await this.totp(organizationId, userId);
    if (existing?.confirmedAt) return false;
    if (existing) await this.prisma.totpFactor.update({ where: { id: existing.id }, data: { secretSealed, lastUsedStep: null, createdAt: new Date() } });
    else await this.prisma.totpFactor.create({ data: { organizationId, userId, secretSealed } });
    return true;
  }

  confirmTotp(organizationId: string, userId: string, step: number) {
    return this.db.totpFactor.updateMany({ where: { organizationId, userId, confirmedAt: null }, data: { confirmedAt: new Date(), lastUsedStep: BigInt(step) } });
  }

  /**
   * Records that the code of `step` was used, only if no later or equal step was: of two requests
   * with the same code, exactly one gets count 1 (replay protection, RFC 6238 section 5.2).
   */
  claimTotpStep(organizationId: string, userId: string, step: number) {
    return this.prisma.totpFactor.updateMany({
      where: { organizationId, userId, confirmedAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
      data: { lastUsedStep: BigInt(step) },
    });
  }

  deleteTotp(organizationId: string, userId: string) {
    return this.db.totpFactor.deleteMany({ where: { organizationId, userId } });
  }

  async replaceRecoveryCodes(organizationId: string, userId: string, hashes: string[]) {
    await this.db.recoveryCode.deleteMany({ where: { organizationId, userId } });
    await this.db.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ organizationId, userId, codeHash })) });
  }

  deleteRecoveryCodes(organizationId: string, userId: string) {
    return this.db.recoveryCode.deleteMany({ where: { organizationId, userId } });
  }

  /** Single use: a conditional update, so of two racing requests one wins. */
  consumeRecoveryCode(organizationId: string, userId: string, codeHash: string) {
    return this.prisma.recoveryCode.updateMany({ where: { organizationId, userId, codeHash, usedAt: null }, data: { usedAt: new Date() } });
  }

  recoveryCodesLeft(organizationId: string, userId: string) {
    return this.prisma.recoveryCode.count({ where: { organizationId, userId, usedAt: null } });
  }

  passkeys(organizationId: string, userId: string) {
    return this.prisma.passkey.findMany({ where: { organizationId, userId }, orderBy: { createdAt: 'asc' } });
  }

  passkeyByCredentialId(organizationId: string, userId: string, credentialId: string) {
    return this.prisma.passkey.findFirst({ where: { organizationId, userId, credentialId } });
  }

  credentialIdTaken(credentialId: string) {
    return this.prisma.passkey.count({ where: { credentialId } });
  }

  createPasskey(data: { organizationId: string; userId: string; credentialId: string; publicKey: Uint8Array<ArrayBuffer>; counter: number; transports: string[]; name: string; deviceType: string; backedUp: boolean }) {
    return this.db.passkey.create({ data: { ...data, counter: BigInt(data.counter) } });
  }

  usePasskey(organizationId: string, id: string, counter: number) {
    return this.prisma.passkey.updateMany({ where: { organizationId, id }, data: { counter: BigInt(counter), lastUsedAt: new Date() } });
  }

  deletePasskey(organizationId: string, userId: string, id: string) {
    return this.db.passkey.deleteMany({ where: { organizationId, userId, id } });
  }

  /** Keeps User.mfaEnabled equal to "has a confirmed TOTP or a passkey", inside the change's transaction. */
  async refreshMfaEnabled(organizationId: string, userId: string): Promise<boolean> {
    const totp = await this.db.totpFactor.count({ where: { organizationId, userId, confirmedAt: { not: null } } });
    const passkeys = await this.db.passkey.count({ where: { organizationId, userId } });
    const enabled = totp + passkeys > 0;
    await this.db.user.updateMany({ where: { organizationId, id: userId }, data: { mfaEnabled: enabled } });
    return enabled;
  }

  createPending(data: { id: string; organizationId: string; userId: string; expiresAt: Date }) {
    return this.prisma.pendingSignIn.create({ data });
  }

  pendingWithUser(id: string) {
    return this.prisma.pendingSignIn.findUnique({ where: { id }, include: { user: { select: { email: true, disabled: true, mfaEnabled: true } } } });
  }

  setPendingChallenge(id: string, challenge: string) {
    return this.prisma.pendingSignIn.updateMany({ where: { id }, data: { webauthnChallenge: challenge } });
  }

  /** Single use: clears the challenge only if it is still the one read. */
  takePendingChallenge(id: string, challenge: string) {
    return this.prisma.pendingSignIn.updateMany({ where: { id, webauthnChallenge: challenge }, data: { webauthnChallenge: null } });
  }

  /** Ends a pending sign-in; count 1 for exactly one of two racing completions. */
  consumePending(id: string, now: Date) {
    return this.prisma.pendingSignIn.deleteMany({ where: { id, expiresAt: { gt: now } } });
  }

  deletePending(id: string) {
    return this.prisma.pendingSignIn.deleteMany({ where: { id } });
  }

  deleteExpiredPending(now: Date) {
    return this.prisma.pendingSignIn.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}
