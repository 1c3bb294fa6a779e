import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type CompiledExceptions, compileExceptions, type PolicyException } from '@airlock/policy-engine';
import { subjectKey } from '@airlock/decision-core';
import type { BundleException } from '@airlock/contracts';
import { BackgroundJobs } from '../../common/background-jobs';
import { SingleFlight } from '../../common/single-flight';
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

const EMPTY_STAMP = '0';

/**
 * Every organization's time-limited exceptions in force, in memory, for the decision path and
 * /v1/bundle. A trigger on "PolicyException" sends NOTIFY airlock_exceptions '<organization id>' on
 * every change; the organization is reloaded (within a second on every instance). A poll every
 * AIRLOCK_POLICY_POLL_SECONDS covers a lost notification. Expiry needs neither: the evaluator checks
 * each exception's expiresAt against the time of the decision, and the bundle carries expiresAt.
 */
@Injectable()
export class ExceptionRuntime implements OnModuleDestroy {
  private readonly logger = new Logger('Exceptions');
  private readonly orgs = new Map<string, OrganizationExceptions>();
  private readonly changedListeners = new Set<(organizationId: string) => void>();
  private readonly pending = new Set<string>();
  /** The poll's key per organization as of its last load by the poll. */
  private readonly polled = new Map<string, string>();

  constructor(
    private readonly repo: ExceptionsRepository,
    private readonly notifications: NotificationsService,
    private readonly secrets: SecretsService,
    private readonly jobs: BackgroundJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    this.notifications.on('airlock_exceptions', (organizationId) => void this.reload(organizationId));
    this.notifications.onReconnect(() => void this.poll());
    await this.poll();
    this.jobs.every('exceptions-poll', this.config.policyPollSeconds * 1000, () => this.poll());
  }

  /** Called when an organization's exceptions changed here (bundle event streams announce it). */
  onChanged(listener: (organizationId: string) => void): void {
    this.changedListeners.add(listener);
  }

  /** The compiled exceptions for the decision path, or null when the organization has none. */
  get(organizationId: string): CompiledExceptions | null {
    return this.orgs.get(organizationId)?.compiled ?? null;
  }

  stamp(organizationId: string): string {
    return this.orgs.get(organizationId)?.stamp ?? EMPTY_STAMP;
  }

  /** The exceptions for /v1/bundle: people by the directory's salted hash of their e-mail. */
  bundle(organizationId: string, now = Date.now()): BundleException[] {
    const org = this.orgs.get(organizationId);
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
    this.pending.add(organizationId);
    return this.reloader.run({ again: true });
  }

  private readonly reloader = new SingleFlight(async () => {
    const ids = [...this.pending];
    this.pending.clear();
    for (const id of ids) {
      try {
        await this.load(id);
      } catch (err) {
        this.logger.warn(`Could not reload the exceptions of ${id}, keeping the last ones: ${(err as Error).message}`);
      }
    }
  });

  poll(): Promise<void> {
    return this.poller.run({ again: true });
  }

  private readonly poller = new SingleFlight(async () => {
    try {
      const rows = await this.repo.pollKeys();
      const seen = new Map<string, string>();
      for (const r of rows) {
        const key = pollKey(r);
        seen.set(r.organizationId, key);
        if (this.polled.get(r.organizationId) !== key) this.pending.add(r.organizationId);
      }
      for (const id of this.orgs.keys()) if (!seen.has(id)) this.pending.add(id);
      if (this.pending.size > 0) await this.reloader.run({ again: true });
      this.polled.clear();
      for (const [id, key] of seen) this.polled.set(id, key);
    } catch (err) {
      this.logger.warn(`Exception poll failed, keeping the exceptions in memory: ${(err as Error).message}`);
    }
  });

  private async load(organizationId: string): Promise<void> {
    const now = new Date();
    const rows = await this.repo.active(organizationId, now);
    const before = this.orgs.get(organizationId);
    if (rows.length === 0) {
      this.orgs.delete(organizationId);
      if (before) for (const l of this.changedListeners) l(organizationId);
      return;
    }
    const list: PolicyException[] = rows.map((r) => ({
      id: r.id,
      ...(r.subjectEmail ? { subjectEmail: r.subjectEmail } : { subjectGroup: r.subjectGroup ?? '' }),
      provider: r.provider?.slug ?? null,
      dataClass: r.dataClass,
      reason: r.reason,
      expiresAt: r.expiresAt.toISOString(),
    }));
    const hash = createHash('sha256');
    for (const e of list) hash.update(`${e.id}\t${e.expiresAt}\t${e.provider ?? ''}\n`);
    const next: OrganizationExceptions = { list, compiled: compileExceptions(list), stamp: hash.digest('base64url').slice(0, 10) };
    this.orgs.set(organizationId, next);
    if (before?.stamp !== next.stamp) for (const l of this.changedListeners) l(organizationId);
  }

  onModuleDestroy(): void {
    this.jobs.stop('exceptions-poll');
  }
}

function pollKey(r: { active: bigint; created: Date | null; revoked: Date | null }): string {
  return `${r.active}:${r.created?.getTime() ?? 0}:${r.revoked?.getTime() ?? 0}`;
}
