// The ICAP service behind Debian's Squid (SSL bump, the configuration of
// docs/integrations/proxy-icap.md) against the same Squid without ICAP, side by side in one run, in
// front of an HTTPS stand-in for chat.deepseek.com: a 1 KB chat prompt (POST; its body goes to
// Airlock after the preview, 100 Continue, 204) and a page asset (GET; 204 from the headers).
// Latency: one request at a time, the two proxies interleaved so that both see the same load.
// Throughput: 8 concurrent clients for a fixed time per proxy. CPU time per request of the Airlock
// process and of each Squid from /proc. Run with `npm run bench -- --icap` or `--icap-only`.
// BENCH_ICAP_CPU_PROF=<dir> writes a V8 CPU profile of the Airlock process there (node --cpu-prof).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { freePort, startThrowawayPostgres } from '../scripts/lib/embedded-db.mjs';
import { startChild } from './child.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EMAIL = 'bench@airlock.test';
const PASSWORD = 'bench password 0123';
const HOST = 'chat.deepseek.com';


function snippet(name) {
  const doc = fs.readFileSync(path.join(root, 'docs/integrations/proxy-icap.md'), 'utf8');
  return new RegExp(`<!-- ${name} -->\\n\`\`\`squidconf\\n([^]*?)\`\`\``).exec(doc)[1];
}

/** One Squid, SSL bump as documented, with or without the ICAP part; its own directory. */
async function startSquid(base, name, { ca, icap }) {
  const dir = path.join(base, name);
  fs.mkdirSync(dir);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'hosts'), `127.0.0.1 ${HOST}\n`);
  execFileSync('/usr/lib/squid/security_file_certgen', ['-c', '-s', path.join(dir, 'ssl_db'), '-M', '4MB'], { stdio: 'pipe' });
  const conf = [
    snippet('squid-bump')
      .replace('http_port 3128', `http_port 127.0.0.1:${port}`)
      .replaceAll('/etc/squid/airlock-proxy-ca.pem', ca.pem)
      .replaceAll('/etc/squid/airlock-proxy-ca.key', ca.key)
      .replaceAll('/var/lib/squid/ssl_db', path.join(dir, 'ssl_db')),
    icap ? snippet('squid-icap').replace('127.0.0.1:1344', `127.0.0.1:${icap.port}`).replace('ak_REPLACE_WITH_THE_PROXY_KEY', icap.key) : '',
    'http_access allow localhost',
    'http_access deny all',
    `pid_filename ${dir}/squid.pid`,
    `cache_log ${dir}/cache.log`,
    'access_log none',
    'cache deny all',
    `coredump_dir ${dir}`,
    `hosts_file ${dir}/hosts`,
    'dns_nameservers 127.0.0.1',
    `tls_outgoing_options cafile=${ca.pem}`,
    'shutdown_lifetime 0 seconds',
    'workers 1',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'squid.conf'), conf);
  if (process.getuid?.() === 0) {
    execFileSync('chown', ['-R', 'proxy:proxy', dir]);
    fs.chmodSync(dir, 0o755);
  }
  const child = spawn('/usr/sbin/squid', ['-N', '-f', path.join(dir, 'squid.conf')], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((r) => {
      const s = http.request({ host: '127.0.0.1', port, method: 'OPTIONS', path: '/' }, (res) => (res.resume(), r(true)));
      s.on('error', () => r(false));
      s.end();
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, child, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) };
}

/** An HTTPS agent that tunnels through the proxy with CONNECT and keeps its connections. */
function proxyAgent(proxyPort, ca) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 16, ca });
  agent.createConnection = (options, done) => {
    const req = http.request({ host: '127.0.0.1', port: proxyPort, method: 'CONNECT', path: `${options.host}:${options.port}` });
    req.once('connect', (res, socket) => {
      if (res.statusCode !== 200) return done(new Error(`CONNECT ${res.statusCode}`));
      const secure = tls.connect({ socket, servername: options.host, ca });
      secure.once('secureConnect', () => done(null, secure));
      secure.once('error', done);
    });
    req.once('error', done);
    req.end();
  };
  return agent;
}

function request(agent, port, method, p, body) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = https.request({ host: HOST, port, method, path: p, agent, headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {} }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 1000) / 1000;
};
const round = (x) => Math.round(x * 1000) / 1000;

function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(stat[11]) + Number(stat[12])) * 1000) / 100;
}
/** CPU of a process and its children that are still running (Squid's helpers), ms. */
function treeCpuMs(pid) {
  let total = cpuMs(pid);
  try {
    for (const child of fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) total += treeCpuMs(Number(child));
  } catch {
    // gone
  }
  return total;
}

