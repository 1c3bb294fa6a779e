import type { WebhookDeliveryOutput, WebhookOutput } from '@airlock/contracts';
import { iso } from '../../common/list-response';
import type { Webhook, WebhookDelivery } from '../../generated/prisma/client';

/** Never the secret: it is shown once, by create and rotate-secret (`withSecret`). */
export function toWebhookOutput(w: Webhook, withSecret?: string, warnings?: string[]) {
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    events: w.events,
    enabled: w.enabled,
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
    ...(withSecret ? { secret: withSecret } : {}),
    ...(warnings?.length ? { warnings } : {}),
  } satisfies WebhookOutput;
}

/** What the audit log keeps of a webhook (no secret). */
export function webhookAuditView(w: Webhook) {
  return { id: w.id, name: w.name, url: w.url, events: w.events, enabled: w.enabled };
}

export function toDeliveryOutput(d: WebhookDelivery) {
  return {
    id: d.id,
    webhookId: d.webhookId,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    createdAt: iso(d.createdAt),
    payload: d.payload,
  } satisfies WebhookDeliveryOutput;
}
