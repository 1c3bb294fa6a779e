// The browser extension (apps/extension), issue #14's last parts, in Debian's Chromium against the real
// API: the person's identity from their Airlock sign-in (identitySource 'airlock': a group's rule
// applies once they sign in, the configured fallback once they sign out), and unknown AI destinations
// (a host of the server's known AI services list, outside the catalog, watched because the bundle's
// watchHosts carries it while a rule for unknown AI destinations is published; no extraHosts).
/* global chrome */
import { assert } from './harness.mjs';
import { startFixtureServer } from './extension/fixture-pages.mjs';
import { EXTENSION_ID, launchWithExtension, removeManagedPolicy, startRelay, storage, waitFor, withDatabase, signedInApi, writeManagedPolicy } from './extension/kit.mjs';

const OWNER = 'owner@example.com';
/** The fallback identity (userEmail): an admin, in no contractors group. */
const ADMIN = 'maria.admin@example.com';
const LENA = 'lena.contractor@example.com';
const LENA_PASSWORD = 'Contractor-passphrase-2026!';
const AWS_KEY = 'AKIAQ3EGRJ5NEXAMPLE7';
const EMAIL = 'jane.doe@clientcorp.com';

/** An API client with the extension scope (the bootstrap key has only decide, bundle and incidents:write). */
async function extensionKey(api, name) {
  return (await api('/api/api-clients', { method: 'POST', body: JSON.stringify({ name, scopes: ['extension'] }) })).key;
}

