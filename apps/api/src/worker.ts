import './tracing';
import { isShutdownMessage, serveAsWorker } from './cluster';
import { databaseUnreachableMessage } from './common/start-failure';
import { ConfigError, loadConfig } from './config/config';
import { startServer } from './server';

/** One API worker of a cluster (AIRLOCK_WORKERS > 1), started through start-api.ts (main.js, npm start). */
async function main(): Promise<void> {
  // The primary gone while this worker is still starting (Ctrl-C during the first start's seeding):
  // stop here; the seed is one transaction, so nothing is half-written.
  const orphaned = () => process.exit(1);
  process.once('disconnect', orphaned);
  // Told to stop while still starting (Ctrl-C before every worker is up): likewise, at once.
  const stopOrder = (m: unknown) => {
    if (isShutdownMessage(m)) process.exit(1);
  };
  process.on('message', stopOrder);
  try {
    const server = await startServer(loadConfig());
    process.removeListener('disconnect', orphaned);
    process.removeListener('message', stopOrder);
    if (!process.connected) {
      await server.close();
      process.exit(0);
    }
    serveAsWorker(server);
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
    console.error(err);
    process.exit(1);
  }
}

void main();
