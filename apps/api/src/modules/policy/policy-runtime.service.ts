import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SingleFlight } from '../../common/single-flight';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { NotificationsService } from '../../database/notifications.service';
import { type CompiledPolicy, compileSnapshot } from './compiled-policy';
import { PolicyRepository } from './policy.repository';
import type { PolicySnapshot } from './policy-snapshot';
import { BackgroundJobs } from '../../common/background-jobs';

export interface Staleness {
  /** When the runtime last confirmed with the database that it holds the latest versions. */
  lastSyncAt: Date | null;
  /** Set while the database cannot be reached: since when. */
  failingSince: Date | null;
}

/**
 * The published policy of every organization, compiled and held in memory: the decision path reads
 * only this, never the database. A publish sends NOTIFY airlock_policy '<orgId>:<version>' and every
 * instance loads that version; a poll every AIRLOCK_POLICY_POLL_SECONDS catches anything missed.
 * When the database is unreachable the last-known-good policies keep answering and decisions say
 * how stale they may be.
 */
@Injectable()
export class PolicyRuntime implements OnModuleDestroy {
  private readonly logger = new Logger('PolicyRuntime');
  private readonly policies = new Map<string, CompiledPolicy>();
  private readonly loadedListeners = new Set<(orgId: string, version: number) => void>();
  readonly staleness: Staleness = { lastSyncAt: null, failingSince: null };
  loaded = false;

  constructor(
    private readonly repo: PolicyRepository,
    private readonly notifications: NotificationsService,
    private readonly jobs: BackgroundJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    this.notifications.on('airlock_policy', (payload) => {
      const [orgId, version] = payload.split(':');
      if (orgId && version) void this.load(orgId, Number(version));
      else void this.sync();
    });
    this.notifications.onReconnect(() => void this.sync());
    await this.sync();
    this.loaded = true;
    this.jobs.every('policy-poll', this.config.policyPollSeconds * 1000, () => this.sync());
  }

  /** Called whenever a newer version is in force here. */
  onLoaded(listener: (orgId: string, version: number) => void): void {
    this.loadedListeners.add(listener);
  }

  private put(compiled: CompiledPolicy): void {
    const now = this.policies.get(compiled.organizationId);
    if (now && now.version >= compiled.version) return;
    this.policies.set(compiled.organizationId, compiled);
    for (const l of this.loadedListeners) l(compiled.organizationId, compiled.version);
  }

  get(organizationId: string): CompiledPolicy | undefined {
    return this.policies.get(organizationId);
  }

  /** Every organization's version number in memory (for /readyz and the "every instance has it" check). */
  versions(): Record<string, number> {
    return Object.fromEntries([...this.policies].map(([org, p]) => [org, p.version]));
  }

  /** Compares the latest version of each organization with memory and loads what changed. */
  sync(): Promise<void> {
    return this.syncer.run({ again: true });
  }

  private readonly syncer = new SingleFlight(async () => {
    try {
      const latest = await this.repo.latestVersionNumbers();
      for (const { organizationId, number } of latest) {
        if (this.policies.get(organizationId)?.version !== number) await this.load(organizationId, number);
      }
      this.staleness.lastSyncAt = new Date();
      this.staleness.failingSince = null;
    } catch (err) {
      this.staleness.failingSince ??= new Date();
      this.logger.warn(`Policy sync failed, serving the last-known-good policies: ${(err as Error).message}`);
    }
  });

  private async load(organizationId: string, version: number): Promise<void> {
    const current = this.policies.get(organizationId);
    if (current && current.version >= version) return;
    const row = await this.repo.findVersion(organizationId, version);
    if (!row) return;
    try {
      const compiled = compileSnapshot(organizationId, row.number, row.contentHash, row.snapshot as PolicySnapshot);
      this.put(compiled);
      this.logger.log(`Organization ${organizationId}: policy version ${version} in force`);
    } catch (err) {
      // A version that does not compile here (e.g. written by a newer release) must not replace a
      // working one.
      this.logger.error(`Policy version ${version} of ${organizationId} does not compile: ${(err as Error).message}`);
    }
  }

  /** Installs a version this instance just published, without waiting for its own NOTIFY. */
  install(compiled: CompiledPolicy): void {
    this.put(compiled);
  }


  /** Seconds the in-memory policy may be behind the database, when the last sync failed. */
  staleSeconds(now = Date.now()): { since: Date; seconds: number } | null {
    const { failingSince, lastSyncAt } = this.staleness;
    if (!failingSince) return null;
    const since = lastSyncAt ?? failingSince;
    return { since, seconds: Math.max(0, Math.round((now - since.getTime()) / 1000)) };
  }

  onModuleDestroy(): void {
    this.jobs.stop('policy-poll');
  }
}
