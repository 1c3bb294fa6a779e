/**
 * Token buckets in memory, one per key: `limit` requests per minute with bursts up to `limit`.
 * Per instance: with N replicas a client can reach N x limit; the limits protect each instance.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number; limit: number }>();

  constructor(private readonly maxKeys = 100_000) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string, limitPerMinute: number, now = Date.now()): number {
    let b = this.buckets.get(key);
    if (!b || b.limit !== limitPerMinute) {
      if (this.buckets.size >= this.maxKeys) this.evictOldest();
      b = { tokens: limitPerMinute, updated: now, limit: limitPerMinute };
      this.buckets.set(key, b);
    } else {
      const refill = ((now - b.updated) / 60_000) * limitPerMinute;
      b.tokens = Math.min(limitPerMinute, b.tokens + refill);
      b.updated = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / limitPerMinute));
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
