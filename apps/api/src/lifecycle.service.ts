import os from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './config/config';
import { isDatabaseUnavailable } from './common/error-response';
import { type LocalState, LocalStateStore } from './database/local-state';
import { NotificationsService } from './database/notifications.service';
import { MaintenanceRepository } from './database/maintenance.repository';
import { ApiKeyRegistry } from './modules/api-clients/api-key-registry.service';
import { SessionService } from './modules/auth/session.service';
import { BootstrapService } from './modules/bootstrap/bootstrap.service';
import { DecisionLogWriter } from './modules/decisions/decision-log.writer';
import { ExceptionRuntime } from './modules/exceptions/exception-runtime.service';
import { SubjectDirectoryService } from './modules/decisions/subject-directory.service';
import { ReadinessService } from './modules/health/readiness.service';
import { MetricsService } from './modules/metrics/metrics.service';
import { InstanceRegistry } from './modules/policy/instance-registry.service';
import { PolicyRuntime } from './modules/policy/policy-runtime.service';
import { SecretsService } from './modules/secrets/secrets.service';
import { BackgroundJobs } from './common/background-jobs';

const DAY_MS = 86_400_000;

/**
 * Starts the moving parts in order once Nest has wired them: secrets, LISTEN, first-start seed,
 * the policies in memory, the API keys, the people's groups, the decision log writer, the instance heartbeat, and the
 * daily maintenance (next months' decision log partitions, expired sessions, decision log partitions
 * past AIRLOCK_DECISION_LOG_RETENTION_DAYS). Migrations ran before
 * Nest started (server.ts). When the database cannot be reached at start and AIRLOCK_STATE_DIR holds
 * a last-known-good state (database/local-state.ts), the instance starts on it instead: decisions
 * are answered, marked stale, and everything catches up once the database answers.
 */
