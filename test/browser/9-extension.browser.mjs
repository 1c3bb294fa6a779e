// Scenarios run in the order of their export names (a module namespace is sorted): the last one blocks a service.
// The browser extension (apps/extension) in Debian's Chromium, unpacked, configured by a managed
// policy file as an admin would, on stand-ins of AI services' pages served over HTTPS under their
// real host names, against the real API on PostgreSQL (through a relay that forwards everything and
// records the extension's decision reports). What reaches the "AI service" is read from its request
// log; what the server kept, from its database.
/* global chrome, DataTransfer, File, DragEvent, CSS, getSelection */
import { assert } from './harness.mjs';
import { startFixtureServer } from './extension/fixture-pages.mjs';
import { EXTENSION_ID, launchWithExtension, removeManagedPolicy, startRelay, storage, tablesContaining, waitFor, withDatabase, signedInApi, writeManagedPolicy } from './extension/kit.mjs';
import { docx, pdf, xlsx } from './extension/office-files.mjs';

const AWS_KEY = 'AKIAQ3EGRJ5NEXAMPLE7';
const AWS_PROMPT = `Why does this fail? aws_access_key_id = ${AWS_KEY}`;
const EMAIL = 'jane.doe@clientcorp.com';
const USER = 'maria.admin@example.com';

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

/** Sends `message` to the service worker as the popup would (a worker's own sendMessage does not reach it). */
async function askWorker(context, message) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    return await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}

async function waitForPolicy(worker) {
  try {
    return await waitFor('the extension to fetch the policy', async () => (await storage(worker, 'policy')).policy?.bundle?.policyVersion, 30_000);
  } catch (err) {
    throw new Error(`${err.message}; the extension's status: ${JSON.stringify((await storage(worker, 'status')).status)}`, { cause: err });
  }
}

