import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { AssertionRights } from '@airlock/decision-core';
import { SingleFlight } from '../../common/single-flight';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { type LocalApiKey, LocalStateStore } from '../../database/local-state';
import { NotificationsService } from '../../database/notifications.service';
import type { ApiClientAuth } from '../auth/auth-context';
import { sha256Hex } from '../auth/tokens';
import { BackgroundJobs } from '../../common/background-jobs';
import { ApiClientsRepository } from './api-clients.repository';

interface KeyEntry {
  auth: ApiClientAuth;
  expiresAt: number | null;
}

/**
 * Every active API key's hash, in memory: authenticating a decision request never touches the
 * database. Creation, rotation and revocation send NOTIFY airlock_api_keys so every instance
 * reloads at once; a periodic reload covers a missed notification. `lastUsedAt` is written in
 * batches off the request path.
 */
@Injectable()
export class ApiKeyRegistry implements OnModuleDestroy {
  private readonly logger = new Logger('ApiKeys');
  private keys = new Map<string, KeyEntry>();
  /** Revoked here moments ago: refused even if a reload that started before the revocation re-adds them. */
  private readonly revoked = new Map<string, number>();
  /** Last use per key id (epoch ms; a Date is made only when the batch is written). */
  private readonly used = new Map<string, number>();
  loadedAt: Date | null = null;

  constructor(
    private readonly repo: ApiClientsRepository,
    private readonly notifications: NotificationsService,
    private readonly jobs: BackgroundJobs,
    private readonly localState: LocalStateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `saved`: the keys of the last-known-good state, used when the first load cannot reach the database. */
  async start(saved?: LocalApiKey[] | null): Promise<void> {
    this.notifications.on('airlock_api_keys', () => void this.reload());
    this.notifications.onReconnect(() => void this.reload());
    await this.reload();
    if (!this.loadedAt && saved) {
      this.install(saved.map((k) => ({ ...k, expiresAt: k.expiresAt ? new Date(k.expiresAt) : null })));
      this.logger.warn(`The database cannot be reached: accepting the ${saved.length} API key(s) of the last-known-good state`);
    }
    this.jobs.every('api-keys-poll', this.config.policyPollSeconds * 1000, () => this.reload());
    this.jobs.every('api-key-usage-flush', 15_000, () => this.flushUsage());
  }

  /** Reloads every active key; concurrent calls coalesce into at most one more load. */
  reload(): Promise<void> {
    return this.reloader.run({ again: true });
  }

  private readonly reloader = new SingleFlight(async () => {
    try {
      await this.load();
    } catch (err) {
      // Keep the last known keys: revocations already applied stay applied.
      this.logger.warn(`Could not reload API keys: ${(err as Error).message}`);
    }
  });

  private async load(): Promise<void> {
    const rows = await this.repo.liveKeysForRegistry();
    this.install(rows);
    this.loadedAt = new Date();
    this.localState.putApiKeys(rows.map((r) => ({ ...r, expiresAt: r.expiresAt?.toISOString() ?? null })));
  }

  private install(rows: (Omit<LocalApiKey, 'expiresAt'> & { expiresAt: Date | null })[]): void {
    const next = new Map<string, KeyEntry>();
    const rightsOf = new Map<string, AssertionRights>();
    for (const r of rows) {
      let rights = rightsOf.get(r.client.id);
      if (!rights) {
        const c = r.client;
        rights = Object.freeze({ groups: c.mayAssertGroups, ip: c.mayAssertIp, zones: c.mayAssertAnyZone ? ('any' as const) : Object.freeze(c.mayAssertZones.map((z) => z.toLowerCase())) });
        rightsOf.set(c.id, rights);
      }
      next.set(r.keyHash, {
        expiresAt: r.expiresAt?.getTime() ?? null,
        auth: {
          kind: 'api_client',
          organizationId: r.organizationId,
          clientId: r.client.id,
          clientName: r.client.name,
          keyId: r.id,
          scopes: r.client.scopes,
          rateLimitPerMinute: r.client.rateLimitPerMinute,
          rights,
        },
      });
    }
    const cutoff = Date.now() - 300_000;
    for (const [h, t] of this.revoked) if (t < cutoff) this.revoked.delete(h);
    this.keys = next;
  }

  /** The client behind a presented key, or null (unknown, revoked or expired). */
  authenticate(presented: string): ApiClientAuth | null {
    if (!presented || presented.length > 512) return null;
    const hash = sha256Hex(presented);
    const entry = this.keys.get(hash);
    if (!entry || this.revoked.has(hash)) return null;
    const now = Date.now();
    if (entry.expiresAt !== null && entry.expiresAt <= now) return null;
    this.used.set(entry.auth.keyId, now);
    return entry.auth;
  }

  /** Drops a key at once on this instance (the NOTIFY reaches the others). */
  forget(keyHashes: string[]): void {
    const now = Date.now();
    for (const h of keyHashes) {
      this.keys.delete(h);
      this.revoked.set(h, now);
    }
  }

  async flushUsage(): Promise<void> {
    if (this.used.size === 0) return;
    const batch = [...this.used.entries()];
    this.used.clear();
    try {
      // One statement for the whole batch.
      const ids = batch.map(([id]) => id);
      const times = batch.map(([, t]) => new Date(t).toISOString());
      await this.repo.recordUsage(ids, times);
    } catch (err) {
      this.logger.warn(`Could not record API key usage: ${(err as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.jobs.stop('api-keys-poll');
    this.jobs.stop('api-key-usage-flush');
    await this.flushUsage();
  }
}
