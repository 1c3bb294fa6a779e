// Scenarios run in the order of their export names (a module namespace is sorted): the last one blocks a service.
// The browser extension (apps/extension) in Debian's Chromium, unpacked, configured by a managed
// policy file as an admin would, on stand-ins of AI services' pages served over HTTPS under their
// real host names, against the real API on PostgreSQL (through a relay that records the
// extension's decision reports). What reaches the "AI service" is read from its request log.
/* global chrome, DataTransfer, File, DragEvent */
import { assert } from './harness.mjs';
import { startFixtureServer } from './extension/fixture-pages.mjs';
import { EXTENSION_ID, launchWithExtension, removeManagedPolicy, startRelay, storage, waitFor, writeManagedPolicy } from './extension/kit.mjs';

const AWS_KEY = 'AKIAQ3EGRJ5NEXAMPLE7';
const AWS_PROMPT = `Why does this fail? aws_access_key_id = ${AWS_KEY}`;
const EMAIL = 'jane.doe@clientcorp.com';
const USER = 'maria.admin@example.com';

async function signInApi(t) {
  const res = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: USER, password: t.adminPassword }) });
  assert(res.ok, `admin sign-in (${res.status})`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await res.json();
  return async (path, init = {}) => {
    const r = await fetch(`${t.baseUrl}${path}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...(init.method && init.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}) },
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** Starts the fixture service, the relay and Chromium with the extension configured by `config`. */
async function setUp(t, config, { relay: withRelay = true } = {}) {
  const fixture = await startFixtureServer();
  const relay = withRelay ? await startRelay(t.baseUrl) : null;
  writeManagedPolicy({ serverUrl: relay?.url ?? 'http://127.0.0.1:9', apiKey: t.bootstrapKey, userEmail: USER, reportIntervalSeconds: 1, ...config });
  const browser = await launchWithExtension(t, fixture.port);
  // Started: configuration read and the content scripts registered (a page opened before that, in
  // the first moments after installation, is not watched yet).
  await waitFor('the extension to start', async () => (await storage(browser.worker, 'status')).status?.configSource === 'managed' && (await browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length > 0, 30_000);
  const tearDown = async () => {
    // Each page as it was (when a step failed, the harness's own screenshots would come too late).
    for (const [i, page] of browser.context.pages().entries()) {
      await page.screenshot({ path: `${t.artifacts}/extension-last-${i}.png` }).catch(() => {});
    }
    await browser.close();
    removeManagedPolicy();
    if (relay?.up) await relay.stop();
    await fixture.close();
  };
  return { fixture, relay, ...browser, tearDown };
}

async function waitForPolicy(worker) {
  try {
    return await waitFor('the extension to fetch the policy', async () => (await storage(worker, 'policy')).policy?.bundle?.policyVersion, 30_000);
  } catch (err) {
    throw new Error(`${err.message}; the extension's status: ${JSON.stringify((await storage(worker, 'status')).status)}`, { cause: err });
  }
}

async function openComposer(t, context, host) {
  const page = await context.newPage();
  t.pages.push({ page, label: host });
  await page.goto(`https://${host}/`);
  await page.locator('#composer').click();
  return page;
}

/** A real paste (Ctrl+V) of `text` into the focused composer. */
async function paste(page, text) {
  await page.evaluate((s) => navigator.clipboard.writeText(s), text);
  await page.keyboard.press('Control+V');
}

const sentTexts = (fixture, host) => fixture.sent(host).map((r) => r.body);

export async function scenario1ManagedBlockRedactWarn(t) {
  const s = await setUp(t, { failMode: 'open' });
  try {
    // Managed configuration applied from the policy file.
    const version = await waitForPolicy(s.worker);
    const { status } = await storage(s.worker, 'status');
    assert(status.configSource === 'managed', `configuration from the managed policy (got ${status.configSource})`);
    assert(await s.worker.evaluate(() => chrome.runtime.id) === EXTENSION_ID, 'the manifest key gives the stable id');

    // chatgpt.com (approved): a pasted AWS key is blocked; the paste does not happen, nothing is sent.
    const gpt = await openComposer(t, s.context, 'chatgpt.com');
    await paste(gpt, AWS_PROMPT);
    const card = gpt.locator('[data-airlock-card="block"]');
    await card.waitFor();
    assert((await card.innerText()).includes('no-credentials'), 'the card names the rule');
    assert((await gpt.locator('#composer').inputValue()) === '', 'the paste did not happen');
    // Typed, then Enter and the send button: blocked at submit.
    await gpt.locator('#composer').click();
    await gpt.keyboard.type(`key ${AWS_KEY}`);
    await gpt.keyboard.press('Enter');
    await gpt.getByRole('button', { name: 'Send prompt' }).click();
    await gpt.locator('[data-airlock-card="block"]').waitFor();
    // An ordinary prompt goes through.
    await gpt.locator('#composer').fill('');
    await gpt.locator('#composer').click();
    await paste(gpt, 'Summarise the rules of chess');
    await gpt.getByRole('button', { name: 'Send prompt' }).click();
    await waitFor('the ordinary prompt to arrive', () => sentTexts(s.fixture, 'chatgpt.com').some((b) => b.includes('rules of chess')));
    assert(!s.fixture.requests.some((r) => r.body.includes(AWS_KEY)), 'the AWS key never reached the service (request log)');

    // A file with a key is not attached; a harmless CSV is.
    await gpt.locator('#file').setInputFiles({ name: 'deploy.env', mimeType: 'text/plain', buffer: Buffer.from(`AWS_ACCESS_KEY_ID=${AWS_KEY}\n`) });
    await gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    await gpt.locator('#file').setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from('region,total\nnorth,12\nsouth,7\n') });
    await waitFor('the CSV upload to arrive', () => s.fixture.sent('chatgpt.com').some((r) => r.path.includes('sales.csv')));
    // Dropped file with a key: blocked.
    await gpt.evaluate((key) => {
      const dt = new DataTransfer();
      dt.items.add(new File([`secret: aws_access_key_id=${key}`], 'notes.txt', { type: 'text/plain' }));
      document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, AWS_KEY);
    await gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'upload' }).waitFor();
    assert(!s.fixture.requests.some((r) => r.body.includes(AWS_KEY)), 'no file with the key reached the service');

    // gemini.google.com (restricted), contenteditable: the e-mail address arrives as [EMAIL_1].
    const gemini = await openComposer(t, s.context, 'gemini.google.com');
    await paste(gemini, `Draft a reply to ${EMAIL} about the invoice`);
    await gemini.locator('[data-airlock-card="redact"]').waitFor();
    const composed = await gemini.locator('#composer').innerText();
    assert(composed.includes('[EMAIL_1]') && !composed.includes(EMAIL), `the composer holds the redacted text (${composed})`);
    await gemini.getByRole('button', { name: 'Send prompt' }).click();
    await waitFor('the redacted prompt to arrive', () => sentTexts(s.fixture, 'gemini.google.com').some((b) => b.includes('[EMAIL_1]')));
    assert(!s.fixture.requests.some((r) => r.body.includes(EMAIL)), 'the address never reached the service');

    // poe.com (under review): coached; sent only after a reason is given.
    const poe = await openComposer(t, s.context, 'poe.com');
    await poe.keyboard.type('Write a haiku about autumn');
    await poe.keyboard.press('Enter');
    const warn = poe.getByRole('alertdialog', { name: 'Airlock: check before you send' });
    await warn.waitFor();
    assert(await warn.getByRole('button', { name: 'Continue' }).isDisabled(), 'Continue waits for a reason');
    await t.screenshot(poe, 'extension-warn-card');
    assert(sentTexts(s.fixture, 'poe.com').length === 0, 'nothing sent while the warning is open');
    await warn.getByLabel('Or in your own words').fill('Personal poetry, nothing confidential');
    await warn.getByRole('button', { name: 'Continue' }).click();
    await waitFor('the warned prompt to arrive after the reason', () => sentTexts(s.fixture, 'poe.com').some((b) => b.includes('haiku')));

    // The reports: every decision with its rules and classes, the override's reason, never the text.
    const reports = await waitFor('the reports to reach the server', () => {
      const r = s.relay.reports;
      return r.some((x) => x.override) && r.some((x) => x.effect === 'redact') && r.filter((x) => x.effect === 'block').length >= 3 ? r : null;
    });
    const warned = reports.find((x) => x.override);
    assert(warned.override.reason === 'Personal poetry, nothing confidential' && warned.effect === 'warn', `the override reason is reported (${JSON.stringify(warned)})`);
    assert(warned.reasons.some((r) => r.ruleId === 'coach-unreviewed'), 'the warn names its rule');
    const blocked = reports.find((x) => x.effect === 'block' && x.action === 'prompt');
    assert(blocked.findingClasses.includes('credentials') && blocked.reasons.some((r) => r.ruleId === 'no-credentials'), 'the block report has classes and rule ids');
    assert(reports.every((x) => x.source === 'extension' && x.policyVersion === version && x.subject.email === USER), 'reports carry source, version and subject');
    const raw = JSON.stringify(reports);
    assert(!raw.includes(AWS_KEY) && !raw.includes(EMAIL) && !raw.includes('haiku'), 'reports never carry prompt text');

    // The popup: version, connection, "why was this blocked".
    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    assert((await popup.locator('#policy-version').innerText()).includes(`version ${version}`), 'the popup shows the policy version');
    await popup.locator('#connection').filter({ hasText: 'Connected' }).waitFor();
    await popup.locator('summary').filter({ hasText: 'BLOCK' }).first().click();
    await popup.getByText('Rule: no-credentials').first().waitFor();
    await t.screenshot(popup, 'extension-popup');
  } finally {
    await s.tearDown();
  }
}
scenario1ManagedBlockRedactWarn.description = 'extension: managed config; AWS key blocked (paste, submit, file, drop); e-mail redacted; warn needs a reason; reports; popup';

