import { serveAsWorker } from './cluster';
import { ConfigError, loadConfig } from './config/config';
import { startServer } from './server';

/** One API worker of a cluster (AIRLOCK_WORKERS > 1), started through start-api.ts (main.js, npm start). */
async function main(): Promise<void> {
  try {
    serveAsWorker(await startServer(loadConfig()));
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    console.error(err);
    process.exit(1);
  }
}

void main();
