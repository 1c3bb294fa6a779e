#!/usr/bin/env node
/**
 * Soak: mixed decisions for ten minutes at 200 connections against the API as `npm start` ships it
 * (AIRLOCK_WORKERS=auto, logging as shipped, the decision log on a durable PostgreSQL), the load
 * generator (autocannon) in this process and the API in its own. Per minute: requests and decisions
 * per second, errors, p50/p95/p99, CPU time of the API and its database per decision, the API
 * processes' RSS, the event-loop delay they report (/metrics, p99 and max over the minute), and the
 * decision log's buffer. The verdict: zero errors, memory and latency flat from the second minute
 * to the last (no leak: the first minute warms up), and as many decision log rows as decisions
 * answered (none dropped) once the load ends.
 *
 *   node scripts/build-stale.mjs && node bench/soak.mjs [--minutes 10] [--connections 200] [--json]
 *
 * The mix: 60% access checks, 30% prompts of 2 KB of realistic employee text (names, addresses,
 * phones, health, credentials: the detectors run over all of it), 10% batches of 10 decisions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { KEY, makeMix, startAirlock, treeCpuMs } from './http.mjs';
import { REALISTIC } from './corpus/realistic.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pg = createRequire(import.meta.url)('pg');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const MINUTES = arg('--minutes', 10);
const CONNECTIONS = arg('--connections', 200);
const JSON_OUT = argv.includes('--json');
const log = (...a) => (JSON_OUT ? undefined : console.log(...a));

/** 2 KB prompts: the corpus's pastes without their markup, joined until 2,048 characters. */
function prompts(count) {
  const plain = REALISTIC.map((t) => t.replace(/\[\[[a-z_]+:[a-z-]+\|([^\]]*)\]\]/g, '$1'));
  const out = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let k = i; text.length < 2048; k += 7) text += `${plain[k % plain.length]}\n\n`;
    out.push(text.slice(0, 2048));
  }
  return out;
}

function requests() {
  const catalog = JSON.parse(fs.readFileSync(path.join(root, 'prisma/seed/catalog.json'), 'utf8')).providers;
  const mix = makeMix(catalog, 400, 11);
  const texts = prompts(20);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${KEY}` };
  const access = (m) => ({ action: 'access', destination: { url: `https://${m.host}/c/1` }, context: { ip: m.ip }, subject: { email: `person${m.host.length}@corp.example`, groups: ['engineering'] } });
  const prompt = (m, i) => ({ action: 'prompt', destination: { url: `https://${m.host}/c/1` }, context: { ip: m.ip }, subject: { groups: ['engineering'] }, content: { text: texts[i % texts.length] } });
  const out = [];
  for (let i = 0; i < 100; i++) {
    const m = mix[i % mix.length];
    if (i % 10 === 9) {
      const items = Array.from({ length: 10 }, (_, k) => ({
        ...(k % 3 === 2 ? prompt(mix[(i + k) % mix.length], i + k) : access(mix[(i + k) % mix.length])),
        correlationId: `item-${k}`,
      }));
      out.push({ method: 'POST', path: '/v1/decisions/batch', headers, body: JSON.stringify({ items }), decisions: items.length });
    } else if (i % 10 < 6) {
      out.push({ method: 'POST', path: '/v1/decisions', headers, body: JSON.stringify(access(m)), decisions: 1 });
    } else {
      out.push({ method: 'POST', path: '/v1/decisions', headers, body: JSON.stringify(prompt(m, i)), decisions: 1 });
    }
  }
  return out;
}