async function openComposer(t, context, host, path = '/') {
  const page = await context.newPage();
  t.pages.push({ page, label: host });
  await page.goto(`https://${host}${path}`);
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

    // The server took them: in the decision log (PostgreSQL), each once, marked as the extension's,
    // the override with its reason; and no prompt text in any table of the database.
    const ids = [...new Set(reports.map((x) => x.id))];
    const logged = await withDatabase(t, async (db) => {
      const rows = await waitFor('the reports in the decision log', async () => {
        const { rows: r } = await db.query(
          `SELECT "correlationId", "effect"::text AS effect, "source", "overrideReason", "ruleIds", "dataClasses", "providerSlug", "subjectId"
             FROM "DecisionLog" WHERE "correlationId" = ANY($1)`,
          [ids],
        );
        return r.length >= ids.length ? r : null;
      });
      const leaks = await tablesContaining(db, [AWS_KEY, EMAIL, 'haiku about autumn', 'rules of chess']);
      assert(leaks.length === 0, `no prompt text stored in the database (found in ${leaks.join(', ')})`);
      return rows;
    });
    assert(logged.length === ids.length, `each reported decision logged once (${logged.length} rows for ${ids.length} reports)`);
    const badAnswer = s.relay.answers.find((a) => a.status !== 202 || a.body?.rejected?.length);
    assert(!badAnswer, `the server accepted every report (${JSON.stringify(badAnswer)})`);
    assert(logged.every((r) => r.source === 'extension' && r.subjectId === USER), 'logged as the extension’s, for the user');
    const warnedRow = logged.find((r) => r.correlationId === warned.id);
    assert(
      warnedRow.effect === 'warn' && warnedRow.overrideReason === 'Personal poetry, nothing confidential' && warnedRow.ruleIds.includes('coach-unreviewed'),
      `the override and its reason are in the decision log (${JSON.stringify(warnedRow)})`,
    );
    const blockedRow = logged.find((r) => r.correlationId === blocked.id);
    assert(blockedRow.effect === 'block' && blockedRow.overrideReason === null && blockedRow.dataClasses.includes('credentials'), `the block is logged (${JSON.stringify(blockedRow)})`);
    // And the console's dashboard counts the override for that service.
    const api = await signedInApi(t, USER);
    await waitFor('the dashboard to count the override (per service and per group)', async () => {
      const rates = await api('/api/dashboard/overrides?days=1');
      // The user's group comes from the server's directory (maria.admin is in "security").
      return rates.byService.find((x) => x.slug === warnedRow.providerSlug && x.overridden >= 1) && rates.byGroup.find((x) => x.group === 'security' && x.overridden >= 1);
    }, 5_000, 250);

    // The bundle is refreshed with its ETag: an unchanged policy costs a 304, and is kept.
    const polls = s.relay.bundleRequests.length;
    await askWorker(s.context, { type: 'refresh' });
    const revalidated = await waitFor('a conditional bundle request', () => s.relay.bundleRequests.slice(polls).find((r) => r.ifNoneMatch && r.status === 304));
    assert(revalidated, 'the unchanged bundle was revalidated with If-None-Match (304)');
    assert((await storage(s.worker, 'policy')).policy.bundle.policyVersion === version, 'the policy is kept after a 304');

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

export async function scenario1bEditorsTypingAndDrop(t) {
  const s = await setUp(t, { failMode: 'open', extraHosts: ['llm.intranet.example'] });
  try {
    await waitForPolicy(s.worker);
    // An AI destination in no catalog, named by the admin in extraHosts: checked as an unknown AI
    // destination (the default policy coaches unknown services, and blocks credentials anywhere).
    const intranet = await openComposer(t, s.context, 'llm.intranet.example');
    await paste(intranet, AWS_PROMPT);
    await intranet.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    await intranet.locator('#composer').click();
    await paste(intranet, 'Summarise the rules of chess');
    await intranet.getByRole('alertdialog', { name: 'Airlock: check before you send' }).filter({ hasText: 'coach-unreviewed' }).waitFor();
    assert(sentTexts(s.fixture, 'llm.intranet.example').length === 0, 'nothing sent to the unknown destination without a reason');

    // A model-driven editor (Lexical-like: it cancels native edits and renders from its own model,
    // and sends the model) on a restricted service: the redacted paste must reach the MODEL.
    const lex = await openComposer(t, s.context, 'gemini.google.com', '/model-editor');
    await paste(lex, `Draft a reply to ${EMAIL} about the invoice`);
    await lex.locator('[data-airlock-card="redact"]').waitFor();
    const shown = await lex.locator('#composer').innerText();
    assert(shown.includes('[EMAIL_1]') && !shown.includes(EMAIL) && shown.split('Draft a reply').length === 2, `the editor holds the redacted text once (${shown})`);
    // Placeholders highlighted in the rich editor (CSS Custom Highlight API).
    assert(await lex.evaluate(() => CSS.highlights.has('airlock-placeholder')), 'the placeholders are highlighted');
    await lex.locator('#composer').press('Enter');
    await waitFor('the redacted prompt to be sent from the model', () => sentTexts(s.fixture, 'gemini.google.com').some((b) => b.includes('[EMAIL_1]') && b.includes('Draft a reply')));

    // Typing before submit: the composer is marked as it will be answered while the user types,
    // then Enter is stopped: nothing is sent.
    await lex.locator('#composer').click();
    await lex.keyboard.type(`deploy with ${AWS_KEY}`);
    await waitFor('the composer to be marked while typing', async () => (await lex.locator('#composer').getAttribute('data-airlock-composer')) === 'block', 5_000);
    await lex.keyboard.press('Enter');
    await lex.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    await lex.getByRole('button', { name: 'Send message', exact: true }).click();
    await lex.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    assert(!s.fixture.requests.some((r) => r.body.includes(AWS_KEY)), 'the typed key was never sent (Enter, send button)');

    // Typed personal data, then Enter: the editor's text is replaced by the redacted one (through
    // the editor's own input handling), the user checks it and sends it.
    await lex.evaluate(() => {
      const c = document.getElementById('composer');
      c.focus();
      getSelection().selectAllChildren(c);
    });
    await lex.keyboard.press('Backspace');
    await lex.keyboard.type(`Call ${EMAIL} tomorrow`);
    await lex.keyboard.press('Enter');
    await lex.locator('[data-airlock-card="redact"]').waitFor();
    await waitFor('the editor to hold the redacted text', async () => (await lex.locator('#composer').innerText()).trim() === 'Call [EMAIL_1] tomorrow', 5_000);
    await lex.locator('#composer').press('Enter');
    await waitFor('the typed, redacted prompt to be sent', () => sentTexts(s.fixture, 'gemini.google.com').some((b) => b.includes('Call [EMAIL_1] tomorrow')));
    assert(!s.fixture.requests.some((r) => r.body.includes(EMAIL)), 'the address never reached the service');

    // ProseMirror-like contenteditable: typed, then Enter.
    const pm = await openComposer(t, s.context, 'gemini.google.com');
    await pm.keyboard.type(`the key is ${AWS_KEY}`);
    await pm.keyboard.press('Enter');
    await pm.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();

    // Text dragged and dropped into a composer is checked like a paste.
    const gpt = await openComposer(t, s.context, 'chatgpt.com');
    await gpt.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.getElementById('composer').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, AWS_PROMPT);
    await gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    assert(!s.fixture.requests.some((r) => r.body.includes(AWS_KEY)), 'the key never reached any service');
    const reports = await waitFor('the drop to be reported', () => s.relay.reports.find((x) => x.action === 'prompt' && x.effect === 'block' && x.destination.url.startsWith('https://chatgpt.com')));
    assert(reports.findingClasses.includes('credentials'), 'the dropped text is reported with its class');
  } finally {
    await s.tearDown();
  }
}
scenario1bEditorsTypingAndDrop.description = 'extension: extraHosts (an unknown AI destination); a Lexical-like model editor (redacted paste and typed text reach the model; Enter and send button blocked), typing before submit, ProseMirror-like Enter, dropped text';

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
    await askWorker(s.context, { type: 'refresh' });
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

