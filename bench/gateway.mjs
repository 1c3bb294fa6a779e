// The AI gateway's added latency: the same 2 KB chat prompt sent to the mock upstream directly and
// through Airlock's /gateway/openai route, interleaved one by one in the same run (so both see the
// same machine load), non-streamed (latency p50/p99) and streamed (time to first token), plus the
// Airlock process's CPU time per gateway request (from /proc), overall and per kind, beside the mock
// upstream's own CPU per request (a bare Node HTTP server answering the same call). The same calls also
// go through a bare Node reverse proxy (bench/gateway-relay.mjs, inspecting nothing): the floor that
// the two extra process hops of any gateway cost on this host. All three are measured after a
// warm-up long enough for V8 to have compiled the hot paths of every process (BENCH_GATEWAY_WARMUP
// rounds, default 3000): with the 300 rounds used before, the mock's own tail was still JIT warm-up,
// which made the difference of the two p99s look smaller than the gateway's steady tail.
// Run with `npm run bench -- --gateway`.
// BENCH_GATEWAY_CPU_PROF=<dir> writes a V8 CPU profile of the Airlock process there (node --cpu-prof).
// BENCH_GATEWAY_NODE_ARGS="--flag ..." starts the Airlock process with those Node/V8 flags (A/B of a flag).
import fs from 'node:fs';
import http from 'node:http';
import { freePort, startThrowawayPostgres } from '../scripts/lib/embedded-db.mjs';
import { startChild } from './child.mjs';

const EMAIL = 'bench@airlock.test';
const PASSWORD = 'bench password 0123';
export const TARGETS = Object.freeze({ maxAddedP99Ms: 2 });


const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** POSTs JSON; resolves with total ms and ms to the first body byte that carries content. */
function post(url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first = null;
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.on('data', (chunk) => {
        if (first === null && chunk.includes('"content":"')) first = performance.now() - started;
      });
      res.on('end', () => (res.statusCode === 200 ? resolve({ total: performance.now() - started, first: first ?? performance.now() - started }) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 1000) / 1000;
};

/** User and system CPU time of a process so far, in ms (from /proc, clock ticks of 10 ms). */
function cpuTimes(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: (Number(stat[11]) * 1000) / 100, system: (Number(stat[12]) * 1000) / 100 };
}
const cpuMs = (pid) => {
  const t = cpuTimes(pid);
  return t.user + t.system;
};

