import './tracing';
import { WorkerStartError } from './cluster';
import { databaseUnreachableMessage } from './common/start-failure';
import { ConfigError, loadConfig } from './config/config';
import { startApi } from './start-api';

/**
 * `node apps/api/dist/main.js`: the API alone, against DATABASE_URL (the Docker image runs this).
 * With AIRLOCK_WORKERS above 1 this process supervises that many workers (worker.ts) on one port.
 */
async function main(): Promise<void> {
  try {
    const api = await startApi(loadConfig(), (line) => console.error(line));
    onSignal(() => api.close());
    // Workers that keep crashing: exit, so the container runtime restarts (or reports) the whole.
    void api.gaveUp.then((why) => {
      console.error(`Stopping: ${why}`);
      process.exit(1);
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    const unreachable = databaseUnreachableMessage(err, process.env.DATABASE_URL);
    if (unreachable) {
      console.error(unreachable);
      process.exit(1);
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
