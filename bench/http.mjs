#!/usr/bin/env node
/**
 * Over HTTP on loopback, same load generator (autocannon), same concurrency, same request mix:
 *   1. Airlock's POST /v1/decisions (the real API: API key auth, zod validation, URL -> provider
 *      resolution, zones, evaluation, the decision log buffer) against the Cerbos policy decision
 *      point holding an equivalent policy (bench/cerbos/ai_destination.yaml), started from the
 *      `cerbos` npm package's binary on 127.0.0.1 with telemetry off.
 *   2. Framework overhead: /v1/decisions against a bare Fastify route of the same server returning a
 *      constant JSON (same processes, same plugins, hooks and /v1 headers, no Nest, no work).
 * Targets: >= 3x Cerbos's throughput with p99 <= 10 ms at 50 connections; decisions >= 50% of the
 * bare route. Cerbos receives the provider's attributes already resolved (in its favour).
 *
 *   npx tsc -b tsconfig.build.json && node bench/http.mjs [--json] [--seconds 5] [--rounds 3]
 *
 * BENCH_HTTP_CPU_PROF=<dir> writes V8 CPU profiles of the Airlock processes there (node --cpu-prof;
 * with AIRLOCK_WORKERS=1 the one process that serves).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startThrowawayPostgres } from '../scripts/lib/embedded-db.mjs';

const require = createRequire(import.meta.url);
const { mulberry32 } = require('../apps/api/dist/common/mulberry32.js');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TARGETS = Object.freeze({ minCerbosRatio: 3, maxP99Ms: 10, minBareShare: 0.5, connections: 50 });
export const KEY = 'ak_bench_key_0123456789abcdefghij';

/**
 * CPU time (user + system, ms) of a process and every live descendant, from /proc (Linux; null
 * elsewhere): the Airlock primary and its workers, PostgreSQL's postmaster and its backends, Cerbos.
 * Each process counts its reaped children too (cutime, cstime), so a backend that ends during the
 * measurement moves its time to its parent instead of losing it.
 */
export function treeCpuMs(rootPid) {
  if (!rootPid || process.platform !== 'linux') return null;
  const stats = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; p = stats.get(p)?.ppid ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, s] of stats) if (inTree(pid)) ticks += s.ticks;
  return (ticks * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100; // USER_HZ on Linux (getconf CLK_TCK)

/** The postmaster listening on `port` (its backends are its children). */
export function postmasterPid(port) {
  if (process.platform !== 'linux') return null;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (/postgres$/.test(argv[0] ?? '') && argv[argv.indexOf('-p') + 1] === String(port) && argv.includes('-D')) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}


/** The same mix as the in-process bench: 70% access, 20% prompt with data classes, 10% upload. */
export function makeMix(catalog, count, seed = 7) {
  const rand = mulberry32(seed);
  const classes = [[], [], ['personal_data'], ['credentials'], ['client_information'], ['source_code']];
  const ips = ['10.1.2.3', '10.200.0.9', '192.168.100.7', '100.64.3.4', '203.0.113.5', 'fd00::17'];
  const out = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const action = r < 0.7 ? 'access' : r < 0.9 ? 'prompt' : 'upload';
    const unknown = rand() < 0.1;
    const p = catalog[Math.floor(rand() * catalog.length)];
    const host = unknown ? `tool${i % 17}.unknown-ai.example` : p.domains.find((d) => !d.startsWith('*.')) ?? p.domains[0].slice(2);
    const dataClasses = action === 'access' ? [] : classes[Math.floor(rand() * classes.length)];
    const ip = ips[Math.floor(rand() * ips.length)];
    out.push({ action, host, provider: unknown ? null : p, dataClasses, ip });
  }
  return out;
}

/**
 * `count` different prompts of 2,048 characters of office prose, some carrying what the detectors
 * look for (an e-mail address, a phone number, a person's name), as people paste them.
 */
