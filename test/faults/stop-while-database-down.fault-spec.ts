import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { buildApi, childrenOf, commandOf, freePort, ROOT, waitFor } from '../support/processes';
import { BOOTSTRAP_KEY } from '../support/test-app';

/**
 * `npm start` (scripts/start.mjs, as shipped: AIRLOCK_WORKERS=auto) stopped with Ctrl-C while its
 * database is down, with decisions still flowing and their logs buffered: it stops within a bounded
 * time, exits 0, its serving worker drains first and says how many buffered logs could not be
 * written, and no process is left behind; with the embedded database killed, the PostgreSQL the
 * launcher is starting again is stopped too. (Both times, a second worker is still starting: the
 * default AIRLOCK_WORKERS=auto starts them one after the other.)
 */
const STOP_BOUND_MS = 20_000;

/** scripts/start.mjs with `env`, once it answers /readyz at `url` (its output is in the error when it does not). */
async function launchReady(env: NodeJS.ProcessEnv, url: string) {
  let output = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitFor('npm start to answer', async () => (await fetch(`${url}/readyz`).then((r) => r.status, () => 0)) === 200, 180_000).catch((err: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${err.message}: ${output.slice(-2000)}`);
  });
  return { child, output: () => output };
}

async function decideUntilStopped(url: string) {
  const answered: number[] = [];
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const status = await fetch(`${url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'access', destination: { url: 'https://chat.deepseek.com/' } }),
      }).then((r) => r.status, () => 0);
      answered.push(status);
      if (status === 0) await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return { answered, stop: async () => ((stop = true), await loop) };
}

async function ctrlC(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  const exited = new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
  child.kill('SIGINT');
  const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), STOP_BOUND_MS + 10_000))]);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    throw new Error(`npm start did not stop within ${STOP_BOUND_MS + 10_000} ms of Ctrl-C`);
  }
  return { code, ms: Date.now() - t0 };
}

const processesUnder = (dir: string) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => commandOf(Number(d)).includes(dir))
    .map((d) => `${d} ${commandOf(Number(d))}`);

describe('npm start stopped with Ctrl-C while its database is down', () => {
  const dirs: string[] = [];
  let pg: PostgresServer | undefined;
  beforeAll(() => buildApi());
  afterAll(async () => {
    await pg?.stop({ remove: true }).catch(() => undefined);
    for (const dir of dirs) {
      for (const d of processesUnder(dir)) process.kill(Number(d.split(' ')[0]), 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on its own PostgreSQL (DATABASE_URL), killed and left down: stops in bounded time, nothing left running', async () => {
    pg = await startPostgresServer(mkdtempSync(path.join(os.tmpdir(), 'airlock-stop-pg-')));
    await pg.query('postgres', 'CREATE DATABASE airlock');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'airlock-stop-'));
    dirs.push(dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: pg.url('airlock'), PORT: String(port), AIRLOCK_DATA_DIR: dataDir, AIRLOCK_DEMO_DATA: 'false', AIRLOCK_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, AIRLOCK_LOG_LEVEL: 'warn' };
    delete env.NODE_ENV;
    const start = await launchReady(env, url);
    const load = await decideUntilStopped(url);
    await new Promise((r) => setTimeout(r, 1_000));
    await pg.kill('SIGKILL');
    // Decisions go on from memory; their logs pile up in the buffer.
    await new Promise((r) => setTimeout(r, 2_000));
    const before = load.answered.length;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(load.answered.slice(before).every((s) => s === 200)).toBe(true);

    const stopped = await ctrlC(start.child);
    await load.stop();
    console.log(`Ctrl-C with DATABASE_URL down: exit ${stopped.code} after ${stopped.ms} ms; ${load.answered.filter((s) => s === 200).length} decisions answered`);
    expect(stopped.ms).toBeLessThan(STOP_BOUND_MS);
    expect(stopped.code).toBe(0);
    // The serving worker drained before the launcher went (its buffered logs are reported lost, not silently dropped).
    expect(start.output()).toMatch(/\d+ decision logs could not be written before shutdown[\s\S]*Stopping the database…[\s\S]*Stopped\./);
    await new Promise((r) => setTimeout(r, 500));
    expect(processesUnder(dataDir)).toEqual([]);
    expect(childrenOf(start.child.pid!)).toEqual([]);
  }, 240_000);

  it('on the embedded PostgreSQL, killed: Ctrl-C before the launcher brings it back stops everything', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'airlock-stop-embedded-'));
    chmodSync(dataDir, 0o755);
    dirs.push(dataDir);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), AIRLOCK_DATA_DIR: dataDir, AIRLOCK_DEMO_DATA: 'false', AIRLOCK_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, AIRLOCK_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    const start = await launchReady(env, url);
    const load = await decideUntilStopped(url);
    await new Promise((r) => setTimeout(r, 1_000));
    const postgres = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).find((p) => commandOf(p).includes(`${dataDir}/postgres/pg`) && childrenOf(start.child.pid!).includes(p));
    expect(postgres).toBeDefined();
    process.kill(postgres!, 'SIGKILL');
    await waitFor('the launcher to see it', async () => /The embedded PostgreSQL stopped unexpectedly/.test(start.output()), 10_000);

    const stopped = await ctrlC(start.child);
    await load.stop();
    console.log(`Ctrl-C with the embedded database down: exit ${stopped.code} after ${stopped.ms} ms`);
    expect(stopped.ms).toBeLessThan(STOP_BOUND_MS);
    expect(stopped.code).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(processesUnder(dataDir)).toEqual([]);
  }, 300_000);
});