@Injectable()
export class LifecycleService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Lifecycle');
  started = false;

  constructor(
    private readonly database: MaintenanceRepository,
    private readonly secrets: SecretsService,
    private readonly notifications: NotificationsService,
    private readonly bootstrap: BootstrapService,
    private readonly runtime: PolicyRuntime,
    private readonly apiKeys: ApiKeyRegistry,
    private readonly directory: SubjectDirectoryService,
    private readonly exceptions: ExceptionRuntime,
    private readonly writer: DecisionLogWriter,
    private readonly instances: InstanceRegistry,
    private readonly sessions: SessionService,
    private readonly readiness: ReadinessService,
    private readonly metrics: MetricsService,
    private readonly jobs: BackgroundJobs,
    private readonly localState: LocalStateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const saved = await this.savedStateIfOffline();
    if (saved) {
      // The first-start seed and the maintenance ran when the state was saved; they run again on the next start.
      if (!(await this.secrets.initFromSaved(saved.secrets))) throw new Error('The database cannot be reached and the saved state has no installation keys (set AIRLOCK_SECRET or start once with the database)');
      await this.notifications.start();
    } else {
      await this.secrets.init();
      await this.runMaintenance();
      await this.notifications.start();
      await this.bootstrap.run();
    }
    await this.runtime.start(saved ?? undefined);
    await this.apiKeys.start(saved?.apiKeys);
    await this.directory.start();
    await this.exceptions.start();
    this.writer.start();
    await this.instances.start();
    this.jobs.every('daily-maintenance', DAY_MS, () => this.runMaintenance());
    this.readiness.register({ name: 'migrations', check: () => ({ ok: true }) });
    this.readiness.register({
      name: 'policy',
      check: () => {
        const stale = this.runtime.staleSeconds();
        const max = this.config.readyMaxStaleSeconds;
        const tooStale = stale !== null && max > 0 && stale.seconds > max;
        return {
          ok: this.runtime.loaded && !tooStale,
          detail: {
            organizations: Object.keys(this.runtime.versions()).length,
            // 'saved': started without the database, serving the last-known-good state (AIRLOCK_STATE_DIR).
            source: this.runtime.fromSavedState ? 'saved' : 'database',
            stale,
            ...(tooStale ? { maxStaleSeconds: max } : {}),
          },
        };
      },
    });
    // Reported, and on its own at /readyz/database, but not gating /readyz: decisions are answered
    // from memory while the database is away, and a load balancer must not take every instance out.
    this.readiness.register({
      name: 'database',
      gates: false,
      check: async () => {
        await this.database.ping();
        return { ok: true };
      },
    });
    this.readiness.register({ name: 'listen', gates: false, check: () => ({ ok: this.notifications.connected }) });
    this.readiness.register({
      name: 'decisionLog',
      check: () => ({ ok: true, detail: { pending: this.writer.pending, dropped: this.writer.dropped, written: this.writer.written } }),
    });
    this.registerGauges();
    this.started = true;
    if (!this.config.cookieSecure && !this.config.publicUrl.startsWith('http://localhost')) {
      this.logger.warn('AIRLOCK_PUBLIC_URL is not https: put TLS in front of Airlock so sessions use Secure cookies');
    }
  }

  /** The last-known-good state when there is one and the database cannot be reached; else null (a normal start). */
  private async savedStateIfOffline(): Promise<LocalState | null> {
    const state = this.localState.read();
    if (!state) return null;
    try {
      await this.database.ping();
      return null;
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      this.logger.warn(`The database cannot be reached (${(err as Error).message}): starting on the last-known-good state saved at ${state.confirmedAt}`);
      this.localState.adopt(state);
      return state;
    }
  }

  /** What an on-call engineer reads per instance (docs/operations.md lists them). */
  private registerGauges(): void {
    const m = this.metrics;
    m.registerLabelledGauge('airlock_instance_info', 'This API instance (value 1), by id and host', ['instance', 'hostname'], () => [[{ instance: this.instances.id, hostname: os.hostname() }, 1]]);
    m.registerLabelledGauge('airlock_policy_version', 'Policy version served, per organization', ['organization'], () =>
      Object.entries(this.runtime.versions()).map(([organization, version]) => [{ organization }, version]),
    );
    m.registerLabelledGauge('airlock_policy_age_seconds', 'Seconds since the policy version served was published, per organization', ['organization'], () =>
      Object.entries(this.runtime.ages()).map(([organization, seconds]) => [{ organization }, seconds]),
    );
    m.registerGauge('airlock_policy_stale_seconds', 'Seconds since the policies were last confirmed current (0 while the database answers)', () => this.runtime.staleSeconds()?.seconds ?? 0);
    m.registerGauge('airlock_listen_connected', 'LISTEN connection for publishes and revocations (1 connected, 0 reconnecting)', () => (this.notifications.connected ? 1 : 0));
    m.registerGauge('airlock_draining', 'Shutdown has begun: /readyz fails while requests are still served', () => (this.readiness.draining ? 1 : 0));
    m.registerLabelledGauge('airlock_db_pool_connections', 'Database pool connections, by pool and state (total, idle, waiting clients)', ['pool', 'state'], () => {
      const out: [{ pool: string; state: string }, number][] = [];
      const pools = { api: this.database.poolStats(), decision_log: this.writer.poolStats() };
      for (const [pool, stats] of Object.entries(pools)) for (const [state, n] of Object.entries(stats)) out.push([{ pool, state }, n]);
      return out;
    });
  }

  private async runMaintenance(): Promise<void> {
    try {
      await this.database.ensureDecisionPartitions();
      await this.sessions.purgeExpired();
      const days = this.config.decisionLogRetentionDays;
      if (days > 0) {
        const dropped = await this.database.dropDecisionPartitionsOlderThan(days);
        if (dropped.length) this.logger.log(`Decision log retention (${days} days): dropped ${dropped.join(', ')}`);
      }
      const merged = await this.database.mergeDecisionRollupsByDay();
      if (merged) this.logger.log(`Decision rollups: hours before yesterday merged into ${merged} rows per day`);
    } catch (err) {
      this.logger.warn(`Maintenance failed: ${(err as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    this.jobs.stop('daily-maintenance');
  }
}