/** RSS (MiB) of the API's processes: the primary and each worker. */
function rssOfTree(rootPid) {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const status = fs.readFileSync(`/proc/${d}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (Number(d) !== rootPid && ppid !== rootPid) continue;
      if (!/Name:\s+node/.test(status)) continue;
      out.push(+(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024).toFixed(1));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const metric = (text, name) => {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
};

const pct = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : 0);

export async function run({ minutes = MINUTES, connections = CONNECTIONS } = {}) {
  const airlock = await startAirlock();
  const reqs = requests();
  // autocannon sends each connection's requests in this order, round and round: the decisions a
  // response carries average out to this many per request.
  const decisionsPerRequest = reqs.reduce((n, r) => n + r.decisions, 0) / reqs.length;
  const result = { minutes, connections, workers: airlock.workers, workerCount: 0, loadAverage: null, perMinute: [], errors: 0 };
  try {
    let minute = { times: [], errors: 0, decisions: 0, requests: 0, lag: [] };
    const scrape = setInterval(async () => {
      try {
        const text = await (await fetch(`${airlock.url}/metrics`)).text();
        minute.lag.push({ p99: metric(text, 'airlock_process_nodejs_eventloop_lag_p99_seconds'), max: metric(text, 'airlock_process_nodejs_eventloop_lag_max_seconds'), buffer: metric(text, 'airlock_decision_log_buffer') });
      } catch {
        // counted by the load's own errors if the server is down
      }
    }, 5_000);
    let cpu0 = treeCpuMs(airlock.pid) + (treeCpuMs(airlock.postgresPid) ?? 0);
    const t0 = performance.now();
    let minuteStart = t0;
    const instance = autocannon({ url: airlock.url, connections, duration: minutes * 60, pipelining: 1, requests: reqs });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      minute.requests++;
      if (statusCode >= 200 && statusCode < 300) {
        minute.times.push(responseTime);
        minute.decisions += decisionsPerRequest;
      } else minute.errors++;
    });
    instance.on('reqError', () => minute.errors++);
    const close = () => {
      const now = performance.now();
      const cpu = treeCpuMs(airlock.pid) + (treeCpuMs(airlock.postgresPid) ?? 0);
      const seconds = (now - minuteStart) / 1000;
      const times = Float64Array.from(minute.times).sort();
      const lags = minute.lag.filter((l) => l.p99 !== null);
      const row = {
        minute: result.perMinute.length + 1,
        requestsPerSecond: Math.round(minute.requests / seconds),
        decisionsPerSecond: Math.round(minute.decisions / seconds),
        decisionsAnswered: minute.decisions,
        errors: minute.errors,
        p50Ms: +pct(times, 0.5).toFixed(1),
        p95Ms: +pct(times, 0.95).toFixed(1),
        p99Ms: +pct(times, 0.99).toFixed(1),
        cpuMicrosPerDecision: minute.decisions ? Math.round(((cpu - cpu0) * 1000) / minute.decisions) : null,
        rssMiB: rssOfTree(airlock.pid),
        eventLoopP99Ms: lags.length ? +(Math.max(...lags.map((l) => l.p99)) * 1000).toFixed(1) : null,
        eventLoopMaxMs: lags.length ? +(Math.max(...lags.map((l) => l.max ?? 0)) * 1000).toFixed(1) : null,
        logBufferMax: lags.length ? Math.max(...lags.map((l) => l.buffer ?? 0)) : null,
      };
      result.perMinute.push(row);
      result.workerCount = row.rssMiB.length > 1 ? row.rssMiB.length - 1 : 1;
      result.errors += row.errors;
      log(
        `  ${String(row.minute).padStart(2)}  ${String(row.requestsPerSecond).padStart(6)} req/s ${String(row.decisionsPerSecond).padStart(6)} dec/s  errors ${row.errors}  ` +
          `p50 ${row.p50Ms} p95 ${row.p95Ms} p99 ${row.p99Ms} ms  cpu ${row.cpuMicrosPerDecision} µs/decision  rss ${row.rssMiB.join(' + ')} MiB  ` +
          `event loop p99 ${row.eventLoopP99Ms} max ${row.eventLoopMaxMs} ms  log buffer ≤ ${row.logBufferMax}`,
      );
      minute = { times: [], errors: 0, decisions: 0, requests: 0, lag: [] };
      minuteStart = now;
      cpu0 = cpu;
    };
    log(`Soak: ${minutes} min, ${connections} connections, AIRLOCK_WORKERS=${airlock.workers}, load average ${os.loadavg()[0].toFixed(2)}`);
    const ticker = setInterval(close, 60_000);
    await instance;
    clearInterval(ticker);
    clearInterval(scrape);
    if (minute.requests > 1000) close();
    result.loadAverage = os.loadavg().map((l) => +l.toFixed(2));
    // Every decision logged? Each worker counts what it wrote and dropped (/metrics answers from one
    // worker at a time: asked until every worker has answered, once their last flush is done).
    const answered = Math.round(result.perMinute.reduce((n, r) => n + r.decisionsAnswered, 0));
    await new Promise((r) => setTimeout(r, 3000));
    const perWorker = new Map();
    for (let i = 0; i < 50 && perWorker.size < result.workerCount; i++) {
      const text = await (await fetch(`${airlock.url}/metrics`)).text();
      const instance = /^airlock_instance_info\{[^}]*instance="([^"]+)"/m.exec(text)?.[1];
      if (instance) perWorker.set(instance, { written: metric(text, 'airlock_decision_log_written_total') ?? 0, dropped: metric(text, 'airlock_decision_log_dropped_total') ?? 0, buffered: metric(text, 'airlock_decision_log_buffer') ?? 0 });
    }
    const sum = (k) => [...perWorker.values()].reduce((n, w) => n + w[k], 0);
    const c = new pg.Client({ connectionString: airlock.databaseUrl });
    await c.connect();
    const rows = Number((await c.query('SELECT count(*) AS n FROM "DecisionLog"')).rows[0].n);
    await c.end();
    result.decisionLog = { answeredAbout: answered, rows, written: sum('written'), dropped: sum('dropped'), stillBuffered: sum('buffered'), workersAsked: perWorker.size };
    log(`  decision log: ${rows.toLocaleString()} rows (about ${answered.toLocaleString()} decisions answered); the workers wrote ${sum('written').toLocaleString()}, dropped ${sum('dropped')}, still buffered ${sum('buffered')}`);
  } finally {
    await airlock.stop();
  }
  const steady = result.perMinute.slice(1);
  if (steady.length >= 2) {
    const first = steady[0];
    const last = steady.at(-1);
    const total = (r) => r.rssMiB.reduce((a, b) => a + b, 0);
    result.verdict = {
      errors: result.errors,
      rssGrowthMiB: +(total(last) - total(first)).toFixed(1),
      p99FirstLastMs: [first.p99Ms, last.p99Ms],
    };
    log(`\n  errors ${result.errors}; RSS minute 2 → ${steady.length + 1}: ${total(first).toFixed(0)} → ${total(last).toFixed(0)} MiB; p99 ${first.p99Ms} → ${last.p99Ms} ms`);
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  if (JSON_OUT) console.log(JSON.stringify(r, null, 2));
}
