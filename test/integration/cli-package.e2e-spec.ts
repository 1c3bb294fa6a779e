import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app';

/**
 * The `airlock` CLI on its own, outside the checkout: `npm pack` of libs/sdk (prepack bundles the CLI
 * with esbuild) gives a tarball that `npm install -g` turns into a working command, with nothing
 * fetched from a registry (--offline: the package has no dependencies left to install).
 */
const ROOT = path.resolve(__dirname, '../..');

function run(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  // Asynchronously: the API under test runs in this process and must keep answering.
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd, env: { ...process.env, npm_config_update_notifier: 'false', ...opts.env }, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('the packed CLI', () => {
  let t: TestApp;
  let dir: string;
  let airlock: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'airlock-cli-'));
    t = await startTestApp();
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: path.join(ROOT, 'libs/sdk') });
    if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    // The CLI and its bundle; no sources. (npm adds `main`, dist/index.js, whenever it exists: the
    // library entry still needs the workspace libraries, so the tarball is for the command only.)
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/airlock.js', 'dist/airlock.cjs', 'package.json']));
    expect(files.filter((f) => f.startsWith('src/'))).toEqual([]);
    const prefix = path.join(dir, 'prefix');
    const installed = await run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(dir, info!.filename)]);
    if (installed.status !== 0) throw new Error(`npm install -g failed:\n${installed.stderr}`);
    airlock = path.join(prefix, 'bin', 'airlock');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints its version', async () => {
    const r = await run(airlock, ['--version'], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stdout: `${JSON.parse(readFileSync(path.join(ROOT, 'libs/sdk/package.json'), 'utf8')).version}\n` });
  });

  it('asks the server, and evaluates locally from the bundle, with the documented exit codes', async () => {
    const env = { AIRLOCK_URL: t.url, AIRLOCK_API_KEY: BOOTSTRAP_KEY };
    const blocked = await run(airlock, ['decide', '--url', 'https://claude.ai/', '--text', 'password = Winter2026!'], { cwd: dir, env });
    expect(blocked.stderr).toBe('');
    expect(blocked.status).toBe(3);
    expect(JSON.parse(blocked.stdout).reasons[0].ruleId).toBe('no-credentials');
    const local = await run(airlock, ['decide', '--url', 'https://intranet.example.org/', '--action', 'access', '--local'], { cwd: dir, env });
    expect(local.status).toBe(0);
    expect(JSON.parse(local.stdout).effect).toBe('allow');
    const usage = await run(airlock, ['decide'], { cwd: dir, env });
    expect(usage.status).toBe(2);
  });
});
