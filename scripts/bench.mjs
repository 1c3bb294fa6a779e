#!/usr/bin/env node
// `npm run bench`: builds, then runs the peer benchmarks side by side and prints ratios:
//   1. in-process: the policy evaluator vs Cedar (bench/in-process.mjs)
//   2. over HTTP: /v1/decisions vs the Cerbos PDP, and vs a bare route of the same server (bench/http.mjs)
//   3. with --detectors (or `npm run bench:detectors`): detectors vs redact-pii (bench/detectors.mjs)
//   4. with --gateway (or `--gateway-only`): the AI gateway's added latency and time to first token
//      against calling the mock upstream directly, side by side (bench/gateway.mjs)
//   5. with --icap (or `--icap-only`): ICAP REQMOD through Debian's Squid against the same Squid without
//      ICAP, side by side: added latency, throughput, CPU per request (bench/icap.mjs; needs squid-openssl)
//   6. with --extension (or `npm run bench:extension`): paste-to-verdict in the page with the browser
//      extension in Debian's Chromium, 1, 10 and 50 KB prompts (bench/extension.mjs; needs root for
//      the managed policy file and /usr/bin/chromium)
//   7. with --network (or `--network-only`): nginx auth_request's added latency against a plain proxy
//      location of the same nginx, and Airlock's CPU per authorization (bench/nginx-authz.mjs)
//   8. `--soak-only`: ten minutes of mixed decisions at 200 connections, per minute (bench/soak.mjs)
//   9. `--scale-only`: the decision log at 100 million rows: load, size, the dashboard's, impact
//      preview's and Activity's reads, retention (bench/decision-log-scale.mjs; BENCH_DATABASE_URL)
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
      : args.has('--network-only')
        ? ['network']
        : args.has('--icap-only')
          ? ['icap']
          : args.has('--soak-only')
            ? ['soak']
            : args.has('--scale-only')
              ? ['scale']
          : ['in-process', 'http', ...(args.has('--detectors') ? ['detectors'] : []), ...(args.has('--gateway') ? ['gateway'] : []), ...(args.has('--icap') ? ['icap'] : []), ...(args.has('--extension') ? ['extension'] : []), ...(args.has('--network') ? ['network'] : [])];

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
  console.log(row('Airlock, 2 KB prompts', r.prompt2k));
  console.log(`   Airlock / Cerbos ${fx(r.ratioVsCerbos)} (target >= 3x: ${mark(r.ratioVsCerbos >= 3)}); p99 ${r.airlock.p99Ms} ms (target <= 10: ${mark(r.airlock.p99Ms <= 10)})`);
  console.log(`3. Framework overhead: decisions reach ${pct(r.shareOfBare)} of the bare route (target >= 50%: ${mark(r.shareOfBare >= 0.5)})`);
  if (r.airlock.serverCpuMicros) {
    console.log(`   CPU per request (medians): Airlock ${r.airlock.serverCpuMicros} µs + its PostgreSQL ${r.airlock.postgresCpuMicros} µs per decision | Cerbos ${r.cerbos.serverCpuMicros} µs per check (Cerbos / Airlock ${fx(r.cpuRatioVsCerbos ?? 0)}) | bare route ${r.bare.serverCpuMicros} µs | 2 KB prompt ${r.prompt2k.serverCpuMicros} µs + ${r.prompt2k.postgresCpuMicros} µs | load generator ${r.airlock.loadGeneratorCpuMicros} µs`);
    for (const [i, x] of r.perRound.entries()) console.log(`   round ${i + 1}: ${x.airlock.requestsPerSecond}/s vs Cerbos ${x.cerbos.requestsPerSecond}/s (${fx(x.ratioVsCerbos)}), Airlock CPU ${x.airlock.serverCpuMicros} + ${x.airlock.postgresCpuMicros} µs, Cerbos CPU ${x.cerbos.serverCpuMicros} µs, bare ${x.bare.serverCpuMicros} µs, 2 KB prompt ${x.prompt2k.serverCpuMicros} µs`);
  }
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
  console.log(`\nAI gateway: a ${r.promptBytes}-byte chat prompt, ${r.requests} requests each after ${r.warmupRounds} warm-up rounds, interleaved one at a time with the mock upstream in its own process`);
  console.log(row('mock upstream directly', r.direct));
  console.log(row('through /gateway/openai', r.gateway));
  console.log(row('through a bare Node relay', r.relay));
  console.log(`   added: p50 ${r.addedMs.p50} ms, p99 ${r.addedMs.p99} ms (target <= ${r.targets.addedP99.target}: ${mark(r.targets.addedP99.met)}); time to first token +${r.addedMs.ttftP50} ms p50, +${r.addedMs.ttftP99} ms p99; Airlock CPU ${r.cpuMsPerRequest} ms per request`);
  console.log(`   the floor, a relay that inspects nothing: added p50 ${r.relayAddedMs.p50} ms, p99 ${r.relayAddedMs.p99} ms; time to first token +${r.relayAddedMs.ttftP50} ms p50, +${r.relayAddedMs.ttftP99} ms p99`);
  const c = r.cpuMs;
  const ms = (x) => `${x.total} ms (kernel ${x.system})`;
  console.log(`   CPU per request, each kind alone, in turns (${c.requestsPerKind} requests each): Airlock ${ms(c.gatewayPlain)} non-streamed, ${ms(c.gatewayStream)} streamed | one decision of the same prompt on /v1/decisions ${ms(c.decision)} | the mock upstream (a bare Node HTTP server) ${ms(c.mockPlain)}, ${ms(c.mockStream)}`);
}
if (only.includes('icap')) {
  const m = await load('icap.mjs');
  const r = await m.run();
  results.icap = r;
  console.log(`\nICAP: Debian's Squid (SSL bump) with Airlock's REQMOD service vs the same Squid without ICAP, HTTPS stand-in for chat.deepseek.com`);
  for (const [kind, x] of Object.entries(r.latency)) {
    console.log(`   ${kind === 'prompt' ? `${r.promptBytes}-byte prompt (POST, body inspected)` : 'page asset (GET, 204 from headers)'}, ${r.requests} each, interleaved`);
    console.log(`      without ICAP p50 ${x.plain.p50Ms} ms p99 ${x.plain.p99Ms} ms | with ICAP p50 ${x.icap.p50Ms} ms p99 ${x.icap.p99Ms} ms | added p50 ${x.addedMs.p50} ms p99 ${x.addedMs.p99} ms`);
  }
  console.log(`   Airlock CPU per ICAP transaction: ${r.airlockCpuMsPerTransaction} ms`);
  for (const t of ['plain', 'icap']) {
    const x = r.throughput[t];
    console.log(`   throughput ${t === 'plain' ? 'without ICAP' : 'with ICAP   '} ${String(x.requestsPerSecond).padStart(6)}/s (${r.concurrency} clients, ${r.seconds} s, errors ${x.errors})  Squid CPU ${x.squidCpuMsPerRequest} ms/req  Airlock CPU ${x.airlockCpuMsPerRequest} ms/req`);
  }
  console.log(`   with / without ICAP: ${fx(r.throughputRatio)}`);
}