export function promptTexts(count, seed = 11) {
  const rand = mulberry32(seed);
  const sentences = [
    'Summarise the quarterly planning notes for the leadership meeting on Thursday.',
    'The team will ship the new onboarding flow and review the backlog before the release.',
    'Customers asked for clearer invoices, faster support answers and an export to spreadsheets.',
    'Draft a friendly reply that thanks them for the feedback and proposes a call next week.',
    'Our retention improved after the pricing change, but churn in the small-business tier is still high.',
    'List the risks of moving the reporting service to the new cluster and who owns each one.',
    'Rewrite this paragraph so that it reads well for a general audience and stays under 200 words.',
    'Compare the two vendor proposals on cost, support hours, data location and contract length.',
  ];
  const extras = ['Contact Maria Keller at maria.keller@example.com for the figures.', 'Call the office on +44 20 7946 0958 if the meeting moves.', 'Thanks, Jonathan Pryce, Head of Finance.', ''];
  const out = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    while (text.length < 2048) {
      text += `${sentences[Math.floor(rand() * sentences.length)]} `;
      if (rand() < 0.08) text += `${extras[Math.floor(rand() * extras.length)]} `;
    }
    out.push(text.slice(0, 2048));
  }
  return out;
}

async function load(url, requests, seconds, connections) {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, requests });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}

