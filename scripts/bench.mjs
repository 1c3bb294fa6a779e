#!/usr/bin/env node
// `npm run bench`: builds, then runs the peer benchmarks side by side and prints ratios:
//   1. in-process: the policy evaluator vs Cedar (bench/in-process.mjs)
//   2. over HTTP: /v1/decisions vs the Cerbos PDP, and vs a bare route of the same server (bench/http.mjs)
//   3. with --detectors (or `npm run bench:detectors`): detectors vs redact-pii (bench/detectors.mjs)
//   4. with --gateway (or `--gateway-only`): the AI gateway's added latency and time to first token
//      against calling the mock upstream directly, side by side (bench/gateway.mjs)
//   5. with --extension (or `npm run bench:extension`): paste-to-verdict in the page with the browser
//      extension in Debian's Chromium, 1, 10 and 50 KB prompts (bench/extension.mjs; needs root for
//      the managed policy file and /usr/bin/chromium)
// `--write` records the figures and the machine in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const only = args.has('--detectors-only')
  ? ['detectors']
  : args.has('--gateway-only')
    ? ['gateway']
    : args.has('--extension-only')
      ? ['extension']
      : ['in-process', 'http', ...(args.has('--detectors') ? ['detectors'] : []), ...(args.has('--gateway') ? ['gateway'] : []), ...(args.has('--extension') ? ['extension'] : [])];

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const load = (file) => import(pathToFileURL(path.join(root, 'bench', file)).href);
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  date: new Date().toISOString(),
};
const results = { machine };
const pct = (x) => `${(x * 100).toFixed(0)}%`;
const fx = (x) => `${x.toFixed(1)}x`;
const mark = (ok) => (ok ? 'met' : 'NOT met');

if (only.includes('in-process')) {
  const m = await load('in-process.mjs');
  const r = await m.run();
  results.inProcess = r;
  const s = r.series;
  console.log('\n1. In-process: policy evaluator vs Cedar (cedar-wasm, preparsed policy set), same rules, same requests');
  for (const k of ['access', 'prompt', 'upload', 'mix']) {
    const x = s[k];
    console.log(`   ${k.padEnd(7)} ours median ${x.ours.medianMicros} µs, p99 ${x.ours.p99Micros} µs | Cedar median ${x.cedar.medianMicros} µs | throughput ${fx(x.throughputRatio)}`);
  }
  console.log(`   access with a subject looked up in a 5,000-person directory: median ${s.accessWithSubject.ours.medianMicros} µs, p99 ${s.accessWithSubject.ours.p99Micros} µs`);
  console.log(`   agreement allow/deny ${r.agreement.allowDenyPercent}%; median access ${s.access.ours.medianMicros} µs (target <= 2: ${mark(r.targets.ourMedianAccessMicros.met)}); throughput ${fx(s.mix.throughputRatio)} Cedar (target >= 20x: ${mark(r.targets.throughputRatio.met)})`);
}

if (only.includes('http')) {
  const m = await load('http.mjs');
  const r = await m.run({ seconds: Number(process.env.BENCH_SECONDS ?? 5), rounds: Number(process.env.BENCH_ROUNDS ?? 3) });
  results.http = r;
  const row = (name, x) => `   ${name.padEnd(30)} ${String(x.requestsPerSecond).padStart(7)}/s  p50 ${x.p50Ms} ms  p99 ${x.p99Ms} ms  errors ${x.errors}`;
  console.log(`\n2. Over HTTP on loopback, autocannon, ${r.connections} connections, Airlock workers ${r.workers}, medians of ${r.rounds} rounds of ${r.seconds} s per target (allow/deny agreement ${pct(r.agreement)})`);
  console.log(row('Airlock POST /v1/decisions', r.airlock));
  console.log(row('Cerbos /api/check/resources', r.cerbos));
  console.log(row('bare route, same server', r.bare));
  console.log(`   Airlock / Cerbos ${fx(r.ratioVsCerbos)} (target >= 3x: ${mark(r.ratioVsCerbos >= 3)}); p99 ${r.airlock.p99Ms} ms (target <= 10: ${mark(r.airlock.p99Ms <= 10)})`);
  console.log(`3. Framework overhead: decisions reach ${pct(r.shareOfBare)} of the bare route (target >= 50%: ${mark(r.shareOfBare >= 0.5)})`);
}

