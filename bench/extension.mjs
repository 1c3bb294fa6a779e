// Paste-to-verdict in the page with the browser extension (apps/extension): Debian's Chromium with
// the unpacked extension, a stand-in chatgpt.com page over HTTPS, and a small server giving the
// extension a policy bundle (the default policy and the built-in catalog, every service approved;
// BENCH_EXTENSION_STATUS=under_review makes ChatGPT coached, so each paste also builds the warn card).
// The detectors run on every paste either way (the default rules look at data classes). Each sample dispatches a paste event
// in the page and reads the extension's verdict event: `inHandler` is the content script's own
// measure (inspect + evaluate), `page` adds event dispatch as the page sees it.
//   node bench/extension.mjs            (or npm run bench -- --extension)
/* global DataTransfer, ClipboardEvent */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

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

function bundle() {
  const { defaultPolicyRules } = require(path.join(root, 'libs/policy-engine/dist/index.js'));
  const seed = require(path.join(root, 'prisma/seed/catalog.json'));
  const catalog = seed.providers.map((p) => ({
    slug: p.slug, name: p.name, status: p.slug === 'openai-chatgpt' ? (process.env.BENCH_EXTENSION_STATUS ?? 'approved') : 'approved', domains: p.domains, channels: p.channels,
    hqCountry: p.hqCountry ?? 'US', dataCountries: p.dataCountries ?? [], trainsOnInputs: p.trainsOnInputs ?? 'unknown', zeroRetentionOffer: Boolean(p.zeroRetentionOffer),
  }));
  return {
    policyVersion: 1, contentHash: 'bench', publishedAt: new Date().toISOString(), rules: defaultPolicyRules(), catalog, zones: [],
    detectors: { classes: [], settings: { allowEmailDomains: [], markings: [], defaultPhoneRegion: 'US' }, custom: [] },
    settings: { restrictedJurisdictions: ['CN'], decisionTtlSeconds: 60 },
  };
}

export async function run({ samples = Number(process.env.BENCH_SAMPLES ?? 300), sizes = [1024, 10 * 1024, 50 * 1024] } = {}) {
  execFileSync(process.execPath, [path.join(root, 'apps/extension/build.mjs')], { stdio: 'ignore' });
  const kit = await import(pathToFileURL(path.join(root, 'test/browser/extension/kit.mjs')).href);
  const { startFixtureServer } = await import(pathToFileURL(path.join(root, 'test/browser/extension/fixture-pages.mjs')).href);
  const body = JSON.stringify(bundle());
  const server = http.createServer((req, res) => {
    if (req.url === '/v1/bundle') res.writeHead(200, { 'content-type': 'application/json', etag: '"bench"' }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const fixture = await startFixtureServer();
  kit.writeManagedPolicy({ serverUrl: `http://127.0.0.1:${server.address().port}`, apiKey: 'ak_bench', userEmail: 'bench@example.com', failMode: 'open' });
  const browser = await kit.launchWithExtension({ contexts: [] }, fixture.port);
  try {
    await kit.waitFor('the bundle', async () => (await kit.storage(browser.worker, 'policy')).policy?.bundle, 60_000);
    const page = await browser.context.newPage();
    await page.goto('https://chatgpt.com/');
    const out = {};
    for (const size of sizes) {
      const r = await page.evaluate(
        ({ text, n }) => {
          const composer = document.getElementById('composer');
          composer.focus();
          const inHandler = [];
          const pageMs = [];
          let last = null;
          document.addEventListener('airlock:verdict', (e) => (last = JSON.parse(e.detail)));
          for (let i = 0; i < n + 20; i++) {
            const dt = new DataTransfer();
            dt.setData('text/plain', text + i);
            last = null;
            const t0 = performance.now();
            composer.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
            const t1 = performance.now();
            if (!last) throw new Error('no verdict');
            if (i >= 20) {
              inHandler.push(last.ms);
              pageMs.push(t1 - t0);
            }
            document.querySelector('airlock-ui')?.shadowRoot?.querySelectorAll('.card').forEach((c) => c.remove());
          }
          return { inHandler, pageMs, effect: last.effect };
        },
        { text: prompt(size), n: samples },
      );
      const label = `${Math.round(size / 1024)}KB`;
      out[label] = {
        effect: r.effect,
        p50Ms: +percentile(r.pageMs, 50).toFixed(2),
        p99Ms: +percentile(r.pageMs, 99).toFixed(2),
        inHandlerP50Ms: +percentile(r.inHandler, 50).toFixed(2),
        inHandlerP99Ms: +percentile(r.inHandler, 99).toFixed(2),
        samples,
      };
    }
    return { pasteToVerdict: out, target: { what: 'p99 paste-to-verdict at 10 KB <= 16 ms', met: out['10KB'].p99Ms <= 16 } };
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
