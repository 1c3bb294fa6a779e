import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type CompiledExceptions, compileExceptions, type PolicyException } from '@airlock/policy-engine';
import { subjectKey } from '@airlock/decision-core';
import type { BundleException } from '@airlock/contracts';
import { BackgroundJobs } from '../../common/background-jobs';
import { contentStamp, OrganizationCache } from '../../common/organization-cache';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { NotificationsService } from '../../database/notifications.service';
import { SecretsService } from '../secrets/secrets.service';
import { ExceptionsRepository } from './exceptions.repository';

interface OrganizationExceptions {
  list: readonly PolicyException[];
  compiled: CompiledExceptions;
  /** Short hash of the content: part of the bundle's ETag. */
  stamp: string;
  bundle?: BundleException[];
}

/**
 * Every organization's time-limited exceptions in force, in memory, for the decision path and
 * /v1/bundle (an OrganizationCache). A trigger on "PolicyException" sends NOTIFY airlock_exceptions
 * '<organization id>' on every change; the organization is reloaded (within a second on every
 * instance). A poll every AIRLOCK_POLICY_POLL_SECONDS covers a lost notification. Expiry needs
 * neither: the evaluator checks each exception's expiresAt against the time of the decision, and
 * the bundle carries expiresAt.
 */
@Injectable()
export class ExceptionRuntime implements OnModuleDestroy {
  private readonly cache: OrganizationCache<OrganizationExceptions>;

  constructor(
    private readonly repo: ExceptionsRepository,
    notifications: NotificationsService,
    private readonly secrets: SecretsService,
    jobs: BackgroundJobs,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new OrganizationCache<OrganizationExceptions>(
      {
        name: 'exceptions',
        label: 'the exceptions',
        channel: 'airlock_exceptions',
        pollMs: config.policyPollSeconds * 1000,
        marks: async () => new Map((await this.repo.pollKeys()).map((r) => [r.organizationId, `${r.active}:${r.created?.getTime() ?? 0}:${r.revoked?.getTime() ?? 0}`])),
        load: (organizationId) => this.load(organizationId),
      },
      notifications,
      jobs,
      new Logger('Exceptions'),
    );
  }

  start(): Promise<void> {
    return this.cache.start();
  }

  onModuleDestroy(): void {
    this.cache.stop();
  }

  /** Called when an organization's exceptions changed here (bundle event streams announce it). */
  onChanged(listener: (organizationId: string) => void): void {
    this.cache.onChanged(listener);
  }

  /** The compiled exceptions for the decision path, or null when the organization has none. */
  get(organizationId: string): CompiledExceptions | null {
    return this.cache.get(organizationId)?.compiled ?? null;
  }

  stamp(organizationId: string): string {
    return this.cache.stamp(organizationId);
  }

  /** The exceptions for /v1/bundle: people by the directory's salted hash of their e-mail. */
  bundle(organizationId: string, now = Date.now()): BundleException[] {
    const org = this.cache.get(organizationId);
    if (!org) return [];
    if (!org.bundle) {
      const salt = this.secrets.directorySalt(organizationId);
      org.bundle = org.list.map((e) => ({
        id: e.id,
        ...(e.subjectEmail ? { subjectKey: subjectKey(salt, 'email', e.subjectEmail) } : { subjectGroup: e.subjectGroup }),
        provider: e.provider,
        dataClass: e.dataClass,
        reason: e.reason,
        expiresAt: e.expiresAt,
      }));
    }
    return org.bundle.filter((e) => Date.parse(e.expiresAt) > now);
  }

  reload(organizationId: string): Promise<void> {
    return this.cache.reload(organizationId);
  }

  poll(): Promise<void> {
    return this.cache.poll();
  }

  private async load(organizationId: string): Promise<OrganizationExceptions | null> {
    const rows = await this.repo.active(organizationId, new Date());
    if (rows.length === 0) return null;
    const list: PolicyException[] = rows.map((r) => ({
      id: r.id,
      ...(r.subjectEmail ? { subjectEmail: r.subjectEmail } : { subjectGroup: r.subjectGroup ?? '' }),
      provider: r.provider?.slug ?? null,
      dataClass: r.dataClass,
      reason: r.reason,
      expiresAt: r.expiresAt.toISOString(),
    }));
    return { list, compiled: compileExceptions(list), stamp: contentStamp(list.map((e) => `${e.id}\t${e.expiresAt}\t${e.provider ?? ''}`)) };
  }
}
