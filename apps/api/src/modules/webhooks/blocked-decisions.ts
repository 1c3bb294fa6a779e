import type { WebhookDecisionsBlockedData } from '@airlock/contracts';

/** The `decisions.blocked` window: a summary per minute, aligned on the clock so instances agree. */
export const BLOCKED_WINDOW_MS = 60_000;
/** Distinct values counted per dimension, organization and window; beyond, only `total` grows. */
const MAX_KEYS = 1000;
/** Entries per list in a summary, largest first. */
const MAX_LISTED = 100;
/** Stands for "none" (a destination not in the catalog, no channel) in the maps: no string is empty. */
const NONE = '';

/** The blocked decisions of one organization in one window, on one instance. */
export class BlockedCounts {
  total = 0;
  truncated = false;
  readonly service = new Map<string, number>();
  readonly rule = new Map<string, number>();
  readonly channel = new Map<string, number>();
  readonly group = new Map<string, number>();

  add(providerSlug: string | null, ruleIds: readonly string[], channel: string | null, groups: readonly string[]): void {
    this.total += 1;
    this.bump(this.service, providerSlug ?? NONE);
    for (let i = 0; i < ruleIds.length; i++) this.bump(this.rule, ruleIds[i]!);
    this.bump(this.channel, channel ?? NONE);
    for (let i = 0; i < groups.length; i++) this.bump(this.group, groups[i]!);
  }

  /** A count up (no allocation once the value is known); a new value past MAX_KEYS is not kept. */
  private bump(map: Map<string, number>, key: string): void {
    const n = map.get(key);
    if (n !== undefined) map.set(key, n + 1);
    else if (map.size < MAX_KEYS) map.set(key, 1);
    else this.truncated = true;
  }

  /** What an instance writes to the database: plain pairs, mergeable with other instances'. */
  toJson(): TallyJson {
    return {
      total: this.total,
      truncated: this.truncated,
      service: [...this.service],
      rule: [...this.rule],
      channel: [...this.channel],
      group: [...this.group],
    };
  }

  /** Adds another instance's counts of the same window. */
  merge(t: TallyJson): void {
    this.total += t.total;
    if (t.truncated) this.truncated = true;
    const into = (map: Map<string, number>, pairs: [string, number][]) => {
      for (const [k, n] of pairs) map.set(k, (map.get(k) ?? 0) + n);
    };
    into(this.service, t.service);
    into(this.rule, t.rule);
    into(this.channel, t.channel);
    into(this.group, t.group);
  }

  /** The webhook's `data`: each list the largest first, cut at MAX_LISTED. */
  summary(windowStart: Date, instances: number, url: string): WebhookDecisionsBlockedData {
    let truncated = this.truncated;
    const listed = (map: Map<string, number>): [string, number][] => {
      const all = [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      if (all.length > MAX_LISTED) truncated = true;
      return all.slice(0, MAX_LISTED);
    };
    const orNull = (k: string) => (k === NONE ? null : k);
    return {
      windowStart: windowStart.toISOString(),
      windowEnd: new Date(windowStart.getTime() + BLOCKED_WINDOW_MS).toISOString(),
      total: this.total,
      byService: listed(this.service).map(([k, count]) => ({ service: orNull(k), count })),
      byRule: listed(this.rule).map(([rule, count]) => ({ rule, count })),
      byChannel: listed(this.channel).map(([k, count]) => ({ channel: orNull(k), count })),
      byGroup: listed(this.group).map(([group, count]) => ({ group, count })),
      truncated,
      instances,
      url,
    };
  }
}

export interface TallyJson {
  total: number;
  truncated: boolean;
  service: [string, number][];
  rule: [string, number][];
  channel: [string, number][];
  group: [string, number][];
}

export interface ClosedWindow {
  windowStart: number;
  byOrganization: Map<string, BlockedCounts>;
}

/** Windows kept while the database cannot take them (an hour of minutes); older ones are dropped. */
const MAX_CLOSED = 60;

/**
 * This instance's blocked decisions, counted per organization in the current window. `count` is
 * on the decision path: a clock comparison, a Map lookup and a few counter increments, with no
 * allocation once the organization and the values were seen in the window. Closed windows wait in
 * `closed` until the digest writes them.
 */
export class BlockedDecisionCounter {
  private windowStart = 0;
  private windowEnd = 0;
  private current = new Map<string, BlockedCounts>();
  private closed: ClosedWindow[] = [];
  droppedWindows = 0;

  count(organizationId: string, providerSlug: string | null, ruleIds: readonly string[], channel: string | null, groups: readonly string[], nowMs: number): void {
    if (nowMs >= this.windowEnd) this.rotate(nowMs);
    let c = this.current.get(organizationId);
    if (c === undefined) {
      c = new BlockedCounts();
      this.current.set(organizationId, c);
    }
    c.add(providerSlug, ruleIds, channel, groups);
  }

  /** Closes the current window when `nowMs` is past it; starts the window `nowMs` is in. */
  private rotate(nowMs: number): void {
    if (this.current.size > 0) {
      this.closed.push({ windowStart: this.windowStart, byOrganization: this.current });
      this.current = new Map();
      if (this.closed.length > MAX_CLOSED) {
        this.closed.shift();
        this.droppedWindows += 1;
      }
    }
    this.windowStart = Math.floor(nowMs / BLOCKED_WINDOW_MS) * BLOCKED_WINDOW_MS;
    this.windowEnd = this.windowStart + BLOCKED_WINDOW_MS;
  }

  /** The windows closed by `nowMs` (and, with `all`, the current one: shutting down), handed over. */
  take(nowMs: number, all = false): ClosedWindow[] {
    if (nowMs >= this.windowEnd) this.rotate(nowMs);
    if (all && this.current.size > 0) {
      this.closed.push({ windowStart: this.windowStart, byOrganization: this.current });
      this.current = new Map();
    }
    const out = this.closed;
    this.closed = [];
    return out;
  }

  /** Windows that could not be written go back, oldest first, to be tried again. */
  giveBack(windows: ClosedWindow[]): void {
    this.closed = [...windows, ...this.closed].slice(-MAX_CLOSED);
  }
}
