import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type DirectoryBundle, MemoryDirectory } from '@airlock/decision-core';
import { SingleFlight } from '../../common/single-flight';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { NotificationsService } from '../../database/notifications.service';
import { SecretsService } from '../secrets/secrets.service';
import { BackgroundJobs } from '../../common/background-jobs';
import { SubjectDirectoryRepository } from './subject-directory.repository';

/** One organization's directory in memory, with what changes when it does. */
export interface OrganizationDirectory {
  directory: MemoryDirectory;
  /** Short hash of the content: part of the bundle's ETag. */
  stamp: string;
  /** What the fallback poll compares: the newest update and the number of users. */
  poll: string;
  /** The hashed form for /v1/bundle, computed on first request. */
  bundle?: DirectoryBundle;
  /** Every person's lower-cased e-mail (with or without groups), built on first request. */
  emails?: ReadonlySet<string>;
}

const EMPTY_STAMP = '0';

/**
 * Every organization's people and their groups (User.groups: console memberships and the groups
 * SSO sign-in maintains), in memory, so that a decision naming a subject by e-mail or user id uses
 * that person's groups without touching the database. Disabled users are left out. A trigger on
 * "User" sends NOTIFY airlock_directory '<organization id>' on every change of groups, e-mail,
 * disabled flag or membership of an organization, whoever makes it; the organization is reloaded.
 * A poll every AIRLOCK_POLICY_POLL_SECONDS (newest update and count per organization) covers a lost
 * notification. When the database cannot be reached the last directory keeps answering.
 */
@Injectable()
export class SubjectDirectoryService implements OnModuleDestroy {
  private readonly logger = new Logger('SubjectDirectory');
  private readonly orgs = new Map<string, OrganizationDirectory>();
  private readonly changedListeners = new Set<(organizationId: string) => void>();
  private readonly pending = new Set<string>();
  loadedAt: Date | null = null;

  constructor(
    private readonly repo: SubjectDirectoryRepository,
    private readonly notifications: NotificationsService,
    private readonly secrets: SecretsService,
    private readonly jobs: BackgroundJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    this.notifications.on('airlock_directory', (organizationId) => void this.reload(organizationId));
    this.notifications.onReconnect(() => void this.poll());
    await this.poll();
    this.jobs.every('subject-directory-poll', this.config.policyPollSeconds * 1000, () => this.poll());
  }

  /** Called when an organization's directory changed here (bundle event streams announce it). */
  onChanged(listener: (organizationId: string) => void): void {
    this.changedListeners.add(listener);
  }

  get(organizationId: string): OrganizationDirectory | undefined {
    return this.orgs.get(organizationId);
  }

  stamp(organizationId: string): string {
    return this.orgs.get(organizationId)?.stamp ?? EMPTY_STAMP;
  }

  /** Whether the e-mail is a (not disabled) person of the organization, whatever their groups. */
  isMember(organizationId: string, email: string): boolean {
    const org = this.orgs.get(organizationId);
    if (!org) return false;
    org.emails ??= new Set(org.directory.people.map((p) => p.email.trim().toLowerCase()));
    return org.emails.has(email.trim().toLowerCase());
  }

  /** The hashed directory of /v1/bundle (cached until the directory changes). */
  bundle(organizationId: string): DirectoryBundle {
    const org = this.orgs.get(organizationId);
    const salt = this.secrets.directorySalt(organizationId);
    if (!org) return { salt, groups: [], subjects: {} };
    org.bundle ??= org.directory.toBundle(salt);
    return org.bundle;
  }

  /** Reloads one organization (coalesced: a burst of notifications costs one more load at most). */
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
        this.logger.warn(`Could not reload the directory of ${id}, keeping the last one: ${(err as Error).message}`);
      }
    }
  });

  /** Compares each organization's newest user update and user count with memory; reloads what differs. */
  poll(): Promise<void> {
    return this.poller.run({ again: true });
  }

  private readonly poller = new SingleFlight(async () => {
    try {
      const rows = await this.repo.changeMarks();
      const seen = new Set<string>();
      for (const r of rows) {
        seen.add(r.organizationId);
        if (this.orgs.get(r.organizationId)?.poll !== pollKey(r.latest, r.users)) this.pending.add(r.organizationId);
      }
      for (const id of this.orgs.keys()) if (!seen.has(id)) this.orgs.delete(id);
      if (this.pending.size > 0) await this.reloader.run({ again: true });
      this.loadedAt = new Date();
    } catch (err) {
      this.logger.warn(`Directory poll failed, keeping the directories in memory: ${(err as Error).message}`);
    }
  });

  private async load(organizationId: string): Promise<void> {
    const users = await this.repo.enabledUsers(organizationId);
    const hash = createHash('sha256');
    let latest: Date | null = null;
    for (const u of users) {
      hash.update(`${u.id}\t${u.email.toLowerCase()}\t${[...u.groups].map((g) => g.toLowerCase()).sort().join(',')}\n`);
      if (!latest || u.updatedAt > latest) latest = u.updatedAt;
    }
    const next: OrganizationDirectory = {
      directory: new MemoryDirectory(users.map((u) => ({ id: u.id, email: u.email, groups: u.groups }))),
      stamp: users.length === 0 ? EMPTY_STAMP : hash.digest('base64url').slice(0, 10),
      poll: pollKey(latest, BigInt(users.length)),
    };
    const before = this.orgs.get(organizationId);
    this.orgs.set(organizationId, next);
    if (before?.stamp !== next.stamp) for (const l of this.changedListeners) l(organizationId);
  }

  onModuleDestroy(): void {
    this.jobs.stop('subject-directory-poll');
  }
}

function pollKey(latest: Date | null, users: bigint): string {
  return `${latest?.getTime() ?? 0}:${users}`;
}
