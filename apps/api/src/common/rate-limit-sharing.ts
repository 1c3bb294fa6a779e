import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { clusterPeers, type PeerChannel } from '../cluster';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * Channels are named after the deployment's database (server and database name, never credentials):
 * the instances of one deployment share, and two deployments on one Redis (pub/sub ignores Redis's
 * database numbers) do not count each other's requests.
 */
function channelPrefix(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  const deployment = createHash('sha256').update(`${u.hostname}:${u.port || '5432'}${u.pathname}`).digest('hex').slice(0, 16);
  return `airlock:${deployment}:rate-limit:`;
}

/**
 * Who a RateLimiter shares its consumption with (ADR 0031). With AIRLOCK_REDIS_URL, every process
 * of every host: each publishes on a Redis channel, every 100 ms, what it let through per key, and
 * debits what the others published, exactly as the workers of one host do through their primary.
 * Redis is never on a request's path: a request is decided from the buckets in memory, so Redis
 * adds no latency, and while it is unreachable each instance simply goes on with its own limits
 * (what it publishes meanwhile is dropped, not queued) until it is back. Without Redis, the
 * workers of one host (AIRLOCK_WORKERS) share through the primary, and hosts do not share.
 */
@Injectable()
export class RateLimitSharing implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  /** Tells this process's own messages apart (Redis echoes a publish to its own subscriber). */
  private readonly id = randomUUID();
  private readonly redis: { pub: Redis; sub: Redis } | null = null;
  private readonly prefix: string;
  private readonly listeners = new Map<string, ((payload: unknown) => void)[]>();
  private connectedOnce = false;
  private lastError = '';

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = channelPrefix(config.databaseUrl);
    if (!config.redisUrl) return;
    const options = {
      // A publish while Redis is away fails at once rather than piling up: the counts are stale by then.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 5_000),
      connectionName: 'airlock-rate-limits',
    };
    const pub = new Redis(config.redisUrl, options);
    // The subscriber re-subscribes by itself after a reconnection; it needs its queue for that.
    const sub = new Redis(config.redisUrl, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const c of [pub, sub]) {
      c.on('error', (err: Error) => this.reportError(err));
      c.on('ready', () => this.reportReady());
    }
    sub.on('message', (channel: string, text: string) => this.deliver(channel, text));
    this.redis = { pub, sub };
  }

  /** Whether limits are shared across hosts (for /readyz-style reporting and the tests). */
  get acrossHosts(): boolean {
    return this.redis !== null;
  }

  /** The channel a RateLimiter named `name` shares through, or null when it stays on its own. */
  peers(name: string): PeerChannel | null {
    const redis = this.redis;
    if (!redis) return clusterPeers(`rate-limit:${name}`);
    const channel = this.prefix + name;
    void redis.sub.subscribe(channel).catch((err: Error) => this.reportError(err));
    return {
      send: (payload) => {
        if (redis.pub.status !== 'ready') return;
        redis.pub.publish(channel, JSON.stringify({ from: this.id, payload })).catch((err: Error) => this.reportError(err));
      },
      onMessage: (listener) => {
        const list = this.listeners.get(channel) ?? [];
        list.push(listener);
        this.listeners.set(channel, list);
      },
    };
  }

  private deliver(channel: string, text: string): void {
    const listeners = this.listeners.get(channel);
    if (!listeners) return;
    let message: { from?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as { from?: unknown; payload?: unknown };
    } catch {
      return;
    }
    if (!message || typeof message !== 'object' || message.from === this.id) return;
    // RateLimiter checks the payload's shape: anything else on the channel is ignored there.
    for (const l of listeners) l(message.payload);
  }

  private reportError(err: Error): void {
    // Once per distinct problem, not once per reconnection attempt.
    if (err.message === this.lastError) return;
    this.lastError = err.message;
    this.logger.warn(`Redis for shared rate limits: ${err.message}; limits are per instance until it answers`);
  }

  private reportReady(): void {
    if (this.connectedOnce && !this.lastError) return;
    this.connectedOnce = true;
    this.lastError = '';
    this.logger.log('Rate limits shared through Redis');
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.redis) return;
    // QUIT waits for the connection: one that is reconnecting (Redis away) is simply closed.
    await Promise.all(
      [this.redis.pub, this.redis.sub].map(async (c) => {
        if (c.status !== 'ready') return c.disconnect();
        await Promise.race([c.quit(), new Promise((r) => setTimeout(r, 1_000).unref())]).catch(() => undefined);
        c.disconnect();
      }),
    );
  }
}
