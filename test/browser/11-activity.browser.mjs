// The decision log, searchable: an analyst clicks the dashboard's "Blocked" figure and lands on the
// Activity page with that filter applied, opens a decision and reads why it was blocked, loads more,
// finds a service with the app bar's search, and adds an unknown AI destination to the catalog.
// axe-core on every page: zero serious or critical violations.
import { assert } from './harness.mjs';

export async function scenarioDashboardToActivity(t) {
  const page = await t.newPage({ label: 'analyst' });
  await t.signIn(page, 'sam.analyst@example.com');
  const blocked = page.getByRole('link', { name: /^Blocked: / });
  await blocked.waitFor();
  const figure = (await blocked.innerText()).trim();
  assert(Number(figure.replace(/\D/g, '')) > 0, `the demo data has blocked decisions (${figure})`);
  await blocked.click();

  // The Activity page with effect=block (and the dashboard's period) applied, in the URL and on screen.
  await page.waitForURL((u) => u.hash.startsWith('#/activity?') && u.hash.includes('effect=block') && u.hash.includes('since='));
  await page.getByTestId('activity-filter-effect').waitFor();
  assert((await page.getByTestId('activity-filter-effect').innerText()).includes('Effect: Block'), 'the effect filter chip says Block, in words');
  const table = page.getByRole('table', { name: 'Decisions' });
  await table.getByRole('row').nth(1).waitFor();
  const rows = table.getByRole('row');
  const count = (await rows.count()) - 1;
  assert(count > 0, 'blocked decisions are listed');
  for (let i = 1; i <= Math.min(count, 20); i++) {
    assert((await rows.nth(i).innerText()).includes('Block'), `row ${i} is a blocked decision: ${await rows.nth(i).innerText()}`);
  }
  await t.capture(page, 'laptop-light-activity-blocked');

  // More than one page: "Show more" continues from the last row, no total counted.
  const more = page.getByRole('button', { name: 'Show more', exact: true });
  if (await more.isVisible()) {
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('table[aria-label="Decisions"] tbody tr').length > n, count);
  }

  // The drawer: the reasons of the policy version that decided.
  await table.getByRole('button', { name: /^Details of the decision at / }).first().click();
  const drawer = page.getByRole('dialog', { name: 'Decision' });
  await drawer.waitFor();
  const why = drawer.getByRole('list', { name: 'Why' });
  await why.waitFor();
  const reasons = await why.innerText();
  assert(reasons.length > 20 && /Block/.test(reasons), `the drawer shows the blocking rule and its message: ${reasons}`);
  assert((await drawer.innerText()).includes('Not stored') || (await drawer.innerText()).includes('None sent'), 'the drawer says the content is not stored');
  await t.capture(page, 'laptop-light-activity-drawer');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await drawer.waitFor({ state: 'hidden' });

  // A service's bar on the dashboard's list leads to that service's decisions.
  await page.goto('/#/');
  const serviceLink = page.getByRole('list', { name: 'Top AI services: use and blocks' }).getByRole('link').first();
  await serviceLink.waitFor();
  await serviceLink.click();
  await page.waitForURL((u) => u.hash.startsWith('#/activity?') && (u.hash.includes('service=') || u.hash.includes('host=')));
  await table.getByRole('row').nth(1).waitFor();

  // The app bar's search (the bar hides while the page scrolls down).
  await page.evaluate(() => window.scrollTo(0, 0));
  const search = page.getByRole('combobox', { name: 'Search services, rules, incidents, people, API clients' });
  await search.fill('deeps');
  await page.getByRole('option', { name: 'DeepSeek', exact: true }).click();
  await page.waitForURL((u) => /#\/providers\/[0-9a-f-]+\/show/.test(u.hash));
  await page.getByText('DeepSeek').first().waitFor();
}
scenarioDashboardToActivity.description = 'a dashboard figure opens Activity filtered; the drawer shows the reasons; search finds a service';

export async function scenarioUnknownDestination(t) {
  // A prompt to a host outside the catalog: an unknown AI destination.
  const host = `brand-new-ai-${Date.now().toString(36)}.example`;
  const r = await t.decide({ action: 'prompt', destination: { url: `https://${host}/chat` }, content: { dataClasses: ['personal_data'] } });
  assert(r.status === 200 && r.body.destination.unknownAi, `the prompt is to an unknown AI destination: ${JSON.stringify(r.body)}`);
  const page = await t.newPage({ label: 'admin' });
  await t.signIn(page, 'maria.admin@example.com');
  await page.getByRole('menuitem', { name: 'Unknown AI destinations' }).click();
  const add = page.getByRole('button', { name: `Add to catalog: ${host}`, exact: true });
  // The log is written in batches (every second): reload until it is there.
  for (let i = 0; i < 20 && !(await add.isVisible()); i++) {
    await page.waitForTimeout(500);
    await page.reload();
    await page.getByRole('heading', { name: 'Unknown AI destinations', level: 2 }).waitFor();
  }
  await t.capture(page, 'laptop-light-unknown-destinations');
  await add.click();
  await page.waitForURL((u) => /#\/providers\/[0-9a-f-]+$/.test(u.hash));
  await page.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
  assert((await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()) === host, 'the new catalog entry is named after the host');
  await page.goto('/#/activity/unknown-destinations');
  await page.getByRole('heading', { name: 'Unknown AI destinations', level: 2 }).waitFor();
  await page.waitForLoadState('networkidle');
  assert(!(await page.getByText(host, { exact: true }).isVisible()), 'a host added to the catalog is no longer listed as unknown');
}
scenarioUnknownDestination.description = 'an unknown AI destination is listed and added to the catalog under review';
