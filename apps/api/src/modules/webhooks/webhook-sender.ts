import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress, VettedTarget } from './webhook-url-guard';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** A lookup that answers with the address already vetted: the connection cannot be rebound. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean } | undefined, callback: (...args: unknown[]) => void) => {
    if (options && typeof options === 'object' && options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
}

/**
 * POSTs the body to the vetted target, connecting to its first checked address. 2xx is success;
 * a redirect is a failure (never followed: it could point anywhere); the whole exchange is bounded
 * by `timeoutMs`.
 */
export function postWebhook(
  target: VettedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<SendResult> {
  const pinned = target.addresses[0]!;
  const isHttps = target.url.protocol === 'https:';
  const request = isHttps ? https.request : http.request;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = request(
      {
        method: 'POST',
        protocol: target.url.protocol,
        hostname: target.hostname,
        port: target.url.port || (isHttps ? 443 : 80),
        path: `${target.url.pathname}${target.url.search}`,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Airlock-Webhooks/1',
        },
        lookup: pinnedLookup(pinned),
        agent: false,
      },
      (res: IncomingMessage) => {
        const code = res.statusCode ?? 0;
        res.resume();
        res.on('error', () => undefined);
        if (code >= 200 && code < 300) finish({ ok: true, statusCode: code, error: null });
        else if (code >= 300 && code < 400) finish({ ok: false, statusCode: code, error: `redirect (${code}) not followed` });
        else finish({ ok: false, statusCode: code, error: `HTTP ${code}` });
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, statusCode: null, error: `no answer within ${timeoutMs / 1000} s` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) =>
      finish({ ok: false, statusCode: null, error: (err.code ? `${err.code}: ` : '') + err.message.slice(0, 200) }),
    );
    req.end(body);
  });
}
