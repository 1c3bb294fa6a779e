import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { BackgroundJobs } from '../../common/background-jobs';
import { Transactions } from '../../database/transactions';
import type { DecisionLogEntry } from '../decisions/decision-log.batch';
import { BLOCKED_WINDOW_MS, BlockedCounts, BlockedDecisionCounter, type ClosedWindow, type TallyJson } from './blocked-decisions';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

export const BLOCKED_EVENT = 'decisions.blocked' as const;
const TICK_MS = 5_000;
/**
 * A window is summed up this long after it ends: every instance writes its counts at its first
 * tick after the window (within TICK_MS), so 20 s leaves room for a busy event loop or a slow write.
 * Counts an instance writes later still go out, in a second summary of the same window.
 */
export const BLOCKED_GRACE_MS = 20_000;

export interface DigestTick {
  /** Organization windows this instance wrote. */
  saved: number;
  /** Summaries queued (one per organization and window, to each subscribed webhook). */
  summaries: number;
}

/**
 * The `decisions.blocked` webhook: a summary per organization and minute with blocks, never one
 * delivery per decision. The decision log writer hands every blocked decision to `count` (memory
 * only, O(1)); every TICK_MS each instance writes its closed windows for the organizations that
 * subscribe (BlockedDecisionTally), then, under an advisory lock, whichever instance comes first
 * adds up each window's rows of every instance, deletes them and queues one summary per window to
 * the outbox (WebhooksService.enqueue, same transaction): each window is sent once, counting every
 * instance and worker. Time is a parameter of `tick` and the counting clock can be set, so tests
 * run windows without waiting for minutes.
 */
@Injectable()
export class BlockedDecisionsDigest implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private readonly counter = new BlockedDecisionCounter();
  private readonly instanceId = randomUUID();
  private clock: () => number = Date.now;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: WebhooksRepository,
    private readonly webhooks: WebhooksService,
    private readonly transactions: Transactions,
    private readonly jobs: BackgroundJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stop();
    // The current window too: another instance (or this one after a restart) sends it when it is due.
    await this.tick(new Date(this.clock()), { final: true }).catch((err: Error) =>
      this.logger.warn(`Could not write the blocked decision counts before shutdown: ${err.message}`),
    );
  }

  start(): void {
    this.jobs.every('webhook-blocked-decisions', TICK_MS, () => {
      void this.tick().catch((err: Error) => this.logger.warn(`Blocked decision summary round failed: ${err.message}`));
    });
  }

  /** Stops the background loop (tests drive `tick` themselves); counting goes on. */
  stop(): void {
    this.jobs.stop('webhook-blocked-decisions');
  }

  /** Tests count decisions at a time of their choosing; null restores the real clock. */
  setClock(now: (() => number) | null): void {
    this.clock = now ?? Date.now;
  }

  /** The decision path: a blocked decision, counted in this instance's current window. */
  count(entry: DecisionLogEntry): void {
    this.counter.count(entry.organizationId, entry.providerSlug, entry.ruleIds, entry.channel, entry.subjectGroups, this.clock());
  }

  /** One round: write the windows closed by `now`, then send the windows due at `now`. Rounds never overlap. */
  tick(now: Date = new Date(this.clock()), opts: { final?: boolean } = {}): Promise<DigestTick> {
    const run = this.chain.then(async () => {
      const saved = await this.save(now, opts.final === true);
      const summaries = opts.final ? 0 : await this.send(now);
      return { saved, summaries };
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async save(now: Date, all: boolean): Promise<number> {
    const windows = this.counter.take(now.getTime(), all);
    if (!windows.length) return 0;
    try {
      const organizations = new Set<string>();
      for (const w of windows) for (const id of w.byOrganization.keys()) organizations.add(id);
      const subscribed = await this.repo.organizationsSubscribedTo([...organizations], BLOCKED_EVENT);
      const rows = [];
      for (const w of windows)
        for (const [organizationId, counts] of w.byOrganization)
          if (subscribed.has(organizationId))
            rows.push({ organizationId, windowStart: new Date(w.windowStart), instanceId: this.instanceId, counts: counts.toJson() });
      if (rows.length) await this.repo.saveTallies(rows);
      return rows.length;
    } catch (err) {
      this.counter.giveBack(windows as ClosedWindow[]);
      throw err;
    }
  }

  /** Adds up and sends every window that ended at least BLOCKED_GRACE_MS before `now`. */
  private async send(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - BLOCKED_GRACE_MS - BLOCKED_WINDOW_MS);
    // Most rounds find nothing: one indexed read, no transaction or lock.
    if (!(await this.repo.talliesDue(cutoff))) return 0;
    return this.transactions.run(async () => {
      const rows = await this.repo.takeTallies(cutoff);
      if (!rows.length) return 0;
      const windows = new Map<string, { organizationId: string; windowStart: Date; counts: BlockedCounts; instances: Set<string> }>();
      for (const r of rows) {
        const key = `${r.organizationId} ${r.windowStart.toISOString()}`;
        let w = windows.get(key);
        if (!w) {
          w = { organizationId: r.organizationId, windowStart: r.windowStart, counts: new BlockedCounts(), instances: new Set() };
          windows.set(key, w);
        }
        w.counts.merge(r.counts as unknown as TallyJson);
        w.instances.add(r.instanceId);
      }
      const sorted = [...windows.values()].sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime());
      let summaries = 0;
      for (const w of sorted) {
        const data = w.counts.summary(w.windowStart, w.instances.size, `${this.config.publicUrl}/#/activity`);
        if ((await this.webhooks.enqueue(w.organizationId, BLOCKED_EVENT, data, now)) > 0) summaries += 1;
      }
      return summaries;
    });
  }
}
