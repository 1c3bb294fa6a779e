import path from 'node:path';
import { superviseWorkers } from './cluster';
import type { AppConfig } from './config/config';
import { startServer, type StartedServer } from './server';

export type RunningApi = Pick<StartedServer, 'url' | 'signInHelp' | 'close'>;

/**
 * The API as configured: this process serves it, or, with AIRLOCK_WORKERS above 1, it supervises
 * that many workers (worker.js) sharing the port (cluster.ts). `main.js` (Docker) and `npm start`
 * both start it this way; failures throw ConfigError or WorkerStartError.
 */
export async function startApi(config: AppConfig, say: (line: string) => void): Promise<RunningApi> {
  if (config.workers <= 1) return startServer(config);
  say(`Starting ${config.workers} API workers…`);
  const supervisor = superviseWorkers({ count: config.workers, exec: path.join(__dirname, 'worker.js'), say });
  const ready = await supervisor.ready;
  return { url: ready.url, signInHelp: ready.signInHelp, close: () => supervisor.stop() };
}
