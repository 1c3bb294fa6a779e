import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { renderBlockPage } from './block-page';

/** The host a proxied request is for: the absolute-form target (`GET http://host/ HTTP/1.1`), else Host. */
export function requestedHost(url: string | undefined, host: string | undefined): string | null {
  try {
    if (url && /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return new URL(url).hostname || null;
    if (host) return new URL(`http://${host}`).hostname || null;
  } catch {
    return null;
  }
  return null;
}

/**
 * The block-page proxy (AIRLOCK_BLOCK_PAGE_PORT): where the PAC export sends blocked services.
 * Browsers speak proxy HTTP to it: a plain-http request (absolute-form) gets the block page (403),
 * a CONNECT for https is refused with 403 (browsers show their own "tunnel failed" page, since they
 * never display a proxy's answer to CONNECT), so a blocked service never loads either way. It
 * forwards nothing, anywhere.
 */
@Injectable()
export class BlockPageServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BlockPageServer');
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Where it listens (null when off). */
  address(): { host: string; port: number } | null {
    const a = this.server?.address();
    return a && typeof a === 'object' ? { host: a.address, port: a.port } : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { port, host } = this.config.blockPage;
    if (port === null) return;
    const server = createServer({ requestTimeout: 10_000, headersTimeout: 10_000, maxHeaderSize: 16 * 1024 }, (req, res) => this.answer(req, res));
    server.on('connect', (_req: IncomingMessage, socket: Socket) => {
      const body = 'Blocked by your organization\'s AI policy (Airlock).\n';
      socket.on('error', () => undefined);
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('clientError', (_err, socket: Socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`Block-page proxy listening on ${host}:${port}`);
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const host = requestedHost(req.url, req.headers.host);
    const html = renderBlockPage({ host, service: null, reasons: [], decisionId: null });
    res.writeHead(403, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'",
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
    // The request's body, if any, is not read: drain it so keep-alive works.
    req.resume();
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
