import path from 'node:path';
import { superviseWorkers, WorkerStartError } from './cluster';
import { ConfigError, loadConfig } from './config/config';
import { startServer } from './server';

/**
 * `node apps/api/dist/main.js`: the API alone, against DATABASE_URL (the Docker image runs this).
 * With AIRLOCK_WORKERS above 1 this process supervises that many workers (worker.ts) on one port.
 */
async function main(): Promise<void> {
  try {
    const config = loadConfig();
    if (config.workers > 1) {
      const supervisor = superviseWorkers({ count: config.workers, exec: path.join(__dirname, 'worker.js'), say: (line) => console.error(line) });
      await supervisor.ready;
      onSignal(() => supervisor.stop());
      return;
    }
    const server = await startServer(config);
    onSignal(() => server.close());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    if (err instanceof WorkerStartError) process.exit(err.exitCode);
    console.error(err);
    process.exit(1);
  }
}

function onSignal(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    void close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(`Shutdown after ${signal} failed: ${err.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
