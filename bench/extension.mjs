// Paste-to-verdict in the page with the browser extension (apps/extension): Debian's Chromium with
// the unpacked extension as shipped (dist/), stand-in pages over HTTPS, and a small server giving the
// extension a policy bundle (the default policy and the built-in catalog). Side by side in one run:
//   - allow: chatgpt.com (approved): the detectors run on every paste, nothing is shown;
//   - warn:  poe.com (under review): the same, and the coaching card is built and laid out;
//   - none:  chat.deepseek.com left out of the catalog, so no content script: the same pastes in a
//            page without the extension (the peer: what dispatching the event costs anyway);
//   - enter: gemini.google.com's contenteditable holding the text in paragraphs, Enter pressed: the
//            submit check (the editor's text read from the DOM, inspected, allowed).
// Each sample dispatches a paste in the page (main world) and reads the extension's verdict event:
//   handler = the content script's own measure (inspect + evaluate),
//   page    = the paste event's dispatch as the page sees it (verdict, card built),
//   shown   = page + the style and layout the card needs (forced at once, not waiting for a frame).
// Pastes are spaced (a macrotask apart, BENCH_GAP_MS, 10 by default) as a person's are, so garbage
// collection and the service worker's handling of the reports happen between them as they would;
// BENCH_GAP_MS=0 gives back-to-back pastes (a stress figure).
// CPU time per paste (the machine is shared: wall-time tails are mostly other processes):
//   pageCpu     = the page's main thread (DevTools Performance metrics in thread time: TaskDuration),
//   chromiumCpu = every process of this Chromium (/proc: the page's renderer, the extension's
//                 service worker storing and batching the reports, the browser process), minus nothing.
// BENCH_EXTENSION_NICE=-10 (root) renices this Chromium for the run (see below).
// BENCH_EXTENSION_PROFILE=<dir> also writes DevTools CPU profiles of the page for the 10 KB allow, warn and enter series.
//   node bench/extension.mjs            (or npm run bench:extension)
/* global DataTransfer, ClipboardEvent, KeyboardEvent */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const r2 = (x) => Math.round(x * 100) / 100;

/** A prompt of about `bytes` characters: prose with the odd e-mail address, number and code line. */
function prompt(bytes) {
  const parts = [
    'Please review the quarterly figures below and suggest how to present them to the board. ',
    'Contact ops-team@example.org if a number looks wrong; the invoice ref is INV-2024-0042. ',
    'function total(rows) { return rows.reduce((a, r) => a + r.amount, 0); }\n',
    'Revenue grew 12% in the north region while costs stayed flat at 3.4 million. ',
  ];
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += parts[i % parts.length];
  return out.slice(0, bytes);
}

const STATUS = { 'openai-chatgpt': 'approved', poe: 'under_review' };

function bundle() {
  const { defaultPolicyRules } = require(path.join(root, 'libs/policy-engine/dist/index.js'));
  const seed = require(path.join(root, 'prisma/seed/catalog.json'));
  const catalog = seed.providers
    // DeepSeek's page is the peer: no content script there.
    .filter((p) => p.slug !== 'deepseek')
    .map((p) => ({
      slug: p.slug, name: p.name, status: STATUS[p.slug] ?? 'approved', domains: p.domains, channels: p.channels,
      hqCountry: p.hqCountry ?? 'US', dataCountries: p.dataCountries ?? [], trainsOnInputs: p.trainsOnInputs ?? 'unknown', zeroRetentionOffer: Boolean(p.zeroRetentionOffer),
    }));
  if (!catalog.some((p) => p.slug === 'poe' && p.domains.includes('poe.com'))) throw new Error('the catalog has no poe.com entry for the warn series');
  return {
    policyVersion: 1, contentHash: 'bench', publishedAt: new Date().toISOString(), rules: defaultPolicyRules(), catalog, zones: [],
    detectors: { classes: [], settings: { allowEmailDomains: [], markings: [], defaultPhoneRegion: 'US' }, custom: [] },
    settings: { restrictedJurisdictions: ['CN'], decisionTtlSeconds: 60 },
  };
}

