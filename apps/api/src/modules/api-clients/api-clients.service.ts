import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { sha256Hex } from '../auth/tokens';
import { apiKeyPrefix, generateApiKey } from './api-key-format';
import { ApiKeyRegistry } from './api-key-registry.service';
import { ApiClientsRepository } from './api-clients.repository';

/** What a client may assert, as the contract says it ('any' or a list of zones) and as it is stored. */
interface AssertionInput {
  mayAssertGroups?: boolean;
  mayAssertIp?: boolean;
  mayAssertZones?: 'any' | string[];
}
function assertionColumns(input: AssertionInput) {
  const zones = input.mayAssertZones;
  return {
    ...(input.mayAssertGroups !== undefined ? { mayAssertGroups: input.mayAssertGroups } : {}),
    ...(input.mayAssertIp !== undefined ? { mayAssertIp: input.mayAssertIp } : {}),
    ...(zones === 'any' ? { mayAssertAnyZone: true, mayAssertZones: [] } : zones !== undefined ? { mayAssertAnyZone: false, mayAssertZones: zones } : {}),
  };
}

/**
 * Decision clients and their keys. A key is shown once (the response to create or rotate) and
 * stored as its SHA-256. Revocation is immediate: this instance forgets the key before answering,
 * and NOTIFY airlock_api_keys makes every other instance reload.
 */
@Injectable()
export class ApiClientsService {
  constructor(
    private readonly repo: ApiClientsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly registry: ApiKeyRegistry,
  ) {}

  private future(iso: string | null, path: string): Date | null {
    if (!iso) return null;
    const d = new Date(iso);
    if (d.getTime() <= Date.now()) throw AppError.validation([{ path, message: 'must be in the future' }]);
    return d;
  }

  list(...args: Parameters<ApiClientsRepository['list']>) {
    return this.repo.list(...args);
  }

  async get(organizationId: string, id: string) {
    const row = await this.repo.findWithKeys(organizationId, id);
    if (!row) throw AppError.notFound('API client');
    return row;
  }

  async create(
    organizationId: string,
    actor: Actor,
    input: { name: string; description?: string | null; scopes: string[]; rateLimitPerMinute: number | null; expiresAt: string | null } & Required<AssertionInput>,
  ) {
    const expiresAt = this.future(input.expiresAt, 'expiresAt');
    const key = generateApiKey();
    const client = await this.transactions.run(async () => {
      const c = await this.repo.create({
        organizationId,
        name: input.name,
        description: input.description ?? null,
        scopes: input.scopes,
        rateLimitPerMinute: input.rateLimitPerMinute,
        ...assertionColumns(input),
        createdById: actor.type === 'user' ? actor.id : null,
      });
      const k = await this.repo.createKey({ organizationId, apiClientId: c.id, prefix: apiKeyPrefix(key), keyHash: sha256Hex(key), expiresAt });
      await this.audit.record({ organizationId, actor, action: 'api_client.create', entityType: 'ApiClient', entityId: c.id, after: { ...c, key: { id: k.id, prefix: k.prefix, expiresAt } } });
      await this.repo.notifyKeysChanged(organizationId);
      return c;
    });
    await this.registry.reload();
    return { client: await this.get(organizationId, client.id), key };
  }

  async update(
    organizationId: string,
    actor: Actor,
    id: string,
    input: { name?: string; description?: string | null; scopes?: string[]; rateLimitPerMinute?: number | null } & AssertionInput,
  ) {
    await this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('API client');
      const { mayAssertGroups, mayAssertIp, mayAssertZones, ...rest } = input;
      const after = await this.repo.update(organizationId, id, { ...rest, ...assertionColumns({ mayAssertGroups, mayAssertIp, mayAssertZones }) });
      await this.audit.record({ organizationId, actor, action: 'api_client.update', entityType: 'ApiClient', entityId: id, before, after });
      await this.repo.notifyKeysChanged(organizationId);
    });
    await this.registry.reload();
    return this.get(organizationId, id);
  }

  /** A new key; the previous ones keep working for `overlapHours`, then expire. */
  async rotate(organizationId: string, actor: Actor, id: string, input: { overlapHours: number; expiresAt: string | null }) {
    const expiresAt = this.future(input.expiresAt, 'expiresAt');
    const key = generateApiKey();
    await this.transactions.run(async () => {
      const client = await this.repo.find(organizationId, id);
      if (!client) throw AppError.notFound('API client');
      if (client.revokedAt) throw AppError.unprocessable('This API client is revoked; create a new one');
      const overlapEnd = new Date(Date.now() + input.overlapHours * 3_600_000);
      const old = await this.repo.liveKeys(organizationId, id);
      for (const k of old) {
        if (!k.expiresAt || k.expiresAt > overlapEnd) await this.repo.setKeyExpiry(organizationId, k.id, overlapEnd);
      }
      const k = await this.repo.createKey({ organizationId, apiClientId: id, prefix: apiKeyPrefix(key), keyHash: sha256Hex(key), expiresAt });
      await this.audit.record({
        organizationId,
        actor,
        action: 'api_client.rotate',
        entityType: 'ApiClient',
        entityId: id,
        after: { newKey: { id: k.id, prefix: k.prefix }, previousKeysExpireAt: overlapEnd, previousKeys: old.map((o) => o.prefix) },
      });
      await this.repo.notifyKeysChanged(organizationId);
    });
    await this.registry.reload();
    return { client: await this.get(organizationId, id), key };
  }

  /** Revokes the client and every key it has: refused from the next request on. */
  async revoke(organizationId: string, actor: Actor, id: string) {
    const hashes = await this.transactions.run(async () => {
      const before = await this.repo.findWithAllKeys(organizationId, id);
      if (!before) throw AppError.notFound('API client');
      const now = new Date();
      await this.repo.update(organizationId, id, { revokedAt: before.revokedAt ?? now });
      await this.repo.revokeLiveKeys(organizationId, id, now);
      await this.audit.record({ organizationId, actor, action: 'api_client.revoke', entityType: 'ApiClient', entityId: id, before: { ...before, keys: before.keys.map((k) => k.prefix) } });
      await this.repo.notifyKeysChanged(organizationId);
      return before.keys.map((k) => k.keyHash);
    });
    this.registry.forget(hashes);
    return this.get(organizationId, id);
  }

  /** Revokes one key (e.g. a leaked one) and keeps the client. */
  async revokeKey(organizationId: string, actor: Actor, id: string, keyId: string) {
    const hash = await this.transactions.run(async () => {
      const key = await this.repo.findKey(organizationId, id, keyId);
      if (!key) throw AppError.notFound('API key');
      await this.repo.revokeKey(organizationId, keyId, key.revokedAt ?? new Date());
      await this.audit.record({ organizationId, actor, action: 'api_key.revoke', entityType: 'ApiKey', entityId: keyId, before: { prefix: key.prefix } });
      await this.repo.notifyKeysChanged(organizationId);
      return key.keyHash;
    });
    this.registry.forget([hash]);
    return this.get(organizationId, id);
  }
}
