import { ConfigError } from './config/config';
import { startServer } from './server';

/** `node apps/api/dist/main.js`: the API alone, against DATABASE_URL (the Docker image runs this). */
async function main(): Promise<void> {
  try {
    const server = await startServer();
    let closing = false;
    const stop = (signal: string) => {
      if (closing) return;
      closing = true;
      void server.close().then(
        () => process.exit(0),
        (err: Error) => {
          console.error(`Shutdown after ${signal} failed: ${err.message}`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
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
