import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type DirectoryBundle, MemoryDirectory } from '@airlock/decision-core';
import { BackgroundJobs } from '../../common/background-jobs';
import { contentStamp, EMPTY_STAMP, OrganizationCache } from '../../common/organization-cache';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { NotificationsService } from '../../database/notifications.service';
import { SecretsService } from '../secrets/secrets.service';
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

/**
 * Every organization's people and their groups (User.groups: console memberships and the groups
 * SSO sign-in maintains), in memory (an OrganizationCache), so that a decision naming a subject by
 * e-mail or user id uses that person's groups without touching the database. Disabled users are
 * left out. A trigger on "User" sends NOTIFY airlock_directory '<organization id>' on every change
 * of groups, e-mail, disabled flag or membership of an organization, whoever makes it; the
 * organization is reloaded. A poll every AIRLOCK_POLICY_POLL_SECONDS (newest update and count per
 * organization) covers a lost notification. When the database cannot be reached the last directory
 * keeps answering.
 */
@Injectable()
export class SubjectDirectoryService implements OnModuleDestroy {
  private readonly cache: OrganizationCache<OrganizationDirectory>;

  constructor(
    private readonly repo: SubjectDirectoryRepository,
    notifications: NotificationsService,
    private readonly secrets: SecretsService,
    jobs: BackgroundJobs,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new OrganizationCache<OrganizationDirectory>(
      {
        name: 'subject-directory',
        label: 'the directory',
        channel: 'airlock_directory',
        pollMs: config.policyPollSeconds * 1000,
        marks: async () => new Map((await this.repo.changeMarks()).map((r) => [r.organizationId, pollKey(r.latest, r.users)])),
        load: (organizationId) => this.load(organizationId),
        markOf: (entry) => entry.poll,
      },
      notifications,
      jobs,
      new Logger('SubjectDirectory'),
    );
  }

  start(): Promise<void> {
    return this.cache.start();
  }

  onModuleDestroy(): void {
    this.cache.stop();
  }

  /** Called when an organization's directory changed here (bundle event streams announce it). */
  onChanged(listener: (organizationId: string) => void): void {
    this.cache.onChanged(listener);
  }

  get(organizationId: string): OrganizationDirectory | undefined {
    return this.cache.get(organizationId);
  }

  stamp(organizationId: string): string {
    return this.cache.stamp(organizationId);
  }

  /** Whether the e-mail is a (not disabled) person of the organization, whatever their groups. */
  isMember(organizationId: string, email: string): boolean {
    const org = this.cache.get(organizationId);
    if (!org) return false;
    org.emails ??= new Set(org.directory.people.map((p) => p.email.trim().toLowerCase()));
    return org.emails.has(email.trim().toLowerCase());
  }

  /** The hashed directory of /v1/bundle (cached until the directory changes). */
  bundle(organizationId: string): DirectoryBundle {
    const org = this.cache.get(organizationId);
    const salt = this.secrets.directorySalt(organizationId);
    if (!org) return { salt, groups: [], subjects: {} };
    org.bundle ??= org.directory.toBundle(salt);
    return org.bundle;
  }

  /** Reloads one organization (coalesced: a burst of notifications costs one more load at most). */
  reload(organizationId: string): Promise<void> {
    return this.cache.reload(organizationId);
  }

  /** Compares each organization's newest user update and user count with memory; reloads what differs. */
  poll(): Promise<void> {
    return this.cache.poll();
  }

  private async load(organizationId: string): Promise<OrganizationDirectory> {
    const users = await this.repo.enabledUsers(organizationId);
    let latest: Date | null = null;
    for (const u of users) if (!latest || u.updatedAt > latest) latest = u.updatedAt;
    return {
      directory: new MemoryDirectory(users.map((u) => ({ id: u.id, email: u.email, groups: u.groups }))),
      stamp:
        users.length === 0
          ? EMPTY_STAMP
          : contentStamp(users.map((u) => `${u.id}\t${u.email.toLowerCase()}\t${[...u.groups].map((g) => g.toLowerCase()).sort().join(',')}`)),
      poll: pollKey(latest, BigInt(users.length)),
    };
  }
}

function pollKey(latest: Date | null, users: bigint): string {
  return `${latest?.getTime() ?? 0}:${users}`;
}
