import net from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { serveIcapConnection } from './icap-connection';
import { IcapService } from './icap.service';

/** Connections one API process serves at once; more wait in the kernel's backlog. */
const MAX_CONNECTIONS = 1000;
/** A keep-alive connection with no transaction for this long is closed. */
const IDLE_TIMEOUT_MS = 120_000;

/**
 * The ICAP listener (AIRLOCK_ICAP_PORT): started by startServer after the HTTP listener, stopped
 * first on shutdown (new connections refused, the open ones ended after their transaction).
 */
@Injectable()
export class IcapListener {
  private readonly logger = new Logger('Icap');
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly icap: IcapService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts listening when AIRLOCK_ICAP_PORT is set; the port it listens on, or null. */
  async start(): Promise<number | null> {
    const icap = this.config.icap;
    if (!icap || this.server) return null;
    const server = net.createServer({ pauseOnConnect: true }, (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
      void serveIcapConnection(socket, this.icap, {
        transactionTimeoutMs: this.config.requestTimeoutSeconds * 1000,
        idleTimeoutMs: IDLE_TIMEOUT_MS,
      }).catch((err: Error) => {
        this.logger.error(`ICAP connection failed: ${err.message}`);
        socket.destroy();
      });
    });
    server.maxConnections = MAX_CONNECTIONS;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(icap.port, icap.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : icap.port;
    this.logger.log(`ICAP service listening on icap://${icap.host}:${port}/reqmod`);
    return port;
  }

  /** The port it listens on (null: off). */
  port(): number | null {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : null;
  }

  /** Stops accepting; open connections get `deadlineMs` to finish, then are cut. */
  async close(deadlineMs = 5_000): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.end();
    const timer = setTimeout(() => {
      for (const s of this.sockets) s.destroy();
    }, deadlineMs);
    timer.unref();
    await closed;
    clearTimeout(timer);
  }
}
