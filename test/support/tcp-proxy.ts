import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can break on purpose: cut every connection and
 * refuse new ones (a restart or failover as the application sees it), add latency, or freeze (a
 * server that accepts connections and stops answering), then restore.
 */
export interface TcpProxy {
  port: number;
  /** The target URL with its host and port replaced by the proxy's. */
  url(targetUrl: string): string;
  /** Ends every open connection at once and refuses new ones until restore(). */
  cut(): void;
  restore(): void;
  /** Delays every chunk in both directions by this many milliseconds (0: none). */
  latencyMs: number;
  /** Holds every chunk in both directions, on open and new connections alike, until thaw(). */
  freeze(): void;
  /** Delivers what was held, in order, and forwards again. */
  thaw(): void;
  /**
   * The next time a client sends a chunk containing `text` (a statement such as COMMIT): 'answer'
   * forwards it and cuts the connection when the server answers, so the server acts on it and the
   * client never hears; 'request' cuts the connection instead of forwarding it; 'freeze' forwards
   * it and then freezes, so its answer is held with everything else until thaw().
   */
  loseNext(text: string, what: 'answer' | 'request' | 'freeze'): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let refusing = false;
  let held: [net.Socket, Buffer][] | null = null;
  let lose: { text: string; what: 'answer' | 'request' | 'freeze' } | null = null;
  const delayed = (to: net.Socket) => (chunk: Buffer) => {
    if (held) held.push([to, chunk]);
    else if (proxy.latencyMs > 0) setTimeout(() => !to.destroyed && to.write(chunk), proxy.latencyMs);
    else if (!to.destroyed) to.write(chunk);
  };
  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client);
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    let doomed = false;
    const toServer = delayed(upstream);
    const toClient = delayed(client);
    client.on('data', (chunk: Buffer) => {
      if (lose && !held && chunk.includes(lose.text)) {
        const { what } = lose;
        lose = null;
        if (what === 'request') return end();
        toServer(chunk);
        if (what === 'answer') doomed = true;
        else proxy.freeze();
        return;
      }
      toServer(chunk);
    });
    upstream.on('data', (chunk: Buffer) => (doomed ? end() : toClient(chunk)));
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const proxy: TcpProxy = {
    port,
    latencyMs: 0,
    url(targetUrl) {
      const u = new URL(targetUrl);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut() {
      refusing = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      refusing = false;
    },
    freeze() {
      held ??= [];
    },
    loseNext(text, what) {
      lose = { text, what };
    },
    thaw() {
      const chunks = held ?? [];
      held = null;
      for (const [to, chunk] of chunks) if (!to.destroyed) to.write(chunk);
    },
    async close() {
      proxy.cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
