#!/usr/bin/env node
// `npm run test:browser`: drives the built admin console in Debian's Chromium (playwright-core, never
// a downloaded browser) against the real API on a throwaway embedded PostgreSQL with demo data.
//
//   node scripts/test-browser.mjs                 every scenario in test/browser/*.browser.mjs
//   node scripts/test-browser.mjs incidents       only the files whose name contains "incidents"
//   node scripts/test-browser.mjs --serve         start everything and wait (explore by hand)
//
// Builds what is stale (vite build for the console, tsc -b for the API), starts PostgreSQL in a
// temporary folder, runs the API (apps/api/dist/main.js) with AIRLOCK_DEMO_DATA=true, runs the
// scenarios in order, and stops everything. Screenshots go to test/artifacts/ (gitignored).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, startEmbeddedPostgres } from './lib/embedded-db.mjs';
import { REPO_ROOT } from './lib/database-url.mjs';

const CHROMIUM = process.env.AIRLOCK_CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');
const say = (msg) => process.stdout.write(`[browser] ${msg}\n`);
const r = (...p) => path.join(REPO_ROOT, ...p);

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
  const t0 = Date.now();
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${what} failed (exit ${res.status})`);
  say(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function ensureBuilt() {
  if (!existsSync(r('apps/api/src/generated/prisma/client.ts'))) run(process.execPath, [r('scripts/prisma-generate.mjs')], 'Generating the Prisma client');
  const apiSources = Math.max(
    newestMtime(r('apps/api/src')),
    ...['policy-engine', 'detectors', 'contracts', 'sdk'].map((l) => newestMtime(r('libs', l, 'src'))),
  );
  if (newestMtime(r('apps/api/dist/main.js')) < apiSources) {
    try {
      run(process.execPath, [r('node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], 'Building the API');
    } catch (err) {
      // tsc still emits on type errors; the browser tests can run against what was emitted.
      if (!existsSync(r('apps/api/dist/main.js'))) throw err;
      say(`${err.message}: running the API as emitted (fix the type errors above)`);
    }
  }
  const uiSources = Math.max(newestMtime(r('apps/admin/src')), newestMtime(r('apps/admin/index.html')), newestMtime(r('apps/admin/vite.config.ts')));
  if (newestMtime(r('apps/admin/dist/index.html')) < uiSources) {
    // vite is a dependency of the admin workspace (npm may not hoist it to the root).
    const viteBin = path.join(path.dirname(createRequire(r('apps/admin/package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
    run(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], 'Building the admin console', r('apps/admin'));
  }
}

async function waitForReady(url, child, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`The API was not ready within ${timeoutMs / 1000} s`);
}

async function main() {
  const args = process.argv.slice(2);
  const serve = args.includes('--serve');
  const only = args.filter((a) => !a.startsWith('--'));
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get update && apt-get install -y chromium) or set AIRLOCK_CHROMIUM`);
  }
  const started = Date.now();
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith('FAILED-')) rmSync(path.join(ARTIFACTS, f));

  // The data folder lives in the checkout's gitignored .airlock/, not under /tmp: the embedded
  // database makes every parent folder of its data traversable (0755), which must not touch /tmp.
  const dataDir = r('.airlock', `browser-${randomBytes(4).toString('hex')}`);
  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (err) {
        say(`cleanup: ${err.message}`);
      }
    }
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));

  try {
    let t0 = Date.now();
    const pg = await startEmbeddedPostgres({ dataDir, durable: false });
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanups.push(() => pg.stop());
    await pg.createDatabase('airlock');
    say(`PostgreSQL on port ${pg.port}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const adminPassword = `browser-${randomBytes(9).toString('base64url')}`;
    const bootstrapKey = `ak_bootstrap_${randomBytes(18).toString('base64url')}`;
    t0 = Date.now();
    const api = spawn(process.execPath, [r('apps/api/dist/main.js')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: pg.url('airlock'),
        AIRLOCK_PUBLIC_URL: baseUrl,
        AIRLOCK_ADMIN_EMAIL: 'owner@example.com',
        AIRLOCK_ADMIN_PASSWORD: adminPassword,
        AIRLOCK_BOOTSTRAP_API_KEY: bootstrapKey,
        AIRLOCK_DEMO_DATA: 'true',
        AIRLOCK_LOG_LEVEL: process.env.AIRLOCK_LOG_LEVEL || 'warn',
        AIRLOCK_POLICY_POLL_SECONDS: '2',
        AIRLOCK_DECISION_LOG_FLUSH_MS: '200',
        // The webhook scenario delivers to a receiver on this machine.
        AIRLOCK_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    cleanups.push(
      () =>
        new Promise((ok) => {
          if (api.exitCode !== null) return ok();
          api.once('exit', ok);
          api.kill('SIGTERM');
          setTimeout(() => api.kill('SIGKILL'), 10_000).unref();
        }),
    );
    await waitForReady(baseUrl, api);
    say(`API at ${baseUrl}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const ctx = { baseUrl, adminPassword, bootstrapKey, artifacts: ARTIFACTS, chromium: CHROMIUM };
    if (serve) {
      say(`Serving. Sign in as owner@example.com (or a demo user) with password ${adminPassword}`);
      say(`Bootstrap API key: ${bootstrapKey}. Ctrl-C stops.`);
      await new Promise(() => {});
    }

    const { runScenarios } = await import(pathToFileURL(r('test/browser/harness.mjs')).href);
    const files = readdirSync(r('test/browser'))
      .filter((f) => f.endsWith('.browser.mjs') && (only.length === 0 || only.some((o) => f.includes(o))))
      .sort();
    const ok = await runScenarios(files.map((f) => r('test/browser', f)), ctx);
    say(`Total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await cleanup();
    process.exit(ok ? 0 : 1);
  } catch (err) {
    await cleanup();
    throw err;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