export async function scenario3ExceptionUntilExpiry(t) {
  const s = await setUp(t, { failMode: 'open' });
  try {
    await waitForPolicy(s.worker);
    const gpt = await openComposer(t, s.context, 'chatgpt.com');
    await paste(gpt, AWS_PROMPT);
    await gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();

    // An admin grants the user an exception for credentials on ChatGPT, ending in a few seconds.
    const api = await signedInApi(t, USER);
    const providers = await api('/api/providers?range=[0,199]');
    const chatgpt = providers.find((p) => p.slug === 'openai-chatgpt');
    assert(chatgpt, 'ChatGPT is in the catalog');
    const lifetimeMs = 15_000;
    const t0 = Date.now();
    const granted = await api('/api/exceptions', {
      method: 'POST',
      body: JSON.stringify({ subjectEmail: USER, providerId: chatgpt.id, dataClass: 'credentials', reason: 'Extension test: rotating a leaked key with the vendor', expiresAt: new Date(t0 + lifetimeMs).toISOString() }),
    });
    const expiresAt = Date.parse(granted.expiresAt);
    // The open tab learns of it through the bundle's event stream, without a reload.
    await waitFor('the exception to reach the extension', async () => (await storage(s.worker, 'policy')).policy?.bundle?.exceptions?.some((e) => e.id === granted.id), 10_000, 50);
    const seconds = (Date.now() - t0) / 1000;
    process.stdout.write(`[browser]      exception granted in the console -> in the extension's policy: ${seconds.toFixed(1)} s\n`);

    // The same paste is now allowed: it lands in the composer and is sent. (The page compiles the
    // new policy a moment after storage changed: a paste in between is still blocked; try again.)
    await waitFor(
      'the paste to land in the composer',
      async () => {
        await gpt.locator('#composer').fill('');
        await gpt.locator('#composer').click();
        await paste(gpt, AWS_PROMPT);
        await new Promise((ok) => setTimeout(ok, 250));
        return (await gpt.locator('#composer').inputValue()).includes(AWS_KEY);
      },
      5_000,
      0,
    );
    await gpt.getByRole('button', { name: 'Send prompt' }).click();
    await waitFor('the excepted prompt to arrive', () => sentTexts(s.fixture, 'chatgpt.com').some((b) => b.includes(AWS_KEY)), 5_000);
    assert(Date.now() < expiresAt, `the allowed paste happened before the expiry (increase lifetimeMs if this machine is slower: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    // The decision names the exception that lifted the rule.
    const allowed = await waitFor('the allowed decision to be reported', () =>
      s.relay.reports.find((x) => x.effect === 'allow' && x.reasons.some((r) => r.ruleId === 'no-credentials' && r.exception?.id === granted.id)),
    );
    assert(allowed.findingClasses.includes('credentials'), `the allow still names the class (${JSON.stringify(allowed)})`);

    // After the expiry (nothing happens at that moment: each decision compares the clock) the block is back.
    await new Promise((ok) => setTimeout(ok, Math.max(0, expiresAt - Date.now() + 500)));
    await gpt.locator('#composer').fill('');
    await gpt.locator('#composer').click();
    await paste(gpt, AWS_PROMPT);
    await gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    assert((await gpt.locator('#composer').inputValue()) === '', 'after the expiry the paste did not happen');
    assert(sentTexts(s.fixture, 'chatgpt.com').filter((b) => b.includes(AWS_KEY)).length === 1, 'only the prompt sent under the exception reached the service');
  } finally {
    await s.tearDown();
  }
}
scenario3ExceptionUntilExpiry.description = 'extension: an exception granted in the console turns a block into an allow in the open tab until it expires';

export async function scenario4OfficeUploads(t) {
  const s = await setUp(t, { failMode: 'open' });
  try {
    await waitForPolicy(s.worker);
    const gpt = await openComposer(t, s.context, 'chatgpt.com');
    const line = `aws_access_key_id = ${AWS_KEY}`;
    const withKey = [
      { name: 'deploy-notes.pdf', mimeType: 'application/pdf', buffer: pdf(['Deploy notes for the billing service', line]) },
      { name: 'runbook.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx(['Runbook', line]) },
      { name: 'inventory.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx([['service', 'setting'], ['billing', line]]) },
      // the key only in the page header, which mammoth does not read
      { name: 'handover.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx(['Handover', 'See the header.'], { header: line }) },
    ];
    const cards = gpt.locator('[data-airlock-card]');
    const blockedUpload = gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'blocked this upload' }).filter({ hasText: 'no-credentials' });
    // Selected in the file input: each is read in the page, the key found, the file not attached.
    for (const file of withKey) {
      await cards.evaluateAll((els) => els.forEach((e) => e.remove()));
      await gpt.locator('#file').setInputFiles(file);
      await blockedUpload.waitFor();
    }
    // Dropped on the page: the same.
    for (const file of withKey) {
      await cards.evaluateAll((els) => els.forEach((e) => e.remove()));
      await gpt.evaluate(
        ({ name, mimeType, bytes }) => {
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
          document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        { name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] },
      );
      await blockedUpload.waitFor();
    }
    // A harmless spreadsheet goes through.
    await gpt.locator('#file').setInputFiles({ name: 'sales.xlsx', mimeType: withKey[2].mimeType, buffer: await xlsx([['region', 'total'], ['north', 12], ['south', 7]]) });
    await waitFor('the harmless XLSX to arrive', () => s.fixture.sent('chatgpt.com').some((r) => r.path.includes('sales.xlsx')));
    const uploads = s.fixture.sent('chatgpt.com').map((r) => decodeURIComponent(r.path));
    assert(!withKey.some((f) => uploads.some((u) => u.includes(f.name))), `no file with the key reached the service (it received ${uploads.join(', ')})`);
    const reported = await waitFor('the upload decisions to be reported', () => {
      const r = s.relay.reports.filter((x) => x.action === 'upload');
      return r.length >= 2 * withKey.length + 1 ? r : null;
    });
    const blockedForKey = reported.filter((x) => x.effect === 'block' && x.findingClasses.includes('credentials')).length;
    assert(blockedForKey === 2 * withKey.length, `each file with the key blocked when selected and when dropped (${JSON.stringify(reported.map((x) => [x.effect, x.findingClasses]))})`);

    // The admin adds a rule that masks personal data in uploads to ChatGPT and publishes it: an
    // upload cannot be masked, so a document holding a client's e-mail address is not attached
    // (whatever its format), while the same kind of document without one is.
    const api = await signedInApi(t, USER);
    const rule = await api('/api/rules', {
      method: 'POST',
      body: JSON.stringify({
        ruleId: 'mask-personal-data-in-chatgpt-uploads',
        priority: 15,
        conditions: { providers: ['openai-chatgpt'], actions: ['upload'], dataClasses: ['personal_data'] },
        effect: 'redact',
        message: 'Files for ChatGPT must not hold personal data: remove it, then upload.',
      }),
    });
    const before = (await storage(s.worker, 'policy')).policy.bundle.policyVersion;
    try {
      await api('/api/policy/publish', { method: 'POST', body: JSON.stringify({ note: 'Extension test: no personal data in ChatGPT uploads' }) });
      await waitFor('the new policy in the extension', async () => (await storage(s.worker, 'policy')).policy?.bundle?.policyVersion > before, 15_000, 100);
      const person = `Customer contact: ${EMAIL}`;
      const withEmail = [
        { name: 'customer.pdf', mimeType: 'application/pdf', buffer: pdf(['Customer file', person]) },
        { name: 'customer.docx', mimeType: withKey[1].mimeType, buffer: docx(['Customer file', person]) },
        { name: 'customer.xlsx', mimeType: withKey[2].mimeType, buffer: await xlsx([['field', 'value'], ['contact', EMAIL]]) },
      ];
      const blockedForPersonalData = gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'blocked this upload' }).filter({ hasText: 'mask-personal-data-in-chatgpt-uploads' });
      // The page may still decide with the previous policy for a moment after the worker stored the new one.
      await waitFor('the page to decide with the new rule', async () => {
        await cards.evaluateAll((els) => els.forEach((e) => e.remove()));
        await gpt.locator('#file').setInputFiles(withEmail[0]);
        return blockedForPersonalData.waitFor({ timeout: 1_000 }).then(() => true, () => false);
      }, 10_000, 0);
      for (const file of withEmail.slice(1)) {
        await cards.evaluateAll((els) => els.forEach((e) => e.remove()));
        await gpt.locator('#file').setInputFiles(file);
        await blockedForPersonalData.waitFor();
      }
      await gpt.locator('#file').setInputFiles({ name: 'minutes.docx', mimeType: withKey[1].mimeType, buffer: docx(['Minutes', 'The team agreed to ship on Friday.']) });
      await waitFor('the DOCX without personal data to arrive', () => s.fixture.sent('chatgpt.com').some((r) => r.path.includes('minutes.docx')));
      const got = s.fixture.sent('chatgpt.com').map((r) => decodeURIComponent(r.path));
      assert(!withEmail.some((f) => got.some((u) => u.includes(f.name))), `no document with the address reached the service (it received ${got.join(', ')})`);
      assert(!s.fixture.requests.some((r) => r.body.includes(EMAIL)), 'the address never reached the service');
      const personal = await waitFor('the personal-data upload decisions to be reported', () => {
        const r = s.relay.reports.filter((x) => x.action === 'upload' && x.reasons.some((y) => y.ruleId === 'mask-personal-data-in-chatgpt-uploads'));
        return r.length >= 3 ? r : null;
      });
      assert(personal.every((x) => x.effect === 'block' && x.findingClasses.includes('personal_data')), `reported as blocks for personal data (${JSON.stringify(personal.map((x) => [x.effect, x.findingClasses]))})`);
    } finally {
      await api(`/api/rules/${rule.id}`, { method: 'DELETE' });
      await api('/api/policy/publish', { method: 'POST', body: JSON.stringify({ note: 'Extension test: rule removed' }) });
    }
  } finally {
    await s.tearDown();
  }
}
scenario4OfficeUploads.description = 'extension: PDF, DOCX and XLSX holding an AWS key are blocked when selected or dropped; with a rule on upload content, documents holding personal data are blocked; harmless ones are uploaded';

/** Uploads the extension cannot inspect: a corrupt PDF, a file that is not the DOCX it says, one above maxUploadBytes. */
const UNREADABLE = [
  { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nthis is not a PDF body\n') },
  { name: 'report.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 truncated archive') },
  { name: 'big-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes, nothing secret. '.repeat(400)) },
];

export async function scenario4UnreadableUploads(t) {
  // unreadableFiles follows failMode unless set. Closed: such a file is not attached, and says why.
  let s = await setUp(t, { failMode: 'closed', maxUploadBytes: 8192 });
  try {
    await waitForPolicy(s.worker);
    const gpt = await openComposer(t, s.context, 'chatgpt.com');
    const cards = gpt.locator('[data-airlock-card]');
    const expected = ['could not be read', 'could not be read', 'more than the 8 KB Airlock inspects'];
    for (const [i, file] of UNREADABLE.entries()) {
      await cards.evaluateAll((els) => els.forEach((e) => e.remove()));
      await gpt.locator('#file').setInputFiles(file);
      const card = gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'airlock-file-not-inspected' });
      await card.waitFor();
      const text = await card.innerText();
      assert(text.includes(file.name) && text.includes(expected[i]), `the card says why ${file.name} was not attached (${text})`);
    }
    // A readable file within the limit goes as usual.
    await gpt.locator('#file').setInputFiles({ name: 'small.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes, nothing secret.') });
    await waitFor('the readable file to arrive', () => s.fixture.sent('chatgpt.com').some((r) => r.path.includes('small.txt')));
    const got = s.fixture.sent('chatgpt.com').map((r) => decodeURIComponent(r.path));
    assert(!UNREADABLE.some((f) => got.some((u) => u.includes(f.name))), `fail-closed: no uninspected file reached the service (${got.join(', ')})`);
    const reports = await waitFor('the blocks to be reported', () => {
      const r = s.relay.reports.filter((x) => x.action === 'upload' && x.reasons.some((y) => y.ruleId === 'airlock-file-not-inspected'));
      return r.length >= 3 ? r : null;
    });
    assert(reports.every((x) => x.effect === 'block'), `reported as blocks (${JSON.stringify(reports.map((x) => x.effect))})`);
  } finally {
    await s.tearDown();
  }
  // Open: attached uninspected, and the user is told so; the report says it was not inspected.
  s = await setUp(t, { failMode: 'open', maxUploadBytes: 8192 });
  try {
    await waitForPolicy(s.worker);
    const gpt = await openComposer(t, s.context, 'chatgpt.com');
    const cards = gpt.locator('[data-airlock-card]');
    for (const file of UNREADABLE) {
      await cards.evaluateAll((els) => els.forEach((e) => e.remove()));
      await gpt.locator('#file').setInputFiles(file);
      await gpt.locator('[data-airlock-card="info"]').filter({ hasText: 'could not inspect' }).filter({ hasText: file.name }).waitFor();
      await waitFor(`${file.name} to arrive uninspected`, () => s.fixture.sent('chatgpt.com').some((r) => decodeURIComponent(r.path).includes(file.name)));
    }
    // A file whose name says what it holds is still decided on it: a too-large .env is blocked.
    await cards.evaluateAll((els) => els.forEach((e) => e.remove()));
    await gpt.locator('#file').setInputFiles({ name: 'prod.env', mimeType: 'text/plain', buffer: Buffer.from('X='.repeat(5000)) });
    await gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    assert(!s.fixture.sent('chatgpt.com').some((r) => r.path.includes('prod.env')), 'the .env file was not attached');
    const reports = await waitFor('the uninspected uploads to be reported', () => {
      const r = s.relay.reports.filter((x) => x.action === 'upload' && x.reasons.some((y) => y.ruleId === 'airlock-file-not-inspected'));
      return r.length >= 3 ? r : null;
    });
    assert(reports.every((x) => x.effect === 'allow'), `reported as allowed uninspected (${JSON.stringify(reports.map((x) => x.effect))})`);
    const badAnswer = s.relay.answers.find((a) => a.status !== 202 || a.body?.rejected?.length);
    assert(!badAnswer, `the server accepted every report (${JSON.stringify(badAnswer)})`);
  } finally {
    await s.tearDown();
  }
}
scenario4UnreadableUploads.description = 'extension: corrupt, mislabelled and too-large uploads: blocked with the reason when fail-closed, attached uninspected with a notice when fail-open';

export async function scenario5BlockedService(t) {
  const s = await setUp(t, { failMode: 'open' });
  try {
    await waitForPolicy(s.worker);
    // The policy is stored before the redirects are rebuilt from it (CI on a8f6301 navigated in
    // between and loaded the service): wait for DeepSeek's redirect rule too.
    const redirects = () => s.worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules().then((r) => r.map((x) => x.condition.regexFilter)));
    const redirected = async () => (await redirects()).some((f) => f.includes('deepseek'));
    await waitFor('the redirect for DeepSeek to be installed', redirected, 10_000, 50);
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

    // Exceptions lift the redirect for the person (or group) they name, per service: one for a data
    // class only does not (a blocked service is not about data); a service-level one does, until it
    // is revoked or expires, and the redirect comes back then.
    const api = await signedInApi(t, USER);
    const providers = await api('/api/providers?range=[0,199]');
    const deepseek = providers.find((p) => p.slug === 'deepseek');
    assert(deepseek, `DeepSeek is in the catalog (${providers.map((p) => p.slug).join(', ')})`);
    const inBundle = (id) => waitFor(`exception ${id} in the extension's bundle`, async () => (await storage(s.worker, 'policy')).policy?.bundle?.exceptions?.some((e) => e.id === id), 10_000, 50);
    const gone = (id) => waitFor(`exception ${id} out of the extension's bundle`, async () => !(await storage(s.worker, 'policy')).policy?.bundle?.exceptions?.some((e) => e.id === id), 10_000, 50);
    const grant = (body) => api('/api/exceptions', { method: 'POST', body: JSON.stringify({ providerId: deepseek.id, reason: 'Extension test: vendor evaluation', ...body }) });
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const opensBlockPage = async (p) => {
      await p.goto('https://chat.deepseek.com/').catch(() => undefined);
      await p.waitForURL((u) => u.href.startsWith(`chrome-extension://${EXTENSION_ID}/blocked.html`));
      await p.getByRole('heading', { name: /DeepSeek is blocked/ }).waitFor();
    };
    const opensService = async (p) => {
      await p.goto('https://chat.deepseek.com/');
      await p.getByRole('heading', { name: 'DeepSeek (fixture)' }).waitFor();
      assert(new URL(p.url()).hostname === 'chat.deepseek.com', `the service itself loaded (${p.url()})`);
    };

    const byClass = await grant({ subjectEmail: USER, dataClass: 'credentials', expiresAt: inAnHour });
    await inBundle(byClass.id);
    assert(await redirected(), 'an exception for one data class does not lift the blocked service');
    await opensBlockPage(page);

    // A service-level exception for the user: the tab still on the block page goes on to the
    // service by itself, and a new navigation loads it.
    const grantedAt = Date.now();
    const forService = await grant({ subjectEmail: USER, expiresAt: inAnHour });
    await page.getByRole('heading', { name: 'DeepSeek (fixture)' }).waitFor({ timeout: 10_000 });
    process.stdout.write(`[browser]      service-level exception granted -> the block page moved on to the service: ${((Date.now() - grantedAt) / 1000).toFixed(1)} s\n`);
    assert(!(await redirected()), 'no redirect for the excepted service');
    const other = await s.context.newPage();
    t.pages.push({ page: other, label: 'deepseek (excepted)' });
    await opensService(other);
    assert(s.fixture.requests.some((r) => r.host === 'chat.deepseek.com'), 'the service was reached under the exception');

    // Revoked: new navigations are redirected again, and the open tab is covered.
    await api(`/api/exceptions/${forService.id}/revoke`, { method: 'POST', body: '{}' });
    await gone(forService.id);
    await waitFor('the redirect to come back after the revocation', redirected, 10_000, 50);
    await other.locator('[data-airlock-card="access-block"]').waitFor({ timeout: 10_000 });
    await opensBlockPage(other);

    // A group's exception (the user is in "security") that ends in a few seconds: the service loads,
    // and at the expiry (no bundle change needed) the redirect and the open tab's block come back.
    const lifetimeMs = 12_000;
    const forGroup = await grant({ subjectGroup: 'security', expiresAt: new Date(Date.now() + lifetimeMs).toISOString() });
    const expiresAt = Date.parse(forGroup.expiresAt);
    await inBundle(forGroup.id);
    await waitFor('the redirect to be lifted for the group', async () => !(await redirected()), 10_000, 50);
    await opensService(page);
    assert(Date.now() < expiresAt, `the service loaded before the group's exception expired (increase lifetimeMs on a slower machine)`);
    await page.locator('[data-airlock-card="access-block"]').waitFor({ timeout: expiresAt - Date.now() + 10_000 });
    const late = (Date.now() - expiresAt) / 1000;
    process.stdout.write(`[browser]      group exception expired -> the open tab blocked ${late.toFixed(1)} s after the expiry\n`);
    await waitFor('the redirect to come back at the expiry', redirected, 10_000, 50);
    await opensBlockPage(other);

    // Gemini open in a tab; an admin blocks it in the console: the open tab is blocked within seconds.
    const gemini = await openComposer(t, s.context, 'gemini.google.com');
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
scenario5BlockedService.description = 'extension: block page for a blocked service, lifted by a service-level exception (person, group) until revoked or expired; a provider blocked in the console is blocked in the open tab within seconds';
