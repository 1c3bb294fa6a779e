import { createHmac, timingSafeEqual } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a webhook receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local webhook receiver on 127.0.0.1, answering by path prefix: /flaky 500 the first time then
 * 200, /fail always 500, /redirect 302 to /landed, /hang never answers, anything else 200.
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body });
      if (path.startsWith('/hang')) return;
      if (path.startsWith('/flaky')) res.statusCode = received.filter((r) => r.path.startsWith('/flaky')).length === 1 ? 500 : 200;
      else if (path.startsWith('/fail')) res.statusCode = 500;
      else if (path.startsWith('/redirect')) {
        res.statusCode = 302;
        res.setHeader('location', `http://127.0.0.1:${port}/landed`);
      } else res.statusCode = 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    /** What arrived on paths starting with `prefix`. */
    on: (prefix: string) => received.filter((r) => r.path.startsWith(prefix)),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Whether a delivery carries Airlock's signature under `secret` (`v1=` HMAC-SHA256 of "timestamp.body"). */
export function verifySignature(secret: string, r: Received): boolean {
  const ts = String(r.headers['x-airlock-timestamp']);
  const expected = `v1=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
  const got = String(r.headers['x-airlock-signature']);
  return got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}

/** Polls `fn` every 25 ms until it returns something truthy; throws after `ms`. */
export async function until<T>(fn: () => T | undefined | false, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
