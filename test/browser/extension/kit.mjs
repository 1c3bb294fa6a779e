// What the extension scenarios share: the built extension, a recording relay in front of the API
// (it forwards everything, keeps the bodies of the extension's decision reports and the server's
// answers, and can be switched off to play "server down"), the managed policy file Chromium reads on
// Linux, a Chromium with the unpacked extension, and read-only checks of the API's database.
/* global chrome */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { assert } from '../harness.mjs';
import { FIXTURE_HOSTS } from './fixture-pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXTENSION_DIR = path.resolve(here, '../../../apps/extension/dist');
/** The id the manifest's `key` gives the extension (stable across machines and installs). */
export const EXTENSION_ID = 'hajiedplikoafkdoagdlndblmplijlpf';
/** Where Chromium on Linux reads mandatory policies (root only). */
export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';
// One fixed name: a run that was killed leaves at most this file behind, and the next run replaces it
// (two files configuring the same extension would conflict).
const POLICY_FILE = path.join(MANAGED_POLICY_DIR, 'airlock-extension-test.json');

/** Writes the extension's managed configuration as an admin's policy file would. */
export function writeManagedPolicy(config) {
  mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: config } } }, null, 2));
}

export function removeManagedPolicy() {
  if (existsSync(POLICY_FILE)) rmSync(POLICY_FILE);
}

/**
 * A relay to the API that records what the extension reports (POST /v1/decisions/report) and what the
 * server answered (every report is forwarded: the decision log is the server's). Stopping it plays
 * "server down".
 */
export async function startRelay(target) {
  const reports = [];
  /** The server's answers to the reports: { status, body }. */
  const answers = [];
  /** Every GET /v1/bundle: { ifNoneMatch, status }. */
  const bundleRequests = [];
  const sockets = new Set();
  let up = true;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (process.env.AIRLOCK_EXTENSION_DEBUG) process.stdout.write(`[relay] ${req.method} ${req.url}\n`);
      const isReport = req.url === '/v1/decisions/report' && req.method === 'POST';
      if (isReport) {
        try {
          reports.push(...JSON.parse(body.toString('utf8')).decisions);
        } catch {
          reports.push({ malformed: body.toString('utf8') });
        }
      }
      const headers = { ...req.headers, host: new URL(target).host };
      delete headers.origin;
      const upstream = http.request(`${target}${req.url}`, { method: req.method, headers }, (r) => {
        if (req.method === 'GET' && req.url === '/v1/bundle') bundleRequests.push({ ifNoneMatch: req.headers['if-none-match'] ?? null, status: r.statusCode });
        res.writeHead(r.statusCode, r.headers);
        if (isReport) {
          const answer = [];
          r.on('data', (c) => answer.push(c));
          r.on('end', () => {
            const text = Buffer.concat(answer).toString('utf8');
            let parsed = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // kept as text
            }
            answers.push({ status: r.statusCode, body: parsed });
          });
        }
        r.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const port = server.address().port;
  return {
    url: `http://127.0.0.1:${port}`,
    reports,
    answers,
    bundleRequests,
    get up() {
      return up;
    },
    /** Stops listening and drops every connection (the event stream included): the server is "down". */
    async stop() {
      up = false;
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Chromium with the unpacked extension, the fixture hosts mapped to the fixture server. */
export async function launchWithExtension(t, fixturePort, { extraArgs = [] } = {}) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'airlock-ext-profile-'));
  const rules = FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${fixturePort}`).join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.AIRLOCK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      ...extraArgs,
    ],
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  t.contexts.push(context);
  let worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
  worker ??= await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`), timeout: 15_000 });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, close, profile };
}

/** The extension's stored state (chrome.storage.local) as the service worker sees it. */
export function storage(worker, keys) {
  return worker.evaluate((k) => chrome.storage.local.get(k), keys);
}

export async function waitFor(what, fn, timeoutMs = 15_000, everyMs = 100) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    last = await fn();
    if (last) return last;
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 300)})`);
}

/** Runs `fn` with a client of the API's database (read-only checks of what the server stored). */
export async function withDatabase(t, fn) {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Every table of the API's database whose rows contain one of `needles` (a row's whole text form is
 * searched, every column at once): what "never stored anywhere" is checked with.
 */
export async function tablesContaining(db, needles) {
  const { rows: tables } = await db.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const found = [];
  for (const { name } of tables) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${name.replace(/"/g, '""')}" t WHERE t::text ILIKE ANY($1)`, [patterns]);
    if (rows[0].n > 0) found.push(`${name} (${rows[0].n})`);
  }
  return found;
}

/**
 * Signs `email` in to the API with the test's admin password and returns a JSON caller with that
 * session (cookie, and the CSRF token on writes); a non-2xx answer throws with its body.
 */
export async function signedInApi(t, email) {
  const res = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: t.adminPassword }) });
  assert(res.ok, `${email} sign-in (${res.status})`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await res.json();
  return async (path, init = {}) => {
    const r = await fetch(`${t.baseUrl}${path}`, {
      ...init,
      headers: { cookie, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.method && init.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}) },
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}
