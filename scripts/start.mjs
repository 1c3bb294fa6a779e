#!/usr/bin/env node
// `npm start`: builds what is missing or stale, starts the embedded PostgreSQL when DATABASE_URL is
// unset (data under .airlock/, fsync on), then runs the API, which migrates, seeds on first start
// and serves the admin console on the same port. Ctrl-C stops the API, then the database.
// The API runs in a supervised worker process (apps/api/src/cluster.ts): if it crashes it is
// started again; if it keeps crashing, or this launcher itself fails, the database is stopped too
// and the reason printed, so no PostgreSQL is ever left running behind a dead API.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './lib/build.mjs';
import { DATA_DIR, REPO_ROOT, startEmbeddedDatabase } from './lib/database-url.mjs';

const say = (msg) => process.stdout.write(`[airlock] ${msg}\n`);

async function main() {
  try {
    ensureBuilt(say);
  } catch (err) {
    say(err.message);
    process.exit(1);
  }
  // The API's last-known-good state (policies, API keys), served if it starts while the database is down.
  process.env.AIRLOCK_STATE_DIR ??= path.join(DATA_DIR, 'state');
  let db = null;
  if (!process.env.DATABASE_URL) {
    say(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), DATA_DIR) || DATA_DIR})…`);
    db = await startEmbeddedDatabase();
    // The API runs as airlock_app, which owns nothing; migrations run as the owner.
    process.env.DATABASE_URL = db.appUrl;
    process.env.AIRLOCK_MIGRATE_DATABASE_URL = db.url;
    process.env.AIRLOCK_EMBEDDED_DB = 'true';
  }
  // The database ending on its own (killed, crashed): decisions go on from memory meanwhile; start
  // it again on the same port, so the API's pools reconnect to it.
  // The start in progress after the database ended on its own: a stop waits for it and stops what
  // it started (Ctrl-C right after a crash must not leave the new PostgreSQL running).
  let restarting = null;
  const watchDb = (running) => {
    void running.exited.then(async ({ code, signal }) => {
      if (db !== running) return;
      say(`The embedded PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); decisions continue from memory. Starting it again…`);
      for (let attempt = 1; db === running; attempt++) {
        try {
          restarting = startEmbeddedDatabase({ port: running.port });
          const again = await restarting.finally(() => (restarting = null));
          // Stopping meanwhile: stopDb has taken it over and stops it.
          if (db !== running) return;
          db = again;
          watchDb(again);
          say('The embedded PostgreSQL is running again.');
          return;
        } catch (err) {
          if (attempt >= 5) return void die(`the embedded PostgreSQL could not be started again: ${err.message.split('\n')[0]}`);
          await new Promise((r) => setTimeout(r, 1000 * attempt));
        }
      }
    });
  };
  if (db) watchDb(db);
  const stopDb = async () => {
    const pending = restarting;
    if (db) {
      const d = db;
      db = null;
      await d.stop();
    }
    if (pending) await (await pending.catch(() => null))?.stop();
  };
  // Whatever ends this launcher unexpectedly must not leave the embedded database running.
  const die = async (why) => {
    say(`Stopping: ${why}`);
    if (db) say('Stopping the database…');
    await stopDb().catch(() => undefined);
    process.exit(1);
  };
  process.on('uncaughtException', (err) => void die(`the launcher failed: ${err.stack ?? err}`));
  process.on('unhandledRejection', (err) => void die(`the launcher failed: ${err?.stack ?? err}`));

  // Ctrl-C, SIGTERM or the terminal closing (its window, a dropped SSH session) stop the API, then
  // the database, in every phase: a worker still starting (migrating, seeding the first
  // organization) exits at once, one that serves drains first.
  let server;
  // What stops the API's workers from the moment they are being started: a worker that already
  // serves drains (its decision logs written) even if a later one is still starting.
  let stopWorkers;
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the API…`);
    try {
      await (server ? server.close() : stopWorkers?.());
    } finally {
      say('Stopping the database…');
      await stopDb();
      say('Stopped.');
      process.exit(0);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => void stop(signal));

  const { startApi } = await import(pathToFileURL(path.join(REPO_ROOT, 'apps/api/dist/start-api.js')).href);
  const { loadConfig, ConfigError } = await import(pathToFileURL(path.join(REPO_ROOT, 'apps/api/dist/config/config.js')).href);
  const { WorkerStartError } = await import(pathToFileURL(path.join(REPO_ROOT, 'apps/api/dist/cluster.js')).href);
  // One supervised API process, or AIRLOCK_WORKERS of them sharing the port (apps/api/src/start-api.ts).
  try {
    server = await startApi(loadConfig(), say, { supervise: true, onStarting: (stop) => (stopWorkers = stop) });
  } catch (err) {
    if (stopping) return;
    await stopDb();
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    if (err instanceof WorkerStartError) process.exit(err.exitCode);
    throw err;
  }

  const banner = [
    '',
    `  Airlock is running at ${server.url}`,
    ...server.signInHelp.map((l) => `  ${l}`),
    `  Decision API: POST ${server.url}/v1/decisions (see docs/api.md)`,
    '  Press Ctrl-C to stop.',
    '',
  ];
  if (stopping) return;
  process.stdout.write(banner.join('\n') + '\n');

  void server.gaveUp.then((why) => {
    if (!stopping) void die(why);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
