import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canonicalJson } from '@airlock/policy-engine';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { sha256Hex } from '../auth/tokens';
import { IdempotencyRepository } from './idempotency.repository';

export const IDEMPOTENCY_SCOPE_PREFIX = 'incidents:';
/** How long a key is remembered: a retry after that creates a new incident. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export interface IdempotentResult<B> {
  statusCode: number;
  body: B;
  replayed: boolean;
}

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

/**
 * `Idempotency-Key` for creates: the first request's answer is stored in the same transaction as
 * what it created; a retry with the same key (same organization and scope) gets that answer back
 * and creates nothing; the same key with a different body is a 409.
 *
 * The key is stored as its SHA-256. Fields named in `sealed` (an anonymous report's status token)
 * are stored encrypted under a key derived from the raw Idempotency-Key, which only the client
 * holds: the table alone never reveals them.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: IdempotencyRepository,
  ) {}

  static parseKey(raw: string | string[] | undefined): string | undefined {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') return undefined;
    if (!KEY_PATTERN.test(value)) {
      throw AppError.validation([
        { path: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters (a UUID is a good choice)' },
      ]);
    }
    return value;
  }

  async run<B extends Record<string, unknown>>(
    opts: {
      organizationId: string;
      scope: string;
      key: string | undefined;
      request: unknown;
      sealed?: readonly string[];
      statusCode?: number;
      now?: Date;
    },
    work: () => Promise<B>,
  ): Promise<IdempotentResult<B>> {
    const statusCode = opts.statusCode ?? 201;
    if (!opts.key) {
      const body = await this.transactions.run(work, { timeout: 30_000 });
      return { statusCode, body, replayed: false };
    }
    const rawKey = opts.key;
    const scope = IDEMPOTENCY_SCOPE_PREFIX + opts.scope;
    const key = sha256Hex(rawKey);
    const requestHash = sha256Hex(canonicalJson(opts.request));
    const now = opts.now ?? new Date();
    return this.transactions.run(
      async () => {
        await this.repo.deleteOne(opts.organizationId, scope, key, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS));
        if (!(await this.repo.claim(opts.organizationId, scope, key, requestHash))) {
          const prior = await this.repo.find(opts.organizationId, scope, key);
          if (!prior) throw AppError.conflict('A request with this Idempotency-Key is still being processed; retry shortly');
          if (prior.requestHash !== requestHash) {
            throw AppError.conflict('This Idempotency-Key was already used with a different request: use a new key for a new submission');
          }
          return {
            statusCode: prior.statusCode,
            body: this.unseal(prior.response as Record<string, unknown>, rawKey, opts.organizationId) as B,
            replayed: true,
          };
        }
        const body = await work();
        const stored = this.seal(body, opts.sealed ?? [], rawKey, opts.organizationId);
        await this.repo.complete(opts.organizationId, scope, key, statusCode, stored as Prisma.InputJsonValue);
        return { statusCode, body, replayed: false };
      },
      { timeout: 30_000 },
    );
  }

  /** Deletes remembered answers past the retention. */
  purgeExpired(now = new Date()) {
    return this.repo.purge(IDEMPOTENCY_SCOPE_PREFIX, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS));
  }

  private cipherKey(rawKey: string, organizationId: string): Buffer {
    return createHash('sha256').update(`airlock:idempotency-seal\n${organizationId}\n${rawKey}`).digest();
  }

  private seal(body: Record<string, unknown>, fields: readonly string[], rawKey: string, organizationId: string): Record<string, unknown> {
    const present = fields.filter((f) => body[f] !== undefined);
    if (!present.length) return body;
    const secret = Object.fromEntries(present.map((f) => [f, body[f]]));
    const rest = Object.fromEntries(Object.entries(body).filter(([k]) => !present.includes(k)));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.cipherKey(rawKey, organizationId), iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final()]);
    const sealed: Sealed = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    return { ...rest, __sealed: sealed };
  }

  private unseal(stored: Record<string, unknown>, rawKey: string, organizationId: string): Record<string, unknown> {
    const { __sealed, ...rest } = stored as Record<string, unknown> & { __sealed?: Sealed };
    if (!__sealed) return rest;
    const decipher = createDecipheriv('aes-256-gcm', this.cipherKey(rawKey, organizationId), Buffer.from(__sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(__sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(__sealed.data, 'base64')), decipher.final()]).toString('utf8');
    return { ...rest, ...(JSON.parse(plain) as Record<string, unknown>) };
  }
}