export async function run({ requests = Number(process.env.BENCH_ICAP_REQUESTS ?? 1000), seconds = Number(process.env.BENCH_ICAP_SECONDS ?? 5), concurrency = 8 } = {}) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'airlock-icap-bench-'));
  fs.chmodSync(base, 0o755);
  const openssl = (args) => execFileSync('openssl', args, { cwd: base, stdio: 'pipe' });
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Airlock bench CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'site.key', '-out', 'site.csr', '-subj', `/CN=${HOST}`]);
  fs.writeFileSync(path.join(base, 'site.ext'), `subjectAltName=DNS:${HOST}\n`);
  openssl(['x509', '-req', '-in', 'site.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'site.pem', '-days', '2', '-extfile', 'site.ext']);
  fs.chmodSync(path.join(base, 'ca.key'), 0o644);
  const ca = { pem: path.join(base, 'ca.pem'), key: path.join(base, 'ca.key') };
  const caPem = fs.readFileSync(ca.pem);

  const db = await startThrowawayPostgres();
  await db.createDatabase('bench_icap');
  const icapPort = await freePort();
  const standIn = startChild('bench/icap-standin.mjs', { BENCH_CERT: path.join(base, 'site.pem'), BENCH_KEY: path.join(base, 'site.key') });
  const airlock = startChild('bench/airlock-server.mjs', {
    DATABASE_URL: db.url('bench_icap'),
    PORT: String(await freePort()),
    AIRLOCK_ICAP_PORT: String(icapPort),
    AIRLOCK_ADMIN_EMAIL: EMAIL,
    AIRLOCK_ADMIN_PASSWORD: PASSWORD,
    AIRLOCK_DEMO_DATA: 'false',
    AIRLOCK_WORKERS: '1',
    NODE_ENV: 'production',
  }, process.env.BENCH_ICAP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_ICAP_CPU_PROF}`] : []);
  const squids = [];
  try {
    const [sitePort, url] = await Promise.all([standIn.ready, airlock.ready]);
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = await login.json();
    const admin = (p, json, method = 'POST') => fetch(`${url}${p}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: json && JSON.stringify(json) }).then(async (r) => (r.ok ? r.json() : Promise.reject(new Error(`${p}: ${r.status} ${await r.text()}`))));
    // The default policy, plus a redaction rule on prompts, so that a prompt's body goes to Airlock.
    await admin('/api/rules', { ruleId: 'bench-mask-financial', priority: 1, conditions: { dataClasses: ['financial'], actions: ['prompt'] }, effect: 'redact', message: 'Masked.' });
    const providers = await fetch(`${url}/api/providers?filter=${encodeURIComponent(JSON.stringify({ q: 'deepseek' }))}`, { headers: { cookie } }).then((r) => r.json());
    await admin(`/api/providers/${providers.find((p) => p.slug === 'deepseek').id}`, { status: 'approved' }, 'PUT');
    await admin('/api/policy/publish', { note: 'bench' });
    const { key } = await admin('/api/api-clients', { name: 'squid', scopes: ['decide'] });

    const plain = await startSquid(base, 'plain', { ca });
    squids.push(plain);
    const withIcap = await startSquid(base, 'icap', { ca, icap: { port: icapPort, key } });
    squids.push(withIcap);
    const agents = { plain: proxyAgent(plain.port, caPem), icap: proxyAgent(withIcap.port, caPem) };
    const ports = { plain: sitePort, icap: sitePort };

    const prompt = JSON.stringify({ model: 'deepseek-chat', stream: false, messages: [{ role: 'user', content: 'Summarise the quarterly planning notes: the team will ship the new onboarding flow, review the backlog and plan the next release. '.repeat(8).slice(0, 1000) }] });
    const kinds = {
      prompt: (agent, port) => request(agent, port, 'POST', '/api/v0/chat/completion', prompt),
      page: (agent, port) => request(agent, port, 'GET', '/static/app.js'),
    };
    // Warm-up: connections, certificates, JIT.
    for (let i = 0; i < 200; i++) for (const k of Object.keys(kinds)) for (const t of ['plain', 'icap']) await kinds[k](agents[t], ports[t]);

    const latency = {};
    const cpu0 = cpuMs(airlock.child.pid);
    for (const k of Object.keys(kinds)) {
      const xs = { plain: [], icap: [] };
      for (let i = 0; i < requests; i++) for (const t of ['plain', 'icap']) xs[t].push(await kinds[k](agents[t], ports[t]));
      latency[k] = {
        plain: { p50Ms: pct(xs.plain, 50), p99Ms: pct(xs.plain, 99) },
        icap: { p50Ms: pct(xs.icap, 50), p99Ms: pct(xs.icap, 99) },
      };
      latency[k].addedMs = { p50: round(latency[k].icap.p50Ms - latency[k].plain.p50Ms), p99: round(latency[k].icap.p99Ms - latency[k].plain.p99Ms) };
    }
    const latencyCpu = cpuMs(airlock.child.pid) - cpu0;

    const throughput = {};
    for (const t of ['plain', 'icap']) {
      const airlockBefore = cpuMs(airlock.child.pid);
      const squidBefore = treeCpuMs(squids[t === 'plain' ? 0 : 1].child.pid);
      let done = 0;
      let errors = 0;
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) {
            try {
              await kinds.prompt(agents[t], ports[t]);
              done++;
            } catch {
              errors++;
            }
          }
        }),
      );
      throughput[t] = {
        requestsPerSecond: Math.round(done / seconds),
        errors,
        squidCpuMsPerRequest: round((treeCpuMs(squids[t === 'plain' ? 0 : 1].child.pid) - squidBefore) / Math.max(1, done)),
        airlockCpuMsPerRequest: round((cpuMs(airlock.child.pid) - airlockBefore) / Math.max(1, done)),
      };
    }
    for (const a of Object.values(agents)) a.destroy();
    return {
      requests,
      seconds,
      concurrency,
      promptBytes: Buffer.byteLength(prompt),
      latency,
      // Airlock's CPU per ICAP transaction over the latency phase (prompts and pages alike).
      airlockCpuMsPerTransaction: round(latencyCpu / (2 * requests)),
      throughput,
      throughputRatio: round(throughput.icap.requestsPerSecond / throughput.plain.requestsPerSecond),
    };
  } finally {
    for (const s of squids) await s.stop();
    airlock.child.kill('SIGTERM');
    standIn.child.kill('SIGTERM');
    await Promise.all([new Promise((r) => (airlock.child.exitCode !== null ? r() : airlock.child.once('exit', r))), new Promise((r) => (standIn.child.exitCode !== null ? r() : standIn.child.once('exit', r)))]);
    await db.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}
