import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ADMIN_PASSWORD, BOOTSTRAP_KEY } from './test-app';

/** What the tests that run the API as its own process (dist/main.js, scripts/start.mjs) share. */
export const ROOT = path.resolve(__dirname, '../..');

/** Compiles the API (tsc -b) so that apps/api/dist is what the sources say. */
export function buildApi(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `probe` every 100 ms until it returns something truthy (errors count as not yet); throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The processes whose parent is `pid` (from /proc). */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent pid (after the parenthesised command name).
        return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A process's command line, '' once it is gone. */
export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** What the process printed so far (when started with `capture`). */
  output(): string;
}

/**
 * `node apps/api/dist/main.js` (as the Docker image runs it) on a free port against `databaseUrl`,
 * with the test defaults (no migrations, the test owner and bootstrap key, no demo data); `env`
 * adds or overrides. Waiting until it is ready is the caller's: tests wait for different things.
 */
export async function spawnApi(databaseUrl: string, env: Record<string, string> = {}, opts: { capture?: boolean; port?: number } = {}): Promise<ApiProcess> {
  const port = opts.port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '3',
      PORT: String(port),
      AIRLOCK_MIGRATE: 'false',
      AIRLOCK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      AIRLOCK_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
      AIRLOCK_DEMO_DATA: 'false',
      AIRLOCK_LOG_LEVEL: 'warn',
      // One process per instance (the default `auto` is one worker per core): the tests kill and count instances.
      AIRLOCK_WORKERS: '1',
      ...env,
    },
    stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'ignore',
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => output };
}

/** spawnApi, then waits until /readyz answers 200 (the output is in the error when it does not). */
export async function spawnReadyApi(databaseUrl: string, env: Record<string, string> = {}, opts: { port?: number; timeoutMs?: number } = {}): Promise<ApiProcess> {
  const api = await spawnApi(databaseUrl, env, { capture: true, port: opts.port });
  await waitFor('the API to be ready', async () => {
    if (api.child.exitCode !== null) throw new Error('exited');
    return (await fetch(`${api.url}/readyz`)).status === 200;
  }, opts.timeoutMs ?? 90_000).catch((err: Error) => {
    api.child.kill('SIGKILL');
    throw new Error(`${err.message} (exit ${api.child.exitCode}): ${api.output().slice(-3000)}`);
  });
  return api;
}

/** Resolves with the exit code (or signal name) once the process has exited. */
export function exitOf(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}
