// nginx auth_request's added cost: the same GET through Debian's nginx to a stand-in, with the
// documented auth_request configuration (docs/integrations/nginx.md, every request asks Airlock's
// /v1/authz) and through a plain proxy location of the same nginx, interleaved one by one in the
// same run, plus Airlock's CPU time per authorization (from /proc). `npm run bench -- --network`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startThrowawayPostgres } from '../scripts/lib/embedded-db.mjs';
import { startChild } from './child.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EMAIL = 'bench@airlock.test';
const PASSWORD = 'bench password 0123';
const NGINX = '/usr/sbin/nginx';


const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(port, host) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path: '/c/1', agent, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 1000) / 1000;
};
function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(stat[11]) + Number(stat[12])) * 1000) / 100;
}

function documentedNginx() {
  const md = fs.readFileSync(path.join(root, 'docs/integrations/nginx.md'), 'utf8');
  const m = /```nginx\n([\s\S]*?)\n```/.exec(md);
  if (!m) throw new Error('docs/integrations/nginx.md has no ```nginx block');
  return m[1];
}

export async function run({ requests = Number(process.env.BENCH_NGINX_REQUESTS ?? 2000) } = {}) {
  if (!fs.existsSync(NGINX)) return { skipped: 'nginx is not installed (apt-get install nginx)' };
  const db = await startThrowawayPostgres();
  await db.createDatabase('bench_nginx');
  const port = await freePort();
  const airlock = startChild('bench/airlock-server.mjs', {
    DATABASE_URL: db.url('bench_nginx'),
    PORT: String(port),
    AIRLOCK_ADMIN_EMAIL: EMAIL,
    AIRLOCK_ADMIN_PASSWORD: PASSWORD,
    AIRLOCK_DEMO_DATA: 'false',
    AIRLOCK_WORKERS: '1',
    AIRLOCK_TRUST_PROXY: '127.0.0.1',
    NODE_ENV: 'production',
  });
  const standIn = http.createServer((_req, res) => res.end('stand-in'));
  await new Promise((r) => standIn.listen(0, '127.0.0.1', r));
  const standInPort = standIn.address().port;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'airlock-bench-nginx-'));
  let nginx;
  try {
    const url = await airlock.ready;
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = await login.json();
    const { key } = await fetch(`${url}/api/api-clients`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench nginx', scopes: ['network'] }) }).then((r) => r.json());
    const withAuth = await freePort();
    const plain = await freePort();
    const snippet = documentedNginx()
      .split('airlock.internal:3000').join(new URL(url).host)
      .split('backend.internal:8080').join(`127.0.0.1:${standInPort}`)
      .split('listen 8080;').join(`listen 127.0.0.1:${withAuth};`)
      .split('ak_REPLACE_WITH_NETWORK_KEY').join(key);
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log stderr warn;\ndaemon off;\nevents { worker_connections 256; }\nhttp {\n access_log off;\n client_body_temp_path ${dir}/b; proxy_temp_path ${dir}/p; fastcgi_temp_path ${dir}/f; uwsgi_temp_path ${dir}/u; scgi_temp_path ${dir}/s;\n upstream standin { server 127.0.0.1:${standInPort}; keepalive 16; }\n ${snippet}\n server { listen 127.0.0.1:${plain}; location / { proxy_pass http://standin; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; } }\n}\n`,
    );
    nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
    for (let i = 0; ; i++) {
      try {
        await get(plain, 'chatgpt.com');
        break;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    for (let i = 0; i < 300; i++) {
      await get(plain, 'chatgpt.com');
      await get(withAuth, 'chatgpt.com');
    }
    const p = [];
    const a = [];
    const cpuBefore = cpuMs(airlock.child.pid);
    for (let i = 0; i < requests; i++) {
      p.push(await get(plain, 'chatgpt.com'));
      a.push(await get(withAuth, 'chatgpt.com'));
    }
    const cpuPerAuthz = (cpuMs(airlock.child.pid) - cpuBefore) / requests;
    const r = {
      requests,
      plain: { p50Ms: pct(p, 50), p99Ms: pct(p, 99) },
      authRequest: { p50Ms: pct(a, 50), p99Ms: pct(a, 99) },
      airlockCpuMsPerAuthz: Math.round(cpuPerAuthz * 1000) / 1000,
    };
    r.addedMs = { p50: Math.round((r.authRequest.p50Ms - r.plain.p50Ms) * 1000) / 1000, p99: Math.round((r.authRequest.p99Ms - r.plain.p99Ms) * 1000) / 1000 };
    return r;
  } finally {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGTERM');
      await new Promise((r) => nginx.once('exit', r));
    }
    airlock.child.kill('SIGTERM');
    await new Promise((r) => airlock.child.once('exit', r));
    standIn.close();
    agent.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    await db.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await run(), null, 2));
