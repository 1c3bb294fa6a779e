import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config';

export type NotificationChannel = 'airlock_policy' | 'airlock_api_keys' | 'airlock_sessions' | 'airlock_directory' | 'airlock_exceptions';
type Listener = (payload: string) => void;

/**
 * PostgreSQL LISTEN/NOTIFY on one dedicated connection, reconnecting with backoff. Publishes and
 * key revocations reach every instance through it; each consumer also polls, so a lost
 * notification (e.g. during a reconnect) only delays a change by one polling interval.
 */
@Injectable()
export class NotificationsService implements OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private readonly listeners = new Map<NotificationChannel, Set<Listener>>();
  private readonly reconnectListeners = new Set<() => void>();
  private client: Client | null = null;
  private stopped = false;
  private retryMs = 500;
  private timer: NodeJS.Timeout | null = null;
  connected = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  on(channel: NotificationChannel, listener: Listener): void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
  }

  /** Called after every (re)connection: consumers resynchronise what they may have missed. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.add(listener);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl, connectionTimeoutMillis: 5_000, keepAlive: true, application_name: 'airlock-listen' });
    client.on('error', (err) => {
      this.logger.warn(`LISTEN connection lost: ${err.message}`);
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    client.on('notification', (msg) => {
      for (const l of this.listeners.get(msg.channel as NotificationChannel) ?? []) {
        try {
          l(msg.payload ?? '');
        } catch (err) {
          this.logger.error(`Listener for ${msg.channel} failed: ${(err as Error).message}`);
        }
      }
    });
    try {
      await client.connect();
      for (const channel of ['airlock_policy', 'airlock_api_keys', 'airlock_sessions', 'airlock_directory', 'airlock_exceptions'] satisfies NotificationChannel[]) {
        await client.query(`LISTEN ${channel}`);
      }
      this.client = client;
      const wasReconnect = this.retryMs !== 500 || this.connected === false;
      this.connected = true;
      this.retryMs = 500;
      if (wasReconnect) for (const l of this.reconnectListeners) l();
    } catch (err) {
      this.logger.warn(`Cannot LISTEN (${(err as Error).message}); retrying`);
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.scheduleReconnect(null);
    }
  }

  private scheduleReconnect(client: Client | null): void {
    if (client && client !== this.client) return;
    this.connected = false;
    this.client = null;
    if (this.stopped || this.timer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = null;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
    }
  }
}