if (only.includes('detectors')) {
  const m = await load('detectors.mjs');
  const r = await m.run();
  results.detectors = r;
  console.log('\nDetectors vs redact-pii on the labelled corpus (test/fixtures/detectors)');
  for (const [cls, v] of Object.entries(r.ours.perClass)) console.log(`   ${cls.padEnd(22)} P ${v.precision} R ${v.recall} F1 ${v.f1}${r.redactPii.perClass[cls] ? `   redact-pii F1 ${r.redactPii.perClass[cls].f1}` : ''}`);
  const i20 = r.issue20;
  console.log(`   issue-20 corpus: micro P ${i20.realistic.overall.precision} R ${i20.realistic.overall.recall} F1 ${i20.realistic.overall.f1}; person names P ${i20.names.precision} R ${i20.names.recall}; obfuscations caught ${i20.obfuscations.caught}/${i20.obfuscations.total}`);
  console.log(`   dense 1 MB: ${r.speed.oursDenseMBps} MB/s (CPU ${r.speed.oursCpuMsPerDenseDoc} ms per document, ${r.speed.oursDenseCpuMBps} MB/s of CPU)`);
  console.log(`   ${r.speed.oursMBps} MB/s vs redact-pii ${r.speed.redactPiiMBps} MB/s (${r.speed.ratio}x); 10 KB prompt p50 ${r.speed.p50Ms10KB} ms p99 ${r.speed.p99Ms10KB} ms`);
  for (const t of r.targets) if (!t.met) console.log(`   NOT met: ${t.what}: ${t.value} (target ${t.target})`);
}

if (only.includes('gateway')) {
  const m = await load('gateway.mjs');
  const r = await m.run();
  results.gateway = r;
  const row = (name, x) => `   ${name.padEnd(26)} latency p50 ${x.latency.p50Ms} ms  p99 ${x.latency.p99Ms} ms | time to first token p50 ${x.ttft.p50Ms} ms  p99 ${x.ttft.p99Ms} ms`;
  console.log(`\nAI gateway: a ${r.promptBytes}-byte chat prompt, ${r.requests} requests each, interleaved one at a time with the mock upstream in its own process`);
  console.log(row('mock upstream directly', r.direct));
  console.log(row('through /gateway/openai', r.gateway));
  console.log(`   added: p50 ${r.addedMs.p50} ms, p99 ${r.addedMs.p99} ms (target <= ${r.targets.addedP99.target}: ${mark(r.targets.addedP99.met)}); time to first token +${r.addedMs.ttftP50} ms p50, +${r.addedMs.ttftP99} ms p99; Airlock CPU ${r.cpuMsPerRequest} ms per request`);
}
if (only.includes('extension')) {
  const m = await load('extension.mjs');
  const r = await m.run();
  results.extension = r;
  console.log('\n4. Browser extension, paste-to-verdict in the page (Chromium, content script decides locally)');
  for (const [size, x] of Object.entries(r.pasteToVerdict)) {
    console.log(`   ${size.padEnd(5)} p50 ${x.p50Ms} ms  p99 ${x.p99Ms} ms  (in the handler p50 ${x.inHandlerP50Ms} ms, p99 ${x.inHandlerP99Ms} ms; ${x.samples} pastes, ${x.effect})`);
  }
  console.log(`   ${r.target.what}: ${mark(r.target.met)}`);
}

console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage}`);
if (args.has('--write')) {
  const file = path.join(root, 'docs', 'benchmarks.results.json');
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');
  console.log(`Figures written to ${path.relative(process.cwd(), file)}`);
}
process.exit(0);
