import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, prefixed so it is recognisable in a secret store. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * X-Airlock-Signature: `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. Receivers recompute
 * it over the raw body and the X-Airlock-Timestamp header, compare in constant time, and refuse
 * timestamps older than a few minutes (replays).
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
