// Words, not identifiers, everywhere (issue #19): the incidents, the activity log, a rule's data
// class picker, the settings' per-class thresholds, three AI service profiles, users and webhooks
// show names, never a data class key, a catalog slug, a translation key or "Missing translation"
// (an identifier shown deliberately, such as a domain or the catalog id, is in <code> and labelled).
import { assert, RAW_WORDS, rawWordsOn, settle } from './harness.mjs';

const list = (body) => (Array.isArray(body) ? body : (body?.data ?? body?.items ?? []));

async function noRawWords(page, where, extra = []) {
  await settle(page);
  const raw = await rawWordsOn(page, extra, { skipCode: true });
  assert(raw.length === 0, `no raw slug or key on ${where}: ${raw.join(', ')}`);
}

/** The catalog's hyphenated slugs (the snake_case check does not see them) and its incidents, rules and services. */
async function facts(page) {
  return page.evaluate(async () => {
    const get = async (u) => (await fetch(u)).json();
    const providers = await get('/api/providers?range=[0,999]');
    let incidents = await get('/api/incidents?range=[0,99]&sort=["number","DESC"]');
    const rows = Array.isArray(incidents) ? incidents : (incidents?.data ?? []);
    if (!rows.some((i) => i.dataClasses?.length && i.title === 'Passport scans pasted into a chatbot')) {
      // one incident whose data classes were corrected: its page and timeline name both lists
      const { csrfToken } = await get('/api/auth/me');
      const send = async (method, url, body) => {
        const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
        if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
        return res.json();
      };
      const created = await send('POST', '/api/incidents', { title: 'Passport scans pasted into a chatbot', providerOther: 'A chatbot', dataClasses: ['personal_data'] });
      await send('PUT', `/api/incidents/${created.id}`, { dataClasses: ['government_id', 'personal_data'] });
      incidents = await get('/api/incidents?range=[0,99]&sort=["number","DESC"]');
    }
    const rules = await get('/api/rules?range=[0,999]');
    return { providers, incidents, rules };
  });
}

async function walkIncidents(t, page, who, f) {
  await page.goto('/#/incidents');
  await page.getByText('Passport scans pasted into a chatbot').first().waitFor();
  await noRawWords(page, `the incident list (${who})`);
  await t.capture(page, `laptop-light-words-incidents-${who}`);
  const incident = list(f.incidents).find((i) => i.title === 'Passport scans pasted into a chatbot');
  assert(incident, 'an incident names data classes');
  await page.goto(`/#/incidents/${incident.id}/show`);
  await page.getByRole('heading', { name: new RegExp(`#${incident.number}`) }).first().waitFor();
  const text = await page.locator('#main-content').innerText();
  for (const key of incident.dataClasses) assert(!text.includes(key), `the incident page names ${key}, not its key`);
  await noRawWords(page, `incident #${incident.number} (${who})`);
  await t.capture(page, `laptop-light-words-incident-${who}`);
}

async function walkActivity(t, page, who) {
  await page.goto('/#/activity?dataClass=personal_data&effect=warn,block');
  await page.getByTestId('activity-filter-dataClass').getByText('Data class: Personal data').waitFor();
  await page.getByTestId('activity-filter-effect').getByText(/Warn|Block/).first().waitFor();
  await page.getByRole('table', { name: 'Decisions' }).waitFor();
  await noRawWords(page, `the activity log filtered by a data class (${who})`);
  await t.capture(page, `laptop-light-words-activity-${who}`);
}

async function walkProviders(t, page, who, f, slugs) {
  const providers = list(f.providers);
  const qwen = providers.find((p) => p.slug === 'alibaba-qwen');
  const zero = providers.find((p) => p.zeroRetentionOffer);
  const tiers = providers.find((p) => p.accountTypes?.some((a) => a.signals?.length));
  assert(qwen && zero && tiers, 'the catalog has Qwen, a zero-retention service and one with account-type signals');
  for (const p of [qwen, zero, tiers]) {
    await page.goto(`/#/providers/${p.id}/show`);
    await page.getByRole('heading', { name: p.name, level: 2 }).first().waitFor();
    const id = page.locator('#main-content code', { hasText: new RegExp(`^${p.slug}$`) });
    assert((await id.count()) === 1, `${p.name}'s catalog id is shown as an identifier`);
    assert((await page.getByText(/Catalog id:/).count()) > 0, `${p.name}'s catalog id is labelled`);
    await noRawWords(page, `${p.name}'s profile (${who})`, slugs);
    if (p === zero) await page.getByText('zero data retention', { exact: false }).first().waitFor();
    await t.capture(page, `laptop-light-words-provider-${p.slug}-${who}`);
  }
}