export async function startAirlock() {
  // Durable (fsync, synchronous commit, full-page writes on), as PostgreSQL runs in production.
  const db = await startThrowawayPostgres({ durable: true });
  await db.createDatabase('bench');
  const port = await freePort();
  const profile = process.env.BENCH_HTTP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HTTP_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, 'bench/airlock-server.mjs')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url('bench'),
      PORT: String(port),
      AIRLOCK_BOOTSTRAP_API_KEY: KEY,
      AIRLOCK_ADMIN_PASSWORD: 'bench password 0123',
      AIRLOCK_DEMO_DATA: 'false',
      // Logging as shipped (AIRLOCK_LOG_LEVEL=info, AIRLOCK_REQUEST_LOG=auto), into a pipe this process reads.
      // One worker per core, as Cerbos (Go) uses every core; AIRLOCK_WORKERS=1 measures one process.
      AIRLOCK_WORKERS: process.env.AIRLOCK_WORKERS ?? 'auto',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    let out = '';
    const ready = (d) => {
      out += d;
      if (!out.includes('READY')) return;
      // The log lines after it are read and dropped, as a log shipper would read them.
      child.stdout.off('data', ready).on('data', () => undefined);
      resolve();
    };
    child.stdout.on('data', ready);
    child.once('exit', (code) => reject(new Error(`the Airlock bench server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: db.url('bench'),
    workers: process.env.AIRLOCK_WORKERS ?? 'auto',
    pid: child.pid,
    postgresPid: postmasterPid(db.port),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await db.stop();
    },
  };
}

async function startCerbos() {
  // The Cerbos PDP binary ships in a per-platform package (an optional dependency: the registry
  // this project installs from carries the linux-x64 one).
  const pkg = `@cerbos/cerbos-${process.platform}-${process.arch}`;
  let binary;
  try {
    binary = require.resolve(`${pkg}/cerbos-${process.platform}-${process.arch}`);
  } catch {
    throw new Error(`The Cerbos binary for this platform (${pkg}) is not installed; the HTTP comparison runs on linux-x64.`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'airlock-cerbos-'));
  fs.mkdirSync(path.join(dir, 'policies'));
  fs.copyFileSync(path.join(root, 'bench/cerbos/ai_destination.yaml'), path.join(dir, 'policies/ai_destination.yaml'));
  const port = await freePort();
  const grpc = await freePort();
  fs.writeFileSync(
    path.join(dir, 'config.yaml'),
    [
      'server:',
      `  httpListenAddr: "127.0.0.1:${port}"`,
      `  grpcListenAddr: "127.0.0.1:${grpc}"`,
      'storage:',
      '  driver: disk',
      '  disk:',
      `    directory: ${path.join(dir, 'policies')}`,
      '    watchForChanges: false',
      'audit:',
      '  enabled: false',
      'telemetry:',
      '  disabled: true',
      '',
    ].join('\n'),
  );
  const child = spawn(binary, ['server', `--config=${path.join(dir, 'config.yaml')}`, '--log-level=error'], {
    env: { ...process.env, CERBOS_NO_TELEMETRY: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/_cerbos/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`cerbos exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function cerbosBody(m, i) {
  const p = m.provider;
  return {
    requestId: String(i),
    principal: { id: 'user', roles: ['user'], attr: { ip: m.ip, groups: ['engineering'] } },
    resources: [
      {
        actions: [m.action],
        resource: {
          kind: 'ai_destination',
          id: p?.slug ?? m.host,
          attr: {
            known: Boolean(p),
            status: p?.status ?? 'unknown',
            hqCountry: p?.hqCountry ?? '',
            dataCountries: p?.dataCountries ?? [],
            dataClasses: m.dataClasses,
          },
        },
      },
    ],
  };
}

export async function run({ seconds = 5, rounds = 3, connections = TARGETS.connections } = {}) {
  const seed = JSON.parse(fs.readFileSync(path.join(root, 'prisma/seed/catalog.json'), 'utf8')).providers;
  // The same statuses the demo organization uses, so blocks and allows are both exercised.
  const statuses = { 'openai-chatgpt': 'approved', 'anthropic-claude': 'approved', 'microsoft-copilot': 'approved', 'google-gemini': 'restricted', 'mistral-le-chat': 'restricted', deepseek: 'blocked' };
  const catalog = seed.map((p) => ({ ...p, status: statuses[p.slug] ?? 'under_review' }));
  const mix = makeMix(catalog, 500);
  const airlock = await startAirlock();
  const cerbos = await startCerbos();
  try {
    // Set the same statuses in Airlock and publish, so both hold the same policy.
    const login = await fetch(`${airlock.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'bench password 0123' }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = await login.json();
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const providers = await (await fetch(`${airlock.url}/api/providers?range=[0,200]`, { headers })).json();
    for (const p of providers) {
      if (statuses[p.slug]) await fetch(`${airlock.url}/api/providers/${p.id}`, { method: 'PUT', headers, body: JSON.stringify({ status: statuses[p.slug] }) });
    }
    await fetch(`${airlock.url}/api/policy/publish`, { method: 'POST', headers, body: JSON.stringify({ note: 'bench statuses' }) });

    const ours = mix.map((m) => ({
      method: 'POST',
      path: '/v1/decisions',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ action: m.action, destination: { url: `https://${m.host}/c/1` }, context: { ip: m.ip }, subject: { groups: ['engineering'] }, content: m.dataClasses.length ? { dataClasses: m.dataClasses } : undefined }),
    }));
    const theirs = mix.map((m, i) => ({ method: 'POST', path: '/api/check/resources', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cerbosBody(m, i)) }));
    const bare = mix.map(() => ({ method: 'POST', path: '/v1/bench/constant', headers: { 'content-type': 'application/json' }, body: '{"action":"access"}' }));
    // 2 KB prompts (the detectors read every byte), to the same destinations as the mix.
    const prompts = promptTexts(50).map((text, i) => ({
      method: 'POST',
      path: '/v1/decisions',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ action: 'prompt', destination: { url: `https://${mix[i].host}/c/1` }, context: { ip: mix[i].ip }, subject: { groups: ['engineering'] }, content: { text } }),
    }));

    // Agreement on allow vs deny over the mix (ours: deny = block).
    let agree = 0;
    for (let i = 0; i < mix.length; i++) {
      const a = await (await fetch(airlock.url + ours[i].path, { method: 'POST', headers: ours[i].headers, body: ours[i].body })).json();
      const c = await (await fetch(cerbos.url + theirs[i].path, { method: 'POST', headers: theirs[i].headers, body: theirs[i].body })).json();
      const cerbosDeny = c.results[0].actions[mix[i].action] === 'EFFECT_DENY';
      if ((a.effect === 'block') === cerbosDeny) agree += 1;
    }
    // Warm up both, then measure each alone (the load generator shares the 2 cores with the server).
    await load(airlock.url, ours, 2, connections);
    await load(cerbos.url, theirs, 2, connections);
    // Rounds, each target once per round in a rotating order: the host's speed drifts by 10-30%
    // over minutes here, so each ratio is taken within a round and the median round reported.
    const targets = { airlock: [airlock.url, ours], cerbos: [cerbos.url, theirs], bare: [airlock.url, bare], prompt2k: [airlock.url, prompts] };
    // CPU per request of the server under load (and of PostgreSQL, which writes Airlock's decision
    // log), from /proc: less sensitive than requests per second to what else the host runs.
    const cpuOf = { airlock: [airlock.pid, airlock.postgresPid], cerbos: [cerbos.pid, null], bare: [airlock.pid, airlock.postgresPid], prompt2k: [airlock.pid, airlock.postgresPid] };
    const perRound = [];
    for (let round = 0; round < rounds; round++) {
      const names = Object.keys(targets);
      const order = names.slice(round % names.length).concat(names.slice(0, round % names.length));
      const r = {};
      for (const name of order) {
        // A second of untimed load first: the switch from the previous target is not measured.
        await load(targets[name][0], targets[name][1], 1, connections);
        const [server, database] = cpuOf[name];
        const before = [treeCpuMs(server), treeCpuMs(database), process.cpuUsage()];
        r[name] = await load(targets[name][0], targets[name][1], seconds, connections);
        const after = [treeCpuMs(server), treeCpuMs(database), process.cpuUsage(before[2])];
        const perRequest = (a, b) => (a === null || b === null || !r[name].total ? null : Math.round(((b - a) * 1000) / r[name].total * 10) / 10);
        r[name].serverCpuMicros = perRequest(before[0], after[0]);
        if (database) r[name].postgresCpuMicros = perRequest(before[1], after[1]);
        r[name].loadGeneratorCpuMicros = Math.round(((after[2].user + after[2].system) / r[name].total) * 10) / 10;
      }
      perRound.push({
        ...r,
        ratioVsCerbos: r.airlock.requestsPerSecond / r.cerbos.requestsPerSecond,
        shareOfBare: r.airlock.requestsPerSecond / r.bare.requestsPerSecond,
        cpuRatioVsCerbos: r.airlock.serverCpuMicros && r.cerbos.serverCpuMicros ? r.cerbos.serverCpuMicros / r.airlock.serverCpuMicros : null,
      });
    }
    const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const summary = (name) => ({
      requestsPerSecond: median(perRound.map((r) => r[name].requestsPerSecond)),
      p50Ms: median(perRound.map((r) => r[name].p50Ms)),
      p99Ms: median(perRound.map((r) => r[name].p99Ms)),
      errors: perRound.reduce((n, r) => n + r[name].errors, 0),
      total: perRound.reduce((n, r) => n + r[name].total, 0),
      serverCpuMicros: median(perRound.map((r) => r[name].serverCpuMicros ?? 0)) || null,
      ...(name === 'cerbos' ? {} : { postgresCpuMicros: median(perRound.map((r) => r[name].postgresCpuMicros ?? 0)) || null }),
      loadGeneratorCpuMicros: median(perRound.map((r) => r[name].loadGeneratorCpuMicros)),
    });
    const airlockResult = summary('airlock');
    const cerbosResult = summary('cerbos');
    const bareResult = summary('bare');
    const promptResult = summary('prompt2k');
    return {
      rounds,
      perRound,
      connections,
      seconds,
      workers: process.env.AIRLOCK_WORKERS ?? `auto (${os.availableParallelism()})`,
      agreement: agree / mix.length,
      airlock: airlockResult,
      cerbos: cerbosResult,
      bare: bareResult,
      prompt2k: promptResult,
      ratioVsCerbos: median(perRound.map((r) => r.ratioVsCerbos)),
      shareOfBare: median(perRound.map((r) => r.shareOfBare)),
      cpuRatioVsCerbos: median(perRound.map((r) => r.cpuRatioVsCerbos ?? 0)) || null,
    };
  } finally {
    await cerbos.stop();
    await airlock.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined);
  const r = await run({ seconds: arg('--seconds') || 5, rounds: arg('--rounds') || 3 });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    const row = (name, x) => `${name.padEnd(28)} ${String(x.requestsPerSecond).padStart(8)}/s  p50 ${String(x.p50Ms).padStart(4)} ms  p99 ${String(x.p99Ms).padStart(4)} ms  errors ${x.errors}`;
    console.log(`HTTP on loopback, ${r.connections} connections, ${r.rounds} rounds of ${r.seconds} s per target, Airlock workers: ${r.workers} (agreement on allow/deny: ${(r.agreement * 100).toFixed(1)}%); medians:`);
    console.log(row('Airlock POST /v1/decisions', r.airlock));
    console.log(row('Cerbos /api/check/resources', r.cerbos));
    console.log(row('bare route (same server)', r.bare));
    console.log(`Airlock / Cerbos: ${r.ratioVsCerbos.toFixed(2)}x (target >= ${TARGETS.minCerbosRatio}x); decisions / bare: ${(r.shareOfBare * 100).toFixed(0)}% (target >= 50%)`);
    console.log(row('Airlock, 2 KB prompts', r.prompt2k));
    console.log(`CPU per request: Airlock ${r.airlock.serverCpuMicros} µs + PostgreSQL ${r.airlock.postgresCpuMicros} µs per decision; Cerbos ${r.cerbos.serverCpuMicros} µs per check (Cerbos / Airlock ${r.cpuRatioVsCerbos?.toFixed(2)}x); bare route ${r.bare.serverCpuMicros} µs; 2 KB prompt ${r.prompt2k.serverCpuMicros} µs + PostgreSQL ${r.prompt2k.postgresCpuMicros} µs`);
  }
  process.exit(0);
}
