#!/usr/bin/env node
/**
 * The detectors against an older build of themselves, interleaved in one process (the machine is
 * shared: only CPU time measured side by side means something). Same texts as bench/detectors.mjs:
 * 1 MB of mixed prose, 1.3 MB of corpus samples back to back (dense), 10 KB prompts cut from the prose.
 * First checks that both builds return the same findings on every corpus sample (the generated
 * corpus and the issue-20 corpora) and on the big texts.
 *
 *   git worktree add /tmp/old <commit>   # or: git archive <commit> libs/detectors tsconfig.base.json | tar -x -C /tmp/old
 *   ln -s "$PWD/node_modules" /tmp/old/node_modules && (cd /tmp/old && npx tsc -p libs/detectors)
 *   npx tsc -p libs/detectors && node bench/detectors-compare.mjs /tmp/old [--quick]
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baseline = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!baseline) {
  console.error('usage: node bench/detectors-compare.mjs <root of the old build> [--quick]');
  process.exit(2);
}
const { loadCorpus, mixedProse, loadIssue20Corpus } = await import(pathToFileURL(join(root, 'bench/detectors.mjs')).href);
const A = require(join(resolve(baseline), 'libs/detectors/dist/index.js'));
const B = require(join(root, 'libs/detectors/dist/index.js'));
const samples = loadCorpus();
const quick = process.argv.includes('--quick');
const prose = mixedProse(samples, quick ? 256 * 1024 : 1 << 20);
const base = samples.map((s) => s.text).join('\n\n');
const dense = Array.from({ length: Math.ceil((quick ? 256 * 1024 : 1 << 20) / base.length) }, () => base).join('\n\n');
const prompts = [];
for (let off = 0; prompts.length < 20 && off < prose.length - 10240; off += 10240 * 3) prompts.push(prose.slice(off, off + 10240));
const insp = { old: A.compileInspector({}), new: B.compileInspector({}) };

let diff = 0;
const i20 = await loadIssue20Corpus();
for (const s of [...samples, ...i20.realistic, ...i20.obfuscations, { id: 'prose', text: prose }, { id: 'dense', text: dense }]) {
  if (JSON.stringify(insp.old.inspect(s.text)) !== JSON.stringify(insp.new.inspect(s.text))) {
    diff++;
    if (diff <= 5) console.log('different findings:', s.id);
  }
}
console.log(`texts with different findings: ${diff}`);

const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const res = { old: { prose: [], dense: [], lat: [] }, new: { prose: [], dense: [], lat: [] } };
for (const k of ['old', 'new']) for (let i = 0; i < 3; i++) { insp[k].inspect(prose); insp[k].inspect(dense); for (const p of prompts) insp[k].inspect(p); }
const rounds = quick ? 3 : 20;
for (let r = 0; r < rounds; r++) for (const k of r % 2 ? ['old', 'new'] : ['new', 'old']) {
  let c = cpu(); insp[k].inspect(prose); res[k].prose.push(cpu() - c);
  c = cpu(); insp[k].inspect(dense); res[k].dense.push(cpu() - c);
  for (let j = 0; j < 10; j++) for (const p of prompts) { const t = performance.now(); insp[k].inspect(p); res[k].lat.push(performance.now() - t); }
}
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const pb = Buffer.byteLength(prose) / 1e6, db = Buffer.byteLength(dense) / 1e6;
for (const k of ['old', 'new']) {
  const r = res[k];
  console.log(`${k}: prose ${(pct(r.prose, 50) / pb).toFixed(1)} ms CPU/MB (${((pb / pct(r.prose, 50)) * 1000).toFixed(1)} MB/s)  dense ${(pct(r.dense, 50) / db).toFixed(1)} ms CPU/MB (${((db / pct(r.dense, 50)) * 1000).toFixed(1)} MB/s)  10 KB p50 ${pct(r.lat, 50).toFixed(3)} p99 ${pct(r.lat, 99).toFixed(3)} ms`);
}
process.exitCode = diff === 0 ? 0 : 1;