export async function scenario2ServerDown(t) {
  // Fail-closed with no server ever reached: pastes on an AI service are blocked.
  let s = await setUp(t, { failMode: 'closed' }, { relay: false });
  try {
    const page = await openComposer(t, s.context, 'chatgpt.com');
    await paste(page, 'Summarise the rules of chess');
    await page.locator('[data-airlock-card="block"]').filter({ hasText: 'no policy' }).waitFor();
    assert((await page.locator('#composer').inputValue()) === '', 'fail-closed: the paste did not happen');
  } finally {
    await s.tearDown();
  }
  // Fail-open: the same paste goes through.
  s = await setUp(t, { failMode: 'open' }, { relay: false });
  try {
    const page = await openComposer(t, s.context, 'chatgpt.com');
    await paste(page, 'Summarise the rules of chess');
    await page.getByRole('button', { name: 'Send prompt' }).click();
    await waitFor('fail-open: the prompt to arrive', () => sentTexts(s.fixture, 'chatgpt.com').some((b) => b.includes('chess')));
  } finally {
    await s.tearDown();
  }
  // The server goes down after a policy was fetched: the last good policy keeps deciding.
  s = await setUp(t, { failMode: 'open' });
  try {
    await waitForPolicy(s.worker);
    await s.relay.stop();
    await s.worker.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }).catch(() => undefined));
    await waitFor('the popup state to say unreachable', async () => (await storage(s.worker, 'status')).status?.connection === 'unreachable');
    const page = await openComposer(t, s.context, 'chatgpt.com');
    await paste(page, AWS_PROMPT);
    await page.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    assert(!s.fixture.requests.some((r) => r.body.includes(AWS_KEY)), 'the key stays blocked with the server down');
  } finally {
    await s.tearDown();
  }
}
scenario2ServerDown.description = 'extension: server down: fail-closed and fail-open without a policy; last good policy kept';

