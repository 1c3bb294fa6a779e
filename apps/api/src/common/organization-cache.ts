import { createHash } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import type { NotificationChannel, NotificationsService } from '../database/notifications.service';
import type { BackgroundJobs } from './background-jobs';
import { SingleFlight } from './single-flight';

/** The stamp of an organization with nothing in the cache (part of /v1/bundle's ETag). */
export const EMPTY_STAMP = '0';

/** A short hash of an entry's content, one line per item: what the bundle's ETag carries. */
export function contentStamp(lines: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('base64url').slice(0, 10);
}

export interface OrganizationCacheSource<T> {
  /** Names the fallback poll's background job (`<name>-poll`). */
  name: string;
  /** What the log lines call it ("the exceptions", "the directory"). */
  label: string;
  /** Sent with the organization's id as payload whenever its rows change (a trigger does it). */
  channel: NotificationChannel;
  pollMs: number;
  /**
   * Per organization that has rows, a mark that changes whenever they do (the poll that covers a
   * lost NOTIFY reloads each organization whose mark moved, and drops those no longer listed).
   */
  marks(): Promise<Map<string, string>>;
  /** One organization's entry, or null when it has nothing to keep in memory. */
  load(organizationId: string): Promise<T | null>;
  /** The mark of a loaded entry, when the entry can tell (else the mark its poll read is kept). */
  markOf?(entry: T): string;
}

/**
 * Per-organization data kept in memory for the decision path and /v1/bundle, reloaded on NOTIFY
 * and by a poll every `pollMs` (named background job), with a content stamp per organization for
 * the bundle's ETag and listeners told when an organization's stamp changes. Reloads are coalesced:
 * a burst of notifications costs one more load at most. When the database cannot be reached, the
 * last entries keep answering. Used by the subject directory and the time-limited exceptions.
 */
export class OrganizationCache<T extends { stamp: string }> {
  private readonly entries = new Map<string, T>();
  private readonly listeners = new Set<(organizationId: string) => void>();
  private readonly pending = new Set<string>();
  /** The mark each organization's entry is as of (the poll compares it). */
  private readonly marks = new Map<string, string>();
  /** Marks the running poll read for the organizations it queued for a reload. */
  private readonly polledMarks = new Map<string, string>();

  constructor(
    private readonly source: OrganizationCacheSource<T>,
    private readonly notifications: NotificationsService,
    private readonly jobs: BackgroundJobs,
    private readonly logger: Logger,
  ) {}

  /** Listens, loads every organization, then polls in the background. */
  async start(): Promise<void> {
    this.notifications.on(this.source.channel, (organizationId) => void this.reload(organizationId));
    this.notifications.onReconnect(() => void this.poll());
    await this.poll();
    this.jobs.every(`${this.source.name}-poll`, this.source.pollMs, () => this.poll());
  }

  stop(): void {
    this.jobs.stop(`${this.source.name}-poll`);
  }

  get(organizationId: string): T | undefined {
    return this.entries.get(organizationId);
  }

  stamp(organizationId: string): string {
    return this.entries.get(organizationId)?.stamp ?? EMPTY_STAMP;
  }

  /** Called with the organization's id when its stamp changed here (bundle event streams announce it). */
  onChanged(listener: (organizationId: string) => void): void {
    this.listeners.add(listener);
  }

  /** Reloads one organization (coalesced with the reloads already asked for). */
  reload(organizationId: string): Promise<void> {
    this.pending.add(organizationId);
    return this.reloader.run({ again: true });
  }

  /** Compares every organization's mark with memory and reloads what moved. */
  poll(): Promise<void> {
    return this.poller.run({ again: true });
  }

  private readonly reloader = new SingleFlight(async () => {
    const ids = [...this.pending];
    this.pending.clear();
    for (const id of ids) {
      const polled = this.polledMarks.get(id);
      this.polledMarks.delete(id);
      try {
        const next = await this.source.load(id);
        this.set(id, next);
        const mark = next && this.source.markOf ? this.source.markOf(next) : polled;
        if (mark !== undefined) this.marks.set(id, mark);
      } catch (err) {
        // The next poll tries again.
        this.marks.delete(id);
        this.logger.warn(`Could not reload ${this.source.label} of ${id}, keeping the last one: ${(err as Error).message}`);
      }
    }
  });

  private readonly poller = new SingleFlight(async () => {
    try {
      const marks = await this.source.marks();
      for (const [id, mark] of marks) {
        if (this.marks.get(id) === mark) continue;
        this.polledMarks.set(id, mark);
        this.pending.add(id);
      }
      for (const id of [...this.entries.keys(), ...this.marks.keys()]) {
        if (marks.has(id)) continue;
        this.marks.delete(id);
        this.set(id, null);
      }
      if (this.pending.size > 0) await this.reloader.run({ again: true });
    } catch (err) {
      this.logger.warn(`Poll of ${this.source.label} failed, keeping what is in memory: ${(err as Error).message}`);
    }
  });

  private set(organizationId: string, next: T | null): void {
    const before = this.entries.get(organizationId);
    if (next) this.entries.set(organizationId, next);
    else this.entries.delete(organizationId);
    if (before?.stamp !== next?.stamp) for (const l of this.listeners) l(organizationId);
  }
}