export async function run({ requests = Number(process.env.BENCH_GATEWAY_REQUESTS ?? 2000), warmup = Number(process.env.BENCH_GATEWAY_WARMUP ?? 3000) } = {}) {
  const db = await startThrowawayPostgres();
  await db.createDatabase('bench_gateway');
  const port = await freePort();
  const mock = startChild('bench/gateway-mock.mjs', {});
  let relayProcess = null;
  const airlock = startChild('bench/airlock-server.mjs', {
    DATABASE_URL: db.url('bench_gateway'),
    PORT: String(port),
    AIRLOCK_ADMIN_EMAIL: EMAIL,
    AIRLOCK_ADMIN_PASSWORD: PASSWORD,
    AIRLOCK_DEMO_DATA: 'false',
    // Logging as shipped. One worker (the default is one per core): requests go one at a time, so a
    // second worker adds nothing to the latency, and the CPU per call is one process's.
    AIRLOCK_WORKERS: '1',
    AIRLOCK_GATEWAY_ALLOW_PRIVATE: '127.0.0.1',
    NODE_ENV: 'production',
  }, [
    ...(process.env.BENCH_GATEWAY_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_GATEWAY_CPU_PROF}`] : []),
    ...(process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ]);
  try {
    const [mockUrl, url] = await Promise.all([mock.ready, airlock.ready]);
    relayProcess = startChild('bench/gateway-relay.mjs', { UPSTREAM: mockUrl });
    const relayUrl = await relayProcess.ready;
    // Sign in, add the upstream, make a gateway key.
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = await login.json();
    const admin = (p, json) => fetch(`${url}${p}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(json) }).then(async (r) => (r.ok ? r.json() : Promise.reject(new Error(`${p}: ${r.status} ${await r.text()}`))));
    await admin('/api/gateway/upstreams', { name: 'mock', api: 'openai', providerSlug: 'openai-api', baseUrl: `${mockUrl}/v1`, apiKey: 'sk-bench-0000' });
    const { key } = await admin('/api/api-clients', { name: 'bench', scopes: ['gateway'] });
    const { key: decideKey } = await admin('/api/api-clients', { name: 'bench-decide', scopes: ['decide'] });

    // A 2 KB prompt of ordinary prose (the default policy's detectors run over all of it).
    const prompt = 'Summarise the quarterly planning notes: the team will ship the new onboarding flow, review the backlog and plan the next release. '.repeat(16).slice(0, 2048);
    const body = (stream) => ({ model: 'gpt-bench', stream, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: prompt }] });
    const direct = `${mockUrl}/v1/chat/completions`;
    const relay = `${relayUrl}/v1/chat/completions`;
    const gateway = `${url}/gateway/openai/v1/chat/completions`;
    const auth = { authorization: `Bearer ${key}` };
    for (let i = 0; i < warmup; i++) {
      await post(direct, body(i % 2 === 0));
      await post(gateway, body(i % 2 === 0), auth);
      await post(relay, body(i % 2 === 0));
    }
    const d = { total: [], ttft: [] };
    const g = { total: [], ttft: [] };
    const rl = { total: [], ttft: [] };
    const cpuBefore = cpuMs(airlock.child.pid);
    for (let i = 0; i < requests; i++) {
      d.total.push((await post(direct, body(false))).total);
      g.total.push((await post(gateway, body(false), auth)).total);
      rl.total.push((await post(relay, body(false))).total);
      d.ttft.push((await post(direct, body(true))).first);
      g.ttft.push((await post(gateway, body(true), auth)).first);
      rl.ttft.push((await post(relay, body(true))).first);
    }
    const cpuPerRequest = (cpuMs(airlock.child.pid) - cpuBefore) / (2 * requests);
    // CPU per request by kind, each alone (no other calls in between), and the mock's own CPU per
    // request as the peer: what a bare Node HTTP server spends to answer the same call. The kinds
    // take turns in rounds of 50 calls, so that a change of the machine's load spreads over all.
    const kinds = {
      gatewayPlain: [airlock.child.pid, () => post(gateway, body(false), auth)],
      gatewayStream: [airlock.child.pid, () => post(gateway, body(true), auth)],
      // One decision of the same prompt on POST /v1/decisions (native route, same server): the
      // inspection alone, without forwarding.
      decision: [airlock.child.pid, () => post(`${url}/v1/decisions`, { action: 'prompt', destination: { provider: 'openai-api' }, context: { channel: 'api' }, content: { text: prompt } }, { authorization: `Bearer ${decideKey}` })],
      mockPlain: [mock.child.pid, () => post(direct, body(false))],
      mockStream: [mock.child.pid, () => post(direct, body(true))],
    };
    const ROUND = 50;
    const rounds = Math.max(4, Math.ceil(requests / 2 / ROUND));
    const spent = Object.fromEntries(Object.keys(kinds).map((k) => [k, { total: 0, system: 0 }]));
    for (let r = 0; r < rounds; r++)
      for (const [k, [pid, fn]] of Object.entries(kinds)) {
        const before = cpuTimes(pid);
        for (let i = 0; i < ROUND; i++) await fn();
        const after = cpuTimes(pid);
        spent[k].total += after.user + after.system - before.user - before.system;
        spent[k].system += after.system - before.system;
      }
    const n = rounds * ROUND;
    const r3 = (x) => Math.round((x / n) * 1000) / 1000;
    const cpu = Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, { total: r3(v.total), system: r3(v.system) }]));
    const summary = (xs) => ({ p50Ms: pct(xs, 50), p99Ms: pct(xs, 99) });
    const r = {
      requests,
      promptBytes: Buffer.byteLength(prompt),
      direct: { latency: summary(d.total), ttft: summary(d.ttft) },
      gateway: { latency: summary(g.total), ttft: summary(g.ttft) },
      relay: { latency: summary(rl.total), ttft: summary(rl.ttft) },
      warmupRounds: warmup,
      cpuMsPerRequest: Math.round(cpuPerRequest * 1000) / 1000,
      cpuMs: { ...cpu, requestsPerKind: n },
    };
    const added = (via) => ({
      p50: Math.round((via.latency.p50Ms - r.direct.latency.p50Ms) * 1000) / 1000,
      p99: Math.round((via.latency.p99Ms - r.direct.latency.p99Ms) * 1000) / 1000,
      ttftP50: Math.round((via.ttft.p50Ms - r.direct.ttft.p50Ms) * 1000) / 1000,
      ttftP99: Math.round((via.ttft.p99Ms - r.direct.ttft.p99Ms) * 1000) / 1000,
    });
    r.addedMs = added(r.gateway);
    r.relayAddedMs = added(r.relay);
    r.targets = { addedP99: { value: r.addedMs.p99, target: TARGETS.maxAddedP99Ms, met: r.addedMs.p99 <= TARGETS.maxAddedP99Ms } };
    return r;
  } finally {
    if (relayProcess) {
      relayProcess.child.kill('SIGTERM');
      await new Promise((r) => relayProcess.child.once('exit', r));
    }
    airlock.child.kill('SIGTERM');
    mock.child.kill('SIGTERM');
    await Promise.all([new Promise((r) => airlock.child.once('exit', r)), new Promise((r) => mock.child.once('exit', r))]);
    agent.destroy();
    await db.stop();
  }
}
