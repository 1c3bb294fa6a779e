// The console a security team lives in (issue #19): the dashboard's period (a preset and a custom
// from/to) changes every figure and the links keep it; two AI services get a status in the draft at
// once, with the toast that links to Publish; a new organization's owner sees the first-run checklist
// (computed from its data, dismissible) and an empty list that explains itself with its first step.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { assert, choose } from './harness.mjs';

/** A datetime-local value for a moment `daysAgo` in the past (the browser runs in this machine's zone). */
function localInput(daysAgo) {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function statValue(page, label) {
  const link = page.getByRole('link', { name: new RegExp(`^${label}: `) });
  await link.waitFor();
  return (await link.getAttribute('aria-label')).slice(label.length + 2);
}

/** Waits until the dashboard says it shows a period other than `before`, and returns what it says. */
async function shownPeriodAfter(page, before) {
  const shown = page.getByTestId('dashboard-shown-period');
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-testid="dashboard-shown-period"]');
    return el && el.textContent !== b;
  }, before);
  return shown.innerText();
}

export async function scenarioDashboardPeriod(t) {
  const page = await t.newPage({ label: 'owner' });
  await t.signIn(page, 'owner@example.com');
  await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
  const shown30 = await page.getByTestId('dashboard-shown-period').innerText();
  const decisions30 = await statValue(page, 'Decisions');
  // The incident figures open the incident list on the same period, shown as removable filters.
  const reported = Number((await statValue(page, 'Reported')).replace(/\D/g, ''));
  await page.getByRole('link', { name: /^Reported: / }).click();
  await page.waitForURL(/#\/incidents\?/);
  await page.getByRole('textbox', { name: 'Reported from' }).waitFor();
  if (reported > 0) await page.locator('tbody tr').first().waitFor();
  else await page.getByTestId('empty-incidents').or(page.getByText(/No results/)).first().waitFor();
  await page.goBack();
  await page.getByTestId('dashboard-shown-period').waitFor();

  // The last 24 hours: hours on the chart, fewer decisions than in 30 days of demo history.
  await page.getByTestId('period-24h').click();
  const shown24 = await shownPeriodAfter(page, shown30);
  assert(/period=24h/.test(page.url()), `the period is in the address (${page.url()})`);
  const decisions24 = await statValue(page, 'Decisions');
  assert(Number(decisions24.replace(/\D/g, '')) < Number(decisions30.replace(/\D/g, '')), `24 hours (${decisions24}) count fewer decisions than 30 days (${decisions30})`);
  await page.getByRole('heading', { name: 'Incidents reported in this period' }).waitFor();
  await t.capture(page, 'laptop-light-dashboard-24h');

  // A custom period: from 20 to 10 days ago.
  await page.getByTestId('period-custom').click();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill(localInput(20));
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(localInput(10));
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await shownPeriodAfter(page, shown24);
  assert(/from=.*to=/.test(page.url()), `the custom period is in the address (${page.url()})`);
  const decisionsCustom = await statValue(page, 'Decisions');
  assert(decisionsCustom !== decisions24, `the custom period's figures differ (${decisionsCustom} vs ${decisions24})`);
  // A start after the end is said, not sent.
  await page.getByRole('textbox', { name: 'From', exact: true }).fill(localInput(5));
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(localInput(6));
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'The start must be before the end.' }).waitFor();
  await t.capture(page, 'laptop-light-dashboard-custom');

  // The figure's link opens Activity on the same period.
  const href = await page.getByRole('link', { name: /^Decisions: / }).getAttribute('href');
  const q = new globalThis.URLSearchParams(href.split('?')[1] ?? '');
  const since = Date.parse(q.get('since') ?? '');
  const until = Date.parse(q.get('until') ?? '');
  assert(Math.abs(since - (Date.now() - 20 * 86_400_000)) < 2 * 86_400_000 && Math.abs(until - (Date.now() - 10 * 86_400_000)) < 2 * 86_400_000, `the Activity link keeps the period (${href})`);
  await page.getByRole('link', { name: /^Decisions: / }).click();
  await page.waitForURL(/#\/activity\?/);
  assert(page.url().includes('since=') && page.url().includes('until='), `Activity opened with the period (${page.url()})`);
}
scenarioDashboardPeriod.description = 'the dashboard period (24 hours, then a custom from/to) changes the figures and the Activity link keeps it';