/** `pid` and all its descendants (/proc). */
function treePids(pid) {
  const children = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop();
    out.push(p);
    todo.push(...(children.get(p) ?? []));
  }
  return out;
}

/** user+system CPU ms of `pid` and all its descendants (/proc). */
function treeCpuMs(pid) {
  const children = new Map();
  const cpu = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ');
      const ppid = Number(f[1]);
      cpu.set(Number(d), (Number(f[11]) + Number(f[12])) * TICK_MS);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop();
    total += cpu.get(p) ?? 0;
    todo.push(...(children.get(p) ?? []));
  }
  return total;
}

/** The browser process of the Chromium using `profile` (its command line names the profile). */
function browserPid(profile) {
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => a === `--user-data-dir=${profile}`) && !cmd.some((a) => a.startsWith('--type='))) return Number(d);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/**
 * Runs `n` samples (after 20 of warm-up) in `page`; per-sample wall times from the page. `enter`:
 * instead of a paste, the composer (a contenteditable) holds `text` in paragraphs and Enter is
 * pressed (the submit check reads the editor's text); the page's own send is kept from running.
 */
function pasteSeries(page, text, n, gapMs, enter = false) {
  return page.evaluate(
    async ({ text, n, gapMs, enter }) => {
      const composer = document.getElementById('composer');
      composer.focus();
      if (enter) {
        // After the extension's window-level listener, before the page's: nothing is really sent.
        document.addEventListener('keydown', (e) => e.stopPropagation(), true);
      }
      const out = { handler: [], page: [], shown: [], effect: 'none' };
      let last;
      const onVerdict = (e) => (last = JSON.parse(e.detail));
      document.addEventListener('airlock:verdict', onVerdict);
      const ui = () => document.querySelector('airlock-ui')?.shadowRoot;
      for (let i = 0; i < n + 20; i++) {
        if (gapMs > 0) await new Promise((ok) => setTimeout(ok, gapMs));
        let event;
        if (enter) {
          const paragraphs = (text + i).match(/[^]{1,400}/g);
          composer.replaceChildren(...paragraphs.map((p) => Object.assign(document.createElement('p'), { textContent: p })));
          void document.body.offsetHeight;
          event = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true });
        } else {
          const dt = new DataTransfer();
          dt.setData('text/plain', text + i);
          event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
        }
        last = null;
        const t0 = performance.now();
        composer.dispatchEvent(event);
        const t1 = performance.now();
        // What the next frame would do for the answer: style and layout of the card, if one was built.
        ui()?.querySelector('.card')?.getBoundingClientRect();
        void document.body.offsetHeight;
        const t2 = performance.now();
        if (i >= 20) {
          out.page.push(t1 - t0);
          out.shown.push(t2 - t0);
          if (last) out.handler.push(last.ms);
        }
        if (last) out.effect = last.effect;
        ui()?.querySelectorAll('.card').forEach((c) => c.remove());
      }
      document.removeEventListener('airlock:verdict', onVerdict);
      return out;
    },
    { text, n, gapMs, enter },
  );
}

