import './tracing';
import path from 'node:path';
import { superviseWorkers } from './cluster';
import type { AppConfig } from './config/config';
import { startServer, type StartedServer } from './server';

export type RunningApi = Pick<StartedServer, 'url' | 'signInHelp' | 'close'> & {
  /** Settles when a supervised API gave up restarting crashed workers, with the reason; never otherwise. */
  gaveUp: Promise<string>;
};

/**
 * The API as configured: this process serves it, or it supervises workers (worker.js) sharing the
 * port (cluster.ts): AIRLOCK_WORKERS of them, or one when `supervise` is set, so that a crashed API
 * is restarted while this process keeps what it owns (`npm start`: the embedded database).
 * `main.js` (Docker, where the container runtime restarts) and `npm start` both start it this way;
 * failures throw ConfigError or WorkerStartError.
 */
export async function startApi(
  config: AppConfig,
  say: (line: string) => void,
  options: {
    supervise?: boolean;
    /** Called as soon as workers are being started, with what stops them: a stop before the API is ready (Ctrl-C while a later worker starts) still drains the ones serving. */
    onStarting?: (stop: () => Promise<void>) => void;
  } = {},
): Promise<RunningApi> {
  if (config.workers <= 1 && !options.supervise) {
    const server = await startServer(config);
    return { ...server, gaveUp: new Promise<string>(() => undefined) };
  }
  if (config.workers > 1) say(`Starting ${config.workers} API workers…`);
  const supervisor = superviseWorkers({
    count: config.workers,
    exec: path.join(__dirname, 'worker.js'),
    say,
    // Each worker drains (AIRLOCK_SHUTDOWN_GRACE_SECONDS) before it closes.
    stopTimeoutMs: (config.shutdownGraceSeconds + 30) * 1000,
  });
  options.onStarting?.(() => supervisor.stop());
  const ready = await supervisor.ready;
  return { url: ready.url, signInHelp: ready.signInHelp, close: () => supervisor.stop(), gaveUp: supervisor.gaveUp };
}