export async function scenarioBulkServiceStatus(t) {
  const db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  const reason = `Bulk review ${randomUUID().slice(0, 8)}`;
  // What every service was, to put back the two this scenario changes.
  const before = (await db.query(`SELECT id, status, "statusReason" FROM "Provider"`)).rows;
  try {
    const page = await t.newPage({ label: 'owner' });
    await t.signIn(page, 'owner@example.com');
    await page.getByRole('menuitem', { name: 'AI services', exact: true }).click();
    // react-admin names the row checkbox on its wrapper, not on the input: found by its class.
    const boxes = page.locator('tbody .select-item input[type="checkbox"]');
    await boxes.nth(1).waitFor();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('bulk-status').click();
    const dialog = page.getByRole('dialog', { name: 'Set the status of the selected AI services' });
    await dialog.getByText('2 selected.').waitFor();
    await choose(page, dialog.getByRole('combobox', { name: 'Status' }), 'Restricted');
    await dialog.getByRole('textbox', { name: /^Why this status/ }).fill(reason);
    await t.capture(page, 'laptop-light-bulk-status-dialog');
    await dialog.getByRole('button', { name: 'Apply to 2' }).click();
    const toast = page.getByTestId('draft-saved');
    await toast.waitFor();
    const text = await toast.innerText();
    assert(/2 AI services saved to the draft — publish to apply/.test(text), `the toast says what happened and links to Publish (${text})`);
    assert((await toast.getByRole('link', { name: 'publish to apply' }).getAttribute('href')) === '#/policy/publish', 'the toast links to Publish');
    const { rows } = await db.query(`SELECT id, status FROM "Provider" WHERE "statusReason" = $1`, [reason]);
    assert(rows.length === 2 && rows.every((r) => r.status === 'restricted'), `two services restricted in the draft (${JSON.stringify(rows)})`);
    const audit = await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'provider.update' AND "entityId"::text = ANY($1::text[])`, [rows.map((r) => r.id)]);
    assert(audit.rows[0].n === 2, 'one audit event per service');
  } finally {
    // Later scenarios publish the draft: the two services go back to what they were.
    for (const p of before) await db.query(`UPDATE "Provider" SET status = $2, "statusReason" = $3 WHERE id = $1 AND "statusReason" IS NOT DISTINCT FROM $4`, [p.id, p.status, p.statusReason, reason]);
    await db.end();
  }
}
scenarioBulkServiceStatus.description = 'two AI services get a status in the draft at once, with a reason, and the toast links to Publish';

export async function scenarioFreshOrganization(t) {
  const db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  const slug = `fresh-${randomUUID().slice(0, 8)}`;
  const email = `owner@${slug}.example.com`;
  try {
    // A new organization with its owner (the same password as the demo's owner).
    const { rows } = await db.query(`INSERT INTO "Organization" (id, slug, name, "updatedAt") VALUES (gen_random_uuid(), $1, 'Fresh Org', now()) RETURNING id`, [slug]);
    await db.query(
      `INSERT INTO "User" (id, "organizationId", email, name, role, "passwordHash", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, 'Fresh Owner', 'owner', "passwordHash", now() FROM "User" WHERE email = 'owner@example.com'`,
      [rows[0].id, email],
    );
    const page = await t.newPage({ label: 'fresh owner' });
    await t.signIn(page, email);
    const checklist = page.getByTestId('onboarding-checklist');
    await checklist.waitFor();
    await checklist.getByRole('heading', { name: 'Getting started' }).waitFor();
    for (const step of ['zones', 'sso', 'apiKey', 'extension', 'policy']) {
      assert((await page.getByTestId(`onboarding-${step}`).getAttribute('data-done')) === 'false', `${step} is still to do`);
    }
    assert((await checklist.getByRole('link', { name: 'Define your network zones' }).getAttribute('href')) === '#/zones', 'each step links to its page');
    await t.capture(page, 'laptop-light-first-run-checklist');

    // An empty list explains the feature and offers its first step.
    await checklist.getByRole('link', { name: 'Define your network zones' }).click();
    const empty = page.getByTestId('empty-zones');
    await empty.waitFor();
    await empty.getByText('Network zones name address ranges').waitFor();
    await t.capture(page, 'laptop-light-empty-zones');
    await empty.getByRole('link', { name: 'Create a zone' }).click();
    await page.waitForURL(/#\/zones\/create/);
    // The zone itself is the zones page's business (its own scenarios): made here directly.
    await db.query(`INSERT INTO "NetworkZone" (id, "organizationId", name, cidrs, "updatedAt") VALUES (gen_random_uuid(), $1, 'office', '{10.1.0.0/16}', now())`, [rows[0].id]);

    // Back on the dashboard the zone step is done; hiding the checklist lasts.
    await page.goto('/#/');
    await page.getByTestId('onboarding-zones').and(page.locator('[data-done="true"]')).waitFor();
    await checklist.getByRole('button', { name: 'Hide this checklist' }).click();
    await checklist.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
    await page.getByTestId('dashboard-shown-period').waitFor();
    assert((await page.getByTestId('onboarding-checklist').count()) === 0, 'the dismissed checklist stays hidden');
  } finally {
    await db.end();
  }
}
scenarioFreshOrganization.description = "a new organization's owner sees the first-run checklist, an empty list with its first step, and hides the checklist";

export async function scenarioBulkIncidentsAndUsers(t) {
  const db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  const people = ['dan.sales@example.com', 'hannah.hr@example.com'];
  // Who had the incidents, to give them back (later scenarios read the demo as seeded).
  const assignees = (await db.query(`SELECT id, "assigneeId" FROM "Incident"`)).rows;
  try {
    const page = await t.newPage({ label: 'owner' });
    await t.signIn(page, 'owner@example.com');

    // Two incidents to the analyst at once.
    await page.getByRole('menuitem', { name: 'Incidents', exact: true }).click();
    const rows = page.locator('tbody tr');
    await rows.nth(1).waitFor();
    const numbers = [];
    for (const i of [0, 1]) {
      numbers.push(Number((await rows.nth(i).getByRole('cell', { name: /^#\d+$/ }).innerText()).slice(1)));
      await rows.nth(i).getByRole('checkbox', { name: 'Select this row' }).check();
    }
    await page.getByTestId('bulk-assign').click();
    const assign = page.getByRole('dialog', { name: 'Assign the selected incidents' });
    await assign.getByRole('combobox', { name: 'Assignee' }).waitFor();
    await choose(page, assign.getByRole('combobox', { name: 'Assignee' }), 'Sam Analyst (sam.analyst@example.com)');
    await t.capture(page, 'laptop-light-bulk-assign-dialog');
    await assign.getByRole('button', { name: 'Apply to 2' }).click();
    await page.getByText('2 incidents assigned.').waitFor();
    const assigned = await db.query(
      `SELECT i.number FROM "Incident" i JOIN "User" u ON u.id = i."assigneeId" WHERE u.email = 'sam.analyst@example.com' AND i.number = ANY($1::int[])`,
      [numbers],
    );
    assert(assigned.rows.length === 2, `incidents ${numbers.join(', ')} are Sam's (${JSON.stringify(assigned.rows)})`);

    // Two people disabled, then enabled again, at once.
    await page.getByRole('menuitem', { name: 'Users', exact: true }).click();
    for (const email of people) await page.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) }).getByRole('checkbox', { name: 'Select this row' }).check();
    await page.getByTestId('bulk-disable').click();
    const disable = page.getByRole('dialog', { name: 'Disable the selected users' });
    await disable.getByText(/signed out everywhere/).waitFor();
    await disable.getByRole('button', { name: 'Apply to 2' }).click();
    await page.getByText('2 users changed.').waitFor();
    const off = await db.query(`SELECT count(*)::int AS n FROM "User" WHERE email = ANY($1) AND disabled`, [people]);
    assert(off.rows[0].n === 2, 'both are disabled');
    for (const email of people) await page.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) }).getByRole('checkbox', { name: 'Select this row' }).check();
    await page.getByTestId('bulk-enable').click();
    const enable = page.getByRole('dialog', { name: 'Enable the selected users' });
    await enable.getByRole('button', { name: 'Apply to 2' }).click();
    // The dialog closes once the server answered.
    await enable.waitFor({ state: 'hidden' });
    const on = await db.query(`SELECT count(*)::int AS n FROM "User" WHERE email = ANY($1) AND NOT disabled`, [people]);
    assert(on.rows[0].n === 2, 'both are enabled again');
  } finally {
    await db.query(`UPDATE "User" SET disabled = false WHERE email = ANY($1)`, [people]);
    for (const i of assignees) await db.query(`UPDATE "Incident" SET "assigneeId" = $2 WHERE id = $1 AND "assigneeId" IS DISTINCT FROM $2`, [i.id, i.assigneeId]);
    await db.end();
  }
}
scenarioBulkIncidentsAndUsers.description = 'two incidents are assigned to an analyst at once; two users are disabled and enabled again at once';