export async function scenario3BlockedService(t) {
  const s = await setUp(t, { failMode: 'open' });
  try {
    await waitForPolicy(s.worker);
    // DeepSeek is blocked: navigating there lands on the block page with the reason and the portal link.
    const page = await s.context.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL((u) => u.href.startsWith(`chrome-extension://${EXTENSION_ID}/blocked.html`));
    await page.getByRole('heading', { name: /DeepSeek is blocked/ }).waitFor();
    await page.getByText('Rule: blocked-providers').waitFor();
    const review = await page.getByRole('link', { name: 'Request a review of this service' }).getAttribute('href');
    assert(review.endsWith('/#/portal/tools'), `the review link leads to the portal (${review})`);
    assert(!s.fixture.requests.some((r) => r.host === 'chat.deepseek.com'), 'the blocked service was never contacted');
    await t.screenshot(page, 'extension-block-page');

    // Gemini open in a tab; an admin blocks it in the console: the open tab is blocked within seconds.
    const gemini = await openComposer(t, s.context, 'gemini.google.com');
    const api = await signInApi(t);
    const providers = await api('/api/providers?range=[0,199]');
    const g = providers.find((p) => p.slug === 'google-gemini');
    const t0 = Date.now();
    await api(`/api/providers/${g.id}/block`, { method: 'POST', body: JSON.stringify({ reason: 'Extension test: block Gemini now' }) });
    await gemini.locator('[data-airlock-card="access-block"]').waitFor({ timeout: 10_000 });
    const seconds = (Date.now() - t0) / 1000;
    assert(seconds < 10, `the open tab is blocked within seconds (${seconds.toFixed(1)} s)`);
    process.stdout.write(`[browser]      provider blocked in the console -> overlay in the open tab: ${seconds.toFixed(1)} s\n`);
    await paste(gemini, 'anything');
    assert(sentTexts(s.fixture, 'gemini.google.com').length === 0, 'nothing reaches the blocked service');
  } finally {
    await s.tearDown();
  }
}
scenario3BlockedService.description = 'extension: block page for a blocked service; a provider blocked in the console is blocked in the open tab within seconds';
