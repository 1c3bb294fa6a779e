import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { superviseWorkers } from '../../apps/api/src/cluster';
import { autoWorkers } from '../../apps/api/src/config/usable-cores';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';
import { buildApi, childrenOf, commandOf, freePort, ROOT, spawnApi, waitFor } from '../support/processes';

/**
 * Processes that die: an instance killed under a running cluster of instances (the rollout view
 * must say it is gone, not behind), an API that keeps crashing under its supervisor, and `npm start`
 * bringing back a killed API and a killed embedded PostgreSQL, then stopping both on Ctrl-C.
 */





beforeAll(() => {
  buildApi();
}, 120_000);

describe('the rollout view and instances that end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const spawnInstance = async (): Promise<ChildProcess> => {
    const { child, url } = await spawnApi(t.databaseUrl, { DATABASE_POOL_SIZE: '2' });
    await waitFor('the second instance', async () => (await fetch(`${url}/readyz`)).status === 200, 60_000);
    return child;
  };

  it('marks a killed instance gone within seconds and a stopped one stopped; only live ones count', async () => {
    const admin = await t.login();
    const version = (await admin.json<{ version: { number: number } | null }>('/api/policy/status')).version?.number ?? 1;
    const rollout = () => admin.json<{ complete: boolean; instances: { id: string; state: string }[] }>(`/api/policy/rollout?version=${version}`);
    const liveCount = async () => (await rollout()).instances.filter((i) => i.state === 'live').length;

    const killed = await spawnInstance();
    await waitFor('two live instances', async () => (await liveCount()) === 2);
    const before = new Set((await rollout()).instances.map((i) => i.id));
    killed.kill('SIGKILL');
    const started = Date.now();
    const gone = await waitFor('the killed instance to be gone', async () => {
      const r = await rollout();
      return r.instances.find((i) => i.state === 'gone') ? r : undefined;
    }, 15_000);
    const seconds = (Date.now() - started) / 1000;
    console.log(`a killed instance was marked gone after ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(9);
    expect(before.has(gone.instances.find((i) => i.state === 'gone')!.id)).toBe(true);
    expect(gone.complete).toBe(true);

    const stopped = await spawnInstance();
    await waitFor('two live instances again', async () => (await liveCount()) === 2);
    const exited = new Promise((resolve) => stopped.once('exit', resolve));
    stopped.kill('SIGTERM');
    await exited;
    const after = await rollout();
    expect(after.instances.filter((i) => i.state === 'stopped')).toHaveLength(1);
    expect(after.instances.filter((i) => i.state === 'live')).toHaveLength(1);
  }, 120_000);
});

describe('a supervised API that keeps crashing', () => {
  it('is restarted, then given up on with the reason', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-crash-'));
    const worker = path.join(dir, 'worker.js');
    // Starts, says it is ready, and crashes a moment later, like an API with a fatal bug.
    writeFileSync(
      worker,
      `process.send({ type: 'airlock:ready', url: 'http://127.0.0.1:1', signInHelp: [] });
       setTimeout(() => { throw new Error('boom'); }, 100);`,
    );
    const said: string[] = [];
    try {
      const supervisor = superviseWorkers({ count: 1, exec: worker, say: (line) => said.push(line) });
      await supervisor.ready;
      const reason = await supervisor.gaveUp;
      expect(reason).toMatch(/crashed 5 times within 60 s/);
      expect(said.filter((l) => /exited .*starting another/.test(l))).toHaveLength(4);
      await supervisor.stop(5_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a worker that dies while the others start', () => {
  it('is replaced once the first worker served; only the first failing fails the start', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-late-'));
    const worker = path.join(dir, 'worker.js');
    // The second worker started dies before it is ready; every other one starts and waits.
    writeFileSync(
      worker,
      `const fs = require('node:fs');
       const counter = ${JSON.stringify(path.join(dir, 'count'))};
       const n = (fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0) + 1;
       fs.writeFileSync(counter, String(n));
       if (n === 2) process.exit(3);
       process.send({ type: 'airlock:ready', url: 'http://127.0.0.1:1', signInHelp: [] });
       process.on('message', () => process.exit(0));
       setInterval(() => undefined, 1000);`,
    );
    const said: string[] = [];
    try {
      const supervisor = superviseWorkers({ count: 2, exec: worker, say: (line) => said.push(line) });
      await supervisor.ready;
      expect(said.filter((l) => /exited \(code 3\); starting another/.test(l))).toHaveLength(1);
      await supervisor.stop(5_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('npm start', () => {
  let launcher: ChildProcess | undefined;
  let dataDir: string;
  let output = '';

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      launcher.kill('SIGKILL');
    }
    if (!dataDir) return;
    // Never leave a database behind, whatever failed above.
    for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      if (commandOf(Number(d)).includes(dataDir)) process.kill(Number(d), 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings back a killed API and a killed database, and stops both on Ctrl-C', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'airlock-start-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), AIRLOCK_DATA_DIR: dataDir, AIRLOCK_DEMO_DATA: 'false', AIRLOCK_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, AIRLOCK_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    launcher = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    launcher.stdout!.on('data', (d) => (output += d));
    launcher.stderr!.on('data', (d) => (output += d));
    const ready = () => waitFor('npm start to answer', async () => (await fetch(`${url}/readyz`)).status === 200, 120_000).catch((err: Error) => {
      throw new Error(`${err.message}: ${output.slice(-2000)}`);
    });
    await ready();
    const decide = () =>
      fetch(`${url}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'access', destination: { url: 'https://chat.deepseek.com/' } }),
      });

    // The default (AIRLOCK_WORKERS=auto): one API worker per usable core.
    // The first worker starts alone (migrations, seed), then the others; the banner follows the last.
    await waitFor('the start banner', async () => output.includes(`Airlock is running at`), 60_000);
    let workers: number[] = [];
    await waitFor('every API worker', async () => (workers = childrenOf(launcher!.pid!).filter((p) => commandOf(p).includes('worker.js'))).length === autoWorkers(), 60_000);
    // An API process dies: the launcher starts another; the database stays up.
    process.kill(workers[0]!, 'SIGKILL');
    await waitFor('a new API worker', async () => childrenOf(launcher!.pid!).some((p) => commandOf(p).includes('worker.js') && !workers.includes(p)));
    await ready();
    expect((await decide()).status).toBe(200);
    expect(output).toMatch(/API worker \d+ exited \(SIGKILL\); starting another/);

    // The database dies: decisions go on from memory, the launcher starts it again on its port.
    const postgres = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).find((p) => commandOf(p).includes(`${dataDir}/postgres/pg`) && childrenOf(launcher!.pid!).includes(p));
    expect(postgres).toBeDefined();
    process.kill(postgres!, 'SIGKILL');
    expect((await decide()).status).toBe(200);
    // A killed postmaster's backends can answer the pool's open connections for a moment, so
    // /readyz/database may still say 200 before the launcher has noticed: wait for the launcher first.
    await waitFor('the launcher to see the database die', async () => /The embedded PostgreSQL stopped unexpectedly \(SIGKILL\)/.test(output), 30_000);
    await waitFor('the launcher to say it is back', async () => /The embedded PostgreSQL is running again/.test(output), 60_000);
    await waitFor('the database to be back', async () => (await fetch(`${url}/readyz/database`)).status === 200, 60_000);

    // Ctrl-C: API first, then the database; nothing left running.
    const exited = new Promise<number | null>((resolve) => launcher!.once('exit', (code) => resolve(code)));
    launcher.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toMatch(/Stopped\./);
    await new Promise((r) => setTimeout(r, 500));
    const left = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => commandOf(Number(d)).includes(dataDir));
    expect(left).toEqual([]);
  }, 240_000);

  it('stops on a closed terminal (SIGHUP) while the first start is still seeding, and starts cleanly after', async () => {
    const hupDir = mkdtempSync(path.join(os.tmpdir(), 'airlock-start-hup-'));
    chmodSync(hupDir, 0o755);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), AIRLOCK_DATA_DIR: hupDir, AIRLOCK_DEMO_DATA: 'true', AIRLOCK_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY, AIRLOCK_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    const start = () => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let said = '';
      child.stdout!.on('data', (d) => (said += d));
      child.stderr!.on('data', (d) => (said += d));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return { child, exited, said: () => said };
    };
    const leftOver = (workers: number[]) => [
      ...readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => commandOf(Number(d)).includes(hupDir)),
      ...workers.filter((p) => existsSync(`/proc/${p}`) && commandOf(p).includes('worker.js')),
    ];
    try {
      // A few seconds after the worker starts it has migrated and is seeding (the demo data alone
      // takes longer than that); the banner has not been printed.
      const first = start();
      let worker: number | undefined;
      await waitFor('the API worker to start', async () => (worker = childrenOf(first.child.pid!).find((p) => commandOf(p).includes('worker.js'))) !== undefined, 120_000);
      await new Promise((r) => setTimeout(r, 3000));
      const sent = Date.now();
      first.child.kill('SIGHUP');
      expect(await first.exited).toBe(0);
      expect(Date.now() - sent).toBeLessThan(15_000);
      expect(first.said()).toMatch(/SIGHUP: stopping the API/);
      expect(first.said()).not.toMatch(/Airlock is running at/);
      await waitFor('nothing left running', async () => leftOver([worker!]).length === 0, 15_000);

      // Started again on the same folder: it comes up (the interrupted seed left nothing half-done).
      const second = start();
      await waitFor('npm start to answer', async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 200, 180_000).catch((err: Error) => {
        throw new Error(`${err.message}; it said:\n${second.said().slice(-4000)}`);
      });
      const decision = await fetch(`http://127.0.0.1:${port}/v1/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'access', destination: { url: 'https://chat.deepseek.com/' } }),
      });
      expect(decision.status).toBe(200);
      const workers = childrenOf(second.child.pid!).filter((p) => commandOf(p).includes('worker.js'));
      second.child.kill('SIGHUP');
      expect(await second.exited).toBe(0);
      await waitFor('nothing left running', async () => leftOver(workers).length === 0, 15_000);
    } finally {
      for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
        if (commandOf(Number(d)).includes(hupDir)) process.kill(Number(d), 'SIGKILL');
      }
      rmSync(hupDir, { recursive: true, force: true });
    }
  }, 300_000);
});