if (only.includes('extension')) {
  const m = await load('extension.mjs');
  const r = await m.run();
  results.extension = r;
  console.log(`\n4. Browser extension, paste-to-verdict in the page (Chromium, the extension as shipped; a paste every ${r.gapMs} ms${r.nice ? `; Chromium reniced to ${r.nice}` : ''}; 'none' = the same page without the extension; 'enter' = Enter in a contenteditable holding the text)`);
  console.log('   size  series          page p50/p99 ms   shown p50/p99 ms   handler p50/p99 ms   CPU/paste: page thread  all Chromium');
  for (const [size, series] of Object.entries(r.pasteToVerdict)) {
    for (const [name, x] of Object.entries(series)) {
      const handler = x.handlerP50Ms === undefined ? '-' : `${x.handlerP50Ms} / ${x.handlerP99Ms}`;
      console.log(`   ${size.padEnd(5)} ${`${name}${name === x.effect ? '' : ` (${x.effect})`}`.padEnd(14)}  ${`${x.pageP50Ms} / ${x.pageP99Ms}`.padEnd(16)}  ${`${x.shownP50Ms} / ${x.shownP99Ms}`.padEnd(17)}  ${handler.padEnd(19)}  ${String(x.pageCpuMsPerPaste).padStart(6)} ms  ${String(x.chromiumCpuMsPerPaste).padStart(10)} ms`);
    }
  }
  console.log(`   ${r.target.what}: ${mark(r.target.met)}`);
}

if (only.includes('network')) {
  const m = await load('nginx-authz.mjs');
  const r = await m.run();
  results.network = r;
  if (r.skipped) console.log(`\nnginx auth_request: skipped (${r.skipped})`);
  else {
    console.log(`\nnginx auth_request (docs/integrations/nginx.md) vs a plain proxy location of the same nginx: ${r.requests} GETs each, interleaved one at a time`);
    console.log(`   plain proxy      p50 ${r.plain.p50Ms} ms  p99 ${r.plain.p99Ms} ms`);
    console.log(`   auth_request     p50 ${r.authRequest.p50Ms} ms  p99 ${r.authRequest.p99Ms} ms`);
    console.log(`   added: p50 ${r.addedMs.p50} ms, p99 ${r.addedMs.p99} ms; Airlock CPU ${r.airlockCpuMsPerAuthz} ms per authorization`);
  }
}

if (only.includes('soak')) {
  const m = await load('soak.mjs');
  const r = await m.run();
  results.soak = r;
  console.log(`   soak: ${r.errors} errors in ${r.minutes} minutes (target 0: ${mark(r.errors === 0)})`);
}

if (only.includes('scale')) {
  const m = await load('decision-log-scale.mjs');
  const r = await m.run();
  results.scale = { ...r, reads: r.reads.map(({ plan: _plan, ...rest }) => rest) };
  const slowest = Math.max(...r.reads.filter((x) => !/50,000/.test(x.query)).map((x) => x.medianMs));
  console.log(`   slowest dashboard, impact (default) or Activity read: median ${slowest} ms (target < 200: ${mark(slowest < 200)})`);
}

console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage}`);
if (args.has('--write')) {
  const file = path.join(root, 'docs', 'benchmarks.results.json');
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');
  console.log(`Figures written to ${path.relative(process.cwd(), file)}`);
}
process.exit(0);
