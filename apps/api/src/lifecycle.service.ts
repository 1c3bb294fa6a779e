import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './config/config';
import { NotificationsService } from './database/notifications.service';
import { PrismaService } from './database/prisma.service';
import { ApiKeyRegistry } from './modules/api-clients/api-key-registry.service';
import { SessionService } from './modules/auth/session.service';
import { BootstrapService } from './modules/bootstrap/bootstrap.service';
import { DecisionLogWriter } from './modules/decisions/decision-log.writer';
import { ReadinessService } from './modules/health/readiness.service';
import { InstanceRegistry } from './modules/policy/instance-registry.service';
import { PolicyRuntime } from './modules/policy/policy-runtime.service';
import { SecretsService } from './modules/secrets/secrets.service';

const DAY_MS = 86_400_000;

/**
 * Starts the moving parts in order once Nest has wired them: secrets, LISTEN, first-start seed,
 * the policies in memory, the API keys, the decision log writer, the instance heartbeat, and the
 * daily maintenance (next months' decision log partitions, expired sessions). Migrations ran before
 * Nest started (server.ts).
 */
@Injectable()
export class LifecycleService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Lifecycle');
  private maintenance: NodeJS.Timeout | null = null;
  started = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly secrets: SecretsService,
    private readonly notifications: NotificationsService,
    private readonly bootstrap: BootstrapService,
    private readonly runtime: PolicyRuntime,
    private readonly apiKeys: ApiKeyRegistry,
    private readonly writer: DecisionLogWriter,
    private readonly instances: InstanceRegistry,
    private readonly sessions: SessionService,
    private readonly readiness: ReadinessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.secrets.init();
    await this.runMaintenance();
    await this.notifications.start();
    await this.bootstrap.run();
    await this.runtime.start();
    await this.apiKeys.start();
    this.writer.start();
    await this.instances.start();
    this.maintenance = setInterval(() => void this.runMaintenance(), DAY_MS);
    this.maintenance.unref();
    this.readiness.register({ name: 'migrations', check: () => ({ ok: true }) });
    this.readiness.register({
      name: 'policy',
      check: () => ({ ok: this.runtime.loaded, detail: { organizations: Object.keys(this.runtime.versions()).length, stale: this.runtime.staleSeconds() } }),
    });
    this.readiness.register({
      name: 'database',
      check: async () => {
        await this.prisma.$queryRaw`SELECT 1`;
        return { ok: true };
      },
    });
    this.readiness.register({
      name: 'decisionLog',
      check: () => ({ ok: true, detail: { pending: this.writer.pending, dropped: this.writer.dropped, written: this.writer.written } }),
    });
    this.started = true;
    if (!this.config.cookieSecure && !this.config.publicUrl.startsWith('http://localhost')) {
      this.logger.warn('AIRLOCK_PUBLIC_URL is not https: put TLS in front of Airlock so sessions use Secure cookies');
    }
  }

  private async runMaintenance(): Promise<void> {
    try {
      await this.prisma.$queryRaw`SELECT airlock_ensure_decision_partitions(date_trunc('month', now())::date, 3)`;
      await this.sessions.purgeExpired();
    } catch (err) {
      this.logger.warn(`Maintenance failed: ${(err as Error).message}`);
    }
  }

  onModuleDestroy(): void {
    if (this.maintenance) clearInterval(this.maintenance);
  }
}
