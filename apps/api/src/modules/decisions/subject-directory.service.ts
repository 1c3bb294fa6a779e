import { createHash, hash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DirectoryBundleBuilder, MemoryDirectory, type Sha256Base64url } from '@airlock/decision-core';
import { BackgroundJobs } from '../../common/background-jobs';
import { EMPTY_STAMP, OrganizationCache } from '../../common/organization-cache';
import { TimeSlice } from '../../common/time-slice';
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
  /** Every person's lower-cased e-mail (with or without groups). */
  emails: ReadonlySet<string>;
  /** The hashed form for /v1/bundle as UTF-8 JSON (DirectoryBundle), built on first request. */
  bundleJson?: Promise<Buffer>;
}

/**
 * Loading a directory and hashing its bundle let other requests in at least this often: an
 * organization of 100,000 people takes a few hundred milliseconds of CPU for either, which in one
 * piece would stall every request of the worker (decisions included).
 */
const SLICE_MS = 5;

/**
 * node:crypto's SHA-256 for the bundle's subject keys: the same bytes as the portable digest the
 * browser extension uses (libs/decision-core subjectKey), at a fraction of the cost per key.
 */
const nativeSha256: Sha256Base64url = (text) => hash('sha256', text, 'base64url');

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
  /** Organizations whose load is running. */
  private readonly loading = new Set<string>();

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
        marks: async () =>
          new Map(
            (await this.repo.changeMarks()).map((r) => {
              // An organization reloading right now keeps the mark it has: a large one takes seconds
              // to read, a poll meanwhile would see the change that started the reload and queue
              // the same reload again. The next poll compares what that reload read.
              const current = this.loading.has(r.organizationId) ? this.cache.get(r.organizationId)?.poll : undefined;
              return [r.organizationId, current ?? pollKey(r.latest?.getTime() ?? 0, r.users)];
            }),
          ),
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

  /** Whether the e-mail is a (not disabled) person of the organization, whatever their groups. */
  isMember(organizationId: string, email: string): boolean {
    return this.cache.get(organizationId)?.emails.has(email.trim().toLowerCase()) ?? false;
  }

  /**
   * The hashed directory of /v1/bundle as UTF-8 JSON (a DirectoryBundle), with the stamp of the directory
   * it is of: the directory is taken now, so a caller that puts the stamp in an ETag gets the
   * matching JSON even if a reload lands before it asks for it. Built once per loaded directory,
   * on the first call of `json`.
   */
  bundleJson(organizationId: string): { stamp: string; json(): Promise<Buffer> } {
    const org = this.cache.get(organizationId);
    const salt = this.secrets.directorySalt(organizationId);
    if (!org) return { stamp: EMPTY_STAMP, json: async () => Buffer.from(JSON.stringify({ salt, groups: [], subjects: {} })) };
    return {
      stamp: org.stamp,
      json: () => {
        if (!org.bundleJson) {
          const building = buildBundleJson(org.directory, salt);
          org.bundleJson = building;
          // A failure is not kept: the next request tries again.
          building.catch(() => {
            if (org.bundleJson === building) org.bundleJson = undefined;
          });
        }
        return org.bundleJson;
      },
    };
  }

  /** Reloads one organization (coalesced: a burst of notifications costs one more load at most). */
  reload(organizationId: string): Promise<void> {
    return this.cache.reload(organizationId);
  }

  /** Compares each organization's newest user update and user count with memory; reloads what differs. */
  poll(): Promise<void> {
    return this.cache.poll();
  }

  /**
   * Reads the organization's people a page at a time and builds the directory, the e-mails, the
   * content stamp and the poll's mark as they come, pausing every SLICE_MS: a whole organization is
   * never one synchronous step. The entry replaces the last one only once complete.
   */
  private async load(organizationId: string): Promise<OrganizationDirectory> {
    this.loading.add(organizationId);
    try {
      return await this.read(organizationId);
    } finally {
      this.loading.delete(organizationId);
    }
  }

  private async read(organizationId: string): Promise<OrganizationDirectory> {
    const slice = new TimeSlice(SLICE_MS);
    const directory = new MemoryDirectory();
    const emails = new Set<string>();
    // The same stamp as contentStamp (common/organization-cache) over one line per person, in id order.
    const stamp = createHash('sha256');
    // Most people share one of a few group lists: each is written out once.
    const written = new Map<string, string>();
    const stampGroups = (groups: string[]) => {
      const key = JSON.stringify(groups);
      let line = written.get(key);
      if (line === undefined) written.set(key, (line = groups.map((g) => g.toLowerCase()).sort().join(',')));
      return line;
    };
    let latest = 0;
    let count = 0;
    for await (const page of this.repo.enabledUsers(organizationId)) {
      for (const u of page) {
        directory.add({ id: u.id, email: u.email, groups: u.groups });
        emails.add(u.email.trim().toLowerCase());
        stamp.update(`${u.id}\t${u.email.toLowerCase()}\t${stampGroups(u.groups)}\n`);
        if (u.updatedMs > latest) latest = u.updatedMs;
        count += 1;
        if (slice.due()) await slice.pause();
      }
    }
    return {
      directory,
      emails,
      stamp: count === 0 ? EMPTY_STAMP : stamp.digest('base64url').slice(0, 10),
      poll: pollKey(latest, BigInt(count)),
    };
  }
}

/**
 * The directory's bundle as UTF-8 JSON: two native hashes per person with groups, then the JSON
 * written and encoded in pieces, pausing every SLICE_MS (100,000 people: ~200,000 hashes and 6 MB
 * of JSON; joined as one string and encoded at once, the last step alone held the loop ~25 ms).
 */
async function buildBundleJson(directory: MemoryDirectory, salt: string): Promise<Buffer> {
  const slice = new TimeSlice(SLICE_MS);
  const builder = new DirectoryBundleBuilder(salt, nativeSha256);
  for (const p of directory.people) {
    builder.add(p);
    if (slice.due()) await slice.pause();
  }
  const pieces: Buffer[] = [];
  for (const piece of builder.json(500)) {
    pieces.push(Buffer.from(piece, 'utf8'));
    if (slice.due()) await slice.pause();
  }
  return Buffer.concat(pieces);
}

/** The newest update (ms) and the number of users. */
function pollKey(latestMs: number, users: bigint): string {
  return `${latestMs}:${users}`;
}
