import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { WebhookCreate, WebhookEvent, WebhookPolicyPublishedData, WebhookProviderBlockedData, WebhookPublishCause } from '@airlock/contracts';
import { AppError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/auth-context';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { newWebhookSecret } from './webhook-signature';
import { WebhookUrlGuard, WebhookUrlRefused } from './webhook-url-guard';
import { WebhooksRepository } from './webhooks.repository';
import { webhookAuditView } from './webhooks.serializers';

export const TEST_EVENT = 'webhook.test';

/** Webhook subscriptions (CRUD, audited) and the outbox other modules write events to. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: WebhooksRepository,
    private readonly audit: AuditService,
    private readonly guard: WebhookUrlGuard,
    private readonly worker: WebhookDeliveryWorker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Refuses a target that is not a public address (see WebhookUrlGuard) with a 400 naming why; a
   * host name that does not resolve yet is accepted, and the warning returned for the answer.
   */
  private async vetOr400(url: string): Promise<string[]> {
    try {
      return (await this.guard.vetForSave(url)).warnings;
    } catch (err) {
      if (err instanceof WebhookUrlRefused)
        throw AppError.validation([{ path: 'url', message: err.message }], 'The webhook URL is refused');
      throw err;
    }
  }

  async create(organizationId: string, actor: Actor, input: WebhookCreate) {
    const warnings = await this.vetOr400(input.url);
    const secret = newWebhookSecret();
    const row = await this.transactions.run(async () => {
      const w = await this.repo.create({
        organizationId,
        name: input.name,
        url: input.url,
        events: [...new Set(input.events)],
        enabled: input.enabled,
        secret,
      });
      await this.audit.record({
        organizationId,
        actor,
        action: 'webhook.create',
        entityType: 'Webhook',
        entityId: w.id,
        after: webhookAuditView(w),
      });
      return w;
    });
    return { row, secret, warnings };
  }

  async update(organizationId: string, actor: Actor, id: string, input: Partial<WebhookCreate>) {
    const warnings = input.url !== undefined ? await this.vetOr400(input.url) : [];
    const row = await this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('Webhook');
      const row = await this.repo.update(id, { ...input, ...(input.events ? { events: [...new Set(input.events)] } : {}) });
      await this.audit.record({
        organizationId,
        actor,
        action: 'webhook.update',
        entityType: 'Webhook',
        entityId: id,
        before: webhookAuditView(before),
        after: webhookAuditView(row),
      });
      return row;
    });
    return { row, warnings };
  }

  async remove(organizationId: string, actor: Actor, id: string) {
    return this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('Webhook');
      await this.repo.delete(id);
      await this.audit.record({
        organizationId,
        actor,
        action: 'webhook.delete',
        entityType: 'Webhook',
        entityId: id,
        before: webhookAuditView(before),
      });
      return before;
    });
  }

  /** A new secret, shown once; the old one stops working at once. */
  async rotateSecret(organizationId: string, actor: Actor, id: string) {
    const secret = newWebhookSecret();
    const row = await this.transactions.run(async () => {
      const before = await this.repo.find(organizationId, id);
      if (!before) throw AppError.notFound('Webhook');
      const w = await this.repo.update(id, { secret });
      await this.audit.record({
        organizationId,
        actor,
        action: 'webhook.rotate_secret',
        entityType: 'Webhook',
        entityId: id,
        after: webhookAuditView(w),
      });
      return w;
    });
    return { row, secret };
  }

  /** Queues a `webhook.test` delivery to this webhook (whatever it subscribes to). */
  async sendTest(organizationId: string, actor: Actor, id: string) {
    const delivery = await this.transactions.run(async () => {
      const w = await this.repo.find(organizationId, id);
      if (!w) throw AppError.notFound('Webhook');
      const [d] = await this.insertDeliveries(
        organizationId,
        [w.id],
        TEST_EVENT,
        { message: 'A test delivery from Airlock', webhookId: w.id },
        new Date(),
      );
      await this.audit.record({
        organizationId,
        actor,
        action: 'webhook.test',
        entityType: 'Webhook',
        entityId: id,
        after: { deliveryId: d!.id },
      });
      return d!;
    });
    this.worker.kick();
    return delivery;
  }

  find(organizationId: string, id: string) {
    return this.repo.find(organizationId, id);
  }

  list(...args: Parameters<WebhooksRepository['list']>) {
    return this.repo.list(...args);
  }

  async deliveries(...[organizationId, filter, sort, page]: Parameters<WebhooksRepository['listDeliveries']>) {
    if (!(await this.repo.find(organizationId, filter.webhookId))) throw AppError.notFound('Webhook');
    return this.repo.listDeliveries(organizationId, filter, sort, page);
  }

  /**
   * Queues `event` to every enabled webhook subscribed to it, in the current transaction (the
   * deliveries exist if and only if the change committed), and asks the worker to deliver them once
   * that transaction has committed, without waiting for its next poll.
   */
  async enqueue(organizationId: string, event: WebhookEvent, data: object, now = new Date()): Promise<number> {
    const subs = await this.repo.subscribers(organizationId, event);
    if (!subs.length) return 0;
    const rows = await this.insertDeliveries(
      organizationId,
      subs.map((s) => s.id),
      event,
      data,
      now,
    );
    if (rows.length) await this.transactions.afterCommit(() => this.worker.kick());
    return rows.length;
  }

  /**
   * `policy.published`, in the publishing transaction: every publish, rollback, Block now and
   * catalog release that puts a new version in force.
   */
  policyPublished(
    organizationId: string,
    actor: Actor,
    version: { id: string; number: number; note: string; rollbackOf: number | null; contentHash: string; createdAt: Date },
    cause: WebhookPublishCause,
    counts: WebhookPolicyPublishedData['version']['counts'],
  ): Promise<number> {
    const data: WebhookPolicyPublishedData = {
      version: {
        id: version.id,
        number: version.number,
        note: version.note,
        author: { type: actor.type, label: actor.label },
        cause,
        rollbackOf: version.rollbackOf,
        contentHash: version.contentHash,
        publishedAt: version.createdAt.toISOString(),
        counts,
        url: `${this.config.publicUrl}/#/policy-versions/${version.id}/show`,
      },
    };
    return this.enqueue(organizationId, 'policy.published', data, version.createdAt);
  }

  /** `provider.blocked`, in Block now's transaction (its `policy.published` is queued beside it). */
  providerBlocked(
    organizationId: string,
    actor: Actor,
    service: { id: string; slug: string; name: string },
    reason: string,
    version: number,
    at: Date,
  ): Promise<number> {
    const data: WebhookProviderBlockedData = {
      service: { id: service.id, slug: service.slug, name: service.name, url: `${this.config.publicUrl}/#/providers/${service.id}/show` },
      reason,
      blockedBy: { type: actor.type, label: actor.label },
      blockedAt: at.toISOString(),
      version,
    };
    return this.enqueue(organizationId, 'provider.blocked', data, at);
  }

  private insertDeliveries(organizationId: string, webhookIds: string[], event: string, data: object, now: Date) {
    return this.repo.createDeliveries(
      webhookIds.map((webhookId) => {
        const id = randomUUID();
        return {
          id,
          organizationId,
          webhookId,
          event,
          // The exact body every attempt sends (the signature covers it byte for byte).
          payload: { id, event, createdAt: now.toISOString(), data } as Prisma.InputJsonValue,
          nextAttemptAt: now,
          createdAt: now,
        };
      }),
    );
  }
}
