#!/usr/bin/env node
/**
 * A/B of the decision path's CPU cost between two builds of Airlock (two checkouts, each built with
 * `npx tsc -b tsconfig.build.json`), in ONE process so both see the same host at the same moment:
 * both APIs are created side by side (each from its own checkout's dist and node_modules, on its own
 * database of one throwaway PostgreSQL), and batches of the http bench's request mix go through
 * Fastify's inject (the whole route: API key, zod, resolution, evaluation, the answer's JSON, the
 * decision log's encoding; no sockets), alternating A and B, with the process's CPU time per batch.
 * On a shared, noisy machine the ratio B / A per pair of batches is the figure; its median is reported.
 *
 *   node bench/ab-decisions.mjs --a /path/to/checkout-a --b /path/to/checkout-b [--rounds 12] [--batch 2000]
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from '../scripts/lib/embedded-db.mjs';

const require = createRequire(import.meta.url);
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEY = 'ak_bench_key_0123456789abcdefghij';
const PASSWORD = 'bench password 0123';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const sides = { A: path.resolve(arg('--a', here)), B: path.resolve(arg('--b', here)) };
const rounds = Number(arg('--rounds', 12));
const batch = Number(arg('--batch', 2000));

const { mulberry32 } = require(path.join(here, 'apps/api/dist/common/mulberry32.js'));

/** The http bench's mix: 70% access, 20% prompt with data classes, 10% upload. */
function makeMix(catalog, count, seed = 7) {
  const rand = mulberry32(seed);
  const classes = [[], [], ['personal_data'], ['credentials'], ['client_information'], ['source_code']];
  const ips = ['10.1.2.3', '10.200.0.9', '192.168.100.7', '100.64.3.4', '203.0.113.5', 'fd00::17'];
  const out = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const action = r < 0.7 ? 'access' : r < 0.9 ? 'prompt' : 'upload';
    const unknown = rand() < 0.1;
    const p = catalog[Math.floor(rand() * catalog.length)];
    const host = unknown ? `tool${i % 17}.unknown-ai.example` : (p.domains.find((d) => !d.startsWith('*.')) ?? p.domains[0].slice(2));
    const dataClasses = action === 'access' ? [] : classes[Math.floor(rand() * classes.length)];
    out.push(
      JSON.stringify({
        action,
        destination: { url: `https://${host}/c/1` },
        context: { ip: ips[Math.floor(rand() * ips.length)] },
        subject: { groups: ['engineering'] },
        content: dataClasses.length ? { dataClasses } : undefined,
      }),
    );
  }
  return out;
}

async function startSide(dir, databaseUrl) {
  const { createApp } = require(path.join(dir, 'apps/api/dist/server.js'));
  const { loadConfig } = require(path.join(dir, 'apps/api/dist/config/config.js'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    AIRLOCK_BOOTSTRAP_API_KEY: KEY,
    AIRLOCK_ADMIN_PASSWORD: PASSWORD,
    AIRLOCK_DEMO_DATA: 'false',
    AIRLOCK_LOG_LEVEL: 'warn',
    AIRLOCK_WORKERS: '1',
    NODE_ENV: 'production',
  });
  const app = await createApp(config);
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  // The same catalog statuses as the http bench, published.
  const login = await fastify.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@example.com', password: PASSWORD } });
  const cookie = [login.headers['set-cookie']].flat().map((c) => c.split(';')[0]).join('; ');
  const headers = { cookie, 'x-csrf-token': login.json().csrfToken, 'content-type': 'application/json' };
  const statuses = { 'openai-chatgpt': 'approved', 'anthropic-claude': 'approved', 'microsoft-copilot': 'approved', 'google-gemini': 'restricted', 'mistral-le-chat': 'restricted', deepseek: 'blocked' };
  for (const p of (await fastify.inject({ method: 'GET', url: '/api/providers?range=[0,200]', headers })).json()) {
    if (statuses[p.slug]) await fastify.inject({ method: 'PUT', url: `/api/providers/${p.id}`, headers, payload: { status: statuses[p.slug] } });
  }
  const published = await fastify.inject({ method: 'POST', url: '/api/policy/publish', headers, payload: { note: 'bench statuses' } });
  if (published.statusCode !== 201 && published.statusCode !== 200) throw new Error(`publish in ${dir}: ${published.statusCode} ${published.body}`);
  return { app, fastify };
}

async function runBatch(fastify, bodies, offset) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${KEY}` };
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let effects = 0;
  // 10 in flight, as a few connections would be.
  let next = 0;
  const worker = async () => {
    while (next < batch) {
      const i = next++;
      const res = await fastify.inject({ method: 'POST', url: '/v1/decisions', headers, payload: bodies[(offset + i) % bodies.length] });
      if (res.statusCode !== 200) throw new Error(`decision ${res.statusCode}: ${res.body}`);
      effects += 1;
      // inject never leaves the microtask queue: let timers and sockets (the log flush, pg) run.
      if (i % 8 === 0) await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  const used = process.cpuUsage(cpu);
  return { cpuMicrosPerDecision: (used.user + used.system) / effects, wallMicrosPerDecision: Number(process.hrtime.bigint() - started) / 1000 / effects };
}

const median = (values) => {
  const s = values.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round1 = (x) => Math.round(x * 10) / 10;

const catalog = JSON.parse(fs.readFileSync(path.join(here, 'prisma/seed/catalog.json'), 'utf8')).providers;
const bodies = makeMix(catalog, 500);
const db = await startThrowawayPostgres({ durable: true });
const apps = {};
try {
  for (const [name, dir] of Object.entries(sides)) {
    await db.createDatabase(`ab_${name.toLowerCase()}`);
    apps[name] = await startSide(dir, db.url(`ab_${name.toLowerCase()}`));
  }
  // Warm-up: both JITs hot before anything is timed.
  for (const name of ['A', 'B', 'A', 'B']) await runBatch(apps[name].fastify, bodies, 0);
  const pairs = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? ['B', 'A'] : ['A', 'B'];
    const x = {};
    for (const name of order) x[name] = await runBatch(apps[name].fastify, bodies, r * batch);
    pairs.push(x);
    console.log(`round ${String(r + 1).padStart(2)} (${order.join(' then ')}): A ${round1(x.A.cpuMicrosPerDecision)} µs CPU, B ${round1(x.B.cpuMicrosPerDecision)} µs CPU per decision, B / A ${(x.B.cpuMicrosPerDecision / x.A.cpuMicrosPerDecision).toFixed(3)}`);
  }
  const ratios = pairs.map((p) => p.B.cpuMicrosPerDecision / p.A.cpuMicrosPerDecision);
  const summary = {
    a: sides.A,
    b: sides.B,
    rounds,
    batch,
    cpuMicrosPerDecision: { A: round1(median(pairs.map((p) => p.A.cpuMicrosPerDecision))), B: round1(median(pairs.map((p) => p.B.cpuMicrosPerDecision))) },
    ratioBOverA: { median: Number(median(ratios).toFixed(3)), min: Number(Math.min(...ratios).toFixed(3)), max: Number(Math.max(...ratios).toFixed(3)) },
  };
  console.log(JSON.stringify(summary));
} finally {
  for (const a of Object.values(apps)) await a.app.close();
  await db.stop();
}
process.exit(0);
