/**
 * What the benches that measure PostgreSQL itself share (bench/activity.mjs,
 * bench/decision-log-scale.mjs): their command-line options, a scratch database migrated as the
 * API's, and the CPU time a backend process spent (the server runs on this host).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pg = require('pg');

/** `--name value` from the command line, or the fallback. */
export function option(name, fallback) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
}

/** BENCH_DATABASE_URL: a server where a scratch database may be created. */
export const BENCH_BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** CPU time (user + system, ms) a process has spent, from /proc. */
export function backendCpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * Runs `fn` with a connected client on a new database migrated as the API's (prisma/migrations)
 * and its backend's pid; the database is dropped afterwards, whatever happened.
 */
export async function withScratchDatabase(prefix, fn) {
  const dbName = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: BENCH_BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = BENCH_BASE_URL.replace(/\/[^/]*$/, `/${dbName}`);
  try {
    const { applyMigrations } = await import(pathToFileURL(path.join(root, 'prisma/migrate.mjs')).href);
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      return await fn(client, pid);
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}
