import { clusterPeers, type PeerChannel } from '../cluster';

interface Bucket {
  tokens: number;
  updated: number;
  limit: number;
}

/** How often a worker tells the others what it let through (the bound on a cluster's overshoot). */
const SHARE_MS = 100;

/**
 * Token buckets in memory, one per key: `limit` requests per minute with bursts up to `limit`.
 *
 * Within one host's cluster (AIRLOCK_WORKERS) the workers share their consumption: every 100 ms
 * each worker sends the others, through the primary, how many tokens it took per key, and each
 * debits its own buckets by what the others took. A key therefore gets its limit across the
 * cluster, whichever worker its connections land on, give or take what the other workers let
 * through in the last 100 ms. Across hosts (replicas) the same happens through Redis when
 * AIRLOCK_REDIS_URL is set (RateLimitSharing, ADR 0031); without it limits stay per host: with N
 * replicas a client can reach N x limit (docs/security.md).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** Tokens taken here since the last share, per key. */
  private taken = new Map<string, { n: number; limit: number }>();

  constructor(
    private readonly name: string,
    private readonly maxKeys = 100_000,
    private readonly peers: PeerChannel | null = clusterPeers(`rate-limit:${name}`),
  ) {
    if (!peers) return;
    peers.onMessage((payload) => this.debit(payload));
    // Not a BackgroundJobs job, on purpose (ADR 0015; the one exception of the lint rule against
    // setInterval): AccessGuard and ApiKeyGate create their limiters with `new`, outside dependency
    // injection, so there is no SchedulerRegistry to register with; the tick is part of the
    // limiter's own accounting (each worker tells the others what it let through every 100 ms), not
    // work of the application, and it is unref()ed, so it never keeps a draining process alive.
    setInterval(() => this.share(), SHARE_MS).unref();
  }

  /**
   * Takes `cost` tokens (a batch of decisions costs one per item); returns 0 when allowed, else the
   * seconds to wait before retrying (Infinity when the cost exceeds the whole per-minute limit).
   */
  take(key: string, limitPerMinute: number, now = Date.now(), cost = 1): number {
    const b = this.refilled(key, limitPerMinute, now);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      if (this.peers) {
        const t = this.taken.get(key);
        if (t) t.n += cost;
        else this.taken.set(key, { n: cost, limit: limitPerMinute });
      }
      return 0;
    }
    if (cost > limitPerMinute) return Infinity;
    return Math.max(1, Math.ceil(((cost - b.tokens) * 60) / limitPerMinute));
  }

  /** Sends what this worker took since the last share to the other workers. */
  share(): void {
    if (!this.peers || this.taken.size === 0) return;
    const entries = [...this.taken].map(([key, t]) => [key, t.n, t.limit] as const);
    this.taken = new Map();
    this.peers.send(entries);
  }

  /** Applies what another worker took: its requests count against the same limits here. */
  private debit(payload: unknown): void {
    if (!Array.isArray(payload)) return;
    const now = Date.now();
    for (const entry of payload as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3) continue;
      const [key, n, limit] = entry as [unknown, unknown, unknown];
      if (typeof key !== 'string' || typeof n !== 'number' || typeof limit !== 'number' || !(limit > 0)) continue;
      // A bucket may go below zero: the key then waits here too until the others' share refills.
      const b = this.buckets.get(key);
      if (b && b.limit === limit) b.tokens -= n;
      else this.refilled(key, limit, now).tokens -= n;
    }
  }

  private refilled(key: string, limitPerMinute: number, now: number): Bucket {
    let b = this.buckets.get(key);
    if (!b || b.limit !== limitPerMinute) {
      if (!b && this.buckets.size >= this.maxKeys) this.evictOldest();
      b = { tokens: limitPerMinute, updated: now, limit: limitPerMinute };
      this.buckets.set(key, b);
    } else {
      // Never negative: a clock stepping back must not take tokens away.
      const refill = (Math.max(0, now - b.updated) / 60_000) * limitPerMinute;
      b.tokens = Math.min(limitPerMinute, b.tokens + refill);
      b.updated = Math.max(b.updated, now);
    }
    return b;
  }

  private evictOldest(): void {
    // Maps iterate in insertion order: drop the first tenth.
    let n = Math.ceil(this.maxKeys / 10);
    for (const k of this.buckets.keys()) {
      this.buckets.delete(k);
      if (--n <= 0) break;
    }
  }
}
