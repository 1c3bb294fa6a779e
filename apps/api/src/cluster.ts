import cluster, { type Worker } from 'node:cluster';

/**
 * Several API processes on one port (AIRLOCK_WORKERS), with Node's cluster module: the primary
 * hands incoming connections to the workers, each of which is a whole Airlock instance (its own
 * policy in memory, decision log writer and database pools), exactly as several replicas behind a
 * load balancer already are (docs/adr/0008-cluster-workers.md). What they share through the
 * primary is small: the start-up report for the banner, the shutdown order, and the per-key rate
 * limit consumption (common/rate-limiter.ts), relayed between workers.
 */

export const READY = 'airlock:ready';
export const SHUTDOWN = 'airlock:shutdown';
export const RELAY = 'airlock:relay';

export interface ReadyMessage {
  type: typeof READY;
  url: string;
  signInHelp: string[];
}

/** A message a worker asks the primary to pass on to every other worker. */
export interface RelayMessage {
  type: typeof RELAY;
  channel: string;
  payload: unknown;
}

export interface Supervisor {
  /** The first worker's report, once every worker is listening. */
  ready: Promise<ReadyMessage>;
  /**
   * Settles (never rejects) when the supervisor gave up: workers kept crashing (CRASH_LIMIT within
   * CRASH_WINDOW_MS). The reason says why; every worker has been stopped by then.
   */
  gaveUp: Promise<string>;
  /** Asks every worker to finish (they flush their decision logs) and waits for them to exit. */
  stop(timeoutMs?: number): Promise<void>;
}

export class WorkerStartError extends Error {
  constructor(readonly exitCode: number) {
    super(`An API worker exited with code ${exitCode} while starting`);
  }
}

/** A worker crashing this many times within CRASH_WINDOW_MS is not restarted again. */
export const CRASH_LIMIT = 5;
export const CRASH_WINDOW_MS = 60_000;

/** The primary's order to stop (Supervisor.stop), as a worker receives it. */
export function isShutdownMessage(m: unknown): boolean {
  return isMessage(m, SHUTDOWN);
}

function isMessage<T extends { type: string }>(m: unknown, type: T['type']): m is T {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === type;
}

/**
 * Primary side: starts `count` workers running `exec`. The first one starts alone (it applies
 * migrations and, on a first start, seeds and generates the sign-in that the banner prints); the
 * others follow once it listens. A worker that dies later is replaced after a second, unless
 * workers keep crashing (CRASH_LIMIT in CRASH_WINDOW_MS): then the supervisor stops and says why.
 * With one worker the worker accepts connections itself (SCHED_NONE): the primary only watches.
 */
export function superviseWorkers(opts: { count: number; exec: string; args?: string[]; say: (line: string) => void; stopTimeoutMs?: number }): Supervisor {
  if (opts.count === 1) cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary({ exec: opts.exec, args: opts.args ?? [] });
  const crashes: number[] = [];
  let resolveGaveUp!: (reason: string) => void;
  const gaveUp = new Promise<string>((resolve) => (resolveGaveUp = resolve));
  let stopping = false;
  let started = false;
  let first: ReadyMessage | null = null;
  let readyCount = 0;
  let resolveReady!: (m: ReadyMessage) => void;
  let rejectReady!: (err: Error) => void;
  const ready = new Promise<ReadyMessage>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const workers = new Set<Worker>();

  const fork = (): void => {
    const worker = cluster.fork();
    workers.add(worker);
    worker.on('message', (m: unknown) => {
      if (isMessage<ReadyMessage>(m, READY)) {
        readyCount += 1;
        if (!first) {
          first = m;
          for (let i = 1; i < opts.count; i++) fork();
        }
        if (!started && readyCount >= opts.count) {
          started = true;
          resolveReady(first);
        }
      } else if (isMessage<RelayMessage>(m, RELAY)) {
        for (const other of workers) if (other !== worker && other.isConnected()) other.send(m);
      }
    });
    worker.on('exit', (code, signal) => {
      workers.delete(worker);
      if (stopping) return;
      // The first worker failing to start (configuration, migrations, the seed) fails the start; once
      // it served, a later worker that dies is a crash like any other, even before all are up.
      if (!first) {
        stopping = true;
        for (const w of workers) w.kill('SIGTERM');
        rejectReady(new WorkerStartError(code ?? 1));
        return;
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length >= CRASH_LIMIT) {
        stopping = true;
        for (const w of workers) w.kill('SIGTERM');
        resolveGaveUp(`the API crashed ${crashes.length} times within ${CRASH_WINDOW_MS / 1000} s (last: ${signal ?? `exit code ${code}`}); not restarting it again`);
        return;
      }
      opts.say(`API worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
      setTimeout(() => {
        if (!stopping) fork();
      }, 1000).unref();
    });
  };
  fork();

  return {
    ready,
    gaveUp,
    async stop(timeoutMs = opts.stopTimeoutMs ?? 30_000) {
      stopping = true;
      const exits = [...workers].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
      for (const w of workers) if (w.isConnected()) w.send({ type: SHUTDOWN });
      const timer = setTimeout(() => {
        for (const w of workers) w.kill('SIGKILL');
      }, timeoutMs);
      await Promise.all(exits);
      clearTimeout(timer);
    },
  };
}

/**
 * Worker side: reports the started server to the primary and closes it (flushing the decision log)
 * on the primary's shutdown order or on SIGINT/SIGTERM (Ctrl-C reaches the whole process group).
 */
export function serveAsWorker(server: { url: string; signInHelp: string[]; close(): Promise<void> }): void {
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    void server.close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`Worker shutdown failed: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.on('message', (m: unknown) => {
    if (isMessage(m, SHUTDOWN)) close();
  });
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  // The primary going away (killed) must not leave orphaned workers holding the port.
  process.once('disconnect', close);
  process.send?.({ type: READY, url: server.url, signInHelp: server.signInHelp } satisfies ReadyMessage);
}

/** A channel between the workers of one cluster, through the primary; none outside a cluster. */
export interface PeerChannel {
  send(payload: unknown): void;
  onMessage(listener: (payload: unknown) => void): void;
}

export function clusterPeers(channel: string): PeerChannel | null {
  if (!cluster.isWorker || !process.send) return null;
  return {
    send(payload) {
      if (process.connected) process.send?.({ type: RELAY, channel, payload } satisfies RelayMessage);
    },
    onMessage(listener) {
      process.on('message', (m: unknown) => {
        if (isMessage<RelayMessage>(m, RELAY) && m.channel === channel) listener(m.payload);
      });
    },
  };
}