export async function scenarioWordsEverywhereOwner(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  // a decision with a data class, so the activity log has one to name
  await t.decide({ action: 'prompt', destination: { provider: 'deepseek' }, content: { dataClasses: ['personal_data'] } });
  const f = await facts(page);
  const slugs = list(f.providers)
    .map((p) => p.slug)
    .filter((s) => s.includes('-'));

  await walkIncidents(t, page, 'owner', f);
  await walkActivity(t, page, 'owner');

  // A rule's data class picker: names only, and the key still finds its class.
  const rule = list(f.rules).find((r) => JSON.stringify(r.conditions ?? r.when ?? r).includes('"dataClasses"'));
  assert(rule, 'a rule has a data class condition');
  await page.goto(`/#/rules/${rule.id}`);
  const row = page.getByRole('group', { name: 'Condition on Data classes' }).first();
  await row.waitFor();
  const box = row.getByRole('combobox', { name: 'Data classes', exact: true });
  await box.click();
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  const options = await listbox.innerText();
  assert(!(options.match(RAW_WORDS) ?? []).length, `the data class picker shows names only: ${options.match(RAW_WORDS)}`);
  assert(!/\([a-z_]+\)/.test(options), `no "Name (key)" in the picker: ${options}`);
  await noRawWords(page, 'the rule form');
  await t.capture(page, 'laptop-light-words-rule-picker');
  await box.fill('source_code');
  await listbox.getByRole('option', { name: 'Source code', exact: true }).waitFor();
  await page.keyboard.press('Escape');

  // Settings: the per-class thresholds are labelled with class names.
  await page.goto('/#/settings');
  await page.getByRole('spinbutton', { name: 'Personal data', exact: true }).waitFor();
  await noRawWords(page, 'the settings');
  await t.capture(page, 'laptop-light-words-settings');

  await walkProviders(t, page, 'owner', f, slugs);

  await page.goto('/#/users');
  await page.getByRole('columnheader').first().waitFor();
  await noRawWords(page, 'the users list');
  await t.capture(page, 'laptop-light-words-users');

  // Saving a webhook says what happened ("Webhook saved"), not "Changes saved". (A webhook of its
  // own, removed afterwards: the scenarios share one server.)
  const hook = await page.evaluate(async () => {
    const { csrfToken } = await (await fetch('/api/auth/me')).json();
    const body = JSON.stringify({ name: 'Words check', url: 'https://hooks.example.com/words', events: ['incident.created', 'incident.high_severity'] });
    const res = await fetch('/api/webhooks', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body });
    if (!res.ok) throw new Error(`creating a webhook answered ${res.status}: ${await res.text()}`);
    return res.json();
  });
  try {
    await page.goto('/#/webhooks');
    await page.getByText('Words check').first().waitFor();
    await noRawWords(page, 'the webhooks list');
    await t.capture(page, 'laptop-light-words-webhooks');
    await page.goto(`/#/webhooks/${hook.id}`);
    const name = page.getByRole('textbox', { name: /^Name/ }).first();
    await name.waitFor();
    await name.fill('Words check, renamed');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Webhook saved').first().waitFor();
    assert((await page.getByText('Changes saved').count()) === 0, 'the toast names the webhook, not "changes"');
  } finally {
    await page.evaluate(async (id) => {
      const { csrfToken } = await (await fetch('/api/auth/me')).json();
      await fetch(`/api/webhooks/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
    }, hook.id);
  }
}
scenarioWordsEverywhereOwner.description = 'owner: incidents, activity, a rule picker, settings, three AI service profiles, users and webhooks in words';

export async function scenarioWordsEverywhereAnalyst(t) {
  const page = await t.newPage({ label: 'analyst' });
  await t.signIn(page, 'sam.analyst@example.com');
  const f = await facts(page);
  const slugs = list(f.providers)
    .map((p) => p.slug)
    .filter((s) => s.includes('-'));
  await walkIncidents(t, page, 'analyst', f);
  await walkActivity(t, page, 'analyst');
  await walkProviders(t, page, 'analyst', f, slugs);
}
scenarioWordsEverywhereAnalyst.description = 'analyst: incidents, activity and three AI service profiles in words';
