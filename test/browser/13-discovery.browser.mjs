// Shadow-AI discovery in the console: an admin imports a proxy log and watches the progress bar,
// reads the bad lines by number, sees the charts and the services (one outside the catalog, flagged
// for review), adds it to the catalog under review with one click, and finds it marked on the
// dashboard as discovered. axe-core on the page: zero serious or critical violations. The scenario
// deletes what it created (the catalog entry and the import), as scenarios share one server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert } from './harness.mjs';

/** A Squid access.log: ~33 MB, AI traffic to ChatGPT, Claude and Midjourney (outside the catalog), two bad lines. */
const LINES = 300_000;
// Lines 8 and 250001 are bad; AI hosts are every first three of six.
const AI = Array.from({ length: LINES }, (_, i) => i).filter((i) => i % 6 < 3 && i !== 7 && i !== 250_000).length;

function squidLog() {
  const start = Math.floor(Date.now() / 1000) - 5 * 86_400;
  const hosts = ['chat.openai.com', 'claude.ai', 'cdn.midjourney.com', 'www.example.net', 'news.example.org', 'intranet.example.com'];
  const lines = [];
  for (let i = 0; i < LINES; i++) {
    if (i === 7 || i === 250_000) {
      lines.push(`${start + i} broken line`);
      continue;
    }
    lines.push(`${start + i}.000    ${i % 700} 10.${i % 3}.${i % 200}.${i % 250} TCP_TUNNEL/200 ${i % 5000} CONNECT ${hosts[i % hosts.length]}:443 person${i % 300}@example.com HIER_DIRECT/104.18.32.47 -`);
  }
  return lines.join('\n') + '\n';
}

async function api(page, method, url, body) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const { csrfToken } = await (await fetch('/api/auth/me')).json();
      const headers = { 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
      const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    { method, url, body },
  );
}

export async function scenarioDiscoveryImport(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'airlock-discovery-browser-'));
  const file = path.join(dir, 'access.log');
  writeFileSync(file, squidLog());
  const page = await t.newPage({ label: 'admin' });
  let providerId = null;
  let failure = null;
  try {
    await t.signIn(page, 'maria.admin@example.com');
    await page.getByRole('menuitem', { name: 'Discovery', exact: true }).click();
    await page.getByRole('heading', { name: 'Discovery', level: 2 }).waitFor();

    // Upload, watching the progress bar move before the import ends. The upload is held to 8 MB/s
    // (about four seconds for this 33 MB log) so that the import, which reads the body as it
    // arrives, is still running when the page polls: on a fast machine it could end between polls.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 8 * 1024 * 1024 });
    await page.getByLabel('Log file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    const seen = new Set();
    const done = page.getByText(/lines read as squid/);
    for (let i = 0; i < 600 && !(await done.isVisible()); i++) {
      seen.add(await bar.getAttribute('aria-valuenow'));
      await page.waitForTimeout(50);
    }
    await done.waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    seen.add(await bar.getAttribute('aria-valuenow'));
    assert(seen.has('100'), `the bar reaches 100% (${[...seen].join(', ')})`);
    assert([...seen].some((v) => v !== '0' && v !== '100'), `the bar showed progress in between (${[...seen].join(', ')})`);
    const summary = await done.innerText();
    const expected = `${LINES.toLocaleString('en-US')} lines read as squid: ${(LINES - 2).toLocaleString('en-US')} requests, ${AI.toLocaleString('en-US')} to AI services, 2 bad lines`;
    assert(summary.includes(expected), `the import's figures: ${summary} (expected ${expected})`);
    const bad = page.getByRole('table', { name: 'Bad lines' }).first();
    await bad.waitFor();
    const badText = await bad.innerText();
    assert(badText.includes('8') && badText.includes('250001'), `the bad lines are listed by number: ${badText}`);

    // The charts and the services.
    const chart = page.getByRole('figure', { name: 'Requests per day' });
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    assert((await chart.locator('.recharts-bar-rectangle').count()) >= 3, 'the per-day chart has bars');
    const services = page.getByRole('table', { name: 'AI services used' });
    await services.getByRole('row', { name: /Midjourney/ }).waitFor();
    assert((await services.getByRole('row', { name: /Midjourney/ }).innerText()).includes('Not in the catalog: review'), 'Midjourney is flagged for review');
    assert((await services.innerText()).includes('OpenAI ChatGPT'), 'catalog services are listed');
    await t.capture(page, 'laptop-light-discovery');

    // The dashboard lists the discovered services, marked as such.
    await page.goto('/#/');
    const discovered = page.getByRole('list', { name: 'Discovered in imported logs' });
    await discovered.waitFor();
    const list = await discovered.innerText();
    assert(/discovered/.test(list) && /Midjourney/.test(list) && /not in the catalog/.test(list), `the dashboard marks discovered traffic: ${list}`);

    // One click: Midjourney into the catalog, under review.
    await page.goto('/#/discovery');
    await page.getByRole('button', { name: 'Add to catalog: Midjourney', exact: true }).click();
    await page.waitForURL((u) => /#\/providers\/[0-9a-f-]+$/.test(u.hash));
    providerId = /#\/providers\/([0-9a-f-]+)$/.exec(page.url())[1];
    await page.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
    assert((await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()) === 'Midjourney', 'the new catalog entry is Midjourney');
    const created = await api(page, 'GET', `/api/providers/${providerId}`);
    assert(created.body.status === 'under_review' && created.body.domains.includes('*.midjourney.com'), `added under review with its domains: ${JSON.stringify(created.body).slice(0, 200)}`);
    await page.goto('/#/discovery');
    await services.getByRole('row', { name: /Midjourney/ }).waitFor();
    assert(!(await services.getByRole('row', { name: /Midjourney/ }).innerText()).includes('Not in the catalog'), 'Midjourney now counts as the catalog entry');
  } catch (err) {
    failure = err;
  }
  // Undo: the catalog entry and the import (with its figures). Never masks the scenario's own failure.
  {
    try {
      if (providerId) await api(page, 'DELETE', `/api/providers/${providerId}`);
      const imports = await api(page, 'GET', '/api/discovery/imports');
      for (const i of Array.isArray(imports.body) ? imports.body : []) if (i.fileName === 'access.log') await api(page, 'DELETE', `/api/discovery/imports/${i.id}`);
      const left = await api(page, 'GET', '/api/discovery/imports');
      assert(!left.body.some((i) => i.fileName === 'access.log'), 'the import is deleted');
      if (providerId) {
        const still = await api(page, 'GET', `/api/providers?filter=${encodeURIComponent(JSON.stringify({ id: [providerId] }))}`);
        assert(Array.isArray(still.body) && still.body.length === 0, 'the catalog entry is deleted');
      }
    } catch (err) {
      // Never signed in: nothing was created. Otherwise the undo itself failed: say so.
      if (providerId) failure ??= err;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  if (failure) throw failure;
}
scenarioDiscoveryImport.description = 'a log imported with a progress bar; bad lines, charts, a service outside the catalog added under review; the dashboard marks discovered traffic';
