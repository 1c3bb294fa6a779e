import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * A request id a client may choose (to correlate its own logs with ours): short and plain, because
 * it is echoed in the answer, written to the logs and into the hash-chained audit log.
 */
export const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's genReqId: the client's X-Request-Id when it is well formed, else a fresh UUID.
 * (Fastify's own requestIdHeader option takes the header as it comes, whatever its length.)
 */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}
