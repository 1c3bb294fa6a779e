#!/usr/bin/env node
// Discovery import throughput and memory: generates a Squid access.log of DISCOVERY_BENCH_MB
// (default 300) MB, starts the built API (bench/airlock-server.mjs) on a throwaway PostgreSQL,
// streams the file to POST /api/discovery/imports and samples the API process's resident memory
// (VmRSS) every 100 ms. Prints MB/s and the RSS before, at peak and after. Needs `npm run build:ts`.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from '../scripts/lib/embedded-db.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targetMb = Number(process.env.DISCOVERY_BENCH_MB ?? 300);
const file = path.join(os.tmpdir(), `airlock-discovery-bench-${targetMb}mb.log`);
const password = 'bench password correct horse';
const AI = ['chat.openai.com', 'claude.ai', 'gemini.google.com', 'chat.deepseek.com', 'www.midjourney.com', 'api.groq.com'];

async function generate() {
  try {
    if (statSync(file).size >= targetMb * 1e6) return;
  } catch {
    // not there yet
  }
  const out = createWriteStream(file);
  const start = Math.floor(Date.now() / 1000) - 20 * 86_400;
  let written = 0;
  for (let i = 0; written < targetMb * 1e6; i++) {
    let chunk = '';
    for (let j = 0; j < 1000; j++, i++) {
      const host = i % 10 === 0 ? AI[i % AI.length] : `site${i % 20_000}.example.net`;
      chunk += `${start + Math.floor(i / 20)}.${String(i % 1000).padStart(3, '0')}    ${i % 900} 10.${(i >> 8) & 255}.${i & 255}.${i % 250} TCP_TUNNEL/200 ${i % 9000} CONNECT ${host}:443 user${i % 2000}@corp.example HIER_DIRECT/104.18.32.47 -\n`;
    }
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const t0 = Date.now();
await generate();
const size = statSync(file).size;
process.stderr.write(`log: ${(size / 1e6).toFixed(0)} MB (${((Date.now() - t0) / 1000).toFixed(1)} s to generate)\n`);
const pg = await startThrowawayPostgres();
await pg.createDatabase('bench');
const port = 3900 + Math.floor(Math.random() * 90);
const server = spawn(process.execPath, [path.join(root, 'bench/airlock-server.mjs')], {
  env: { ...process.env, DATABASE_URL: pg.url('bench'), PORT: String(port), AIRLOCK_ADMIN_EMAIL: 'bench@airlock.test', AIRLOCK_ADMIN_PASSWORD: password, AIRLOCK_DEMO_DATA: 'false', AIRLOCK_LOG_LEVEL: 'warn', AIRLOCK_LOGIN_RATE_LIMIT_PER_IP: '1000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => {
      const m = /READY (\S+)/.exec(String(d));
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`the API exited (${code})`)));
  });
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@airlock.test', password }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await login.json();
  const client = await fetch(`${url}/api/api-clients`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', scopes: ['discovery'] }) });
  const { key } = await client.json();
  const before = rssMb(server.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 100);
  const started = Date.now();
  const res = await fetch(`${url}/api/discovery/imports?format=auto&name=bench.log`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream', 'content-length': String(size) },
    body: Readable.toWeb(createReadStream(file, { highWaterMark: 1024 * 1024 })),
    duplex: 'half',
  });
  const body = await res.json();
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const after = rssMb(server.pid);
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(body)}`);
  const result = {
    fileMB: +(size / 1e6).toFixed(1),
    lines: body.lines,
    aiRecords: body.aiRecords,
    seconds: +seconds.toFixed(1),
    mbPerSecond: +(size / 1e6 / seconds).toFixed(1),
    linesPerSecond: Math.round(body.lines / seconds),
    rssBeforeMB: +before.toFixed(0),
    rssPeakMB: +peak.toFixed(0),
    rssAfterMB: +after.toFixed(0),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await pg.stop();
  if (process.env.DISCOVERY_BENCH_KEEP !== '1') rmSync(file, { force: true });
}
