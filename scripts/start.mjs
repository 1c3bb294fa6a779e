#!/usr/bin/env node
// `npm start`: builds what is missing or stale, starts the embedded PostgreSQL when DATABASE_URL is
// unset (data under .airlock/, fsync on), then runs the API, which migrates, seeds on first start
// and serves the admin console on the same port. Ctrl-C stops the API, then the database.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATA_DIR, REPO_ROOT, startEmbeddedDatabase } from './lib/database-url.mjs';

const say = (msg) => process.stdout.write(`[airlock] ${msg}\n`);

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function run(cmd, args, what, cwd = REPO_ROOT) {
  say(`${what}…`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    say(`${what} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

function ensureBuilt() {
  const r = (...p) => path.join(REPO_ROOT, ...p);
  const apiBuilt = newestMtime(r('apps/api/dist/main.js'));
  const apiSources = Math.max(
    newestMtime(r('apps/api/src')),
    newestMtime(r('prisma/schema.prisma')),
    ...['policy-engine', 'detectors', 'contracts', 'sdk'].map((l) => newestMtime(r('libs', l, 'src'))),
  );
  if (!existsSync(r('apps/api/src/generated/prisma/client.ts')) || newestMtime(r('prisma/schema.prisma')) > newestMtime(r('apps/api/src/generated/prisma/client.ts'))) {
    run(process.execPath, [r('scripts/prisma-generate.mjs')], 'Generating the Prisma client');
  }
  if (apiBuilt < apiSources) {
    run(process.execPath, [r('node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], 'Building the API');
  }
  const uiBuilt = newestMtime(r('apps/admin/dist/index.html'));
  const uiSources = Math.max(newestMtime(r('apps/admin/src')), newestMtime(r('apps/admin/index.html')), newestMtime(r('libs/contracts/src')));
  if (existsSync(r('apps/admin/index.html')) && uiBuilt < uiSources) {
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent', '-w', '@airlock/admin'], 'Building the admin console');
  }
}

async function main() {
  ensureBuilt();
  let db = null;
  if (!process.env.DATABASE_URL) {
    say(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), DATA_DIR) || DATA_DIR})…`);
    db = await startEmbeddedDatabase();
    process.env.DATABASE_URL = db.url;
    process.env.AIRLOCK_EMBEDDED_DB = 'true';
  }
  const stopDb = async () => {
    if (db) {
      const d = db;
      db = null;
      await d.stop();
    }
  };

  const { startServer } = await import(pathToFileURL(path.join(REPO_ROOT, 'apps/api/dist/server.js')).href);
  const { loadConfig, ConfigError } = await import(pathToFileURL(path.join(REPO_ROOT, 'apps/api/dist/config/config.js')).href);
  let server;
  try {
    server = await startServer(loadConfig());
  } catch (err) {
    await stopDb();
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
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
  process.stdout.write(banner.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the API…`);
    try {
      await server.close();
    } finally {
      say('Stopping the database…');
      await stopDb();
      say('Stopped.');
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
