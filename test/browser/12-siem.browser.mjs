// The owner adds a SIEM destination in the console (an HTTP collector of gzip JSON lines, started
// here on loopback, with a bearer token that is never shown back), presses the test button and sees
// that the event was delivered; the collector got it gzip-compressed with the token; the delivery
// status shows it. The destination is deleted at the end (the scenarios share one server).
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { assert } from './harness.mjs';

const TOKEN = 'siem-browser-token-do-not-show-4321';

function startCollector() {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const gzip = req.headers['content-encoding'] === 'gzip';
      const lines = (gzip ? gunzipSync(body) : body).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      received.push({ path: req.url, headers: req.headers, gzip, lines });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, received, port: server.address().port })));
}

export async function scenarioSiemDestination(t) {
  const collector = await startCollector();
  const page = await t.newPage({ label: 'owner' });
  try {
    await t.signIn(page, 'owner@example.com');
    await page.getByRole('menuitem', { name: 'Event streaming (SIEM)', exact: true }).click();
    await page.getByRole('link', { name: 'Create' }).first().click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('browser-collector');
    await page.getByRole('combobox', { name: 'Transport' }).click();
    await page.getByRole('option', { name: 'HTTP batches (gzip JSON lines)' }).click();
    await page.getByRole('combobox', { name: 'Format' }).click();
    await page.getByRole('option', { name: 'JSON (Airlock)' }).click();
    await page.getByRole('combobox', { name: 'Collector' }).click();
    await page.getByRole('option', { name: 'Any collector (POST of gzip JSON lines)' }).click();
    await page.getByRole('textbox', { name: 'URL', exact: true }).fill(`http://127.0.0.1:${collector.port}/ingest`);
    await page.getByLabel('Token', { exact: true }).fill(TOKEN);
    await t.screenshot(page, 'laptop-light-flow-siem-destination-new');
    await page.getByRole('button', { name: 'Save' }).click();

    // Saved: the edit page with the delivery card; the token is not in the page.
    const testButton = page.getByRole('button', { name: 'Send a test event' });
    await testButton.waitFor();
    assert(!(await page.content()).includes(TOKEN), 'the edit page never shows the token');
    await testButton.click();
    const status = page.getByRole('status').filter({ hasText: 'test event' });
    await status.waitFor();
    const text = await status.innerText();
    assert(text.includes('The test event was delivered'), `the console says the test event was delivered (${text})`);
    // The delivery status follows by itself: the test's own audit event is streamed like any other.
    await page.getByRole('row', { name: /^Sent [1-9]/ }).waitFor({ timeout: 20_000 });
    await t.capture(page, 'laptop-light-flow-siem-destination-tested');
    assert(collector.received.length >= 1, 'the collector got a request');
    const got = collector.received[0];
    assert(got.gzip && got.path === '/ingest', `gzip JSON lines at the configured URL (${got.path}, gzip ${got.gzip})`);
    assert(got.headers.authorization === `Bearer ${TOKEN}`, 'with the token from the console');
    assert(got.lines[0].type === 'audit' && got.lines[0].audit.action === 'siem_destination.test', `the test event (${JSON.stringify(got.lines[0]).slice(0, 200)})`);

    // The list shows the destination with what was sent.
    await page.getByRole('menuitem', { name: 'Event streaming (SIEM)', exact: true }).click();
    const row = page.getByRole('row', { name: /browser-collector/ });
    await row.waitFor();
    assert(!(await page.content()).includes(TOKEN), 'the list never shows the token');
  } finally {
    // Undo: delete the destination through the API (a session of its own), whatever happened above.
    const login = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@example.com', password: t.adminPassword }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = await login.json();
    const list = await (await fetch(`${t.baseUrl}/api/siem/destinations`, { headers: { cookie } })).json();
    for (const d of list.filter((x) => x.name === 'browser-collector')) {
      const del = await fetch(`${t.baseUrl}/api/siem/destinations/${d.id}`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
      assert(del.ok, `the destination is deleted again (${del.status})`);
    }
    collector.server.close();
  }
}