async function setUp(t, config) {
  const fixture = await startFixtureServer();
  const relay = await startRelay(t.baseUrl);
  writeManagedPolicy({ serverUrl: relay.url, reportIntervalSeconds: 1, failMode: 'open', ...config });
  const browser = await launchWithExtension(t, fixture.port);
  await waitFor('the extension to start', async () => (await storage(browser.worker, 'status')).status?.configSource === 'managed' && (await browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length > 0, 30_000);
  await waitFor('the extension to fetch the policy', async () => (await storage(browser.worker, 'policy')).policy?.bundle?.policyVersion, 30_000);
  const tearDown = async () => {
    for (const [i, page] of browser.context.pages().entries()) await page.screenshot({ path: `${t.artifacts}/extension-identity-last-${i}.png` }).catch(() => {});
    await browser.close();
    removeManagedPolicy();
    if (relay.up) await relay.stop();
    await fixture.close();
  };
  return { fixture, relay, ...browser, tearDown };
}

async function openComposer(t, context, host) {
  const page = await context.newPage();
  t.pages.push({ page, label: host });
  await page.goto(`https://${host}/`);
  await page.locator('#composer').click();
  return page;
}

async function paste(page, text) {
  await page.evaluate((s) => navigator.clipboard.writeText(s), text);
  await page.keyboard.press('Control+V');
}

/** Publishes the draft; nothing to publish (409: the draft is the version in force) is fine. */
async function publish(api, note) {
  await api('/api/policy/publish', { method: 'POST', body: JSON.stringify({ note }) }).catch((err) => {
    if (!/: 409 /.test(err.message)) throw err;
  });
}

/** Waits until the bundle the extension decides with satisfies `check`. */
const bundleWhere = (worker, what, check) => waitFor(`the extension's bundle: ${what}`, async () => {
  const bundle = (await storage(worker, 'policy')).policy?.bundle;
  return bundle && check(bundle);
}, 30_000);

export async function scenario1IdentityFromAirlockSignIn(t) {
  const api = await signedInApi(t, OWNER);
  // Lena is a contractor; contractors may not use ChatGPT at all (a group-specific rule).
  await api('/api/groups', { method: 'POST', body: JSON.stringify({ name: 'contractors', description: 'External contractors' }) }).catch((err) => {
    if (!/409|exists/.test(err.message)) throw err;
  });
  await api('/api/users', { method: 'POST', body: JSON.stringify({ email: LENA, name: 'Lena Contractor', role: 'employee', groups: ['contractors'], password: LENA_PASSWORD }) });
  await api('/api/rules', { method: 'POST', body: JSON.stringify({ ruleId: 'contractors-no-chatgpt', priority: 3, conditions: { groups: ['contractors'], providers: ['openai-chatgpt'], actions: ['prompt', 'upload'] }, effect: 'block', message: 'Contractors may not use ChatGPT: use the client’s own tools.' }) });
  await publish(api, 'extension identity test: contractors rule');
  // The organization identifies people by their Airlock sign-in; the admin's address is the fallback.
  const s = await setUp(t, { apiKey: await extensionKey(api, 'extension (identity test)'), identitySource: 'airlock', userEmail: ADMIN });
  try {
    await bundleWhere(s.worker, 'the contractors rule', (b) => b.rules.some((r) => r.id === 'contractors-no-chatgpt'));
    let { status } = await storage(s.worker, 'status');
    assert(status.email === ADMIN && status.identityVia === 'managed', `signed out: the configured fallback (${JSON.stringify(status)})`);

    // Signed out: the fallback person is not a contractor, an ordinary prompt goes through.
    const gpt = await openComposer(t, s.context, 'chatgpt.com');
    await paste(gpt, 'Summarise the rules of chess');
    await gpt.getByRole('button', { name: 'Send prompt' }).click();
    await waitFor('the prompt to arrive', () => s.fixture.sent('chatgpt.com').some((r) => r.body.includes('rules of chess')));

    // The popup offers "Sign in to Airlock"; it opens the server's sign-in page, where Lena signs in.
    const popup = await s.context.newPage();
    t.pages.push({ page: popup, label: 'popup' });
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
    const button = popup.getByRole('button', { name: 'Sign in to Airlock' });
    await button.waitFor();
    await t.screenshot(popup, 'extension-popup-sign-in');
    const [login] = await Promise.all([s.context.waitForEvent('page'), button.click()]);
    t.pages.push({ page: login, label: 'airlock sign-in' });
    await login.waitForURL((u) => u.href.startsWith(`${s.relay.url}/`) && u.hash.startsWith('#/login'));
    await login.getByLabel('E-mail').fill(LENA);
    await login.getByLabel(/^Password/).fill(LENA_PASSWORD);
    await login.getByRole('button', { name: 'Sign in', exact: true }).click();
    await login.waitForURL((u) => !u.hash.startsWith('#/login'));
    const signedInAt = Date.now();
    // The session cookie arrived: the service worker asks the server who signed in.
    status = await waitFor('the extension to take the Airlock sign-in', async () => {
      const st = (await storage(s.worker, 'status')).status;
      return st?.email === LENA && st.identityVia === 'airlock' ? st : null;
    });
    process.stdout.write(`[browser]      signed in to Airlock -> the extension's identity: ${((Date.now() - signedInAt) / 1000).toFixed(1)} s\n`);
    assert(!status.signInUrl, 'signed in: no sign-in offered');
    const { policy } = await storage(s.worker, 'policy');
    assert(policy.email === LENA && policy.groups.includes('contractors'), `the pages decide as Lena, in her groups (${policy.email}: ${policy.groups})`);
    await popup.reload();
    await popup.getByText(`${LENA} (Airlock sign-in)`).waitFor();
    assert(await popup.getByRole('button', { name: 'Sign in to Airlock' }).isHidden(), 'the popup no longer offers to sign in');

    // The contractors' rule applies to her paste in the page already open.
    await gpt.locator('#composer').fill('');
    await gpt.locator('#composer').click();
    await paste(gpt, 'Summarise the rules of go');
    await gpt.locator('[data-airlock-card="block"]').filter({ hasText: 'contractors-no-chatgpt' }).waitFor();
    assert(!s.fixture.requests.some((r) => r.body.includes('rules of go')), 'her prompt never reached ChatGPT');
    // The decision reached the server under her e-mail; the server resolved her group.
    const row = await waitFor('her decision in the decision log', () =>
      withDatabase(t, async (db) => (await db.query(`SELECT "subjectId", "subjectGroups", effect FROM "DecisionLog" WHERE source = 'extension' AND 'contractors-no-chatgpt' = ANY("ruleIds") ORDER BY time DESC LIMIT 1`)).rows[0]),
    );
    assert(row.subjectId === LENA && row.subjectGroups.includes('contractors') && row.effect === 'block', `logged as Lena's, in her group (${JSON.stringify(row)})`);

    // Signed out: the fallback again, and the same prompt goes through.
    await login.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    });
    await waitFor('the extension to drop the Airlock sign-in', async () => {
      const st = (await storage(s.worker, 'status')).status;
      return st?.email === ADMIN && st.identityVia === 'managed' && st.signInUrl;
    });
    await gpt.locator('#composer').fill('');
    await gpt.locator('#composer').click();
    await paste(gpt, 'Summarise the rules of draughts');
    await gpt.getByRole('button', { name: 'Send prompt' }).click();
    await waitFor('the prompt to arrive after the sign-out', () => s.fixture.sent('chatgpt.com').some((r) => r.body.includes('rules of draughts')));
  } finally {
    await s.tearDown();
    // Leave the policy as other scenarios expect it.
    const rules = await api('/api/rules?range=[0,199]');
    const rule = rules.find((r) => r.ruleId === 'contractors-no-chatgpt');
    if (rule) await api(`/api/rules/${rule.id}`, { method: 'DELETE' });
    await publish(api, 'extension identity test: cleanup');
  }
}
scenario1IdentityFromAirlockSignIn.description = "extension: identitySource 'airlock' — signed out, the configured fallback; the popup's \"Sign in to Airlock\" opens the server's sign-in, a group rule applies to that person's paste, logged under their e-mail and group; signed out again, the fallback";