export async function run({ samples = Number(process.env.BENCH_SAMPLES ?? 300), sizes = [1024, 10 * 1024, 50 * 1024], gapMs = Number(process.env.BENCH_GAP_MS ?? 10) } = {}) {
  execFileSync(process.execPath, [path.join(root, 'apps/extension/build.mjs')], { stdio: 'ignore' });
  const kit = await import(pathToFileURL(path.join(root, 'test/browser/extension/kit.mjs')).href);
  const { startFixtureServer } = await import(pathToFileURL(path.join(root, 'test/browser/extension/fixture-pages.mjs')).href);
  const body = JSON.stringify(bundle());
  const server = http.createServer((req, res) => {
    if (req.url === '/v1/bundle') res.writeHead(200, { 'content-type': 'application/json', etag: '"bench"' }).end(body);
    else if (req.url === '/v1/decisions/report') req.resume().on('end', () => res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":0}'));
    else res.writeHead(404).end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const fixture = await startFixtureServer();
  kit.writeManagedPolicy({ serverUrl: `http://127.0.0.1:${server.address().port}`, apiKey: 'ak_bench', userEmail: 'bench@example.com', failMode: 'open' });
  const browser = await kit.launchWithExtension({ contexts: [] }, fixture.port);
  try {
    await kit.waitFor('the bundle', async () => (await kit.storage(browser.worker, 'policy')).policy?.bundle, 60_000);
    const pid = browserPid(browser.profile);
    // BENCH_EXTENSION_NICE=-10 (root): this Chromium's processes at a higher priority than the other
    // jobs of a shared machine, to approximate a desktop where the browser is not starved of CPU.
    // Reported with the figures; the CPU times do not depend on it.
    const nice = process.env.BENCH_EXTENSION_NICE;
    if (nice && pid) execFileSync('renice', ['-n', nice, '-p', ...treePids(pid).map(String)], { stdio: 'ignore' });
    const pages = {};
    for (const [series, host] of [['allow', 'chatgpt.com'], ['warn', 'poe.com'], ['none', 'chat.deepseek.com'], ['enter', 'gemini.google.com']]) {
      const page = await browser.context.newPage();
      await page.goto(`https://${host}/`);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      pages[series] = { page, cdp };
    }
    const taskSeconds = async (cdp) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    const out = {};
    for (const size of sizes) {
      const label = `${Math.round(size / 1024)}KB`;
      const text = prompt(size);
      out[label] = {};
      for (const series of ['none', 'allow', 'warn', 'enter']) {
        const { page, cdp } = pages[series];
        const profile = process.env.BENCH_EXTENSION_PROFILE && series !== 'none' && size === 10 * 1024;
        if (profile) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        const cpu0 = pid ? treeCpuMs(pid) : NaN;
        const task0 = await taskSeconds(cdp);
        const r = await pasteSeries(page, text, samples, gapMs, series === 'enter');
        const task1 = await taskSeconds(cdp);
        const cpu1 = pid ? treeCpuMs(pid) : NaN;
        if (profile) {
          const { profile: p } = await cdp.send('Profiler.stop');
          fs.mkdirSync(process.env.BENCH_EXTENSION_PROFILE, { recursive: true });
          fs.writeFileSync(path.join(process.env.BENCH_EXTENSION_PROFILE, `extension-${series}-10KB.cpuprofile`), JSON.stringify(p));
        }
        const n = samples + 20;
        out[label][series] = {
          effect: r.effect,
          pageP50Ms: r2(percentile(r.page, 50)),
          pageP99Ms: r2(percentile(r.page, 99)),
          shownP50Ms: r2(percentile(r.shown, 50)),
          shownP99Ms: r2(percentile(r.shown, 99)),
          ...(r.handler.length ? { handlerP50Ms: r2(percentile(r.handler, 50)), handlerP99Ms: r2(percentile(r.handler, 99)) } : {}),
          // Per paste, the series' whole CPU divided by its pastes (warm-up included in both).
          pageCpuMsPerPaste: r2(((task1 - task0) * 1000) / n),
          chromiumCpuMsPerPaste: r2((cpu1 - cpu0) / n),
          samples,
        };
      }
    }
    const ten = out['10KB'];
    const worst = ten ? Math.max(ten.allow.shownP99Ms, ten.warn.shownP99Ms) : NaN;
    return {
      pasteToVerdict: out,
      gapMs,
      nice: nice ? Number(nice) : 0,
      target: { what: 'p99 paste-to-verdict (card shown) at 10 KB <= 16 ms', worstP99Ms: worst, met: worst <= 16 },
    };
  } finally {
    await browser.close();
    kit.removeManagedPolicy();
    await fixture.close();
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.log(JSON.stringify(r, null, 2));
}
