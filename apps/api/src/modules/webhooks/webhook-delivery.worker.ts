import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { postWebhook, type SendResult } from './webhook-sender';
import { webhookSignature } from './webhook-signature';
import { WebhookUrlGuard, WebhookUrlRefused } from './webhook-url-guard';
import { WebhooksRepository } from './webhooks.repository';
import { BackgroundJobs } from '../../common/background-jobs';

/** Waits after failed attempt 1, 2, ... 5; the 6th failure is final. */
export const BACKOFF_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** Longer than the 10 s request timeout: a claimed row is retried only if this instance died. */
const LEASE_MS = 2 * 60_000;
const POLL_MS = 5_000;
const BATCH = 20;
const CONCURRENCY = 4;

export interface TickResult {
  attempted: number;
  succeeded: number;
  failed: number;
}

/**
 * Delivers webhook rows (an outbox written in the same transaction as the incident change). Every
 * instance runs this loop; `claimDue` hands each due row to exactly one of them. Time is a
 * parameter of `tick`, so tests drive the backoff with a fake clock instead of sleeping.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private chain: Promise<unknown> = Promise.resolve();
  private backgroundQueued = false;

  constructor(
    private readonly repo: WebhooksRepository,
    private readonly guard: WebhookUrlGuard,
    private readonly jobs: BackgroundJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): void {
    this.stop();
  }

  get running(): boolean {
    return this.jobs.running('webhook-deliveries');
  }

  start(): void {
    if (this.running) return;
    this.jobs.every('webhook-deliveries', POLL_MS, () => this.background());
  }

  /** Stops the background loop (tests drive `tick` themselves); `tick` still works. */
  stop(): void {
    this.jobs.stop('webhook-deliveries');
  }

  /** Something was queued: deliver soon rather than at the next poll. */
  kick(): void {
    if (this.running) setImmediate(() => this.background());
  }

  private background(): void {
    if (this.backgroundQueued) return;
    this.backgroundQueued = true;
    void this.tick()
      .catch((err: Error) => this.logger.warn(`Webhook delivery round failed: ${err.message}`))
      .finally(() => {
        this.backgroundQueued = false;
      });
  }

  /** One round: claim what is due at `now`, deliver it, record the outcome. Rounds never overlap. */
  tick(now: Date = new Date()): Promise<TickResult> {
    const run = this.chain.then(() => this.round(now));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async round(now: Date): Promise<TickResult> {
    const result: TickResult = { attempted: 0, succeeded: 0, failed: 0 };
    const ids = await this.repo.claimDue(now, new Date(now.getTime() + LEASE_MS), BATCH);
    if (!ids.length) return result;
    const rows = await this.repo.forDelivery(ids);
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        const ok = await this.deliver(row, now);
        result.attempted += 1;
        if (ok) result.succeeded += 1;
        else result.failed += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
    return result;
  }

  private async deliver(row: Awaited<ReturnType<WebhooksRepository['forDelivery']>>[number], now: Date): Promise<boolean> {
    const attempts = row.attempts + 1;
    let sent: SendResult;
    if (!row.webhook.enabled) {
      sent = { ok: false, statusCode: null, error: 'the webhook is disabled' };
    } else {
      const body = JSON.stringify(row.payload);
      const timestamp = Math.floor(Date.now() / 1000);
      try {
        const target = await this.guard.vet(row.webhook.url);
        sent = await postWebhook(target, body, {
          'x-airlock-event': row.event,
          'x-airlock-delivery': row.id,
          'x-airlock-timestamp': String(timestamp),
          'x-airlock-signature': webhookSignature(row.webhook.secret, timestamp, body),
        });
      } catch (err) {
        if (!(err instanceof WebhookUrlRefused)) throw err;
        sent = { ok: false, statusCode: null, error: `refused: ${err.message}` };
      }
    }
    if (sent.ok) {
      await this.repo.recordAttempt(row.id, {
        status: 'succeeded',
        attempts,
        deliveredAt: now,
        lastStatusCode: sent.statusCode,
        lastError: null,
        nextAttemptAt: now,
      });
      return true;
    }
    const final = attempts >= MAX_ATTEMPTS || !row.webhook.enabled;
    await this.repo.recordAttempt(row.id, {
      status: final ? 'failed' : 'pending',
      attempts,
      lastStatusCode: sent.statusCode,
      lastError: sent.error,
      nextAttemptAt: final ? now : new Date(now.getTime() + BACKOFF_MS[attempts - 1]!),
    });
    if (final)
      this.logger.warn(
        `Webhook delivery ${row.id} (${row.event}) to webhook ${row.webhook.id} failed for good after ${attempts} attempt(s): ${sent.error}`,
      );
    return false;
  }
}
