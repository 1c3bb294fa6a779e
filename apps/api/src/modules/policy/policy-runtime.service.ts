import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SingleFlight } from '../../common/single-flight';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { type LocalState, LocalStateStore } from '../../database/local-state';
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
 * how stale they may be. Each version loaded is kept in the last-known-good state (AIRLOCK_STATE_DIR),
 * which a start without the database serves, stale since it was last confirmed.
 */
@Injectable()
export class PolicyRuntime implements OnModuleDestroy {
  private readonly logger = new Logger('PolicyRuntime');
  private readonly policies = new Map<string, CompiledPolicy>();
  /** When each organization's version in memory was published (its age is a metric). */
  private readonly publishedAt = new Map<string, number>();
  private readonly loadedListeners = new Set<(orgId: string, version: number) => void>();
  readonly staleness: Staleness = { lastSyncAt: null, failingSince: null };
  loaded = false;
  /** True from a start on the saved state (the database was unreachable) until the first sync succeeds. */
  fromSavedState = false;

  constructor(
    private readonly repo: PolicyRepository,
    private readonly notifications: NotificationsService,
    private readonly jobs: BackgroundJobs,
    private readonly localState: LocalStateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `saved`: the last-known-good state, served when the first sync cannot reach the database. */
  async start(saved?: LocalState): Promise<void> {
    this.notifications.on('airlock_policy', (payload) => {
      const [orgId, version] = payload.split(':');
      if (orgId && version) void this.load(orgId, Number(version));
      else void this.sync();
    });
    this.notifications.onReconnect(() => void this.sync());
    await this.sync();
    if (saved && this.staleness.failingSince) this.installSaved(saved);
    this.loaded = true;
    this.jobs.every('policy-poll', this.config.policyPollSeconds * 1000, () => this.sync());
  }

  /** Called whenever a newer version is in force here. */
  onLoaded(listener: (orgId: string, version: number) => void): void {
    this.loadedListeners.add(listener);
  }

  private put(compiled: CompiledPolicy, publishedAt: Date): void {
    const now = this.policies.get(compiled.organizationId);
    if (now && now.version >= compiled.version) return;
    this.policies.set(compiled.organizationId, compiled);
    this.publishedAt.set(compiled.organizationId, publishedAt.getTime());
    for (const l of this.loadedListeners) l(compiled.organizationId, compiled.version);
  }

  get(organizationId: string): CompiledPolicy | undefined {
    return this.policies.get(organizationId);
  }

  /** Every organization's version number in memory (for /readyz and the "every instance has it" check). */
  versions(): Record<string, number> {
    return Object.fromEntries([...this.policies].map(([org, p]) => [org, p.version]));
  }

  /**
   * Seconds since each organization's version in memory was published: an instance whose age is far
   * above the others' missed a publish, and one above the time since the last publish is behind.
   */
  ages(now = Date.now()): Record<string, number> {
    return Object.fromEntries([...this.publishedAt].map(([org, at]) => [org, Math.max(0, Math.round((now - at) / 1000))]));
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
      this.fromSavedState = false;
      await this.localState.confirmed(this.staleness.lastSyncAt);
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
      this.put(compiled, row.createdAt);
      this.localState.putPolicy({ organizationId, number: row.number, contentHash: row.contentHash, createdAt: row.createdAt.toISOString(), snapshot: row.snapshot as unknown as Record<string, unknown> });
      this.logger.log(`Organization ${organizationId}: policy version ${version} in force`);
    } catch (err) {
      // A version that does not compile here (e.g. written by a newer release) must not replace a
      // working one.
      this.logger.error(`Policy version ${version} of ${organizationId} does not compile: ${(err as Error).message}`);
    }
  }

  /** The saved policies, stale since the state was last confirmed current. */
  private installSaved(saved: LocalState): void {
    for (const p of saved.policies) {
      try {
        this.put(compileSnapshot(p.organizationId, p.number, p.contentHash, p.snapshot as unknown as PolicySnapshot), new Date(p.createdAt));
      } catch (err) {
        this.logger.error(`Saved policy version ${p.number} of ${p.organizationId} does not compile: ${(err as Error).message}`);
      }
    }
    this.staleness.lastSyncAt = new Date(saved.confirmedAt);
    this.fromSavedState = true;
    this.logger.warn(`The database cannot be reached: serving the last-known-good policies saved at ${saved.confirmedAt} (${saved.policies.length} organization(s)), marked stale`);
  }

  /** Installs a version this instance just published, without waiting for its own NOTIFY. */
  install(compiled: CompiledPolicy): void {
    const now = new Date();
    this.put(compiled, now);
    this.localState.putPolicy({
      organizationId: compiled.organizationId,
      number: compiled.version,
      contentHash: compiled.contentHash,
      createdAt: now.toISOString(),
      snapshot: compiled.snapshot as unknown as Record<string, unknown>,
    });
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