export async function scenario2UnknownAiDestinations(t) {
  const api = await signedInApi(t, OWNER);
  const rules = await api('/api/rules?range=[0,199]');
  // Start without any rule for unknown AI destinations (the default policy's coach-unreviewed is one).
  const unknownRules = rules.filter((r) => r.enabled && (r.conditions.unknownAiDestination === true || (r.conditions.providerStatus ?? []).includes('unknown')));
  for (const r of unknownRules) await api(`/api/rules/${r.id}`, { method: 'PUT', body: JSON.stringify({ enabled: false }) });
  await publish(api, 'extension test: no rule for unknown AI destinations');
  const s = await setUp(t, { apiKey: await extensionKey(api, 'extension (unknown AI test)'), userEmail: ADMIN });
  const matches = () => s.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts())[0]?.matches ?? []);
  let added;
  try {
    await bundleWhere(s.worker, 'no hosts beyond the catalog (no rule for unknown AI destinations)', (b) => Array.isArray(b.watchHosts) && b.watchHosts.length === 0);
    assert(!(await matches()).includes('*://phind.com/*'), 'phind.com (known AI service, not in the catalog) not watched');

    // An admin publishes a rule for unknown AI destinations in the console's API: the bundle carries
    // the known AI services' hosts, the extension watches them, no extraHosts, no new release.
    added = await api('/api/rules', { method: 'POST', body: JSON.stringify({ ruleId: 'unknown-ai-no-personal-data', priority: 4, conditions: { unknownAiDestination: true, dataClasses: ['personal_data'] }, effect: 'block', message: 'Personal data does not go to AI services your organization has not reviewed.' }) });
    await publish(api, 'extension test: rule for unknown AI destinations');
    await bundleWhere(s.worker, 'phind.com among the hosts to watch', (b) => b.watchHosts?.includes('phind.com'));
    await waitFor('phind.com to be watched', async () => (await matches()).includes('*://phind.com/*'));
    const phind = await openComposer(t, s.context, 'phind.com');
    await paste(phind, `Write to ${EMAIL} about the contract`);
    await phind.locator('[data-airlock-card="block"]').filter({ hasText: 'unknown-ai-no-personal-data' }).waitFor();
    await phind.locator('#composer').click();
    await paste(phind, `key ${AWS_KEY}`);
    await phind.locator('[data-airlock-card="block"]').filter({ hasText: 'no-credentials' }).waitFor();
    await phind.locator('#composer').fill('');
    await phind.locator('#composer').click();
    await paste(phind, 'Explain a binary search');
    await phind.getByRole('button', { name: 'Send prompt' }).click();
    await waitFor('the harmless prompt to reach phind.com', () => s.fixture.sent('phind.com').some((r) => r.body.includes('binary search')));
    assert(!s.fixture.requests.some((r) => r.body.includes(EMAIL) || r.body.includes(AWS_KEY)), 'neither the e-mail address nor the key reached phind.com');
    const row = await waitFor('the unknown-destination decision in the log', () =>
      withDatabase(t, async (db) => (await db.query(`SELECT "providerSlug", effect FROM "DecisionLog" WHERE source = 'extension' AND 'unknown-ai-no-personal-data' = ANY("ruleIds") LIMIT 1`)).rows[0]),
    );
    assert(row.effect === 'block' && row.providerSlug === null, `logged as an unknown AI destination (${JSON.stringify(row)})`);

    // The rule removed: the host leaves the bundle and the extension stops watching it.
    await api(`/api/rules/${added.id}`, { method: 'DELETE' });
    added = null;
    await publish(api, 'extension test: rule for unknown AI destinations removed');
    await bundleWhere(s.worker, 'no hosts beyond the catalog again', (b) => b.watchHosts?.length === 0);
    await waitFor('phind.com to be watched no more', async () => !(await matches()).includes('*://phind.com/*'));
  } finally {
    await s.tearDown();
    if (added) await api(`/api/rules/${added.id}`, { method: 'DELETE' }).catch(() => undefined);
    for (const r of unknownRules) await api(`/api/rules/${r.id}`, { method: 'PUT', body: JSON.stringify({ enabled: true }) });
    await publish(api, 'extension test: unknown AI rules restored');
  }
}
scenario2UnknownAiDestinations.description = "extension: a known AI service outside the catalog (phind.com) watched through the bundle's watchHosts while an unknownAiDestination rule is published (blocked per that rule, no extraHosts), and no longer once the rule is removed";
