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
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './lib/build.mjs';
import { freePort, startEmbeddedPostgres } from './lib/embedded-db.mjs';
import { REPO_ROOT } from './lib/database-url.mjs';

const CHROMIUM = process.env.AIRLOCK_CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = path.join(REPO_ROOT, 'test', 'artifacts');
const say = (msg) => process.stdout.write(`[browser] ${msg}\n`);
const r = (...p) => path.join(REPO_ROOT, ...p);

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
  ensureBuilt(say);
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

    // The SAML scenario verifies an e-mail domain: its TXT record is served by a DNS stub on loopback.
    const { startDnsStub } = await import(pathToFileURL(r('test/support/dns-stub.mjs')).href);
    const dns = await startDnsStub();
    cleanups.push(() => dns.close());

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
        // One API process: the scenarios share two cores with Chromium (the default is one per core).
        AIRLOCK_WORKERS: '1',
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
        // The gateway scenario's upstream is a mock on this machine.
        AIRLOCK_GATEWAY_ALLOW_PRIVATE: '127.0.0.1',
        // The SIEM scenario streams to a collector on this machine.
        AIRLOCK_SIEM_ALLOW_PRIVATE: '127.0.0.1',
        // The SAML scenario loads its identity provider's metadata from this machine, and verifies domains through the stub.
        AIRLOCK_SSO_ALLOW_PRIVATE: '127.0.0.1',
        AIRLOCK_DNS_SERVERS: dns.server,
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

    const ctx = { baseUrl, adminPassword, bootstrapKey, databaseUrl: pg.url('airlock'), artifacts: ARTIFACTS, chromium: CHROMIUM, dns };
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
